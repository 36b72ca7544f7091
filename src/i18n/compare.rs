//! Words of the comparison of firms and of the scorecard export (tables, headings, notes,
//! warnings, workbook sheets).

use super::{Lang, en_count, words};

words! {
    /// The comparison and the export.
    CompareWords {
        title: "企业对比", "Comparison of firms";
        ascending: "升序", "ascending";
        descending: "降序", "descending";
        filtered_by: "筛选", "filtered by";
        col_firm: "企业", "Firm";
        col_file: "文件", "File";
        col_date: "走访日期", "Date";
        col_questionnaire: "问卷", "Questionnaire";
        col_version: "版本", "Version";
        col_status: "状态", "Status";
        col_completeness: "完成度", "Done";
        col_overall: "总分", "Overall";
        col_stage: "阶段", "Stage";
        col_bottleneck: "短板", "Bottleneck";
        col_percentile: "百分位", "Pctl";
        col_visits: "走访", "Visits";
        stat_n: "企业数", "Firms";
        stat_mean: "平均", "Mean";
        stat_min: "最低", "Min";
        stat_q1: "下四分位", "Q1";
        stat_median: "中位数", "Median";
        stat_q3: "上四分位", "Q3";
        stat_max: "最高", "Max";
        statistic: "统计量", "Statistic";
        stats_title: "群体统计", "Cohort statistics";
        dimensions: "维度", "Dimensions";
        weight: "权重", "weight";
        note_latest: "多次走访的企业只计一次，按最近一次走访。", "A firm visited more than once counts once, with its latest visit.";
        note_percentile: "百分位：在所列企业中，总分低于该企业的其他企业所占的百分比，向下取整（100 = 高于其余所有企业）。", "Pctl (percentile): the percentage of the other firms shown whose overall score is lower, rounded down (100 = above all others).";
        note_provisional: "阶段为“暂定”的企业答题不足以评定阶段：其得分仅供参考，不排名（无百分位），也不计入均值和四分位数。", "A firm whose stage reads “provisional” has too little answered for a stage: its scores are for reference only, not ranked (no percentile) and not in the mean and quartiles.";
        note_quartiles: "四分位数按最近秩线性插值（与 Excel 的 QUARTILE.INC 相同），基于保留两位小数的得分。", "Quartiles by linear interpolation between closest ranks (as Excel's QUARTILE.INC), on the scores rounded to two decimals.";
        progress_title: "多次走访的企业（较上次走访的变化）", "Re-visited firms (change since the previous visit)";
        change: "变化", "change";
        no_revisits: "没有多次走访的企业。", "No firm was visited more than once.";
        cohort_title: "群体概览", "Cohort view";
        stages_title: "各阶段企业数", "Firms by stage";
        no_score: "无得分", "no score";
        provisional: "暂定", "provisional";
        provisional_firms: "暂定（答题不足，不排名）", "provisional (too little answered; not ranked)";
        bottlenecks_title: "最常见的短板", "Most frequent bottlenecks";
        recommendations_title: "建议：列入方案的企业数（暂缓另计）", "Recommendations by firms with it planned (later ones apart)";
        supports_title: "需组织的支持（按列入方案的企业数）", "Support to organise, by firms with it planned";
        col_firms: "企业数", "Firms";
        col_share: "占比", "Share";
        col_priority: "优先级", "Priority";
        col_recommendation: "建议", "Recommendation";
        col_support: "支持", "Support";
        col_dimension: "维度", "Dimension";
        none: "（无）", "(none)";
        high: "高", "high";
        medium: "中", "medium";
        low: "低", "low";
        not_applicable: "不适用", "not applicable";
        tui_fallback: "标准输出不是终端，无法显示交互式对比界面，改为输出表格。", "standard output is not a terminal, so the interactive comparison screen cannot show; printing the table instead.";
        tui_no_output: "--format tui 在终端中显示对比，不写文件；用 -o 时请选择 table、md 或 csv", "--format tui shows the comparison in the terminal and writes no file; with -o, choose --format table, md or csv";
        reference_first: "最先读到的评估所用的问卷", "the questionnaire of the first file read";
        reference_given: "由 --questionnaire 指定", "given with --questionnaire";
        nothing_to_export: "没有可导出的评估", "no assessment to export";
        nothing_to_compare: "没有可对比的评估", "no assessment to compare";
        sheet_scorecards: "评分卡", "Scorecards";
        sheet_answers: "答题明细", "Answers";
        sheet_cohort: "群体", "Cohort";
        sheet_plan: "行动计划", "Plan";
        col_verdict: "结论", "Verdict";
        col_projected_overall: "计划完成后总分", "Projected";
        col_projected_stage: "计划完成后阶段", "Projected stage";
        verdicts: "结论", "Verdicts";
        verdicts_title: "各结论企业数", "Firms by verdict";
        no_verdict: "无结论", "no verdict";
        col_applies: "适用", "Applies";
        col_planned: "已计划", "Planned";
        col_later: "暂缓", "Later";
        col_agreed: "已同意", "Agreed";
        col_done: "已完成", "Done";
        col_supported: "获支持", "Supported";
        moves_title: "多次走访企业的阶段变化（首次走访 T0 → 最近一次 T1）", "Re-visited firms by stage at the first visit (T0) and at the latest (T1)";
        col_t0: "T0 阶段", "T0 stage";
        changes_title: "总分变化（首次走访 → 最近一次）", "Change of the overall score, first visit to latest";
        col_group: "分组", "Group";
        group_all: "全部多次走访企业", "All re-visited firms";
        group_all_done: "同意的行动全部完成", "Agreed actions all done";
        group_not_all_done: "同意的行动未全部完成", "Agreed actions not all done";
        group_none_agreed: "未同意任何行动", "Nothing agreed";
        col_scored: "两次均有得分", "Scored twice";
        col_median_change: "变化中位数", "Median change";
        col_mean_change: "平均变化", "Mean change";
        assessors_title: "各评估专家的走访与企业数", "Visits and firms per assessor";
        col_assessor: "评估专家", "Assessor";
        no_assessor: "（未填写）", "(not recorded)";
        note_record: "阶段变化与总分变化只计多次走访的企业：T0 为首次走访，T1 为最近一次；“同意的行动全部完成” = 最近一次之前同意的每项行动都在之后的回访中报告完成。评估专家按所列企业的每次走访计数。", "Stage moves and changes count re-visited firms only: T0 is the first visit, T1 the latest; Agreed actions all done = every action agreed before the latest visit is reported done at a later one. Assessors count every visit of the firms shown.";
        note_counts: "建议与支持按企业计数：适用 = 最近一次走访时条件成立；已计划 = 列入最近一次走访方案的短期、中期或长期；暂缓 = 适用但未列入方案；已同意 = 企业在某次走访中同意；已完成 = 回访时报告完成；获支持 = 回访时报告支持已获批。计划完成后总分与阶段：方案全部落实（长期之后）的预测。", "Recommendations and support count firms: Applies = its condition holds at the latest visit; Planned = the latest visit's plan places it in the short, medium or long horizon; Later = it applies but is not planned; Agreed = the firm agreed it at a visit; Done = a follow-up reports it done; Supported = a follow-up reports its support granted. Projected score and stage: once the whole plan is carried out (after the long horizon).";
    }
    messages {
        sorted_by(column: &str, direction: &str): "按 {column} {direction}排列", "sorted by {column}, {direction}";
        mixed_versions(questionnaire: &str, versions: &str): "注意：评估所用的问卷 {questionnaire} 版本不同（{versions}）；某一版本没有的维度留空。", "warning: the assessments use different versions of questionnaire {questionnaire} ({versions}); a dimension a version lacks is left empty.";
        apart(firms: usize, others: &str, questionnaire: &str): "另有 {firms} 家企业用的是其他问卷（{others}），不与 {questionnaire} 的企业混在一起比较；要看它们，请用 --filter questionnaire=问卷编号（界面上按 f，选“问卷”）。", "{firms} more firm(s) follow other questionnaires ({others}) and are not compared with those of {questionnaire}; to see them, use --filter questionnaire=ID (on the screen: f, then questionnaire).";
        other_questionnaire(file: &str, questionnaire: &str, reference: &str, why: &str): "{file}：问卷为 {questionnaire}，不是 {reference}（{why}），已跳过", "{file}: questionnaire `{questionnaire}`, not `{reference}` ({why}); skipped";
        skipped(failed: usize, exported: usize): "已跳过 {failed} 个文件，导出其余 {exported} 份评估", "{failed} file(s) skipped; exported the other {exported} assessment(s)";
        strict_failed(failed: usize): "有 {failed} 个文件无法导出；因为使用了 --strict，未写出任何内容", "{failed} file(s) cannot be exported; nothing was written because of --strict";
        not_a_filter(text: &str): "`{text}` 不是筛选条件；请写成 字段=值[,值…]、字段<数字 或 字段>=数字", "`{text}` is not a filter; write FIELD=VALUE[,VALUE…], FIELD<NUMBER or FIELD>=NUMBER";
        filter_unknown_field(field: &str, known: &str): "无法按 `{field}` 筛选：它既不是企业概况字段，也不是表格的列；可用的有：{known}", "cannot filter on `{field}`: it is neither a profile field nor a column; known: {known}";
        filter_by_value(field: &str): "`{field}` 按值比较（{field}=…），不能按数字比较", "`{field}` is compared by value ({field}=…), not as a number";
        filter_other_field(filter: &str, field: &str): "按 `{filter}` 的筛选不是按 `{field}` 的筛选", "a filter on `{filter}` is not one on `{field}`";
        filter_no_values(field: &str): "`{field}` 既不是企业概况字段，也不是问卷、阶段或短板，没有可选的值", "`{field}` is neither a profile field nor questionnaire, stage or bottleneck";
        sheet_continued(sheet: &str, n: usize): "{sheet} ({n})", "{sheet} ({n})";
        workbook_split(limit: &str, sheets: &str): "Excel 每个工作表最多 {limit} 行，以下工作表续写在后续工作表中（表头重复）：{sheets}", "Excel holds at most {limit} rows in a sheet; these tables go on in further sheets, with the header repeated: {sheets}";
        cells_cut(count: u64, limit: &str): "{count} 个单元格的文字超过 Excel 单元格可容纳的 {limit} 个字符，已截断以放入工作簿（以 … 结尾）；CSV 导出保留全文", "{count} cell(s) held more text than the {limit} characters an Excel cell holds: cut to fit the workbook, each ending with …; the CSV export keeps the whole text";
        exported(count: usize, path: &str): "已将 {count} 份评估导出到 {path}", "exported {count} assessment(s) to {path}";
    }
}

impl CompareWords {
    /// The comparison's header: how many firms and assessments, of which questionnaire.
    pub fn firms_line(&self, firms: usize, assessments: usize, questionnaire: &str) -> String {
        match self.lang() {
            Lang::Zh => format!("{firms} 家企业 · {assessments} 份评估 · 问卷 {questionnaire}"),
            Lang::En => format!(
                "{} · {} · questionnaire {questionnaire}",
                en_count(firms, "firm", "firms"),
                en_count(assessments, "assessment", "assessments")
            ),
        }
    }

    /// The header of the statistics table: dimension, then n, mean, min, quartiles and max.
    pub fn stats_header(&self) -> Vec<String> {
        [
            self.col_dimension,
            self.stat_n,
            self.stat_mean,
            self.stat_min,
            self.stat_q1,
            self.stat_median,
            self.stat_q3,
            self.stat_max,
        ]
        .map(String::from)
        .to_vec()
    }
}
