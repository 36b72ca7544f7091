//! The summary as one document of sections, laid out for a width: the screen scrolls through
//! it, so nothing is cut off at any size. A section is a function from the assessment to
//! lines; a new one is added to [`SECTIONS`].

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::unanswered;
use crate::evaluation::explain::{decided_path, gate, provisional};
use crate::i18n::{PlanReasons, PlanWords};
use crate::model::{Decision, Horizon, Priority, Status};
use crate::plain_text::{inert, inert_lines, pad, pad_left, width as text_width};
use crate::tui::app::App;
use crate::tui::draw::{score_text, style_lead, wrapped};
use crate::tui::screens::plan::owner_and_due;
use crate::tui::session::Session;

/// The summary laid out: its lines, and where each unanswered question's entry begins and
/// ends (line indices), in the order of [`unanswered`].
#[derive(Default)]
pub struct Doc {
    pub lines: Vec<Line<'static>>,
    pub items: Vec<std::ops::Range<usize>>,
}

/// What a section adds to the document.
type Section = fn(&App, &Session, usize, &mut Doc);

/// The sections in the order they are shown.
const SECTIONS: &[Section] = &[stats, bars, plan, open_questions, closing];

/// Lays out the whole summary for a width.
pub fn document(app: &App, s: &Session, width: usize) -> Doc {
    let mut doc = Doc::default();
    for (i, section) in SECTIONS.iter().enumerate() {
        if i > 0 {
            doc.lines.push(Line::default());
        }
        section(app, s, width, &mut doc);
    }
    doc
}

/// A section's title, followed by a rule to the width.
fn title(app: &App, text: &str, width: usize) -> Line<'static> {
    let t = &app.theme;
    let rule = width.saturating_sub(text_width(text) + 2);
    Line::from(vec![
        Span::styled(format!("{text} "), t.title()),
        Span::styled("─".repeat(rule), t.border()),
    ])
}

