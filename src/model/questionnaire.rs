//! The questionnaire: profile fields, dimensions and their questions, the score scale with its
//! stages, and the recommendations, as read from a questionnaire file.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, de};

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
    /// How many actions a firm can take on in each horizon (rule 9).
    #[serde(default)]
    pub plan: PlanSizes,
    /// Answers that contradict each other, shown beside them and warned about.
    #[serde(default)]
    pub check: Vec<Check>,
    /// Headline conclusions: the first whose `when` holds is the firm's (rule 11).
    #[serde(default)]
    pub verdict: Vec<Verdict>,
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
    /// Below this completeness the result is provisional: no stage, no verdict (rule 4).
    #[serde(default)]
    pub min_completeness: f64,
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
    /// The stage's gate: dimension id → the score it must reach for the firm to be in this
    /// stage (rule 4). Empty for no gate.
    #[serde(default)]
    pub requires: BTreeMap<String, f64>,
}

/// How many actions the plan places in each horizon, as written (checked to be whole
/// numbers of 0 or more by validation).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct PlanSizes {
    #[serde(default = "three")]
    pub short: f64,
    #[serde(default = "four")]
    pub medium: f64,
    #[serde(default = "three")]
    pub long: f64,
}

impl Default for PlanSizes {
    fn default() -> Self {
        Self {
            short: 3.0,
            medium: 4.0,
            long: 3.0,
        }
    }
}

impl PlanSizes {
    /// How many actions fit in a horizon.
    pub fn cap(&self, h: Horizon) -> usize {
        let n = match h {
            Horizon::Short => self.short,
            Horizon::Medium => self.medium,
            Horizon::Long => self.long,
        };
        // Validation refuses anything but a whole number of 0 or more.
        if n.is_finite() && n > 0.0 {
            n as usize
        } else {
            0
        }
    }
}

fn three() -> f64 {
    3.0
}

fn four() -> f64 {
    4.0
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
    /// Asked on the form the firm fills in before the visit.
    #[serde(default)]
    pub previsit: bool,
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
    /// Asked on the form the firm fills in before the visit.
    #[serde(default)]
    pub previsit: bool,
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
    /// Multi only: ticked alone or not at all ("none of the above").
    #[serde(default)]
    pub exclusive: bool,
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
    /// The money, people and time it takes.
    #[serde(default)]
    pub effort: Effort,
    /// The rough cost, as text for the sheet.
    #[serde(default)]
    pub cost: Option<Text>,
    /// Recommendations that must come first where they apply too (rule 9).
    #[serde(default)]
    pub after: Vec<String>,
    /// The answers once it is done, for projections (rule 10).
    #[serde(default)]
    pub raises: Vec<Raise>,
}

/// An answer a recommendation brings about once it is carried out.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "RawRaise")]
pub struct Raise {
    pub question: String,
    pub to: RaiseTo,
}

/// The answer a raise gives its question.
#[derive(Debug, Clone, PartialEq)]
pub enum RaiseTo {
    /// single: this option.
    Choice(String),
    /// multi: these options ticked in addition to those already ticked.
    Choices(Vec<String>),
    /// number: this value.
    Value(f64),
}

impl RaiseTo {
    /// The file key that writes this raise.
    pub fn key(&self) -> &'static str {
        match self {
            RaiseTo::Choice(_) => "choice",
            RaiseTo::Choices(_) => "choices",
            RaiseTo::Value(_) => "value",
        }
    }
}

/// A raise as written: a question and one of choice, choices or value.
#[derive(Debug, Clone, Deserialize)]
struct RawRaise {
    question: String,
    #[serde(default)]
    choice: Option<String>,
    #[serde(default)]
    choices: Option<Vec<String>>,
    #[serde(default)]
    value: Option<f64>,
}

impl TryFrom<RawRaise> for Raise {
    type Error = String;

    fn try_from(r: RawRaise) -> Result<Self, String> {
        let mut to: Vec<RaiseTo> = [
            r.choice.map(RaiseTo::Choice),
            r.choices.map(RaiseTo::Choices),
            r.value.map(RaiseTo::Value),
        ]
        .into_iter()
        .flatten()
        .collect();
        if to.len() != 1 {
            let keys: Vec<_> = to.iter().map(RaiseTo::key).collect();
            return Err(if keys.is_empty() {
                crate::i18n::CheckWords::chosen().raise_none(&r.question)
            } else {
                crate::i18n::CheckWords::chosen()
                    .raise_several(&keys.join(crate::i18n::CheckWords::chosen().and))
            });
        }
        if let Some(RaiseTo::Value(v)) = to.first()
            && !v.is_finite()
        {
            return Err(crate::i18n::CheckWords::chosen().value_finite.into());
        }
        Ok(Raise {
            question: r.question,
            to: to.remove(0),
        })
    }
}

/// A consistency check: answers that contradict each other when its `when` holds.
#[derive(Debug, Clone, Deserialize)]
pub struct Check {
    pub id: String,
    pub when: Condition,
    pub message: Text,
}

/// A headline conclusion for the firm and the district.
#[derive(Debug, Clone, Deserialize)]
pub struct Verdict {
    pub id: String,
    /// None: it always holds (a last, catch-all verdict).
    #[serde(default)]
    pub when: Option<Condition>,
    pub title: Text,
    pub text: Text,
}

/// The money, people and time an action takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    Low,
    #[default]
    Medium,
    High,
}

impl Effort {
    pub fn id(self) -> &'static str {
        match self {
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
        }
    }
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
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
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
    /// The three horizons in order.
    pub const ALL: [Horizon; 3] = [Horizon::Short, Horizon::Medium, Horizon::Long];

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

    /// Whether option `id` must be ticked alone.
    pub fn is_exclusive(&self, id: &str) -> bool {
        self.option(id).is_some_and(|o| o.exclusive)
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

    pub fn recommendation_index(&self, id: &str) -> Option<usize> {
        self.recommendation.iter().position(|r| r.id == id)
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

    /// The short name of a stage in `lang`: its label up to a colon or dash that starts a
    /// description ("工业3.0：自动化与信息化" → "工业3.0", "Industry 3.0 — automated" →
    /// "Industry 3.0").
    pub fn stage_name<'s>(&self, stage: &'s Stage, lang: &str) -> &'s str {
        let label = self.text(&stage.label, lang);
        let cut = ["：", ":", " — ", " - ", "（", " ("]
            .iter()
            .filter_map(|sep| label.find(sep))
            .min()
            .unwrap_or(label.len());
        let name = label[..cut].trim();
        if name.is_empty() { label } else { name }
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
