//! A follow-up visit of a firm (`visit.previous`): the new assessment that carries over who the
//! firm is, and what the last visit answered and decided on its plan, for the interview and
//! the plan screen to show and take over.

use toml::value::Datetime;

use super::{
    Assessment, Decision, PlanEntry, ProgressStatus, Questionnaire, QuestionnaireRef, Response,
};

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

/// Last visit's decisions on its plan as a follow-up may take them over: each action it
/// agreed and that is not reported done or dropped here (`[progress.*]`) stays agreed, with
/// its owner, due date and note; each one it declined stays declined, with its reason. The
/// firm's own actions keep their title and horizon; a recommendation's horizon is left to
/// this visit's plan (rule 9 places it afresh from today). An action this visit already
/// decided on is left as it is; proposed ones are not decisions and are left out, and so are
/// entries naming no recommendation of `q` without a title (the actions of another
/// questionnaire). Nothing is written: the entries are returned, in id order.
pub fn last_decisions(
    previous: &Assessment,
    current: &Assessment,
    q: &Questionnaire,
) -> Vec<(String, PlanEntry)> {
    previous
        .plan
        .iter()
        .filter(|(id, _)| !current.plan.contains_key(*id))
        .filter_map(|(id, last)| {
            let own = q.recommendation_index(id).is_none();
            let named = last.title.as_deref().is_some_and(|t| !t.trim().is_empty());
            if own && !named {
                return None;
            }
            let status = current.progress.get(id).and_then(|p| p.status);
            let entry = match last.decision? {
                Decision::Agreed
                    if matches!(status, Some(ProgressStatus::Done | ProgressStatus::Dropped)) =>
                {
                    return None;
                }
                Decision::Agreed => PlanEntry {
                    title: last.title.clone().filter(|_| own),
                    decision: Some(Decision::Agreed),
                    horizon: last.horizon.filter(|_| own),
                    owner: last.owner.clone(),
                    due: last.due,
                    note: last.note.clone(),
                },
                Decision::Declined => PlanEntry {
                    title: last.title.clone().filter(|_| own),
                    decision: Some(Decision::Declined),
                    horizon: last.horizon.filter(|_| own),
                    note: last.note.clone(),
                    ..PlanEntry::default()
                },
            };
            Some((id.clone(), entry))
        })
        .collect()
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
[[recommendation]]
id = "erp-basic"
title = "ERP"
action = "Introduce an ERP"
[[recommendation]]
id = "cnc-plan"
title = "CNC"
action = "Plan the CNC machines"
[[recommendation]]
id = "unused"
title = "Unused"
action = "Applies no more"
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

    #[test]
    fn last_visits_decisions_are_offered_as_they_stand_and_nothing_else() {
        let (q, _) = setup();
        let (prev, _) = parse::assessment(&format!(
            "{PREVIOUS}{}",
            r#"[plan.erp-basic]
decision = "agreed"
horizon = "medium"
owner = "Li"
due = 2027-03-31
note = "budget set"
[plan.cnc-plan]
decision = "declined"
note = "too dear this year"
[plan.unused]
decision = "agreed"
[plan.other-questionnaires]
decision = "agreed"
[plan.own-1]
title = "Tidy the register"
decision = "agreed"
horizon = "long"
[plan.own-2]
title = "Train the staff"
decision = "agreed"
[plan.own-4]
title = "Only proposed"
owner = "Wang"
"#
        ))
        .unwrap();
        let mut a = follow_up(&prev, "p.toml", &q, "", date("2026-11-27"), None);
        a.progress.insert(
            "own-2".into(),
            crate::model::Progress {
                status: Some(ProgressStatus::Done),
                ..Default::default()
            },
        );
        let offered = last_decisions(&prev, &a, &q);
        let ids: Vec<&str> = offered.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            ["cnc-plan", "erp-basic", "own-1", "unused"],
            "not: an id of no recommendation without a title, one done, one proposed"
        );
        let erp = &offered[1].1;
        assert_eq!(erp.decision, Some(Decision::Agreed));
        assert_eq!(erp.owner.as_deref(), Some("Li"));
        assert_eq!(
            erp.due.map(|d| d.to_string()).as_deref(),
            Some("2027-03-31")
        );
        assert_eq!(erp.note.as_deref(), Some("budget set"));
        assert_eq!(
            erp.horizon, None,
            "the new plan places a recommendation afresh"
        );
        let cnc = &offered[0].1;
        assert_eq!(cnc.decision, Some(Decision::Declined));
        assert_eq!(cnc.note.as_deref(), Some("too dear this year"));
        let own = &offered[2].1;
        assert_eq!(own.title.as_deref(), Some("Tidy the register"));
        assert_eq!(own.horizon, Some(crate::model::Horizon::Long));
        // Decided here already: left as it is; and the previous visit is only read.
        let before = prev.clone();
        crate::model::decisions::edit_plan(&mut a, "erp-basic", |e| {
            e.decision = Some(Decision::Declined)
        });
        let ids: Vec<String> = last_decisions(&prev, &a, &q)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, ["cnc-plan", "own-1", "unused"]);
        assert_eq!(prev, before);
    }
}
