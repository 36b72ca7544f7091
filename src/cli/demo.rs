//! `dmat demo`: write a synthetic cohort of assessment files.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg};
use crate::demo::cohort;
use crate::i18n::{CliWords, fill};
use crate::plain_text::shown_path;
use crate::store::{DEFAULT_QUESTIONNAIRE, write_cohort};

pub fn run(
    ctx: &Context,
    firms: usize,
    seed: u64,
    dir: &Path,
    questionnaire: Option<&str>,
) -> Outcome {
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let loaded = catalog.resolve(questionnaire.unwrap_or(DEFAULT_QUESTIONNAIRE))?;
    let files = cohort(&loaded.questionnaire, &loaded.digest, firms, seed);
    write_cohort(dir, &files)?;
    let w = CliWords::of(ctx.lang);
    super::say(&fill(
        w.demo_written,
        &[&firms, &shown_path(dir), &loaded.questionnaire.id, &seed],
    ));
    Ok(ExitCode::SUCCESS)
}