/// `label  value` lines, the labels padded to one width; a value wraps under itself.
fn fields(app: &App, width: usize, rows: Vec<(&str, Vec<Span<'static>>)>, doc: &mut Doc) {
    let t = &app.theme;
    let label_w = rows.iter().map(|(l, _)| text_width(l)).max().unwrap_or(0) + 2;
    for (label, value) in rows {
        let text: String = value.iter().map(|s| s.content.as_ref()).collect();
        if text_width(&text) + label_w <= width {
            let mut spans = vec![Span::styled(pad(label, label_w), t.muted())];
            spans.extend(value);
            doc.lines.push(Line::from(spans));
            continue;
        }
        // Too long for one line: the value wraps, in the style of its first part.
        let style = value.first().map_or(t.text(), |s| s.style);
        let mut lines = wrapped(&text, width, style, &pad(label, label_w));
        style_lead(&mut lines, t.muted());
        doc.lines.extend(lines);
    }
}

/// Overall score and stage, bottleneck, completeness, status and the sheet.
fn stats(app: &App, s: &Session, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let pw = PlanWords::of(app.lang);
    let l = app.lang.code();
    let q = s.q();
    let card = &s.evaluation.card;
    let stage = card
        .stage
        .map(|i| inert(q.text(&q.scale.stage[i].label, l)))
        .unwrap_or_else(|| "—".into());
    let stage_style = card
        .stage
        .map_or(t.muted(), |i| t.stage(i, q.scale.stage.len()))
        .add_modifier(Modifier::BOLD);
    let bottleneck = card
        .bottleneck
        .map(|i| inert(q.text(&q.dimension[i].title, l)))
        .unwrap_or_else(|| "—".into());
    // Completeness and the header count the same questions (rule 6, `Session::progress`).
    let (done, counted) = s.progress();
    let completeness = format!(
        "{:.0}%  ({})",
        card.completeness() * 100.0,
        w.answered_of(done, counted)
    );
    let (status, status_style) = match s.assessment.visit.status {
        Status::Complete => (w.complete, t.good()),
        Status::InProgress => (w.in_progress, t.warn()),
    };
    let sheet = match &s.sheet {
        None => Span::styled(w.sheet_none.to_string(), t.muted()),
        Some((path, stale)) => {
            let shown = path
                .strip_prefix(&app.workspace.root)
                .unwrap_or(path)
                .display()
                .to_string();
            let shown = inert(&shown);
            if *stale {
                Span::styled(w.sheet_stale(&shown), t.warn())
            } else {
                Span::styled(shown, t.text())
            }
        }
    };
    let mut overall = vec![
        Span::styled(score_text(card.overall), t.title()),
        Span::raw("  "),
        Span::styled(stage, stage_style),
    ];
    if card.provisional {
        overall.push(Span::styled(format!("  ({})", pw.provisional), t.warn()));
    }
    let e = &s.evaluation;
    let mut rows = vec![(w.overall, overall)];
    // The standing: the gate that holds the firm, or why the result is provisional.
    let lang = app.lang;
    for why in [gate(q, e, lang), provisional(q, e, lang)]
        .into_iter()
        .flatten()
    {
        rows.push((w.standing, vec![Span::styled(inert(&why), t.warn())]));
    }
    if let Some(v) = e.verdict(q) {
        let title = inert(q.text(&v.title, l));
        rows.push((w.verdict, vec![Span::styled(title, t.strong())]));
    }
    // The agreed plan's projection once the firm decided anything, else rule 10's: the
    // label says which.
    let (scores, stages, which) = decided_path(q, e, lang);
    rows.push((
        w.projected,
        vec![
            Span::raw(format!("{scores} · {} {stages}", pw.stage_word)),
            Span::styled(pw.which_projection(which), t.muted()),
        ],
    ));
    rows.extend([(w.bottleneck, vec![Span::styled(bottleneck, t.warn())])]);
    rows.extend([
        (w.completeness, vec![Span::raw(completeness)]),
        (w.status, vec![Span::styled(status, status_style)]),
        (w.sheet, vec![sheet]),
    ]);
    fields(app, width, rows, doc);
}

/// The cell of each stage's tick on a bar of `cells` cells: where its `from` falls on the
/// scale, rounded to a whole cell (the first stage at 0).
fn tick_cells(froms: &[f64], min: f64, max: f64, cells: usize) -> Vec<usize> {
    froms
        .iter()
        .map(|&from| {
            let f = ((from - min) / (max - min)).clamp(0.0, 1.0);
            (f * cells as f64).round() as usize
        })
        .collect()
}

/// How far a bar of `cells` cells fills for a score, in eighths of a cell. Each stage's
/// stretch of the scale maps onto the cells between its tick and the next one, so a score
/// at a stage's start (within 10⁻⁹, as the rules count it) fills exactly up to its tick and
/// a score below it stops short of it.
fn fill_eighths(x: f64, froms: &[f64], ticks: &[usize], max: f64, cells: usize) -> usize {
    const EPS: f64 = 1e-9;
    let Some(&first) = froms.first() else {
        return 0;
    };
    if x <= first + EPS {
        return ticks.first().map_or(0, |t| t * 8);
    }
    if x >= max - EPS {
        return cells * 8;
    }
    let i = froms.iter().rposition(|&f| x >= f - EPS).unwrap_or(0);
    let (lo, hi) = (froms[i], froms.get(i + 1).copied().unwrap_or(max));
    let (a, b) = (ticks[i] * 8, ticks.get(i + 1).map_or(cells * 8, |t| t * 8));
    if x <= lo + EPS || hi <= lo {
        return a;
    }
    let f = ((x - lo) / (hi - lo)).clamp(0.0, 1.0);
    // Below the next stage's start, the bar stays short of its tick by at least an eighth.
    let e = a + (f * (b - a) as f64).floor() as usize;
    e.min(b.saturating_sub(1)).max(a)
}

/// Horizontal bars of the dimension scores on the scale, with a ruler naming the stages and
/// a tick where each stage begins: a score at a stage's start fills the bar up to its tick.
fn bars(app: &App, s: &Session, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let (min, max) = (q.scale.min, q.scale.max);
    let titles: Vec<String> = q
        .dimension
        .iter()
        .map(|d| inert(q.text(&d.title, l)))
        .collect();
    let longest = titles.iter().map(|t| text_width(t)).max().unwrap_or(0);
    let name_w = longest.min(width / 3).max(6);
    let any_zero = q.dimension.iter().any(|d| d.weight <= 0.0);
    let tag_w = if any_zero {
        text_width(w.not_in_overall) + 2
    } else {
        0
    };
    let lead = name_w + 1 + 5 + 2;
    let cells = width.saturating_sub(lead + tag_w + 1).clamp(10, 60);
    let froms: Vec<f64> = q.scale.stage.iter().map(|st| st.from).collect();
    let ticks = tick_cells(&froms, min, max, cells);
    let n = q.scale.stage.len();
    doc.lines.push(title(app, w.dimension_scores, width));
    // Ruler: each stage id starts at its tick.
    let mut ruler = vec![' '; cells + 8];
    for (st, &m) in q.scale.stage.iter().zip(&ticks) {
        let id: Vec<char> = st.id.chars().collect();
        let start = m.min(cells.saturating_sub(id.len()));
        if ruler[start..].iter().take(id.len() + 1).all(|c| *c == ' ') {
            for (k, c) in id.iter().enumerate() {
                ruler[start + k] = *c;
            }
        }
    }
    let ruler: String = ruler.into_iter().collect();
    doc.lines.push(Line::from(vec![
        Span::raw(" ".repeat(lead)),
        Span::styled(ruler.trim_end().to_string(), t.muted()),
    ]));
    for (d, dim) in q.dimension.iter().enumerate() {
        let ds = s.evaluation.card.dimensions[d];
        let name_style = if s.evaluation.card.bottleneck == Some(d) {
            t.warn()
        } else if dim.weight <= 0.0 {
            t.muted()
        } else {
            t.text()
        };
        let mut spans = vec![
            Span::styled(pad(&titles[d], name_w), name_style),
            Span::raw(" "),
            Span::styled(pad_left(&score_text(ds.score), 5), t.strong()),
            Span::raw("  "),
        ];
        let filled = ds
            .score
            .map_or(0, |x| fill_eighths(x, &froms, &ticks, max, cells));
        let (full, part) = (filled / 8, filled % 8);
        let style = ds.stage.map_or(t.muted(), |i| t.stage(i, n));
        let mut bar = "█".repeat(full);
        if part > 0 {
            bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][part]);
        }
        let used = full + usize::from(part > 0);
        spans.push(Span::styled(bar, style));
        let rest: String = (used..cells)
            .map(|i| {
                if i > 0 && ticks.contains(&i) {
                    '┊'
                } else {
                    ' '
                }
            })
            .collect();
        spans.push(Span::styled(rest, t.border()));
        if dim.weight <= 0.0 {
            spans.push(Span::styled(format!("  {}", w.not_in_overall), t.muted()));
        }
        doc.lines.push(Line::from(spans));
    }
}

