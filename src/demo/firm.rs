//! Who a demo firm is, independent of any one visit: its name and unified social credit code,
//! its segment, size, revenue and main products, its designations, and how mature it is in
//! each area. The facts hang together: revenue follows head count and segment, a chain leader
//! is large, designations go to the larger and more mature firms.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::names::{self, Segment};
use super::{normal, stream, weighted_index};
use crate::model::credit_code;

/// The areas a firm can be stronger or weaker in; a dimension is mapped onto one of them by
/// its id, so that a firm strong in equipment is strong in it on every questionnaire.
pub const AREAS: [&str; 11] = [
    "strategy",
    "rnd",
    "equipment",
    "digital",
    "quality",
    "chain",
    "talent",
    "finance",
    "energy",
    "security",
    "potential",
];

/// The area a dimension id belongs to; an unknown id gets one by its letters, always the same.
pub fn area_of(dimension: &str) -> usize {
    let name = match dimension {
        "connectivity" | "systems" | "digital" | "data" => "digital",
        "supply-chain" | "chain" => "chain",
        "investment" => "finance",
        other => other,
    };
    AREAS
        .iter()
        .position(|a| *a == name)
        .unwrap_or_else(|| dimension.bytes().map(usize::from).sum::<usize>() % AREAS.len())
}

/// A demo firm.
pub struct Firm {
    pub name: String,
    /// Unified social credit code, valid by GB 32100-2015.
    pub code: String,
    pub chinese: bool,
    /// General maturity on the scale 2–4.
    pub maturity: f64,
    /// Departures from the general maturity, one per area.
    pub offsets: [f64; AREAS.len()],
    /// Revenue growth, −1 (shrinking) to 1 (very fast).
    pub growth: f64,
    pub facts: Facts,
    /// Days after the cohort's start of the firm's first visit.
    pub first_day: i64,
}

/// The firm's facts, from which profile fields and factual questions are answered.
pub struct Facts {
    pub segment: &'static Segment,
    pub employees: u32,
    /// Revenue in 万元 (CNY 10,000).
    pub revenue: f64,
    /// Index into the segment's products.
    pub product: usize,
    /// 0 high end, 1 mid range, 2 low end.
    pub tier: usize,
    pub chain_leader: bool,
    /// none, innovative, municipal, provincial, national.
    pub srdi: usize,
    /// no, applying, yes.
    pub high_tech: usize,
    pub tech_sme: bool,
    pub gazelle: bool,
    /// loss, thin, moderate, good.
    pub profit: usize,
    /// below-40, 40-60, 60-70, above-70.
    pub debt: usize,
    pub audited: bool,
    /// owned, rented, mixed.
    pub premises: usize,
    /// ample, tight, expansion-needed.
    pub power: usize,
    /// settled, preparing, open, not-relevant.
    pub succession: usize,
    /// Monthly pay of skilled workers, CNY.
    pub pay: u32,
    /// Years since founding.
    pub age_years: i64,
}

/// The firm at `index` of the cohort of `seed`: the same whatever the cohort's size.
pub fn firm(seed: u64, index: usize) -> Firm {
    let mut rng = stream(seed, index, 0);
    let segment = names::segment(rng.random_range(0..names::SEGMENTS.len()));
    // Most firms are small: head count log-spread from about 6 to 800, bunched at the low end.
    let size: f64 = rng.random::<f64>().powf(1.4);
    let employees = (6.0_f64.ln() + size * (800.0_f64.ln() - 6.0_f64.ln()))
        .exp()
        .round() as u32;
    // Most firms sit low on the scale; larger firms a little higher.
    let u: f64 = rng.random();
    let maturity = 2.0 + 2.0 * (0.5 * u.powf(2.2) + 0.15 * size);
    let rank = ((maturity - 2.0) / 2.0).clamp(0.0, 1.0);
    let mut offsets = [0.0; AREAS.len()];
    for o in &mut offsets {
        *o = normal(&mut rng) * 0.2;
    }
    let growth = (normal(&mut rng) * 0.45 + rank * 0.5 - 0.15).clamp(-1.0, 1.0);
    let facts = facts(&mut rng, segment, employees, rank, growth);
    let chinese = rng.random_bool(0.75);
    Firm {
        name: names::firm_name(index, segment, chinese),
        code: credit_code_of(&mut rng),
        chinese,
        maturity,
        offsets,
        growth,
        facts,
        first_day: rng.random_range(0..480),
    }
}

fn facts(
    rng: &mut ChaCha8Rng,
    segment: &'static Segment,
    employees: u32,
    rank: f64,
    growth: f64,
) -> Facts {
    let per_head = rng.random_range(segment.revenue_per_head.0..segment.revenue_per_head.1);
    let revenue = f64::from(employees) * per_head;
    let big = employees >= 200;
    let tier_draw = rank * 0.8 + rng.random::<f64>() * 0.5;
    let tier = if tier_draw > 0.75 {
        0
    } else if tier_draw > 0.4 {
        1
    } else {
        2
    };
    let srdi_draw = rank * 0.7 + f64::from(employees.min(400)) / 400.0 * 0.3;
    let srdi = match rng.random::<f64>() * 0.6 + srdi_draw * 0.6 {
        x if x > 1.0 => 4,
        x if x > 0.85 => 3,
        x if x > 0.75 => 2,
        x if x > 0.55 => 1,
        _ => 0,
    };
    let high_tech = match rng.random::<f64>() * 0.5 + rank * 0.7 {
        x if x > 0.8 => 2,
        x if x > 0.7 => 1,
        _ => 0,
    };
    Facts {
        segment,
        employees,
        revenue,
        product: rng.random_range(0..segment.products.len()),
        tier,
        chain_leader: big && rng.random_bool(0.15 + 0.4 * rank),
        srdi,
        high_tech,
        tech_sme: high_tech == 2 || rng.random_bool(0.1 + 0.4 * rank),
        gazelle: growth > 0.55 && rng.random_bool(0.5),
        profit: weighted_index(rng, &[0.08, 0.3, 0.4, 0.22]),
        debt: weighted_index(rng, &[0.35, 0.35, 0.18, 0.12]),
        audited: revenue >= 2000.0 || rng.random_bool(0.3),
        premises: weighted_index(rng, &[0.55, 0.3, 0.15]),
        power: weighted_index(rng, &[0.6, 0.3, 0.1]),
        succession: weighted_index(rng, &[0.2, 0.25, 0.3, 0.25]),
        pay: (rng.random_range(5200.0..8800.0) / 100.0_f64).round() as u32 * 100,
        age_years: rng.random_range(2..30),
    }
}

/// A unified social credit code of a firm registered in Zhoucun (division 370306): `91`
/// (enterprise, registered with market regulation), the division, a nine-character
/// organisation code, and the check digit — the one character of the code's alphabet that
/// makes the code valid.
fn credit_code_of(rng: &mut ChaCha8Rng) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut code = String::from("91370306MA3");
    for _ in 0..6 {
        code.push(char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]));
    }
    ALPHABET
        .iter()
        .map(|&c| format!("{code}{}", char::from(c)))
        .find(|candidate| credit_code::check(candidate).is_ok())
        .unwrap_or(code)
}
