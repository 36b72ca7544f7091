//! The application: one [`App`] owns all state; a key becomes an [`Action`], the effect the
//! screen asks for after changing its own state; [`App::perform`] carries every effect out
//! in one place (save, open, show a screen, go back, quit); the loop in [`run`] draws, reads
//! an event, and repeats.
//!
//! The screen in front is [`App::screen`]; the screens under it, to which going back returns,
//! are [`App::back`]. The interview, its summary, plan and progress page are one layer (the
//! open assessment's): moving among them replaces the screen in front, and leaving any of
//! them returns to what was under the layer (home, the comparison, or out of dmat).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::keys::{self, Section};
use super::screens::compare::{self, CompareState};
use super::screens::help;
use super::screens::home::{self, HomeState};
use super::screens::interview::{self, InterviewState};
use super::screens::new_form::{self, Choices, FollowUpOf, NewForm};
use super::screens::plan::{self, PlanState};
use super::screens::progress::{self, ProgressState};
use super::screens::summary::{self, SummaryState};
use super::session::Session;
use super::theme::Theme;
use crate::i18n::{Lang, TuiWords};
use crate::store::{Catalog, DEFAULT_QUESTIONNAIRE, LoadedQuestionnaire, Workspace};

/// Below this size the app asks for a larger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;
/// How many firms the demo cohort of an empty workspace has.
pub const DEMO_FIRMS: usize = 30;

/// The screen in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    New,
    Interview,
    Summary,
    Compare,
    Help,
    /// The agreed plan of the open assessment.
    Plan,
    /// The progress on the previous visit's agreed actions, on a follow-up visit.
    Progress,
}

impl Screen {
    /// Whether the screen shows the open assessment: the interview, its summary, plan and
    /// progress page, which are one layer of the return stack.
    pub fn of_session(self) -> bool {
        matches!(
            self,
            Screen::Interview | Screen::Summary | Screen::Plan | Screen::Progress
        )
    }

    fn same_layer(self, other: Screen) -> bool {
        self == other || (self.of_session() && other.of_session())
    }
}

/// An effect: what a key asks the app to carry out after the screen's own state changed.
/// Screens never do disk I/O or move to another screen themselves; they answer with one of
/// these, and [`App::perform`] carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing beyond drawing again.
    None,
    /// The open assessment changed: save it before the next key is read.
    Save,
    /// Text being typed changed the assessment: save it before the next key is read.
    SaveDraft,
    /// Open an assessment file for the interview.
    Open(PathBuf),
    /// Start the interview the new-interview form describes.
    Create,
    /// Write a demo cohort into the (empty) workspace.
    Demo,
    /// Remove the demo files from the workspace's assessments.
    RemoveDemo,
    /// Write the open assessment's recommendation sheet into the workspace's reports folder.
    WriteSheet,
    /// Compare these assessments on the comparison screen.
    Compare(Vec<PathBuf>),
    /// Open an assessment on its summary, from the comparison; leaving it returns there.
    OpenSummary(PathBuf),
    /// Open the new-interview form.
    New,
    /// Open the form that begins a follow-up visit of this assessment (its questionnaire
    /// and date).
    FollowUpForm(Box<FollowUpOf>),
    /// Open this follow-up visit, still in progress, of an assessment the expert asked to
    /// visit again (instead of beginning a second one).
    ResumeFollowUp(PathBuf),
    /// Leave the interview: back to the home screen, or quit when dmat started in it.
    Leave,
    /// Read the workspace's assessments again for the home screen.
    Reload,
    /// Show another screen of the open assessment in front, as it was left (the interview
    /// from the summary, the summary from the plan).
    Show(Screen),
    /// Show a screen of the open assessment from its start: the summary at its top, the plan
    /// and the progress page with nothing being typed.
    Start(Screen),
    /// Show the interview at this page, with the cursor on its chosen option.
    GoTo(usize),
    /// One effect, then the other (an answer saved, then the summary after the last page).
    Then(Box<Action>, Box<Action>),
    /// Show the help of the screen in front, over it.
    Help,
    /// Go back to the screen under the one in front; with none under it, quit.
    Back,
    Quit,
}

