/*
 * A generated tree of many manifest files, for the memory and streaming checks of `kubelore lint`.
 * As a script it measures a run: node --import tsx test/cli/largeInput.ts [files] [text|sarif|json]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI } from './run';

/** A Deployment and its Service; every third Service has unnamed ports, every fifth pod a hostPath. */
export function manifest(i: number): string {
	const name = `app-${i}`;
	const hostPath = i % 5 === 0 ? `\n      volumes:\n        - name: logs\n          hostPath: { path: /var/log/${name} }` : '';
	const ports = i % 3 === 0 ? '    - port: 80\n      targetPort: 8080\n    - port: 443\n      targetPort: 8443' : '    - name: http\n      port: 80\n      targetPort: http';
	return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name}, team: team-${i % 17} }
spec:
  replicas: 2
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: main
          image: registry.example.com/${name}:1.${i % 10}.0
          ports:
            - { name: http, containerPort: 8080 }
            - { name: https, containerPort: 8443 }
          resources:
            requests: { cpu: 100m, memory: 128Mi }${hostPath}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${name} }
  ports:
${ports}
`;
}

/** Writes `count` files in folders of 100 under a new temporary folder and returns it. */
export function generateTree(count: number): string {
	const root = mkdtempSync(join(tmpdir(), 'kubelore-large-'));
	for (let i = 0; i < count; i++) {
		const dir = join(root, `team-${Math.floor(i / 100)}`);
		if (i % 100 === 0) mkdirSync(dir);
		writeFileSync(join(dir, `app-${i}.yaml`), manifest(i));
	}
	return root;
}

/** Runs the CLI with a preload that records its peak resident memory; returns it in MiB and the run. */
export function measuredRun(args: string[], cwd: string): { peakMiB: number; status: number | null; stdout: string; seconds: number } {
	const rssFile = join(cwd, `.rss-${process.pid}`);
	const started = Date.now();
	const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(__dirname, 'recordPeakMemory.mjs')).toString(), CLI, ...args], {
		cwd,
		env: { ...process.env, KUBELORE_TEST_RSS_FILE: rssFile, NO_COLOR: '1' },
		maxBuffer: 1 << 30,
	});
	const seconds = (Date.now() - started) / 1000;
	const peakKiB = Number(readFileSync(rssFile, 'utf8'));
	rmSync(rssFile, { force: true });
	return { peakMiB: Math.round(peakKiB / 1024), status: run.status, stdout: run.stdout.toString(), seconds };
}

if (require.main === module) {
	const count = Number(process.argv[2] ?? 5000);
	const format = process.argv[3] ?? 'text';
	const root = generateTree(count);
	try {
		const result = measuredRun(['lint', '.', '--format', format], root);
		process.stdout.write(`${count} files, --format ${format}: exit ${result.status}, ${result.seconds.toFixed(1)} s, peak RSS ${result.peakMiB} MiB, output ${(Buffer.byteLength(result.stdout) / 1024 / 1024).toFixed(1)} MiB\n`);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
