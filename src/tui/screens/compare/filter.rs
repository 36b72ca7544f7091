//! The filter window of the comparison: a field (a profile field, the stage or the
//! bottleneck), then its values to tick, or a condition to type on a number field.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::table::cursor_line;
use super::{C, CompareState, Ctx, Effect};
use crate::compare::{Comparison, Filter, FilterValue, Test};
use crate::i18n::{CompareWords, TuiWords};
use crate::model::ProfileKind;
use crate::plain_text::{inert, pad, pad_left, truncate, width};
use crate::tui::app::{Tone, text_area};

/// The filter window: a field, then its values (or a condition on a number).
pub struct Picker {
    pub fields: Vec<PickField>,
    pub cursor: usize,
    /// None while the field is being chosen.
    pub step: Option<PickStep>,
}

/// A field the comparison can be filtered by.
pub struct PickField {
    pub id: String,
    pub label: String,
    /// A number field takes a typed condition rather than a list of values.
    pub number: bool,
}

pub enum PickStep {
    /// The values of a field, the first row being "any value"; `ticked` per value.
    Values {
        field: usize,
        values: Vec<FilterValue>,
        ticked: Vec<bool>,
        cursor: usize,
    },
    Number {
        field: usize,
        input: Box<TextArea<'static>>,
    },
}

impl Picker {
    pub(super) fn new(c: &Comparison, cw: &CompareWords) -> Self {
        let mut fields: Vec<PickField> = c
            .profile_fields()
            .iter()
            .map(|p| PickField {
                id: p.id.clone(),
                label: inert(&p.label),
                number: p.kind == ProfileKind::Number,
            })
            .collect();
        // The questionnaire first when the firms follow several: one is shown at a time.
        if matches!(c.mixed(), crate::compare::Mixed::Questionnaires(_)) {
            fields.insert(
                0,
                PickField {
                    id: "questionnaire".into(),
                    label: cw.col_questionnaire.into(),
                    number: false,
                },
            );
        }
        for (id, label) in [("stage", cw.col_stage), ("bottleneck", cw.col_bottleneck)] {
            fields.push(PickField {
                id: id.into(),
                label: label.into(),
                number: false,
            });
        }
        Picker {
            fields,
            cursor: 0,
            step: None,
        }
    }
}

/// Carries out a command of the filter window; other keys type into a condition (see the
/// comparison's `on_key`).
pub(super) fn picker_key(st: &mut CompareState, command: C, w: &TuiWords) -> Effect {
    let Some(p) = st.picker.as_mut() else {
        return Effect::None;
    };
    match &mut p.step {
        None => match command {
            C::Back => st.picker = None,
            C::Up => p.cursor = p.cursor.saturating_sub(1),
            C::Down => {
                p.cursor = (p.cursor + 1).min(p.fields.len().saturating_sub(1));
            }
            C::Enter => {
                let field = p.cursor;
                if let Some(f) = p.fields.get(field) {
                    p.step = Some(field_step(&st.comparison, f, field));
                }
            }
            _ => {}
        },
        Some(PickStep::Values {
            field,
            values,
            ticked,
            cursor,
        }) => match command {
            C::Back => p.step = None,
            C::Up => *cursor = cursor.saturating_sub(1),
            C::Down => *cursor = (*cursor + 1).min(values.len()),
            C::Tick => {
                if *cursor == 0 {
                    ticked.iter_mut().for_each(|t| *t = false);
                } else if let Some(t) = ticked.get_mut(*cursor - 1) {
                    *t = !*t;
                }
                *cursor = (*cursor + 1).min(values.len());
            }
            C::Enter => {
                let mut chosen: Vec<String> = values
                    .iter()
                    .zip(ticked.iter())
                    .filter(|(_, t)| **t)
                    .map(|(v, _)| v.value.clone())
                    .collect();
                if *cursor == 0 {
                    chosen.clear();
                } else if chosen.is_empty() {
                    chosen.extend(values.get(*cursor - 1).map(|v| v.value.clone()));
                }
                let id = p.fields[*field].id.clone();
                let label = p.fields[*field].label.clone();
                let filter = (!chosen.is_empty()).then(|| Filter {
                    field: id.clone(),
                    test: Test::OneOf(chosen),
                });
                return apply_filter(st, &id, &label, filter, w);
            }
            _ => {}
        },
        Some(PickStep::Number { field, input }) => match command {
            C::Back => p.step = None,
            C::Enter => {
                let typed = input.lines().join(" ").trim().to_string();
                let id = p.fields[*field].id.clone();
                let label = p.fields[*field].label.clone();
                if typed.is_empty() {
                    return apply_filter(st, &id, &label, None, w);
                }
                let text = if typed.starts_with('<') || typed.starts_with(">=") {
                    format!("{id}{typed}")
                } else {
                    format!("{id}={}", typed.trim_start_matches('='))
                };
                let numbers = |f: &Filter| match &f.test {
                    Test::OneOf(v) => v.iter().all(|x| x.parse::<f64>().is_ok()),
                    _ => true,
                };
                return match text.parse::<Filter>().ok().filter(numbers) {
                    Some(filter) => apply_filter(st, &id, &label, Some(filter), w),
                    None => Effect::Say(Tone::Warn, w.not_a_condition(&typed)),
                };
            }
            _ => {}
        },
    }
    Effect::None
}