impl Action {
    /// This effect, then `next`.
    pub fn then(self, next: Action) -> Action {
        match (self, next) {
            (Action::None, next) => next,
            (first, Action::None) => first,
            (first, next) => Action::Then(Box::new(first), Box::new(next)),
        }
    }
}

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// How a message in the footer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warn,
    Error,
}

/// A line for the footer until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// What an open editor writes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    /// The note on the question at this position.
    Note(usize),
    /// The value of the page at this index (number, text or date).
    Value(usize),
    /// The closing summary of the visit.
    Closing,
    /// The firm's unified social credit code (`firm.id`), from a profile page.
    FirmCode,
}

/// A text being typed, and what it replaces if cancelled.
pub struct Editor {
    pub target: EditTarget,
    pub area: TextArea<'static>,
    pub original: String,
}

impl Editor {
    pub fn new(target: EditTarget, text: &str) -> Self {
        Self {
            target,
            area: text_area(text),
            original: text.to_string(),
        }
    }

    /// What has been typed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// A text area set up for dmat: soft wrapping by display width, the cursor at the end.
pub fn text_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(String::from).collect());
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::new());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Puts the terminal's own cursor on the text area's cursor, drawn in `inner`, so that an
/// input method opens its candidate window beside the text being typed.
pub fn place_cursor(frame: &mut ratatui::Frame, area: &TextArea<'_>, inner: ratatui::layout::Rect) {
    let c = area.screen_cursor();
    let (top, left) = area.scroll_offset();
    let row = c.row.saturating_sub(usize::from(top));
    let col = c.col.saturating_sub(usize::from(left));
    if row < usize::from(inner.height) && col < usize::from(inner.width) {
        frame.set_cursor_position((inner.x + col as u16, inner.y + row as u16));
    }
}

/// The open assessment and what its screens (the interview, its summary, plan and progress
/// page) hold: made afresh when an assessment is opened, dropped when it is left, so no
/// screen's state outlives the assessment it was about.
#[derive(Default)]
pub struct OpenVisit {
    pub session: Option<Session>,
    pub interview: InterviewState,
    pub summary: SummaryState,
    /// The plan screen.
    pub plan: PlanState,
    /// The progress page of a follow-up visit.
    pub progress: ProgressState,
    /// The assessment was saved since it was opened: what it was opened from (the
    /// comparison) hears of it when it is left.
    pub saved: bool,
}

/// Everything the terminal UI knows.
pub struct App {
    pub lang: Lang,
    pub words: &'static TuiWords,
    pub theme: Theme,
    /// The screen in front.
    pub screen: Screen,
    /// The return stack: the screens under the one in front, the last one right under it.
    pub back: Vec<Screen>,
    pub help_scroll: u16,
    pub workspace: Workspace,
    pub catalog: Catalog,
    /// Present when dmat started on the home screen.
    pub home: Option<HomeState>,
    pub form: Option<NewForm>,
    /// The open assessment and the state of its screens.
    pub visit: OpenVisit,
    /// The comparison, while it is open.
    pub compare: Option<CompareState>,
    pub message: Option<Message>,
    /// A draft typed into the assessment is not saved yet.
    dirty: bool,
    /// The visit date of interviews started here.
    pub today: toml::value::Datetime,
    /// The key being handled came in the middle of a run of input that was already waiting:
    /// part of a paste that the terminal did not bracket, in which Enter is a line break, not
    /// "keep". (Keys sent together, such as `4` `0` Enter, end with their Enter.)
    burst: bool,
    /// The terminal's size as last reported; none while unknown (tests that never resize).
    size: Option<(u16, u16)>,
}

impl App {
    fn base(
        screen: Screen,
        workspace: Workspace,
        catalog: Catalog,
        lang: Lang,
        theme: Theme,
    ) -> Self {
        Self {
            lang,
            words: TuiWords::of(lang),
            theme,
            screen,
            back: Vec::new(),
            help_scroll: 0,
            workspace,
            catalog,
            home: None,
            form: None,
            visit: OpenVisit::default(),
            compare: None,
            message: None,
            dirty: false,
            today: crate::model::assessment::today(),
            burst: false,
            size: None,
        }
    }

    /// The home screen of a workspace.
    pub fn home(workspace: Workspace, catalog: Catalog, lang: Lang, theme: Theme) -> Self {
        let mut app = Self::base(Screen::Home, workspace, catalog, lang, theme);
        app.home = Some(HomeState::default());
        app.reload_home();
        app
    }

