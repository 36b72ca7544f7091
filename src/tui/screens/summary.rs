//! The summary screen: overall score and stage, dimension scores as bars with the stage
//! bands marked, the bottleneck, completeness with the unanswered questions, the
//! recommendations that fire now, the closing summary and the visit's status.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::interview::{go_to, is_live, write_text};
use crate::advise::advise;
use crate::i18n::fill;
use crate::model::{Priority, Status};
use crate::plain_text::{inert, inert_lines, pad, pad_left, truncate, width};
use crate::score::QuestionState;
use crate::tui::app::{Action, App, EditTarget, Editor, Screen, Tone};
use crate::tui::draw::{chrome, footer, score_text, session_header, wrapped};
use crate::tui::keys;
use crate::tui::session::Session;

/// Visible questions without an answer, by position, in file order.
pub fn unanswered(s: &Session) -> Vec<usize> {
    (0..s.q().question_count())
        .filter(|&p| matches!(s.state(p), QuestionState::Unanswered | QuestionState::Unfit))
        .collect()
}

/// Required questions that are visible and unanswered.
fn required_unanswered(s: &Session) -> usize {
    unanswered(s)
        .into_iter()
        .filter(|&p| s.question(p).required)
        .count()
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.summary.editor.is_some() {
        return editor_key(app, key);
    }
    let Some(s) = &app.session else {
        return Action::None;
    };
    let open = unanswered(s);
    let confirm = std::mem::take(&mut app.summary.confirm_complete);
    match key.code {
        KeyCode::Char('q') => return Action::Leave,
        KeyCode::Esc if app.from_compare => return Action::Leave,
        KeyCode::Char('?') => app.open_help(),
        KeyCode::Esc | KeyCode::Char('s') | KeyCode::Left => app.screen = Screen::Interview,
        KeyCode::Up | KeyCode::Char('k') => {
            app.summary.cursor = app.summary.cursor.saturating_sub(1);
        }
        KeyCode::Down | KeyCode::Char('j') => {
            app.summary.cursor = (app.summary.cursor + 1).min(open.len().saturating_sub(1));
        }
        KeyCode::Enter => {
            if let Some(&p) = open.get(app.summary.cursor) {
                let page = s.question_page(p);
                go_to(app, page);
            }
        }
        KeyCode::Char('e') => {
            let text = s.assessment.visit.summary.clone().unwrap_or_default();
            app.summary.editor = Some(Editor::new(EditTarget::Closing, &text));
        }
        KeyCode::Char('c') => return toggle_status(app, confirm),
        KeyCode::Char('w') => return Action::WriteSheet,
        _ => {}
    }
    Action::None
}

fn toggle_status(app: &mut App, confirmed: bool) -> Action {
    let w = app.words;
    let Some(s) = app.session.as_mut() else {
        return Action::None;
    };
    if s.assessment.visit.status == Status::Complete {
        s.assessment.visit.status = Status::InProgress;
        app.say(Tone::Info, w.marked_in_progress);
        return Action::Save;
    }
    let missing = required_unanswered(s);
    if missing > 0 && !confirmed {
        app.summary.confirm_complete = true;
        app.say(Tone::Warn, fill(w.confirm_complete, &[&missing]));
        return Action::None;
    }
    s.assessment.visit.status = Status::Complete;
    app.say(Tone::Info, w.marked_complete);
    Action::Save
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    let Some(ed) = &mut app.summary.editor else {
        return Action::None;
    };
    ed.area.insert_str(text);
    draft(app)
}

fn draft(app: &mut App) -> Action {
    let (Some(s), Some(ed)) = (app.session.as_mut(), &app.summary.editor) else {
        return Action::None;
    };
    if !is_live(s, ed.target) {
        return Action::None;
    }
    write_text(s, ed.target, &ed.text());
    Action::SaveDraft
}

fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    if app.is_line_break(&key) {
        let Some(ed) = &mut app.summary.editor else {
            return Action::None;
        };
        ed.area.insert_newline();
        return draft(app);
    }
    match key.code {
        KeyCode::Enter | KeyCode::Esc => {
            let Some(ed) = app.summary.editor.take() else {
                return Action::None;
            };
            let Some(s) = app.session.as_mut() else {
                return Action::None;
            };
            let text = if key.code == KeyCode::Enter {
                ed.text()
            } else {
                ed.original.clone()
            };
            write_text(s, ed.target, &text);
            Action::Save
        }
        _ => {
            let Some(ed) = &mut app.summary.editor else {
                return Action::None;
            };
            if ed.area.input(key) {
                draft(app)
            } else {
                Action::None
            }
        }
    }
}

