//! The words of the demo cohort: firm names made of a place and two syllables, the district's
//! segments with their products, and the experts, notes and remarks of the visits.

/// A firm name unique to its index (up to a large cohort), in Chinese or English.
pub fn firm_name(index: usize, segment: &Segment, chinese: bool) -> String {
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
    let (seg_zh, seg_en) = (segment.name_zh, segment.name_en);
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

/// A segment of the district's firms: its id in the bundled questionnaires, the word in a
/// firm's name, its main products, and revenue per head in 万元 a year (low, high).
pub struct Segment {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub products: &'static [(&'static str, &'static str)],
    pub revenue_per_head: (f64, f64),
}

/// The district's segments, as the bundled questionnaires name them. Stainless steel turns
/// over the most per head (the material is most of the price).
pub const SEGMENTS: [Segment; 5] = [
    Segment {
        id: "fans",
        name_zh: "风机",
        name_en: "Fans",
        products: &[
            ("离心通风机 0.75–90 kW", "Centrifugal fans, 0.75–90 kW"),
            ("轴流风机、屋顶风机", "Axial and roof fans"),
            ("罗茨鼓风机", "Roots blowers"),
            (
                "矿用防爆局部通风机",
                "Explosion-proof mine ventilation fans",
            ),
        ],
        revenue_per_head: (35.0, 70.0),
    },
    Segment {
        id: "motors",
        name_zh: "电机",
        name_en: "Motors",
        products: &[
            ("YE3系列三相异步电动机", "YE3 three-phase induction motors"),
            ("隔爆型三相异步电动机", "Flameproof induction motors"),
            ("永磁同步电动机", "Permanent-magnet synchronous motors"),
            ("变频调速专用电机", "Inverter-duty motors"),
        ],
        revenue_per_head: (40.0, 85.0),
    },
    Segment {
        id: "stainless",
        name_zh: "不锈钢",
        name_en: "Stainless Steel",
        products: &[
            (
                "304不锈钢焊管 DN15–DN200",
                "304 stainless welded tube, DN15–DN200",
            ),
            ("不锈钢管件、法兰", "Stainless fittings and flanges"),
            ("不锈钢板材加工件", "Stainless sheet fabrications"),
            ("不锈钢装饰管", "Stainless decorative tube"),
        ],
        revenue_per_head: (80.0, 200.0),
    },
    Segment {
        id: "machine-tools",
        name_zh: "机床",
        name_en: "Machine Tools",
        products: &[
            ("数控车床", "CNC lathes"),
            ("立式加工中心", "Vertical machining centres"),
            ("专用机床、组合机床", "Special-purpose machine tools"),
            ("输送设备、自动化生产线", "Conveyors and automated lines"),
        ],
        revenue_per_head: (35.0, 75.0),
    },
    Segment {
        id: "other",
        name_zh: "机械",
        name_en: "Machinery",
        products: &[
            ("泵阀配件", "Pump and valve parts"),
            ("铸锻件", "Castings and forgings"),
            ("农机配件", "Farm-machinery parts"),
        ],
        revenue_per_head: (30.0, 60.0),
    },
];

/// The segment at `i` (wrapping).
pub fn segment(i: usize) -> &'static Segment {
    &SEGMENTS[i % SEGMENTS.len()]
}

/// The district's experts, one list for Chinese and English files alike: a person keeps one
/// name on every visit, written as the district's staff sign it, so that the record of visits
/// per assessor counts each of them once.
pub const ASSESSORS: &[&str] = &["王建国", "李晓明", "张慧", "刘志强", "陈静", "赵磊"];