/// The plan by horizon (short, medium, long), then the options left for later, the firm's
/// own actions and the ones it declined: each action with its priority and dimension,
/// wrapped to the width, grouped as the sheet groups them (the evaluation's plan as decided:
/// a declined action leaves its horizon, a moved one stands in the horizon agreed).
fn plan(app: &App, s: &Session, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let pw = PlanWords::of(app.lang);
    let e = &s.evaluation;
    let planned: usize = Horizon::ALL
        .into_iter()
        .map(|h| e.decided_horizon(h).len())
        .sum();
    let heading = w.plan_heading(pw.plan, planned, e.applicable.len());
    doc.lines.push(title(app, &heading, width));
    if e.applicable.is_empty() && e.others().is_empty() {
        doc.lines
            .push(Line::from(Span::styled(w.none_fire, t.muted())));
        return;
    }
    let groups = [
        (pw.horizon_short, e.decided_horizon(Horizon::Short)),
        (pw.horizon_medium, e.decided_horizon(Horizon::Medium)),
        (pw.horizon_long, e.decided_horizon(Horizon::Long)),
        (pw.later, e.decided_later()),
    ];
    for (name, actions) in groups {
        group_heading(app, name, actions.len(), doc);
        if actions.is_empty() {
            doc.lines.push(Line::from(Span::styled(
                format!("  {}", pw.nothing_planned),
                t.muted(),
            )));
        }
        for &i in actions {
            action(app, s, i, width, doc);
        }
    }
    let others = e.others();
    let declined = |id: &String| {
        s.assessment.plan.get(id).and_then(|p| p.decision) == Some(Decision::Declined)
    };
    let own: Vec<&String> = others.iter().filter(|id| !declined(id)).collect();
    if !own.is_empty() {
        group_heading(app, pw.own_actions, own.len(), doc);
        for id in own {
            other(app, s, id, width, doc);
        }
    }
    let refused = e.declined().len() + others.iter().filter(|id| declined(id)).count();
    if refused > 0 {
        group_heading(app, pw.declined_actions, refused, doc);
        for &i in e.declined() {
            action(app, s, i, width, doc);
        }
        for id in others.iter().filter(|id| declined(id)) {
            other(app, s, id, width, doc);
        }
    }
}

