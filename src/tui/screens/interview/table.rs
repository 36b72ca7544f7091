//! The interview's keys as data: one table drives the dispatch, the footer (which depends on
//! what the page asks for) and the `?` help (the same on every page); the jump list has its
//! own.

use crossterm::event::KeyCode::{self, *};

use crate::tui::bindings::{Binding, always, commands, ctrl};

/// What the page under the cursor asks for, which decides the keys on the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Single,
    Multi,
    Number,
    Text,
    Skipped,
}

commands! {
    /// What the keys of the interview do.
    InterviewCommand {
        Up,
        Down,
        /// A digit or sign: chooses or ticks option N, or starts a number.
        Digit,
        Enter,
        Space,
        Next,
        Prev,
        NotApplicable,
        /// Takes last visit's answer and note over (a follow-up visit).
        TakeOver,
        /// Edits the firm's unified social credit code (on a profile page).
        Code,
        Note,
        Clear,
        Unanswered,
        FullHelp,
        Jump,
        NextDimension,
        PrevDimension,
        First,
        Last,
        Summary,
        Help,
        Leave,
        Quit,
    }
}

impl InterviewCommand {
    /// Whether the command answers, clears or edits (rather than moving or leaving): what a
    /// completed assessment and a page not asked refuse.
    pub fn changes_answers(self) -> bool {
        use InterviewCommand as I;
        matches!(
            self,
            I::Digit
                | I::Enter
                | I::Space
                | I::NotApplicable
                | I::TakeOver
                | I::Code
                | I::Note
                | I::Clear
        )
    }
}

/// What decides the interview's footer: what the page asks for, whether it allows "not
/// applicable", whether it takes a note (questions do, profile fields do not), and whether
/// last visit answered it (a follow-up visit).
pub struct InterviewContext {
    pub kind: PageKind,
    pub na: bool,
    pub note: bool,
    pub last: bool,
}

fn single(x: &InterviewContext) -> bool {
    x.kind == PageKind::Single
}
fn multi(x: &InterviewContext) -> bool {
    x.kind == PageKind::Multi
}
fn choice(x: &InterviewContext) -> bool {
    single(x) || multi(x)
}
fn number(x: &InterviewContext) -> bool {
    x.kind == PageKind::Number
}
/// On a text page letters type the answer: only keys that are not letters are offered.
fn text(x: &InterviewContext) -> bool {
    x.kind == PageKind::Text
}
fn not_text(x: &InterviewContext) -> bool {
    !text(x)
}
fn take_over(x: &InterviewContext) -> bool {
    x.last && !text(x)
}
fn take_over_text(x: &InterviewContext) -> bool {
    x.last && text(x)
}
/// A profile page (which takes no note) where letters do not type: `i` edits the code.
fn code(x: &InterviewContext) -> bool {
    !x.note && !text(x)
}
fn na(x: &InterviewContext) -> bool {
    x.na && !text(x)
}
fn note(x: &InterviewContext) -> bool {
    x.note && !matches!(x.kind, PageKind::Skipped | PageKind::Text)
}

use InterviewCommand as I;

const OPTION_DIGITS: &[(KeyCode, I)] = &[
    (Char('1'), I::Digit),
    (Char('2'), I::Digit),
    (Char('3'), I::Digit),
    (Char('4'), I::Digit),
    (Char('5'), I::Digit),
    (Char('6'), I::Digit),
    (Char('7'), I::Digit),
    (Char('8'), I::Digit),
    (Char('9'), I::Digit),
];
const NUMBER_KEYS: &[(KeyCode, I)] = &[
    (Enter, I::Enter),
    (Char('0'), I::Digit),
    (Char('1'), I::Digit),
    (Char('2'), I::Digit),
    (Char('3'), I::Digit),
    (Char('4'), I::Digit),
    (Char('5'), I::Digit),
    (Char('6'), I::Digit),
    (Char('7'), I::Digit),
    (Char('8'), I::Digit),
    (Char('9'), I::Digit),
    (Char('-'), I::Digit),
    (Char('.'), I::Digit),
];
const MOVE: &[(KeyCode, I)] = &[
    (Up, I::Up),
    (Char('k'), I::Up),
    (Down, I::Down),
    (Char('j'), I::Down),
];
const PAGES: &[(KeyCode, I)] = &[
    (Right, I::Next),
    (Char('n'), I::Next),
    (Left, I::Prev),
    (Char('p'), I::Prev),
];

/// A row on the footer alone: where it applies differs from where its keys work.
const fn footer_row(
    keys: &'static [(KeyCode, I)],
    footer: &'static str,
    short: crate::tui::bindings::Word,
    help: crate::tui::bindings::Word,
    when: fn(&InterviewContext) -> bool,
) -> Binding<I, InterviewContext> {
    Binding {
        keys,
        footer,
        listed: "",
        short,
        help,
        section: |w| w.sec_answer,
        when,
    }
}

