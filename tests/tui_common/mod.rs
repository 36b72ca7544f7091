//! Shared set-up of the terminal UI tests: a workspace in a temporary folder, the feature
//! questionnaire of the fixtures, an app driven by key events, and drawing into a
//! `TestBackend`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dmat::i18n::Lang;
use dmat::model::Assessment;
use dmat::store::{Catalog, LoadedQuestionnaire, Workspace};
use dmat::tui::{App, Flow, Session, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellWidth;

pub const FEATURES: &str = "tests/fixtures/questionnaires/features.toml";
pub const FIRM: &str = "淄博华泰风机有限公司";
pub const COHORT: &str = "tests/fixtures/cohort";

pub fn features() -> Arc<LoadedQuestionnaire> {
    Arc::new(LoadedQuestionnaire::load(Path::new(FEATURES)).unwrap())
}

/// A temporary workspace whose catalogue holds only the feature questionnaire, so that
/// nothing depends on the bundled questionnaires.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

impl Fixture {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        Self { dir, ws }
    }

    pub fn catalog(&self) -> Catalog {
        let mut c = Catalog::default();
        c.add_first(LoadedQuestionnaire::load(Path::new(FEATURES)).unwrap());
        c
    }

    /// A new interview of [`FIRM`], dated 2026-11-27.
    pub fn interview(&self, lang: Lang) -> App {
        let session = Session::start(&self.ws, features(), FIRM, date()).unwrap();
        App::interview(
            session,
            self.ws.clone(),
            self.catalog(),
            lang,
            Theme::plain(),
        )
    }

    /// The interview of an assessment file written beforehand.
    pub fn open(&self, path: &Path, lang: Lang) -> App {
        let session = Session::open(path, &self.catalog()).unwrap();
        App::interview(
            session,
            self.ws.clone(),
            self.catalog(),
            lang,
            Theme::plain(),
        )
    }

    pub fn home(&self, lang: Lang) -> App {
        let mut app = App::home(self.ws.clone(), self.catalog(), lang, Theme::plain());
        app.wait_loaded();
        app.today = date();
        app
    }

    /// Copies the fixture cohort (`tests/fixtures/cohort`: five firms, one visited twice) into
    /// the workspace's assessments folder.
    pub fn cohort(&self) {
        let dir = self.ws.assessments_dir();
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(COHORT).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }

    /// The home screen of the fixture cohort, compared with `c` (nothing marked: every firm).
    pub fn comparison(&self, lang: Lang) -> App {
        self.cohort();
        let mut app = self.home(lang);
        typed(&mut app, "c");
        app
    }

    /// Writes an assessment into the workspace's assessments folder.
    pub fn write(&self, name: &str, a: &Assessment) -> PathBuf {
        let dir = self.ws.assessments_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        dmat::store::save_assessment(&path, a).unwrap();
        path
    }
}

pub fn date() -> toml::value::Datetime {
    "2026-11-27".parse().unwrap()
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Presses keys given as a string of characters, one event each.
pub fn typed(app: &mut App, text: &str) -> Flow {
    let mut flow = Flow::Continue;
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        flow = app.feed(key(code));
    }
    flow
}

pub fn press(app: &mut App, code: KeyCode) -> Flow {
    app.feed(key(code))
}

/// The assessment as saved in its file.
pub fn saved(app: &App) -> Assessment {
    let path = &app.visit.session.as_ref().unwrap().path;
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The screen drawn into a `width`×`height` test terminal, one line per row, as a person
/// sees it. Panics if anything was drawn into the second cell of a wide character, which
/// would mean two things overlap.
pub fn draw(app: &App, width: u16, height: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| app.draw(f)).unwrap();
    screen(t.backend().buffer())
}

pub fn screen(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for (y, cells) in buffer
        .content
        .chunks(buffer.area.width as usize)
        .enumerate()
    {
        let mut line = String::new();
        let mut skip: u16 = 0;
        for (x, c) in cells.iter().enumerate() {
            if skip == 0 {
                line.push_str(c.symbol());
            } else {
                assert!(
                    c.symbol().trim().is_empty(),
                    "row {y}, column {x}: `{}` overlaps a wide character",
                    c.symbol()
                );
            }
            skip = skip.max(c.cell_width()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Settings of snapshots that redact temporary paths: a whole one (`/tmp/.tmpAbC123`), and
/// the workspace's path cut to fit the home screen's header (`/tmp/.t…`), read `[workspace]`,
/// so that a snapshot does not change with the name the system gives a temporary folder.
pub fn redacted() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"/[^\s]*/\.tmp[A-Za-z0-9]+", "[workspace]");
    settings.add_filter(r"((?:工作区|Workspace)  )/\S*…", "${1}[workspace]…");
    settings.set_prepend_module_to_snapshot(false);
    settings
}
