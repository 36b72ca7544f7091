//! The scorecards as an Excel workbook: the wide scorecard (frozen header, number formats, a
//! colour scale on the scores), the long one, and a cohort sheet with the statistics, the
//! firms by stage, the frequent bottlenecks and the support to organise.

use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, Format,
    Workbook, Worksheet, XlsxError,
};

use super::Field;
use super::scorecard::Scorecards;
use crate::evaluation::Scored;
use crate::i18n::{CompareWords, Lang};
use crate::table::{Cell, Column, Document, Table};

/// Colours of the score scale: low red, middle yellow, high green (Excel's own).
const LOW: u32 = 0xF8696B;
const MIDDLE: u32 = 0xFFEB84;
const HIGH: u32 = 0x63BE7B;

/// What a workbook holds: the wide scorecards, the assessments with their answers (the long
/// sheet), the plan rows ([`super::plan`]) and the comparison's statistics and cohort view.
pub struct Parts<'a> {
    pub cards: &'a Scorecards<'a>,
    pub full: &'a [Scored],
    pub plan: &'a [Vec<Field>],
    pub cohort: Document<'a>,
}

struct Formats {
    header: Format,
    score: Format,
    share: Format,
    wrap: Format,
    title: Format,
}

/// Builds the workbook: the wide sheet from `cards`, the long one from the same assessments
/// with their answers (`full`), the plan sheet, the cohort sheet from `cohort` (the
/// comparison's statistics and cohort view). `labels` writes option
/// texts instead of option ids in the long sheet. The two large sheets are written row by row
/// to temporary files, so a cohort of thousands does not sit in memory.
pub fn workbook(parts: Parts<'_>, lang: Lang, labels: bool) -> Result<Vec<u8>, XlsxError> {
    let Parts {
        cards,
        full,
        plan,
        cohort,
    } = parts;
    let w = CompareWords::of(lang);
    let f = Formats {
        header: Format::new().set_bold().set_background_color(0xDDEBF7),
        score: Format::new().set_num_format("0.00"),
        share: Format::new().set_num_format("0%"),
        wrap: Format::new().set_text_wrap(),
        title: Format::new().set_bold().set_font_size(14),
    };
    let mut book = Workbook::new();

    let ws = book.add_worksheet_with_low_memory()?;
    ws.set_name(w.sheet_scorecards)?;
    let header = cards.wide_header();
    let n = write_table(ws, 0, &header, cards.wide_rows(), &f)?;
    finish_sheet(ws, &header, n, 2)?;
    for (col, width) in [(0, 28.0), (1, 28.0), (2, 11.0), (3, 12.0)] {
        ws.set_column_width(col, width)?;
    }
    if n > 0
        && let Some(v) = cards.visits.first()
    {
        let scale = &v.q().scale;
        let colours = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, scale.min)
            .set_midpoint(ConditionalFormatType::Number, (scale.min + scale.max) / 2.0)
            .set_maximum(ConditionalFormatType::Number, scale.max)
            .set_minimum_color(LOW)
            .set_midpoint_color(MIDDLE)
            .set_maximum_color(HIGH);
        let overall = col_of(&header, "overall");
        ws.add_conditional_format(1, overall, n, overall, &colours)?;
        let first_dim = super::scorecard::WIDE_FIXED.len() as u16;
        if header.len() > first_dim as usize {
            ws.add_conditional_format(1, first_dim, n, header.len() as u16 - 1, &colours)?;
        }
    }

    let ws = book.add_worksheet_with_low_memory()?;
    ws.set_name(w.sheet_answers)?;
    let header = super::long_header();
    let lang_of_labels = labels.then_some(lang);
    let rows = full
        .iter()
        .flat_map(|s| super::scorecard::long_rows(s, lang_of_labels));
    let n = write_table(ws, 0, &header, rows, &f)?;
    finish_sheet(ws, &header, n, 2)?;
    for (col, width) in [(0, 28.0), (1, 28.0), (2, 11.0), (5, 24.0)] {
        ws.set_column_width(col, width)?;
    }
    ws.set_column_width(8, 48.0)?;
    ws.set_column_format(8, &f.wrap)?;

    let ws = book.add_worksheet_with_low_memory()?;
    ws.set_name(w.sheet_plan)?;
    let header = super::plan::plan_header();
    let n = write_table(ws, 0, &header, plan.iter().cloned(), &f)?;
    finish_sheet(ws, &header, n, 2)?;
    for (col, width) in [(0, 28.0), (1, 28.0), (6, 36.0), (14, 28.0)] {
        ws.set_column_width(col, width)?;
    }

    let ws = book.add_worksheet();
    ws.set_name(w.sheet_cohort)?;
    cohort_sheet(ws, cohort, &f)?;

    book.save_to_buffer()
}

fn col_of(header: &[String], id: &str) -> u16 {
    header.iter().position(|h| h == id).unwrap_or(0) as u16
}

/// A frozen header, an autofilter over the rows, and default widths.
fn finish_sheet(
    ws: &mut Worksheet,
    header: &[String],
    rows: u32,
    frozen_columns: u16,
) -> Result<(), XlsxError> {
    ws.set_freeze_panes(1, frozen_columns)?;
    let last = header.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, rows, last)?;
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

fn write_field(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    field: &Field,
    f: &Formats,
) -> Result<(), XlsxError> {
    match field {
        // A string cell is text to Excel whatever it begins with; no guard needed.
        Field::Text(s) => ws.write_string(row, col, s).map(|_| ()),
        Field::Fixed2(x) => ws
            .write_number_with_format(row, col, *x, &f.score)
            .map(|_| ()),
        Field::Share(x) => ws
            .write_number_with_format(row, col, *x, &f.share)
            .map(|_| ()),
        Field::Number(x) => ws.write_number(row, col, *x).map(|_| ()),
        Field::Empty => Ok(()),
    }
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
