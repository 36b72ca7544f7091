//! Words of the command-line outputs (score, validate, questionnaires, demo).

use super::words;

words! {
    /// Command-line outputs.
    CliWords {
        questionnaire: "问卷", "Questionnaire";
        scoring_rules: "评分规则", "scoring rules";
        visit: "走访", "Visit";
        complete: "已完成", "complete";
        in_progress: "进行中", "in progress";
        completeness: "完成度", "completeness";
        overall: "总分", "Overall";
        stage: "阶段", "Stage";
        bottleneck: "短板", "Bottleneck";
        dimension: "维度", "Dimension";
        weight: "权重", "Weight";
        score: "得分", "Score";
        answered: "已答", "Answered";
        recommendations: "建议", "Recommendations";
        high: "高", "high";
        medium: "中", "medium";
        low: "低", "low";
        months: "个月", "months";
        because: "因为", "because";
        how_computed: "得分如何得出", "How the scores came about";
        unanswered_at_min: "未回答，按最低分计", "unanswered, scored at the scale's minimum";
        left_out_hidden: "不计入：未询问（条件不满足）", "left out: not asked (its condition is false)";
        left_out_na: "不计入：不适用", "left out: not applicable";
        left_out_unanswered: "不计入：未回答", "left out: unanswered";
        left_out_unfit: "不计入：答案与当前问卷不符（已保留）", "left out: the kept answer no longer fits the question";
        not_scored: "不计分（文本或无分档的数字）", "not scored (text, or a number without bands)";
        no_score: "无得分（没有计分的回答）", "no score (nothing scored)";
        valid_questionnaire: "有效：问卷 {0} {1}，{2} 个维度，{3} 道题", "ok: questionnaire {0} {1}, {2} dimensions, {3} questions";
        valid_assessment: "有效：评估（问卷 {0}）", "ok: assessment of questionnaire {0}";
        problem_count: "{0} 个错误，{1} 个警告，共检查 {2} 个文件", "{0} error(s), {1} warning(s) in {2} file(s)";
        nothing_to_validate: "没有找到问卷或评估文件（*.toml）：{0}", "no questionnaire or assessment file (*.toml) in {0}";
        nothing_to_score: "没有找到评估文件（*.toml）：{0}", "no assessment file (*.toml) in {0}";
        col_id: "编号", "id";
        col_version: "版本", "version";
        col_title: "标题", "title";
        col_dimensions: "维度", "dimensions";
        col_questions: "题目", "questions";
        col_source: "来源", "source";
        demo_written: "已在 {1} 写入 {0} 份评估（问卷 {2}，随机种子 {3}）", "wrote {0} assessments of questionnaire {2} to {1} (seed {3})";
        demo_folder_written: "已在 {1} 写入 {0} 家示例企业：{2} 份快速筛查、{3} 份完整诊断、{4} 份回访（随机种子 {5}，均标记为示例）", "wrote {0} demo firms to {1}: {2} quick scans, {3} full visits, {4} follow-ups (seed {5}; every file marked as a demo)";
        demo_removed: "已从 {1} 删除 {0} 份示例评估，其他文件保持不变", "removed {0} demo assessments from {1}; every other file is left as it was";
    }
}
