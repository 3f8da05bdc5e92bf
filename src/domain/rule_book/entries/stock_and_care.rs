//! The entries of the rules on stock, margin, returns, account health and
//! ratings.

use super::super::{Rule, RuleEntry};
use super::w;

pub(super) const RETURN_SPIKE: RuleEntry = RuleEntry {
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
};

pub(super) const STOCKOUT_RISK: RuleEntry = RuleEntry {
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
};

pub(super) const STOCKOUT_DURING_EVENT: RuleEntry = RuleEntry {
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
};

pub(super) const AGED_INVENTORY: RuleEntry = RuleEntry {
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
};

pub(super) const MARGIN_BELOW_TARGET: RuleEntry = RuleEntry {
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
};

pub(super) const ODR_OVER_TARGET: RuleEntry = RuleEntry {
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
};

pub(super) const IPI_BELOW_THRESHOLD: RuleEntry = RuleEntry {
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
};

pub(super) const INVENTORY_UNACCOUNTED: RuleEntry = RuleEntry {
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
};

pub(super) const RATING_DROP: RuleEntry = RuleEntry {
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
};
