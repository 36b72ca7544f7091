//! The comparison as tables ([`crate::table`]): the firms with the cohort rows, the cohort
//! statistics, the re-visited firms and the cohort view, each a [`Part`] in the comparison's
//! language. Every output of the comparison draws these.

use std::borrow::Cow;

use super::model::{Cell as Value, Column as Col, Comparison, Direction, FirmRow};
use super::render::{apart_note, mixed_warning, questionnaires_label};
use super::stats::Summary;
use super::view::Counts;
use crate::i18n::CompareWords;
use crate::model::Priority;
use crate::score::{NO_SCORE, Score};
use crate::table::{Bar, Cell, Column, Document, Legend, Name, Part, Row, Shows, Table, Tone};

/// The parts of a comparison an output holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// One row per firm, with the cohort rows (mean, quartiles) beneath.
    Firms,
    /// The full summary of every score column: firms, mean, min, quartiles, max.
    Stats,
    /// Re-visited firms, visit by visit, with the change since the previous visit.
    Progress,
    /// Firms by stage, frequent bottlenecks, recommendations and support by number of firms.
    Cohort,
}

/// Picks one figure out of a column's summary.
type Statistic = fn(&Summary) -> f64;

/// One bar of a chart of firms: an id, its name, how many firms, its colour.
struct ChartBar<'a> {
    id: &'a str,
    label: &'a str,
    n: usize,
    tone: Tone,
}

/// A column of the firms table: one of the comparison's, or one of the plan's.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FirmCol {
    Col(Col),
    Verdict,
    ProjectedOverall,
    ProjectedStage,
}

