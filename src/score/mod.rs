//! Scoring: question, dimension and overall scores, stage, bottleneck and completeness of an
//! assessment, exactly as DESIGN.md's scoring rules define them. Pure functions, no I/O.

use crate::model::condition::{Facts, QuestionFact, lt};
use crate::model::{
    Aggregate, Assessment, Question, QuestionKind, Questionnaire, Response, Scale, Stage,
    Unanswered,
};

mod shown;
pub use shown::{NO_SCORE, Score};

/// The version of the scoring rules implemented here; printed with every score.
pub const RULES_VERSION: &str = "2";

/// Every number the rules derive from one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// One per question, in file order (see [`Questionnaire::questions`]).
    pub questions: Vec<QuestionScore>,
    /// One per dimension, in file order.
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<f64>,
    /// Index in `scale.stage` of the firm's stage (rule 4): the last stage reached, gates
    /// included; none without an overall score or when provisional.
    pub stage: Option<usize>,
    /// Index in `scale.stage` of the stage whose gate holds the firm: the first stage not
    /// reached although the overall score reaches its `from`; none when not held.
    pub held_at: Option<usize>,
    /// The dimensions (indexes, in file order) that failed the gate of `held_at`.
    pub held_by: Vec<usize>,
    /// Completeness is below `scale.min_completeness`: no stage, not held (rule 4).
    pub provisional: bool,
    /// Index of the bottleneck dimension (rule 5).
    pub bottleneck: Option<usize>,
    /// Visible scorable questions answered, N/A included.
    pub answered: usize,
    /// Visible scorable questions.
    pub visible: usize,
}

/// Where a question stands in an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionState {
    /// Not asked, because its `when` is false.
    Hidden,
    Unanswered,
    NotApplicable,
    Answered,
    /// An answer is kept in the file but no longer fits the question (an unknown option, the
    /// wrong kind, N/A where not allowed); it counts as unanswered.
    Unfit,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuestionScore {
    pub state: QuestionState,
    /// The score counted in its dimension, if any.
    pub score: Option<f64>,
    /// Whether the question can have a score at all (choice, or number with bands).
    pub scorable: bool,
}

impl QuestionScore {
    pub fn is_visible(&self) -> bool {
        self.state != QuestionState::Hidden
    }

    /// Answered or N/A: done, as completeness counts it.
    pub fn is_done(&self) -> bool {
        matches!(
            self.state,
            QuestionState::Answered | QuestionState::NotApplicable
        )
    }

    /// Scored at `scale.min` only because it is unanswered and the scale says so.
    pub fn is_defaulted(&self) -> bool {
        self.score.is_some()
            && matches!(self.state, QuestionState::Unanswered | QuestionState::Unfit)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DimensionScore {
    pub score: Option<f64>,
    /// Index of the dimension's stage in `scale.stage`.
    pub stage: Option<usize>,
    /// Visible scorable questions answered (N/A included), and visible scorable questions.
    pub answered: usize,
    pub visible: usize,
}

impl Scorecard {
    /// Answered (N/A included) over visible scorable questions; 1 when there are none.
    pub fn completeness(&self) -> f64 {
        if self.visible == 0 {
            1.0
        } else {
            self.answered as f64 / self.visible as f64
        }
    }

    /// Facts for evaluating conditions on this scorecard.
    pub fn facts<'a>(&'a self, q: &'a Questionnaire, a: &'a dyn Answers) -> ScoredFacts<'a> {
        ScoredFacts {
            q,
            a,
            questions: &self.questions,
            card: Some(self),
        }
    }
}

/// What scoring reads of an assessment: its responses and its profile. Projections score
/// changed answers through it without copying the assessment.
pub trait Answers {
    fn response(&self, question: &str) -> Option<&Response>;
    fn profile(&self, field: &str) -> Option<&toml::Value>;

