//! Drawing the interview screen at 200×60 into a `TestBackend`: one frame is what every key
//! costs on screen; the target is well under a millisecond.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dmat::i18n::Lang;
use dmat::store::{Catalog, LoadedQuestionnaire, Workspace};
use dmat::tui::{App, Session, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw_interview(c: &mut Criterion) {
    let path = Path::new("tests/fixtures/questionnaires/features.toml");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::new(dir.path());
    let q = Arc::new(LoadedQuestionnaire::load(path).expect("the fixture loads"));
    let date = "2026-11-27".parse().expect("a date");
    let session = Session::start(&ws, q, "淄博华泰风机有限公司", date).expect("a new interview");
    let mut catalog = Catalog::default();
    catalog.add_first(LoadedQuestionnaire::load(path).expect("the fixture loads"));
    let mut app = App::interview(session, ws, catalog, Lang::Zh, Theme::colored());
    // Under way: the profile filled in, the first questions answered, a note written.
    for key in "140\n\n离心风机\n2003-05-18\n245\n23e车间有三台数控车床\n".chars() {
        let code = if key == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(key)
        };
        app.feed(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    c.bench_function("draw interview 200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| black_box(&app).draw(f))
                .expect("drawing into a TestBackend cannot fail");
        })
    });
}

criterion_group!(benches, draw_interview);
criterion_main!(benches);
