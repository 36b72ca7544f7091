//! `dmat report`: the one-firm-one-policy recommendation sheet of one assessment, as Markdown
//! or HTML, to standard output or a file.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg, ReportFormat, write_output};
use crate::report::{self, Format, SheetOptions};
use crate::store::open_assessment;

/// What the sheet holds beyond its decision pages.
#[derive(Debug, Clone, clap::Args)]
pub struct SheetArgs {
    #[arg(long, help = crate::i18n::CliHelp::chosen().report_annex)]
    pub annex: bool,
}

pub fn run(
    ctx: &Context,
    file: &Path,
    format: ReportFormat,
    output: Option<&Path>,
    sheet: &SheetArgs,
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
    let earlier = report::earlier_visit(&opened, &catalog, ctx.lang);
    if let Some(warning) = earlier.warning() {
        super::say(warning);
    }
    let options = SheetOptions {
        annex: sheet.annex,
        earlier: earlier.view(),
    };
    let text = report::render_sheet_with(&ctx.workspace, &opened, ctx.lang, format, &options)?;
    write_output(output, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
