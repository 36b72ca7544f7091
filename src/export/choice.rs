//! Which visits an export takes: those of one questionnaire — the one given, else the one the
//! first visit read follows. Visits of other questionnaires are left out, to be reported.

use std::path::PathBuf;

use super::Variants;
use crate::evaluation::ScoredVisit;

/// The choice, made visit by visit as they are read.
pub struct Choice {
    /// Whether the questionnaire was given rather than taken from the first visit.
    given: bool,
    /// The id of the questionnaire exported, once known.
    reference: Option<String>,
    /// The visits left out: path and the questionnaire id they follow.
    others: Vec<(PathBuf, String)>,
    variants: Variants,
    exported: usize,
}

impl Choice {
    /// A choice of the visits of questionnaire `given`, else of the first visit's.
    pub fn new(given: Option<String>) -> Choice {
        Choice {
            given: given.is_some(),
            reference: given,
            others: Vec::new(),
            variants: Variants::default(),
            exported: 0,
        }
    }

    /// Takes a visit of the questionnaire exported: returns the place of the questionnaire
    /// file it is scored against among those taken (see [`Variants::add`]). A visit of
    /// another questionnaire is left out (none).
    pub fn take(&mut self, v: &ScoredVisit) -> Option<u32> {
        let id = &v.recorded_questionnaire;
        if *self.reference.get_or_insert_with(|| id.clone()) != *id {
            self.others.push((v.path.clone(), id.clone()));
            return None;
        }
        self.exported += 1;
        Some(self.variants.add(v))
    }

    /// The id of the questionnaire exported; none before any visit when none was given.
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// Whether the questionnaire exported was given rather than the first visit's.
    pub fn given(&self) -> bool {
        self.given
    }

    /// The visits left out: path and the questionnaire id they follow, in the order read.
    pub fn others(&self) -> &[(PathBuf, String)] {
        &self.others
    }

    /// How many visits were taken.
    pub fn exported(&self) -> usize {
        self.exported
    }

    /// The questionnaire files of the visits taken.
    pub fn variants(&self) -> &Variants {
        &self.variants
    }

    pub fn into_variants(self) -> Variants {
        self.variants
    }
}
