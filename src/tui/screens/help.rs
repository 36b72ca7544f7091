//! The help screen: every key of the screen it was opened from, with what it does.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::plain_text::{pad, width};
use crate::tui::app::{Action, App, Screen};
use crate::tui::bindings;
use crate::tui::bindings::{Binding, always, commands, lookup};
use crate::tui::draw::{chrome, footer, rule};
use crate::tui::keys::{self, KeyHelp, Section};
use crate::tui::screens::{compare, home, interview, new_form, plan, progress, summary};
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
        Some(HelpCommand::Back) => app.screen = app.help_over,
        Some(HelpCommand::Up) => app.help_scroll = app.help_scroll.saturating_sub(1),
        Some(HelpCommand::Down) => app.help_scroll = app.help_scroll.saturating_add(1),
        None => {}
    }
    Action::None
}

/// The sections of keys for a screen.
pub fn sections(app: &App, screen: Screen) -> Vec<Section> {
    let w = app.words;
    match screen {
        Screen::Home => match &app.home {
            Some(h) => keys::with_ctrl_c(bindings::help(home::HOME, w, h), w),
            None => keys::with_ctrl_c(Vec::new(), w),
        },
        Screen::New => match &app.form {
            Some(f) => keys::with_ctrl_c(bindings::help(new_form::NEW, w, f), w),
            None => keys::with_ctrl_c(Vec::new(), w),
        },
        Screen::Interview | Screen::Help => {
            let x = match &app.session {
                Some(s) => interview::context(s, app.interview.page),
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
            let mut secs = bindings::help(summary::SUMMARY, w, &summary::context(app));
            secs.insert(1.min(secs.len()), keys::editing_section(w));
            keys::with_ctrl_c(secs, w)
        }
        Screen::Compare => match &app.compare {
            Some(c) => bindings::help(compare::COMPARE, w, &c.context(app.home.is_some())),
            None => keys::with_ctrl_c(Vec::new(), w),
        },
        Screen::Plan => {
            let mut secs = bindings::help(plan::PLAN, w, &plan::context(app));
            secs.insert(1.min(secs.len()), keys::editing_section(w));
            keys::with_ctrl_c(secs, w)
        }
        Screen::Progress => {
            let mut secs = bindings::help(progress::PROGRESS, w, &progress::context(app));
            secs.insert(1.min(secs.len()), keys::editing_section(w));
            keys::with_ctrl_c(secs, w)
        }
    }
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
    let secs = sections(app, app.help_over);
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
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), c.body);
    footer(app, frame, c.footer, &bindings::footer(HELP, w, &()));
}