impl Comparison {
    /// The comparison of the firms shown as a document holding `sections`, in that order.
    pub fn document(&self, sections: &[Section]) -> Document<'_> {
        let w = self.words();
        Document {
            title: w.title.to_string(),
            intro: self.intro(),
            warnings: mixed_warning(self, w)
                .into_iter()
                .chain(apart_note(self, w))
                .collect(),
            parts: sections.iter().map(|&s| self.part(s)).collect(),
        }
    }

    /// One section of the comparison.
    pub fn part(&self, section: Section) -> Part<'_> {
        let w = self.words();
        match section {
            Section::Firms => Part {
                title: None,
                tables: vec![self.firms_table()],
                empty: None,
                notes: self.with_provisional(&[w.note_latest, w.note_percentile, w.note_quartiles]),
            },
            Section::Stats => Part {
                title: Some(w.stats_title.into()),
                tables: vec![self.stats_table()],
                empty: None,
                notes: self.with_provisional(&[w.note_latest, w.note_quartiles]),
            },
            Section::Progress => Part {
                title: Some(w.progress_title.into()),
                tables: self
                    .progressions()
                    .map(|f| self.progress_table(f))
                    .collect(),
                empty: Some(w.no_revisits.into()),
                notes: Vec::new(),
            },
            Section::Cohort => Part {
                title: Some(w.cohort_title.into()),
                tables: self.cohort_tables(),
                empty: None,
                notes: notes(&[w.note_latest, w.note_counts, w.note_record]),
            },
        }
    }

    /// Notes, and the one on provisional firms where one is shown.
    fn with_provisional(&self, words: &[&str]) -> Vec<String> {
        let mut out = notes(words);
        if self.rows().any(|f| f.latest().provisional) {
            out.push(self.words().note_provisional.to_string());
        }
        out
    }

    /// The words of the comparison's language.
    pub fn words(&self) -> &'static CompareWords {
        CompareWords::of(self.lang())
    }

    /// What is shown: firms, assessments, questionnaire, the sort and the filters.
    fn intro(&self) -> String {
        let w = self.words();
        let assessments: usize = self.rows().map(|f| f.visits.len()).sum();
        let mut line = w.firms_line(self.rows().len(), assessments, &questionnaires_label(self));
        let (col, dir) = self.sort();
        let dir = match dir {
            Direction::Ascending => w.ascending,
            Direction::Descending => w.descending,
        };
        line.push_str(" · ");
        line.push_str(&w.sorted_by(&self.column_title(col), dir));
        let filters: Vec<String> = self.filters().map(|f| f.to_string()).collect();
        if !filters.is_empty() {
            line.push_str(&format!(" · {}: {}", w.filtered_by, filters.join(" ")));
        }
        line
    }

    /// A column's title in the comparison's language: a dimension's title, a word otherwise.
    pub fn column_title(&self, col: Col) -> String {
        let w = self.words();
        match col {
            Col::Firm => w.col_firm.into(),
            Col::File => w.col_file.into(),
            Col::Date => w.col_date.into(),
            Col::Questionnaire => w.col_questionnaire.into(),
            Col::Version => w.col_version.into(),
            Col::Status => w.col_status.into(),
            Col::Completeness => w.col_completeness.into(),
            Col::Overall => w.col_overall.into(),
            Col::Stage => w.col_stage.into(),
            Col::Bottleneck => w.col_bottleneck.into(),
            Col::Dimension(i) => self.dimensions()[i].title.clone(),
            Col::Percentile => w.col_percentile.into(),
            Col::Visits => w.col_visits.into(),
        }
    }

    /// The columns of the firms table, each with the outputs that show it: the table's
    /// columns, with the file, questionnaire, version, status and completeness for data, and
    /// the verdict and the projection after the dimensions (as the wide scorecard has them).
    fn firm_columns(&self) -> Vec<(FirmCol, Shows)> {
        let mut cols = vec![(FirmCol::Col(Col::File), Shows::DATA)];
        for col in self.columns() {
            if col == Col::Overall {
                cols.extend(
                    [
                        Col::Questionnaire,
                        Col::Version,
                        Col::Status,
                        Col::Completeness,
                    ]
                    .map(|c| (FirmCol::Col(c), Shows::DATA)),
                );
            }
            if col == Col::Percentile {
                cols.extend(
                    [
                        FirmCol::Verdict,
                        FirmCol::ProjectedOverall,
                        FirmCol::ProjectedStage,
                    ]
                    .map(|c| (c, Shows::ALL)),
                );
            }
            cols.push((FirmCol::Col(col), Shows::ALL));
        }
        cols
    }

    /// A column of the firms table as a table column.
    fn firm_column(&self, col: FirmCol) -> Column {
        let w = self.words();
        match col {
            FirmCol::Col(c) => self.table_column(c),
            FirmCol::Verdict => Column::new("verdict", w.col_verdict).terse(),
            FirmCol::ProjectedOverall => {
                Column::new("projected_overall", w.col_projected_overall).right()
            }
            FirmCol::ProjectedStage => Column::new("projected_stage", w.col_projected_stage),
        }
    }

    /// What a firm's row shows in a column of the firms table.
    fn firm_value<'a>(&'a self, f: &'a FirmRow, col: FirmCol) -> Cell<'a> {
        let v = f.latest();
        match col {
            FirmCol::Col(c) => self.value(f, c),
            FirmCol::Verdict => match v.verdict() {
                Some(k) => {
                    let verdict = &self.verdicts()[k];
                    Cell::Key(Name::new(verdict.id.as_str(), verdict.title.as_str()))
                }
                None => missing(),
            },
            FirmCol::ProjectedOverall => Cell::score(v.projected.0),
            FirmCol::ProjectedStage => self.stage_cell(v.projected_stage()),
        }
    }

    /// The firms shown, one row each, with the cohort rows (mean, quartiles) beneath.
    pub fn firms_table(&self) -> Table<'_> {
        let w = self.words();
        let cols = self.firm_columns();
        let columns = cols
            .iter()
            .map(|&(col, shows)| self.firm_column(col).shows(shows))
            .collect();
        let keys: Vec<FirmCol> = cols.iter().map(|&(c, _)| c).collect();
        let firms = {
            let keys = keys.clone();
            self.rows()
                .map(move |f| Row::new(keys.iter().map(|&k| self.firm_value(f, k)).collect()))
        };
        let stats: [(&'static str, Statistic); 4] = [
            (w.stat_mean, |s| s.mean),
            (w.stat_q1, |s| s.q1),
            (w.stat_median, |s| s.median),
            (w.stat_q3, |s| s.q3),
        ];
        let cohort = stats.into_iter().enumerate().map(move |(n, (label, get))| {
            let cells = keys
                .iter()
                .map(|&k| match k {
                    FirmCol::Col(Col::Firm) => Cell::text(label),
                    FirmCol::Col(Col::Overall) => {
                        Cell::score(self.cohort().overall.as_ref().map(get))
                    }
                    FirmCol::Col(Col::Dimension(i)) => {
                        Cell::score(self.cohort().dimensions[i].as_ref().map(get))
                    }
                    FirmCol::ProjectedOverall => {
                        Cell::score(self.cohort().projected.as_ref().map(get))
                    }
                    _ => Cell::Empty,
                })
                .collect();
            Row::summary(cells, n == 0)
        });
        Table {
            kind: "firm",
            title: None,
            columns,
            rows: Box::new(firms.chain(cohort)),
            empty: None,
            legends: self
                .dimension_legend()
                .into_iter()
                .chain(self.verdict_legend())
                .collect(),
        }
    }

    /// The verdicts the firms shown have, explained under a plain-text table that shows
    /// their ids.
    fn verdict_legend(&self) -> Option<Legend> {
        let mut held: Vec<usize> = self.rows().filter_map(|f| f.latest().verdict()).collect();
        held.sort_unstable();
        held.dedup();
        let entries: Vec<(String, String)> = held
            .into_iter()
            .map(|k| {
                let v = &self.verdicts()[k];
                (v.id.clone(), v.title.clone())
            })
            .collect();
        (!entries.is_empty()).then(|| Legend {
            title: self.words().verdicts.into(),
            entries,
        })
    }

    /// The dimensions shown, explained under a plain-text table that heads them by id.
    fn dimension_legend(&self) -> Option<Legend> {
        let w = self.words();
        let entries: Vec<(String, String)> = self
            .shown_dimensions()
            .iter()
            .map(|&i| {
                let d = &self.dimensions()[i];
                (
                    d.id.clone(),
                    format!("{} ({} {})", d.title, w.weight, d.weight),
                )
            })
            .collect();
        (!entries.is_empty()).then(|| Legend {
            title: w.dimensions.into(),
            entries,
        })
    }

    /// A column of the comparison as a table column.
    fn table_column(&self, col: Col) -> Column {
        let c = Column::new(self.column_id(col), self.column_title(col));
        match col {
            Col::Firm => c.narrow(),
            Col::Dimension(_) => c.right().terse(),
            Col::Overall | Col::Percentile | Col::Visits | Col::Completeness => c.right(),
            _ => c,
        }
    }

    /// What a firm's row shows in a column, as a table cell.
    fn value<'a>(&'a self, f: &'a FirmRow, col: Col) -> Cell<'a> {
        match self.cell(f, col) {
            Value::Text(s) => Cell::Text(Cow::Borrowed(s)),
            Value::Score(x) => Cell::score(x),
            Value::Share(x) => Cell::Share(x),
            Value::Percentile(p) => Cell::Percentile(p),
            Value::Count(n) => Cell::Count(n),
            Value::Stage(None) if f.latest().provisional => self.provisional_cell(),
            Value::Stage(s) => self.stage_cell(s),
            Value::Dimension(Some(d)) => {
                let d = &self.dimensions()[d];
                Cell::Key(Name::new(d.id.as_str(), d.title.as_str()))
            }
            Value::Dimension(None) => missing(),
        }
    }

    /// A stage by its id, coloured by its place on the axis; a dash where there is none.
    fn stage_cell(&self, s: Option<usize>) -> Cell<'_> {
        match s {
            Some(s) => {
                let id = self.stages()[s].id.as_str();
                Cell::Label(Name::new(id, id).tone(self.step(s)))
            }
            None => missing(),
        }
    }

    /// In place of the stage of a provisional visit: the word for readers, nothing for data
    /// (as for a visit without a stage).
    fn provisional_cell(&self) -> Cell<'_> {
        Cell::Label(Name::new("", self.words().provisional).tone(Tone::Muted))
    }

    /// The stage a visit reached, or its provisional mark.
    fn visit_stage_cell(&self, v: &super::model::Visit) -> Cell<'_> {
        match v.stage() {
            None if v.provisional => self.provisional_cell(),
            s => self.stage_cell(s),
        }
    }

    fn step(&self, at: usize) -> Tone {
        Tone::Step {
            at,
            of: self.stages().len(),
        }
    }

    /// How each score column is spread over the firms shown.
    pub fn stats_table(&self) -> Table<'_> {
        let w = self.words();
        let ids = ["column", "n", "mean", "min", "q1", "median", "q3", "max"];
        let columns = ids
            .iter()
            .zip(w.stats_header())
            .enumerate()
            .map(|(i, (id, title))| {
                let c = Column::new(*id, title);
                if i == 0 { c } else { c.right() }
            })
            .collect();
        let overall = Cell::Label(Name::new("overall", w.col_overall));
        let mut lines = vec![(overall, self.cohort().overall)];
        for &i in self.shown_dimensions() {
            let d = &self.dimensions()[i];
            let name = Cell::Key(Name::new(d.id.as_str(), d.title.as_str()));
            lines.push((name, self.cohort().dimensions[i]));
        }
        let rows = lines.into_iter().map(|(name, s)| {
            let mut cells = vec![name, Cell::Count(s.map_or(0, |s| s.n))];
            let figures = s.map(|s| [s.mean, s.min, s.q1, s.median, s.q3, s.max]);
            cells.extend((0..6).map(|k| Cell::score(figures.map(|f| f[k]))));
            Row::new(cells)
        });
        Table {
            kind: "stat",
            title: None,
            columns,
            rows: Box::new(rows),
            empty: None,
            legends: Vec::new(),
        }
    }

    /// A re-visited firm, visit by visit, with the change since the previous visit (a row of
    /// its own for readers, columns of their own for data).
    pub fn progress_table<'a>(&'a self, f: &'a FirmRow) -> Table<'a> {
        let w = self.words();
        let dims = self.shown_dimensions();
        let mut columns = vec![
            Column::new("firm", w.col_firm).shows(Shows::DATA),
            Column::new("questionnaire", w.col_questionnaire).shows(Shows::DATA),
            Column::new("visit", w.col_visits)
                .right()
                .shows(Shows::DATA),
            Column::new("date", w.col_date),
            Column::new("file", w.col_file).shows(Shows::DATA),
            self.table_column(Col::Overall),
            self.table_column(Col::Stage),
        ];
        columns.extend(dims.iter().map(|&d| self.table_column(Col::Dimension(d))));
        columns.push(Column::new("overall_change", w.change).shows(Shows::DATA));
        columns.extend(dims.iter().map(|&d| {
            let id = format!("{}_change", self.dimensions()[d].id);
            Column::new(id, w.change).shows(Shows::DATA)
        }));
        let rows = f.visits.iter().enumerate().flat_map(move |(i, v)| {
            let ch = f.change(i);
            let change = |x: Option<f64>| Cell::Change(Score::from(x));
            let mut cells = vec![
                Cell::text(f.name()),
                Cell::text(f.questionnaire.as_str()),
                Cell::Count(i + 1),
                Cell::text(v.date.as_deref().unwrap_or_default()),
                Cell::text(v.file.to_string_lossy()),
                Cell::score(v.overall),
                self.visit_stage_cell(v),
            ];
            cells.extend(dims.iter().map(|&d| Cell::score(v.dimensions.get(d))));
            cells.push(change(ch.as_ref().and_then(|c| c.overall)));
            cells.extend(
                dims.iter()
                    .map(|&d| change(ch.as_ref().and_then(|c| c.dimensions[d]))),
            );
            let visit = Row::new(cells);
            let since = ch.map(|ch| {
                let mut cells = vec![Cell::Empty; 3];
                cells.extend([
                    Cell::text(w.change),
                    Cell::Empty,
                    change(ch.overall),
                    Cell::Empty,
                ]);
                cells.extend(dims.iter().map(|&d| change(ch.dimensions[d])));
                cells.extend((0..=dims.len()).map(|_| Cell::Empty));
                Row::summary(cells, false)
            });
            std::iter::once(visit).chain(since)
        });
        Table {
            kind: "visit",
            title: Some(f.name().to_string()),
            columns,
            rows: Box::new(rows),
            empty: None,
            legends: Vec::new(),
        }
    }

    /// The cohort view as tables: firms by stage and by verdict, the frequent bottlenecks,
    /// recommendations and support with the district's counts, then the record of re-visits
    /// and assessors.
    pub fn cohort_tables(&self) -> Vec<Table<'_>> {
        let mut tables = vec![
            self.stage_table(),
            self.verdict_table(),
            self.bottleneck_table(),
            self.recommendation_table(),
            self.support_table(),
        ];
        tables.extend(self.record_tables());
        tables
    }

    /// The firms shown by stage, as bars; those without a stage last.
    fn stage_table(&self) -> Table<'_> {
        let w = self.words();
        let v = self.view();
        let bars = self.stages().iter().zip(&v.stages).enumerate();
        let bars = bars.map(|(i, (s, &n))| ChartBar {
            id: s.id.as_str(),
            label: s.label.as_str(),
            n,
            tone: self.step(i),
        });
        let none = [
            (w.provisional_firms, v.provisional),
            (w.no_score, v.unscored),
        ];
        let title = (w.stages_title, w.col_stage);
        self.chart("stage", title, bars.collect(), &none, true)
    }

    /// The firms shown by verdict (those of the questionnaire shown), as bars; those without
    /// one last.
    fn verdict_table(&self) -> Table<'_> {
        let w = self.words();
        let v = self.view();
        let focus = self.focus().unwrap_or_default();
        let bars = self.verdicts().iter().zip(&v.verdicts);
        let bars = bars
            .filter(|(x, _)| x.questionnaire == focus)
            .map(|(x, &n)| ChartBar {
                id: x.id.as_str(),
                label: x.title.as_str(),
                n,
                tone: Tone::Plain,
            });
        let none = [(w.no_verdict, v.no_verdict)];
        let title = (w.verdicts_title, w.col_verdict);
        // A verdict is read by its title; its id is for data.
        self.chart("verdict", title, bars.collect(), &none, false)
    }

    /// A bar chart of firms: one row per bar, then the firms that have none (`none`: what
    /// they lack and how many, each where there are any). `title`: the table's and its first
    /// column's; `ids`: whether readers see the bars' ids beside their labels (data always
    /// does).
    fn chart<'a>(
        &'a self,
        kind: &'static str,
        (title, first): (&'a str, &'a str),
        bars: Vec<ChartBar<'a>>,
        none: &[(&'a str, usize)],
        ids: bool,
    ) -> Table<'a> {
        let w = self.words();
        let v = self.view();
        let most = bars
            .iter()
            .map(|b| b.n)
            .chain(none.iter().map(|&(_, n)| n))
            .max()
            .unwrap_or(0);
        let mut rows: Vec<Row> = bars
            .into_iter()
            .map(|b| {
                Row::new(vec![
                    Cell::Label(Name::new(b.id, b.id).tone(b.tone)),
                    Cell::text(b.label),
                    bar(b.n, most, b.tone),
                    Cell::Count(b.n),
                    Cell::Share(v.share(b.n)),
                ])
            })
            .collect();
        for &(lacking, n) in none.iter().filter(|&&(_, n)| n > 0) {
            rows.push(Row::new(vec![
                Cell::Label(Name::new("", NO_SCORE).tone(Tone::Muted)),
                Cell::Label(Name::new("", lacking)),
                bar(n, most, Tone::Muted),
                Cell::Count(n),
                Cell::Share(v.share(n)),
            ]));
        }
        let (id, label) = if ids {
            (Column::new("id", first), Column::new("label", ""))
        } else {
            (
                Column::new("id", "").shows(Shows::DATA),
                Column::new("label", first),
            )
        };
        Table {
            kind,
            title: Some(title.into()),
            columns: vec![
                id,
                label,
                Column::new("bar", "").shows(Shows::READERS),
                Column::new("firms", w.col_firms).right(),
                Column::new("share", w.col_share).right(),
            ],
            rows: Box::new(rows.into_iter()),
            empty: None,
            legends: Vec::new(),
        }
    }

    /// The dimensions that are the bottleneck of the firms shown, most frequent first.
    fn bottleneck_table(&self) -> Table<'_> {
        let w = self.words();
        let v = self.view();
        let most = v.bottlenecks.first().map_or(0, |b| b.1);
        let rows = v.bottlenecks.iter().map(move |&(d, n)| {
            let d = &self.dimensions()[d];
            Row::new(vec![
                Cell::text(d.questionnaire.as_str()),
                Cell::text(d.id.as_str()),
                Cell::text(d.title.as_str()),
                bar(n, most, Tone::Warn),
                Cell::Count(n),
                Cell::Share(v.share(n)),
            ])
        });
        Table {
            kind: "bottleneck",
            title: Some(w.bottlenecks_title.into()),
            columns: vec![
                Column::new("questionnaire", w.col_questionnaire).shows(Shows::DATA),
                Column::new("id", "").shows(Shows::NOT_ON_SCREEN),
                Column::new("label", w.col_dimension),
                Column::new("bar", "").shows(Shows::READERS),
                Column::new("firms", w.col_firms).right(),
                Column::new("share", w.col_share).right(),
            ],
            rows: Box::new(rows),
            empty: Some(w.none.into()),
            legends: Vec::new(),
        }
    }

    /// The recommendations by number of firms.
    fn recommendation_table(&self) -> Table<'_> {
        let w = self.words();
        let v = self.view();
        let rows = v.recommendations.iter().map(move |(r, n)| {
            let rec = &self.recommendations()[*r];
            let mut cells = vec![
                Cell::text(rec.questionnaire.as_str()),
                Cell::text(rec.id.as_str()),
                Cell::text(rec.title.as_str()),
            ];
            cells.extend(counts(n));
            cells.extend([
                priority(rec.priority, w),
                rec.support.as_deref().map_or(Cell::Empty, Cell::text),
            ]);
            Row::new(cells)
        });
        let mut columns = vec![
            Column::new("questionnaire", w.col_questionnaire).shows(Shows::DATA),
            Column::new("id", "").shows(Shows::NOT_ON_SCREEN),
            Column::new("label", w.col_recommendation),
        ];
        columns.extend(count_columns(w));
        // The screen leaves the priority and the support to the firm's sheet and the support
        // table, so that the recommendation's title has room beside the counts.
        columns.extend([
            Column::new("priority", w.col_priority).shows(Shows::NOT_ON_SCREEN),
            Column::new("support", w.col_support).shows(Shows::NOT_ON_SCREEN),
        ]);
        Table {
            kind: "recommendation",
            title: Some(w.recommendations_title.into()),
            columns,
            rows: Box::new(rows),
            empty: Some(w.none.into()),
            legends: Vec::new(),
        }
    }

    /// The support instruments by number of firms that need them.
    fn support_table(&self) -> Table<'_> {
        let w = self.words();
        let v = self.view();
        let rows = v.supports.iter().map(|(name, n)| {
            let mut cells = vec![Cell::text(name.as_str())];
            cells.extend(counts(n));
            Row::new(cells)
        });
        let mut columns = vec![Column::new("label", w.col_support)];
        columns.extend(count_columns(w));
        Table {
            kind: "support",
            title: Some(w.supports_title.into()),
            columns,
            rows: Box::new(rows),
            empty: Some(w.none.into()),
            legends: Vec::new(),
        }
    }
}

