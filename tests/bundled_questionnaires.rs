//! The bundled questionnaires are the product's expertise: they must validate, cover what the
//! visits need, speak both languages, and advise a weak firm differently from a strong one.

use std::collections::HashSet;

use dmat::advise::advise;
use dmat::compare::view::instruments;
use dmat::evaluation::evaluate;
use dmat::model::condition::Condition;
use dmat::model::{
    Aggregate, Assessment, Horizon, QuestionKind, Questionnaire, QuestionnaireRef, RaiseTo,
    Response, Test, Text,
};
use dmat::score::score;
use dmat::store::{Catalog, LoadedQuestionnaire};

fn bundled(id: &str) -> std::sync::Arc<LoadedQuestionnaire> {
    let catalog = Catalog::bundled();
    assert!(
        catalog.broken.is_empty(),
        "{:?}",
        catalog
            .broken
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    catalog.resolve(id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn both() -> [std::sync::Arc<LoadedQuestionnaire>; 2] {
    [bundled("smart-manufacturing"), bundled("quick-scan")]
}

/// Every human-readable text of a questionnaire, with where it is.
fn texts(q: &Questionnaire) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = vec![("title".into(), &q.title)];
    out.extend(q.description.iter().map(|t| ("description".to_string(), t)));
    for s in &q.scale.stage {
        out.push((format!("stage {}", s.id), &s.label));
        out.extend(
            s.description
                .iter()
                .map(|t| (format!("stage {} description", s.id), t)),
        );
    }
    for f in &q.profile {
        out.push((format!("profile {}", f.id), &f.label));
        out.extend(f.help.iter().map(|t| (format!("profile {} help", f.id), t)));
        out.extend(
            f.options
                .iter()
                .map(|o| (format!("profile {} option {}", f.id, o.id), &o.label)),
        );
    }
    for d in &q.dimension {
        out.push((format!("dimension {}", d.id), &d.title));
        out.extend(
            d.description
                .iter()
                .map(|t| (format!("dimension {} description", d.id), t)),
        );
        for question in &d.question {
            let at = format!("question {}", question.id);
            out.push((at.clone(), &question.text));
            out.extend(question.help.iter().map(|t| (format!("{at} help"), t)));
            out.extend(question.unit.iter().map(|t| (format!("{at} unit"), t)));
            out.extend(
                question
                    .options
                    .iter()
                    .map(|o| (format!("{at} option {}", o.id), &o.text)),
            );
        }
    }
    for r in &q.recommendation {
        out.push((format!("recommendation {} title", r.id), &r.title));
        out.push((format!("recommendation {} action", r.id), &r.action));
        out.extend(
            r.support
                .iter()
                .map(|t| (format!("recommendation {} support", r.id), t)),
        );
        out.extend(
            r.cost
                .iter()
                .map(|t| (format!("recommendation {} cost", r.id), t)),
        );
    }
    for c in &q.check {
        out.push((format!("check {} message", c.id), &c.message));
    }
    for v in &q.verdict {
        out.push((format!("verdict {} title", v.id), &v.title));
        out.push((format!("verdict {} text", v.id), &v.text));
    }
    out
}

#[test]
fn both_validate_without_warnings() {
    for q in both() {
        assert!(
            q.warnings.is_empty(),
            "{}: {:?}",
            q.questionnaire.id,
            q.warning_lines()
        );
    }
}

#[test]
fn sizes_fit_a_full_visit_and_a_quick_scan() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    assert!((9..=12).contains(&q.dimension.len()));
    assert!((45..=60).contains(&q.question_count()));
    assert!(q.recommendation.len() >= 35);
    let quick = bundled("quick-scan");
    let q = &quick.questionnaire;
    assert!((12..=20).contains(&q.question_count()));
    assert!(q.recommendation.len() >= 12);
}

/// Questions the expert asks on site that count in a score: not on the pre-visit form, able to
/// score (a choice, or a number with bands) and of positive weight.
fn scored_on_site(q: &Questionnaire) -> Vec<&str> {
    q.questions()
        .filter(|r| {
            let question = r.question;
            let scorable = match question.kind {
                QuestionKind::Single | QuestionKind::Multi => true,
                QuestionKind::Number => !question.bands.is_empty(),
                QuestionKind::Text => false,
            };
            !question.previsit && scorable && question.weight > 0.0
        })
        .map(|r| r.question.id.as_str())
        .collect()
}

#[test]
fn the_full_visit_asks_at_most_40_scored_questions_on_site_and_the_rest_before() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let on_site = scored_on_site(q);
    assert!(
        on_site.len() <= 40,
        "{} on site: {on_site:?}",
        on_site.len()
    );
    let previsit: Vec<&str> = q
        .questions()
        .filter(|r| r.question.previsit)
        .map(|r| r.question.id.as_str())
        .collect();
    assert!(previsit.len() >= 10, "a pre-visit part: {previsit:?}");
    // Figures that come from records are asked before the visit, not on site.
    for id in [
        "rnd-spend",
        "cnc-share",
        "training-days",
        "titles",
        "upgrade-investment",
    ] {
        assert!(previsit.contains(&id), "{id} is on the pre-visit form");
    }
    // The firm fills in its own profile, all but the figures it may decline to give in person.
    let in_person = ["profit", "debt-ratio", "skilled-pay"];
    for f in &q.profile {
        assert_eq!(f.previsit, !in_person.contains(&f.id.as_str()), "{}", f.id);
    }
    // Dropped or merged after the review.
    for id in [
        "owner-learning",
        "machine-age",
        "other-systems",
        "data-flow",
        "local-sourcing",
        "training-forms",
        "policy-awareness",
        "credit-standing",
        "environmental",
        "remote-access",
    ] {
        assert!(q.question(id).is_none(), "{id} is gone");
    }
    // The quick scan is one conversation on site.
    let quick = bundled("quick-scan");
    assert!(
        quick
            .questionnaire
            .questions()
            .all(|r| !r.question.previsit)
    );
}

