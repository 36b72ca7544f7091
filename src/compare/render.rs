//! The comparison as text: a plain table aligned by display width (Chinese takes two cells),
//! or Markdown for documents. Both are thin renderings of [`Comparison`].

use std::fmt::Write as _;

use super::model::{Cell, Column, Comparison, Direction, FirmRow, Mixed};
use super::stats::Summary;
use crate::i18n::{CompareWords, Lang, fill};
use crate::model::Priority;
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::score::round2;

/// The parts of a comparison a rendering holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    /// One row per firm, with the cohort rows (mean, quartiles) beneath.
    Firms,
    /// The full summary of every score column: firms, mean, min, quartiles, max.
    Stats,
    /// Re-visited firms, visit by visit, with the change since the previous visit.
    Progress,
    /// Firms by stage, frequent bottlenecks, recommendations and support by number of firms.
    Cohort,
}

/// Plain text for a terminal or a text file, or Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Text,
    Markdown,
}

/// Picks one figure out of a column's summary.
type Statistic = fn(&Summary) -> f64;

/// Widest a firm name, a title or a support text is drawn in the plain table.
const NAME_CELLS: usize = 30;
const TITLE_CELLS: usize = 40;
/// Longest stage bar, in cells.
const BAR_CELLS: usize = 24;

/// Renders the sections of a comparison, in the order given.
/// Renders the comparison of each questionnaire the firms shown follow, one after the other
/// (the one most firms follow first): instruments are never mixed in one table.
pub fn render_each(c: &Comparison, sections: &[Section], style: Style, lang: Lang) -> String {
    if c.apart().is_empty() {
        return render(c, sections, style, lang);
    }
    let ids: Vec<&str> = c
        .focus()
        .into_iter()
        .chain(c.apart().iter().map(|(id, _)| id.as_str()))
        .collect();
    let parts: Vec<String> = ids
        .iter()
        .map(|id| render(&c.of_questionnaire(id), sections, style, lang))
        .collect();
    parts.join("\n")
}

pub fn render(c: &Comparison, sections: &[Section], style: Style, lang: Lang) -> String {
    let r = Renderer {
        c,
        style,
        w: CompareWords::of(lang),
    };
    let mut out = r.header();
    for s in sections {
        out.push('\n');
        out.push_str(&match s {
            Section::Firms => r.firms(),
            Section::Stats => r.stats(),
            Section::Progress => r.progress(),
            Section::Cohort => r.cohort(),
        });
    }
    out
}

struct Renderer<'a> {
    c: &'a Comparison,
    style: Style,
    w: &'static CompareWords,
}

