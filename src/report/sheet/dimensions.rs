//! Dimension by dimension: a short view for the sheet (score, stage, the strongest and the
//! weakest answers judged against the firm's own stage) and, for the annex, every answer with
//! its evidence.

use serde::Serialize;

use super::{Builder, StageView, lines, number, two};
use crate::i18n::Lang;
use crate::model::condition::lt;
use crate::model::{Question, QuestionKind, Response, Stage};
use crate::plain_text::inert;
use crate::score::QuestionState;

/// How many strengths and gaps the short view names per dimension: the strongest and the
/// weakest.
const SHORT_VIEW: usize = 1;

/// The short view of one dimension.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionView {
    pub id: String,
    pub title: String,
    pub counted: bool,
    pub score: Option<String>,
    pub stage: Option<StageView>,
    /// The score the plan projects after the long term, where it differs from today's.
    pub projected: Option<String>,
    pub bottleneck: bool,
    /// Whether its gate holds the firm below the next stage.
    pub held: bool,
    /// The strongest answers at or above the firm's stage, in brief.
    pub strengths: Vec<String>,
    /// The weakest answers below it, in brief.
    pub gaps: Vec<String>,
    /// "and 3 more", where there are more than the view names.
    pub more_strengths: Option<String>,
    pub more_gaps: Option<String>,
}

/// One dimension in the annex: every answer, with the expert's notes as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexDimension {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub weight: String,
    pub counted: bool,
    pub score: Option<String>,
    pub stage: Option<StageView>,
    pub bottleneck: bool,
    pub answered: usize,
    pub visible: usize,
    /// Answers at or above the firm's stage.
    pub strengths: Vec<Finding>,
    /// Answers below the firm's stage.
    pub gaps: Vec<Finding>,
    /// Answers without a score (text, numbers, not applicable) and notes without an answer.
    pub observations: Vec<Finding>,
}

/// One answered question with the expert's note as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub question: String,
    pub answer: String,
    pub score: Option<String>,
    /// The note, one string per line.
    pub note: Vec<String>,
}

/// A scored answer, with what ranks it and how the short view names it.
struct Scored {
    score: f64,
    weight: f64,
    brief: String,
    finding: Finding,
}

/// The answers of one dimension, sorted: strengths strongest first, gaps weakest first.
#[derive(Default)]
struct Classified {
    strengths: Vec<Scored>,
    gaps: Vec<Scored>,
    observations: Vec<Finding>,
}

