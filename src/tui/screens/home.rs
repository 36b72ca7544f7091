//! The home screen: the workspace's assessments as a table (firm, visit date, status,
//! completeness, overall score, stage), with resume, new, filter, mark and compare; an empty
//! workspace says how to start and offers a demo cohort.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::evaluation::evaluate;
use crate::i18n::{Lang, TuiWords};
use crate::model::{Firm, Status};
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::store::{Catalog, Workspace, open_many};
use crate::tui::app::{Action, App, DEMO_FIRMS, Tone, text_area};
use crate::tui::bindings::{Binding, always, commands, lookup, none};
use crate::tui::draw::{Scrolled, chrome, footer, rule, score_text, scroll_marks};
use crate::tui::keys;
use crate::tui::screens::new_form::FollowUpOf;
use ratatui_textarea::TextArea;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One assessment of the workspace as the home screen lists it.
#[derive(Debug, Clone)]
pub struct HomeRow {
    pub path: PathBuf,
    pub firm: String,
    pub date: String,
    pub complete: bool,
    pub completeness: Option<f64>,
    pub overall: Option<f64>,
    pub stage: Option<String>,
    /// The stage's short name ("工业2.0"), shown where the whole label does not fit.
    pub stage_short: Option<String>,
    /// The stage's id ("3.0"), shown where not even the short name fits.
    pub stage_id: Option<String>,
    /// Why the file could not be read.
    pub error: Option<String>,
    /// A synthetic visit of the demo cohort.
    pub demo: bool,
    /// The questionnaire's id.
    pub questionnaire: String,
    /// Too little answered for a stage (below the questionnaire's minimum completeness).
    pub provisional: bool,
    /// The firm as the file records it, to count firms rather than files.
    pub firm_of: Option<crate::model::Firm>,
    /// The file name of the visit this one follows up, if any.
    pub previous: Option<String>,
}

/// The home screen: the workspace's assessments.
#[derive(Default)]
pub struct HomeState {
    pub rows: Vec<HomeRow>,
    pub cursor: usize,
    /// Open while the filter is being typed.
    pub filter_input: Option<TextArea<'static>>,
    pub filter: String,
    pub marked: BTreeSet<PathBuf>,
    /// The assessments being read in the background; none once all are read.
    pub loading: Option<Loading>,
}

/// Reads and scores every assessment of the workspace, newest visit first.
pub fn load_rows(ws: &Workspace, catalog: &Catalog, lang: Lang) -> Vec<HomeRow> {
    let mut rows = rows_of(&ws.assessment_files(), catalog, lang);
    sort_rows(&mut rows);
    rows
}

/// A firm's visits together, as one timeline: firms by their newest visit, newest first, and
/// each firm's visits newest first.
/// A follow-up made on the same day as the visit it follows up counts as the newer one.
fn sort_rows(rows: &mut Vec<HomeRow>) {
    let depths = follow_up_depths(rows);
    let mut dated: Vec<(u32, HomeRow)> = depths.into_iter().zip(rows.drain(..)).collect();
    dated.sort_by(|(da, a), (db, b)| {
        b.date
            .cmp(&a.date)
            .then(db.cmp(da))
            .then_with(|| a.firm.cmp(&b.firm))
    });
    rows.extend(dated.into_iter().map(|(_, r)| r));
    let groups = firm_groups(rows.iter().map(|r| r.firm_of.as_ref()));
    let mut order: Vec<(usize, HomeRow)> = groups.into_iter().zip(rows.drain(..)).collect();
    order.sort_by_key(|(g, _)| *g);
    rows.extend(order.into_iter().map(|(_, r)| r));
}

/// For each row, how many earlier visits its chain of `previous` names.
fn follow_up_depths(rows: &[HomeRow]) -> Vec<u32> {
    use crate::compare::firms::{Who, follow_up_depths};
    let whos: Vec<Who> = rows
        .iter()
        .map(|r| Who {
            questionnaire: &r.questionnaire,
            code: None,
            name: "",
            path: &r.path,
            previous: r.previous.as_deref(),
        })
        .collect();
    follow_up_depths(&whos)
}

