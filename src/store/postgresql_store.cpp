// The shared facts store: a PostgreSQL database (`--db postgresql://user@host/dbname`), through
// libpqxx, for many runners writing at once and reviewers querying from elsewhere (issue 17).
#include <pqxx/pqxx>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "store/backends.h"

namespace doisoat {

namespace {

constexpr const char* kSchemaPrefix = "doisoat/facts/v";

// The same tables as the SQLite store, version for version (store/sqlite_store.cpp).
constexpr const char* kCreateV1 = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id BIGSERIAL PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, region TEXT, region_level TEXT,
  parent_region TEXT, period TEXT, period_key TEXT, read_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts(
  id BIGSERIAL PRIMARY KEY, document BIGINT NOT NULL REFERENCES documents(id), quantity BIGINT,
  indicator TEXT NOT NULL, indicator_text TEXT, region TEXT, period_key TEXT, unit TEXT, dimension TEXT,
  role TEXT, base BIGINT, value DOUBLE PRECISION NOT NULL, half_width DOUBLE PRECISION, factor DOUBLE PRECISION,
  "precision" INTEGER, text TEXT, status TEXT, line INTEGER, "column" INTEGER, end_line INTEGER, end_column INTEGER,
  quote TEXT);
CREATE TABLE IF NOT EXISTS claims(
  id BIGSERIAL PRIMARY KEY, document BIGINT NOT NULL REFERENCES documents(id), kind TEXT, verdict TEXT,
  indicator TEXT, template TEXT, unit TEXT, computed DOUBLE PRECISION, reason TEXT, span_begin BIGINT, span_end BIGINT,
  quote TEXT, operands TEXT);
CREATE INDEX IF NOT EXISTS facts_key ON facts(indicator, region, period_key);
CREATE INDEX IF NOT EXISTS facts_document ON facts(document);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
INSERT INTO meta(key, value) VALUES('schema', 'doisoat/facts/v1') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
)SQL";

constexpr const char* kMigrateV2 = R"SQL(
ALTER TABLE documents ADD COLUMN region_key TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN parent_key TEXT NOT NULL DEFAULT '';
ALTER TABLE facts ADD COLUMN region_key TEXT NOT NULL DEFAULT '';
CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
)SQL";
constexpr const char* kIndexV2 = R"SQL(
CREATE INDEX IF NOT EXISTS facts_lookup ON facts(indicator, period_key, region_key);
CREATE INDEX IF NOT EXISTS documents_parent ON documents(parent_key);
CREATE INDEX IF NOT EXISTS documents_region ON documents(region_key);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
UPDATE meta SET value = 'doisoat/facts/v2' WHERE key = 'schema';
)SQL";

// Advisory lock ids: one for schema changes, one per document key (its hash, its path).
constexpr int64_t kSchemaLock = 0x646f69736f617431;  // "doisoat1"

int64_t lock_id(const std::string& kind, const std::string& value) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a: the same id in every process
  for (unsigned char c : kind + '\x1f' + value) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return int64_t(h);
}

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db": errors never print a password.
std::string without_password(const std::string& uri) {
  size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  size_t start = scheme + 3;
  size_t at = uri.find('@', start);
  size_t slash = uri.find('/', start);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return uri;
  size_t colon = uri.find(':', start);
  std::string out = uri;
  if (colon != std::string::npos && colon < at) out = uri.substr(0, colon) + uri.substr(at);
  size_t q = out.find("password=");
  if (q != std::string::npos) {
    size_t e = out.find('&', q);
    out = out.substr(0, q) + "password=..." + (e == std::string::npos ? "" : out.substr(e));
  }
  return out;
}

// Server messages span lines ("ERROR: ...\nDETAIL: ..."); a user's error is one line.
std::string one_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "; ";
    else if (c != '\r') out += c;
  }
  return out;
}

std::string number(double v) {
  if (std::isnan(v)) return "'NaN'";
  if (std::isinf(v)) return v > 0 ? "'Infinity'" : "'-Infinity'";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  return std::string(buf, r.ptr);
}

int64_t integer(const pqxx::field& f) {
  if (f.is_null()) return 0;
  int64_t v = 0;
  const char* s = f.c_str();
  std::from_chars(s, s + f.size(), v);
  return v;
}

