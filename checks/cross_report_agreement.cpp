#include "checks/cross_report_agreement.h"

#include <cmath>
#include <map>
#include <tuple>

#include "claims/indicators.h"

namespace doisoat {

CrossReportAgreementCheck::CrossReportAgreementCheck()
    : meta_{"cross-report-agreement", Severity::Error,
            "Cùng một chỉ tiêu, địa bàn, kỳ và đơn vị ghi trong hai báo cáo phải khớp nhau",
            "The same indicator, region, period and unit stated in two reports agrees",
            check_documentation("cross-report-agreement", Severity::Error)} {}

void CrossReportAgreementCheck::run_cross(CrossContext& ctx) const {
  // Key: indicator, region, period, dimension, role (levels and plans are compared apart).
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, std::vector<size_t>> docs_of;
  for (size_t d = 0; d < ctx.documents.size(); ++d) {
    for (const Fact& f : ctx.documents[d].facts) {
      std::string region = ctx.region_of(d, f);
      if (region.empty()) continue;
      if (f.role != "" && f.role != "plan") continue;
      if (f.period_key.empty() || f.dimension == "scalar" || !is_canonical_indicator(f.indicator)) continue;
      auto& v = docs_of[Key{f.indicator, region, f.period_key, f.dimension, f.role}];
      if (v.empty() || v.back() != d) v.push_back(d);
    }
  }
  // Two documents that disagree on most of the figures they share are not about the same region
  // and period (a misread title, a report about another place): their key is wrong, not their figures.
  std::map<std::pair<size_t, size_t>, std::pair<int, int>> shared;  // (shared keys, disagreements)
  for (const auto& [key, docs] : docs_of) {
    const auto& [indicator, region, period, dimension, role] = key;
    for (size_t i = 0; i < docs.size(); ++i)
      for (size_t j = i + 1; j < docs.size(); ++j) {
        auto a = ctx.unique_fact(docs[i], region, indicator, period, dimension, role);
        auto b = ctx.unique_fact(docs[j], region, indicator, period, dimension, role);
        if (!a || !b) continue;
        auto& c = shared[{docs[i], docs[j]}];
        ++c.first;
        const Fact& fa = ctx.fact(*a);
        const Fact& fb = ctx.fact(*b);
        if (!facts_agree(fa.value, fa.half_width, fb.value, fb.half_width) && provisional(fa) == provisional(fb)) ++c.second;
      }
  }
  auto unrelated = [&](size_t a, size_t b) {
    auto it = shared.find({a, b});
    return it != shared.end() && it->second.first >= 3 && 4 * it->second.second >= 3 * it->second.first;
  };
  for (const auto& [key, docs] : docs_of) {
    if (docs.size() < 2) continue;
    const auto& [indicator, region, period, dimension, role] = key;
    for (size_t i = 0; i < docs.size(); ++i)
      for (size_t j = i + 1; j < docs.size(); ++j) {
        auto a = ctx.unique_fact(docs[i], region, indicator, period, dimension, role);
        auto b = ctx.unique_fact(docs[j], region, indicator, period, dimension, role);
        if (!a || !b || unrelated(docs[i], docs[j])) continue;
        const Fact& fa = ctx.fact(*a);
        const Fact& fb = ctx.fact(*b);
        if (facts_agree(fa.value, fa.half_width, fb.value, fb.half_width)) continue;
        // An estimate restated as a firmer figure is a revision, reported where it is revised.
        bool revised = provisional(fa) != provisional(fb);
        FactRef at = *b, other = *a;
        if (revised && provisional(fb)) std::swap(at, other);
        if (!ctx.documents[at.document].current) std::swap(at, other);
        const Fact& x = ctx.fact(at);
        const Fact& y = ctx.fact(other);
        const std::string& other_path = ctx.documents[other.document].path;
        std::string vx = display(x, x.value), vy = display(y, y.value);
        std::string msg_vi = figure_name(x) + ": " + vx + ", nhưng " + other_path + " ghi " + vy +
                             (revised ? " (số ước tính đã được điều chỉnh)" : "");
        std::string msg_en = figure_name(x) + ": " + vx + ", but " + other_path + " states " + vy +
                             (revised ? " (an estimate was revised)" : "");
        auto cf = ctx.make(meta_, at, other, x.value / x.factor, y.value / x.factor, x.unit, msg_vi, msg_en);
        if (!cf) continue;
        if (revised) cf->finding.severity = Severity::Info;
        cf->finding.computation = vx + " ≠ " + vy;
        cf->solves = {y.value, x.value};
        cf->tolerances = {x.half_width + y.half_width, x.half_width + y.half_width};
        ctx.findings.push_back(std::move(*cf));
      }
  }
}

}  // namespace doisoat