/// For each row, the number of its firm in order of first appearance: the same code, or,
/// where either lacks a code, the same name (as `model::same_firm` says).
fn firm_groups<'a>(firms: impl Iterator<Item = Option<&'a Firm>>) -> Vec<usize> {
    use std::collections::HashMap;
    let mut codes: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut uncoded: HashMap<String, usize> = HashMap::new();
    let mut groups = Vec::new();
    for firm in firms {
        // A firm not seen before is numbered by its first row.
        let new = groups.len();
        let Some(f) = firm else {
            groups.push(new);
            continue;
        };
        let (code, key) = (f.code().map(str::to_string), f.name_key());
        let by_name = if key.is_empty() {
            None
        } else if code.is_some() {
            uncoded.get(&key)
        } else {
            names.get(&key)
        };
        let found = code
            .as_ref()
            .and_then(|c| codes.get(c))
            .or(by_name)
            .copied();
        let g = found.unwrap_or(new);
        groups.push(g);
        match code {
            Some(c) => {
                codes.entry(c).or_insert(g);
            }
            None => {
                uncoded.entry(key.clone()).or_insert(g);
            }
        }
        if !key.is_empty() {
            names.entry(key).or_insert(g);
        }
    }
    groups
}

/// Whether the shown row at `k` is a further visit of the firm of the row above it.
fn later_visit(h: &HomeState, rows: &[usize], k: usize) -> bool {
    let (Some(&i), Some(&above)) = (rows.get(k), k.checked_sub(1).and_then(|j| rows.get(j))) else {
        return false;
    };
    match (&h.rows[i].firm_of, &h.rows[above].firm_of) {
        (Some(a), Some(b)) => crate::model::same_firm(a, b),
        _ => false,
    }
}

/// The rows of these assessment files, in their order.
fn rows_of(files: &[std::path::PathBuf], catalog: &Catalog, lang: Lang) -> Vec<HomeRow> {
    let l = lang.code();
    let mark = crate::i18n::TuiWords::of(lang).demo_mark;
    open_many(files, catalog)
        .into_iter()
        .zip(files)
        .map(|(result, path)| match result {
            Ok(o) => {
                let q = &o.questionnaire.questionnaire;
                let card = evaluate(q, &o.assessment).card;
                let provisional = card.provisional;
                let demo = o.assessment.visit.demo;
                let name = inert(&o.assessment.firm.name);
                HomeRow {
                    path: path.clone(),
                    firm: if demo { format!("{name} {mark}") } else { name },
                    demo,
                    date: o.assessment.date_string().unwrap_or_default(),
                    complete: o.assessment.visit.status == Status::Complete,
                    completeness: Some(card.completeness()),
                    overall: card.overall,
                    stage: card
                        .stage
                        .map(|i| inert(q.text(&q.scale.stage[i].label, l))),
                    stage_short: card
                        .stage
                        .map(|i| inert(q.stage_name(&q.scale.stage[i], l))),
                    stage_id: card.stage.map(|i| inert(&q.scale.stage[i].id)),
                    error: None,
                    questionnaire: inert(&q.id),
                    provisional,
                    firm_of: Some(o.assessment.firm.clone()),
                    previous: o.assessment.visit.previous.clone(),
                }
            }
            Err(e) => HomeRow {
                path: path.clone(),
                firm: path
                    .file_name()
                    .map(|n| inert(&n.to_string_lossy()))
                    .unwrap_or_default(),
                date: String::new(),
                complete: false,
                completeness: None,
                overall: None,
                stage: None,
                stage_short: None,
                stage_id: None,
                error: Some(inert(&e.to_string())),
                demo: false,
                questionnaire: String::new(),
                provisional: false,
                firm_of: None,
                previous: None,
            },
        })
        .collect()
}

