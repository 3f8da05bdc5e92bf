//! The commented `opsdeck.toml` that `opsdeck init` writes: every setting
//! with its default and what it means, ready to edit.

/// The starting `opsdeck.toml`. Parsing it gives exactly the default settings.
pub const CONFIG_TEMPLATE: &str = r#"# opsdeck.toml — settings of the weekly operations meeting.
# Every key is optional: delete one and the default shown here applies.
# Ratios are fractions: 0.25 means 25 %.

title = "Weekly operations meeting"
# facilitator = "Lina"
# attendees = ["Lina", "Marco", "Wei", "Priya"]   # owners for action items
currency = "USD"            # ISO code of the marketplace currency; with several
                            # marketplaces (weeks/2026-W47/US/, …/DE/), the reporting
                            # currency they are consolidated in (alias: reporting_currency)
language = "en"             # "en" or "zh" (Chinese labels)
week_start = "monday"       # "monday" (ISO weeks) or "sunday" (Amazon's weekly reports)
theme = "dark"              # "dark", "light" or "high-contrast" (projectors, video calls)
bell = false                # ring the terminal bell once when a section runs over

# The agenda, in order. The playbook recommends 60–90 minutes in all.
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
acos = 0.25                  # ad spend ÷ ad sales, at or below
ad_share_min = 0.15          # ad spend ÷ total sales (TACoS) within min..max
ad_share_max = 0.25
ad_share_breach_margin = 0.05  # above max by more than this is a breach
inventory_turnover = 4.0     # annualised units sold ÷ units on hand, at or above
odr = 0.01                   # order defect rate, below
buy_box = 0.95               # Buy Box share of page views, at or above
ipi = 400                    # Inventory Performance Index, at or above
gross_margin = 0.30          # (sales − costs − fees) ÷ sales, at or above
return_rate = 0.05           # returned units ÷ units ordered, at or below
lead_time_days = 35          # days of supply below this is a stockout risk
conversion = 0.10            # units ÷ sessions, the category mean

# Category means by Amazon product group, overriding `conversion`:
[targets.conversion_by_category]
# gl_kitchen = 0.12

[thresholds]
conversion_drop = 0.15           # conversion down this much week over week…
conversion_min_sessions = 100    # …on at least this many sessions
ad_spend_spike = 0.50            # spend up this much while ad sales rose less than half as much
low_ctr = 0.002                  # CTR below this…
low_ctr_min_impressions = 1000   # …on at least this many impressions
return_spike_factor = 2.0        # return rate at this multiple of its 4-week average…
return_min_units = 3             # …with at least this many units returned
return_rate_without_history = 0.10
bsr_worsening = 0.20             # BSR up (worse) by this much week over week

# Several marketplaces: the value of one unit of each other currency in
# `currency`. A week's week.toml may have its own [fx] table for that week.
# [fx]
# EUR = 1.10
# GBP = 1.27
# JPY = 0.0067

# The replenishment schedule (supply view `4`, kpis, prep). Per SKU lead
# times, case packs and MOQs go in costs.csv: lead_time_days (or its legs
# production_days, freight_days, checkin_days, and air_freight_days for an
# air bridge), case_pack, moq, reorder_sku. Stock at AWD, in a warehouse, in
# transit or on order goes in supply.csv: sku,location,units,eta.
[replenishment]
safety_days = 14          # stock in hand beyond the lead time
target_cover_days = 60    # days of sales an order covers once it arrives
transfer_days = 14        # supply.csv stock without an eta is sellable this many days on
# capacity_cubic_feet = 12000   # FBA storage limit: the plan warns above it

# Who owns the actions opsdeck proposes (`o` in the supply view captures a PO).
[roles]
# purchasing = "Wei"

# E-mail addresses of the owners, for `opsdeck actions --format asana`.
[emails]
# Wei = "wei@example.com"

# `opsdeck fetch`: the marketplaces fetched by default, and Ads profiles to
# use without asking Amazon's profile list. The credentials live outside the
# workspace (see the README), never here.
[fetch]
# marketplaces = ["US", "DE"]
# max_document_mb = 1024   # the largest report document accepted, sent or unzipped
# [fetch.profiles]
# US = 1234567890

# The promotions calendar: the plan shows the events of the next 8 weeks, and
# a SKU whose stock runs out before an event it is in ends is an anomaly.
# kind: deal, prime_day, holiday, listing or other; skus: none means every SKU;
# uplift: a day of the event sells this many normal days (default 1.0).
# [[events]]
# name = "Black Friday / Cyber Monday"
# kind = "deal"
# start = 2026-11-27
# end = 2026-11-30
# submit_by = 2026-10-09     # the deal submission deadline
# arrive_by = 2026-11-10     # Amazon's inventory cut-off for the event
# uplift = 2.5
# skus = ["HK-SP-SIL-5"]
"#;

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::CONFIG_TEMPLATE;
    use crate::domain::settings::Settings;
    use crate::import::config::parse_config;

    #[test]
    fn the_template_states_exactly_the_defaults() {
        let read = parse_config(Path::new("opsdeck.toml"), CONFIG_TEMPLATE).unwrap();
        assert_eq!(read.settings, Settings::default());
        assert!(read.warnings.is_empty());
    }

    #[test]
    fn the_commented_event_reads_once_uncommented() {
        let at = CONFIG_TEMPLATE.find("# [[events]]").unwrap();
        let (before, example) = CONFIG_TEMPLATE.split_at(at);
        let uncommented = example
            .lines()
            .map(|line| line.trim_start_matches("# "))
            .collect::<Vec<_>>()
            .join("\n");
        let read = parse_config(
            Path::new("opsdeck.toml"),
            &(before.to_owned() + &uncommented),
        )
        .unwrap();
        assert_eq!(read.settings.events.len(), 1);
        assert_eq!(read.settings.events[0].name, "Black Friday / Cyber Monday");
    }

    #[test]
    fn every_threshold_is_written_with_its_default() {
        let block = &CONFIG_TEMPLATE[CONFIG_TEMPLATE.find("[thresholds]").unwrap()..];
        for (key, default) in crate::domain::settings::Thresholds::KEYS {
            let line = format!("\n{key} = {default}");
            assert!(
                block.contains(&line),
                "{key} = {default} is not in the template"
            );
        }
    }
}