impl Renderer<'_> {
    fn md(&self) -> bool {
        self.style == Style::Markdown
    }

    /// Untrusted text made safe for the style, cut to `max` cells in plain text.
    fn text(&self, s: &str, max: usize) -> String {
        match self.style {
            Style::Text => truncate(&inert(s), max),
            Style::Markdown => md_escape(s),
        }
    }

    fn heading(&self, level: usize, title: &str) -> String {
        match self.style {
            Style::Text => format!("{title}\n\n"),
            Style::Markdown => format!("{} {}\n\n", "#".repeat(level), md_escape(title)),
        }
    }

    fn header(&self) -> String {
        let w = self.w;
        let c = self.c;
        let mut s = self.heading(1, w.title);
        let assessments: usize = c.rows().map(|f| f.visits.len()).sum();
        let mut line = fill(
            w.firms_line,
            &[&c.rows().len(), &assessments, &questionnaires_label(c)],
        );
        let (col, dir) = c.sort();
        let dir = match dir {
            Direction::Ascending => w.ascending,
            Direction::Descending => w.descending,
        };
        line.push_str(" · ");
        line.push_str(&fill(w.sorted_by, &[&self.column_title(col), &dir]));
        let filters: Vec<String> = c.filters().map(|f| f.to_string()).collect();
        if !filters.is_empty() {
            let _ = write!(line, " · {}: {}", w.filtered_by, filters.join(" "));
        }
        let _ = writeln!(s, "{}", truncate(&inert(&line), usize::MAX));
        for warning in mixed_warning(c, w).into_iter().chain(apart_note(c, w)) {
            let _ = writeln!(s, "\n{}", self.text(&warning, usize::MAX));
        }
        s
    }

    fn column_title(&self, col: Column) -> String {
        let w = self.w;
        match col {
            Column::Firm => w.col_firm.into(),
            Column::File => w.col_file.into(),
            Column::Date => w.col_date.into(),
            Column::Questionnaire => w.col_questionnaire.into(),
            Column::Version => w.col_version.into(),
            Column::Status => w.col_status.into(),
            Column::Completeness => w.col_completeness.into(),
            Column::Overall => w.col_overall.into(),
            Column::Stage => w.col_stage.into(),
            Column::Bottleneck => w.col_bottleneck.into(),
            Column::Dimension(i) => {
                let d = &self.c.dimensions()[i];
                match self.style {
                    Style::Text => d.id.clone(),
                    Style::Markdown => md_escape(&d.title),
                }
            }
            Column::Percentile => w.col_percentile.into(),
            Column::Visits => w.col_visits.into(),
        }
    }

    /// A dimension as a bottleneck: its id in plain text, its title in Markdown.
    fn dimension_name(&self, i: usize) -> String {
        let d = &self.c.dimensions()[i];
        match self.style {
            Style::Text => d.id.clone(),
            Style::Markdown => md_escape(&d.title),
        }
    }

    fn cell(&self, cell: Cell<'_>, col: Column) -> String {
        match cell {
            Cell::Text(s) => {
                let max = if col == Column::Firm {
                    NAME_CELLS
                } else {
                    TITLE_CELLS
                };
                self.text(s, max)
            }
            Cell::Score(x) => score(x),
            Cell::Share(x) => format!("{:.0}%", x * 100.0),
            // Rounded down, so that 100 is only shown above all others.
            Cell::Percentile(x) => x.map_or_else(|| "–".into(), |p| format!("{}", p.floor())),
            Cell::Count(n) => n.to_string(),
            Cell::Stage(s) => s.map_or_else(
                || "–".into(),
                |s| self.text(&self.c.stages()[s].id, TITLE_CELLS),
            ),
            Cell::Dimension(d) => d.map_or_else(|| "–".into(), |i| self.dimension_name(i)),
        }
    }

    fn firms(&self) -> String {
        let c = self.c;
        let w = self.w;
        let cols = c.columns();
        let mut g = Grid::new(
            cols.iter().map(|&col| self.column_title(col)).collect(),
            cols.iter().map(|&col| align(col)).collect(),
        );
        for f in c.rows() {
            g.row(
                cols.iter()
                    .map(|&col| self.cell(c.cell(f, col), col))
                    .collect(),
            );
        }
        g.rule();
        let cohort = c.cohort();
        let stats: [(&str, Statistic); 4] = [
            (w.stat_mean, |s| s.mean),
            (w.stat_q1, |s| s.q1),
            (w.stat_median, |s| s.median),
            (w.stat_q3, |s| s.q3),
        ];
        for (label, get) in stats {
            let cells = cols
                .iter()
                .map(|&col| match col {
                    Column::Firm => self.strong(label),
                    Column::Overall => score(cohort.overall.as_ref().map(get)),
                    Column::Dimension(i) => score(cohort.dimensions[i].as_ref().map(get)),
                    _ => String::new(),
                })
                .collect();
            g.row(cells);
        }
        let mut s = g.render(self.style);
        if self.style == Style::Text && !c.shown_dimensions().is_empty() {
            let _ = writeln!(s, "\n{}", w.dimensions);
            let id_w = c
                .shown_dimensions()
                .iter()
                .map(|&i| width(&c.dimensions()[i].id))
                .max()
                .unwrap_or(0);
            for &i in c.shown_dimensions() {
                let d = &c.dimensions()[i];
                let _ = writeln!(
                    s,
                    "  {}  {} ({} {})",
                    pad(&inert(&d.id), id_w),
                    inert(&d.title),
                    w.weight,
                    d.weight
                );
            }
        }
        s.push('\n');
        for note in [w.note_latest, w.note_percentile, w.note_quartiles] {
            let _ = match self.style {
                Style::Text => writeln!(s, "· {note}"),
                Style::Markdown => writeln!(s, "- {}", md_escape(note)),
            };
        }
        s
    }

    fn strong(&self, s: &str) -> String {
        if self.md() {
            format!("**{}**", md_escape(s))
        } else {
            s.to_string()
        }
    }

    fn stats(&self) -> String {
        let c = self.c;
        let w = self.w;
        let mut g = Grid::new(
            w.stats_header(),
            vec![
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
            ],
        );
        let mut rows = vec![(w.col_overall.to_string(), c.cohort().overall)];
        for &i in c.shown_dimensions() {
            rows.push((
                self.column_title(Column::Dimension(i)),
                c.cohort().dimensions[i],
            ));
        }
        for (name, summary) in rows {
            let mut cells = vec![name];
            match summary {
                Some(s) => {
                    cells.push(s.n.to_string());
                    for x in [s.mean, s.min, s.q1, s.median, s.q3, s.max] {
                        cells.push(score(Some(x)));
                    }
                }
                None => {
                    cells.push("0".into());
                    cells.extend((0..6).map(|_| "–".to_string()));
                }
            }
            g.row(cells);
        }
        let mut s = self.heading(2, w.stats_title);
        s.push_str(&g.render(self.style));
        s
    }

    fn progress(&self) -> String {
        let c = self.c;
        let w = self.w;
        let mut s = self.heading(2, w.progress_title);
        let firms: Vec<&FirmRow> = c.progressions().collect();
        if firms.is_empty() {
            let _ = writeln!(s, "{}", self.text(w.no_revisits, usize::MAX));
            return s;
        }
        let dims = c.shown_dimensions();
        for (n, f) in firms.iter().enumerate() {
            if n > 0 {
                s.push('\n');
            }
            let name = match self.style {
                Style::Text => inert(f.name()),
                Style::Markdown => f.name().to_string(),
            };
            s.push_str(&self.heading(3, &name));
            let mut titles = vec![
                w.col_date.to_string(),
                w.col_overall.to_string(),
                w.col_stage.to_string(),
            ];
            titles.extend(
                dims.iter()
                    .map(|&i| self.column_title(Column::Dimension(i))),
            );
            let mut aligns = vec![Align::Left, Align::Right, Align::Left];
            aligns.extend(dims.iter().map(|_| Align::Right));
            let mut g = Grid::new(titles, aligns);
            for (i, v) in f.visits.iter().enumerate() {
                let mut cells = vec![
                    self.text(v.date.as_deref().unwrap_or("–"), TITLE_CELLS),
                    score(v.overall),
                    v.stage.map_or_else(
                        || "–".into(),
                        |st| self.text(&c.stages()[st].id, TITLE_CELLS),
                    ),
                ];
                cells.extend(dims.iter().map(|&d| score(v.dimensions[d])));
                g.row(cells);
                if let Some(ch) = f.change(i) {
                    let mut cells = vec![self.strong(w.change), change(ch.overall), String::new()];
                    cells.extend(dims.iter().map(|&d| change(ch.dimensions[d])));
                    g.row(cells);
                }
            }
            s.push_str(&g.render(self.style));
        }
        s
    }

    fn cohort(&self) -> String {
        let c = self.c;
        let w = self.w;
        let v = c.view();
        let pct = |n: usize| format!("{:.0}%", v.share(n) * 100.0);
        let mut s = self.heading(2, w.cohort_title);

        s.push_str(&self.heading(3, w.stages_title));
        let mut g = Grid::new(
            vec![
                w.col_stage.into(),
                String::new(),
                String::new(),
                w.col_firms.into(),
                w.col_share.into(),
            ],
            vec![
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
            ],
        );
        let most = v.largest_stage_count();
        for (st, &n) in c.stages().iter().zip(&v.stages) {
            g.row(vec![
                self.text(&st.id, TITLE_CELLS),
                self.text(&st.label, TITLE_CELLS),
                bar(n, most),
                n.to_string(),
                pct(n),
            ]);
        }
        if v.unscored > 0 {
            g.row(vec![
                "–".into(),
                self.text(w.no_score, TITLE_CELLS),
                bar(v.unscored, most),
                v.unscored.to_string(),
                pct(v.unscored),
            ]);
        }
        s.push_str(&g.render(self.style));

        s.push('\n');
        s.push_str(&self.heading(3, w.bottlenecks_title));
        if v.bottlenecks.is_empty() {
            let _ = writeln!(s, "{}", self.text(w.none, usize::MAX));
        } else {
            let mut g = Grid::new(
                vec![
                    w.col_dimension.into(),
                    String::new(),
                    w.col_firms.into(),
                    w.col_share.into(),
                ],
                vec![Align::Left, Align::Left, Align::Right, Align::Right],
            );
            for &(d, n) in &v.bottlenecks {
                let dim = &c.dimensions()[d];
                g.row(vec![
                    self.text(&dim.id, TITLE_CELLS),
                    self.text(&dim.title, TITLE_CELLS),
                    n.to_string(),
                    pct(n),
                ]);
            }
            s.push_str(&g.render(self.style));
        }

        s.push('\n');
        s.push_str(&self.heading(3, w.recommendations_title));
        if v.recommendations.is_empty() {
            let _ = writeln!(s, "{}", self.text(w.none, usize::MAX));
        } else {
            let mut g = Grid::new(
                vec![
                    w.col_firms.into(),
                    w.col_share.into(),
                    w.col_priority.into(),
                    w.col_recommendation.into(),
                    String::new(),
                    w.col_support.into(),
                ],
                vec![
                    Align::Right,
                    Align::Right,
                    Align::Left,
                    Align::Left,
                    Align::Left,
                    Align::Left,
                ],
            );
            for &(r, n) in &v.recommendations {
                let rec = &c.recommendations()[r];
                g.row(vec![
                    n.to_string(),
                    pct(n),
                    self.priority(rec.priority).into(),
                    self.text(&rec.id, TITLE_CELLS),
                    self.text(&rec.title, TITLE_CELLS),
                    rec.support
                        .as_deref()
                        .map_or_else(String::new, |x| self.text(x, TITLE_CELLS)),
                ]);
            }
            s.push_str(&g.render(self.style));
        }

        s.push('\n');
        s.push_str(&self.heading(3, w.supports_title));
        if v.supports.is_empty() {
            let _ = writeln!(s, "{}", self.text(w.none, usize::MAX));
        } else {
            let mut g = Grid::new(
                vec![w.col_firms.into(), w.col_share.into(), w.col_support.into()],
                vec![Align::Right, Align::Right, Align::Left],
            );
            for (name, n) in &v.supports {
                g.row(vec![n.to_string(), pct(*n), self.text(name, TITLE_CELLS)]);
            }
            s.push_str(&g.render(self.style));
        }
        s
    }

    fn priority(&self, p: Priority) -> &'static str {
        match p {
            Priority::High => self.w.high,
            Priority::Medium => self.w.medium,
            Priority::Low => self.w.low,
        }
    }
}

