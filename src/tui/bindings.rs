//! Keys as data: a screen's bindings table names, for each row, the keys and the command each
//! runs, how the footer writes them and with which short word, the help text, its section on
//! the help screen, and when the row applies. The one table drives the screen's dispatch, its
//! footer and its `?` help.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{KeyHelp, Section};
use crate::i18n::TuiWords;

/// A word of the terminal UI, in whichever language is shown.
pub type Word = fn(&TuiWords) -> &'static str;

/// One row of a bindings table: keys that run commands, with one help line.
pub struct Binding<C: 'static, X: ?Sized + 'static> {
    /// The keys and the command each runs. Empty for a row that only documents what is not
    /// a command (letters typing an answer).
    pub keys: &'static [(KeyCode, C)],
    /// The keys as the footer writes them; empty keeps the row off the footer.
    pub footer: &'static str,
    /// The keys as the help screen writes them; empty keeps the row off the help screen.
    pub listed: &'static str,
    /// A word or two for the footer.
    pub short: Word,
    /// A sentence for the help screen.
    pub help: Word,
    /// The title of the help screen's section the row belongs to.
    pub section: Word,
    /// Whether the row applies now.
    pub when: fn(&X) -> bool,
}

/// A row that always applies.
pub fn always<X: ?Sized>(_: &X) -> bool {
    true
}

/// The word that keeps a row off the footer.
pub fn none(_: &TuiWords) -> &'static str {
    ""
}

impl<C, X: ?Sized> Binding<C, X> {
    /// The row of `?`, the help of the screen, in the section of keys that work everywhere.
    pub const fn help_key(keys: &'static [(KeyCode, C)], when: fn(&X) -> bool) -> Self {
        Binding {
            keys,
            footer: "?",
            listed: "?",
            short: |w| w.k_help,
            help: |w| w.h_help,
            section: |w| w.sec_everywhere,
            when,
        }
    }

    /// The row of `q` on the open assessment's screens: leaving it, everything saved.
    pub const fn leave_key(keys: &'static [(KeyCode, C)], when: fn(&X) -> bool) -> Self {
        Binding {
            keys,
            footer: "q",
            listed: "q",
            short: |w| w.k_leave,
            help: |w| w.h_leave,
            section: |w| w.sec_everywhere,
            when,
        }
    }
}

impl<C: Copy, X: ?Sized> Binding<C, X> {
    /// The command a key runs through this row, if it is one of its keys and the row applies.
    fn command(&self, key: &KeyEvent, x: &X) -> Option<C> {
        if !(self.when)(x) {
            return None;
        }
        self.keys
            .iter()
            .find(|(code, _)| *code == key.code)
            .map(|&(_, c)| c)
    }
}

/// A letter with Ctrl as a table writes it: the control character it types (Ctrl-E is
/// `ctrl('e')`).
pub const fn ctrl(letter: char) -> KeyCode {
    KeyCode::Char(((letter as u8) & 0x1f) as char)
}

/// The command of the first row that applies and has the key. A letter with Ctrl is looked
/// up as its control character (see [`ctrl`]); other keys with Ctrl, and keys with Alt, run
/// none.
pub fn lookup<C: Copy, X: ?Sized>(table: &[Binding<C, X>], key: &KeyEvent, x: &X) -> Option<C> {
    let code = match key.code {
        _ if key.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            if !c.is_ascii_alphabetic() {
                return None;
            }
            ctrl(c.to_ascii_lowercase())
        }
        _ if key.modifiers.contains(KeyModifiers::CONTROL) => return None,
        code => code,
    };
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    table.iter().find_map(|b| b.command(&key, x))
}

/// The footer's keys: the rows that apply now and have a place there, in table order.
pub fn footer<C, X: ?Sized>(table: &[Binding<C, X>], w: &TuiWords, x: &X) -> Vec<KeyHelp> {
    table
        .iter()
        .filter(|b| !b.footer.is_empty() && (b.when)(x))
        .map(|b| KeyHelp {
            keys: b.footer,
            short: (b.short)(w),
            long: (b.help)(w),
        })
        .collect()
}

/// The help screen's sections: the rows that apply now and have a place there, under their
/// section's title, sections in the order they first appear.
pub fn help<C, X: ?Sized>(table: &[Binding<C, X>], w: &'static TuiWords, x: &X) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for b in table.iter().filter(|b| !b.listed.is_empty() && (b.when)(x)) {
        let title = (b.section)(w);
        let line = KeyHelp {
            keys: b.listed,
            short: "",
            long: (b.help)(w),
        };
        match out.iter_mut().find(|s| s.title == title) {
            Some(s) => s.keys.push(line),
            None => out.push(Section {
                title,
                keys: vec![line],
            }),
        }
    }
    out
}

/// Problems with a table: a command of `all` that no key runs, a row without help text in
/// either language, a row shown neither on the footer nor on the help screen. Empty when the table is sound; the tests of
/// every screen's table call it.
pub fn problems<C: Copy + PartialEq + std::fmt::Debug, X: ?Sized>(
    table: &[Binding<C, X>],
    all: &[C],
) -> Vec<String> {
    let mut out = Vec::new();
    for c in all {
        if !table.iter().any(|b| b.keys.iter().any(|(_, k)| k == c)) {
            out.push(format!("{c:?}: no key runs it"));
        }
    }
    for (i, b) in table.iter().enumerate() {
        for w in [&TuiWords::ZH, &TuiWords::EN] {
            if (b.help)(w).trim().is_empty() || (b.section)(w).trim().is_empty() {
                out.push(format!("row {i} ({}): no help text", b.listed));
            }
            if !b.footer.is_empty() && (b.short)(w).trim().is_empty() {
                out.push(format!(
                    "row {i} ({}): on the footer without a word",
                    b.listed
                ));
            }
        }
        if b.listed.trim().is_empty() && b.footer.trim().is_empty() {
            out.push(format!("row {i}: shown nowhere"));
        }
    }
    out
}

/// Declares a screen's commands, with `ALL` listing every one for the tests of its table.
macro_rules! commands {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $v:ident,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vdoc])* $v,)* }
        impl $name {
            /// Every command, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
        }
    };
}
pub(crate) use commands;
