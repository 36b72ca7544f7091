//! The comparison screen, a thin renderer of [`Comparison`] in three views: the firms table
//! (cohort rows, percentiles, cells coloured by stage, sorting and filters), the re-visited
//! firms with the change since the previous visit, and the cohort view (stages, bottlenecks,
//! recommendations and support). Enter opens a firm's latest assessment on its summary.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::TextArea;

use crate::compare::render::{mixed_warning, questionnaires_label};
use crate::compare::{
    Column, Comparison, Direction, Filter, FilterValue, FirmRow, ScoredVisit, Summary, Test,
};
use crate::i18n::{CompareWords, Lang, TuiWords, fill};
use crate::model::{Assessment, Priority, ProfileKind};
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::store::Opened;
use crate::tui::app::{Action, App, Screen, Tone, text_area};
use crate::tui::draw::{chrome, footer, rule, score_text};
use crate::tui::keys::{self, CompareFocus};
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// Cells between two columns.
const GAP: usize = 2;
/// A dimension's title longer than this wraps onto a second header line.
const DIMENSION_CELLS: usize = 12;
/// Widest the bottleneck column grows.
const BOTTLENECK_CELLS: usize = 14;
/// The firm's column does not shrink below this to make room for other columns.
const FIRM_CELLS: usize = 20;
/// Longest bar of the cohort view.
const BAR_CELLS: usize = 36;
/// Below this width the cohort view is one column instead of two.
const TWO_COLUMNS: u16 = 120;

/// The views of the comparison, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Firms,
    Progress,
    Cohort,
}

impl View {
    fn next(self) -> View {
        match self {
            View::Firms => View::Progress,
            View::Progress => View::Cohort,
            View::Cohort => View::Firms,
        }
    }

    fn prev(self) -> View {
        self.next().next()
    }
}

/// The comparison on screen: the firms compared, the view in front, the cursors, the filter
/// window, and where each view scrolled to when last drawn.
pub struct CompareState {
    pub comparison: Comparison,
    /// The visits compared, kept to compare again after a firm's assessment is edited.
    visits: Vec<ScoredVisit>,
    lang: Lang,
    /// The table's columns in screen order: the firm first, then the rest.
    columns: Vec<Column>,
    /// The widest firm name, in cells.
    name_w: usize,
    pub view: View,
    /// The row under the cursor among the firms shown.
    pub cursor: usize,
    /// The cursor is on the table's header (Enter sorts).
    pub on_header: bool,
    /// The chosen column, an index in [`Self::columns`].
    pub column: usize,
    /// The re-visited firm under the cursor, an index among those shown.
    pub progress: usize,
    /// The first column shown right of the date on the re-visits.
    pub progress_left: usize,
    /// The first line shown of the cohort view.
    pub cohort_scroll: usize,
    pub picker: Option<Picker>,
    /// An assessment opened from here was changed and saved.
    pub edited: bool,
    /// The assessment open from here was changed since it was opened: compare again.
    pub stale: bool,
    // Remembered from the last frame, so that scrolling is steady and a page is a page.
    top: Cell<usize>,
    left: Cell<usize>,
    page: Cell<usize>,
    progress_top: Cell<usize>,
    progress_left_max: Cell<usize>,
    cohort_max: Cell<usize>,
}

impl CompareState {
    /// The comparison of `visits` as `comparison` stands (sorted and filtered already).
    pub fn new(comparison: Comparison, visits: Vec<ScoredVisit>, lang: Lang) -> Self {
        let mut s = Self {
            comparison,
            visits,
            lang,
            columns: Vec::new(),
            name_w: 0,
            view: View::Firms,
            cursor: 0,
            on_header: false,
            column: 0,
            progress: 0,
            progress_left: 0,
            cohort_scroll: 0,
            picker: None,
            edited: false,
            stale: false,
            top: Cell::new(0),
            left: Cell::new(0),
            page: Cell::new(10),
            progress_top: Cell::new(0),
            progress_left_max: Cell::new(0),
            cohort_max: Cell::new(0),
        };
        s.measure();
        let sorted = s.comparison.sort().0;
        s.column = s.columns.iter().position(|&c| c == sorted).unwrap_or(0);
        s
    }

