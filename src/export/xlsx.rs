//! The scorecards as an Excel workbook: the wide scorecard (frozen header, number formats, a
//! colour scale on the scores), the long one, the plan, and a cohort sheet with the
//! statistics, the firms by stage, the frequent bottlenecks and the support to organise. A
//! table longer than a sheet may hold goes on in further sheets.

use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, Format,
    Workbook, Worksheet, XlsxError,
};

use super::Field;
use crate::i18n::{CompareWords, Lang};
use crate::table::{Cell, Column, Document, Table};

/// Colours of the score scale: low red, middle yellow, high green (Excel's own).
const LOW: u32 = 0xF8696B;
const MIDDLE: u32 = 0xFFEB84;
const HIGH: u32 = 0x63BE7B;

/// Excel's most rows in a sheet, the header's included.
pub const EXCEL_ROWS: u32 = 1_048_576;

/// Excel's most columns in a sheet.
pub const EXCEL_COLUMNS: usize = 16_384;

/// Excel's most characters in a cell (UTF-16 code units, as Excel counts them).
pub const EXCEL_CELL_CHARS: usize = 32_767;

/// What ends a text cut to fit a cell.
const CUT_MARK: char = '…';

struct Formats {
    header: Format,
    score: Format,
    share: Format,
    wrap: Format,
    title: Format,
}

/// A table of the workbook, written row by row: when a sheet holds as many rows as it may,
/// the table goes on in a further sheet (`Answers (2)`, …) with the header repeated.
struct Series {
    name: String,
    header: Vec<String>,
    /// Its sheets, in order.
    sheets: Vec<Part>,
}

/// One sheet of a series.
struct Part {
    /// The worksheet's index in the workbook.
    index: usize,
    /// The row of the header.
    top: u32,
    /// Rows beneath the header.
    rows: u32,
}

fn series(name: &str, header: Vec<String>) -> Series {
    Series {
        name: name.to_string(),
        header,
        sheets: Vec::new(),
    }
}

/// A workbook written as its rows come: the wide scorecards, the answers (long), the plan
/// and the cohort. Every large sheet keeps one row in memory (Excel's inline strings, each
/// sheet in a temporary file until the workbook is saved).
pub struct Book {
    book: Workbook,
    f: Formats,
    lang: Lang,
    /// Rows a sheet may hold, its header's included ([`EXCEL_ROWS`]; fewer in tests).
    limit: u32,
    /// The scorecard sheet, made first so that it comes first, and filled last.
    first: usize,
    answers: Series,
    plan: Series,
    /// Cells whose text was cut to fit (see [`fit_cell`]).
    cut: u64,
}

impl Book {
    /// A workbook in `lang` whose sheets hold at most `limit` rows each.
    pub fn new(lang: Lang, limit: u32) -> Result<Book, XlsxError> {
        let w = CompareWords::of(lang);
        let mut book = Workbook::new();
        book.add_worksheet_with_constant_memory()?
            .set_name(w.sheet_scorecards)?;
        Ok(Book {
            book,
            f: Formats {
                header: Format::new().set_bold().set_background_color(0xDDEBF7),
                score: Format::new().set_num_format("0.00"),
                share: Format::new().set_num_format("0%"),
                wrap: Format::new().set_text_wrap(),
                title: Format::new().set_bold().set_font_size(14),
            },
            lang,
            limit: limit.clamp(2, EXCEL_ROWS),
            first: 0,
            answers: series(w.sheet_answers, super::long_header()),
            plan: series(w.sheet_plan, super::plan::plan_header()),
            cut: 0,
        })
    }

    /// Writes a row of the answers (long) sheet.
    pub fn answer(&mut self, row: &[Field]) -> Result<(), XlsxError> {
        let mut s = std::mem::replace(&mut self.answers, series("", Vec::new()));
        let done = self.push(&mut s, row, 0);
        self.answers = s;
        done
    }

    /// Writes a row of the plan sheet, which comes after the last answers sheet.
    pub fn plan_row(&mut self, row: &[Field]) -> Result<(), XlsxError> {
        let mut s = std::mem::replace(&mut self.plan, series("", Vec::new()));
        let done = self.push(&mut s, row, 0);
        self.plan = s;
        done
    }

