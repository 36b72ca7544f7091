//! The comparison screen, a thin renderer of [`Comparison`] in three views: the firms table
//! (cohort rows, percentiles, cells coloured by stage, sorting and filters), the re-visited
//! firms with the change since the previous visit, and the cohort view (stages, bottlenecks,
//! recommendations and support). Enter opens a firm's latest assessment on its summary.

mod cohort;
mod commands;
mod filter;
mod progress;
mod table;

use std::cell::Cell;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::compare::render::{apart_count, apart_list, mixed_warning, questionnaires_label};
use crate::compare::{Column, Comparison, Direction, Filter, FirmRow, ScoredVisit, Section, Test};
use crate::i18n::{CompareWords, Lang, TuiWords};
use crate::model::Assessment;
use crate::plain_text::{inert, truncate, width};
use crate::store::Opened;
use crate::tui::app::{Action, App, Screen, Tone};
use crate::tui::bindings::{self, lookup};
use crate::tui::draw::{chrome, footer, rule};
use crate::tui::theme::Theme;

use cohort::render_cohort;
use commands::CompareCommand as C;
pub use commands::{COMPARE, CompareCommand, CompareContext, CompareFocus};
pub use filter::{PickField, PickStep, Picker};
use filter::{picker_key, render_picker};
use progress::render_progress;
use table::render_firms;

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
    // Remembered from the last frame, so that scrolling is steady and a page is a page.
    top: Cell<usize>,
    left: Cell<usize>,
    page: Cell<usize>,
    progress_top: Cell<usize>,
    progress_left_max: Cell<usize>,
    cohort_max: Cell<usize>,
}

