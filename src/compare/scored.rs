//! An assessment made ready for comparison and export: loaded, scored and advised once.

use std::path::Path;

use crate::advise::advise;
use crate::model::{Assessment, Questionnaire};
use crate::score::{Scorecard, score};
use crate::store::Opened;

/// One loaded assessment with its scorecard and the recommendations that fire for it.
#[derive(Debug, Clone)]
pub struct Scored {
    pub opened: Opened,
    pub card: Scorecard,
    /// Positions in the questionnaire's recommendations of those that fire, in sheet order.
    pub fired: Vec<usize>,
}

impl Scored {
    /// Scores and advises a loaded assessment.
    pub fn new(opened: Opened) -> Self {
        let q = &opened.questionnaire.questionnaire;
        let card = score(q, &opened.assessment);
        let fired = advise(q, &opened.assessment, &card)
            .iter()
            .map(|a| a.index)
            .collect();
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
}

/// Scores many assessments on every core, keeping their order.
pub fn score_all(opened: Vec<Opened>) -> Vec<Scored> {
    use rayon::prelude::*;
    opened.into_par_iter().map(Scored::new).collect()
}
