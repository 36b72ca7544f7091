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

words! {
    /// Why each action of the plan sits where it does, and what each horizon's projection
    /// changes: sentences for the firm's owner.
    PlanReasons {
        short: "近期", "short term";
        medium: "中期", "medium term";
        long: "远期", "long term";
        own: "属于{0}的措施，排在{0}。", "Due in the {0}, and planned there.";
        filled: "更紧要的措施排满了{0}", "more urgent actions filled {0}";
        term_cap: "{0}（{1}项）", "the {0} ({1} actions)";
        term_cap_one: "{0}（1项）", "the {0} (1 action)";
        term_none: "{0}（不安排）", "the {0} (none planned)";
        list_sep: "、", ", ";
        after_planned: "须在“{0}”之后进行（该项排在{1}）", "it comes after “{0}” (planned in the {1})";
        after_later: "须在“{0}”之后进行（该项以后再议）", "it comes after “{0}” (left for later)";
        so_planned: "，所以排在{0}。", ", so it is planned in the {0}.";
        so_later: "，所以以后再议。", ", so it is left for later.";
        sep: "；", "; ";
        projection: "{0}完成后：总分{1}，阶段{2}", "Once the {0} is done: overall {1}, stage {2}";
        no_change: "本期措施不改变任何回答。", "The actions of this term change no answer.";
        change: "“{0}”：{1} → {2}（{3}）", "“{0}”: {1} → {2} ({3})";
        held_back: "这些回答会把新计入的题目拉进均分、使得分下降，因此预计得分维持上一期的水平。", "These answers would bring newly counted questions into the means and lower the score, so the projection stays where it was.";
        unanswered: "未回答", "not answered";
        not_applicable: "不适用", "not applicable";
        projection_title: "按计划实施后的预计得分", "What the plan would bring";
        why_here: "安排", "placed";
    }
}
