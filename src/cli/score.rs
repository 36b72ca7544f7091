//! `dmat score`: the scores of assessments as a readable table, as JSON lines, or explained
//! number by number.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg, ScoreFormat};
use crate::evaluation::evaluate;
use crate::evaluation::text::{json_line, text_report};
use crate::i18n::CliWords;
use crate::plain_text::json_safe;
use crate::store::Opened;

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
    // Files are read and scored on every core a batch at a time, and written out in their
    // order as each batch is done: memory stays flat whatever the number of files.
    let mut out = std::io::stdout().lock();
    let mut first = true;
    let report = |opened: Opened| {
        let e = evaluate(&opened.questionnaire.questionnaire, &opened.assessment);
        match format {
            ScoreFormat::Json => format!("{}\n", json_safe(json_line(&opened, &e).to_string())),
            ScoreFormat::Text => text_report(&opened, &e, explain, ctx.lang),
        }
    };
    let failed = super::compare::load_files_each(files, &catalog, report, |text| {
        if format == ScoreFormat::Text && !first {
            out.write_all(b"\n")?;
        }
        first = false;
        out.write_all(&super::terminal_safe(text.as_bytes()))?;
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
