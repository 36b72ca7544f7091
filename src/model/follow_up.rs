//! A follow-up visit of a firm (`visit.previous`): the new assessment that carries over who the
//! firm is, and what the last visit answered, for the interview to show and take over.

use toml::value::Datetime;

use super::{Assessment, Questionnaire, QuestionnaireRef, Response};

/// A new assessment that follows up `previous`, the visit kept in the file named
/// `previous_file` (a bare name, in the same folder): the firm's name, code and profile
/// copied (the fields `questionnaire` has), dated `date`, by `assessor`, in progress, on
/// `questionnaire` as `digest` identifies its bytes. Answers are not copied: the interview
/// offers last visit's answer beside each question ([`last_answer`]). Nothing of the plan or
/// the previous visit's progress is copied either: the progress recorded here is of the
/// actions agreed at `previous`.
pub fn follow_up(
    previous: &Assessment,
    previous_file: &str,
    questionnaire: &Questionnaire,
    digest: &str,
    date: Datetime,
    assessor: Option<&str>,
) -> Assessment {
    let r = QuestionnaireRef {
        id: questionnaire.id.clone(),
        version: questionnaire.version.clone(),
        digest: digest.to_string(),
    };
    let mut a = Assessment::new(r, &previous.firm.name, Some(date));
    a.firm.id = previous.firm.id.clone();
    a.profile = previous
        .profile
        .iter()
        .filter(|(id, _)| questionnaire.profile_field(id).is_some())
        .map(|(id, v)| (id.clone(), v.clone()))
        .collect();
    a.visit.previous = Some(previous_file.to_string());
    a.visit.assessor = assessor
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    a
}

/// Whether `name` is what `visit.previous` must be: the bare name of a file in the same folder
/// (no folder in it, not `.` or `..`, not blank).
pub fn is_bare_file_name(name: &str) -> bool {
    !name.trim().is_empty() && !name.contains(['/', '\\']) && name != "." && name != ".."
}

/// What the previous visit answered to one question, and the note written beside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LastAnswer<'a> {
    /// None where only a note was written.
    pub response: Option<&'a Response>,
    pub note: Option<&'a str>,
}

/// Last visit's answer and note to `question`; none where it left the question without
/// either.
pub fn last_answer<'a>(previous: &'a Assessment, question: &str) -> Option<LastAnswer<'a>> {
    let response = previous.response(question);
    let note = previous.note(question);
    (response.is_some() || note.is_some()).then_some(LastAnswer { response, note })
}

/// Takes last visit's answer to `question` over unchanged: its response replaces today's,
/// and its note is taken where today has none (a note written today is never lost). Returns
/// whether the previous visit had anything to take over.
pub fn take_over(current: &mut Assessment, previous: &Assessment, question: &str) -> bool {
    let Some(last) = last_answer(previous, question) else {
        return false;
    };
    if let Some(r) = last.response {
        current.set_response(question, Some(r.clone()));
    }
    if current.note(question).is_none() {
        current.set_note(question, last.note.map(str::to_string));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, parse};

    const Q: &str = r#"schema = 1
id = "mini"
version = "1.1.0"
languages = ["en"]
title = "Mini"
[scale]
min = 2.0
max = 4.0
[[scale.stage]]
id = "2.0"
from = 2.0
label = "2.0"
[[profile]]
id = "industry"
kind = "text"
label = "Industry"
[[dimension]]
id = "d"
title = "D"
[[dimension.question]]
id = "cnc"
kind = "single"
text = "CNC?"
options = [{ id = "no", level = 2.0, text = "No" }, { id = "yes", level = 4.0, text = "Yes" }]
[[dimension.question]]
id = "erp"
kind = "single"
text = "ERP?"
options = [{ id = "no", level = 2.0, text = "No" }, { id = "yes", level = 4.0, text = "Yes" }]
"#;

    const PREVIOUS: &str = r#"schema = 1
[questionnaire]
id = "mini"
version = "1.0.0"
digest = "sha256:old"
[firm]
name = "淄博某风机有限公司"
id = "91350100M000100Y43"
[profile]
industry = "fans"
gone = "a field the questionnaire no longer has"
[visit]
date = 2026-05-12
assessor = "Li"
status = "complete"
summary = "first visit"
target = "2.0"
demo = true
[answers.cnc]
choice = "yes"
note = "4 of 12 machines"
[answers.erp]
note = "only a note"
[plan.cnc]
decision = "agreed"
[progress.x]
status = "done"
"#;

    fn setup() -> (Questionnaire, Assessment) {
        let (q, _) = parse::questionnaire(Q).unwrap();
        let (a, _) = parse::assessment(PREVIOUS).unwrap();
        (q, a)
    }

    fn date(s: &str) -> Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn a_follow_up_copies_the_firm_and_links_the_previous_visit() {
        let (q, prev) = setup();
        let a = follow_up(
            &prev,
            "fans-2026-05-12.toml",
            &q,
            "sha256:new",
            date("2026-11-27"),
            Some(" Wang "),
        );
        assert_eq!(a.firm, prev.firm, "name and code");
        assert_eq!(a.profile.len(), 1, "only fields the questionnaire has");
        assert_eq!(a.profile["industry"].as_str(), Some("fans"));
        assert_eq!(a.questionnaire.version, "1.1.0", "the questionnaire given");
        assert_eq!(a.questionnaire.digest, "sha256:new");
        assert_eq!(a.visit.previous.as_deref(), Some("fans-2026-05-12.toml"));
        assert_eq!(a.date_string().as_deref(), Some("2026-11-27"));
        assert_eq!(a.visit.assessor.as_deref(), Some("Wang"));
        assert_eq!(a.visit.status, crate::model::Status::InProgress);
        assert!(a.answers.is_empty(), "answers are offered, not copied");
        assert!(a.plan.is_empty() && a.progress.is_empty());
        assert!(a.visit.summary.is_none() && a.visit.target.is_none() && !a.visit.demo);
        let blank = follow_up(&prev, "p.toml", &q, "", date("2026-11-27"), Some("  "));
        assert_eq!(blank.visit.assessor, None);
    }

    #[test]
    fn last_answer_gives_the_response_and_the_note() {
        let (_, prev) = setup();
        let cnc = last_answer(&prev, "cnc").unwrap();
        assert_eq!(cnc.response, Some(&Response::Choice("yes".into())));
        assert_eq!(cnc.note, Some("4 of 12 machines"));
        let erp = last_answer(&prev, "erp").unwrap();
        assert_eq!((erp.response, erp.note), (None, Some("only a note")));
        assert_eq!(last_answer(&prev, "never-answered"), None);
    }

    #[test]
    fn taking_over_copies_the_answer_and_keeps_a_note_written_today() {
        let (q, prev) = setup();
        let mut a = follow_up(&prev, "p.toml", &q, "", date("2026-11-27"), None);
        assert!(take_over(&mut a, &prev, "cnc"));
        assert_eq!(a.answers["cnc"], prev.answers["cnc"]);
        a.set_response("erp", Some(Response::Choice("no".into())));
        a.set_note("erp", Some("seen today".into()));
        assert!(take_over(&mut a, &prev, "erp"));
        assert_eq!(
            a.answers["erp"],
            Answer {
                response: Some(Response::Choice("no".into())),
                note: Some("seen today".into()),
            },
            "no response last time: today's stays; today's note is kept"
        );
        let before = a.clone();
        assert!(!take_over(&mut a, &prev, "never-answered"));
        assert_eq!(a, before);
    }
}
