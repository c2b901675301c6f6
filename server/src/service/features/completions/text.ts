import type { Localized } from '../../knowledge/types';

/** Words of completion items, in both languages. */
export const COMPLETION_TEXT = {
	definedIn: { en: '{0} in {1}', zh: '{0}，位于 {1}' },
	otherNamespace: { en: 'namespace {0}: a reference cannot cross namespaces', zh: '命名空间 {0}：引用不能跨命名空间' },
	profileClass: { en: 'StorageClass of the cluster profile', zh: '集群配置中的 StorageClass' },
	profileRuntime: { en: 'RuntimeClass of the cluster profile', zh: '集群配置中的 RuntimeClass' },
	pvClass: { en: 'class of PersistentVolume {0} (static binding)', zh: 'PersistentVolume {0} 的类（静态绑定）' },
	handler: { en: 'handler of {0}: needs a RuntimeClass of this name', zh: '{0} 的 handler：需要同名的 RuntimeClass' },
	builtIn: { en: 'built into Kubernetes', zh: 'Kubernetes 内置' },
	headless: { en: 'headless', zh: '无头服务' },
	keys: { en: '{0} keys', zh: '{0} 个键' },
	keyOf: { en: 'key of {0} {1}', zh: '{0} {1} 的键' },
	portOf: { en: 'port of Service {0}', zh: 'Service {0} 的端口' },
	containerPort: { en: 'container port of {0}', zh: '{0} 的容器端口' },
	labelOf: { en: 'label of {0}', zh: '{0} 的标签' },
	selectorOf: { en: 'every label of {0}', zh: '{0} 的全部标签' },
	driver: { en: 'driver of {0}', zh: '{0} 的驱动' },
	annotationOf: { en: 'annotation of {0}', zh: '{0} 的注解' },
	annotationPrefix: { en: 'annotation prefix of {0}', zh: '{0} 的注解前缀' },
	otherCni: { en: 'the cluster runs {0}, not {1}', zh: '集群使用 {0}，而不是 {1}' },
	clusterCni: { en: 'the cluster\'s CNI', zh: '集群的 CNI' },
} satisfies Record<string, Localized>;