/// Files read at once in the background: a batch shows a few hundred rows more.
const BATCH: usize = 256;

/// The workspace's assessments being read in the background, a batch at a time, while the
/// home screen shows the rows read so far and answers keys.
pub struct Loading {
    batches: Receiver<Vec<HomeRow>>,
    /// Rows read so far, and how many files there are.
    pub read: usize,
    pub total: usize,
    /// No batch has come yet: the rows shown are those of the previous reading.
    fresh: bool,
}

impl Loading {
    /// A reading of `total` files whose rows come through the channel returned, a batch at
    /// a time; the reading is over when the channel's sender is dropped.
    pub fn new(total: usize) -> (Loading, Sender<Vec<HomeRow>>) {
        let (tx, rx) = channel();
        let loading = Loading {
            batches: rx,
            read: 0,
            total,
            fresh: true,
        };
        (loading, tx)
    }
}

/// Starts reading the workspace's assessments on another thread.
pub fn start_loading(ws: &Workspace, catalog: &Catalog, lang: Lang) -> Loading {
    let files = ws.assessment_files();
    let (loading, tx) = Loading::new(files.len());
    let catalog = catalog.for_reading();
    std::thread::spawn(move || {
        for batch in files.chunks(BATCH) {
            if tx.send(rows_of(batch, &catalog, lang)).is_err() {
                return;
            }
        }
    });
    loading
}

/// Takes the rows read since the last call into the list (sorted, the cursor kept on its
/// assessment); ends the reading once all are read. Whether anything changed.
pub fn take_loaded(h: &mut HomeState) -> bool {
    let Some(loading) = &mut h.loading else {
        return false;
    };
    let at = h.rows.get(h.cursor).map(|r| r.path.clone());
    let mut changed = false;
    loop {
        match loading.batches.try_recv() {
            Ok(batch) => {
                if loading.fresh {
                    h.rows.clear();
                    loading.fresh = false;
                }
                loading.read += batch.len();
                h.rows.extend(batch);
                changed = true;
            }
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                if loading.fresh {
                    h.rows.clear();
                }
                h.loading = None;
                h.marked.retain(|p| h.rows.iter().any(|r| &r.path == p));
                changed = true;
                break;
            }
        }
    }
    if changed {
        sort_rows(&mut h.rows);
        if let Some(at) = at {
            h.cursor = h.rows.iter().position(|r| r.path == at).unwrap_or(h.cursor);
        }
        h.cursor = h.cursor.min(h.rows.len().saturating_sub(1));
    }
    changed
}

/// How many firms the rows are of: visits of the same firm (DESIGN.md) count once. A row
/// counts when it is the same firm as none counted before it (as `store::same_firm` says),
/// found by code and by name rather than row by row, so a screen of 10,000 visits draws at
/// once.
pub fn firms(h: &HomeState, rows: &[usize]) -> usize {
    let groups = firm_groups(rows.iter().map(|&i| h.rows[i].firm_of.as_ref()));
    groups.iter().enumerate().filter(|(k, g)| k == *g).count()
}

/// The rows the filter lets through, as indices into `rows`.
pub fn shown(h: &HomeState) -> Vec<usize> {
    let f = h.filter.trim().to_lowercase();
    (0..h.rows.len())
        .filter(|&i| {
            f.is_empty() || {
                let r = &h.rows[i];
                r.firm.to_lowercase().contains(&f)
                    || r.path.to_string_lossy().to_lowercase().contains(&f)
            }
        })
        .collect()
}

commands! {
    /// What the keys of the home screen do.
    HomeCommand {
        Up,
        Down,
        First,
        Last,
        Open,
        New,
        Revisit,
        Filter,
        ClearFilter,
        Mark,
        Compare,
        Demo,
        RemoveDemo,
        Reload,
        Help,
        Quit,
    }
}

fn listed(h: &HomeState) -> bool {
    !h.rows.is_empty()
}

fn empty(h: &HomeState) -> bool {
    h.rows.is_empty() && h.loading.is_none()
}

