//! The checks of what a visit refers to, said in the user's language: the firm's unified social
//! credit code, the plan's actions, and, for a follow-up, the earlier visit it names and the
//! progress recorded on that visit's agreed actions. Every entry stays in the file; only a
//! wrong code is an error.

use super::credit_code::{self, CodeError};
use super::diagnostic::{KeyPath, Problem};
use super::{Assessment, Decision, Questionnaire};
use crate::i18n::{Lang, VisitCheckWords};

/// What became of the earlier visit a follow-up names, as the store found it beside it.
#[derive(Debug, Clone, Copy)]
pub enum Earlier<'a> {
    /// The visit names none (or names it so that it cannot be looked for).
    NotAFollowUp,
    /// No file of that name is there.
    Missing,
    /// The file is there but is not a readable assessment.
    Unreadable,
    Found(&'a Assessment),
}

/// Why a code is not valid, as a clause in the language of `w`.
pub fn code_reason(e: &CodeError, w: &VisitCheckWords) -> String {
    match *e {
        CodeError::Length(n) => w.code_length(n, credit_code::LENGTH),
        CodeError::Character { position, found } => w.code_character(position, found),
        CodeError::LowerCase { position, found } => w.code_lower_case(position, found),
        CodeError::Division { position, found } => w.code_division(position, found),
        CodeError::CheckDigit { found, expected } => w.code_check_digit(found, expected),
    }
}

/// A unified social credit code as typed on a form: spaces around it dropped and letters
/// put in capitals; blank is none. A code that is not valid is refused with the reason, in
/// `lang`.
pub fn code_entered(text: &str, lang: Lang) -> Result<Option<String>, String> {
    let code: String = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    match credit_code::check(&code) {
        Ok(()) => Ok(Some(code)),
        Err(why) => {
            let w = VisitCheckWords::of(lang);
            Err(w.bad_code(&code, &code_reason(&why, w)))
        }
    }
}

/// Problems of the visit's own entries: a `firm.id` that is not a valid code (an error that
/// says what is wrong), and a `[plan.*]` entry that names no recommendation of the
/// questionnaire and has no title (a warning: a recommendation since removed, or an own
/// action left without a name).
pub fn entry_problems(a: &Assessment, q: &Questionnaire, lang: Lang) -> Vec<Problem> {
    let w = VisitCheckWords::of(lang);
    let mut out = Vec::new();
    if let Some(code) = &a.firm.id
        && let Err(why) = credit_code::check(code)
    {
        out.push(Problem::error(
            KeyPath::root().key("firm").key("id"),
            w.bad_code(code, &code_reason(&why, w)),
        ));
    }
    for (id, entry) in &a.plan {
        let untitled = entry.title.as_deref().is_none_or(|t| t.trim().is_empty());
        if untitled && q.recommendation_index(id).is_none() {
            let at = KeyPath::root().key("plan").key(id);
            out.push(Problem::warning(at, w.plan_unknown(id)).at_key());
        }
    }
    out
}

