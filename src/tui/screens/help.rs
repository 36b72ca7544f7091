//! The help screen: every key of the screen it was opened from, with what it does.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::plain_text::{pad, width};
use crate::tui::app::{Action, App};
use crate::tui::bindings;
use crate::tui::bindings::{Binding, always, commands, lookup};
use crate::tui::draw::{chrome, footer, rule};
use crate::tui::keys::KeyHelp;
use crate::tui::wrap::wrap;

/// The widest a line of help text gets, in cells.
pub const HELP_TEXT_WIDTH: usize = 72;

commands! {
    /// What the keys of the help screen do.
    HelpCommand {
        Up,
        Down,
        Back,
    }
}

/// The help screen's keys: dispatch and footer.
pub static HELP: &[Binding<HelpCommand, ()>] = {
    use HelpCommand as H;
    use KeyCode::*;
    &[
        Binding {
            keys: &[
                (Up, H::Up),
                (Char('k'), H::Up),
                (Down, H::Down),
                (Char('j'), H::Down),
            ],
            footer: "↑↓",
            listed: "↑ ↓  k j",
            short: |w| w.k_scroll_v,
            help: |w| w.h_help_scroll,
            section: |w| w.help,
            when: always,
        },
        Binding {
            keys: &[(Esc, H::Back), (Char('?'), H::Back), (Char('q'), H::Back)],
            footer: "Esc ?",
            listed: "Esc  ?  q",
            short: |w| w.k_back,
            help: |w| w.h_help_back,
            section: |w| w.help,
            when: always,
        },
    ]
};

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    match lookup(HELP, &key, &()) {
        Some(HelpCommand::Back) => return Action::Back,
        Some(HelpCommand::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
        Some(HelpCommand::Down) => app.help_scroll = app.help_scroll.saturating_add(1),
        None => {}
    }
    Action::None
}

pub fn render(app: &App, frame: &mut Frame) {
    let t = &app.theme;
    let w = app.words;
    let c = chrome(frame.area());
    frame.render_widget(
        Line::from(vec![
            Span::styled(format!(" dmat · {}", w.help), t.title()),
            Span::styled(format!(" · {}", w.help_back), t.muted()),
        ]),
        c.header,
    );
    rule(app, frame, c.header);
    let secs = app.help_of(app.under());
    let key_w = secs
        .iter()
        .flat_map(|s| s.keys.iter().map(|k| width(k.keys)))
        .max()
        .unwrap_or(8)
        + 2;
    // Lines of help are kept to a width that reads at a glance, however wide the terminal.
    let text_w = (c.body.width as usize)
        .saturating_sub(key_w + 4)
        .clamp(10, HELP_TEXT_WIDTH);
    let mut lines: Vec<Line> = Vec::new();
    for (i, s) in secs.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(format!(" {}", s.title), t.title())));
        for KeyHelp { keys, long, .. } in &s.keys {
            for (k, part) in wrap(long, text_w).into_iter().enumerate() {
                let key = if k == 0 { *keys } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("   {}", pad(key, key_w)), t.key()),
                    Span::raw(part),
                ]));
            }
        }
    }
    let max_scroll = (lines.len() as u16).saturating_sub(c.body.height);
    let scroll = app.help_scroll.min(max_scroll);
    let scrolled =
        crate::tui::draw::Scrolled::of(scroll as usize, c.body.height as usize, lines.len());
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), c.body);
    crate::tui::draw::scroll_marks(frame, t.muted(), c.body.right() - 1, c.body, scrolled);
    footer(app, frame, c.footer, &bindings::footer(HELP, w, &()));
}
