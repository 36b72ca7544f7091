//! The tables of dmat's cohort outputs as data: documents made of parts, parts made of
//! tables, a table a title, columns (with their alignment and who they are for) and rows of
//! typed cells. The comparison makes them; the plain-text table and Markdown ([`text`]), CSV
//! and the workbook (`export`) and the comparison screen draw them, each in its own way.
//!
//! Rows come from an iterator, so that an output that needs only one pass (CSV) can write a
//! table of any length without holding it.

pub mod text;

use std::borrow::Cow;

use crate::model::Priority;
use crate::score::Score;

/// An output made of parts: a comparison as a terminal table, a Markdown file or a sheet.
pub struct Document<'a> {
    pub title: String,
    /// The line under the title: what is shown, how it is sorted and filtered.
    pub intro: String,
    /// Warnings, each a paragraph of its own under the intro.
    pub warnings: Vec<String>,
    pub parts: Vec<Part<'a>>,
}

/// A titled group of tables: the firms, the cohort statistics, the re-visited firms, the
/// cohort view.
pub struct Part<'a> {
    pub title: Option<String>,
    pub tables: Vec<Table<'a>>,
    /// Said instead of the tables when there are none.
    pub empty: Option<String>,
    /// Definitions of what the tables show, under them; a note an earlier part of the same
    /// document already gave is not repeated.
    pub notes: Vec<String>,
}

/// One table.
pub struct Table<'a> {
    /// What one row is, in one word (`stage`, `recommendation`): the `kind` column of a CSV
    /// file that holds several tables.
    pub kind: &'static str,
    pub title: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Rows<'a>,
    /// Said instead of the table when it has no rows; none: the header alone.
    pub empty: Option<String>,
    /// What the ids a plain-text table shows stand for (see [`Column::terse`], [`Cell::Key`]).
    pub legends: Vec<Legend>,
}

/// The rows of a table, made as they are read.
pub type Rows<'a> = Box<dyn Iterator<Item = Row<'a>> + 'a>;

/// A list of ids and what each stands for, under a plain-text table.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub title: String,
    /// (id, its name and anything else worth saying of it).
    pub entries: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Which outputs show a column: data (CSV), pages (the plain-text table, Markdown, the
/// workbook's sheets) and the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shows {
    pub data: bool,
    pub page: bool,
    pub screen: bool,
}

impl Shows {
    pub const ALL: Shows = Shows {
        data: true,
        page: true,
        screen: true,
    };
    /// Only data: a file's path, a questionnaire's version.
    pub const DATA: Shows = Shows {
        data: true,
        page: false,
        screen: false,
    };
    /// Only readers: a bar.
    pub const READERS: Shows = Shows {
        data: false,
        page: true,
        screen: true,
    };
    /// Data and pages, not the narrow screen: an id beside the name it stands for.
    pub const NOT_ON_SCREEN: Shows = Shows {
        data: true,
        page: true,
        screen: false,
    };
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its id: the header of a CSV file, what `--sort` names.
    pub id: String,
    /// Its title in the reader's language (may be empty: a name beside an id).
    pub title: String,
    pub align: Align,
    pub shows: Shows,
    /// The plain-text table heads it with its id instead of its title (a legend explains the
    /// id): a dimension's column, narrow where its title is long.
    pub terse: bool,
    /// The plain-text table cuts its text shorter than other columns' (a firm's name).
    pub narrow: bool,
}

impl Column {
    /// A column shown everywhere, aligned left.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Column {
            id: id.into(),
            title: title.into(),
            align: Align::Left,
            shows: Shows::ALL,
            terse: false,
            narrow: false,
        }
    }

    /// Aligned right (numbers).
    pub fn right(mut self) -> Self {
        self.align = Align::Right;
        self
    }

    pub fn shows(mut self, shows: Shows) -> Self {
        self.shows = shows;
        self
    }

    pub fn terse(mut self) -> Self {
        self.terse = true;
        self
    }

    pub fn narrow(mut self) -> Self {
        self.narrow = true;
        self
    }
}

/// A row: one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
    /// It sums up rows above it (a mean, a quartile, a change since the previous visit):
    /// readers show it apart (bold in Markdown), data leaves it out.
    pub summary: bool,
    /// The plain-text table draws a line above it.
    pub rule: bool,
}

impl<'a> Row<'a> {
    pub fn new(cells: Vec<Cell<'a>>) -> Self {
        Row {
            cells,
            summary: false,
            rule: false,
        }
    }

