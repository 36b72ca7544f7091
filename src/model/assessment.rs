//! An assessment: one visit to one firm, with the answers given, as kept in its file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// Today's date in the computer's time zone, as an assessment records it.
pub fn today() -> Datetime {
    civil_date(jiff::ZonedDateTime::now().date())
}

/// A calendar date as a TOML date.
pub fn civil_date(d: jiff::civil::Date) -> Datetime {
    Datetime {
        date: Some(toml::value::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

/// A TOML date as a calendar date; none for a time without a date or an impossible date.
pub fn to_civil_date(d: &Datetime) -> Option<jiff::civil::Date> {
    let date = d.date?;
    jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).ok()
}

/// The format version of assessment files this build writes.
pub const ASSESSMENT_SCHEMA: u32 = 1;

/// One visit to one firm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub schema: u32,
    pub questionnaire: QuestionnaireRef,
    pub firm: Firm,
    /// Profile field id → value (string, number or date), kept even for unknown fields.
    #[serde(default)]
    pub profile: BTreeMap<String, toml::Value>,
    #[serde(default)]
    pub visit: Visit,
    /// Question id → answer, kept even for questions the questionnaire no longer has.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Action id → the firm's decision on it: recommendations of the plan, and actions the
    /// firm adds itself (ids the questionnaire does not have), all kept.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plan: BTreeMap<String, PlanEntry>,
    /// Action id → how an action agreed at the previous visit went (on a follow-up visit).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub progress: BTreeMap<String, Progress>,
}

/// Which questionnaire the visit used, and the digest of its bytes when the visit began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Firm {
    pub name: String,
    /// The unified social credit code (统一社会信用代码), see [`super::credit_code`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Firm {
    /// The unified social credit code, if one is written (a blank one counts as none).
    pub fn code(&self) -> Option<&str> {
        self.id.as_deref().map(str::trim).filter(|c| !c.is_empty())
    }

    /// The name without any white space (full-width spaces and line breaks included), as
    /// firms are matched by name.
    pub fn name_key(&self) -> String {
        self.name.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// Whether two assessments are of the same firm (DESIGN.md): when both have a unified social
/// credit code, whether the codes are equal; otherwise whether the names are equal once white
/// space is removed. A firm without a name (and without a code to go by) is the same as no
/// other: two blank forms are not one firm.
///
/// The relation is not transitive: a firm recorded without a code matches two firms of its
/// name that carry different codes, which do not match each other.
pub fn same_firm(a: &Firm, b: &Firm) -> bool {
    match (a.code(), b.code()) {
        (Some(x), Some(y)) => x == y,
        _ => {
            let key = a.name_key();
            !key.is_empty() && key == b.name_key()
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// The expert's closing remarks for the sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The file name of the visit this one follows up, in the same folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The id of the stage the firm aims for; none: the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// A synthetic visit of the demo cohort, not a real firm.
    #[serde(default, skip_serializing_if = "is_false")]
    pub demo: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The firm's decision on one action: a recommendation of the plan, or its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// The action's title, for an action the firm adds itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// None while it is only proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The horizon agreed, where it differs from the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<crate::model::Horizon>,
    /// Who at the firm carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the firm decided about a proposed action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Agreed,
    Declined,
}

impl Decision {
    pub fn id(self) -> &'static str {
        match self {
            Decision::Agreed => "agreed",
            Decision::Declined => "declined",
        }
    }
}

/// How an action agreed at the previous visit went, as seen on the follow-up visit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProgressStatus>,
    /// What became of the public support the action named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportOutcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl ProgressStatus {
    pub fn id(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "not_started",
            ProgressStatus::InProgress => "in_progress",
            ProgressStatus::Done => "done",
            ProgressStatus::Dropped => "dropped",
        }
    }
}

/// What became of the public support named for an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportOutcome {
    None,
    Applied,
    Granted,
    Refused,
}

impl SupportOutcome {
    pub fn id(self) -> &'static str {
        match self {
            SupportOutcome::None => "none",
            SupportOutcome::Applied => "applied",
            SupportOutcome::Granted => "granted",
            SupportOutcome::Refused => "refused",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    InProgress,
    Complete,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Complete => "complete",
        }
    }
}

/// The answer to one question, and the expert's note on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawAnswer", into = "RawAnswer")]
pub struct Answer {
    /// None while only a note has been written.
    pub response: Option<Response>,
    /// Evidence seen on site.
    pub note: Option<String>,
}

/// What was answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Choice(String),
    Choices(Vec<String>),
    Value(f64),
    Text(String),
    NotApplicable,
}