#[test]
fn a_stage_is_reached_only_with_the_dimensions_it_names_and_a_visit_done_enough() {
    for l in both() {
        let q = &l.questionnaire;
        assert!(
            (0.6..=0.9).contains(&q.scale.min_completeness),
            "{}: min_completeness {}",
            q.id,
            q.scale.min_completeness
        );
        let three = q.scale.stage.iter().find(|s| s.id == "3.0").unwrap();
        let systems = if q.id == "quick-scan" {
            "digital"
        } else {
            "systems"
        };
        for dim in ["equipment", systems, "quality"] {
            assert_eq!(
                three.requires.get(dim),
                Some(&2.75),
                "{}: 3.0 requires {dim}",
                q.id
            );
        }
        // Gates rise with the stages: no stage asks less of a dimension than the one before.
        let mut floor: std::collections::BTreeMap<&str, f64> = Default::default();
        for s in &q.scale.stage {
            for (d, x) in &s.requires {
                let before = floor.get(d.as_str()).copied().unwrap_or(q.scale.min);
                assert!(
                    *x >= before,
                    "{}: stage {} asks {d} {x} after {before}",
                    q.id,
                    s.id
                );
                floor.insert(d, *x);
            }
        }
    }
}

#[test]
fn both_use_the_five_stages_from_2_to_4_with_descriptions() {
    for l in both() {
        let q = &l.questionnaire;
        let ids: Vec<&str> = q.scale.stage.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["2.0", "2.5", "3.0", "3.5", "4.0"], "{}", q.id);
        assert_eq!((q.scale.min, q.scale.max), (2.0, 4.0));
        assert!(q.scale.stage.iter().all(|s| {
            s.description
                .as_ref()
                .is_some_and(|d| d.has("zh") && d.has("en"))
        }));
    }
}

#[test]
fn every_text_exists_in_chinese_and_english() {
    for l in both() {
        for (place, text) in texts(&l.questionnaire) {
            assert!(
                text.has("zh") && text.has("en"),
                "{}: {place} lacks a language",
                l.questionnaire.id
            );
        }
    }
}

#[test]
fn every_dimension_has_questions_and_at_least_two_recommendations() {
    for l in both() {
        let q = &l.questionnaire;
        for d in &q.dimension {
            assert!(
                !d.question.is_empty(),
                "{}: {} has no questions",
                q.id,
                d.id
            );
            let recs = q
                .recommendation
                .iter()
                .filter(|r| r.dimension.as_deref() == Some(d.id.as_str()))
                .count();
            let min = if q.id == "smart-manufacturing" { 2 } else { 1 };
            assert!(recs >= min, "{}: {} has {recs} recommendations", q.id, d.id);
        }
    }
}

#[test]
fn every_question_has_help_and_every_option_a_level_on_the_scale() {
    for l in both() {
        let q = &l.questionnaire;
        for r in q.questions() {
            let question = r.question;
            assert!(
                question.help.is_some(),
                "{}: {} has no help",
                q.id,
                question.id
            );
            let sum = question.aggregate == Aggregate::Sum;
            for o in &question.options {
                match o.level {
                    Some(level) => assert!(
                        (q.scale.min..=q.scale.max).contains(&level),
                        "{}",
                        question.id
                    ),
                    None => assert!(sum, "{}: option {} has no level", question.id, o.id),
                }
            }
            for b in &question.bands {
                assert!(
                    (q.scale.min..=q.scale.max).contains(&b.level),
                    "{}",
                    question.id
                );
            }
        }
    }
}

#[test]
fn the_profile_covers_the_district_firms() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let industry = q.profile_field("industry").expect("an industry field");
    let options: HashSet<&str> = industry.options.iter().map(|o| o.id.as_str()).collect();
    for want in ["fans", "motors", "stainless", "machine-tools", "other"] {
        assert!(options.contains(want), "industry option {want}");
    }
    for field in [
        "employees",
        "revenue",
        "profit",
        "debt-ratio",
        "premises",
        "power-headroom",
        "market-tier",
        "main-products",
        "chain-leader",
        "srdi",
        "high-tech",
        "tech-sme",
        "gazelle",
        "audited-accounts",
        "succession",
    ] {
        assert!(q.profile_field(field).is_some(), "profile field {field}");
    }
    let tiers: Vec<&str> = q
        .profile_field("market-tier")
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(tiers, ["high", "mid", "low"]);
}

