//! Every diagnosis rule's identity in one place: its id (the JSON contract),
//! its label and one-line explanation in plain words, the first checks an
//! experienced operator would make, and the action it suggests. Pure.

use super::words::Words;

/// Declares `Rule` and `Rule::ALL` from one list, so the rule book's
/// length — checked when it compiles — follows every rule added.
macro_rules! rules {
    ($($rule:ident),+ $(,)?) => {
        /// A diagnosis rule; `rule_book` holds what each one is called and suggests.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($rule),+
        }

        impl Rule {
            /// Every rule, in declaration order.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule),+];
        }
    };
}

rules![
    ConversionDrop,
    AdSpendSpike,
    AcosOverTarget,
    LowCtr,
    AdShareOutOfBand,
    ReturnSpike,
    StockoutRisk,
    StockoutDuringEvent,
    AgedInventory,
    ListingInactive,
    BuyBoxLoss,
    MarginBelowTarget,
    OdrOverTarget,
    IpiBelowThreshold,
    BsrWorsening,
    InventoryUnaccounted,
    RatingDrop,
];

/// What opsdeck knows about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleEntry {
    pub rule: Rule,
    /// The rule's name in JSON and the minutes file.
    pub id: &'static str,
    pub label: Words,
    pub explanation: Words,
    pub checks: &'static [Words],
    /// The title of the suggested action; `{sku}` stands for the SKU.
    pub action: Words,
}

const fn w(en: &'static str, zh: &'static str) -> Words {
    Words::new(en, zh)
}