/// Evidence an expert notes on site, by area and by whether the answer is strong (3.0 or
/// more) or weak, so that a note never contradicts the answer beside it.
pub fn notes(area: &str, strong: bool, chinese: bool) -> &'static [&'static str] {
    let (zh, en): (&[&str], &[&str]) = match (area, strong) {
        ("strategy", false) => (
            &["老板口述，未见书面计划", "经营数据只有会计月报"],
            &[
                "Owner's account; no written plan shown",
                "Only the accountant's monthly figures",
            ],
        ),
        ("strategy", true) => (
            &["看到了年度改造计划和季度检查记录", "经营看板每周更新"],
            &[
                "Saw the annual upgrade plan and its quarterly reviews",
                "Management dashboard updated weekly",
            ],
        ),
        ("rnd", false) => (
            &["新产品主要按客户图纸改型", "技术员兼管车间，没有项目台账"],
            &[
                "New products are mostly variants of customers' drawings",
                "The technician also runs the shop; no project log",
            ],
        ),
        ("rnd", true) => (
            &["看到了研发项目台账和评审记录", "主销产品已建三维模型"],
            &[
                "Saw the R&D project log and design reviews",
                "Best-sellers are modelled in 3D",
            ],
        ),
        ("equipment", false) => (
            &["现场查看了设备台账，多为普通设备", "关键工序仍靠人工上下料"],
            &[
                "Saw the equipment register; mostly conventional machines",
                "Key processes still loaded by hand",
            ],
        ),
        ("equipment", true) => (
            &["点检表当天已签字", "主要工序为数控和自动化设备"],
            &[
                "Inspection checklists signed on the day",
                "Main processes run on CNC and automated machines",
            ],
        ),
        ("digital", false) => (
            &["车间仍使用纸质工单", "库存靠手工台账"],
            &[
                "Paper work orders at every machine",
                "Stock kept in paper ledgers",
            ],
        ),
        ("digital", true) => (
            &["看到了ERP系统界面，订单与库存可查", "现场演示了扫码报工"],
            &[
                "Saw the ERP screens; orders and stock can be looked up",
                "Scan-based reporting shown on site",
            ],
        ),
        ("quality", false) => (
            &["质检记录为手写表格", "作业指导书版本已过期"],
            &[
                "Quality records are handwritten forms",
                "Work instructions out of date",
            ],
        ),
        ("quality", true) => (
            &[
                "抽查的首检、巡检记录齐全",
                "随机抽一台产品，十分钟内查清批次和检测数据",
            ],
            &[
                "First-piece and patrol records complete in the sample checked",
                "Traced a random unit's batch and test data within ten minutes",
            ],
        ),
        ("chain", false) => (
            &["进口伺服驱动器，维修依赖厂家", "尚未进入龙头企业供应商名录"],
            &[
                "Imported servo drives; repairs depend on the maker",
                "Not yet on an anchor firm's supplier list",
            ],
        ),
        ("chain", true) => (
            &[
                "看到了龙头企业的供应商审核报告",
                "进口件设有安全库存和替代清单",
            ],
            &[
                "Saw an anchor firm's supplier-audit report",
                "Safety stock and a list of alternatives for imported parts",
            ],
        ),
        ("talent", false) => (
            &["关键岗位师傅年龄偏大，平均50岁以上", "电气问题靠外请电工"],
            &[
                "Key fitters are over 50",
                "Electrical problems go to an outside electrician",
            ],
        ),
        ("talent", true) => (
            &["看到了职称和技能等级证书清单", "有职业院校实习生在岗"],
            &[
                "Saw the list of title and skill certificates",
                "Vocational-college interns at work",
            ],
        ),
        ("finance", false) => (
            &["最近的设备是先买后补备案"],
            &["The latest machine was bought before the project was filed"],
        ),
        ("finance", true) => (
            &["看到了技改项目备案证明", "已申请技改贷，尚在审批"],
            &[
                "Saw the project filing record",
                "A technical-upgrade loan is under review",
            ],
        ),
        ("energy", false) => (&["全厂一块总表"], &["One main meter for the whole plant"]),
        ("energy", true) => (&["大功率设备已装分表"], &["Big loads are sub-metered"]),
        ("security", false) => (
            &["说不出最近一次备份的日期"],
            &["Could not say when the last backup was made"],
        ),
        ("security", true) => (
            &["最近一次离线备份在上周"],
            &["Last offline backup was last week"],
        ),
        _ => (&[], &[]),
    };
    if chinese { zh } else { en }
}
pub const SUMMARIES_ZH: &[&str] = &[
    "企业基础扎实，建议先补齐数据采集短板，再推进系统集成。",
    "设备自动化程度较低，资金紧张，建议对接技改贷和一对一专家诊断。",
    "管理层转型意愿强，具备申报专精特新的潜力。",
];
pub const SUMMARIES_EN: &[&str] = &[
    "Solid basics; close the data-collection gap first, then integrate the systems.",
    "Little automation and tight cash; a technical-upgrade loan and an expert diagnosis fit best.",
    "Management is keen to upgrade; the firm could apply for specialised-and-new status.",
];
pub const CONTACTS_ZH: &[&str] = &[
    "孙经理（生产副总）",
    "周总（总经理）",
    "吴工（技术部长）",
    "郑会计（财务）",
];
pub const CONTACTS_EN: &[&str] = &[
    "Mr Sun, production manager",
    "Ms Zhou, general manager",
    "Mr Wu, chief engineer",
];
pub const REMARKS_ZH: &[&str] = &[
    "资金不足是最大困难",
    "招不到懂自动化的年轻人",
    "订单波动大，不敢投入",
    "想上MES但不知从何做起",
];
pub const REMARKS_EN: &[&str] = &[
    "Money is the main obstacle",
    "Cannot hire young automation engineers",
    "Orders swing too much to invest",
    "Wants an MES, unsure where to start",
];

