//! The firms table of the comparison: the firm's name fixed at the left, the other columns
//! scrolling sideways when they do not fit, only the rows in view drawn, and the cohort rows
//! (mean, quartiles) beneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{BOTTLENECK_CELLS, Ctx, DIMENSION_CELLS, FIRM_CELLS, GAP};
use crate::compare::{Column, Direction, FirmRow, Summary};
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::score::NO_SCORE;
use crate::table::text::percent;
use crate::tui::draw::score_text;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;

/// A column as drawn: its width, its title on one or two lines, its alignment.
pub(super) struct Col {
    pub column: Column,
    pub width: usize,
    /// The title's lines, bottom line last; the top one empty for a one-line title.
    pub head: [String; 2],
    pub right: bool,
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
pub(super) fn table_columns(x: &Ctx) -> Vec<Col> {
    let c = x.c;
    // A provisional firm's stage reads "provisional".
    let provisional = c.rows().any(|f| f.latest().provisional);
    let stage_w = c
        .stages()
        .iter()
        .map(|s| width(&s.id))
        .chain(provisional.then(|| width(x.cw.provisional)))
        .max()
        .unwrap_or(1);
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

/// Widens the bottleneck column, cut to [`BOTTLENECK_CELLS`], by up to `extra` cells towards
/// its longest dimension title.
fn grow_bottleneck(x: &Ctx, cols: &mut [Col], extra: usize) {
    let full =
        x.c.dimensions()
            .iter()
            .map(|d| width(&inert(&d.title)))
            .max()
            .unwrap_or(0);
    if let Some(col) = cols.iter_mut().find(|c| c.column == Column::Bottleneck) {
        col.width = full.min(col.width + extra).max(col.width);
    }
}

/// Which of `widths` fit in `room` cells starting at `left` (each after a gap); returns the
/// end of the range.
pub(super) fn fit_from(widths: &[usize], left: usize, room: usize) -> usize {
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

pub(super) fn render_firms(x: &Ctx, frame: &mut Frame, area: Rect) {
    let (t, st, c) = (x.t, x.st, x.c);
    let cols = table_columns(x);
    let labels = [x.cw.stat_mean, x.cw.stat_q1, x.cw.stat_median, x.cw.stat_q3];
    let min_firm = labels
        .iter()
        .map(|l| width(l))
        .chain([width(x.cw.col_firm) + 1])
        .max()
        .unwrap_or(8);
    let mut cols = cols;
    // The firm's column as wide as the names, up to a share of the width; narrower, down to
    // a readable width, when that lets every column fit; wider, up to the longest name, when
    // every column fits with room to spare (a wide terminal).
    let cap = (area.width as usize * 3 / 10).clamp(14, 32);
    let natural = st.name_w.clamp(min_firm, cap.max(min_firm));
    let all: usize = cols.iter().map(|c| c.width + GAP).sum();
    let spare = (area.width as usize).saturating_sub(all + 3);
    let firm_w = if spare < natural && spare >= natural.min(FIRM_CELLS).max(min_firm) {
        spare
    } else if spare > natural {
        st.name_w.clamp(natural, spare)
    } else {
        natural
    };
    // What is left after the names goes to the bottleneck's titles, cut to fit otherwise.
    grow_bottleneck(x, &mut cols, spare.saturating_sub(firm_w));
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
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

    let mut lines = header_lines(x, shown, firm_w, left, end < cols.len(), two_lines);
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

/// The table's header, on one or two lines: titles, the sort arrow, the chosen column, and
/// arrows where columns hide (`left` columns hidden on the left, `more_right` on the right).
fn header_lines(
    x: &Ctx,
    shown: &[Col],
    firm_w: usize,
    left: usize,
    more_right: bool,
    two_lines: bool,
) -> Vec<Line<'static>> {
    let (t, st) = (x.t, x.st);
    let sort = x.c.sort();
    let mut lines: Vec<Line> = Vec::new();
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
        if k == 1 && more_right {
            spans.push(Span::styled(" ▸", t.muted()));
        }
        lines.push(Line::from(spans));
    }
    lines
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

pub(super) fn align(text: &str, w: usize, right: bool) -> String {
    let text = truncate(text, w);
    if right {
        pad_left(&text, w)
    } else {
        pad(&text, w)
    }
}

/// The line under the cursor: padded to `w` cells and reversed as a whole, its own colours
/// dropped so that the row reads as one bar.
pub(super) fn cursor_line(line: Line<'static>, w: usize, t: &Theme) -> Line<'static> {
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

pub(super) fn rule_line(x: &Ctx, w: usize) -> Line<'static> {
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
        V::Share(s) => (percent(s), t.text()),
        // Rounded down, so that 100 is only shown above all others.
        V::Percentile(p) => (
            p.map_or_else(|| NO_SCORE.into(), |p| format!("{}", p.floor())),
            t.text(),
        ),
        V::Count(n) if n > 1 => (n.to_string(), t.strong()),
        V::Count(n) => (n.to_string(), t.muted()),
        V::Stage(Some(s)) => (
            inert(&c.stages()[s].id),
            t.stage(s, c.stages().len()).add_modifier(Modifier::BOLD),
        ),
        V::Stage(None) if f.latest().provisional => (x.cw.provisional.into(), t.muted()),
        V::Stage(None) | V::Dimension(None) => (NO_SCORE.into(), t.muted()),
        V::Dimension(Some(d)) => (inert(&c.dimensions()[d].title), t.text()),
    }
}
