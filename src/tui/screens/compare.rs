//! A simple side-by-side of the marked firms: overall score, stage and each dimension's
//! score, one column per firm.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::plain_text::{pad, pad_left, width};
use crate::tui::app::{Action, App, Screen};
use crate::tui::draw::{chrome, footer, rule, score_text};
use crate::tui::keys;

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let n = app.compare.rows.len();
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => app.screen = Screen::Home,
        KeyCode::Left | KeyCode::Char('h') => {
            app.compare.offset = app.compare.offset.saturating_sub(1);
        }
        KeyCode::Right | KeyCode::Char('l') => {
            app.compare.offset = (app.compare.offset + 1).min(n.saturating_sub(1));
        }
        KeyCode::Char('?') => app.open_help(),
        _ => {}
    }
    Action::None
}

/// Dimension titles of all compared firms, in the order they first appear.
fn dimension_titles(app: &App) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &app.compare.rows {
        for (title, _) in &r.dimensions {
            if !out.contains(title) {
                out.push(title.clone());
            }
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame) {
    let t = &app.theme;
    let w = app.words;
    let c = chrome(frame.area());
    let rows = &app.compare.rows;
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" dmat · {}", w.compare), t.title()),
            Span::styled(format!(" · {}", rows.len()), t.muted()),
        ]),
        c.header,
    );
    rule(app, frame, c.header);
    let dims = dimension_titles(app);
    let label_w = dims
        .iter()
        .map(|d| width(d))
        .chain([width(w.overall), width(w.stage), width(w.col_date)])
        .max()
        .unwrap_or(8)
        .clamp(8, 22);
    let room = (c.body.width as usize).saturating_sub(label_w + 2);
    let col_w = (room / rows.len().max(1)).clamp(14, 26);
    let fit = (room / col_w).max(1);
    let shown: Vec<_> = rows.iter().skip(app.compare.offset).take(fit).collect();
    let line = |label: &str, style, cells: Vec<(String, ratatui::style::Style)>| {
        let mut spans = vec![Span::styled(format!(" {}", pad(label, label_w)), style)];
        for (text, st) in cells {
            spans.push(Span::styled(pad_left(&text, col_w), st));
        }
        Line::from(spans)
    };
    let mut lines = vec![
        line(
            "",
            t.text(),
            shown
                .iter()
                .map(|r| {
                    let name = crate::plain_text::truncate(&r.firm, col_w - 2);
                    (name, t.title())
                })
                .collect(),
        ),
        line(
            w.col_date,
            t.muted(),
            shown.iter().map(|r| (r.date.clone(), t.muted())).collect(),
        ),
        line(
            w.overall,
            t.strong(),
            shown
                .iter()
                .map(|r| (score_text(r.overall), t.strong()))
                .collect(),
        ),
        line(
            w.stage,
            t.text(),
            shown
                .iter()
                .map(|r| {
                    let s = r.stage.clone().unwrap_or_else(|| "—".into());
                    (crate::plain_text::truncate(&s, col_w - 2), t.text())
                })
                .collect(),
        ),
        Line::default(),
    ];
    for d in &dims {
        lines.push(line(
            d,
            t.text(),
            shown
                .iter()
                .map(|r| {
                    let score = r
                        .dimensions
                        .iter()
                        .find(|(title, _)| title == d)
                        .and_then(|(_, s)| *s);
                    (score_text(score), t.text())
                })
                .collect(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), c.body);
    footer(app, frame, c.footer, &keys::compare(w));
}