#[test]
fn the_full_visit_uses_every_feature_of_the_format() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let kinds: HashSet<&str> = q.questions().map(|r| r.question.kind.id()).collect();
    assert_eq!(kinds.len(), 4, "all question kinds: {kinds:?}");
    let multis: Vec<_> = q
        .questions()
        .filter(|r| r.question.kind == QuestionKind::Multi)
        .collect();
    for agg in [Aggregate::Max, Aggregate::Mean, Aggregate::Sum] {
        assert!(
            multis.iter().any(|r| r.question.aggregate == agg),
            "{agg:?}"
        );
    }
    assert!(q.questions().any(|r| r.question.na));
    assert!(q.questions().any(|r| r.question.when.is_some()));
    assert!(q.questions().any(|r| r.question.weight != 1.0));
    assert!(q.dimension.iter().any(|d| d.weight != 1.0));
    assert!(
        q.questions()
            .any(|r| r.question.kind == QuestionKind::Number && !r.question.bands.is_empty())
    );
    assert!(q.questions().any(|r| r.question.previsit));
    assert!(
        q.questions()
            .flat_map(|r| &r.question.options)
            .any(|o| o.exclusive)
    );
    assert!(q.scale.stage.iter().any(|s| !s.requires.is_empty()));
    assert!(!q.check.is_empty() && !q.verdict.is_empty());
    assert!(q.recommendation.iter().any(|r| !r.after.is_empty()));
    let raise_keys: HashSet<&str> = q
        .recommendation
        .iter()
        .flat_map(|r| &r.raises)
        .map(|r| r.to.key())
        .collect();
    assert_eq!(
        raise_keys.len(),
        3,
        "choice, choices and value: {raise_keys:?}"
    );
    // Conditions of every form, in recommendations, checks and verdicts.
    let mut forms = HashSet::new();
    let conditions = q
        .recommendation
        .iter()
        .filter_map(|r| r.when.as_ref())
        .chain(q.check.iter().map(|c| &c.when))
        .chain(q.verdict.iter().filter_map(|v| v.when.as_ref()));
    for when in conditions {
        collect_forms(when, &mut forms);
    }
    for form in [
        "question any_of",
        "question all_of",
        "question below",
        "question at_least",
        "question answered",
        "profile any_of",
        "profile below",
        "profile at_least",
        "dimension below",
        "dimension at_least",
        "overall below",
        "overall at_least",
        "all",
        "any",
        "not",
    ] {
        assert!(forms.contains(form), "no recommendation uses `{form}`");
    }
}

fn collect_forms(c: &Condition, out: &mut HashSet<String>) {
    let test_name = |t: &Test| t.key().to_string();
    match c {
        Condition::Question { test, .. } => out.insert(format!("question {}", test_name(test))),
        Condition::Profile { test, .. } => out.insert(format!("profile {}", test_name(test))),
        Condition::Dimension { test, .. } => out.insert(format!("dimension {}", test_name(test))),
        Condition::Overall { test } => out.insert(format!("overall {}", test_name(test))),
        Condition::All(cs) | Condition::Any(cs) => {
            out.insert(
                if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                }
                .to_string(),
            );
            cs.iter().for_each(|c| collect_forms(c, out));
            true
        }
        Condition::Not(inner) => {
            out.insert("not".into());
            collect_forms(inner, out);
            true
        }
    };
}

