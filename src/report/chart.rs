//! Geometry of the sheet's pictures: a radar chart of the dimension scores with the stage
//! bands as rings, a bar chart, and text bars for Markdown. Coordinates are computed here, as
//! ready-to-print strings; the templates only place them.

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// What the charts show: one entry per dimension, on the questionnaire's scale.
#[derive(Debug, Clone)]
pub struct ChartInput {
    pub labels: Vec<String>,
    pub scores: Vec<Option<f64>>,
    /// Dimensions of weight 0: drawn, but marked as not counted.
    pub counted: Vec<bool>,
    pub bottleneck: Option<usize>,
    /// Stage ids and where they begin, ascending.
    pub stages: Vec<(String, f64)>,
    pub min: f64,
    pub max: f64,
    pub overall: Option<f64>,
    /// The label of the overall score's marker, e.g. "Overall 2.63".
    pub overall_label: String,
    /// The dimension scores the plan projects after its last horizon, drawn on the radar as
    /// a second shape; none without a plan.
    pub projected: Option<Vec<Option<f64>>>,
}

/// A band of the scale between two stage starts, with its fill colour.
#[derive(Debug, Clone, Serialize)]
pub struct Ring {
    pub stage: String,
    /// Radius of the ring where the stage begins.
    pub r: String,
    /// Radius of the band's outer edge (the next stage's start, or the scale's maximum).
    pub outer: String,
    pub fill: &'static str,
    pub label_x: String,
    pub label_y: String,
    /// Whether the ring is drawn (the scale's minimum is the centre, not a ring).
    pub drawn: bool,
}

/// One spoke of the radar, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Spoke {
    pub x: String,
    pub y: String,
    pub label_x: String,
    pub label_y: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// The label wrapped into lines, each with its own `y`.
    pub lines: Vec<Line>,
    pub score: String,
    pub score_y: String,
    pub bottleneck: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub text: String,
    pub y: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub x: String,
    pub y: String,
}

/// A radar chart: spokes per dimension, rings per stage, the polygon of the scores.
#[derive(Debug, Clone, Serialize)]
pub struct Radar {
    pub width: String,
    pub height: String,
    pub cx: String,
    pub cy: String,
    pub radius: String,
    pub rings: Vec<Ring>,
    pub spokes: Vec<Spoke>,
    /// `x,y x,y …` for a `<polygon points>`.
    pub polygon: String,
    pub dots: Vec<Point>,
    /// The projected scores' polygon, drawn dashed over today's.
    pub projected: Option<String>,
}

