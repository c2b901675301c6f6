/*
 * The Chinese terms of the upstream Kubernetes documentation (kubernetes.io/zh-cn), as
 * knowledge/FORMAT.md lists them: each entry maps a rendering we no longer use to the one we do.
 * The builder reports these in entries; a unit test looks for them in rule messages and docs.
 */
import type { KnowledgeProblem } from '../../server/src/service/knowledge/types';

export const GLOSSARY: readonly { avoid: RegExp; use: string }[] = [
	{ avoid: /动态(?:供给|供应|配置)/, use: '动态制备' },
	{ avoid: /静态(?:供给|供应)/, use: '静态制备' },
	{ avoid: /供给器|供应器/, use: '制备器' },
	{ avoid: /持久卷声明|存储卷?声明|持久卷申请/, use: '持久卷申领' },
	{ avoid: /持久化卷/, use: '持久卷' },
	{ avoid: /存储类别/, use: '存储类' },
	{ avoid: /特性开关|功能门控/, use: '特性门控' },
	{ avoid: /选择器/, use: '选择算符' },
	{ avoid: /名字空间/, use: '命名空间' },
	{ avoid: /控制面(?!板)/, use: '控制平面' },
	{ avoid: /叠加网络|Overlay ?网络/i, use: '覆盖网络' },
	{ avoid: /Underlay ?网络/i, use: '底层网络' },
	{ avoid: /服务账户/, use: '服务账号' },
	{ avoid: /网络政策/, use: '网络策略' },
	{ avoid: /回收政策/, use: '回收策略' },
];

/** The glossary terms a text avoids, each with the term to use and its line (1-based). */
export function glossaryHits(text: string): { line: number; found: string; use: string }[] {
	const hits: { line: number; found: string; use: string }[] = [];
	text.split('\n').forEach((line, i) => {
		for (const { avoid, use } of GLOSSARY) {
			const found = avoid.exec(line)?.[0];
			if (found) hits.push({ line: i + 1, found, use });
		}
	});
	return hits;
}

/**
 * Glossary problems of an entry document. Aliases are left alone: they are what readers search
 * for, and other renderings (名字空间) belong there.
 */
export function glossaryProblems(path: string, text: string): KnowledgeProblem[] {
	const kept = text.replace(/^aliases:.*$/gm, '');
	return glossaryHits(kept).map((h) => ({ file: path, line: h.line, message: `Chinese term "${h.found}": the glossary (knowledge/FORMAT.md) says "${h.use}"` }));
}
