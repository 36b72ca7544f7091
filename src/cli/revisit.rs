//! `dmat revisit`: start a follow-up visit of the same firm, a new assessment beside the
//! earlier one, which is never modified.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, Outcome, QuestionnaireArg, say};
use crate::i18n::FollowUpWords;
use crate::model::assessment::today;
use crate::plain_text::shown_path;
use crate::store::{BeginError, Source, begin_follow_up};

pub fn run(
    ctx: &Context,
    file: &Path,
    questionnaire: Option<&str>,
    output: Option<&Path>,
) -> Outcome {
    let w = FollowUpWords::of(ctx.lang);
    let mut catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let chosen = questionnaire.map(|q| catalog.resolve(q)).transpose()?;
    if let Some(c) = chosen
        .as_ref()
        .filter(|c| matches!(c.source, Source::File(_)))
    {
        // Known by its id from now on, also to read the earlier visit with.
        catalog.add_first((**c).clone());
    }
    let begun = match begin_follow_up(&ctx.workspace, &catalog, file, chosen, output, today()) {
        Ok(b) => b,
        Err(BeginError::Store(e)) => return Err(e.into()),
        Err(BeginError::NameNotText) => {
            return Err(Failure::invalid(w.name_not_text(&shown_path(file))));
        }
        Err(BeginError::NotBeside) => {
            let out = output.unwrap_or(file);
            return Err(Failure::invalid(
                w.not_beside(&shown_path(out), &shown_path(file)),
            ));
        }
    };
    if let Some(e) = &begun.settings_error {
        say(&w.no_assessor(&e.to_string()));
    }
    let (path, q) = (&begun.path, &begun.questionnaire.questionnaire);
    say(&w.revisit_written(
        &shown_path(path),
        &begun.assessment.firm.name,
        &shown_path(file),
        &q.id,
        &q.version,
    ));
    Ok(ExitCode::SUCCESS)
}
