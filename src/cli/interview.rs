//! `dmat`, `dmat new` and `dmat open`: the glue between the command line and the terminal
//! UI. Everything that can fail on the files fails here, before the terminal is touched.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, Outcome, QuestionnaireArg};
use crate::store::DEFAULT_QUESTIONNAIRE;
use crate::tui::app::Tone;
use crate::tui::{App, Session, Theme};

/// `dmat`: the home screen of the workspace.
pub fn home(ctx: &Context) -> Outcome {
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let mut app = App::home(ctx.workspace.clone(), catalog, ctx.lang, Theme::from_env());
    run(&mut app)
}

/// `dmat new`: a new interview, asking for the firm's name first unless given.
pub fn new(ctx: &Context, questionnaire: Option<&str>, firm: Option<&str>) -> Outcome {
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let loaded = catalog.resolve(questionnaire.unwrap_or(DEFAULT_QUESTIONNAIRE))?;
    let ws = ctx.workspace.clone();
    let theme = Theme::from_env();
    let mut app = App::new_interview(ws, catalog, Some(loaded), ctx.lang, theme);
    if let Some(firm) = firm.map(str::trim).filter(|f| !f.is_empty()) {
        // Starts at once, unless the firm has an interview in progress today: then the
        // form offers to resume it.
        app.start_named(firm);
        if let Some(e) = app.message.as_ref().filter(|m| m.tone == Tone::Error) {
            return Err(Failure::invalid(e.text.clone()));
        }
    }
    run(&mut app)
}

/// `dmat open FILE`: resume an interview; refuses when another dmat has the file open.
pub fn open(ctx: &Context, file: &Path, q: &QuestionnaireArg) -> Outcome {
    let catalog = ctx.catalog(q)?;
    let session = Session::open(file, &catalog)?;
    let mut app = App::interview(
        session,
        ctx.workspace.clone(),
        catalog,
        ctx.lang,
        Theme::from_env(),
    );
    run(&mut app)
}

/// Runs the terminal UI until it quits; a signal that ended it gives the exit status 128 + its
/// number.
pub(super) fn run(app: &mut App) -> Outcome {
    match crate::tui::run(app) {
        Ok(None) => Ok(ExitCode::SUCCESS),
        Ok(Some(signal)) => Ok(ExitCode::from((128 + signal).clamp(0, 255) as u8)),
        Err(e) => Err(Failure::invalid(
            crate::i18n::CliWords::chosen().terminal_stopped(&e.to_string()),
        )),
    }
}