double real(const pqxx::field& f) {
  if (f.is_null()) return 0;
  const char* s = f.c_str();
  std::string_view t(s, f.size());
  if (t == "NaN") return std::nan("");
  if (t == "Infinity") return INFINITY;
  if (t == "-Infinity") return -INFINITY;
  double v = 0;
  std::from_chars(s, s + f.size(), v);
  return v;
}

std::string text(const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str(), f.size()); }

const char* kFactColumns =
    "f.document, f.quantity, f.indicator, f.indicator_text, f.period_key, f.unit, f.dimension, f.role, f.base, "
    "f.value, f.half_width, f.factor, f.\"precision\", f.text, f.status, f.line, f.\"column\", f.end_line, "
    "f.end_column, f.quote, f.region";

Fact read_fact(const pqxx::row& r) {
  Fact f;
  f.quantity = integer(r[1]);
  f.indicator = text(r[2]);
  f.indicator_text = text(r[3]);
  f.period_key = text(r[4]);
  f.unit = text(r[5]);
  f.dimension = text(r[6]);
  f.role = text(r[7]);
  f.base = integer(r[8]);
  f.value = real(r[9]);
  f.half_width = real(r[10]);
  f.factor = real(r[11]);
  f.precision = int(integer(r[12]));
  f.text = text(r[13]);
  f.status = text(r[14]);
  f.begin = SourcePos{uint32_t(integer(r[15])), uint32_t(integer(r[16]))};
  f.end = SourcePos{uint32_t(integer(r[17])), uint32_t(integer(r[18]))};
  f.quote = text(r[19]);
  f.region = text(r[20]);
  return f;
}

const char* kDocColumns = "d.id, d.path, d.sha256, d.region, d.region_level, d.parent_region, d.period, d.period_key, d.read_at";

DocumentFacts read_document(const pqxx::row& r) {
  DocumentFacts d;
  d.path = text(r[1]);
  d.sha256 = text(r[2]);
  d.region = text(r[3]);
  d.region_level = text(r[4]);
  d.parent_region = text(r[5]);
  d.period = text(r[6]);
  d.period_key = text(r[7]);
  d.read_at = text(r[8]);
  d.current = false;
  return d;
}

class PostgresFactStore final : public FactStore {
 public:
  PostgresFactStore(std::string path, std::unique_ptr<pqxx::connection> c)
      : FactStore(std::move(path), 0), conn_(std::move(c)) {}

  Result<bool> open(const OpenOptions& options);
  Result<std::vector<DocumentFacts>> load() const override { return guarded([&]() -> Result<std::vector<DocumentFacts>> { return load_where(""); }); }
  Result<std::vector<DocumentFacts>> load_related(const RelatedKeys& keys) const override;
  Result<bool> save(const std::vector<DocumentFacts>& documents) override;

 private:
  template <class F>
  auto guarded(F&& f) const -> decltype(f()) {
    try {
      return f();
    } catch (const pqxx::broken_connection& e) {
      return Error{path_, "lost the connection to the PostgreSQL facts store; nothing was written (" +
                              one_line(e.what()) + ")"};
    } catch (const pqxx::sql_error& e) {
      return Error{path_, "facts store error: " + one_line(e.what())};
    } catch (const std::exception& e) {
      return Error{path_, "facts store error: " + one_line(e.what())};
    }
  }
  /// 0: no store in this database; -1: tables of another program; else the schema version.
  int stored_version(pqxx::transaction_base& t) const;
  void migrate(pqxx::transaction_base& t, int from, int to) const;
  std::vector<DocumentFacts> load_where(const std::string& ids) const;
  // "('a','b')"; "(NULL)", which matches nothing, when empty.
  std::string in_list(pqxx::transaction_base& t, const std::set<std::string>& values) const {
    if (values.empty()) return "(NULL)";
    std::string s = "(";
    for (const auto& v : values) s += (s.size() > 1 ? "," : "") + t.quote(v);
    return s + ")";
  }
  std::unique_ptr<pqxx::connection> conn_;
};

