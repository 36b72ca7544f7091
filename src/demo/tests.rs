//! The demo cohort's promises: deterministic, varied, plausible, and a district's folder.

use super::*;
use crate::model::parse;

fn q() -> Questionnaire {
    parse::questionnaire(crate::score::tests::FEATURES)
        .unwrap()
        .0
}

#[test]
fn the_same_seed_gives_the_same_cohort_and_firms_do_not_depend_on_its_size() {
    let q = q();
    let a: Vec<String> = cohort(&q, "d", 40, 7)
        .iter()
        .map(|f| f.assessment.to_toml().unwrap())
        .collect();
    let b: Vec<String> = cohort(&q, "d", 40, 7)
        .iter()
        .map(|f| f.assessment.to_toml().unwrap())
        .collect();
    let c: Vec<String> = cohort(&q, "d", 20, 7)
        .iter()
        .map(|f| f.assessment.to_toml().unwrap())
        .collect();
    assert_eq!(a, b);
    assert_eq!(&a[..20], &c[..]);
    let other: Vec<String> = cohort(&q, "d", 40, 8)
        .iter()
        .map(|f| f.assessment.to_toml().unwrap())
        .collect();
    assert_ne!(a, other);
}

#[test]
fn the_cohort_is_varied_and_plausible() {
    let q = q();
    let files = cohort(&q, "d", 300, 1);
    let names: std::collections::HashSet<_> = files
        .iter()
        .map(|f| f.assessment.firm.name.clone())
        .collect();
    let revisits = files.len() - names.len();
    assert!(revisits > 5 && revisits < 60, "{revisits} re-visits");
    let complete = files
        .iter()
        .filter(|f| f.assessment.visit.status == Status::Complete)
        .count();
    assert!(complete > 150 && complete < 295, "{complete} complete");
    assert!(files.iter().any(|f| {
        f.assessment
            .answers
            .values()
            .any(|a| a.response == Some(Response::NotApplicable))
    }));
    assert!(
        files
            .iter()
            .any(|f| f.assessment.answers.values().any(|a| a.note.is_some()))
    );
    assert!(files.iter().any(|f| f.assessment.firm.name.is_ascii()));
    assert!(files.iter().any(|f| !f.assessment.firm.name.is_ascii()));
    assert!(
        files.iter().all(|f| f.assessment.visit.demo),
        "every file is marked as a demo, not a real firm"
    );
    // Every firm has a valid unified social credit code; a re-visit keeps it and names the
    // file of the visit it follows.
    for f in &files {
        let code = f.assessment.firm.id.as_deref().unwrap();
        assert_eq!(crate::model::credit_code::check(code), Ok(()), "{code}");
        if let Some(previous) = &f.assessment.visit.previous {
            let first = files.iter().find(|g| &g.name == previous).unwrap();
            assert!(first.name < f.name);
            assert_eq!(first.assessment.firm, f.assessment.firm);
        }
    }
    // Every file is a valid assessment of the questionnaire.
    for f in &files {
        let src = f.assessment.to_toml().unwrap();
        let (a, _) = parse::assessment(&src).unwrap();
        let mut problems = crate::model::validate::assessment(&a, &q, crate::i18n::Lang::En);
        problems.extend(crate::model::visit_checks::entry_problems(
            &a,
            &q,
            crate::i18n::Lang::En,
        ));
        assert!(
            problems
                .iter()
                .all(|p| p.severity != crate::model::Severity::Error),
            "{problems:?}"
        );
    }
}

#[test]
fn a_firm_strong_in_automation_tends_to_be_strong_in_data_too() {
    let catalog = crate::store::Catalog::bundled();
    let loaded = catalog.resolve("smart-manufacturing").unwrap();
    let q = &loaded.questionnaire;
    let (eq, data) = (
        q.dimension_index("equipment").unwrap(),
        q.dimension_index("connectivity").unwrap(),
    );
    let files = cohort(q, "d", 300, 3);
    let pairs: Vec<(f64, f64)> = files
        .iter()
        .filter_map(|f| {
            let c = score(q, &f.assessment);
            Some((c.dimensions[eq].score?, c.dimensions[data].score?))
        })
        .collect();
    let n = pairs.len() as f64;
    let (mx, my) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>();
    let vx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum::<f64>();
    let vy: f64 = pairs.iter().map(|p| (p.1 - my).powi(2)).sum::<f64>();
    let r = cov / (vx * vy).sqrt();
    assert!(r > 0.5, "correlation {r}");
}

