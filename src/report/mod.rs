//! The one-firm-one-policy recommendation sheet (一企一策): a view-model decided from the
//! model, scores and advice ([`sheet`]), laid out by templates ([`render`]) as Markdown or
//! self-contained HTML, for standard output, a file or the workspace's `reports/` (which
//! [`crate::store`] writes).

pub mod chart;
mod error;
pub mod form;
pub mod render;
pub mod sheet;

use std::path::PathBuf;

pub use error::{Document, ReportError};
pub use render::Templates;
pub use sheet::{EarlierView, Sheet, SheetOptions};

use crate::evaluation::{Evaluation, evaluate};
use crate::i18n::{Lang, ReportWords};
use crate::store::{
    Catalog, Opened, ReportName, Workspace, digest, open_assessment, previous_path, safe_file_stem,
    written_report,
};

/// The formats of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// The earlier visit a follow-up names, loaded with its own questionnaire and evaluated by
/// the same one evaluation.
#[derive(Debug, Clone)]
pub struct Earlier {
    pub opened: Opened,
    pub evaluation: Evaluation,
}

impl Earlier {
    /// The earlier visit as the sheet compares with it.
    pub fn view(&self) -> EarlierView<'_> {
        EarlierView {
            q: &self.opened.questionnaire.questionnaire,
            a: &self.opened.assessment,
            e: &self.evaluation,
        }
    }
}

/// What became of the earlier visit a follow-up names (`visit.previous`).
#[derive(Debug)]
pub enum EarlierVisit {
    /// The visit follows up none (or names it as no bare file name, which `validate` reports).
    NotAFollowUp,
    Found(Box<Earlier>),
    /// Missing or unreadable: a plain warning, and the sheet is made without the comparison.
    Unavailable(String),
}

impl EarlierVisit {
    pub fn found(&self) -> Option<&Earlier> {
        match self {
            EarlierVisit::Found(e) => Some(e),
            _ => None,
        }
    }

    /// The earlier visit as the sheet compares with it, if it was found.
    pub fn view(&self) -> Option<EarlierView<'_>> {
        self.found().map(Earlier::view)
    }

    /// The warning to show when the earlier visit could not be used.
    pub fn warning(&self) -> Option<&str> {
        match self {
            EarlierVisit::Unavailable(w) => Some(w),
            _ => None,
        }
    }
}

/// Loads the earlier visit that `opened` follows up, from its own folder, with the
/// questionnaire `catalog` finds for it, and evaluates it. The earlier file is only read.
/// The sheet's one way to the earlier visit: `dmat report` and the interview's sheet use it.
pub fn earlier_visit(opened: &Opened, catalog: &Catalog, lang: Lang) -> EarlierVisit {
    let Some(path) = previous_path(&opened.path, &opened.assessment) else {
        return EarlierVisit::NotAFollowUp;
    };
    let w = ReportWords::of(lang);
    let name = path.display().to_string();
    if !path.is_file() {
        return EarlierVisit::Unavailable(format!(
            "{}: {}",
            opened.path.display(),
            w.earlier_missing(&name)
        ));
    }
    match open_assessment(&path, catalog) {
        Ok(earlier) => {
            let q = &earlier.questionnaire.questionnaire;
            let evaluation = evaluate(q, &earlier.assessment);
            EarlierVisit::Found(Box::new(Earlier {
                opened: earlier,
                evaluation,
            }))
        }
        Err(e) => {
            let why = crate::plain_text::inert(&e.to_string());
            EarlierVisit::Unavailable(format!(
                "{}: {}",
                opened.path.display(),
                w.earlier_unreadable(&name, &why)
            ))
        }
    }
}

/// The sheet of an opened assessment in a language: evaluated, laid out as data, without
/// the comparison with an earlier visit.
pub fn build_sheet(opened: &Opened, lang: Lang) -> Sheet {
    build_sheet_with(opened, lang, &SheetOptions::default())
}

/// The sheet of an opened assessment with options (the annex, the earlier visit).
pub fn build_sheet_with(opened: &Opened, lang: Lang, options: &SheetOptions<'_>) -> Sheet {
    let q = &opened.questionnaire.questionnaire;
    let a = &opened.assessment;
    sheet::build(q, a, &evaluate(q, a), lang, options)
}

/// The pre-visit form of a questionnaire as text, with the workspace's templates if it has
/// any; none when the questionnaire marks nothing `previsit`.
pub fn render_form(
    ws: &Workspace,
    q: &crate::model::Questionnaire,
    lang: Lang,
    format: Format,
) -> Option<Result<String, ReportError>> {
    let form = form::build(q, lang)?;
    Some(Templates::in_dir(templates_dir(ws)).render_form(&form, format))
}

/// The folder of a workspace whose `sheet.html.j2` and `sheet.md.j2` replace the bundled
/// templates.
pub fn templates_dir(ws: &Workspace) -> PathBuf {
    ws.root.join("templates")
}

