//! Drawing the interview screen: the dimensions at the side, the page in the middle, the
//! jump list over it.

use crate::advise::sentence;
use crate::model::{Aggregate, Check, Condition, ProfileKind, QuestionKind, Response};
use crate::plain_text::{inert, inert_lines, pad, pad_left, truncate, width};
use crate::score::QuestionState;
use crate::tui::app::{App, EditTarget};
use crate::tui::bindings;
use crate::tui::draw::{chrome, footer, score_text, session_header, wrapped};
use crate::tui::keys;
use crate::tui::session::{Page, Session};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::*;

pub fn render(app: &App, frame: &mut Frame) {
    let Some(s) = &app.visit.session else { return };
    let c = chrome(frame.area());
    session_header(app, frame, c.header, s, None);
    // The side list widens with the terminal, so that question texts show whole where
    // there is room.
    let side_w = (c.body.width * 3 / 10).clamp(24, 60);
    let [side, main] =
        Layout::horizontal([Constraint::Length(side_w), Constraint::Min(20)]).areas(c.body);
    render_side(app, frame, side, s);
    let main = Rect {
        x: main.x + 1,
        width: main.width.saturating_sub(2),
        ..main
    };
    render_main(app, frame, main, s);
    if app.visit.interview.jump.is_some() {
        render_jump(app, frame, c.body, s);
    }
    if app.visit.interview.full_help {
        render_full_help(app, frame, c.body, s);
    }
    let page = app.visit.interview.page;
    let keys = if app.visit.interview.editor.is_some() {
        keys::editing(app.words)
    } else if app.visit.interview.jump.is_some() {
        bindings::footer(JUMP, app.words, &())
    } else {
        bindings::footer(INTERVIEW, app.words, &context(s, page))
    };
    footer(app, frame, c.footer, &keys);
}

/// The state mark of a question in lists.
pub(super) fn mark(app: &App, s: &Session, p: usize) -> Span<'static> {
    let t = &app.theme;
    match s.state(p) {
        QuestionState::Answered => Span::styled("✓", t.good()),
        QuestionState::NotApplicable => Span::styled("∅", t.muted()),
        QuestionState::Hidden => Span::styled("–", t.muted()),
        QuestionState::Unanswered | QuestionState::Unfit => {
            if s.question(p).required {
                Span::styled("○", t.warn())
            } else {
                Span::styled("○", t.muted())
            }
        }
    }
}

pub(super) fn render_side(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(app.theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let side = Side::new(app, s, inner.width as usize);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    side.profile_lines(s, &mut lines, &mut cursor_line);
    for d in 0..s.q().dimension.len() {
        side.dimension_lines(s, d, &mut lines, &mut cursor_line);
    }
    let h = inner.height as usize;
    let top = cursor_line.saturating_sub(h.saturating_sub(2));
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), inner);
}

/// The side list as it is laid out: the dimensions, each with its progress and score, and
/// under the current one (or the profile) its questions (or fields).
struct Side<'a> {
    app: &'a App,
    width: usize,
    /// How wide the widest "answered/visible" is.
    progress_w: usize,
    /// The dimension of the page shown; none on the profile.
    here: Option<usize>,
}

impl<'a> Side<'a> {
    const SCORE_W: usize = 4;

    fn new(app: &'a App, s: &Session, width: usize) -> Self {
        let q = s.q();
        let progress_w = (0..q.dimension.len())
            .map(|d| {
                let (a, v) = s.dimension_progress(d);
                width_of(&format!("{a}/{v}"))
            })
            .chain([width_of(&format!(
                "{}/{}",
                q.profile.len(),
                q.profile.len()
            ))])
            .max()
            .unwrap_or(3);
        Self {
            app,
            width,
            progress_w,
            here: dimension_of(s, app.visit.interview.page),
        }
    }