/// The versions of the questionnaire of the firms shown, each once, in order of first use.
fn focus_versions(c: &Comparison) -> Vec<&str> {
    let focus = c.focus().unwrap_or_default();
    let mut versions: Vec<&str> = Vec::new();
    for (id, v) in c.questionnaires() {
        if id == focus && !versions.contains(&v.as_str()) {
            versions.push(v);
        }
    }
    versions
}

/// The questionnaire of the firms shown, as the header names it: `id version`, or
/// `id (v1, v2)` when its versions differ.
pub fn questionnaires_label(c: &Comparison) -> String {
    let focus = c.focus().unwrap_or_default();
    match focus_versions(c)[..] {
        [] => focus.to_string(),
        [one] => format!("{focus} {one}"),
        ref many => format!("{focus} ({})", many.join(", ")),
    }
}

/// The warning when the firms shown were scored against different versions of their
/// questionnaire.
pub fn mixed_warning(c: &Comparison, w: &CompareWords) -> Option<String> {
    let versions = focus_versions(c);
    let differ = versions.len() > 1 || matches!(c.mixed(), Mixed::Versions(_));
    differ.then(|| {
        fill(
            w.mixed_versions,
            &[&c.focus().unwrap_or_default(), &versions.join(", ")],
        )
    })
}