    /// The interview of an open assessment.
    pub fn interview(
        session: Session,
        workspace: Workspace,
        catalog: Catalog,
        lang: Lang,
        theme: Theme,
    ) -> Self {
        let mut app = Self::base(Screen::Interview, workspace, catalog, lang, theme);
        app.enter_interview(session);
        app
    }

    /// The comparison of a cohort, as `dmat compare` opens it: `comparison` as it stands
    /// (sorted and filtered already) of `visits`, on the view of `section` (none: the firms).
    /// Leaving it quits.
    pub fn comparison(
        comparison: crate::compare::Comparison,
        visits: Vec<crate::compare::ScoredVisit>,
        section: Option<crate::compare::Section>,
        workspace: Workspace,
        catalog: Catalog,
        lang: Lang,
        theme: Theme,
    ) -> Self {
        let mut app = Self::base(Screen::Compare, workspace, catalog, lang, theme);
        app.compare = Some(CompareState::new(comparison, visits, section));
        app
    }

    /// The new-interview form; with a questionnaire given, only the firm's name is asked.
    pub fn new_interview(
        workspace: Workspace,
        catalog: Catalog,
        questionnaire: Option<Arc<LoadedQuestionnaire>>,
        lang: Lang,
        theme: Theme,
    ) -> Self {
        let mut app = Self::base(Screen::New, workspace, catalog, lang, theme);
        app.open_form(questionnaire);
        app
    }

    /// Types a firm's name into the new-interview form and starts the interview, unless one
    /// of the firm is in progress today (then the form offers to resume it).
    pub fn start_named(&mut self, name: &str) -> Flow {
        if let Some(form) = &mut self.form {
            form.name = text_area(name);
            form.naming = true;
        }
        self.perform(Action::Create)
    }

    /// Opens the new-interview form.
    pub fn open_form(&mut self, fixed: Option<Arc<LoadedQuestionnaire>>) {
        let assessor = crate::store::remembered_assessor(&self.workspace).unwrap_or_default();
        let choices = match fixed {
            Some(q) => Choices::Fixed(q),
            None => Choices::Catalog(self.catalog.entries().to_vec()),
        };
        self.form = Some(NewForm::new(choices, &assessor, self.today));
        self.enter(Screen::New);
    }

    /// Reads an event: keys (presses only), pasted text, and a resize. While the terminal is
    /// too small to show the screen, only leaving works: nothing acts on what cannot be seen.
    pub fn handle(&mut self, event: Event) -> Action {
        match event {
            Event::Resize(w, h) => {
                self.size = Some((w, h));
                Action::None
            }
            Event::Key(key) if key.kind == KeyEventKind::Press && self.too_small() => {
                let ctrl_c =
                    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
                if ctrl_c || key.code == KeyCode::Char('q') {
                    Action::Quit
                } else {
                    Action::None
                }
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(key),
            Event::Paste(_) if self.too_small() => Action::None,
            Event::Paste(text) => self.on_paste(&text),
            _ => Action::None,
        }
    }

    /// Whether the terminal is too small to draw the screen, which then asks to enlarge it.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| too_small(Rect::new(0, 0, w, h)))
    }

