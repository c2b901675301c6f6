/* The command line's own words, in both languages. */
import type { Language, Localized } from '../service/knowledge/types';
import { format } from '../service/l10n/text';

export const CLI_TEXT = {
	unknownCommand: { en: 'unknown command "{0}"', zh: '未知命令“{0}”' },
	noCommand: { en: 'no command given', zh: '没有指定命令' },
	unknownOption: { en: 'unknown option {0}', zh: '未知选项 {0}' },
	needsValue: { en: '{0} needs a value', zh: '{0} 需要一个值' },
	takesNoValue: { en: '{0} takes no value', zh: '{0} 不接受值' },
	badChoice: { en: '{0} must be one of {1}, not "{2}"', zh: '{0} 只能是 {1} 之一，而不是“{2}”' },
	badRule: { en: '--rule wants <rule>=<severity>, such as host-path-volume=off; got "{0}"', zh: '--rule 的格式是 <规则>=<级别>，例如 host-path-volume=off；收到的是“{0}”' },
	unknownRule: { en: 'unknown rule "{0}"; the rules are: {1}', zh: '未知规则“{0}”；现有规则：{1}' },
	badLimit: { en: '--limit must be a whole number from 1 to 200', zh: '--limit 必须是 1 到 200 之间的整数' },
	searchNeedsQuery: { en: 'search needs a query, such as: kubelore search "network policy"', zh: 'search 需要查询词，例如：kubelore search "网络插件"' },
	explainNeedsName: { en: 'explain needs an entry id or alias, such as: kubelore explain calico', zh: 'explain 需要条目 id 或别名，例如：kubelore explain calico' },
	tooManyStdin: { en: '"-" (standard input) can be given only once', zh: '“-”（标准输入）只能出现一次' },
	seeHelp: { en: 'Run "kubelore {0}--help" for the options.', zh: '运行“kubelore {0}--help”查看选项。' },
	noEntry: { en: 'no entry is called "{0}".', zh: '没有名为“{0}”的条目。' },
	didYouMean: { en: 'Did you mean: {0}?', zh: '你是不是想找：{0}？' },
	noMatches: { en: 'No entries match "{0}".', zh: '没有与“{0}”匹配的条目。' },
	configUnreadable: { en: 'cannot read the --config file {0}: {1}', zh: '无法读取 --config 文件 {0}：{1}' },
	configInvalid: { en: 'the --config file {0} has problems; fix them first:', zh: '--config 文件 {0} 有问题，请先修正：' },
	badShard: { en: '--shard wants <k>/<n> with 1 <= k <= n, such as 2/4; got "{0}"', zh: '--shard 的格式是 <k>/<n>（1 <= k <= n），例如 2/4；收到的是“{0}”' },
	badJobs: { en: '--jobs wants a whole number from 1 to 64, or auto; got "{0}"', zh: '--jobs 必须是 1 到 64 之间的整数或 auto；收到的是“{0}”' },
	indexNeedsOut: { en: 'index needs --out <file>, such as: kubelore index . --out kubelore.index', zh: 'index 需要 --out <文件>，例如：kubelore index . --out kubelore.index' },
	indexNoStdin: { en: 'index reads files, not standard input', zh: 'index 读取文件，不读取标准输入' },
	indexUnreadable: { en: 'cannot read the index {0}: {1}', zh: '无法读取索引 {0}：{1}' },
	indexOtherTool: {
		en: 'the index {0} was written by another build of kubelore ({1}; this one is {2}): write it again with this one (kubelore index --out)',
		zh: '索引 {0} 由另一个版本的 kubelore 写入（{1}；当前为 {2}）：请用当前版本重新写入（kubelore index --out）',
	},
	indexDamaged: { en: 'the index {0} is not one written by kubelore index (damaged or another kind of file): write it again', zh: '索引 {0} 不是 kubelore index 写入的（已损坏或是其他文件）：请重新写入' },
	changedWhileChecked: { en: 'changed while the run read it (after git vouched it was the text the index read): the findings may be wrong; run again', zh: '在运行读取期间被修改（git 已确认它与索引读取的内容相同之后）：结果可能有误，请重新运行' },
	indexWritten: { en: 'wrote the index of {0} to {1}', zh: '已将 {0} 的索引写入 {1}' },
	graphMissing: { en: 'the knowledge graph {0} is missing or unreadable; build it with "npm run build"', zh: '知识图谱 {0} 缺失或无法读取；请用“npm run build”构建' },
	// Problems with inputs; the first ones make the exit status 2.
	missing: { en: 'no such file or folder', zh: '文件或文件夹不存在' },
	noMatch: { en: 'no YAML file matches this pattern', zh: '没有 YAML 文件匹配此模式' },
	emptyFolder: { en: 'no YAML files in this folder (*.yaml, *.yml)', zh: '此文件夹中没有 YAML 文件（*.yaml、*.yml）' },
	unreadable: { en: 'cannot be read: {0}', zh: '无法读取：{0}' },
	tooLarge: { en: 'skipped: larger than {0} MiB', zh: '已跳过：大于 {0} MiB' },
	binary: { en: 'skipped: a binary file', zh: '已跳过：二进制文件' },
	notYaml: { en: 'skipped: not a YAML file (*.yaml, *.yml)', zh: '已跳过：不是 YAML 文件（*.yaml、*.yml）' },
	// Progress and summary.
	progressReading: { en: 'reading files… {0}', zh: '正在读取文件… {0}' },
	progressChecking: { en: 'checking {0}/{1} files', zh: '正在检查 {0}/{1} 个文件' },
	summaryClean: { en: 'No problems in {0}.', zh: '已检查 {0}，没有发现问题。' },
	summaryFound: { en: '{0} ({1}) in {2} of {3}.', zh: '已检查 {3}，其中 {2} 个文件共有 {0}（{1}）。' },
	summaryUnread: { en: '{0} could not be checked.', zh: '{0}无法检查。' },
	summarySkipped: { en: '{0} skipped.', zh: '{0}已跳过。' },
	noteLabel: { en: 'note', zh: 'note' },
} satisfies Record<string, Localized>;

