//! A document as plain text for a terminal or a text file (columns aligned by display width,
//! ids explained by legends) or as Markdown (tables, escaped text).

use std::fmt::Write as _;

use super::{Align, Cell, Column, Document, Part, Row, Table, for_page};
use crate::plain_text::{inert, markdown, pad, pad_left, truncate, width};
use crate::score::NO_SCORE;

/// Plain text for a terminal or a text file, or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// Widest a plain-text table draws the text of a narrow column (a firm's name) and of any
/// other column.
const NARROW_CELLS: usize = 30;
const TEXT_CELLS: usize = 40;
/// Longest bar of a plain-text table, in cells.
pub const BAR_CELLS: usize = 24;

/// The whole document.
pub fn render(doc: Document<'_>, style: Style) -> String {
    let r = Renderer { style };
    let mut out = r.heading(1, &doc.title);
    let _ = writeln!(out, "{}", r.text(&doc.intro, usize::MAX));
    for warning in &doc.warnings {
        let _ = writeln!(out, "\n{}", r.text(warning, usize::MAX));
    }
    let mut said: Vec<String> = Vec::new();
    for part in doc.parts {
        out.push('\n');
        out.push_str(&r.part(part, &mut said));
    }
    out
}

struct Renderer {
    style: Style,
}

impl Renderer {
    /// Untrusted text made safe for the style, cut to `max` cells in plain text.
    fn text(&self, s: &str, max: usize) -> String {
        match self.style {
            Style::Text => truncate(&inert(s), max),
            Style::Markdown => markdown(s),
        }
    }

    fn heading(&self, level: usize, title: &str) -> String {
        match self.style {
            Style::Text => format!("{}\n\n", inert(title)),
            Style::Markdown => format!("{} {}\n\n", "#".repeat(level), markdown(title)),
        }
    }

    /// A part; `said` holds the notes given earlier in the document, which are not repeated.
    fn part(&self, part: Part<'_>, said: &mut Vec<String>) -> String {
        let mut s = part
            .title
            .as_deref()
            .map_or_else(String::new, |t| self.heading(2, t));
        if part.tables.is_empty()
            && let Some(empty) = &part.empty
        {
            let _ = writeln!(s, "{}", self.text(empty, usize::MAX));
        }
        for (i, table) in part.tables.into_iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(&self.table(table));
        }
        let notes: Vec<String> = part
            .notes
            .into_iter()
            .filter(|n| !said.contains(n))
            .collect();
        if !notes.is_empty() {
            s.push('\n');
        }
        for note in notes {
            let _ = match self.style {
                Style::Text => writeln!(s, "· {}", inert(&note)),
                Style::Markdown => writeln!(s, "- {}", markdown(&note)),
            };
            said.push(note);
        }
        s
    }

    fn table(&self, t: Table<'_>) -> String {
        let mut s = t
            .title
            .as_deref()
            .map_or_else(String::new, |title| self.heading(3, title));
        let shown: Vec<(usize, Column)> = t
            .shown(for_page)
            .into_iter()
            .map(|(i, c)| (i, c.clone()))
            .collect();
        let mut grid = Grid {
            titles: shown.iter().map(|(_, c)| self.title(c)).collect(),
            aligns: shown.iter().map(|(_, c)| c.align).collect(),
            lines: Vec::new(),
        };
        for row in t.rows {
            grid.row(self.row(&row, &shown), &row);
        }
        if grid.lines.is_empty()
            && let Some(empty) = &t.empty
        {
            let _ = writeln!(s, "{}", self.text(empty, usize::MAX));
            return s;
        }
        s.push_str(&match self.style {
            Style::Text => grid.text(),
            Style::Markdown => grid.markdown(),
        });
        if self.style == Style::Text {
            for legend in &t.legends {
                s.push_str(&legend_text(legend));
            }
        }
        s
    }

    fn title(&self, c: &Column) -> String {
        match (self.style, c.terse) {
            (Style::Text, true) => inert(&c.id),
            (Style::Text, false) => inert(&c.title),
            (Style::Markdown, _) => markdown(&c.title),
        }
    }

    fn row(&self, row: &Row<'_>, shown: &[(usize, Column)]) -> Vec<String> {
        shown
            .iter()
            .map(|(i, c)| {
                let cell = row.cells.get(*i).unwrap_or(&Cell::Empty);
                let s = self.cell(cell, c);
                let bold = row.summary && self.style == Style::Markdown && !s.is_empty();
                if bold && matches!(cell, Cell::Text(_) | Cell::Label(_)) {
                    format!("**{s}**")
                } else {
                    s
                }
            })
            .collect()
    }

    fn cell(&self, cell: &Cell<'_>, c: &Column) -> String {
        let max = if c.narrow { NARROW_CELLS } else { TEXT_CELLS };
        match cell {
            Cell::Empty => String::new(),
            Cell::Text(s) => self.text(s, max),
            Cell::Label(n) => self.text(&n.name, max),
            Cell::Key(n) => match self.style {
                Style::Text => self.text(&n.id, max),
                Style::Markdown => self.text(&n.name, max),
            },
            Cell::Count(n) => n.to_string(),
            Cell::Share(x) => percent(*x),
            Cell::Score(x) => x.to_string(),
            Cell::Change(x) => x.value().map_or_else(String::new, |_| x.signed()),
            Cell::Percentile(p) => p.map_or_else(|| NO_SCORE.into(), |p| p.floor().to_string()),
            Cell::Bar(b) => blocks(b.n, b.most),
        }
    }
}

