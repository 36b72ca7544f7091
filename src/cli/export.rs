//! `dmat export`: the scorecards of a cohort as CSV (wide or long) or as an Excel workbook.

use std::fs::File;
use std::io::{BufRead as _, Seek as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rust_xlsxwriter::XlsxError;

use super::{Context, ExportArgs, ExportFormat, Failure, Outcome, QuestionnaireArg};
use crate::compare::{Comparison, Section};
use crate::evaluation::{Scored, ScoredVisit};
use crate::export::Field;
use crate::export::choice::Choice;
use crate::export::plan::{FollowUps, plan_header, plan_rows_before_progress, with_progress};
use crate::export::scorecard::{long_rows, own_wide_row, wide_width};
use crate::export::spool::Spool;
use crate::export::xlsx::{Book, Cards, EXCEL_COLUMNS, EXCEL_ROWS};
use crate::export::{CsvOptions, Variants, header_bytes, long_header, row_bytes};
use crate::i18n::{CliWords, CompareWords, Lang};
use crate::plain_text::{shown_path, visible_lines};
use crate::store::{Action, Catalog, StoreError};

pub fn run(ctx: &Context, paths: &[PathBuf], opts: &ExportArgs, q: &QuestionnaireArg) -> Outcome {
    let w = CompareWords::of(ctx.lang);
    let delimiter = match opts.delimiter {
        c if c.is_ascii() && !matches!(c, '"' | '\n' | '\r') => c as u8,
        c => {
            return Err(Failure::usage(CliWords::of(ctx.lang).bad_delimiter(c)));
        }
    };
    let catalog = ctx.catalog(q)?;
    let job = Job {
        ctx,
        paths,
        catalog: &catalog,
        csv: CsvOptions {
            delimiter,
            bom: opts.bom,
        },
        labels: opts.labels.then_some(ctx.lang),
        strict: opts.strict,
    };
    let read = match opts.format {
        ExportFormat::Xlsx => {
            let Some(out) = opts.output.as_deref() else {
                return Err(Failure::usage(CliWords::of(ctx.lang).xlsx_needs_output));
            };
            write_file(out, |file| job.workbook(file))?
        }
        ExportFormat::Csv if opts.long => write_text(opts.output.as_deref(), |o| job.long(o))?,
        ExportFormat::Csv if opts.plan => write_text(opts.output.as_deref(), |o| job.plan(o))?,
        ExportFormat::Csv => write_text(opts.output.as_deref(), |o| job.wide(o))?,
    };
    if read.failed > 0 {
        super::say(&w.skipped(read.failed, read.exported));
    } else if let Some(out) = &opts.output {
        super::say(&w.exported(read.exported, &shown_path(out)));
    }
    Ok(ExitCode::SUCCESS)
}

/// Rows a sheet of the workbook may hold: Excel's limit, or fewer where the environment says
/// so (`DMAT_SHEET_ROWS`, for tests of a workbook whose tables go on in further sheets).
fn sheet_rows() -> u32 {
    std::env::var("DMAT_SHEET_ROWS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(EXCEL_ROWS)
}

/// Columns a sheet of the workbook may hold: Excel's limit, or fewer where the environment
/// says so (`DMAT_SHEET_COLUMNS`, for tests of a scorecard too wide for a sheet).
fn sheet_columns() -> usize {
    std::env::var("DMAT_SHEET_COLUMNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(EXCEL_COLUMNS)
}

/// An export: what to read, and how to write it.
struct Job<'a> {
    ctx: &'a Context,
    paths: &'a [PathBuf],
    catalog: &'a Catalog,
    csv: CsvOptions,
    labels: Option<Lang>,
    strict: bool,
}

/// What is made of each file on every core: the visit, and the rows asked for.
struct Made {
    visit: ScoredVisit,
    rows: Rows,
    /// Its plan rows before progress, with their action ids, where asked.
    plan: Vec<(String, Vec<Field>)>,
}

/// The rows of one visit, made where it is read.
enum Rows {
    None,
    /// Its wide row, with the dimension columns of its own questionnaire.
    Wide(Vec<Field>),
    /// Its long rows as CSV lines.
    Csv(Result<Vec<u8>, String>),
    /// Its long rows as cells for a workbook.
    Cells(Vec<Vec<Field>>),
}

/// What was read: the visits exported (of one questionnaire) and the files left out.
struct Read {
    exported: usize,
    failed: usize,
}

impl Job<'_> {
    /// Reads every file in batches, handing each visit of the questionnaire exported to `take`
    /// in the order read, and every visit to `all` (follow-ups of another questionnaire still
    /// say how a plan went). Reports the files of other questionnaires once all is read;
    /// fails, after reading everything, when --strict finds any file left out or when nothing
    /// is exported.
    fn read(
        &self,
        rows: impl Fn(&Scored, &ScoredVisit) -> Rows + Sync,
        with_plan: bool,
        mut all: impl FnMut(&ScoredVisit),
        mut take: impl FnMut(Made, u32) -> Result<(), Failure>,
    ) -> Result<(Read, Variants), Failure> {
        let w = CompareWords::of(self.ctx.lang);
        let mut choice = Choice::new(self.catalog.fixed().map(|f| f.questionnaire.id.clone()));
        let make = |opened| {
            let scored = Scored::new(opened);
            let visit = scored.visit();
            let rows = rows(&scored, &visit);
            let plan = if with_plan {
                plan_rows_before_progress(&visit, self.ctx.lang)
            } else {
                Vec::new()
            };
            Made { visit, rows, plan }
        };
        let unread = super::compare::load_each(self.paths, self.catalog, make, |made| {
            all(&made.visit);
            match choice.take(&made.visit) {
                Some(variant) => take(made, variant),
                None => Ok(()),
            }
        })?;
        if let Some(r) = choice.reference() {
            let why = if choice.given() {
                w.reference_given
            } else {
                w.reference_first
            };
            let mut err = std::io::BufWriter::new(std::io::stderr().lock());
            for (path, id) in choice.others() {
                let line = w.other_questionnaire(&shown_path(path), id, r, why);
                let _ = writeln!(err, "{}", visible_lines(&line));
            }
        }
        let failed = unread + choice.others().len();
        if self.strict && failed > 0 {
            return Err(Failure::invalid(w.strict_failed(failed)));
        }
        let exported = choice.exported();
        if exported == 0 {
            return Err(Failure::invalid(w.nothing_to_export));
        }
        let variants = choice.variants();
        if variants.count() > 1
            && let Some(id) = choice.reference()
        {
            super::say(&w.mixed_versions(id, &variants.versions.join(", ")));
        }
        Ok((Read { exported, failed }, choice.into_variants()))
    }

    /// The wide scorecards: each row put aside as it is read, written once the columns of
    /// every version read are known.
    fn wide(&self, out: &mut dyn Write) -> Result<Read, Failure> {
        let mut spool = Spool::new()?;
        let (read, variants) = self.read(
            |_, v| Rows::Wide(own_wide_row(v)),
            false,
            |_| {},
            |m, variant| match &m.rows {
                Rows::Wide(row) => Ok(spool.push(variant, row)?),
                _ => Ok(()),
            },
        )?;
        out.write_all(&header_bytes(&variants.wide_header(), self.csv).map_err(csv_failed)?)?;
        let rows = spool.rows()?.map(|row| {
            let (variant, row) = row?;
            Ok(variants.widen(variant, row))
        });
        write_rows(rows, self.csv.delimiter, out)?;
        Ok(read)
    }

    /// The long scorecards, written as they are read.
    fn long(&self, out: &mut dyn Write) -> Result<Read, Failure> {
        let (labels, delimiter) = (self.labels, self.csv.delimiter);
        out.write_all(&header_bytes(&long_header(), self.csv).map_err(csv_failed)?)?;
        let lines = |s: &Scored, _: &ScoredVisit| {
            Rows::Csv(row_bytes(long_rows(s, labels), delimiter).map_err(|e| e.to_string()))
        };
        let (read, _) = self.read(
            lines,
            false,
            |_| {},
            |m, _| match m.rows {
                Rows::Csv(Ok(bytes)) => Ok(out.write_all(&bytes)?),
                Rows::Csv(Err(e)) => Err(csv_failed(e)),
                _ => Ok(()),
            },
        )?;
        Ok(read)
    }

    /// The plan rows: each put aside as it is read, written once every follow-up is known.
    fn plan(&self, out: &mut dyn Write) -> Result<Read, Failure> {
        let (spool, paths, follow_ups, read) = self.plan_rows(|_, _| Rows::None, |_, _| Ok(()))?;
        out.write_all(&header_bytes(&plan_header(), self.csv).map_err(csv_failed)?)?;
        write_rows(
            completed(spool, &paths, &follow_ups)?,
            self.csv.delimiter,
            out,
        )?;
        Ok(read)
    }

    /// Reads every file, putting the plan rows aside (tagged with the visit's place in
    /// `paths`), then handing what was made (with the long rows `long` makes) to `also`.
    fn plan_rows(
        &self,
        rows: impl Fn(&Scored, &ScoredVisit) -> Rows + Sync,
        mut also: impl FnMut(Made, u32) -> Result<(), Failure>,
    ) -> Result<(Spool, Vec<PathBuf>, FollowUps, Read), Failure> {
        let mut spool = Spool::new()?;
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut follow_ups = FollowUps::default();
        let (read, _) = self.read(
            rows,
            true,
            |v| follow_ups.add(v),
            |mut m, variant| {
                let tag = paths.len() as u32;
                for (action, mut row) in std::mem::take(&mut m.plan) {
                    row.push(Field::Text(action));
                    spool.push(tag, &row)?;
                }
                paths.push(m.visit.path.clone());
                also(m, variant)
            },
        )?;
        Ok((spool, paths, follow_ups, read))
    }

    /// The workbook: the answers written as they are read, the plan and the scorecards once
    /// all is read, then the cohort.
    fn workbook(&self, file: &mut File) -> Result<Read, Failure> {
        let lang = self.ctx.lang;
        let cw = CliWords::of(lang);
        let failed = |e: XlsxError| Failure::invalid(cw.cannot_write_workbook(&e.to_string()));
        // A scorecard wider than a sheet cannot be written: refused before the work where the
        // questionnaire is given, else at the first version that widens it too far.
        let columns = sheet_columns();
        let too_wide = |width: usize| Failure::invalid(cw.too_many_columns(width, columns));
        if let Some(fixed) = self.catalog.fixed() {
            let width = wide_width(fixed.questionnaire.dimension.len());
            if width > columns {
                return Err(too_wide(width));
            }
        }
        let mut book = Book::new(lang, sheet_rows()).map_err(failed)?;
        let labels = self.labels;
        let mut wide = Spool::new()?;
        let mut cohort = Comparison::gather().profile_fields(Vec::new());
        let mut variants = Variants::default();
        let cells = |s: &Scored, _: &ScoredVisit| Rows::Cells(long_rows(s, labels));
        let (spool, paths, follow_ups, read) = self.plan_rows(cells, |m, variant| {
            if let Rows::Cells(rows) = &m.rows {
                for row in rows {
                    book.answer(row).map_err(failed)?;
                }
            }
            variants.add(&m.visit);
            if variants.wide_width() > columns {
                return Err(too_wide(variants.wide_width()));
            }
            wide.push(variant, &own_wide_row(&m.visit))?;
            cohort.add(&m.visit);
            Ok(())
        })?;
        for row in completed(spool, &paths, &follow_ups)? {
            book.plan_row(&row?).map_err(failed)?;
        }
        drop(paths);
        let comparison = cohort.finish(lang);
        let document = comparison.document(&[Section::Stats, Section::Cohort]);
        let count = wide.len();
        let unread = std::cell::Cell::new(None);
        let rows = wide.rows()?.map_while(|row| match row {
            Ok((variant, row)) => Some(variants.widen(variant, row)),
            Err(e) => {
                unread.set(Some(e));
                None
            }
        });
        let cards = Cards {
            header: variants.wide_header(),
            count,
            rows,
            scale: variants.scale(),
        };
        let cut = book.finish(cards, document, file).map_err(failed)?;
        if cut > 0 {
            super::say(&CompareWords::of(lang).cells_cut(cut, "32,767"));
        }
        match unread.into_inner() {
            Some(e) => Err(e.into()),
            None => Ok(read),
        }
    }
}

/// How many rows read back from a spool are made into CSV lines at once, on every core.
const LINES: usize = 4096;

/// Writes rows as CSV lines, in order, making each few thousand of them on every core.
fn write_rows(
    mut rows: impl Iterator<Item = std::io::Result<Vec<Field>>>,
    delimiter: u8,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use rayon::prelude::*;
    let mut chunk: Vec<Vec<Field>> = Vec::with_capacity(LINES);
    loop {
        chunk.clear();
        for row in rows.by_ref().take(LINES) {
            chunk.push(row?);
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let parts: Vec<_> = chunk
            .par_chunks_mut(LINES / 16)
            .map(|rows| row_bytes(rows.iter_mut().map(std::mem::take), delimiter))
            .collect();
        for part in parts {
            out.write_all(&part.map_err(csv_failed)?)?;
        }
    }
}

/// The plan rows put aside by [`Job::plan_rows`], completed with how each action went.
fn completed<'a>(
    spool: Spool,
    paths: &'a [PathBuf],
    follow_ups: &'a FollowUps,
) -> std::io::Result<impl Iterator<Item = std::io::Result<Vec<Field>>> + 'a> {
    Ok(spool.rows()?.map(|row| {
        let (tag, mut row) = row?;
        let action = match row.pop() {
            Some(Field::Text(a)) => a,
            _ => String::new(),
        };
        let progress = paths.get(tag as usize).and_then(|p| follow_ups.of_visit(p));
        Ok(with_progress(row, progress, &action))
    }))
}