fn group_heading(app: &App, name: &str, n: usize, doc: &mut Doc) {
    let head = format!("{name} ({n})");
    doc.lines
        .push(Line::from(Span::styled(head, app.theme.strong())));
}

/// The tag column's width: the widest priority, in brackets and indented.
fn tag_width(app: &App) -> usize {
    let w = app.words;
    [w.high, w.medium, w.low]
        .map(text_width)
        .into_iter()
        .max()
        .unwrap_or(0)
        + 5
}

/// One action of the plan: its priority as a tag, its title and dimension, then what the
/// firm decided (agreed, with owner and due date; moved from its horizon; the reason it
/// was declined).
fn action(app: &App, s: &Session, i: usize, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let r = s.evaluation.recommendation(q, i);
    let (p, style) = match r.priority {
        Priority::High => (w.high, t.bad()),
        Priority::Medium => (w.medium, t.warn()),
        Priority::Low => (w.low, t.muted()),
    };
    let dim = r
        .dimension
        .as_deref()
        .and_then(|d| q.dimension(d))
        .map(|d| format!(" · {}", inert(q.text(&d.title, l))))
        .unwrap_or_default();
    let text = format!("{}{dim}", inert(q.text(&r.title, l)));
    let mut lines = wrapped(
        &text,
        width,
        t.text(),
        &pad(&format!("  [{p}]"), tag_width(app)),
    );
    style_lead(&mut lines, style);
    doc.lines.extend(lines);
    // Agreed for another horizon than the plan's: where it came from.
    let planned = s.evaluation.placement(i).horizon;
    let agreed = s.assessment.plan.get(&r.id).and_then(|e| e.horizon);
    let moved = (agreed.is_some() && agreed != planned).then(|| {
        let reasons = PlanReasons::of(app.lang);
        w.plan_moved_from(planned.map_or(PlanWords::of(app.lang).later, |h| reasons.term(h)))
    });
    decision(app, s, &r.id, moved, width, doc);
}

/// An action of the firm's own (or a decided recommendation that no longer applies): its
/// title and horizon, then what the firm decided.
fn other(app: &App, s: &Session, id: &str, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let q = s.q();
    let entry = s.assessment.plan.get(id);
    let title = match (
        q.recommendation_index(id),
        entry.and_then(|e| e.title.as_deref()),
    ) {
        (Some(r), _) => inert(q.text(&q.recommendation[r].title, app.lang.code())),
        (None, Some(title)) => w.plan_own(&inert(title)),
        (None, None) => w.plan_own(&inert(id)),
    };
    let reasons = PlanReasons::of(app.lang);
    let term = entry.and_then(|e| e.horizon).map(|h| reasons.term(h));
    let text = match term {
        Some(term) => format!("{title} · {term}"),
        None => title,
    };
    doc.lines
        .extend(wrapped(&text, width, t.text(), &" ".repeat(tag_width(app))));
    decision(app, s, id, None, width, doc);
}