    /// One row per dimension (and the profile): title, answered/visible, score.
    fn row(&self, title: &str, progress: String, score: String, current: bool) -> Line<'static> {
        let t = &self.app.theme;
        let right = if score.is_empty() || progress.is_empty() {
            pad_left(
                &format!("{progress}{score}"),
                (self.progress_w + 1 + Self::SCORE_W).max(width_of(&score)),
            )
        } else {
            format!(
                "{} {}",
                pad_left(&progress, self.progress_w),
                pad_left(&score, Self::SCORE_W)
            )
        };
        let title_w = self.width.saturating_sub(width_of(&right) + 2);
        let style = if current { t.title() } else { t.text() };
        let lead = if current { "▸" } else { " " };
        Line::from(vec![
            Span::styled(lead.to_string(), t.title()),
            Span::styled(pad(title, title_w), style),
            Span::raw(" "),
            Span::styled(right, t.muted()),
        ])
    }

    /// The profile's row, with its fields under it while a field is shown.
    fn profile_lines(&self, s: &Session, lines: &mut Vec<Line<'static>>, cursor_line: &mut usize) {
        let (app, t, q) = (self.app, &self.app.theme, s.q());
        let (pf, pn) = s.profile_progress();
        if pn == 0 {
            return;
        }
        let on_profile = self.here.is_none();
        lines.push(self.row(
            app.words.profile,
            format!("{pf}/{pn}"),
            String::new(),
            on_profile,
        ));
        if !on_profile {
            return;
        }
        for (i, f) in q.profile.iter().enumerate() {
            let m = if s.is_done(i) {
                Span::styled("✓", t.good())
            } else {
                Span::styled("○", t.muted())
            };
            let current = app.visit.interview.page == i;
            if current {
                *cursor_line = lines.len();
            }
            let label = inert(q.text(&f.label, app.lang.code()));
            lines.push(item_line(app, m, &label, self.width, current, false));
        }
    }

    /// Dimension `d`'s row, with its questions under it while one of them is shown.
    fn dimension_lines(
        &self,
        s: &Session,
        d: usize,
        lines: &mut Vec<Line<'static>>,
        cursor_line: &mut usize,
    ) {
        let (app, q, l) = (self.app, s.q(), self.app.lang.code());
        let (a, v) = s.dimension_progress(d);
        let score = s.evaluation.card.dimensions[d].score;
        let title = inert(q.text(&q.dimension[d].title, l));
        let asked = q
            .questions()
            .any(|r| r.dimension == d && s.state(r.index) != QuestionState::Hidden);
        let (progress, score) = if !asked {
            (String::new(), app.words.skipped.to_string())
        } else if v == 0 {
            // Asked, but nothing in it is scored: nothing counts here.
            (String::new(), score_text(None))
        } else {
            (format!("{a}/{v}"), score_text(score))
        };
        let current = self.here == Some(d);
        if current {
            *cursor_line = lines.len();
        }
        lines.push(self.row(&title, progress, score, current));
        if !current {
            return;
        }
        for r in q.questions().filter(|r| r.dimension == d) {
            let is_here = s.question_page(r.index) == app.visit.interview.page;
            if is_here {
                *cursor_line = lines.len();
            }
            let text = format!("{} {}", r.index + 1, inert(q.text(&r.question.text, l)));
            let hidden = s.state(r.index) == QuestionState::Hidden;
            let m = mark(app, s, r.index);
            lines.push(item_line(app, m, &text, self.width, is_here, hidden));
        }
    }
}

pub(super) fn width_of(s: &str) -> usize {
    width(s)
}

/// A question or field in the side list: its mark and text, the current one highlighted.
pub(super) fn item_line(
    app: &App,
    m: Span<'static>,
    text: &str,
    width: usize,
    current: bool,
    hidden: bool,
) -> Line<'static> {
    let t = &app.theme;
    let style = if current {
        t.cursor()
    } else if hidden {
        t.muted()
    } else {
        t.text()
    };
    Line::from(vec![
        Span::raw("   "),
        m,
        Span::raw(" "),
        Span::styled(pad(text, width.saturating_sub(5)), style),
    ])
}

