//! What the sheet shows of the firm's decisions on its plan (agreed, declined, proposed, its
//! own actions) and, on a follow-up visit, of the progress and the changes since the earlier
//! visit.

use super::plan::REASONS_SHOWN;
use super::since::NOTE_CELLS;
use super::*;
use crate::evaluation::evaluate;
use crate::model::{
    Decision, Horizon, PlanEntry, Progress, ProgressStatus, Response, SupportOutcome, parse,
};
use crate::score::tests::{FEATURES, assessment, features};

const AGREED: &str = include_str!("../../../tests/fixtures/report/agreed-firm.toml");

fn sheet_of(q: &Questionnaire, a: &Assessment, earlier: Option<EarlierView<'_>>) -> Sheet {
    let options = SheetOptions {
        annex: false,
        earlier,
    };
    build(q, a, &evaluate(q, a), Lang::En, &options)
}

fn item<'s>(s: &'s Sheet, id: &str) -> (&'s str, &'s PlanItem) {
    s.plan
        .groups
        .iter()
        .find_map(|g| g.items.iter().find(|i| i.id == id).map(|i| (g.id, i)))
        .unwrap_or_else(|| panic!("{id} is not in the plan"))
}

fn date(s: &str) -> toml::value::Datetime {
    s.parse().unwrap()
}

#[test]
fn agreed_actions_show_owner_and_due_date_and_undecided_ones_say_proposed() {
    let q = features();
    let (a, _) = parse::assessment(AGREED).unwrap();
    let s = sheet_of(&q, &a, None);
    assert!(s.plan.decided);
    let (h, data) = item(&s, "data-basics");
    assert_eq!(h, "short");
    assert_eq!(data.decided.decision_id, "agreed");
    assert_eq!(data.decided.decision, "Agreed");
    assert_eq!(data.decided.owner.as_deref(), Some("生产部 李强"));
    assert_eq!(data.decided.due.as_deref(), Some("2027-03-31"));
    assert_eq!(data.decided.note.as_deref(), Some("先从两条主线开始"));
    assert_eq!(data.decided.horizon, None);
    let (_, diagnosis) = item(&s, "overall-low");
    assert_eq!(diagnosis.decided.decision_id, "proposed");
    assert_eq!(diagnosis.decided.decision, "Proposed");
    assert_eq!(diagnosis.decided.owner, None);
    // The page-1 list is the short term as shown: the declined action is not on it.
    let short: Vec<&str> = s.plan.short.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(short, ["data-basics", "overall-low"]);
    // Numbers run on through the horizons without gaps.
    let numbers: Vec<usize> = s
        .plan
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| i.number)
        .collect();
    assert_eq!(numbers, (1..=s.plan.count).collect::<Vec<_>>());
    assert_eq!(
        s.plan.intro,
        "7 actions, the most urgent first; each term holds only what a firm can take on at once. 2 of them are agreed with the firm; the others are proposed."
    );
}

#[test]
fn an_action_agreed_for_another_horizon_is_shown_there() {
    let q = features();
    let (a, _) = parse::assessment(AGREED).unwrap();
    let s = sheet_of(&q, &a, None);
    // Rule 9 plans the CNC machines for the medium term; the firm agreed the long term.
    let e = evaluate(&q, &a);
    let cnc = e
        .applicable
        .iter()
        .position(|x| q.recommendation[x.recommendation].id == "cnc-upgrade")
        .unwrap();
    assert_eq!(e.placement(cnc).horizon, Some(Horizon::Medium));
    let (h, item) = item(&s, "cnc-upgrade");
    assert_eq!(h, "long");
    assert_eq!(
        item.decided.horizon.as_deref(),
        Some("moved to the long term by agreement")
    );
    assert_eq!(item.placed, None);
}

