//! The sample seller's catalogue: 30 SKUs of a home-and-kitchen brand on
//! amazon.com, some sharing one child ASIN, some with Chinese titles.

/// One SKU and what drives its weekly figures.
pub struct Product {
    pub sku: &'static str,
    /// Child ASINs are derived from this key; SKUs with the same key share an ASIN.
    pub asin_key: &'static str,
    pub parent_key: &'static str,
    pub title: &'static str,
    pub price_cents: i64,
    /// Sessions per week of the child ASIN at the start of the series.
    pub sessions: f64,
    /// Units ÷ sessions.
    pub conversion: f64,
    /// Share of the ASIN's units this SKU takes when the ASIN has several SKUs.
    pub unit_share: f64,
    pub acos: f64,
    pub group: &'static str,
    pub unit_cost_cents: i64,
    pub fba_fee_cents: i64,
}

/// One catalogue line; positional so the 30 lines below read as a table.
#[allow(clippy::too_many_arguments)]
const fn p(
    sku: &'static str,
    asin_key: &'static str,
    parent_key: &'static str,
    title: &'static str,
    price_cents: i64,
    sessions: f64,
    conversion: f64,
    unit_share: f64,
    acos: f64,
    group: &'static str,
    unit_cost_cents: i64,
    fba_fee_cents: i64,
) -> Product {
    Product {
        sku,
        asin_key,
        parent_key,
        title,
        price_cents,
        sessions,
        conversion,
        unit_share,
        acos,
        group,
        unit_cost_cents,
        fba_fee_cents,
    }
}

pub const CUTTING_BOARD_L: &str = "HK-CB-BAM-L";
pub const KNIFE_SHARPENER: &str = "HK-KS-3STG";
pub const SPATULA_SET: &str = "HK-SP-SIL-5";
pub const BATH_MAT_NAVY: &str = "HK-BM-NV-2032";
pub const SHOWER_CADDY: &str = "HK-SC-ADH-2";
pub const VACUUM_BAGS: &str = "HK-VB-20PK";
pub const SPICE_JARS: &str = "HK-SJ-GL-12";
pub const DISH_RACK: &str = "HK-DR-2T";
pub const OVEN_MITTS: &str = "HK-OM-SIL-2";
pub const FOOD_BAGS: &str = "HK-SB-BPA";
pub const FOOD_BAGS_RESERVE: &str = "HK-SB-BPA-R";