/// The sheet of an opened assessment as text, with the workspace's templates if it has any.
pub fn render_sheet(
    ws: &Workspace,
    opened: &Opened,
    lang: Lang,
    format: Format,
) -> Result<String, ReportError> {
    render_sheet_with(ws, opened, lang, format, &SheetOptions::default())
}

/// The sheet of an opened assessment as text, with options (the annex, the earlier visit).
pub fn render_sheet_with(
    ws: &Workspace,
    opened: &Opened,
    lang: Lang,
    format: Format,
    options: &SheetOptions<'_>,
) -> Result<String, ReportError> {
    Templates::in_dir(templates_dir(ws)).render(&build_sheet_with(opened, lang, options), format)
}

/// A sheet for the workspace's `reports/` folder, which [`crate::store::write_report`]
/// writes: its text, its name there, and the warning about an earlier visit that could not
/// be compared with.
#[derive(Debug, Clone)]
pub struct WorkspaceSheet {
    pub name: ReportName,
    pub text: String,
    pub warning: Option<String>,
}

/// The sheet of an opened assessment for the workspace's `reports/` folder, compared with
/// the earlier visit where it is a follow-up ([`earlier_visit`], its questionnaire found in
/// `catalog`).
///
/// It is named after the firm and the visit date (`<firm>-<date>.html`, made safe for every
/// operating system), with a marker that recognises a sheet written earlier for the same
/// visit (same firm, visit date, questionnaire and assessment file): that one is replaced,
/// any other file of the name kept (see [`crate::store::write_report`]).
pub fn workspace_sheet(
    ws: &Workspace,
    opened: &Opened,
    catalog: &Catalog,
    lang: Lang,
    format: Format,
) -> Result<WorkspaceSheet, ReportError> {
    let earlier = earlier_visit(opened, catalog, lang);
    let options = SheetOptions {
        earlier: earlier.view(),
        ..SheetOptions::default()
    };
    Ok(WorkspaceSheet {
        name: report_name(opened, format),
        text: render_sheet_with(ws, opened, lang, format, &options)?,
        warning: earlier.warning().map(str::to_string),
    })
}

/// A sheet written into the workspace: where, and the warning about an earlier visit that
/// could not be compared with.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    pub warning: Option<String>,
}

/// The sheet of this visit in the workspace's reports folder, if one was written.
pub fn written_sheet(ws: &Workspace, opened: &Opened, format: Format) -> Option<PathBuf> {
    written_report(ws, &report_name(opened, format))
}

/// Where the sheet of a visit goes in the workspace's reports folder.
fn report_name(opened: &Opened, format: Format) -> ReportName {
    ReportName {
        stem: file_stem(opened),
        extension: format.extension(),
        marker: marker(opened),
    }
}

/// The default file stem of a sheet: firm and visit date.
pub fn file_stem(opened: &Opened) -> String {
    let a = &opened.assessment;
    let date = a.date_string().unwrap_or_else(|| "undated".into());
    format!("{}-{}", safe_file_stem(&a.firm.name), safe_file_stem(&date))
}

/// The comment that marks a sheet as made from one visit; the same in HTML and Markdown
/// (where it does not show).
fn marker(opened: &Opened) -> String {
    let a = &opened.assessment;
    let source = opened
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = [
        a.firm.name.as_str(),
        &a.date_string().unwrap_or_default(),
        &a.questionnaire.id,
        &source,
    ]
    .join("\u{0}");
    let hash = digest(key.as_bytes());
    let short = hash.trim_start_matches("sha256:");
    format!("<!-- dmat sheet {} -->", &short[..16.min(short.len())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, QuestionnaireRef, Response, parse};

    const MINI: &str = include_str!("../../tests/fixtures/questionnaires/mini.toml");

    #[test]
    fn two_dimensions_get_bars_but_no_radar() {
        let q = parse::questionnaire(MINI)
            .expect("the mini questionnaire is valid")
            .0;
        let r = QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            digest: String::new(),
        };
        let mut a = Assessment::new(r, "Two-dimension firm", None);
        a.set_response("has-cnc", Some(Response::Choice("no".into())));
        let sheet = sheet::build(
            &q,
            &a,
            &evaluate(&q, &a),
            Lang::En,
            &SheetOptions::default(),
        );
        assert!(sheet.chart.radar.is_none());
        let html = Templates::bundled().render(&sheet, Format::Html).unwrap();
        assert!(!html.contains("<figure class=\"radar\">"));
        assert!(html.contains("<figure class=\"bars\">"));
        // Without a visit date, the plan's group carries no due date.
        assert_eq!(sheet.plan.count, 1);
        assert!(sheet.plan.groups[0].due.is_none());
        assert!(html.contains("<li class=\"rec\" id=\"rec-cnc\">"));
        assert!(!html.contains("class=\"due\""));
        let md = Templates::bundled().render(&sheet, Format::Md).unwrap();
        assert!(md.contains("| Dimension | Score | Stage | |"));
    }
}
