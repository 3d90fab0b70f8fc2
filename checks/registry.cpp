// The one explicit, sorted registry of checks (STYLE.md: no static self-registration).
#include <algorithm>
#include <map>

#include "checks/check.h"
#include "checks/config_schema.h"
#include "checks/abs_change.h"
#include "checks/cross_report_agreement.h"
#include "checks/cross_report_growth.h"
#include "checks/cross_report_hierarchy.h"
#include "checks/cross_report_plan.h"
#include "checks/growth_rate.h"
#include "checks/malformed_number.h"
#include "checks/part_bound.h"
#include "checks/percent_of_plan.h"
#include "checks/percent_vs_points.h"
#include "checks/pp_difference.h"
#include "checks/ratio_recompute.h"
#include "checks/repeat_agreement.h"
#include "checks/rounding_convention.h"
#include "checks/share.h"
#include "checks/sum_total.h"

namespace doisoat {

const std::map<std::string, std::string>& embedded_check_docs();

const std::vector<std::unique_ptr<Check>>& check_registry() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> v;
    // Sorted by id (the catalogue test keeps it so).
    v.push_back(std::make_unique<AbsChangeCheck>());  // abs-change
    v.push_back(std::make_unique<CrossReportAgreementCheck>());  // cross-report-agreement
    v.push_back(std::make_unique<CrossReportGrowthCheck>());  // cross-report-growth
    v.push_back(std::make_unique<CrossReportHierarchyCheck>());  // cross-report-hierarchy
    v.push_back(std::make_unique<CrossReportPlanCheck>());  // cross-report-plan
    v.push_back(std::make_unique<GrowthRateCheck>());  // growth-rate
    v.push_back(std::make_unique<MalformedNumberCheck>());  // malformed-number
    v.push_back(std::make_unique<PartBoundCheck>());  // part-bound
    v.push_back(std::make_unique<PercentOfPlanCheck>());  // percent-of-plan
    v.push_back(std::make_unique<PercentVsPointsCheck>());  // percent-vs-points
    v.push_back(std::make_unique<PpDifferenceCheck>());  // pp-difference
    v.push_back(std::make_unique<RatioRecomputeCheck>());  // ratio-recompute
    v.push_back(std::make_unique<RepeatAgreementCheck>());  // repeat-agreement
    v.push_back(std::make_unique<RoundingConventionCheck>());  // rounding-convention
    v.push_back(std::make_unique<ShareCheck>());  // share
    v.push_back(std::make_unique<SumTotalCheck>());  // sum-total
    return v;
  }();
  return checks;
}

const Check* find_check(const std::string& id) {
  for (const auto& c : check_registry())
    if (c->meta().id == id) return c.get();
  return nullptr;
}

std::string check_documentation(const std::string& id, Severity default_severity) {
  std::string file = id;
  std::replace(file.begin(), file.end(), '-', '_');
  const auto& docs = embedded_check_docs();
  auto it = docs.find(file);
  if (it == docs.end()) return std::string();
  std::string doc = it->second;
  static const std::string marker = "<!-- config-example -->";
  if (auto at = doc.find(marker); at != std::string::npos)
    doc.replace(at, marker.size(), config_example_markdown(id, default_severity));
  return doc;
}

std::string check_documentation(const std::string& id) {
  const Check* c = find_check(id);
  return c ? c->meta().doc : std::string();
}

}  // namespace doisoat
