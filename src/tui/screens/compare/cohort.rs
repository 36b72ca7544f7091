//! The cohort view of the comparison: the firms by stage as a bar chart, the most frequent
//! bottlenecks, and how many firms each recommendation and support instrument is for.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{BAR_CELLS, Ctx, TWO_COLUMNS};
use crate::model::Priority;
use crate::plain_text::{inert, pad, pad_left, truncate, width};

pub(super) fn render_cohort(x: &Ctx, frame: &mut Frame, area: Rect) {
    let two = area.width >= TWO_COLUMNS;
    let (left_area, right_area) = if two {
        let [l, r] = Layout::horizontal([Constraint::Percentage(42), Constraint::Fill(1)])
            .spacing(3)
            .areas(area);
        (l, Some(r))
    } else {
        (area, None)
    };
    let inner = |a: Rect| (a.width as usize).saturating_sub(1);
    let mut left = stage_lines(x, inner(left_area));
    left.push(Line::default());
    left.extend(bottleneck_lines(x, inner(left_area)));
    let mut right = recommendation_lines(x, inner(right_area.unwrap_or(left_area)));
    right.push(Line::default());
    right.extend(support_lines(x, inner(right_area.unwrap_or(left_area))));
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
            left.extend(right);
            let max = left.len().saturating_sub(h);
            let scroll = st.cohort_scroll.min(max);
            let lines: Vec<Line> = left.into_iter().skip(scroll).collect();
            frame.render_widget(Paragraph::new(lines), area);
            (max, scroll)
        }
    };
    st.cohort_max.set(max);
    // Arrows at the right edge say there is more above or below.
    let corner = |y: u16| Rect {
        x: area.right().saturating_sub(2),
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

fn heading(x: &Ctx, title: &str) -> Line<'static> {
    Line::from(Span::styled(format!(" {title}"), x.t.title()))
}

/// A bar of `n` against the largest count `most`, in `w` cells, in eighths of a cell; at
/// least a sliver for any firm.
fn bar(n: usize, most: usize, w: usize) -> String {
    if n == 0 || most == 0 || w == 0 {
        return String::new();
    }
    let cells = (n as f64 / most as f64 * w as f64).max(0.125);
    let full = cells.floor() as usize;
    let eighths = ((cells - full as f64) * 8.0).round() as usize;
    let mut s = "█".repeat(full.min(w));
    if eighths > 0 && full < w {
        s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][eighths.min(8)]);
    }
    s
}

/// A count and its share of the firms shown: `  3   60%`.
fn count_spans(x: &Ctx, n: usize, count_w: usize) -> Vec<Span<'static>> {
    let share = format!("{:.0}%", x.c.view().share(n) * 100.0);
    vec![
        Span::styled(pad_left(&n.to_string(), count_w), x.t.strong()),
        Span::styled(pad_left(&share, 6), x.t.muted()),
    ]
}

fn stage_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.stages_title)];
    let most = v.largest_stage_count();
    let count_w = most.to_string().len().max(2);
    let id_w = c
        .stages()
        .iter()
        .map(|s| width(&s.id))
        .max()
        .unwrap_or(1)
        .max(1);
    let label_w = c
        .stages()
        .iter()
        .map(|s| width(&inert(&s.label)))
        .chain([width(x.cw.no_score)])
        .max()
        .unwrap_or(0)
        .min(w / 3);
    let bar_w = w
        .saturating_sub(1 + id_w + 2 + label_w + 2 + 1 + count_w + 6)
        .min(BAR_CELLS);
    let n = c.stages().len();
    let mut rows: Vec<(String, String, usize, Style)> = c
        .stages()
        .iter()
        .zip(&v.stages)
        .enumerate()
        .map(|(i, (s, &k))| (inert(&s.id), inert(&s.label), k, t.stage(i, n)))
        .collect();
    if v.unscored > 0 {
        rows.push(("—".into(), x.cw.no_score.into(), v.unscored, t.muted()));
    }
    for (id, label, k, style) in rows {
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(pad(&id, id_w), style.add_modifier(Modifier::BOLD)),
            Span::raw("  "),
            Span::styled(pad(&label, label_w), t.text()),
            Span::raw("  "),
            Span::styled(pad(&bar(k, most, bar_w), bar_w), style),
            Span::raw(" "),
        ];
        spans.extend(count_spans(x, k, count_w));
        out.push(Line::from(spans));
    }
    out
}

fn bottleneck_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.bottlenecks_title)];
    if v.bottlenecks.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let most = v.bottlenecks.first().map_or(0, |b| b.1);
    let count_w = most.to_string().len().max(2);
    let title_w = v
        .bottlenecks
        .iter()
        .map(|&(d, _)| width(&inert(&c.dimensions()[d].title)))
        .max()
        .unwrap_or(0)
        .min(w / 2);
    // As long as the stages' bars, so that the two charts line up.
    let bar_w = w
        .saturating_sub(1 + title_w + 2 + 1 + count_w + 6)
        .min(BAR_CELLS);
    for &(d, k) in &v.bottlenecks {
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(pad(&inert(&c.dimensions()[d].title), title_w), t.text()),
            Span::raw("  "),
            Span::styled(pad(&bar(k, most, bar_w), bar_w), t.warn()),
            Span::raw(" "),
        ];
        spans.extend(count_spans(x, k, count_w));
        out.push(Line::from(spans));
    }
    out
}

fn recommendation_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let (t, c) = (x.t, x.c);
    let v = c.view();
    let mut out = vec![heading(x, x.cw.recommendations_title)];
    if v.recommendations.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let count_w = v
        .recommendations
        .first()
        .map_or(1, |r| r.1.to_string().len())
        .max(2);
    let prio_w = [x.cw.high, x.cw.medium, x.cw.low]
        .iter()
        .map(|p| width(p))
        .max()
        .unwrap_or(1);
    for &(r, k) in &v.recommendations {
        let rec = &c.recommendations()[r];
        let (prio, style) = match rec.priority {
            Priority::High => (x.cw.high, t.bad()),
            Priority::Medium => (x.cw.medium, t.warn()),
            Priority::Low => (x.cw.low, t.muted()),
        };
        let mut spans = vec![Span::raw(" ")];
        spans.extend(count_spans(x, k, count_w));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(pad(prio, prio_w), style));
        spans.push(Span::raw("  "));
        let used = 1 + count_w + 6 + 2 + prio_w + 2;
        let room = w.saturating_sub(used);
        let title = truncate(&inert(&rec.title), room);
        let rest = room.saturating_sub(width(&title));
        spans.push(Span::styled(title, t.text()));
        if let Some(support) = &rec.support
            && rest > 6
        {
            let support = truncate(&format!(" · {}", inert(support)), rest);
            spans.push(Span::styled(support, t.muted()));
        }
        out.push(Line::from(spans));
    }
    out
}

fn support_lines(x: &Ctx, w: usize) -> Vec<Line<'static>> {
    let t = x.t;
    let v = x.c.view();
    let mut out = vec![heading(x, x.cw.supports_title)];
    if v.supports.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", x.cw.none),
            t.muted(),
        )));
        return out;
    }
    let count_w = v
        .supports
        .first()
        .map_or(1, |s| s.1.to_string().len())
        .max(2);
    for (name, k) in &v.supports {
        let mut spans = vec![Span::raw(" ")];
        spans.extend(count_spans(x, *k, count_w));
        spans.push(Span::raw("  "));
        let room = w.saturating_sub(1 + count_w + 6 + 2);
        spans.push(Span::styled(truncate(&inert(name), room), t.text()));
        out.push(Line::from(spans));
    }
    out
}
