//! `dmat export`: the scorecards of a cohort as CSV (wide or long) or as an Excel workbook.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, ExportArgs, ExportFormat, Failure, Outcome, QuestionnaireArg};
use crate::compare::{Comparison, score_all};
use crate::export::{CsvOptions, Scorecards, write_csv};
use crate::i18n::{CompareWords, fill};

pub const HELP: &str = "\
Wide (default), one row per assessment:
  file,firm,date,assessor,questionnaire,version,status,completeness,overall,stage,bottleneck,
  then one column per dimension id, in questionnaire order.
Long (--long), one row per question answered or noted:
  file,firm,date,dimension,question,answer,score,weight,note
  answer: option ids (several joined by ;), or with --labels the option texts in --lang; a
  number as a number; na for not applicable. Answers to questions the questionnaire no longer
  has come last, with an empty dimension.
Scores and completeness have two decimals; a cell without a score is empty. A text cell
that begins with = + - @, a tab or a carriage return is prefixed with ' so that spreadsheets
do not read it as a formula. --bom starts the file with a UTF-8 byte-order mark, so that
Excel and WPS read Chinese correctly.

One questionnaire per export: the one given with --questionnaire PATH, else the questionnaire
of the first file read (files in the order given, folders searched recursively and sorted).
Files of another questionnaire, and files that cannot be read, are reported on standard
error with their path and the reason and skipped; the export succeeds for the rest. With
--strict it fails instead and writes nothing. Files scored against other versions of the
same questionnaire are exported together, with a warning; a dimension a version lacks is
empty.

--format xlsx writes an Excel workbook to the file given with -o: the wide scorecards, the
answers (long), and the cohort (statistics, firms by stage, bottlenecks, support to organise;
see `dmat compare --help` for the definitions).

Examples:
  dmat export visits/ --bom -o scorecards.csv
  dmat export visits/ --long --labels --lang zh --bom -o answers.csv
  dmat export visits/ --delimiter ';' -o scorecards.csv
  dmat export visits/ --format xlsx -o scorecards.xlsx";

pub fn run(ctx: &Context, paths: &[PathBuf], opts: &ExportArgs, q: &QuestionnaireArg) -> Outcome {
    let w = CompareWords::of(ctx.lang);
    let delimiter = match opts.delimiter {
        c if c.is_ascii() && !matches!(c, '"' | '\n' | '\r') => c as u8,
        c => {
            return Err(Failure::usage(format!(
                "--delimiter must be one ASCII character other than a quote or a line break, not `{c}`"
            )));
        }
    };
    if opts.format == ExportFormat::Xlsx && opts.output.is_none() {
        return Err(Failure::usage(
            "an Excel workbook is written to a file: add -o OUT.xlsx",
        ));
    }
    let catalog = ctx.catalog(q)?;
    let (opened, mut failed) = super::compare::load(paths, &catalog)?;
    let (reference, why) = match catalog.fixed() {
        Some(f) => (Some(f.questionnaire.id.clone()), w.reference_given),
        None => (
            opened
                .first()
                .map(|o| o.assessment.questionnaire.id.clone()),
            w.reference_first,
        ),
    };
    let mut kept = Vec::with_capacity(opened.len());
    {
        let mut err = std::io::BufWriter::new(std::io::stderr().lock());
        for o in opened {
            let id = &o.assessment.questionnaire.id;
            match &reference {
                Some(r) if r != id => {
                    let line = fill(w.other_questionnaire, &[&o.path.display(), id, r, &why]);
                    let _ = writeln!(err, "{line}");
                    failed += 1;
                }
                _ => kept.push(o),
            }
        }
    }
    if opts.strict && failed > 0 {
        return Err(Failure::invalid(fill(w.strict_failed, &[&failed])));
    }
    if kept.is_empty() {
        return Err(Failure::invalid(w.nothing_to_export));
    }
    let scored = score_all(kept);
    let cards = Scorecards::new(&scored);
    if cards.variants > 1
        && let Some(id) = &reference
    {
        eprintln!(
            "{}",
            fill(w.mixed_versions, &[id, &cards.versions.join(", ")])
        );
    }
    let bytes = match opts.format {
        ExportFormat::Csv => {
            let csv = CsvOptions {
                delimiter,
                bom: opts.bom,
            };
            let written = if opts.long {
                write_csv(
                    &crate::export::long_header(),
                    cards.long_rows(opts.labels.then_some(ctx.lang)),
                    csv,
                )
            } else {
                write_csv(&cards.wide_header(), cards.wide_rows(), csv)
            };
            written.map_err(|e| Failure::invalid(format!("cannot write the CSV: {e}")))?
        }
        ExportFormat::Xlsx => {
            let comparison = Comparison::new(&scored, ctx.lang);
            crate::export::xlsx::workbook(&cards, &comparison, ctx.lang, opts.labels)
                .map_err(|e| Failure::invalid(format!("cannot write the workbook: {e}")))?
        }
    };
    super::write_output(opts.output.as_deref(), &bytes)?;
    if failed > 0 {
        eprintln!("{}", fill(w.skipped, &[&failed, &scored.len()]));
    } else if let Some(out) = &opts.output {
        eprintln!("{}", fill(w.exported, &[&scored.len(), &out.display()]));
    }
    Ok(ExitCode::SUCCESS)
}
