/* Writes a Kubernetes JSON schema for yaml-language-server (the benchmark's peer), offline, from kubernetes-types. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const out = join(__dirname, 'out', 'kubernetes.schema.json');
const entry = join(__dirname, 'schemaTypes.ts');
const schema = createGenerator({ path: entry, tsconfig: join(__dirname, '..', 'tsconfig.json'), type: 'KubernetesObject', skipTypeCheck: true, additionalProperties: false, expose: 'all' }).createSchema('KubernetesObject');
mkdirSync(join(__dirname, 'out'), { recursive: true });
writeFileSync(out, JSON.stringify(schema));
console.log(`wrote ${out} (${Math.round(JSON.stringify(schema).length / 1024)} KiB)`);
