//! Words of the plan and of the standing it starts from: horizons, gates, provisional results,
//! projections, and why each action sits where it does. `{0}`, `{1}`, … are filled in by the
//! code.

use super::words;

words! {
    /// The plan and the standing, as `dmat score` and the screens say them.
    PlanWords {
        plan: "提升计划", "The plan";
        horizon_short: "近期（0–6个月）", "Short term (0–6 months)";
        horizon_medium: "中期（6–18个月）", "Medium term (6–18 months)";
        horizon_long: "远期（18–36个月）", "Long term (18–36 months)";
        later: "以后再议（本计划之外）", "Later (beyond this plan)";
        nothing_planned: "无", "none";
        verdict: "结论", "Verdict";
        provisional: "暂定", "provisional";
        provisional_note: "只答了{0}的题目，评定阶段至少需要{1}：得分为暂定，不评阶段，不下结论。", "Only {0} of the questions are answered and a stage needs {1}: the scores are provisional, with no stage and no verdict.";
        held: "尚未达到{0}：{1}。", "Not yet {0}: {1}.";
        gate_failed: "{0}得分{1}，达到{2}需要{3}", "{0} scored {1}; {2} needs {3}";
        gate_no_score: "{0}尚无得分，达到{1}需要{2}", "{0} has no score yet; {1} needs {2}";
        list_sep: "；", "; ";
        projected: "按计划实施后", "If the plan is carried out";
        stage_word: "阶段", "stage";
        no_stage: "—", "—";
    }
}
