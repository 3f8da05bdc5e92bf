//! Every column opsdeck reads, with the names Amazon gives it in each
//! language and header generation — one table per report kind. Names are
//! written as `header::normalize` leaves them (lower case, one kind of dash,
//! ASCII parentheses, no currency suffix); a test checks it. Adding a
//! language is adding names here, with the source in
//! `localized-report-headers.md`; no reader changes.

use crate::domain::words::Words;

/// A language Seller Central or the Ads console writes headers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HeaderLanguage {
    English,
    Chinese,
    Japanese,
    German,
}

impl HeaderLanguage {
    /// The language's name in each language opsdeck speaks.
    pub fn name(self) -> Words {
        match self {
            HeaderLanguage::English => Words::new("English", "英文"),
            HeaderLanguage::Chinese => Words::new("Chinese", "中文"),
            HeaderLanguage::Japanese => Words::new("Japanese", "日文"),
            HeaderLanguage::German => Words::new("German", "德文"),
        }
    }
}

/// The languages whose headers opsdeck reads, for messages.
pub const LANGUAGES: Words = Words::new(
    "English, Chinese (three header generations), Japanese and German",
    "英文、中文（三代表头）、日文和德文",
);

/// One column and its names; the first English name is the one messages use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub names: &'static [(HeaderLanguage, &'static str)],
}

impl Column {
    /// The name messages use.
    pub fn name(&self) -> &'static str {
        self.names.first().map_or("", |(_, name)| name)
    }

    /// The language of a normalised header, when it is one of this column's names.
    pub fn language_of(&self, normalized: &str) -> Option<HeaderLanguage> {
        self.names
            .iter()
            .find(|(_, name)| names_column(normalized, name))
            .map(|(language, _)| *language)
    }
}

/// A column from its names: `column!(English "sku", German "sku")`.
macro_rules! column {
    ($($language:ident $name:literal),+ $(,)?) => {
        $crate::import::columns::Column {
            names: &[$(($crate::import::columns::HeaderLanguage::$language, $name)),+],
        }
    };
}
pub(crate) use column;

/// Business Report, by child item (also by ASIN, legacy, device split).
pub mod business {
    use super::Column;

    pub const PARENT_ASIN: Column = column!(
        English "(parent) asin",
        Chinese "(父)asin",
        Chinese "(父) asin",
        Japanese "(親)asin",
        German "(übergeordnete) asin",
    );
    pub const CHILD_ASIN: Column = column!(
        English "(child) asin",
        Chinese "(子)asin",
        German "(untergeordnete) asin",
    );
    pub const TITLE: Column = column!(
        English "title",
        Chinese "商品名称",
        Chinese "标题",
        Japanese "タイトル",
        German "titel",
    );
    pub const SKU: Column = column!(English "sku");
    pub const SESSIONS: Column = column!(
        English "sessions - total",
        English "sessions",
        Chinese "买家访问次数",
        Chinese "会话次数 - 总计",
        Chinese "会话数 - 总计",
        Japanese "セッション数 - 合計",
        Japanese "セッション - 合計",
        German "sitzungen - summe",
    );
    pub const PAGE_VIEWS: Column = column!(
        English "page views - total",
        English "page views",
        Chinese "页面浏览次数",
        Chinese "页面浏览量 - 总计",
        Japanese "ページビュー - 合計",
        German "seitenaufrufe - summe",
    );
    pub const BUY_BOX: Column = column!(
        English "featured offer (buy box) percentage",
        English "buy box percentage",
        English "featured offer percentage",
        Chinese "购买按钮赢得率",
        Chinese "推荐报价(购买按钮)百分比",
        Chinese "推荐报价(推荐报价展示位)百分比",
        Japanese "おすすめ出品(おすすめ商品)の獲得率",
        German "hervorgehobenes angebot (\"in-den-einkaufswagen\") - prozentsatz",
    );
    pub const UNITS: Column = column!(
        English "units ordered",
        Chinese "已订购商品数量",
        Japanese "注文された商品点数",
        German "bestellte einheiten",
    );
    pub const SALES: Column = column!(
        English "ordered product sales",
        English "gross product sales",
        Chinese "已订购商品销售额",
        Japanese "注文商品の売上額",
        Japanese "注文商品売上",
        German "durch bestellte produkte erzielter umsatz",
    );
    pub const ORDERS: Column = column!(
        English "total order items",
        English "orders placed",
        Chinese "订单商品种类数",
        Chinese "订单商品总数",
        Japanese "注文品目総数",
        German "zahl der bestellposten",
    );
    /// The day of a row of the Business Report by Date.
    pub const DATE: Column = column!(
        English "date",
        Chinese "日期",
        Japanese "日付",
        German "datum",
    );
}

/// Sponsored Products reports: advertised product, campaign, search term, targeting.
pub mod ads {
    use super::Column;

