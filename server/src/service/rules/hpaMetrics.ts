import { isRecord } from '../manifest/parse';

/**
 * One autoscaling/v2beta1 metric in the autoscaling/v2 shape: `targetAverageUtilization`,
 * `targetAverageValue` and `targetValue` become a `target` with its `type`, `metricName` (and its
 * selector) becomes `metric`, and an Object metric's `target` becomes `describedObject`. Returns
 * the same object when it already has the v2 shape, undefined when it is not a metric it knows.
 */
export function hpaMetricV2(metric: Record<string, unknown>): Record<string, unknown> | undefined {
	const type = metric.type;
	const key = typeof type === 'string' ? type.charAt(0).toLowerCase() + type.slice(1) : '';
	const source = metric[key];
	if (!['resource', 'pods', 'object', 'external', 'containerResource'].includes(key) || !isRecord(source)) return undefined;
	if (isRecord(source.target) && typeof source.target.type === 'string') return metric;
	const target = targetOf(source);
	if (!target) return undefined;
	const next: Record<string, unknown> = {};
	if (key === 'resource' || key === 'containerResource') {
		next.name = source.name;
		if (source.container !== undefined) next.container = source.container;
	} else {
		if (key === 'object') {
			if (!isRecord(source.target)) return undefined;
			next.describedObject = source.target;
		}
		const selector = source.metricSelector ?? source.selector;
		next.metric = { name: source.metricName, ...(selector !== undefined ? { selector } : {}) };
	}
	next.target = target;
	return { ...metric, [key]: next };
}

function targetOf(source: Record<string, unknown>): Record<string, unknown> | undefined {
	if (source.targetAverageUtilization !== undefined) return { type: 'Utilization', averageUtilization: source.targetAverageUtilization };
	if (source.targetAverageValue !== undefined) return { type: 'AverageValue', averageValue: source.targetAverageValue };
	if (source.averageValue !== undefined) return { type: 'AverageValue', averageValue: source.averageValue };
	if (source.targetValue !== undefined) return { type: 'Value', value: source.targetValue };
	return undefined;
}
