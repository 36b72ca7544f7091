//! The scorecard rows of DESIGN.md: wide, one row per assessment, and long, one row per
//! answered question. Shared by the CSV and the Excel export.

use std::sync::Arc;

use super::Field;
use crate::evaluation::{Scored, ScoredVisit};
use crate::i18n::{CompareWords, Lang};
use crate::model::{Questionnaire, Response};

/// The fixed columns of the wide scorecard, before one column per dimension.
pub const WIDE_FIXED: [&str; 11] = [
    "file",
    "firm",
    "date",
    "assessor",
    "questionnaire",
    "version",
    "status",
    "completeness",
    "overall",
    "stage",
    "bottleneck",
];

/// The columns of the wide scorecard after the dimensions: the verdict, and the projection
/// once the whole plan is carried out (after the long horizon).
pub const WIDE_PLAN: [&str; 3] = ["verdict", "projected_overall", "projected_stage"];

/// The columns of the long scorecard.
pub const LONG: [&str; 9] = [
    "file",
    "firm",
    "date",
    "dimension",
    "question",
    "answer",
    "score",
    "weight",
    "note",
];

/// The header of the wide scorecard for these dimension ids.
pub fn wide_header(dimensions: &[String]) -> Vec<String> {
    WIDE_FIXED
        .iter()
        .map(|s| s.to_string())
        .chain(dimensions.iter().cloned())
        .chain(WIDE_PLAN.iter().map(|s| s.to_string()))
        .collect()
}

/// How many columns the wide scorecard has with `dimensions` dimension columns.
pub fn wide_width(dimensions: usize) -> usize {
    WIDE_FIXED.len() + dimensions + WIDE_PLAN.len()
}

pub fn long_header() -> Vec<String> {
    LONG.iter().map(|s| s.to_string()).collect()
}

/// The questionnaire files the visits exported are scored against, gathered as the visits
/// are read, and the dimension columns they share.
#[derive(Default)]
pub struct Variants {
    seen: Vec<Arc<crate::store::LoadedQuestionnaire>>,
    /// Dimension ids in questionnaire order; dimensions that only another version of the
    /// questionnaire has come after those of the first.
    pub dimensions: Vec<String>,
    /// The versions scored against, in order of first use; more than one questionnaire file
    /// may share a version.
    pub versions: Vec<String>,
}

impl Variants {
    /// Counts in the questionnaire of `v`; returns its place among those seen.
    pub fn add(&mut self, v: &ScoredVisit) -> u32 {
        let lq = &v.questionnaire;
        if let Some(i) = self.seen.iter().position(|x| Arc::ptr_eq(x, lq)) {
            return i as u32;
        }
        self.seen.push(lq.clone());
        if !self.versions.contains(&lq.questionnaire.version) {
            self.versions.push(lq.questionnaire.version.clone());
        }
        for d in &lq.questionnaire.dimension {
            if !self.dimensions.contains(&d.id) {
                self.dimensions.push(d.id.clone());
            }
        }
        (self.seen.len() - 1) as u32
    }

    /// How many different questionnaire files the visits are scored against.
    pub fn count(&self) -> usize {
        self.seen.len()
    }

    /// The score axis (min, max) of the first questionnaire seen.
    pub fn scale(&self) -> Option<(f64, f64)> {
        let s = &self.seen.first()?.questionnaire.scale;
        Some((s.min, s.max))
    }

    pub fn wide_header(&self) -> Vec<String> {
        wide_header(&self.dimensions)
    }

    /// How many columns the wide scorecard of every variant seen has.
    pub fn wide_width(&self) -> usize {
        wide_width(self.dimensions.len())
    }

    /// The wide row of a visit scored against variant `variant`, made by [`own_wide_row`],
    /// with the columns of every variant.
    pub fn widen(&self, variant: u32, row: Vec<Field>) -> Vec<Field> {
        let Some(lq) = self.seen.get(variant as usize) else {
            return row;
        };
        let own = &lq.questionnaire.dimension;
        if own.len() == self.dimensions.len()
            && own.iter().zip(&self.dimensions).all(|(d, id)| d.id == *id)
        {
            return row;
        }
        let fixed = WIDE_FIXED.len();
        let mut row = row.into_iter();
        let mut wide: Vec<Field> = row.by_ref().take(fixed).collect();
        let scores: Vec<Field> = row.by_ref().take(own.len()).collect();
        wide.extend(self.dimensions.iter().map(|id| {
            own.iter()
                .position(|d| d.id == *id)
                .and_then(|i| scores.get(i).cloned())
                .unwrap_or(Field::Empty)
        }));
        wide.extend(row);
        wide
    }
}

