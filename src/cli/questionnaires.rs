//! `dmat questionnaires`: the bundled and workspace questionnaires.

use std::process::ExitCode;

use super::{Context, Outcome, QuestionnaireArg};
use crate::i18n::CliWords;
use crate::plain_text::{inert, pad, pad_left, visible, width};

pub fn run(ctx: &Context) -> Outcome {
    let w = CliWords::of(ctx.lang);
    let catalog = ctx.catalog(&QuestionnaireArg { path: None })?;
    let l = ctx.lang.code();
    let rows: Vec<[String; 6]> = catalog
        .entries()
        .iter()
        .map(|e| {
            let q = &e.questionnaire;
            [
                visible(&q.id).into_owned(),
                visible(&q.version).into_owned(),
                inert(q.text(&q.title, l)),
                q.dimension.len().to_string(),
                q.question_count().to_string(),
                visible(&e.source.to_string()).into_owned(),
            ]
        })
        .collect();
    let head = [
        w.col_id,
        w.col_version,
        w.col_title,
        w.col_dimensions,
        w.col_questions,
        w.col_source,
    ];
    let widths: Vec<usize> = (0..6)
        .map(|c| {
            rows.iter()
                .map(|r| width(&r[c]))
                .chain([width(head[c])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (c, cell) in cells.iter().enumerate() {
            let cell = if c == 3 || c == 4 {
                pad_left(cell, widths[c])
            } else {
                pad(cell, widths[c])
            };
            s.push_str(&cell);
            s.push_str("  ");
        }
        s.trim_end().to_string()
    };
    println!("{}", line(head));
    for r in &rows {
        println!("{}", line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]));
    }
    for e in &catalog.broken {
        super::say(&e.to_string());
    }
    Ok(if catalog.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