#[test]
fn declined_actions_leave_the_plan_for_a_brief_list_with_the_reason() {
    let q = features();
    let (mut a, _) = parse::assessment(AGREED).unwrap();
    a.plan.insert(
        "small-firm".into(),
        PlanEntry {
            decision: Some(Decision::Declined),
            ..PlanEntry::default()
        },
    );
    let s = sheet_of(&q, &a, None);
    let declined: Vec<(&str, Option<&str>)> = s
        .plan
        .declined
        .iter()
        .map(|d| (d.id.as_str(), d.note.as_deref()))
        .collect();
    assert_eq!(
        declined,
        [
            ("fans-chain", Some("链主企业暂无合作意向")),
            ("small-firm", None)
        ]
    );
    assert!(s.plan.declined.iter().all(|d| d.decision_id == "declined"));
    for g in &s.plan.groups {
        assert!(
            g.items
                .iter()
                .all(|i| i.id != "fans-chain" && i.id != "small-firm")
        );
    }
    let html = crate::report::Templates::bundled()
        .render(&s, crate::report::Format::Html)
        .unwrap();
    assert!(html.contains("Meet the chain leader<span class=\"muted\"> — 链主企业暂无合作意向"));
    assert!(html.contains("Coaching for small firms<span class=\"muted\"> — no reason given"));
}

#[test]
fn the_firms_own_actions_are_listed_with_their_decision_and_horizon() {
    let q = features();
    let (a, _) = parse::assessment(AGREED).unwrap();
    let s = sheet_of(&q, &a, None);
    assert_eq!(s.plan.own.len(), 1);
    let own = &s.plan.own[0];
    assert_eq!(own.id, "own-1");
    assert_eq!(own.title, "车间5S整顿");
    assert_eq!(own.decision_id, "agreed");
    assert_eq!(own.owner.as_deref(), Some("车间主任"));
    assert_eq!(own.due.as_deref(), Some("2027-01-31"));
    assert_eq!(own.horizon.as_deref(), Some("short term"));
    let md = crate::report::Templates::bundled()
        .render(&s, crate::report::Format::Md)
        .unwrap();
    assert!(md.contains("### The firm's own actions"), "{md}");
    assert!(
        md.contains("- **车间5S整顿** — Agreed · Owner: 车间主任 · Due: 2027-01-31 · short term"),
        "{md}"
    );
}

#[test]
fn without_any_decision_the_plan_says_once_that_every_action_is_proposed() {
    let q = features();
    let a = assessment(&[("has-cnc", Response::Choice("no".into()))]);
    let s = sheet_of(&q, &a, None);
    assert!(!s.plan.decided);
    assert!(s.plan.count > 0);
    assert!(
        s.plan.intro.ends_with(
            "at once. Every action here is proposed; none is decided with the firm yet."
        )
    );
    assert!(s.plan.declined.is_empty() && s.plan.own.is_empty());
    let md = crate::report::Templates::bundled()
        .render(&s, crate::report::Format::Md)
        .unwrap();
    assert!(!md.contains("Decision:"), "{md}");
}

/// A hand-made earlier visit and its follow-up: equipment and data up, talent down, green
/// unanswered both times; three actions agreed, one declined, one only proposed.
fn earlier_and_now() -> (Assessment, Assessment) {
    let choice = |c: &str| Response::Choice(c.into());
    let choices = |c: &[&str]| Response::Choices(c.iter().map(|s| s.to_string()).collect());
    let mut before = assessment(&[
        ("has-cnc", choice("no")),
        ("systems", choices(&["erp"])),
        ("practices", choices(&["counts"])),
        ("training", Response::Value(2.0)),
    ]);
    before.visit.date = Some(date("2026-05-12"));
    let agreed = |owner: &str, due: &str| PlanEntry {
        decision: Some(Decision::Agreed),
        owner: Some(owner.into()),
        due: Some(date(due)),
        ..PlanEntry::default()
    };
    before
        .plan
        .insert("cnc-upgrade".into(), agreed("Zhang", "2027-12-31"));
    before
        .plan
        .insert("data-basics".into(), agreed("Li", "2026-11-30"));
    before.plan.insert(
        "own-1".into(),
        PlanEntry {
            title: Some("Tidy the workshop".into()),
            ..agreed("Wu", "2026-08-31")
        },
    );
    before.plan.insert(
        "fans-chain".into(),
        PlanEntry {
            decision: Some(Decision::Declined),
            ..PlanEntry::default()
        },
    );
    before
        .plan
        .insert("small-firm".into(), PlanEntry::default());
    let mut now = assessment(&[
        ("has-cnc", choice("yes")),
        ("cnc-share", Response::Value(40.0)),
        ("systems", choices(&["erp"])),
        ("practices", choices(&["counts", "oee"])),
        ("training", Response::Value(0.0)),
    ]);
    now.visit.previous = Some("before.toml".into());
    now.progress.insert(
        "data-basics".into(),
        Progress {
            status: Some(ProgressStatus::Done),
            support: Some(SupportOutcome::Granted),
            note: Some("every shift".into()),
        },
    );
    now.progress.insert(
        "own-1".into(),
        Progress {
            status: Some(ProgressStatus::Dropped),
            ..Progress::default()
        },
    );
    (before, now)
}

