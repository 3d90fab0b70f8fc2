#include "checks/cross_report_growth.h"

#include <algorithm>
#include <cmath>

#include "claims/indicators.h"
#include "core/tolerance.h"

namespace doisoat {

CrossReportGrowthCheck::CrossReportGrowthCheck()
    : meta_{"cross-report-growth", Severity::Error,
            "Mức tăng/giảm so với cùng kỳ khớp với số liệu cùng kỳ năm trước trong báo cáo khác",
            "A change against the same period last year agrees with last year's report",
            check_documentation("cross-report-growth", Severity::Error)} {}

namespace {

struct Range {
  double lo, hi;
};

// The interval of a / b for stated intervals (b > 0).
std::optional<Range> quotient(double a, double ha, double b, double hb) {
  if (b - hb <= 0) return std::nullopt;
  double lo = (a - ha) / (b + hb), hi = (a + ha) / (b - hb);
  if (lo > hi) std::swap(lo, hi);
  return Range{lo, hi};
}

}  // namespace

void CrossReportGrowthCheck::run_cross(CrossContext& ctx) const {
  const bool en = ctx.config.lang == Lang::En;
  for (size_t j = 0; j < ctx.documents.size(); ++j) {
    const DocumentFacts& doc = ctx.documents[j];
    for (size_t k = 0; k < doc.facts.size(); ++k) {
      const Fact& r = doc.facts[k];
      if (r.role != "yoy_rate" && r.role != "yoy_ratio" && r.role != "yoy_change" && r.role != "yoy_pp") continue;
      if (r.base < 0) continue;
      auto base_ref = ctx.fact_of_quantity(j, r.base);
      if (!base_ref) continue;
      const Fact& b = ctx.fact(*base_ref);
      if (!is_canonical_indicator(b.indicator) || !b.role.empty()) continue;
      std::string region = ctx.region_of(*base_ref);
      std::string earlier = previous_year_key(b.period_key);
      if (region.empty()) continue;
      if (earlier.empty()) continue;
      for (size_t i : ctx.documents_with(region, b.indicator, earlier, b.dimension)) {
        if (i == j) continue;
        auto a_ref = ctx.unique_fact(i, region, b.indicator, earlier, b.dimension);
        if (!a_ref) continue;
        const Fact& a = ctx.fact(*a_ref);
        // The change the two levels give, as an interval, in the unit of the stated change.
        Range computed{0, 0};
        double centre = 0;
        std::string what_vi, what_en;
        std::optional<double> solve_rate, solve_a, solve_b;
        if (r.role == "yoy_rate" || r.role == "yoy_ratio") {
          auto q = quotient(b.value, b.half_width, a.value, a.half_width);
          if (!q || a.value <= 0) continue;
          double shift = r.role == "yoy_rate" ? -100.0 : 0.0;
          computed = Range{q->lo * 100 + shift, q->hi * 100 + shift};
          centre = b.value / a.value * 100 + shift;
          double index = 1 + (r.role == "yoy_rate" ? r.value / 100 : r.value / 100 - 1);
          if (index > 0) {
            solve_a = b.value / index;
            solve_b = a.value * index;
          }
          solve_rate = centre;
        } else {
          if (a.dimension != b.dimension) continue;
          double ra = a.half_width + b.half_width;
          centre = (b.value - a.value) / (r.factor != 0 ? r.factor : 1);
          double h = ra / (r.factor != 0 ? r.factor : 1);
          computed = Range{centre - h, centre + h};
          solve_a = b.value - r.value;
          solve_b = a.value + r.value;
          solve_rate = centre * r.factor;
        }
        double stated = r.value / (r.factor != 0 ? r.factor : 1);
        double hs = r.half_width / (r.factor != 0 ? r.factor : 1);
        double slack = 1e-9 * std::max(1.0, std::fabs(stated));
        if (computed.lo <= stated + hs + slack && stated - hs - slack <= computed.hi) continue;
        // A provisional earlier figure revised since: a note, not an error.
        bool revised = provisional(a) && !provisional(b);
        FactRef at{j, k};
        if (!ctx.documents[j].current) continue;
        const std::string& other_path = ctx.documents[i].path;
        auto phrase = [&](double v, int decimals, bool vi) {
          std::string unit = r.role == "yoy_pp" ? (vi ? " điểm phần trăm" : " percentage points")
                                                : (r.unit == "%" ? "%" : " " + r.unit);
          if (r.role == "yoy_ratio") return std::string(vi ? "bằng " : "") + format_vi(v, decimals) + unit;
          return std::string(v < 0 ? (vi ? "giảm " : "down ") : (vi ? "tăng " : "up ")) +
                 format_vi(std::fabs(v), decimals) + unit;
        };
        const int dec = r.role == "yoy_change" ? r.precision : r.precision + 1;
        std::string msg_vi = figure_name(b) + " " + display(b, b.value) + " so với " + display(a, a.value) +
                             " cùng kỳ năm trước (" + other_path + ") là " + phrase(centre, dec, true) +
                             ", báo cáo ghi " + phrase(stated, r.precision, true) +
                             (revised ? " (số cùng kỳ là số ước tính, đã được điều chỉnh)" : "");
        std::string msg_en = figure_name(b) + " " + display(b, b.value) + " against " + display(a, a.value) +
                             " a year earlier (" + other_path + ") is " + phrase(centre, dec, false) +
                             ", the report states " + phrase(stated, r.precision, false) +
                             (revised ? " (last year's figure was an estimate, since revised)" : "");
        std::string c = phrase(centre, dec, !en);
        auto cf = ctx.make(meta_, at, *a_ref, stated, centre, r.role == "yoy_pp" ? "pp" : r.unit, msg_vi, msg_en);
        if (!cf) continue;
        if (revised) cf->finding.severity = Severity::Info;
        const bool difference = r.role == "yoy_change" || r.role == "yoy_pp";
        cf->finding.computation = display(b, b.value) + (difference ? " − " : " / ") + display(a, a.value) + " → " + c;
        cf->figures = {at, *a_ref, *base_ref};
        cf->solves = {solve_rate, solve_a, solve_b};
        cf->tolerances = {r.half_width, a.half_width + b.half_width, a.half_width + b.half_width};
        ctx.findings.push_back(std::move(*cf));
      }
    }
  }
}

}  // namespace doisoat
