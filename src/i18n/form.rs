//! The words of the pre-visit form (`dmat form`).

use super::words;

words! {
    /// Words of the printable pre-visit form.
    #[derive(serde::Serialize)]
    FormWords {
        form_title: "诊断预填表", "Pre-visit form";
        intro: "请在诊断前填写本表，并准备好所列材料，诊断当天交给顾问。数字以台账、报表和证书为准；不清楚或不便提供的可以留空，顾问到厂时会与您一起核对。", "Please fill in this form before the visit and have the papers it mentions ready for the expert on the day. Take figures from your registers, reports and certificates; leave anything you do not know or prefer not to give empty — the expert will go through it with you on site.";
        firm_block: "企业信息", "The firm";
        firm_name: "企业名称", "Firm name";
        firm_id: "统一社会信用代码", "Unified social credit code";
        filled_by: "填表人", "Filled in by";
        phone: "联系电话", "Phone";
        date: "填表日期", "Date";
        date_blank: "____年__月__日", "____ / __ / __ (year / month / day)";
        profile: "企业基本情况", "Firm profile";
        tick_one: "（单选）", "(tick one)";
        tick_any: "（可多选）", "(tick all that apply)";
        not_applicable: "不适用", "Not applicable";
        if_applies: "如适用", "If it applies";
        signature: "填表人签字：", "Signature:";
    }
    messages {
        accepted(lo: &str, hi: &str): "填写范围：{lo}–{hi}", "Accepted: {lo} to {hi}";
        footer(title: &str, id: &str, version: &str): "{title}（{id} {version}）· dmat 打印", "{title} ({id} {version}) · printed by dmat";
        no_previsit(id: &str): "问卷“{id}”没有预填题目（previsit = true），没有可打印的预填表。", "Questionnaire `{id}` has no pre-visit questions (previsit = true): there is no form to print.";
    }
}
