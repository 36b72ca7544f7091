//! A synthetic cohort of assessments to try dmat on: varied firms whose answers hang together
//! (a firm strong in automation tends to be strong in data too), some complete, some in
//! progress, some re-visited. The same seed always gives the same files, byte for byte.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use toml::value::Datetime;

use crate::model::assessment::civil_date;
use crate::model::{
    Aggregate, Assessment, ProfileField, ProfileKind, Question, QuestionKind, Questionnaire,
    QuestionnaireRef, Response, Status,
};
use crate::score::{QuestionState, score};

/// One synthetic assessment and the file name it is written under.
pub struct DemoFile {
    pub name: String,
    pub assessment: Assessment,
}

/// The cohort: `firms` assessments of `q`, decided by `seed` alone. Firm `i` is the same
/// whatever the size of the cohort.
pub fn cohort(q: &Questionnaire, digest: &str, firms: usize, seed: u64) -> Vec<DemoFile> {
    let digits = firms.to_string().len().max(4);
    (0..firms)
        .map(|i| DemoFile {
            name: format!("firm-{i:0digits$}.toml"),
            assessment: assessment(q, digest, seed, i),
        })
        .collect()
}

/// A random stream of its own for each firm, so that firms do not depend on one another.
fn stream(seed: u64, index: usize, purpose: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream((index as u64) << 4 | purpose);
    rng
}

/// Who a firm is, independent of any one visit.
struct FirmBase {
    name: String,
    chinese: bool,
    /// The firm's general maturity on the scale, between min and max.
    maturity: f64,
    /// Per-dimension departures from the general maturity.
    offsets: Vec<f64>,
    profile: Vec<(String, toml::Value)>,
    first_visit: i64,
}

const REVISIT_SHARE: f64 = 0.08;

fn is_revisit(seed: u64, i: usize) -> bool {
    i >= 4 && stream(seed, i, 1).random_bool(REVISIT_SHARE)
}

/// The earlier first visit a re-visit returns to.
fn revisited(seed: u64, i: usize) -> usize {
    let mut j = stream(seed, i, 2).random_range(0..i);
    while is_revisit(seed, j) && j > 0 {
        j -= 1;
    }
    j
}

fn assessment(q: &Questionnaire, digest: &str, seed: u64, i: usize) -> Assessment {
    let revisit = is_revisit(seed, i);
    let base_index = if revisit { revisited(seed, i) } else { i };
    let base = firm_base(q, seed, base_index);
    let mut rng = stream(seed, i, 3);
    let (maturity, day) = if revisit {
        let growth = rng.random_range(0.1..0.5);
        (
            base.maturity + growth,
            base.first_visit + rng.random_range(180..400),
        )
    } else {
        (base.maturity, base.first_visit)
    };
    let r = QuestionnaireRef {
        id: q.id.clone(),
        version: q.version.clone(),
        digest: digest.to_string(),
    };
    let mut a = Assessment::new(r, &base.name, Some(date_of(day)));
    a.visit.demo = true;
    a.profile = base.profile.iter().cloned().collect();
    a.visit.assessor = Some(
        pick(
            &mut rng,
            if base.chinese {
                ASSESSORS_ZH
            } else {
                ASSESSORS_EN
            },
        )
        .to_string(),
    );
    let complete = rng.random_bool(0.7);
    a.visit.status = if complete {
        Status::Complete
    } else {
        Status::InProgress
    };
    let (lo, hi) = (q.scale.min, q.scale.max);
    let total = q.question_count();
    let stop = if complete {
        total
    } else {
        rng.random_range(total / 3..total.max(1))
    };
    for r in q.questions() {
        let dim_m = (maturity + base.offsets[r.dimension]).clamp(lo, hi);
        let target = (dim_m + normal(&mut rng) * 0.35).clamp(lo, hi);
        // In progress: the visit stopped somewhere; complete: a few optional questions skipped.
        if r.index >= stop || (!r.question.required && rng.random_bool(0.02)) {
            continue;
        }
        let response = if r.question.na && rng.random_bool(0.06) {
            Response::NotApplicable
        } else {
            answer(&mut rng, q, r.question, target, base.chinese)
        };
        a.set_response(&r.question.id, Some(response));
        if rng.random_bool(0.15) {
            let note = pick(&mut rng, if base.chinese { NOTES_ZH } else { NOTES_EN });
            a.set_note(&r.question.id, Some(note.to_string()));
        }
    }
    // An expert does not answer questions that were never asked.
    let card = score(q, &a);
    for r in q.questions() {
        if card.questions[r.index].state == QuestionState::Hidden {
            a.answers.remove(&r.question.id);
        }
    }
    if complete {
        let s = pick(
            &mut rng,
            if base.chinese {
                SUMMARIES_ZH
            } else {
                SUMMARIES_EN
            },
        );
        a.visit.summary = Some(s.to_string());
    }
    a
}