#[test]
fn a_follow_up_reports_the_progress_of_each_action_agreed_last_time() {
    let q = features();
    let (before, now) = earlier_and_now();
    let e = evaluate(&q, &before);
    let earlier = EarlierView {
        q: &q,
        a: &before,
        e: &e,
    };
    let s = sheet_of(&q, &now, Some(earlier));
    let since = s.since.expect("the comparison is on the sheet");
    let rows: Vec<(&str, &str, Option<&str>, Option<&str>)> = since
        .progress
        .iter()
        .map(|p| (p.id.as_str(), p.status, p.support, p.note.as_deref()))
        .collect();
    // The earlier plan's order (data basics short, CNC medium), then the firm's own; the
    // declined and the only proposed actions are not followed up.
    assert_eq!(
        rows,
        [
            ("data-basics", "done", Some("granted"), Some("every shift")),
            ("cnc-upgrade", "not recorded", None, None),
            ("own-1", "dropped", None, None),
        ]
    );
    assert_eq!(since.progress[0].owner.as_deref(), Some("Li"));
    assert_eq!(since.progress[0].due.as_deref(), Some("2026-11-30"));
    assert_eq!(since.progress[2].title, "Tidy the workshop");
    assert_eq!(
        since.progress_intro,
        "1 of the 3 actions agreed last time are done."
    );
    assert_eq!(since.title, "Since the last visit (2026-05-12)");
}

/// A dimension's change: title, before, after, arrow, how far.
type Move<'a> = (
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
);

#[test]
fn a_follow_up_shows_how_every_dimension_the_overall_score_and_the_stage_moved() {
    let q = features();
    let (before, now) = earlier_and_now();
    let e = evaluate(&q, &before);
    let s = sheet_of(
        &q,
        &now,
        Some(EarlierView {
            q: &q,
            a: &before,
            e: &e,
        }),
    );
    let since = s.since.unwrap();
    let moves: Vec<Move<'_>> = since
        .dimensions
        .iter()
        .map(|c| {
            (
                c.title.as_str(),
                c.before.as_deref(),
                c.after.as_deref(),
                c.arrow,
                c.delta.as_deref(),
            )
        })
        .collect();
    // equipment: 2.00 → (3.0 + 3.0)/2; data: (3.0 + 2×2.0)/3 → (3.0 + 2×3.0)/3;
    // talent: training 2 days (2.5) → 0 days (below the first band: 2.0).
    assert_eq!(
        moves,
        [
            (
                "Equipment and automation",
                Some("2.00"),
                Some("3.00"),
                "▲",
                Some("1.00")
            ),
            (
                "Data and systems",
                Some("2.33"),
                Some("3.00"),
                "▲",
                Some("0.67")
            ),
            ("Talent", Some("2.50"), Some("2.00"), "▼", Some("0.50")),
            ("Green manufacturing", None, None, "", None),
        ]
    );
    assert_eq!(since.overall.trend, "up");
    assert_eq!(since.stage.before.as_deref(), Some("2.0"));
    assert_eq!(since.stage.after.as_deref(), Some("2.5"));
    assert_eq!(since.stage.arrow, "▲");
    assert_eq!(
        since.headline,
        format!(
            "Since the last visit (2026-05-12): overall score {} → {} ▲, stage 2.0 → 2.5 ▲; 1 of the 3 actions agreed last time are done.",
            since.overall.before.as_deref().unwrap(),
            since.overall.after.as_deref().unwrap()
        )
    );
}

