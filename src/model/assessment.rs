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
struct RawAnswer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    na: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
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
            return Err(format!(
                "an answer has at most one of choice, choices, value, text or na, not {}",
                keys.join(" and ")
            ));
        }
        if let Some(Response::Value(v)) = responses.first()
            && !v.is_finite()
        {
            return Err("`value` must be a finite number".into());
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
            },
            profile: BTreeMap::new(),
            visit: Visit {
                date,
                ..Visit::default()
            },
            answers: BTreeMap::new(),
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
