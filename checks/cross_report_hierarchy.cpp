#include "checks/cross_report_hierarchy.h"

#include <cmath>
#include <map>
#include <set>

#include "claims/indicators.h"
#include "core/tolerance.h"

namespace doisoat {

CrossReportHierarchyCheck::CrossReportHierarchyCheck()
    : meta_{"cross-report-hierarchy", Severity::Error,
            "Số liệu của huyện, thành phố không vượt số của tỉnh; đủ các huyện thì cộng lại bằng số của tỉnh",
            "A district's figure is within its province's; all the districts add up to the province",
            check_documentation("cross-report-hierarchy", Severity::Error)} {}

void CrossReportHierarchyCheck::run_cross(CrossContext& ctx) const {
  const auto& docs = ctx.documents;
  // Parent of each document's region: declared, else the province its report names.
  std::map<std::string, std::string> parent_of;
  for (const auto& [parent, kids] : ctx.hierarchy.children)
    for (const auto& k : kids) parent_of[k] = parent;
  std::map<std::string, std::vector<size_t>> docs_of_region;
  for (size_t d = 0; d < docs.size(); ++d) {
    std::string key = document_region_key(docs[d]);
    if (key.empty()) continue;
    docs_of_region[key].push_back(d);
    if (!parent_of.count(key) && !docs[d].parent_region.empty()) parent_of[key] = region_key(docs[d].parent_region);
  }
  // 1. Never above the province.
  for (size_t c = 0; c < docs.size(); ++c) {
    std::string key = document_region_key(docs[c]);
    auto p = parent_of.find(key);
    if (key.empty() || p == parent_of.end()) continue;
    auto parents = docs_of_region.find(p->second);
    if (parents == docs_of_region.end()) continue;
    for (size_t k = 0; k < docs[c].facts.size(); ++k) {
      const Fact& f = docs[c].facts[k];
      if (!f.role.empty() || !f.region.empty() || !additive_dimension(f.dimension) || !is_canonical_indicator(f.indicator))
        continue;
      auto child = ctx.unique_fact(c, key, f.indicator, f.period_key, f.dimension);
      if (!child || child->fact != k) continue;
      for (size_t pd : parents->second) {
        auto whole = ctx.unique_fact(pd, p->second, f.indicator, f.period_key, f.dimension);
        if (!whole) continue;
        const Fact& w = ctx.fact(*whole);
        if (f.value - f.half_width <= w.value + w.half_width + 1e-9 * std::max(1.0, std::fabs(w.value))) continue;
        FactRef at{c, k}, other = *whole;
        if (!docs[c].current) std::swap(at, other);
        const std::string& ppath = docs[pd].path;
        std::string msg_vi = figure_name(f) + " của " + docs[c].region + " là " + display(f, f.value) +
                             ", lớn hơn của cả " + docs[pd].region + " (" + display(f, w.value) + ", " + ppath + ")";
        std::string msg_en = figure_name(f) + " of " + docs[c].region + " is " + display(f, f.value) +
                             ", more than the whole " + docs[pd].region + " (" + display(f, w.value) + ", " + ppath + ")";
        if (!docs[c].current) {
          msg_vi = figure_name(w) + " của cả " + docs[pd].region + " là " + display(w, w.value) + ", nhỏ hơn của " +
                   docs[c].region + " (" + display(w, f.value) + ", " + docs[c].path + ")";
          msg_en = figure_name(w) + " of the whole " + docs[pd].region + " is " + display(w, w.value) +
                   ", less than that of " + docs[c].region + " (" + display(w, f.value) + ", " + docs[c].path + ")";
        }
        const Fact& x = ctx.fact(at);
        const Fact& y = ctx.fact(other);
        auto cf = ctx.make(meta_, at, other, x.value / x.factor, y.value / x.factor, x.unit, msg_vi, msg_en);
        if (!cf) continue;
        cf->finding.computation = display(f, f.value) + " > " + display(f, w.value);
        ctx.findings.push_back(std::move(*cf));
      }
    }
  }
  // 2. When every declared part of a province is present, the parts add up to it.
  for (const auto& [parent, kids] : ctx.hierarchy.children) {
    auto parents = docs_of_region.find(parent);
    if (parents == docs_of_region.end() || kids.empty()) continue;
    bool all = true;
    for (const auto& k : kids) all = all && docs_of_region.count(k);
    if (!all) continue;
    for (size_t pd : parents->second) {
      for (size_t k = 0; k < docs[pd].facts.size(); ++k) {
        const Fact& w = docs[pd].facts[k];
        if (!w.role.empty() || !w.region.empty() || !additive_dimension(w.dimension) || !is_canonical_indicator(w.indicator))
          continue;
        auto whole = ctx.unique_fact(pd, parent, w.indicator, w.period_key, w.dimension);
        if (!whole || whole->fact != k) continue;
        double sum = 0, h = 0;
        std::vector<FactRef> parts;
        bool complete = true;
        for (const auto& kid : kids) {
          std::optional<FactRef> part;
          for (size_t cd : docs_of_region[kid]) {
            part = ctx.unique_fact(cd, kid, w.indicator, w.period_key, w.dimension);
            if (part) break;
          }
          if (!part) { complete = false; break; }
          sum += ctx.fact(*part).value;
          h += ctx.fact(*part).half_width;
          parts.push_back(*part);
        }
        if (!complete || facts_agree(sum, h, w.value, w.half_width)) continue;
        // Reported at the province's figure, or at the first part of this run.
        FactRef at = *whole, other = parts.front();
        if (!docs[pd].current)
          for (const auto& p : parts)
            if (docs[p.document].current) { at = p; other = *whole; break; }
        std::string msg_vi = figure_name(w) + " của " + docs[pd].region + " là " + display(w, w.value) + ", nhưng " +
                             std::to_string(parts.size()) + " huyện, thành phố cộng lại được " + display(w, sum);
        std::string msg_en = figure_name(w) + " of " + docs[pd].region + " is " + display(w, w.value) + ", but its " +
                             std::to_string(parts.size()) + " districts add up to " + display(w, sum);
        const Fact& x = ctx.fact(at);
        bool at_whole = at.document == whole->document && at.fact == whole->fact;
        double stated = x.value / x.factor;
        double expected = at_whole ? sum / x.factor : (x.value + w.value - sum) / x.factor;
        auto cf = ctx.make(meta_, at, other, stated, expected, x.unit, msg_vi, msg_en);
        if (!cf) continue;
        for (const auto& p : parts) {
          if (p.document == other.document && p.fact == other.fact) continue;
          if (p.document == at.document && p.fact == at.fact) continue;
          const Fact& pf = ctx.fact(p);
          cf->finding.related.push_back(RelatedLocation{docs[p.document].path, pf.begin, pf.end, pf.quote,
                                                        docs[p.document].region});
        }
        if (!at_whole) {
          const Fact& wf = ctx.fact(*whole);
          cf->finding.related.push_back(RelatedLocation{docs[pd].path, wf.begin, wf.end, wf.quote, docs[pd].region});
        }
        cf->finding.computation = "Σ = " + display(w, sum) + " ≠ " + display(w, w.value);
        cf->figures = {*whole};
        cf->solves = {sum};
        cf->tolerances = {h + w.half_width};
        for (const auto& p : parts) {
          cf->figures.push_back(p);
          cf->solves.push_back(ctx.fact(p).value + (w.value - sum));
          cf->tolerances.push_back(h + w.half_width);
        }
        ctx.findings.push_back(std::move(*cf));
      }
    }
  }
}

}  // namespace doisoat