impl CompareState {
    /// The screen of `comparison` as it stands (sorted and filtered already), made of
    /// `visits` (kept to compare again after a firm's assessment is edited), opening on the
    /// view of `section` (none: the firms).
    pub fn new(comparison: Comparison, visits: Vec<ScoredVisit>, section: Option<Section>) -> Self {
        let view = match section {
            Some(Section::Progress) => View::Progress,
            Some(Section::Cohort) => View::Cohort,
            Some(Section::Firms | Section::Stats) | None => View::Firms,
        };
        let lang = comparison.lang();
        let mut s = Self {
            comparison,
            visits,
            lang,
            columns: Vec::new(),
            name_w: 0,
            view,
            cursor: 0,
            on_header: false,
            column: 0,
            progress: 0,
            progress_left: 0,
            cohort_scroll: 0,
            picker: None,
            edited: false,
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

    /// After the firms shown changed (a filter): the columns of the questionnaire now shown,
    /// the chosen column kept where it still is, and every cursor back to the top.
    fn reset_rows(&mut self) {
        let chosen = self.columns.get(self.column).copied();
        self.measure();
        self.column = chosen
            .and_then(|c| self.columns.iter().position(|&k| k == c))
            .unwrap_or(0);
        self.left.set(0);
        self.progress_left = 0;
        self.cursor = 0;
        self.top.set(0);
        self.progress = 0;
        self.progress_top.set(0);
        self.cohort_scroll = 0;
    }

    /// An assessment opened from here was changed and saved: compares again with it as it
    /// now is, keeping the filters, the sort, and the cursor on that firm.
    pub fn visit_changed(&mut self, path: &Path, assessment: Assessment) {
        self.edited = true;
        self.update_visit(path, assessment);
    }

    fn update_visit(&mut self, path: &Path, assessment: Assessment) {
        let Some(i) = self.visits.iter().position(|v| v.path == path) else {
            return;
        };
        self.visits[i] = ScoredVisit::new(Opened {
            path: path.to_path_buf(),
            assessment,
            questionnaire: self.visits[i].questionnaire.clone(),
            warnings: Vec::new(),
        });
        self.comparison = self.comparison.rescored(&self.visits);
        self.measure();
        let holds = |f: &FirmRow| f.visits.iter().any(|v| *v.file == *path);
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

    /// What decides the keys now; `home` when leaving goes back to the home screen.
    pub fn context(&self, home: bool) -> CompareContext {
        CompareContext {
            focus: self.focus(),
            filtered: self.filtered(),
            home,
        }
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

// ---------------------------------------------------------------- keys

/// What a key on the comparison asks of the app beyond the comparison's own state.
enum Effect {
    None,
    Help,
    Back,
    Open(PathBuf),
    Say(Tone, String),
}

/// Whether leaving the comparison goes back to the home screen rather than out of dmat.
pub fn to_home(app: &App) -> bool {
    app.returns_to(Screen::Compare) == Some(Screen::Home)
}

pub fn on_key(app: &mut App, key: KeyEvent) -> Action {
    let w = app.words;
    let home = to_home(app);
    let Some(st) = app.compare.as_mut() else {
        return Action::None;
    };
    let Some(command) = lookup(COMPARE, &key, &st.context(home)) else {
        // Other keys type the condition on a number, if one is being typed.
        if let Some(Picker {
            step: Some(PickStep::Number { input, .. }),
            ..
        }) = st.picker.as_mut()
        {
            input.input(key);
        }
        return Action::None;
    };
    let effect = if st.picker.is_some() {
        picker_key(st, command, w)
    } else {
        state_key(st, command, w)
    };
    match effect {
        Effect::None => Action::None,
        Effect::Help => Action::Help,
        Effect::Open(path) => Action::OpenSummary(path),
        Effect::Say(tone, text) => {
            app.say(tone, text);
            Action::None
        }
        Effect::Back => Action::Back,
    }
}

fn state_key(st: &mut CompareState, command: C, w: &TuiWords) -> Effect {
    match command {
        C::Back => return Effect::Back,
        C::Quit => return Effect::Back,
        C::Help => return Effect::Help,
        C::NextView => st.view = st.view.next(),
        C::PrevView => st.view = st.view.prev(),
        C::Filter => {
            let cw = CompareWords::of(st.lang);
            st.picker = Some(Picker::new(&st.comparison, cw));
        }
        C::ClearFilter => {
            if st.filtered() {
                st.comparison.clear_filters();
                st.reset_rows();
                return Effect::Say(Tone::Info, w.filters_cleared.into());
            }
        }
        _ => {
            return match st.view {
                View::Firms => firms_key(st, command),
                View::Progress => progress_key(st, command),
                View::Cohort => {
                    cohort_key(st, command);
                    Effect::None
                }
            };
        }
    }
    Effect::None
}

fn firms_key(st: &mut CompareState, command: C) -> Effect {
    let n = st.comparison.rows().len();
    let last = n.saturating_sub(1);
    let page = st.page.get().max(1);
    match command {
        C::Up => {
            if st.cursor == 0 {
                st.on_header = true;
            } else if !st.on_header {
                st.cursor -= 1;
            }
        }
        C::Down => {
            if st.on_header {
                st.on_header = false;
                st.cursor = 0;
            } else {
                st.cursor = (st.cursor + 1).min(last);
            }
        }
        C::PageUp => {
            st.on_header = false;
            st.cursor = st.cursor.saturating_sub(page);
        }
        C::PageDown => {
            st.on_header = false;
            st.cursor = (st.cursor + page).min(last);
        }
        C::Top => {
            st.on_header = false;
            st.cursor = 0;
        }
        C::Bottom => {
            st.on_header = false;
            st.cursor = last;
        }
        C::Left => st.column = st.column.saturating_sub(1),
        C::Right => {
            st.column = (st.column + 1).min(st.columns.len().saturating_sub(1));
        }
        C::Sort => st.sort_chosen(),
        C::Enter if st.on_header => st.sort_chosen(),
        C::Enter => {
            if let Some(f) = st.firm_under_cursor() {
                return Effect::Open(f.latest().file.to_path_buf());
            }
        }
        _ => {}
    }
    Effect::None
}

fn progress_key(st: &mut CompareState, command: C) -> Effect {
    let last = st.comparison.progressions().count().saturating_sub(1);
    match command {
        C::Up => st.progress = st.progress.saturating_sub(1),
        C::Down => st.progress = (st.progress + 1).min(last),
        C::PageUp => st.progress = st.progress.saturating_sub(5),
        C::PageDown => st.progress = (st.progress + 5).min(last),
        C::Top => st.progress = 0,
        C::Bottom => st.progress = last,
        C::Left => {
            st.progress_left = st.progress_left.saturating_sub(1);
        }
        C::Right => {
            st.progress_left = (st.progress_left + 1).min(st.progress_left_max.get());
        }
        C::Enter => {
            if let Some(f) = st.firm_under_cursor() {
                return Effect::Open(f.latest().file.to_path_buf());
            }
        }
        _ => {}
    }
    Effect::None
}

fn cohort_key(st: &mut CompareState, command: C) {
    let max = st.cohort_max.get();
    let page = st.page.get().max(1);
    st.cohort_scroll = match command {
        C::Up => st.cohort_scroll.saturating_sub(1),
        C::Down => st.cohort_scroll + 1,
        C::PageUp => st.cohort_scroll.saturating_sub(page),
        C::PageDown => st.cohort_scroll + page,
        C::Top => 0,
        C::Bottom => max,
        _ => st.cohort_scroll,
    }
    .min(max);
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
            (None, "questionnaire") => self.cw.col_questionnaire.into(),
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
                (None, "questionnaire") => c.questionnaire_title(v).map(String::from),
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
    let keys = bindings::footer(COMPARE, app.words, &st.context(to_home(app)));
    footer(app, frame, c.footer, &keys);
}

fn render_header(x: &Ctx, frame: &mut Frame, area: Rect) {
    let c = x.c;
    let assessments: usize = c.rows().map(|f| f.visits.len()).sum();
    let right = format!(
        "{} ",
        x.cw.firms_line(
            c.rows().len(),
            assessments,
            &inert(&questionnaires_label(c))
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
    let status = x.cw.sorted_by(&x.column_title(col), dir);
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
    if !x.c.apart().is_empty() {
        let note = x.w.cmp_apart(apart_count(x.c), &apart_list(x.c));
        spans.push(Span::styled(format!(" {}", inert(&note)), t.warn()));
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
