//! The comparison as text: a plain table aligned by display width (Chinese takes two cells),
//! or Markdown for documents, drawn from the comparison's tables ([`Comparison::document`]);
//! and the words that head every output of it.

use super::document::Section;
use super::model::{Comparison, Mixed};
use crate::i18n::CompareWords;
use crate::table::text::{Style, render as render_document};

/// Renders the sections of a comparison, in the order given.
pub fn render(c: &Comparison, sections: &[Section], style: Style) -> String {
    render_document(c.document(sections), style)
}

/// Renders the comparison of each questionnaire the firms shown follow, one after the other
/// (the one most firms follow first): instruments are never mixed in one table.
pub fn render_each(c: &Comparison, sections: &[Section], style: Style) -> String {
    if c.apart().is_empty() {
        return render(c, sections, style);
    }
    let ids: Vec<&str> = c
        .focus()
        .into_iter()
        .chain(c.apart().iter().map(|(id, _)| id.as_str()))
        .collect();
    let parts: Vec<String> = ids
        .iter()
        .map(|id| render(&c.of_questionnaire(id), sections, style))
        .collect();
    parts.join("\n")
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
    differ.then(|| w.mixed_versions(c.focus().unwrap_or_default(), &versions.join(", ")))
}

/// The note on firms that follow other questionnaires than the one shown, and how to see
/// them; none when there are none.
pub fn apart_note(c: &Comparison, w: &CompareWords) -> Option<String> {
    if c.apart().is_empty() {
        return None;
    }
    Some(w.apart(
        apart_count(c),
        &apart_list(c),
        c.focus().unwrap_or_default(),
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
