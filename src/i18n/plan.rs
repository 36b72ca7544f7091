//! Words of the plan and of the standing it starts from: horizons, gates, provisional results,
//! projections, and why each action sits where it does.

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
        list_sep: "；", "; ";
        projected: "按计划实施后", "If the plan is carried out";
        if_all_carried_out: "若全部建议按期实施", "if every recommended action is carried out";
        with_agreed_plan: "按商定计划", "with the agreed plan";
        own_actions: "企业自拟的措施", "The firm's own actions";
        declined_actions: "企业不采纳的措施", "Declined by the firm";
        h_take_over_decisions: "回访：沿用上次走访的决定——已商定且未完成的仍为已商定（负责人、期限照旧），不采纳的仍为不采纳（理由照旧）；之后仍可逐项修改", "Follow-up visit: take last visit's decisions over — an action agreed and not done stays agreed with its owner and due date, a declined one stays declined with its reason; change any of them after";
        stage_word: "阶段", "stage";
        no_stage: "—", "—";
    }
    messages {
        last_decisions_offer(agreed: usize, declined: usize): "上次走访的决定：已商定且未完成 {agreed} 项，不采纳 {declined} 项 · 按 L 沿用（之后仍可修改）", "Last visit's decisions: {agreed} agreed and not done, {declined} declined · L takes them over (change them after as you like)";
        decisions_taken_over(n: usize): "已沿用上次走访的 {n} 项决定", "Took over {n} of last visit's decisions";
        due_outside(due: &str, term: &str, from: &str, to: &str): "期限{due}不在{term}（{from}至{to}）之内", "due {due} lies outside the {term} ({from} to {to})";
        due_outside_of(action: &str, why: &str): "措施 `{action}`：{why}", "action `{action}`: {why}";
        which_projection(label: &str): "（{label}）", " ({label})";
        sheet_projection_all(scores: &str, stages: &str): "若全部建议按期实施：{scores}，阶段 {stages}", "If every recommended action is carried out: {scores}, stage {stages}";
        sheet_projection_all_provisional(scores: &str): "若全部建议按期实施：{scores}（得分暂定）", "If every recommended action is carried out: {scores} (provisional scores)";
        sheet_projection_agreed(scores: &str, stages: &str): "按商定计划实施：{scores}，阶段 {stages}", "With the agreed plan: {scores}, stage {stages}";
        sheet_projection_agreed_provisional(scores: &str): "按商定计划实施：{scores}（得分暂定）", "With the agreed plan: {scores} (provisional scores)";
        provisional_note(answered: &str, needed: &str): "只答了{answered}的题目，评定阶段至少需要{needed}：得分为暂定，不评阶段，不下结论。", "Only {answered} of the questions are answered and a stage needs {needed}: the scores are provisional, with no stage and no verdict.";
        held(stage: &str, failed: &str): "尚未达到{stage}：{failed}。", "Not yet {stage}: {failed}.";
        gate_failed(dimension: &str, score: &str, stage: &str, need: &str): "{dimension}得分{score}，达到{stage}需要{need}", "{dimension} scored {score}; {stage} needs {need}";
        gate_no_score(dimension: &str, stage: &str, need: &str): "{dimension}尚无得分，达到{stage}需要{need}", "{dimension} has no score yet; {stage} needs {need}";
    }
}

words! {
    /// Why each action of the plan sits where it does, and what each horizon's projection
    /// changes: sentences for the firm's owner.
    PlanReasons {
        short: "近期", "short term";
        medium: "中期", "medium term";
        long: "远期", "long term";
        list_sep: "、", ", ";
        so_later: "，所以以后再议。", ", so it is left for later.";
        sep: "；", "; ";
        no_change: "本期措施不改变任何回答。", "The actions of this term change no answer.";
        held_back: "这些回答会把新计入的题目拉进均分、使得分下降，因此预计得分维持上一期的水平。", "These answers would bring newly counted questions into the means and lower the score, so the projection stays where it was.";
        unanswered: "未回答", "not answered";
        not_applicable: "不适用", "not applicable";
        projection_title: "按计划实施后的预计得分", "What the plan would bring";
        why_here: "安排", "placed";
    }
    messages {
        own(term: &str): "属于{term}的措施，排在{term}。", "Due in the {term}, and planned there.";
        filled(terms: &str): "更紧要的措施排满了{terms}", "more urgent actions filled {terms}";
        term_cap(term: &str, cap: usize): "{term}（{cap}项）", "the {term} ({cap} actions)";
        term_cap_one(term: &str): "{term}（1项）", "the {term} (1 action)";
        term_none(term: &str): "{term}（不安排）", "the {term} (none planned)";
        after_planned(action: &str, term: &str): "须在“{action}”之后进行（该项排在{term}）", "it comes after “{action}” (planned in the {term})";
        after_later(action: &str): "须在“{action}”之后进行（该项以后再议）", "it comes after “{action}” (left for later)";
        so_planned(term: &str): "，所以排在{term}。", ", so it is planned in the {term}.";
        projection(term: &str, overall: &str, stage: &str): "{term}完成后：总分{overall}，阶段{stage}", "Once the {term} is done: overall {overall}, stage {stage}";
        change(question: &str, from: &str, to: &str, action: &str): "“{question}”：{from} → {to}（{action}）", "“{question}”: {from} → {to} ({action})";
    }
}

impl PlanReasons {
    /// A horizon's name in a sentence: "short term", "近期".
    pub fn term(&self, h: crate::model::Horizon) -> &'static str {
        use crate::model::Horizon;
        match h {
            Horizon::Short => self.short,
            Horizon::Medium => self.medium,
            Horizon::Long => self.long,
        }
    }
}
