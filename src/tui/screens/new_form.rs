//! The new-interview form: choose a questionnaire, type the firm's name, start.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::fill;
use crate::plain_text::{inert, truncate};
use crate::tui::app::{Action, App, Screen};
use crate::tui::draw::{centered, chrome, footer, rule};
use crate::tui::keys;

/// Leaves the form: to the home screen, or out of dmat when started with `dmat new`.
fn back_out(app: &mut App) -> Action {
    app.form = None;
    if app.home.is_some() {
        app.screen = Screen::Home;
        Action::None
    } else {
        Action::Quit
    }
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let Some(form) = &mut app.form else {
        return Action::None;
    };
    if let Some(path) = form.existing.clone() {
        // The offer: resume the interview in progress, or start a new one all the same.
        return match key.code {
            KeyCode::Enter => {
                app.form = None;
                Action::Open(path)
            }
            KeyCode::Char('n') => {
                form.existing = None;
                form.anyway = true;
                Action::Create
            }
            KeyCode::Esc => {
                form.existing = None;
                Action::None
            }
            _ => Action::None,
        };
    }
    if form.naming {
        return match key.code {
            KeyCode::Enter => Action::Create,
            KeyCode::Esc if form.fixed => back_out(app),
            KeyCode::Esc => {
                form.naming = false;
                Action::None
            }
            _ => {
                form.name.input(key);
                Action::None
            }
        };
    }
    let n = form.choices.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => form.cursor = form.cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => {
            form.cursor = (form.cursor + 1).min(n.saturating_sub(1))
        }
        KeyCode::Enter if n > 0 => form.naming = true,
        KeyCode::Esc | KeyCode::Char('q') => return back_out(app),
        KeyCode::Char('?') => app.open_help(),
        _ => {}
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
            footer(app, frame, c.footer, &keys::offer(w));
            return;
        }
        let block = Block::bordered().border_style(t.border_focus());
        let inner = block.inner(input);
        frame.render_widget(block, input);
        frame.render_widget(&form.name, inner);
        crate::tui::app::place_cursor(frame, &form.name, inner);
    }
    let keys = keys::new_form(w, form.naming);
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
