//! The sample team's `opsdeck.toml` and the minutes of their previous
//! meeting, whose open actions open the next one.

pub const CONFIG: &str = r#"# opsdeck.toml — the sample team's settings (see `opsdeck init` for every key).
# Ratios are fractions: 0.25 means 25 %.

title = "Home & Kitchen US — weekly ops"
facilitator = "Lina"
attendees = ["Lina", "Marco", "Wei", "Priya", "Sam"]
currency = "USD"
language = "en"          # "zh" for Chinese labels
week_start = "monday"    # ISO weeks, as the weeks/ folders are named

[[agenda]]
name = "review"
minutes = 25

[[agenda]]
name = "diagnosis"
minutes = 25

[[agenda]]
name = "plan"
minutes = 20

[targets]
acos = 0.25
ad_share_min = 0.15
ad_share_max = 0.25
gross_margin = 0.30
lead_time_days = 35      # sea freight from Ningbo plus check-in
ipi = 450

[targets.conversion_by_category]
gl_kitchen = 0.11
gl_home = 0.095

[replenishment]
safety_days = 14         # stock in hand beyond the lead time
target_cover_days = 60   # days of sales an order covers once it arrives
transfer_days = 14       # AWD to FBA, for supply.csv stock without an eta
capacity_cubic_feet = 15000  # the account's FBA storage limit

[roles]
purchasing = "Wei"       # owner of the purchase orders the plan proposes

[[events]]
name = "Black Friday / Cyber Monday"
kind = "deal"
start = 2026-11-27
end = 2026-11-30
submit_by = 2026-10-09
uplift = 2.5             # a day of the event sells 2.5 normal days

[[events]]
name = "Holiday Lightning Deals"
kind = "deal"
start = 2026-12-14
end = 2026-12-20
submit_by = 2026-11-27
arrive_by = 2026-12-07   # Amazon's inventory cut-off for the deals
uplift = 1.8
skus = ["HK-KS-3STG", "HK-SB-BPA"]
"#;

pub const LAST_MINUTES: &str = r#"# Minutes of the weekly operations meeting, written by opsdeck.
schema = 1
week = "2026-W47"
reviewed_week = "2026-W46"
date = "2026-11-16"
started = "2026-11-16T09:01:12-08:00"
ended = "2026-11-16T10:12:40-08:00"
facilitator = "Lina"
attendees = ["Lina", "Marco", "Wei", "Priya", "Sam"]

[[sections]]
name = "review"
planned_seconds = 1500
actual_seconds = 1712

[[sections]]
name = "diagnosis"
planned_seconds = 1500
actual_seconds = 1468

[[sections]]
name = "plan"
planned_seconds = 1200
actual_seconds = 1108

[[decisions]]
id = "2026-W47-D01"
text = "Hold Black Friday deal prices on cutting boards; no extra coupon"
section = "plan"
time = "2026-11-16T09:58:03-08:00"

[[decisions]]
id = "2026-W47-D02"
text = "Air-ship one carton of spatula sets if days of supply falls under 21"
section = "plan"
time = "2026-11-16T10:04:40-08:00"

[[actions]]
id = "2026-W47-01"
title = "Book the December sea shipment for spatula sets"
owner = "Wei"
due = "2026-11-20"
sku = "HK-SP-SIL-5"
kpi = "days_of_supply"
priority = "high"
status = "open"
created = "2026-11-16T10:05:10-08:00"
weeks_carried = 0

[[actions]]
id = "2026-W47-02"
title = "Add negative keywords to the dish rack auto campaign"
owner = "Marco"
due = "2026-11-19"
sku = "HK-DR-2T"
kpi = "ctr"
priority = "normal"
status = "open"
created = "2026-11-16T10:06:31-08:00"
weeks_carried = 0

[[actions]]
id = "2026-W45-03"
title = "Plan a removal or a promotion for aged vacuum bags"
owner = "Priya"
due = "2026-11-18"
sku = "HK-VB-20PK"
kpi = "aged_181_plus_units"
priority = "normal"
status = "carried"
created = "2026-11-02T10:01:55-08:00"
carried_from = "2026-W46"
weeks_carried = 2
note = "Waiting for the removal fee quote"

[[actions]]
id = "2026-W47-03"
title = "Refresh the bath mat listing photos for the holiday season"
owner = "Sam"
due = "2026-11-25"
sku = "HK-BM-NV-2032"
priority = "low"
status = "open"
created = "2026-11-16T10:08:02-08:00"
weeks_carried = 0

[[actions]]
id = "2026-W46-01"
title = "Reply to the 2-star reviews on the knife sharpener"
owner = "Priya"
due = "2026-11-13"
sku = "HK-KS-3STG"
priority = "normal"
status = "done"
created = "2026-11-09T09:49:20-08:00"
closed_at = "2026-11-16T09:12:00-08:00"
weeks_carried = 1
"#;