/// A share as a whole percentage: `40%`.
pub fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A bar of `n` against the largest count `most`, in whole blocks of at most [`BAR_CELLS`]:
/// at least one block for any firm.
fn blocks(n: usize, most: usize) -> String {
    if n == 0 || most == 0 {
        return String::new();
    }
    let cells = ((n as f64 / most as f64) * BAR_CELLS as f64).round() as usize;
    "█".repeat(cells.max(1))
}

/// A legend under a plain-text table: its title, then each id and what it stands for.
fn legend_text(legend: &super::Legend) -> String {
    let id_w = legend
        .entries
        .iter()
        .map(|(id, _)| width(&inert(id)))
        .max()
        .unwrap_or(0);
    let mut s = format!("\n{}\n", inert(&legend.title));
    for (id, text) in &legend.entries {
        let _ = writeln!(s, "  {}  {}", pad(&inert(id), id_w), inert(text));
    }
    s
}

enum Line {
    Cells(Vec<String>),
    Rule,
}

/// A table of formatted cells, drawn as aligned text or as a Markdown table.
struct Grid {
    titles: Vec<String>,
    aligns: Vec<Align>,
    lines: Vec<Line>,
}

impl Grid {
    fn row(&mut self, cells: Vec<String>, row: &Row<'_>) {
        if row.rule {
            self.lines.push(Line::Rule);
        }
        self.lines.push(Line::Cells(cells));
    }

    fn text(&self) -> String {
        let mut widths: Vec<usize> = self.titles.iter().map(|t| width(t)).collect();
        for l in &self.lines {
            if let Line::Cells(cells) = l {
                for (w, c) in widths.iter_mut().zip(cells) {
                    *w = (*w).max(width(c));
                }
            }
        }
        let line = |cells: &[String]| {
            let parts: Vec<String> = cells
                .iter()
                .zip(&widths)
                .zip(&self.aligns)
                .map(|((c, &w), a)| match a {
                    Align::Left => pad(c, w),
                    Align::Right => pad_left(c, w),
                })
                .collect();
            format!("{}\n", parts.join("  ").trim_end())
        };
        let total = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        let rule = format!("{}\n", "─".repeat(total));
        let mut s = line(&self.titles);
        s.push_str(&rule);
        for l in &self.lines {
            match l {
                Line::Cells(cells) => s.push_str(&line(cells)),
                Line::Rule => s.push_str(&rule),
            }
        }
        s
    }