fn firm_base(q: &Questionnaire, seed: u64, index: usize) -> FirmBase {
    let mut rng = stream(seed, index, 0);
    let (lo, hi) = (q.scale.min, q.scale.max);
    let span = hi - lo;
    // Most firms sit low on the scale: a skewed draw puts the bulk in the lower third.
    let u: f64 = rng.random();
    let maturity = lo + span * (0.08 + 0.75 * u.powf(1.6));
    let offsets = q.dimension.iter().map(|_| normal(&mut rng) * 0.3).collect();
    let chinese = rng.random_bool(0.75);
    let mut profile = Vec::new();
    let mut segment = None;
    for f in &q.profile {
        if let Some(v) = profile_value(&mut rng, f, maturity, lo, span, chinese) {
            if f.id == "industry"
                && let toml::Value::String(s) = &v
            {
                segment = Some(s.clone());
            }
            profile.push((f.id.clone(), v));
        }
    }
    profile.sort_by(|a, b| a.0.cmp(&b.0));
    let name = firm_name(index, segment.as_deref(), chinese);
    let first_visit = rng.random_range(0..480);
    FirmBase {
        name,
        chinese,
        maturity,
        offsets,
        profile,
        first_visit,
    }
}

fn profile_value(
    rng: &mut ChaCha8Rng,
    f: &ProfileField,
    maturity: f64,
    lo: f64,
    span: f64,
    chinese: bool,
) -> Option<toml::Value> {
    if !f.required && rng.random_bool(0.05) {
        return None;
    }
    let rank = ((maturity - lo) / span).clamp(0.0, 1.0);
    Some(match f.kind {
        ProfileKind::Choice if f.options.is_empty() => return None,
        ProfileKind::Choice => {
            let ids: Vec<&str> = f.options.iter().map(|o| o.id.as_str()).collect();
            let n = ids.len();
            let i = if f.id == "industry" {
                rng.random_range(0..n)
            } else if ids.len() == 2 && ids.contains(&"yes") && ids.contains(&"no") {
                // Designations such as chain leader or gazelle are rare, more so in weak firms.
                let yes = rng.random_bool(0.03 + 0.2 * rank * rank);
                ids.iter()
                    .position(|id| *id == if yes { "yes" } else { "no" })
                    .unwrap_or(0)
            } else {
                // Ordered fields (bands, tiers, status) follow maturity, skewed to the low end;
                // a list written from high to low is read the other way round.
                let x = (rank * 0.7 + rng.random::<f64>() * 0.3).powi(2);
                let i = ((x * n as f64) as usize).min(n - 1);
                if ids.first() == Some(&"high") {
                    n - 1 - i
                } else {
                    i
                }
            };
            toml::Value::String(f.options[i].id.clone())
        }
        ProfileKind::Number => {
            let [min, max] = f.range.unwrap_or([1.0, 1000.0]);
            let (a, b) = (min.max(1.0), max.min(2000.0).max(min.max(1.0) + 1.0));
            let x = (a.ln() + rng.random::<f64>() * (b.ln() - a.ln())).exp();
            toml::Value::Integer(x.round() as i64)
        }
        ProfileKind::Text => {
            let list = match (f.id.contains("contact"), chinese) {
                (true, true) => CONTACTS_ZH,
                (true, false) => CONTACTS_EN,
                (false, true) => PRODUCTS_ZH,
                (false, false) => PRODUCTS_EN,
            };
            toml::Value::String(pick(rng, list).to_string())
        }
        ProfileKind::Date => toml::Value::Datetime(date_of(-rng.random_range(365..365 * 30))),
    })
}

fn answer(
    rng: &mut ChaCha8Rng,
    q: &Questionnaire,
    question: &Question,
    target: f64,
    chinese: bool,
) -> Response {
    let (lo, hi) = (q.scale.min, q.scale.max);
    match question.kind {
        QuestionKind::Single => {
            let best = question
                .options
                .iter()
                .min_by(|a, b| {
                    let da = (a.level.unwrap_or(lo) - target).abs();
                    let db = (b.level.unwrap_or(lo) - target).abs();
                    da.total_cmp(&db)
                })
                .map(|o| o.id.clone())
                .unwrap_or_default();
            Response::Choice(best)
        }
        QuestionKind::Multi if question.aggregate == Aggregate::Sum => {
            let p = ((target - lo) / (hi - lo)).clamp(0.05, 0.95);
            let chosen = question
                .options
                .iter()
                .filter(|_| rng.random_bool(p))
                .map(|o| o.id.clone())
                .collect();
            Response::Choices(alone_if_exclusive(question, chosen))
        }
        QuestionKind::Multi => {
            let mut chosen: Vec<String> = question
                .options
                .iter()
                .filter(|o| {
                    let level = o.level.unwrap_or(lo);
                    let p = if level <= target + 0.25 { 0.75 } else { 0.08 };
                    rng.random_bool(p)
                })
                .map(|o| o.id.clone())
                .collect();
            if chosen.is_empty()
                && let Some(o) = question
                    .options
                    .iter()
                    .min_by(|a, b| a.level.unwrap_or(lo).total_cmp(&b.level.unwrap_or(lo)))
            {
                chosen.push(o.id.clone());
            }
            Response::Choices(alone_if_exclusive(question, chosen))
        }
        QuestionKind::Number => Response::Value(number(rng, question, target)),
        QuestionKind::Text => {
            Response::Text(pick(rng, if chinese { REMARKS_ZH } else { REMARKS_EN }).to_string())
        }
    }
}

