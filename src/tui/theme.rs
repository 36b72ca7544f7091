//! The look of the terminal UI: the terminal's own foreground and background, a few named
//! accent colours, and plain modifiers only when `NO_COLOR` asks for no colour.

use ratatui::style::{Color, Modifier, Style};

/// Accent for titles, the cursor and the progress gauge.
pub const ACCENT: Color = Color::Cyan;
/// Good news: answered, complete, high stages.
pub const GOOD: Color = Color::Green;
/// Needs attention: required and unanswered, warnings.
pub const WARN: Color = Color::Yellow;
/// Something went wrong: a save failed, a value was refused.
pub const BAD: Color = Color::Red;
/// Middle stages.
pub const CALM: Color = Color::Blue;

/// The styles the screens draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False when `NO_COLOR` is set: only bold, dim, reversed and underline are used.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self::from_env()
    }
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to a non-empty value (see no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    pub fn colored() -> Self {
        Self { color: true }
    }

    pub fn plain() -> Self {
        Self { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Ordinary text: the terminal's own colours.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Headings and the firm's name.
    pub fn title(&self) -> Style {
        self.fg(ACCENT).add_modifier(Modifier::BOLD)
    }

    /// The question itself.
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: help, hints, tags.
    pub fn muted(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Keys in the footer and the help screen.
    pub fn key(&self) -> Style {
        self.fg(ACCENT).add_modifier(Modifier::BOLD)
    }

    /// The row under the cursor.
    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A chosen option, a done question.
    pub fn chosen(&self) -> Style {
        self.fg(GOOD).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(GOOD)
    }

    pub fn warn(&self) -> Style {
        self.fg(WARN).add_modifier(Modifier::BOLD)
    }

    pub fn bad(&self) -> Style {
        self.fg(BAD).add_modifier(Modifier::BOLD)
    }

    /// Borders of panels.
    pub fn border(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// Borders of the panel that has the focus (an open editor).
    pub fn border_focus(&self) -> Style {
        self.fg(ACCENT)
    }

    /// A tab of the comparison: the one in front reversed, so it shows without colour too.
    pub fn tab(&self, active: bool) -> Style {
        if active {
            self.title().add_modifier(Modifier::REVERSED)
        } else {
            self.muted()
        }
    }

    /// The title of the column chosen for sorting.
    pub fn chosen_column(&self) -> Style {
        self.title().add_modifier(Modifier::UNDERLINED)
    }

    /// A score that went up since the previous visit.
    pub fn rise(&self) -> Style {
        self.fg(GOOD)
    }

    /// A score that went down since the previous visit.
    pub fn fall(&self) -> Style {
        self.fg(BAD)
    }

    /// A stage band: the `i`-th of `n` stages, from red at the bottom to green at the top.
    pub fn stage(&self, i: usize, n: usize) -> Style {
        if !self.color || n == 0 {
            return Style::new();
        }
        let palette = [BAD, WARN, ACCENT, CALM, GOOD];
        let at = if n <= 1 {
            palette.len() - 1
        } else {
            i.min(n - 1) * (palette.len() - 1) / (n - 1)
        };
        Style::new().fg(palette[at])
    }
}