    /// The response to the question at `position` among the questionnaire's questions, whose
    /// id is `question`: where the answers are kept by position, found without a search.
    fn response_at(&self, position: usize, question: &str) -> Option<&Response> {
        let _ = position;
        self.response(question)
    }
}

impl Answers for Assessment {
    fn response(&self, question: &str) -> Option<&Response> {
        Assessment::response(self, question)
    }

    fn profile(&self, field: &str) -> Option<&toml::Value> {
        self.profile.get(field)
    }
}

/// An assessment's answers kept by the position of their question, each looked up once: for
/// reading the same assessment many times (scoring it, its conditions, its projections).
pub struct Indexed<'a> {
    q: &'a Questionnaire,
    a: &'a Assessment,
    /// The response to each question of the questionnaire, by position.
    at: Vec<Option<&'a Response>>,
}

impl<'a> Indexed<'a> {
    pub fn new(q: &'a Questionnaire, a: &'a Assessment) -> Self {
        // Each answer is placed at its question: one lookup per answer, no search per question.
        let mut at = vec![None; q.question_count()];
        for (id, answer) in &a.answers {
            if let (Some(p), Some(r)) = (q.position(id), &answer.response)
                && let Some(slot) = at.get_mut(p)
            {
                *slot = Some(r);
            }
        }
        Indexed { q, a, at }
    }

    /// The assessment read.
    pub fn assessment(&self) -> &'a Assessment {
        self.a
    }
}

impl Answers for Indexed<'_> {
    fn response(&self, question: &str) -> Option<&Response> {
        match self.q.position(question) {
            Some(p) => self.response_at(p, question),
            // Not a question of the questionnaire: only the file can answer it.
            None => self.a.response(question),
        }
    }

    fn response_at(&self, position: usize, question: &str) -> Option<&Response> {
        match self.at.get(position) {
            Some(r) => *r,
            None => self.a.response(question),
        }
    }

    fn profile(&self, field: &str) -> Option<&toml::Value> {
        self.a.profile.get(field)
    }
}

/// Scores an assessment (or its answers as a projection changes them).
pub fn score(q: &Questionnaire, a: &dyn Answers) -> Scorecard {
    let mut questions: Vec<QuestionScore> = Vec::with_capacity(q.question_count());
    for r in q.questions() {
        let facts = ScoredFacts {
            q,
            a,
            questions: &questions,
            card: None,
        };
        let visible = r.question.when.as_ref().is_none_or(|c| c.eval(&facts));
        let response = a.response_at(r.index, &r.question.id);
        let qs = question_score(&q.scale, r.question, response, visible);
        questions.push(qs);
    }
    let dimensions = dimension_scores(q, &questions);
    let overall = weighted_mean(
        q.dimension
            .iter()
            .zip(&dimensions)
            .filter_map(|(d, s)| s.score.map(|x| (d.weight, x))),
    );
    let (answered, visible) = dimensions
        .iter()
        .fold((0, 0), |(a, v), d| (a + d.answered, v + d.visible));
    let mut card = Scorecard {
        questions,
        dimensions,
        overall,
        stage: None,
        held_at: None,
        held_by: Vec::new(),
        provisional: false,
        bottleneck: None,
        answered,
        visible,
    };
    card.provisional = lt(card.completeness(), q.scale.min_completeness);
    if let (Some(overall), false) = (overall, card.provisional) {
        (card.stage, card.held_at, card.held_by) = firm_stage(q, overall, &card.dimensions);
    }
    card.bottleneck = bottleneck(q, &card.dimensions, &card.held_by);
    card
}

/// The firm's stage by rule 4: up the stages while each is reached (its `from` and its gate);
/// with the stage that held it and the dimensions that failed that stage's gate.
fn firm_stage(
    q: &Questionnaire,
    overall: f64,
    dims: &[DimensionScore],
) -> (Option<usize>, Option<usize>, Vec<usize>) {
    let stages = &q.scale.stage;
    if stages.is_empty() {
        return (None, None, Vec::new());
    }
    for (i, stage) in stages.iter().enumerate().skip(1) {
        if lt(overall, stage.from) {
            return (Some(i - 1), None, Vec::new());
        }
        let failed = gate_failures(q, stage, dims);
        if !failed.is_empty() {
            return (Some(i - 1), Some(i), failed);
        }
    }
    (Some(stages.len() - 1), None, Vec::new())
}

