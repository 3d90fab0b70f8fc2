#include "checks/cross_report_plan.h"

#include <algorithm>
#include <cmath>

#include "claims/indicators.h"
#include "core/tolerance.h"

namespace doisoat {

CrossReportPlanCheck::CrossReportPlanCheck()
    : meta_{"cross-report-plan", Severity::Error,
            "\"Đạt X% kế hoạch năm\" khớp với kế hoạch năm ghi trong báo cáo khác",
            "\"X% of the annual plan\" agrees with the annual plan stated in another report",
            check_documentation("cross-report-plan", Severity::Error)} {}

void CrossReportPlanCheck::run_cross(CrossContext& ctx) const {
  for (size_t j = 0; j < ctx.documents.size(); ++j) {
    const DocumentFacts& doc = ctx.documents[j];
    if (!doc.current) continue;
    for (size_t k = 0; k < doc.facts.size(); ++k) {
      const Fact& r = doc.facts[k];
      if (r.role != "plan_pct" || r.base < 0 || r.unit != "%") continue;
      auto base_ref = ctx.fact_of_quantity(j, r.base);
      if (!base_ref) continue;
      const Fact& b = ctx.fact(*base_ref);
      if (!is_canonical_indicator(b.indicator) || !b.role.empty() || b.value <= 0) continue;
      std::string region = ctx.region_of(*base_ref);
      if (region.empty()) continue;
      // A plan stated in this document is the single-document check's business.
      bool own_plan = false;
      for (const Fact& f : doc.facts)
        if (f.role == "plan" && f.indicator == b.indicator && f.dimension == b.dimension && ctx.region_of(j, f) == region)
          own_plan = true;
      if (own_plan) continue;
      for (size_t i : ctx.documents_with(region, b.indicator, r.period_key, b.dimension, "plan")) {
        if (i == j) continue;
        auto p_ref = ctx.unique_fact(i, region, b.indicator, r.period_key, b.dimension, "plan");
        if (!p_ref) continue;
        const Fact& p = ctx.fact(*p_ref);
        if (p.value - p.half_width <= 0) continue;
        double lo = (b.value - b.half_width) / (p.value + p.half_width) * 100;
        double hi = (b.value + b.half_width) / (p.value - p.half_width) * 100;
        double centre = b.value / p.value * 100;
        double slack = 1e-9 * std::max(1.0, r.value);
        if (lo <= r.value + r.half_width + slack && r.value - r.half_width - slack <= hi) continue;
        const std::string& other_path = ctx.documents[i].path;
        std::string c = format_vi(centre, r.precision + 1) + "%";
        std::string msg_vi = figure_name(b) + " " + display(b, b.value) + " trên kế hoạch " + display(b, p.value) +
                             " (" + other_path + ") là " + c + ", báo cáo ghi " + r.text + "%";
        std::string msg_en = figure_name(b) + " " + display(b, b.value) + " over the plan " + display(b, p.value) +
                             " (" + other_path + ") is " + c + ", the report states " + r.text + "%";
        auto cf = ctx.make(meta_, FactRef{j, k}, *p_ref, r.value, centre, "%", msg_vi, msg_en);
        if (!cf) continue;
        cf->finding.computation = display(b, b.value) + " / " + display(b, p.value) + " = " + c;
        cf->figures = {FactRef{j, k}, *p_ref, *base_ref};
        cf->solves = {centre, r.value > 0 ? std::optional<double>(b.value * 100 / r.value) : std::nullopt,
                      p.value * r.value / 100};
        cf->tolerances = {r.half_width, p.half_width + b.half_width, p.half_width + b.half_width};
        ctx.findings.push_back(std::move(*cf));
      }
    }
  }
}

}  // namespace doisoat
