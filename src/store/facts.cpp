#include "store/facts.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstring>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "claims/indicators.h"
#include "core/vfold.h"
#include "store/backends.h"

namespace doisoat {

namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

// Back to the start of a UTF-8 character.
size_t utf8_floor(const std::string& s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// "tỉnh Bắc Kạn" mentioned most often in a district's report: its province.
// The province a district's or city's report belongs to, when the text says so: "tỉnh Y" named as
// the governing body ("Ủy ban nhân dân tỉnh Y", "HĐND tỉnh Y", "Tỉnh ủy Y" aside), right after the
// report's own region ("huyện X, tỉnh Y") or after "thuộc". A province merely mentioned (a
// neighbour, a comparison) is no parent; a centrally-governed city has none.
bool centrally_governed(const std::string& region) {
  static const std::set<std::string> cities = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"};
  return cities.count(region_name_key(region)) > 0;
}

bool names_subordination(const std::string& t, size_t at, const std::string& own_name) {
  const size_t from = at > 80 ? utf8_floor(t, at - 80) : 0;
  std::string before = t.substr(from, at - from);
  std::string folded = vfold(before);
  for (const char* w : {"nhan dan ", "ubnd ", "hdnd ", "thuoc "})
    if (folded.size() >= std::strlen(w) && folded.compare(folded.size() - std::strlen(w), std::strlen(w), w) == 0) return true;
  return !own_name.empty() && folded.find(own_name) != std::string::npos && folded.size() - folded.rfind(own_name) <= own_name.size() + 3;
}

std::string parent_region_of(const Document& doc) {
  std::map<std::string, int> counts;
  const std::string& t = doc.text;
  if (centrally_governed(doc.region)) return {};
  const std::string own = region_name_key(doc.region);
  for (size_t at = 0; (at = t.find("tỉnh ", at)) != std::string::npos; at += 1) {
    if (!names_subordination(t, at, own)) continue;
    size_t i = at + std::string("tỉnh ").size();
    std::string name;
    for (int w = 0; w < 3 && i < t.size(); ++w) {
      size_t j = i;
      char32_t c = decode_utf8(t, j);
      if (!is_upper(c)) break;
      size_t e = i;
      while (e < t.size() && t[e] != ' ' && t[e] != ',' && t[e] != '.' && t[e] != ';' && t[e] != ')' && t[e] != '\n' &&
             t[e] != ':')
        ++e;
      if (!name.empty()) name += ' ';
      name += t.substr(i, e - i);
      if (e >= t.size() || t[e] != ' ') break;
      i = e + 1;
    }
    if (!name.empty()) ++counts["tỉnh " + name];
  }
  std::string best;
  int n = 0;
  for (const auto& [name, c] : counts)
    if (c > n) { best = name; n = c; }
  return best;
}

std::string context_quote(const Document& doc, const Quantity& q) {
  uint32_t end = q.unit_span.empty() ? q.span.end : std::max(q.span.end, q.unit_span.end);
  // From the start of its sentence (at most ~160 bytes back) to the end of its unit.
  uint32_t begin = q.span.begin;
  if (q.sentence < doc.sentences.size()) begin = doc.sentences[q.sentence].span.begin;
  if (q.span.begin - begin > 160) begin = static_cast<uint32_t>(utf8_floor(doc.text, q.span.begin - 160));
  std::string s = doc.text.substr(begin, end - begin);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return trim(s);
}

}  // namespace

std::string now_iso8601() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

DocumentFacts document_facts(const DocumentResult& r, const std::string& read_at) {
  DocumentFacts d;
  const Document& doc = r.doc;
  d.path = doc.path;
  d.sha256 = doc.sha256;
  d.region = doc.region;
  d.region_level = doc.region_level;
  d.period = doc.period;
  d.period_key = doc.period_key;
  d.read_at = read_at;
  std::string level = region_level_key(doc.region, doc.region_level);
  if (level == "huyen" || level == "thanh pho" || level == "thi xa") d.parent_region = parent_region_of(doc);
  // A text whose title block names no period (a news article, a note) states figures of many
  // periods, issuers and scopes with no heading to say whose they are: its figures are compared
  // with no other document's (so none is built). Its own relations are still checked.
  for (const auto& q : r.quantities) {
    if (!doc.period_in_title) break;
    if (q.indicator.empty() || q.malformed) continue;
    if (q.qualifier == Qualifier::AtLeast || q.qualifier == Qualifier::AtMost) continue;
    // A level named by a canonical indicator of another dimension is misnamed: no fact to compare.
    if ((q.role.empty() || q.role == "plan" || q.role == "denominator") && !indicator_fits_dimension(q.indicator, q.dimension))
      continue;
    Fact f;
    f.quantity = q.id;
    f.indicator = q.indicator;
    f.indicator_text = q.indicator_text;
    f.period_key = q.period_key.empty() ? doc.period_key : q.period_key;
    f.region = q.region;
    f.unit = q.unit;
    f.dimension = q.dimension;
    f.role = q.role;
    f.base = q.base;
    double sign = (q.negative || q.decrease) ? -1.0 : 1.0;
    f.value = sign * q.value.to_double() * q.factor;
    f.factor = q.factor;
    f.half_width = q.exact_count ? 0.0 : q.value.half_ulp() * q.factor;
    if (q.qualifier == Qualifier::Approx) f.half_width = std::max(f.half_width, 0.05 * std::fabs(f.value));
    f.precision = q.precision;
    f.text = q.text;
    f.status = q.status;
    f.begin = doc.map.at(q.span.begin);
    f.end = doc.map.end_at(q.unit_span.empty() ? q.span.end : std::max(q.span.end, q.unit_span.end));
    f.quote = context_quote(doc, q);
    d.facts.push_back(std::move(f));
  }
  d.claims = r.claims;
  return d;
}

// --- the store -----------------------------------------------------------------------------

std::string fact_region_key(const DocumentFacts& d, const Fact& f) {
  // As the cross-report checks see it once loaded: a region equal to the document's is its own.
  return f.region.empty() || f.region == d.region ? document_region_key(d) : region_key(f.region);
}

std::string operands_json(const Claim& c) {
  nlohmann::json ops = nlohmann::json::array();
  for (const auto& o : c.operands) ops.push_back({{"role", o.role}, {"quantity", o.quantity}});
  return ops.dump();
}

bool FactStore::is_postgresql(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<FactStore>> FactStore::open(const std::string& location, const OpenOptions& options) {
  if (is_postgresql(location)) return open_postgresql_store(location, options);
  return open_sqlite_store(location, options);
}

Result<std::vector<FactStore::Row>> FactStore::query(const Filter& filter) const {
  auto docs = load();
  if (!docs) return docs.error();
  std::string region = vfold(filter.region), period = vfold(filter.period);
  std::vector<Row> rows;
  for (auto& d : *docs) {
    if (!region.empty() && vfold(d.region).find(region) == std::string::npos) continue;
    for (auto& f : d.facts) {
      if (!filter.indicator.empty() && f.indicator != filter.indicator) continue;
      if (!period.empty() && f.period_key != filter.period && vfold(d.period).find(period) == std::string::npos)
        continue;
      Row row;
      row.document = d;
      row.document.facts.clear();
      row.fact = f;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace doisoat
