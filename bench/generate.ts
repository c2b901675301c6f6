/* Seeded, reproducible inputs: manifests of resources that reference each other. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so every run sees the same inputs. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One group of related resources: class, volume, claim, config, deployment, service, ingress. */
function group(i: number, rnd: () => number): string[] {
	const app = `app-${i}`;
	const size = 1 + Math.floor(rnd() * 50);
	const replicas = 1 + Math.floor(rnd() * 3);
	return [
		`apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: class-${i}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3\n`,
		`apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${i}\n  labels:\n    app: ${app}\nspec:\n  capacity:\n    storage: ${size}Gi\n  accessModes:\n    - ReadWriteOnce\n  storageClassName: class-${i}\n  persistentVolumeReclaimPolicy: Retain\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-${(i * 7919).toString(16)}\n`,
		`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${i}\n  namespace: shop\nspec:\n  storageClassName: class-${i}\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: ${size}Gi\n`,
		`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: shop\ndata:\n  LOG_LEVEL: ${rnd() < 0.5 ? 'info' : 'debug'}\n  FEATURE_${i}: "on"\n`,
		`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: shop\n  labels:\n    app: ${app}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${app}\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n  template:\n    metadata:\n      labels:\n        app: ${app}\n        tier: backend\n    spec:\n      containers:\n        - name: main\n          image: registry.example.com/shop/${app}:1.${i % 10}.0\n          ports:\n            - name: http\n              containerPort: 8080\n          envFrom:\n            - configMapRef:\n                name: config-${i}\n          resources:\n            requests:\n              cpu: ${100 + Math.floor(rnd() * 400)}m\n              memory: ${128 * (1 + Math.floor(rnd() * 4))}Mi\n          volumeMounts:\n            - name: data\n              mountPath: /data\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data-${i}\n`,
		`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  type: ${rnd() < 0.2 ? 'NodePort' : 'ClusterIP'}\n  selector:\n    app: ${app}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
		`apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  rules:\n    - host: ${app}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${app}\n                port:\n                  name: http\n`,
	];
}

/** A multi-document manifest of about `lines` lines. */
export function manifest(lines: number, seed = 42): string {
	const rnd = random(seed);
	const docs: string[] = [];
	let count = 0;
	for (let i = 0; count < lines; i++) {
		for (const doc of group(i, rnd)) {
			docs.push(doc);
			count += doc.split('\n').length;
		}
	}
	return docs.join('---\n');
}

/**
 * A workspace of `files` manifest files (one group each, about 10 KB with the default six padded
 * ConfigMaps, about 2.5 KB without), in nested folders.
 */
export function workspace(root: string, files: number, seed = 7, padding = 6): void {
	const rnd = random(seed);
	for (let i = 0; i < files; i++) {
		const dir = join(root, `team-${i % 50}`, `svc-${Math.floor(i / 50) % 20}`);
		mkdirSync(dir, { recursive: true });
		const docs = group(i, rnd);
		const extra = Array.from({ length: padding }, (_, k) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-${i}-${k}\n  namespace: shop\ndata:\n  payload: "${'x'.repeat(1100)}"\n`);
		writeFileSync(join(dir, `app-${i}.yaml`), [...docs, ...extra].join('---\n'));
	}
}