/// The options ticked as the interview would keep them: an exclusive option ("none of these")
/// is dropped when another is ticked.
fn alone_if_exclusive(question: &Question, mut chosen: Vec<String>) -> Vec<String> {
    if chosen.iter().any(|c| !question.is_exclusive(c)) {
        chosen.retain(|c| !question.is_exclusive(c));
    }
    chosen
}

/// A value in the band whose level is nearest the target, inside the question's range.
fn number(rng: &mut ChaCha8Rng, question: &Question, target: f64) -> f64 {
    let [min, max] = question.range.unwrap_or([0.0, 100.0]);
    let bands = &question.bands;
    let (from, to) = match bands.iter().enumerate().min_by(|(_, a), (_, b)| {
        (a.level - target)
            .abs()
            .total_cmp(&(b.level - target).abs())
    }) {
        Some((i, b)) => {
            let next = bands
                .get(i + 1)
                .map_or(max.min(b.from.abs() * 2.0 + 10.0), |n| n.from);
            (b.from, next)
        }
        None => (min, max),
    };
    let (from, to) = (from.max(min), to.min(max));
    let x = if to > from {
        rng.random_range(from..to)
    } else {
        from
    };
    let step = if max - min > 50.0 { 1.0 } else { 0.1 };
    ((x / step).floor() * step * 10.0).round() / 10.0
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// The date `days` after 2024-09-01 (before it when negative).
fn date_of(days: i64) -> Datetime {
    let start = jiff::civil::date(2024, 9, 1);
    civil_date(
        start
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(start),
    )
}

/// A firm name unique to its index (up to a large cohort), in Chinese or English.
fn firm_name(index: usize, segment: Option<&str>, chinese: bool) -> String {
    let n = SYLLABLES.len();
    // Two different syllables make a name: n × (n − 1) names per place.
    let pairs = n * (n - 1);
    let space = PLACES.len() * pairs;
    // Walk the space of names in a scattered order, so neighbouring firms do not look alike.
    let k = (index.wrapping_mul(7919)) % space;
    let place = &PLACES[k % PLACES.len()];
    let pair = k / PLACES.len();
    let (a, b) = (pair / (n - 1), pair % (n - 1));
    let b = if b >= a { b + 1 } else { b };
    let (first, second) = (&SYLLABLES[a], &SYLLABLES[b]);
    let (seg_zh, seg_en) = SEGMENTS
        .iter()
        .find(|(id, _, _)| Some(*id) == segment)
        .map_or(("机械", "Machinery"), |(_, zh, en)| (*zh, *en));
    let plant = index / space;
    if chinese {
        let branch = if plant > 0 {
            format!("第{}分厂", plant + 1)
        } else {
            String::new()
        };
        format!(
            "{}{}{}{}有限公司{branch}",
            place.0, first.0, second.0, seg_zh
        )
    } else {
        let branch = if plant > 0 {
            format!(" Plant {}", plant + 1)
        } else {
            String::new()
        };
        format!(
            "{} {}{} {} Co., Ltd.{branch}",
            place.1,
            first.1,
            second.1.to_lowercase(),
            seg_en
        )
    }
}

const PLACES: &[(&str, &str)] = &[
    ("淄博", "Zibo"),
    ("周村", "Zhoucun"),
    ("鲁中", "Luzhong"),
    ("齐鲁", "Qilu"),
    ("山东", "Shandong"),
    ("博山", "Boshan"),
    ("张店", "Zhangdian"),
    ("临淄", "Linzi"),
];

const SYLLABLES: &[(&str, &str)] = &[
    ("华", "Hua"),
    ("泰", "Tai"),
    ("恒", "Heng"),
    ("达", "Da"),
    ("金", "Jin"),
    ("鼎", "Ding"),
    ("宏", "Hong"),
    ("远", "Yuan"),
    ("鑫", "Xin"),
    ("源", "Yuan"),
    ("博", "Bo"),
    ("瑞", "Rui"),
    ("齐", "Qi"),
    ("峰", "Feng"),
    ("永", "Yong"),
    ("信", "Xin"),
    ("兴", "Xing"),
    ("业", "Ye"),
    ("隆", "Long"),
    ("昌", "Chang"),
    ("盛", "Sheng"),
    ("通", "Tong"),
    ("德", "De"),
    ("力", "Li"),
    ("诚", "Cheng"),
    ("丰", "Feng"),
    ("海", "Hai"),
    ("天", "Tian"),
    ("明", "Ming"),
    ("鸿", "Hong"),
    ("立", "Li"),
    ("新", "Xin"),
    ("正", "Zheng"),
    ("安", "An"),
    ("科", "Ke"),
    ("嘉", "Jia"),
];

const SEGMENTS: &[(&str, &str, &str)] = &[
    ("fans", "风机", "Fans"),
    ("motors", "电机", "Motors"),
    ("stainless", "不锈钢", "Stainless Steel"),
    ("stainless-steel", "不锈钢", "Stainless Steel"),
    ("machine-tools", "机床", "Machine Tools"),
    ("equipment", "装备", "Equipment"),
    ("other", "机械", "Machinery"),
];

const ASSESSORS_ZH: &[&str] = &["王建国", "李晓明", "张慧", "刘志强", "陈静", "赵磊"];
const ASSESSORS_EN: &[&str] = &[
    "Wang Jianguo",
    "Li Xiaoming",
    "Zhang Hui",
    "Liu Zhiqiang",
    "Chen Jing",
];

const NOTES_ZH: &[&str] = &[
    "现场查看了设备台账",
    "车间仍使用纸质工单",
    "老板口述，未见书面材料",
    "看到了ERP系统界面",
    "质检记录为手写表格",
    "关键岗位师傅年龄偏大，平均50岁以上",
    "进口伺服驱动器，维修依赖厂家",
    "已申请技改贷，尚在审批",
];
const NOTES_EN: &[&str] = &[
    "Saw the equipment ledger on site",
    "Paper work orders at every machine",
    "Owner's account; no documents shown",
    "Saw the ERP screens",
    "Quality records are handwritten, with dates, \"signed\" by the inspector",
    "Key fitters are over 50",
    "Imported servo drives; repairs depend on the maker",
];
const SUMMARIES_ZH: &[&str] = &[
    "企业基础扎实，建议先补齐数据采集短板，再推进系统集成。",
    "设备自动化程度较低，资金紧张，建议对接技改贷和一对一专家诊断。",
    "管理层转型意愿强，具备申报专精特新的潜力。",
];
const SUMMARIES_EN: &[&str] = &[
    "Solid basics; close the data-collection gap first, then integrate the systems.",
    "Little automation and tight cash; a technical-upgrade loan and an expert diagnosis fit best.",
    "Management is keen to upgrade; the firm could apply for specialised-and-new status.",
];
const PRODUCTS_ZH: &[&str] = &[
    "离心风机",
    "轴流风机",
    "三相异步电机",
    "不锈钢管件",
    "数控车床",
    "输送设备",
    "防爆电机",
];
const PRODUCTS_EN: &[&str] = &[
    "Centrifugal fans",
    "Axial fans",
    "Induction motors",
    "Stainless fittings",
    "CNC lathes",
    "Conveyors",
];
const CONTACTS_ZH: &[&str] = &[
    "孙经理（生产副总）",
    "周总（总经理）",
    "吴工（技术部长）",
    "郑会计（财务）",
];
const CONTACTS_EN: &[&str] = &[
    "Mr Sun, production manager",
    "Ms Zhou, general manager",
    "Mr Wu, chief engineer",
];
const REMARKS_ZH: &[&str] = &[
    "资金不足是最大困难",
    "招不到懂自动化的年轻人",
    "订单波动大，不敢投入",
    "想上MES但不知从何做起",
];
const REMARKS_EN: &[&str] = &[
    "Money is the main obstacle",
    "Cannot hire young automation engineers",
    "Orders swing too much to invest",
    "Wants an MES, unsure where to start",
];

#[cfg(test)]
mod tests {
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
        assert!(complete > 150 && complete < 270, "{complete} complete");
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
        // Every file is a valid assessment of the questionnaire.
        for f in &files {
            let src = f.assessment.to_toml().unwrap();
            let (a, _) = parse::assessment(&src).unwrap();
            let problems = crate::model::validate::assessment(&a, &q);
            assert!(
                problems
                    .iter()
                    .all(|p| p.severity != crate::model::Severity::Error),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn an_exclusive_option_is_never_ticked_with_another() {
        // The interview cannot produce such an answer (rule 12), so neither does the demo.
        let catalog = crate::store::Catalog::bundled();
        let loaded = catalog.resolve("smart-manufacturing").unwrap();
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
}