/** What the usual file system errors mean, for messages about paths. */
export const ERROR_CODES: Record<string, Localized> = {
	EACCES: { en: 'permission denied', zh: '没有权限' },
	EPERM: { en: 'operation not permitted', zh: '操作不被允许' },
	ENOENT: { en: 'no such file or folder', zh: '文件或文件夹不存在' },
	ENOTDIR: { en: 'not a folder', zh: '不是文件夹' },
	EISDIR: { en: 'is a folder', zh: '是一个文件夹' },
	ELOOP: { en: 'too many symbolic links', zh: '符号链接层数过多' },
	EMFILE: { en: 'too many open files', zh: '打开的文件过多' },
	ENOTREG: { en: 'not a regular file', zh: '不是普通文件' },
};

/** A text of the command line in the chosen language, with `{0}`... filled. */
export function say(text: Localized, language: Language, ...args: (string | number)[]): string {
	return format(text[language] || text.en, ...args);
}

const UNITS = {
	file: { en: ['file', 'files'], zh: ['个文件', '个文件'] },
	path: { en: ['path', 'paths'], zh: ['个路径', '个路径'] },
	problem: { en: ['problem', 'problems'], zh: ['个问题', '个问题'] },
	error: { en: ['error', 'errors'], zh: ['个错误', '个错误'] },
	warning: { en: ['warning', 'warnings'], zh: ['个警告', '个警告'] },
	info: { en: ['info', 'info'], zh: ['条提示', '条提示'] },
	hint: { en: ['hint', 'hints'], zh: ['条建议', '条建议'] },
} satisfies Record<string, Record<Language, [string, string]>>;

/** "1 file", "3 files", "3 个文件". */
export function count(n: number, unit: keyof typeof UNITS, language: Language): string {
	const [one, many] = UNITS[unit][language];
	return language === 'zh' ? `${n} ${one}` : `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
