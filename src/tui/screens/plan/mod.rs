//! The plan screen: the plan by horizon (rule 9) and the options left for later, with the
//! firm's decision on each action — agreed or declined with a reason, moved to another
//! horizon, who carries it, by when, a note — and the actions the firm adds itself. Every
//! change is written into the assessment's `[plan.*]` entries and saved at once.

mod draw;

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::i18n::PlanWords;
use crate::model::decisions::{kept_text, new_own_id, read_date};
use crate::model::{Decision, Horizon, PlanEntry};
use crate::plain_text::inert;
use crate::tui::app::{Action, App, Screen, Tone, text_area};
use crate::tui::bindings::{Binding, always, commands, lookup};
use crate::tui::keys::{Typing, type_key};
use crate::tui::session::Session;
pub use draw::render;
pub(crate) use draw::{note_lines, owner_and_due};

/// One action on the plan screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The recommendation's id, or the id of an action of the firm's own.
    pub id: String,
    /// Its position among the evaluation's applicable recommendations; none for the firm's
    /// own actions and entries whose recommendation does not apply (any more).
    pub applicable: Option<usize>,
    /// Where rule 9 placed it; none: left for later, or not in the plan.
    pub planned: Option<Horizon>,
    /// Where it is shown: the horizon agreed, else the plan's; none: later.
    pub horizon: Option<Horizon>,
}

impl PlanRow {
    /// Whether it is an action the firm added itself (no recommendation of the
    /// questionnaire).
    pub fn own(&self, s: &Session) -> bool {
        s.q().recommendation_index(&self.id).is_none()
    }
}

/// The actions as the screen lists them: by horizon (short, medium, long, then later); in
/// each, the plan's actions in the order placed, then those moved there, then the firm's own
/// and other decided ones by id.
pub fn rows(s: &Session) -> Vec<PlanRow> {
    let e = &s.evaluation;
    let q = s.q();
    let mut out: Vec<PlanRow> = Vec::new();
    let mut push = |id: &str, applicable: Option<usize>, planned: Option<Horizon>| {
        let agreed = s.assessment.plan.get(id).and_then(|p| p.horizon);
        out.push(PlanRow {
            id: id.to_string(),
            applicable,
            planned,
            horizon: agreed.or(planned),
        });
    };
    for (h, i) in e.plan.planned() {
        push(&e.recommendation(q, i).id, Some(i), Some(h));
    }
    for &i in &e.plan.later {
        push(&e.recommendation(q, i).id, Some(i), None);
    }
    let listed: Vec<String> = out.iter().map(|r| r.id.clone()).collect();
    for (id, entry) in &s.assessment.plan {
        if !listed.contains(id) {
            out.push(PlanRow {
                id: id.clone(),
                applicable: None,
                planned: None,
                horizon: entry.horizon,
            });
        }
    }
    let rank = |h: Option<Horizon>| h.map_or(3, crate::plan::index);
    out.sort_by_key(|r| rank(r.horizon));
    out
}

/// The field an editor of the plan screen writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Owner,
    Due,
    Note,
    /// The note, written as the reason the firm declined the action.
    Reason,
    /// The title of a new action of the firm's own.
    NewAction,
}

/// A text being typed on the plan screen, for one action.
pub struct PlanEditor {
    pub field: PlanField,
    /// The action it writes to (empty for a new action).
    pub id: String,
    pub area: TextArea<'static>,
    pub original: String,
}

impl PlanEditor {
    fn text(&self) -> String {
        self.area.lines().join("\n")
    }
}

/// Where the plan screen stands: the action under the cursor, the first line in view as
/// last drawn, and an open editor.
#[derive(Default)]
pub struct PlanState {
    pub cursor: usize,
    pub top: Cell<usize>,
    pub editor: Option<PlanEditor>,
}

impl PlanState {
    /// Nothing being typed: how the plan is shown from the summary.
    pub fn start(&mut self) {
        self.editor = None;
    }
}

commands! {
    /// What the keys of the plan screen do.
    PlanCommand {
        Up,
        Down,
        Agree,
        Decline,
        Horizon,
        Owner,
        Due,
        Note,
        Add,
        Remove,
        TakeOver,
        Back,
        Help,
        Leave,
    }
}

/// What decides the plan screen's keys.
pub struct PlanContext {
    /// An action is under the cursor.
    pub any: bool,
    /// The action under the cursor is the firm's own.
    pub own: bool,
    /// A follow-up visit with last visit's decisions still to take over.
    pub carry: bool,
}

