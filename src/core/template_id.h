// Which construction of the claims grammar read a claim, as a typed id. The checks compare these
// values, never strings; the spelling ("a-b-pct") appears only at the output boundary (the
// JSON "template" field, the facts store), through to_string.
#pragma once

namespace doisoat {

enum class Template {
  None,  // not read by a construction ("" in the output)
  // the core (src/claims/core.cpp)
  Malformed,
  // ratios (src/claims/construction_ratios.cpp)
  ABPct,
  ABVuotPct,
  ABangPctOfNamedWhole,
  PctParenAB,
  // derived figures (src/claims/construction_derived.cpp)
  AveragePerUnit,
  TradeDeficit,
  TradeSurplus,
  // percent of plan (src/claims/construction_plan.cpp)
  ActualDatPctPlan,
  ActualDatPctPlanInSection,
  ActualDatPctPlanInTable,
  ActualVuotPctPlan,
  PlanSideOfBreakdown,
  // breakdowns (src/claims/construction_breakdowns.cpp)
  TotalCrossCuttingParts,
  TotalGomParts,
  TotalParenParts,
  TotalPartsOfKinds,
  TotalTrongDoParts,
  PartRaisesTotal,
  TotalTrongDoSubkind,
  // outcomes and complements (src/claims/construction_outcomes.cpp)
  MetAndRemaining,
  OutcomeSummaryCounts,
  RemainderComplementParts,
  TotalCaseOutcomes,
  TotalComplementParts,
  // footnotes (src/claims/construction_footnotes.cpp)
  TextAndFootnote,
  TextRestatedInCitedFootnote,
  TextRestatedInFootnote,
  TotalFootnoteParts,
  // shares (src/claims/construction_shares.cpp)
  CountChangeRatePoints,
  PartChiemPct,
  PartOfLinkedTotal,
  PartOfPopulationTotal,
  StructureShares,
  StructureSharesRows,
  SplitShares,
  SharesOfNamedWhole,
  PartsOfNamedWhole,
  // changes and growth (src/claims/construction_changes.cpp)
  ChangeFromTo,
  RankChangeBesideBoth,
  RateChangePp,
  ValueChangeEarlier,
  ValueChangeEarlierSentence,
  ValueChangeRate,
  ChangesOfParts,
  ValueEarlierRate,
  ValueIndexEarlier,
  ValueRateEarlier,
  // tables (src/claims/construction_tables.cpp)
  TableChangeColumn,
  TableIndexVsLastYearColumn,
  TablePctOfPlanColumn,
  TablePointsChangeColumn,
  TableRankChangeColumn,
  TableRateVsLastYearColumn,
  TableTotalRow,
  // repeats (src/claims/construction_repeats.cpp)
  RowPlanAsDenominator,
  RowRestatedByIndicator,
  RowRestatedInOtherWords,
  TableRowRestated,
  // restatements (src/claims/construction_restatements.cpp)
  AllocationRestatedAsDenominator,
  ChangeRestatedWithItsLevel,
  ClassCountRestatedAsDenominator,
  IndicatorRestated,
  RatioRestated,
  RestatedWithSlip,
  SamePhraseRestated,
  SectorChangeRestated,
};

/// The id as the output spells it: "a-b-pct", "" for None.
const char* to_string(Template t);

}  // namespace doisoat
