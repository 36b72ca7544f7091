//! Pieces every screen draws with: the header with the firm and progress, the footer with
//! the keys that work (or the last message), the "enlarge the terminal" notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Tone};
use super::keys::KeyHelp;
use super::session::Session;
use super::wrap::wrap;
use crate::plain_text::{inert, truncate, width};

/// The whole frame split into a one-line header, a rule, the body and a one-line footer.
pub struct Chrome {
    pub header: Rect,
    pub body: Rect,
    pub footer: Rect,
}

pub fn chrome(area: Rect) -> Chrome {
    let [header, rule, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let _ = rule;
    Chrome {
        header,
        body,
        footer,
    }
}

/// Draws the rule under the header.
pub fn rule(app: &App, frame: &mut Frame, header: Rect) {
    let area = Rect {
        y: header.y + 1,
        height: 1,
        ..header
    };
    frame.render_widget(
        Block::new()
            .borders(Borders::TOP)
            .border_style(app.theme.border()),
        area,
    );
}

/// The header of the interview and summary: firm, questionnaire, and a progress gauge.
pub fn session_header(app: &App, frame: &mut Frame, area: Rect, s: &Session, what: Option<&str>) {
    let t = &app.theme;
    let w = app.words;
    let (done, visible) = s.progress();
    let label = w.answered_of(done, visible);
    let q = s.q();
    let firm = inert(&s.assessment.firm.name);
    let title = visit_title(app, s, &inert(q.text(&q.title, app.lang.code())));
    let tail = match what {
        Some(what) => format!(" · {title} · {what}"),
        None => format!(" · {title}"),
    };
    // The gauge gives way (down to 10 cells) before the firm's name and the title are cut.
    let room =
        (area.width as usize).saturating_sub(width(&label) + 4 + 1 + width(&firm) + width(&tail));
    let gauge_w = ((area.width / 4) as usize).clamp(10, 30).min(room.max(10));
    let right_w = gauge_w + 1 + width(&label) + 1;
    let left_w = (area.width as usize).saturating_sub(right_w + 2);
    // The firm's name keeps at least half the room, and all it needs when the title is short.
    let firm_w = (left_w / 2).max(left_w.saturating_sub(width(&tail) + 1));
    let mut left = vec![Span::styled(
        format!(" {}", truncate(&firm, firm_w)),
        t.title(),
    )];
    let rest = left_w.saturating_sub(width(&firm).min(firm_w) + 1);
    left.push(Span::styled(truncate(&tail, rest), t.muted()));
    let filled = (gauge_w * done).checked_div(visible).unwrap_or(0);
    let right = vec![
        Span::styled("━".repeat(filled), t.title()),
        Span::styled("─".repeat(gauge_w - filled), t.border()),
        Span::raw(" "),
        Span::styled(label, t.text()),
        Span::raw(" "),
    ];
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_w as u16)]).areas(area);
    frame.render_widget(Line::from(left), l);
    frame.render_widget(Line::from(right).alignment(Alignment::Right), r);
    rule(app, frame, area);
}

/// The questionnaire's title as the header of a visit shows it: on a follow-up, the aside
/// that calls it a first visit becomes "（回访）", as on the sheet, and a title without one says
/// it is a follow-up after it.
fn visit_title(app: &App, s: &Session, title: &str) -> String {
    if s.assessment.visit.previous.is_none() {
        return title.to_string();
    }
    match crate::report::sheet::without_first_visit(title) {
        Some(base) => crate::i18n::ReportWords::of(app.lang).follow_up_title(base),
        None => format!("{title} · {}", app.words.follow_up_visit),
    }
}

/// The footer: the last message if there is one, else the keys that work here, as many as
/// fit.
pub fn footer(app: &App, frame: &mut Frame, area: Rect, keys: &[KeyHelp]) {
    let t = &app.theme;
    if let Some(m) = &app.message {
        let style = match m.tone {
            Tone::Info => t.good(),
            Tone::Warn => t.warn(),
            Tone::Error => t.bad(),
        };
        // A message longer than the footer wraps upwards over the screen's last lines (up to
        // four), so that it is read whole.
        let width = area.width.saturating_sub(2).max(2) as usize;
        let mut lines = wrap(&inert(&m.text), width);
        lines.truncate(4);
        let n = (lines.len() as u16).clamp(1, area.y.saturating_add(1));
        let over = Rect {
            y: area.y + 1 - n,
            height: n,
            ..area
        };
        frame.render_widget(ratatui::widgets::Clear, over);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), style)))
            .collect();
        frame.render_widget(Paragraph::new(lines), over);
        return;
    }
    // Help and leaving stay at the right end; the rest fill from the left as they fit.
    let pinned = |k: &&KeyHelp| k.keys == "?" || k.keys.contains('q');
    let piece = |k: &KeyHelp| width(k.keys) + 1 + width(k.short) + 2;
    let spans_of = |ks: &[&KeyHelp]| -> Vec<Span<'static>> {
        ks.iter()
            .flat_map(|k| {
                [
                    Span::styled(k.keys.to_string(), t.key()),
                    Span::styled(format!(" {}  ", k.short), t.muted()),
                ]
            })
            .collect()
    };
    let shown: Vec<&KeyHelp> = keys.iter().filter(|k| !k.short.is_empty()).collect();
    let right: Vec<&KeyHelp> = shown.iter().copied().filter(pinned).collect();
    let right_w: usize = right.iter().map(|k| piece(k)).sum();
    let mut left: Vec<&KeyHelp> = Vec::new();
    let mut used = 1 + right_w;
    for k in shown.iter().copied().filter(|k| !pinned(k)) {
        if used + piece(k) > area.width as usize {
            break;
        }
        used += piece(k);
        left.push(k);
    }
    let mut spans = vec![Span::raw(" ")];
    spans.extend(spans_of(&left));
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_w as u16)]).areas(area);
    frame.render_widget(Line::from(spans), l);
    frame.render_widget(Line::from(spans_of(&right)), r);
}

