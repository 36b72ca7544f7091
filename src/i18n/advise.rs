//! Words for why a recommendation fired: the subject is what the condition looks at (a
//! question, a profile field, a dimension), then its value and the threshold.

use super::words;

words! {
    /// Reasons of recommendations.
    AdviseWords {
        overall_score: "企业综合", "Overall, the firm";
        list_or: "、", " or ";
        list_and: "、", " and ";
    }
    messages {
        answer_to(question: &str): "“{question}”一题", "The answer to “{question}”";
        dimension_named(dimension: &str): "“{dimension}”维度", "{dimension}";
        not_asked(subject: &str): "{subject}未询问（不适用于本企业）", "{subject} was not asked (it does not apply)";
        is_answered(subject: &str): "{subject}已回答", "{subject} is answered";
        not_answered(subject: &str): "{subject}尚未回答", "{subject} is not answered yet";
        not_applicable(subject: &str): "{subject}为不适用", "{subject} is not applicable";
        no_score(subject: &str): "{subject}没有得分", "{subject} has no score";
        scored_below(subject: &str, score: &str, x: &str): "{subject}得分{score}，低于{x}", "{subject} scored {score}, below {x}";
        scored_not_below(subject: &str, score: &str, x: &str): "{subject}得分{score}，不低于{x}", "{subject} scored {score}, not below {x}";
        scored_at_least(subject: &str, score: &str, x: &str): "{subject}得分{score}，达到{x}", "{subject} scored {score}, at least {x}";
        scored_not_at_least(subject: &str, score: &str, x: &str): "{subject}得分{score}，未达到{x}", "{subject} scored {score}, under {x}";
        answered_with(subject: &str, options: &str): "{subject}的回答为{options}", "{subject} was answered {options}";
        answered_none_of(subject: &str, options: &str): "{subject}的回答不是{options}", "{subject} was not answered {options}";
        answered_all_of(subject: &str, options: &str): "{subject}的回答包含{options}", "{subject} includes {options}";
        answered_not_all_of(subject: &str, options: &str): "{subject}的回答未同时包含{options}", "{subject} does not include all of {options}";
        is_value(subject: &str, value: &str): "{subject}为{value}", "{subject}: {value}";
        is_not_value(subject: &str, value: &str): "{subject}为{value}，不在所列范围内", "{subject}: {value}, not one of those listed";
        is_below(subject: &str, value: &str, x: &str): "{subject}为{value}，低于{x}", "{subject}: {value}, below {x}";
        is_not_below(subject: &str, value: &str, x: &str): "{subject}为{value}，不低于{x}", "{subject}: {value}, not below {x}";
        is_at_least(subject: &str, value: &str, x: &str): "{subject}为{value}，达到{x}", "{subject}: {value}, at least {x}";
        is_not_at_least(subject: &str, value: &str, x: &str): "{subject}为{value}，低于{x}", "{subject}: {value}, under {x}";
    }
}
