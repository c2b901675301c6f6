import { KnowledgeGraph } from '../../knowledge/graph';
import { t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { agentHostPathText } from '../../rules/nodeAgentText';
import { nodeAgentOf } from '../../rules/nodeAgents';
import { podSpecOf } from '../../rules/podSpec';
import { entryLink } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';

const HEADING = { en: 'Node agent', zh: '节点代理' };

/**
 * A hostPath volume (its key or its path) of a workload the knowledge recognises as a node agent:
 * what the agent needs the path for and what to restrict, as host-path-volume says it.
 */
export const nodeAgentHover: HoverPart = (c) => {
	const path = c.at.path;
	const at = path.lastIndexOf('hostPath');
	const onKey = at === path.length - 1 && c.at.isKey;
	const onPath = at === path.length - 2 && path[path.length - 1] === 'path' && !c.at.isKey;
	if (at < 2 || (!onKey && !onPath) || path[at - 2] !== 'volumes' || !c.resource) return undefined;
	const pod = podSpecOf(c.resource);
	if (!pod) return undefined;
	const agent = nodeAgentOf(c.graph, pod.spec);
	const volumes = pod.spec.volumes;
	const volume = Array.isArray(volumes) ? (volumes[path[at - 1] as number] as unknown) : undefined;
	if (!agent || !isRecord(volume) || !isRecord(volume.hostPath) || typeof volume.name !== 'string') return undefined;
	const language = c.settings.language;
	const text = agentHostPathText(agent, pod.spec, { name: volume.name, hostPath: volume.hostPath });
	return `#### ${t(HEADING, language)} · ${entryLink(agent.entity.id, KnowledgeGraph.text(agent.entity.title, language))}\n\n${t(text, language)}`;
};
