//! The new-interview form: choose a questionnaire, type the firm's name, start. The same form
//! begins a follow-up visit: choose its questionnaire, give its date, start.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::plain_text::{inert, truncate};
use ratatui_textarea::TextArea;

use crate::model::decisions::read_date;
use crate::model::visit_checks::code_entered;
use crate::store::{DEFAULT_QUESTIONNAIRE, LoadedQuestionnaire};
use crate::tui::app::{Action, App, Tone, text_area};
use crate::tui::bindings;
use crate::tui::bindings::{Binding, commands, lookup, none};
use crate::tui::draw::{centered, chrome, footer, rule};
use std::path::PathBuf;
use std::sync::Arc;

/// The new-interview form: a questionnaire, then the firm's name.
pub struct NewForm {
    pub choices: Vec<Arc<LoadedQuestionnaire>>,
    pub cursor: usize,
    pub naming: bool,
    pub name: TextArea<'static>,
    /// The questionnaire was given on the command line: only the name is asked.
    pub fixed: bool,
    /// An interview of this firm begun today and still in progress, offered for resuming
    /// instead of starting an empty one.
    pub existing: Option<PathBuf>,
    /// The expert chose to start a new interview all the same.
    pub anyway: bool,
    /// The firm's unified social credit code (may stay empty), typed after the name.
    pub code: TextArea<'static>,
    /// The assessor, prefilled with the one remembered for the workspace.
    pub assessor: TextArea<'static>,
    /// The visit date, prefilled with today.
    pub date: TextArea<'static>,
    /// The field being typed: 0 the name, 1 the code, 2 the assessor, 3 the date.
    pub field: usize,
    /// The form begins a follow-up of this visit: only the questionnaire and the date are
    /// asked.
    pub follow_up: Option<FollowUpOf>,
}

/// The visit a follow-up form follows up, as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpOf {
    /// The earlier visit's file.
    pub earlier: PathBuf,
    /// The earlier visit's questionnaire, offered first.
    pub questionnaire: String,
    /// The earlier visit's date; the follow-up cannot be dated before it.
    pub date: Option<toml::value::Datetime>,
    /// The firm's name, for the form's header.
    pub firm: String,
}

/// The questionnaires the form offers.
pub enum Choices {
    /// Given on the command line: only the firm's name is asked.
    Fixed(Arc<LoadedQuestionnaire>),
    /// Those of the catalog, the cursor on the default one.
    Catalog(Vec<Arc<LoadedQuestionnaire>>),
}

impl NewForm {
    /// The form, empty but for the assessor remembered for the workspace and today's date.
    pub fn new(choices: Choices, assessor: &str, today: toml::value::Datetime) -> Self {
        let fixed = matches!(choices, Choices::Fixed(_));
        let (choices, cursor) = match choices {
            Choices::Fixed(q) => (vec![q], 0),
            Choices::Catalog(choices) => {
                let default = choices
                    .iter()
                    .position(|q| q.questionnaire.id == DEFAULT_QUESTIONNAIRE)
                    .unwrap_or(0);
                (choices, default)
            }
        };
        Self {
            naming: fixed,
            fixed,
            choices,
            cursor,
            name: text_area(""),
            existing: None,
            anyway: false,
            code: text_area(""),
            assessor: text_area(assessor),
            date: text_area(&today.to_string()),
            field: 0,
            follow_up: None,
        }
    }

    /// The form of a follow-up of `of`: the questionnaires, the cursor on `default` (the
    /// earlier visit's, at its latest version), then the visit date, today's.
    pub fn follow_up(
        choices: Vec<Arc<LoadedQuestionnaire>>,
        default: Option<usize>,
        of: FollowUpOf,
        today: toml::value::Datetime,
    ) -> Self {
        let mut form = Self::new(Choices::Catalog(choices), "", today);
        if let Some(i) = default.filter(|&i| i < form.choices.len()) {
            form.cursor = i;
        }
        form.field = 3;
        form.follow_up = Some(of);
        form
    }
}

/// How many fields the form's second step has: the name, the code, the assessor, the date.
const FIELDS: usize = 4;

/// The field being typed.
fn field_mut(form: &mut NewForm) -> &mut TextArea<'static> {
    match form.field {
        1 => &mut form.code,
        2 => &mut form.assessor,
        3 => &mut form.date,
        _ => &mut form.name,
    }
}

/// What the form's second step holds besides the name, read and checked.
pub struct Details {
    pub code: Option<String>,
    pub assessor: String,
    pub date: toml::value::Datetime,
}

fn one_line(area: &TextArea<'_>) -> String {
    area.lines().join(" ").trim().to_string()
}

/// The code, the assessor and the visit date typed on the form; a code that is not valid or
/// a date that is not a date is refused with the reason (said in the footer, the cursor put
/// in that field), and none is returned.
pub fn details(app: &mut App) -> Option<Details> {
    let lang = app.lang;
    let w = app.words;
    let form = app.form.as_mut()?;
    let code = match code_entered(&one_line(&form.code), lang) {
        Ok(code) => code,
        Err(why) => {
            form.field = 1;
            app.say(Tone::Error, why);
            return None;
        }
    };
    let typed = one_line(&form.date);
    let Some(date) = read_date(&typed) else {
        form.field = 3;
        app.say(Tone::Error, w.not_a_date(&inert(&typed)));
        return None;
    };
    Some(Details {
        code,
        assessor: one_line(&form.assessor),
        date,
    })
}

