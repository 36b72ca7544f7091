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
use crate::tui::draw::{chrome, footer, rule, score_text};
use crate::tui::keys;
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
                            None => Action::Revisit(row.path.clone()),
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

/// The widths of the table's columns that vary: the firm, the questionnaire (0: not shown),
/// the status and the stage.
struct Widths {
    firm: usize,
    questionnaire: usize,
    status: usize,
    stage: usize,
}

/// The widest of some cells and their column's head.
fn widest(cells: impl Iterator<Item = usize>, head: &str) -> usize {
    cells.max().unwrap_or(0).max(width(head))
}

/// The widest stage label of the rows, taking `label` of each (its whole or short form).
fn stage_width(w: &TuiWords, h: &HomeState, label: fn(&HomeRow) -> &Option<String>) -> usize {
    let cells = h
        .rows
        .iter()
        .filter_map(|r| match (label(r), r.provisional) {
            (Some(s), _) => Some(width(s)),
            (None, true) => Some(width(w.provisional)),
            (None, false) => None,
        });
    widest(cells, w.col_stage)
}

/// How wide each column is in a table `area_width` wide.
fn widths(w: &TuiWords, h: &HomeState, area_width: u16) -> Widths {
    let status = width(w.complete)
        .max(width(w.in_progress))
        .max(width(w.unreadable))
        .max(width(w.col_status));
    let stage_full = stage_width(w, h, |r| &r.stage);
    // A stage label's short form ("工业2.0" for "工业2.0：机械化、电气化") where the whole
    // one does not fit.
    let stage_short = stage_width(w, h, |r| &r.stage_short);
    let firm_full = widest(h.rows.iter().map(|r| width(&r.firm)), w.col_firm);
    // The questionnaire column shows where there is room, or where the workspace holds
    // visits of more than one questionnaire.
    let several = h
        .rows
        .iter()
        .any(|r| !r.questionnaire.is_empty() && r.questionnaire != h.rows[0].questionnaire);
    let questionnaire = if several || area_width >= 100 {
        widest(
            h.rows.iter().map(|r| width(&r.questionnaire)),
            w.col_questionnaire,
        )
        .min(if area_width >= 120 { 24 } else { 12 })
    } else {
        0
    };
    // The firm takes what its longest name needs, as long as the stage keeps its short
    // labels; the stage takes the rest, up to its longest label.
    let q_gap = if questionnaire > 0 { 2 } else { 0 };
    let fixed = 3 + 2 + 10 + 2 + questionnaire + q_gap + status + 2 + 6 + 2 + 5 + 2 + 1;
    let free = (area_width as usize).saturating_sub(fixed);
    let firm = firm_full.min(free.saturating_sub(stage_short)).max(8);
    Widths {
        firm,
        questionnaire,
        status,
        stage: stage_full.min(free.saturating_sub(firm)),
    }
}

/// The cells of one line of the table, after its mark: the firm, the date, the
/// questionnaire, the status, how much is done, the overall score and the stage.
fn cells(x: &Widths, mark: Span<'static>, texts: [&str; 7]) -> Vec<Span<'static>> {
    let [firm, date, questionnaire, status, done, overall, stage] = texts;
    vec![
        mark,
        Span::raw(format!("{}  ", pad(firm, x.firm))),
        Span::raw(format!("{}  ", pad(date, 10))),
        Span::raw(if x.questionnaire > 0 {
            format!("{}  ", pad(questionnaire, x.questionnaire))
        } else {
            String::new()
        }),
        Span::raw(format!("{}  ", pad(status, x.status))),
        Span::raw(format!("{}  ", pad_left(done, 6))),
        Span::raw(format!("{}  ", pad_left(overall, 5))),
        Span::raw(pad(stage, x.stage)),
    ]
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
    let done = r
        .completeness
        .map(|c| format!("{:.0}%", c * 100.0))
        .unwrap_or_default();
    let stage = match (&r.stage, r.provisional) {
        (Some(s), _) if width(s) > x.stage => r.stage_short.as_deref().unwrap_or(s),
        (Some(s), _) => s.as_str(),
        (None, true) => w.provisional,
        (None, false) => "—",
    };
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
    spans[4].style = status_style;
    spans[6].style = t.strong();
    if r.provisional {
        spans[7].style = t.muted();
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
    let x = widths(w, h, area.width);
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
    frame.render_widget(Paragraph::new(lines), area);
}