pub const OWNERS_ZH: &[&str] = &["总经理", "生产副总", "技术部长", "设备主管", "财务经理"];
pub const OWNERS_EN: &[&str] = &[
    "General manager",
    "Production manager",
    "Chief engineer",
    "Maintenance lead",
    "Finance manager",
];
/// Why a firm declines an action (Chinese, English): the obstacles the district's firms name —
/// money, an owner not keen, nobody to run it, uncertain orders — and one for firms on rented
/// premises only.
pub const DECLINED: &[(&str, &str)] = &[
    (
        "今年资金优先用于扩大产能，暂不考虑",
        "This year's money goes into capacity first; not now",
    ),
    (
        "老板认为现有规模用不上，订单稳定后再议",
        "The owner sees no need at the present size; to be raised again once orders settle",
    ),
    (
        "缺少懂电气和软件的人，上了也没人维护",
        "Nobody with electrical or software skills to keep it running",
    ),
    (
        "主要客户尚未提出要求，先观望",
        "The main customers do not ask for it yet; waiting to see",
    ),
    (
        "已自行联系设备厂家，不需要区里对接",
        "Already arranging it with the equipment maker; no help from the district needed",
    ),
];
/// The reason of a firm on rented premises.
pub const DECLINED_RENTED: (&str, &str) = (
    "厂房为租赁，租期不确定，不愿投入",
    "The premises are rented on an uncertain lease; unwilling to invest",
);

/// Why an agreed action was put back to the medium horizon.
pub const MOVED: &[(&str, &str)] = &[
    (
        "同意做，但要等资金落实后再启动",
        "Agreed, to start once the money is in place",
    ),
    (
        "旺季过后再安排，推迟到明年",
        "After the busy season; put back to next year",
    ),
];

/// Actions firms add to their plan themselves (Chinese, English), from what the district
/// offers and the firms ask for; the last is for firms without a specialised-and-new title.
pub const OWN_ACTIONS: &[(&str, &str)] = &[
    (
        "参加区里组织的产业链供需对接会",
        "Attend the district's supply-and-demand matchmaking event",
    ),
    (
        "与链主企业对接，争取进入其供应商名录",
        "Approach the chain leader to get on its supplier list",
    ),
    (
        "选派技术员参加装备业数字化升级培训班",
        "Send a technician to the digital-upgrade course for equipment makers",
    ),
    (
        "与本地职业院校签订实习生培养协议",
        "Sign an intern agreement with a local vocational college",
    ),
    (
        "给老师傅配徒弟，整理关键工序操作要点",
        "Pair the senior fitters with apprentices and write down the key steps",
    ),
    (
        "向主办银行咨询技改贷、人才贷",
        "Ask the chain's lead bank about upgrade and talent loans",
    ),
    (
        "申报专精特新中小企业",
        "Apply for specialised-and-new SME status",
    ),
];

/// What the expert notes about an agreed action on the follow-up visit, by how it went, so
/// that a note never contradicts its status: not started, in progress, done, dropped.
pub fn progress_notes(status: usize) -> &'static [(&'static str, &'static str)] {
    match status {
        0 => &[
            (
                "资金未落实，推迟到下半年",
                "Funding not in place; moved to the second half-year",
            ),
            (
                "负责人调岗，已重新指定负责人",
                "The person in charge moved; a new one was named",
            ),
            ("旺季订单多，还没顾上", "Busy season; not got to it yet"),
        ],
        1 => &[
            ("已启动，完成约一半", "Under way; about half done"),
            (
                "已安排专人负责，正在落实",
                "Someone is in charge of it; being carried out",
            ),
        ],
        2 => &[
            (
                "已按计划完成，现场看到了记录",
                "Done as planned; the records were seen on site",
            ),
            (
                "已完成，比约定时间晚了两个月",
                "Done, two months later than agreed",
            ),
        ],
        _ => &[
            (
                "主要客户转单，项目取消",
                "The main customer moved its orders; the project was cancelled",
            ),
            (
                "评估后认为投入产出不合算，已放弃",
                "Judged not worth the cost; dropped",
            ),
        ],
    }
}
pub const FOLLOW_UPS_ZH: &[&str] = &[
    "回访：基础工作基本落实，下一步推进自动化项目。",
    "回访：部分项目因资金推迟，已对接金融辅导。",
];
pub const FOLLOW_UPS_EN: &[&str] = &[
    "Follow-up: the basics are mostly in place; the automation project comes next.",
    "Follow-up: some projects slipped for lack of funds; financial counselling is arranged.",
];
