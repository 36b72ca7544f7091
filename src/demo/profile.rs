//! A demo firm's facts as a questionnaire asks them: profile fields by their id where the
//! bundled questionnaires define them (segment, head count, revenue band, designations …),
//! factual questions of the quick scan's potential (designations, revenue, growth), and a
//! plausible value for any other field.

use std::collections::BTreeMap;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::firm::Firm;
use super::{date_of, names, pick};
use crate::model::{ProfileField, ProfileKind, Question, Questionnaire, Response};

/// The profile of a firm for a questionnaire; optional fields are now and then left empty.
pub fn values(q: &Questionnaire, f: &Firm, rng: &mut ChaCha8Rng) -> BTreeMap<String, toml::Value> {
    q.profile
        .iter()
        .filter_map(|field| {
            if !field.required && rng.random_bool(0.05) {
                return None;
            }
            let v = known(field, f, rng).or_else(|| generic(field, f, rng))?;
            Some((field.id.clone(), v))
        })
        .collect()
}

/// Thresholds of the full visit's revenue bands, in 万元.
const REVENUE: [f64; 4] = [2000.0, 5000.0, 20000.0, 40000.0];
/// Thresholds of the quick scan's revenue bands, in 万元.
const REVENUE_SCAN: [f64; 4] = [500.0, 2000.0, 5000.0, 20000.0];

/// The option at the band `x` falls in, given ascending thresholds.
fn band(thresholds: &[f64], x: f64) -> usize {
    thresholds.iter().filter(|t| x >= **t).count()
}

/// A field the bundled questionnaires define, answered from the firm's facts; none when the
/// field is not one of them or its options differ.
fn known(field: &ProfileField, f: &Firm, rng: &mut ChaCha8Rng) -> Option<toml::Value> {
    let x = &f.facts;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let option = match field.id.as_str() {
        "industry" => x.segment.id,
        "market-tier" => ["high", "mid", "low"][x.tier],
        "chain-leader" => yes_no(x.chain_leader),
        "gazelle" => yes_no(x.gazelle),
        "tech-sme" => yes_no(x.tech_sme),
        "audited-accounts" => yes_no(x.audited),
        "srdi" => ["none", "innovative", "municipal", "provincial", "national"][x.srdi],
        "high-tech" => ["no", "applying", "yes"][x.high_tech],
        "profit" => ["loss", "thin", "moderate", "good"][x.profit],
        "debt-ratio" => ["below-40", "40-60", "60-70", "above-70"][x.debt],
        "premises" => ["owned", "rented", "mixed"][x.premises],
        "power-headroom" => ["ample", "tight", "expansion-needed"][x.power],
        "succession" => ["settled", "preparing", "open", "not-relevant"][x.succession],
        "revenue" => [
            "below-20m",
            "20m-50m",
            "50m-200m",
            "200m-400m",
            "above-400m",
        ][band(&REVENUE, x.revenue)],
        "employees" => return number(field, f64::from(x.employees)),
        "skilled-pay" => return number(field, f64::from(x.pay)),
        "founded" => return Some(toml::Value::Datetime(date_of(-365 * x.age_years))),
        "main-products" | "products" => {
            let (zh, en) = x.segment.products[x.product];
            return Some(toml::Value::String(if f.chinese { zh } else { en }.into()));
        }
        "contact" => {
            let list = if f.chinese {
                names::CONTACTS_ZH
            } else {
                names::CONTACTS_EN
            };
            return Some(toml::Value::String(pick(rng, list).into()));
        }
        _ => return None,
    };
    field
        .options
        .iter()
        .any(|o| o.id == option)
        .then(|| toml::Value::String(option.into()))
}

/// A number inside the field's range.
fn number(field: &ProfileField, x: f64) -> Option<toml::Value> {
    let [lo, hi] = field.range.unwrap_or([f64::MIN, f64::MAX]);
    Some(toml::Value::Integer(x.clamp(lo, hi).round() as i64))
}

/// Any other field: a choice that follows the firm's maturity, a number in range, a text.
fn generic(field: &ProfileField, f: &Firm, rng: &mut ChaCha8Rng) -> Option<toml::Value> {
    let rank = ((f.maturity - 2.0) / 2.0).clamp(0.0, 1.0);
    Some(match field.kind {
        ProfileKind::Choice if field.options.is_empty() => return None,
        ProfileKind::Choice => {
            let n = field.options.len();
            let x = (rank * 0.7 + rng.random::<f64>() * 0.3).powi(2);
            toml::Value::String(
                field.options[((x * n as f64) as usize).min(n - 1)]
                    .id
                    .clone(),
            )
        }
        ProfileKind::Number => {
            let [min, max] = field.range.unwrap_or([1.0, 1000.0]);
            let (a, b) = (min.max(1.0), max.min(2000.0).max(min.max(1.0) + 1.0));
            let x = (a.ln() + rng.random::<f64>() * (b.ln() - a.ln())).exp();
            toml::Value::Integer(x.round() as i64)
        }
        ProfileKind::Text => {
            let (zh, en) = f.facts.segment.products[f.facts.product];
            toml::Value::String(if f.chinese { zh } else { en }.into())
        }
        ProfileKind::Date => toml::Value::Datetime(date_of(-365 * f.facts.age_years)),
    })
}

/// The answer of a factual question of the quick scan's potential, from the firm's facts;
/// none for any other question, or when the options differ.
pub fn factual_answer(question: &Question, f: &Firm) -> Option<Response> {
    let x = &f.facts;
    let has = |id: &str| question.option(id).is_some();
    match question.id.as_str() {
        "designations" => {
            let mut held: Vec<&str> = Vec::new();
            held.extend(
                [
                    None,
                    Some("innovative"),
                    Some("municipal-srdi"),
                    Some("provincial-srdi"),
                    Some("little-giant"),
                ][x.srdi],
            );
            if x.high_tech == 2 {
                held.push("high-tech");
            }
            if x.tech_sme {
                held.push("tech-sme");
            }
            if x.gazelle {
                held.push("gazelle");
            }
            if held.is_empty() {
                held.push("none");
            }
            held.iter()
                .all(|id| has(id))
                .then(|| Response::Choices(held.iter().map(|s| s.to_string()).collect()))
        }
        "revenue-band" => {
            let id = ["below-5m", "5m-20m", "20m-50m", "50m-200m", "above-200m"]
                [band(&REVENUE_SCAN, x.revenue)];
            has(id).then(|| Response::Choice(id.into()))
        }
        "growth" => {
            let i = (((f.growth + 1.0) / 2.0 * 5.0) as usize).min(4);
            let id = ["shrinking", "flat", "growing", "fast", "very-fast"][i];
            has(id).then(|| Response::Choice(id.into()))
        }
        _ => None,
    }
}
