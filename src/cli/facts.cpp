#include "cli/facts.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "claims/indicators.h"
#include "store/facts.h"

namespace doisoat {

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string number(double v) {
  std::ostringstream o;
  o.precision(15);
  o << v;
  return o.str();
}

}  // namespace

int run_facts_command(const FactsCommand& c, std::ostream& out, std::ostream& err) {
  if (c.db.empty()) {
    err << "doisoat: facts: --db FILE or --db postgresql://... is required\n";
    return 2;
  }
  if (c.format != "jsonl" && c.format != "csv") {
    err << "doisoat: facts writes jsonl or csv, not '" << c.format << "'\n";
    return 2;
  }
  // Listing never creates a store.
  FactStore::OpenOptions options;
  options.create = false;
  auto store = FactStore::open(c.db, options);
  if (!store) {
    err << "doisoat: " << store.error().message() << "\n";
    return 2;
  }
  FactStore::Filter filter{c.indicator, c.region, c.period};
  // A phrase names its canonical key: "--indicator 'tổng mức bán lẻ'".
  if (!filter.indicator.empty() && !is_canonical_indicator(filter.indicator) && filter.indicator[0] != '~') {
    std::string key = match_indicator(filter.indicator);
    if (!key.empty()) filter.indicator = key;
  }
  auto rows = (*store)->query(filter);
  if (!rows) {
    err << "doisoat: " << rows.error().message() << "\n";
    return 2;
  }
  static const char* kColumns[] = {"indicator", "indicator_text", "region", "period", "period_key", "role", "value",
                                   "unit", "dimension", "base_value", "precision", "status", "text", "path", "sha256",
                                   "line", "column", "quote", "read_at"};
  if (c.format == "csv") {
    for (size_t i = 0; i < std::size(kColumns); ++i) out << (i ? "," : "") << kColumns[i];
    out << "\n";
  }
  for (const auto& r : *rows) {
    const Fact& f = r.fact;
    const DocumentFacts& d = r.document;
    double written = f.value / (f.factor != 0 ? f.factor : 1.0);
    if (c.format == "jsonl") {
      nlohmann::ordered_json j = {{"indicator", f.indicator}, {"indicator_text", f.indicator_text},
                                  {"region", d.region},       {"period", d.period},
                                  {"period_key", f.period_key}, {"role", f.role},
                                  {"value", written},         {"unit", f.unit},
                                  {"dimension", f.dimension}, {"base_value", f.value},
                                  {"precision", f.precision}, {"status", f.status},
                                  {"text", f.text},           {"path", d.path},
                                  {"sha256", d.sha256},       {"line", f.begin.line},
                                  {"column", f.begin.column}, {"quote", f.quote},
                                  {"read_at", d.read_at}};
      out << j.dump() << "\n";
    } else {
      std::vector<std::string> v = {f.indicator, f.indicator_text, d.region, d.period, f.period_key, f.role,
                                    number(written), f.unit, f.dimension, number(f.value), std::to_string(f.precision),
                                    f.status, f.text, d.path, d.sha256, std::to_string(f.begin.line),
                                    std::to_string(f.begin.column), f.quote, d.read_at};
      for (size_t i = 0; i < v.size(); ++i) out << (i ? "," : "") << csv_field(v[i]);
      out << "\n";
    }
  }
  return 0;
}

}  // namespace doisoat