#[test]
fn an_unchanged_score_says_so_and_a_dimension_the_earlier_questionnaire_lacked_has_no_arrow() {
    let q = features();
    // The earlier visit was made on a questionnaire whose data dimension had another id.
    let older = parse::questionnaire(&FEATURES.replace("\"data\"", "\"information\""))
        .unwrap()
        .0;
    let (before, mut now) = earlier_and_now();
    now.set_response("training", Some(Response::Value(2.0)));
    let e = evaluate(&older, &before);
    let s = sheet_of(
        &q,
        &now,
        Some(EarlierView {
            q: &older,
            a: &before,
            e: &e,
        }),
    );
    let since = s.since.unwrap();
    let data = &since.dimensions[1];
    assert_eq!(
        (data.before.as_deref(), data.trend, data.arrow),
        (None, "none", "")
    );
    let talent = &since.dimensions[2];
    assert_eq!(
        (talent.trend, talent.arrow, talent.delta.as_deref()),
        ("same", "unchanged", None)
    );
}

#[test]
fn a_sheet_without_an_earlier_visit_has_no_comparison() {
    let q = features();
    let (_, now) = earlier_and_now();
    let s = sheet_of(&q, &now, None);
    assert!(s.since.is_none());
    let md = crate::report::Templates::bundled()
        .render(&s, crate::report::Format::Md)
        .unwrap();
    assert!(!md.contains("Since the last visit"));
}

#[test]
fn a_long_progress_note_is_printed_cut_short_by_the_stated_rule_and_kept_whole_otherwise() {
    let q = features();
    let (before, mut now) = earlier_and_now();
    let long = "The data collection boxes are on the four main lines; the fifth line waits for \
                its new controller, which the supplier promised for next month, and the \
                operators still write the shift reports by hand";
    let han = "四条主线已装数据采集盒，第五条线等新控制器，供应商答应下月到货，操作工仍然手写班报，信息部正在整理编码";
    for (id, note) in [("data-basics", long), ("own-1", han)] {
        now.progress.get_mut(id).unwrap().note = Some(note.into());
    }
    let e = evaluate(&q, &before);
    let earlier = EarlierView {
        q: &q,
        a: &before,
        e: &e,
    };
    let s = sheet_of(&q, &now, Some(earlier));
    let since = s.since.unwrap();
    let data = &since.progress[0];
    // The whole note for the Markdown sheet and the file; a cut one for print.
    assert_eq!(data.note.as_deref(), Some(long));
    let short = data.short_note.as_deref().unwrap();
    assert!(crate::plain_text::width(short) <= NOTE_CELLS, "{short}");
    assert!(short.ends_with('…'), "{short}");
    // Cut after a whole word.
    let body = short.trim_end_matches('…');
    assert!(
        long.starts_with(body) && long[body.len()..].starts_with(' '),
        "{short}"
    );
    let own = &since.progress[2];
    let short = own.short_note.as_deref().unwrap();
    assert!(crate::plain_text::width(short) <= NOTE_CELLS, "{short}");
    assert!(han.starts_with(short.trim_end_matches('…')));
    // The rule is stated where a note was cut …
    assert_eq!(
        since.notes_cut.as_deref(),
        Some(
            "Notes longer than 80 letters (40 Chinese characters) are printed cut short, ending in “…”; the whole note is in the assessment file."
        )
    );
    // … and nowhere else: a short note is printed whole.
    let (before, now) = earlier_and_now();
    let e = evaluate(&q, &before);
    let earlier = EarlierView {
        q: &q,
        a: &before,
        e: &e,
    };
    let since = sheet_of(&q, &now, Some(earlier)).since.unwrap();
    assert_eq!(since.progress[0].short_note.as_deref(), Some("every shift"));
    assert_eq!(since.notes_cut, None);
}

#[test]
fn the_printed_plan_gives_two_reasons_for_an_action_and_counts_the_others() {
    let full = crate::store::Catalog::bundled()
        .resolve("smart-manufacturing")
        .unwrap();
    let q = &full.questionnaire;
    let (mut many, mut few) = (0, 0);
    for f in crate::demo::cohort(q, "d", 12, 1) {
        let s = sheet_of(q, &f.assessment, None);
        for i in s.plan.groups.iter().flat_map(|g| &g.items) {
            let n = i.reasons.len();
            if n > REASONS_SHOWN {
                many += 1;
                let more = format!("and {} more", n - REASONS_SHOWN);
                assert_eq!(i.more_reasons.as_deref(), Some(more.as_str()), "{}", i.id);
            } else {
                few += 1;
                assert_eq!(i.more_reasons, None, "{}", i.id);
            }
        }
    }
    assert!(
        many > 0 && few > 0,
        "{many} actions with many reasons, {few} with few"
    );
}
