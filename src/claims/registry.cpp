// The registry of constructions and the reader's main run. The order is part of the grammar:
// the constructions share the used-figure state (a figure already stated or bound by an earlier
// construction is not bound again by a later one), so moving an entry changes what is read.
#include "claims/reader.h"

namespace doisoat::grammar {

// construction_tables.cpp: the change, rate and index columns under a header of years.
void year_header_claims(Reader& r);

namespace {

constexpr Construction kConstructions[] = {
    {"ratio", "construction_ratios.cpp", Scope::Block, false, [](Reader& r) { r.ratios(); }},
    {"breakdown", "construction_sums.cpp", Scope::Block, false, [](Reader& r) { r.sums(); }},
    {"result-list", "construction_outcomes.cpp", Scope::Block, false, [](Reader& r) { r.result_lists(); }},
    {"case-outcomes", "construction_outcomes.cpp", Scope::Block, false, [](Reader& r) { r.case_outcomes(); }},
    {"complement-pair", "construction_outcomes.cpp", Scope::Block, false, [](Reader& r) { r.complement_pairs(); }},
    {"change", "construction_changes.cpp", Scope::Block, false, [](Reader& r) { r.changes(); }},
    {"percent-of-plan", "construction_plan.cpp", Scope::Block, false,
     [](Reader& r) { r.percent_of_plan(r.current_block); }},
    {"share", "construction_shares.cpp", Scope::Block, false, [](Reader& r) { r.shares(r.current_block); }},
    {"ratio-of-named-whole", "construction_ratios.cpp", Scope::Block, false,
     [](Reader& r) { r.ratio_of_named_whole(); }},
    {"average", "construction_derived.cpp", Scope::Block, false, [](Reader& r) { r.averages(); }},
    {"trade-balance", "construction_derived.cpp", Scope::Block, false, [](Reader& r) { r.trade_balance(); }},
    {"malformed", "core.cpp", Scope::Block, true, [](Reader& r) { r.malformed(); }},

    {"footnote-breakdown", "construction_footnotes.cpp", Scope::Document, false,
     [](Reader& r) { r.footnote_breakdowns(); }},
    {"outcome-summary", "construction_outcomes.cpp", Scope::Document, false, [](Reader& r) { r.outcome_summaries(); }},
    {"table-repeat", "construction_repeats.cpp", Scope::Document, false, [](Reader& r) { r.repeats(); }},
    {"table-change-column", "construction_tables.cpp", Scope::Document, false, [](Reader& r) { year_header_claims(r); }},
    {"allocation-restated", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.allocation_restated_as_denominator(); }},
    {"ratio-pair-restated", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.ratio_pairs_restated(); }},
    {"footnote-repeat", "construction_footnotes.cpp", Scope::Document, false,
     [](Reader& r) { r.footnote_repeats_by_words(); }},
    {"plan-from-table", "construction_plan.cpp", Scope::Document, false,
     [](Reader& r) { r.resolve_plans_from_tables(); }},
    {"prose-repeat", "construction_restatements.cpp", Scope::Document, false, [](Reader& r) { r.prose_repeats(); }},
    {"class-count-restated", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.class_counts_restated(); }},
    {"indicator-repeat", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.indicator_repeats(); }},
    {"restated-slip", "construction_restatements.cpp", Scope::Document, false, [](Reader& r) { r.restated_slips(); }},
    {"plan-side-of-breakdown", "construction_plan.cpp", Scope::Document, false,
     [](Reader& r) { r.plan_side_of_breakdowns(); }},
    {"structure-shares", "construction_shares.cpp", Scope::Document, false, [](Reader& r) { r.structure_shares(); }},
    {"rate-repeat-by-level", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.rate_repeats_by_level(); }},
    {"rate-repeat-by-sector", "construction_restatements.cpp", Scope::Document, false,
     [](Reader& r) { r.rate_repeats_by_sector(); }},
    {"met-and-remaining", "construction_outcomes.cpp", Scope::Document, false,
     [](Reader& r) { r.met_and_remaining(); }},
    {"changes-of-parts", "construction_derived.cpp", Scope::Document, false, [](Reader& r) { r.changes_of_parts(); }},
    {"split-shares", "construction_shares.cpp", Scope::Document, false, [](Reader& r) { r.split_shares(); }},
};

// Every block construction runs before the first document one: the registry reads top-down.
constexpr bool blocks_first() {
  bool document = false;
  for (const Construction& c : kConstructions) {
    if (c.scope == Scope::Document) document = true;
    else if (document) return false;
  }
  return true;
}
static_assert(blocks_first(), "a block construction after a document one would never run in that place");

}  // namespace

std::span<const Construction> constructions() { return kConstructions; }

void Reader::run() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    current_block = bi;
    const bool row = table_row(bi);  // rows are read as rows (repeats), not prose
    for (const Construction& c : kConstructions)
      if (c.scope == Scope::Block && (!row || c.in_table_rows)) c.read(*this);
  }
  for (const Construction& c : kConstructions)
    if (c.scope == Scope::Document) c.read(*this);
  // Figures in assertive sentences that no construction bound.
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    uncovered();
  }
  for (Claim& c : out.claims)
    if (c.indicator.empty() && c.stated < nr.quantities.size()) {
      c.indicator = nr.quantities[c.stated].indicator;
      // a percent's indicator is usually on its base figure
      if (c.indicator.empty())
        for (const Operand& o : c.operands)
          if (!nr.quantities[o.quantity].indicator.empty()) { c.indicator = nr.quantities[o.quantity].indicator; break; }
    }
  // Claims in text order.
  std::stable_sort(out.claims.begin(), out.claims.end(),
                   [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
  for (size_t i = 0; i < out.claims.size(); ++i) out.claims[i].id = static_cast<uint32_t>(i);
}

}  // namespace doisoat::grammar

namespace doisoat {

ClaimReading read_claims(const Document& doc, NumberReading& numbers) {
  assign_indicators(doc, numbers);
  grammar::Reader r(doc, numbers);
  r.run();
  return std::move(r.out);
}

}  // namespace doisoat
