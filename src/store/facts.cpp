#include "store/facts.h"

#include <sqlite3.h>

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

namespace doisoat {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

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

std::string region_level_key(const std::string& region, const std::string& level) {
  std::string f = vfold(level.empty() ? region : level);
  for (const char* l : {"thanh pho", "thi xa", "tinh", "huyen", "tp"})
    if (starts_with(f, l)) return std::string(l) == "tp" ? "thanh pho" : l;
  return {};
}

std::string region_name_key(const std::string& region) {
  std::string f = vfold(region);
  for (const char* l : {"thanh pho ", "thi xa ", "tinh ", "huyen ", "tp. ", "tp "})
    if (starts_with(f, l)) { f = f.substr(std::string(l).size()); break; }
  return trim(f);
}

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
  for (const auto& q : r.quantities) {
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
  // A text whose title block names no period (a news article, a note) states figures of many
  // periods, issuers and scopes with no heading to say whose they are: its figures are compared
  // with no other document's. Its own relations are still checked.
  if (!doc.period_in_title) d.facts.clear();
  d.claims = r.claims;
  return d;
}

// --- the store -----------------------------------------------------------------------------

namespace {

constexpr const char* kSchema = "doisoat/facts/v1";

constexpr const char* kCreate = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, region TEXT, region_level TEXT,
  parent_region TEXT, period TEXT, period_key TEXT, read_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts(
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id), quantity INTEGER,
  indicator TEXT NOT NULL, indicator_text TEXT, region TEXT, period_key TEXT, unit TEXT, dimension TEXT,
  role TEXT, base INTEGER, value REAL NOT NULL, half_width REAL, factor REAL, precision INTEGER, text TEXT, status TEXT,
  line INTEGER, "column" INTEGER, end_line INTEGER, end_column INTEGER, quote TEXT);
CREATE TABLE IF NOT EXISTS claims(
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id), kind TEXT, verdict TEXT,
  indicator TEXT, template TEXT, unit TEXT, computed REAL, reason TEXT, span_begin INTEGER, span_end INTEGER,
  quote TEXT, operands TEXT);
CREATE INDEX IF NOT EXISTS facts_key ON facts(indicator, region, period_key);
CREATE INDEX IF NOT EXISTS facts_document ON facts(document);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
)SQL";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
  ~Statement() { sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  int rc() const { return rc_; }
  void bind(int i, const std::string& s) { sqlite3_bind_text(st_, i, s.c_str(), int(s.size()), SQLITE_TRANSIENT); }
  void bind(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(st_, i, v); }
  int step() { return rc_ = sqlite3_step(st_); }
  void reset() { sqlite3_reset(st_); sqlite3_clear_bindings(st_); }
  std::string text(int i) const {
    auto p = sqlite3_column_text(st_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(st_, i))) : std::string();
  }
  int64_t integer(int i) const { return sqlite3_column_int64(st_, i); }
  double real(int i) const { return sqlite3_column_double(st_, i); }

 private:
  sqlite3_stmt* st_ = nullptr;
  int rc_ = SQLITE_OK;
};

// How long a writer waits for another process's transaction: several CI jobs sharing one store
// queue up behind each other (issue 14: six processes failed at 1.5 s).
constexpr int kBusyTimeoutMs = 60000;

std::string why(int rc, sqlite3* db) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return "not a doisoat facts store, or damaged (" + std::string(sqlite3_errstr(rc)) +
             "); it was left untouched";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the facts store is still locked by another process after " + std::to_string(kBusyTimeoutMs / 1000) +
             " s; nothing was written (try again when it is done)";
    case SQLITE_READONLY:
      return "the facts store is read-only; nothing was written";
    case SQLITE_CANTOPEN:
      return "cannot open or create the facts store (" + std::string(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) + ")";
    case SQLITE_FULL:
      return "the disk is full; nothing was written";
    default:
      return std::string("facts store error: ") + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  }
}

}  // namespace

Error FactStore::error(const std::string& what) const {
  int rc = sqlite3_extended_errcode(db_);
  return Error{path_, what.empty() ? why(rc, db_) : what + ": " + why(rc, db_)};
}

FactStore::~FactStore() {
  if (db_) sqlite3_close_v2(db_);
}

