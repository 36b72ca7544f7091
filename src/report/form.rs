//! The pre-visit form's view-model: the profile fields and questions a questionnaire marks
//! `previsit = true`, in file order and in the chosen language, as plain data for the
//! templates `form.html.j2` and `form.md.j2`. The firm fills it in on paper before the visit;
//! the expert checks it on site. Text is stripped of control characters here; escaping is the
//! templates' auto-escaping.

use serde::Serialize;

use crate::i18n::{FormWords, Lang};
use crate::model::{ProfileField, ProfileKind, Question, QuestionKind, Questionnaire, Text};
use crate::plain_text::inert;

/// The whole form, in the order it is printed.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    /// Language code of the form, for `<html lang>`.
    pub lang: &'static str,
    pub w: &'static FormWords,
    /// The questionnaire's title.
    pub title: String,
    pub questionnaire_id: String,
    pub version: String,
    /// The profile first, then one section per dimension that has pre-visit questions.
    pub sections: Vec<Section>,
    pub footer: String,
}

/// A heading and its items.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// One thing to fill in.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Numbered through the whole form, from 1.
    pub number: usize,
    pub text: String,
    /// What to look up and how to count, from the questionnaire's help.
    pub help: Option<String>,
    /// How it is answered: `one` (tick one), `any` (tick any), `number`, `text`, `date`.
    pub kind: &'static str,
    /// The hint after the text: "(tick one)", "(tick all that apply)".
    pub hint: Option<&'static str>,
    pub options: Vec<String>,
    /// Whether the options stand one per line (many, or long) rather than in two columns.
    pub one_column: bool,
    pub unit: Option<String>,
    /// e.g. "Accepted: 0 to 100".
    pub range: Option<String>,
    /// Whether "not applicable" may be ticked.
    pub na: bool,
    /// Whether it is asked only of some firms (its `when`): "If it applies".
    pub conditional: bool,
}

/// The form of a questionnaire in a language; none when it has nothing marked `previsit`.
pub fn build(q: &Questionnaire, lang: Lang) -> Option<Form> {
    let w = FormWords::of(lang);
    let text = |t: &Text| inert(q.text(t, lang.code()));
    let mut number = 0;
    let mut next = || {
        number += 1;
        number
    };
    let mut sections = Vec::new();
    let profile: Vec<Item> = q
        .profile
        .iter()
        .filter(|f| f.previsit)
        .map(|f| profile_item(f, next(), &text, w))
        .collect();
    if !profile.is_empty() {
        sections.push(Section {
            title: w.profile.to_string(),
            items: profile,
        });
    }
    for d in &q.dimension {
        let items: Vec<Item> = d
            .question
            .iter()
            .filter(|question| question.previsit)
            .map(|question| question_item(question, next(), &text, w))
            .collect();
        if !items.is_empty() {
            sections.push(Section {
                title: text(&d.title),
                items,
            });
        }
    }
    if sections.is_empty() {
        return None;
    }
    let title = text(&q.title);
    Some(Form {
        lang: lang.code(),
        w,
        footer: w.footer(&title, &inert(&q.id), &inert(&q.version)),
        title,
        questionnaire_id: inert(&q.id),
        version: inert(&q.version),
        sections,
    })
}

fn profile_item(
    f: &ProfileField,
    number: usize,
    text: &dyn Fn(&Text) -> String,
    w: &'static FormWords,
) -> Item {
    let kind = match f.kind {
        ProfileKind::Choice => "one",
        ProfileKind::Number => "number",
        ProfileKind::Text => "text",
        ProfileKind::Date => "date",
    };
    let options: Vec<String> = f.options.iter().map(|o| text(&o.label)).collect();
    Item {
        number,
        text: text(&f.label),
        help: f.help.as_ref().map(text),
        kind,
        hint: (f.kind == ProfileKind::Choice).then_some(w.tick_one),
        one_column: one_column(&options),
        options,
        unit: f.unit.as_ref().map(text),
        range: f.range.map(|r| range(w, r)),
        na: false,
        conditional: false,
    }
}

fn question_item(
    question: &Question,
    number: usize,
    text: &dyn Fn(&Text) -> String,
    w: &'static FormWords,
) -> Item {
    let (kind, hint) = match question.kind {
        QuestionKind::Single => ("one", Some(w.tick_one)),
        QuestionKind::Multi => ("any", Some(w.tick_any)),
        QuestionKind::Number => ("number", None),
        QuestionKind::Text => ("text", None),
    };
    let options: Vec<String> = question.options.iter().map(|o| text(&o.text)).collect();
    Item {
        number,
        text: text(&question.text),
        help: question.help.as_ref().map(text),
        kind,
        hint,
        one_column: one_column(&options),
        options,
        unit: question.unit.as_ref().map(text),
        range: question.range.map(|r| range(w, r)),
        na: question.na,
        conditional: question.when.is_some(),
    }
}

