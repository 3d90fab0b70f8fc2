// The registry of constructions and the reader's main run: the constructions in the order they
// run, which matters because they share the used-figure state (a figure bound by an earlier
// construction is not bound again by a later one).
#include "claims/reader.h"

namespace doisoat::grammar {

void Reader::run() {
  for (size_t bi = 0; bi < doc.blocks.size() && bi < nr.block_first.size(); ++bi) {
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    current_block = bi;
    if (table_row(bi)) { malformed(); continue; }  // rows are read as rows (repeats), not prose
    ratios();
    sums();
    result_lists();
    case_outcomes();
    complement_pairs();
    changes();
    percent_of_plan(bi);
    shares(bi);
    ratio_of_named_whole();
    averages();
    trade_balance();
    malformed();
  }
  footnote_breakdowns();
  outcome_summaries();
  repeats();
  allocation_restated_as_denominator();
  ratio_pairs_restated();
  footnote_repeats_by_words();
  resolve_plans_from_tables();
  prose_repeats();
  class_counts_restated();
  indicator_repeats();
  restated_slips();
  plan_side_of_breakdowns();
  structure_shares();
  rate_repeats_by_level();
  rate_repeats_by_sector();
  met_and_remaining();
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