// One line per SKU: sku, ASIN key, parent key, title, price (cents), weekly sessions,
// conversion, unit share, ACoS, product group, unit cost (cents), FBA fee (cents).
#[rustfmt::skip]
pub const CATALOG: [Product; 30] = [
    p(CUTTING_BOARD_L, "cb-l", "cb", "Bamboo Cutting Board with Juice Groove, Large 18\" x 12\"", 3499, 2400.0, 0.125, 1.0, 0.19, "gl_kitchen", 820, 612),
    p("HK-CB-BAM-M", "cb-m", "cb", "Bamboo Cutting Board with Juice Groove, Medium 15\" x 10\"", 2699, 1300.0, 0.11, 1.0, 0.2, "gl_kitchen", 640, 548),
    p("HK-CB-BAM-3PC", "cb-3", "cb", "Bamboo Cutting Board Set of 3, Organic Kitchen Chopping Boards", 4299, 900.0, 0.095, 1.0, 0.21, "gl_kitchen", 1180, 701),
    p(KNIFE_SHARPENER, "ks", "ks", "3-Stage Kitchen Knife Sharpener, Diamond Ceramic Tungsten", 1999, 1700.0, 0.14, 1.0, 0.18, "gl_kitchen", 410, 402),
    p(SPATULA_SET, "sp5", "sp5", "硅胶厨房铲套装 5件 耐高温不粘锅专用 Silicone Spatula Set", 1899, 1500.0, 0.13, 1.0, 0.2, "gl_kitchen", 380, 398),
    p("HK-SP-SIL-5-R", "sp5", "sp5", "硅胶厨房铲套装 5件 耐高温不粘锅专用 Silicone Spatula Set", 1899, 1500.0, 0.13, 0.15, 0.2, "gl_kitchen", 380, 398),
    p("HK-MC-SS-7", "mc", "mc", "Stainless Steel Measuring Cups and Spoons Set, 7 Piece", 2299, 1100.0, 0.1, 1.0, 0.21, "gl_kitchen", 520, 430),
    p(SPICE_JARS, "sj", "sj", "Glass Spice Jars with Labels, 12 Pack 4 oz, Bamboo Lids", 2799, 800.0, 0.09, 1.0, 0.21, "gl_kitchen", 690, 560),
    p("HK-SR-2T", "sr", "sr", "2-Tier Spice Rack Organizer for Cabinet, Pull Out", 2499, 950.0, 0.085, 1.0, 0.21, "gl_home", 610, 590),
    p(BATH_MAT_NAVY, "bm-nv", "bm", "Chenille Bath Mat Non Slip, Navy, 20\" x 32\", Machine Washable", 2199, 1400.0, 0.115, 1.0, 0.2, "gl_home", 450, 512),
    p("HK-BM-GY-2032", "bm-gy", "bm", "Chenille Bath Mat Non Slip, Grey, 20\" x 32\", Machine Washable", 2199, 1200.0, 0.11, 1.0, 0.2, "gl_home", 450, 512),
    p("HK-BM-GY-2032-B", "bm-gy", "bm", "Chenille Bath Mat Non Slip, Grey, 20\" x 32\", Machine Washable", 2199, 1200.0, 0.11, 0.2, 0.2, "gl_home", 450, 512),
    p("HK-BM-GY-2447", "bm-gy-l", "bm", "Chenille Bath Mat Non Slip, Grey, 24\" x 47\", Machine Washable", 3199, 700.0, 0.1, 1.0, 0.21, "gl_home", 690, 640),
    p("HK-KM-2PC-GY", "km", "km", "Anti Fatigue Kitchen Mat 2 Piece, Cushioned Non Skid, Grey", 3599, 1250.0, 0.09, 1.0, 0.21, "gl_home", 910, 733),
    p(SHOWER_CADDY, "sc", "sc", "Adhesive Shower Caddy 2 Pack, Rustproof Stainless Steel Shelf", 2599, 1050.0, 0.105, 1.0, 0.21, "gl_home", 560, 520),
    p("HK-SC-CRN-3", "sc-c", "sc", "浴室置物架 转角 免打孔 3层 Corner Shower Caddy", 2999, 600.0, 0.095, 1.0, 0.21, "gl_home", 700, 580),
    p(DISH_RACK, "dr", "dr", "2-Tier Dish Drying Rack with Drainboard, Large Capacity", 3999, 1150.0, 0.08, 1.0, 0.21, "gl_kitchen", 1050, 820),
    p("HK-DR-2T-B", "dr", "dr", "2-Tier Dish Drying Rack with Drainboard, Large Capacity", 3999, 1150.0, 0.08, 0.25, 0.21, "gl_kitchen", 1050, 820),
    p("HK-FC-24PC", "fc", "fc", "Glass Food Storage Containers with Lids, 24 Piece Set", 3899, 1350.0, 0.1, 1.0, 0.2, "gl_kitchen", 1120, 790),
    p("HK-FC-10PC", "fc10", "fc", "玻璃保鲜盒 10件套 微波炉可用 Glass Meal Prep Containers", 2599, 700.0, 0.1, 1.0, 0.2, "gl_kitchen", 720, 610),
    p(VACUUM_BAGS, "vb", "vb", "Vacuum Storage Bags 20 Pack, Space Saver for Comforters", 2799, 420.0, 0.05, 1.0, 0.2, "gl_home", 560, 590),
    p("HK-OR-TT-2", "or", "or", "Lazy Susan Turntable Organizer 2 Pack, Clear, 10 inch", 1899, 650.0, 0.1, 1.0, 0.21, "gl_home", 390, 420),
    p("HK-UT-HLD", "ut", "ut", "Ceramic Utensil Holder, Large, Matte White", 2299, 500.0, 0.08, 1.0, 0.21, "gl_kitchen", 520, 610),
    p(OVEN_MITTS, "om", "om", "Silicone Oven Mitts 2 Pack, Heat Resistant 500°F", 1599, 900.0, 0.12, 1.0, 0.19, "gl_kitchen", 310, 398),
    p("HK-TW-6PC", "tw", "tw", "纯棉厨房毛巾 6条装 Cotton Kitchen Towels, 18\" x 28\"", 1999, 850.0, 0.11, 1.0, 0.2, "gl_home", 420, 430),
    p("HK-PB-WD", "pb", "pb", "Wooden Paper Towel Holder Countertop, Walnut", 2199, 450.0, 0.085, 1.0, 0.21, "gl_home", 480, 520),
    p("HK-GR-GRT-4", "gr", "gr", "Stainless Steel Box Grater, 4 Sided, XL", 1799, 600.0, 0.105, 1.0, 0.21, "gl_kitchen", 370, 420),
    p(FOOD_BAGS, "sb", "sb", "Reusable Silicone Food Storage Bags 12 Pack, BPA Free", 2399, 1000.0, 0.115, 1.0, 0.2, "gl_kitchen", 450, 430),
    p(FOOD_BAGS_RESERVE, "sb", "sb", "Reusable Silicone Food Storage Bags 12 Pack, BPA Free", 2399, 1000.0, 0.115, 0.18, 0.2, "gl_kitchen", 450, 430),
    p("HK-TP-ELC", "tp", "tp", "Electric Milk Frother Handheld, Rechargeable, 3 Speeds", 1699, 1100.0, 0.13, 1.0, 0.19, "gl_kitchen", 350, 398),
];

/// A stable ASIN-like identifier (`B0` + 8 characters) for `key`.
pub fn asin(key: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::from("B0");
    for _ in 0..8 {
        out.push(ALPHABET[(hash % ALPHABET.len() as u64) as usize] as char);
        hash /= ALPHABET.len() as u64;
    }
    out
}

/// The FNSKU Amazon labels a SKU's units with.
pub fn fnsku(sku: &str) -> String {
    format!("X00{}", &asin(sku)[3..])
}