/// One entry per rule, in the order `Rule` declares them: a rule added
/// without its entry, or an entry out of order, does not compile.
pub const RULE_BOOK: [RuleEntry; Rule::ALL.len()] = [
    RuleEntry {
        rule: Rule::ConversionDrop,
        id: "conversion_drop",
        label: w("Conversion drop", "转化率下降"),
        explanation: w(
            "Fewer visits turned into orders than last week",
            "访问转化为订单的比例低于上周",
        ),
        checks: &[
            w(
                "Check the review rating and new negative reviews",
                "检查评分和新增差评",
            ),
            w(
                "Look for a competitor's price cut or coupon",
                "查看竞品是否降价或发优惠券",
            ),
            w("Check Buy Box ownership", "检查购物车归属"),
            w(
                "Check for a listing change (title, images, price, variations)",
                "检查商品页面是否有改动（标题、图片、价格、变体）",
            ),
        ],
        action: w(
            "Find why conversion fell on {sku}",
            "查明 {sku} 转化率下降的原因",
        ),
    },
    RuleEntry {
        rule: Rule::AdSpendSpike,
        id: "ad_spend_spike",
        label: w("Ad spend spike", "广告花费激增"),
        explanation: w("Ad spend rose far above last week's", "广告花费远高于上周"),
        checks: &[
            w(
                "Verify the spend in Seller Central and the Ads console",
                "在卖家后台和广告后台核对花费",
            ),
            w(
                "Look for invalid clicks and report them to Amazon",
                "排查无效点击并向亚马逊报告",
            ),
            w(
                "Check automation rules and bid changes made this week",
                "检查本周的自动规则和竞价调整",
            ),
        ],
        action: w(
            "Check the ad spend spike on {sku}",
            "核查 {sku} 的广告花费激增",
        ),
    },
    RuleEntry {
        rule: Rule::AcosOverTarget,
        id: "acos_over_target",
        label: w("ACoS over target", "ACoS 超标"),
        explanation: w(
            "Ads cost more per sale than the target allows",
            "每笔广告销售的花费超过目标",
        ),
        checks: &[
            w(
                "Lower bids on targets with a high ACoS",
                "降低高 ACoS 投放的竞价",
            ),
            w(
                "Add negative keywords for search terms that spend without selling",
                "为只花钱不出单的搜索词添加否定关键词",
            ),
            w(
                "Check price and conversion before raising bids again",
                "再次提价竞价前先检查价格和转化率",
            ),
        ],
        action: w(
            "Bring ACoS back under target on {sku}",
            "把 {sku} 的 ACoS 降回目标以内",
        ),
    },
    RuleEntry {
        rule: Rule::LowCtr,
        id: "low_ctr",
        label: w("Low click-through", "点击率偏低"),
        explanation: w(
            "Shoppers see the ads but rarely click them",
            "广告有曝光但很少被点击",
        ),
        checks: &[
            w(
                "Add negative keywords for irrelevant search terms",
                "为不相关的搜索词添加否定关键词",
            ),
            w(
                "Improve the main image and title for the placements shown",
                "针对展示位置优化主图和标题",
            ),
            w(
                "Check the campaign is not winning only poor placements",
                "检查广告活动是否只赢得了差的位置",
            ),
        ],
        action: w("Add negative keywords for {sku}", "为 {sku} 添加否定关键词"),
    },
    RuleEntry {
        rule: Rule::AdShareOutOfBand,
        id: "ad_share_out_of_band",
        label: w("Ad share out of band", "广告占比超出范围"),
        explanation: w(
            "Ad spend as a share of sales is outside the target band",
            "广告花费占销售额的比例超出目标区间",
        ),
        checks: &[
            w(
                "Rebalance budgets between campaigns",
                "在广告活动之间重新分配预算",
            ),
            w(
                "Above the band: cut unprofitable spend; below it: invest in proven keywords",
                "高于区间：削减不赚钱的花费；低于区间：加投已验证的关键词",
            ),
        ],
        action: w("Rebalance the ad budget", "重新分配广告预算"),
    },
    RuleEntry {
        rule: Rule::ReturnSpike,
        id: "return_spike",
        label: w("Return spike", "退货激增"),
        explanation: w("Returns rose above their usual rate", "退货率高于平常水平"),
        checks: &[
            w(
                "Read the top return reasons and customer comments",
                "阅读主要退货原因和客户留言",
            ),
            w(
                "Check the listing matches the product (size marks on the main image, dimensions in the title)",
                "检查页面与产品是否一致（主图标注尺寸，标题写明规格）",
            ),
            w(
                "Inspect returned units and the current batch for defects",
                "检查退回的商品和当前批次是否有缺陷",
            ),
        ],
        action: w("Fix the cause of returns on {sku}", "解决 {sku} 的退货原因"),
    },
    RuleEntry {
        rule: Rule::StockoutRisk,
        id: "stockout_risk",
        label: w("Stockout risk", "断货风险"),
        explanation: w(
            "Stock runs out before a replenishment can arrive",
            "补货到达之前库存就会卖完",
        ),
        checks: &[
            w(
                "Replenish now (air freight for the gap if needed)",
                "立即补货（必要时空运补缺口）",
            ),
            w(
                "Shift ad budget to a substitute SKU",
                "把广告预算转到替代 SKU",
            ),
            w(
                "Raise the price a little to slow sales until stock arrives",
                "小幅提价，放缓销售直到到货",
            ),
        ],
        action: w("Replenish {sku}", "给 {sku} 补货"),
    },
    RuleEntry {
        rule: Rule::StockoutDuringEvent,
        id: "stockout_during_event",
        label: w("Event stockout", "活动期间断货"),
        explanation: w(
            "Stock runs out before a promotion or holiday the SKU is in ends",
            "库存会在商品参加的促销或节日结束前卖完",
        ),
        checks: &[
            w(
                "Send the purchase order now; air freight what the event needs",
                "立即下采购单；活动所需部分走空运",
            ),
            w(
                "Lower the deal quantity, or leave the SKU out of the event",
                "减少秒杀数量，或让该 SKU 退出活动",
            ),
            w(
                "Shift the event's ad budget to a substitute SKU",
                "把活动广告预算转到替代 SKU",
            ),
        ],
        action: w(
            "Get stock of {sku} in before the event",
            "活动前把 {sku} 的库存补上",
        ),
    },
    RuleEntry {
        rule: Rule::AgedInventory,
        id: "aged_inventory",
        label: w("Aged inventory", "库龄过长"),
        explanation: w(
            "Units older than 181 days draw storage surcharges",
            "库龄超过 181 天的库存会产生超龄费",
        ),
        checks: &[
            w(
                "Plan a removal order or a promotion (coupon, deal)",
                "安排移除订单或促销（优惠券、秒杀）",
            ),
            w(
                "Check when the aged-inventory surcharge is charged",
                "查看超龄库存附加费的收取时间",
            ),
            w("Stop replenishing this SKU", "停止给这个 SKU 补货"),
        ],
        action: w(
            "Plan a removal or promotion for {sku}",
            "为 {sku} 安排移除或促销",
        ),
    },
    RuleEntry {
        rule: Rule::ListingInactive,
        id: "listing_inactive",
        label: w("Listing inactive", "商品页面失效"),
        explanation: w(
            "No visits this week after visits the week before",
            "上周有访问，本周没有任何访问",
        ),
        checks: &[
            w(
                "Check for suppression or a compliance block in Seller Central",
                "在卖家后台检查是否被抑制或合规冻结",
            ),
            w(
                "Check the listing is active and buyable (price, stock)",
                "检查页面是否在售且可购买（价格、库存）",
            ),
            w("Open a case with Seller Support", "向卖家支持开案例"),
        ],
        action: w("Reactivate the listing of {sku}", "恢复 {sku} 的商品页面"),
    },
    RuleEntry {
        rule: Rule::BuyBoxLoss,
        id: "buy_box_loss",
        label: w("Buy Box lost", "购物车丢失"),
        explanation: w(
            "Another offer wins the Buy Box too often",
            "购物车经常被其他卖家赢得",
        ),
        checks: &[
            w(
                "Check other offers on the listing and their prices",
                "查看该页面的其他报价及其价格",
            ),
            w(
                "Check account health and repricing rules",
                "检查账户状况和调价规则",
            ),
            w(
                "Compare your price with the featured-offer price",
                "把你的价格与推荐报价比较",
            ),
        ],
        action: w("Win back the Buy Box on {sku}", "夺回 {sku} 的购物车"),
    },
    RuleEntry {
        rule: Rule::MarginBelowTarget,
        id: "margin_below_target",
        label: w("Margin below target", "毛利率低于目标"),
        explanation: w(
            "Each sale keeps less profit than the target",
            "每笔销售留下的利润低于目标",
        ),
        checks: &[
            w("Check price changes and coupons", "检查价格变动和优惠券"),
            w(
                "Check the FBA fee and unit cost in costs.csv",
                "检查 costs.csv 中的 FBA 费用和单位成本",
            ),
            w("Review the ad spend on this SKU", "复核这个 SKU 的广告花费"),
        ],
        action: w("Restore the margin of {sku}", "恢复 {sku} 的毛利率"),
    },
    RuleEntry {
        rule: Rule::OdrOverTarget,
        id: "odr_over_target",
        label: w("Order defects over target", "订单缺陷率超标"),
        explanation: w(
            "Too many orders end in negative feedback, claims or chargebacks",
            "差评、索赔或拒付的订单过多",
        ),
        checks: &[
            w(
                "Open Account Health: find the negative feedback, A-to-z claims and chargebacks",
                "打开账户状况：找出差评、A-to-z 索赔和信用卡拒付",
            ),
            w("Answer every open claim today", "今天回复所有未结索赔"),
            w(
                "Fix the cause (late shipments, defects, descriptions)",
                "解决根源（发货延迟、缺陷、描述不符）",
            ),
        ],
        action: w(
            "Bring the order defect rate under 1%",
            "把订单缺陷率降到 1% 以下",
        ),
    },
    RuleEntry {
        rule: Rule::IpiBelowThreshold,
        id: "ipi_below_threshold",
        label: w("IPI below threshold", "IPI 低于门槛"),
        explanation: w(
            "The inventory performance score risks storage limits",
            "库存绩效指数过低，可能被限制仓容",
        ),
        checks: &[
            w(
                "Remove or sell down excess and aged stock",
                "移除或清掉冗余和超龄库存",
            ),
            w("Fix stranded inventory", "处理搁置库存"),
            w(
                "Keep replenishable SKUs in stock",
                "让可补货的 SKU 保持有货",
            ),
        ],
        action: w("Raise the IPI above the threshold", "把 IPI 提高到门槛以上"),
    },
    RuleEntry {
        rule: Rule::BsrWorsening,
        id: "bsr_worsening",
        label: w("Sales rank falling", "销售排名下滑"),
        explanation: w(
            "The Best Sellers Rank worsened against last week",
            "畅销排名比上周变差",
        ),
        checks: &[
            w(
                "Compare sales with last week: a real drop, or competitors rising?",
                "对比上周销售：是真的下滑，还是竞品上升？",
            ),
            w(
                "Check new entrants in the category and their prices",
                "查看类目中的新竞品及其价格",
            ),
            w("Check reviews and the Buy Box", "检查评论和购物车"),
        ],
        action: w(
            "Find why the rank of {sku} fell",
            "查明 {sku} 排名下滑的原因",
        ),
    },
    RuleEntry {
        rule: Rule::InventoryUnaccounted,
        id: "inventory_unaccounted",
        label: w("Stock unaccounted for", "库存去向不明"),
        explanation: w(
            "FBA units fell by more than sales, returns, removals and receipts explain",
            "FBA 库存减少的数量超过销售、退货、移除和入库所能解释的",
        ),
        checks: &[
            w(
                "Reconcile the SKU in the Inventory Ledger (adjustments, lost, damaged)",
                "在库存分类账中核对该 SKU（调整、丢失、损坏）",
            ),
            w(
                "Check lost and damaged reimbursements; open a case for what is missing",
                "检查丢失和损坏的赔偿；对缺失部分开案索赔",
            ),
            w(
                "Look for a removal or disposal order not in the reports",
                "查找报告中未体现的移除或弃置订单",
            ),
        ],
        action: w(
            "Reconcile {sku} and claim the missing units",
            "核对 {sku} 库存并索赔缺失的数量",
        ),
    },
    RuleEntry {
        rule: Rule::RatingDrop,
        id: "rating_drop",
        label: w("Rating drop", "评分下降"),
        explanation: w(
            "The listing's star rating fell since last week, or below 4.0",
            "商品的星级评分比上周下降，或低于 4.0",
        ),
        checks: &[
            w(
                "Read the new one- and two-star reviews: a defect, a size, a listing promise?",
                "阅读新增的一星和二星评论：是质量、尺寸还是页面描述的问题？",
            ),
            w(
                "Compare with the return reasons and customer comments of the same weeks",
                "与同期的退货原因和买家留言对照",
            ),
            w(
                "Check the batch: a new supplier lot or packaging change",
                "检查批次：是否换了供应商批次或包装",
            ),
        ],
        action: w(
            "Find why the rating of {sku} fell and answer the reviews",
            "查明 {sku} 评分下降的原因并回复评论",
        ),
    },
];