    /// Columns and the widest name, after the comparison was made.
    fn measure(&mut self) {
        self.columns = screen_columns(&self.comparison);
        self.name_w = self
            .comparison
            .all_firms()
            .iter()
            .map(|f| width(&inert(f.name())))
            .max()
            .unwrap_or(0);
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The firm under the cursor of the view in front.
    pub fn firm_under_cursor(&self) -> Option<&FirmRow> {
        match self.view {
            View::Firms if !self.on_header => self.comparison.rows().nth(self.cursor),
            View::Progress => self.comparison.progressions().nth(self.progress),
            _ => None,
        }
    }

    /// Sorts by the chosen column: in its natural direction, or reversed when it is already
    /// the sort. The cursor goes to the top.
    pub fn sort_chosen(&mut self) {
        let Some(&col) = self.columns.get(self.column) else {
            return;
        };
        let (current, dir) = self.comparison.sort();
        let dir = if current == col {
            dir.reversed()
        } else {
            col.natural_direction()
        };
        self.comparison.sort_by(col, dir);
        self.cursor = 0;
        self.top.set(0);
    }

    /// After the firms shown changed: every cursor back to the top.
    fn reset_rows(&mut self) {
        self.cursor = 0;
        self.top.set(0);
        self.progress = 0;
        self.progress_top.set(0);
        self.cohort_scroll = 0;
    }

    /// Compares again with the assessment at `path` as it now is, keeping the filters, the
    /// sort, and the cursor on that firm.
    pub fn update_visit(&mut self, path: &Path, assessment: Assessment) {
        let Some(i) = self.visits.iter().position(|v| v.path == path) else {
            return;
        };
        self.visits[i] = ScoredVisit::new(Opened {
            path: path.to_path_buf(),
            assessment,
            questionnaire: self.visits[i].questionnaire.clone(),
            warnings: Vec::new(),
        });
        let filters: Vec<Filter> = self.comparison.filters().cloned().collect();
        let (col, dir) = self.comparison.sort();
        let mut c = Comparison::new(&self.visits, self.lang);
        for f in filters {
            // The filters applied before; they still name the same fields.
            let _ = c.filter(f);
        }
        c.sort_by(col, dir);
        self.comparison = c;
        self.measure();
        let holds = |f: &FirmRow| f.visits.iter().any(|v| v.file == path);
        if let Some(k) = self.comparison.rows().position(holds) {
            self.cursor = k;
        }
        if let Some(k) = self.comparison.progressions().position(holds) {
            self.progress = k;
        }
        self.clamp();
    }

    fn clamp(&mut self) {
        let n = self.comparison.rows().len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        let p = self.comparison.progressions().count();
        self.progress = self.progress.min(p.saturating_sub(1));
        self.column = self.column.min(self.columns.len().saturating_sub(1));
    }

    fn focus(&self) -> CompareFocus {
        match (&self.picker, self.view) {
            (Some(p), _) => match p.step {
                None => CompareFocus::PickField,
                Some(PickStep::Values { .. }) => CompareFocus::PickValues,
                Some(PickStep::Number { .. }) => CompareFocus::PickNumber,
            },
            (None, View::Firms) => CompareFocus::Firms,
            (None, View::Progress) => CompareFocus::Progress,
            (None, View::Cohort) => CompareFocus::Cohort,
        }
    }

    fn filtered(&self) -> bool {
        self.comparison.filters().next().is_some()
    }
}

/// The table's columns in the order the screen shows them: the firm, the overall score with
/// its percentile, stage and bottleneck, the dimensions, then the date and the visits.
fn screen_columns(c: &Comparison) -> Vec<Column> {
    let mut out = Vec::new();
    let mut tail = Vec::new();
    for col in c.columns() {
        match col {
            Column::Overall => out.extend([Column::Overall, Column::Percentile]),
            Column::Percentile => {}
            Column::Date | Column::Visits => tail.push(col),
            _ => out.push(col),
        }
    }
    out.extend(tail);
    out
}

// ---------------------------------------------------------------- the filter window

/// The filter window: a field, then its values (or a condition on a number).
pub struct Picker {
    pub fields: Vec<PickField>,
    pub cursor: usize,
    /// None while the field is being chosen.
    pub step: Option<PickStep>,
}

/// A field the comparison can be filtered by.
pub struct PickField {
    pub id: String,
    pub label: String,
    /// A number field takes a typed condition rather than a list of values.
    pub number: bool,
}

pub enum PickStep {
    /// The values of a field, the first row being "any value"; `ticked` per value.
    Values {
        field: usize,
        values: Vec<FilterValue>,
        ticked: Vec<bool>,
        cursor: usize,
    },
    Number {
        field: usize,
        input: Box<TextArea<'static>>,
    },
}

impl Picker {
    fn new(c: &Comparison, cw: &CompareWords) -> Self {
        let mut fields: Vec<PickField> = c
            .profile_fields()
            .iter()
            .map(|p| PickField {
                id: p.id.clone(),
                label: inert(&p.label),
                number: p.kind == ProfileKind::Number,
            })
            .collect();
        for (id, label) in [("stage", cw.col_stage), ("bottleneck", cw.col_bottleneck)] {
            fields.push(PickField {
                id: id.into(),
                label: label.into(),
                number: false,
            });
        }
        Picker {
            fields,
            cursor: 0,
            step: None,
        }
    }
}

/// What a key on the comparison asks of the app beyond the comparison's own state.
enum Effect {
    None,
    Help,
    Back,
    Open(PathBuf),
    Say(Tone, String),
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let w = app.words;
    let Some(st) = app.compare.as_mut() else {
        return Action::None;
    };
    let effect = if st.picker.is_some() {
        picker_key(st, key, w)
    } else {
        state_key(st, key, w)
    };
    match effect {
        Effect::None => {}
        Effect::Help => app.open_help(),
        Effect::Open(path) => return Action::OpenSummary(path),
        Effect::Say(tone, text) => app.say(tone, text),
        Effect::Back => {
            if app.home.is_none() {
                return Action::Quit;
            }
            let edited = app.compare.take().is_some_and(|s| s.edited);
            if edited {
                app.reload_home();
            }
            app.screen = Screen::Home;
        }
    }
    Action::None
}

fn state_key(st: &mut CompareState, key: KeyEvent, w: &TuiWords) -> Effect {
    match key.code {
        KeyCode::Char('q') | KeyCode::Esc => return Effect::Back,
        KeyCode::Char('?') => return Effect::Help,
        KeyCode::Tab => st.view = st.view.next(),
        KeyCode::BackTab => st.view = st.view.prev(),
        KeyCode::Char('f') => {
            let cw = CompareWords::of(st.lang);
            st.picker = Some(Picker::new(&st.comparison, cw));
        }
        KeyCode::Char('F') => {
            if st.filtered() {
                st.comparison.clear_filters();
                st.reset_rows();
                return Effect::Say(Tone::Info, w.filters_cleared.into());
            }
        }
        _ => {
            return match st.view {
                View::Firms => firms_key(st, key),
                View::Progress => progress_key(st, key),
                View::Cohort => {
                    cohort_key(st, key);
                    Effect::None
                }
            };
        }
    }
    Effect::None
}

fn firms_key(st: &mut CompareState, key: KeyEvent) -> Effect {
    let n = st.comparison.rows().len();
    let last = n.saturating_sub(1);
    let page = st.page.get().max(1);
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => {
            if st.cursor == 0 {
                st.on_header = true;
            } else if !st.on_header {
                st.cursor -= 1;
            }
        }
        KeyCode::Down | KeyCode::Char('j') => {
            if st.on_header {
                st.on_header = false;
                st.cursor = 0;
            } else {
                st.cursor = (st.cursor + 1).min(last);
            }
        }
        KeyCode::PageUp => {
            st.on_header = false;
            st.cursor = st.cursor.saturating_sub(page);
        }
        KeyCode::PageDown => {
            st.on_header = false;
            st.cursor = (st.cursor + page).min(last);
        }
        KeyCode::Home => {
            st.on_header = false;
            st.cursor = 0;
        }
        KeyCode::End => {
            st.on_header = false;
            st.cursor = last;
        }
        KeyCode::Left | KeyCode::Char('h') => st.column = st.column.saturating_sub(1),
        KeyCode::Right | KeyCode::Char('l') => {
            st.column = (st.column + 1).min(st.columns.len().saturating_sub(1));
        }
        KeyCode::Char('o') => st.sort_chosen(),
        KeyCode::Enter if st.on_header => st.sort_chosen(),
        KeyCode::Enter => {
            if let Some(f) = st.firm_under_cursor() {
                return Effect::Open(f.latest().file.clone());
            }
        }
        _ => {}
    }
    Effect::None
}

fn progress_key(st: &mut CompareState, key: KeyEvent) -> Effect {
    let last = st.comparison.progressions().count().saturating_sub(1);
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => st.progress = st.progress.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => st.progress = (st.progress + 1).min(last),
        KeyCode::PageUp => st.progress = st.progress.saturating_sub(5),
        KeyCode::PageDown => st.progress = (st.progress + 5).min(last),
        KeyCode::Home => st.progress = 0,
        KeyCode::End => st.progress = last,
        KeyCode::Left | KeyCode::Char('h') => {
            st.progress_left = st.progress_left.saturating_sub(1);
        }
        KeyCode::Right | KeyCode::Char('l') => {
            st.progress_left = (st.progress_left + 1).min(st.progress_left_max.get());
        }
        KeyCode::Enter => {
            if let Some(f) = st.firm_under_cursor() {
                return Effect::Open(f.latest().file.clone());
            }
        }
        _ => {}
    }
    Effect::None
}

