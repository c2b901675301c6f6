import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { API_MIGRATIONS, type ApiMigration, type ApiVersionRow, type Entity, type KnowledgeProblem } from '../../server/src/service/knowledge/types';

const GROUP_VERSION = /^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/;
const RELEASE = /^1\.\d+$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Reads and checks the API version table (knowledge/tables/api-versions.yaml). Every row needs
 * a kind, a group/version, a source link, releases written "1.x" in order, and a replacement
 * unless its migration is manual; a row whose fields changed says how in both languages.
 */
export function readApiTable(path: string, text: string): { rows: ApiVersionRow[]; problems: KnowledgeProblem[] } {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
	const problems: KnowledgeProblem[] = doc.errors.map((e) => ({ file: path, line: lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0] }));
	const list = isMap(doc.contents) ? doc.contents.get('versions') : undefined;
	if (!isSeq(list)) {
		if (problems.length === 0) problems.push({ file: path, line: 1, message: 'the table needs a `versions` list' });
		return { rows: [], problems };
	}
	const rows: ApiVersionRow[] = [];
	const seen = new Set<string>();
	// Rows share their `changes` through YAML anchors: read values from the whole document.
	const values = ((doc.toJS() as { versions?: unknown[] }).versions ?? []) as unknown[];
	for (const [i, item] of list.items.entries()) {
		const line = lines.linePos((item as { range?: number[] }).range?.[0] ?? 0).line;
		const bad = (message: string) => problems.push({ file: path, line, message });
		const raw = values[i] as Record<string, unknown> | undefined;
		if (!raw || typeof raw !== 'object') {
			bad('a row must be a map');
			continue;
		}
		const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
		const row: ApiVersionRow = { kind: str('kind') ?? '', version: str('version') ?? '', migration: (str('migration') ?? '') as ApiMigration, source: str('source') ?? '' };
		if (!KIND.test(row.kind)) bad('kind must be a Kubernetes kind such as Ingress');
		if (!GROUP_VERSION.test(row.version)) bad(`version "${row.version}" is not a group/version`);
		for (const key of ['deprecatedIn', 'removedIn', 'replacementSince'] as const) {
			const value = raw[key];
			if (value === undefined) continue;
			if (typeof value === 'string' && RELEASE.test(value)) row[key] = value;
			else bad(`${key} must be a release written as a string "1.x"`);
		}
		if (row.deprecatedIn && row.removedIn && minor(row.deprecatedIn) >= minor(row.removedIn)) bad('deprecatedIn must come before removedIn');
		const replacement = str('replacement');
		if (replacement !== undefined) {
			if (GROUP_VERSION.test(replacement)) row.replacement = replacement;
			else bad(`replacement "${replacement}" is not a group/version`);
			if (!row.replacementSince) bad('a replacement needs replacementSince: the release that first serves it');
		}
		if (!API_MIGRATIONS.includes(row.migration)) bad(`migration must be one of ${API_MIGRATIONS.join(', ')}`);
		else if (row.migration !== 'manual' && !row.replacement) bad('only a manual migration may lack a replacement');
		const changes = raw.changes as Record<string, unknown> | undefined;
		if (changes !== undefined) {
			if (typeof changes?.en === 'string' && typeof changes.zh === 'string') row.changes = { en: changes.en, zh: changes.zh };
			else bad('changes needs an en and a zh text');
		}
		if (row.migration === 'manual' && !row.changes) bad('a manual migration must say what changed (changes)');
		if (!/^https:\/\//.test(row.source)) bad('every row needs a source: an https link to the guide section');
		const key = `${row.kind} ${row.version}`;
		if (seen.has(key)) bad(`${key} is listed twice`);
		seen.add(key);
		rows.push(row);
	}
	return { rows, problems };
}

/**
 * Kind entities list their own `apiVersions` facts; where one names a version the table also has,
 * removal and replacement must agree, so hovers and rules never tell two stories.
 */
export function checkEntitiesAgainstTable(entities: Entity[], rows: ApiVersionRow[]): KnowledgeProblem[] {
	const problems: KnowledgeProblem[] = [];
	for (const entity of entities) {
		const facts = entity.facts.apiVersions;
		if (!Array.isArray(facts)) continue;
		for (const fact of facts as Record<string, unknown>[]) {
			for (const kind of entity.matches.kinds ?? []) {
				const row = rows.find((r) => r.kind === kind && r.version === fact?.version);
				if (!row) continue;
				for (const key of ['removedIn', 'deprecatedIn'] as const) {
					if (fact[key] !== undefined && fact[key] !== row[key]) {
						problems.push({ file: entity.file, line: 1, message: `apiVersions: ${kind} ${row.version} ${key} "${String(fact[key])}" disagrees with knowledge/tables/api-versions.yaml ("${row[key] ?? 'none'}")` });
					}
				}
			}
		}
	}
	return problems;
}

function minor(release: string): number {
	return Number(release.split('.')[1]);
}