/// A firm that answers every question at the lowest (or highest) level it offers.
fn extreme_firm(l: &LoadedQuestionnaire, high: bool) -> Assessment {
    let q = &l.questionnaire;
    let r = QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        digest: l.digest.clone(),
    };
    let mut a = Assessment::new(r, if high { "Strong firm" } else { "Weak firm" }, None);
    let profile: &[(&str, toml::Value)] = if high {
        &[
            ("industry", toml::Value::String("machine-tools".into())),
            ("employees", toml::Value::Integer(420)),
            ("market-tier", toml::Value::String("high".into())),
            ("srdi", toml::Value::String("national".into())),
            ("chain-leader", toml::Value::String("yes".into())),
        ]
    } else {
        &[
            ("industry", toml::Value::String("fans".into())),
            ("employees", toml::Value::Integer(35)),
            ("market-tier", toml::Value::String("low".into())),
            ("srdi", toml::Value::String("none".into())),
            ("chain-leader", toml::Value::String("no".into())),
        ]
    };
    for (k, v) in profile {
        if q.profile_field(k).is_some() {
            a.profile.insert(k.to_string(), v.clone());
        }
    }
    for r in q.questions() {
        let question = r.question;
        let by_level = |o: &&dmat::model::AnswerOption| o.level.unwrap_or(0.0);
        let response = match question.kind {
            QuestionKind::Single => {
                let pick = if high {
                    question
                        .options
                        .iter()
                        .max_by(|a, b| by_level(a).total_cmp(&by_level(b)))
                } else {
                    question
                        .options
                        .iter()
                        .min_by(|a, b| by_level(a).total_cmp(&by_level(b)))
                };
                Response::Choice(pick.unwrap().id.clone())
            }
            QuestionKind::Multi if question.aggregate == Aggregate::Sum => Response::Choices(
                question
                    .options
                    .iter()
                    .filter(|o| high == (o.points() > 0.0))
                    .map(|o| o.id.clone())
                    .collect(),
            ),
            QuestionKind::Multi => {
                let target = if high { q.scale.max } else { q.scale.min };
                let chosen: Vec<String> = question
                    .options
                    .iter()
                    .filter(|o| o.level == Some(target))
                    .map(|o| o.id.clone())
                    .collect();
                Response::Choices(chosen)
            }
            QuestionKind::Number => {
                let band = if high {
                    question.bands.last()
                } else {
                    question.bands.first()
                };
                Response::Value(band.map_or(1.0, |b| b.from))
            }
            QuestionKind::Text => Response::Text("资金不足".into()),
        };
        a.set_response(&question.id, Some(response));
    }
    a
}

fn fired(l: &LoadedQuestionnaire, a: &Assessment) -> (Option<f64>, Vec<String>) {
    let q = &l.questionnaire;
    let card = score(q, a);
    (
        card.overall,
        advise(q, a, &card)
            .iter()
            .map(|f| f.recommendation.id.clone())
            .collect(),
    )
}

#[test]
fn a_weak_firm_and_a_strong_firm_get_different_advice() {
    let full = bundled("smart-manufacturing");
    let (low_score, low) = fired(&full, &extreme_firm(&full, false));
    let (high_score, high) = fired(&full, &extreme_firm(&full, true));
    assert!(low_score.unwrap() < 2.3, "{low_score:?}");
    assert!(high_score.unwrap() > 3.7, "{high_score:?}");
    assert!(low.len() >= 25, "a weak firm has much to do: {}", low.len());
    assert!(
        high.len() < low.len() / 2,
        "a strong firm gets a short list: {high:?}"
    );
    for id in [
        "first-automation-project",
        "maintenance-plan",
        "work-instructions",
        "owner-digital-training",
        "material-coding",
        "erp-basic",
        "backup-basics",
    ] {
        assert!(low.contains(&id.to_string()), "weak firm: {id} in {low:?}");
        assert!(!high.contains(&id.to_string()), "strong firm: {id}");
    }
    for id in ["digital-twin", "chain-data-sharing", "smart-factory-demo"] {
        assert!(
            high.contains(&id.to_string()),
            "strong firm: {id} in {high:?}"
        );
        assert!(!low.contains(&id.to_string()), "weak firm: {id}");
    }
    // The weak firm's list starts with high-priority steps.
    let first = full
        .questionnaire
        .recommendation
        .iter()
        .find(|r| r.id == low[0])
        .unwrap();
    assert_eq!(first.priority, dmat::model::Priority::High);
}

/// The verdict of rule 11, by id.
fn verdict(l: &LoadedQuestionnaire, a: &Assessment) -> Option<String> {
    let q = &l.questionnaire;
    evaluate(q, a).verdict(q).map(|v| v.id.clone())
}

#[test]
fn the_quick_scan_reserves_the_full_visit_for_willing_firms_with_potential() {
    let quick = bundled("quick-scan");
    let ids: Vec<&str> = quick
        .questionnaire
        .verdict
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(ids, ["full-visit-now", "nurture-first", "not-now"]);
    // The potential dimension ranks firms but never counts in the overall score.
    let potential = quick
        .questionnaire
        .dimension
        .iter()
        .find(|d| d.id == "potential")
        .unwrap();
    assert_eq!(potential.weight, 0.0);

    let strong = extreme_firm(&quick, true);
    assert_eq!(verdict(&quick, &strong).as_deref(), Some("full-visit-now"));
    let weak = extreme_firm(&quick, false);
    assert_eq!(verdict(&quick, &weak).as_deref(), Some("not-now"));
    // A willing owner of a small firm that does not grow: nurture, not a full visit.
    let mut willing = extreme_firm(&quick, false);
    willing.set_response("owner-attitude", Some(Response::Choice("curious".into())));
    willing.set_response("growth", Some(Response::Choice("growing".into())));
    willing.set_response("revenue-band", Some(Response::Choice("20m-50m".into())));
    assert_eq!(verdict(&quick, &willing).as_deref(), Some("nurture-first"));
    // The same owner with a fast-growing, recognised firm: the full visit now.
    willing.set_response("growth", Some(Response::Choice("fast".into())));
    willing.set_response(
        "designations",
        Some(Response::Choices(vec!["gazelle".into()])),
    );
    assert_eq!(verdict(&quick, &willing).as_deref(), Some("full-visit-now"));
    // An unwilling owner of a firm with potential is worth winning over.
    willing.set_response(
        "owner-attitude",
        Some(Response::Choice("indifferent".into())),
    );
    assert_eq!(verdict(&quick, &willing).as_deref(), Some("nurture-first"));
    // A scan broken off early has no verdict.
    let mut early = extreme_firm(&quick, true);
    let ids: Vec<String> = quick
        .questionnaire
        .questions()
        .skip(4)
        .map(|r| r.question.id.clone())
        .collect();
    for id in ids {
        early.set_response(&id, None);
    }
    assert_eq!(verdict(&quick, &early), None);
}