    /// Writes `row` in the series' last sheet, or in a new one when it is full (the first
    /// one's header at row `top`).
    fn push(&mut self, s: &mut Series, row: &[Field], top: u32) -> Result<(), XlsxError> {
        let full = |p: &Part| p.top + 1 + p.rows >= self.limit;
        if s.sheets.last().is_none_or(full) {
            let name = match s.sheets.len() {
                0 if s.name == CompareWords::of(self.lang).sheet_scorecards => None,
                0 => Some(s.name.clone()),
                n => Some(CompareWords::of(self.lang).sheet_continued(&s.name, n + 1)),
            };
            let (index, top) = match name {
                None => (self.first, top),
                Some(name) => {
                    self.book
                        .add_worksheet_with_constant_memory()?
                        .set_name(&name)?;
                    (self.book.worksheets().len() - 1, 0)
                }
            };
            let ws = self.book.worksheet_from_index(index)?;
            write_header(ws, top, &s.header, &self.f)?;
            s.sheets.push(Part {
                index,
                top,
                rows: 0,
            });
        }
        let Some(part) = s.sheets.last_mut() else {
            return Ok(());
        };
        part.rows += 1;
        let r = part.top + part.rows;
        let ws = self.book.worksheet_from_index(part.index)?;
        for (c, cell) in row.iter().enumerate() {
            if write_field(ws, r, c as u16, cell, &self.f)? {
                self.cut += 1;
            }
        }
        Ok(())
    }

    /// Writes the wide scorecards (`cards`: `header`, `count` rows, the score axis of the
    /// colour scale), finishes every sheet, adds the cohort sheet and saves the workbook to
    /// `out`. A note above the scorecards names the tables that went on in further sheets.
    /// Returns how many cells were cut to fit (see [`fit_cell`]).
    pub fn finish<W: std::io::Write + std::io::Seek + Send>(
        mut self,
        cards: Cards<impl IntoIterator<Item = Vec<Field>>>,
        cohort: Document<'_>,
        out: W,
    ) -> Result<u64, XlsxError> {
        let w = CompareWords::of(self.lang);
        if self.plan.sheets.is_empty() {
            let mut plan = std::mem::replace(&mut self.plan, series("", Vec::new()));
            self.book
                .add_worksheet_with_constant_memory()?
                .set_name(&plan.name)?;
            let index = self.book.worksheets().len() - 1;
            write_header(
                self.book.worksheet_from_index(index)?,
                0,
                &plan.header,
                &self.f,
            )?;
            plan.sheets.push(Part {
                index,
                top: 0,
                rows: 0,
            });
            self.plan = plan;
        }
        let mut split: Vec<String> = [&self.answers, &self.plan]
            .into_iter()
            .filter(|s| s.sheets.len() > 1)
            .map(|s| format!("{} ({})", s.name, s.sheets.len()))
            .collect();
        // With a note (two rows) above it, does the scorecard table fit one sheet?
        let fits = |top: u64| top + 1 + cards.count < u64::from(self.limit);
        if !fits(0) || (!split.is_empty() && !fits(2)) {
            let sheets = cards.count.div_ceil(u64::from(self.limit) - 1);
            split.insert(0, format!("{} ({})", w.sheet_scorecards, sheets));
        }
        let top = if split.is_empty() { 0 } else { 2 };
        if top > 0 {
            let note = w.workbook_split("1,048,576", &split.join(", "));
            self.book
                .worksheet_from_index(self.first)?
                .write_string_with_format(0, 0, &note, &self.f.title)?;
        }
        let mut s = series(w.sheet_scorecards, cards.header);
        for row in cards.rows {
            self.push(&mut s, &row, top)?;
        }
        if s.sheets.is_empty() {
            write_header(
                self.book.worksheet_from_index(self.first)?,
                top,
                &s.header,
                &self.f,
            )?;
            s.sheets.push(Part {
                index: self.first,
                top,
                rows: 0,
            });
        }
        self.finish_cards(&s, cards.scale)?;
        self.finish_series(Large::Answers)?;
        self.finish_series(Large::Plan)?;
        let ws = self.book.add_worksheet();
        ws.set_name(w.sheet_cohort)?;
        cohort_sheet(ws, cohort, &self.f)?;
        self.book.save_to_writer(out)?;
        Ok(self.cut)
    }

