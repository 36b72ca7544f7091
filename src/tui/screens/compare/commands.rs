//! The comparison's keys as data: one table drives the dispatch, the footer (which depends
//! on the view in front and on the filter window) and the `?` help. Commands name what a
//! key asks for; the view in front, or the filter window, says what that means there.

use crossterm::event::KeyCode::{self, *};

use crate::tui::bindings::{Binding, Word, commands, ctrl};

/// What has the keys on the comparison screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFocus {
    Firms,
    Progress,
    Cohort,
    /// The filter window, choosing a field.
    PickField,
    /// The filter window, ticking values.
    PickValues,
    /// The filter window, typing a condition on a number.
    PickNumber,
}

commands! {
    /// What the keys of the comparison ask for.
    CompareCommand {
        Up,
        Down,
        PageUp,
        PageDown,
        Top,
        Bottom,
        Left,
        Right,
        Sort,
        Enter,
        /// Ticks a value in the filter window.
        Tick,
        NextView,
        PrevView,
        Filter,
        ClearFilter,
        Help,
        /// Back a step in the filter window; else leaves the comparison.
        Back,
        Quit,
    }
}

/// What decides the comparison's keys: what has them, whether a filter is on, and whether
/// leaving goes back to the home screen rather than out of dmat.
pub struct CompareContext {
    pub focus: CompareFocus,
    pub filtered: bool,
    pub home: bool,
}

use CompareCommand as C;
use CompareFocus as F;

fn main(x: &CompareContext) -> bool {
    matches!(x.focus, F::Firms | F::Progress | F::Cohort)
}
fn picker(x: &CompareContext) -> bool {
    !main(x)
}
fn firms(x: &CompareContext) -> bool {
    x.focus == F::Firms
}
fn progress(x: &CompareContext) -> bool {
    x.focus == F::Progress
}
fn cohort(x: &CompareContext) -> bool {
    x.focus == F::Cohort
}
fn rows(x: &CompareContext) -> bool {
    firms(x) || progress(x)
}
fn filtered(x: &CompareContext) -> bool {
    main(x) && x.filtered
}
fn to_home(x: &CompareContext) -> bool {
    main(x) && x.home
}
fn to_shell(x: &CompareContext) -> bool {
    main(x) && !x.home
}
fn choosing(x: &CompareContext) -> bool {
    matches!(x.focus, F::PickField | F::PickValues)
}
fn picking_field(x: &CompareContext) -> bool {
    x.focus == F::PickField
}
fn applying(x: &CompareContext) -> bool {
    matches!(x.focus, F::PickValues | F::PickNumber)
}
fn ticking(x: &CompareContext) -> bool {
    x.focus == F::PickValues
}

const MOVE: &[(KeyCode, C)] = &[
    (Up, C::Up),
    (Char('k'), C::Up),
    (Down, C::Down),
    (Char('j'), C::Down),
];
const SIDEWAYS: &[(KeyCode, C)] = &[
    (Left, C::Left),
    (Char('h'), C::Left),
    (Right, C::Right),
    (Char('l'), C::Right),
];

/// A row on the footer alone.
const fn footer_row(
    keys: &'static [(KeyCode, C)],
    footer: &'static str,
    short: Word,
    help: Word,
    when: fn(&CompareContext) -> bool,
) -> Binding<C, CompareContext> {
    Binding {
        keys,
        footer,
        listed: "",
        short,
        help,
        section: |w| w.sec_compare_views,
        when,
    }
}

/// A row of the help screen alone; its keys work while the filter window is closed.
const fn help_row(
    keys: &'static [(KeyCode, C)],
    listed: &'static str,
    help: Word,
    section: Word,
    when: fn(&CompareContext) -> bool,
) -> Binding<C, CompareContext> {
    Binding {
        keys,
        footer: "",
        listed,
        short: crate::tui::bindings::none,
        help,
        section,
        when,
    }
}

