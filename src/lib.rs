//! dmat: digital maturity assessment of manufacturing firms, from Industry 2.0 to 4.0.
//!
//! Data flows one way: [`model`] → [`score`] → [`advise`] → [`plan`] → [`evaluation`] →
//! reports, exports and comparisons; [`store`] reads and writes files; the terminal UI and the
//! command line sit on top.

pub mod advise;
pub mod cli;
pub mod compare;
pub mod demo;
pub mod evaluation;
pub mod export;
pub mod i18n;
pub mod model;
pub mod plain_text;
pub mod plan;
pub mod report;
pub mod score;
pub mod store;
pub mod table;
pub mod tui;
