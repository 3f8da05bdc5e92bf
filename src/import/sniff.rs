//! Which report a file is, decided by its normalised header row — never by
//! its file name. Each kind's entry in the report book lists the headers
//! that must all be present; a file that matches none is explained by its
//! closest kind.

use crate::domain::report::ReportKind;

use super::columns::{Column, HeaderLanguage};
use super::report_book::{REPORT_BOOK, ReportEntry};

/// The outcome of looking at a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    Recognised(ReportKind),
    /// Nothing matched: the kind with the largest share of its required
    /// columns present, the language those were written in, and the ones it lacks.
    Unrecognised {
        closest: ReportKind,
        language: HeaderLanguage,
        missing: Vec<&'static str>,
    },
    /// No column of any kind, in any language opsdeck reads.
    UnknownLanguage,
}

/// Detects the report kind from normalised headers.
pub fn detect(normalized: &[String]) -> Detection {
    let found = |column: &Column| -> Option<HeaderLanguage> {
        normalized
            .iter()
            .find_map(|header| column.language_of(header))
    };
    // (share of required columns found, the kind's entry, languages of the found ones)
    let mut best: Option<(f64, &ReportEntry, Vec<HeaderLanguage>)> = None;
    for entry in &REPORT_BOOK {
        let languages: Vec<HeaderLanguage> = entry.required.iter().filter_map(found).collect();
        if languages.len() == entry.required.len() {
            return Detection::Recognised(entry.kind);
        }
        #[allow(clippy::cast_precision_loss)] // a handful of columns
        let share = languages.len() as f64 / entry.required.len() as f64;
        if best
            .as_ref()
            .is_none_or(|(best_share, _, _)| share > *best_share)
        {
            best = Some((share, entry, languages));
        }
    }
    let Some((_, entry, languages)) = best.filter(|(share, _, _)| *share > 0.0) else {
        return Detection::UnknownLanguage;
    };
    Detection::Unrecognised {
        closest: entry.kind,
        language: most_common(&languages),
        missing: entry
            .required
            .iter()
            .filter(|column| found(column).is_none())
            .map(Column::name)
            .collect(),
    }
}

