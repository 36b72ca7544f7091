//! A part of a document ([`crate::table`]) as one rectangular CSV table for scripts: the data
//! columns of its tables, one row per row that is not a summary. A part whose tables differ
//! in their columns (the cohort view) is stacked into one table, with a first column `kind`
//! naming the table each row comes from and the columns of all of them.

use super::Field;
use crate::table::{Cell, Part, Row, Table, for_data};

/// The header and the rows of a part; rows are made as they are written.
pub fn csv_part<'a>(part: Part<'a>) -> (Vec<String>, impl Iterator<Item = Vec<Field>> + 'a) {
    let layouts: Vec<Vec<String>> = part.tables.iter().map(data_ids).collect();
    let stacked = layouts.windows(2).any(|w| w[0] != w[1]);
    let header = if stacked {
        let mut h = vec!["kind".to_string()];
        h.extend(merged(&layouts));
        h
    } else {
        layouts.first().cloned().unwrap_or_default()
    };
    let wanted = header.clone();
    let rows = part.tables.into_iter().flat_map(move |t| {
        let kind = t.kind;
        let shown: Vec<(usize, String)> = t
            .shown(for_data)
            .into_iter()
            .map(|(i, c)| (i, c.id.clone()))
            .collect();
        // Where each column of the header comes from in this table's rows.
        let places: Vec<Option<usize>> = wanted
            .iter()
            .map(|id| shown.iter().find(|(_, c)| c == id).map(|(i, _)| *i))
            .collect();
        let Table { rows, .. } = t;
        rows.filter(|r| !r.summary).map(move |r| {
            places
                .iter()
                .enumerate()
                .map(|(k, place)| match place {
                    Some(i) => field(&r, *i),
                    None if stacked && k == 0 => Field::Text(kind.to_string()),
                    None => Field::Empty,
                })
                .collect()
        })
    });
    (header, rows)
}

/// The ids of a table's data columns.
fn data_ids(t: &Table<'_>) -> Vec<String> {
    t.shown(for_data)
        .into_iter()
        .map(|(_, c)| c.id.clone())
        .collect()
}

/// The columns of several tables as one list that keeps each table's order: a column not
/// yet listed goes right after the one before it in its table (first when none is).
fn merged(layouts: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for layout in layouts {
        let mut at = 0;
        for id in layout {
            match out.iter().position(|x| x == id) {
                Some(k) => at = k + 1,
                None => {
                    out.insert(at, id.clone());
                    at += 1;
                }
            }
        }
    }
    out
}

/// A cell as a CSV field: text guarded, ids for labels and keys, scores with two decimals,
/// shares as fractions with two decimals.
fn field(row: &Row<'_>, i: usize) -> Field {
    match row.cells.get(i).unwrap_or(&Cell::Empty) {
        Cell::Empty | Cell::Bar(_) => Field::Empty,
        Cell::Text(s) => Field::text(Some(s)),
        Cell::Label(n) | Cell::Key(n) => Field::text(Some(&n.id)),
        Cell::Count(n) => Field::Number(*n as f64),
        Cell::Share(x) => Field::Share(crate::score::round2(*x)),
        Cell::Score(x) | Cell::Change(x) => Field::score(x.value()),
        Cell::Percentile(p) => Field::score(*p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{Column, Name, Shows};

    fn table(kind: &'static str, ids: &[&str], rows: Vec<Row<'static>>) -> Table<'static> {
        Table {
            kind,
            title: None,
            columns: ids.iter().map(|id| Column::new(*id, "")).collect(),
            rows: Box::new(rows.into_iter()),
            empty: None,
            legends: Vec::new(),
        }
    }

    fn part(tables: Vec<Table<'static>>) -> Part<'static> {
        Part {
            title: None,
            tables,
            empty: None,
            notes: Vec::new(),
        }
    }

    fn written(p: Part<'static>) -> (Vec<String>, Vec<Vec<Field>>) {
        let (h, rows) = csv_part(p);
        (h, rows.collect())
    }

    #[test]
    fn tables_of_one_layout_share_one_header_and_summaries_are_left_out() {
        let rows = |name: &'static str| {
            vec![
                Row::new(vec![Cell::text(name), Cell::Count(2)]),
                Row::summary(vec![Cell::text("change"), Cell::Count(1)], false),
            ]
        };
        let (h, rows) = written(part(vec![
            table("visit", &["firm", "n"], rows("A")),
            table("visit", &["firm", "n"], rows("B")),
        ]));
        assert_eq!(h, ["firm", "n"]);
        assert_eq!(
            rows,
            [
                vec![Field::Text("A".into()), Field::Number(2.0)],
                vec![Field::Text("B".into()), Field::Number(2.0)],
            ]
        );
    }

    #[test]
    fn tables_of_several_layouts_are_stacked_with_their_kind() {
        let mut stage = table(
            "stage",
            &["id", "bar", "firms"],
            vec![Row::new(vec![
                Cell::Label(Name::new("2.0", "Industry 2.0")),
                Cell::Empty,
                Cell::Count(1),
            ])],
        );
        stage.columns[1].shows = Shows::READERS;
        let rec = table(
            "recommendation",
            &["questionnaire", "id", "firms", "priority"],
            vec![Row::new(vec![
                Cell::text("q"),
                Cell::text("erp"),
                Cell::Count(3),
                Cell::Label(Name::new("high", "高")),
            ])],
        );
        let (h, rows) = written(part(vec![stage, rec]));
        assert_eq!(h, ["kind", "questionnaire", "id", "firms", "priority"]);
        let text = |s: &str| Field::Text(s.into());
        assert_eq!(
            rows,
            [
                vec![
                    text("stage"),
                    Field::Empty,
                    text("2.0"),
                    Field::Number(1.0),
                    Field::Empty
                ],
                vec![
                    text("recommendation"),
                    text("q"),
                    text("erp"),
                    Field::Number(3.0),
                    text("high")
                ],
            ]
        );
    }

    #[test]
    fn merging_keeps_each_tables_order() {
        let l = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            merged(&[
                l(&["id", "label", "firms", "share"]),
                l(&[
                    "questionnaire",
                    "id",
                    "label",
                    "firms",
                    "share",
                    "later",
                    "support"
                ]),
                l(&["label", "firms", "share", "short"]),
            ]),
            l(&[
                "questionnaire",
                "id",
                "label",
                "firms",
                "share",
                "short",
                "later",
                "support"
            ])
        );
    }
}