fn cohort_key(st: &mut CompareState, key: KeyEvent) {
    let max = st.cohort_max.get();
    let page = st.page.get().max(1);
    st.cohort_scroll = match key.code {
        KeyCode::Up | KeyCode::Char('k') => st.cohort_scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => st.cohort_scroll + 1,
        KeyCode::PageUp => st.cohort_scroll.saturating_sub(page),
        KeyCode::PageDown => st.cohort_scroll + page,
        KeyCode::Home => 0,
        KeyCode::End => max,
        _ => st.cohort_scroll,
    }
    .min(max);
}

fn picker_key(st: &mut CompareState, key: KeyEvent, w: &TuiWords) -> Effect {
    let Some(p) = st.picker.as_mut() else {
        return Effect::None;
    };
    match &mut p.step {
        None => match key.code {
            KeyCode::Esc => st.picker = None,
            KeyCode::Up | KeyCode::Char('k') => p.cursor = p.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                p.cursor = (p.cursor + 1).min(p.fields.len().saturating_sub(1));
            }
            KeyCode::Enter => {
                let field = p.cursor;
                let Some(f) = p.fields.get(field) else {
                    return Effect::None;
                };
                let current = st.comparison.filters().find(|x| x.field == f.id);
                p.step = Some(if f.number {
                    let text = current.map(condition_text).unwrap_or_default();
                    PickStep::Number {
                        field,
                        input: Box::new(text_area(&text)),
                    }
                } else {
                    let values = st.comparison.filter_values(&f.id).unwrap_or_default();
                    let chosen: &[String] = match current.map(|x| &x.test) {
                        Some(Test::OneOf(v)) => v,
                        _ => &[],
                    };
                    let ticked = values.iter().map(|v| chosen.contains(&v.value)).collect();
                    PickStep::Values {
                        field,
                        values,
                        ticked,
                        cursor: 0,
                    }
                });
            }
            _ => {}
        },
        Some(PickStep::Values {
            field,
            values,
            ticked,
            cursor,
        }) => match key.code {
            KeyCode::Esc => p.step = None,
            KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(values.len()),
            KeyCode::Char(' ') => {
                if *cursor == 0 {
                    ticked.iter_mut().for_each(|t| *t = false);
                } else if let Some(t) = ticked.get_mut(*cursor - 1) {
                    *t = !*t;
                }
                *cursor = (*cursor + 1).min(values.len());
            }
            KeyCode::Enter => {
                let mut chosen: Vec<String> = values
                    .iter()
                    .zip(ticked.iter())
                    .filter(|(_, t)| **t)
                    .map(|(v, _)| v.value.clone())
                    .collect();
                if *cursor == 0 {
                    chosen.clear();
                } else if chosen.is_empty() {
                    chosen.extend(values.get(*cursor - 1).map(|v| v.value.clone()));
                }
                let id = p.fields[*field].id.clone();
                let label = p.fields[*field].label.clone();
                let filter = (!chosen.is_empty()).then(|| Filter {
                    field: id.clone(),
                    test: Test::OneOf(chosen),
                });
                return apply_filter(st, &id, &label, filter, w);
            }
            _ => {}
        },
        Some(PickStep::Number { field, input }) => match key.code {
            KeyCode::Esc => p.step = None,
            KeyCode::Enter => {
                let typed = input.lines().join(" ").trim().to_string();
                let id = p.fields[*field].id.clone();
                let label = p.fields[*field].label.clone();
                if typed.is_empty() {
                    return apply_filter(st, &id, &label, None, w);
                }
                let text = if typed.starts_with('<') || typed.starts_with(">=") {
                    format!("{id}{typed}")
                } else {
                    format!("{id}={}", typed.trim_start_matches('='))
                };
                let numbers = |f: &Filter| match &f.test {
                    Test::OneOf(v) => v.iter().all(|x| x.parse::<f64>().is_ok()),
                    _ => true,
                };
                return match text.parse::<Filter>().ok().filter(numbers) {
                    Some(filter) => apply_filter(st, &id, &label, Some(filter), w),
                    None => Effect::Say(Tone::Warn, fill(w.not_a_condition, &[&typed])),
                };
            }
            _ => {
                input.input(key);
            }
        },
    }
    Effect::None
}

/// A number filter as it is typed: `<50`, `>=100`, `30,120`.
fn condition_text(f: &Filter) -> String {
    match &f.test {
        Test::OneOf(v) => v.join(","),
        Test::Below(x) => format!("<{x}"),
        Test::AtLeast(x) => format!(">={x}"),
    }
}

fn apply_filter(
    st: &mut CompareState,
    field: &str,
    label: &str,
    filter: Option<Filter>,
    w: &TuiWords,
) -> Effect {
    let removing = filter.is_none();
    match st.comparison.set_filter(field, filter) {
        Ok(()) => {
            st.picker = None;
            st.reset_rows();
            if removing {
                Effect::Say(Tone::Info, fill(w.filter_removed, &[&label]))
            } else {
                Effect::None
            }
        }
        Err(e) => Effect::Say(Tone::Error, inert(&e)),
    }
}

/// Pasted text goes into the condition being typed, if one is.
pub fn on_paste(app: &mut App, text: &str) -> Action {
    if let Some(st) = app.compare.as_mut()
        && let Some(Picker {
            step: Some(PickStep::Number { input, .. }),
            ..
        }) = st.picker.as_mut()
    {
        input.insert_str(text.replace('\n', " "));
    }
    Action::None
}

// ---------------------------------------------------------------- drawing

/// What the drawing functions share.
struct Ctx<'a> {
    t: &'a Theme,
    w: &'static TuiWords,
    cw: &'static CompareWords,
    st: &'a CompareState,
    c: &'a Comparison,
}