fn any(x: &PlanContext) -> bool {
    x.any
}

fn own(x: &PlanContext) -> bool {
    x.own
}

fn carry(x: &PlanContext) -> bool {
    x.carry
}

/// The plan screen's keys: dispatch, footer and help.
pub static PLAN: &[Binding<PlanCommand, PlanContext>] = {
    use KeyCode::*;
    use PlanCommand as P;
    &[
        Binding {
            keys: &[
                (Up, P::Up),
                (Char('k'), P::Up),
                (Down, P::Down),
                (Char('j'), P::Down),
            ],
            footer: "↑↓",
            listed: "↑ ↓  k j",
            short: |w| w.k_move,
            help: |w| w.h_plan_move,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('a'), P::Agree)],
            footer: "a",
            listed: "a",
            short: |w| w.k_agree,
            help: |w| w.h_plan_agree,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('d'), P::Decline)],
            footer: "d",
            listed: "d",
            short: |w| w.k_decline,
            help: |w| w.h_plan_decline,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('m'), P::Horizon)],
            footer: "m",
            listed: "m",
            short: |w| w.k_horizon,
            help: |w| w.h_plan_horizon,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('o'), P::Owner)],
            footer: "o",
            listed: "o",
            short: |w| w.k_owner,
            help: |w| w.h_plan_owner,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('t'), P::Due)],
            footer: "t",
            listed: "t",
            short: |w| w.k_due,
            help: |w| w.h_plan_due,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('e'), P::Note)],
            footer: "e",
            listed: "e",
            short: |w| w.k_note,
            help: |w| w.h_plan_note,
            section: |w| w.plan_title,
            when: any,
        },
        Binding {
            keys: &[(Char('n'), P::Add), (Char('+'), P::Add)],
            footer: "n",
            listed: "n  +",
            short: |w| w.k_add,
            help: |w| w.h_plan_add,
            section: |w| w.plan_title,
            when: always,
        },
        Binding {
            keys: &[(Delete, P::Remove), (Char('x'), P::Remove)],
            footer: "x",
            listed: "x  Del",
            short: |w| w.k_remove,
            help: |w| w.h_plan_remove,
            section: |w| w.plan_title,
            when: own,
        },
        Binding {
            keys: &[(Char('L'), P::TakeOver)],
            footer: "L",
            listed: "L",
            short: |w| w.k_take_over,
            help: |w| PlanWords::of(w.lang()).h_take_over_decisions,
            section: |w| w.plan_title,
            when: carry,
        },
        Binding {
            keys: &[(Esc, P::Back), (Char('s'), P::Back), (Left, P::Back)],
            footer: "Esc",
            listed: "Esc  s  ←",
            short: |w| w.k_summary,
            help: |w| w.h_plan_back,
            section: |w| w.plan_title,
            when: always,
        },
        Binding::help_key(&[(Char('?'), P::Help)], always),
        Binding::leave_key(&[(Char('q'), P::Leave)], always),
    ]
};

/// The context of the plan screen's keys in an app.
pub fn context(app: &App) -> PlanContext {
    let row = app
        .visit
        .session
        .as_ref()
        .and_then(|s| Some((s, rows(s).get(app.visit.plan.cursor)?.clone())));
    PlanContext {
        any: row.is_some(),
        own: row.is_some_and(|(s, r)| r.own(s)),
        carry: app
            .visit
            .session
            .as_ref()
            .is_some_and(|s| !s.last_decisions().is_empty()),
    }
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    if app.visit.plan.editor.is_some() {
        return editor_key(app, key);
    }
    match lookup(PLAN, &key, &context(app)) {
        Some(command) => run(app, command),
        None => Action::None,
    }
}

