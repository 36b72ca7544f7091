//! Words of follow-up visits and of what a visit refers to: `dmat revisit`, and the problems
//! `validate` finds in a firm's code, the plan's actions, the earlier visit a follow-up names
//! and the progress recorded on its actions.

use super::words;

words! {
    /// `dmat revisit` on the command line.
    FollowUpWords {
    }
    messages {
        /// A follow-up visit was written.
        revisit_written(path: &str, firm: &str, earlier: &str, questionnaire: &str, version: &str):
            "已写入 {path}：{firm} 的回访（接续 {earlier}，问卷 {questionnaire} {version}）。用 dmat open {path} 开始访谈。",
            "wrote {path}: a follow-up visit of {firm} (after {earlier}; questionnaire {questionnaire} {version}). Start the interview with dmat open {path}.";
        /// `-o` names a file outside the earlier visit's folder.
        not_beside(out: &str, earlier: &str):
            "{out}：回访须写在上次走访 {earlier} 所在的文件夹（visit.previous 只记同一文件夹中的文件名）；请在该文件夹中取名，或不用 -o",
            "{out}: a follow-up visit is written in the folder of the visit it follows, {earlier} (`visit.previous` names a file in the same folder); choose a name in that folder, or leave out -o";
        /// The earlier visit's file name cannot be written into `visit.previous`.
        name_not_text(earlier: &str):
            "{earlier}：文件名不是 UTF-8 文本，回访无法在 visit.previous 中记下它；请先改名",
            "{earlier}: the file name is not UTF-8 text, so a follow-up cannot name it in `visit.previous`; rename the file first";
        /// The settings file could not be read; the follow-up goes on without an assessor.
        no_assessor(why: &str):
            "{why}（回访不记评估专家）",
            "{why} (the follow-up is written without an assessor)";
    }
}

words! {
    /// What `validate` says about a visit's references: the firm's code, the plan's actions,
    /// the earlier visit and the progress on its agreed actions.
    VisitCheckWords {
    }
    messages {
        /// A `firm.id` that is not a valid code, and why (one of the `code_*` reasons).
        bad_code(code: &str, why: &str):
            "`{code}` 不是有效的统一社会信用代码：{why}",
            "`{code}` is not a valid unified social credit code: {why}";
        code_length(n: usize, length: usize):
            "它有 {n} 个字符，统一社会信用代码为 {length} 位",
            "it has {n} characters; a unified social credit code has {length}";
        code_character(position: usize, found: char):
            "第 {position} 位 `{found}` 不会出现在统一社会信用代码中（只用数字和除 I、O、S、V、Z 以外的大写字母）",
            "character {position} `{found}` is never used in a unified social credit code (only digits and capitals other than I, O, S, V and Z)";
        code_lower_case(position: usize, found: char):
            "第 {position} 位 `{found}` 是小写字母；代码用大写字母书写",
            "character {position} `{found}` is lower case; the code is written in capitals";
        code_division(position: usize, found: char):
            "第 {position} 位 `{found}` 不是数字；第 3 至 8 位是登记管理机关的行政区划码",
            "character {position} `{found}` is not a digit; characters 3 to 8 are the administrative division code";
        code_check_digit(found: char, expected: char):
            "校验码是 `{found}`，但按前 17 位应为 `{expected}`；可能有字符输错",
            "its check digit is `{found}`, but the first 17 characters give `{expected}`; a character is probably mistyped";
        /// A plan entry naming no recommendation of the questionnaire, without a title.
        plan_unknown(id: &str):
            "问卷中没有建议 `{id}`（或已删除），该条目也没有 `title`，不是企业自拟的措施；条目予以保留",
            "the questionnaire has no recommendation `{id}` (any more), and without a `title` the entry is no action of the firm's own either; it is kept";
        /// `visit.previous` names a file that is not there.
        previous_missing(name: &str):
            "同一文件夹中没有 `{name}`：本次回访所接续的走访文件缺失（被移走、改名或未一并复制）；链接予以保留",
            "there is no `{name}` in this folder: the visit this one follows up is missing (moved, renamed or not copied along); the link is kept";
        /// `visit.previous` names a file that cannot be read as an assessment.
        previous_unreadable(name: &str):
            "无法把 `{name}` 读作评估文件（dmat validate {name} 会说明原因），因此不核对其中商定的措施",
            "the visit this one follows up, `{name}`, cannot be read as an assessment (dmat validate {name} says why), so its agreed actions are not checked";
        /// Progress recorded on a visit that follows up none.
        progress_without_previous(id: &str):
            "记录了措施 `{id}` 的进展，但本次走访没有接续任何上次走访（visit.previous）；条目予以保留",
            "progress on action `{id}`, but this visit follows up no earlier visit (`visit.previous`); the entry is kept";
        /// Progress on an action the firm declined at the earlier visit.
        progress_declined(id: &str, earlier: &str):
            "记录了措施 `{id}` 的进展，但企业在上次走访 `{earlier}` 中拒绝了它；进展只记已商定的措施，条目予以保留",
            "progress on action `{id}`, which the firm declined at the earlier visit `{earlier}`; progress is recorded on agreed actions, and the entry is kept";
        /// Progress on an action only proposed at the earlier visit.
        progress_undecided(id: &str, earlier: &str):
            "记录了措施 `{id}` 的进展，但它在上次走访 `{earlier}` 中只是提议、从未商定；条目予以保留",
            "progress on action `{id}`, which was proposed but never agreed at the earlier visit `{earlier}`; the entry is kept";
        /// Progress on an action the earlier visit's plan does not hold.
        progress_unplanned(id: &str, earlier: &str):
            "记录了措施 `{id}` 的进展，但上次走访 `{earlier}` 的计划中没有这项措施，从未商定；条目予以保留",
            "progress on action `{id}`, which was never agreed at the earlier visit `{earlier}` (its plan has no entry for it); the entry is kept";
    }
}