int PostgresFactStore::stored_version(pqxx::transaction_base& t) const {
  auto tables = t.exec(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND "
      "table_name IN ('meta', 'documents', 'facts', 'claims', 'schema_version')");
  std::set<std::string> have;
  for (const auto& r : tables) have.insert(text(r[0]));
  if (!have.count("meta")) return have.empty() ? 0 : -1;
  auto schema = t.exec("SELECT value FROM meta WHERE key = 'schema'");
  if (schema.empty() || text(schema[0][0]).rfind(kSchemaPrefix, 0) != 0) return -1;
  if (!have.count("schema_version")) return 1;
  return int(integer(t.exec("SELECT coalesce(max(version), 1) FROM schema_version")[0][0]));
}

void PostgresFactStore::migrate(pqxx::transaction_base& t, int from, int to) const {
  if (from < 1) t.exec(kCreateV1);
  if (from < 2 && to >= 2) {
    t.exec(kMigrateV2);
    // The keys of the rows already stored, computed as the look-ups compute them.
    std::map<int64_t, DocumentFacts> docs;
    for (const auto& r : t.exec(std::string("SELECT ") + kDocColumns + " FROM documents d")) docs[integer(r[0])] = read_document(r);
    std::vector<std::string> rows;
    // UPDATE ... FROM (VALUES ...): a thousand rows per statement.
    auto flush = [&](const std::string& update, const std::string& columns) {
      if (rows.empty()) return;
      std::string values;
      for (const auto& v : rows) values += (values.empty() ? "" : ",") + v;
      t.exec(update + " FROM (VALUES " + values + ") AS v(" + columns + ") WHERE t.id = v.id");
      rows.clear();
    };
    const std::string update_documents = "UPDATE documents AS t SET region_key = v.k, parent_key = v.p";
    for (const auto& [id, d] : docs) {
      rows.push_back("(" + std::to_string(id) + "::bigint," + t.quote(document_region_key(d)) + "," +
                     t.quote(d.parent_region.empty() ? std::string() : region_key(d.parent_region)) + ")");
      if (rows.size() >= 1000) flush(update_documents, "id, k, p");
    }
    flush(update_documents, "id, k, p");
    for (const auto& r : t.exec("SELECT id, document, region FROM facts")) {
      auto it = docs.find(integer(r[1]));
      if (it == docs.end()) continue;
      Fact f;
      f.region = text(r[2]);
      rows.push_back("(" + std::to_string(integer(r[0])) + "::bigint," + t.quote(fact_region_key(it->second, f)) + ")");
      if (rows.size() >= 1000) flush("UPDATE facts AS t SET region_key = v.k", "id, k");
    }
    flush("UPDATE facts AS t SET region_key = v.k", "id, k");
    std::string now = now_iso8601();
    t.exec(std::string(kIndexV2) + "INSERT INTO schema_version(version, applied_at) VALUES(1, " +
           t.quote(from == 0 ? now : "before " + now) + "), (2, " + t.quote(now) + ") ON CONFLICT DO NOTHING;");
  }
}

Result<bool> PostgresFactStore::open(const OpenOptions& options) {
  return guarded([&]() -> Result<bool> {
    conn_->set_variable("application_name", "'doisoat'");
    int version;
    {
      pqxx::read_transaction t(*conn_);
      version = stored_version(t);
    }
    if (version < 0)
      return Error{path_, "the database holds tables of another program (meta, documents, facts or claims), not a "
                          "doisoat facts store; it was left untouched (choose another database or schema)"};
    if (version > kSchemaVersion)
      return Error{path_, "written by a newer doisoat (schema version " + std::to_string(version) +
                              ", this one knows up to " + std::to_string(kSchemaVersion) + "); it was left untouched"};
    if (version == 0 && !options.create) return Error{path_, "no doisoat facts store in this database"};
    if (version < options.schema_version) {
      // One migrator at a time; the others wait, then find it done.
      pqxx::work t(*conn_);
      t.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kSchemaLock) + ")");
      int again = stored_version(t);
      if (again < 0) return Error{path_, "the database holds tables of another program; it was left untouched"};
      if (again < options.schema_version) migrate(t, again, options.schema_version);
      t.commit();
      pqxx::read_transaction r(*conn_);
      version = stored_version(r);
    }
    schema_version_ = version;
    return true;
  });
}

