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

/// Keys while typing in an editor (note, value, closing summary, firm name).
pub fn editing(w: &TuiWords) -> Vec<KeyHelp> {
    vec![
        k("Enter", w.k_keep, w.h_edit_keep),
        k("Esc", w.k_cancel, w.h_edit_cancel),
    ]
}

/// What a key did to a text being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// Enter: keep what was typed.
    Keep,
    /// Esc: put back what was there before.
    Cancel,
    /// The text changed (a character, a deletion, a line break).
    Changed,
    /// Nothing changed (a cursor move, a key the text area ignores).
    Unchanged,
}

/// Types `key` into `area`: a line break where `line_break` says the key is one (see
/// [`App::is_line_break`](super::app::App::is_line_break)), else Enter keeps, Esc cancels and
/// any other key edits.
pub fn type_key(
    area: &mut ratatui_textarea::TextArea<'static>,
    key: crossterm::event::KeyEvent,
    line_break: bool,
) -> Typing {
    use crossterm::event::KeyCode;
    if line_break {
        area.insert_newline();
        return Typing::Changed;
    }
    match key.code {
        KeyCode::Enter => Typing::Keep,
        KeyCode::Esc => Typing::Cancel,
        _ if area.input(key) => Typing::Changed,
        _ => Typing::Unchanged,
    }
}
