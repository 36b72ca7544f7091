//! The keys of every screen, written once: the footer shows the short words of those that
//! work right now, the help screen the long words of all of them.

use crate::i18n::TuiWords;

/// One key (or a few keys doing one thing) and what it does.
#[derive(Debug, Clone, Copy)]
pub struct KeyHelp {
    pub keys: &'static str,
    /// A word or two for the footer; empty when it stays off the footer.
    pub short: &'static str,
    /// A sentence for the help screen.
    pub long: &'static str,
}

/// A titled group of keys on the help screen.
pub struct Section {
    pub title: &'static str,
    pub keys: Vec<KeyHelp>,
}

const fn k(keys: &'static str, short: &'static str, long: &'static str) -> KeyHelp {
    KeyHelp { keys, short, long }
}

/// What the interview page under the cursor asks for, which decides the keys that work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Single,
    Multi,
    Number,
    Text,
    Skipped,
}

/// The interview's keys for a page; `na` when the question allows "not applicable",
/// `note` when the page takes a note (questions do, profile fields do not).
pub fn interview(w: &TuiWords, kind: PageKind, na: bool, note: bool) -> Vec<KeyHelp> {
    let mut out = Vec::new();
    match kind {
        PageKind::Single => out.extend([
            k("1-9", w.k_choose, w.h_digit),
            k("↑↓", w.k_move, w.h_move),
            k("Enter", w.k_pick, w.h_choose_single),
        ]),
        PageKind::Multi => out.extend([
            k("1-9", w.k_toggle, w.h_digit),
            k("↑↓", w.k_move, w.h_move),
            k("Space", w.k_toggle, w.h_toggle_multi),
            k("Enter", w.k_next, w.h_enter_multi),
        ]),
        PageKind::Number => out.push(k("Enter 0-9", w.k_edit, w.h_digit_number)),
        PageKind::Text => {
            // Letters type the answer here: only keys that are not letters work.
            return vec![
                k("Enter a-z", w.k_edit, w.h_type_text),
                k("←→", w.k_pages, w.h_next),
                k("Ctrl-E", w.k_note, w.h_note_ctrl),
                k(":", w.k_jump, w.h_jump),
                k("?", w.k_help, w.h_help),
                k("Ctrl-C", w.k_quit, w.h_ctrl_c),
            ];
        }
        PageKind::Skipped => {}
    }
    out.push(k("←→", w.k_pages, w.h_next));
    if na {
        out.push(k("x", w.k_na, w.h_na));
    }
    if note && kind != PageKind::Skipped {
        out.push(k("e", w.k_note, w.h_note));
    }
    out.extend([
        k("g", w.k_unanswered, w.h_unanswered),
        k("J :", w.k_jump, w.h_jump),
        k("s", w.k_summary, w.h_summary),
        k("?", w.k_help, w.h_help),
        k("q", w.k_leave, w.h_leave),
    ]);
    out
}

/// Every key of the interview, for the help screen.
pub fn interview_help(w: &'static TuiWords) -> Vec<Section> {
    vec![
        Section {
            title: w.sec_answer,
            keys: vec![
                k("↑ ↓  k j", "", w.h_move),
                k("Enter  Space", "", w.h_choose_single),
                k("Space", "", w.h_toggle_multi),
                k("1 – 9", "", w.h_digit),
                k("Enter", "", w.h_enter_multi),
                k("0 – 9", "", w.h_digit_number),
                k("a – z", "", w.h_type_text),
                k("x", "", w.h_na),
                k("t  Ctrl-T", "", w.h_take_over),
                k("e", "", w.h_note),
                k("Ctrl-E", "", w.h_note_ctrl),
                k("Backspace  Del", "", w.h_clear),
            ],
        },
        Section {
            title: w.sec_move,
            keys: vec![
                k("→  n", "", w.h_next),
                k("←  p", "", w.h_prev),
                k("g", "", w.h_unanswered),
                k("h", "", w.h_full_help),
                k("J  :", "", w.h_jump),
                k("Tab  Shift-Tab", "", w.h_dimension),
                k("Home  End", "", w.h_first_last),
                k("s", "", w.h_summary),
            ],
        },
        editing_section(w),
        everywhere(w, w.h_leave),
    ]
}

/// The keys while typing, as a section of the help screen.
pub fn editing_section(w: &'static TuiWords) -> Section {
    Section {
        title: w.sec_edit,
        keys: vec![
            k("Enter", "", w.h_edit_keep),
            k("Esc", "", w.h_edit_cancel),
            k("Alt-Enter  Ctrl-J", "", w.h_edit_newline),
            k("← → Home End Backspace", "", w.h_edit_keys),
        ],
    }
}

fn everywhere(w: &'static TuiWords, q: &'static str) -> Section {
    Section {
        title: w.sec_everywhere,
        keys: vec![
            k("?", "", w.h_help),
            k("q", "", q),
            k("Ctrl-C", "", w.h_ctrl_c),
        ],
    }
}