#[test]
fn the_full_visit_names_a_path_by_market_tier() {
    let full = bundled("smart-manufacturing");
    let mut firm = extreme_firm(&full, false);
    assert_eq!(verdict(&full, &firm).as_deref(), Some("foundations-first"));
    // A firm between 2.5 and 3.5: the tier switches the path.
    for r in full.questionnaire.questions() {
        if r.question.kind == QuestionKind::Single
            && let Some(o) = r.question.options.iter().find(|o| o.level == Some(3.0))
        {
            firm.set_response(&r.question.id, Some(Response::Choice(o.id.clone())));
        }
    }
    let tier = |t: &str| toml::Value::String(t.into());
    firm.profile.insert("market-tier".into(), tier("low"));
    assert_eq!(
        verdict(&full, &firm).as_deref(),
        Some("automation-cost-down")
    );
    firm.profile.insert("market-tier".into(), tier("high"));
    assert_eq!(
        verdict(&full, &firm).as_deref(),
        Some("intelligent-quality")
    );
    firm.profile.remove("market-tier");
    assert_eq!(verdict(&full, &firm).as_deref(), Some("targeted-upgrade"));
    let strong = extreme_firm(&full, true);
    assert_eq!(verdict(&full, &strong).as_deref(), Some("demonstration"));
}

/// The bundled files as written, to see which keys a recommendation spells out.
fn written(id: &str) -> toml::Table {
    let src = match id {
        "smart-manufacturing" => include_str!("../questionnaires/smart-manufacturing.toml"),
        _ => include_str!("../questionnaires/quick-scan.toml"),
    };
    src.parse().unwrap()
}

/// Recommendations whose result is a status, a decision or a document rather than an answer
/// of the questionnaire, so they raise nothing; every other recommendation says what the
/// answers will be once it is done. A new one here needs that reason.
const WITHOUT_RAISES: [&str; 13] = [
    // statuses and recognitions, in the profile rather than the answers
    "srdi-pathway",
    "high-tech-application",
    "smart-factory-demo",
    "first-unit-insurance",
    "green-factory",
    "demo-candidate",
    // the firm's own circumstances: the successor, the power supply, the books
    "successor-project",
    "power-upgrade",
    "funding-plan",
    "financial-standardisation",
    // grouping, a register and an outside electrician for very small firms: no question asks
    // about them, and the firm's own engineers do not change
    "tier-grouping",
    "small-firm-basics",
    "electrical-service-partner",
];

#[test]
fn every_recommendation_is_costed_weighed_and_says_what_it_changes() {
    for l in both() {
        let q = &l.questionnaire;
        let table = written(&q.id);
        let recs = table["recommendation"].as_array().unwrap();
        for r in recs {
            let r = r.as_table().unwrap();
            let id = r["id"].as_str().unwrap();
            assert!(r.contains_key("effort"), "{}: {id} has no effort", q.id);
            assert!(r.contains_key("cost"), "{}: {id} has no cost", q.id);
        }
        let with_raises = q
            .recommendation
            .iter()
            .filter(|r| !r.raises.is_empty())
            .count();
        assert!(
            with_raises * 5 >= q.recommendation.len() * 4,
            "{}: {with_raises} of {} with raises",
            q.id,
            q.recommendation.len()
        );
        for r in &q.recommendation {
            assert_eq!(
                r.raises.is_empty(),
                WITHOUT_RAISES.contains(&r.id.as_str()),
                "{}: {} raises {:?}",
                q.id,
                r.id,
                r.raises
            );
        }
    }
}

#[test]
fn every_raise_lifts_an_answer_above_the_bottom_of_the_scale() {
    for l in both() {
        let q = &l.questionnaire;
        for r in &q.recommendation {
            for raise in &r.raises {
                let question = q.question(&raise.question).unwrap();
                let level = match &raise.to {
                    RaiseTo::Choice(id) => question.option(id).and_then(|o| o.level),
                    RaiseTo::Choices(ids) => ids
                        .iter()
                        .filter_map(|id| question.option(id))
                        .map(|o| o.level.unwrap_or(o.points()))
                        .reduce(f64::max),
                    RaiseTo::Value(v) => Some(question.band_level(*v, q.scale.min)),
                };
                let level = level.unwrap_or(0.0);
                // Sum questions raise points; every other raise lands above the scale's floor
                // (a weight-0 record raises too, so the district sees what changes).
                if question.aggregate != Aggregate::Sum {
                    assert!(
                        level > q.scale.min,
                        "{}: {} raises {} to the bottom",
                        q.id,
                        r.id,
                        raise.question
                    );
                }
            }
        }
    }
}

