/* Small manifests the validation tests share (unit, protocol, command line). */

/** A Service `web` whose one port uses the given protocol (`TCPP` is what the API server rejects). */
export function serviceWithProtocol(protocol: string): string {
	return `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
      protocol: ${protocol}
`;
}

/** A Deployment `web` selecting `app: web` whose template is labelled `app: <label>`; `extra` lines go under the container. */
export function deploymentWithLabel(label: string, extra = ''): string {
	return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: ${label} }
    spec:
      containers:
        - name: web
          image: nginx:1.27
${extra}`;
}

/** A DaemonSet in kube-system running one container per image (c0, c1, ...): how node agents such as CNI plugins are installed. */
export function daemonSet(name: string, ...images: string[]): string {
	return `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name}, namespace: kube-system }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
${images.map((image, i) => `        - { name: c${i}, image: "${image}" }`).join('\n')}
`;
}
