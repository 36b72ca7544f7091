//! Words of the command line's help (`dmat --help`, `dmat COMMAND --help`): the about line of
//! dmat and of each command, and the help of each argument. clap's own headings ("Usage:",
//! "Options:") and its `-h`/`--help` lines stay as clap prints them.

use super::words;

words! {
    /// The command line's help texts, one per command and argument (see `crate::cli::Cli`).
    CliHelp {
        about: "制造企业数字化成熟度现场评估（工业 2.0 至 4.0），并生成一企一策建议书", "On-site digital maturity assessment of manufacturing firms, from Industry 2.0 to 4.0, with a one-firm-one-policy recommendation sheet";
        see_examples: "运行 `dmat --help` 查看示例。", "Run `dmat --help` for examples.";
        workspace: "工作区文件夹（assessments/、questionnaires/、reports/）", "The workspace folder (assessments/, questionnaires/, reports/)";
        language: "dmat 自身文字的语言 [默认：按 LANG]", "Language of dmat's own words [default: from LANG]";
        questionnaire_id: "内置或工作区问卷的 id，或问卷文件", "A bundled or workspace questionnaire id, or a questionnaire file";
        questionnaire_file: "使用此问卷文件，而不是评估所记录的问卷", "Use this questionnaire file instead of the one the assessment names";
        assessment_file: "评估文件", "The assessment file";
        assessment_paths: "评估文件，或其所在的文件夹", "Assessment files, or folders of them";
        assessment_paths_recursive: "评估文件，或（递归查找的）文件夹", "Assessment files, or folders searched recursively";
        output_file: "输出文件 [默认：标准输出]", "Output file [default: standard output]";
        format: "输出格式", "The output format";
        new: "开始一次访谈", "Start an interview";
        new_firm: "企业名称", "The firm's name";
        open: "继续或修改一次访谈", "Resume or edit an interview";
        validate: "检查问卷和评估；有任何错误时以状态 1 退出", "Check questionnaires and assessments; exit 1 on any error";
        validate_paths: "问卷或评估文件，或其所在的文件夹", "Questionnaire or assessment files, or folders of them";
        score: "输出评估的得分", "Print the scores of assessments";
        score_explain: "说明每个数字如何得出", "Show how every number came about";
        report: "生成一企一策建议书", "Write the one-firm-one-policy recommendation sheet";
        report_annex: "附上每个回答及其佐证材料（默认不附）", "Add an annex with every answer and its evidence (off by default)";
        form: "输出企业在诊断前填写的预填表", "Print the pre-visit form the firm fills in before the visit";
        form_questionnaire: "内置或工作区问卷的 id，或问卷文件 [默认：smart-manufacturing]", "A bundled or workspace questionnaire id, or a questionnaire file [default: smart-manufacturing]";
        export: "将评分卡导出为 CSV 或 Excel", "Export scorecards to CSV or Excel";
        export_long: "每道已答题目一行，而不是每份评估一行", "One row per answered question instead of one per assessment";
        export_plan: "每次走访的计划中每项措施一行，附企业的决定及进展", "One row per action of each visit's plan, with the firm's decision and how it went";
        export_bom: "以 UTF-8 字节顺序标记开头，使 Excel 和 WPS 正确读取中文", "Start with a UTF-8 byte-order mark, so Excel and WPS read Chinese correctly";
        export_labels: "长格式导出中用所选语言的选项文字代替选项 id", "In the long export, option texts in the chosen language instead of option ids";
        export_delimiter: "字段分隔符，例如 Excel 需要时用 ';'", "Field delimiter, e.g. ';' where Excel expects it";
        export_format: "csv，或 Excel 工作簿（xlsx，写入 -o 指定的文件）", "csv, or an Excel workbook (xlsx, written to the file given with -o)";
        export_strict: "有文件无法导出时失败退出，而不是跳过它", "Fail when any file cannot be exported instead of skipping it";
        compare: "并排比较企业", "Compare firms side by side";
        compare_format: "标准输出是终端且未给 -o 时为 tui（交互界面），否则为 table", "tui (the interactive screen) when standard output is a terminal and no -o is given, table otherwise";
        compare_sort: "按列排序：firm、date、overall、stage、bottleneck、维度 id、percentile、visits、completeness、status、file", "Sort by a column: firm, date, overall, stage, bottleneck, a dimension id, percentile, visits, completeness, status, file";
        compare_asc: "升序排列 [firm、date、questionnaire、status、file 的默认方式]", "Sort ascending [default for firm, date, questionnaire, status, file]";
        compare_desc: "降序排列 [得分、stage、bottleneck、percentile、visits 的默认方式]", "Sort descending [default for scores, stage, bottleneck, percentile, visits]";
        compare_filter: "只保留满足 FIELD=VALUE[,VALUE…]、FIELD<NUMBER 或 FIELD>=NUMBER 的企业；FIELD 为企业概况字段或列；可重复以组合条件", "Only firms where FIELD=VALUE[,VALUE…], FIELD<NUMBER or FIELD>=NUMBER; FIELD is a profile field or a column; repeat to combine";
        compare_section: "显示哪些部分，以逗号分隔 [默认：firms,progress,cohort；csv：firms，且只能一个]", "What to show, comma-separated [default: firms,progress,cohort; csv: firms, and only one]";
        section_firms: "每家企业一行，下方为群体行（均值、四分位数）", "One row per firm, with the cohort rows (mean, quartiles) beneath";
        section_stats: "每个得分列的完整统计：企业数、均值、最小值、四分位数、最大值", "The full summary of every score column: firms, mean, min, quartiles, max";
        section_progress: "回访过的企业，逐次走访列出，附与上次走访相比的变化", "Re-visited firms, visit by visit, with the change since the previous visit";
        section_cohort: "按阶段和结论统计的企业数、常见短板、计划措施和扶持，按企业数计", "Firms by stage and by verdict, frequent bottlenecks, planned actions and support by number of firms";
        revisit: "开始对同一企业的回访：在上次评估旁新建一份评估", "Start a follow-up visit of the same firm: a new assessment beside the earlier one";
        revisit_file: "上次走访的评估文件（不会被修改）", "The earlier visit's assessment file (never modified)";
        revisit_questionnaire: "新走访的问卷：内置或工作区问卷的 id，或问卷文件 [默认：上次走访的问卷的最新版本]", "The new visit's questionnaire: a bundled or workspace id, or a file [default: the earlier visit's, at its latest version]";
        revisit_output: "新文件，位于上次走访的文件夹中 [默认：该处的 <firm>-<date>.toml]", "The new file, in the earlier visit's folder [default: <firm>-<date>.toml there]";
        demo: "写入一组用于试用的合成评估（或将其删除）", "Write a synthetic cohort of assessments to try things on (or remove it)";
        demo_firms: "企业数量（指定问卷时：评估文件数量）", "How many firms (with a questionnaire: how many assessment files)";
        demo_seed: "相同的随机种子生成逐字节相同的文件", "The same seed gives the same files, byte for byte";
        demo_output: "写入的文件夹", "The folder to write into";
        demo_questionnaire: "只生成这一份问卷的走访，而不是包含快速筛查、完整诊断和回访的区县文件夹", "Visits of this one questionnaire instead of the district's folder of quick scans, full visits and follow-ups";
        demo_remove: "改为从文件夹中删除示例文件（只删除标记为示例的评估）", "Remove the demo files from the folder instead (only assessments marked demo)";
        questionnaires: "列出内置问卷和工作区问卷", "List the bundled and workspace questionnaires";
        // The texts after an argument list under --help (not under -h).
        examples: "\
示例：
  dmat                                   打开工作区的首页
  dmat new --firm \"淄博某风机有限公司\"      用内置问卷开始一次访谈
  dmat open assessments/firm.toml        继续一次访谈
  dmat validate questionnaires/my.toml   检查问卷（或评估）
  dmat score visits/ --format json       文件夹中每份评估的得分
  dmat score firm.toml --explain         每个数字如何得出
  dmat report firm.toml --format html -o sheet.html
  dmat form --format html -o form.html   企业在诊断前填写的预填表
  dmat export visits/ --bom -o scorecards.csv
  dmat compare visits/ --format table
  dmat revisit assessments/firm.toml     对同一企业的回访
  dmat demo --firms 200 --seed 7 -o demo/

退出状态：0 成功，1 输入无效（消息会指出文件和位置），2 用法错误。
工作区：--workspace DIR，否则 $DMAT_WORKSPACE，否则用户的数据文件夹。", "\
Examples:
  dmat                                   open the home screen of the workspace
  dmat new --firm \"淄博某风机有限公司\"      start an interview on the bundled questionnaire
  dmat open assessments/firm.toml        resume an interview
  dmat validate questionnaires/my.toml   check a questionnaire (or assessments)
  dmat score visits/ --format json       scores of every assessment in a folder
  dmat score firm.toml --explain         how every number came about
  dmat report firm.toml --format html -o sheet.html
  dmat form --format html -o form.html   the pre-visit form the firm fills in
  dmat export visits/ --bom -o scorecards.csv
  dmat compare visits/ --format table
  dmat revisit assessments/firm.toml     a follow-up visit of the same firm
  dmat demo --firms 200 --seed 7 -o demo/

Exit status: 0 success, 1 invalid input (the message names the file and place), 2 usage.
Workspace: --workspace DIR, else $DMAT_WORKSPACE, else the user's data folder.";
        demo_more: "\
默认写入一个区县的文件夹：每家企业一份快速筛查（quick-scan）；筛查结论建议进入完整诊断的
企业和部分建议培育的企业，各有一份完整诊断（smart-manufacturing）；约一半的完整诊断有一份
回访，部分建议培育的企业有第二次快速筛查，记录企业对计划的决定及进展。企业带有有效的统一
社会信用代码，每个文件都标记为
`demo = true`：首页将其显示为示例，`dmat demo --remove -o DIR` 只删除这些文件。
dmat demo 从不替换不是它写入的文件。

示例：
  dmat demo --firms 200 --seed 7 -o demo/
  dmat demo --questionnaire quick-scan --firms 50 -o scans/
  dmat demo --remove -o demo/", "\
By default a district's folder: a quick scan (quick-scan) of every firm, the full visit
(smart-manufacturing) of the firms the scan's verdict sends on and of some it says to nurture,
a follow-up of about half the full visits and a second scan of some firms it says to nurture,
with the firm's decisions on its plan and how they went. Firms have valid unified social credit codes, and every file is marked
`demo = true`: the home screen shows it as a demo, and `dmat demo --remove -o DIR` deletes
those files and nothing else. dmat demo never replaces a file it did not write.

Examples:
  dmat demo --firms 200 --seed 7 -o demo/
  dmat demo --questionnaire quick-scan --firms 50 -o scans/
  dmat demo --remove -o demo/";
        export_more: "\
宽表（默认），每份评估一行：
  file,firm,date,assessor,questionnaire,version,status,completeness,overall,stage,bottleneck,
  然后按问卷顺序每个维度 id 一列，然后
  verdict,projected_overall,projected_stage（结论；整个计划实施完毕、即远期之后预计的
  综合得分和阶段）。
计划表（--plan），每次走访的计划中每项行动一行（规则 9 的近期、中期、远期行动，无论是否
已商定，然后是其他带有 [plan.*] 条目的行动，如企业自定的措施）：
  file,firm,firm_id,date,assessor,action,title,dimension,priority,effort,horizon,decision,
  owner,due,support,status,outcome
  horizon：已商定的期限，否则为计划的期限（later：适用但未列入计划）；
  decision 在待商定时为空；support：建议所指的支持政策；status 和 outcome：
  `previous` 指向此文件的最近一次走访（任何问卷）中的 progress.*.status 和
  progress.*.support，没有则为空。标题和支持政策使用 --lang 的语言。
长表（--long），每道已回答或写了备注的题一行：
  file,firm,date,dimension,question,answer,score,weight,note
  answer：选项 id（多个以 ; 连接），或加 --labels 时为 --lang 语言的选项文字；数字题为
  数字；不适用为 na。问卷中已不存在的题的回答排在最后，dimension 为空。
得分和完成度保留两位小数；没有得分的单元格为空。以 = + - @、制表符或回车开头的文字单元格
前加 '，使电子表格不把它当作公式；含有 , 或 ; 的单元格无论分隔符为何都加引号，使按任一
符号拆分的电子表格都读作一个单元格。--bom 在文件开头写入 UTF-8 字节顺序标记，使 Excel
和 WPS 正确读取中文。

每次导出只用一份问卷：--questionnaire PATH 指定的问卷，否则为读到的第一个文件的问卷
（文件按给出的顺序，文件夹递归查找并排序）。其他问卷的文件和无法读取的文件会在标准错误
中报告路径和原因并跳过，其余文件照常导出。加 --strict 时则失败且不写入任何内容。按同一
问卷其他版本评分的文件一起导出，并给出警告；某版本没有的维度为空。

--format xlsx 将 Excel 工作簿写入 -o 指定的文件：宽表得分卡、回答（长表）、计划（同
--plan）和群体概览（统计、按阶段和结论的企业数、短板、需组织的建议和支持；定义见
`dmat compare --help`）。超过一个 Excel 工作表容量（含表头 1,048,576 行）的表格续写在
后面的工作表（Answers (2)、…）中并重复表头；第一个工作表得分卡上方的说明列出这些工作表。
超过一个 Excel 单元格容量（32,767 个字符）的文字会截断并以 … 结尾；导出时说明截断了多少
个单元格（CSV 导出保留全部文字）。得分卡宽于一个工作表（16,384 列）时不写出工作簿并说明原因：给出
--questionnaire 时在读取之前即拒绝。

示例：
  dmat export visits/ --bom -o scorecards.csv
  dmat export visits/ --long --labels --lang zh --bom -o answers.csv
  dmat export visits/ --delimiter ';' -o scorecards.csv
  dmat export visits/ --format xlsx -o scorecards.xlsx", "\
Wide (default), one row per assessment:
  file,firm,date,assessor,questionnaire,version,status,completeness,overall,stage,bottleneck,
  then one column per dimension id, in questionnaire order, then
  verdict,projected_overall,projected_stage (the verdict; the projected overall score and
  stage once the whole plan is carried out, after the long horizon).
Plan (--plan), one row per action of each visit's plan (rule 9's short, medium and long
actions, agreed or not, then any other action with a [plan.*] entry, such as the firm's own):
  file,firm,firm_id,date,assessor,action,title,dimension,priority,effort,horizon,decision,
  owner,due,support,status,outcome
  horizon: the one agreed where set, else the plan's (later: applicable, not planned);
  decision empty while proposed; support: the instrument the recommendation names; status and
  outcome: progress.*.status and progress.*.support of the latest visit whose `previous` names
  this file (of any questionnaire), empty if none. Titles and support in --lang.
Long (--long), one row per question answered or noted:
  file,firm,date,dimension,question,answer,score,weight,note
  answer: option ids (several joined by ;), or with --labels the option texts in --lang; a
  number as a number; na for not applicable. Answers to questions the questionnaire no longer
  has come last, with an empty dimension.
Scores and completeness have two decimals; a cell without a score is empty. A text cell
that begins with = + - @, a tab or a carriage return is prefixed with ' so that spreadsheets
do not read it as a formula; a cell holding , or ; is quoted whatever the delimiter, so that
a spreadsheet splitting at either reads one cell. --bom starts the file with a UTF-8
byte-order mark, so that Excel and WPS read Chinese correctly.

One questionnaire per export: the one given with --questionnaire PATH, else the questionnaire
of the first file read (files in the order given, folders searched recursively and sorted).
Files of another questionnaire, and files that cannot be read, are reported on standard
error with their path and the reason and skipped; the export succeeds for the rest. With
--strict it fails instead and writes nothing. Files scored against other versions of the
same questionnaire are exported together, with a warning; a dimension a version lacks is
empty.

--format xlsx writes an Excel workbook to the file given with -o: the wide scorecards, the
answers (long), the plan (as --plan), and the cohort (statistics, firms by stage and by verdict, bottlenecks,
recommendations and support to organise;
see `dmat compare --help` for the definitions). A table longer than an Excel sheet holds
(1,048,576 rows with the header) goes on in further sheets (Answers (2), …) with its header
repeated; a note above the scorecards on the first sheet names them. A text longer than an
Excel cell holds (32,767 characters) is cut to fit and ends with …; the export says how many
cells it cut (the CSV exports keep every text whole). Scorecards wider than a sheet (16,384
columns) are refused with the reason and no workbook is written: before anything is read
when --questionnaire is given.

Examples:
  dmat export visits/ --bom -o scorecards.csv
  dmat export visits/ --long --labels --lang zh --bom -o answers.csv
  dmat export visits/ --delimiter ';' -o scorecards.csv
  dmat export visits/ --format xlsx -o scorecards.xlsx";
        revisit_more: "\
新走访复制企业的名称、统一社会信用代码和企业概况，将上次走访记为 `visit.previous`，
记录今天的日期和工作区记住的评估人（settings.toml），并使用上次走访的问卷的最新版本，
除非 --questionnaire 指定了另一份问卷（例如快速筛查之后的完整诊断）。回答不会复制：
访谈时每道题旁显示上次走访的回答。新文件写在上次走访的文件旁（`previous` 指向同一文件夹
中的文件），名为 <firm>-<date>.toml，或由 -o 指定；已有的文件从不被替换。

示例：
  dmat revisit assessments/acme-2026-05-12.toml
  dmat revisit demo/firm-0007-scan.toml --questionnaire smart-manufacturing
  dmat revisit assessments/acme-2026-05-12.toml -o assessments/acme-t1.toml", "\
The new visit copies the firm's name, unified social credit code and profile, records the
earlier visit as `visit.previous`, today's date and the assessor remembered for the workspace
(settings.toml), and uses the earlier visit's questionnaire at its latest version unless
--questionnaire names another (a quick scan followed by the full visit). Answers are not
copied: the interview shows last visit's answer beside each question. The new file is
written beside the earlier one (`previous` names a file in the same folder) as
<firm>-<date>.toml, or -o names it; an existing file is never replaced.

Examples:
  dmat revisit assessments/acme-2026-05-12.toml
  dmat revisit demo/firm-0007-scan.toml --questionnaire smart-manufacturing
  dmat revisit assessments/acme-2026-05-12.toml -o assessments/acme-t1.toml";
        compare_more: "\
在终端上（且未给 -o 时）比较以界面打开：企业表及群体行，按 o 排序、按 f 筛选；Tab 显示
回访过的企业和群体视图；Enter 打开企业的摘要；? 列出所有按键。否则打印表格。

统一社会信用代码相同（否则名称相同，不计空白；或回访以 `previous` 指明其接续的走访）且问卷
id 相同的，算作一家企业。走访多次的企业占一行，取其最近一次走访（按日期）；进展显示每次
走访，以及各维度相比上次走访的变化。

每项统计都针对所显示的企业（--filter 之后），每家企业只计一次：
  平均、下四分位、中位数、上四分位
                  四分位数在最近秩之间线性插值，即 Excel 的 QUARTILE.INC 方法，
                  基于保留两位小数的得分
  百分位          所显示的其他企业中总分更低者所占的百分比，表格中向下取整
                  （100 = 高于其余所有企业，0 = 没有更低的）；CSV 中保留两位小数
                  结果暂定（答题不足以评定阶段）的企业不排名，也不计入统计，
                  阶段一栏写“暂定”
群体视图统计各阶段和各结论的企业数、最常成为短板的维度，以及每条建议和每种扶持方式所涉及
的企业数：适用（最近一次走访）、已计划（最近计划的短期、中期或长期）、留待以后、已商定
（任一次走访）、已报告完成和已获得扶持（回访时）：即需要组织的扶持（一条扶持文字以分号
列出多种方式时，每种分别计数）。每家企业的行还给出其结论，以及整个计划实施后预计的总分
和阶段。

按同一问卷不同版本评分的评估会一起比较并给出警告（某版本缺少的维度留空）。不同问卷从不
混在一起：先筛选，再为每份问卷分别生成表格和统计，依次列出（CSV 和界面显示企业最多的那份
问卷，其余单独计数；--filter questionnaire=ID，或在界面上按 f，可显示另一份）。无法读取
的文件会报告并排除。

筛选条件指定企业概况字段或列：
  industry=fans,motors   employees<50   data>=3   stage=2.5   bottleneck=talent   status=complete

部分：firms（含群体行）、stats（企业数、平均、最低、四分位数、最高）、progress、cohort。
CSV 一次只容纳一个部分。

示例：
  dmat compare visits/ --format table
  dmat compare visits/ --filter industry=fans --sort data --format md -o fans.md
  dmat compare visits/ --format csv --section cohort -o support.csv", "\
On a terminal (and without -o) the comparison opens as a screen: the firms table with the
cohort rows, sorted with o and filtered with f; Tab shows the re-visited firms and the cohort
view; Enter opens a firm's summary; ? lists every key. Otherwise the table is printed.

A firm is one firm (the same credit code; else the same name, white space aside; or a follow-up
naming the visit it follows with `previous`) with one questionnaire id. A firm visited more than once
is one row, with its latest visit (by date); the progression shows every visit and the change
per dimension since the previous one.

Every statistic is over the firms shown (after --filter), each firm counted once:
  Mean, Q1, Median, Q3  quartiles by linear interpolation between closest ranks, the method of
                        Excel's QUARTILE.INC, on the scores rounded to two decimals
  Pctl (percentile)     the percentage of the other firms shown whose overall score is lower,
                        rounded down in tables (100 = above all others, 0 = none lower);
                        two decimals in CSV
                        a firm whose result is provisional (too little answered for a stage)
                        is not ranked and not in the statistics; its stage reads “provisional”
The cohort view counts the firms by stage and by verdict, the dimensions most often the
bottleneck, and for each recommendation and each support instrument the firms it applies to
(at the latest visit), has planned (short, medium or long horizon of the latest plan), leaves
for later, agreed (at any visit), reported done and got the support for (at a follow-up): the
support to organise (a support text naming several instruments separated by semicolons counts
for each). Each firm's row also gives its verdict and its projected overall score and stage
once the whole plan is carried out.

Assessments scored against different versions of one questionnaire are compared with a
warning (a dimension a version lacks is empty). Different questionnaires are never mixed:
filters apply first, then the table and the statistics are made for each questionnaire on its
own, one after the other (CSV and the screen show the one most firms follow, and count the
others apart; --filter questionnaire=ID, or f on the screen, shows another). Files that cannot
be read are reported and left out.

Filters name a profile field or a column:
  industry=fans,motors   employees<50   data>=3   stage=2.5   bottleneck=talent   status=complete

Sections: firms (with the cohort rows), stats (n, mean, min, quartiles, max), progress, cohort.
CSV holds one section at a time.

Examples:
  dmat compare visits/ --format table
  dmat compare visits/ --filter industry=fans --sort data --format md -o fans.md
  dmat compare visits/ --format csv --section cohort -o support.csv";
    }
}