#[test]
fn foundations_come_first_and_no_recommendation_waits_on_itself() {
    for l in both() {
        let q = &l.questionnaire;
        let after = |id: &str| -> &[String] {
            q.recommendation
                .iter()
                .find(|r| r.id == id)
                .map_or(&[], |r| r.after.as_slice())
        };
        // Depth-first walk along `after`: a recommendation met again on its own path closes
        // a cycle.
        fn walk<'a>(id: &'a str, after: &dyn Fn(&str) -> &'a [String], path: &mut Vec<&'a str>) {
            assert!(!path.contains(&id), "cycle: {path:?} -> {id}");
            path.push(id);
            for next in after(id) {
                walk(next, after, path);
            }
            path.pop();
        }
        for r in &q.recommendation {
            walk(&r.id, &after, &mut Vec::new());
        }
    }
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let needs = |id: &str, first: &str| {
        let r = q.recommendation.iter().find(|r| r.id == id).unwrap();
        assert!(r.after.iter().any(|a| a == first), "{id} after {first}");
    };
    // Work instructions and maintenance before automation; part numbers before ERP; ERP
    // before MES; a network before machine data.
    needs("first-automation-project", "work-instructions");
    needs("first-automation-project", "maintenance-plan");
    needs("automation-next-step", "maintenance-plan");
    needs("erp-basic", "material-coding");
    needs("mes-pilot", "erp-production-planning");
    needs("mes-pilot", "material-coding");
    needs("machine-data-collection", "shopfloor-network");
}

#[test]
fn consistency_checks_catch_the_contradictions_the_review_found() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let holds = |a: &Assessment| -> Vec<String> {
        evaluate(q, a)
            .checks
            .iter()
            .map(|&i| q.check[i].id.clone())
            .collect()
    };
    let mut a = extreme_firm(&full, false);
    assert_eq!(
        holds(&a),
        Vec::<String>::new(),
        "a plain weak firm contradicts nothing"
    );
    a.profile
        .insert("chain-leader".into(), toml::Value::String("yes".into()));
    a.profile
        .insert("employees".into(), toml::Value::Integer(3));
    a.set_response("demand-planning", Some(Response::Choice("mrp".into())));
    a.set_response("machine-connected", Some(Response::Value(47.0)));
    let found = holds(&a);
    for id in [
        "chain-leader-size",
        "paper-ledgers-mrp",
        "no-network-connected-machines",
    ] {
        assert!(found.contains(&id.to_string()), "{id} in {found:?}");
    }
    assert!(holds(&extreme_firm(&full, true)).is_empty());

    // A high-tech firm is held to the R&D share of its revenue band: 5% up to CNY 50
    // million, 4% up to 200 million, 3% above.
    let mut firm = extreme_firm(&full, true);
    firm.profile
        .insert("high-tech".into(), toml::Value::String("yes".into()));
    let cases = [
        ("20m-50m", 4.2, true),
        ("20m-50m", 5.5, false),
        ("50m-200m", 3.6, true),
        ("50m-200m", 4.2, false),
        ("above-400m", 3.2, false),
        ("above-400m", 2.5, true),
    ];
    for (revenue, share, flagged) in cases {
        firm.profile
            .insert("revenue".into(), toml::Value::String(revenue.into()));
        firm.set_response("rnd-spend", Some(Response::Value(share)));
        assert_eq!(
            holds(&firm).contains(&"high-tech-low-rnd".to_string()),
            flagged,
            "revenue {revenue}, R&D {share}%"
        );
    }
}