impl Response {
    /// The option ids chosen: one for a single choice, any for a multi choice, else none.
    pub fn chosen(&self) -> &[String] {
        match self {
            Response::Choice(c) => std::slice::from_ref(c),
            Response::Choices(cs) => cs,
            _ => &[],
        }
    }

    /// The file key that holds this response.
    pub fn key(&self) -> &'static str {
        match self {
            Response::Choice(_) => "choice",
            Response::Choices(_) => "choices",
            Response::Value(_) => "value",
            Response::Text(_) => "text",
            Response::NotApplicable => "na",
        }
    }
}

impl Answer {
    pub fn with(response: Response) -> Self {
        Self {
            response: Some(response),
            note: None,
        }
    }

    /// Whether nothing is kept: no response and no note.
    pub fn is_empty(&self) -> bool {
        self.response.is_none() && self.note.as_deref().is_none_or(str::is_empty)
    }
}

/// An answer as written: at most one of choice, choices, value, text or na, and a note.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct RawAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) choices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) na: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
}

impl TryFrom<RawAnswer> for Answer {
    type Error = String;

    fn try_from(r: RawAnswer) -> Result<Self, String> {
        let mut responses: Vec<Response> = [
            r.choice.map(Response::Choice),
            r.choices.map(Response::Choices),
            r.value.map(Response::Value),
            r.text.map(Response::Text),
            r.na.filter(|na| *na).map(|_| Response::NotApplicable),
        ]
        .into_iter()
        .flatten()
        .collect();
        if responses.len() > 1 {
            let keys: Vec<_> = responses.iter().map(Response::key).collect();
            let w = crate::i18n::CheckWords::chosen();
            return Err(w.answer_several(&keys.join(w.and)));
        }
        if let Some(Response::Value(v)) = responses.first()
            && !v.is_finite()
        {
            return Err(crate::i18n::CheckWords::chosen().value_finite.into());
        }
        Ok(Answer {
            response: responses.pop(),
            note: r.note,
        })
    }
}

impl From<Answer> for RawAnswer {
    fn from(a: Answer) -> Self {
        let mut r = RawAnswer {
            note: a.note,
            ..RawAnswer::default()
        };
        match a.response {
            Some(Response::Choice(c)) => r.choice = Some(c),
            Some(Response::Choices(cs)) => r.choices = Some(cs),
            Some(Response::Value(v)) => r.value = Some(v),
            Some(Response::Text(t)) => r.text = Some(t),
            Some(Response::NotApplicable) => r.na = Some(true),
            None => {}
        }
        r
    }
}

impl Assessment {
    /// A new, empty assessment of a questionnaire.
    pub fn new(questionnaire: QuestionnaireRef, firm: &str, date: Option<Datetime>) -> Self {
        Self {
            schema: ASSESSMENT_SCHEMA,
            questionnaire,
            firm: Firm {
                name: firm.to_string(),
                id: None,
            },
            profile: BTreeMap::new(),
            visit: Visit {
                date,
                ..Visit::default()
            },
            answers: BTreeMap::new(),
            plan: BTreeMap::new(),
            progress: BTreeMap::new(),
        }
    }

    pub fn response(&self, question: &str) -> Option<&Response> {
        self.answers.get(question).and_then(|a| a.response.as_ref())
    }

    pub fn note(&self, question: &str) -> Option<&str> {
        self.answers
            .get(question)
            .and_then(|a| a.note.as_deref())
            .filter(|n| !n.is_empty())
    }

    /// Sets or clears the response to a question, keeping its note.
    pub fn set_response(&mut self, question: &str, response: Option<Response>) {
        let answer = self.answers.entry(question.to_string()).or_default();
        answer.response = response;
        if answer.is_empty() {
            self.answers.remove(question);
        }
    }

    /// Sets or clears the note on a question, keeping its response.
    pub fn set_note(&mut self, question: &str, note: Option<String>) {
        let answer = self.answers.entry(question.to_string()).or_default();
        answer.note = note.filter(|n| !n.is_empty());
        if answer.is_empty() {
            self.answers.remove(question);
        }
    }

    /// The visit date as `YYYY-MM-DD`, if there is one.
    pub fn date_string(&self) -> Option<String> {
        self.visit.date.as_ref().map(|d| d.to_string())
    }

    /// Serialises the assessment to its TOML text.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        toml::to_string(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Horizon, parse};