/// A row of the help screen alone: its keys work on every page.
const fn help_row(
    keys: &'static [(KeyCode, I)],
    listed: &'static str,
    help: crate::tui::bindings::Word,
    section: crate::tui::bindings::Word,
) -> Binding<I, InterviewContext> {
    Binding {
        keys,
        footer: "",
        listed,
        short: crate::tui::bindings::none,
        help,
        section,
        when: always,
    }
}

/// The interview's keys: the footer's rows for each kind of page first, then every key as
/// the help screen lists it. A key runs the same command in every row that has it.
pub static INTERVIEW: &[Binding<I, InterviewContext>] = &[
    footer_row(
        &[(Char('t'), I::TakeOver)],
        "t",
        |w| w.k_take_over,
        |w| w.h_take_over,
        take_over,
    ),
    footer_row(OPTION_DIGITS, "1-9", |w| w.k_choose, |w| w.h_digit, single),
    footer_row(OPTION_DIGITS, "1-9", |w| w.k_toggle, |w| w.h_digit, multi),
    footer_row(MOVE, "↑↓", |w| w.k_move, |w| w.h_move, choice),
    footer_row(
        &[(Enter, I::Enter)],
        "Enter",
        |w| w.k_pick,
        |w| w.h_choose_single,
        single,
    ),
    footer_row(
        &[(Char(' '), I::Space)],
        "Space",
        |w| w.k_toggle,
        |w| w.h_toggle_multi,
        multi,
    ),
    footer_row(
        &[(Enter, I::Enter)],
        "Enter",
        |w| w.k_next,
        |w| w.h_enter_multi,
        multi,
    ),
    footer_row(
        NUMBER_KEYS,
        "Enter 0-9",
        |w| w.k_edit,
        |w| w.h_digit_number,
        number,
    ),
    footer_row(
        &[(Enter, I::Enter)],
        "Enter a-z",
        |w| w.k_edit,
        |w| w.h_type_text,
        text,
    ),
    footer_row(
        &[(ctrl('t'), I::TakeOver)],
        "Ctrl-T",
        |w| w.k_take_over,
        |w| w.h_take_over,
        take_over_text,
    ),
    footer_row(PAGES, "←→", |w| w.k_pages, |w| w.h_next, always),
    footer_row(
        &[(ctrl('e'), I::Note)],
        "Ctrl-E",
        |w| w.k_note,
        |w| w.h_note_ctrl,
        text,
    ),
    footer_row(
        &[(Char('x'), I::NotApplicable)],
        "x",
        |w| w.k_na,
        |w| w.h_na,
        na,
    ),
    footer_row(
        &[(Char('e'), I::Note)],
        "e",
        |w| w.k_note,
        |w| w.h_note,
        note,
    ),
    footer_row(
        &[(Char('g'), I::Unanswered)],
        "g",
        |w| w.k_unanswered,
        |w| w.h_unanswered,
        not_text,
    ),
    footer_row(
        &[(Char('J'), I::Jump), (Char(':'), I::Jump)],
        "J :",
        |w| w.k_jump,
        |w| w.h_jump,
        not_text,
    ),
    footer_row(
        &[(Char(':'), I::Jump)],
        ":",
        |w| w.k_jump,
        |w| w.h_jump,
        text,
    ),
    footer_row(
        &[(Char('s'), I::Summary)],
        "s",
        |w| w.k_summary,
        |w| w.h_summary,
        not_text,
    ),
    footer_row(
        &[(Char('i'), I::Code)],
        "i",
        |w| w.k_code,
        |w| w.h_code,
        code,
    ),
    footer_row(
        &[(Char('?'), I::Help)],
        "?",
        |w| w.k_help,
        |w| w.h_help,
        always,
    ),
    footer_row(
        &[(Char('q'), I::Leave)],
        "q",
        |w| w.k_leave,
        |w| w.h_leave,
        not_text,
    ),
    footer_row(
        &[(ctrl('c'), I::Quit)],
        "Ctrl-C",
        |w| w.k_quit,
        |w| w.h_ctrl_c,
        text,
    ),
    // The help screen: answering.
    help_row(MOVE, "↑ ↓  k j", |w| w.h_move, |w| w.sec_answer),
    help_row(
        &[(Enter, I::Enter), (Char(' '), I::Space)],
        "Enter  Space",
        |w| w.h_choose_single,
        |w| w.sec_answer,
    ),
    help_row(
        &[(Char(' '), I::Space)],
        "Space",
        |w| w.h_toggle_multi,
        |w| w.sec_answer,
    ),
    help_row(OPTION_DIGITS, "1 – 9", |w| w.h_digit, |w| w.sec_answer),
    help_row(
        &[(Enter, I::Enter)],
        "Enter",
        |w| w.h_enter_multi,
        |w| w.sec_answer,
    ),
    help_row(NUMBER_KEYS, "0 – 9", |w| w.h_digit_number, |w| w.sec_answer),
    // Letters typed on a text page start its answer: typing, not a command.
    help_row(&[], "a – z", |w| w.h_type_text, |w| w.sec_answer),
    help_row(
        &[(Char('x'), I::NotApplicable)],
        "x",
        |w| w.h_na,
        |w| w.sec_answer,
    ),
    help_row(
        &[(Char('t'), I::TakeOver), (ctrl('t'), I::TakeOver)],
        "t  Ctrl-T",
        |w| w.h_take_over,
        |w| w.sec_answer,
    ),
    help_row(&[(Char('i'), I::Code)], "i", |w| w.h_code, |w| w.sec_answer),
    help_row(&[(Char('e'), I::Note)], "e", |w| w.h_note, |w| w.sec_answer),
    help_row(
        &[(ctrl('e'), I::Note)],
        "Ctrl-E",
        |w| w.h_note_ctrl,
        |w| w.sec_answer,
    ),
    help_row(
        &[(Backspace, I::Clear), (Delete, I::Clear)],
        "Backspace  Del",
        |w| w.h_clear,
        |w| w.sec_answer,
    ),
    // Moving.
    help_row(
        &[(Right, I::Next), (Char('n'), I::Next)],
        "→  n",
        |w| w.h_next,
        |w| w.sec_move,
    ),
    help_row(
        &[(Left, I::Prev), (Char('p'), I::Prev)],
        "←  p",
        |w| w.h_prev,
        |w| w.sec_move,
    ),
    help_row(
        &[(Char('g'), I::Unanswered)],
        "g",
        |w| w.h_unanswered,
        |w| w.sec_move,
    ),
    help_row(
        &[(Char('h'), I::FullHelp)],
        "h",
        |w| w.h_full_help,
        |w| w.sec_move,
    ),
    help_row(
        &[(Char('J'), I::Jump), (Char(':'), I::Jump)],
        "J  :",
        |w| w.h_jump,
        |w| w.sec_move,
    ),
    help_row(
        &[(Tab, I::NextDimension), (BackTab, I::PrevDimension)],
        "Tab  Shift-Tab",
        |w| w.h_dimension,
        |w| w.sec_move,
    ),
    help_row(
        &[(Home, I::First), (End, I::Last)],
        "Home  End",
        |w| w.h_first_last,
        |w| w.sec_move,
    ),
    help_row(
        &[(Char('s'), I::Summary)],
        "s",
        |w| w.h_summary,
        |w| w.sec_move,
    ),
    // Everywhere.
    help_row(
        &[(Char('?'), I::Help)],
        "?",
        |w| w.h_help,
        |w| w.sec_everywhere,
    ),
    help_row(
        &[(Char('q'), I::Leave)],
        "q",
        |w| w.h_leave,
        |w| w.sec_everywhere,
    ),
    // The app quits on Ctrl-C before any screen sees it; the row documents it.
    help_row(
        &[(ctrl('c'), I::Quit)],
        "Ctrl-C",
        |w| w.h_ctrl_c,
        |w| w.sec_everywhere,
    ),
];

commands! {
    /// What the keys of the jump list do; other keys type its filter.
    JumpCommand {
        Up,
        Down,
        PageUp,
        PageDown,
        Go,
        Close,
    }
}

/// The jump list's keys: dispatch and footer.
pub static JUMP: &[Binding<JumpCommand, ()>] = {
    use JumpCommand as J;
    &[
        Binding {
            keys: &[
                (Up, J::Up),
                (Down, J::Down),
                (PageUp, J::PageUp),
                (PageDown, J::PageDown),
            ],
            footer: "↑↓",
            listed: "↑ ↓  PgUp PgDn",
            short: |w| w.k_move,
            help: |w| w.h_jump_move,
            section: |w| w.sec_move,
            when: always,
        },
        Binding {
            keys: &[(Enter, J::Go)],
            footer: "Enter",
            listed: "Enter",
            short: |w| w.k_jump,
            help: |w| w.h_jump_enter,
            section: |w| w.sec_move,
            when: always,
        },
        Binding {
            keys: &[(Esc, J::Close)],
            footer: "Esc",
            listed: "Esc",
            short: |w| w.k_back,
            help: |w| w.h_jump_esc,
            section: |w| w.sec_move,
            when: always,
        },
    ]
};