impl Ctx<'_> {
    /// The style of a score: the colour of its stage.
    fn score_style(&self, x: Option<f64>) -> Style {
        match x.and_then(|x| self.c.stage_of(x)) {
            Some(s) => self.t.stage(s, self.c.stages().len()),
            None => self.t.muted(),
        }
    }

    fn column_title(&self, col: Column) -> String {
        let cw = self.cw;
        match col {
            Column::Firm => cw.col_firm.into(),
            Column::File => cw.col_file.into(),
            Column::Date => cw.col_date.into(),
            Column::Questionnaire => cw.col_questionnaire.into(),
            Column::Version => cw.col_version.into(),
            Column::Status => cw.col_status.into(),
            Column::Completeness => cw.col_completeness.into(),
            Column::Overall => cw.col_overall.into(),
            Column::Stage => cw.col_stage.into(),
            Column::Bottleneck => cw.col_bottleneck.into(),
            Column::Dimension(i) => inert(&self.c.dimensions()[i].title),
            Column::Percentile => cw.col_percentile.into(),
            Column::Visits => cw.col_visits.into(),
        }
    }

    /// A filter in words: the field's label and its values' labels.
    fn filter_text(&self, f: &Filter) -> String {
        let (field, test) = self.filter_parts(f);
        format!("{field} {test}")
    }

    /// A filter's field and its values (or condition), in words.
    fn filter_parts(&self, f: &Filter) -> (String, String) {
        let c = self.c;
        let profile = c.profile_fields().iter().find(|p| p.id == f.field);
        let field = match (profile, f.field.as_str()) {
            (Some(p), _) => inert(&p.label),
            (None, "stage") => self.cw.col_stage.into(),
            (None, "bottleneck") => self.cw.col_bottleneck.into(),
            (None, other) => inert(other),
        };
        let value = |v: &String| -> String {
            let label = match (profile, f.field.as_str()) {
                (Some(p), _) => p.options.iter().find(|o| &o.0 == v).map(|o| o.1.clone()),
                (None, "bottleneck") => c
                    .dimensions()
                    .iter()
                    .find(|d| &d.id == v)
                    .map(|d| d.title.clone()),
                _ => None,
            };
            inert(&label.unwrap_or_else(|| v.clone()))
        };
        let test = match &f.test {
            Test::OneOf(vs) => vs
                .iter()
                .map(value)
                .collect::<Vec<_>>()
                .join(self.w.list_sep),
            Test::Below(x) => format!("<{x}"),
            Test::AtLeast(x) => format!("≥{x}"),
        };
        (field, test)
    }
}

pub fn render(app: &App, frame: &mut Frame) {
    let Some(st) = &app.compare else { return };
    let x = Ctx {
        t: &app.theme,
        w: app.words,
        cw: CompareWords::of(app.lang),
        st,
        c: &st.comparison,
    };
    let c = chrome(frame.area());
    render_header(&x, frame, c.header);
    rule(app, frame, c.header);
    let [tabs, note, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(c.body);
    render_tabs(&x, frame, tabs);
    render_note(&x, frame, note);
    match st.view {
        View::Firms => render_firms(&x, frame, body),
        View::Progress => render_progress(&x, frame, body),
        View::Cohort => render_cohort(&x, frame, body),
    }
    if let Some(p) = &st.picker {
        render_picker(&x, frame, c.body, p);
    }
    let keys = keys::compare(app.words, st.focus(), st.filtered(), app.home.is_some());
    footer(app, frame, c.footer, &keys);
}

fn render_header(x: &Ctx, frame: &mut Frame, area: Rect) {
    let c = x.c;
    let assessments: usize = c.rows().map(|f| f.visits.len()).sum();
    let right = format!(
        "{} ",
        fill(
            x.cw.firms_line,
            &[
                &c.rows().len(),
                &assessments,
                &inert(&questionnaires_label(c))
            ],
        )
    );
    let right_w = width(&right).min(area.width as usize / 2 + 10);
    let right = truncate(&right, right_w);
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(width(&right) as u16)])
        .areas(area);
    let title = truncate(&format!(" dmat · {}", x.cw.title), l.width as usize);
    frame.render_widget(Span::styled(title, x.t.title()), l);
    frame.render_widget(Span::styled(right, x.t.muted()), r);
}

/// The tabs of the views, and on the right how the firms are filtered and sorted.
fn render_tabs(x: &Ctx, frame: &mut Frame, area: Rect) {
    let (t, w, c, st) = (x.t, x.w, x.c, x.st);
    let tabs = [
        (
            View::Firms,
            format!(" {} {} ", w.view_firms, c.rows().len()),
        ),
        (
            View::Progress,
            format!(" {} {} ", w.view_progress, c.progressions().count()),
        ),
        (View::Cohort, format!(" {} ", w.view_cohort)),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (i, (view, label)) in tabs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", t.border()));
        }
        spans.push(Span::styled(label.clone(), t.tab(*view == st.view)));
    }
    let tabs_w: usize = spans.iter().map(|s| width(&s.content)).sum();
    let (col, dir) = c.sort();
    let dir = match dir {
        Direction::Ascending => x.cw.ascending,
        Direction::Descending => x.cw.descending,
    };
    let status = fill(x.cw.sorted_by, &[&x.column_title(col), &dir]);
    let room = (area.width as usize).saturating_sub(tabs_w + 2);
    let status = format!("{} ", truncate(&status, room.saturating_sub(1)));
    let status_w = width(&status) as u16;
    let [l, r] = Layout::horizontal([Constraint::Min(1), Constraint::Length(status_w)]).areas(area);
    frame.render_widget(Line::from(spans), l);
    frame.render_widget(
        Line::from(Span::styled(status, t.muted())).alignment(Alignment::Right),
        r,
    );
}

/// The line under the tabs: the filters on, and a warning when the questionnaires differ.
fn render_note(x: &Ctx, frame: &mut Frame, area: Rect) {
    let t = x.t;
    let mut spans = Vec::new();
    let filters: Vec<String> = x.c.filters().map(|f| x.filter_text(f)).collect();
    if !filters.is_empty() {
        spans.push(Span::styled(
            format!(" {}{}", x.w.filter, filters.join(" · ")),
            t.warn(),
        ));
    }
    if let Some(warning) = mixed_warning(x.c, x.cw) {
        spans.push(Span::styled(format!(" {}", inert(&warning)), t.warn()));
    }
    let mut room = area.width.saturating_sub(1) as usize;
    for s in &mut spans {
        let text = truncate(&s.content, room);
        room = room.saturating_sub(width(&text));
        s.content = text.into();
    }
    frame.render_widget(Line::from(spans), area);
}

// ---- the firms table

/// A column as drawn: its width, its title on one or two lines, its alignment.
struct Col {
    column: Column,
    width: usize,
    /// The title's lines, bottom line last; the top one empty for a one-line title.
    head: [String; 2],
    right: bool,
}

/// A title in at most two lines of at most `max` cells (one line when it fits).
fn title_lines(title: &str, max: usize) -> [String; 2] {
    if width(title) <= max {
        return [String::new(), title.to_string()];
    }
    for w in 4..=max + 2 {
        let lines = wrap(title, w);
        if lines.len() <= 2 {
            return [lines[0].clone(), lines.get(1).cloned().unwrap_or_default()];
        }
    }
    let lines = wrap(title, max);
    let rest = lines[1..].join(" ");
    [lines[0].clone(), truncate(&rest, max)]
}

