//! Why a recommendation fired, in plain words: "Finance scored 2.25, below 3.00".

use crate::i18n::{AdviseWords, Lang};
use crate::model::condition::{Actual, Witness};
use crate::model::{Condition, ProfileKind, Questionnaire, Test};

/// One sentence per deciding fact of a recommendation's condition.
pub fn reason_sentences(q: &Questionnaire, reasons: &[Witness<'_>], lang: Lang) -> Vec<String> {
    reasons.iter().map(|w| sentence(q, w, lang)).collect()
}

/// The sentence for one deciding fact.
pub fn sentence(q: &Questionnaire, w: &Witness<'_>, lang: Lang) -> String {
    let words = AdviseWords::of(lang);
    let l = lang.code();
    let (subject, test) = match w.condition {
        Condition::Question { id, test } => (
            q.question(id)
                .map_or(id.clone(), |qu| format!("“{}”", q.text(&qu.text, l))),
            test,
        ),
        Condition::Profile { id, test } => (
            q.profile_field(id)
                .map_or(id.clone(), |f| q.text(&f.label, l).to_string()),
            test,
        ),
        Condition::Dimension { id, test } => (
            q.dimension(id)
                .map_or(id.clone(), |d| words.dimension_named(q.text(&d.title, l))),
            test,
        ),
        Condition::Overall { test } => (words.overall_score.to_string(), test),
        _ => return String::new(),
    };
    match (&w.actual, test) {
        (Actual::Hidden, _) => words.not_asked(&subject),
        (_, Test::Answered(want)) => {
            if w.holds == *want {
                words.is_answered(&subject)
            } else {
                words.not_answered(&subject)
            }
        }
        (Actual::Unanswered, _) => words.not_answered(&subject),
        (Actual::NotApplicable, _) => words.not_applicable(&subject),
        (Actual::Score(score), Test::Below(x) | Test::AtLeast(x)) => {
            let Some(s) = score else {
                return words.no_score(&subject);
            };
            // A question's score is its answer's: "The answer to “…” scored 2.00".
            let subject = match w.condition {
                Condition::Question { id, .. } => q
                    .question(id)
                    .map_or(subject, |qu| words.answer_to(q.text(&qu.text, l))),
                _ => subject,
            };
            let (s, x) = (two_decimals(*s), two_decimals(*x));
            match (test, w.holds) {
                (Test::Below(_), true) => words.scored_below(&subject, &s, &x),
                (Test::Below(_), false) => words.scored_not_below(&subject, &s, &x),
                (_, true) => words.scored_at_least(&subject, &s, &x),
                (_, false) => words.scored_not_at_least(&subject, &s, &x),
            }
        }
        (Actual::Choices(chosen), Test::AnyOf(list) | Test::AllOf(list)) => {
            let sep = if matches!(test, Test::AllOf(_)) {
                words.list_and
            } else {
                words.list_or
            };
            let names = |ids: &[String]| option_names(q, w.condition, ids, l).join(sep);
            let shown = if w.holds && matches!(test, Test::AnyOf(_)) {
                let hits: Vec<String> = chosen
                    .iter()
                    .filter(|c| list.contains(c))
                    .cloned()
                    .collect();
                names(&hits)
            } else {
                names(list)
            };
            match (test, w.holds) {
                (Test::AnyOf(_), true) => words.answered_with(&subject, &shown),
                (Test::AnyOf(_), false) => words.answered_none_of(&subject, &shown),
                (_, true) => words.answered_all_of(&subject, &shown),
                (_, false) => words.answered_not_all_of(&subject, &shown),
            }
        }
        (Actual::Profile(value), _) => profile_sentence(q, w, &subject, value.as_ref(), test, lang),
        _ => subject,
    }
}

/// A score as scores are printed everywhere: rounded half away from zero, two decimals
/// (plain `{:.2}` would print 2.125 as 2.12 where the sheet says 2.13).
fn two_decimals(x: f64) -> String {
    crate::score::Score::from(x).to_string()
}

fn profile_sentence(
    q: &Questionnaire,
    w: &Witness<'_>,
    subject: &str,
    value: Option<&toml::Value>,
    test: &Test,
    lang: Lang,
) -> String {
    let words = AdviseWords::of(lang);
    let Some(value) = value else {
        return words.not_answered(subject);
    };
    let shown = match value {
        toml::Value::String(s) => {
            option_names(q, w.condition, std::slice::from_ref(s), lang.code()).join("")
        }
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(x) => format!("{x}"),
        other => other.to_string(),
    };
    // A number with its unit: "38 people", "38人".
    let unit = match w.condition {
        Condition::Profile { id, .. } => q
            .profile_field(id)
            .filter(|f| f.kind == ProfileKind::Number)
            .and_then(|f| f.unit.as_ref())
            .map(|u| q.text(u, lang.code())),
        _ => None,
    };
    let shown = match unit {
        Some(u) if matches!(value, toml::Value::Integer(_) | toml::Value::Float(_)) => {
            let sep = if lang == Lang::Zh { "" } else { " " };
            format!("{shown}{sep}{u}")
        }
        _ => shown,
    };
    match (test, w.holds) {
        (Test::Below(x), true) => words.is_below(subject, &shown, &format!("{x}")),
        (Test::Below(x), false) => words.is_not_below(subject, &shown, &format!("{x}")),
        (Test::AtLeast(x), true) => words.is_at_least(subject, &shown, &format!("{x}")),
        (Test::AtLeast(x), false) => words.is_not_at_least(subject, &shown, &format!("{x}")),
        (_, true) => words.is_value(subject, &shown),
        (_, false) => words.is_not_value(subject, &shown),
    }
}

/// The display names of option ids of the question or profile field a condition names.
fn option_names(q: &Questionnaire, c: &Condition, ids: &[String], lang: &str) -> Vec<String> {
    ids.iter()
        .map(|id| {
            let name = match c {
                Condition::Question { id: qid, .. } => q
                    .question(qid)
                    .and_then(|qu| qu.option(id))
                    .map(|o| q.text(&o.text, lang).to_string()),
                Condition::Profile { id: fid, .. } => q
                    .profile_field(fid)
                    .filter(|f| f.kind == ProfileKind::Choice)
                    .and_then(|f| f.options.iter().find(|o| &o.id == id))
                    .map(|o| q.text(&o.label, lang).to_string()),
                _ => None,
            };
            format!("“{}”", name.unwrap_or_else(|| id.clone()))
        })
        .collect()
}
