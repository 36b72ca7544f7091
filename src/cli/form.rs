//! `dmat form`: the printable pre-visit form of a questionnaire, in the chosen language, as
//! Markdown or HTML, to standard output or a file.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, Outcome, QuestionnaireArg, ReportFormat, write_output};
use crate::i18n::FormWords;
use crate::report::{self, Format};
use crate::store::DEFAULT_QUESTIONNAIRE;

pub fn run(
    ctx: &Context,
    questionnaire: Option<&str>,
    format: ReportFormat,
    output: Option<&Path>,
) -> Outcome {
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let loaded = catalog.resolve(questionnaire.unwrap_or(DEFAULT_QUESTIONNAIRE))?;
    let q = &loaded.questionnaire;
    let format = match format {
        ReportFormat::Md => Format::Md,
        ReportFormat::Html => Format::Html,
    };
    let text = report::render_form(&ctx.workspace, q, ctx.lang, format)
        .ok_or_else(|| Failure::invalid(FormWords::of(ctx.lang).no_previsit(&q.id)))??;
    write_output(output, text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
