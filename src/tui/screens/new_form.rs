//! The new-interview form: choose a questionnaire, type the firm's name, start.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::fill;
use crate::plain_text::{inert, truncate};
use crate::tui::app::{Action, App, NewForm};
use crate::tui::bindings;
use crate::tui::bindings::{Binding, commands, lookup, none};
use crate::tui::draw::{centered, chrome, footer, rule};

commands! {
    /// What the keys of the new-interview form do.
    NewCommand {
        Up,
        Down,
        Next,
        Start,
        Back,
        Help,
        Resume,
        Anyway,
        Dismiss,
    }
}

fn choosing(f: &NewForm) -> bool {
    f.existing.is_none() && !f.naming
}

fn naming(f: &NewForm) -> bool {
    f.existing.is_none() && f.naming
}

fn offered(f: &NewForm) -> bool {
    f.existing.is_some()
}

/// The new-interview form's keys: choosing a questionnaire, typing the firm's name (where
/// every other key types), and the offer to resume an interview in progress.
pub static NEW: &[Binding<NewCommand, NewForm>] = {
    use KeyCode::*;
    use NewCommand as N;
    &[
        Binding {
            keys: &[
                (Up, N::Up),
                (Char('k'), N::Up),
                (Down, N::Down),
                (Char('j'), N::Down),
            ],
            footer: "↑↓",
            listed: "↑ ↓  k j",
            short: |w| w.k_move,
            help: |w| w.h_new_move,
            section: |w| w.new_interview,
            when: choosing,
        },
        Binding {
            keys: &[(Enter, N::Next)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_step,
            help: |w| w.h_new_enter,
            section: |w| w.new_interview,
            when: choosing,
        },
        Binding {
            keys: &[(Enter, N::Start)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_start,
            help: |w| w.h_new_enter,
            section: |w| w.new_interview,
            when: naming,
        },
        Binding {
            keys: &[(Esc, N::Back), (Char('q'), N::Back)],
            footer: "Esc",
            listed: "Esc  q",
            short: |w| w.k_back,
            help: |w| w.h_new_back,
            section: |w| w.new_interview,
            when: choosing,
        },
        Binding {
            keys: &[(Esc, N::Back)],
            footer: "Esc",
            listed: "Esc",
            short: |w| w.k_back,
            help: |w| w.h_new_back,
            section: |w| w.new_interview,
            when: naming,
        },
        Binding {
            keys: &[(Char('?'), N::Help)],
            footer: "",
            listed: "?",
            short: none,
            help: |w| w.h_help,
            section: |w| w.sec_everywhere,
            when: choosing,
        },
        Binding {
            keys: &[(Enter, N::Resume)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_open,
            help: |w| w.resume_it,
            section: |w| w.new_interview,
            when: offered,
        },
        Binding {
            keys: &[(Char('n'), N::Anyway)],
            footer: "n",
            listed: "n",
            short: |w| w.k_new,
            help: |w| w.start_anyway,
            section: |w| w.new_interview,
            when: offered,
        },
        Binding {
            keys: &[(Esc, N::Dismiss)],
            footer: "Esc",
            listed: "Esc",
            short: |w| w.k_back,
            help: |w| w.h_new_back,
            section: |w| w.new_interview,
            when: offered,
        },
    ]
};

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let Some(form) = &mut app.form else {
        return Action::None;
    };
    match lookup(NEW, &key, form) {
        Some(command) => run(app, command),
        None => {
            // While the name is typed, every other key types.
            if naming(form) {
                form.name.input(key);
            }
            Action::None
        }
    }
}

/// Carries out a command of the form.
fn run(app: &mut App, command: NewCommand) -> Action {
    use NewCommand as N;
    let Some(form) = &mut app.form else {
        return Action::None;
    };
    let n = form.choices.len();
    match command {
        N::Up => form.cursor = form.cursor.saturating_sub(1),
        N::Down => form.cursor = (form.cursor + 1).min(n.saturating_sub(1)),
        N::Next if n > 0 => form.naming = true,
        N::Next => {}
        N::Start => return Action::Create,
        N::Back if form.naming && !form.fixed => form.naming = false,
        // To the home screen, or out of dmat when started with `dmat new`.
        N::Back => return Action::Back,
        N::Help => app.open_help(),
        N::Resume => {
            let path = form.existing.take();
            app.form = None;
            if let Some(path) = path {
                return Action::Open(path);
            }
        }
        N::Anyway => {
            form.existing = None;
            form.anyway = true;
            return Action::Create;
        }
        N::Dismiss => form.existing = None,
    }
    Action::None
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(form) = &mut app.form
        && form.naming
    {
        form.name.insert_str(text.replace('\n', " "));
    }
    Action::None
}

pub fn render(app: &App, frame: &mut Frame) {
    let Some(form) = &app.form else { return };
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let c = chrome(frame.area());
    frame.render_widget(
        Line::from(Span::styled(
            format!(" dmat · {}", w.new_interview),
            t.title(),
        )),
        c.header,
    );
    rule(app, frame, c.header);
    let area = centered(
        c.body,
        c.body.width.saturating_sub(4).min(76),
        c.body.height,
    );
    let inner_w = area.width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if form.choices.is_empty() {
        lines.push(Line::from(Span::styled(w.no_questionnaires, t.bad())));
    }
    if !form.naming {
        lines.push(Line::from(Span::styled(w.choose_questionnaire, t.strong())));
        lines.push(Line::default());
        for (i, lq) in form.choices.iter().enumerate() {
            let q = &lq.questionnaire;
            let title = inert(q.text(&q.title, l));
            let about = format!(
                "{} {} · {}",
                q.id,
                q.version,
                fill(
                    w.questions_count,
                    &[&q.dimension.len(), &q.question_count()]
                )
            );
            let mut line = Line::from(vec![
                Span::styled(if i == form.cursor { " ▸ " } else { "   " }, t.title()),
                Span::styled(truncate(&title, inner_w / 2), t.text()),
                Span::raw("  "),
                Span::styled(truncate(&about, inner_w / 2), t.muted()),
            ]);
            if i == form.cursor {
                line = line.style(t.cursor());
            }
            lines.push(line);
        }
        frame.render_widget(Paragraph::new(lines), area);
    } else {
        if let Some(lq) = form.choices.get(form.cursor) {
            let q = &lq.questionnaire;
            lines.push(Line::from(vec![
                Span::styled(format!("{}  ", inert(q.text(&q.title, l))), t.strong()),
                Span::styled(format!("{} {}", q.id, q.version), t.muted()),
            ]));
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(w.firm_name, t.text())));
        let [top, input, rest] = Layout::vertical([
            Constraint::Length(lines.len() as u16),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(lines), top);
        if let Some(path) = &form.existing {
            render_offer(app, frame, input.union(rest), path);
            footer(app, frame, c.footer, &bindings::footer(NEW, w, form));
            return;
        }
        let block = Block::bordered().border_style(t.border_focus());
        let inner = block.inner(input);
        frame.render_widget(block, input);
        frame.render_widget(&form.name, inner);
        crate::tui::app::place_cursor(frame, &form.name, inner);
    }
    let keys = bindings::footer(NEW, w, form);
    footer(app, frame, c.footer, &keys);
}

/// The offer to resume an interview of the firm begun today, under the name typed.
fn render_offer(app: &App, frame: &mut Frame, area: ratatui::layout::Rect, path: &std::path::Path) {
    let t = &app.theme;
    let w = app.words;
    let name = path
        .file_name()
        .map(|n| inert(&n.to_string_lossy()))
        .unwrap_or_default();
    let width = area.width as usize;
    let mut lines = crate::tui::draw::wrapped(&fill(w.resume_offer, &[&name]), width, t.warn(), "");
    lines.push(Line::default());
    for (key, what) in [
        ("Enter", w.resume_it),
        ("n", w.start_anyway),
        ("Esc", w.k_back),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key:<6}"), t.key()),
            Span::styled(what.to_string(), t.text()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