fn demos(h: &HomeState) -> bool {
    h.rows.iter().any(|r| r.demo)
}

/// The home screen's keys: dispatch, footer and help.
pub static HOME: &[Binding<HomeCommand, HomeState>] = {
    use HomeCommand as H;
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
            short: |w| w.k_move,
            help: |w| w.h_home_move,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Home, H::First), (End, H::Last)],
            footer: "",
            listed: "Home End",
            short: none,
            help: |w| w.h_home_ends,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Enter, H::Open)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_open,
            help: |w| w.h_home_open,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Char('d'), H::Demo)],
            footer: "d",
            listed: "d",
            short: |w| w.k_demo,
            help: |w| w.h_home_demo,
            section: |w| w.assessments,
            when: empty,
        },
        Binding {
            keys: &[(Char('n'), H::New)],
            footer: "n",
            listed: "n",
            short: |w| w.k_new,
            help: |w| w.h_home_new,
            section: |w| w.assessments,
            when: always,
        },
        Binding {
            keys: &[(Char('/'), H::Filter), (Esc, H::ClearFilter)],
            footer: "/",
            listed: "/  Esc",
            short: |w| w.k_filter,
            help: |w| w.h_home_filter,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Char(' '), H::Mark)],
            footer: "Space",
            listed: "Space",
            short: |w| w.k_mark,
            help: |w| w.h_home_mark,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Char('c'), H::Compare)],
            footer: "c",
            listed: "c",
            short: |w| w.k_compare,
            help: |w| w.h_home_compare,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Char('v'), H::Revisit)],
            footer: "v",
            listed: "v",
            short: |w| w.k_revisit,
            help: |w| w.h_home_revisit,
            section: |w| w.assessments,
            when: listed,
        },
        Binding {
            keys: &[(Char('D'), H::RemoveDemo)],
            footer: "",
            listed: "D",
            short: none,
            help: |w| w.h_home_remove_demo,
            section: |w| w.assessments,
            when: demos,
        },
        Binding {
            keys: &[(Char('r'), H::Reload)],
            footer: "",
            listed: "r",
            short: none,
            help: |w| w.h_home_reload,
            section: |w| w.assessments,
            when: always,
        },
        Binding::help_key(&[(Char('?'), H::Help)], always),
        Binding {
            keys: &[(Char('q'), H::Quit)],
            footer: "q",
            listed: "q",
            short: |w| w.k_quit,
            help: |w| w.h_quit,
            section: |w| w.sec_everywhere,
            when: always,
        },
    ]
};

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let Some(h) = &mut app.home else {
        return Action::None;
    };
    if let Some(input) = &mut h.filter_input {
        match key.code {
            KeyCode::Enter => h.filter_input = None,
            KeyCode::Esc => {
                h.filter_input = None;
                h.filter.clear();
            }
            _ => {
                if input.input(key) {
                    h.filter = input.lines().join(" ");
                    h.cursor = 0;
                }
            }
        }
        return Action::None;
    }
    match lookup(HOME, &key, h) {
        Some(command) => run(app, command),
        None => Action::None,
    }
}