    fn finish_cards(&mut self, s: &Series, scale: Option<(f64, f64)>) -> Result<(), XlsxError> {
        for p in &s.sheets {
            let ws = self.book.worksheet_from_index(p.index)?;
            finish_sheet(ws, &s.header, p, 2)?;
            for (col, width) in [(0, 28.0), (1, 28.0), (2, 11.0), (3, 12.0)] {
                ws.set_column_width(col, width)?;
            }
            let Some((min, max)) = scale.filter(|_| p.rows > 0) else {
                continue;
            };
            let colours = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Number, min)
                .set_midpoint(ConditionalFormatType::Number, (min + max) / 2.0)
                .set_maximum(ConditionalFormatType::Number, max)
                .set_minimum_color(LOW)
                .set_midpoint_color(MIDDLE)
                .set_maximum_color(HIGH);
            let (first, last) = (p.top + 1, p.top + p.rows);
            let overall = col_of(&s.header, "overall");
            ws.add_conditional_format(first, overall, last, overall, &colours)?;
            let first_dim = super::scorecard::WIDE_FIXED.len() as u16;
            if s.header.len() > first_dim as usize {
                let last_col = s.header.len() as u16 - 1;
                ws.add_conditional_format(first, first_dim, last, last_col, &colours)?;
            }
        }
        Ok(())
    }

    fn finish_series(&mut self, table: Large) -> Result<(), XlsxError> {
        let (s, widths): (&Series, &[(u16, f64)]) = match table {
            Large::Answers => (&self.answers, &[(0, 28.0), (1, 28.0), (2, 11.0), (5, 24.0)]),
            Large::Plan => (&self.plan, &[(0, 28.0), (1, 28.0), (6, 36.0), (14, 28.0)]),
        };
        for p in &s.sheets {
            let ws = self.book.worksheet_from_index(p.index)?;
            finish_sheet(ws, &s.header, p, 2)?;
            for &(col, width) in widths {
                ws.set_column_width(col, width)?;
            }
            if table == Large::Answers {
                ws.set_column_width(8, 48.0)?;
                ws.set_column_format(8, &self.f.wrap)?;
            }
        }
        Ok(())
    }
}

/// The large tables written as they come.
#[derive(Clone, Copy, PartialEq)]
enum Large {
    Answers,
    Plan,
}

/// The wide scorecards, written last: the header, how many rows, the rows, and the score
/// axis (min, max) of the colour scale.
pub struct Cards<I> {
    pub header: Vec<String>,
    pub count: u64,
    pub rows: I,
    pub scale: Option<(f64, f64)>,
}

fn write_header(
    ws: &mut Worksheet,
    row: u32,
    header: &[String],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &f.header)?;
    }
    Ok(())
}

fn col_of(header: &[String], id: &str) -> u16 {
    header.iter().position(|h| h == id).unwrap_or(0) as u16
}

/// A frozen header, an autofilter over the rows, and default widths.
fn finish_sheet(
    ws: &mut Worksheet,
    header: &[String],
    p: &Part,
    frozen_columns: u16,
) -> Result<(), XlsxError> {
    ws.set_freeze_panes(p.top + 1, frozen_columns)?;
    let last = header.len().saturating_sub(1) as u16;
    ws.autofilter(p.top, 0, p.top + p.rows, last)?;
    ws.set_column_range_width(0, last, 12.0)?;
    Ok(())
}

/// Writes a header at `row` and rows beneath it; returns how many rows were written.
fn write_table(
    ws: &mut Worksheet,
    row: u32,
    header: &[String],
    rows: impl IntoIterator<Item = Vec<Field>>,
    f: &Formats,
) -> Result<u32, XlsxError> {
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &f.header)?;
    }
    let mut r = row;
    for cells in rows {
        r += 1;
        for (c, cell) in cells.iter().enumerate() {
            write_field(ws, r, c as u16, cell, f)?;
        }
    }
    Ok(r - row)
}

/// Writes a cell; returns whether its text was cut to fit (see [`fit_cell`]).
fn write_field(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    field: &Field,
    f: &Formats,
) -> Result<bool, XlsxError> {
    if let Field::Text(s) = field {
        // A string cell is text to Excel whatever it begins with; no guard needed.
        let text = fit_cell(s);
        ws.write_string(row, col, text.as_ref())?;
        return Ok(matches!(text, std::borrow::Cow::Owned(_)));
    }
    match field {
        Field::Text(_) => Ok(()),
        Field::Fixed2(x) => ws
            .write_number_with_format(row, col, *x, &f.score)
            .map(|_| ()),
        Field::Share(x) => ws
            .write_number_with_format(row, col, *x, &f.share)
            .map(|_| ()),
        Field::Number(x) => ws.write_number(row, col, *x).map(|_| ()),
        Field::Empty => Ok(()),
    }
    .map(|()| false)
}

