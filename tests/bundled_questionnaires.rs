//! The bundled questionnaires are the product's expertise: they must validate, cover what the
//! visits need, speak both languages, and advise a weak firm differently from a strong one.

use std::collections::HashSet;

use dmat::advise::advise;
use dmat::compare::view::instruments;
use dmat::model::condition::Condition;
use dmat::model::{
    Aggregate, Assessment, QuestionKind, Questionnaire, QuestionnaireRef, Response, Test, Text,
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
    assert!((45..=70).contains(&q.question_count()));
    assert!(q.recommendation.len() >= 35);
    let quick = bundled("quick-scan");
    let q = &quick.questionnaire;
    assert!((12..=16).contains(&q.question_count()));
    assert!(q.recommendation.len() >= 12);
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
        "market-tier",
        "main-products",
        "chain-leader",
        "srdi",
        "gazelle",
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
    let mut forms = HashSet::new();
    for r in &q.recommendation {
        let Some(when) = &r.when else { continue };
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
    assert!(
        low.len() >= 25,
        "a weak firm gets a full plan: {}",
        low.len()
    );
    assert!(
        high.len() < low.len() / 2,
        "a strong firm gets a short one: {high:?}"
    );
    for id in [
        "automation-diagnosis",
        "maintenance-plan",
        "owner-digital-training",
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
    // The weak firm's plan starts with high-priority steps.
    let first = full
        .questionnaire
        .recommendation
        .iter()
        .find(|r| r.id == low[0])
        .unwrap();
    assert_eq!(first.priority, dmat::model::Priority::High);
}

#[test]
fn the_quick_scan_sends_a_weak_willing_firm_to_the_full_visit() {
    let quick = bundled("quick-scan");
    let (_, low) = fired(&quick, &extreme_firm(&quick, false));
    let (_, high) = fired(&quick, &extreme_firm(&quick, true));
    assert_ne!(low, high);
    assert!(
        high.contains(&"full-visit-advanced".to_string()),
        "{high:?}"
    );
    assert!(!high.contains(&"full-visit".to_string()));
    assert!(low.len() > high.len());
    // An unwilling owner is trained first; a willing one gets the full visit.
    assert!(low.contains(&"owner-training-first".to_string()), "{low:?}");
    assert!(!low.contains(&"full-visit".to_string()));
    let mut willing = extreme_firm(&quick, false);
    willing.set_response("owner-attitude", Some(Response::Choice("curious".into())));
    let (_, willing) = fired(&quick, &willing);
    assert!(willing.contains(&"full-visit".to_string()), "{willing:?}");
}

/// The support instruments the district runs or can arrange, one Chinese and one English name
/// each, as `docs/questionnaire-authoring.md` lists them. The cohort view counts firms per
/// name, so a second wording of one instrument would split its count.
const INSTRUMENTS: [(&str, &str); 23] = [
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
        "区智能装备人才政策",
        "District talent policy for intelligent equipment",
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
