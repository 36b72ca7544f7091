//! Scoring: question, dimension and overall scores, stage, bottleneck and completeness of an
//! assessment, exactly as DESIGN.md's scoring rules define them. Pure functions, no I/O.

use crate::model::condition::{Facts, QuestionFact, lt};
use crate::model::{
    Aggregate, Assessment, Question, QuestionKind, Questionnaire, Response, Scale, Unanswered,
};

/// The version of the scoring rules implemented here; printed with every score.
pub const RULES_VERSION: &str = "1";

/// Every number the rules derive from one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// One per question, in file order (see [`Questionnaire::questions`]).
    pub questions: Vec<QuestionScore>,
    /// One per dimension, in file order.
    pub dimensions: Vec<DimensionScore>,
    pub overall: Option<f64>,
    /// Index of the overall stage in `scale.stage`.
    pub stage: Option<usize>,
    /// Index of the bottleneck dimension.
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
    pub fn facts<'a>(&'a self, q: &'a Questionnaire, a: &'a Assessment) -> ScoredFacts<'a> {
        ScoredFacts {
            q,
            a,
            questions: &self.questions,
            card: Some(self),
        }
    }
}

/// Scores an assessment.
pub fn score(q: &Questionnaire, a: &Assessment) -> Scorecard {
    let mut questions: Vec<QuestionScore> = Vec::with_capacity(q.question_count());
    for r in q.questions() {
        let facts = ScoredFacts {
            q,
            a,
            questions: &questions,
            card: None,
        };
        let visible = r.question.when.as_ref().is_none_or(|c| c.eval(&facts));
        let qs = question_score(&q.scale, r.question, a.response(&r.question.id), visible);
        questions.push(qs);
    }
    let dimensions = dimension_scores(q, &questions);
    let overall = weighted_mean(
        q.dimension
            .iter()
            .zip(&dimensions)
            .filter_map(|(d, s)| s.score.map(|x| (d.weight, x))),
    );
    let bottleneck = bottleneck(q, &dimensions);
    let (answered, visible) = dimensions
        .iter()
        .fold((0, 0), |(a, v), d| (a + d.answered, v + d.visible));
    Scorecard {
        questions,
        dimensions,
        overall,
        stage: overall.and_then(|s| stage_index(q, s)),
        bottleneck,
        answered,
        visible,
    }
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

/// The dimension of positive weight with the lowest score; ties go to the first.
fn bottleneck(q: &Questionnaire, dims: &[DimensionScore]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, (d, s)) in q.dimension.iter().zip(dims).enumerate() {
        if let (true, Some(x)) = (d.weight > 0.0, s.score)
            && best.is_none_or(|(_, b)| lt(x, b))
        {
            best = Some((i, x));
        }
    }
    best.map(|(i, _)| i)
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
    a: &'a Assessment,
    questions: &'a [QuestionScore],
    card: Option<&'a Scorecard>,
}

impl Facts for ScoredFacts<'_> {
    fn profile(&self, id: &str) -> Option<&toml::Value> {
        self.a.profile.get(id)
    }

    fn question(&self, id: &str) -> QuestionFact<'_> {
        let Some(qs) = self.q.position(id).and_then(|p| self.questions.get(p)) else {
            return QuestionFact::Unanswered;
        };
        match (qs.state, self.a.response(id)) {
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