/// The comparison's keys: the footer's rows of the filter window and of each view, then
/// every key as the help screen lists it. A key runs the same command in every row that has
/// it and applies.
pub static COMPARE: &[Binding<C, CompareContext>] = &[
    // The filter window.
    footer_row(MOVE, "↑↓", |w| w.k_move, |w| w.h_pick_move, choosing),
    footer_row(
        &[(Enter, C::Enter)],
        "Enter",
        |w| w.k_step,
        |w| w.h_pick_enter,
        picking_field,
    ),
    footer_row(
        &[(Char(' '), C::Tick)],
        "Space",
        |w| w.k_tick,
        |w| w.h_pick_tick,
        ticking,
    ),
    footer_row(
        &[(Enter, C::Enter)],
        "Enter",
        |w| w.k_apply,
        |w| w.h_pick_enter,
        applying,
    ),
    footer_row(
        &[(Esc, C::Back)],
        "Esc",
        |w| w.k_back,
        |w| w.h_pick_esc,
        picker,
    ),
    // The views.
    footer_row(MOVE, "↑↓", |w| w.k_move, |w| w.h_cmp_move, rows),
    footer_row(MOVE, "↑↓", |w| w.k_scroll_v, |w| w.h_cmp_scroll, cohort),
    footer_row(SIDEWAYS, "←→", |w| w.k_column, |w| w.h_cmp_column, firms),
    footer_row(
        SIDEWAYS,
        "←→",
        |w| w.k_scroll_v,
        |w| w.h_cmp_scroll,
        progress,
    ),
    footer_row(
        &[(Char('o'), C::Sort)],
        "o",
        |w| w.k_sort,
        |w| w.h_cmp_sort,
        firms,
    ),
    footer_row(
        &[(Enter, C::Enter)],
        "Enter",
        |w| w.k_open,
        |w| w.h_cmp_open,
        rows,
    ),
    footer_row(
        &[(Tab, C::NextView), (BackTab, C::PrevView)],
        "Tab",
        |w| w.k_view,
        |w| w.h_cmp_view,
        main,
    ),
    footer_row(
        &[(Char('f'), C::Filter)],
        "f",
        |w| w.k_filter,
        |w| w.h_cmp_filter,
        main,
    ),
    footer_row(
        &[(Char('F'), C::ClearFilter)],
        "F",
        |w| w.k_clear_filter,
        |w| w.h_cmp_clear,
        filtered,
    ),
    footer_row(
        &[(Char('?'), C::Help)],
        "?",
        |w| w.k_help,
        |w| w.h_help,
        main,
    ),
    // Esc does the same; the help screen says so.
    footer_row(
        &[(Char('q'), C::Back), (Esc, C::Back)],
        "q",
        |w| w.k_back,
        |w| w.h_cmp_back_home,
        to_home,
    ),
    footer_row(
        &[(Char('q'), C::Back), (Esc, C::Back)],
        "q",
        |w| w.k_quit,
        |w| w.h_cmp_quit,
        to_shell,
    ),
    // The help screen: the firms table.
    help_row(
        MOVE,
        "↑ ↓  k j",
        |w| w.h_cmp_move,
        |w| w.sec_compare_table,
        main,
    ),
    help_row(
        &[
            (PageUp, C::PageUp),
            (PageDown, C::PageDown),
            (Home, C::Top),
            (End, C::Bottom),
        ],
        "PgUp PgDn  Home End",
        |w| w.h_cmp_page,
        |w| w.sec_compare_table,
        main,
    ),
    help_row(
        SIDEWAYS,
        "← →  h l",
        |w| w.h_cmp_column,
        |w| w.sec_compare_table,
        main,
    ),
    help_row(
        &[(Char('o'), C::Sort)],
        "o",
        |w| w.h_cmp_sort,
        |w| w.sec_compare_table,
        main,
    ),
    help_row(
        &[(Enter, C::Enter)],
        "Enter",
        |w| w.h_cmp_open,
        |w| w.sec_compare_table,
        main,
    ),
    // Views and filters.
    help_row(
        &[(Tab, C::NextView), (BackTab, C::PrevView)],
        "Tab  Shift-Tab",
        |w| w.h_cmp_view,
        |w| w.sec_compare_views,
        main,
    ),
    help_row(
        &[
            (Up, C::Up),
            (Down, C::Down),
            (Left, C::Left),
            (Right, C::Right),
        ],
        "↑ ↓  ← →",
        |w| w.h_cmp_scroll,
        |w| w.sec_compare_views,
        main,
    ),
    help_row(
        &[(Char('f'), C::Filter)],
        "f",
        |w| w.h_cmp_filter,
        |w| w.sec_compare_views,
        main,
    ),
    help_row(
        &[(Char('F'), C::ClearFilter)],
        "F",
        |w| w.h_cmp_clear,
        |w| w.sec_compare_views,
        main,
    ),
    // The filter window, as the help lists it (its keys work while it is open, above).
    help_row(
        &[(Up, C::Up), (Down, C::Down)],
        "↑ ↓",
        |w| w.h_pick_move,
        |w| w.sec_picker,
        main,
    ),
    help_row(
        &[(Char(' '), C::Tick)],
        "Space",
        |w| w.h_pick_tick,
        |w| w.sec_picker,
        main,
    ),
    help_row(
        &[(Enter, C::Enter)],
        "Enter",
        |w| w.h_pick_enter,
        |w| w.sec_picker,
        main,
    ),
    help_row(
        &[(Esc, C::Back)],
        "Esc",
        |w| w.h_pick_esc,
        |w| w.sec_picker,
        main,
    ),
    // Everywhere.
    help_row(
        &[(Char('?'), C::Help)],
        "?",
        |w| w.h_help,
        |w| w.sec_everywhere,
        main,
    ),
    help_row(
        &[(Esc, C::Back), (Char('q'), C::Back)],
        "Esc  q",
        |w| w.h_cmp_back_home,
        |w| w.sec_everywhere,
        to_home,
    ),
    help_row(
        &[(Esc, C::Back), (Char('q'), C::Back)],
        "Esc  q",
        |w| w.h_cmp_quit,
        |w| w.sec_everywhere,
        to_shell,
    ),
    // The app quits on Ctrl-C before any screen sees it; the row documents it.
    help_row(
        &[(ctrl('c'), C::Quit)],
        "Ctrl-C",
        |w| w.h_ctrl_c,
        |w| w.sec_everywhere,
        main,
    ),
];