/// The dimensions, in file order, whose score is below what a stage's gate requires (or that
/// have no score).
pub fn gate_failures(q: &Questionnaire, stage: &Stage, dims: &[DimensionScore]) -> Vec<usize> {
    let mut failed: Vec<usize> = stage
        .requires
        .iter()
        .filter_map(|(id, &need)| {
            let i = q.dimension_index(id)?;
            dims[i].score.is_none_or(|s| lt(s, need)).then_some(i)
        })
        .collect();
    failed.sort_unstable();
    failed
}

/// Index in `scale.stage` of the stage a score falls in.
pub fn stage_index(q: &Questionnaire, score: f64) -> Option<usize> {
    q.scale.stage.iter().rposition(|s| !lt(score, s.from))
}

fn dimension_scores(q: &Questionnaire, questions: &[QuestionScore]) -> Vec<DimensionScore> {
    let mut per_dim: Vec<Vec<(f64, QuestionScore)>> = vec![Vec::new(); q.dimension.len()];
    for r in q.questions() {
        per_dim[r.dimension].push((r.question.weight, questions[r.index]));
    }
    per_dim
        .iter()
        .map(|qs| {
            let score = weighted_mean(qs.iter().filter_map(|(w, s)| s.score.map(|x| (*w, x))));
            let shown = qs.iter().filter(|(_, s)| s.scorable && s.is_visible());
            DimensionScore {
                score,
                stage: score.and_then(|s| stage_index(q, s)),
                answered: shown.clone().filter(|(_, s)| s.is_done()).count(),
                visible: shown.count(),
            }
        })
        .collect()
}

/// Σ(weight × score) / Σ weight; none when nothing has a positive weight.
pub fn weighted_mean(items: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (num, den) = items.fold((0.0, 0.0), |(n, d), (w, x)| (n + w * x, d + w));
    (den > 0.0).then(|| num / den)
}

/// Rule 5: the dimension with the largest weighted gap, (scale.max − score) × weight, among
/// those of `held_by` when the firm is held, else among those of positive weight with a
/// score; ties go to the first in file order. A held dimension without a score counts as
/// scoring `scale.min`.
fn bottleneck(q: &Questionnaire, dims: &[DimensionScore], held_by: &[usize]) -> Option<usize> {
    let gap = |i: usize| {
        let score = dims[i].score.unwrap_or(q.scale.min);
        (q.scale.max - score) * q.dimension[i].weight
    };
    let candidates: Vec<usize> = if held_by.is_empty() {
        (0..dims.len())
            .filter(|&i| q.dimension[i].weight > 0.0 && dims[i].score.is_some())
            .collect()
    } else {
        held_by.to_vec()
    };
    let mut best: Option<(usize, f64)> = None;
    for i in candidates {
        let g = gap(i);
        if best.is_none_or(|(_, b)| lt(b, g)) {
            best = Some((i, g));
        }
    }
    best.map(|(i, _)| i)
}

/// The weighted gap of a dimension, (scale.max − score) × weight; none without a score.
pub fn weighted_gap(q: &Questionnaire, card: &Scorecard, dimension: usize) -> Option<f64> {
    card.dimensions[dimension]
        .score
        .map(|s| (q.scale.max - s) * q.dimension[dimension].weight)
}

