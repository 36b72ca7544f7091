//! Why a recommendation fired, in plain words for the owner: "Finance scored 2.25; Industry
//! 3.0 needs 3.00".

use crate::i18n::{AdviseWords, Lang};
use crate::model::condition::{Actual, Witness};
use crate::model::{Condition, ProfileKind, Questionnaire, Test};
use crate::plain_text::{truncate, width};

/// How much of a question's or an option's text a reason quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// The whole text, as `score --explain` gives it.
    Whole,
    /// A short form ([`brief`]), as the sheet gives it: the owner reads a line, not a wall.
    Brief,
}

/// One sentence per deciding fact of a recommendation's condition. That a question is
/// answered goes without saying when another fact speaks of the same question's answer.
pub fn reason_sentences(q: &Questionnaire, reasons: &[Witness<'_>], lang: Lang) -> Vec<String> {
    reason_sentences_quoting(q, reasons, lang, Quote::Whole)
}

/// [`reason_sentences`], quoting questions and options as `quote` says.
pub fn reason_sentences_quoting(
    q: &Questionnaire,
    reasons: &[Witness<'_>],
    lang: Lang,
    quote: Quote,
) -> Vec<String> {
    fn question<'c>(w: &Witness<'c>) -> Option<(&'c str, bool)> {
        match w.condition {
            Condition::Question { id, test } => {
                Some((id.as_str(), matches!(test, Test::Answered(_))))
            }
            _ => None,
        }
    }
    reasons
        .iter()
        .filter(|w| {
            let Some((id, true)) = question(w) else {
                return true;
            };
            !(w.holds
                && reasons
                    .iter()
                    .any(|o| question(o).is_some_and(|(oid, answered)| oid == id && !answered)))
        })
        .map(|w| sentence_quoting(q, w, lang, quote))
        .collect()
}

/// Up to this many terminal cells (a Chinese character takes two) a brief quote keeps whole.
const BRIEF_CELLS: [usize; 2] = [44, 64];

/// A question's or an option's text in short: without its bracketed asides ("(welding,
/// winding …)", "（可多选）"), and cut after a clause or a word with "…" where it is still
/// longer than 22 Chinese characters (64 letters in English).
pub fn brief(text: &str, lang: Lang) -> String {
    let max = match lang {
        Lang::Zh => BRIEF_CELLS[0],
        Lang::En => BRIEF_CELLS[1],
    };
    let bare = without_asides(text);
    let text = if bare.trim().is_empty() {
        text.trim()
    } else {
        bare.trim()
    };
    if width(text) <= max {
        return text.to_string();
    }
    // The last end of a clause ("，", ";"), else of a list item ("、"), else of a word, that
    // keeps at least a third of the room and leaves room for the "…".
    const CLAUSE: [char; 10] = ['，', ',', '；', ';', '：', ':', '—', '。', '？', '?'];
    let mut breaks: [Option<usize>; 3] = [None; 3];
    let mut used = 0;
    for (i, c) in text.char_indices() {
        if used + 1 > max {
            break;
        }
        if used >= max / 3 {
            match c {
                _ if CLAUSE.contains(&c) => breaks[0] = Some(i),
                '、' => breaks[1] = Some(i),
                ' ' => breaks[2] = Some(i),
                _ => {}
            }
        }
        used += width(c.encode_utf8(&mut [0; 4]));
    }
    match breaks.into_iter().flatten().next() {
        Some(i) => {
            let head = text[..i].trim_end_matches(|c: char| CLAUSE.contains(&c) || c == ' ');
            format!("{head}…")
        }
        None => truncate(text, max),
    }
}

/// A text without its bracketed asides: `（…）` and ` (…)`, nested ones included.
fn without_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // "processes (welding)?" leaves "processes ?": no space before punctuation.
    let mut tidy = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_mark = chars
            .peek()
            .is_some_and(|n| matches!(n, '?' | '.' | ',' | ';' | ':' | '!' | ' '));
        if !(c == ' ' && next_is_mark) {
            tidy.push(c);
        }
    }
    tidy
}

