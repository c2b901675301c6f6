import { containerAnchor, validatedContainers } from './containers';
import { POD_SPEC_KINDS } from './podSpec';
import type { Finding, Rule } from './types';

/** A container without `image`: the API server rejects the pod or its template. */
export const containerImageRequired: Rule = {
	id: 'container-image-required',
	severity: 'error',
	description: { en: 'A container has no image.', zh: '容器没有指定镜像。' },
	kinds: POD_SPEC_KINDS,
	local: true,
	check(context) {
		const { entry } = context;
		const findings: Finding[] = [];
		for (const container of validatedContainers(context)) {
			const image = container.value.image;
			if (typeof image === 'string' && image.trim() !== '') continue;
			if (image !== undefined && image !== null && typeof image !== 'string') continue; // a type error, reported by schema-type
			const label = container.name ? `"${container.name}"` : '';
			findings.push({
				...containerAnchor(container),
				message: {
					en: `The API server rejects this ${entry.resource.kind}: container ${label} has no image (Required value: ${container.path.slice(-2).join('[')}].image). Add \`image:\` with the image to run, e.g. \`nginx:1.27\`.`,
					zh: `API Server 会拒绝这个 ${entry.resource.kind}：容器 ${label} 没有镜像（Required value：${container.path.slice(-2).join('[')}].image）。请添加 \`image:\`，写上要运行的镜像，例如 \`nginx:1.27\`。`,
				},
			});
		}
		return findings;
	},
};
