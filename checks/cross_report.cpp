#include "checks/cross_report.h"

#include <algorithm>
#include <cmath>

#include "core/tolerance.h"
#include "core/vfold.h"

namespace doisoat {

bool facts_agree(double a, double ha, double b, double hb) {
  double slack = 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= ha + hb + slack;
}

std::string previous_year_key(const std::string& k) {
  if (k.size() < 4) return {};
  for (int i = 0; i < 4; ++i) if (k[i] < '0' || k[i] > '9') return {};
  return std::to_string(std::stoi(k.substr(0, 4)) - 1) + k.substr(4);
}

std::string display(const Fact& f, double base_value, int extra_decimals) {
  double written = base_value / (f.factor != 0 ? f.factor : 1.0);
  std::string s = format_vi(written, f.precision + extra_decimals);
  if (!f.unit.empty()) s += (f.unit == "%" ? "" : " ") + f.unit;
  return s;
}

bool additive_dimension(const std::string& d) {
  for (const char* a : {"area", "mass", "volume", "energy"}) if (d == a) return true;
  return d.rfind("count", 0) == 0 || d.rfind("money", 0) == 0;
}

std::string figure_name(const Fact& f) { return f.indicator_text.empty() ? f.indicator : f.indicator_text; }

std::optional<FactRef> CrossContext::fact_of_quantity(size_t document, int64_t quantity) const {
  if (quantity_index.size() != documents.size()) quantity_index.assign(documents.size(), {});
  auto& index = quantity_index[document];
  const auto& fs = documents[document].facts;
  if (index.empty() && !fs.empty()) {
    for (size_t i = 0; i < fs.size(); ++i) index.emplace(fs[i].quantity, i);  // the first fact of each
  }
  auto it = index.find(quantity);
  if (it == index.end()) return std::nullopt;
  return FactRef{document, it->second};
}

namespace {

std::string unique_key(const std::string& region, const std::string& indicator, const std::string& period_key,
                       const std::string& dimension, const std::string& role) {
  std::string k;
  k.reserve(region.size() + indicator.size() + period_key.size() + dimension.size() + role.size() + 4);
  k += region;
  k += '\x1f';
  k += indicator;
  k += '\x1f';
  k += period_key;
  k += '\x1f';
  k += dimension;
  k += '\x1f';
  k += role;
  return k;
}

}  // namespace

std::string CrossContext::region_of(size_t document, const Fact& f) const {
  if (!f.region.empty()) return region_key(f.region);
  if (document_region.size() != documents.size()) document_region.assign(documents.size(), std::nullopt);
  auto& key = document_region[document];
  if (!key) key = document_region_key(documents[document]);
  return *key;
}

std::optional<FactRef> CrossContext::unique_fact(size_t document, const std::string& region,
                                                 const std::string& indicator, const std::string& period_key,
                                                 const std::string& dimension, const std::string& role) const {
  auto key = [](const std::string& r, const Fact& f) {
    return unique_key(r, f.indicator, f.period_key, f.dimension, f.role);
  };
  if (unique_index.size() != documents.size()) unique_index.assign(documents.size(), {});
  auto& index = unique_index[document];
  if (index.empty()) {
    const auto& fs = documents[document].facts;
    for (size_t i = 0; i < fs.size(); ++i) {
      auto [it, fresh] = index.emplace(key(region_of(document, fs[i]), fs[i]), FactRef{document, i});
      if (fresh || !it->second) continue;
      const Fact& g = fs[it->second->fact];
      if (!facts_agree(fs[i].value, fs[i].half_width, g.value, g.half_width)) it->second.reset();  // two values: not a key
    }
    if (index.empty()) index.emplace(std::string(), std::nullopt);
  }
  auto it = index.find(unique_key(region, indicator, period_key, dimension, role));
  return it == index.end() ? std::nullopt : it->second;
}

const std::vector<size_t>& CrossContext::documents_with(const std::string& region, const std::string& indicator,
                                                        const std::string& period_key, const std::string& dimension,
                                                        const std::string& role) const {
  if (!documents_indexed) {
    documents_indexed = true;
    for (size_t d = 0; d < documents.size(); ++d) {
      unique_fact(d, std::string(), std::string(), std::string(), std::string());  // builds its index
      for (const auto& [k, ref] : unique_index[d])
        if (ref) documents_of_key[k].push_back(d);
    }
  }
  static const std::vector<size_t> none;
  auto it = documents_of_key.find(unique_key(region, indicator, period_key, dimension, role));
  return it == documents_of_key.end() ? none : it->second;
}

std::optional<CrossFinding> CrossContext::make(const CheckMeta& meta, FactRef at, FactRef other, double stated,
                                               std::optional<double> expected, const std::string& unit,
                                               const std::string& message_vi, const std::string& message_en) const {
  if (!documents[at.document].current) return std::nullopt;
  const DocumentFacts& d = documents[at.document];
  const DocumentFacts& o = documents[other.document];
  const Fact& f = fact(at);
  const Fact& g = fact(other);
  CrossFinding cf;
  cf.document = d.document;
  Finding& x = cf.finding;
  x.check = meta.id;
  x.kind = "cross_report";
  x.severity = meta.severity;
  x.path = d.path;
  x.begin = f.begin;
  x.end = f.end;
  x.quote = f.quote;
  x.stated = stated;
  x.expected = expected;
  x.unit = unit;
  x.message = config.lang == Lang::En ? message_en : message_vi;
  RelatedLocation rel;
  rel.path = o.path;
  rel.begin = g.begin;
  rel.end = g.end;
  rel.quote = g.quote;
  rel.message = (config.lang == Lang::En ? "stated in " : "ghi trong ") + o.path +
                (o.period.empty() ? std::string() : " (" + o.period + ")");
  x.related.push_back(rel);
  x.id = stable_id(x.check, x.path, x.quote + "\x1f" + rel.path + "\x1f" + rel.quote);
  cf.stated = at;
  cf.figures = {at, other};
  return cf;
}

}  // namespace doisoat
