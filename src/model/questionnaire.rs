//! The questionnaire: profile fields, dimensions and their questions, the score scale with its
//! stages, and the recommendations, as read from a questionnaire file.

use serde::{Deserialize, Deserializer, de};

use super::condition::{Condition, lt};
use super::text::Text;

/// A questionnaire file, parsed.
#[derive(Debug, Clone, Deserialize)]
pub struct Questionnaire {
    pub schema: u32,
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub scale: Scale,
    #[serde(default)]
    pub profile: Vec<ProfileField>,
    #[serde(default)]
    pub dimension: Vec<Dimension>,
    #[serde(default)]
    pub recommendation: Vec<Recommendation>,
    /// Question id → position among all questions in file order; built after parsing.
    #[serde(skip)]
    index: foldhash::HashMap<String, usize>,
    /// Position among all questions → (dimension index, index within the dimension).
    #[serde(skip)]
    positions: Vec<(usize, usize)>,
}

/// The score axis and its named stages.
#[derive(Debug, Clone, Deserialize)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    #[serde(default)]
    pub unanswered: Unanswered,
    #[serde(default)]
    pub stage: Vec<Stage>,
}

/// How a visible, unanswered, scorable question is scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unanswered {
    /// Left out of the mean.
    #[default]
    Skip,
    /// Scored at `scale.min`.
    Min,
}

/// A named band of the score axis, e.g. "Industry 3.0".
#[derive(Debug, Clone, Deserialize)]
pub struct Stage {
    pub id: String,
    pub from: f64,
    pub label: Text,
    #[serde(default)]
    pub description: Option<Text>,
}

/// A field of the firm's profile, asked before the questions.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfileField {
    pub id: String,
    pub kind: ProfileKind,
    pub label: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub options: Vec<ProfileOption>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default, deserialize_with = "two_numbers")]
    pub range: Option<[f64; 2]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileKind {
    Text,
    Number,
    Choice,
    Date,
}

/// One choice of a profile field.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfileOption {
    pub id: String,
    pub label: Text,
}

/// A group of questions scored together, e.g. "Equipment and automation".
#[derive(Debug, Clone, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub question: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub na: bool,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    #[serde(default)]
    pub aggregate: Aggregate,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub bands: Vec<Band>,
    #[serde(default, deserialize_with = "two_numbers")]
    pub range: Option<[f64; 2]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multi,
    Number,
    Text,
}

/// How the options ticked in a multi-choice question make one score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    #[default]
    Max,
    Mean,
    Sum,
}

/// One option of a single- or multi-choice question.
#[derive(Debug, Clone, Deserialize)]
pub struct AnswerOption {
    pub id: String,
    #[serde(default)]
    pub level: Option<f64>,
    #[serde(default)]
    pub points: Option<f64>,
    pub text: Text,
}

impl AnswerOption {
    /// Points counted by a multi-choice `sum` question (default 1).
    pub fn points(&self) -> f64 {
        self.points.unwrap_or(1.0)
    }
}

/// Maps a number (a value, or a sum of points) from `from` upwards to a level.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Band {
    pub from: f64,
    pub level: f64,
}

/// An action the sheet recommends when its condition holds.
#[derive(Debug, Clone, Deserialize)]
pub struct Recommendation {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub dimension: Option<String>,
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub horizon: Horizon,
    pub title: Text,
    pub action: Text,
    #[serde(default)]
    pub support: Option<Text>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

/// When an action is due: short 0–6 months, medium 6–18, long 18–36.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Horizon {
    Short,
    #[default]
    Medium,
    Long,
}

impl Priority {
    pub fn id(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

impl Horizon {
    pub fn id(self) -> &'static str {
        match self {
            Horizon::Short => "short",
            Horizon::Medium => "medium",
            Horizon::Long => "long",
        }
    }

    /// The months from the visit within which the action falls.
    pub fn months(self) -> (u32, u32) {
        match self {
            Horizon::Short => (0, 6),
            Horizon::Medium => (6, 18),
            Horizon::Long => (18, 36),
        }
    }
}

impl QuestionKind {
    pub fn id(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multi => "multi",
            QuestionKind::Number => "number",
            QuestionKind::Text => "text",
        }
    }
}

fn one() -> f64 {
    1.0
}

/// A question together with where it sits.
#[derive(Debug, Clone, Copy)]
pub struct QuestionRef<'q> {
    /// Position among all questions, in file order.
    pub index: usize,
    pub dimension: usize,
    pub question: &'q Question,
}

impl Question {
    /// Whether the question can have a score: choice questions, and numbers with bands.
    pub fn is_scorable(&self) -> bool {
        match self.kind {
            QuestionKind::Single | QuestionKind::Multi => true,
            QuestionKind::Number => !self.bands.is_empty(),
            QuestionKind::Text => false,
        }
    }

    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The level of the last band whose `from` is at most `x`; `below` under the first band.
    pub fn band_level(&self, x: f64, below: f64) -> f64 {
        self.bands
            .iter()
            .rev()
            .find(|b| !lt(x, b.from))
            .map_or(below, |b| b.level)
    }
}

impl Questionnaire {
    /// Builds the lookup tables; called once after parsing.
    pub(crate) fn build_index(&mut self) {
        self.positions = self
            .dimension
            .iter()
            .enumerate()
            .flat_map(|(d, dim)| (0..dim.question.len()).map(move |i| (d, i)))
            .collect();
        self.index = self
            .questions()
            .map(|r| (r.question.id.clone(), r.index))
            .collect();
    }

    /// The default language: the first listed.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("zh", String::as_str)
    }

    /// A text in `lang`, falling back to the questionnaire's default language.
    pub fn text<'t>(&self, text: &'t Text, lang: &str) -> &'t str {
        text.get(&[lang, self.default_language()])
    }

    /// Every question in file order, with its dimension.
    pub fn questions(&self) -> impl Iterator<Item = QuestionRef<'_>> {
        self.dimension
            .iter()
            .enumerate()
            .flat_map(|(d, dim)| dim.question.iter().map(move |q| (d, q)))
            .enumerate()
            .map(|(index, (dimension, question))| QuestionRef {
                index,
                dimension,
                question,
            })
    }

    pub fn question_count(&self) -> usize {
        self.dimension.iter().map(|d| d.question.len()).sum()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.position(id).map(|p| self.question_at(p).question)
    }

    /// The position of a question among all questions, in file order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The question at a position among all questions; panics past the last.
    pub fn question_at(&self, position: usize) -> QuestionRef<'_> {
        let (d, i) = self.positions[position];
        QuestionRef {
            index: position,
            dimension: d,
            question: &self.dimension[d].question[i],
        }
    }

    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimension.iter().position(|d| d.id == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimension.iter().find(|d| d.id == id)
    }

    pub fn profile_field(&self, id: &str) -> Option<&ProfileField> {
        self.profile.iter().find(|p| p.id == id)
    }

    /// The stage a score falls in: the one with the largest `from` at most the score.
    pub fn stage_of(&self, score: f64) -> Option<&Stage> {
        self.scale.stage.iter().rev().find(|s| !lt(score, s.from))
    }
}

/// `range = [LOW, HIGH]`: exactly two numbers (their order is checked with the rest).
fn two_numbers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[f64; 2]>, D::Error> {
    let numbers = Vec::<f64>::deserialize(d)?;
    match numbers[..] {
        [lo, hi] => Ok(Some([lo, hi])),
        _ => Err(de::Error::custom(format!(
            "`range` takes exactly two numbers, the smaller first, e.g. [0, 100]; this one has {}",
            numbers.len()
        ))),
    }
}