/// The district's counts of a recommendation or an instrument, as cells.
fn counts<'a>(n: &Counts) -> [Cell<'a>; 6] {
    [n.applies, n.planned, n.later, n.agreed, n.done, n.supported].map(Cell::Count)
}

/// The columns of [`counts`].
fn count_columns(w: &CompareWords) -> [Column; 6] {
    [
        ("applies", w.col_applies),
        ("planned", w.col_planned),
        ("later", w.col_later),
        ("agreed", w.col_agreed),
        ("done", w.col_done),
        ("supported", w.col_supported),
    ]
    .map(|(id, title)| Column::new(id, title).right())
}

fn notes(words: &[&str]) -> Vec<String> {
    words.iter().map(|s| s.to_string()).collect()
}

/// A dash for readers where a value is missing, an empty cell for data.
fn missing<'a>() -> Cell<'a> {
    Cell::Label(Name::new("", NO_SCORE))
}

fn bar<'a>(n: usize, most: usize, tone: Tone) -> Cell<'a> {
    Cell::Bar(Bar { n, most, tone })
}

/// A priority: its id for data, its word for readers.
fn priority<'a>(p: Priority, w: &CompareWords) -> Cell<'a> {
    let word = match p {
        Priority::High => w.high,
        Priority::Medium => w.medium,
        Priority::Low => w.low,
    };
    Cell::Label(Name::new(p.id(), word).tone(Tone::Priority(p)))
}
