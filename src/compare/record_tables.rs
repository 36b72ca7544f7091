//! The district's record ([`super::record::Record`]) as tables of the cohort view: re-visited
//! firms by stage at T0 and T1, the change of their overall score by what came of their agreed
//! actions, and the visits and firms of each assessor.

use super::model::Comparison;
use super::record::Group;
use crate::i18n::CompareWords;
use crate::score::{NO_SCORE, Score};
use crate::table::{Cell, Column, Name, Row, Table, Tone};

impl Comparison {
    /// The record's tables, in the order of the cohort view.
    pub(super) fn record_tables(&self) -> Vec<Table<'_>> {
        vec![
            self.moves_table(),
            self.change_table(),
            self.assessor_table(),
        ]
    }

    /// Re-visited firms: one row per stage at the first visit, one column per stage at the
    /// latest, and a last row and column for firms without a stage where there are any.
    fn moves_table(&self) -> Table<'_> {
        let w = self.words();
        let r = &self.view().record;
        let stages = self.stages();
        let none = stages.len();
        let unstaged = (0..=none).any(|i| r.moves[none][i] + r.moves[i][none] > 0);
        let kept: Vec<usize> = (0..none).chain(unstaged.then_some(none)).collect();
        let id = |i: usize| stages.get(i).map_or(NO_SCORE, |s| s.id.as_str());
        let tone = |i: usize| match i < none {
            true => Tone::Step { at: i, of: none },
            false => Tone::Muted,
        };
        let mut columns = vec![Column::new("id", w.col_t0)];
        for &to in &kept {
            let key = stages.get(to).map_or("none", |s| s.id.as_str());
            columns.push(Column::new(format!("to_{key}"), format!("→ {}", id(to))).right());
        }
        columns.push(Column::new("firms", w.col_firms).right());
        let rows: Vec<Row> = if r.revisited == 0 {
            Vec::new()
        } else {
            kept.iter()
                .map(|&from| {
                    let key = stages.get(from).map_or("", |s| s.id.as_str());
                    let mut cells = vec![Cell::Label(Name::new(key, id(from)).tone(tone(from)))];
                    cells.extend(kept.iter().map(|&to| Cell::Count(r.moves[from][to])));
                    cells.push(Cell::Count(r.moves[from].iter().sum()));
                    Row::new(cells)
                })
                .collect()
        };
        Table {
            kind: "move",
            title: Some(w.moves_title.into()),
            columns,
            rows: Box::new(rows.into_iter()),
            empty: Some(w.no_revisits.into()),
            legends: Vec::new(),
        }
    }

    /// The change of the overall score from the first visit to the latest, for every
    /// re-visited firm and by what came of the actions it agreed.
    fn change_table(&self) -> Table<'_> {
        let w = self.words();
        let r = &self.view().record;
        let rows: Vec<Row> = if r.revisited == 0 {
            Vec::new()
        } else {
            r.changes
                .iter()
                .map(|(g, c)| {
                    Row::new(vec![
                        Cell::Label(Name::new(g.id(), group_name(*g, w))),
                        Cell::Count(c.firms),
                        Cell::Count(c.scored),
                        Cell::Change(Score::from(c.median)),
                        Cell::Change(Score::from(c.mean)),
                    ])
                })
                .collect()
        };
        Table {
            kind: "change",
            title: Some(w.changes_title.into()),
            columns: vec![
                Column::new("id", w.col_group),
                Column::new("firms", w.col_firms).right(),
                Column::new("scored", w.col_scored).right(),
                Column::new("median_change", w.col_median_change).right(),
                Column::new("mean_change", w.col_mean_change).right(),
            ],
            rows: Box::new(rows.into_iter()),
            empty: Some(w.no_revisits.into()),
            legends: Vec::new(),
        }
    }

    /// Visits and firms per assessor.
    fn assessor_table(&self) -> Table<'_> {
        let w = self.words();
        let rows = self
            .view()
            .record
            .assessors
            .iter()
            .map(|(who, visits, firms)| {
                let name = match who {
                    Some(n) => Cell::text(n.as_str()),
                    None => Cell::Label(Name::new("", w.no_assessor).tone(Tone::Muted)),
                };
                Row::new(vec![name, Cell::Count(*visits), Cell::Count(*firms)])
            });
        Table {
            kind: "assessor",
            title: Some(w.assessors_title.into()),
            columns: vec![
                Column::new("label", w.col_assessor),
                Column::new("visits", w.col_visits).right(),
                Column::new("firms", w.col_firms).right(),
            ],
            rows: Box::new(rows),
            empty: Some(w.none.into()),
            legends: Vec::new(),
        }
    }
}

fn group_name(g: Group, w: &CompareWords) -> &'static str {
    match g {
        Group::All => w.group_all,
        Group::AllDone => w.group_all_done,
        Group::NotAllDone => w.group_not_all_done,
        Group::NoneAgreed => w.group_none_agreed,
    }
}
