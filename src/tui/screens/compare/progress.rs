//! The re-visited firms of the comparison: each visit with its scores, and the change per
//! dimension since the previous visit (▲ up, ▼ down).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::table::{Col, align, cursor_line, fit_from, rule_line, table_columns};
use super::{Ctx, GAP};
use crate::compare::{Column, FirmRow};
use crate::plain_text::{inert, pad, truncate, width};
use crate::score::{NO_SCORE, Score};
use crate::tui::draw::score_text;
use crate::tui::theme::Theme;

pub(super) fn render_progress(x: &Ctx, frame: &mut Frame, area: Rect) {
    let (t, st, c) = (x.t, x.st, x.c);
    let firms: Vec<&FirmRow> = c.progressions().collect();
    if firms.is_empty() {
        frame.render_widget(
            Span::styled(format!(" {}", x.w.no_revisit_shown), t.muted()),
            area,
        );
        return;
    }
    let mut columns = vec![Column::Overall, Column::Stage];
    columns.extend(c.shown_dimensions().iter().map(|&i| Column::Dimension(i)));
    let cols: Vec<Col> = table_columns(x)
        .into_iter()
        .filter(|col| columns.contains(&col.column))
        .map(|mut col| {
            // Room for a change such as ▲0.45; no sort arrow here.
            if col.right {
                col.width = col.width.max(5);
            }
            col
        })
        .collect();
    let label_w = [10, width(x.cw.change) + 2].into_iter().max().unwrap_or(10);
    let room = (area.width as usize).saturating_sub(label_w + 4);
    let widths: Vec<usize> = cols.iter().map(|c| c.width).collect();
    let mut max_left = widths.len();
    while max_left > 0 && fit_from(&widths, max_left - 1, room) == widths.len() {
        max_left -= 1;
    }
    st.progress_left_max.set(max_left);
    let left = st.progress_left.min(max_left);
    let end = fit_from(&widths, left, room);
    let shown = &cols[left..end];
    let two_lines = shown.iter().any(|c| !c.head[0].is_empty());

    let total_w = area.width as usize;
    let mut head: Vec<Line> = Vec::new();
    for k in (0..2).filter(|&k| k == 1 || two_lines) {
        let label = if k == 1 { x.cw.col_date } else { "" };
        let mut spans = vec![Span::styled(
            format!("   {}", pad(label, label_w)),
            t.muted(),
        )];
        for (i, col) in shown.iter().enumerate() {
            let gap = if i == 0 && k == 1 && left > 0 {
                "◂ "
            } else {
                "  "
            };
            spans.push(Span::styled(gap, t.muted()));
            spans.push(Span::styled(
                align(&col.head[k], col.width, col.right),
                t.muted(),
            ));
        }
        if k == 1 && end < cols.len() {
            spans.push(Span::styled(" ▸", t.muted()));
        }
        head.push(Line::from(spans));
    }
    head.push(rule_line(x, total_w));
    let body_h = (area.height as usize).saturating_sub(head.len()).max(1);

    // Each firm: its name, its visits with the change after each, a blank line between.
    let height = |f: &FirmRow| 2 * f.visits.len() + 1;
    let cursor = st.progress.min(firms.len() - 1);
    let start: usize = firms[..cursor].iter().map(|f| height(f)).sum();
    let own = height(firms[cursor]);
    let mut top = st.progress_top.get();
    if start < top {
        top = start;
    } else if start + own > top + body_h {
        top = (start + own).saturating_sub(body_h).min(start);
    }
    st.progress_top.set(top);

    let mut lines = head;
    let mut at = 0;
    for (k, f) in firms.iter().enumerate() {
        let h = height(f);
        if at + h <= top {
            at += h;
            continue;
        }
        if at >= top + body_h {
            break;
        }
        let block = firm_block(x, f, shown, label_w, total_w, k == cursor);
        let skip = top.saturating_sub(at);
        lines.extend(block.into_iter().skip(skip));
        at += h;
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A re-visited firm: its name, then each visit and the change since the one before.
fn firm_block(
    x: &Ctx,
    f: &FirmRow,
    shown: &[Col],
    label_w: usize,
    total_w: usize,
    under_cursor: bool,
) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let count = x.w.visits_n(f.visits.len());
    let name = truncate(&inert(f.name()), total_w.saturating_sub(width(&count) + 6));
    let mut title = Line::from(vec![
        Span::raw(" "),
        Span::styled(name, t.strong()),
        Span::styled(format!(" · {count}"), t.muted()),
    ]);
    if under_cursor {
        title = cursor_line(title, total_w, t);
    }
    let mut out = vec![title];
    for (i, v) in f.visits.iter().enumerate() {
        if let Some(ch) = f.change(i) {
            let mut spans = vec![Span::styled(
                format!("   {}", pad(x.cw.change, label_w)),
                t.muted(),
            )];
            for col in shown {
                spans.push(Span::raw(" ".repeat(GAP)));
                let d = match col.column {
                    Column::Overall => ch.overall,
                    Column::Dimension(i) => ch.dimensions[i],
                    _ => None,
                };
                let (text, style) = change_text(t, d);
                spans.push(Span::styled(align(&text, col.width, col.right), style));
            }
            out.push(Line::from(spans));
        }
        let date = inert(v.date.as_deref().unwrap_or(NO_SCORE));
        let mut spans = vec![Span::styled(
            format!("   {}", pad(&date, label_w)),
            t.text(),
        )];
        for col in shown {
            spans.push(Span::raw(" ".repeat(GAP)));
            let (text, style) = match col.column {
                Column::Overall => (score_text(v.overall), x.score_style(v.overall)),
                Column::Dimension(d) => {
                    let s = v.dimensions.get(d);
                    (score_text(s), x.score_style(s))
                }
                Column::Stage => match v.stage() {
                    Some(s) => (inert(&c.stages()[s].id), t.stage(s, c.stages().len())),
                    None if v.provisional => (x.cw.provisional.into(), t.muted()),
                    None => (NO_SCORE.into(), t.muted()),
                },
                _ => (String::new(), t.text()),
            };
            spans.push(Span::styled(align(&text, col.width, col.right), style));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    out
}

/// A change with an arrow for its direction: ▲0.45, ▼0.20, 0.00; nothing without one.
fn change_text(t: &Theme, d: Option<f64>) -> (String, Style) {
    match d {
        None => (String::new(), t.muted()),
        Some(v) if v > 0.0 => (format!("▲{}", Score::from(v)), t.rise()),
        Some(v) if v < 0.0 => (format!("▼{}", Score::from(-v)), t.fall()),
        Some(_) => ("0.00".into(), t.muted()),
    }
}
