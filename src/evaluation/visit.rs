//! An assessment made ready for comparison and export: loaded and evaluated once, as far as
//! a cohort's outputs read it ([`CohortEvaluation`]). A [`Scored`] keeps the answers and the
//! evaluation (for the long export); a
//! [`ScoredVisit`] keeps only what the comparison and the wide scorecard need, so that a
//! cohort of thousands takes little memory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{CohortEvaluation, evaluate_for_cohort};
use crate::model::{Assessment, PlanEntry, Progress, Questionnaire, Status};
use crate::store::{LoadedQuestionnaire, Opened};

/// One loaded assessment with its evaluation for the cohort.
#[derive(Debug, Clone)]
pub struct Scored {
    pub opened: Opened,
    pub evaluation: CohortEvaluation,
}

impl Scored {
    /// Evaluates a loaded assessment.
    pub fn new(opened: Opened) -> Self {
        let evaluation =
            evaluate_for_cohort(&opened.questionnaire.questionnaire, &opened.assessment);
        Self { opened, evaluation }
    }

    /// The questionnaire the assessment is scored against.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.opened.questionnaire.questionnaire
    }

    pub fn assessment(&self) -> &Assessment {
        &self.opened.assessment
    }

    pub fn path(&self) -> &Path {
        &self.opened.path
    }

    /// The visit without its answers.
    pub fn visit(&self) -> ScoredVisit {
        let a = &self.opened.assessment;
        let e = &self.evaluation;
        let card = &e.card;
        let recommendations = |positions: &[usize]| -> Vec<usize> {
            positions.iter().map(|&i| e.recommendations[i]).collect()
        };
        let mut fired = e.recommendations.clone();
        fired.sort_unstable();
        ScoredVisit {
            path: self.opened.path.clone(),
            questionnaire: self.opened.questionnaire.clone(),
            recorded_questionnaire: a.questionnaire.id.clone(),
            firm: a.firm.name.clone(),
            firm_id: a.firm.code().map(str::to_string),
            date: a.date_string(),
            previous: a.visit.previous.clone(),
            assessor: a.visit.assessor.clone(),
            status: a.visit.status,
            profile: a.profile.clone(),
            completeness: card.completeness(),
            overall: card.overall,
            stage: card.stage,
            provisional: card.provisional,
            held_by: card.held_by.clone(),
            bottleneck: card.bottleneck,
            dimensions: card.dimensions.iter().map(|d| d.score).collect(),
            fired,
            planned: e.plan.horizons.each_ref().map(|h| recommendations(h)),
            later: recommendations(&e.plan.later),
            verdict: e.verdict,
            projected: e
                .projected
                .each_ref()
                .map(|p| (p.card.overall, p.card.stage)),
            decisions: a.plan.clone(),
            progress: a.progress.clone(),
        }
    }
}

/// One scored visit without its answers: who, when, and every score, as the questionnaire it
/// is scored against numbers them.
#[derive(Debug, Clone)]
pub struct ScoredVisit {
    pub path: PathBuf,
    pub questionnaire: Arc<LoadedQuestionnaire>,
    /// The questionnaire id the assessment file records.
    pub recorded_questionnaire: String,
    pub firm: String,
    /// The unified social credit code, if one is written.
    pub firm_id: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The file name of the visit this one follows up, in the same folder.
    pub previous: Option<String>,
    pub assessor: Option<String>,
    pub status: Status,
    pub profile: BTreeMap<String, toml::Value>,
    pub completeness: f64,
    pub overall: Option<f64>,
    /// Index in the questionnaire's stages; none when provisional.
    pub stage: Option<usize>,
    pub provisional: bool,
    /// Indexes of the dimensions whose gate holds the firm below the next stage.
    pub held_by: Vec<usize>,
    /// Index in the questionnaire's dimensions.
    pub bottleneck: Option<usize>,
    /// One per dimension of the questionnaire, unrounded.
    pub dimensions: Vec<Option<f64>>,
    /// Positions in the questionnaire's recommendations of those that apply, in file order.
    pub fired: Vec<usize>,
    /// Short, medium, long: positions in the questionnaire's recommendations of the actions
    /// planned there, in plan order.
    pub planned: [Vec<usize>; 3],
    /// Positions in the questionnaire's recommendations of the applicable ones not planned.
    pub later: Vec<usize>,
    /// Index in the questionnaire's verdicts.
    pub verdict: Option<usize>,
    /// Short, medium, long: the projected overall score and stage index.
    pub projected: [(Option<f64>, Option<usize>); 3],
    /// Action id → the firm's decision on it (`[plan.*]`), own actions included.
    pub decisions: BTreeMap<String, PlanEntry>,
    /// Action id → how an action agreed at the previous visit went (`[progress.*]`).
    pub progress: BTreeMap<String, Progress>,
}

impl ScoredVisit {
    /// Evaluates a loaded assessment and keeps the visit without its answers.
    pub fn new(opened: Opened) -> Self {
        Scored::new(opened).visit()
    }

    /// The questionnaire the visit is scored against.
    pub fn q(&self) -> &Questionnaire {
        &self.questionnaire.questionnaire
    }
}

/// Evaluates many assessments on every core and keeps the visits without their answers, in
/// order.
pub fn score_visits(opened: Vec<Opened>) -> Vec<ScoredVisit> {
    use rayon::prelude::*;
    opened.into_par_iter().map(ScoredVisit::new).collect()
}