const _: () = {
    let mut at = 0;
    while at < RULE_BOOK.len() {
        assert!(
            RULE_BOOK[at].rule as usize == at,
            "RULE_BOOK lists the rules in the order Rule declares them"
        );
        at += 1;
    }
};

impl Rule {
    /// Everything opsdeck knows about this rule.
    pub fn entry(self) -> &'static RuleEntry {
        &RULE_BOOK[self as usize]
    }

    /// The rule's id in JSON and the minutes.
    pub fn name(self) -> &'static str {
        self.entry().id
    }

    /// The rule whose id is `id`.
    pub fn from_name(id: &str) -> Option<Rule> {
        RULE_BOOK.iter().find(|e| e.id == id).map(|e| e.rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::words::has_chinese;

    #[test]
    fn every_rule_has_its_own_entry_in_declaration_order() {
        for (at, entry) in RULE_BOOK.iter().enumerate() {
            assert_eq!(entry.rule as usize, at, "{}", entry.id);
            assert_eq!(Rule::from_name(entry.id), Some(entry.rule));
        }
    }

    #[test]
    fn every_rule_speaks_both_languages() {
        for entry in &RULE_BOOK {
            let words = [entry.label, entry.explanation, entry.action]
                .into_iter()
                .chain(entry.checks.iter().copied());
            for text in words {
                assert!(!text.en.is_empty(), "{}", entry.id);
                assert!(has_chinese(text.zh), "{}: {:?}", entry.id, text.zh);
            }
            assert!(!entry.checks.is_empty(), "{}", entry.id);
        }
    }
}
