//! Export: scorecards as CSV (wide or long, as DESIGN.md's "Scorecard CSV" defines them) or as
//! an Excel workbook, and any part of a document of tables (a comparison) as CSV or as a
//! workbook's sheet. Every cell is a [`Field`]: text is guarded against formula injection in
//! CSV, scores are numbers with two decimals.

pub mod choice;
pub mod csv;
pub mod plan;
pub mod scorecard;
pub mod spool;
pub mod table;
pub mod xlsx;

pub use self::csv::{CsvOptions, guard, header_bytes, row_bytes, write_csv};
pub use scorecard::{Variants, long_header, wide_header};

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// Text from a file or a questionnaire (made inert, line breaks kept).
    Text(String),
    /// A score: a number written with two decimals.
    Fixed2(f64),
    /// A share between 0 and 1 (completeness, share of firms): two decimals in CSV, a
    /// percentage in Excel.
    Share(f64),
    /// Any other number (a weight, a value answered, a count), written as short as it goes.
    Number(f64),
    Empty,
}

impl Field {
    /// Text, or an empty cell for none.
    pub fn text(s: Option<&str>) -> Field {
        match s {
            Some(s) if !s.is_empty() => Field::Text(crate::plain_text::inert_lines(s)),
            _ => Field::Empty,
        }
    }

    /// A score with two decimals, or an empty cell for none.
    pub fn score(x: Option<f64>) -> Field {
        x.map_or(Field::Empty, |x| Field::Fixed2(crate::score::round2(x)))
    }
}
