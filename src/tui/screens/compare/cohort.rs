//! The cohort view of the comparison: the comparison's cohort tables ([`Comparison::cohort_tables`])
//! drawn for the screen — the charts (tables with bars: firms by stage, the frequent
//! bottlenecks) on the left, the lists (planned actions, support) on the right when there is
//! room, one under the other otherwise.
//!
//! [`Comparison::cohort_tables`]: crate::compare::Comparison::cohort_tables

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{BAR_CELLS, Ctx, TWO_COLUMNS};
use crate::model::Priority;
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::table::text::percent;
use crate::table::{Align, Cell, Column, Row, Table, Tone, for_screen};
use crate::tui::theme::Theme;

/// Cells between two columns.
const GAP: usize = 2;
/// Bars of the charts beside the lists are this long where the lists need the room.
const BAR_SHORT: usize = 24;
/// A text column is not cut narrower than this to make room.
const TEXT_MIN: usize = 6;

pub(super) fn render_cohort(x: &Ctx, frame: &mut Frame, area: Rect) {
    let tables: Vec<(Table, Vec<Row>)> =
        x.c.cohort_tables()
            .into_iter()
            .map(|mut t| {
                let rows = std::mem::replace(&mut t.rows, Box::new(std::iter::empty())).collect();
                (t, rows)
            })
            .collect();
    let (charts, lists): (Vec<_>, Vec<_>) = tables.into_iter().partition(|(_, rows)| {
        rows.iter()
            .any(|r: &Row| r.cells.iter().any(|c| matches!(c, Cell::Bar(_))))
    });
    let two = area.width >= TWO_COLUMNS;
    let (left_area, right_area) = if two {
        // The charts take what they need with bars of a readable length, up to 42% of the
        // width; the lists (recommendation and support titles) the rest.
        let most = area.width as usize * 42 / 100;
        let left_w = (charts_width(&charts, BAR_SHORT) + 1).min(most) as u16;
        let [l, r] = Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)])
            .spacing(3)
            .areas(area);
        (l, Some(r))
    } else {
        (area, None)
    };
    let inner = |a: Rect| (a.width as usize).saturating_sub(1);
    let mut left = table_lines(x, charts, inner(left_area));
    let mut right = table_lines(x, lists, inner(right_area.unwrap_or(left_area)));
    let h = area.height as usize;
    let st = x.st;
    st.page.set(h.saturating_sub(1).max(1));
    let (max, scroll) = match right_area {
        Some(r) => {
            let max = left.len().max(right.len()).saturating_sub(h);
            let scroll = st.cohort_scroll.min(max);
            let skip = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
                lines.into_iter().skip(scroll).collect()
            };
            frame.render_widget(Paragraph::new(skip(right)), r);
            frame.render_widget(Paragraph::new(skip(left)), left_area);
            (max, scroll)
        }
        None => {
            left.push(Line::default());
            left.append(&mut right);
            let max = left.len().saturating_sub(h);
            let scroll = st.cohort_scroll.min(max);
            let lines: Vec<Line> = left.into_iter().skip(scroll).collect();
            frame.render_widget(Paragraph::new(lines), area);
            (max, scroll)
        }
    };
    st.cohort_max.set(max);
    // Arrows in the last column, which the text leaves free, say there is more above or
    // below.
    let corner = |y: u16| Rect {
        x: area.right().saturating_sub(1),
        y,
        width: 1,
        height: 1,
    };
    if scroll > 0 {
        frame.render_widget(Span::styled("▴", x.t.muted()), corner(area.y));
    }
    if scroll < max {
        frame.render_widget(Span::styled("▾", x.t.muted()), corner(area.bottom() - 1));
    }
}

/// The cells the widest of some tables needs with its bars `bar` cells long and nothing cut.
fn charts_width(tables: &[(Table, Vec<Row>)], bar: usize) -> usize {
    tables
        .iter()
        .map(|(table, rows)| {
            let shown: Vec<(usize, Column)> = table
                .shown(for_screen)
                .into_iter()
                .map(|(i, c)| (i, c.clone()))
                .collect();
            let texts: Vec<Vec<String>> = rows
                .iter()
                .map(|r| shown.iter().map(|(i, _)| text(&r.cells[*i])).collect())
                .collect();
            let widths = fit(&shown, rows, &texts, usize::MAX / 2);
            let bars = (0..shown.len())
                .filter(|&k| {
                    rows.iter()
                        .any(|r| matches!(r.cells[shown[k].0], Cell::Bar(_)))
                })
                .count();
            let n = widths.iter().filter(|&&w| w > 0).count();
            let used = 1 + widths.iter().sum::<usize>() + GAP * n.saturating_sub(1);
            used - bars * BAR_CELLS + bars * bar
        })
        .max()
        .unwrap_or(0)
}

