/* The --help texts, in both languages. */
import type { Language } from '../service/knowledge/types';

export type HelpTopic = 'general' | 'lint' | 'search' | 'explain' | 'index';

const GENERAL = {
	en: `KubeLore: the rules and the knowledge of the KubeLore editor extension, in a terminal or CI.

Usage:
  kubelore lint [options] [paths...]     check Kubernetes manifests
  kubelore search [options] "<query>"    search the knowledge
  kubelore explain [options] <id|alias>  show one knowledge entry
  kubelore index [options] [paths...]    parse once for the shards of a CI matrix

Options for every command:
  --language en|zh   language of the output (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help         show help; "kubelore <command> --help" for a command
  -v, --version      show the version

Run "kubelore lint --help" for the lint options and the exit status.`,
	zh: `KubeLore：在终端或 CI 中使用 KubeLore 编辑器扩展的规则和知识。

用法：
  kubelore lint [选项] [路径...]      检查 Kubernetes 清单
  kubelore search [选项] "<查询>"     搜索知识库
  kubelore explain [选项] <id|别名>   显示一个知识条目
  kubelore index [选项] [路径...]     解析一次，供 CI 矩阵的各个分片使用

所有命令通用的选项：
  --language en|zh   输出语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help         显示帮助；“kubelore <命令> --help”显示该命令的帮助
  -v, --version      显示版本

运行“kubelore lint --help”查看 lint 的选项和退出码。`,
};

const LINT = {
	en: `Usage: kubelore lint [options] [paths...]

Checks Kubernetes manifests with the same rules as the editor.

Paths are files, folders or globs (quote globs: 'k8s/**/*.yaml'); "-" reads standard input.
Without paths the current folder is checked. Folders are walked for *.yaml and *.yml files,
skipping node_modules, .git, dist, out, .venv and vendor. Each folder you name is checked like a
workspace folder in the editor: cross-resource rules (selectors, claims, backends) look at the
resources of the same namespace under it, or under the nearest kustomization.yaml. Name folders
rather than single files, so that those rules see every resource. Helm templates and Kustomize
patches are never judged. The nearest .kubelore.yaml in or above each path sets the cluster
profile (Kubernetes version, CNI, storage classes, rule severities).

Options:
  -f, --format text|json|sarif    output format (default: text); SARIF 2.1.0 is for code scanning
      --fail-on error|warning|info|none
                                  exit with 1 when a finding at or above this severity is
                                  reported (default: error); none: only problems exit non-zero
  -c, --config <file>             use this cluster profile (a .kubelore.yaml file) for every file,
                                  instead of the .kubelore.yaml files found in or above the paths
      --rule <rule>=<severity>    set a rule to error, warning, info, hint or off; wins over the
                                  cluster profile; repeatable, or comma-separated
      --exclude <glob>            also skip files and folders that match, relative to each folder
                                  named (for example '**/charts/**'); repeatable
      --stdin-filename <path>     the file name to report standard input as; its folder is where
                                  .kubelore.yaml is looked for
  -q, --quiet                     report errors only: warnings, info and hints are neither shown
                                  nor counted for --fail-on; no progress line, no notes about
                                  skipped files
      --shard <k>/<n>             report only the k-th of n parts of the files (split by a hash
                                  of each path relative to the current folder); every file is
                                  still read, so cross-file rules see everything, and the n
                                  shards together report exactly what one run reports
      --index <file>              reuse the parses of a file written by "kubelore index" for
                                  files whose content did not change
      --cache                     keep findings in .kubelorecache and check again only the files
                                  whose findings may have changed (the output is the same)
      --cache-location <path>     the cache file, or a folder for .kubelorecache (implies --cache)
  -j, --jobs <n>|auto             check in n worker threads (same output as one;
                                  auto: one per core, at most 8, one below 4 cores)
      --knowledge <folder>        your team's markdown notes, beside the .kubelore.yaml
                                  knowledgePaths; repeatable
      --language en|zh            language of the messages (default: from the locale)
  -h, --help                      show this help

Output: text shows file:line:col, severity, message and rule, grouped by file, then a summary;
colours only when standard output is a terminal (NO_COLOR turns them off, FORCE_COLOR on).
In SARIF, paths under the current folder are relative to %SRCROOT%: run it from the root of
the repository.

Exit status:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  a usage error, or a path that does not exist or cannot be read (the readable ones are
     still checked and reported)`,
	zh: `用法：kubelore lint [选项] [路径...]

用与编辑器相同的规则检查 Kubernetes 清单。

路径可以是文件、文件夹或通配模式（请给模式加引号：'k8s/**/*.yaml'）；“-”表示读取标准输入。
不给路径时检查当前文件夹。文件夹中的 *.yaml 和 *.yml 文件都会被检查，跳过 node_modules、.git、
dist、out、.venv 和 vendor。你给出的每个文件夹都像编辑器中的工作区文件夹一样处理：跨资源规则
（选择算符、持久卷申领、后端）查看其中同一命名空间的资源，或最近的 kustomization.yaml 所在目录中的
资源。请尽量给出文件夹而不是单个文件，这样这些规则才能看到全部资源。Helm 模板和 Kustomize 补丁
不会被判定。每个路径所在或其上层最近的 .kubelore.yaml 设定集群配置（Kubernetes 版本、CNI、
存储类、规则级别）。

选项：
  -f, --format text|json|sarif    输出格式（默认 text）；SARIF 2.1.0 用于代码扫描
      --fail-on error|warning|info|none
                                  报告了该级别或更高级别的问题时以 1 退出（默认 error）；
                                  none：只有出错时才以非零退出
  -c, --config <文件>             对所有文件使用此集群配置（一个 .kubelore.yaml 文件），
                                  不再查找路径所在或上层的 .kubelore.yaml
      --rule <规则>=<级别>        把规则设为 error、warning、info、hint 或 off；优先于集群配置；
                                  可重复，也可用逗号分隔
      --exclude <模式>            另外跳过匹配的文件和文件夹，相对于给出的每个文件夹
                                  （例如 '**/charts/**'）；可重复
      --stdin-filename <路径>     标准输入报告时使用的文件名；在它所在的文件夹查找 .kubelore.yaml
  -q, --quiet                     只报告错误：警告、提示和建议既不显示也不计入 --fail-on；
                                  不显示进度行和跳过文件的说明
      --shard <k>/<n>             只报告 n 份文件中的第 k 份（按相对当前文件夹的路径的哈希划分）；
                                  仍会读取全部文件，跨文件规则看得到一切，n 个分片合起来的结果
                                  与一次完整运行完全相同
      --index <文件>              对内容未变的文件，复用“kubelore index”写出的解析结果
      --cache                     把结果保存在 .kubelorecache 中，只重新检查结果可能变化的文件
                                  （输出不变）
      --cache-location <路径>     缓存文件，或存放 .kubelorecache 的文件夹（隐含 --cache）
  -j, --jobs <n>|auto             用 n 个工作线程检查（输出与单线程相同；
                                  auto：每核一个，最多 8 个，少于 4 核时为 1 个）
      --knowledge <文件夹>        团队的 markdown 笔记，另加 .kubelore.yaml 中的 knowledgePaths；
                                  可重复
      --language en|zh            消息语言（默认取自系统区域设置）
  -h, --help                      显示此帮助

输出：text 格式按文件分组，显示 文件:行:列、级别、消息和规则，最后是汇总；只有标准输出是终端时
才使用颜色（NO_COLOR 关闭颜色，FORCE_COLOR 打开颜色）。SARIF 中当前文件夹下的路径相对于
%SRCROOT%：请在仓库根目录运行。

退出码：
  0  没有达到 --fail-on 级别的问题
  1  有达到 --fail-on 级别的问题
  2  用法错误，或某个路径不存在或无法读取（可读的路径仍会被检查和报告）`,
};