/// The main panel: the question and everything about it, an editor at the bottom if open.
pub(super) fn render_main(app: &App, frame: &mut Frame, area: Rect, s: &Session) {
    let page = app.visit.interview.page;
    let editor = app.visit.interview.editor.as_ref();
    let editor_h = match editor.map(|e| e.target) {
        Some(EditTarget::Value(_)) if page_kind(s, page) == PageKind::Number => 3,
        Some(EditTarget::Value(_)) => 6,
        Some(_) => 5,
        None => 0,
    };
    let [content, edit_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(editor_h)]).areas(area);
    let width = content.width as usize;
    let pinned = pinned_lines(app, s, width);
    let [content, bottom] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(pinned.len() as u16)])
            .areas(content);
    let (lines, cursor_line) = main_lines(app, s, width, content.height as usize);
    let h = content.height as usize;
    let top = (cursor_line + 1).saturating_sub(h);
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), content);
    frame.render_widget(Paragraph::new(pinned), bottom);
    if let Some(ed) = editor {
        let title = match ed.target {
            EditTarget::Note(_) => app.words.editing_note,
            EditTarget::FirmCode => app.words.editing_code,
            _ => app.words.editing_value,
        };
        crate::tui::draw::editor_box(app, frame, edit_area, title, &ed.area);
    }
}

/// The lines of the main panel, and the line the cursor is on (kept in view).
pub(super) fn main_lines(
    app: &App,
    s: &Session,
    width: usize,
    height: usize,
) -> (Vec<Line<'static>>, usize) {
    let t = &app.theme;
    let w = app.words;
    let page = app.visit.interview.page;
    let editing = app.visit.interview.editor.as_ref().map(|e| e.target);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut cursor_line = 0;

    let texts = page_texts(app, s, page);
    let previsit = previsit(s, page);
    head_lines(app, s, &texts, previsit, width, &mut out);
    out.push(Line::default());
    out.extend(wrapped(&inert(&texts.text), width, t.strong(), ""));
    let help_at = out.len();
    let help_lines = (texts.help.as_ref())
        .map(|h| wrapped(&inert_lines(h), width, t.muted(), w.look_for))
        .unwrap_or_default();
    let help = help_at..help_at + help_lines.len();
    out.extend(help_lines);
    out.push(Line::default());
    form_and_check_lines(app, s, page, previsit, width, &mut out);
    last_visit_lines(app, s, page, width, &mut out);
    state_lines(app, s, page, width, &mut out);

    match page_kind(s, page) {
        PageKind::Single | PageKind::Multi | PageKind::Skipped if s.is_choice(page) => {
            cursor_line = option_lines(app, s, width, &mut out);
        }
        _ => {
            if editing != Some(EditTarget::Value(page)) {
                value_lines(app, s, width, &mut out);
            } else {
                value_context(app, s, width, &mut out, true);
            }
        }
    }
    let cursor_line = fit(app, s, &mut out, help, cursor_line, (width, height));
    (out, cursor_line)
}

/// What a page says of itself: where it is, its text and help, whether it is required.
struct PageTexts {
    place: String,
    text: String,
    help: Option<String>,
    required: bool,
}

fn page_texts(app: &App, s: &Session, page: usize) -> PageTexts {
    let (w, l, q) = (app.words, app.lang.code(), s.q());
    match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            PageTexts {
                place: format!("{} · {}", w.profile, w.field_of(f + 1, q.profile.len())),
                text: q.text(&field.label, l).to_string(),
                help: field.help.as_ref().map(|h| q.text(h, l).to_string()),
                required: field.required,
            }
        }
        Page::Question(p) => {
            let r = q.question_at(p);
            PageTexts {
                place: format!(
                    "{} · {}",
                    inert(q.text(&q.dimension[r.dimension].title, l)),
                    w.question_of(p + 1)
                ),
                text: q.text(&r.question.text, l).to_string(),
                help: r.question.help.as_ref().map(|h| q.text(h, l).to_string()),
                required: r.question.required,
            }
        }
    }
}

/// Where we are (and whether the page is required or on the pre-visit form); on a profile
/// page, the firm's code.
fn head_lines(
    app: &App,
    s: &Session,
    texts: &PageTexts,
    previsit: bool,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    let (t, w) = (&app.theme, app.words);
    let req = match (texts.required, previsit) {
        (true, true) => format!(" · {} · {}", w.required, w.previsit_tag),
        (true, false) => format!(" · {}", w.required),
        (false, true) => format!(" · {}", w.previsit_tag),
        (false, false) => String::new(),
    };
    let place = truncate(&texts.place, width.saturating_sub(width_of(&req)));
    out.push(Line::from(vec![
        Span::styled(place, t.muted()),
        Span::styled(req, t.warn()),
    ]));
    if matches!(s.page(app.visit.interview.page), Page::Profile(_)) {
        let code = match s.assessment.firm.code() {
            Some(code) => w.code_is(&inert(code)),
            None => w.code_none.to_string(),
        };
        out.extend(wrapped(&code, width, t.muted(), ""));
    }
}

