//! `dmat report`: the one-firm-one-policy recommendation sheet of one assessment, as Markdown
//! or HTML, to standard output or a file.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg, ReportFormat, write_output};
use crate::report::{self, Format};
use crate::store::open_assessment;

pub fn run(
    ctx: &Context,
    file: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    q: &QuestionnaireArg,
) -> Outcome {
    let catalog = ctx.catalog(q)?;
    let opened = open_assessment(file, &catalog)?;
    for line in opened.warning_lines() {
        super::say(&line);
    }
    let format = match format {
        ReportFormat::Md => Format::Md,
        ReportFormat::Html => Format::Html,
    };
    let text = report::render_sheet(&ctx.workspace, &opened, ctx.lang, format)?;
    write_output(output, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
