/*
 * Hovers on a small manifest of the server's own. Every server makes them before its initialize
 * answer (server.ts), so that its first open and first hover do not run their code cold; and they
 * are made again right before the code cache is written (start.ts writes it once, from the compiled
 * functions of the first server that found none), so that the hover code is in the cache and later
 * servers load it compiled.
 */
import type { Position } from 'vscode-languageserver-types';
import type { FieldDocs } from './service/features/hoverContext';
import type { KnowledgeGraph } from './service/knowledge/graph';
import { parseManifest } from './service/manifest/parse';
import { createLanguageService } from './service/service';
import type { Settings } from './service/settings';
import { WorkspaceIndex } from './service/workspace/index';

export const WARM_UP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web, tier: "front" }
  annotations:
    note: |
      two lines
      of text
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: 'nginx:1.27'
          args: [--port, "8080"]
          env:
            - name: DEBUG
              value: "false"
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`;

const WARM_UP_URI = 'untitled:warm-up.yaml';

/** The first character of each key and of each value that follows a key on its line, in the first `lines` lines (all by default). */
export function keyAndValuePositions(text: string, lines?: number): Position[] {
	const positions: Position[] = [];
	for (const [line, content] of text.split('\n', lines).entries()) {
		const key = /^(\s*(?:-\s+)?)[A-Za-z][\w.-]*:\s*(\S)?/.exec(content);
		if (!key) continue;
		positions.push({ line, character: key[1].length });
		if (key[2]) positions.push({ line, character: key[0].length - 1 });
	}
	return positions;
}

/**
 * Where the warm-up hovers: one place for each kind of hover (a field's description, an API version,
 * a kind's entry, a value's entry, the Services selecting a workload, a Service's selector), not every key:
 * a server whose code cache holds their code still runs them before its first open.
 */
export const WARM_UP_HOVERS: Position[] = [
	{ line: 0, character: 0 }, // apiVersion (the key)
	{ line: 0, character: 12 }, // apps/v1
	{ line: 1, character: 6 }, // Deployment
	{ line: 3, character: 8 }, // the Deployment's name: the Services selecting it
	{ line: 10, character: 2 }, // replicas
	{ line: 14, character: 13 }, // a pod template label
	{ line: 18, character: 10 }, // image
	{ line: 27, character: 6 }, // Service
	{ line: 31, character: 8 }, // NodePort
	{ line: 33, character: 9 }, // the selector's label: the workloads it selects
];

/** Both YAML readers run once on WARM_UP (values first, then with ranges), so that their code is compiled. */
export function warmReaders(): void {
	for (const document of parseManifest(WARM_UP_URI, 0, WARM_UP, { valuesFirst: true }).documents) void document.yaml;
}

/**
 * Both YAML readers run on WARM_UP (values first, then with ranges), and the WARM_UP_HOVERS, in an
 * index of its own: answers are dropped and the server's index is left as it was. Returns how many
 * of the hovers had something to say.
 */
export function warmUp(graph: KnowledgeGraph, settings: Settings, fieldDocs: FieldDocs | undefined): number {
	warmReaders();
	const index = new WorkspaceIndex();
	index.setFile(WARM_UP_URI, WARM_UP, 0, true);
	const service = createLanguageService({ index, graph, docsBase: '', fieldDocs });
	let answered = 0;
	for (const position of WARM_UP_HOVERS) if (service.doHover(WARM_UP_URI, position, settings)) answered++;
	return answered;
}