    fn markdown(&self) -> String {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut s = line(&self.titles);
        let rules: Vec<String> = self
            .aligns
            .iter()
            .map(|a| match a {
                Align::Left => "---".to_string(),
                Align::Right => "---:".to_string(),
            })
            .collect();
        s.push_str(&line(&rules));
        for l in &self.lines {
            if let Line::Cells(cells) = l {
                s.push_str(&line(cells));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Bar, Legend, Name, Shows, Tone};
    use super::*;
    use crate::score::Score;

    fn table() -> Table<'static> {
        let rows = vec![
            Row::new(vec![
                Cell::text("a.toml"),
                Cell::text("Zibo *Fans*"),
                Cell::Key(Name::new("equipment", "Equipment and automation")),
                Cell::score(Some(2.125)),
                Cell::Bar(Bar {
                    n: 1,
                    most: 2,
                    tone: Tone::Plain,
                }),
                Cell::Share(0.5),
            ]),
            Row::summary(
                vec![
                    Cell::Empty,
                    Cell::text("Mean"),
                    Cell::Empty,
                    Cell::Change(Score::from(-0.25)),
                    Cell::Empty,
                    Cell::Empty,
                ],
                true,
            ),
        ];
        Table {
            kind: "firm",
            title: None,
            columns: vec![
                Column::new("file", "File").shows(Shows::DATA),
                Column::new("firm", "Firm").narrow(),
                Column::new("bottleneck", "Bottleneck"),
                Column::new("data", "Data and systems").right().terse(),
                Column::new("bar", "").shows(Shows::READERS),
                Column::new("share", "Share").right(),
            ],
            rows: Box::new(rows.into_iter()),
            empty: None,
            legends: vec![Legend {
                title: "Dimensions".into(),
                entries: vec![("equipment".into(), "Equipment and automation".into())],
            }],
        }
    }

    fn doc(tables: Vec<Table<'static>>, notes: Vec<String>) -> Document<'static> {
        Document {
            title: "Comparison".into(),
            intro: "1 firm".into(),
            warnings: vec!["warning: <b>".into()],
            parts: vec![Part {
                title: None,
                tables,
                empty: Some("No table.".into()),
                notes,
            }],
        }
    }

    #[test]
    fn plain_text_aligns_columns_writes_ids_and_explains_them() {
        let out = render(doc(vec![table()], vec!["A note.".into()]), Style::Text);
        assert_eq!(
            out,
            "Comparison\n\n1 firm\n\nwarning: <b>\n\n\
             Firm         Bottleneck   data                Share\n\
             ───────────────────────────────────────────────────\n\
             Zibo *Fans*  equipment    2.13  ████████████    50%\n\
             ───────────────────────────────────────────────────\n\
             Mean                     -0.25\n\
             \nDimensions\n  equipment  Equipment and automation\n\
             \n· A note.\n"
        );
    }

    #[test]
    fn markdown_escapes_text_names_keys_and_bolds_summaries() {
        let out = render(doc(vec![table()], Vec::new()), Style::Markdown);
        assert!(out.starts_with("# Comparison\n\n1 firm\n\nwarning: \\<b\\>\n\n"));
        assert!(out.contains("| Firm | Bottleneck | Data and systems |  | Share |\n"));
        assert!(out.contains("| --- | --- | ---: | --- | ---: |\n"));
        assert!(out.contains(
            "| Zibo \\*Fans\\* | Equipment and automation | 2.13 | ████████████ | 50% |\n"
        ));
        assert!(out.contains("| **Mean** |  | -0.25 |  |  |\n"));
        assert!(
            !out.contains("Dimensions"),
            "Markdown shows names, no legend"
        );
    }

    #[test]
    fn an_empty_part_or_table_says_so_and_notes_are_given_once() {
        let out = render(doc(Vec::new(), Vec::new()), Style::Text);
        assert!(out.ends_with("\nNo table.\n"), "{out}");
        let mut t = table();
        t.rows = Box::new(std::iter::empty());
        t.empty = Some("(none)".into());
        t.title = Some("Bottlenecks".into());
        let mut d = doc(vec![t], vec!["Once.".into()]);
        d.parts.push(Part {
            title: Some("Again".into()),
            tables: Vec::new(),
            empty: None,
            notes: vec!["Once.".into()],
        });
        let out = render(d, Style::Text);
        assert!(out.contains("Bottlenecks\n\n(none)\n"), "{out}");
        assert_eq!(out.matches("Once.").count(), 1, "{out}");
    }

    #[test]
    fn bars_have_at_least_one_block_for_any_count() {
        assert_eq!(blocks(0, 5), "");
        assert_eq!(blocks(5, 5).chars().count(), BAR_CELLS);
        assert_eq!(blocks(1, 1000), "█");
    }
}
