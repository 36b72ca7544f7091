//! Words of follow-up visits: `dmat revisit`, and the problems `validate` finds in the links
//! between a visit and the one it follows up. `{0}`, `{1}`, … are filled in by the code.

use super::words;

words! {
    /// Follow-up visits on the command line.
    FollowUpWords {
        revisit_written: "已写入 {0}：{1} 的回访（接续 {2}，问卷 {3} {4}）。用 dmat open {0} 开始访谈。", "wrote {0}: a follow-up visit of {1} (after {2}; questionnaire {3} {4}). Start the interview with dmat open {0}.";
        not_beside: "{0}：回访须写在上次走访 {1} 所在的文件夹（visit.previous 只记同一文件夹中的文件名）；请在该文件夹中取名，或不用 -o", "{0}: a follow-up visit is written in the folder of the visit it follows, {1} (`visit.previous` names a file in the same folder); choose a name in that folder, or leave out -o";
        name_not_text: "{0}：文件名不是 UTF-8 文本，回访无法在 visit.previous 中记下它；请先改名", "{0}: the file name is not UTF-8 text, so a follow-up cannot name it in `visit.previous`; rename the file first";
        no_assessor: "{0}（回访不记评估专家）", "{0} (the follow-up is written without an assessor)";
    }
}