/// Why a skipped page is skipped, and an answer the file keeps that no longer fits.
fn state_lines(app: &App, s: &Session, page: usize, width: usize, out: &mut Vec<Line<'static>>) {
    let (t, w) = (&app.theme, app.words);
    if s.is_hidden(page) {
        out.extend(wrapped(w.skipped_because, width, t.warn(), ""));
        for reason in skip_reasons(app, s, page) {
            out.extend(wrapped(&inert(&reason), width, t.muted(), "  · "));
        }
        out.push(Line::default());
    }
    if let Page::Question(p) = s.page(page)
        && s.state(p) == QuestionState::Unfit
        && let Some(r) = s.assessment.response(&s.question(p).id)
    {
        let kept = format!("{} = {}", r.key(), response_text(r));
        out.extend(wrapped(&w.unfit(&inert(&kept)), width, t.warn(), ""));
        out.push(Line::default());
    }
}

/// Fits the lines into `height`: the help (the lines `help`) gives way first, down to one
/// line that says how to show it whole (h); then the blank lines between the parts. Gives
/// the cursor's line after what was taken out.
fn fit(
    app: &App,
    s: &Session,
    out: &mut Vec<Line<'static>>,
    help: std::ops::Range<usize>,
    mut cursor_line: usize,
    (width, height): (usize, usize),
) -> usize {
    let w = app.words;
    let help_len = help.len();
    let overflow = out.len().saturating_sub(height);
    if overflow > 0 && help_len > 1 {
        let cut = overflow.min(help_len - 1);
        let last = help.start + help_len - cut - 1;
        out.drain(last + 1..last + 1 + cut);
        let more = if page_kind(s, app.visit.interview.page) == PageKind::Text {
            "…"
        } else {
            w.more_help
        };
        let room = width.saturating_sub(width_of(more) + width_of(w.look_for));
        if let Some(span) = out[last].spans.last_mut() {
            let text = truncate(span.content.trim_end_matches('…'), room);
            span.content = format!("{}{more}", text.trim_end_matches('…')).into();
        }
        if cursor_line > last {
            cursor_line -= cut;
        }
    }
    // Still too long: the blank lines between the parts go too.
    while out.len() > height
        && let Some(blank) = out.iter().position(|l| l.width() == 0)
    {
        out.remove(blank);
        if cursor_line > blank {
            cursor_line -= 1;
        }
    }
    cursor_line
}

/// The lines kept at the bottom of the page whatever its size: "not applicable" where the
/// question allows it, and the note (its first lines; `e` shows it whole).
pub(super) fn pinned_lines(app: &App, s: &Session, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = app.words;
    let page = app.visit.interview.page;
    let editing = app.visit.interview.editor.as_ref().map(|e| e.target);
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Page::Question(p) = s.page(page)
        && s.question(p).na
        && !s.is_hidden(page)
    {
        out.push(Line::default());
        out.push(na_line(app, s, p));
    }
    // The note, unless it is being edited below.
    if let Page::Question(p) = s.page(page)
        && editing != Some(EditTarget::Note(p))
        && !s.is_hidden(page)
    {
        if out.is_empty() {
            out.push(Line::default());
        }
        let label = format!("{}  ", w.note);
        match s.assessment.note(&s.question(p).id) {
            Some(n) => {
                let mut lines = label_lines(&label, &inert_lines(n), width, t.text(), t);
                if lines.len() > NOTE_LINES {
                    lines.truncate(NOTE_LINES);
                    if let Some(span) = lines[NOTE_LINES - 1].spans.last_mut() {
                        let room = width.saturating_sub(width_of(&label) + 1);
                        let text = truncate(&span.content, room.saturating_sub(1));
                        span.content = format!("{text}…").into();
                    }
                }
                out.extend(lines);
            }
            None => out.push(Line::from(vec![
                Span::styled(label, t.title()),
                Span::styled(
                    if page_kind(s, page) == PageKind::Text {
                        w.note_empty_text
                    } else {
                        w.note_empty
                    }
                    .to_string(),
                    t.muted(),
                ),
            ])),
        }
    }
    out
}