/// Carries out a command of the home screen.
fn run(app: &mut App, command: HomeCommand) -> Action {
    use HomeCommand::*;
    let Some(h) = &mut app.home else {
        return Action::None;
    };
    let rows = shown(h);
    let under = rows.get(h.cursor).copied();
    match command {
        Quit => return Action::Quit,
        Help => return Action::Help,
        Up => h.cursor = h.cursor.saturating_sub(1),
        Down => h.cursor = (h.cursor + 1).min(rows.len().saturating_sub(1)),
        First => h.cursor = 0,
        Last => h.cursor = rows.len().saturating_sub(1),
        Open => {
            if let Some(i) = under {
                let row = &h.rows[i];
                match &row.error {
                    None => return Action::Open(row.path.clone()),
                    Some(e) => {
                        let e = e.clone();
                        app.say(Tone::Error, e);
                    }
                }
            }
        }
        New => return Action::New,
        Revisit => {
            if let Some(i) = under {
                let row = &h.rows[i];
                match &row.error {
                    None => {
                        return match follow_up_under_way(h, &row.path) {
                            Some(path) => Action::ResumeFollowUp(path),
                            None => Action::FollowUpForm(Box::new(follow_up_of(row))),
                        };
                    }
                    Some(e) => {
                        let e = e.clone();
                        app.say(Tone::Error, e);
                    }
                }
            }
        }
        Filter => h.filter_input = Some(text_area(&h.filter)),
        ClearFilter => h.filter.clear(),
        Mark => {
            if let Some(i) = under {
                let path = h.rows[i].path.clone();
                if !h.marked.remove(&path) {
                    h.marked.insert(path);
                }
                h.cursor = (h.cursor + 1).min(rows.len().saturating_sub(1));
            }
        }
        Compare => return compare(app, &rows),
        Demo => return Action::Demo,
        RemoveDemo => return Action::RemoveDemo,
        Reload => return Action::Reload,
    }
    Action::None
}

/// The visit of a row, as the follow-up form asks about it.
fn follow_up_of(row: &HomeRow) -> FollowUpOf {
    FollowUpOf {
        earlier: row.path.clone(),
        questionnaire: row.questionnaire.clone(),
        date: crate::model::decisions::read_date(&row.date),
        firm: row
            .firm_of
            .as_ref()
            .map(|f| inert(&f.name))
            .unwrap_or_else(|| row.firm.clone()),
    }
}

/// A follow-up of `earlier` still in progress in the same folder, to resume rather than
/// begin a second one.
fn follow_up_under_way(h: &HomeState, earlier: &std::path::Path) -> Option<std::path::PathBuf> {
    let name = earlier.file_name()?.to_str()?;
    h.rows
        .iter()
        .find(|r| {
            !r.complete
                && r.error.is_none()
                && r.previous.as_deref() == Some(name)
                && r.path.parent() == earlier.parent()
        })
        .map(|r| r.path.clone())
}

/// The marked assessments to compare; with none marked, every one listed.
fn compare(app: &mut App, rows: &[usize]) -> Action {
    let Some(h) = &app.home else {
        return Action::None;
    };
    let paths: Vec<_> = if h.marked.is_empty() {
        rows.iter()
            .map(|&i| &h.rows[i])
            .filter(|r| r.error.is_none())
            .map(|r| r.path.clone())
            .collect()
    } else {
        h.rows
            .iter()
            .filter(|r| h.marked.contains(&r.path) && r.error.is_none())
            .map(|r| r.path.clone())
            .collect()
    };
    if paths.is_empty() {
        app.say(Tone::Warn, app.words.nothing_to_compare);
        Action::None
    } else {
        Action::Compare(paths)
    }
}

pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(h) = &mut app.home
        && let Some(input) = &mut h.filter_input
    {
        input.insert_str(text.replace('\n', " "));
        h.filter = input.lines().join(" ");
        h.cursor = 0;
    }
    Action::None
}

// ---------------------------------------------------------------- drawing

