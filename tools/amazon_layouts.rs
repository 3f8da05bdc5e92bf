//! Writers of Amazon's current US report layouts, shared by the sample-data
//! generator and the import benchmark: exact headers, Amazon's quoting
//! (only when a field needs it), `$1,234.56` money and `12.34%` ratios.

// Figures here are small simulated counts and amounts: casts between them cannot overflow.
#![allow(
    dead_code,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::fmt::Write as _;

/// Detail Page Sales and Traffic By Child Item, US, 22 columns.
pub const BUSINESS_REPORT_HEADER: &str = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Sessions - Total - B2B,Session Percentage - Total,Session Percentage - Total - B2B,Page Views - Total,Page Views - Total - B2B,Page Views Percentage - Total,Page Views Percentage - Total - B2B,Featured Offer (Buy Box) Percentage,Featured Offer (Buy Box) Percentage - B2B,Units Ordered,Units Ordered - B2B,Unit Session Percentage,Unit Session Percentage - B2B,Ordered Product Sales,Ordered Product Sales - B2B,Total Order Items,Total Order Items - B2B";

/// Sponsored Products advertised product report, Daily, CSV.
pub const ADVERTISED_PRODUCT_HEADER: &str = "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Click-Thru Rate (CTR),Cost Per Click (CPC),Spend,7 Day Total Sales ,Total Advertising Cost of Sales (ACOS) ,Total Return on Advertising Spend (ROAS),7 Day Total Orders (#),7 Day Total Units (#),7 Day Conversion Rate,7 Day Advertised SKU Units (#),7 Day Other SKU Units (#),7 Day Advertised SKU Sales ,7 Day Other SKU Sales ";

/// Manage FBA Inventory, tab-separated.
pub const MANAGE_INVENTORY_COLUMNS: [&str; 21] = [
    "sku",
    "fnsku",
    "asin",
    "product-name",
    "condition",
    "your-price",
    "mfn-listing-exists",
    "mfn-fulfillable-quantity",
    "afn-listing-exists",
    "afn-warehouse-quantity",
    "afn-fulfillable-quantity",
    "afn-unsellable-quantity",
    "afn-reserved-quantity",
    "afn-total-quantity",
    "per-unit-volume",
    "afn-inbound-working-quantity",
    "afn-inbound-shipped-quantity",
    "afn-inbound-receiving-quantity",
    "afn-researching-quantity",
    "afn-reserved-future-supply",
    "afn-future-supply-buyable",
];

/// FBA Inventory (planning), the 2025–2026 layout, tab-separated.
pub const PLANNING_COLUMNS: [&str; 99] = [
    "snapshot-date",
    "sku",
    "fnsku",
    "asin",
    "product-name",
    "condition",
    "available",
    "fc-transfer",
    "pending-removal-quantity",
    "inv-age-0-to-90-days",
    "inv-age-91-to-180-days",
    "inv-age-181-to-270-days",
    "inv-age-271-to-365-days",
    "inv-age-366-to-455-days",
    "inv-age-456-plus-days",
    "currency",
    "units-shipped-t7",
    "units-shipped-t30",
    "units-shipped-t60",
    "units-shipped-t90",
    "alert",
    "your-price",
    "sales-price",
    "lowest-price-new-plus-shipping",
    "lowest-price-used",
    "recommended-action",
    "DEPRECATED healthy-inventory-level",
    "recommended-sales-price",
    "recommended-sale-duration-days",
    "recommended-removal-quantity",
    "estimated-cost-savings-of-recommended-actions",
    "sell-through",
    "item-volume",
    "volume-unit-measurement",
    "storage-type",
    "storage-volume",
    "marketplace",
    "product-group",
    "sales-rank",
    "days-of-supply",
    "estimated-excess-quantity",
    "weeks-of-cover-t30",
    "weeks-of-cover-t90",
    "featuredoffer-price",
    "sales-shipped-last-7-days",
    "sales-shipped-last-30-days",
    "sales-shipped-last-60-days",
    "sales-shipped-last-90-days",
    "inv-age-0-to-30-days",
    "inv-age-31-to-60-days",
    "inv-age-61-to-90-days",
    "inv-age-181-to-330-days",
    "inv-age-331-to-365-days",
    "estimated-storage-cost-next-month",
    "inbound-quantity",
    "inbound-working",
    "inbound-shipped",
    "inbound-received",
    "no-sale-last-6-months",
    "Total Reserved Quantity",
    "unfulfillable-quantity",
    "quantity-to-be-charged-ais-181-210-days",
    "estimated-ais-181-210-days",
    "quantity-to-be-charged-ais-211-240-days",
    "estimated-ais-211-240-days",
    "quantity-to-be-charged-ais-241-270-days",
    "estimated-ais-241-270-days",
    "quantity-to-be-charged-ais-271-300-days",
    "estimated-ais-271-300-days",
    "quantity-to-be-charged-ais-301-330-days",
    "estimated-ais-301-330-days",
    "quantity-to-be-charged-ais-331-365-days",
    "estimated-ais-331-365-days",
    "quantity-to-be-charged-ais-366-455-days",
    "estimated-ais-366-455-days",
    "quantity-to-be-charged-ais-456-plus-days",
    "estimated-ais-456-plus-days",
    "historical-days-of-supply",
    "fba-minimum-inventory-level",
    "fba-inventory-level-health-status",
    "Recommended ship-in quantity",
    "Recommended ship-in date",
    "Last updated date for Historical Days of Supply",
    "Exempted from Low-Inventory-Level fee?",
    "Low-Inventory-Level fee applied in current week?",
    "Short term historical days of supply",
    "Long term historical days of supply",
    "Inventory age snapshot date",
    "Inventory Supply at FBA",
    "Reserved FC Processing",
    "Reserved Customer Order",
    "Reserved Staging",
    "Total Days of Supply (including units from open shipments)",
    "supplier",
    "is-seasonal-in-next-3-months",
    "season-name",
    "season-start-date",
    "season-end-date",
    "Fulfillment Service and Programs",
];

