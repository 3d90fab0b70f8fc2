#include "core/template_id.h"

namespace doisoat {

const char* to_string(Template t) {
  switch (t) {
    case Template::None: return "";
    case Template::Malformed: return "malformed";
    case Template::ABPct: return "a-b-pct";
    case Template::ABVuotPct: return "a-b-vuot-pct";
    case Template::ABangPctOfNamedWhole: return "a-bang-pct-of-named-whole";
    case Template::PctParenAB: return "pct-paren-a-b";
    case Template::AveragePerUnit: return "average-per-unit";
    case Template::TradeDeficit: return "trade-deficit";
    case Template::TradeSurplus: return "trade-surplus";
    case Template::ActualDatPctPlan: return "actual-dat-pct-plan";
    case Template::ActualDatPctPlanInSection: return "actual-dat-pct-plan-in-section";
    case Template::ActualDatPctPlanInTable: return "actual-dat-pct-plan-in-table";
    case Template::ActualVuotPctPlan: return "actual-vuot-pct-plan";
    case Template::PlanSideOfBreakdown: return "plan-side-of-breakdown";
    case Template::TotalCrossCuttingParts: return "total-cross-cutting-parts";
    case Template::TotalGomParts: return "total-gom-parts";
    case Template::TotalParenParts: return "total-paren-parts";
    case Template::TotalPartsOfKinds: return "total-parts-of-kinds";
    case Template::TotalTrongDoParts: return "total-trong-do-parts";
    case Template::PartRaisesTotal: return "part-raises-total";
    case Template::TotalTrongDoSubkind: return "total-trong-do-subkind";
    case Template::MetAndRemaining: return "met-and-remaining";
    case Template::OutcomeSummaryCounts: return "outcome-summary-counts";
    case Template::RemainderComplementParts: return "remainder-complement-parts";
    case Template::TotalCaseOutcomes: return "total-case-outcomes";
    case Template::TotalComplementParts: return "total-complement-parts";
    case Template::TextAndFootnote: return "text-and-footnote";
    case Template::TextRestatedInCitedFootnote: return "text-restated-in-cited-footnote";
    case Template::TextRestatedInFootnote: return "text-restated-in-footnote";
    case Template::TotalFootnoteParts: return "total-footnote-parts";
    case Template::CountChangeRatePoints: return "count-change-rate-points";
    case Template::PartChiemPct: return "part-chiem-pct";
    case Template::PartOfLinkedTotal: return "part-of-linked-total";
    case Template::PartOfPopulationTotal: return "part-of-population-total";
    case Template::StructureShares: return "structure-shares";
    case Template::StructureSharesRows: return "structure-shares-rows";
    case Template::SplitShares: return "split-shares";
    case Template::SharesOfNamedWhole: return "shares-of-named-whole";
    case Template::PartsOfNamedWhole: return "parts-of-named-whole";
    case Template::ChangeFromTo: return "change-from-to";
    case Template::RankChangeBesideBoth: return "rank-change-beside-both";
    case Template::RateChangePp: return "rate-change-pp";
    case Template::ValueChangeEarlier: return "value-change-earlier";
    case Template::ValueChangeEarlierSentence: return "value-change-earlier-sentence";
    case Template::ValueChangeRate: return "value-change-rate";
    case Template::ChangesOfParts: return "changes-of-parts";
    case Template::ValueEarlierRate: return "value-earlier-rate";
    case Template::ValueIndexEarlier: return "value-index-earlier";
    case Template::ValueRateEarlier: return "value-rate-earlier";
    case Template::TableChangeColumn: return "table-change-column";
    case Template::TableIndexVsLastYearColumn: return "table-index-vs-last-year-column";
    case Template::TablePctOfPlanColumn: return "table-pct-of-plan-column";
    case Template::TableRankChangeColumn: return "table-rank-change-column";
    case Template::TablePointsChangeColumn: return "table-points-change-column";
    case Template::TableRateVsLastYearColumn: return "table-rate-vs-last-year-column";
    case Template::TableTotalRow: return "table-total-row";
    case Template::RowPlanAsDenominator: return "row-plan-as-denominator";
    case Template::RowRestatedByIndicator: return "row-restated-by-indicator";
    case Template::RowRestatedInOtherWords: return "row-restated-in-other-words";
    case Template::TableRowRestated: return "table-row-restated";
    case Template::AllocationRestatedAsDenominator: return "allocation-restated-as-denominator";
    case Template::ChangeRestatedWithItsLevel: return "change-restated-with-its-level";
    case Template::ClassCountRestatedAsDenominator: return "class-count-restated-as-denominator";
    case Template::IndicatorRestated: return "indicator-restated";
    case Template::RatioRestated: return "ratio-restated";
    case Template::RestatedWithSlip: return "restated-with-slip";
    case Template::SamePhraseRestated: return "same-phrase-restated";
    case Template::SectorChangeRestated: return "sector-change-restated";
  }
  return "";
}

}  // namespace doisoat
