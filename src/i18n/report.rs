//! Words of the one-firm-one-policy recommendation sheet. Templates read them as `w.<key>`;
//! the messages are filled in by the code that builds the sheet.

use super::words;

words! {
    /// The recommendation sheet.
    #[derive(serde::Serialize)]
    ReportWords {
        sheet_title: "一企一策 · 数字化转型诊断建议书", "One firm, one policy — digital upgrade recommendation sheet";
        sheet_subtitle: "智能制造成熟度评估结果与提升建议", "Digital maturity assessment and recommendations";
        firm: "企业名称", "Firm";
        visit_date: "走访日期", "Visit date";
        assessor: "评估专家", "Expert";
        questionnaire: "评估问卷", "Questionnaire";
        version: "版本", "version";
        status: "评估状态", "Status";
        complete: "已完成", "Complete";
        in_progress: "进行中（草稿）", "In progress (draft)";
        profile: "企业概况", "Firm profile";
        not_given: "—", "—";
        sec_standing: "一、总体水平", "1. Where the firm stands";
        sec_picture: "二、得分概览", "2. The picture";
        sec_dimensions: "三、分维度诊断", "3. Dimension by dimension";
        sec_plan: "四、提升路径与建议", "4. The plan";
        sec_summary: "五、专家意见", "5. The expert's summary";
        overall: "综合得分", "Overall score";
        stage: "所处阶段", "Stage";
        bottleneck: "短板维度", "Bottleneck";
        completeness: "完成度", "Completeness";
        no_score: "无得分", "no score";
        colon: "：", ": ";
        please_note: "请注意", "Please note";
        warn_not_complete: "本次评估尚未标记为“已完成”，本建议书为草稿。", "This assessment is not marked complete; this sheet is a draft.";
        chart_radar: "各维度得分雷达图", "Dimension scores, radar";
        chart_bars: "各维度得分", "Dimension scores";
        chart_note: "环线与竖线为各阶段的起点分值", "Rings and vertical lines mark where each stage begins";
        dimension: "维度", "Dimension";
        score: "得分", "Score";
        weight: "权重", "Weight";
        answered: "已答", "Answered";
        not_counted: "权重为0，不计入综合得分", "weight 0: not counted in the overall score";
        is_bottleneck: "短板", "bottleneck";
        strengths_lowest: "优势（高于最低水平）", "Strengths (above the lowest level)";
        gaps_lowest: "差距（处于最低水平）", "Gaps (at the lowest level)";
        observations: "其他情况", "Other observations";
        answers: "回答情况", "Answers";
        none_listed: "无", "None";
        evidence: "现场依据", "Evidence";
        unanswered_min: "未回答，按最低分计", "not answered, counted at the lowest score";
        not_applicable: "不适用", "not applicable";
        no_answer: "未回答", "not answered";
        plan_intro_one: "共 1 条建议。", "1 recommendation.";
        horizon_short: "近期（0–6个月）", "Short term (0–6 months)";
        horizon_medium: "中期（6–18个月）", "Medium term (6–18 months)";
        horizon_long: "远期（18–36个月）", "Long term (18–36 months)";
        horizon_later: "以后再议", "Later";
        priority: "优先级", "Priority";
        high: "高", "High";
        medium: "中", "Medium";
        low: "低", "Low";
        action: "措施", "Action";
        support: "可对接的支持", "Support";
        why: "依据", "Why";
        for_dimension: "所属维度", "Dimension";
        no_recommendations: "本次评估未触发任何建议。", "No recommendation applies to this assessment.";
        no_summary: "（专家尚未填写总结意见。）", "(The expert has not written a summary yet.)";
        signatures: "签字确认", "Signatures";
        sign_expert: "评估专家（签字）", "Expert (signature)";
        sign_firm: "企业负责人（签字并盖章）", "For the firm (signature and seal)";
        sign_date: "日期", "Date";
    }
    messages {
        scale_range(min: &str, max: &str): "满分区间 {min}–{max}", "on a scale of {min} to {max}";
        answered_of(answered: usize, visible: usize): "已答 {answered} / {visible} 题", "{answered} of {visible} questions answered";
        warn_incomplete(answered: usize, visible: usize, percent: &str): "本次评估尚未答完：{visible} 道应答题目中已答 {answered} 道（{percent}）。未答题目未计入得分，补答后结果可能变化。", "This assessment is not finished: {answered} of {visible} questions answered ({percent}). Unanswered questions are not in the scores, which may change once they are answered.";
        warn_incomplete_min(answered: usize, visible: usize, percent: &str): "本次评估尚未答完：{visible} 道应答题目中已答 {answered} 道（{percent}）。未答题目按最低分计入，补答后结果可能变化。", "This assessment is not finished: {answered} of {visible} questions answered ({percent}). Unanswered questions count at the lowest score, which may change once they are answered.";
        strengths(stage: &str): "优势（达到总体阶段 {stage} 及以上）", "Strengths (at or above the overall stage, {stage})";
        gaps(stage: &str): "差距（低于总体阶段 {stage}）", "Gaps (below the overall stage, {stage})";
        plan_intro(count: usize): "共 {count} 条建议，按优先级、所补差距的大小和所需投入排入近期、中期、远期，每期只排企业力所能及的几项，其余以后再议。", "{count} recommendations, placed into the short, medium and long term by priority, the size of the gap they close and the effort they take; each term holds only what a firm can take on at once, the rest comes later.";
        due_by(year: i16, month: i8): "{year}年{month}月前完成", "by {year}-{month:02}";
        footer(version: &str, rules: &str): "由 dmat {version} 生成 · 评分规则第 {rules} 版", "Made with dmat {version} · scoring rules version {rules}";
    }
}
