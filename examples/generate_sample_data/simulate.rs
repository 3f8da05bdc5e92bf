//! Thirteen weeks of a believable business, deterministic from fixed seeds,
//! with the newest week's planted problems that the diagnosis must find.

use crate::catalog::{self, CATALOG, Product};

/// Weeks simulated; the last one is the week the meeting reviews.
pub const WEEKS: usize = 13;
const NEWEST: usize = WEEKS - 1;

/// A tiny deterministic generator (`SplitMix64`), one stream per SKU, week and purpose.
pub struct Rng(u64);

impl Rng {
    pub fn new(parts: &[&str], week: usize) -> Self {
        let mut seed = 0x9E37_79B9_7F4A_7C15 ^ week as u64;
        for part in parts {
            for byte in part.bytes() {
                seed = (seed ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `value` times a factor within `±spread`.
    pub fn jitter(&mut self, value: f64, spread: f64) -> f64 {
        value * (1.0 + spread * (2.0 * self.unit() - 1.0))
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// One SKU's week.
#[derive(Clone, Default)]
pub struct SkuWeek {
    /// The child ASIN's traffic (repeated on each of its SKU rows).
    pub sessions: u64,
    pub page_views: u64,
    pub buy_box: f64,
    pub units: u64,
    pub sales_cents: i64,
    pub orders: u64,
    /// Ads per day, Monday first: (impressions, clicks, spend cents, sales cents, orders, units).
    pub ads: Vec<(u64, u64, i64, i64, u64, u64)>,
    pub available: u64,
    pub inbound: u64,
    pub aged_181_270: u64,
    pub aged_ais_cents: i64,
    pub sales_rank: u64,
    /// Returns: (day 0–6, reason, comment).
    pub returns: Vec<(usize, &'static str, &'static str)>,
}

/// Sales ramp towards Black Friday: +4 % a week.
fn season(week: usize) -> f64 {
    1.0 + 0.04 * week as f64
}

/// Units of an ASIN that go to `product` when the ASIN has several SKUs.
fn unit_share(product: &Product) -> f64 {
    let siblings: f64 = CATALOG
        .iter()
        .filter(|p| p.asin_key == product.asin_key && p.sku != product.sku)
        .map(|p| p.unit_share)
        .filter(|share| *share < 1.0)
        .sum();
    if product.unit_share < 1.0 {
        product.unit_share
    } else {
        1.0 - siblings
    }
}

/// The week the oven mitts sold out on Wednesday, before a shipment arrived.
const OVEN_MITTS_STOCKOUT: usize = NEWEST - 3;
/// From this week on, the food storage bags get no shipment: the main SKU
/// sells out mid-week in the newest week, its twin holds what is left.
const FOOD_BAGS_SELL_DOWN: usize = NEWEST - 4;
/// Share of its usual week the main food storage bag SKU sells before it is empty.
const FOOD_BAGS_LAST_SHARE: f64 = 0.6;
/// Units the twin food storage bag SKU holds at the end of the newest week.
const FOOD_BAGS_RESERVE_LEFT: u64 = 450;

/// Simulates every week of every product: `result[week][product]`.
pub fn simulate() -> Vec<Vec<SkuWeek>> {
    let mut weeks = vec![vec![SkuWeek::default(); CATALOG.len()]; WEEKS];
    for (index, product) in CATALOG.iter().enumerate() {
        let mut stock = (product.sessions * product.conversion * 9.0) as u64;
        let mut arriving: Vec<(usize, u64)> = Vec::new();
        let mut returns_due = 0.0;
        for (week, slot) in weeks.iter_mut().enumerate() {
            let mut figures = sales_week(product, week);
            advertise(product, week, &mut figures);
            returns(product, week, &mut figures, &mut returns_due);
            stock = restock(product, week, stock, &mut arriving, &mut figures);
            slot[index] = figures;
        }
    }
    weeks
}

/// Units the SKU would sell in `week` with stock on the shelf.
fn demand(product: &Product, week: usize) -> (f64, f64, f64) {
    let mut traffic = Rng::new(&[product.asin_key, "traffic"], week);
    let mut rng = Rng::new(&[product.sku, "sales"], week);
    let sessions = traffic.jitter(product.sessions * season(week), 0.08);
    let conversion = rng.jitter(product.conversion, 0.05);
    (
        sessions,
        conversion,
        sessions * conversion * unit_share(product),
    )
}

fn sales_week(product: &Product, week: usize) -> SkuWeek {
    let (mut sessions, mut conversion, _) = demand(product, week);
    let mut buy_box = 0.965 + 0.03 * Rng::new(&[product.asin_key, "buy-box"], week).unit();
    if week == NEWEST && product.sku == catalog::CUTTING_BOARD_L {
        conversion *= 0.64;
        buy_box = 0.83;
    }
    if week == NEWEST && product.sku == catalog::SPICE_JARS {
        sessions = 0.0;
    }
    let mut units = sessions * conversion * unit_share(product);
    if week == OVEN_MITTS_STOCKOUT && product.sku == catalog::OVEN_MITTS {
        units *= 0.35;
    }
    if week == NEWEST && product.sku == catalog::FOOD_BAGS {
        units *= FOOD_BAGS_LAST_SHARE;
    }
    if week == NEWEST && product.sku == catalog::FOOD_BAGS_RESERVE {
        // Amazon sells the listing from the twin once the main SKU is empty.
        let main = CATALOG.iter().find(|p| p.sku == catalog::FOOD_BAGS);
        units += main.map_or(0.0, |p| demand(p, week).2) * (1.0 - FOOD_BAGS_LAST_SHARE);
    }
    let units = units.round() as u64;
    SkuWeek {
        sessions: sessions.round() as u64,
        page_views: (sessions
            * Rng::new(&[product.asin_key, "page-views"], week).jitter(1.28, 0.05))
        .round() as u64,
        buy_box: if sessions == 0.0 { 0.0 } else { buy_box },
        units,
        sales_cents: units as i64 * product.price_cents,
        orders: (units as f64 * 0.96).round() as u64,
        ..SkuWeek::default()
    }
}

fn advertise(product: &Product, week: usize, figures: &mut SkuWeek) {
    let mut rng = Rng::new(&[product.sku, "ads"], week);
    let ad_conversion = rng.jitter(0.11, 0.1);
    let mut acos = rng.jitter(product.acos, 0.08);
    // ACoS creeping over target for two weeks, not a one-week spike.
    if product.sku == catalog::SHOWER_CADDY && week + 1 >= NEWEST {
        acos = if week == NEWEST { 0.38 } else { 0.31 };
    }
    let ad_orders = figures.units as f64 * 0.8;
    let mut clicks = ad_orders / ad_conversion;
    let mut ctr = rng.jitter(0.0042, 0.12);
    if product.sku == catalog::KNIFE_SHARPENER && week == NEWEST {
        clicks *= 2.3;
    }
    if product.sku == catalog::DISH_RACK {
        ctr = 0.0011;
    }
    let price = product.price_cents as f64;
    let cpc = if product.sku == catalog::KNIFE_SHARPENER && week == NEWEST {
        acos * ad_conversion * price * 1.05 / 100.0 * 1.05
    } else {
        acos * ad_conversion * price * 1.05 / 100.0
    };
    let day_weights = [0.16, 0.15, 0.14, 0.13, 0.13, 0.14, 0.15];
    for weight in day_weights {
        let day_clicks = (clicks * weight).round() as u64;
        let day_orders = (ad_orders * weight).round() as u64;
        let impressions = (day_clicks as f64 / ctr).round() as u64;
        let spend = (day_clicks as f64 * cpc * 100.0).round() as i64;
        let sales = (day_orders as f64 * price * 1.05).round() as i64;
        figures.ads.push((
            impressions,
            day_clicks,
            spend,
            sales,
            day_orders,
            day_orders,
        ));
    }
}

fn restock(
    product: &Product,
    week: usize,
    stock: u64,
    arriving: &mut Vec<(usize, u64)>,
    figures: &mut SkuWeek,
) -> u64 {
    let weekly = (product.sessions * product.conversion * season(week)).max(1.0);
    let arrived: u64 = arriving
        .iter()
        .filter(|(at, _)| *at == week)
        .map(|(_, n)| n)
        .sum();
    arriving.retain(|(at, _)| *at > week);
    let selling_down = week >= FOOD_BAGS_SELL_DOWN
        && [catalog::FOOD_BAGS, catalog::FOOD_BAGS_RESERVE].contains(&product.sku);
    // Units returned in sellable condition go back on the shelf (while a
    // SKU sells down, they wait for inspection).
    let resold = if selling_down {
        0
    } else {
        figures
            .returns
            .iter()
            .filter(|(_, reason, _)| *reason != "DEFECTIVE")
            .count() as u64
    };
    let mut stock = (stock + arrived + resold).saturating_sub(figures.units);
    let in_transit: u64 = arriving.iter().map(|(_, n)| n).sum();
    if ((stock + in_transit) as f64) < weekly * 9.0 && !selling_down {
        arriving.push((week + 3, (weekly * 8.0) as u64));
    }
    if week == FOOD_BAGS_SELL_DOWN && selling_down {
        // What is left sells down to the newest week's end with no shipment.
        let left = if product.sku == catalog::FOOD_BAGS {
            0
        } else {
            FOOD_BAGS_RESERVE_LEFT
        };
        let to_sell: u64 = (week + 1..WEEKS)
            .map(|later| sales_week(product, later).units)
            .sum();
        stock = left + to_sell;
        arriving.clear();
    }
    if week == OVEN_MITTS_STOCKOUT && product.sku == catalog::OVEN_MITTS {
        stock = 0;
        arriving.clear();
        arriving.push((week + 1, (weekly * 8.0) as u64));
    }
    if product.sku == catalog::SPATULA_SET && week == NEWEST {
        stock = 62;
        arriving.clear();
    }
    figures.available = stock;
    figures.inbound = arriving.iter().map(|(_, n)| n).sum();
    if product.sku == catalog::VACUUM_BAGS {
        figures.available = stock + 420;
        figures.aged_181_270 = if week >= NEWEST - 2 { 236 } else { 0 };
        figures.aged_ais_cents = figures.aged_181_270 as i64 * 59;
    }
    let mut rng = Rng::new(&[product.sku, "rank"], week);
    let base_rank = 250_000.0 / (product.sessions * product.conversion).max(1.0);
    let mut rank = rng.jitter(base_rank / season(week), 0.1);
    if product.sku == catalog::CUTTING_BOARD_L && week == NEWEST {
        rank *= 1.45;
    }
    figures.sales_rank = rank.round() as u64;
    stock
}

const REASONS: [(&str, &str); 6] = [
    ("UNWANTED_ITEM", ""),
    ("DEFECTIVE", "Broke after a few uses"),
    ("NOT_AS_DESCRIBED", "Color is different from the photos"),
    ("ORDERED_WRONG_ITEM", ""),
    ("DAMAGED_BY_CARRIER", "Box was crushed"),
    ("QUALITY_UNACCEPTABLE", "Feels cheap"),
];

const SIZE_COMPLAINTS: [(&str, &str); 5] = [
    (
        "NOT_AS_DESCRIBED",
        "Much smaller than the listing says, more like 17 x 24",
    ),
    ("NOT_AS_DESCRIBED", "Size is wrong - not 20 x 32"),
    (
        "NOT_AS_DESCRIBED",
        "Too small for my bathroom, the picture makes it look bigger",
    ),
    ("MISORDERED", "Thought it was the large size"),
    ("NOT_AS_DESCRIBED", "smaller than pictured"),
];

/// Returns of the week; `due` carries fractions of a unit between weeks so
/// that small counts follow the rate instead of rounding noise.
fn returns(product: &Product, week: usize, figures: &mut SkuWeek, due: &mut f64) {
    let mut rng = Rng::new(&[product.sku, "returns"], week);
    let planted = product.sku == catalog::BATH_MAT_NAVY && week == NEWEST;
    let rate = if planted {
        0.17
    } else {
        rng.jitter(0.025, 0.25)
    };
    *due += figures.units as f64 * rate;
    let count = due.floor() as usize;
    *due -= count as f64;
    for i in 0..count {
        let day = (rng.next() % 7) as usize;
        let (reason, comment) = if planted && i % 5 != 4 {
            *rng.pick(&SIZE_COMPLAINTS)
        } else {
            *rng.pick(&REASONS)
        };
        figures.returns.push((day, reason, comment));
    }
}