/// A text as a cell holds it: whole when it fits Excel's [`EXCEL_CELL_CHARS`], else its
/// beginning, cut between two characters so that with [`CUT_MARK`] after it it fills the cell.
pub fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    // Counted in UTF-16 units, as Excel does; most texts are far shorter in bytes already.
    if text.len() <= EXCEL_CELL_CHARS || text.encode_utf16().count() <= EXCEL_CELL_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let room = EXCEL_CELL_CHARS - CUT_MARK.len_utf16();
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > room
        })
        .map_or(text.len(), |(i, _)| i);
    let mut cut = text[..end].to_string();
    cut.push(CUT_MARK);
    std::borrow::Cow::Owned(cut)
}

/// The cohort sheet: the document's title, intro and warnings, then each part (its title,
/// its tables with their titles, its notes). A table's bar column becomes Excel's data bar
/// over its first count column.
fn cohort_sheet(ws: &mut Worksheet, doc: Document<'_>, f: &Formats) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, &doc.title, &f.title)?;
    ws.write_string(1, 0, &doc.intro)?;
    let mut row = 2;
    for warning in &doc.warnings {
        ws.write_string(row, 0, warning)?;
        row += 1;
    }
    row += 1;
    let mut said: Vec<String> = Vec::new();
    for part in doc.parts {
        if let Some(title) = &part.title {
            ws.write_string_with_format(row, 0, title, &f.title)?;
            row += 1;
        }
        for table in part.tables {
            row = sheet_table(ws, row, table, f)? + 1;
        }
        for note in part.notes {
            if !said.contains(&note) {
                ws.write_string(row, 0, &note)?;
                row += 1;
                said.push(note);
            }
        }
        row += 1;
    }
    ws.set_column_width(0, 20.0)?;
    ws.set_column_width(1, 36.0)?;
    ws.set_column_range_width(2, 11, 10.0)?;
    Ok(())
}

/// One table of the cohort sheet at `row`: its title, header and rows; returns the row after
/// it.
fn sheet_table(
    ws: &mut Worksheet,
    mut row: u32,
    t: Table<'_>,
    f: &Formats,
) -> Result<u32, XlsxError> {
    if let Some(title) = &t.title {
        ws.write_string_with_format(row, 0, title, &f.header)?;
        row += 1;
    }
    // Bars are not written: Excel draws its own over the counts they stand for.
    let shown: Vec<(usize, Column)> = t
        .shown(|s| s.page && s.data)
        .into_iter()
        .map(|(i, c)| (i, c.clone()))
        .collect();
    let header: Vec<String> = shown.iter().map(|(_, c)| c.title.clone()).collect();
    let barred: std::cell::Cell<Option<u16>> = std::cell::Cell::new(None);
    let cells = t.rows.map(|r| {
        if let Some(Cell::Bar(b)) = r.cells.iter().find(|c| matches!(c, Cell::Bar(_))) {
            let counts = |(_, (i, _)): &(usize, &(usize, Column))| {
                r.cells.get(*i) == Some(&Cell::Count(b.n))
            };
            if let Some((k, _)) = shown.iter().enumerate().find(counts) {
                barred.set(Some(k as u16));
            }
        }
        shown
            .iter()
            .map(|(i, _)| page_field(r.cells.get(*i).unwrap_or(&Cell::Empty)))
            .collect::<Vec<Field>>()
    });
    let n = write_table(ws, row, &header, cells, f)?;
    if n == 0
        && let Some(empty) = &t.empty
    {
        ws.write_string(row + 1, 0, empty)?;
        return Ok(row + 2);
    }
    if let Some(col) = barred.get() {
        ws.add_conditional_format(row + 1, col, row + n, col, &ConditionalFormatDataBar::new())?;
    }
    Ok(row + n + 1)
}

/// A cell as a reader sees it in a workbook: names rather than ids, numbers as numbers.
fn page_field(cell: &Cell<'_>) -> Field {
    match cell {
        Cell::Empty | Cell::Bar(_) => Field::Empty,
        Cell::Text(s) => Field::text(Some(s)),
        Cell::Label(n) | Cell::Key(n) => Field::text(Some(&n.name)),
        Cell::Count(n) => Field::Number(*n as f64),
        Cell::Share(x) => Field::Share(*x),
        Cell::Score(x) | Cell::Change(x) => Field::score(x.value()),
        Cell::Percentile(p) => Field::score(*p),
    }
}