fn question_score(
    scale: &Scale,
    question: &Question,
    response: Option<&Response>,
    visible: bool,
) -> QuestionScore {
    let scorable = question.is_scorable();
    let (state, score) = if !visible {
        (QuestionState::Hidden, None)
    } else {
        match response {
            None => (QuestionState::Unanswered, None),
            Some(Response::NotApplicable) if question.na => (QuestionState::NotApplicable, None),
            Some(r) => match answer_level(scale, question, r) {
                Some(level) => (QuestionState::Answered, level),
                None => (QuestionState::Unfit, None),
            },
        }
    };
    let defaulted = scale.unanswered == Unanswered::Min
        && scorable
        && matches!(state, QuestionState::Unanswered | QuestionState::Unfit);
    QuestionScore {
        state,
        score: if defaulted { Some(scale.min) } else { score },
        scorable,
    }
}

/// The level an answer earns: `None` if it does not fit the question, `Some(None)` if it fits
/// but is unscored (text, or a number without bands).
pub fn answer_level(
    scale: &Scale,
    question: &Question,
    response: &Response,
) -> Option<Option<f64>> {
    match (question.kind, response) {
        (QuestionKind::Single, Response::Choice(c)) => question.option(c).map(|o| o.level),
        (QuestionKind::Multi, Response::Choices(cs)) => {
            let mut known = Vec::new();
            for c in cs {
                if let Some(o) = question.option(c)
                    && !known
                        .iter()
                        .any(|k: &&crate::model::AnswerOption| k.id == o.id)
                {
                    known.push(o);
                }
            }
            if known.is_empty() && !cs.is_empty() {
                return None;
            }
            // Rule 12: an exclusive option ticked with another does not fit.
            if known.len() > 1 && known.iter().any(|o| o.exclusive) {
                return None;
            }
            let levels = || known.iter().filter_map(|o| o.level);
            let level = match question.aggregate {
                _ if known.is_empty() && question.aggregate != Aggregate::Sum => scale.min,
                Aggregate::Max => levels().fold(scale.min, f64::max),
                Aggregate::Mean => levels().sum::<f64>() / known.len() as f64,
                Aggregate::Sum => {
                    question.band_level(known.iter().map(|o| o.points()).sum(), scale.min)
                }
            };
            Some(Some(level))
        }
        (QuestionKind::Number, Response::Value(v)) => {
            Some((!question.bands.is_empty()).then(|| question.band_level(*v, scale.min)))
        }
        (QuestionKind::Text, Response::Text(_)) => Some(None),
        _ => None,
    }
}

/// The facts conditions see: the profile, the questions scored so far, and (once complete)
/// the dimension and overall scores.
pub struct ScoredFacts<'a> {
    q: &'a Questionnaire,
    a: &'a dyn Answers,
    questions: &'a [QuestionScore],
    card: Option<&'a Scorecard>,
}

impl Facts for ScoredFacts<'_> {
    fn profile(&self, id: &str) -> Option<&toml::Value> {
        self.a.profile(id)
    }

    fn question(&self, id: &str) -> QuestionFact<'_> {
        let Some(p) = self.q.position(id) else {
            return QuestionFact::Unanswered;
        };
        let Some(qs) = self.questions.get(p) else {
            return QuestionFact::Unanswered;
        };
        match (qs.state, self.a.response_at(p, id)) {
            (QuestionState::Hidden, _) => QuestionFact::Hidden,
            (QuestionState::NotApplicable, _) => QuestionFact::NotApplicable,
            (QuestionState::Answered, Some(r)) => QuestionFact::Answered(r),
            _ => QuestionFact::Unanswered,
        }
    }

    fn question_score(&self, id: &str) -> Option<f64> {
        self.q
            .position(id)
            .and_then(|p| self.questions.get(p))
            .and_then(|s| s.score)
    }

    fn dimension_score(&self, id: &str) -> Option<f64> {
        let card = self.card?;
        self.q
            .dimension_index(id)
            .and_then(|i| card.dimensions[i].score)
    }

    fn overall_score(&self) -> Option<f64> {
        self.card.and_then(|c| c.overall)
    }
}

/// A score rounded to two decimals, as scores are printed and exported.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
pub(crate) mod tests;