fn bundled(id: &str) -> std::sync::Arc<crate::store::LoadedQuestionnaire> {
    crate::store::Catalog::bundled().resolve(id).unwrap()
}

fn district(firms: usize, seed: u64) -> Vec<DemoFile> {
    let (scan, full) = (bundled("quick-scan"), bundled("smart-manufacturing"));
    folder((&*scan).into(), (&*full).into(), firms, seed)
}

#[test]
fn a_district_folder_scans_many_firms_visits_some_and_follows_up_a_few() {
    let files = district(300, 5);
    let kind = |suffix: &str| files.iter().filter(|f| f.name.ends_with(suffix)).count();
    let (scans, visits, follow_ups) = (
        kind("-scan.toml"),
        kind("-visit.toml"),
        kind("-follow-up.toml"),
    );
    assert_eq!(scans, 300);
    assert!((30..150).contains(&visits), "{visits} full visits");
    assert!(
        follow_ups > 3 && follow_ups < visits / 2,
        "{follow_ups} follow-ups"
    );
    // Some firms the scan says to nurture are scanned again.
    let rescans = kind("-rescan.toml");
    assert!(rescans > 3 && rescans < scans / 4, "{rescans} second scans");
    assert_eq!(files.len(), scans + visits + follow_ups + rescans);
    let by_name = |name: &str| &files.iter().find(|f| f.name == name).unwrap().assessment;
    for f in &files {
        let a = &f.assessment;
        assert!(a.visit.demo);
        let stem: String = f.name.splitn(3, '-').take(2).collect::<Vec<_>>().join("-");
        let scan = by_name(&format!("{stem}-scan.toml"));
        // The same firm throughout: name, credit code, profile facts.
        assert_eq!(a.firm, scan.firm);
        assert_eq!(a.profile.get("employees"), scan.profile.get("employees"));
        assert_eq!(a.profile.get("industry"), scan.profile.get("industry"));
        let earlier = if f.name.ends_with("-follow-up.toml") {
            Some("visit")
        } else if f.name.ends_with("-rescan.toml") {
            Some("scan")
        } else {
            None
        };
        if let Some(earlier) = earlier {
            let previous = a.visit.previous.as_deref().unwrap();
            assert_eq!(previous, format!("{stem}-{earlier}.toml"));
            let visit = by_name(previous);
            assert!(a.visit.date > visit.visit.date);
            // Progress is reported on what was agreed, and only on that.
            for id in a.progress.keys() {
                assert_eq!(
                    visit.plan[id].decision,
                    Some(crate::model::Decision::Agreed),
                    "{id}"
                );
            }
        }
    }
    assert!(files.iter().any(|f| !f.assessment.progress.is_empty()));
}

#[test]
fn the_scan_sends_the_willing_firms_with_potential_on_not_half_of_all() {
    let files = district(400, 9);
    let scan = bundled("quick-scan");
    let q = &scan.questionnaire;
    let verdicts: Vec<Option<String>> = files
        .iter()
        .filter(|f| f.name.ends_with("-scan.toml"))
        .map(|f| verdict_id(q, &f.assessment))
        .collect();
    let given: Vec<&str> = verdicts.iter().flatten().map(String::as_str).collect();
    let share = |id: &str| given.iter().filter(|v| **v == id).count() as f64 / given.len() as f64;
    let now = share("full-visit-now");
    assert!((0.08..0.35).contains(&now), "full visit now for {now:.2}");
    assert!(share("nurture-first") > 0.1 && share("not-now") > 0.2);
}

