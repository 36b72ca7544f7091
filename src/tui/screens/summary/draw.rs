//! Drawing the summary: the document scrolled to where the keys left it, a scroll bar when
//! it is longer than the screen, the closing-remarks editor at the bottom while it is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::doc::document;
use crate::tui::app::App;
use crate::tui::draw::{chrome, editor_box, footer, session_header};
use crate::tui::keys;

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.visit.session else { return };
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, Some(app.words.summary));
    let editor_h = if app.visit.summary.editor.is_some() {
        6
    } else {
        0
    };
    let [body, editor] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(editor_h)]).areas(c.body);
    let [page, bar] = Layout::horizontal([Constraint::Min(1), Constraint::Length(1)]).areas(body);
    let page = Rect {
        x: page.x + 1,
        width: page.width.saturating_sub(2),
        ..page
    };
    app.visit.summary.view.set((page.width, page.height));
    let mut doc = document(app, s, page.width as usize);
    let height = page.height as usize;
    let max_top = doc.lines.len().saturating_sub(height);
    let top = app.visit.summary.top.min(max_top);
    if let Some(item) = doc.items.get(app.visit.summary.cursor)
        && item.start >= top
        && item.end <= top + height
    {
        for line in &mut doc.lines[item.clone()] {
            *line = std::mem::take(line).style(app.theme.cursor());
        }
    }
    let shown: Vec<_> = doc.lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(shown), page);
    if max_top > 0 {
        let mut state = ScrollbarState::new(max_top + 1)
            .viewport_content_length(height)
            .position(top);
        let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼"))
            .thumb_style(app.theme.title())
            .track_style(app.theme.border());
        frame.render_stateful_widget(scrollbar, bar, &mut state);
    }
    if let Some(ed) = &app.visit.summary.editor {
        editor_box(app, frame, editor, app.words.editing_summary, &ed.area);
    }
    let keys = if app.visit.summary.editor.is_some() {
        keys::editing(app.words)
    } else {
        crate::tui::bindings::footer(super::SUMMARY, app.words, &super::context(app))
    };
    footer(app, frame, c.footer, &keys);
}
