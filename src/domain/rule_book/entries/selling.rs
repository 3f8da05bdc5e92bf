//! The entries of the rules on how the account and its SKUs sell: conversion,
//! advertising, the listing, the Buy Box and the sales rank.

use super::super::{Rule, RuleEntry};
use super::w;

pub(super) const CONVERSION_DROP: RuleEntry = RuleEntry {
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
};

pub(super) const AD_SPEND_SPIKE: RuleEntry = RuleEntry {
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
};

pub(super) const ACOS_OVER_TARGET: RuleEntry = RuleEntry {
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
};

pub(super) const LOW_CTR: RuleEntry = RuleEntry {
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
};

pub(super) const AD_SHARE_OUT_OF_BAND: RuleEntry = RuleEntry {
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
};

pub(super) const LISTING_INACTIVE: RuleEntry = RuleEntry {
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
};

pub(super) const BUY_BOX_LOSS: RuleEntry = RuleEntry {
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
};

pub(super) const BSR_WORSENING: RuleEntry = RuleEntry {
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
};