/// The date typed on a follow-up form, read and checked: a date that is not a date, or one
/// before the earlier visit's, is refused with the reason (said in the footer), and none is
/// returned.
pub fn follow_up_date(app: &mut App) -> Option<toml::value::Datetime> {
    let w = app.words;
    let form = app.form.as_mut()?;
    let earlier = form.follow_up.as_ref()?.date;
    let typed = one_line(&form.date);
    let Some(date) = read_date(&typed) else {
        app.say(Tone::Error, w.not_a_date(&inert(&typed)));
        return None;
    };
    let civil = crate::model::assessment::to_civil_date;
    if let (Some(d), Some(e)) = (civil(&date), earlier.as_ref().and_then(civil))
        && d < e
    {
        app.say(Tone::Error, w.follow_up_before(d, e));
        return None;
    }
    Some(date)
}

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
        NextField,
        PrevField,
    }
}

fn choosing(f: &NewForm) -> bool {
    f.existing.is_none() && !f.naming
}

fn naming(f: &NewForm) -> bool {
    f.existing.is_none() && f.naming
}

/// The firm's name and details are typed (a new interview).
fn naming_new(f: &NewForm) -> bool {
    naming(f) && f.follow_up.is_none()
}

/// The follow-up's date is typed.
fn dating_follow_up(f: &NewForm) -> bool {
    naming(f) && f.follow_up.is_some()
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
            when: naming_new,
        },
        Binding {
            keys: &[(Enter, N::Start)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_start_follow_up,
            help: |w| w.h_follow_up_enter,
            section: |w| w.new_interview,
            when: dating_follow_up,
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
            keys: &[
                (Tab, N::NextField),
                (Down, N::NextField),
                (BackTab, N::PrevField),
                (Up, N::PrevField),
            ],
            footer: "Tab",
            listed: "Tab  Shift-Tab  ↓ ↑",
            short: |w| w.k_field,
            help: |w| w.h_new_field,
            section: |w| w.new_interview,
            when: naming_new,
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
                field_mut(form).input(key);
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
        N::Help => return Action::Help,
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
        N::NextField => form.field = (form.field + 1) % FIELDS,
        N::PrevField => form.field = (form.field + FIELDS - 1) % FIELDS,
    }
    Action::None
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(form) = &mut app.form
        && form.naming
    {
        field_mut(form).insert_str(text.replace('\n', " "));
    }
    Action::None
}

pub fn render(app: &App, frame: &mut Frame) {
    let Some(form) = &app.form else { return };
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let c = chrome(frame.area());
    let title = match &form.follow_up {
        Some(of) => format!(" dmat · {} · {}", w.follow_up_form, inert(&of.firm)),
        None => format!(" dmat · {}", w.new_interview),
    };
    frame.render_widget(
        Line::from(Span::styled(
            truncate(&title, c.header.width as usize),
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
        if let Some(of) = &form.follow_up {
            lines.push(Line::from(Span::styled(last_visit(app, of), t.muted())));
        }
        lines.push(Line::default());
        for (i, lq) in form.choices.iter().enumerate() {
            let q = &lq.questionnaire;
            let title = inert(q.text(&q.title, l));
            let about = format!(
                "{} {} · {}",
                q.id,
                q.version,
                w.questions_count(q.dimension.len(), q.question_count())
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
        let [top, rest] =
            Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(0)])
                .areas(area);
        frame.render_widget(Paragraph::new(lines), top);
        if let Some(path) = &form.existing {
            render_offer(app, frame, rest, path);
            footer(app, frame, c.footer, &bindings::footer(NEW, w, form));
            return;
        }
        render_fields(app, frame, rest, form);
    }
    let keys = bindings::footer(NEW, w, form);
    footer(app, frame, c.footer, &keys);
}

/// What the follow-up form says of the visit it follows up: its date and questionnaire.
fn last_visit(app: &App, of: &FollowUpOf) -> String {
    let date = of.date.map(|d| d.to_string()).unwrap_or_default();
    app.words.follow_up_of(&date, &inert(&of.questionnaire))
}

/// The fields of the second step, each a label over a one-line box (on a follow-up form the
/// date alone, under what it follows up); the one being typed has the focus and the
/// terminal's cursor.
fn render_fields(app: &App, frame: &mut Frame, area: ratatui::layout::Rect, form: &NewForm) {
    let t = &app.theme;
    let w = app.words;
    let all = [
        (0, w.firm_name, &form.name),
        (1, w.firm_code, &form.code),
        (2, w.assessor, &form.assessor),
        (3, w.visit_date, &form.date),
    ];
    let mut area = area;
    let fields: Vec<_> = match &form.follow_up {
        Some(of) => {
            let [note, rest] =
                Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
            frame.render_widget(Span::styled(last_visit(app, of), t.muted()), note);
            area = rest;
            all.into_iter().filter(|(i, _, _)| *i == 3).collect()
        }
        None => all.into_iter().collect(),
    };
    let rows = Layout::vertical([Constraint::Length(4); FIELDS]).split(area);
    for ((i, label, input), row) in fields.into_iter().zip(rows.iter()) {
        let [label_area, box_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(*row);
        let focus = i == form.field;
        let style = if focus { t.text() } else { t.muted() };
        frame.render_widget(Span::styled(label, style), label_area);
        let border = if focus { t.border_focus() } else { t.border() };
        let block = Block::bordered().border_style(border);
        let inner = block.inner(box_area);
        frame.render_widget(block, box_area);
        frame.render_widget(input, inner);
        if focus {
            crate::tui::app::place_cursor(frame, input, inner);
        }
    }
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
    let mut lines = crate::tui::draw::wrapped(&w.resume_offer(&name), width, t.warn(), "");
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