/// A horizontal bar chart, one row per dimension, stage bands behind the bars.
#[derive(Debug, Clone, Serialize)]
pub struct Bars {
    pub width: String,
    pub height: String,
    pub label_x: String,
    pub x0: String,
    pub x1: String,
    pub top: String,
    pub bottom: String,
    /// Height of the plotting area, `bottom - top`.
    pub plot_h: String,
    pub bands: Vec<Band>,
    pub rows: Vec<BarRow>,
    /// The overall score's marker, if there is an overall score.
    pub overall: Option<Marker>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Band {
    pub stage: String,
    pub x: String,
    pub w: String,
    pub fill: &'static str,
    pub label_x: String,
    pub label_y: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarRow {
    /// The label wrapped into at most two lines, each with its own `y`.
    pub lines: Vec<Line>,
    /// The full label, shown as a tooltip when `lines` had to shorten it.
    pub title: String,
    pub y: String,
    pub text_y: String,
    pub h: String,
    pub w: String,
    pub score: String,
    pub score_x: String,
    /// `bar`, `bar bottleneck` or `bar uncounted`: the CSS class of the bar.
    pub class: &'static str,
    pub has_score: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Marker {
    pub x: String,
    pub y1: String,
    pub y2: String,
    pub label: String,
    pub label_y: String,
    pub anchor: &'static str,
}

/// Band fills from the lowest stage to the highest: warm for Industry 2.x, cool for 3.x and
/// green towards 4.0; light enough for black text and for printing in grey.
const FILLS: [&str; 6] = [
    "#fbe9e4", "#fdf3df", "#eaf2fb", "#dfeefa", "#e3f3e6", "#d4edd9",
];

fn fill(i: usize, n: usize) -> &'static str {
    if n <= 1 {
        return FILLS[0];
    }
    // Spread the stages over the palette so that the last stage is always green.
    FILLS[(i * (FILLS.len() - 1) + (n - 1) / 2) / (n - 1)]
}

fn f1(x: f64) -> String {
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".into() } else { s }
}

/// Rough width of a text in pixels at a font size: wide (CJK) characters take one em, others
/// a little over half an em. Good enough to lay out labels without a font at hand.
pub fn text_px(s: &str, font: f64) -> f64 {
    s.chars()
        .map(|c| match c.width().unwrap_or(0) {
            0 => 0.0,
            2.. => 1.0,
            _ if c.is_ascii_uppercase() => 0.68,
            _ if c == ' ' => 0.3,
            _ => 0.56,
        })
        .sum::<f64>()
        * font
}

/// `s` wrapped to lines of at most `max_px`: at spaces for words, anywhere between wide
/// characters, with the lines balanced (no lone character on a last line). At most
/// `max_lines` lines; the last is shortened with `…` if needed.
pub fn wrap(s: &str, max_px: f64, font: f64, max_lines: usize) -> Vec<String> {
    let pieces = pieces(s);
    let lines = greedy(&pieces, max_px, font);
    if lines.len() > max_lines {
        let mut out: Vec<String> = lines[..max_lines - 1]
            .iter()
            .map(|l| l.concat().trim().to_string())
            .collect();
        let rest: String = lines[max_lines - 1..].iter().flatten().cloned().collect();
        out.push(shorten(rest.trim(), max_px, font));
        return out;
    }
    // The narrowest width that still needs no more lines gives the most even lines.
    let mut best = lines;
    let mut width = max_px;
    while best.len() > 1 && width > font {
        width -= 1.0;
        let narrower = greedy(&pieces, width, font);
        if narrower.len() > best.len() {
            break;
        }
        best = narrower;
    }
    best.into_iter()
        .map(|l| shorten(l.concat().trim(), max_px, font))
        .collect()
}

/// Pieces a line may not be broken inside: words of narrow characters, single wide ones,
/// spaces.
fn pieces(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c == ' ' || c.width().unwrap_or(0) >= 2 {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Pieces filled greedily into lines of at most `max_px` (a piece wider than that gets a
/// line of its own).
fn greedy(pieces: &[String], max_px: f64, font: f64) -> Vec<Vec<String>> {
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut line: Vec<String> = Vec::new();
    for p in pieces {
        let candidate = format!("{}{p}", line.concat());
        if line.iter().all(|x| x == " ") || text_px(candidate.trim_end(), font) <= max_px {
            if !(line.is_empty() && p == " ") {
                line.push(p.clone());
            }
        } else {
            lines.push(std::mem::take(&mut line));
            if p != " " {
                line.push(p.clone());
            }
        }
    }
    if line.iter().any(|x| x != " ") {
        lines.push(line);
    }
    lines
}

/// `s` cut with `…` to fit `max_px`.
pub fn shorten(s: &str, max_px: f64, font: f64) -> String {
    if text_px(s, font) <= max_px {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if text_px(&format!("{out}{c}…"), font) > max_px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

fn score_text(s: Option<f64>) -> String {
    crate::score::Score::from(s).to_string()
}

/// The share of the scale a score covers, clamped to 0..=1.
fn share(input: &ChartInput, x: f64) -> f64 {
    let span = input.max - input.min;
    if span <= 0.0 {
        return 0.0;
    }
    ((x - input.min) / span).clamp(0.0, 1.0)
}

/// How large a chart is drawn: compact charts sit side by side, large ones one above the
/// other (for questionnaires with many dimensions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Compact,
    Large,
}

const RADAR_FONT: f64 = 13.0;
const RADAR_LINE: f64 = RADAR_FONT + 2.0;

impl Size {
    /// Radius of the radar, and the width its side labels may take.
    fn radar(self) -> (f64, f64) {
        match self {
            Size::Compact => (100.0, 100.0),
            Size::Large => (135.0, 150.0),
        }
    }

    /// Width of the bar chart, and the most its labels may take.
    fn bars(self) -> (f64, f64) {
        match self {
            Size::Compact => (380.0, 120.0),
            Size::Large => (620.0, 220.0),
        }
    }
}

/// A label block of the radar while it is being placed: its box in picture coordinates.
struct LabelBox {
    left: f64,
    right: f64,
    top: f64,
    height: f64,
    /// Which way it may move to clear another: up above the centre, down below it.
    up: bool,
    /// Distance of its anchor from the horizontal through the centre; the farther one moves.
    reach: f64,
}

impl LabelBox {
    fn overlap(&self, other: &LabelBox) -> Option<f64> {
        const GAP: f64 = 2.0;
        let horizontal = self.left < other.right + GAP && other.left < self.right + GAP;
        let vertical = (self.top + self.height + GAP).min(other.top + other.height + GAP)
            - self.top.max(other.top);
        (horizontal && vertical > 0.0).then_some(vertical)
    }
}

/// The radar chart; none with fewer than three dimensions, where a radar says nothing.
pub fn radar(input: &ChartInput, size: Size) -> Option<Radar> {
    let n = input.labels.len();
    if n < 3 {
        return None;
    }
    let (radius, label_w) = size.radar();
    let w = 2.0 * (radius + label_w + 14.0);
    let cx = w / 2.0;
    // Labels are laid out around a centre at y = 0, then everything is moved down to fit.
    let reach = radius + 10.0;
    let mut labels = radar_labels(input, cx, reach, label_w);
    spread(&mut labels);
    let top = labels
        .iter()
        .map(|l| l.bounds.top)
        .fold(-radius - 4.0, f64::min);
    let bottom = labels
        .iter()
        .map(|l| l.bounds.top + l.bounds.height)
        .fold(radius + 4.0, f64::max);
    let cy = 4.0 - top;
    let h = bottom - top + 8.0;
    let centre = (cx, cy);
    let points = radar_points(input, &input.scores, radius, cx, cy);
    Some(Radar {
        width: f1(w),
        height: f1(h),
        cx: f1(cx),
        cy: f1(cy),
        radius: f1(radius),
        rings: rings(input, radius, centre),
        spokes: spokes(input, labels, radius, reach, centre),
        polygon: points_text(&points),
        dots: points
            .iter()
            .zip(&input.scores)
            .filter(|(_, s)| s.is_some())
            .map(|((x, y), _)| Point {
                x: f1(*x),
                y: f1(*y),
            })
            .collect(),
        projected: input
            .projected
            .as_ref()
            .map(|p| points_text(&radar_points(input, p, radius, cx, cy))),
    })
}

/// The angle of spoke `i` of `n`, the first pointing up, clockwise.
fn spoke_angle(i: usize, n: usize) -> f64 {
    -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n as f64
}

/// A spoke's label while the radar is laid out: its lines, anchor and box.
struct RadarLabel {
    lines: Vec<String>,
    anchor: &'static str,
    bounds: LabelBox,
}

/// The labels at the spokes' ends, around a centre at (`cx`, 0), before they are pushed
/// apart.
fn radar_labels(input: &ChartInput, cx: f64, reach: f64, label_w: f64) -> Vec<RadarLabel> {
    let n = input.labels.len();
    // Labels above or below the chart may be as wide as the gap to their neighbours.
    let chord = 2.0 * reach * (std::f64::consts::PI / n as f64).sin();
    (0..n)
        .map(|i| {
            let (sin, cos) = spoke_angle(i, n).sin_cos();
            let (lx, ly) = (cx + reach * cos, reach * sin);
            let anchor = if cos > 0.25 {
                "start"
            } else if cos < -0.25 {
                "end"
            } else {
                "middle"
            };
            let max_w = if anchor == "middle" {
                (chord - 8.0).clamp(label_w * 0.6, 2.0 * label_w)
            } else {
                label_w
            };
            let lines = wrap(&input.labels[i], max_w, RADAR_FONT, 2);
            let widest = lines
                .iter()
                .map(|l| text_px(l, RADAR_FONT))
                .fold(text_px("0.00", RADAR_FONT), f64::max);
            let height = (lines.len() + 1) as f64 * RADAR_LINE;
            // Above the spoke's end at the top, below it at the bottom, centred on the sides.
            let top = if sin < -0.75 || (anchor == "middle" && sin < 0.0) {
                ly - 3.0 - height
            } else if sin > 0.75 || (anchor == "middle" && sin > 0.0) {
                ly + 3.0
            } else {
                ly - height / 2.0
            };
            let (left, right) = match anchor {
                "start" => (lx, lx + widest),
                "end" => (lx - widest, lx),
                _ => (lx - widest / 2.0, lx + widest / 2.0),
            };
            let bounds = LabelBox {
                left,
                right,
                top,
                height,
                up: sin < 0.0,
                reach: sin.abs(),
            };
            RadarLabel {
                lines,
                anchor,
                bounds,
            }
        })
        .collect()
}

/// Pushes overlapping neighbours apart, moving the one nearer the top or bottom outwards.
fn spread(labels: &mut [RadarLabel]) {
    let n = labels.len();
    for _ in 0..100 {
        let mut moved = false;
        for a in 0..n {
            for b in a + 1..n {
                if let Some(by) = labels[a].bounds.overlap(&labels[b].bounds) {
                    let k = if labels[a].bounds.reach >= labels[b].bounds.reach {
                        a
                    } else {
                        b
                    };
                    let bounds = &mut labels[k].bounds;
                    bounds.top += if bounds.up { -by } else { by };
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// The stage rings of a radar of `radius` around `centre`.
fn rings(input: &ChartInput, radius: f64, (cx, cy): (f64, f64)) -> Vec<Ring> {
    let stages = &input.stages;
    let n = input.labels.len();
    let (label_sin, label_cos) =
        (-std::f64::consts::FRAC_PI_2 + std::f64::consts::PI / n as f64).sin_cos();
    stages
        .iter()
        .enumerate()
        .map(|(i, (id, from))| {
            let r = radius * share(input, *from);
            let outer = stages
                .get(i + 1)
                .map_or(radius, |(_, next)| radius * share(input, *next));
            Ring {
                stage: id.clone(),
                r: f1(r),
                outer: f1(outer),
                fill: fill(i, stages.len()),
                // Along the diagonal between the first two spokes, clear of both.
                label_x: f1(cx + r * label_cos + 2.0),
                label_y: f1(cy + r * label_sin - 2.0),
                drawn: r > 0.5,
            }
        })
        .collect()
}

/// The spokes of a radar around `centre`, with their labels placed (label boxes are
/// relative to a centre at y = 0).
fn spokes(
    input: &ChartInput,
    labels: Vec<RadarLabel>,
    radius: f64,
    reach: f64,
    (cx, cy): (f64, f64),
) -> Vec<Spoke> {
    let n = labels.len();
    labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let (sin, cos) = spoke_angle(i, n).sin_cos();
            // Baselines: the first line's glyphs start at the box's top.
            let first = cy + label.bounds.top + RADAR_FONT * 0.9;
            let lines: Vec<Line> = label
                .lines
                .into_iter()
                .enumerate()
                .map(|(k, text)| Line {
                    text,
                    y: f1(first + k as f64 * RADAR_LINE),
                })
                .collect();
            Spoke {
                x: f1(cx + radius * cos),
                y: f1(cy + radius * sin),
                label_x: f1(cx + reach * cos),
                label_y: f1(cy + reach * sin),
                anchor: label.anchor,
                score: score_text(input.scores[i]),
                score_y: f1(first + lines.len() as f64 * RADAR_LINE),
                lines,
                bottleneck: input.bottleneck == Some(i),
            }
        })
        .collect()
}

/// The corners of a radar's shape for these scores (a dimension without a score sits at
/// the centre).
fn radar_points(
    input: &ChartInput,
    scores: &[Option<f64>],
    radius: f64,
    cx: f64,
    cy: f64,
) -> Vec<(f64, f64)> {
    let n = scores.len();
    (0..n)
        .map(|i| {
            let r = radius * scores[i].map_or(0.0, |s| share(input, s));
            let (sin, cos) = spoke_angle(i, n).sin_cos();
            (cx + r * cos, cy + r * sin)
        })
        .collect()
}

/// `x,y x,y …` for a `<polygon points>`.
fn points_text(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", f1(*x), f1(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

const BAR_FONT: f64 = 13.0;
/// Row height for one-line labels, and for labels wrapped onto two lines.
const BAR_ROW: f64 = 26.0;
const BAR_ROW_TWO_LINES: f64 = 36.0;
const BAR_H: f64 = 16.0;

/// The bar chart of the dimension scores, stage bands behind, the overall score as a line.
pub fn bars(input: &ChartInput, size: Size) -> Bars {
    let n = input.labels.len();
    let (bar_w, label_max) = size.bars();
    let label_w = input
        .labels
        .iter()
        .flat_map(|l| wrap(l, label_max, BAR_FONT, 2))
        .map(|l| text_px(&l, BAR_FONT))
        .fold(40.0, f64::max)
        .min(label_max);
    let (x0, x1) = (label_w + 14.0, bar_w - 44.0);
    let two_lines = input
        .labels
        .iter()
        .any(|l| wrap(l, label_w, BAR_FONT, 2).len() > 1);
    let row_h = if two_lines {
        BAR_ROW_TWO_LINES
    } else {
        BAR_ROW
    };
    let top = 22.0;
    let bottom = top + n as f64 * row_h;
    let height = bottom + 22.0;
    let x = |s: f64| x0 + (x1 - x0) * share(input, s);
    let bands = input
        .stages
        .iter()
        .enumerate()
        .map(|(i, (id, from))| {
            let end = input.stages.get(i + 1).map_or(input.max, |(_, next)| *next);
            let (a, b) = (x(*from), x(end));
            Band {
                stage: id.clone(),
                x: f1(a),
                w: f1(b - a),
                fill: fill(i, input.stages.len()),
                label_x: f1(a),
                label_y: f1(top - 6.0),
            }
        })
        .collect();
    let mut rows: Vec<BarRow> = (0..n)
        .map(|i| {
            let y = top + i as f64 * row_h + (row_h - BAR_H) / 2.0;
            let end = input.scores[i].map_or(x0, x);
            let class = if input.bottleneck == Some(i) {
                "bar bottleneck"
            } else if !input.counted[i] {
                "bar uncounted"
            } else {
                "bar"
            };
            Bars::row(input, i, y, end - x0, end, x0, label_w, class)
        })
        .collect();
    if let Some(o) = input.overall {
        clear_of_line(&mut rows, x(o));
    }
    let overall = input.overall.map(|o| {
        let mx = x(o);
        // Keep the label inside the picture near either edge.
        let anchor = if mx > x1 - 40.0 {
            "end"
        } else if mx < x0 + 40.0 {
            "start"
        } else {
            "middle"
        };
        Marker {
            x: f1(mx),
            y1: f1(top - 2.0),
            y2: f1(bottom + 2.0),
            label: input.overall_label.clone(),
            label_y: f1(bottom + 15.0),
            anchor,
        }
    });
    Bars {
        width: f1(bar_w),
        height: f1(height),
        label_x: f1(label_w + 6.0),
        x0: f1(x0),
        x1: f1(x1),
        top: f1(top),
        bottom: f1(bottom),
        plot_h: f1(bottom - top),
        bands,
        rows,
        overall,
    }
}

const BAR_SCORE_FONT: f64 = 12.0;

/// The width of a bar's value label (bold, a little wider than [`text_px`] guesses).
fn score_label_px(score: &str) -> f64 {
    text_px(score, BAR_SCORE_FONT) * 1.15
}

/// Moves every value label the overall score's line would cross to just right of the line,
/// so that the line never runs through a number.
fn clear_of_line(rows: &mut [BarRow], line_x: f64) {
    const GAP: f64 = 3.0;
    for row in rows {
        let start: f64 = row.score_x.parse().unwrap_or(0.0);
        let end = start + score_label_px(&row.score);
        if start - GAP <= line_x && line_x <= end + GAP {
            row.score_x = f1(line_x + GAP + 1.0);
        }
    }
}

impl Bars {
    #[allow(clippy::too_many_arguments)]
    fn row(
        input: &ChartInput,
        i: usize,
        y: f64,
        w: f64,
        end: f64,
        x0: f64,
        label_w: f64,
        class: &'static str,
    ) -> BarRow {
        let title = input.labels[i].clone();
        let score = input.scores[i];
        let texts = wrap(&title, label_w, BAR_FONT, 2);
        let line_h = BAR_FONT + 1.0;
        let mid = y + BAR_H / 2.0 + BAR_FONT * 0.35;
        let first = mid - (texts.len() - 1) as f64 * line_h / 2.0;
        BarRow {
            lines: texts
                .into_iter()
                .enumerate()
                .map(|(k, text)| Line {
                    text,
                    y: f1(first + k as f64 * line_h),
                })
                .collect(),
            title,
            y: f1(y),
            text_y: f1(mid),
            h: f1(BAR_H),
            w: f1(w.max(0.0)),
            score: score_text(score),
            score_x: f1(if score.is_some() { end + 5.0 } else { x0 + 5.0 }),
            class,
            has_score: score.is_some(),
        }
    }
}

/// A bar of `width` cells for Markdown: `█` for the share of the scale the score covers,
/// `░` for the rest; all `░` without a score.
pub fn text_bar(score: Option<f64>, min: f64, max: f64, width: usize) -> String {
    let filled = score.map_or(0, |s| {
        let span = max - min;
        let share = if span > 0.0 {
            ((s - min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (share * width as f64).round() as usize
    });
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(n: usize) -> ChartInput {
        ChartInput {
            labels: (0..n).map(|i| format!("Dimension {i}")).collect(),
            scores: (0..n).map(|i| Some(2.0 + i as f64 * 0.5)).collect(),
            counted: vec![true; n],
            bottleneck: Some(0),
            stages: vec![
                ("2.0".into(), 2.0),
                ("3.0".into(), 3.0),
                ("4.0".into(), 4.0),
            ],
            min: 2.0,
            max: 4.0,
            overall: Some(2.75),
            overall_label: "Overall 2.75".into(),
            projected: None,
        }
    }

    fn num(s: &str) -> f64 {
        s.parse().unwrap()
    }

    #[test]
    fn radar_places_scores_on_their_rings() {
        let r = radar(&input(4), Size::Compact).unwrap();
        let radius = num(&r.radius);
        // Rings: the minimum is the centre; 3.0 halfway; 4.0 at the full radius.
        let radii: Vec<f64> = r.rings.iter().map(|g| num(&g.r)).collect();
        assert_eq!(radii, vec![0.0, radius / 2.0, radius]);
        assert!(!r.rings[0].drawn && r.rings[1].drawn);
        // The first spoke points straight up; a score of 2.0 sits on the centre, and the
        // third dimension's 3.0 sits on the 3.0 ring, straight down.
        assert_eq!(num(&r.spokes[0].x), num(&r.cx));
        let pts: Vec<(f64, f64)> = r
            .polygon
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (num(x), num(y))
            })
            .collect();
        assert_eq!(pts[0], (num(&r.cx), num(&r.cy)));
        assert!((pts[2].1 - (num(&r.cy) + radius / 2.0)).abs() < 0.11);
        assert_eq!(r.spokes[0].anchor, "middle");
        assert_eq!(r.spokes[1].anchor, "start");
        assert_eq!(r.spokes[3].anchor, "end");
        assert!(r.spokes[0].bottleneck);
    }

    #[test]
    fn radar_needs_three_dimensions() {
        assert!(radar(&input(2), Size::Compact).is_none());
    }

    /// The box a spoke's label takes, from what the template will draw.
    fn label_box(s: &Spoke) -> (f64, f64, f64, f64) {
        let widest = s
            .lines
            .iter()
            .map(|l| text_px(&l.text, RADAR_FONT))
            .fold(text_px(&s.score, RADAR_FONT), f64::max);
        let x = num(&s.label_x);
        let (left, right) = match s.anchor {
            "start" => (x, x + widest),
            "end" => (x - widest, x),
            _ => (x - widest / 2.0, x + widest / 2.0),
        };
        let top = num(&s.lines[0].y) - RADAR_FONT * 0.9;
        let bottom = num(&s.score_y) + RADAR_FONT * 0.25;
        (left, right, top, bottom)
    }

    #[test]
    fn radar_labels_stay_inside_the_picture_and_clear_of_each_other() {
        let titles = [
            "Strategy and leadership",
            "Product design and R&D",
            "Production equipment and automation",
            "Shop-floor connectivity and data",
            "Information systems and integration",
            "Quality and process control",
            "Supply chain and chain collaboration",
            "Talent and skills",
            "Finance and investment",
            "Energy and green manufacturing",
            "Cybersecurity",
            "车间联网与数据采集",
        ];
        for size in [Size::Compact, Size::Large] {
            for n in 3..=titles.len() {
                let mut i = input(n);
                i.labels = titles[..n].iter().map(|t| t.to_string()).collect();
                let r = radar(&i, size).unwrap();
                let (w, h) = (num(&r.width), num(&r.height));
                let boxes: Vec<_> = r.spokes.iter().map(label_box).collect();
                for (k, (left, right, top, bottom)) in boxes.iter().enumerate() {
                    assert!(
                        *left >= 0.0 && *right <= w && *top >= 0.0 && *bottom <= h,
                        "{size:?} n={n}: label {k} leaves the picture"
                    );
                    for (m, other) in boxes.iter().enumerate().skip(k + 1) {
                        let apart = right <= &other.0
                            || other.1 <= *left
                            || bottom <= &other.2
                            || other.3 <= *top;
                        assert!(apart, "{size:?} n={n}: labels {k} and {m} overlap");
                    }
                }
            }
        }
        let mut i = input(5);
        i.labels[1] = "A very long dimension title that cannot fit on one line at all".into();
        let r = radar(&i, Size::Compact).unwrap();
        assert_eq!(r.spokes[1].lines.len(), 2);
        assert!(r.spokes[1].lines[1].text.ends_with('…'));
    }

    #[test]
    fn bars_scale_scores_between_the_ends() {
        let b = bars(&input(3), Size::Compact);
        let (x0, x1) = (num(&b.x0), num(&b.x1));
        assert_eq!(num(&b.rows[0].w), 0.0);
        // 3.0 is halfway along a 2.0–4.0 scale.
        assert!((num(&b.rows[2].w) - (x1 - x0) / 2.0).abs() < 0.11);
        assert_eq!(b.rows[0].class, "bar bottleneck");
        assert_eq!(b.bands.len(), 3);
        let overall = b.overall.unwrap();
        assert!((num(&overall.x) - (x0 + (x1 - x0) * 0.375)).abs() < 0.11);
    }

    #[test]
    fn the_overall_line_never_crosses_a_value_label() {
        // Overall 2.75; one label starts just left of the line, one right on it.
        let mut i = input(3);
        i.scores = vec![Some(2.7), Some(2.74), Some(3.5)];
        i.overall = Some(2.75);
        let b = bars(&i, Size::Compact);
        let line = num(&b.overall.unwrap().x);
        for row in &b.rows {
            let start = num(&row.score_x);
            let end = start + score_label_px(&row.score);
            assert!(
                line < start - 2.0 || line > end + 2.0,
                "the line at {line} crosses {} at {start}–{end}",
                row.score
            );
        }
        // A label clear of the line stays at its bar's end.
        let last = &b.rows[2];
        assert!((num(&last.score_x) - (num(&b.x0) + num(&last.w) + 5.0)).abs() < 0.11);
    }

    #[test]
    fn wrapping_breaks_words_at_spaces_and_chinese_anywhere() {
        assert_eq!(
            wrap("Equipment and automation", 80.0, 11.0, 3),
            vec!["Equipment and", "automation"]
        );
        let zh = wrap("数字化研发设计与工艺管理", 60.0, 11.0, 3);
        assert!(zh.len() >= 2 && zh.iter().all(|l| text_px(l, 11.0) <= 60.0));
        assert_eq!(zh.concat(), "数字化研发设计与工艺管理");
        // Balanced: eight characters in a width for seven give four and four, not seven and one.
        assert_eq!(
            wrap("生产装备与自动化", 7.0 * 13.0, 13.0, 2),
            vec!["生产装备", "与自动化"]
        );
        // Cut after the last line, without spaces inserted into Chinese.
        assert_eq!(
            wrap("一二三四五六七八九十", 3.0 * 10.0, 10.0, 2),
            vec!["一二三", "四五…"]
        );
    }

    #[test]
    fn text_bars_fill_the_share_of_the_scale() {
        assert_eq!(text_bar(Some(3.0), 2.0, 4.0, 10), "█████░░░░░");
        assert_eq!(text_bar(Some(4.0), 2.0, 4.0, 4), "████");
        assert_eq!(text_bar(None, 2.0, 4.0, 4), "░░░░");
        assert_eq!(text_bar(Some(1.0), 2.0, 4.0, 4), "░░░░");
    }
}
