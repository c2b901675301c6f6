import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Localized } from '../knowledge/types';
import { both } from '../l10n/text';
import { placeLater } from '../manifest/nodes';
import type { ProfileEvidence, ProfileValue } from '../workspace/profile';
import type { WorkspaceIndex } from '../workspace/index';
import type { RelatedLocation } from './types';

const CONFIGURED = { en: 'set in the configuration (.kubelore.yaml or the kubelore settings)', zh: '来自配置（.kubelore.yaml 或 kubelore 设置）' };
const INFERRED = { en: 'inferred from {0}: {1}', zh: '根据 {0} 推断：{1}' };
const EVIDENCE = { en: 'This shows the cluster runs {0}', zh: '据此判断集群使用 {0}' };

/** Where a profile value came from, in words: the configuration, or the file and line that shows it. */
export function originText(value: ProfileValue, index: WorkspaceIndex): Localized {
	const first = value.evidence[0];
	if (value.configured || !first) return CONFIGURED;
	// Worked out when a message reads it: the place needs the evidence's document parsed with ranges.
	let text: Localized | undefined;
	const get = () => (text ??= both(INFERRED, placeOf(first, index), first.what));
	return {
		get en() {
			return get().en;
		},
		get zh() {
			return get().zh;
		},
	};
}

/** `calico.yaml:42`: a file's last path segment and the 1-based line of an offset. */
export function placeOf(evidence: ProfileEvidence, index: WorkspaceIndex): string {
	const file = index.getFile(evidence.uri);
	const line = file ? file.text.positionAt(evidence.start).line + 1 : 1;
	return `${decodeURIComponent(evidence.uri.slice(evidence.uri.lastIndexOf('/') + 1))}:${line}`;
}

/** Related information pointing at what made the profile say so (the first few places). */
export function evidenceRelated(value: ProfileValue, entity: Entity): RelatedLocation[] {
	return value.evidence.slice(0, 3).map((e) =>
		placeLater(
			{ uri: e.uri, message: { en: `${both(EVIDENCE, KnowledgeGraph.text(entity.title, 'en')).en}: ${e.what}`, zh: `${both(EVIDENCE, KnowledgeGraph.text(entity.title, 'zh')).zh}：${e.what}` } },
			() => [e.start, e.end],
		),
	);
}

/** An entity's title in both languages. */
export function titleOf(entity: Entity): Localized {
	return { en: KnowledgeGraph.text(entity.title, 'en'), zh: KnowledgeGraph.text(entity.title, 'zh') };
}