/// Carries out a command of the plan screen. A completed visit's plan changes too (its
/// status stays complete): decisions change no score.
fn run(app: &mut App, command: PlanCommand) -> Action {
    use PlanCommand as P;
    let Some(s) = &app.visit.session else {
        return Action::None;
    };
    let list = rows(s);
    let row = list.get(app.visit.plan.cursor).cloned();
    let n = list.len();
    match (command, row) {
        (P::Up, _) => app.visit.plan.cursor = app.visit.plan.cursor.saturating_sub(1),
        (P::Down, _) => {
            app.visit.plan.cursor = (app.visit.plan.cursor + 1).min(n.saturating_sub(1))
        }
        (P::Back, _) => return Action::Show(Screen::Summary),
        (P::Help, _) => return Action::Help,
        (P::Leave, _) => return Action::Leave,
        (P::Add, _) => open_editor(app, PlanField::NewAction, "", ""),
        (P::Agree, Some(r)) => return agree(app, &r),
        (P::Decline, Some(r)) => return decline(app, &r),
        (P::Horizon, Some(r)) => return move_horizon(app, &r),
        (P::Owner, Some(r)) => {
            let text = entry(app, &r.id).owner.unwrap_or_default();
            open_editor(app, PlanField::Owner, &r.id, &text);
        }
        (P::Due, Some(r)) => {
            let text = entry(app, &r.id).due.map(|d| d.to_string());
            open_editor(app, PlanField::Due, &r.id, &text.unwrap_or_default());
        }
        (P::Note, Some(r)) => {
            let text = entry(app, &r.id).note.unwrap_or_default();
            open_editor(app, PlanField::Note, &r.id, &text);
        }
        (P::Remove, Some(r)) => return remove(app, &r),
        (P::TakeOver, _) => return take_over(app),
        (_, None) => {}
    }
    Action::None
}

/// The plan entry of an action as it stands (empty while nothing is decided).
fn entry(app: &App, id: &str) -> PlanEntry {
    app.visit
        .session
        .as_ref()
        .and_then(|s| s.assessment.plan.get(id).cloned())
        .unwrap_or_default()
}

fn open_editor(app: &mut App, field: PlanField, id: &str, text: &str) {
    app.visit.plan.editor = Some(PlanEditor {
        field,
        id: id.to_string(),
        area: text_area(text),
        original: text.to_string(),
    });
}

/// `a`: agreed; again: back to proposed.
fn agree(app: &mut App, r: &PlanRow) -> Action {
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    let now = s.assessment.plan.get(&r.id).and_then(|e| e.decision);
    let next = (now != Some(Decision::Agreed)).then_some(Decision::Agreed);
    s.edit_plan(&r.id, |e| e.decision = next);
    Action::Save
}

/// `d`: declined, and the reason asked for (the note); again: back to proposed.
fn decline(app: &mut App, r: &PlanRow) -> Action {
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    let now = s.assessment.plan.get(&r.id).and_then(|e| e.decision);
    if now == Some(Decision::Declined) {
        s.edit_plan(&r.id, |e| e.decision = None);
        return Action::Save;
    }
    s.edit_plan(&r.id, |e| {
        e.decision = Some(Decision::Declined);
    });
    let note = entry(app, &r.id).note.unwrap_or_default();
    open_editor(app, PlanField::Reason, &r.id, &note);
    Action::Save
}

/// `m`: the next horizon, short → medium → long → (later, for an action the plan left for
/// later) → short. The plan's own horizon is kept as no entry.
fn move_horizon(app: &mut App, r: &PlanRow) -> Action {
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    let own_later = r.planned.is_none() && r.applicable.is_some();
    let next = match r.horizon {
        Some(Horizon::Short) => Some(Horizon::Medium),
        Some(Horizon::Medium) => Some(Horizon::Long),
        Some(Horizon::Long) if own_later => None,
        Some(Horizon::Long) | None => Some(Horizon::Short),
    };
    let kept = if next == r.planned { None } else { next };
    s.edit_plan(&r.id, |e| e.horizon = kept);
    // The cursor follows the action to its new place.
    let id = r.id.clone();
    if let Some(at) = rows(s).iter().position(|x| x.id == id) {
        app.visit.plan.cursor = at;
    }
    Action::Save
}

/// `x`: removes an action of the firm's own, which it no longer wants listed.
fn remove(app: &mut App, r: &PlanRow) -> Action {
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    if !r.own(s) {
        return Action::None;
    }
    let title = s.remove_plan_entry(&r.id).and_then(|e| e.title);
    let n = rows(s).len();
    app.visit.plan.cursor = app.visit.plan.cursor.min(n.saturating_sub(1));
    let title = inert(title.as_deref().unwrap_or(&r.id));
    app.say(Tone::Info, app.words.plan_removed(&title));
    Action::Save
}

/// `L` on a follow-up: last visit's decisions become this visit's (the earlier file is only
/// read), and the footer says how many.
fn take_over(app: &mut App) -> Action {
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    let n = s.take_over_decisions();
    if n == 0 {
        return Action::None;
    }
    app.say(Tone::Info, PlanWords::of(app.lang).decisions_taken_over(n));
    Action::Save
}

