// The cross-report stage of a run (issue 7), after every document is analysed: the region
// hierarchy, the look-up of related stored documents, the cross-report checks
// (checks/cross_report.h) over all facts, their reconciliation, and the save to the store.
#pragma once

#include <string>
#include <vector>

#include "checks/cross_report.h"
#include "core/facts.h"
#include "core/result.h"
#include "engine/engine.h"
#include "store/facts.h"

namespace doisoat {

/// A declared region hierarchy (`--regions FILE`: {"tỉnh X": ["huyện A", ...]}); empty for "".
Result<RegionHierarchy> load_region_hierarchy(const std::string& path);

/// Reconciliation (Eigen): the single figure whose correction resolves the most cross-report
/// disagreements (at least two). Adds a suggestion naming it to the findings it resolves.
void reconcile(std::vector<CrossFinding>& findings, const std::vector<DocumentFacts>& documents, Lang lang);

/// What a stored document must share with this run's documents (`current`) to take part in a
/// cross-report check (agreement: indicator, region, period; growth: last year's period; plan:
/// the period; hierarchy: the parent, the children and, declared, the siblings of a region).
RelatedKeys related_keys(const std::vector<DocumentFacts>& current, const RegionHierarchy& hierarchy);

/// The engine's stage after every document is analysed: look up the stored documents related to
/// this run's (`--db`; every stored one when DOISOAT_STORE_LOAD_ALL=1, to check the look-up), run every
/// enabled cross-report check over all facts, append the findings to the documents of this run,
/// then save this run's facts and claims to the store in one transaction.
Result<bool> cross_report_stage(RunReport& report, const RunOptions& options);
/// The same with the facts of each document of the run already taken (document_facts of
/// report.documents[i] at index i, e.g. by the engine's workers, in parallel).
Result<bool> cross_report_stage(RunReport& report, const RunOptions& options, std::vector<DocumentFacts> facts);

}  // namespace doisoat
