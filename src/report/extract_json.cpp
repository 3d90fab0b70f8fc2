// `doisoat extract --format json` (CONTRACT: doisoat/extract/v1).
#include "report/emit.h"

namespace doisoat {

static const char* qualifier_name(Qualifier q) {
  switch (q) {
    case Qualifier::None: return nullptr;
    case Qualifier::Approx: return "approximate";
    case Qualifier::AtLeast: return "at_least";
    case Qualifier::AtMost: return "at_most";
    case Qualifier::Estimate: return "estimate";
  }
  return nullptr;
}

nlohmann::ordered_json extract_json(const RunReport& report, bool uncovered_only) {
  using nlohmann::ordered_json;
  using json = nlohmann::ordered_json;
  json docs = json::array();
  for (const auto& d : report.documents) {
    const auto& map = d.doc.map;
    json jd;
    jd["path"] = d.doc.path;
    jd["region"] = d.doc.region;
    jd["period"] = d.doc.period;
    if (!d.doc.period_key.empty()) jd["period_key"] = d.doc.period_key;
    jd["encoding"] = d.doc.encoding;
    if (!d.doc.warnings.empty()) jd["warnings"] = d.doc.warnings;
    json sections = json::array();
    for (const auto& s : d.doc.sections) {
      auto p = map.at(s.span.begin);
      sections.push_back({{"title", s.title}, {"number", s.number}, {"level", s.level}, {"parent", s.parent},
                          {"line", p.line}});
    }
    jd["sections"] = sections;
    std::vector<bool> is_uncovered(d.quantities.size() + 1, false);
    for (auto id : d.uncovered) if (id < is_uncovered.size()) is_uncovered[id] = true;
    json qs = json::array();
    for (const auto& q : d.quantities) {
      if (uncovered_only && !is_uncovered[q.id]) continue;
      auto b = map.at(q.span.begin), e = map.end_at(q.span.end);
      json jq = {{"id", "q" + std::to_string(q.id)}, {"line", b.line}, {"column", b.column},
                 {"end_line", e.line}, {"end_column", e.column}, {"text", q.text},
                 {"value", q.value.to_double()}, {"unit", q.unit}, {"dimension", q.dimension},
                 {"scale", q.factor}, {"precision", q.precision}};
      if (!q.indicator.empty()) jq["indicator"] = q.indicator;
      // Issue 7: how the figure relates to others (claims/indicators.h).
      if (!q.role.empty()) jq["role"] = q.role;
      if (q.base >= 0) jq["base"] = "q" + std::to_string(q.base);
      if (!q.status.empty()) jq["status"] = q.status;
      if (!q.period_key.empty()) jq["period_key"] = q.period_key;
      if (auto qn = qualifier_name(q.qualifier)) jq["qualifiers"] = json::array({qn});
      if (q.negative) jq["negative"] = true;
      if (q.implicit) jq["implicit"] = true;
      if (q.malformed) {
        jq["malformed"] = q.malformed_reason;
        if (q.hint) jq["hint"] = q.hint->to_double();
      }
      if (uncovered_only) jq["sentence"] = std::string(d.doc.slice(d.doc.sentences[q.sentence].span));
      if (is_uncovered[q.id])
        if (auto why = d.uncovered_reasons.find(q.id); why != d.uncovered_reasons.end()) jq["uncovered_reason"] = why->second;
      qs.push_back(jq);
    }
    jd["quantities"] = qs;
    if (!uncovered_only) {
      json nqs = json::array();
      for (const auto& nq : d.non_quantities) {
        auto b = map.at(nq.span.begin);
        nqs.push_back({{"text", nq.text}, {"kind", nq.kind}, {"line", b.line}, {"column", b.column}});
      }
      jd["non_quantities"] = nqs;
    }
    json cs = json::array();
    if (!uncovered_only) {
      for (const auto& c : d.claims) {
        auto b = map.at(c.span.begin), e = map.end_at(c.span.end);
        json jc = {{"id", "c" + std::to_string(c.id)}, {"kind", to_string(c.kind)}, {"line", b.line},
                   {"column", b.column}, {"end_line", e.line}, {"end_column", e.column}, {"quote", c.quote},
                   {"unit", c.unit}, {"verdict", to_string(c.verdict)}, {"template", to_string(c.template_id)}};
        if (c.inferred) jc["inferred"] = true;
        // CONTRACT: a claim is located where its stated value appears.
        if (c.stated < d.quantities.size()) {
          const auto& q = d.quantities[c.stated];
          jc["line"] = map.at(q.span.begin).line;
          jc["stated"] = q.value.to_double() * (q.negative ? -1 : 1);
          // A figure restated with a slip is checked by its intended reading ("154.837 triệu kWh"
          // read as 154,837): that is the statement the claim is about.
          if (c.template_id == Template::RestatedWithSlip && q.malformed && q.hint) {
            jc["stated"] = q.hint->to_double() * (q.negative ? -1 : 1);
            jc["stated_as_written"] = q.text;
          }
        }
        if (c.computed) jc["computed"] = *c.computed;
        if (!c.reason.empty()) jc["reason"] = c.reason;
        if (!c.indicator.empty()) jc["indicator"] = c.indicator;
        json ops = json::array(), roles = json::array();
        for (const auto& o : c.operands) {
          ops.push_back("q" + std::to_string(o.quantity));
          roles.push_back(o.role);
        }
        jc["operands"] = ops;
        jc["roles"] = roles;
        cs.push_back(jc);
      }
    }
    jd["claims"] = cs;
    jd["summary"] = {{"quantities", d.quantities.size()}, {"non_quantities", d.non_quantities.size()},
                     {"claims", d.claims.size()}, {"uncovered", d.uncovered.size()}};
    docs.push_back(jd);
  }
  return json{{"schema", "doisoat/extract/v1"}, {"documents", docs},
              {"summary", {{"documents", report.summary.documents}, {"claims", report.summary.claims},
                           {"quantities", report.summary.quantities}, {"uncovered", report.summary.uncovered}}}};
}

}  // namespace doisoat