/// What the firm decided on an action, on a line under it: agreed, with owner and due date
/// and the horizon it was moved from; the reason a declined one was declined. Nothing while
/// proposed and not moved.
fn decision(app: &App, s: &Session, id: &str, moved: Option<String>, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let entry = s.assessment.plan.get(id);
    let mut facts: Vec<String> = Vec::new();
    // A declined action stands under its own heading: its reason says the rest.
    if entry.and_then(|e| e.decision) == Some(Decision::Agreed) {
        facts.push(w.plan_agreed.to_string());
    }
    facts.extend(owner_and_due(w, entry));
    facts.extend(moved);
    if entry.and_then(|e| e.decision) == Some(Decision::Declined)
        && let Some(note) = entry.and_then(|e| e.note.as_deref())
    {
        facts.push(w.plan_reason(&inert(note)));
    }
    if facts.is_empty() {
        return;
    }
    let indent = " ".repeat(tag_width(app));
    let lines = wrapped(&facts.join(" · "), width, t.muted(), &indent);
    doc.lines.extend(lines);
}

/// The visible questions without an answer: the list ↑↓ and Enter work on.
fn open_questions(app: &App, s: &Session, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let open = unanswered(s);
    let counted = open.iter().filter(|&&p| s.counts(p)).count();
    let heading = format!("{} ({counted})", w.unanswered);
    doc.lines.push(title(app, &heading, width));
    if counted == 0 {
        doc.lines
            .push(Line::from(Span::styled(w.none_unanswered, t.good())));
    }
    let num_w = text_width(&q.question_count().to_string()) + 2;
    for (i, &p) in open.iter().enumerate() {
        if i == counted {
            // Questions that are not scored count nowhere; they are listed apart.
            let heading = format!("{} ({})", w.unanswered_unscored, open.len() - counted);
            doc.lines.push(Line::from(Span::styled(heading, t.muted())));
        }
        let qu = s.question(p);
        let mut text = inert(q.text(&qu.text, l));
        if qu.required {
            text = format!("{text}  ({})", w.required);
        }
        let start = doc.lines.len();
        let lead = pad_left(&format!("{} ", p + 1), num_w);
        let mut lines = wrapped(&text, width, t.text(), &lead);
        style_lead(&mut lines, if qu.required { t.warn() } else { t.muted() });
        doc.lines.extend(lines);
        doc.items.push(start..doc.lines.len());
    }
}

/// The expert's closing remarks, in paragraphs.
fn closing(app: &App, s: &Session, width: usize, doc: &mut Doc) {
    let t = &app.theme;
    let w = app.words;
    doc.lines.push(title(app, w.closing, width));
    match s
        .assessment
        .visit
        .summary
        .as_deref()
        .filter(|x| !x.trim().is_empty())
    {
        Some(text) => doc
            .lines
            .extend(wrapped(&inert_lines(text), width, t.text(), "")),
        None => doc
            .lines
            .push(Line::from(Span::styled(w.closing_empty, t.muted()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROMS: [f64; 5] = [2.0, 2.5, 3.0, 3.5, 4.0];

    #[test]
    fn a_score_at_a_stage_start_fills_exactly_to_its_tick() {
        for cells in [10, 23, 37, 41, 60] {
            let ticks = tick_cells(&FROMS, 2.0, 4.5, cells);
            for (i, &from) in FROMS.iter().enumerate() {
                let at = fill_eighths(from, &FROMS, &ticks, 4.5, cells);
                assert_eq!(at, ticks[i] * 8, "{from} on {cells} cells");
                let below = fill_eighths(from - 0.01, &FROMS, &ticks, 4.5, cells);
                if i > 0 {
                    assert!(below < ticks[i] * 8, "{from} − 0.01 on {cells} cells");
                    assert!(below >= ticks[i - 1] * 8);
                }
                let above = fill_eighths(from + 0.01, &FROMS, &ticks, 4.5, cells);
                assert!(above >= ticks[i] * 8);
            }
            assert_eq!(fill_eighths(4.5, &FROMS, &ticks, 4.5, cells), cells * 8);
            assert_eq!(fill_eighths(1.0, &FROMS, &ticks, 4.5, cells), 0);
        }
    }

    #[test]
    fn bars_grow_with_the_score() {
        let ticks = tick_cells(&FROMS, 2.0, 4.5, 37);
        let mut last = 0;
        for k in 0..=250 {
            let x = 2.0 + f64::from(k) * 0.01;
            let e = fill_eighths(x, &FROMS, &ticks, 4.5, 37);
            assert!(e >= last, "{x}");
            last = e;
        }
    }
}