/// Many options, or one that would not fit half a line, stand one per line.
fn one_column(options: &[String]) -> bool {
    options.len() > 6 || options.iter().any(|o| crate::plain_text::width(o) > 36)
}

fn range(w: &FormWords, [lo, hi]: [f64; 2]) -> String {
    w.accepted(&plain_number(lo), &plain_number(hi))
}

/// A number as people write it: no trailing `.0`.
fn plain_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;

    const Q: &str = r#"
schema = 1
id = "pre"
version = "1.0.0"
languages = ["zh", "en"]
title = { zh = "诊断", en = "Diagnosis" }
[scale]
min = 2.0
max = 4.0
[[scale.stage]]
id = "2.0"
from = 2.0
label = "2.0"
[[profile]]
id = "employees"
kind = "number"
label = { zh = "从业人数", en = "Employees" }
unit = { zh = "人", en = "people" }
range = [1, 5000]
previsit = true
[[profile]]
id = "contact"
kind = "text"
label = "Contact"
[[dimension]]
id = "equipment"
title = { zh = "装备", en = "Equipment" }
[[dimension.question]]
id = "cnc-share"
kind = "number"
previsit = true
text = { zh = "数控设备占比", en = "CNC share" }
unit = "%"
range = [0, 100]
bands = [{ from = 0, level = 2.0 }]
[[dimension.question]]
id = "on-site"
kind = "single"
text = "Seen on site"
options = [{ id = "a", level = 2.0, text = "A" }]
[[dimension]]
id = "supply"
title = { zh = "供应链", en = "Supply" }
[[dimension.question]]
id = "imports"
kind = "multi"
previsit = true
na = true
when = { profile = "employees", at_least = 30 }
text = { zh = "进口部件", en = "Imported parts" }
help = { zh = "按BOM勾选\u0007。", en = "Tick from the BOM\u0007." }
options = [{ id = "none", level = 2.0, text = { zh = "都没有", en = "None" }, exclusive = true }, { id = "servo", level = 3.0, text = "Servo" }]
"#;

    #[test]
    fn the_form_holds_the_pre_visit_items_in_file_order_numbered_through() {
        let (q, _) = parse::questionnaire(Q).unwrap();
        let form = build(&q, Lang::En).unwrap();
        let titles: Vec<&str> = form.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Firm profile", "Equipment", "Supply"]);
        let items: Vec<(usize, &str, &str)> = form
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .map(|i| (i.number, i.text.as_str(), i.kind))
            .collect();
        assert_eq!(
            items,
            [
                (1, "Employees", "number"),
                (2, "CNC share", "number"),
                (3, "Imported parts", "any")
            ]
        );
        let employees = &form.sections[0].items[0];
        assert_eq!(employees.unit.as_deref(), Some("people"));
        assert_eq!(employees.range.as_deref(), Some("Accepted: 1 to 5000"));
        let imports = &form.sections[2].items[0];
        assert!(imports.na && imports.conditional);
        assert_eq!(imports.options, ["None", "Servo"]);
        assert_eq!(imports.hint, Some("(tick all that apply)"));
        // Control characters from the file never reach the page.
        assert_eq!(imports.help.as_deref(), Some("Tick from the BOM."));
        assert_eq!(form.footer, "Diagnosis (pre 1.0.0) · printed by dmat");
    }

    #[test]
    fn the_form_speaks_the_chosen_language() {
        let (q, _) = parse::questionnaire(Q).unwrap();
        let form = build(&q, Lang::Zh).unwrap();
        assert_eq!(form.title, "诊断");
        assert_eq!(form.sections[0].title, "企业基本情况");
        assert_eq!(form.sections[2].items[0].options, ["都没有", "Servo"]);
        assert_eq!(
            form.sections[0].items[0].range.as_deref(),
            Some("填写范围：1–5000")
        );
    }

    #[test]
    fn a_questionnaire_without_pre_visit_items_has_no_form() {
        let src = Q.replace("previsit = true\n", "");
        let (q, _) = parse::questionnaire(&src).unwrap();
        assert!(build(&q, Lang::En).is_none());
    }
}