/// The support instruments the district runs or can arrange, one Chinese and one English name
/// each, as `docs/questionnaire-authoring.md` lists them. The cohort view counts firms per
/// name, so a second wording of one instrument would split its count.
const INSTRUMENTS: [(&str, &str); 27] = [
    ("供需对接活动", "Supply–demand matchmaking events"),
    (
        "“链主”企业对标调研",
        "Benchmarking visits to chain-leader firms",
    ),
    ("制造业联盟", "Manufacturing alliance"),
    (
        "工业互联网精准助企活动",
        "Industrial-internet 'precise help' visits",
    ),
    (
        "自动化、工业设计专家“一对一”调研",
        "One-to-one visits by automation and industrial-design experts",
    ),
    ("一企一策专家会诊", "One-firm-one-policy expert diagnosis"),
    (
        "装备业数字化升级培训班",
        "Digital-upgrade training for equipment makers",
    ),
    ("企业金融辅导", "Financial counselling"),
    ("“人才贷”", "Talent loan"),
    ("“技改贷”", "Technical-upgrade loan"),
    ("“科创贷”", "Sci-tech loan"),
    ("产业链主办银行", "Industrial-chain lead bank"),
    ("供应链金融", "Supply-chain finance"),
    ("职称评审绿色通道", "Professional-title green channel"),
    ("职业院校合作", "Vocational-college cooperation"),
    (
        "区智能装备产业高端人才库",
        "District talent pool for intelligent equipment",
    ),
    ("产学研合作", "Industry–university–research cooperation"),
    ("产业技术创新战略联盟", "Technology-innovation alliances"),
    (
        "技术改造补贴和奖励",
        "Technical-transformation subsidies and rewards",
    ),
    ("省级以上专项资金", "Provincial and national special funds"),
    (
        "智能制造试点示范",
        "Smart-manufacturing pilots and demonstration",
    ),
    (
        "专精特新梯度培育",
        "Tiered cultivation of specialised-and-new firms",
    ),
    (
        "同类企业抱团与分档指导",
        "Grouping similar firms by market tier",
    ),
    (
        "大规模设备更新政策",
        "Large-scale equipment renewal programme",
    ),
    (
        "首台套和首批次保险补偿",
        "First-unit and first-batch insurance compensation",
    ),
    (
        "工业节能诊断服务",
        "Industrial energy-saving diagnosis service",
    ),
    ("科技型企业培育", "Technology-firm cultivation"),
];

#[test]
fn support_texts_name_instruments_from_one_vocabulary_in_both_languages() {
    let mut used = HashSet::new();
    for l in both() {
        let q = &l.questionnaire;
        let mut with_support = 0;
        for r in &q.recommendation {
            let Some(support) = &r.support else { continue };
            with_support += 1;
            let zh = instruments(support.get(&["zh"]));
            let en = instruments(support.get(&["en"]));
            assert!(!zh.is_empty(), "{}: {} names no instrument", q.id, r.id);
            let pairs: Vec<(&str, &str)> = zh
                .iter()
                .map(|name| {
                    INSTRUMENTS
                        .iter()
                        .copied()
                        .find(|(z, _)| z == name)
                        .unwrap_or_else(|| {
                            panic!("{}: {} names 「{name}」, not in the vocabulary", q.id, r.id)
                        })
                })
                .collect();
            for name in &en {
                assert!(
                    INSTRUMENTS.iter().any(|(_, e)| e == name),
                    "{}: {} names \"{name}\", not in the vocabulary",
                    q.id,
                    r.id
                );
            }
            let want: Vec<&str> = pairs.iter().map(|(_, e)| *e).collect();
            assert_eq!(
                en, want,
                "{}: {} names other instruments in English than in Chinese",
                q.id, r.id
            );
            let distinct: HashSet<&str> = zh.iter().copied().collect();
            assert_eq!(
                distinct.len(),
                zh.len(),
                "{}: {} repeats an instrument",
                q.id,
                r.id
            );
            used.extend(pairs);
        }
        assert!(
            with_support * 10 >= q.recommendation.len() * 9,
            "{}: most recommendations point to support",
            q.id
        );
    }
    // Every name of the vocabulary is used, so the list holds no stale entries.
    for pair in INSTRUMENTS {
        assert!(used.contains(&pair), "{pair:?} is never used");
    }
}

#[test]
fn the_vocabulary_has_one_name_per_instrument_in_each_language() {
    let zh: HashSet<&str> = INSTRUMENTS.iter().map(|(z, _)| *z).collect();
    let en: HashSet<&str> = INSTRUMENTS.iter().map(|(_, e)| *e).collect();
    assert_eq!(zh.len(), INSTRUMENTS.len());
    assert_eq!(en.len(), INSTRUMENTS.len());
    for (z, e) in INSTRUMENTS {
        // A name is counted whole: no separator or bracket may cut it.
        assert_eq!(instruments(z), [z]);
        assert_eq!(instruments(e), [e]);
    }
}

#[test]
fn every_finished_quick_scan_of_the_demo_cohort_has_a_verdict() {
    let (scan, full) = (bundled("quick-scan"), bundled("smart-manufacturing"));
    let files = dmat::demo::folder((&*scan).into(), (&*full).into(), 300, 1);
    let mut scans = 0;
    for f in files.iter().filter(|f| f.name.ends_with("-scan.toml")) {
        if !evaluate(&scan.questionnaire, &f.assessment)
            .card
            .provisional
        {
            scans += 1;
            assert!(
                verdict(&scan, &f.assessment).is_some(),
                "{} has no verdict",
                f.name
            );
        }
    }
    assert!(scans > 150, "{scans} finished scans");
}

