//! `dmat demo`: write a synthetic cohort of assessment files.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, Outcome, QuestionnaireArg};
use crate::demo::{DemoFile, cohort};
use crate::i18n::{CliWords, fill};
use crate::store::StoreError;

/// The questionnaire a demo answers when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "smart-manufacturing";

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
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, "create", e))?;
    write_all(dir, &files)?;
    let w = CliWords::of(ctx.lang);
    eprintln!(
        "{}",
        fill(
            w.demo_written,
            &[&firms, &dir.display(), &loaded.questionnaire.id, &seed]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the files on every core; demo files are plain writes, not synced one by one.
fn write_all(dir: &Path, files: &[DemoFile]) -> Result<(), Failure> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || -> Result<(), Failure> {
                    for f in part {
                        let path = dir.join(&f.name);
                        let text = f.assessment.to_toml().map_err(|e| {
                            Failure::invalid(format!("{}: cannot write: {e}", path.display()))
                        })?;
                        std::fs::write(&path, text)
                            .map_err(|e| StoreError::io(&path, "write", e))?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}