std::vector<DocumentFacts> PostgresFactStore::load_where(const std::string& ids) const {
  // One snapshot: a writer committing between the two queries is seen wholly or not at all.
  pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> t(*conn_);
  std::vector<DocumentFacts> docs;
  std::map<int64_t, size_t> by_id;
  // Byte order of paths, as SQLite sorts them: the same documents in the same order on both.
  for (const auto& r : t.exec(std::string("SELECT ") + kDocColumns + " FROM documents d" +
                              (ids.empty() ? "" : " WHERE d.id IN (" + ids + ")") + " ORDER BY d.path COLLATE \"C\", d.id")) {
    by_id[integer(r[0])] = docs.size();
    docs.push_back(read_document(r));
  }
  for (const auto& r : t.exec(std::string("SELECT ") + kFactColumns + " FROM facts f" +
                              (ids.empty() ? "" : " WHERE f.document IN (" + ids + ")") + " ORDER BY f.document, f.id")) {
    auto it = by_id.find(integer(r[0]));
    if (it == by_id.end()) continue;
    Fact f = read_fact(r);
    if (f.region == docs[it->second].region) f.region.clear();  // the document's own region
    docs[it->second].facts.push_back(std::move(f));
  }
  t.commit();
  return docs;
}

Result<std::vector<DocumentFacts>> PostgresFactStore::load_related(const RelatedKeys& keys) const {
  if (schema_version_ < 2) return load();
  if (keys.indicators.empty() || keys.period_keys.empty()) return std::vector<DocumentFacts>{};
  return guarded([&]() -> Result<std::vector<DocumentFacts>> {
    pqxx::nontransaction q(*conn_);
    std::string key = "f.indicator IN " + in_list(q, keys.indicators) + " AND f.period_key IN " + in_list(q, keys.period_keys);
    // The parents that stored reports of this run's regions name, and the regions of stored reports
    // that name one of this run's as their parent, join the regions first: the look-up is then all
    // equalities on facts_lookup.
    std::set<std::string> regions = keys.region_keys;
    const std::string documents = in_list(q, keys.document_keys);
    for (const auto& r : q.exec("SELECT parent_key FROM documents WHERE region_key IN " + documents +
                                " AND parent_key <> '' UNION SELECT region_key FROM documents WHERE parent_key IN " +
                                documents))
      regions.insert(text(r[0]));
    std::string ids = "SELECT DISTINCT f.document FROM facts f WHERE " + key + " AND f.region_key IN " + in_list(q, regions);
    q.commit();
    return load_where(ids);
  });
}