/// The columns right of the firm's name, laid out.
fn table_columns(x: &Ctx) -> Vec<Col> {
    let c = x.c;
    let stage_w = c.stages().iter().map(|s| width(&s.id)).max().unwrap_or(1);
    let bottleneck_w = c
        .dimensions()
        .iter()
        .map(|d| width(&inert(&d.title)))
        .max()
        .unwrap_or(1)
        .min(BOTTLENECK_CELLS);
    let q_w = c
        .questionnaires()
        .iter()
        .map(|(id, _)| width(id))
        .max()
        .unwrap_or(1);
    x.st.columns[1..]
        .iter()
        .map(|&column| {
            let title = x.column_title(column);
            let (data, right) = match column {
                Column::Date => (10, false),
                Column::Questionnaire => (q_w, false),
                Column::Overall | Column::Dimension(_) => (4, true),
                Column::Percentile => (3, true),
                Column::Visits => (2, true),
                Column::Stage => (stage_w, false),
                Column::Bottleneck => (bottleneck_w, false),
                _ => (8, false),
            };
            let head = match column {
                Column::Dimension(_) => title_lines(&title, DIMENSION_CELLS),
                _ => [String::new(), title],
            };
            // One cell for the sort arrow after the title.
            let head_w = width(&head[0]).max(width(&head[1]) + 1);
            Col {
                column,
                width: data.max(head_w),
                head,
                right,
            }
        })
        .collect()
}

/// Which of `widths` fit in `room` cells starting at `left` (each after a gap); returns the
/// end of the range.
fn fit_from(widths: &[usize], left: usize, room: usize) -> usize {
    let mut used = 0;
    let mut end = left;
    while end < widths.len() && used + GAP + widths[end] <= room {
        used += GAP + widths[end];
        end += 1;
    }
    end.max((left + 1).min(widths.len()))
}

/// The first column to show so that `keep` is visible, starting from `left` as last drawn
/// and showing as many columns as fit.
fn scroll_to(widths: &[usize], left: usize, keep: usize, room: usize) -> usize {
    let mut left = left.min(keep);
    while left < keep && fit_from(widths, left, room) <= keep {
        left += 1;
    }
    // Show more on the left when there is room for it.
    while left > 0 && fit_from(widths, left - 1, room) == widths.len() {
        left -= 1;
    }
    left
}