    pub const DATE: Column = super::business::DATE;
    pub const START_DATE: Column = column!(
        English "start date",
        Chinese "开始日期",
        Japanese "開始日",
        German "startdatum",
    );
    pub const END_DATE: Column = column!(
        English "end date",
        Chinese "结束日期",
        Japanese "終了日",
        German "enddatum",
    );
    pub const CURRENCY: Column = column!(
        English "currency",
        Chinese "货币",
        German "währung",
    );
    pub const CAMPAIGN: Column = column!(
        English "campaign name",
        Chinese "广告活动名称",
        Japanese "キャンペーン名",
        German "kampagnen-name",
        German "kampagnenname",
    );
    pub const ADVERTISED_SKU: Column = column!(
        English "advertised sku",
        Chinese "广告sku",
        Japanese "宣伝sku",
    );
    pub const ADVERTISED_ASIN: Column = column!(
        English "advertised asin",
        Chinese "广告asin",
        Chinese "广告 asin",
        Japanese "宣伝 asin",
    );
    pub const SEARCH_TERM: Column = column!(
        English "customer search term",
        Chinese "客户搜索词",
        Japanese "カスタマーの検索キーワード",
        German "suchbegriff des kunden",
    );
    pub const TARGETING: Column = column!(
        English "targeting",
        Chinese "投放",
        Japanese "ターゲティング",
        German "ausrichtung",
    );
    pub const MATCH_TYPE: Column = column!(
        English "match type",
        Chinese "匹配类型",
        Japanese "マッチタイプ",
        German "übereinstimmungstyp",
    );
    pub const IMPRESSIONS: Column = column!(
        English "impressions",
        Chinese "展示量",
        Japanese "インプレッション",
        Japanese "インプレッション数",
        German "impressionen",
    );
    pub const CLICKS: Column = column!(
        English "clicks",
        Chinese "点击量",
        Japanese "クリック",
        Japanese "クリック数",
        German "klicks",
    );
    pub const SPEND: Column = column!(
        English "spend",
        English "total cost",
        Chinese "花费",
        Japanese "費用",
        Japanese "支出",
        German "ausgaben",
    );
    pub const SALES_7_DAY: Column = column!(
        English "7 day total sales",
        English "sales",
        Chinese "7天总销售额",
        Japanese "広告がクリックされてから7日間の総売上高",
        German "7 tage, umsatz gesamt",
    );
    pub const SALES_14_DAY: Column = column!(
        English "14 day total sales",
        Chinese "14天总销售额",
    );
    pub const ORDERS_7_DAY: Column = column!(
        English "7 day total orders (#)",
        English "purchases",
        Chinese "7天总订单数(#)",
        Chinese "7天总订单数",
        Japanese "広告がクリックされてから7日間の合計注文数",
        German "7 tage, aufträge gesamt (#)",
    );
    pub const ORDERS_14_DAY: Column = column!(
        English "14 day total orders (#)",
        Chinese "14天总订单数(#)",
    );
    pub const UNITS_7_DAY: Column = column!(
        English "7 day total units (#)",
        Chinese "7天总销售量(#)",
        Japanese "広告がクリックされてから7日間の合計販売数",
        German "7 tage, einheiten gesamt (#)",
    );
    pub const UNITS_14_DAY: Column = column!(
        English "14 day total units (#)",
        Chinese "14天总销售量(#)",
    );
}

/// The Amazon-fulfilled Inventory report (`GET_AFN_INVENTORY_DATA`), English keys.
pub mod afn {
    use super::Column;

    pub const SELLER_SKU: Column = column!(English "seller-sku");
    pub const FULFILLMENT_SKU: Column = column!(English "fulfillment-channel-sku");
    pub const ASIN: Column = column!(English "asin");
    pub const WAREHOUSE_CONDITION: Column = column!(English "warehouse-condition-code");
    pub const QUANTITY: Column = column!(English "quantity available");
}

/// Whether a normalised header is `name`, as written or with a currency
/// suffix (`7 tage, umsatz gesamt (€)`): the one rule of header matching.
pub fn names_column(header: &str, name: &str) -> bool {
    header == name || strip_currency(header) == name
}

/// `14 day total sales (₹)` → `14 day total sales`: a currency in brackets is not part of the name.
fn strip_currency(header: &str) -> &str {
    header
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, currency)| {
            !currency.is_empty()
                && currency.chars().count() <= 3
                && currency.chars().all(|c| !c.is_ascii() || c == '$')
        })
        .map_or(header, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::normalize;

    const EVERY_COLUMN: &[Column] = &[
        business::PARENT_ASIN,
        business::CHILD_ASIN,
        business::TITLE,
        business::SKU,
        business::SESSIONS,
        business::PAGE_VIEWS,
        business::BUY_BOX,
        business::UNITS,
        business::SALES,
        business::ORDERS,
        business::DATE,
        ads::START_DATE,
        ads::END_DATE,
        ads::CURRENCY,
        ads::CAMPAIGN,
        ads::ADVERTISED_SKU,
        ads::ADVERTISED_ASIN,
        ads::SEARCH_TERM,
        ads::TARGETING,
        ads::MATCH_TYPE,
        ads::IMPRESSIONS,
        ads::CLICKS,
        ads::SPEND,
        ads::SALES_7_DAY,
        ads::SALES_14_DAY,
        ads::ORDERS_7_DAY,
        ads::ORDERS_14_DAY,
        ads::UNITS_7_DAY,
        ads::UNITS_14_DAY,
        afn::SELLER_SKU,
        afn::FULFILLMENT_SKU,
        afn::ASIN,
        afn::WAREHOUSE_CONDITION,
        afn::QUANTITY,
    ];

    #[test]
    fn names_are_written_as_normalisation_leaves_them() {
        for column in EVERY_COLUMN {
            assert_eq!(
                column.names[0].0,
                HeaderLanguage::English,
                "{}",
                column.name()
            );
            for (_, name) in column.names {
                assert_eq!(normalize(name), *name);
            }
        }
    }

    #[test]
    fn no_name_belongs_to_two_columns_of_a_kind() {
        let kinds: [&[Column]; 2] = [&EVERY_COLUMN[..11], &EVERY_COLUMN[11..29]];
        for columns in kinds {
            for (i, a) in columns.iter().enumerate() {
                for b in &columns[i + 1..] {
                    for (_, name) in a.names {
                        assert!(b.language_of(name).is_none(), "{name} names two columns");
                    }
                }
            }
        }
    }
}
