//! `dmat demo`: write a synthetic cohort of assessments — a district's folder of quick scans,
//! full visits and follow-ups, or visits of one questionnaire — or remove it again.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg};
use crate::demo::{cohort, folder};
use crate::i18n::CliWords;
use crate::plain_text::shown_path;
use crate::store::{remove_demo, write_cohort};

/// The questionnaires of the district's folder: the first visit's scan and the full visit.
const SCAN: &str = "quick-scan";
const FULL: &str = "smart-manufacturing";

pub fn run(
    ctx: &Context,
    firms: usize,
    seed: u64,
    dir: &Path,
    questionnaire: Option<&str>,
    remove: bool,
) -> Outcome {
    let w = CliWords::of(ctx.lang);
    if remove {
        let removed = remove_demo(dir)?;
        super::say(&w.demo_removed(removed.len(), &shown_path(dir)));
        return Ok(ExitCode::SUCCESS);
    }
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    if let Some(id) = questionnaire {
        let loaded = catalog.resolve(id)?;
        let files = cohort(&loaded.questionnaire, &loaded.digest, firms, seed);
        write_cohort(dir, &files)?;
        let id = &loaded.questionnaire.id;
        super::say(&w.demo_written(firms, &shown_path(dir), id, seed));
        return Ok(ExitCode::SUCCESS);
    }
    let (scan, full) = (catalog.resolve(SCAN)?, catalog.resolve(FULL)?);
    let files = folder((&*scan).into(), (&*full).into(), firms, seed);
    write_cohort(dir, &files)?;
    let count = |suffix: &str| files.iter().filter(|f| f.name.ends_with(suffix)).count();
    // A firm's second scan is a follow-up of its first.
    let counts = [
        count("-scan.toml"),
        count("-visit.toml"),
        count("-follow-up.toml") + count("-rescan.toml"),
    ];
    let [scans, visits, follow_ups] = counts;
    let folder = shown_path(dir);
    super::say(&w.demo_folder_written(firms, &folder, scans, visits, follow_ups, seed));
    Ok(ExitCode::SUCCESS)
}