fn render_firms(x: &Ctx, frame: &mut Frame, area: Rect) {
    let (t, st, c) = (x.t, x.st, x.c);
    let cols = table_columns(x);
    let labels = [x.cw.stat_mean, x.cw.stat_q1, x.cw.stat_median, x.cw.stat_q3];
    let min_firm = labels
        .iter()
        .map(|l| width(l))
        .chain([width(x.cw.col_firm) + 1])
        .max()
        .unwrap_or(8);
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    // The firm's column as wide as the names, up to a share of the width; narrower, down to
    // a readable width, when that lets every column fit.
    let cap = (area.width as usize * 3 / 10).clamp(14, 32);
    let natural = st.name_w.clamp(min_firm, cap.max(min_firm));
    let all: usize = widths.iter().map(|w| w + GAP).sum();
    let spare = (area.width as usize).saturating_sub(all + 3);
    let firm_w = if spare < natural && spare >= natural.min(FIRM_CELLS).max(min_firm) {
        spare
    } else {
        natural
    };
    // One cell of margin on each side.
    let room = (area.width as usize).saturating_sub(firm_w + 2);
    let chosen = st.column.checked_sub(1);
    let left = scroll_to(&widths, st.left.get(), chosen.unwrap_or(0), room);
    st.left.set(left);
    let end = fit_from(&widths, left, room);
    let shown = &cols[left..end];

    let two_lines = shown.iter().any(|c| !c.head[0].is_empty());
    let head_h = 1 + u16::from(two_lines);
    let n = c.rows().len();
    let fixed = head_h + 1 + 1 + 4;
    let avail = area.height.saturating_sub(fixed).max(1) as usize;
    let rows_h = n.clamp(1, avail);
    st.page.set(rows_h);
    let cursor = st.cursor.min(n.saturating_sub(1));
    let mut top = st.top.get().min(n.saturating_sub(rows_h));
    if cursor < top {
        top = cursor;
    } else if cursor >= top + rows_h {
        top = cursor + 1 - rows_h;
    }
    st.top.set(top);

    let sort = c.sort();
    let mut lines: Vec<Line> = Vec::new();
    // The header: titles, the sort arrow, the chosen column, and arrows where columns hide.
    for k in (0..2).filter(|&k| k == 1 || two_lines) {
        let firm_title = if k == 1 { x.cw.col_firm } else { "" };
        let mut firm_title = firm_title.to_string();
        if k == 1 && sort.0 == Column::Firm {
            firm_title.push_str(arrow(sort.1));
        }
        let firm_style = if k == 1 && st.column == 0 {
            chosen_style(t, st.on_header)
        } else {
            t.muted()
        };
        let mut spans = vec![Span::raw(" ")];
        spans.extend(head_cell(&firm_title, firm_w, false, firm_style));
        let more_left = k == 1 && left > 0;
        for (i, col) in shown.iter().enumerate() {
            let gap = if i == 0 && more_left { "◂ " } else { "  " };
            spans.push(Span::styled(gap, t.muted()));
            let mut text = col.head[k].clone();
            if k == 1 && sort.0 == col.column {
                text.push_str(arrow(sort.1));
            }
            let style = if st.column == left + i + 1 {
                chosen_style(t, st.on_header)
            } else {
                t.muted()
            };
            spans.extend(head_cell(&text, col.width, col.right, style));
        }
        if k == 1 && end < cols.len() {
            spans.push(Span::styled(" ▸", t.muted()));
        }
        lines.push(Line::from(spans));
    }
    let total_w = area.width as usize;
    lines.push(rule_line(x, total_w));
    if n == 0 {
        lines.push(Line::from(Span::styled(
            format!(" {}", x.w.no_firm_shown),
            t.muted(),
        )));
    }
    for (k, f) in c.rows().enumerate().skip(top).take(rows_h) {
        let name = truncate(&inert(f.name()), firm_w);
        let mut spans = vec![Span::raw(" "), Span::styled(pad(&name, firm_w), t.text())];
        for col in shown {
            spans.push(Span::raw(" ".repeat(GAP)));
            let (text, style) = cell_text(x, f, col.column);
            spans.push(Span::styled(align(&text, col.width, col.right), style));
        }
        let mut line = Line::from(spans);
        if k == cursor && !st.on_header {
            line = cursor_line(line, total_w, t);
        }
        lines.push(line);
    }
    lines.push(rule_line(x, total_w));
    let cohort = c.cohort();
    let stats: [fn(&Summary) -> f64; 4] = [|s| s.mean, |s| s.q1, |s| s.median, |s| s.q3];
    for (label, get) in labels.iter().zip(stats) {
        let mut spans = vec![Span::raw(" "), Span::styled(pad(label, firm_w), t.muted())];
        for col in shown {
            spans.push(Span::raw(" ".repeat(GAP)));
            let summary = match col.column {
                Column::Overall => Some(cohort.overall.as_ref()),
                Column::Dimension(i) => Some(cohort.dimensions[i].as_ref()),
                _ => None,
            };
            let text = summary.map_or_else(String::new, |s| score_text(s.map(get)));
            spans.push(Span::styled(align(&text, col.width, col.right), t.text()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Ascending => "▲",
        Direction::Descending => "▼",
    }
}

fn chosen_style(t: &Theme, on_header: bool) -> Style {
    if on_header {
        t.chosen_column().patch(t.cursor())
    } else {
        t.chosen_column()
    }
}

/// A title in a header cell of `w` cells: the style on the title alone, so that an
/// underline does not run into the padding.
fn head_cell(text: &str, w: usize, right: bool, style: Style) -> [Span<'static>; 2] {
    let text = truncate(text, w);
    let fill = " ".repeat(w.saturating_sub(width(&text)));
    if right {
        [Span::raw(fill), Span::styled(text, style)]
    } else {
        [Span::styled(text, style), Span::raw(fill)]
    }
}

fn align(text: &str, w: usize, right: bool) -> String {
    let text = truncate(text, w);
    if right {
        pad_left(&text, w)
    } else {
        pad(&text, w)
    }
}

/// The line under the cursor: padded to `w` cells and reversed as a whole, its own colours
/// dropped so that the row reads as one bar.
fn cursor_line(line: Line<'static>, w: usize, t: &Theme) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| Span::raw(s.content))
        .collect();
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used < w {
        spans.push(Span::raw(" ".repeat(w - used)));
    }
    Line::from(spans).style(t.cursor())
}

fn rule_line(x: &Ctx, w: usize) -> Line<'static> {
    Line::from(Span::styled(
        format!(" {}", "─".repeat(w.saturating_sub(2))),
        x.t.border(),
    ))
}

/// What a firm's row shows in a column, and in which style.
fn cell_text(x: &Ctx, f: &FirmRow, col: Column) -> (String, Style) {
    use crate::compare::Cell as V;
    let (t, c) = (x.t, x.c);
    match c.cell(f, col) {
        V::Text(s) if col == Column::Date => (inert(s), t.muted()),
        V::Text(s) => (inert(s), t.text()),
        V::Score(s) => (score_text(s), x.score_style(s)),
        V::Share(s) => (format!("{:.0}%", s * 100.0), t.text()),
        // Rounded down, so that 100 is only shown above all others.
        V::Percentile(p) => (
            p.map_or_else(|| "—".into(), |p| format!("{}", p.floor())),
            t.text(),
        ),
        V::Count(n) if n > 1 => (n.to_string(), t.strong()),
        V::Count(n) => (n.to_string(), t.muted()),
        V::Stage(Some(s)) => (
            inert(&c.stages()[s].id),
            t.stage(s, c.stages().len())
                .add_modifier(ratatui::style::Modifier::BOLD),
        ),
        V::Stage(None) | V::Dimension(None) => ("—".into(), t.muted()),
        V::Dimension(Some(d)) => (inert(&c.dimensions()[d].title), t.text()),
    }
}

// ---- the re-visits

fn render_progress(x: &Ctx, frame: &mut Frame, area: Rect) {
    let (t, st, c) = (x.t, x.st, x.c);
    let firms: Vec<&FirmRow> = c.progressions().collect();
    if firms.is_empty() {
        frame.render_widget(
            Span::styled(format!(" {}", x.w.no_revisit_shown), t.muted()),
            area,
        );
        return;
    }
    let mut columns = vec![Column::Overall, Column::Stage];
    columns.extend(c.shown_dimensions().iter().map(|&i| Column::Dimension(i)));
    let cols: Vec<Col> = table_columns(x)
        .into_iter()
        .filter(|col| columns.contains(&col.column))
        .map(|mut col| {
            // Room for a change such as ▲0.45; no sort arrow here.
            if col.right {
                col.width = col.width.max(5);
            }
            col
        })
        .collect();
    let label_w = [10, width(x.cw.change) + 2].into_iter().max().unwrap_or(10);
    let room = (area.width as usize).saturating_sub(label_w + 4);
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    let mut max_left = widths.len();
    while max_left > 0 && fit_from(&widths, max_left - 1, room) == widths.len() {
        max_left -= 1;
    }
    st.progress_left_max.set(max_left);
    let left = st.progress_left.min(max_left);
    let end = fit_from(&widths, left, room);
    let shown = &cols[left..end];
    let two_lines = shown.iter().any(|c| !c.head[0].is_empty());

    let total_w = area.width as usize;
    let mut head: Vec<Line> = Vec::new();
    for k in (0..2).filter(|&k| k == 1 || two_lines) {
        let label = if k == 1 { x.cw.col_date } else { "" };
        let mut spans = vec![Span::styled(
            format!("   {}", pad(label, label_w)),
            t.muted(),
        )];
        for (i, col) in shown.iter().enumerate() {
            let gap = if i == 0 && k == 1 && left > 0 {
                "◂ "
            } else {
                "  "
            };
            spans.push(Span::styled(gap, t.muted()));
            spans.push(Span::styled(
                align(&col.head[k], col.width, col.right),
                t.muted(),
            ));
        }
        if k == 1 && end < cols.len() {
            spans.push(Span::styled(" ▸", t.muted()));
        }
        head.push(Line::from(spans));
    }
    head.push(rule_line(x, total_w));
    let body_h = (area.height as usize).saturating_sub(head.len()).max(1);

    // Each firm: its name, its visits with the change after each, a blank line between.
    let height = |f: &FirmRow| 2 * f.visits.len() + 1;
    let cursor = st.progress.min(firms.len() - 1);
    let start: usize = firms[..cursor].iter().map(|f| height(f)).sum();
    let own = height(firms[cursor]);
    let mut top = st.progress_top.get();
    if start < top {
        top = start;
    } else if start + own > top + body_h {
        top = (start + own).saturating_sub(body_h).min(start);
    }
    st.progress_top.set(top);

    let mut lines = head;
    let mut at = 0;
    for (k, f) in firms.iter().enumerate() {
        let h = height(f);
        if at + h <= top {
            at += h;
            continue;
        }
        if at >= top + body_h {
            break;
        }
        let block = firm_block(x, f, shown, label_w, total_w, k == cursor);
        let skip = top.saturating_sub(at);
        lines.extend(block.into_iter().skip(skip));
        at += h;
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A re-visited firm: its name, then each visit and the change since the one before.
fn firm_block(
    x: &Ctx,
    f: &FirmRow,
    shown: &[Col],
    label_w: usize,
    total_w: usize,
    under_cursor: bool,
) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let count = fill(x.w.visits_n, &[&f.visits.len()]);
    let name = truncate(&inert(f.name()), total_w.saturating_sub(width(&count) + 6));
    let mut title = Line::from(vec![
        Span::raw(" "),
        Span::styled(name, t.strong()),
        Span::styled(format!(" · {count}"), t.muted()),
    ]);
    if under_cursor {
        title = cursor_line(title, total_w, t);
    }
    let mut out = vec![title];
    for (i, v) in f.visits.iter().enumerate() {
        if let Some(ch) = f.change(i) {
            let mut spans = vec![Span::styled(
                format!("   {}", pad(x.cw.change, label_w)),
                t.muted(),
            )];
            for col in shown {
                spans.push(Span::raw(" ".repeat(GAP)));
                let d = match col.column {
                    Column::Overall => ch.overall,
                    Column::Dimension(i) => ch.dimensions[i],
                    _ => None,
                };
                let (text, style) = change_text(t, d);
                spans.push(Span::styled(align(&text, col.width, col.right), style));
            }
            out.push(Line::from(spans));
        }
        let date = inert(v.date.as_deref().unwrap_or("—"));
        let mut spans = vec![Span::styled(
            format!("   {}", pad(&date, label_w)),
            t.text(),
        )];
        for col in shown {
            spans.push(Span::raw(" ".repeat(GAP)));
            let (text, style) = match col.column {
                Column::Overall => (score_text(v.overall), x.score_style(v.overall)),
                Column::Dimension(d) => {
                    let s = v.dimensions[d];
                    (score_text(s), x.score_style(s))
                }
                Column::Stage => match v.stage {
                    Some(s) => (inert(&c.stages()[s].id), t.stage(s, c.stages().len())),
                    None => ("—".into(), t.muted()),
                },
                _ => (String::new(), t.text()),
            };
            spans.push(Span::styled(align(&text, col.width, col.right), style));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    out
}

/// A change with an arrow for its direction: ▲0.45, ▼0.20, 0.00; nothing without one.
fn change_text(t: &Theme, d: Option<f64>) -> (String, Style) {
    match d {
        None => (String::new(), t.muted()),
        Some(v) if v > 0.0 => (format!("▲{v:.2}"), t.rise()),
        Some(v) if v < 0.0 => (format!("▼{:.2}", -v), t.fall()),
        Some(_) => ("0.00".into(), t.muted()),
    }
}

// ---- the cohort view

fn render_cohort(x: &Ctx, frame: &mut Frame, area: Rect) {
    let two = area.width >= TWO_COLUMNS;
    let (left_area, right_area) = if two {
        let [l, r] = Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)])
            .spacing(3)
            .areas(area);
        (l, Some(r))
    } else {
        (area, None)
    };
    let inner = |a: Rect| (a.width as usize).saturating_sub(1);
    let mut left = stage_lines(x, inner(left_area));
    left.push(Line::default());
    left.extend(bottleneck_lines(x, inner(left_area)));
    let mut right = recommendation_lines(x, inner(right_area.unwrap_or(left_area)));
    right.push(Line::default());
    right.extend(support_lines(x, inner(right_area.unwrap_or(left_area))));
    let h = area.height as usize;
    let st = x.st;
    st.page.set(h.saturating_sub(1).max(1));
    let (max, scroll) = match right_area {
        Some(r) => {
            let max = left.len().max(right.len()).saturating_sub(h);
            let scroll = st.cohort_scroll.min(max);
            let skip = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
                lines.into_iter().skip(scroll).collect()
            };
            frame.render_widget(Paragraph::new(skip(right)), r);
            frame.render_widget(Paragraph::new(skip(left)), left_area);
            (max, scroll)
        }
        None => {
            left.push(Line::default());
            left.extend(right);
            let max = left.len().saturating_sub(h);
            let scroll = st.cohort_scroll.min(max);
            let lines: Vec<Line> = left.into_iter().skip(scroll).collect();
            frame.render_widget(Paragraph::new(lines), area);
            (max, scroll)
        }
    };
    st.cohort_max.set(max);
    // Arrows at the right edge say there is more above or below.
    let corner = |y: u16| Rect {
        x: area.right().saturating_sub(2),
        y,
        width: 1,
        height: 1,
    };
    if scroll > 0 {
        frame.render_widget(Span::styled("▴", x.t.muted()), corner(area.y));
    }
    if scroll < max {
        frame.render_widget(Span::styled("▾", x.t.muted()), corner(area.bottom() - 1));
    }
}

fn heading(x: &Ctx, title: &str) -> Line<'static> {
    Line::from(Span::styled(format!(" {title}"), x.t.title()))
}

