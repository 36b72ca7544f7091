//! Words of the command-line outputs (score, validate, questionnaires, demo).

use super::words;

words! {
    /// Command-line outputs.
    CliWords {
        questionnaire: "问卷", "Questionnaire";
        csv_one_section: "CSV 一次只容纳一个部分：请从 --section firms、stats、progress、cohort 中选一个", "CSV holds one section at a time: choose one of --section firms, stats, progress, cohort";
        xlsx_needs_output: "Excel 工作簿要写入文件：请加上 -o OUT.xlsx", "an Excel workbook is written to a file: add -o OUT.xlsx";
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
        col_id: "编号", "id";
        col_version: "版本", "version";
        col_title: "标题", "title";
        col_dimensions: "维度", "dimensions";
        col_questions: "题目", "questions";
        col_source: "来源", "source";
    }
    messages {
        valid_questionnaire(id: &str, version: &str, dimensions: usize, questions: usize): "有效：问卷 {id} {version}，{dimensions} 个维度，{questions} 道题", "ok: questionnaire {id} {version}, {dimensions} dimensions, {questions} questions";
        valid_assessment(id: &str): "有效：评估（问卷 {id}）", "ok: assessment of questionnaire {id}";
        problem_count(errors: usize, warnings: usize, files: usize): "{errors} 个错误，{warnings} 个警告，共检查 {files} 个文件", "{errors} error(s), {warnings} warning(s) in {files} file(s)";
        cannot_sort(column: &str, columns: &str): "无法按 `{column}` 排序；可用的列有 {columns}", "cannot sort by `{column}`; the columns are {columns}";
        cannot_write_csv(why: &str): "无法写出 CSV：{why}", "cannot write the CSV: {why}";
        cannot_write_workbook(why: &str): "无法写出工作簿：{why}", "cannot write the workbook: {why}";
        too_many_columns(columns: usize, limit: usize): "记分卡有 {columns} 列，超过 Excel 工作表可容纳的 {limit} 列：未写出工作簿；CSV 导出没有这一限制", "the scorecards have {columns} columns, more than the {limit} an Excel sheet holds: no workbook was written; the CSV export has no such limit";
        cannot_write_output(why: &str): "无法写出输出：{why}", "cannot write the output: {why}";
        bad_delimiter(found: char): "--delimiter 必须是一个 ASCII 字符，且不能是引号或换行，而不是 `{found}`", "--delimiter must be one ASCII character other than a quote or a line break, not `{found}`";
        terminal_stopped(why: &str): "终端界面已停止：{why}（dmat 需要可交互的终端；已输入的内容都已保存）", "the terminal UI stopped: {why} (dmat needs an interactive terminal; everything typed so far is saved)";
        nothing_to_validate(places: &str): "没有找到问卷或评估文件（*.toml）：{places}", "no questionnaire or assessment file (*.toml) in {places}";
        nothing_to_score(places: &str): "没有找到评估文件（*.toml）：{places}", "no assessment file (*.toml) in {places}";
        demo_written(count: usize, folder: &str, questionnaire: &str, seed: u64): "已在 {folder} 写入 {count} 份评估（问卷 {questionnaire}，随机种子 {seed}）", "wrote {count} assessments of questionnaire {questionnaire} to {folder} (seed {seed})";
        demo_folder_written(firms: usize, folder: &str, scans: usize, visits: usize, follow_ups: usize, seed: u64): "已在 {folder} 写入 {firms} 家示例企业：{scans} 份快速筛查、{visits} 份完整诊断、{follow_ups} 份回访（随机种子 {seed}，均标记为示例）", "wrote {firms} demo firms to {folder} (quick scans: {scans}, full visits: {visits}, follow-ups: {follow_ups}; seed {seed}; every file marked as a demo)";
        demo_removed(count: usize, folder: &str): "已从 {folder} 删除 {count} 份示例评估，其他文件保持不变", "removed {count} demo assessments from {folder}; every other file is left as it was";
    }
}
