//! An assessment made ready for comparison and export: loaded, scored and advised once. A
//! [`Scored`] keeps the answers (for the long export); a [`ScoredVisit`] keeps only what the
//! comparison and the wide scorecard need, so that a cohort of thousands takes little memory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::advise::fires;
use crate::model::{Assessment, Questionnaire, Status};
use crate::score::{Scorecard, score};
use crate::store::{LoadedQuestionnaire, Opened};

/// One loaded assessment with its scorecard and the recommendations that fire for it.
#[derive(Debug, Clone)]
pub struct Scored {
    pub opened: Opened,
    pub card: Scorecard,
    /// Positions in the questionnaire's recommendations of those that fire, in file order.
    pub fired: Vec<usize>,
}

impl Scored {
    /// Scores a loaded assessment and finds the recommendations that fire.
    pub fn new(opened: Opened) -> Self {
        let q = &opened.questionnaire.questionnaire;
        let card = score(q, &opened.assessment);
        let fired = fires(q, &opened.assessment, &card);
        Self {
            opened,
            card,
            fired,
        }
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
        let card = &self.card;
        ScoredVisit {
            path: self.opened.path.clone(),
            questionnaire: self.opened.questionnaire.clone(),
            recorded_questionnaire: a.questionnaire.id.clone(),
            firm: a.firm.name.clone(),
            date: a.date_string(),
            assessor: a.visit.assessor.clone(),
            status: a.visit.status,
            profile: a.profile.clone(),
            completeness: card.completeness(),
            overall: card.overall,
            stage: card.stage,
            bottleneck: card.bottleneck,
            dimensions: card.dimensions.iter().map(|d| d.score).collect(),
            fired: self.fired.clone(),
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
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub assessor: Option<String>,
    pub status: Status,
    pub profile: BTreeMap<String, toml::Value>,
    pub completeness: f64,
    pub overall: Option<f64>,
    /// Index in the questionnaire's stages.
    pub stage: Option<usize>,
    /// Index in the questionnaire's dimensions.
    pub bottleneck: Option<usize>,
    /// One per dimension of the questionnaire, unrounded.
    pub dimensions: Vec<Option<f64>>,
    /// Positions in the questionnaire's recommendations of those that fire, in file order.
    pub fired: Vec<usize>,
}

impl ScoredVisit {
    /// Scores a loaded assessment and keeps the visit without its answers.
    pub fn new(opened: Opened) -> Self {
        Scored::new(opened).visit()
    }

    /// The questionnaire the visit is scored against.
    pub fn q(&self) -> &Questionnaire {
        &self.questionnaire.questionnaire
    }
}

/// Scores many assessments on every core and keeps the visits without their answers, in
/// order.
pub fn score_visits(opened: Vec<Opened>) -> Vec<ScoredVisit> {
    use rayon::prelude::*;
    opened.into_par_iter().map(ScoredVisit::new).collect()
}