/// Adds Ctrl-C, which quits from everywhere (the app handles it before any screen), to the
/// help's "everywhere" section.
pub fn with_ctrl_c(mut sections: Vec<Section>, w: &'static TuiWords) -> Vec<Section> {
    let line = k("Ctrl-C", "", w.h_ctrl_c);
    match sections.iter_mut().find(|s| s.title == w.sec_everywhere) {
        Some(s) => s.keys.push(line),
        None => sections.push(Section {
            title: w.sec_everywhere,
            keys: vec![line],
        }),
    }
    sections
}

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

/// The comparison's keys; `filtered` when a filter is on, `home` when `q` goes back to the
/// home screen rather than out of dmat.
pub fn compare(w: &TuiWords, focus: CompareFocus, filtered: bool, home: bool) -> Vec<KeyHelp> {
    use CompareFocus::*;
    let mut out = Vec::new();
    match focus {
        PickField => {
            return vec![
                k("↑↓", w.k_move, w.h_pick_move),
                k("Enter", w.k_step, w.h_pick_enter),
                k("Esc", w.k_back, w.h_pick_esc),
            ];
        }
        PickValues => {
            return vec![
                k("↑↓", w.k_move, w.h_pick_move),
                k("Space", w.k_tick, w.h_pick_tick),
                k("Enter", w.k_apply, w.h_pick_enter),
                k("Esc", w.k_back, w.h_pick_esc),
            ];
        }
        PickNumber => {
            return vec![
                k("Enter", w.k_apply, w.h_pick_enter),
                k("Esc", w.k_back, w.h_pick_esc),
            ];
        }
        Firms => out.extend([
            k("↑↓", w.k_move, w.h_cmp_move),
            k("←→", w.k_column, w.h_cmp_column),
            k("o", w.k_sort, w.h_cmp_sort),
            k("Enter", w.k_open, w.h_cmp_open),
        ]),
        Progress => out.extend([
            k("↑↓", w.k_move, w.h_cmp_move),
            k("←→", w.k_scroll_v, w.h_cmp_scroll),
            k("Enter", w.k_open, w.h_cmp_open),
        ]),
        Cohort => out.push(k("↑↓", w.k_scroll_v, w.h_cmp_scroll)),
    }
    out.push(k("Tab", w.k_view, w.h_cmp_view));
    out.push(k("f", w.k_filter, w.h_cmp_filter));
    if filtered {
        out.push(k("F", w.k_clear_filter, w.h_cmp_clear));
    }
    out.push(k("?", w.k_help, w.h_help));
    // Esc does the same; the help screen says so.
    out.push(if home {
        k("q", w.k_back, w.h_cmp_back_home)
    } else {
        k("q", w.k_quit, w.h_cmp_quit)
    });
    out
}

pub fn compare_help(w: &'static TuiWords, home: bool) -> Vec<Section> {
    vec![
        Section {
            title: w.sec_compare_table,
            keys: vec![
                k("↑ ↓  k j", "", w.h_cmp_move),
                k("PgUp PgDn  Home End", "", w.h_cmp_page),
                k("← →  h l", "", w.h_cmp_column),
                k("o", "", w.h_cmp_sort),
                k("Enter", "", w.h_cmp_open),
            ],
        },
        Section {
            title: w.sec_compare_views,
            keys: vec![
                k("Tab  Shift-Tab", "", w.h_cmp_view),
                k("↑ ↓  ← →", "", w.h_cmp_scroll),
                k("f", "", w.h_cmp_filter),
                k("F", "", w.h_cmp_clear),
            ],
        },
        Section {
            title: w.sec_picker,
            keys: vec![
                k("↑ ↓", "", w.h_pick_move),
                k("Space", "", w.h_pick_tick),
                k("Enter", "", w.h_pick_enter),
                k("Esc", "", w.h_pick_esc),
            ],
        },
        Section {
            title: w.sec_everywhere,
            keys: vec![
                k("?", "", w.h_help),
                k(
                    "Esc  q",
                    "",
                    if home {
                        w.h_cmp_back_home
                    } else {
                        w.h_cmp_quit
                    },
                ),
                k("Ctrl-C", "", w.h_ctrl_c),
            ],
        },
    ]
}

/// Keys of the jump list, where letters type the filter.
pub fn jump(w: &TuiWords) -> Vec<KeyHelp> {
    vec![
        k("↑↓", w.k_move, w.h_jump_move),
        k("Enter", w.k_jump, w.h_jump_enter),
        k("Esc", w.k_back, w.h_jump_esc),
    ]
}

/// Keys while typing in an editor (note, value, closing summary, firm name).
pub fn editing(w: &TuiWords) -> Vec<KeyHelp> {
    vec![
        k("Enter", w.k_keep, w.h_edit_keep),
        k("Esc", w.k_cancel, w.h_edit_cancel),
    ]
}