    fn on_key(&mut self, key: KeyEvent) -> Action {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Action::Quit;
        }
        self.message = None;
        match self.screen {
            Screen::Home => home::on_key(self, key),
            Screen::New => new_form::on_key(self, key),
            Screen::Interview => interview::on_key(self, key),
            Screen::Summary => summary::on_key(self, key),
            Screen::Compare => compare::on_key(self, key),
            Screen::Help => help::on_key(self, key),
            Screen::Plan => plan::on_key(self, key),
            Screen::Progress => progress::on_key(self, key),
        }
    }

    /// Whether a key typed into an editor breaks the line rather than keeping the text:
    /// Alt-Enter and Ctrl-J, and Enter within a paste that arrives as keys.
    pub fn is_line_break(&self, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Enter => self.burst || key.modifiers.contains(KeyModifiers::ALT),
            KeyCode::Char('j') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
    }

    /// Pasted text goes to whatever is being typed; elsewhere it is ignored.
    fn on_paste(&mut self, text: &str) -> Action {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match self.screen {
            Screen::Interview => interview::on_paste(self, &text),
            Screen::Summary => summary::on_paste(self, &text),
            Screen::Home => home::on_paste(self, &text),
            Screen::New => new_form::on_paste(self, &text),
            Screen::Compare => compare::on_paste(self, &text),
            Screen::Plan => plan::on_paste(self, &text),
            Screen::Progress => progress::on_paste(self, &text),
            _ => Action::None,
        }
    }

    /// Shows the help of the current screen, over it.
    pub fn open_help(&mut self) {
        self.help_scroll = 0;
        self.push(Screen::Help);
    }

    /// Shows `screen` over the one in front, which going back returns to.
    fn push(&mut self, screen: Screen) {
        self.back.push(self.screen);
        self.screen = screen;
    }

    /// Shows `screen` in front: over home or the comparison (which going back returns to),
    /// else in place of the screen in front (the new-interview form gives way to the
    /// interview it starts; the summary to the interview).
    fn enter(&mut self, screen: Screen) {
        if matches!(self.screen, Screen::Home | Screen::Compare) && self.screen != screen {
            self.push(screen);
        } else {
            self.screen = screen;
        }
    }

    /// The screen that leaving `screen` (and the screens of its layer) returns to: the one
    /// under it on the return stack; none when leaving it quits.
    pub fn returns_to(&self, screen: Screen) -> Option<Screen> {
        let all: Vec<Screen> = self.back.iter().copied().chain([self.screen]).collect();
        let top = all.iter().rposition(|s| s.same_layer(screen))?;
        all[..top]
            .iter()
            .rev()
            .find(|s| !s.same_layer(screen))
            .copied()
    }

    /// Whether the open assessment was opened from the comparison, to which leaving it
    /// returns.
    pub fn from_compare(&self) -> bool {
        self.returns_to(Screen::Interview) == Some(Screen::Compare)
    }

    /// The screen under the one in front (what the help explains).
    pub fn under(&self) -> Screen {
        self.back.last().copied().unwrap_or(Screen::Home)
    }

    /// Goes back to the screen under the one in front, dropping what the one left held;
    /// quits when there is none.
    fn go_back(&mut self) -> Flow {
        let left = self.screen;
        let Some(to) = self.back.pop() else {
            self.flush();
            return Flow::Quit;
        };
        self.screen = to;
        match left {
            Screen::New => self.form = None,
            Screen::Compare => {
                let edited = self.compare.take().is_some_and(|c| c.edited);
                if edited && to == Screen::Home {
                    self.reload_home();
                }
            }
            _ => {}
        }
        Flow::Continue
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone,
        });
    }

    /// Carries out what a key asked for.
    pub fn perform(&mut self, action: Action) -> Flow {
        match action {
            Action::None => {}
            Action::Save => self.save(),
            Action::SaveDraft => self.dirty = true,
            Action::Open(path) => {
                self.open(&path);
            }
            Action::Create => self.create(),
            Action::Demo => self.demo(),
            Action::RemoveDemo => self.remove_demo(),
            Action::WriteSheet => self.write_sheet(),
            Action::Compare(paths) => self.open_compare(&paths),
            Action::OpenSummary(path) => self.open_summary(&path),
            Action::New => self.open_form(None),
            Action::FollowUpForm(of) => self.open_follow_up_form(*of),
            Action::ResumeFollowUp(path) => self.resume_follow_up(&path),
            Action::Leave => return self.leave(),
            Action::Show(screen) => self.screen = screen,
            Action::Start(screen) => self.start(screen),
            Action::GoTo(page) => {
                interview::go_to(self, page);
                self.screen = Screen::Interview;
            }
            Action::Then(first, next) => {
                if self.perform(*first) == Flow::Quit {
                    return Flow::Quit;
                }
                return self.perform(*next);
            }
            Action::Help => self.open_help(),
            Action::Reload => self.reload_home(),
            Action::Back => return self.go_back(),
            Action::Quit => {
                self.flush();
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    /// Handles an event and carries out its action at once, saving any draft: what the loop
    /// does when no further input is waiting. Tests drive the app with it: a reading of the
    /// workspace the event starts is waited for (the loop shows its rows as they come), one
    /// already under way is not.
    pub fn feed(&mut self, event: Event) -> Flow {
        let reading = self.loading();
        let action = self.handle(event);
        let flow = self.perform(action);
        self.flush();
        if !reading {
            self.wait_loaded();
        }
        flow
    }

    /// Saves a draft that is not saved yet.
    pub fn flush(&mut self) {
        if self.dirty {
            self.save();
        }
    }

    fn save(&mut self) {
        self.dirty = false;
        let Some(session) = &mut self.visit.session else {
            return;
        };
        if let Err(e) = session.save() {
            self.dirty = true;
            let text = self.words.save_failed(&e.to_string());
            self.say(Tone::Error, text);
            return;
        }
        session.look_for_sheet(&self.workspace);
        self.visit.saved = true;
    }

    /// Scores the assessments at `paths` and opens the comparison of them; files that cannot
    /// be read are left out, and the footer says how many.
    fn open_compare(&mut self, paths: &[PathBuf]) {
        let results = crate::store::open_many(paths, &self.catalog);
        let failed = results.iter().filter(|r| r.is_err()).count();
        let opened: Vec<_> = results.into_iter().filter_map(Result::ok).collect();
        if opened.is_empty() {
            self.say(Tone::Warn, self.words.nothing_to_compare);
            return;
        }
        let visits = crate::compare::score_visits(opened);
        let comparison = crate::compare::Comparison::new(&visits, self.lang);
        self.compare = Some(CompareState::new(comparison, visits, None));
        self.enter(Screen::Compare);
        if failed > 0 {
            self.say(Tone::Warn, self.words.left_out(failed));
        }
    }

    /// Shows a screen of the open assessment from its start.
    fn start(&mut self, screen: Screen) {
        match screen {
            Screen::Summary => self.visit.summary.start(),
            Screen::Plan => self.visit.plan.start(),
            Screen::Progress => self.visit.progress.start(),
            _ => {}
        }
        self.screen = screen;
    }

    /// Opens the form that begins a follow-up of `of`: the questionnaires, the cursor on the
    /// earlier visit's at its latest version, then the date, today's.
    fn open_follow_up_form(&mut self, of: FollowUpOf) {
        let choices = self.catalog.entries().to_vec();
        let default = self.catalog.latest(&of.questionnaire).and_then(|latest| {
            choices
                .iter()
                .position(|q| std::sync::Arc::ptr_eq(q, &latest))
        });
        self.form = Some(NewForm::follow_up(choices, default, of, self.today));
        self.enter(Screen::New);
    }

    /// Begins the follow-up the form describes, on its questionnaire and date; the form
    /// stays open, saying why, when the date is refused or the visit cannot be begun.
    fn create_follow_up(&mut self) {
        let Some(form) = &self.form else { return };
        let Some(earlier) = form.follow_up.as_ref().map(|of| of.earlier.clone()) else {
            return;
        };
        let Some(q) = form.choices.get(form.cursor).cloned() else {
            self.say(Tone::Error, self.words.no_questionnaires);
            return;
        };
        let Some(date) = new_form::follow_up_date(self) else {
            return;
        };
        match self.revisit(&earlier, Some(q), date) {
            // Not begun: the form stays, with the reason below it.
            None => {}
            Some(true) => self.form = None,
            // Begun but not opened: back home, where it is listed, with the reason.
            Some(false) => {
                let message = self.message.take();
                self.go_back();
                self.reload_home();
                self.message = message;
            }
        }
    }

    /// Begins a follow-up visit of the assessment at `earlier` (as `dmat revisit` does), on
    /// `chosen` or else the earlier visit's questionnaire, dated `date`, and opens its
    /// interview, where each question shows last visit's answer. None when it could not be
    /// begun, else whether it opened.
    fn revisit(
        &mut self,
        earlier: &Path,
        chosen: Option<Arc<LoadedQuestionnaire>>,
        date: toml::value::Datetime,
    ) -> Option<bool> {
        let begun = crate::store::begin_follow_up(
            &self.workspace,
            &self.catalog,
            earlier,
            chosen,
            None,
            date,
        );
        let begun = match begun {
            Ok(b) => b,
            Err(crate::store::BeginError::Store(e)) => {
                self.say_open_failed(e);
                return None;
            }
            Err(_) => {
                let w = crate::i18n::FollowUpWords::of(self.lang);
                let name = crate::plain_text::shown_path(earlier);
                self.say(Tone::Error, w.name_not_text(&name));
                return None;
            }
        };
        let opened = self.open(&begun.path);
        if opened {
            let text = self.words.revisit_started(&file_name(&begun.path));
            self.say(Tone::Info, text);
        }
        Some(opened)
    }

    /// Opens a follow-up visit still in progress, saying so.
    fn resume_follow_up(&mut self, path: &Path) {
        if self.open(path) {
            let text = self.words.revisit_resumed(&file_name(path));
            self.say(Tone::Info, text);
        }
    }

    /// Opens a firm's assessment from the comparison on its summary, unless another dmat
    /// has it open.
    fn open_summary(&mut self, path: &Path) {
        if self.open(path) {
            self.screen = Screen::Summary;
        }
    }

    /// Opens an assessment for the interview; whether it opened.
    fn open(&mut self, path: &Path) -> bool {
        match Session::open(path, &self.catalog) {
            Ok(session) => {
                self.enter_interview(session);
                true
            }
            Err(e) => {
                self.say_open_failed(e);
                false
            }
        }
    }

    /// Says why an assessment could not be opened: in the user's language when another dmat
    /// has it open, naming the file by its name.
    pub(crate) fn say_open_failed(&mut self, e: crate::store::StoreError) {
        let text = match &e {
            crate::store::StoreError::Locked { path, .. } => {
                let name = path.file_name().unwrap_or(path.as_os_str());
                self.words
                    .open_elsewhere(&crate::plain_text::inert(&name.to_string_lossy()))
            }
            _ => crate::plain_text::inert(&e.to_string()),
        };
        self.say(Tone::Error, text);
    }

    pub(crate) fn enter_interview(&mut self, session: Session) {
        let page = session.resume_page();
        if !session.warnings.is_empty() {
            let text = self.words.opened_with_warnings(session.warnings.len());
            self.say(Tone::Warn, text);
        }
        let interview = InterviewState {
            page,
            option: session.chosen_option(page).unwrap_or(0),
            ..InterviewState::default()
        };
        // A completed assessment opens on its summary: a stray key must not change it.
        self.enter(if session.is_complete() {
            Screen::Summary
        } else {
            Screen::Interview
        });
        let mut session = session;
        session.look_for_sheet(&self.workspace);
        self.visit = OpenVisit {
            session: Some(session),
            interview,
            ..OpenVisit::default()
        };
    }

    fn create(&mut self) {
        let Some(form) = &self.form else { return };
        if form.follow_up.is_some() {
            return self.create_follow_up();
        }
        let name = form.name.lines().join(" ").trim().to_string();
        if name.is_empty() {
            self.say(Tone::Warn, self.words.name_empty);
            return;
        }
        let Some(q) = form.choices.get(form.cursor).cloned() else {
            self.say(Tone::Error, self.words.no_questionnaires);
            return;
        };
        let Some(details) = new_form::details(self) else {
            return;
        };
        if self.form.as_ref().is_some_and(|f| !f.anyway)
            && let Some(path) =
                crate::store::open_visit(&self.workspace, &name, &q.questionnaire.id, details.date)
        {
            if let Some(form) = &mut self.form {
                form.existing = Some(path);
            }
            return;
        }
        match Session::start(&self.workspace, q, &name, details.date) {
            Ok(mut session) => {
                self.form = None;
                self.record(&mut session, details);
                self.enter_interview(session);
            }
            Err(e) => self.say(Tone::Error, crate::plain_text::inert(&e.to_string())),
        }
    }

    /// Records the code and the assessor in the interview just started and saves it; the
    /// assessor is remembered for the workspace's next interview.
    fn record(&mut self, session: &mut Session, details: new_form::Details) {
        session.assessment.firm.id = details.code;
        session.assessment.visit.assessor = crate::model::decisions::kept_text(&details.assessor);
        if let Err(e) = session.save() {
            self.say(Tone::Error, self.words.save_failed(&e.to_string()));
        }
        if !details.assessor.is_empty()
            && let Err(e) = crate::store::remember_assessor(&self.workspace, &details.assessor)
        {
            self.say(Tone::Warn, crate::plain_text::inert(&e.to_string()));
        }
    }

    fn write_sheet(&mut self) {
        self.flush();
        let Some(s) = &mut self.visit.session else {
            return;
        };
        let opened = s.opened();
        let format = crate::report::Format::Html;
        let written = crate::report::workspace_sheet(
            &self.workspace,
            &opened,
            &self.catalog,
            self.lang,
            format,
        )
        .map_err(|e| e.to_string())
        .and_then(|sheet| {
            let path = crate::store::write_report(&self.workspace, &sheet.name, &sheet.text)
                .map_err(|e| e.to_string())?;
            Ok(crate::report::Written {
                path,
                warning: sheet.warning,
            })
        });
        s.look_for_sheet(&self.workspace);
        match written {
            Ok(written) => {
                let text = self
                    .words
                    .sheet_written(&written.path.display().to_string());
                match written.warning {
                    Some(warning) => self.say(Tone::Warn, format!("{text} · {warning}")),
                    None => self.say(Tone::Info, text),
                }
            }
            Err(e) => {
                let text = self
                    .words
                    .sheet_failed(&crate::plain_text::inert(&e.to_string()));
                self.say(Tone::Error, text);
            }
        }
    }

    /// A district's demo folder (quick scans, full visits, follow-ups) when both bundled
    /// questionnaires are at hand, else visits of the default questionnaire alone.
    fn demo(&mut self) {
        let full = match self.catalog.resolve(DEFAULT_QUESTIONNAIRE) {
            Ok(q) => q,
            Err(_) => {
                let text = self.words.demo_needs(DEFAULT_QUESTIONNAIRE);
                return self.say(Tone::Error, text);
            }
        };
        let files = match self.catalog.resolve("quick-scan") {
            Ok(scan) => crate::demo::folder((&*scan).into(), (&*full).into(), DEMO_FIRMS, 1),
            Err(_) => crate::demo::cohort(&full.questionnaire, &full.digest, DEMO_FIRMS, 1),
        };
        let dir = self.workspace.assessments_dir();
        match crate::store::write_cohort(&dir, &files) {
            Ok(()) => {
                let text = self
                    .words
                    .demo_written(DEMO_FIRMS, &dir.display().to_string());
                self.reload_home();
                self.say(Tone::Info, text);
            }
            Err(e) => self.say(Tone::Error, crate::plain_text::inert(&e.to_string())),
        }
    }

    /// Removes the demo files from the workspace's assessments, and nothing else.
    fn remove_demo(&mut self) {
        match crate::store::remove_demo(&self.workspace.assessments_dir()) {
            Ok(removed) => {
                self.reload_home();
                let text = self.words.demo_removed(removed.len());
                self.say(Tone::Info, text);
            }
            Err(e) => self.say(Tone::Error, crate::plain_text::inert(&e.to_string())),
        }
    }

    fn leave(&mut self) -> Flow {
        self.flush();
        if self.dirty {
            // The last save failed: stay, so nothing typed is lost; Ctrl-C still quits.
            return Flow::Continue;
        }
        let left = std::mem::take(&mut self.visit);
        let Some(to) = self.back.pop() else {
            return Flow::Quit;
        };
        self.screen = to;
        match to {
            Screen::Compare => {
                if let Some(c) = &mut self.compare
                    && left.saved
                    && let Some(s) = left.session
                {
                    c.visit_changed(&s.path, s.assessment);
                }
            }
            Screen::Home => self.reload_home(),
            _ => {}
        }
        Flow::Continue
    }

    /// Reads the workspace's assessments again for the home screen, in the background: the
    /// rows come as they are read ([`App::take_loaded`]), keys work meanwhile.
    pub fn reload_home(&mut self) {
        let loading = home::start_loading(&self.workspace, &self.catalog, self.lang);
        if let Some(h) = &mut self.home {
            h.loading = Some(loading);
        }
    }

    /// The keys of a screen, in sections, as its help lists them.
    pub fn help_of(&self, screen: Screen) -> Vec<Section> {
        use super::bindings;
        let w = self.words;
        match screen {
            Screen::Home => match &self.home {
                Some(h) => keys::with_ctrl_c(bindings::help(home::HOME, w, h), w),
                None => keys::with_ctrl_c(Vec::new(), w),
            },
            Screen::New => match &self.form {
                Some(f) => keys::with_ctrl_c(bindings::help(new_form::NEW, w, f), w),
                None => keys::with_ctrl_c(Vec::new(), w),
            },
            Screen::Interview | Screen::Help => {
                let x = match &self.visit.session {
                    Some(s) => interview::context(s, self.visit.interview.page),
                    None => interview::InterviewContext {
                        kind: interview::PageKind::Skipped,
                        na: false,
                        note: false,
                        last: false,
                    },
                };
                let mut secs = bindings::help(interview::INTERVIEW, w, &x);
                secs.insert(2.min(secs.len()), keys::editing_section(w));
                secs
            }
            Screen::Summary => {
                let mut secs = bindings::help(summary::SUMMARY, w, &summary::context(self));
                secs.insert(1.min(secs.len()), keys::editing_section(w));
                keys::with_ctrl_c(secs, w)
            }
            Screen::Compare => match &self.compare {
                Some(c) => bindings::help(compare::COMPARE, w, &c.context(compare::to_home(self))),
                None => keys::with_ctrl_c(Vec::new(), w),
            },
            Screen::Plan => {
                let mut secs = bindings::help(plan::PLAN, w, &plan::context(self));
                secs.insert(1.min(secs.len()), keys::editing_section(w));
                keys::with_ctrl_c(secs, w)
            }
            Screen::Progress => {
                let mut secs = bindings::help(progress::PROGRESS, w, &progress::context(self));
                secs.insert(1.min(secs.len()), keys::editing_section(w));
                keys::with_ctrl_c(secs, w)
            }
        }
    }

    /// Takes what the background reading of the workspace has read; whether the home screen
    /// changed.
    pub fn take_loaded(&mut self) -> bool {
        self.home.as_mut().is_some_and(home::take_loaded)
    }

    /// Waits until the workspace is read whole, taking every row in.
    pub fn wait_loaded(&mut self) {
        while self.loading() {
            if !self.take_loaded() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }

    /// Whether the workspace is still being read.
    pub fn loading(&self) -> bool {
        self.home.as_ref().is_some_and(|h| h.loading.is_some())
    }

    /// Draws the screen in front, or asks for a larger terminal.
    pub fn draw(&self, frame: &mut Frame) {
        if too_small(frame.area()) {
            super::draw::too_small(self, frame);
            return;
        }
        match self.screen {
            Screen::Home => home::render(self, frame),
            Screen::New => new_form::render(self, frame),
            Screen::Interview => interview::render(self, frame),
            Screen::Summary => summary::render(self, frame),
            Screen::Compare => compare::render(self, frame),
            Screen::Help => help::render(self, frame),
            Screen::Plan => plan::render(self, frame),
            Screen::Progress => progress::render(self, frame),
        }
    }
}

/// A file's name, as the footer shows it.
fn file_name(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    crate::plain_text::inert(&name)
}

/// Whether an area is too small for any screen.
fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws, reads an event, carries out its action; until the app quits, input ends, or
/// `stop` is raised (a signal). A draft typed is saved once no further input waits.
pub fn run(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    app.size = terminal.size().ok().map(|s| (s.width, s.height));
    let result = run_loop(terminal, app, stop);
    app.flush();
    result
}

fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    loop {
        // Whatever was typed is on disk before the screen shows it and before the next key is
        // waited for: a kill, a closed terminal or a crash from here on loses nothing. While
        // more input waits (a paste arriving as keys), it is handled first and saved once.
        if !input_waiting()? {
            app.flush();
        }
        app.take_loaded();
        terminal.draw(|f| app.draw(f))?;
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // While the workspace is read, the screen shows the rows as they come.
        let wait = if app.loading() { 50 } else { 200 };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // A key in the middle of a run of input that was already waiting (not its first, not
        // its last) is part of a paste: see `App::burst`.
        let mut first = true;
        loop {
            let event = event::read()?;
            let more = input_waiting()?;
            app.burst = more && !first;
            first = false;
            let action = app.handle(event);
            app.burst = false;
            if app.perform(action) == Flow::Quit {
                return Ok(());
            }
            if stop.load(Ordering::Relaxed) || !more {
                break;
            }
        }
    }
}

/// Whether more input is already there. crossterm's reader with a zero timeout does not look
/// at what it has read but not handed out yet, so this waits a millisecond.
fn input_waiting() -> io::Result<bool> {
    event::poll(Duration::from_millis(1))
}