    /// A row that sums up rows above it, with a line above it when `rule`.
    pub fn summary(cells: Vec<Cell<'a>>, rule: bool) -> Self {
        Row {
            cells,
            summary: true,
            rule,
        }
    }
}

/// What a cell holds, for each output to write in its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    /// Untrusted text (from a file): outputs make it inert, escape or guard it.
    Text(Cow<'a, str>),
    /// Something with an id and a name in the reader's language (a priority, a stage): data
    /// writes the id, readers the name.
    Label(Name<'a>),
    /// Like a label, but the plain-text table writes the id too, explained by a legend (a
    /// dimension, a verdict: names too long for a narrow table).
    Key(Name<'a>),
    /// A number of firms.
    Count(usize),
    /// A share between 0 and 1: a percentage for readers.
    Share(f64),
    Score(Score),
    /// A change between two scores, shown with its sign.
    Change(Score),
    /// A percentile rank between 0 and 100; readers round it down, so that 100 is only
    /// shown above all others.
    Percentile(Option<f64>),
    /// A count drawn as a bar against the largest count of its column.
    Bar(Bar),
}

impl<'a> Cell<'a> {
    /// Text, borrowed or owned.
    pub fn text(s: impl Into<Cow<'a, str>>) -> Self {
        Cell::Text(s.into())
    }

    pub fn score(x: Option<f64>) -> Self {
        Cell::Score(Score::from(x))
    }
}

/// An id with its name, and how readers may colour it.
#[derive(Debug, Clone, PartialEq)]
pub struct Name<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub tone: Tone,
}

impl<'a> Name<'a> {
    pub fn new(id: impl Into<Cow<'a, str>>, name: impl Into<Cow<'a, str>>) -> Self {
        Name {
            id: id.into(),
            name: name.into(),
            tone: Tone::Plain,
        }
    }

    pub fn tone(mut self, tone: Tone) -> Self {
        self.tone = tone;
        self
    }
}

/// A bar of `n` against the largest count `most` of its column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub n: usize,
    pub most: usize,
    pub tone: Tone,
}

impl Bar {
    /// How much of a full bar it fills, 0 to 1 (0 when nothing is counted).
    pub fn fill(self) -> f64 {
        if self.most == 0 {
            0.0
        } else {
            (self.n as f64 / self.most as f64).min(1.0)
        }
    }
}

/// What a reader's colour may say of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Beside the point (firms without a stage).
    Muted,
    /// Something holding firms back (a bottleneck).
    Warn,
    /// Step `at` (from 0) of `of` ordered steps, lowest first (a stage).
    Step {
        at: usize,
        of: usize,
    },
    /// How urgent an action is.
    Priority(Priority),
}

impl Table<'_> {
    /// The columns an output shows, with their positions in each row.
    pub fn shown(&self, pick: fn(Shows) -> bool) -> Vec<(usize, &Column)> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| pick(c.shows))
            .collect()
    }
}

/// Columns for data.
pub fn for_data(s: Shows) -> bool {
    s.data
}

/// Columns for pages (the plain-text table, Markdown, the workbook).
pub fn for_page(s: Shows) -> bool {
    s.page
}

/// Columns for the screen.
pub fn for_screen(s: Shows) -> bool {
    s.screen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_output_picks_its_columns() {
        let t = Table {
            kind: "firm",
            title: None,
            columns: vec![
                Column::new("file", "File").shows(Shows::DATA),
                Column::new("firm", "Firm"),
                Column::new("bar", "").shows(Shows::READERS),
                Column::new("id", "Id").shows(Shows::NOT_ON_SCREEN),
            ],
            rows: Box::new(std::iter::empty()),
            empty: None,
            legends: Vec::new(),
        };
        let ids = |pick| -> Vec<&str> {
            t.shown(pick)
                .into_iter()
                .map(|(_, c)| c.id.as_str())
                .collect()
        };
        assert_eq!(ids(for_data), ["file", "firm", "id"]);
        assert_eq!(ids(for_page), ["firm", "bar", "id"]);
        assert_eq!(ids(for_screen), ["firm", "bar"]);
        assert_eq!(t.shown(for_page)[0].0, 1, "positions in the row are kept");
    }

    #[test]
    fn a_bar_fills_its_share_of_the_largest_count() {
        let bar = |n, most| Bar {
            n,
            most,
            tone: Tone::Plain,
        };
        assert_eq!(bar(1, 4).fill(), 0.25);
        assert_eq!(bar(0, 0).fill(), 0.0);
        assert_eq!(bar(5, 4).fill(), 1.0);
    }
}