/// On a follow-up visit: what the previous visit answered to the question, and its note.
fn last_visit_lines(
    app: &App,
    s: &Session,
    page: usize,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    let (t, w) = (&app.theme, app.words);
    let Page::Question(p) = s.page(page) else {
        return;
    };
    let Some(last) = s.last_answer(p).filter(|_| !s.is_hidden(page)) else {
        return;
    };
    let answer = match last.response {
        Some(r) => answer_words(app, s, p, r),
        None => w.last_unanswered.to_string(),
    };
    let now = s.assessment.response(&s.question(p).id);
    let text = if now.is_some() && now == last.response {
        w.last_same(&inert(&answer))
    } else {
        w.last_answer(&inert(&answer))
    };
    out.extend(wrapped(&text, width, t.muted(), ""));
    if let Some(note) = last.note {
        let note = w.last_note(&inert(note));
        let mut lines = wrapped(&note, width, t.muted(), "  ");
        lines.truncate(NOTE_LINES);
        out.extend(lines);
    }
    out.push(Line::default());
}

/// An answer as the screen says it: the options' texts, a number with its unit, a text,
/// "not applicable"; an option the questionnaire does not have by its id.
fn answer_words(app: &App, s: &Session, p: usize, r: &Response) -> String {
    let (q, l) = (s.q(), app.lang.code());
    let question = s.question(p);
    let option = |id: &String| {
        question
            .option(id)
            .map_or_else(|| id.clone(), |o| q.text(&o.text, l).to_string())
    };
    match r {
        Response::Choice(c) => option(c),
        Response::Choices(cs) => cs
            .iter()
            .map(option)
            .collect::<Vec<_>>()
            .join(app.words.list_sep),
        Response::Value(v) => match &question.unit {
            Some(u) => format!("{} {}", number_text(*v), q.text(u, l)),
            None => number_text(*v),
        },
        Response::Text(text) => text.clone(),
        Response::NotApplicable => app.words.not_applicable.to_string(),
    }
}

/// Whether the page's field or question is on the pre-visit form.
fn previsit(s: &Session, page: usize) -> bool {
    match s.page(page) {
        Page::Profile(f) => s.field(f).previsit,
        Page::Question(p) => s.question(p).previsit,
    }
}

/// Under a pre-visit item, whether the form gave it; under any item, the consistency checks
/// that hold and name it, so the expert settles the contradiction while the firm is there.
fn form_and_check_lines(
    app: &App,
    s: &Session,
    page: usize,
    previsit: bool,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    let (t, w, q) = (&app.theme, app.words, s.q());
    let (id, given) = match s.page(page) {
        Page::Profile(f) => {
            let id = &s.field(f).id;
            (id.as_str(), s.assessment.profile.contains_key(id))
        }
        Page::Question(p) => {
            let id = &s.question(p).id;
            (id.as_str(), s.assessment.response(id).is_some())
        }
    };
    if previsit && !s.is_hidden(page) {
        let (text, style) = if given {
            (w.previsit_given, t.muted())
        } else {
            (w.previsit_missing, t.warn())
        };
        out.extend(wrapped(text, width, style, ""));
        out.push(Line::default());
    }
    let names_it = |c: &&Check| {
        c.when.leaves().iter().any(|leaf| match leaf {
            Condition::Question { id: leaf, .. } | Condition::Profile { id: leaf, .. } => {
                leaf == id
            }
            _ => false,
        })
    };
    let mut any = false;
    let holding = s.evaluation.checks.iter().map(|&i| &q.check[i]);
    for check in holding.filter(names_it) {
        let message = inert(q.text(&check.message, app.lang.code()));
        out.extend(wrapped(&message, width, t.warn(), w.check_says));
        any = true;
    }
    if any {
        out.push(Line::default());
    }
}
/// How many lines of a note the page shows.
const NOTE_LINES: usize = 3;