#[test]
fn profiles_hang_together() {
    let files = district(400, 11);
    let text = |a: &Assessment, k: &str| {
        a.profile
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    for f in files.iter().filter(|f| f.name.ends_with("-visit.toml")) {
        let a = &f.assessment;
        let employees = a
            .profile
            .get("employees")
            .and_then(toml::Value::as_integer)
            .unwrap();
        if text(a, "chain-leader").as_deref() == Some("yes") {
            assert!(
                employees >= 200,
                "{}: a chain leader of {employees}",
                f.name
            );
        }
        if let Some(revenue) = text(a, "revenue") {
            // Between CNY 300k and 2 million a head: a firm of 20 does not turn over 400 million.
            let floor = [
                "below-20m",
                "20m-50m",
                "50m-200m",
                "200m-400m",
                "above-400m",
            ]
            .iter()
            .position(|r| *r == revenue)
            .unwrap();
            let per_head_max = 200.0 * employees as f64;
            let band_floor = [0.0, 2000.0, 5000.0, 20000.0, 40000.0][floor];
            assert!(
                band_floor <= per_head_max,
                "{}: {revenue} with {employees}",
                f.name
            );
        }
        let segment = text(a, "industry").unwrap();
        let product = text(a, "main-products");
        if let (Some(p), "stainless") = (product, segment.as_str()) {
            assert!(p.contains("不锈钢") || p.contains("tainless"), "{p}");
        }
    }
}

#[test]
fn an_exclusive_option_is_never_ticked_with_another() {
    // The interview cannot produce such an answer (rule 12), so neither does the demo.
    let loaded = bundled("smart-manufacturing");
    let q = &loaded.questionnaire;
    let mut alone = 0;
    for f in cohort(q, "d", 200, 3) {
        for r in q.questions() {
            if let Some(Response::Choices(cs)) = f.assessment.response(&r.question.id)
                && cs.iter().any(|c| r.question.is_exclusive(c))
            {
                assert_eq!(cs.len(), 1, "{} {cs:?}", r.question.id);
                alone += 1;
            }
        }
    }
    assert!(alone > 0, "some firms tick \"none of these\"");
}

#[test]
fn a_demo_visit_contradicts_none_of_the_checks_and_its_notes_fit_the_answers() {
    let files = district(200, 13);
    let (scan, full) = (bundled("quick-scan"), bundled("smart-manufacturing"));
    let mut notes = 0;
    for f in &files {
        let q = if f.assessment.questionnaire.id == scan.questionnaire.id {
            &scan.questionnaire
        } else {
            &full.questionnaire
        };
        let a = &f.assessment;
        let held: Vec<&str> = crate::evaluation::evaluate(q, a)
            .checks
            .iter()
            .map(|&i| q.check[i].id.as_str())
            .collect();
        assert!(held.is_empty(), "{}: {held:?}", f.name);
        // A Zhoucun folder: no firm named after another district of Zibo.
        for place in ["博山", "张店", "临淄", "Boshan", "Zhangdian", "Linzi"] {
            assert!(!a.firm.name.contains(place), "{}", a.firm.name);
        }
        // A note is evidence of the answer beside it: a strong answer never gets a note
        // written for a weak one, nor the other way round.
        let card = score(q, a);
        for r in q.questions() {
            let Some(note) = a
                .answers
                .get(&r.question.id)
                .and_then(|x| x.note.as_deref())
            else {
                continue;
            };
            notes += 1;
            let area = super::firm::AREAS[super::firm::area_of(&q.dimension[r.dimension].id)];
            let strong = card.questions[r.index].score.is_some_and(|s| s >= 3.0);
            let fits = super::names::notes(area, strong, true)
                .iter()
                .chain(super::names::notes(area, strong, false))
                .any(|n| *n == note);
            assert!(fits, "{}: {} noted {note:?}", f.name, r.question.id);
        }
    }
    assert!(notes > 100, "{notes} notes");
}

#[test]
fn an_expert_keeps_one_name_whatever_the_firms_language() {
    let files = district(300, 5);
    let assessors = |chinese: bool| -> std::collections::BTreeSet<&str> {
        files
            .iter()
            .filter(|f| f.assessment.firm.name.is_ascii() != chinese)
            .filter_map(|f| f.assessment.visit.assessor.as_deref())
            .collect()
    };
    let all: std::collections::BTreeSet<&str> = names::ASSESSORS.iter().copied().collect();
    // Every expert visits Chinese and English firms alike, under the one name.
    assert_eq!(assessors(true), all);
    assert_eq!(assessors(false), all);
}

#[test]
fn firms_give_reasons_for_what_they_decline_move_actions_and_add_their_own() {
    let files = district(300, 5);
    let (mut declined, mut moved, mut own) = (0, 0, 0);
    for f in &files {
        let a = &f.assessment;
        let loaded = bundled(&a.questionnaire.id);
        let q = &loaded.questionnaire;
        let chinese = !a.firm.name.is_ascii();
        for (id, entry) in &a.plan {
            let in_language = |s: &str| s.is_ascii() != chinese;
            if entry.decision == Some(Decision::Declined) {
                declined += 1;
                let reason = entry.note.as_deref().unwrap_or_default();
                assert!(
                    !reason.is_empty() && in_language(reason),
                    "{}: {id}",
                    f.name
                );
            }
            if let Some(r) = q.recommendation.iter().find(|r| &r.id == id) {
                assert!(entry.title.is_none());
                if entry.horizon.is_some_and(|h| h != r.horizon) {
                    moved += 1;
                }
            } else {
                own += 1;
                assert!(id.starts_with("own-"), "{}: {id}", f.name);
                let title = entry.title.as_deref().unwrap_or_default();
                assert!(!title.is_empty() && in_language(title), "{}: {id}", f.name);
                assert_eq!(entry.decision, Some(Decision::Agreed));
                assert!(entry.horizon.is_some() && entry.owner.is_some() && entry.due.is_some());
            }
        }
    }
    assert!(declined > 10, "{declined} declined");
    assert!(moved > 5, "{moved} moved to another horizon");
    assert!(own > 10, "{own} of the firms' own actions");
}

#[test]
fn a_small_folder_holds_several_follow_ups_with_every_kind_of_progress() {
    // The default demo (30 firms, seed 1) and the print test's (40 firms, seed 7): enough
    // follow-ups for the record's views, none after the cohort's last day.
    for (firms, seed) in [(30, 1), (40, 7)] {
        let files = district(firms, seed);
        let follow_ups: Vec<&Assessment> = files
            .iter()
            .filter(|f| f.name.ends_with("-follow-up.toml"))
            .map(|f| &f.assessment)
            .collect();
        assert!(follow_ups.len() >= 3, "{firms} firms: {}", follow_ups.len());
        let last = date_of(LAST_DAY);
        assert!(follow_ups.iter().all(|a| a.visit.date <= Some(last)));
        // What the follow-ups and the second scans report.
        let progress: Vec<&Progress> = files
            .iter()
            .filter(|f| f.assessment.visit.previous.is_some())
            .flat_map(|f| f.assessment.progress.values())
            .collect();
        for status in [
            ProgressStatus::Done,
            ProgressStatus::InProgress,
            ProgressStatus::NotStarted,
        ] {
            assert!(
                progress.iter().any(|p| p.status == Some(status)),
                "{firms}: {status:?}"
            );
        }
        assert!(
            progress
                .iter()
                .any(|p| p.support == Some(SupportOutcome::Granted))
        );
        assert!(progress.iter().any(|p| p.note.is_some()));
    }
    // Dropped actions and refused support, at a district's size.
    let files = district(300, 5);
    let progress: Vec<&Progress> = files
        .iter()
        .flat_map(|f| f.assessment.progress.values())
        .collect();
    assert!(
        progress
            .iter()
            .any(|p| p.status == Some(ProgressStatus::Dropped))
    );
    assert!(
        progress
            .iter()
            .any(|p| p.support == Some(SupportOutcome::Refused))
    );
}

#[test]
fn support_is_reported_only_for_an_action_that_names_an_instrument() {
    let files = district(300, 5);
    let mut own = 0;
    for f in files
        .iter()
        .filter(|f| f.assessment.visit.previous.is_some())
    {
        let loaded = bundled(&f.assessment.questionnaire.id);
        let q = &loaded.questionnaire;
        for (id, p) in &f.assessment.progress {
            let instrument = q
                .recommendation
                .iter()
                .find(|r| &r.id == id)
                .and_then(|r| r.support.as_ref());
            own += usize::from(id.starts_with("own-"));
            assert_eq!(
                p.support.is_some(),
                instrument.is_some(),
                "{}: {id}",
                f.name
            );
        }
    }
    assert!(own > 0, "progress on the firms' own actions");
}

#[test]
fn a_re_visit_of_one_questionnaire_reports_on_the_plan_of_the_file_it_names() {
    let loaded = bundled("smart-manufacturing");
    let files = cohort(&loaded.questionnaire, "d", 300, 1);
    let mut reported = 0;
    for f in &files {
        let Some(previous) = &f.assessment.visit.previous else {
            continue;
        };
        let first = &files
            .iter()
            .find(|g| &g.name == previous)
            .unwrap()
            .assessment;
        for id in f.assessment.progress.keys() {
            reported += 1;
            assert_eq!(
                first.plan[id].decision,
                Some(Decision::Agreed),
                "{}: {id}",
                f.name
            );
        }
    }
    assert!(reported > 10, "{reported} actions reported on");
}