pub fn render(app: &App, frame: &mut Frame) {
    let Some(h) = &app.home else { return };
    let t = &app.theme;
    let w = app.words;
    let c = chrome(frame.area());
    let rows = shown(h);
    let mut right = w.firms_files(firms(h, &rows), rows.len());
    if rows.len() < h.rows.len() {
        right = format!("{right} · {}", w.shown_of(rows.len(), h.rows.len()));
    }
    if !h.marked.is_empty() {
        right = format!("{right} · {}", w.marked(h.marked.len()));
    }
    if let Some(l) = &h.loading {
        right = format!("{right} · {}", w.home_reading(l.read, l.total));
    }
    let right = format!("{right} ");
    let left_w = (c.header.width as usize).saturating_sub(width(&right) + 1);
    let place = format!(
        " · {}  {}",
        w.workspace,
        inert(&app.workspace.root.display().to_string())
    );
    let head = Line::from(vec![
        Span::styled(format!(" dmat · {}", w.assessments), t.title()),
        Span::styled(
            truncate(&place, left_w.saturating_sub(width(w.assessments) + 8)),
            t.muted(),
        ),
    ]);
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(width(&right) as u16)])
        .areas(c.header);
    frame.render_widget(head, l);
    frame.render_widget(Span::styled(right, t.muted()), r);
    rule(app, frame, c.header);

    let filtering = h.filter_input.is_some() || !h.filter.is_empty();
    let [table, filter] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(u16::from(filtering))])
            .areas(c.body);
    if h.rows.is_empty() {
        render_empty(app, frame, table);
    } else {
        render_table(app, frame, table, h, &rows);
    }
    if filtering {
        let [label, field] = Layout::horizontal([
            Constraint::Length(width(w.filter) as u16 + 1),
            Constraint::Min(1),
        ])
        .areas(filter);
        frame.render_widget(Span::styled(format!(" {}", w.filter), t.key()), label);
        match &h.filter_input {
            Some(input) => frame.render_widget(input, field),
            None => frame.render_widget(Span::raw(inert(&h.filter)), field),
        }
    }
    let keys = if h.filter_input.is_some() {
        keys::editing(w)
    } else {
        crate::tui::bindings::footer(HOME, w, h)
    };
    footer(app, frame, c.footer, &keys);
}

fn render_empty(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = app.words;
    let lines = vec![
        Line::from(Span::styled(w.empty_workspace, t.strong())),
        Line::default(),
        Line::from(Span::raw(w.how_to_start)),
        Line::from(Span::raw(w.offer_demo(DEMO_FIRMS))),
    ];
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| l.alignment(Alignment::Center))
        .collect();
    let h = lines.len() as u16;
    let y = area.y + area.height.saturating_sub(h) / 3;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y,
            height: h.min(area.height),
            ..area
        },
    );
}

/// Cells between two columns of the table.
const GAP: usize = 2;
/// The cells before the firm (a margin and the mark of a marked row).
const MARK: usize = 3;
/// The last column, kept free for the marks that say the list scrolls.
const MARGIN: usize = 1;
/// A visit date, 2026-11-27.
const DATE: usize = 10;
/// The questionnaire column is not cut narrower than this ("smart…", "quick…").
const QUESTIONNAIRE_MIN: usize = 6;
/// The questionnaire column's widest on a terminal narrower than 120 columns.
const QUESTIONNAIRE_MID: usize = 12;
/// The other columns give way until the firm's column has this much room (or all it needs):
/// room for a Chinese firm name with the demo mark, as a later visit (└).
const FIRM_CELLS: usize = 36;

/// How the stage column writes a stage: its whole label ("工业3.0：数字化、网络化"), its short
/// name ("工业3.0") or its id ("3.0").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StageForm {
    Full,
    Short,
    Id,
}

/// How wide each column of the table is (0: not shown), and how the narrow ones are written.
struct Widths {
    firm: usize,
    questionnaire: usize,
    /// 0: the status is shown in the completeness column instead (✓ for a complete visit).
    status: usize,
    done: usize,
    overall: usize,
    stage: usize,
    stage_form: StageForm,
}

/// The widest of some cells and their column's head.
fn widest(cells: impl Iterator<Item = usize>, head: &str) -> usize {
    cells.max().unwrap_or(0).max(width(head))
}

/// A row's stage as the stage column writes it in `form`.
fn stage_text<'a>(w: &'a TuiWords, r: &'a HomeRow, form: StageForm) -> &'a str {
    let stage = match form {
        StageForm::Full => &r.stage,
        StageForm::Short => &r.stage_short,
        StageForm::Id => &r.stage_id,
    };
    match (stage, r.provisional) {
        (Some(s), _) => s,
        (None, true) if form == StageForm::Id => w.provisional_short,
        (None, true) => w.provisional,
        (None, false) => "—",
    }
}

