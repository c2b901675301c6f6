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

/** A ConfigMap of `keys` settings and a properties block: what a real service's config looks like. */
function settingsMap(i: number, keys: number, rnd: () => number): string {
	const data = Array.from({ length: keys }, (_, k) => `  SETTING_${k}: "${Math.floor(rnd() * 1000)}"`);
	const properties = Array.from({ length: 8 }, (_, k) => `    service.${i}.option${k}=${rnd() < 0.5 ? 'true' : 'false'}`);
	return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: shop\n  labels:\n    app: app-${i}\ndata:\n  LOG_LEVEL: ${rnd() < 0.5 ? 'info' : 'debug'}\n${data.join('\n')}\n  application.properties: |\n${properties.join('\n')}\n`;
}

/** A container that reads keys of its own ConfigMap and of its neighbour's, and talks to the neighbour's Service. */
function container(name: string, i: number, next: number, rnd: () => number): string {
	const p = '          ';
	const env = [0, 1, 2].map((k) => `${p}  - name: SETTING_${k}\n${p}    valueFrom:\n${p}      configMapKeyRef:\n${p}        name: config-${k === 2 ? next : i}\n${p}        key: SETTING_${k}`);
	return `${p.slice(2)}- name: ${name}
${p}image: registry.example.com/shop/app-${i}-${name}:1.${i % 10}.${Math.floor(rnd() * 10)}
${p}ports:
${p}  - name: http
${p}    containerPort: 8080
${p}env:
${p}  - name: UPSTREAM
${p}    value: http://app-${next}.shop.svc.cluster.local
${env.join('\n')}
${p}envFrom:
${p}  - configMapRef:
${p}      name: config-${i}
${p}readinessProbe:
${p}  httpGet:
${p}    path: /ready
${p}    port: http
${p}  periodSeconds: 10
${p}livenessProbe:
${p}  httpGet:
${p}    path: /healthz
${p}    port: http
${p}resources:
${p}  requests:
${p}    cpu: ${100 + Math.floor(rnd() * 400)}m
${p}    memory: ${128 * (1 + Math.floor(rnd() * 4))}Mi
${p}  limits:
${p}    memory: 1Gi
${p}volumeMounts:
${p}  - name: data
${p}    mountPath: /data
${p}  - name: config
${p}    mountPath: /etc/app
`;
}

/** Deployment, Service, PVC and ConfigMap of one service, reading the ConfigMap and Service of the next one. */
function crossGroup(i: number, groups: number, rnd: () => number): string[] {
	const app = `app-${i}`;
	const next = (i + 1) % groups;
	return [
		settingsMap(i, 24, rnd),
		`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${i}\n  namespace: shop\n  labels:\n    app: ${app}\nspec:\n  storageClassName: standard\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: ${1 + Math.floor(rnd() * 50)}Gi\n`,
		`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: shop\n  labels:\n    app: ${app}\nspec:\n  replicas: ${1 + Math.floor(rnd() * 3)}\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n        tier: backend\n    spec:\n      containers:\n${container('main', i, next, rnd)}${container('sidecar', i, next, rnd)}      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data-${i}\n        - name: config\n          configMap:\n            name: config-${i}\n`,
		`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: shop\n  labels:\n    app: ${app}\nspec:\n  type: ${rnd() < 0.2 ? 'NodePort' : 'ClusterIP'}\n  selector:\n    app: ${app}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
	];
}

/**
 * The heavier input: about `lines` lines of Deployments, Services, PVCs and ConfigMaps that reference
 * each other (10,000 lines: 52 services, 208 documents), each Deployment reading its own ConfigMap and
 * PVC and its neighbour's ConfigMap and Service.
 */
export function crossReferenced(lines: number, seed = 17): string {
	const rnd = random(seed);
	const sample = crossGroup(0, 1, random(seed)).join('---\n').split('\n').length;
	const groups = Math.max(1, Math.round(lines / sample));
	const docs: string[] = [];
	for (let i = 0; i < groups; i++) docs.push(...crossGroup(i, groups, rnd));
	return docs.join('---\n');
}