/// Problems of a follow-up's links to the earlier visit (warnings; every entry is kept): the
/// earlier visit missing or unreadable, and progress recorded on an action that was never
/// agreed there, or on a visit that follows up none.
pub fn link_problems(a: &Assessment, earlier: Earlier, lang: Lang) -> Vec<Problem> {
    let w = VisitCheckWords::of(lang);
    let previous = KeyPath::root().key("visit").key("previous");
    let name = a.visit.previous.as_deref().unwrap_or_default();
    let progress = |id: &str| KeyPath::root().key("progress").key(id);
    let mut out = Vec::new();
    match earlier {
        Earlier::Missing => out.push(Problem::warning(previous, w.previous_missing(name))),
        Earlier::Unreadable => out.push(Problem::warning(previous, w.previous_unreadable(name))),
        // A `previous` that is not a bare file name is an error of its own.
        Earlier::NotAFollowUp if a.visit.previous.is_none() => {
            for id in a.progress.keys() {
                let message = w.progress_without_previous(id);
                out.push(Problem::warning(progress(id), message).at_key());
            }
        }
        Earlier::NotAFollowUp => {}
        Earlier::Found(e) => {
            for id in a.progress.keys() {
                let message = match e.plan.get(id).and_then(|p| p.decision) {
                    Some(Decision::Agreed) => continue,
                    Some(Decision::Declined) => w.progress_declined(id, name),
                    None if e.plan.contains_key(id) => w.progress_undecided(id, name),
                    None => w.progress_unplanned(id, name),
                };
                out.push(Problem::warning(progress(id), message).at_key());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;

    const Q: &str = include_str!("../../tests/fixtures/questionnaires/mini.toml");

    #[test]
    fn a_code_typed_on_a_form_is_put_in_capitals_and_refused_with_the_reason() {
        assert_eq!(
            code_entered(" 91350100m000100y43 ", Lang::En),
            Ok(Some("91350100M000100Y43".into()))
        );
        assert_eq!(code_entered("  ", Lang::En), Ok(None));
        let wrong = code_entered("91350100M000100Y44", Lang::En).unwrap_err();
        assert!(
            wrong.contains("the first 17 characters give `3`"),
            "{wrong}"
        );
        let short = code_entered("9135", Lang::Zh).unwrap_err();
        assert!(short.contains("18"), "{short}");
    }

    fn visit(extra: &str) -> Assessment {
        let src = format!(
            "schema = 1\n[questionnaire]\nid = \"mini\"\nversion = \"1.0.0\"\n[firm]\nname = \"Acme\"\n{extra}"
        );
        parse::assessment(&src).unwrap().0
    }

    fn messages(problems: &[Problem]) -> Vec<(String, bool)> {
        problems
            .iter()
            .map(|p| {
                (
                    p.path.to_string(),
                    p.severity == super::super::Severity::Error,
                )
            })
            .collect()
    }

    #[test]
    fn a_wrong_code_is_an_error_that_says_what_is_wrong_in_both_languages() {
        let (q, _) = parse::questionnaire(Q).unwrap();
        let a = visit("id = \"91350100M000100Y44\"\n");
        let en = entry_problems(&a, &q, Lang::En);
        assert_eq!(messages(&en), [("firm.id".to_string(), true)]);
        assert_eq!(
            en[0].message,
            "`91350100M000100Y44` is not a valid unified social credit code: its check digit is `4`, but the first 17 characters give `3`; a character is probably mistyped"
        );
        let zh = entry_problems(&a, &q, Lang::Zh);
        assert_eq!(
            zh[0].message,
            "`91350100M000100Y44` 不是有效的统一社会信用代码：校验码是 `4`，但按前 17 位应为 `3`；可能有字符输错"
        );
        assert!(entry_problems(&visit("id = \"91350100M000100Y43\"\n"), &q, Lang::En).is_empty());
        let short = entry_problems(&visit("id = \"9135\"\n"), &q, Lang::En);
        assert!(
            short[0]
                .message
                .ends_with("it has 4 characters; a unified social credit code has 18")
        );
    }

    #[test]
    fn a_plan_entry_of_a_recommendation_no_longer_there_is_a_warning_and_own_actions_are_not() {
        let (q, _) = parse::questionnaire(Q).unwrap();
        let a = visit(
            "[plan.cnc]\ndecision = \"agreed\"\n[plan.erp-basic]\ndecision = \"agreed\"\n[plan.own-1]\ntitle = \"Tidy the store\"\ndecision = \"agreed\"\n",
        );
        let p = entry_problems(&a, &q, Lang::En);
        assert_eq!(messages(&p), [("plan.erp-basic".to_string(), false)]);
        assert!(
            p[0].message.contains("no recommendation `erp-basic`"),
            "{}",
            p[0].message
        );
        assert!(
            entry_problems(&a, &q, Lang::Zh)[0]
                .message
                .contains("问卷中没有建议")
        );
    }

    #[test]
    fn progress_is_checked_against_what_the_earlier_visit_agreed() {
        let earlier = visit(
            "[plan.a]\ndecision = \"agreed\"\n[plan.b]\ndecision = \"declined\"\n[plan.c]\nowner = \"Li\"\n",
        );
        let a = visit(
            "[visit]\nprevious = \"acme-1.toml\"\n[progress.a]\nstatus = \"done\"\n[progress.b]\nstatus = \"done\"\n[progress.c]\nstatus = \"done\"\n[progress.d]\nstatus = \"done\"\n",
        );
        let p = link_problems(&a, Earlier::Found(&earlier), Lang::En);
        let at: Vec<String> = p.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(
            at,
            ["progress.b", "progress.c", "progress.d"],
            "a was agreed"
        );
        assert!(
            p.iter()
                .all(|p| p.severity == super::super::Severity::Warning)
        );
        assert!(
            p[0].message
                .contains("declined at the earlier visit `acme-1.toml`")
        );
        assert!(p[1].message.contains("proposed but never agreed"));
        assert!(
            p[2].message
                .contains("never agreed at the earlier visit `acme-1.toml`")
        );
        let zh = link_problems(&a, Earlier::Found(&earlier), Lang::Zh);
        assert!(zh[0].message.contains("拒绝"), "{}", zh[0].message);
    }

    #[test]
    fn a_missing_or_unreadable_earlier_visit_and_progress_without_one_are_warnings() {
        let a = visit("[visit]\nprevious = \"acme-1.toml\"\n[progress.a]\nstatus = \"done\"\n");
        for (earlier, words) in [
            (Earlier::Missing, "there is no `acme-1.toml` in this folder"),
            (Earlier::Unreadable, "cannot be read as an assessment"),
        ] {
            let p = link_problems(&a, earlier, Lang::En);
            assert_eq!(messages(&p), [("visit.previous".to_string(), false)]);
            assert!(p[0].message.contains(words), "{}", p[0].message);
        }
        let alone = visit("[progress.a]\nstatus = \"done\"\n");
        let p = link_problems(&alone, Earlier::NotAFollowUp, Lang::En);
        assert_eq!(messages(&p), [("progress.a".to_string(), false)]);
        assert!(p[0].message.contains("follows up no earlier visit"));
        let plain = visit("");
        assert!(link_problems(&plain, Earlier::NotAFollowUp, Lang::Zh).is_empty());
    }
}