#[test]
fn a_firm_at_industry_2_gets_a_short_plan_with_foundations_first() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let firm = extreme_firm(&full, false);
    let e = evaluate(q, &firm);
    let ids = |h: Horizon| -> Vec<&str> { e.ids(q, e.horizon(h)) };
    let (short, medium, long) = (
        ids(Horizon::Short),
        ids(Horizon::Medium),
        ids(Horizon::Long),
    );
    assert!(short.len() <= 4 && medium.len() <= 4 && long.len() <= 3);
    // Work instructions and maintenance now; the first automation project after them; part
    // numbers before the ERP.
    for id in ["maintenance-plan", "work-instructions", "material-coding"] {
        assert!(
            short.contains(&id),
            "{id} in the first six months: {short:?}"
        );
    }
    assert!(medium.contains(&"first-automation-project"), "{medium:?}");
    assert!(medium.contains(&"erp-basic"), "{medium:?}");
    // The plan moves the firm, and the rest waits as "later" rather than crowding the sheet.
    let projected = e.projected_end().overall().unwrap();
    assert!(projected > e.card.overall.unwrap() + 0.1, "{projected}");
    assert!(!e.plan.later.is_empty());
    // The quick scan leaves a first visit with a few steps only.
    let quick = bundled("quick-scan");
    let e = evaluate(&quick.questionnaire, &extreme_firm(&quick, false));
    let planned = e.plan.planned().count();
    assert!((3..=6).contains(&planned), "{planned} steps");
}

/// Whether a condition speaks of anything but the profile: a question, a dimension or the
/// overall score.
fn names_an_answer(c: &Condition) -> bool {
    match c {
        Condition::Profile { .. } => false,
        Condition::Question { .. } | Condition::Dimension { .. } | Condition::Overall { .. } => {
            true
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().any(names_an_answer),
        Condition::Not(inner) => names_an_answer(inner),
    }
}

#[test]
fn a_firm_that_answered_nothing_is_advised_only_on_what_its_profile_says() {
    for l in both() {
        let q = &l.questionnaire;
        for high in [false, true] {
            // The profile as the firm gave it, every question left open.
            let mut a = extreme_firm(&l, high);
            let ids: Vec<String> = q.questions().map(|r| r.question.id.clone()).collect();
            for id in ids {
                a.set_response(&id, None);
            }
            let e = evaluate(q, &a);
            assert!(
                e.verdict(q).is_none(),
                "{}: a verdict without answers",
                q.id
            );
            assert!(e.checks.is_empty(), "{}: a check without answers", q.id);
            let card = score(q, &a);
            for f in advise(q, &a, &card) {
                let r = f.recommendation;
                assert!(
                    !r.when.as_ref().is_some_and(names_an_answer),
                    "{}: {} fires on answers the firm did not give",
                    q.id,
                    r.id
                );
            }
        }
        // Without a profile either, nothing at all.
        let mut blank = extreme_firm(&l, false);
        blank.profile.clear();
        let ids: Vec<String> = q.questions().map(|r| r.question.id.clone()).collect();
        for id in ids {
            blank.set_response(&id, None);
        }
        let card = score(q, &blank);
        let fired: Vec<&str> = advise(q, &blank, &card)
            .iter()
            .map(|f| f.recommendation.id.as_str())
            .collect();
        assert!(fired.is_empty(), "{}: {fired:?} for a blank visit", q.id);
    }
}

#[test]
fn only_a_firm_that_reached_3_5_is_told_it_is_networked() {
    let full = bundled("smart-manufacturing");
    let q = &full.questionnaire;
    let mut firm = extreme_firm(&full, true);
    assert_eq!(verdict(&full, &firm).as_deref(), Some("demonstration"));
    // Strong everywhere but on the shop-floor network: the overall stays above 3.5, the
    // stage is held below it, and the headline must not speak of networked machines.
    firm.set_response("network-coverage", Some(Response::Choice("none".into())));
    firm.set_response("machine-connected", Some(Response::Value(0.0)));
    firm.set_response(
        "data-recording",
        Some(Response::Choices(vec!["paper".into()])),
    );
    let e = evaluate(q, &firm);
    assert!(e.card.overall.unwrap() >= 3.5, "{:?}", e.card.overall);
    let v = verdict(&full, &firm);
    assert_ne!(v.as_deref(), Some("demonstration"));
    assert_eq!(v.as_deref(), Some("intelligent-quality"));
    let ids: Vec<&str> = advise(q, &firm, &score(q, &firm))
        .iter()
        .map(|f| f.recommendation.id.as_str())
        .collect();
    for id in ["smart-factory-demo", "digital-twin", "data-analytics"] {
        assert!(
            !ids.contains(&id),
            "{id} for a firm without connected machines"
        );
    }
}

#[test]
fn no_recommendation_names_a_date_its_horizon_may_contradict() {
    // The plan may place an action a horizon or two after its own: only `horizon` says when.
    let words = [
        "本月",
        "今年",
        "本季度",
        "明年",
        "this month",
        "this year",
        "this quarter",
        "next year",
    ];
    for l in both() {
        let q = &l.questionnaire;
        for r in &q.recommendation {
            for (what, text) in [("title", &r.title), ("action", &r.action)] {
                for lang in ["zh", "en"] {
                    let t = text.get(&[lang]).to_lowercase();
                    for w in words {
                        assert!(!t.contains(w), "{}: {} {what} says {w:?}", q.id, r.id);
                    }
                }
            }
        }
    }
}