// ---------------------------------------------------------------- drawing

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, Some(app.words.summary));
    let body = Rect {
        x: c.body.x + 1,
        width: c.body.width.saturating_sub(2),
        ..c.body
    };
    let dims = s.q().dimension.len() as u16;
    let closing_h = if app.summary.editor.is_some() { 5 } else { 2 };
    let fired = advise(s.q(), &s.assessment, &s.card).len();
    let list_h = (unanswered(s).len().max(fired).max(1) + 1) as u16;
    let [stats, _, bars, _, lists, _, closing, _] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(dims + 2),
        Constraint::Length(1),
        Constraint::Max(list_h),
        Constraint::Length(1),
        Constraint::Length(closing_h),
        Constraint::Fill(1),
    ])
    .areas(body);
    render_stats(app, frame, stats, s);
    render_bars(app, frame, bars, s);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .spacing(2)
            .areas(lists);
    render_unanswered(app, frame, left, s);
    render_recommendations(app, frame, right, s);
    render_closing(app, frame, closing, s);
    let keys = if app.summary.editor.is_some() {
        keys::editing(app.words)
    } else {
        keys::summary(app.words, app.from_compare)
    };
    footer(app, frame, c.footer, &keys);
}

fn render_stats(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let card = &s.card;
    let stage = card
        .stage
        .map(|i| inert(q.text(&q.scale.stage[i].label, l)))
        .unwrap_or_else(|| "—".into());
    let stage_style = card
        .stage
        .map_or(t.muted(), |i| t.stage(i, q.scale.stage.len()));
    let bottleneck = card
        .bottleneck
        .map(|i| inert(q.text(&q.dimension[i].title, l)))
        .unwrap_or_else(|| "—".into());
    let completeness = format!(
        "{:.0}%  ({}/{})",
        card.completeness() * 100.0,
        card.answered,
        card.visible
    );
    let (status, status_style) = match s.assessment.visit.status {
        Status::Complete => (w.complete, t.good()),
        Status::InProgress => (w.in_progress, t.warn()),
    };
    let label = |text: &str| Span::styled(format!("{text}  "), t.muted());
    let [a, b] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let left = vec![
        Line::from(vec![
            label(w.overall),
            Span::styled(score_text(card.overall), t.title()),
            Span::raw("  "),
            Span::styled(
                stage,
                stage_style.add_modifier(ratatui::style::Modifier::BOLD),
            ),
        ]),
        Line::from(vec![label(w.completeness), Span::raw(completeness)]),
    ];
    let right = vec![
        Line::from(vec![
            label(w.bottleneck),
            Span::styled(bottleneck, t.warn()),
        ]),
        Line::from(vec![label(w.status), Span::styled(status, status_style)]),
    ];
    frame.render_widget(Paragraph::new(left), a);
    frame.render_widget(Paragraph::new(right), b);
}