/// The firm's column as wide as the widest name shown needs, with the mark of a later visit.
fn firm_need(w: &TuiWords, h: &HomeState, rows: &[usize]) -> usize {
    let cells = (0..rows.len()).map(|k| {
        let later = if later_visit(h, rows, k) { 2 } else { 0 };
        width(&h.rows[rows[k]].firm) + later
    });
    widest(cells, w.col_firm)
}

/// How wide each column is in a table `area_width` wide. The firm's name comes first: the
/// other columns take their narrower forms, one after the other, until the widest name shown
/// fits, or at least [`FIRM_CELLS`] of it (the stage's short name, then a shorter
/// questionnaire column, the status shown in the completeness column, the stage's id, the
/// questionnaire's shortest); longer names are cut.
fn widths(w: &TuiWords, h: &HomeState, rows: &[usize], area_width: u16) -> Widths {
    let area = area_width as usize;
    let status = [w.complete, w.in_progress, w.unreadable, w.col_status]
        .iter()
        .map(|s| width(s))
        .max()
        .unwrap_or(0);
    // The questionnaire column shows where there is room, or where the workspace holds
    // visits of more than one questionnaire.
    let several = h
        .rows
        .iter()
        .any(|r| !r.questionnaire.is_empty() && r.questionnaire != h.rows[0].questionnaire);
    let questionnaire = if several || area >= 100 {
        widest(
            h.rows.iter().map(|r| width(&r.questionnaire)),
            w.col_questionnaire,
        )
        .min(if area >= 120 { 24 } else { QUESTIONNAIRE_MID })
    } else {
        0
    };
    let mid = questionnaire.min(QUESTIONNAIRE_MID);
    // The column's head is cut too ("Quest…").
    let least = questionnaire.min(QUESTIONNAIRE_MIN);
    let done = widest([4].into_iter(), w.col_complete);
    let overall = widest([4].into_iter(), w.col_overall);
    let stage_w = |form: StageForm| {
        widest(
            h.rows.iter().map(|r| width(stage_text(w, r, form))),
            w.col_stage,
        )
    };
    let need = firm_need(w, h, rows);
    let layouts = [
        (questionnaire, status, StageForm::Full),
        (questionnaire, status, StageForm::Short),
        (mid, status, StageForm::Short),
        (mid, 0, StageForm::Short),
        (mid, 0, StageForm::Id),
        (least, 0, StageForm::Id),
    ];
    let lay_out = |(questionnaire, status, stage_form): (usize, usize, StageForm)| {
        let stage = stage_w(stage_form);
        let shown = |w: usize| if w > 0 { GAP + w } else { 0 };
        let fixed = MARK
            + GAP
            + DATE
            + shown(questionnaire)
            + shown(status)
            + GAP
            + done
            + GAP
            + overall
            + GAP
            + stage
            + MARGIN;
        Widths {
            firm: area.saturating_sub(fixed),
            questionnaire,
            status,
            done,
            overall,
            stage,
            stage_form,
        }
    };
    let want = need.min(FIRM_CELLS);
    let mut x = layouts
        .into_iter()
        .map(lay_out)
        .find(|x| x.firm >= want)
        .unwrap_or_else(|| lay_out((least, 0, StageForm::Id)));
    x.firm = x.firm.min(need).max(8);
    x
}

/// A cell of the table, padded to its column's width.
fn cell(text: &str, w: usize, right: bool) -> Span<'static> {
    let text = truncate(text, w);
    Span::raw(if right {
        pad_left(&text, w)
    } else {
        pad(&text, w)
    })
}