/// The language most of `languages` are in; English when tied or empty.
fn most_common(languages: &[HeaderLanguage]) -> HeaderLanguage {
    let count = |language| languages.iter().filter(|l| **l == language).count();
    languages
        .iter()
        .copied()
        .filter(|language| *language != HeaderLanguage::English)
        .max_by_key(|language| count(*language))
        .filter(|language| count(*language) > count(HeaderLanguage::English))
        .unwrap_or(HeaderLanguage::English)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::normalize;

    fn detect_line(header: &str, separator: char) -> Detection {
        let normalized: Vec<String> = header.split(separator).map(normalize).collect();
        detect(&normalized)
    }

    fn kind(header: &str) -> ReportKind {
        let separator = if header.contains('\t') { '\t' } else { ',' };
        match detect_line(header, separator) {
            Detection::Recognised(kind) => kind,
            other => panic!("not recognised: {other:?}"),
        }
    }

    #[test]
    fn business_report_layouts() {
        let uk = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions – Total,Sessions – Total – B2B,Units ordered,Ordered Product Sales,Total order items";
        let us_legacy = "(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions,Page Views,Buy Box Percentage,Units Ordered,Ordered Product Sales,Total Order Items";
        let by_asin =
            "(Parent) ASIN,(Child) ASIN,Title,Sessions - Total,Units Ordered,Ordered Product Sales";
        for header in [uk, us_legacy, by_asin] {
            assert_eq!(kind(header), ReportKind::BusinessReport, "{header}");
        }
    }

    #[test]
    fn ads_reports_are_told_apart() {
        let product = "Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales ";
        let term = "Date,Campaign Name,Targeting,Customer Search Term,Impressions,Clicks,Spend";
        let campaign = "Date,Start Date,End Date,Portfolio name,Campaign Type,Campaign Name,Impressions,Clicks,Spend";
        assert_eq!(kind(product), ReportKind::AdsAdvertisedProduct);
        assert_eq!(kind(term), ReportKind::AdsSearchTerm);
        assert_eq!(kind(campaign), ReportKind::AdsCampaign);
    }

    #[test]
    fn fba_flat_files() {
        assert_eq!(
            kind("sku\tfnsku\tasin\tafn-fulfillable-quantity\tafn-total-quantity"),
            ReportKind::FbaInventory
        );
        assert_eq!(
            kind("snapshot-date\tsku\tavailable\tinv-age-0-to-90-days"),
            ReportKind::FbaInventoryPlanning
        );
        assert_eq!(
            kind("snapshot-date,sku,sellable-quantity,inv-age-0-to-90-days"),
            ReportKind::FbaInventoryPlanning
        );
        assert_eq!(
            kind("return-date\torder-id\tsku\tasin\tquantity\tdetailed-disposition\treason"),
            ReportKind::FbaReturns
        );
        assert_eq!(
            kind("Date\tRating\tComments\tYour Response\tOrder ID\tRater Email"),
            ReportKind::SellerFeedback
        );
    }

    #[test]
    fn costs_csv_by_its_header() {
        assert_eq!(
            kind("sku,unit_cost,fba_fee,referral_rate"),
            ReportKind::Costs
        );
        assert_eq!(kind("sku,location,units,eta"), ReportKind::Supply);
    }

    #[test]
    fn unknown_files_name_the_closest_kind_and_what_it_lacks() {
        let detection = detect_line("(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total", ',');
        assert_eq!(
            detection,
            Detection::Unrecognised {
                closest: ReportKind::BusinessReport,
                language: HeaderLanguage::English,
                missing: vec!["units ordered", "ordered product sales"],
            }
        );
    }

    /// Full header lines from `localized-report-headers.md` and the real German files.
    const ZH_C_BUSINESS: &str = "（父）ASIN,（子）ASIN,标题,SKU,会话数 - 总计,会话 - 总计 - B2B,转化率 - 总计,会话百分比 - 总计 - B2B,页面浏览量 - 总计,页面浏览量 - 总计 - B2B,页面浏览量百分比 - 总计,页面浏览量百分比 - 总计 - B2B,推荐报价（推荐报价展示位）百分比,推荐报价（推荐报价展示位）百分比 - B2B,已订购商品数量,已订购商品数量 - B2B,商品会话百分比,商品会话百分比 - B2B,已订购商品销售额,已订购商品销售额 - B2B,订单商品总数,订单商品总数 - B2B";
    const ZH_B_BUSINESS: &str = "（父）ASIN,（子）ASIN,商品名称,SKU,会话次数 – 总计,会话次数 – 总计 – B2B,会话百分比 – 总计,页面浏览量 – 总计,推荐报价（购买按钮）百分比,已订购商品数量,已订购商品数量 - B2B,商品会话百分比,已订购商品销售额,订单商品总数,订单商品总数 - B2B";
    const ZH_A_BUSINESS: &str = "（父）ASIN,（子）ASIN,商品名称,SKU,买家访问次数,买家访问次数百分比,页面浏览次数,页面浏览次数百分比,购买按钮赢得率,已订购商品数量,订单商品数量转化率,已订购商品销售额,订单商品种类数";
    const JA_BUSINESS: &str = "（親）ASIN,（子）ASIN,タイトル,SKU,セッション数 - 合計,セッション数 - 合計 - B2B,セッション率 - 合計,ページビュー - 合計,おすすめ出品（おすすめ商品）の獲得率,注文された商品点数,注文点数 - B2B,ユニットセッション率,注文商品の売上額,注文商品の売上額 - B2B,注文品目総数";
    const DE_BUSINESS: &str = "(Übergeordnete) ASIN,(Untergeordnete) ASIN,Titel,SKU,Sitzungen\u{a0}– Summe,Sitzungen – Summe – B2B,Prozentwert an Sitzungen – Summe,Prozentsatz Sitzung\u{a0}– Summe\u{a0}– B2B,Seitenaufrufe\u{a0}– Summe,Seitenaufrufe – Summe – B2B,Prozentsatz Seitenaufrufe – Summe,Prozentsatz Seitenaufrufe – Summe – B2B,Hervorgehobenes Angebot (\"In-den-Einkaufswagen\") – Prozentsatz,Hervorgehobenes Angebot (Einkaufswagen-Feld) Prozentwert – B2B,Bestellte Einheiten,Bestellte Einheiten\u{a0}– B2B,Prozentsatz an Einheiten pro Sitzung,Prozentsatz an Einheiten pro Sitzung\u{a0}– B2B,Durch bestellte Produkte erzielter Umsatz,Bestellsumme – B2B,Zahl der Bestellposten,Zahl der Bestellposten – B2B";
    const JA_BY_DATE: &str = "日付, 注文商品の売上額, 注文商品の売上額 - B2B, 注文された商品点数, 注文点数 - B2B, 注文品目総数, 注文品目総数 - B2B, ページビュー - 合計, ページビュー - 合計 - B2B, セッション数 - 合計, セッション数 - 合計 - B2B, おすすめ出品（おすすめ商品）の獲得率, おすすめ出品（おすすめ商品）の獲得率 - B2B, ユニットセッション率, ユニットセッション率 - B2B, 平均出品数, 親商品の平均数";
    const ZH_SEARCH_TERM: &str = "开始日期,结束日期,广告组合名称,货币,广告活动名称,广告组名称,投放,匹配类型,客户搜索词,展示量,点击量,点击率 (CTR),单次点击成本 (CPC),花费,7天总销售额,广告投入产出比 (ACOS) 总计,总广告投资回报率 (ROAS),7天总订单数(#),7天总销售量(#),7天的转化率";
    const ZH_ADVERTISED: &str = "日期,广告组合名称,货币,广告活动名称,广告组名称,广告SKU,广告ASIN,展示量,点击量,点击率(CTR),每次点击成本(CPC),花费,7天总销售额,广告成本销售比(ACOS),投入产出比(ROAS),7天总订单数(#),7天总销售量(#)";
    const ZH_CAMPAIGN: &str = "开始日期,结束日期,广告组合名称,广告活动类型,广告活动名称,状态,货币,预算,定位类型,竞价策略,展示量,去年曝光量,点击量,去年点击量,点击率 (CTR),花费,去年支出,单次点击成本 (CPC),7天总订单数(#),广告投入产出比 (ACOS) 总计,总广告投资回报率 (ROAS),7天总销售额";
    const JA_SEARCH_TERM: &str = "開始日,終了日,ポートフォリオ名,キャンペーン名,広告グループ名,ターゲティング,マッチタイプ,カスタマーの検索キーワード,インプレッション,クリック,クリックスルー率（CTR）,クリック課金制（CPC）,費用,広告がクリックされてから7日間の総売上高,広告費売上高比率（ACOS）合計,広告費用対効果（ROAS）合計,広告がクリックされてから7日間の合計注文数,広告がクリックされてから7日間の合計販売数";
    const DE_SEARCH_TERM: &str = "Startdatum,Enddatum,Portfolioname,Währung,Kampagnen-Name,Anzeigengruppenname,Ausrichtung,Übereinstimmungstyp,Suchbegriff des Kunden,Impressionen,Klicks,Klickrate (CTR),Kosten pro Klick (CPC),Ausgaben,\"7 Tage, Umsatz gesamt (€)\",Zugeschriebene Umsatzkosten (ACOS) gesamt ,Gesamte Rentabilität der Anzeigenkosten (ROAS),\"7 Tage, Aufträge gesamt (#)\",\"7\u{a0}Tage, Einheiten gesamt (#)\",7-Tage-Konversionsrate";
    const DE_CAMPAIGN: &str = "Startdatum,Enddatum,Portfolioname,Kampagnentyp,Kampagnen-Name,Land,Status,Währung,Budget,Targeting-Typ,Gebotsstrategien,Impressionen,Impressionen im vergangenen Jahr,Klicks,Klicks im letzten Jahr,Klickrate (CTR),Ausgaben,Ausgaben im letzten Jahr,Kosten pro Klick (CPC),Kosten pro Klick im letzten Jahr (CPC),\"7 Tage, Aufträge gesamt (#)\",Zugeschriebene Umsatzkosten (ACOS) gesamt ,Gesamte Rentabilität der Anzeigenkosten (ROAS),\"7 Tage, Umsatz gesamt (€)\"";

    fn csv_kind(header: &str) -> ReportKind {
        let cells: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(header.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(normalize)
            .collect();
        match detect(&cells) {
            Detection::Recognised(kind) => kind,
            other => panic!("not recognised: {other:?}\n{header}"),
        }
    }

    #[test]
    fn business_reports_in_every_language_and_generation() {
        for header in [
            ZH_A_BUSINESS,
            ZH_B_BUSINESS,
            ZH_C_BUSINESS,
            JA_BUSINESS,
            DE_BUSINESS,
        ] {
            assert_eq!(csv_kind(header), ReportKind::BusinessReport, "{header}");
        }
        assert_eq!(csv_kind(JA_BY_DATE), ReportKind::BusinessReportByDate);
        assert_eq!(
            csv_kind(
                "Date,Ordered Product Sales,Units Ordered,Total Order Items,Page Views - Total,Sessions - Total"
            ),
            ReportKind::BusinessReportByDate
        );
    }

    #[test]
    fn ads_reports_in_every_language() {
        assert_eq!(csv_kind(ZH_SEARCH_TERM), ReportKind::AdsSearchTerm);
        assert_eq!(csv_kind(JA_SEARCH_TERM), ReportKind::AdsSearchTerm);
        assert_eq!(csv_kind(DE_SEARCH_TERM), ReportKind::AdsSearchTerm);
        assert_eq!(csv_kind(ZH_ADVERTISED), ReportKind::AdsAdvertisedProduct);
        assert_eq!(csv_kind(ZH_CAMPAIGN), ReportKind::AdsCampaign);
        assert_eq!(csv_kind(DE_CAMPAIGN), ReportKind::AdsCampaign);
        assert_eq!(
            csv_kind(
                "Date,Campaign Name,Ad Group Name,Targeting,Match Type,Impressions,Clicks,Spend"
            ),
            ReportKind::AdsTargeting
        );
    }

    #[test]
    fn a_german_business_report_missing_a_column_is_called_a_german_business_report() {
        let without_sales = DE_BUSINESS.replace("Durch bestellte Produkte erzielter Umsatz,", "");
        let cells: Vec<String> = without_sales.split(',').map(normalize).collect();
        assert_eq!(
            detect(&cells),
            Detection::Unrecognised {
                closest: ReportKind::BusinessReport,
                language: HeaderLanguage::German,
                missing: vec!["ordered product sales"],
            }
        );
    }

    #[test]
    fn a_language_opsdeck_does_not_read_says_so() {
        let french = "Date de début,Nom de la campagne,Impressions inconnues,Dépenses";
        let cells: Vec<String> = french.split(',').map(normalize).collect();
        assert_eq!(detect(&cells), Detection::UnknownLanguage);
    }

    #[test]
    fn substring_headers_do_not_match() {
        let detection = detect_line(
            "(Parent) ASIN,(Child) ASIN,Sessions - Total - B2B,Units ordered - B2B,Ordered product sales - B2B",
            ',',
        );
        assert!(matches!(detection, Detection::Unrecognised { .. }));
    }
}