/// The short name of the stage that needs a score of `x` from what a condition looks at: the
/// stage whose gate names the dimension at `x`, else the stage that begins at `x`.
fn stage_needing(q: &Questionnaire, c: &Condition, x: f64, lang: &str) -> Option<String> {
    let near = |a: f64| (a - x).abs() < 1e-9;
    let gate = match c {
        Condition::Dimension { id, .. } => q
            .scale
            .stage
            .iter()
            .find(|s| s.requires.get(id).is_some_and(|&r| near(r))),
        _ => None,
    };
    gate.or_else(|| q.scale.stage.iter().find(|s| near(s.from)))
        .map(|s| q.stage_name(s, lang).to_string())
}

/// The sentence for one deciding fact.
pub fn sentence(q: &Questionnaire, w: &Witness<'_>, lang: Lang) -> String {
    sentence_quoting(q, w, lang, Quote::Whole)
}

/// The sentence for one deciding fact, quoting questions and options as `quote` says.
pub fn sentence_quoting(q: &Questionnaire, w: &Witness<'_>, lang: Lang, quote: Quote) -> String {
    let words = AdviseWords::of(lang);
    let l = lang.code();
    let quoted = |text: &str| match quote {
        Quote::Whole => text.to_string(),
        Quote::Brief => brief(text, lang),
    };
    let (subject, test) = match w.condition {
        Condition::Question { id, test } => (
            q.question(id).map_or(id.clone(), |qu| {
                format!("“{}”", quoted(q.text(&qu.text, l)))
            }),
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
            // A question's score is its answer's: "“…” scored 2.00; Industry 3.0 needs 3.00".
            let subject = match w.condition {
                Condition::Question { id, .. } => q
                    .question(id)
                    .map_or(subject, |qu| words.answer_to(&quoted(q.text(&qu.text, l)))),
                _ => subject,
            };
            // Short of the threshold: what it needs (and which stage needs it); else reached.
            let short = matches!(
                (test, w.holds),
                (Test::Below(_), true) | (Test::AtLeast(_), false)
            );
            let stage = stage_needing(q, w.condition, *x, l);
            let (s, x) = (two_decimals(*s), two_decimals(*x));
            match (short, stage) {
                (true, Some(stage)) => words.scored_needs(&subject, &s, &x, &stage),
                (true, None) => words.scored_short_of(&subject, &s, &x),
                (false, _) => words.scored_reached(&subject, &s, &x),
            }
        }
        (Actual::Choices(chosen), Test::AnyOf(list) | Test::AllOf(list)) => {
            let sep = if matches!(test, Test::AllOf(_)) {
                words.list_and
            } else {
                words.list_or
            };
            let names = |ids: &[String]| option_names(q, w.condition, ids, lang, quote).join(sep);
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
        (Actual::Profile(value), _) => {
            profile_sentence(q, w, &subject, value.as_ref(), test, lang, quote)
        }
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
    quote: Quote,
) -> String {
    let words = AdviseWords::of(lang);
    let Some(value) = value else {
        return words.not_answered(subject);
    };
    let shown = match value {
        toml::Value::String(s) => {
            option_names(q, w.condition, std::slice::from_ref(s), lang, quote).join("")
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
fn option_names(
    q: &Questionnaire,
    c: &Condition,
    ids: &[String],
    lang: Lang,
    quote: Quote,
) -> Vec<String> {
    let l = lang.code();
    ids.iter()
        .map(|id| {
            let name = match c {
                Condition::Question { id: qid, .. } => q
                    .question(qid)
                    .and_then(|qu| qu.option(id))
                    .map(|o| q.text(&o.text, l).to_string()),
                Condition::Profile { id: fid, .. } => q
                    .profile_field(fid)
                    .filter(|f| f.kind == ProfileKind::Choice)
                    .and_then(|f| f.options.iter().find(|o| &o.id == id))
                    .map(|o| q.text(&o.label, l).to_string()),
                _ => None,
            };
            let name = name.unwrap_or_else(|| id.clone());
            match quote {
                Quote::Whole => format!("“{name}”"),
                Quote::Brief => format!("“{}”", brief(&name, lang)),
            }
        })
        .collect()
}