/// The step after choosing field number `field` (`f`): its values to tick, with those of the
/// filter on it ticked, or its condition to type, starting with the one on it.
fn field_step(c: &Comparison, f: &PickField, field: usize) -> PickStep {
    let current = c.filters().find(|x| x.field == f.id);
    if f.number {
        let text = current.map(condition_text).unwrap_or_default();
        return PickStep::Number {
            field,
            input: Box::new(text_area(&text)),
        };
    }
    let values = c.filter_values(&f.id).unwrap_or_default();
    let chosen: &[String] = match current.map(|x| &x.test) {
        Some(Test::OneOf(v)) => v,
        _ => &[],
    };
    let ticked = values.iter().map(|v| chosen.contains(&v.value)).collect();
    PickStep::Values {
        field,
        values,
        ticked,
        cursor: 0,
    }
}

/// A number filter as it is typed: `<50`, `>=100`, `30,120`.
fn condition_text(f: &Filter) -> String {
    match &f.test {
        Test::OneOf(v) => v.join(","),
        Test::Below(x) => format!("<{x}"),
        Test::AtLeast(x) => format!(">={x}"),
    }
}

fn apply_filter(
    st: &mut CompareState,
    field: &str,
    label: &str,
    filter: Option<Filter>,
    w: &TuiWords,
) -> Effect {
    let removing = filter.is_none();
    match st.comparison.set_filter(field, filter) {
        Ok(()) => {
            st.picker = None;
            st.reset_rows();
            if removing {
                Effect::Say(Tone::Info, w.filter_removed(label))
            } else {
                Effect::None
            }
        }
        Err(e) => Effect::Say(Tone::Error, inert(&e.text(w.lang()))),
    }
}

// ---------------------------------------------------------------- drawing

/// The values of a field to tick, "any value" first, each with its number of firms.
fn value_lines(x: &Ctx, values: &[FilterValue], ticked: &[bool]) -> Vec<Line<'static>> {
    let (t, w) = (x.t, x.w);
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", w.any_value),
        t.text(),
    ))];
    let count_w = values
        .iter()
        .map(|v| width(&w.firms_n(v.firms)))
        .max()
        .unwrap_or(0);
    let label_w = values
        .iter()
        .map(|v| width(&inert(&v.label)))
        .max()
        .unwrap_or(0)
        .min(40);
    for (v, on) in values.iter().zip(ticked) {
        let mark = if *on { "[x]" } else { "[ ]" };
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {mark} "),
                if *on { t.chosen() } else { t.muted() },
            ),
            Span::styled(pad(&inert(&v.label), label_w), t.text()),
            Span::styled(
                format!("  {} ", pad_left(&w.firms_n(v.firms), count_w)),
                t.muted(),
            ),
        ]));
    }
    if values.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", w.pick_none),
            t.muted(),
        )));
    }
    lines
}