/// Whether what is typed into a field is written as it is typed (texts worth keeping
/// half-written); a due date and a new action's title wait for Enter.
fn is_live(field: PlanField) -> bool {
    matches!(
        field,
        PlanField::Owner | PlanField::Note | PlanField::Reason
    )
}

/// Writes a text field of an action.
fn write_field(app: &mut App, field: PlanField, id: &str, text: &str) {
    let Some(s) = app.visit.session.as_mut() else {
        return;
    };
    let kept = kept_text(text);
    match field {
        PlanField::Owner => s.edit_plan(id, |e| e.owner = kept),
        PlanField::Note | PlanField::Reason => s.edit_plan(id, |e| e.note = kept),
        PlanField::Due | PlanField::NewAction => {}
    }
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    let Some(ed) = &mut app.visit.plan.editor else {
        return Action::None;
    };
    ed.area.insert_str(text);
    draft(app)
}

fn draft(app: &mut App) -> Action {
    let Some(ed) = &app.visit.plan.editor else {
        return Action::None;
    };
    if !is_live(ed.field) {
        return Action::None;
    }
    let (field, id, text) = (ed.field, ed.id.clone(), ed.text());
    write_field(app, field, &id, &text);
    Action::SaveDraft
}

fn editor_key(app: &mut App, key: KeyEvent) -> Action {
    let line_break = app.is_line_break(&key);
    let Some(ed) = &mut app.visit.plan.editor else {
        return Action::None;
    };
    // Only a note and a reason take paragraphs; elsewhere a line break does nothing.
    if line_break && !matches!(ed.field, PlanField::Note | PlanField::Reason) {
        return draft(app);
    }
    match type_key(&mut ed.area, key, line_break) {
        Typing::Keep => keep(app),
        Typing::Cancel => {
            let Some(ed) = app.visit.plan.editor.take() else {
                return Action::None;
            };
            if !is_live(ed.field) {
                return Action::None;
            }
            write_field(app, ed.field, &ed.id, &ed.original);
            Action::Save
        }
        Typing::Changed => draft(app),
        Typing::Unchanged => Action::None,
    }
}

/// Enter in an editor: keeps what was typed. A due date that is not a date, and a new action
/// without a title, keep the editor open and say why.
fn keep(app: &mut App) -> Action {
    let Some(ed) = app.visit.plan.editor.take() else {
        return Action::None;
    };
    let text = ed.text();
    match ed.field {
        PlanField::Owner | PlanField::Note | PlanField::Reason => {
            write_field(app, ed.field, &ed.id, &text);
        }
        PlanField::Due => {
            let due = if text.trim().is_empty() {
                None
            } else if let Some(d) = read_date(&text) {
                Some(d)
            } else {
                let why = app.words.not_a_date(&inert(text.trim()));
                app.visit.plan.editor = Some(ed);
                app.say(Tone::Warn, why);
                return Action::None;
            };
            if let Some(s) = app.visit.session.as_mut() {
                s.edit_plan(&ed.id, |e| e.due = due);
            }
            // A date outside the horizon's window is kept, and said.
            let row = app
                .visit
                .session
                .as_ref()
                .and_then(|s| Some((s, rows(s).into_iter().find(|r| r.id == ed.id)?)));
            if let Some(why) = row.and_then(|(s, r)| draw::due_outside(app, s, &r)) {
                app.say(Tone::Warn, why);
            }
        }
        PlanField::NewAction => return add_own(app, ed, &text),
    }
    Action::Save
}

/// Adds an action of the firm's own, agreed, in the horizon of the action under the cursor
/// (short when there is none, or it is left for later).
fn add_own(app: &mut App, ed: PlanEditor, text: &str) -> Action {
    let Some(title) = kept_text(&text.replace('\n', " ")) else {
        app.visit.plan.editor = Some(ed);
        app.say(Tone::Warn, app.words.plan_title_empty);
        return Action::None;
    };
    let Some(s) = app.visit.session.as_mut() else {
        return Action::None;
    };
    let horizon = rows(s)
        .get(app.visit.plan.cursor)
        .and_then(|r| r.horizon)
        .unwrap_or(Horizon::Short);
    let id = new_own_id(&s.assessment, s.q());
    s.edit_plan(&id, |e| {
        e.title = Some(title);
        e.decision = Some(Decision::Agreed);
        e.horizon = Some(horizon);
    });
    if let Some(at) = rows(s).iter().position(|r| r.id == id) {
        app.visit.plan.cursor = at;
    }
    Action::Save
}