/// A label in the accent style followed by wrapped text with a hanging indent.
pub(super) fn label_lines(
    label: &str,
    text: &str,
    width: usize,
    style: Style,
    t: &crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let mut lines = wrapped(text, width, style, label);
    if let Some(first) = lines.first_mut()
        && let Some(lead) = first.spans.first_mut()
    {
        lead.style = t.title();
    }
    lines
}

/// Why a question is skipped, in plain words from the core.
pub(super) fn skip_reasons(app: &App, s: &Session, page: usize) -> Vec<String> {
    let Page::Question(p) = s.page(page) else {
        return Vec::new();
    };
    let q = s.q();
    let Some(cond) = &s.question(p).when else {
        return Vec::new();
    };
    let facts = s.evaluation.card.facts(q, &s.assessment);
    cond.witnesses(&facts)
        .iter()
        .map(|w| sentence(q, w, app.lang))
        .filter(|t| !t.is_empty())
        .collect()
}

pub(super) fn response_text(r: &Response) -> String {
    match r {
        Response::Choice(c) => c.clone(),
        Response::Choices(cs) => cs.join(", "),
        Response::Value(v) => number_text(*v),
        Response::Text(t) => t.clone(),
        Response::NotApplicable => "true".into(),
    }
}

/// The options of a choice page; returns the line of the cursor.
/// The options of a page: (label, tag, tag style, chosen); the tag is an option's level in
/// its stage's colour, or its points where a multiple choice adds them up.
fn option_items(app: &App, s: &Session, page: usize) -> Vec<(String, String, Style, bool)> {
    let t = &app.theme;
    let l = app.lang.code();
    let q = s.q();
    let stages = q.scale.stage.len();
    match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            let value = s.assessment.profile.get(&field.id).and_then(|v| v.as_str());
            field
                .options
                .iter()
                .map(|o| {
                    let chosen = value == Some(o.id.as_str());
                    (
                        q.text(&o.label, l).to_string(),
                        String::new(),
                        t.muted(),
                        chosen,
                    )
                })
                .collect()
        }
        Page::Question(p) => {
            let qu = s.question(p);
            let multi = qu.kind == QuestionKind::Multi;
            let sum = multi && qu.aggregate == Aggregate::Sum;
            qu.options
                .iter()
                .map(|o| {
                    let (tag, style) = if sum {
                        let pts = number_text(o.points());
                        (app.words.points(&format!("+{pts}")), t.muted())
                    } else {
                        match o.level {
                            Some(level) => {
                                let i = crate::score::stage_index(q, level).unwrap_or(0);
                                (format!("{level:.1}"), t.stage(i, stages))
                            }
                            None => (String::new(), t.muted()),
                        }
                    };
                    let chosen = s.is_chosen(p, &o.id);
                    (q.text(&o.text, l).to_string(), tag, style, chosen)
                })
                .collect()
        }
    }
}

pub(super) fn option_lines(
    app: &App,
    s: &Session,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> usize {
    let t = &app.theme;
    let page = app.visit.interview.page;
    let hidden = s.is_hidden(page);
    let mut cursor_line = out.len();
    let items = option_items(app, s, page);
    let multi =
        matches!(s.page(page), Page::Question(p) if s.question(p).kind == QuestionKind::Multi);
    let tag_w = items.iter().map(|i| width_of(&i.1)).max().unwrap_or(0);
    let text_w = width.saturating_sub(9 + tag_w + 1).max(4);
    for (i, (label, tag, tag_style, chosen)) in items.iter().enumerate() {
        let under = i == app.visit.interview.option && !hidden;
        if under {
            cursor_line = out.len();
        }
        let box_ = match (multi, chosen) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => " ● ",
            (false, false) => " ○ ",
        };
        let num = if i < 9 {
            format!("{:>2} ", i + 1)
        } else {
            "   ".to_string()
        };
        let text_style = if hidden {
            t.muted()
        } else if *chosen {
            t.chosen()
        } else {
            t.text()
        };
        let lines = crate::tui::wrap::wrap(&inert(label), text_w);
        for (k, part) in lines.iter().enumerate() {
            let lead = if k == 0 {
                format!("{num}{box_} ")
            } else {
                " ".repeat(7)
            };
            let mut spans = vec![
                Span::styled(lead, if *chosen { t.chosen() } else { t.key() }),
                Span::styled(pad(part, text_w), text_style),
            ];
            if k == 0 && tag_w > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::styled(pad_left(tag, tag_w), *tag_style));
            }
            let mut line = Line::from(spans);
            if under {
                line = line.style(t.cursor());
            }
            out.push(line);
        }
    }
    if multi && !hidden {
        out.push(Line::from(Span::styled(
            format!("       {}", app.words.choose_any),
            t.muted(),
        )));
    }
    cursor_line
}