pub(super) fn render_picker(x: &Ctx, frame: &mut Frame, area: Rect, p: &Picker) {
    let t = x.t;
    let w = x.w;
    let (title, mut lines, cursor): (String, Vec<Line>, Option<usize>) = match &p.step {
        None => {
            let label_w = p.fields.iter().map(|f| width(&f.label)).max().unwrap_or(0);
            let lines = p
                .fields
                .iter()
                .map(|f| {
                    let current =
                        x.c.filters()
                            .find(|x| x.field == f.id)
                            .map(|f| x.filter_parts(f).1)
                            .unwrap_or_default();
                    Line::from(vec![
                        Span::styled(format!(" {} ", pad(&f.label, label_w)), t.text()),
                        Span::styled(format!(" {current}"), t.warn()),
                    ])
                })
                .collect();
            (w.pick_field.to_string(), lines, Some(p.cursor))
        }
        Some(PickStep::Values {
            field,
            values,
            ticked,
            cursor,
        }) => {
            let label = &p.fields[*field].label;
            let lines = value_lines(x, values, ticked);
            (w.pick_values(label), lines, Some(*cursor))
        }
        Some(PickStep::Number { field, .. }) => {
            let label = &p.fields[*field].label;
            // One line for the input above the hint.
            let lines = vec![Line::from(Span::styled(
                format!(" {}", w.pick_number_hint),
                t.muted(),
            ))];
            (w.pick_number(label), lines, None)
        }
    };
    let content_w = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| width(&s.content)).sum::<usize>())
        .chain([width(&title) + 4])
        .max()
        .unwrap_or(20);
    let box_w = (content_w as u16 + 4)
        .max(30)
        .min(area.width.saturating_sub(4));
    let inner_h = area.height.saturating_sub(4).max(1);
    let input_h = u16::from(matches!(p.step, Some(PickStep::Number { .. })));
    let box_h = (lines.len() as u16 + input_h).min(inner_h) + 2;
    let rect = crate::tui::draw::centered(area, box_w, box_h);
    // A blank cell around the window keeps the table behind from touching its border.
    let x0 = rect.x.saturating_sub(1).max(area.x);
    let halo = Rect {
        x: x0,
        width: (rect.right() + 1).min(area.right()) - x0,
        ..rect
    };
    frame.render_widget(Clear, halo);
    let block = Block::bordered()
        .border_style(t.border_focus())
        .title(Span::styled(
            format!(" {} ", truncate(&title, (box_w as usize).saturating_sub(4))),
            t.title(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // A condition being typed: the input on the first line, the hint below.
    let list = match &p.step {
        Some(PickStep::Number { input, .. }) => {
            let [field, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
            let [prompt, field] =
                Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(field);
            frame.render_widget(Span::styled(" › ", t.key()), prompt);
            frame.render_widget(&**input, field);
            crate::tui::app::place_cursor(frame, input, field);
            rest
        }
        _ => inner,
    };
    let h = list.height as usize;
    let top = cursor.map_or(0, |c| c.saturating_sub(h.saturating_sub(1)));
    if let Some(c) = cursor
        && let Some(line) = lines.get_mut(c)
    {
        let l = std::mem::take(line);
        *line = cursor_line(l, list.width as usize, t);
    }
    let scrolled = crate::tui::draw::Scrolled::of(top, h, lines.len());
    let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
    frame.render_widget(Paragraph::new(shown), list);
    // On the window's right border, beside the first and last lines of the list.
    crate::tui::draw::scroll_marks(frame, t.muted(), rect.right() - 1, list, scrolled);
}
