//! `dmat export`: the scorecards of a cohort as CSV (wide or long) or as an Excel workbook.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, ExportArgs, ExportFormat, Failure, Outcome, QuestionnaireArg};
use crate::compare::{Comparison, Section};
use crate::evaluation::{Scored, ScoredVisit};
use crate::export::Field;
use crate::export::choice::one_questionnaire;
use crate::export::plan::{FollowUps, plan_header, plan_rows};
use crate::export::scorecard::long_rows;
use crate::export::{CsvOptions, Scorecards, header_bytes, long_header, row_bytes, write_csv};
use crate::i18n::{CliWords, CompareWords};
use crate::plain_text::{shown_path, visible_lines};
use crate::store::{Action, StoreError};

pub const HELP: &str = "\
Wide (default), one row per assessment:
  file,firm,date,assessor,questionnaire,version,status,completeness,overall,stage,bottleneck,
  then one column per dimension id, in questionnaire order, then
  verdict,projected_overall,projected_stage (the verdict; the projected overall score and
  stage once the whole plan is carried out, after the long horizon).
Plan (--plan), one row per action of each visit's plan (rule 9's short, medium and long
actions, agreed or not, then any other action with a [plan.*] entry, such as the firm's own):
  file,firm,firm_id,date,assessor,action,title,dimension,priority,effort,horizon,decision,
  owner,due,support,status,outcome
  horizon: the one agreed where set, else the plan's (later: applicable, not planned);
  decision empty while proposed; support: the instrument the recommendation names; status and
  outcome: progress.*.status and progress.*.support of the latest visit whose `previous` names
  this file (of any questionnaire), empty if none. Titles and support in --lang.
Long (--long), one row per question answered or noted:
  file,firm,date,dimension,question,answer,score,weight,note
  answer: option ids (several joined by ;), or with --labels the option texts in --lang; a
  number as a number; na for not applicable. Answers to questions the questionnaire no longer
  has come last, with an empty dimension.
Scores and completeness have two decimals; a cell without a score is empty. A text cell
that begins with = + - @, a tab or a carriage return is prefixed with ' so that spreadsheets
do not read it as a formula; a cell holding , or ; is quoted whatever the delimiter, so that
a spreadsheet splitting at either reads one cell. --bom starts the file with a UTF-8
byte-order mark, so that Excel and WPS read Chinese correctly.

One questionnaire per export: the one given with --questionnaire PATH, else the questionnaire
of the first file read (files in the order given, folders searched recursively and sorted).
Files of another questionnaire, and files that cannot be read, are reported on standard
error with their path and the reason and skipped; the export succeeds for the rest. With
--strict it fails instead and writes nothing. Files scored against other versions of the
same questionnaire are exported together, with a warning; a dimension a version lacks is
empty.

--format xlsx writes an Excel workbook to the file given with -o: the wide scorecards, the
answers (long), the plan (as --plan), and the cohort (statistics, firms by stage and by verdict, bottlenecks,
recommendations and support to organise;
see `dmat compare --help` for the definitions).

Examples:
  dmat export visits/ --bom -o scorecards.csv
  dmat export visits/ --long --labels --lang zh --bom -o answers.csv
  dmat export visits/ --delimiter ';' -o scorecards.csv
  dmat export visits/ --format xlsx -o scorecards.xlsx";

