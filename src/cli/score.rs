//! `dmat score`: the scores of assessments as a readable table, as JSON lines, or explained
//! number by number.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use super::{Context, Outcome, QuestionnaireArg, ScoreFormat, say};
use crate::evaluation::evaluate;
use crate::evaluation::text::{json_line, text_report};
use crate::i18n::CliWords;
use crate::plain_text::json_safe;
use crate::store::open_assessment;

pub fn run(
    ctx: &Context,
    files: &[PathBuf],
    format: ScoreFormat,
    explain: bool,
    q: &QuestionnaireArg,
) -> Outcome {
    let catalog = ctx.catalog(q)?;
    let files = super::files_given(files, true, |places| {
        CliWords::of(ctx.lang).nothing_to_score(places)
    })?;
    // Each file is loaded, scored and written out in parallel; output keeps the file order.
    let results: Vec<Result<(Vec<String>, String), String>> = files
        .par_iter()
        .map(|path| {
            let opened = open_assessment(path, &catalog).map_err(|e| e.to_string())?;
            let q = &opened.questionnaire.questionnaire;
            let e = evaluate(q, &opened.assessment);
            let text = match format {
                ScoreFormat::Json => {
                    let line = json_line(&opened, &e).to_string();
                    format!("{}\n", json_safe(line))
                }
                ScoreFormat::Text => text_report(&opened, &e, explain, ctx.lang),
            };
            Ok((opened.warning_lines(), text))
        })
        .collect();
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    let mut first = true;
    for result in results {
        match result {
            Ok((warnings, text)) => {
                for line in warnings {
                    say(&line);
                }
                if format == ScoreFormat::Text && !first {
                    out.write_all(b"\n")?;
                }
                first = false;
                out.write_all(&super::terminal_safe(text.as_bytes()))?;
            }
            Err(e) => {
                say(&e);
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
