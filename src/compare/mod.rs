//! Comparing firms side by side: the assessments of a cohort evaluated once ([`ScoredVisit`]), made
//! into a [`Comparison`] (one row per firm, sorting, filters, cohort statistics, percentiles,
//! progressions of re-visited firms, the cohort view), made into tables ([`document`]) that
//! every output draws: text and Markdown ([`render`]), CSV and workbooks, the screen.
//!
//! Definitions, as the outputs state them:
//! - a firm is one firm (same credit code, else same name without white space, or linked by a
//!   follow-up's `previous`, see [`firms`]) with one questionnaire id; a firm visited more
//!   than once counts once in the cohort, with its latest visit (by date, then file name);
//! - quartiles and medians interpolate linearly between closest ranks, as Excel's
//!   `QUARTILE.INC` does ([`stats::quantile`]), on scores rounded to two decimals;
//! - a firm's percentile is the percentage of the *other* firms shown whose overall score is
//!   lower ([`stats::percentile_ranks`]);
//! - filters choose the firms shown, and every statistic is computed over the firms shown.

pub mod document;
pub mod firms;
pub mod model;
pub mod record;
mod record_tables;
pub mod render;
pub mod stats;
pub mod view;

pub use crate::evaluation::{Scored, ScoredVisit, score_visits};
pub use crate::table::text::Style;
pub use document::Section;
pub use model::{
    Cell, Change, CohortRow, Column, Comparison, Direction, Filter, FilterError, FilterValue,
    FirmRow, Gather, Mixed, Test, Visit,
};
pub use render::render;
pub use stats::Summary;
pub use view::CohortView;

#[cfg(test)]
mod district_tests;
#[cfg(test)]
mod tests;
