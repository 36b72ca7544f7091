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
    }
}