/// The "not applicable" line under the options of a question that allows it.
pub(super) fn na_line(app: &App, s: &Session, p: usize) -> Line<'static> {
    let t = &app.theme;
    let chosen = s.state(p) == QuestionState::NotApplicable;
    let style = if chosen { t.chosen() } else { t.muted() };
    Line::from(vec![
        Span::styled(" x ", t.key()),
        Span::styled(if chosen { " ● " } else { " ○ " }, style),
        Span::styled(format!(" {}", app.words.not_applicable), style),
    ])
}

/// The range and levels of a number, the date format: what helps while typing a value.
pub(super) fn value_context(
    app: &App,
    s: &Session,
    width: usize,
    out: &mut Vec<Line<'static>>,
    with_unit: bool,
) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let page = app.visit.interview.page;
    let (range, bands, unit, date, scored) = match s.page(page) {
        Page::Profile(f) => {
            let field = s.field(f);
            (
                field.range,
                Vec::new(),
                field.unit.as_ref().map(|u| q.text(u, l).to_string()),
                field.kind == ProfileKind::Date,
                true,
            )
        }
        Page::Question(p) => {
            let qu = s.question(p);
            (
                qu.range,
                qu.bands.clone(),
                qu.unit.as_ref().map(|u| q.text(u, l).to_string()),
                false,
                qu.is_scorable() || qu.kind == QuestionKind::Text,
            )
        }
    };
    let mut facts: Vec<Span<'static>> = Vec::new();
    if let Some(u) = unit.filter(|_| with_unit) {
        facts.push(Span::styled(w.unit(&inert(&u)), t.muted()));
    }
    if let Some([lo, hi]) = range {
        facts.push(Span::styled(
            w.range(&number_text(lo), &number_text(hi)),
            t.muted(),
        ));
    }
    if date {
        facts.push(Span::styled(w.date_hint.to_string(), t.muted()));
    }
    if !facts.is_empty() {
        let mut spans = Vec::new();
        for (i, f) in facts.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", t.muted()));
            }
            spans.push(f);
        }
        out.push(Line::from(spans));
    }
    let stages = q.scale.stage.len();
    if !bands.is_empty() {
        // Every band shows: those that do not fit go on the next line, under the first.
        let lead = width_of(w.bands) + 2;
        let mut spans = vec![Span::styled(format!("{}  ", w.bands), t.muted())];
        let mut used = lead;
        for b in &bands {
            let i = crate::score::stage_index(q, b.level).unwrap_or(0);
            let from = w.from(&number_text(b.from));
            let piece = format!("{from} → {:.1}", b.level);
            if used > lead && used + width_of(&piece) > width {
                out.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(lead)));
                used = lead;
            }
            used += width_of(&piece) + 3;
            spans.push(Span::styled(from, t.text()));
            spans.push(Span::styled(
                format!(" → {:.1}", b.level),
                t.stage(i, stages),
            ));
            spans.push(Span::raw("   "));
        }
        out.push(Line::from(spans));
    } else if !scored {
        out.push(Line::from(Span::styled(
            w.not_scored.to_string(),
            t.muted(),
        )));
    }
}