/// The note on firms that follow other questionnaires than the one shown, and how to see
/// them; none when there are none.
pub fn apart_note(c: &Comparison, w: &CompareWords) -> Option<String> {
    if c.apart().is_empty() {
        return None;
    }
    Some(fill(
        w.apart,
        &[
            &apart_count(c),
            &apart_list(c),
            &c.focus().unwrap_or_default(),
        ],
    ))
}

/// How many firms the filters let through follow other questionnaires than the one shown.
pub fn apart_count(c: &Comparison) -> usize {
    c.apart().iter().map(|(_, n)| n).sum()
}

/// The other questionnaires with their firms: `quick-scan 1, other 2`.
pub fn apart_list(c: &Comparison) -> String {
    let list: Vec<String> = c
        .apart()
        .iter()
        .map(|(id, n)| format!("{id} {n}"))
        .collect();
    list.join(", ")
}

fn align(col: Column) -> Align {
    match col {
        Column::Overall
        | Column::Dimension(_)
        | Column::Percentile
        | Column::Visits
        | Column::Completeness => Align::Right,
        _ => Align::Left,
    }
}

/// A score with two decimals, or a dash.
fn score(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |v| format!("{:.2}", round2(v)))
}

/// A change with its sign, or nothing.
fn change(x: Option<f64>) -> String {
    match x.map(round2) {
        None => String::new(),
        Some(v) if v > 0.0 => format!("+{v:.2}"),
        Some(v) if v < 0.0 => format!("{v:.2}"),
        Some(_) => "0.00".into(),
    }
}