/// Tables one under the other, a blank line between them, in `w` cells.
fn table_lines(x: &Ctx, tables: Vec<(Table, Vec<Row>)>, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (i, (t, rows)) in tables.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(lines(x.t, t, rows, w));
    }
    out
}

/// One table: its title, its columns' titles and its rows, fitted into `w` cells.
fn lines(t: &Theme, table: &Table, rows: &[Row], w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(title) = &table.title {
        out.push(Line::from(Span::styled(
            format!(" {}", inert(title)),
            t.title(),
        )));
    }
    let shown: Vec<(usize, Column)> = table
        .shown(for_screen)
        .into_iter()
        .map(|(i, c)| (i, c.clone()))
        .collect();
    if rows.is_empty() {
        if let Some(empty) = &table.empty {
            out.push(Line::from(Span::styled(format!(" {empty}"), t.muted())));
        }
        return out;
    }
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|r| shown.iter().map(|(i, _)| text(&r.cells[*i])).collect())
        .collect();
    let widths = fit(&shown, rows, &texts, w);
    if shown.iter().any(|(_, c)| !c.title.is_empty()) {
        let mut spans = vec![Span::raw(" ")];
        for (k, (_, c)) in shown.iter().enumerate() {
            if widths[k] == 0 {
                continue;
            }
            spans.push(Span::raw(" ".repeat(GAP * usize::from(k > 0))));
            let title = align(&inert(&c.title), widths[k], c.align);
            spans.push(Span::styled(title, t.muted()));
        }
        out.push(Line::from(spans));
    }
    for (r, row) in rows.iter().enumerate() {
        let mut spans = vec![Span::raw(" ")];
        for (k, (i, c)) in shown.iter().enumerate() {
            if widths[k] == 0 {
                continue;
            }
            spans.push(Span::raw(" ".repeat(GAP * usize::from(k > 0))));
            let cell = &row.cells[*i];
            let shown_text = match cell {
                Cell::Bar(b) => pad(&bar(b.fill(), widths[k]), widths[k]),
                _ => align(&texts[r][k], widths[k], c.align),
            };
            spans.push(Span::styled(shown_text, style(t, cell)));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The width of each column shown in `w` cells: numbers and names as wide as they are, text
/// columns left out from the right while even a few cells of each do not fit, then the
/// widest text cut until the row fits; bars take the room left (up to [`BAR_CELLS`]). A width
/// of 0 leaves the column out.
fn fit(shown: &[(usize, Column)], rows: &[Row], texts: &[Vec<String>], w: usize) -> Vec<usize> {
    let holds = |k: usize, f: fn(&Cell) -> bool| rows.iter().any(|r| f(&r.cells[shown[k].0]));
    let bars: Vec<bool> = (0..shown.len())
        .map(|k| holds(k, |c| matches!(c, Cell::Bar(_))))
        .collect();
    let text: Vec<bool> = (0..shown.len())
        .map(|k| holds(k, |c| matches!(c, Cell::Text(_))))
        .collect();
    let mut widths: Vec<usize> = (0..shown.len())
        .map(|k| {
            let cells = texts.iter().map(|t| width(&t[k])).max().unwrap_or(0);
            if bars[k] {
                0
            } else {
                cells.max(width(&shown[k].1.title))
            }
        })
        .collect();
    let used = |widths: &[usize]| -> usize {
        let n = widths.iter().filter(|&&x| x > 0).count();
        1 + widths.iter().sum::<usize>() + GAP * n.saturating_sub(1)
    };
    let least = |widths: &[usize]| -> Vec<usize> {
        let cut = |(k, &x): (usize, &usize)| if text[k] { x.min(TEXT_MIN) } else { x };
        widths.iter().enumerate().map(cut).collect()
    };
    while used(&least(&widths)) > w {
        match (1..widths.len()).rev().find(|&k| text[k] && widths[k] > 0) {
            Some(k) => widths[k] = 0,
            None => break,
        }
    }
    while used(&widths) > w {
        let widest = (0..widths.len())
            .filter(|&k| text[k] && widths[k] > TEXT_MIN)
            .max_by_key(|&k| (widths[k], k));
        match widest {
            Some(k) => widths[k] -= 1,
            None => break,
        }
    }
    for k in (0..widths.len()).filter(|&k| bars[k]) {
        widths[k] = w.saturating_sub(used(&widths) + GAP).min(BAR_CELLS);
    }
    widths
}

/// A cell's text on the screen.
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty | Cell::Bar(_) => String::new(),
        Cell::Text(s) => inert(s),
        Cell::Label(n) | Cell::Key(n) => inert(&n.name),
        Cell::Count(n) => n.to_string(),
        Cell::Share(x) => percent(*x),
        Cell::Score(s) => s.to_string(),
        Cell::Change(s) => s.signed(),
        Cell::Percentile(p) => {
            p.map_or_else(|| crate::score::NO_SCORE.into(), |p| p.floor().to_string())
        }
    }
}

