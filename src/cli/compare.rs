//! `dmat compare`: load, score and compare a cohort of assessments, then show the comparison
//! screen or print the table, Markdown or CSV. Also the loading that `dmat export` shares.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{CompareArgs, CompareFormat, Context, Failure, Outcome, QuestionnaireArg, SectionArg};
use crate::compare::render::{apart_note, mixed_warning, render_each};
use crate::compare::{Comparison, Direction, Filter, ScoredVisit, Section, Style};
use crate::export::table::csv_part;
use crate::export::{CsvOptions, header_bytes, row_bytes};
use crate::i18n::{CliWords, CompareWords};
use crate::plain_text::visible_lines;
use crate::store::{Catalog, Opened, open_assessment};
use crate::tui::{App, Theme};

pub fn run(ctx: &Context, paths: &[PathBuf], opts: &CompareArgs, q: &QuestionnaireArg) -> Outcome {
    let w = CompareWords::of(ctx.lang);
    let terminal = std::io::stdout().is_terminal();
    let format = match opts.format {
        None if terminal && opts.output.is_none() => CompareFormat::Tui,
        None => CompareFormat::Table,
        Some(CompareFormat::Tui) if opts.output.is_some() => {
            return Err(Failure::usage(w.tui_no_output));
        }
        Some(CompareFormat::Tui) if !terminal => {
            super::say(w.tui_fallback);
            CompareFormat::Table
        }
        Some(f) => f,
    };
    let sections = sections(format, &opts.section)?;
    let catalog = ctx.catalog(q)?;
    // The screen opens a firm's summary from its visit; the other outputs need only what the
    // comparison keeps of each visit, gathered as the files are read.
    let (mut c, visits) = if format == CompareFormat::Tui {
        let (visits, _failed) = load(paths, &catalog, ScoredVisit::new)?;
        (Comparison::new(&visits, ctx.lang), visits)
    } else {
        // Of the profile, the screen's filters may need any field; these only the named ones.
        let fields = opts
            .filter
            .iter()
            .filter_map(|f| f.parse::<Filter>().ok())
            .map(|f| f.field)
            .collect();
        let mut gathered = Comparison::gather().profile_fields(fields);
        let files = super::files_found(paths, true);
        gathered.reserve(files.len());
        load_files_each(files, &catalog, ScoredVisit::new, |v| {
            gathered.add(&v);
            Ok(())
        })?;
        (gathered.finish(ctx.lang), Vec::new())
    };
    if c.all_firms().is_empty() {
        return Err(Failure::invalid(w.nothing_to_compare));
    }
    for f in &opts.filter {
        f.parse::<Filter>()
            .and_then(|f| c.filter(f))
            .map_err(|e| Failure::usage(e.text(ctx.lang)))?;
    }
    let column = c.column(&opts.sort).ok_or_else(|| {
        Failure::usage(CliWords::of(ctx.lang).cannot_sort(&opts.sort, &c.column_ids().join(", ")))
    })?;
    let direction = if opts.asc {
        Direction::Ascending
    } else if opts.desc {
        Direction::Descending
    } else {
        column.natural_direction()
    };
    c.sort_by(column, direction);
    if format == CompareFormat::Tui {
        let mut app = App::comparison(
            c,
            visits,
            sections.first().copied(),
            ctx.workspace.clone(),
            catalog,
            ctx.lang,
            Theme::from_env(),
        );
        return super::interview::run(&mut app);
    }
    drop(visits);
    let bytes = match format {
        CompareFormat::Csv => {
            // CSV has no header to carry the warnings: they go to standard error, once.
            for warning in mixed_warning(&c, w).into_iter().chain(apart_note(&c, w)) {
                super::say(&warning);
            }
            // Written row by row: a province's firms table is never held whole.
            let failed = |e: csv::Error| {
                Failure::invalid(CliWords::of(ctx.lang).cannot_write_csv(&e.to_string()))
            };
            let (header, rows) = csv_part(c.part(sections[0]));
            let csv = CsvOptions::default();
            super::export::write_text(opts.output.as_deref(), |out| {
                out.write_all(&header_bytes(&header, csv).map_err(failed)?)?;
                for row in rows {
                    out.write_all(&row_bytes([row], csv.delimiter).map_err(failed)?)?;
                }
                Ok(())
            })?;
            return Ok(ExitCode::SUCCESS);
        }
        CompareFormat::Md => render_each(&c, &sections, Style::Markdown).into_bytes(),
        CompareFormat::Table | CompareFormat::Tui => {
            render_each(&c, &sections, Style::Text).into_bytes()
        }
    };
    super::write_output(opts.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// The sections asked for, or the default of the format; CSV takes exactly one.
fn sections(format: CompareFormat, asked: &[SectionArg]) -> Result<Vec<Section>, Failure> {
    let asked: Vec<Section> = asked.iter().map(|&s| s.into()).collect();
    if format == CompareFormat::Csv {
        return match asked[..] {
            [] => Ok(vec![Section::Firms]),
            [one] => Ok(vec![one]),
            _ => Err(Failure::usage(CliWords::chosen().csv_one_section)),
        };
    }
    if asked.is_empty() {
        Ok(vec![Section::Firms, Section::Progress, Section::Cohort])
    } else {
        Ok(asked)
    }
}

/// Reads the assessments named by `paths` (folders searched recursively) and makes each into
/// what `each` returns, on every core, keeping the order of the files. Files that cannot be
/// read are reported on standard error with their path and reason, and so are the warnings
/// of those read. Returns what was made and how many files could not be read.
pub(super) fn load<T: Send>(
    paths: &[PathBuf],
    catalog: &Catalog,
    each: impl Fn(Opened) -> T + Sync,
) -> Result<(Vec<T>, usize), Failure> {
    let mut made = Vec::new();
    let failed = load_each(paths, catalog, each, |item| {
        made.push(item);
        Ok(())
    })?;
    Ok((made, failed))
}

/// How many files are read at once: enough to keep every core busy, few enough that what is
/// made of them (a parsed assessment each) stays small whatever the size of the cohort.
const BATCH: usize = 256;

/// What is made of one file: its warnings and the item, or why it could not be read.
type Made<T> = Result<(Vec<String>, T), String>;

/// Like [`load`], handing what is made of each file to `take`, in the order of the files, as
/// soon as its batch is read: only a few batches of assessments are in memory at once. The
/// next batch is read on every core while `take` works through the one before. Stops at the
/// first error `take` returns.
pub(super) fn load_each<T: Send>(
    paths: &[PathBuf],
    catalog: &Catalog,
    each: impl Fn(Opened) -> T + Sync,
    take: impl FnMut(T) -> Result<(), Failure>,
) -> Result<usize, Failure> {
    load_files_each(super::files_found(paths, true), catalog, each, take)
}

/// Like [`load_each`], for the files already found.
pub(super) fn load_files_each<T: Send>(
    files: Vec<PathBuf>,
    catalog: &Catalog,
    each: impl Fn(Opened) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), Failure>,
) -> Result<usize, Failure> {
    use rayon::prelude::*;
    let batch = BATCH * rayon::current_num_threads().max(1);
    let make = |path: PathBuf| -> Made<T> {
        let mut opened = open_assessment(&path, catalog).map_err(|e| e.to_string())?;
        // The path found is handed on, not copied: a cohort's list of files is not kept twice.
        opened.path = path;
        Ok((opened.warning_lines(), each(opened)))
    };
    std::thread::scope(|scope| {
        // One batch waits while the next is read: reading never runs far ahead of `take`.
        let (sender, batches) = std::sync::mpsc::sync_channel::<Vec<Made<T>>>(1);
        scope.spawn(move || {
            let mut files = files.into_iter();
            loop {
                let chunk: Vec<PathBuf> = files.by_ref().take(batch).collect();
                if chunk.is_empty() {
                    return;
                }
                let made: Vec<Made<T>> = chunk.into_par_iter().map(make).collect();
                if sender.send(made).is_err() {
                    // `take` stopped: nothing more is wanted.
                    return;
                }
            }
        });
        let mut failed = 0;
        for made in batches {
            failed += hand_over(made, &mut take)?;
        }
        Ok(failed)
    })
}

/// Hands a batch over to `take` in order, reporting warnings and unreadable files on standard
/// error; returns how many could not be read.
fn hand_over<T>(
    batch: Vec<Made<T>>,
    take: &mut impl FnMut(T) -> Result<(), Failure>,
) -> Result<usize, Failure> {
    let mut failed = 0;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for result in batch {
        match result {
            Ok((warnings, item)) => {
                for line in warnings {
                    let _ = writeln!(err, "{}", visible_lines(&line));
                }
                let _ = err.flush();
                take(item)?;
            }
            Err(e) => {
                let _ = writeln!(err, "{}", visible_lines(&e));
                failed += 1;
            }
        }
    }
    let _ = err.flush();
    Ok(failed)
}
