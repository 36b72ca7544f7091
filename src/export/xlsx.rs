//! The scorecards as an Excel workbook: the wide scorecard (frozen header, number formats, a
//! colour scale on the scores), the long one, and a cohort sheet with the statistics, the
//! firms by stage, the frequent bottlenecks and the support to organise.

use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatDataBar, ConditionalFormatType, Format,
    Workbook, Worksheet, XlsxError,
};

use super::Field;
use super::scorecard::Scorecards;
use crate::compare::Comparison;
use crate::evaluation::Scored;
use crate::i18n::{CompareWords, Lang, fill};

/// Colours of the score scale: low red, middle yellow, high green (Excel's own).
const LOW: u32 = 0xF8696B;
const MIDDLE: u32 = 0xFFEB84;
const HIGH: u32 = 0x63BE7B;

struct Formats {
    header: Format,
    score: Format,
    share: Format,
    wrap: Format,
    title: Format,
}

/// Builds the workbook: the wide sheet from `cards`, the long one from the same assessments
/// with their answers (`full`), the cohort sheet from `comparison`. `labels` writes option
/// texts instead of option ids in the long sheet. The two large sheets are written row by row
/// to temporary files, so a cohort of thousands does not sit in memory.
pub fn workbook(
    cards: &Scorecards<'_>,
    full: &[Scored],
    comparison: &Comparison,
    lang: Lang,
    labels: bool,
) -> Result<Vec<u8>, XlsxError> {
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

    let ws = book.add_worksheet();
    ws.set_name(w.sheet_cohort)?;
    cohort_sheet(ws, comparison, w, &f)?;

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

/// The cohort sheet: statistics per score column, firms by stage, bottlenecks,
/// recommendations and support by number of firms, and the definitions used.
fn cohort_sheet(
    ws: &mut Worksheet,
    c: &Comparison,
    w: &CompareWords,
    f: &Formats,
) -> Result<(), XlsxError> {
    let v = c.view();
    let assessments: usize = c.rows().map(|r| r.visits.len()).sum();
    let questionnaires: Vec<String> = c
        .questionnaires()
        .iter()
        .map(|(id, ver)| format!("{id} {ver}"))
        .collect();
    ws.write_string_with_format(0, 0, w.cohort_title, &f.title)?;
    ws.write_string(
        1,
        0,
        fill(
            w.firms_line,
            &[&v.firms, &assessments, &questionnaires.join(", ")],
        ),
    )?;
    if let Some(warning) = crate::compare::render::mixed_warning(c, w) {
        ws.write_string(2, 0, warning)?;
    }
    let mut row = 4;

    ws.write_string_with_format(row, 0, w.stats_title, &f.title)?;
    row += 1;
    let header = w.stats_header();
    let mut lines = vec![(w.col_overall.to_string(), c.cohort().overall)];
    for &i in c.shown_dimensions() {
        lines.push((c.dimensions()[i].title.clone(), c.cohort().dimensions[i]));
    }
    let rows = lines.into_iter().map(|(name, s)| {
        let mut r = vec![Field::Text(name)];
        match s {
            Some(s) => {
                r.push(Field::Number(s.n as f64));
                r.extend([s.mean, s.min, s.q1, s.median, s.q3, s.max].map(Field::Fixed2));
            }
            None => r.push(Field::Number(0.0)),
        }
        r
    });
    row += write_table(ws, row, &header, rows, f)? + 2;

    ws.write_string_with_format(row, 0, w.stages_title, &f.title)?;
    row += 1;
    let header: Vec<String> = [w.col_stage, "", w.col_firms, w.col_share]
        .map(String::from)
        .to_vec();
    let mut lines: Vec<(String, String, usize)> = c
        .stages()
        .iter()
        .zip(&v.stages)
        .map(|(s, &n)| (s.id.clone(), s.label.clone(), n))
        .collect();
    if v.unscored > 0 {
        lines.push(("–".into(), w.no_score.into(), v.unscored));
    }
    let first = row + 1;
    let n = write_table(
        ws,
        row,
        &header,
        lines.into_iter().map(|(id, label, n)| {
            vec![
                Field::Text(id),
                Field::Text(label),
                Field::Number(n as f64),
                Field::Share(v.share(n)),
            ]
        }),
        f,
    )?;
    if n > 0 {
        ws.add_conditional_format(first, 2, first + n - 1, 2, &ConditionalFormatDataBar::new())?;
    }
    row += n + 2;

    ws.write_string_with_format(row, 0, w.bottlenecks_title, &f.title)?;
    row += 1;
    let header: Vec<String> = [w.col_dimension, "", w.col_firms, w.col_share]
        .map(String::from)
        .to_vec();
    let n = write_table(
        ws,
        row,
        &header,
        v.bottlenecks.iter().map(|&(d, n)| {
            let dim = &c.dimensions()[d];
            vec![
                Field::Text(dim.id.clone()),
                Field::Text(dim.title.clone()),
                Field::Number(n as f64),
                Field::Share(v.share(n)),
            ]
        }),
        f,
    )?;
    row += n + 2;

    ws.write_string_with_format(row, 0, w.recommendations_title, &f.title)?;
    row += 1;
    let header: Vec<String> = [
        w.col_recommendation,
        "",
        w.col_firms,
        w.col_share,
        w.col_priority,
        w.col_support,
    ]
    .map(String::from)
    .to_vec();
    let n = write_table(
        ws,
        row,
        &header,
        v.recommendations.iter().map(|&(r, n)| {
            let rec = &c.recommendations()[r];
            let priority = match rec.priority {
                crate::model::Priority::High => w.high,
                crate::model::Priority::Medium => w.medium,
                crate::model::Priority::Low => w.low,
            };
            vec![
                Field::Text(rec.id.clone()),
                Field::Text(rec.title.clone()),
                Field::Number(n as f64),
                Field::Share(v.share(n)),
                Field::Text(priority.into()),
                Field::text(rec.support.as_deref()),
            ]
        }),
        f,
    )?;
    row += n + 2;

    ws.write_string_with_format(row, 0, w.supports_title, &f.title)?;
    row += 1;
    let header: Vec<String> = [w.col_support, "", w.col_firms, w.col_share]
        .map(String::from)
        .to_vec();
    let n = write_table(
        ws,
        row,
        &header,
        v.supports.iter().map(|(name, n)| {
            vec![
                Field::Text(name.clone()),
                Field::Empty,
                Field::Number(*n as f64),
                Field::Share(v.share(*n)),
            ]
        }),
        f,
    )?;
    row += n + 2;

    for note in [w.note_latest, w.note_percentile, w.note_quartiles] {
        ws.write_string(row, 0, note)?;
        row += 1;
    }
    ws.set_column_width(0, 20.0)?;
    ws.set_column_width(1, 36.0)?;
    ws.set_column_range_width(2, 7, 10.0)?;
    Ok(())
}
