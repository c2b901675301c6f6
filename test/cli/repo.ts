/* A generated repository where findings cross files: Services and Ingresses in one folder, the workloads they select in another. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The files of the repository, by path relative to its root. */
export function repositoryFiles(apps: number): Map<string, string> {
	const files = new Map<string, string>();
	for (let i = 0; i < apps; i++) {
		const app = `app-${i}`;
		// Every third workload is labelled differently from what its Service selects; every fifth lacks the named port.
		const label = i % 3 === 0 ? `${app}-old` : app;
		const port = i % 5 === 0 ? 'web' : 'http';
		files.set(
			`workloads/team-${i % 4}/${app}.yaml`,
			`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${label}\n  template:\n    metadata:\n      labels:\n        app: ${label}\n    spec:\n      containers:\n        - name: main\n          image: registry.example.com/${app}:1.0.0\n          ports:\n            - name: ${port}\n              containerPort: 8080\n          volumeMounts:\n            - name: data\n              mountPath: /data\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data-${i}\n`,
		);
		files.set(
			`services/${app}.yaml`,
			`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  rules:\n    - host: ${app}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${i % 7 === 0 ? `${app}-gone` : app}\n                port:\n                  name: http\n`,
		);
		// Claims for most workloads only: the others are missing.
		if (i % 4 !== 1) files.set(`storage/data-${i}.yaml`, `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${i}\n  namespace: shop\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`);
	}
	return files;
}

/** Writes the repository under `root`. */
export function writeRepository(root: string, apps: number): void {
	for (const [path, text] of repositoryFiles(apps)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
}
