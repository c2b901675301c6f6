/*
 * The plugin table of the in-tree-volume-plugins entry repeats, for readers, the versions and
 * drivers that each plugin's own entry holds as facts. The builder checks that the two agree,
 * in both languages, so that a correction in one place cannot leave the other behind.
 */
import type { Entity, KnowledgeProblem } from '../../server/src/service/knowledge/types';

const TABLE_ENTITY = 'in-tree-volume-plugins';
/** Cells that say "none", "not yet", "never" (or "write one") in either language: the plugin has no such fact. */
const ABSENT = /^(?:none|not yet|never|write a CSI driver|无|尚未|未|改写)/i;

interface Row {
	key: string;
	provisioner: string;
	driver: string;
	deprecated: string;
	removed: string;
	migrationGa: string;
}

/** Rows of the markdown tables in a body whose first cell names an in-tree plugin key. */
function tableRows(body: string): Row[] {
	const rows: Row[] = [];
	for (const line of body.split('\n')) {
		const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim().replace(/`/g, ''));
		if (!line.trim().startsWith('|') || cells.length !== 6) continue;
		// The separator row follows the header row, which is not a plugin.
		if (/^-+$/.test(cells[0])) {
			rows.pop();
			continue;
		}
		const [key, provisioner, driver, deprecated, removed, migrationGa] = cells;
		rows.push({ key, provisioner, driver, deprecated, removed, migrationGa });
	}
	return rows;
}

/** The disagreements between a cell and a fact: a version or name must match, a missing fact reads as "none". */
function cellProblem(column: string, cell: string, fact: unknown, prefix = false): string | undefined {
	if (fact === undefined) return ABSENT.test(cell) ? undefined : `${column} "${cell}" but the entry has no such fact`;
	const value = String(fact);
	const same = prefix ? cell === value || cell.startsWith(`${value} `) || cell.startsWith(`${value}（`) : cell === value;
	return same ? undefined : `${column} "${cell}" but the entry says "${value}"`;
}

export function pluginTableProblems(entities: Entity[]): KnowledgeProblem[] {
	const table = entities.find((e) => e.id === TABLE_ENTITY);
	if (!table) return [];
	const problems: KnowledgeProblem[] = [];
	const report = (message: string) => problems.push({ file: table.file, line: 1, message });
	const plugins = new Map(entities.filter((e) => typeof e.facts.inTreePlugin === 'string').map((e) => [String(e.facts.inTreePlugin), e]));
	const stillInTree = new Set(Array.isArray(table.facts.stillInTree) ? table.facts.stillInTree.map(String) : []);
	for (const language of ['en', 'zh'] as const) {
		const body = table.body[language];
		const rows = tableRows(body);
		if (rows.length === 0) report(`plugin table (${language}): no rows found`);
		for (const row of rows) {
			const entity = plugins.get(row.key);
			if (!entity) {
				report(`plugin table (${language}): no entry has inTreePlugin "${row.key}"`);
				continue;
			}
			const { facts } = entity;
			const found = [
				cellProblem('provisioner', row.provisioner, facts.inTreeProvisioner),
				cellProblem('CSI driver', row.driver, facts.csiDriver, true),
				cellProblem('deprecated', row.deprecated, facts.deprecatedIn),
				cellProblem('removed', row.removed, facts.removedIn),
				cellProblem('CSI migration GA', row.migrationGa, facts.csiMigrationGA),
			];
			for (const message of found) if (message) report(`plugin table (${language}), ${row.key}: ${message} (${entity.file})`);
		}
		// A plugin that is not in the table is either still in tree or named with its removal version.
		const listed = new Set(rows.map((r) => r.key));
		for (const [key, entity] of plugins) {
			if (listed.has(key)) continue;
			const removed = entity.facts.removedIn;
			if (removed === undefined) {
				if (!stillInTree.has(key)) report(`${key} (${entity.file}) has no removal version and is not in stillInTree`);
			} else if (!body.split('\n').some((line) => line.includes(key) && line.includes(String(removed)))) {
				report(`plugin table (${language}): ${key} (${entity.file}) is removed in ${String(removed)} but neither in the table nor named with that version`);
			}
		}
	}
	return problems;
}