Result<bool> PostgresFactStore::save(const std::vector<DocumentFacts>& documents) {
  return guarded([&]() -> Result<bool> {
    pqxx::work t(*conn_);
    // Writers of the same document (same hash or path) take turns, so that replacing it never
    // leaves two copies; locks are taken in one order, so that two runs never wait on each other.
    std::vector<int64_t> locks;
    for (const auto& d : documents) {
      locks.push_back(lock_id("sha256", d.sha256));
      locks.push_back(lock_id("path", d.path));
    }
    std::sort(locks.begin(), locks.end());
    locks.erase(std::unique(locks.begin(), locks.end()), locks.end());
    for (int64_t id : locks) t.exec("SELECT pg_advisory_xact_lock(" + std::to_string(id) + ")");
    const bool keyed = schema_version_ >= 2;
    for (const auto& d : documents) {
      // Re-checking the same file (same hash, or the same path edited) replaces its facts.
      auto old = t.exec("SELECT id FROM documents WHERE sha256 = " + t.quote(d.sha256) + " OR path = " + t.quote(d.path));
      if (!old.empty()) {
        std::string ids;
        for (const auto& r : old) ids += (ids.empty() ? "" : ",") + std::to_string(integer(r[0]));
        t.exec("DELETE FROM facts WHERE document IN (" + ids + "); DELETE FROM claims WHERE document IN (" + ids +
               "); DELETE FROM documents WHERE id IN (" + ids + ")");
      }
      std::string doc_sql =
          "INSERT INTO documents(path, sha256, region, region_level, parent_region, period, period_key, read_at" +
          std::string(keyed ? ", region_key, parent_key" : "") + ") VALUES(" + t.quote(d.path) + "," + t.quote(d.sha256) +
          "," + t.quote(d.region) + "," + t.quote(d.region_level) + "," + t.quote(d.parent_region) + "," +
          t.quote(d.period) + "," + t.quote(d.period_key) + "," + t.quote(d.read_at);
      if (keyed)
        doc_sql += "," + t.quote(document_region_key(d)) + "," +
                   t.quote(d.parent_region.empty() ? std::string() : region_key(d.parent_region));
      int64_t doc_id = integer(t.exec(doc_sql + ") RETURNING id")[0][0]);
      const std::string doc = std::to_string(doc_id);
      // Many rows per statement: one round trip per few hundred facts.
      std::string rows;
      size_t n = 0;
      auto flush_facts = [&] {
        if (rows.empty()) return;
        t.exec("INSERT INTO facts(document, quantity, indicator, indicator_text, region, period_key, unit, dimension, "
               "role, base, value, half_width, factor, \"precision\", text, status, line, \"column\", end_line, "
               "end_column, quote" +
               std::string(keyed ? ", region_key" : "") + ") VALUES " + rows);
        rows.clear();
        n = 0;
      };
      for (const auto& f : d.facts) {
        std::string row = "(" + doc + "," + std::to_string(f.quantity) + "," + t.quote(f.indicator) + "," +
                          t.quote(f.indicator_text) + "," + t.quote(f.region.empty() ? d.region : f.region) + "," +
                          t.quote(f.period_key) + "," + t.quote(f.unit) + "," + t.quote(f.dimension) + "," +
                          t.quote(f.role) + "," + std::to_string(f.base) + "," + number(f.value) + "," +
                          number(f.half_width) + "," + number(f.factor) + "," + std::to_string(f.precision) + "," +
                          t.quote(f.text) + "," + t.quote(f.status) + "," + std::to_string(f.begin.line) + "," +
                          std::to_string(f.begin.column) + "," + std::to_string(f.end.line) + "," +
                          std::to_string(f.end.column) + "," + t.quote(f.quote);
        if (keyed) row += "," + t.quote(fact_region_key(d, f));
        rows += (rows.empty() ? "" : ",") + row + ")";
        if (++n >= 500) flush_facts();
      }
      flush_facts();
      for (const auto& c : d.claims) {
        std::string row = "(" + doc + "," + t.quote(std::string(to_string(c.kind))) + "," +
                          t.quote(std::string(to_string(c.verdict))) + "," + t.quote(c.indicator) + "," +
                          t.quote(std::string(to_string(c.template_id))) + "," + t.quote(c.unit) + "," +
                          (c.computed ? number(*c.computed) : std::string("NULL")) + "," + t.quote(c.reason) + "," +
                          std::to_string(c.span.begin) + "," + std::to_string(c.span.end) + "," + t.quote(c.quote) +
                          "," + t.quote(operands_json(c)) + ")";
        rows += (rows.empty() ? "" : ",") + row;
        if (++n >= 500) {
          t.exec("INSERT INTO claims(document, kind, verdict, indicator, template, unit, computed, reason, span_begin, "
                 "span_end, quote, operands) VALUES " + rows);
          rows.clear();
          n = 0;
        }
      }
      if (!rows.empty())
        t.exec("INSERT INTO claims(document, kind, verdict, indicator, template, unit, computed, reason, span_begin, "
               "span_end, quote, operands) VALUES " + rows);
      rows.clear();
      n = 0;
    }
    t.commit();
    return true;
  });
}

}  // namespace

Result<std::unique_ptr<FactStore>> open_postgresql_store(const std::string& uri, const FactStore::OpenOptions& options) {
  const std::string shown = without_password(uri);
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(uri);
  } catch (const std::exception& e) {
    return Error{shown, "cannot connect to the PostgreSQL facts store (" + one_line(e.what()) + ")"};
  }
  auto store = std::make_unique<PostgresFactStore>(shown, std::move(conn));
  if (auto opened = store->open(options); !opened) return opened.error();
  return std::unique_ptr<FactStore>(std::move(store));
}

}  // namespace doisoat