pub fn run(ctx: &Context, paths: &[PathBuf], opts: &ExportArgs, q: &QuestionnaireArg) -> Outcome {
    let w = CompareWords::of(ctx.lang);
    let cw = CliWords::of(ctx.lang);
    let delimiter = match opts.delimiter {
        c if c.is_ascii() && !matches!(c, '"' | '\n' | '\r') => c as u8,
        c => {
            return Err(Failure::usage(CliWords::of(ctx.lang).bad_delimiter(c)));
        }
    };
    if opts.format == ExportFormat::Xlsx && opts.output.is_none() {
        return Err(Failure::usage(CliWords::of(ctx.lang).xlsx_needs_output));
    }
    let catalog = ctx.catalog(q)?;
    let csv = CsvOptions {
        delimiter,
        bom: opts.bom,
    };
    let labels = opts.labels.then_some(ctx.lang);
    let (format, long) = (opts.format, opts.long);
    // Each file is read and scored on every core; only what the export needs is kept.
    let (loaded, mut failed) = super::compare::load(paths, &catalog, |opened| {
        let scored = Scored::new(opened);
        let visit = scored.visit();
        match format {
            ExportFormat::Xlsx => Loaded {
                visit,
                long: None,
                full: Some(scored),
            },
            ExportFormat::Csv if long => Loaded {
                visit,
                long: Some(
                    row_bytes(long_rows(&scored, labels), csv.delimiter).map_err(|e| e.to_string()),
                ),
                full: None,
            },
            ExportFormat::Csv => Loaded {
                visit,
                long: None,
                full: None,
            },
        }
    })?;
    let given = catalog.fixed().map(|f| f.questionnaire.id.as_str());
    let chosen = one_questionnaire(loaded, given, |l| &l.visit.recorded_questionnaire);
    let reference = chosen.questionnaire;
    if let Some(r) = &reference {
        let why = if chosen.given {
            w.reference_given
        } else {
            w.reference_first
        };
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        for l in &chosen.others {
            let id = &l.visit.recorded_questionnaire;
            let line = w.other_questionnaire(&shown_path(&l.visit.path), id, r, why);
            let _ = writeln!(err, "{}", visible_lines(&line));
        }
    }
    failed += chosen.others.len();
    // A follow-up of another questionnaire still says how the plan of a visit went.
    let others: Vec<ScoredVisit> = chosen.others.into_iter().map(|l| l.visit).collect();
    let kept = chosen.kept;
    if opts.strict && failed > 0 {
        return Err(Failure::invalid(w.strict_failed(failed)));
    }
    if kept.is_empty() {
        return Err(Failure::invalid(w.nothing_to_export));
    }
    let mut visits = Vec::with_capacity(kept.len());
    let mut long_parts = Vec::new();
    let mut full = Vec::new();
    for l in kept {
        visits.push(l.visit);
        long_parts.extend(l.long);
        full.extend(l.full);
    }
    let cards = Scorecards::new(&visits);
    if cards.variants > 1
        && let Some(id) = &reference
    {
        super::say(&w.mixed_versions(id, &cards.versions.join(", ")));
    }
    let csv_failed =
        |e: &dyn std::fmt::Display| Failure::invalid(cw.cannot_write_csv(&e.to_string()));
    match opts.format {
        ExportFormat::Csv if opts.long => {
            let header = header_bytes(&long_header(), csv).map_err(|e| csv_failed(&e))?;
            let parts = long_parts
                .into_iter()
                .collect::<Result<Vec<Vec<u8>>, String>>()
                .map_err(|e| csv_failed(&e))?;
            write_parts(
                opts.output.as_deref(),
                std::iter::once(&header).chain(&parts),
            )?;
        }
        ExportFormat::Csv if opts.plan => {
            let follow_ups = FollowUps::of(visits.iter().chain(&others));
            let rows = visits
                .iter()
                .flat_map(|v| plan_rows(v, &follow_ups, ctx.lang));
            let bytes = write_csv(&plan_header(), rows, csv).map_err(|e| csv_failed(&e))?;
            super::write_output(opts.output.as_deref(), &bytes)?;
        }
        ExportFormat::Csv => {
            let bytes = write_csv(&cards.wide_header(), cards.wide_rows(), csv)
                .map_err(|e| csv_failed(&e))?;
            super::write_output(opts.output.as_deref(), &bytes)?;
        }
        ExportFormat::Xlsx => {
            let follow_ups = FollowUps::of(visits.iter().chain(&others));
            let plan: Vec<Vec<Field>> = visits
                .iter()
                .flat_map(|v| plan_rows(v, &follow_ups, ctx.lang))
                .collect();
            let comparison = Comparison::new(&visits, ctx.lang);
            let cohort = comparison.document(&[Section::Stats, Section::Cohort]);
            let parts = crate::export::xlsx::Parts {
                cards: &cards,
                full: &full,
                plan: &plan,
                cohort,
            };
            let bytes = crate::export::xlsx::workbook(parts, ctx.lang, opts.labels)
                .map_err(|e| Failure::invalid(cw.cannot_write_workbook(&e.to_string())))?;
            super::write_output(opts.output.as_deref(), &bytes)?;
        }
    }
    if failed > 0 {
        super::say(&w.skipped(failed, visits.len()));
    } else if let Some(out) = &opts.output {
        super::say(&w.exported(visits.len(), &shown_path(out)));
    }
    Ok(ExitCode::SUCCESS)
}

/// What is kept of one file: the visit, its long rows as CSV lines (for `--long`), or the
/// whole scored assessment (for a workbook).
struct Loaded {
    visit: ScoredVisit,
    long: Option<Result<Vec<u8>, String>>,
    full: Option<Scored>,
}

/// Writes parts of an output one after the other, to a file (atomically) or standard output.
fn write_parts<'a>(
    path: Option<&Path>,
    parts: impl IntoIterator<Item = &'a Vec<u8>>,
) -> Result<(), Failure> {
    match path {
        Some(p) => crate::store::write_atomic_with(p, |w| {
            for part in parts {
                w.write_all(part)?;
            }
            Ok(())
        })
        .map_err(|e| Failure::from(StoreError::io(p, Action::Write, e))),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for part in parts {
                out.write_all(&super::terminal_safe(part))?;
            }
            out.flush()?;
            Ok(())
        }
    }
}