/// The cells of one line of the table, after its mark: the firm, the date, the
/// questionnaire, the status, how much is done, the overall score and the stage; columns not
/// shown are left out. Each cell but the first begins with the gap before it.
fn cells(x: &Widths, mark: Span<'static>, texts: [&str; 7]) -> Vec<Span<'static>> {
    let [firm, date, questionnaire, status, done, overall, stage] = texts;
    let columns = [
        (questionnaire, x.questionnaire, false),
        (status, x.status, false),
        (done, x.done, true),
        (overall, x.overall, true),
        (stage, x.stage, false),
    ];
    let mut spans = vec![mark, cell(firm, x.firm, false)];
    spans.push(Span::raw(" ".repeat(GAP)));
    spans.push(cell(date, DATE, false));
    for (text, w, right) in columns {
        if w > 0 {
            spans.push(Span::raw(" ".repeat(GAP)));
            spans.push(cell(text, w, right));
        }
    }
    spans
}

/// The line of the `k`-th row shown.
fn row_line(app: &App, h: &HomeState, rows: &[usize], k: usize, x: &Widths) -> Line<'static> {
    let (t, w) = (&app.theme, app.words);
    let r = &h.rows[rows[k]];
    let mark = if h.marked.contains(&r.path) {
        Span::styled(" ● ", t.title())
    } else {
        Span::raw("   ")
    };
    let (status, status_style) = match (&r.error, r.complete) {
        (Some(_), _) => (w.unreadable, t.bad()),
        (None, true) => (w.complete, t.good()),
        (None, false) => (w.in_progress, t.text()),
    };
    let percent = r
        .completeness
        .map(|c| format!("{:.0}%", c * 100.0))
        .unwrap_or_default();
    // Without a status column, a complete visit is ticked and an unreadable file crossed.
    let done = match (x.status, &r.error, r.complete) {
        (0, Some(_), _) => "✗".to_string(),
        (0, None, true) => {
            let both = format!("✓ {percent}");
            if width(&both) <= x.done {
                both
            } else {
                "✓".into()
            }
        }
        _ => percent,
    };
    let stage = stage_text(w, r, x.stage_form);
    let firm = if later_visit(h, rows, k) {
        format!("└ {}", r.firm)
    } else {
        r.firm.clone()
    };
    let overall = score_text(r.overall);
    let texts = [
        firm.as_str(),
        &r.date,
        &r.questionnaire,
        status,
        &done,
        &overall,
        stage,
    ];
    let mut spans = cells(x, mark, texts);
    // The spans after the date: a gap and a cell for each column shown.
    let mut at = 4;
    if x.questionnaire > 0 {
        at += 2;
    }
    if x.status > 0 {
        at += 2;
        spans[at - 1].style = status_style;
    } else {
        spans[at + 1].style = status_style;
    }
    spans[at + 3].style = t.strong();
    if r.provisional {
        spans[at + 5].style = t.muted();
    }
    let line = Line::from(spans);
    if k == h.cursor {
        line.style(t.cursor())
    } else {
        line
    }
}

fn render_table(app: &App, frame: &mut Frame, area: Rect, h: &HomeState, rows: &[usize]) {
    let w = app.words;
    let x = widths(w, h, rows, area.width);
    let head = [
        w.col_firm,
        w.col_date,
        w.col_questionnaire,
        w.col_status,
        w.col_complete,
        w.col_overall,
        w.col_stage,
    ];
    let mut lines = vec![Line::from(cells(&x, Span::raw("   "), head)).style(app.theme.muted())];
    let height = area.height.saturating_sub(1) as usize;
    let top = h.cursor.saturating_sub(height.saturating_sub(1));
    let shown = (0..rows.len()).skip(top).take(height);
    lines.extend(shown.map(|k| row_line(app, h, rows, k, &x)));
    let scrolled = Scrolled::of(top, height, rows.len());
    frame.render_widget(Paragraph::new(lines), area);
    // The marks in the last column, which the table leaves free.
    let body = Rect {
        y: area.y + 1,
        height: rows.len().saturating_sub(top).min(height) as u16,
        ..area
    };
    scroll_marks(
        frame,
        app.theme.muted(),
        area.right().saturating_sub(1),
        body,
        scrolled,
    );
}