const SEARCH = {
	en: `Usage: kubelore search [options] "<query>"

Searches the knowledge with the same ranking as the editor's Search Knowledge: titles, aliases
and summaries in English and Chinese, typo-tolerant.

Options:
  --json             print the hits as JSON (id, title, category, summary, score)
  --limit <n>        how many hits to show (default: 10)
  --language en|zh   language of titles and summaries`,
	zh: `用法：kubelore search [选项] "<查询>"

用与编辑器“搜索知识”相同的排序搜索知识库：中英文标题、别名和摘要，容忍拼写错误。

选项：
  --json             以 JSON 输出结果（id、标题、类别、摘要、得分）
  --limit <n>        显示的结果数（默认 10）
  --language en|zh   标题和摘要的语言`,
};

const EXPLAIN = {
	en: `Usage: kubelore explain [options] <id|alias>

Shows one knowledge entry: title, summary and details, facts, related entries, documentation
and sources. The name is an id, an alias or a title (kubelore explain "kube-ovn").
Exits with 2 when no entry has that name, and suggests close ones.

Options:
  --json             print the entry as JSON
  --language en|zh   language of the entry`,
	zh: `用法：kubelore explain [选项] <id|别名>

显示一个知识条目：标题、摘要和详情、要点、相关条目、文档和来源。名称可以是 id、别名或标题
（kubelore explain "kube-ovn"）。找不到时以 2 退出，并给出相近的条目。

选项：
  --json             以 JSON 输出条目
  --language en|zh   条目的语言`,
};

const INDEX = {
	en: `Usage: kubelore index --out <file> [options] [paths...]

Reads and parses the files once and writes their parses, keyed by content, to a file. In a CI
matrix, a first job runs it and hands the file to the shards as an artifact; each shard then
runs "kubelore lint --shard k/n --index <file>" and parses only the files that changed since.

Options:
  -o, --out <file>      where to write the index
      --exclude <glob>  also skip files and folders that match; repeatable`,
	zh: `用法：kubelore index --out <文件> [选项] [路径...]

读取并解析文件一次，把按内容索引的解析结果写入文件。在 CI 矩阵中，先由一个作业运行它，再把文件
作为制品交给各分片；每个分片运行“kubelore lint --shard k/n --index <文件>”，只解析此后变化的文件。

选项：
  -o, --out <文件>      索引写到哪里
      --exclude <模式>  另外跳过匹配的文件和文件夹；可重复`,
};

const TEXTS: Record<HelpTopic, Record<Language, string>> = { general: GENERAL, lint: LINT, search: SEARCH, explain: EXPLAIN, index: INDEX };

/** The help of a command (or of the whole tool) in the chosen language. */
export function helpText(topic: HelpTopic, language: Language): string {
	return `${TEXTS[topic][language]}\n`;
}