Result<std::unique_ptr<FactStore>> FactStore::open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Error e{path, why(rc, db)};
    if (db) sqlite3_close_v2(db);
    return e;
  }
  std::unique_ptr<FactStore> store(new FactStore(path, db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // Reading the schema fails on a file that is not a database, or is locked exclusively.
  {
    Statement st(db, "SELECT count(*) FROM sqlite_master");
    if (!st.ok()) return Error{path, why(st.rc(), db)};
    if (st.step() != SQLITE_ROW) return Error{path, why(st.rc(), db)};
  }
  bool has_meta = false;
  {
    Statement st(db, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
    if (!st.ok() || st.step() != SQLITE_ROW) return Error{path, why(st.rc(), db)};
    has_meta = st.integer(0) > 0;
  }
  if (has_meta) {
    Statement st(db, "SELECT value FROM meta WHERE key='schema'");
    if (!st.ok()) return Error{path, why(st.rc(), db)};
    if (st.step() != SQLITE_ROW || st.text(0) != kSchema)
      return Error{path, "not a doisoat facts store (its schema is not " + std::string(kSchema) + "); it was left untouched"};
    return store;
  }
  {
    // A database of something else: leave it alone.
    Statement st(db, "SELECT count(*) FROM sqlite_master WHERE type='table'");
    if (!st.ok() || st.step() != SQLITE_ROW) return Error{path, why(st.rc(), db)};
    if (st.integer(0) > 0) return Error{path, "an SQLite database of another program, not a doisoat facts store; it was left untouched"};
  }
  char* msg = nullptr;
  std::string sql = std::string("BEGIN IMMEDIATE;") + kCreate +
                    "INSERT OR REPLACE INTO meta(key, value) VALUES('schema', '" + kSchema + "');COMMIT;";
  rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
  if (msg) sqlite3_free(msg);
  if (rc != SQLITE_OK) {
    Error e{path, why(rc, db)};
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  return store;
}

namespace {

const char* kFactColumns =
    "f.quantity, f.indicator, f.indicator_text, f.period_key, f.unit, f.dimension, f.role, f.base, f.value, "
    "f.half_width, f.factor, f.precision, f.text, f.status, f.line, f.\"column\", f.end_line, f.end_column, f.quote, "
    "f.region";

Fact read_fact(const Statement& st, int c) {
  Fact f;
  f.quantity = st.integer(c + 0);
  f.indicator = st.text(c + 1);
  f.indicator_text = st.text(c + 2);
  f.period_key = st.text(c + 3);
  f.unit = st.text(c + 4);
  f.dimension = st.text(c + 5);
  f.role = st.text(c + 6);
  f.base = st.integer(c + 7);
  f.value = st.real(c + 8);
  f.half_width = st.real(c + 9);
  f.factor = st.real(c + 10);
  f.precision = int(st.integer(c + 11));
  f.text = st.text(c + 12);
  f.status = st.text(c + 13);
  f.begin = SourcePos{uint32_t(st.integer(c + 14)), uint32_t(st.integer(c + 15))};
  f.end = SourcePos{uint32_t(st.integer(c + 16)), uint32_t(st.integer(c + 17))};
  f.quote = st.text(c + 18);
  f.region = st.text(c + 19);
  return f;
}

const char* kDocColumns = "d.id, d.path, d.sha256, d.region, d.region_level, d.parent_region, d.period, d.period_key, d.read_at";

DocumentFacts read_document(const Statement& st) {
  DocumentFacts d;
  d.path = st.text(1);
  d.sha256 = st.text(2);
  d.region = st.text(3);
  d.region_level = st.text(4);
  d.parent_region = st.text(5);
  d.period = st.text(6);
  d.period_key = st.text(7);
  d.read_at = st.text(8);
  d.current = false;
  return d;
}

}  // namespace

Result<std::vector<DocumentFacts>> FactStore::load() const {
  std::vector<DocumentFacts> docs;
  std::map<int64_t, size_t> by_id;
  {
    Statement st(db_, (std::string("SELECT ") + kDocColumns + " FROM documents d ORDER BY d.path, d.id").c_str());
    if (!st.ok()) return error("cannot read");
    while (st.step() == SQLITE_ROW) {
      by_id[st.integer(0)] = docs.size();
      docs.push_back(read_document(st));
    }
    if (st.rc() != SQLITE_DONE) return error("cannot read");
  }
  Statement st(db_, (std::string("SELECT f.document, ") + kFactColumns + " FROM facts f ORDER BY f.document, f.id").c_str());
  if (!st.ok()) return error("cannot read");
  while (st.step() == SQLITE_ROW) {
    auto it = by_id.find(st.integer(0));
    if (it == by_id.end()) continue;
    Fact f = read_fact(st, 1);
    if (f.region == docs[it->second].region) f.region.clear();  // the document's own region
    docs[it->second].facts.push_back(std::move(f));
  }
  if (st.rc() != SQLITE_DONE) return error("cannot read");
  return docs;
}

Result<bool> FactStore::save(const std::vector<DocumentFacts>& documents) {
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return error("cannot write");
  auto rollback = [&](const char* what) {
    Error e = error(what);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  };
  {
    Statement find(db_, "SELECT id FROM documents WHERE sha256 = ?1 OR path = ?2");
    Statement del_f(db_, "DELETE FROM facts WHERE document = ?1");
    Statement del_c(db_, "DELETE FROM claims WHERE document = ?1");
    Statement del_d(db_, "DELETE FROM documents WHERE id = ?1");
    Statement ins_d(db_,
                    "INSERT INTO documents(path, sha256, region, region_level, parent_region, period, period_key, read_at) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement ins_f(db_,
                    "INSERT INTO facts(document, quantity, indicator, indicator_text, region, period_key, unit, dimension, "
                    "role, base, value, half_width, factor, precision, text, status, line, \"column\", end_line, end_column, quote) "
                    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)");
    Statement ins_c(db_,
                    "INSERT INTO claims(document, kind, verdict, indicator, template, unit, computed, reason, span_begin, "
                    "span_end, quote, operands) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!find.ok() || !del_f.ok() || !del_c.ok() || !del_d.ok() || !ins_d.ok() || !ins_f.ok() || !ins_c.ok())
      return rollback("cannot write");
    for (const auto& d : documents) {
      // Re-checking the same file (same hash, or the same path edited) replaces its facts.
      std::vector<int64_t> old;
      find.bind(1, d.sha256);
      find.bind(2, d.path);
      while (find.step() == SQLITE_ROW) old.push_back(find.integer(0));
      if (find.rc() != SQLITE_DONE) return rollback("cannot write");
      find.reset();
      for (int64_t id : old) {
        for (Statement* st : {&del_f, &del_c, &del_d}) {
          st->bind(1, id);
          if (st->step() != SQLITE_DONE) return rollback("cannot write");
          st->reset();
        }
      }
      ins_d.bind(1, d.path);
      ins_d.bind(2, d.sha256);
      ins_d.bind(3, d.region);
      ins_d.bind(4, d.region_level);
      ins_d.bind(5, d.parent_region);
      ins_d.bind(6, d.period);
      ins_d.bind(7, d.period_key);
      ins_d.bind(8, d.read_at);
      if (ins_d.step() != SQLITE_DONE) return rollback("cannot write");
      ins_d.reset();
      int64_t doc_id = sqlite3_last_insert_rowid(db_);
      for (const auto& f : d.facts) {
        ins_f.bind(1, doc_id);
        ins_f.bind(2, f.quantity);
        ins_f.bind(3, f.indicator);
        ins_f.bind(4, f.indicator_text);
        ins_f.bind(5, f.region.empty() ? d.region : f.region);
        ins_f.bind(6, f.period_key);
        ins_f.bind(7, f.unit);
        ins_f.bind(8, f.dimension);
        ins_f.bind(9, f.role);
        ins_f.bind(10, f.base);
        ins_f.bind(11, f.value);
        ins_f.bind(12, f.half_width);
        ins_f.bind(13, f.factor);
        ins_f.bind(14, int64_t(f.precision));
        ins_f.bind(15, f.text);
        ins_f.bind(16, f.status);
        ins_f.bind(17, int64_t(f.begin.line));
        ins_f.bind(18, int64_t(f.begin.column));
        ins_f.bind(19, int64_t(f.end.line));
        ins_f.bind(20, int64_t(f.end.column));
        ins_f.bind(21, f.quote);
        if (ins_f.step() != SQLITE_DONE) return rollback("cannot write");
        ins_f.reset();
      }
      for (const auto& c : d.claims) {
        nlohmann::json ops = nlohmann::json::array();
        for (const auto& o : c.operands) ops.push_back({{"role", o.role}, {"quantity", o.quantity}});
        ins_c.bind(1, doc_id);
        ins_c.bind(2, std::string(to_string(c.kind)));
        ins_c.bind(3, std::string(to_string(c.verdict)));
        ins_c.bind(4, c.indicator);
        ins_c.bind(5, c.template_id);
        ins_c.bind(6, c.unit);
        if (c.computed) ins_c.bind(7, *c.computed);
        ins_c.bind(8, c.reason);
        ins_c.bind(9, int64_t(c.span.begin));
        ins_c.bind(10, int64_t(c.span.end));
        ins_c.bind(11, c.quote);
        ins_c.bind(12, ops.dump());
        if (ins_c.step() != SQLITE_DONE) return rollback("cannot write");
        ins_c.reset();
      }
    }
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return rollback("cannot write");
  return true;
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
