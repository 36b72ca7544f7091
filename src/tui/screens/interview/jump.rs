//! The jump list: every page of the interview, filtered as the expert types.

use super::Jump;
use crate::tui::app::{Action, App, Tone, text_area};
use crate::tui::session::{Page, Session};
use crossterm::event::KeyEvent;

use super::*;

pub(super) fn open_jump(app: &mut App) {
    app.visit.interview.jump = Some(Jump {
        filter: text_area(""),
        cursor: app.visit.interview.page,
    });
}

/// The pages the jump list shows for its filter: every term must appear in the page's
/// number, id, text or dimension.
pub fn jump_entries(app: &App) -> Vec<usize> {
    let (Some(s), Some(j)) = (&app.visit.session, &app.visit.interview.jump) else {
        return Vec::new();
    };
    let query = j.filter.lines().join(" ").to_lowercase();
    let terms: Vec<&str> = query.split_whitespace().collect();
    (0..s.page_count())
        .filter(|&i| {
            if terms.is_empty() {
                return true;
            }
            let hay = jump_label(app, s, i).to_lowercase();
            let id = match s.page(i) {
                Page::Profile(f) => s.field(f).id.clone(),
                Page::Question(p) => s.question(p).id.clone(),
            };
            terms.iter().all(|t| hay.contains(t) || id.contains(t))
        })
        .collect()
}

pub(super) fn jump_label(app: &App, s: &Session, page: usize) -> String {
    let l = app.lang.code();
    let q = s.q();
    match s.page(page) {
        Page::Profile(f) => format!("{} · {}", app.words.profile, q.text(&s.field(f).label, l)),
        Page::Question(p) => {
            let r = q.question_at(p);
            format!(
                "{} {} · {}",
                p + 1,
                q.text(&q.dimension[r.dimension].title, l),
                q.text(&r.question.text, l)
            )
        }
    }
}

pub(super) fn jump_key(app: &mut App, key: KeyEvent) -> Action {
    let entries = jump_entries(app);
    let Some(j) = &mut app.visit.interview.jump else {
        return Action::None;
    };
    let last = entries.len().saturating_sub(1);
    match lookup(JUMP, &key, &()) {
        Some(JumpCommand::Close) => app.visit.interview.jump = None,
        Some(JumpCommand::Go) => {
            if let Some(&page) = entries.get(j.cursor) {
                go_to(app, page);
            } else {
                app.say(Tone::Warn, app.words.no_match);
            }
        }
        Some(JumpCommand::Up) => j.cursor = j.cursor.saturating_sub(1),
        Some(JumpCommand::Down) => j.cursor = (j.cursor + 1).min(last),
        Some(JumpCommand::PageUp) => j.cursor = j.cursor.saturating_sub(10),
        Some(JumpCommand::PageDown) => j.cursor = (j.cursor + 10).min(last),
        None => {
            if j.filter.input(key) {
                j.cursor = 0;
            }
        }
    }
    Action::None
}
