//! Words for why a recommendation fired, for the firm's owner: what was seen and what the
//! next stage needs. `{0}` is what the condition looks at (a question, a profile field, a
//! dimension), `{1}` its value, `{2}` the threshold, `{3}` the stage that needs it.

use super::words;

words! {
    /// Reasons of recommendations.
    AdviseWords {
        overall_score: "企业综合", "Overall, the firm";
        answer_to: "“{0}”一题", "“{0}”";
        dimension_named: "“{0}”维度", "{0}";
        not_asked: "{0}未询问（不适用于本企业）", "{0} was not asked (it does not apply)";
        is_answered: "{0}已回答", "{0} is answered";
        not_answered: "{0}尚未回答", "{0} is not answered yet";
        not_applicable: "{0}为不适用", "{0} is not applicable";
        no_score: "{0}没有得分", "{0} has no score";
        scored_needs: "{0}得分{1}，达到{3}需要{2}", "{0} scored {1}; {3} needs {2}";
        scored_short_of: "{0}得分{1}，还需达到{2}", "{0} scored {1}; it needs {2}";
        scored_reached: "{0}得分{1}，已达到{2}", "{0} scored {1}, already at {2}";
        answered_with: "{0}的回答为{1}", "{0} was answered {1}";
        answered_none_of: "{0}的回答不是{1}", "{0} was not answered {1}";
        answered_all_of: "{0}的回答包含{1}", "{0} includes {1}";
        answered_not_all_of: "{0}的回答未同时包含{1}", "{0} does not include all of {1}";
        is_value: "{0}为{1}", "{0}: {1}";
        is_not_value: "{0}为{1}，不在所列范围内", "{0}: {1}, not one of those listed";
        is_below: "{0}为{1}，低于{2}", "{0}: {1}, below {2}";
        is_not_below: "{0}为{1}，不低于{2}", "{0}: {1}, not below {2}";
        is_at_least: "{0}为{1}，达到{2}", "{0}: {1}, at least {2}";
        is_not_at_least: "{0}为{1}，低于{2}", "{0}: {1}, under {2}";
        list_or: "、", " or ";
        list_and: "、", " and ";
    }
}