/// Horizontal bars of the dimension scores on the scale, with a ruler naming the stages and
/// a mark where each stage begins.
fn render_bars(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let (min, max) = (q.scale.min, q.scale.max);
    let titles: Vec<String> = q
        .dimension
        .iter()
        .map(|d| inert(q.text(&d.title, l)))
        .collect();
    let name_w = titles
        .iter()
        .map(|t| width(t))
        .max()
        .unwrap_or(0)
        .clamp(6, 20);
    let any_zero = q.dimension.iter().any(|d| d.weight <= 0.0);
    let tag_w = if any_zero {
        width(w.not_in_overall) + 2
    } else {
        0
    };
    let bar_w = (area.width as usize)
        .saturating_sub(name_w + 1 + 5 + 2 + tag_w + 3)
        .max(10);
    let pos = |x: f64| -> usize {
        let f = ((x - min) / (max - min)).clamp(0.0, 1.0);
        ((f * (bar_w - 1) as f64).round() as usize).min(bar_w - 1)
    };
    let marks: Vec<usize> = q.scale.stage.iter().map(|st| pos(st.from)).collect();
    let n = q.scale.stage.len();

    let mut lines = vec![Line::from(Span::styled(w.dimension_scores, t.title()))];
    // Ruler: the stage ids at the place each stage begins.
    let mut ruler = vec![' '; bar_w + 8];
    for (st, &m) in q.scale.stage.iter().zip(&marks) {
        let id: Vec<char> = st.id.chars().collect();
        let start = m.saturating_sub(id.len() / 2);
        if ruler[start..].iter().take(id.len() + 1).all(|c| *c == ' ') {
            for (k, c) in id.iter().enumerate() {
                if start + k < ruler.len() {
                    ruler[start + k] = *c;
                }
            }
        }
    }
    let ruler: String = ruler.into_iter().collect();
    lines.push(Line::from(vec![
        Span::raw(" ".repeat(name_w + 1 + 5 + 2)),
        Span::styled(ruler.trim_end().to_string(), t.muted()),
    ]));
    for (d, dim) in q.dimension.iter().enumerate() {
        let ds = s.card.dimensions[d];
        let bottleneck = s.card.bottleneck == Some(d);
        let name_style = if bottleneck {
            t.warn()
        } else if dim.weight <= 0.0 {
            t.muted()
        } else {
            t.text()
        };
        let mut spans = vec![
            Span::styled(pad(&titles[d], name_w), name_style),
            Span::raw(" "),
            Span::styled(pad_left(&score_text(ds.score), 5), t.strong()),
            Span::raw("  "),
        ];
        let filled = ds.score.map_or(0.0, |x| {
            ((x - min) / (max - min)).clamp(0.0, 1.0) * bar_w as f64
        });
        let full = filled.floor() as usize;
        let eighths = ((filled - full as f64) * 8.0).round() as usize;
        let style = ds.stage.map_or(t.muted(), |i| t.stage(i, n));
        let mut bar = "█".repeat(full.min(bar_w));
        let mut used = full.min(bar_w);
        if eighths > 0 && used < bar_w {
            bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][eighths.min(8)]);
            used += 1;
        }
        spans.push(Span::styled(bar, style));
        let rest: String = (used..bar_w)
            .map(|i| {
                if i > 0 && marks.contains(&i) {
                    '┊'
                } else {
                    ' '
                }
            })
            .collect();
        spans.push(Span::styled(rest, t.border()));
        if dim.weight <= 0.0 {
            spans.push(Span::styled(format!("  {}", w.not_in_overall), t.muted()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn list_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(app.theme.border())
        .title(Span::styled(format!(" {title} "), app.theme.title()))
}

fn render_unanswered(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let open = unanswered(s);
    let block = list_block(app, format!("{} ({})", w.unanswered, open.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if open.is_empty() {
        frame.render_widget(Span::styled(w.none_unanswered, t.good()), inner);
        return;
    }
    let h = inner.height as usize;
    let cursor = app.summary.cursor.min(open.len() - 1);
    let top = cursor.saturating_sub(h.saturating_sub(1));
    let width = inner.width as usize;
    let lines: Vec<Line> = open
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(k, &p)| {
            let qu = s.question(p);
            let req = if qu.required {
                format!(" {}", w.required)
            } else {
                String::new()
            };
            let text = format!("{} {}", p + 1, inert(q.text(&qu.text, l)));
            let text_w = width.saturating_sub(width_of(&req) + 2);
            let mut line = Line::from(vec![
                Span::raw(" "),
                Span::styled(pad(&text, text_w), t.text()),
                Span::styled(req, t.warn()),
            ]);
            if k == cursor {
                line = line.style(t.cursor());
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn width_of(s: &str) -> usize {
    width(s)
}

fn render_recommendations(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let fired = advise(q, &s.assessment, &s.card);
    let block = list_block(app, format!("{} ({})", w.recommendations, fired.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if fired.is_empty() {
        frame.render_widget(Span::styled(w.none_fire, t.muted()), inner);
        return;
    }
    let width = inner.width as usize;
    let lines: Vec<Line> = fired
        .iter()
        .take(inner.height as usize)
        .map(|a| {
            let r = a.recommendation;
            let (p, style) = match r.priority {
                Priority::High => (w.high, t.bad()),
                Priority::Medium => (w.medium, t.warn()),
                Priority::Low => (w.low, t.muted()),
            };
            let tag_w = [w.high, w.medium, w.low]
                .map(width_of)
                .into_iter()
                .max()
                .unwrap_or(0)
                + 2;
            let tag = pad(&format!("[{p}]"), tag_w);
            let title = inert(q.text(&r.title, l));
            let dim = r
                .dimension
                .as_deref()
                .and_then(|d| q.dimension(d))
                .map(|d| format!(" · {}", inert(q.text(&d.title, l))))
                .unwrap_or_default();
            let room = width.saturating_sub(width_of(&tag) + 1);
            let title_t = truncate(&title, room);
            let dim_t = truncate(&dim, room.saturating_sub(width_of(&title_t)));
            Line::from(vec![
                Span::styled(tag, style),
                Span::raw(" "),
                Span::styled(title_t, t.text()),
                Span::styled(dim_t, t.muted()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_closing(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    if let Some(ed) = &app.summary.editor {
        let block = Block::bordered()
            .border_style(t.border_focus())
            .title(Span::styled(format!(" {} ", w.editing_summary), t.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(&ed.area, inner);
        crate::tui::app::place_cursor(frame, &ed.area, inner);
        return;
    }
    let label = format!("{}  ", w.closing);
    let lines = match s
        .assessment
        .visit
        .summary
        .as_deref()
        .filter(|x| !x.is_empty())
    {
        Some(text) => {
            let mut lines = wrapped(&inert_lines(text), area.width as usize, t.text(), &label);
            if let Some(first) = lines.first_mut()
                && let Some(lead) = first.spans.first_mut()
            {
                lead.style = t.title();
            }
            lines
        }
        None => vec![Line::from(vec![
            Span::styled(label, t.title()),
            Span::styled(w.closing_empty, t.muted()),
        ])],
    };
    frame.render_widget(Paragraph::new(lines), area);
}
