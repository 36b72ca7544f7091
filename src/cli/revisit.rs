//! `dmat revisit`: start a follow-up visit of the same firm, a new assessment beside the
//! earlier one, which is never modified.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, Outcome, QuestionnaireArg, say};
use crate::i18n::FollowUpWords;
use crate::model::assessment::today;
use crate::model::follow_up::follow_up;
use crate::plain_text::shown_path;
use crate::store::{
    Source, beside, follow_up_path, keep_questionnaire, load_settings, open_assessment,
    write_follow_up,
};

pub const HELP: &str = "\
The new visit copies the firm's name, unified social credit code and profile, records the
earlier visit as `visit.previous`, today's date and the assessor remembered for the workspace
(settings.toml), and uses the earlier visit's questionnaire at its latest version unless
--questionnaire names another (a quick scan followed by the full visit). Answers are not
copied: the interview shows last visit's answer beside each question. The new file is
written beside the earlier one (`previous` names a file in the same folder) as
<firm>-<date>.toml, or -o names it; an existing file is never replaced.

Examples:
  dmat revisit assessments/acme-2026-05-12.toml
  dmat revisit demo/firm-0007-scan.toml --questionnaire smart-manufacturing
  dmat revisit assessments/acme-2026-05-12.toml -o assessments/acme-t1.toml";

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
    // An earlier visit in error is fixed first: its errors are the failure.
    let earlier = open_assessment(file, &catalog)?;
    let prev = &earlier.assessment;
    let loaded = chosen
        .or_else(|| catalog.latest(&prev.questionnaire.id))
        .unwrap_or_else(|| earlier.questionnaire.clone());
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return Err(Failure::invalid(w.name_not_text(&shown_path(file))));
    };
    let date = today();
    let path = match output {
        Some(out) if !beside(out, file) => {
            return Err(Failure::invalid(
                w.not_beside(&shown_path(out), &shown_path(file)),
            ));
        }
        Some(out) => out.to_path_buf(),
        None => follow_up_path(file, &prev.firm.name, &date.to_string()),
    };
    let assessor = match load_settings(&ctx.workspace) {
        Ok(s) => s.assessor().map(str::to_string),
        Err(e) => {
            say(&w.no_assessor(&e.to_string()));
            None
        }
    };
    let q = &loaded.questionnaire;
    let a = follow_up(prev, name, q, &loaded.digest, date, assessor.as_deref());
    write_follow_up(&path, &a)?;
    keep_questionnaire(&ctx.workspace, &loaded)?;
    say(&w.revisit_written(
        &shown_path(&path),
        &prev.firm.name,
        &shown_path(file),
        &q.id,
        &q.version,
    ));
    Ok(ExitCode::SUCCESS)
}