impl Builder<'_> {
    /// The stage answers are judged against: the firm's; when the result is provisional, the
    /// stage its overall score falls in; none without an overall score.
    pub(super) fn judging_stage(&self) -> Option<&Stage> {
        match self.card.stage {
            Some(i) => Some(&self.q.scale.stage[i]),
            None => self.card.overall.and_then(|o| self.q.stage_of(o)),
        }
    }

    fn lowest(&self, stage: &Stage) -> bool {
        !lt(self.q.scale.min, stage.from)
    }

    /// Whether an answer's score is a strength: at or above the start of the firm's stage.
    /// When the firm stands in the lowest stage, every answer is at or above it, so the line
    /// is drawn at the lowest level instead: only answers above it are strengths. An answer
    /// at the lowest level is never a strength.
    fn is_strength(&self, score: f64, stage: &Stage) -> bool {
        lt(self.q.scale.min, score) && !lt(score, stage.from)
    }

    pub(super) fn annex_titles(&self, judge: Option<&Stage>) -> (String, String) {
        let w = self.w;
        match judge {
            Some(s) if self.lowest(s) => {
                (w.strengths_lowest.to_string(), w.gaps_lowest.to_string())
            }
            Some(s) => (w.strengths(&s.id), w.gaps(&s.id)),
            None => (String::new(), String::new()),
        }
    }

    /// One sentence on how strengths and gaps are judged.
    pub(super) fn judged(&self, judge: Option<&Stage>) -> String {
        match judge {
            Some(s) if self.lowest(s) => self.w.dim_judged_lowest(&s.id),
            Some(s) => self.w.dim_judged(&s.id),
            None => String::new(),
        }
    }

    pub(super) fn dimension(&self, d: usize, judge: Option<&Stage>) -> DimensionView {
        let (q, card, w) = (self.q, self.card, self.w);
        let ds = &card.dimensions[d];
        let c = self.classify(d, judge);
        let more = |n: usize| (n > SHORT_VIEW).then(|| w.more_items(n - SHORT_VIEW));
        let brief = |v: &[Scored]| v.iter().take(SHORT_VIEW).map(|s| s.brief.clone()).collect();
        let end = &self.e.decided_end().card.dimensions[d];
        let planned = self.e.anything_planned();
        DimensionView {
            id: q.dimension[d].id.clone(),
            title: self.text(&q.dimension[d].title).to_string(),
            counted: q.dimension[d].weight > 0.0,
            score: ds.score.map(two),
            stage: ds.stage.map(|i| self.stage_view(&q.scale.stage[i])),
            projected: end
                .score
                .filter(|p| planned && ds.score.is_none_or(|s| lt(s, *p)))
                .map(two),
            bottleneck: card.bottleneck == Some(d),
            held: card.held_by.contains(&d),
            strengths: brief(&c.strengths),
            gaps: brief(&c.gaps),
            more_strengths: more(c.strengths.len()),
            more_gaps: more(c.gaps.len()),
        }
    }

    pub(super) fn annex_dimension(&self, d: usize, judge: Option<&Stage>) -> AnnexDimension {
        let (q, card) = (self.q, self.card);
        let dim = &q.dimension[d];
        let ds = &card.dimensions[d];
        let c = self.classify(d, judge);
        let findings = |v: Vec<Scored>| v.into_iter().map(|s| s.finding).collect();
        AnnexDimension {
            id: dim.id.clone(),
            title: self.text(&dim.title).to_string(),
            description: dim.description.as_ref().map(|t| self.text(t).to_string()),
            weight: number(dim.weight),
            counted: dim.weight > 0.0,
            score: ds.score.map(two),
            stage: ds.stage.map(|i| self.stage_view(&q.scale.stage[i])),
            bottleneck: card.bottleneck == Some(d),
            answered: ds.answered,
            visible: ds.visible,
            strengths: findings(c.strengths),
            gaps: findings(c.gaps),
            observations: c.observations,
        }
    }

    /// The answers of a dimension, in file order within each list, then ranked.
    fn classify(&self, d: usize, judge: Option<&Stage>) -> Classified {
        let (q, a, card) = (self.q, self.a, self.card);
        let mut c = Classified::default();
        for r in q.questions().filter(|r| r.dimension == d) {
            let qs = card.questions[r.index];
            let id = &r.question.id;
            let note = a.note(id).map(lines).unwrap_or_default();
            let finding = |answer: String, score: Option<f64>| Finding {
                question: self.text(&r.question.text).to_string(),
                answer,
                score: score.map(two),
                note: note.clone(),
            };
            match (qs.state, qs.score) {
                (QuestionState::Hidden, _) => {}
                (_, Some(x)) => {
                    let answer = if qs.is_defaulted() {
                        self.w.unanswered_min.to_string()
                    } else {
                        self.answer_text(r.question, a.response(id))
                    };
                    let brief = self.brief(r.question, a.response(id), &answer);
                    let f = finding(answer, Some(x));
                    let scored = Scored {
                        score: x,
                        weight: r.question.weight,
                        brief,
                        finding: f,
                    };
                    match judge {
                        Some(s) if self.is_strength(x, s) => c.strengths.push(scored),
                        Some(_) => c.gaps.push(scored),
                        None => c.observations.push(scored.finding),
                    }
                }
                (QuestionState::NotApplicable, None) => c
                    .observations
                    .push(finding(self.w.not_applicable.to_string(), None)),
                (QuestionState::Answered, None) => {
                    let answer = self.answer_text(r.question, a.response(id));
                    c.observations.push(finding(answer, None));
                }
                (QuestionState::Unanswered | QuestionState::Unfit, None) if !note.is_empty() => {
                    c.observations
                        .push(finding(self.w.no_answer.to_string(), None));
                }
                _ => {}
            }
        }
        // Strongest (then weightiest) first; weakest (then weightiest) first.
        c.strengths.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then(y.weight.total_cmp(&x.weight))
        });
        c.gaps.sort_by(|x, y| {
            x.score
                .total_cmp(&y.score)
                .then(y.weight.total_cmp(&x.weight))
        });
        c
    }

    /// An answer in brief: chosen options speak for themselves (the first two of many); a
    /// number, a text, nothing or "none of these" ticked needs its question. A defaulted answer keeps its
    /// words.
    fn brief(&self, question: &Question, r: Option<&Response>, answer: &str) -> String {
        let chosen = r.map(Response::chosen).unwrap_or_default();
        let options: Vec<_> = chosen.iter().filter_map(|c| question.option(c)).collect();
        let names: Vec<&str> = options.iter().map(|o| self.text(&o.text)).collect();
        // "None of these" alone says nothing without its question.
        let nothing = match options.as_slice() {
            [] => true,
            [only] => only.exclusive || self.text(&only.text) == self.w.none_listed,
            _ => false,
        };
        if nothing {
            let sep = if self.lang == Lang::Zh { "：" } else { ": " };
            return format!("{}{sep}{answer}", self.text(&question.text));
        }
        let sep = if self.lang == Lang::Zh { "；" } else { "; " };
        let mut out = names[..names.len().min(2)].join(sep);
        if names.len() > 2 {
            out = format!("{out}{sep}{}", self.w.more_items(names.len() - 2));
        }
        out
    }

    /// The answer in words: option texts, a value with its unit, or the text written.
    fn answer_text(&self, question: &Question, r: Option<&Response>) -> String {
        match r {
            Some(Response::Choice(_) | Response::Choices(_)) => {
                let chosen = r.map(Response::chosen).unwrap_or_default();
                let names: Vec<&str> = chosen
                    .iter()
                    .filter_map(|c| question.option(c).map(|o| self.text(&o.text)))
                    .collect();
                if names.is_empty() {
                    self.w.none_listed.to_string()
                } else {
                    names.join(if self.lang == Lang::Zh { "；" } else { "; " })
                }
            }
            Some(Response::Value(v)) => {
                let unit = question.unit.as_ref().map_or("", |u| self.text(u));
                let sep = if unit == "%" || unit.is_empty() {
                    ""
                } else {
                    " "
                };
                if question.kind == QuestionKind::Number {
                    format!("{}{sep}{unit}", number(*v))
                } else {
                    number(*v)
                }
            }
            Some(Response::Text(t)) => inert(t),
            Some(Response::NotApplicable) => self.w.not_applicable.to_string(),
            None => self.w.no_answer.to_string(),
        }
    }
}