fn csv_failed(e: impl std::fmt::Display) -> Failure {
    Failure::invalid(CliWords::chosen().cannot_write_csv(&e.to_string()))
}

/// Writes what `produce` writes to the file at `path` (atomically: a failure leaves the old
/// file as it was) or, without one, to standard output once all is made (a failure prints
/// nothing).
pub(super) fn write_text<T>(
    path: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let Some(path) = path else {
        let mut spool = tempfile::tempfile()?;
        let made = {
            let mut w = std::io::BufWriter::new(&mut spool);
            let made = produce(&mut w)?;
            w.flush()?;
            made
        };
        spool.rewind()?;
        let mut input = std::io::BufReader::new(spool);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut line = Vec::new();
        while input.read_until(b'\n', &mut line)? > 0 {
            out.write_all(&super::terminal_safe(&line))?;
            line.clear();
        }
        out.flush()?;
        return Ok(made);
    };
    let mut run = Run::default();
    let written = crate::store::write_atomic_with(path, |w| run.keep(produce(w)));
    run.finish(written, path)
}

/// Like [`write_text`] for a file that is written seeking back (a workbook).
fn write_file<T>(
    path: &Path,
    produce: impl FnOnce(&mut File) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let mut run = Run::default();
    let written = crate::store::write_atomic_file(path, |w| run.keep(produce(w)));
    run.finish(written, path)
}

/// An export run inside a writer that only knows input and output errors: what it made, or
/// how it failed, kept apart.
struct Run<T> {
    made: Option<T>,
    failure: Option<Failure>,
}

impl<T> Default for Run<T> {
    fn default() -> Self {
        Run {
            made: None,
            failure: None,
        }
    }
}

impl<T> Run<T> {
    fn keep(&mut self, made: Result<T, Failure>) -> std::io::Result<()> {
        match made {
            Ok(m) => {
                self.made = Some(m);
                Ok(())
            }
            Err(f) => {
                self.failure = Some(f);
                Err(std::io::Error::other("stopped"))
            }
        }
    }

    fn finish(self, written: std::io::Result<()>, path: &Path) -> Result<T, Failure> {
        if let Some(f) = self.failure {
            return Err(f);
        }
        written.map_err(|e| Failure::from(StoreError::io(path, Action::Write, e)))?;
        self.made.ok_or_else(|| {
            Failure::from(StoreError::io(
                path,
                Action::Write,
                std::io::Error::other("nothing written"),
            ))
        })
    }
}
