//! Words of the checks of a file: what is wrong with a questionnaire or an assessment, said
//! at `path:line:column` in the language chosen for the run.

use super::words;

words! {
    /// What the checks of a file say.
    CheckWords {
        top_level: "顶层", "at the top level";
        firm_unnamed: "企业没有名称", "the firm has no name";
        kind_text: "文本", "text";
        kind_number: "数字", "number";
        kind_choice: "选项（选项编号）", "choice (an option id)";
        kind_date: "日期", "date";
        not_valid_toml: "不是有效的 TOML", "not valid TOML";
        wrong_type: "类型不对：", "wrong type: found ";
        unknown_value: "未知的值", "unknown value";
    }
    messages {
        schema(found: u32, reads: u32): "不支持 schema {found}；这个 dmat 读取 schema {reads}", "schema {found} is not supported; this dmat reads schema {reads}";
        in_table(table: &str): "在 `{table}` 中", "in `{table}`";
        did_you_mean(key: &str): "；是不是 `{key}`？", "; did you mean `{key}`?";
        unknown_key(key: &str, place: &str, hint: &str): "未知的键 `{key}`（{place}）{hint}", "unknown key `{key}` {place}{hint}";
        duplicate_key(key: &str): "键 `{key}` 重复；同一个表中一个键只能写一次", "duplicate key `{key}`; a key is set once in its table";
        other_questionnaire(recorded: &str, given: &str): "这份评估用的是问卷 `{recorded}`，不是 `{given}`", "the assessment is for questionnaire `{recorded}`, not `{given}`";
        other_version(recorded: &str, scored: &str): "记录时用的是问卷的 {recorded} 版，评分用的是 {scored} 版", "recorded with version {recorded} of the questionnaire; scored with version {scored}";
        visit_date(date: &str): "走访日期 `{date}` 必须是 2026-11-27 这样的日期", "the visit date `{date}` must be a date such as 2026-11-27";
        required_unanswered(id: &str): "已标记为完成，但必答题 `{id}` 尚未回答", "marked complete, but required question `{id}` is unanswered";
        previous(previous: &str): "`previous` 是同一文件夹中上次走访的文件名，例如 \"firm-2026-05-12.toml\"，而不是 `{previous}`", "`previous` is the file name of the earlier visit in the same folder, such as \"firm-2026-05-12.toml\", not `{previous}`";
        target_unknown(target: &str, stages: &str): "目标阶段 `{target}` 不是问卷中的阶段（{stages}）；改以下一个阶段为目标", "target stage `{target}` is not a stage of the questionnaire ({stages}); the next stage is aimed for instead";
        due_date(date: &str): "完成期限 `{date}` 必须是 2027-06-30 这样的日期", "the due date `{date}` must be a date such as 2027-06-30";
        profile_unknown(id: &str): "问卷中没有企业概况字段 `{id}`；已保留", "profile field `{id}` is not in the questionnaire; it is kept";
        profile_not_option(value: &str, id: &str): "`{value}` 不是企业概况字段 `{id}` 的选项；已保留", "`{value}` is not an option of profile field `{id}`; it is kept";
        profile_not_finite(id: &str, x: f64): "企业概况字段 `{id}` 必须是有限的数字，而不是 {x}", "profile field `{id}` must be a finite number, not {x}";
        profile_out_of_range(x: f64, lo: f64, hi: f64, id: &str): "{x} 超出了企业概况字段 `{id}` 的范围 [{lo}, {hi}]", "{x} is outside the range [{lo}, {hi}] of profile field `{id}`";
        profile_date(id: &str): "企业概况字段 `{id}` 应为 2026-11-27 这样的日期", "profile field `{id}` expects a date such as 2026-11-27";
        profile_kind(id: &str, kind: &str): "企业概况字段 `{id}` 应为{kind}", "profile field `{id}` expects a {kind} value";
        orphaned(id: &str): "问卷中没有题目 `{id}`；该回答作为孤立回答保留", "question `{id}` is not in the questionnaire; the answer is kept as orphaned";
        does_not_fit(key: &str, kind: &str, id: &str): "`{key}` 不适合{kind}题 `{id}`；该回答作为孤立回答保留", "`{key}` does not fit {kind} question `{id}`; the answer is kept as orphaned";
        no_na(id: &str): "题目 `{id}` 不允许“不适用”；该回答不计入", "question `{id}` does not allow \"not applicable\"; the answer is not counted";
        out_of_range(x: f64, lo: f64, hi: f64, id: &str): "{x} 超出了题目 `{id}` 的范围 [{lo}, {hi}]", "{x} is outside the range [{lo}, {hi}] of question `{id}`";
        orphaned_option(id: &str, option: &str): "题目 `{id}` 没有选项 `{option}`；该回答作为孤立回答保留", "question `{id}` has no option `{option}`; the answer is kept as orphaned";
        exclusive_ticked(exclusive: &str, id: &str, other: &str): "题目 `{id}` 的选项 `{exclusive}` 只能单独勾选，但同时勾选了 `{other}`；在取消其中一个之前，该回答不计入", "option `{exclusive}` of question `{id}` is ticked alone or not at all, but `{other}` is ticked too; the answer does not count until one of them is unticked";
    }
}