/// FBA customer returns, tab-separated.
pub const RETURNS_HEADER: &str = "return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments";

/// `1234567` cents → `$12,345.67`.
pub fn dollars(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}${}.{:02}", grouped(cents / 100), cents % 100)
}

/// `1234567` → `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A fraction as Amazon's percentage with two decimals: `0.1234` → `12.34%`.
pub fn percent(fraction: f64) -> String {
    let hundredths = (fraction * 10_000.0).round() as u64;
    format!("{}.{:02}%", grouped(hundredths / 100), hundredths % 100)
}

/// Appends one CSV record, quoting a field only when it holds `,`, `"` or a line break.
pub fn push_csv_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// Appends one tab-separated record (no quoting: Amazon's flat files have none).
pub fn push_tsv_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(field.as_ref());
    }
    out.push('\n');
}

/// One Business Report row's figures; the B2B columns are a share of the totals.
pub struct BusinessRow<'a> {
    pub parent_asin: &'a str,
    pub child_asin: &'a str,
    pub title: &'a str,
    pub sku: &'a str,
    pub sessions: u64,
    pub page_views: u64,
    pub buy_box: f64,
    pub units: u64,
    pub sales_cents: i64,
    pub orders: u64,
    /// Account totals, for the share columns.
    pub account_sessions: u64,
    pub account_page_views: u64,
}

impl BusinessRow<'_> {
    /// Appends the row in Amazon's format.
    pub fn push(&self, out: &mut String) {
        let share = |part: u64, whole: u64| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            }
        };
        let b2b = |n: u64| n / 12;
        let b2b_units = b2b(self.units);
        let b2b_sales = if self.units == 0 {
            0
        } else {
            self.sales_cents * b2b_units as i64 / self.units as i64
        };
        let fields = [
            self.parent_asin.to_owned(),
            self.child_asin.to_owned(),
            self.title.to_owned(),
            self.sku.to_owned(),
            grouped(self.sessions),
            grouped(b2b(self.sessions)),
            percent(share(self.sessions, self.account_sessions)),
            percent(share(b2b(self.sessions), self.account_sessions)),
            grouped(self.page_views),
            grouped(b2b(self.page_views)),
            percent(share(self.page_views, self.account_page_views)),
            percent(share(b2b(self.page_views), self.account_page_views)),
            percent(self.buy_box),
            percent(if b2b(self.page_views) == 0 {
                0.0
            } else {
                self.buy_box
            }),
            grouped(self.units),
            grouped(b2b_units),
            percent(share(self.units, self.sessions)),
            percent(share(b2b_units, b2b(self.sessions))),
            dollars(self.sales_cents),
            dollars(b2b_sales),
            grouped(self.orders),
            grouped(b2b(self.orders)),
        ];
        push_csv_record(out, &fields);
    }
}

/// One day of one advertised product in one campaign.
pub struct AdRow<'a> {
    pub date: &'a str,
    pub campaign: &'a str,
    pub ad_group: &'a str,
    pub sku: &'a str,
    pub asin: &'a str,
    pub impressions: u64,
    pub clicks: u64,
    pub spend_cents: i64,
    pub sales_cents: i64,
    pub orders: u64,
    pub units: u64,
}

impl AdRow<'_> {
    /// Appends the row; undefined ratios are written as Amazon's CSV does (`0.00%`, `$0.00`).
    pub fn push(&self, out: &mut String) {
        let ratio = |a: f64, b: f64| if b == 0.0 { 0.0 } else { a / b };
        let spend = self.spend_cents as f64;
        let sales = self.sales_cents as f64;
        let other_units = self.units / 8;
        let other_sales = self.sales_cents / 8;
        let fields = [
            self.date.to_owned(),
            "No Portfolio".to_owned(),
            "USD".to_owned(),
            self.campaign.to_owned(),
            self.ad_group.to_owned(),
            self.sku.to_owned(),
            self.asin.to_owned(),
            self.impressions.to_string(),
            self.clicks.to_string(),
            percent(ratio(self.clicks as f64, self.impressions as f64)),
            dollars((ratio(spend, self.clicks as f64)).round() as i64),
            dollars(self.spend_cents),
            dollars(self.sales_cents),
            percent(ratio(spend, sales)),
            format!("{:.2}", ratio(sales, spend)),
            self.orders.to_string(),
            self.units.to_string(),
            percent(ratio(self.orders as f64, self.clicks as f64)),
            (self.units - other_units).to_string(),
            other_units.to_string(),
            dollars(self.sales_cents - other_sales),
            dollars(other_sales),
        ];
        push_csv_record(out, &fields);
    }
}