/// A bar of `n` against the largest count `most`, in `w` cells, in eighths of a cell; at
/// least a sliver for any firm.
fn bar(n: usize, most: usize, w: usize) -> String {
    if n == 0 || most == 0 || w == 0 {
        return String::new();
    }
    let cells = (n as f64 / most as f64 * w as f64).max(0.125);
    let full = cells.floor() as usize;
    let eighths = ((cells - full as f64) * 8.0).round() as usize;
    let mut s = "█".repeat(full.min(w));
    if eighths > 0 && full < w {
        s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][eighths.min(8)]);
    }
    s
}

/// A count and its share of the firms shown: `  3   60%`.
fn count_spans(x: &Ctx, n: usize, count_w: usize) -> Vec<Span<'static>> {
    let share = format!("{:.0}%", x.c.view().share(n) * 100.0);
    vec![
        Span::styled(pad_left(&n.to_string(), count_w), x.t.strong()),
        Span::styled(pad_left(&share, 6), x.t.muted()),
    ]
}

fn stage_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.stages_title)];
    let most = v
        .stages
        .iter()
        .copied()
        .chain([v.unscored])
        .max()
        .unwrap_or(0);
    let count_w = most.to_string().len().max(2);
    let id_w = c
        .stages()
        .iter()
        .map(|s| width(&s.id))
        .max()
        .unwrap_or(1)
        .max(1);
    let label_w = c
        .stages()
        .iter()
        .map(|s| width(&inert(&s.label)))
        .chain([width(x.cw.no_score)])
        .max()
        .unwrap_or(0)
        .min(w / 3);
    let bar_w = w
        .saturating_sub(1 + id_w + 2 + label_w + 2 + 1 + count_w + 6)
        .min(BAR_CELLS);
    let n = c.stages().len();
    let mut rows: Vec<(String, String, usize, Style)> = c
        .stages()
        .iter()
        .zip(&v.stages)
        .enumerate()
        .map(|(i, (s, &k))| (inert(&s.id), inert(&s.label), k, t.stage(i, n)))
        .collect();
    if v.unscored > 0 {
        rows.push(("—".into(), x.cw.no_score.into(), v.unscored, t.muted()));
    }
    for (id, label, k, style) in rows {
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(
                pad(&id, id_w),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::raw("  "),
            Span::styled(pad(&label, label_w), t.text()),
            Span::raw("  "),
            Span::styled(pad(&bar(k, most, bar_w), bar_w), style),
            Span::raw(" "),
        ];
        spans.extend(count_spans(x, k, count_w));
        out.push(Line::from(spans));
    }
    out
}

