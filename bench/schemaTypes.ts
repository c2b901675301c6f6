/* The kinds the benchmark's inputs use: one schema whose oneOf picks the kind. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';

export type KubernetesObject = Deployment | Service | PersistentVolumeClaim | PersistentVolume | StorageClass | ConfigMap | Ingress;