/// A bar of `n` against the largest count `most`: at least one block for any firm.
fn bar(n: usize, most: usize) -> String {
    if n == 0 || most == 0 {
        return String::new();
    }
    let cells = ((n as f64 / most as f64) * BAR_CELLS as f64).round() as usize;
    "█".repeat(cells.max(1))
}

/// Text made safe inside Markdown: inert, with Markdown's special characters escaped.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in inert(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

enum Row {
    Cells(Vec<String>),
    Rule,
}

/// A table of already formatted cells, drawn as aligned text or as a Markdown table.
struct Grid {
    titles: Vec<String>,
    aligns: Vec<Align>,
    rows: Vec<Row>,
}

impl Grid {
    fn new(titles: Vec<String>, aligns: Vec<Align>) -> Self {
        Grid {
            titles,
            aligns,
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row::Cells(cells));
    }

    /// A line between the firms and the cohort rows (plain text only).
    fn rule(&mut self) {
        self.rows.push(Row::Rule);
    }

    fn render(&self, style: Style) -> String {
        match style {
            Style::Text => self.text(),
            Style::Markdown => self.markdown(),
        }
    }

    fn text(&self) -> String {
        let mut widths: Vec<usize> = self.titles.iter().map(|t| width(t)).collect();
        for r in &self.rows {
            if let Row::Cells(cells) = r {
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
        let mut s = line(&self.titles);
        s.push_str(&format!("{}\n", "─".repeat(total)));
        for r in &self.rows {
            match r {
                Row::Cells(cells) => s.push_str(&line(cells)),
                Row::Rule => s.push_str(&format!("{}\n", "─".repeat(total))),
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
        for r in &self.rows {
            if let Row::Cells(cells) = r {
                s.push_str(&line(cells));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped_and_controls_dropped() {
        assert_eq!(md_escape(r"a|b *c* <x> \ n"), r"a\|b \*c\* \<x\> \\ n");
        assert_eq!(md_escape("[link](u)\u{1b}[31m\nx"), r"\[link\](u) x");
    }

    #[test]
    fn changes_carry_their_sign_and_bars_their_size() {
        assert_eq!(change(Some(0.5)), "+0.50");
        assert_eq!(change(Some(-0.25)), "-0.25");
        assert_eq!(change(Some(0.0)), "0.00");
        assert_eq!(change(None), "");
        assert_eq!(bar(0, 5), "");
        assert_eq!(bar(5, 5).chars().count(), BAR_CELLS);
        assert_eq!(bar(1, 1000), "█");
    }
}
