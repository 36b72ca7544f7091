//! A comparison as CSV, one section at a time, each a plain rectangular table for scripts:
//! the firms, the cohort statistics, the progressions, or the cohort view.

use super::Field;
use crate::compare::{Cell, Column, Comparison, Section};
use crate::model::Priority;

/// The header and rows of one section.
pub fn section(c: &Comparison, s: Section) -> (Vec<String>, Vec<Vec<Field>>) {
    match s {
        Section::Firms => firms(c),
        Section::Stats => stats(c),
        Section::Progress => progress(c),
        Section::Cohort => cohort(c),
    }
}

/// The firm columns of the CSV: the table's columns with file, questionnaire, version,
/// status and completeness added, in a fixed order.
pub fn firm_columns(c: &Comparison) -> Vec<Column> {
    let mut cols = vec![
        Column::File,
        Column::Firm,
        Column::Date,
        Column::Questionnaire,
        Column::Version,
        Column::Status,
        Column::Completeness,
        Column::Visits,
        Column::Overall,
        Column::Stage,
        Column::Bottleneck,
    ];
    cols.extend(c.shown_dimensions().iter().map(|&i| Column::Dimension(i)));
    cols.push(Column::Percentile);
    cols
}

fn field(c: &Comparison, cell: Cell<'_>) -> Field {
    match cell {
        Cell::Text(s) => Field::text(Some(s)),
        Cell::Score(x) | Cell::Percentile(x) => Field::score(x),
        Cell::Share(x) => Field::Share(crate::score::round2(x)),
        Cell::Count(n) => Field::Number(n as f64),
        Cell::Stage(s) => Field::text(s.map(|i| c.stages()[i].id.as_str())),
        Cell::Dimension(d) => Field::text(d.map(|i| c.dimensions()[i].id.as_str())),
    }
}

fn firms(c: &Comparison) -> (Vec<String>, Vec<Vec<Field>>) {
    let cols = firm_columns(c);
    let header = cols.iter().map(|&k| c.column_id(k).to_string()).collect();
    let rows = c
        .rows()
        .map(|f| cols.iter().map(|&k| field(c, c.cell(f, k))).collect())
        .collect();
    (header, rows)
}

fn stats(c: &Comparison) -> (Vec<String>, Vec<Vec<Field>>) {
    let header = ["column", "n", "mean", "min", "q1", "median", "q3", "max"]
        .map(String::from)
        .to_vec();
    let mut cols = vec![("overall".to_string(), c.cohort().overall)];
    for &i in c.shown_dimensions() {
        cols.push((c.dimensions()[i].id.clone(), c.cohort().dimensions[i]));
    }
    let rows = cols
        .into_iter()
        .map(|(id, s)| {
            let mut row = vec![Field::text(Some(&id))];
            match s {
                Some(s) => {
                    row.push(Field::Number(s.n as f64));
                    row.extend(
                        [s.mean, s.min, s.q1, s.median, s.q3, s.max].map(|x| Field::score(Some(x))),
                    );
                }
                None => {
                    row.push(Field::Number(0.0));
                    row.extend((0..6).map(|_| Field::Empty));
                }
            }
            row
        })
        .collect();
    (header, rows)
}

fn progress(c: &Comparison) -> (Vec<String>, Vec<Vec<Field>>) {
    let dims = c.shown_dimensions();
    let mut header: Vec<String> = ["firm", "questionnaire", "visit", "date", "file", "overall"]
        .map(String::from)
        .to_vec();
    header.extend(dims.iter().map(|&i| c.dimensions()[i].id.clone()));
    header.push("overall_change".into());
    header.extend(
        dims.iter()
            .map(|&i| format!("{}_change", c.dimensions()[i].id)),
    );
    let mut rows = Vec::new();
    for f in c.progressions() {
        for (i, v) in f.visits.iter().enumerate() {
            let mut row = vec![
                Field::text(Some(f.name())),
                Field::text(Some(&f.questionnaire)),
                Field::Number((i + 1) as f64),
                Field::text(v.date.as_deref()),
                Field::text(v.file.to_str()),
                Field::score(v.overall),
            ];
            row.extend(dims.iter().map(|&d| Field::score(v.dimensions[d])));
            let ch = f.change(i);
            row.push(Field::score(ch.as_ref().and_then(|ch| ch.overall)));
            row.extend(
                dims.iter()
                    .map(|&d| Field::score(ch.as_ref().and_then(|ch| ch.dimensions[d]))),
            );
            rows.push(row);
        }
    }
    (header, rows)
}

fn cohort(c: &Comparison) -> (Vec<String>, Vec<Vec<Field>>) {
    let header = [
        "kind",
        "questionnaire",
        "id",
        "label",
        "firms",
        "share",
        "priority",
        "support",
    ]
    .map(String::from)
    .to_vec();
    let v = c.view();
    let mut rows = Vec::new();
    let mut push = |kind: &str,
                    q: Option<&str>,
                    id: Option<&str>,
                    label: &str,
                    n: usize,
                    p: Option<Priority>,
                    support: Option<&str>| {
        rows.push(vec![
            Field::text(Some(kind)),
            Field::text(q),
            Field::text(id),
            Field::text(Some(label)),
            Field::Number(n as f64),
            Field::Share(crate::score::round2(v.share(n))),
            Field::text(p.map(Priority::id)),
            Field::text(support),
        ]);
    };
    for (st, &n) in c.stages().iter().zip(&v.stages) {
        push("stage", None, Some(&st.id), &st.label, n, None, None);
    }
    if v.unscored > 0 {
        push("stage", None, None, "", v.unscored, None, None);
    }
    for &(d, n) in &v.bottlenecks {
        let dim = &c.dimensions()[d];
        push(
            "bottleneck",
            Some(&dim.questionnaire),
            Some(&dim.id),
            &dim.title,
            n,
            None,
            None,
        );
    }
    for &(r, n) in &v.recommendations {
        let rec = &c.recommendations()[r];
        push(
            "recommendation",
            Some(&rec.questionnaire),
            Some(&rec.id),
            &rec.title,
            n,
            Some(rec.priority),
            rec.support.as_deref(),
        );
    }
    for (name, n) in &v.supports {
        push("support", None, None, name, *n, None, None);
    }
    (header, rows)
}