fn align(s: &str, w: usize, a: Align) -> String {
    let s = truncate(s, w);
    match a {
        Align::Left => pad(&s, w),
        Align::Right => pad_left(&s, w),
    }
}

/// How a cell is coloured: by its tone, counts bold, shares dim.
fn style(t: &Theme, cell: &Cell) -> Style {
    let tone = |tone: Tone| match tone {
        Tone::Plain => t.text(),
        Tone::Muted => t.muted(),
        Tone::Warn => t.warn(),
        Tone::Step { at, of } => t.stage(at, of).add_modifier(Modifier::BOLD),
        Tone::Priority(Priority::High) => t.bad(),
        Tone::Priority(Priority::Medium) => t.warn(),
        Tone::Priority(Priority::Low) => t.muted(),
    };
    match cell {
        Cell::Label(n) | Cell::Key(n) => tone(n.tone),
        Cell::Bar(b) if b.tone == Tone::Plain => t.title(),
        Cell::Bar(b) => tone(b.tone).remove_modifier(Modifier::BOLD),
        Cell::Count(_) => t.strong(),
        Cell::Share(_) => t.muted(),
        _ => t.text(),
    }
}

/// A bar filling `fill` (0 to 1) of `w` cells, in eighths of a cell; at least a sliver for
/// anything above 0.
fn bar(fill: f64, w: usize) -> String {
    if fill <= 0.0 || w == 0 {
        return String::new();
    }
    let cells = (fill * w as f64).max(0.125);
    let full = cells.floor() as usize;
    let eighths = ((cells - full as f64) * 8.0).round() as usize;
    let mut s = "█".repeat(full.min(w));
    if eighths > 0 && full < w {
        s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][eighths.min(8)]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Name, Shows};

    fn table() -> (Vec<(usize, Column)>, Vec<Row<'static>>) {
        let cols = vec![
            Column::new("id", "Id").shows(Shows::NOT_ON_SCREEN),
            Column::new("label", ""),
            Column::new("firms", "Firms").right(),
            Column::new("priority", "Priority"),
            Column::new("support", "Support"),
        ];
        let rows = vec![Row::new(vec![
            Cell::text("erp"),
            Cell::text("Bring in an ERP system for the whole firm"),
            Cell::Count(12),
            Cell::Label(Name::new("high", "high")),
            Cell::text("Technical-upgrade loan"),
        ])];
        let shown = cols.into_iter().enumerate().skip(1).collect();
        (shown, rows)
    }

    fn texts(shown: &[(usize, Column)], rows: &[Row]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| shown.iter().map(|(i, _)| text(&r.cells[*i])).collect())
            .collect()
    }

    #[test]
    fn text_is_cut_then_left_out_so_that_numbers_always_show() {
        let (shown, rows) = table();
        let t = texts(&shown, &rows);
        assert_eq!(fit(&shown, &rows, &t, 200), [41, 5, 8, 22]);
        // 1 + 41 + 2 + 5 + 2 + 8 + 2 + 22 = 83 cells: the widest text is cut first.
        assert_eq!(fit(&shown, &rows, &t, 80), [38, 5, 8, 22]);
        // Both texts cut to 10 cells: 1 + 10 + 2 + 5 + 2 + 8 + 2 + 10 = 40.
        assert_eq!(fit(&shown, &rows, &t, 40), [10, 5, 8, 10]);
        // Not even 6 cells of each: the support is left out, the title takes the room.
        assert_eq!(fit(&shown, &rows, &t, 30), [12, 5, 8, 0]);
    }

    #[test]
    fn bars_take_the_room_left_in_eighths() {
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(0.5, 3), "█▌");
        assert_eq!(bar(0.001, 10), "▏");
        assert_eq!(bar(0.0, 10), "");
    }
}