/// The wide row of a visit with the dimension columns of its own questionnaire.
pub fn own_wide_row(v: &ScoredVisit) -> Vec<Field> {
    let ids: Vec<String> = v.q().dimension.iter().map(|d| d.id.clone()).collect();
    wide_row(v, &ids)
}

/// The wide row of one visit.
pub fn wide_row(v: &ScoredVisit, dimensions: &[String]) -> Vec<Field> {
    let q = v.q();
    let mut row = vec![
        Field::text(Some(&v.path.display().to_string())),
        Field::text(Some(&v.firm)),
        Field::text(v.date.as_deref()),
        Field::text(v.assessor.as_deref()),
        Field::text(Some(&q.id)),
        Field::text(Some(&q.version)),
        Field::text(Some(v.status.id())),
        Field::Share(crate::score::round2(v.completeness)),
        Field::score(v.overall),
        Field::text(v.stage.map(|i| q.scale.stage[i].id.as_str())),
        Field::text(v.bottleneck.map(|i| q.dimension[i].id.as_str())),
    ];
    row.extend(dimensions.iter().map(|id| {
        Field::score(
            q.dimension_index(id)
                .and_then(|i| v.dimensions.get(i).copied().flatten()),
        )
    }));
    let (overall, stage) = v.projected[2];
    row.extend([
        Field::text(v.verdict.map(|i| q.verdict[i].id.as_str())),
        Field::score(overall),
        Field::text(stage.map(|i| q.scale.stage[i].id.as_str())),
    ]);
    row
}

/// The long rows of one assessment: every question with an answer or a note, in questionnaire
/// order, then answers kept for questions the questionnaire no longer has.
pub fn long_rows(s: &Scored, labels: Option<Lang>) -> Vec<Vec<Field>> {
    let q = s.questionnaire();
    let a = s.assessment();
    let file = Field::text(Some(&s.path().display().to_string()));
    let firm = Field::text(Some(&a.firm.name));
    let date = Field::text(a.date_string().as_deref());
    let mut rows = Vec::new();
    let mut push = |dimension: Field, question: &str, answer: Field, score, weight, note| {
        rows.push(vec![
            file.clone(),
            firm.clone(),
            date.clone(),
            dimension,
            Field::text(Some(question)),
            answer,
            score,
            weight,
            note,
        ]);
    };
    for r in q.questions() {
        let id = &r.question.id;
        let Some(answer) = a.answers.get(id) else {
            continue;
        };
        push(
            Field::text(Some(&q.dimension[r.dimension].id)),
            id,
            answer_field(q, id, answer.response.as_ref(), labels),
            Field::score(s.evaluation.card.questions[r.index].score),
            Field::Number(r.question.weight),
            Field::text(answer.note.as_deref()),
        );
    }
    for (id, answer) in &a.answers {
        if q.position(id).is_none() {
            push(
                Field::Empty,
                id,
                answer_field(q, id, answer.response.as_ref(), labels),
                Field::Empty,
                Field::Empty,
                Field::text(answer.note.as_deref()),
            );
        }
    }
    rows
}

/// An answer as a cell: option ids (`;` between several) or, with `labels`, option texts
/// (`; ` between several); a number as a number; `na` or its word for not applicable.
fn answer_field(q: &Questionnaire, id: &str, r: Option<&Response>, labels: Option<Lang>) -> Field {
    let Some(r) = r else {
        return Field::Empty;
    };
    match (r, labels) {
        (Response::Value(v), _) => Field::Number(*v),
        (Response::Text(t), _) => Field::text(Some(t)),
        (Response::NotApplicable, None) => Field::Text("na".into()),
        (Response::NotApplicable, Some(lang)) => {
            Field::Text(CompareWords::of(lang).not_applicable.into())
        }
        (Response::Choice(_) | Response::Choices(_), None) => {
            Field::text(Some(&r.chosen().join(";")))
        }
        (Response::Choice(_) | Response::Choices(_), Some(lang)) => {
            let question = q.question(id);
            let names: Vec<&str> = r
                .chosen()
                .iter()
                .map(|c| {
                    question
                        .and_then(|qq| qq.option(c))
                        .map_or(c.as_str(), |o| q.text(&o.text, lang.code()))
                })
                .collect();
            Field::text(Some(&names.join("; ")))
        }
    }
}