fn bottleneck_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.bottlenecks_title)];
    if v.bottlenecks.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let most = v.bottlenecks.first().map_or(0, |b| b.1);
    let count_w = most.to_string().len().max(2);
    let title_w = v
        .bottlenecks
        .iter()
        .map(|&(d, _)| width(&inert(&c.dimensions()[d].title)))
        .max()
        .unwrap_or(0)
        .min(w / 2);
    // As long as the stages' bars, so that the two charts line up.
    let bar_w = w
        .saturating_sub(1 + title_w + 2 + 1 + count_w + 6)
        .min(BAR_CELLS);
    for &(d, k) in &v.bottlenecks {
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(pad(&inert(&c.dimensions()[d].title), title_w), t.text()),
            Span::raw("  "),
            Span::styled(pad(&bar(k, most, bar_w), bar_w), t.warn()),
            Span::raw(" "),
        ];
        spans.extend(count_spans(x, k, count_w));
        out.push(Line::from(spans));
    }
    out
}

fn recommendation_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.recommendations_title)];
    if v.recommendations.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let count_w = v
        .recommendations
        .first()
        .map_or(1, |r| r.1.to_string().len())
        .max(2);
    let prio_w = [x.cw.high, x.cw.medium, x.cw.low]
        .iter()
        .map(|p| width(p))
        .max()
        .unwrap_or(1);
    for &(r, k) in &v.recommendations {
        let rec = &c.recommendations()[r];
        let (prio, style) = match rec.priority {
            Priority::High => (x.cw.high, t.bad()),
            Priority::Medium => (x.cw.medium, t.warn()),
            Priority::Low => (x.cw.low, t.muted()),
        };
        let mut spans = vec![Span::raw(" ")];
        spans.extend(count_spans(x, k, count_w));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(pad(prio, prio_w), style));
        spans.push(Span::raw("  "));
        let used = 1 + count_w + 6 + 2 + prio_w + 2;
        let room = w.saturating_sub(used);
        let title = truncate(&inert(&rec.title), room);
        let rest = room.saturating_sub(width(&title));
        spans.push(Span::styled(title, t.text()));
        if let Some(support) = &rec.support
            && rest > 6
        {
            let support = truncate(&format!(" · {}", inert(support)), rest);
            spans.push(Span::styled(support, t.muted()));
        }
        out.push(Line::from(spans));
    }
    out
}

fn support_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let t = x.t;
    let v = x.c.view();
    let mut out = vec![heading(x, x.cw.supports_title)];
    if v.supports.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let count_w = v
        .supports
        .first()
        .map_or(1, |s| s.1.to_string().len())
        .max(2);
    for (name, k) in &v.supports {
        let mut spans = vec![Span::raw(" ")];
        spans.extend(count_spans(x, *k, count_w));
        spans.push(Span::raw("  "));
        let room = w.saturating_sub(1 + count_w + 6 + 2);
        spans.push(Span::styled(truncate(&inert(name), room), t.text()));
        out.push(Line::from(spans));
    }
    out
}

// ---- the filter window

fn render_picker(x: &Ctx, frame: &mut Frame, area: Rect, p: &Picker) {
    let t = x.t;
    let w = x.w;
    let (title, mut lines, cursor): (String, Vec<Line>, Option<usize>) = match &p.step {
        None => {
            let label_w = p.fields.iter().map(|f| width(&f.label)).max().unwrap_or(0);
            let lines = p
                .fields
                .iter()
                .map(|f| {
                    let current =
                        x.c.filters()
                            .find(|x| x.field == f.id)
                            .map(|f| x.filter_parts(f).1)
                            .unwrap_or_default();
                    Line::from(vec![
                        Span::styled(format!(" {} ", pad(&f.label, label_w)), t.text()),
                        Span::styled(format!(" {current}"), t.warn()),
                    ])
                })
                .collect();
            (w.pick_field.to_string(), lines, Some(p.cursor))
        }
        Some(PickStep::Values {
            field,
            values,
            ticked,
            cursor,
        }) => {
            let label = &p.fields[*field].label;
            let mut lines = vec![Line::from(Span::styled(
                format!(" {}", w.any_value),
                t.text(),
            ))];
            let count_w = values
                .iter()
                .map(|v| width(&fill(w.firms_n, &[&v.firms])))
                .max()
                .unwrap_or(0);
            let label_w = values
                .iter()
                .map(|v| width(&inert(&v.label)))
                .max()
                .unwrap_or(0)
                .min(40);
            for (v, on) in values.iter().zip(ticked) {
                let mark = if *on { "[x]" } else { "[ ]" };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!(" {mark} "),
                        if *on { t.chosen() } else { t.muted() },
                    ),
                    Span::styled(pad(&inert(&v.label), label_w), t.text()),
                    Span::styled(
                        format!("  {} ", pad_left(&fill(w.firms_n, &[&v.firms]), count_w)),
                        t.muted(),
                    ),
                ]));
            }
            if values.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!(" {}", w.pick_none),
                    t.muted(),
                )));
            }
            (fill(w.pick_values, &[label]), lines, Some(*cursor))
        }
        Some(PickStep::Number { field, .. }) => {
            let label = &p.fields[*field].label;
            // One line for the input above the hint.
            let lines = vec![Line::from(Span::styled(
                format!(" {}", w.pick_number_hint),
                t.muted(),
            ))];
            (fill(w.pick_number, &[label]), lines, None)
        }
    };
    let content_w = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| width(&s.content)).sum::<usize>())
        .chain([width(&title) + 4])
        .max()
        .unwrap_or(20);
    let box_w = (content_w as u16 + 4)
        .max(30)
        .min(area.width.saturating_sub(4));
    let inner_h = area.height.saturating_sub(4).max(1);
    let input_h = u16::from(matches!(p.step, Some(PickStep::Number { .. })));
    let box_h = (lines.len() as u16 + input_h).min(inner_h) + 2;
    let rect = crate::tui::draw::centered(area, box_w, box_h);
    // A blank cell around the window keeps the table behind from touching its border.
    let x0 = rect.x.saturating_sub(1).max(area.x);
    let halo = Rect {
        x: x0,
        width: (rect.right() + 1).min(area.right()) - x0,
        ..rect
    };
    frame.render_widget(Clear, halo);
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(
            format!(" {} ", truncate(&title, (box_w as usize).saturating_sub(4))),
            t.title(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // A condition being typed: the input on the first line, the hint below.
    let list = match &p.step {
        Some(PickStep::Number { input, .. }) => {
            let [field, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
            let [prompt, field] =
                Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(field);
            frame.render_widget(Span::styled(" › ", t.key()), prompt);
            frame.render_widget(&**input, field);
            crate::tui::app::place_cursor(frame, input, field);
            rest
        }
        _ => inner,
    };
    let h = list.height as usize;
    let top = cursor.map_or(0, |c| c.saturating_sub(h.saturating_sub(1)));
    if let Some(c) = cursor
        && let Some(line) = lines.get_mut(c)
    {
        let l = std::mem::take(line);
        *line = cursor_line(l, list.width as usize, t);
    }
    let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), list);
}