    const FOLLOW_UP: &str = r#"schema = 1

[questionnaire]
id = "mini"
version = "1.0.0"

[firm]
name = "淄博某风机有限公司"
id = "91350100M000100Y43"

[profile]

[visit]
date = 2027-05-20
status = "in_progress"
previous = "fans-2026-11-27.toml"
target = "3.0"
demo = true

[answers.has-cnc]
choice = "yes"

[plan.cnc]
decision = "agreed"
horizon = "medium"
owner = "生产副总"
due = 2027-06-30
note = "先换两台"

[plan.own-1]
title = "整理设备台账"
decision = "agreed"
horizon = "short"

[plan.records]
decision = "declined"

[progress.cnc]
status = "in_progress"
support = "applied"
note = "技改贷已申请"

[progress.gone-from-the-questionnaire]
status = "dropped"
support = "none"
"#;

    #[test]
    fn a_follow_up_visit_keeps_every_key_on_save() {
        let (a, _) = parse::assessment(FOLLOW_UP).unwrap();
        assert_eq!(a.firm.id.as_deref(), Some("91350100M000100Y43"));
        assert_eq!(a.visit.previous.as_deref(), Some("fans-2026-11-27.toml"));
        assert_eq!(a.visit.target.as_deref(), Some("3.0"));
        assert!(a.visit.demo);
        let cnc = &a.plan["cnc"];
        assert_eq!(cnc.decision, Some(Decision::Agreed));
        assert_eq!(cnc.horizon, Some(Horizon::Medium));
        assert_eq!(
            cnc.due.map(|d| d.to_string()).as_deref(),
            Some("2027-06-30")
        );
        assert_eq!(a.plan["own-1"].title.as_deref(), Some("整理设备台账"));
        assert_eq!(a.plan["records"].decision, Some(Decision::Declined));
        assert_eq!(a.progress["cnc"].status, Some(ProgressStatus::InProgress));
        assert_eq!(a.progress["cnc"].support, Some(SupportOutcome::Applied));
        let saved = a.to_toml().unwrap();
        assert_eq!(
            saved, FOLLOW_UP,
            "written as read, unknown actions included"
        );
    }

    fn firm(name: &str, id: Option<&str>) -> Firm {
        Firm {
            name: name.into(),
            id: id.map(str::to_string),
        }
    }

    #[test]
    fn firms_with_codes_are_matched_by_code_alone() {
        let code = "91350100M000100Y43";
        let other = "91370303MA3C00000X";
        assert!(same_firm(
            &firm("淄博某风机有限公司", Some(code)),
            &firm("淄博某风机股份有限公司", Some(code))
        ));
        assert!(!same_firm(
            &firm("淄博某风机有限公司", Some(code)),
            &firm("淄博某风机有限公司", Some(other))
        ));
        assert!(
            same_firm(
                &firm("a", Some(code)),
                &firm("b", Some(&format!(" {code} ")))
            ),
            "a code is read without the spaces around it"
        );
    }

    #[test]
    fn without_two_codes_firms_are_matched_by_name_without_white_space() {
        let code = "91350100M000100Y43";
        let named = firm("淄博 某风机\u{3000}有限公司", None);
        assert!(same_firm(&named, &firm("淄博某风机有限公司", Some(code))));
        assert!(same_firm(&firm("淄博某风机有限公司", Some(code)), &named));
        assert!(same_firm(
            &firm("Acme\tFans\n", None),
            &firm(" AcmeFans", None)
        ));
        assert!(!same_firm(
            &firm("Acme Fans", None),
            &firm("acme fans", None)
        ));
        assert!(!same_firm(&named, &firm("淄博某电机有限公司", None)));
        assert!(
            same_firm(&firm("Acme", Some("  ")), &firm("Acme", Some(code))),
            "a blank code is no code"
        );
    }

    #[test]
    fn firms_without_a_name_or_code_match_nothing() {
        assert!(!same_firm(&firm("", None), &firm("", None)));
        assert!(!same_firm(&firm(" \u{3000}", None), &firm("", None)));
        let code = "91350100M000100Y43";
        assert!(same_firm(&firm("", Some(code)), &firm("", Some(code))));
    }

    #[test]
    fn a_real_visit_writes_no_demo_mark_and_no_empty_plan() {
        let r = QuestionnaireRef {
            id: "mini".into(),
            version: "1.0.0".into(),
            digest: String::new(),
        };
        let text = Assessment::new(r, "x", None).to_toml().unwrap();
        for key in [
            "demo",
            "[plan",
            "[progress",
            "previous",
            "target",
            "[firm]\nname = \"x\"\nid",
        ] {
            assert!(!text.contains(key), "{key} in\n{text}");
        }
    }
}