/// The value of a number, text or date page, with its range and levels.
pub(super) fn value_lines(app: &App, s: &Session, width: usize, out: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let w = app.words;
    let page = app.visit.interview.page;
    let date = matches!(s.page(page), Page::Profile(f) if s.field(f).kind == ProfileKind::Date);
    let number = page_kind(s, page) == PageKind::Number && !date;
    let label = if date {
        w.date
    } else if number {
        w.value
    } else {
        w.answer
    };
    let label = format!("{label}  ");
    let value = value_text(s, page);
    let empty = value.is_empty();
    let na =
        matches!(s.page(page), Page::Question(p) if s.state(p) == QuestionState::NotApplicable);
    if na {
        out.push(Line::from(vec![
            Span::styled(label, t.title()),
            Span::styled(w.not_applicable.to_string(), t.chosen()),
        ]));
    } else if value.is_empty() {
        let hint = if s.is_hidden(page) {
            ""
        } else if number {
            w.empty_value_digit
        } else {
            w.empty_value
        };
        out.push(Line::from(vec![
            Span::styled(label, t.title()),
            Span::styled(hint.to_string(), t.muted()),
        ]));
    } else {
        let value = match unit_of(app, s, page) {
            Some(u) if number => format!("{value} {}", inert(&u)),
            _ => value,
        };
        out.extend(label_lines(
            &label,
            &inert_lines(&value),
            width,
            t.chosen(),
            t,
        ));
    }
    value_context(app, s, width, out, empty);
}

pub(super) fn unit_of(app: &App, s: &Session, page: usize) -> Option<String> {
    let q = s.q();
    let unit = match s.page(page) {
        Page::Profile(f) => s.field(f).unit.as_ref(),
        Page::Question(p) => s.question(p).unit.as_ref(),
    };
    unit.map(|u| q.text(u, app.lang.code()).to_string())
}

/// The question and its whole on-site hint, drawn over the body; any key closes it.
pub(super) fn render_full_help(app: &App, frame: &mut Frame, body: Rect, s: &Session) {
    let t = &app.theme;
    let w = app.words;
    let l = app.lang.code();
    let q = s.q();
    let (text, help) = match s.page(app.visit.interview.page) {
        Page::Profile(f) => (&s.field(f).label, s.field(f).help.as_ref()),
        Page::Question(p) => (&s.question(p).text, s.question(p).help.as_ref()),
    };
    let area = crate::tui::draw::centered(body, body.width.saturating_sub(2).min(90), body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(format!(" {} ", w.full_help_title), t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = wrapped(&inert(q.text(text, l)), width, t.strong(), "");
    lines.push(Line::default());
    if let Some(h) = help {
        lines.extend(wrapped(&inert_lines(q.text(h, l)), width, t.text(), ""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The jump list, drawn over the body.
pub(super) fn render_jump(app: &App, frame: &mut Frame, body: Rect, s: &Session) {
    let t = &app.theme;
    let Some(j) = &app.visit.interview.jump else {
        return;
    };
    let area = crate::tui::draw::centered(
        body,
        body.width.saturating_sub(6).min(90),
        body.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(
            format!(" {} ", app.words.jump_title),
            t.title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, rule, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let [prompt, field] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(input);
    frame.render_widget(Span::styled("/ ", t.key()), prompt);
    frame.render_widget(&j.filter, field);
    crate::tui::app::place_cursor(frame, &j.filter, field);
    frame.render_widget(
        Block::new().borders(Borders::TOP).border_style(t.border()),
        rule,
    );
    let entries = jump_entries(app);
    if entries.is_empty() {
        frame.render_widget(Span::styled(app.words.no_match, t.muted()), list);
        return;
    }
    let h = list.height as usize;
    let top = j.cursor.saturating_sub(h.saturating_sub(1));
    let width = list.width as usize;
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(k, &page)| {
            let m = match s.page(page) {
                Page::Profile(_) => {
                    if s.is_done(page) {
                        Span::styled("✓", t.good())
                    } else {
                        Span::styled("○", t.muted())
                    }
                }
                Page::Question(p) => mark(app, s, p),
            };
            let hidden = s.is_hidden(page);
            let mut label = inert(&jump_label(app, s, page));
            if hidden {
                label = format!("{label}  ({})", app.words.skipped);
            }
            let style = if hidden { t.muted() } else { t.text() };
            let mut line = Line::from(vec![
                Span::raw(" "),
                m,
                Span::raw(" "),
                Span::styled(truncate(&label, width.saturating_sub(4)), style),
            ]);
            if k == j.cursor {
                line = line.style(t.cursor());
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let scrolled = crate::tui::draw::Scrolled::of(top, h, entries.len());
    crate::tui::draw::scroll_marks(frame, t.muted(), area.right() - 1, list, scrolled);
}