/// The notice shown instead of a screen when the terminal is too small.
pub fn too_small(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let text = app
        .words
        .too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    let width = area.width.saturating_sub(2).max(2) as usize;
    let centred = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap(text, width)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, style)).alignment(Alignment::Center))
            .collect()
    };
    let mut lines = centred(&text, app.theme.warn());
    lines.push(Line::default());
    lines.extend(centred(app.words.too_small_keys, app.theme.muted()));
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y,
            height: h,
            ..area
        },
    );
}

/// Lines of wrapped text, each in one style, with a first-line prefix and a hanging indent.
pub fn wrapped(text: &str, width: usize, style: Style, prefix: &str) -> Vec<Line<'static>> {
    let indent = crate::plain_text::width(prefix);
    wrap(text, width.saturating_sub(indent).max(2))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(lead, style), Span::styled(l, style)])
        })
        .collect()
}

/// Gives the first line's prefix (from [`wrapped`]) a style of its own: a label or a tag.
pub fn style_lead(lines: &mut [Line<'static>], style: Style) {
    if let Some(first) = lines.first_mut()
        && let Some(lead) = first.spans.first_mut()
    {
        lead.style = style;
    }
}

/// A score as printed everywhere: two decimals, or a dash.
pub fn score_text(x: Option<f64>) -> String {
    crate::score::Score::from(x).to_string()
}

/// Where a scrolled list stands: lines hidden above the first shown, lines hidden below the
/// last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scrolled {
    pub above: bool,
    pub below: bool,
}

impl Scrolled {
    /// A list of `total` lines showing `shown` of them from `top`.
    pub fn of(top: usize, shown: usize, total: usize) -> Self {
        Self {
            above: top > 0,
            below: top + shown < total,
        }
    }
}

/// The marks that say a list scrolls: ▴ at the top of column `x` of `rows` when lines are
/// hidden above, ▾ at its bottom when lines are hidden below. The column is one the list
/// leaves free (its last, or the right border of its box), so no text is covered.
pub fn scroll_marks(frame: &mut Frame, style: Style, x: u16, rows: Rect, scrolled: Scrolled) {
    if rows.height == 0 || x >= frame.area().right() {
        return;
    }
    let cell = |y: u16| Rect::new(x, y, 1, 1);
    if scrolled.above {
        frame.render_widget(Span::styled("▴", style), cell(rows.y));
    }
    if scrolled.below {
        frame.render_widget(Span::styled("▾", style), cell(rows.bottom() - 1));
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A text being typed, in a box titled with what it is, with the terminal's cursor in it.
pub fn editor_box(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    text: &ratatui_textarea::TextArea<'static>,
) {
    let t = &app.theme;
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(format!(" {title} "), t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(text, inner);
    super::app::place_cursor(frame, text, inner);
}

/// The lines of a list of items, and where each item's lines begin and end.
#[derive(Default)]
pub struct Laid {
    pub lines: Vec<Line<'static>>,
    pub items: Vec<std::ops::Range<usize>>,
}

/// Where a list page's cursor is, and where its view stood in the last frame.
pub struct ListView<'a> {
    pub cursor: usize,
    pub top: &'a std::cell::Cell<usize>,
}

/// The body of a page listing items (the plan, the progress on agreed actions): the items
/// laid out for the body's width by `lay_out`, the one under the cursor highlighted and in
/// view, and under them, while a text is typed, its box titled `editor`'s title.
pub fn list_page(
    app: &App,
    frame: &mut Frame,
    body: Rect,
    view: ListView<'_>,
    editor: Option<(&str, &ratatui_textarea::TextArea<'static>)>,
    lay_out: impl FnOnce(usize) -> Laid,
) {
    let editor_h = if editor.is_some() { 5 } else { 0 };
    let [body, editor_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(editor_h)]).areas(body);
    let page = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let laid = lay_out(page.width as usize);
    let (shown, scrolled) = in_view(app, laid, &view, page.height);
    frame.render_widget(Paragraph::new(shown), page);
    scroll_marks(frame, app.theme.muted(), page.right(), page, scrolled);
    if let Some((title, text)) = editor {
        editor_box(app, frame, editor_area, title, text);
    }
}

/// The lines in view of a list of items: the item under the cursor highlighted and kept in
/// view (the top, where the list begins, for the first), the view's top remembered between
/// frames.
fn in_view(
    app: &App,
    laid: Laid,
    view: &ListView<'_>,
    height: u16,
) -> (Vec<Line<'static>>, Scrolled) {
    let Laid { mut lines, items } = laid;
    let height = height as usize;
    let mut first = view.top.get();
    if let Some(item) = items.get(view.cursor) {
        if view.cursor == 0 {
            first = 0;
        } else if item.start < first {
            first = item.start.saturating_sub(1);
        } else if item.end > first + height {
            first = item.end.saturating_sub(height).min(item.start);
        }
        for line in &mut lines[item.clone()] {
            *line = std::mem::take(line).style(app.theme.cursor());
        }
    }
    first = first.min(lines.len().saturating_sub(height));
    view.top.set(first);
    let scrolled = Scrolled::of(first, height, lines.len());
    (
        lines.into_iter().skip(first).take(height).collect(),
        scrolled,
    )
}
