// The embedded facts store: one SQLite file (`--db FILE`).
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>
#include <map>

#include "store/backends.h"

namespace doisoat {

namespace {

// v1 (issue 7) had no version table: its `meta` row says "doisoat/facts/v1". Newer stores say
// "doisoat/facts/vN" (an older doisoat then refuses them rather than writing rows without the
// columns it does not know) and list their migrations in `schema_version`.
constexpr const char* kSchemaPrefix = "doisoat/facts/v";

constexpr const char* kCreateV1 = R"SQL(
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
INSERT OR REPLACE INTO meta(key, value) VALUES('schema', 'doisoat/facts/v1');
)SQL";

// v2 (issue 17): the region keys the cross-report look-ups select on, and their index.
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
)SQL";

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) { rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr); }
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

// A string as an SQL literal.
std::string literal(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += '\'';
    q += c;
  }
  return q + "'";
}

// "('a','b')"; "(NULL)", which matches nothing, when empty.
std::string in_list(const std::set<std::string>& values) {
  if (values.empty()) return "(NULL)";
  std::string s = "(";
  for (const auto& v : values) s += (s.size() > 1 ? "," : "") + literal(v);
  return s + ")";
}

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

class SqliteFactStore final : public FactStore {
 public:
  SqliteFactStore(std::string path, sqlite3* db) : FactStore(std::move(path), 0), db_(db) {}
  ~SqliteFactStore() override {
    if (db_) sqlite3_close_v2(db_);
  }

  Result<bool> open(const OpenOptions& options);
  Result<std::vector<DocumentFacts>> load() const override { return load_where(""); }
  Result<std::vector<DocumentFacts>> load_related(const RelatedKeys& keys) const override;
  Result<bool> save(const std::vector<DocumentFacts>& documents) override;

 private:
  Error error(const std::string& what) const {
    int rc = sqlite3_extended_errcode(db_);
    return Error{path_, what.empty() ? why(rc, db_) : what + ": " + why(rc, db_)};
  }
  /// 0: an empty database; -1: something else's; else the schema version.
  Result<int> stored_version() const;
  Result<bool> migrate(int from, int to);
  Result<std::vector<DocumentFacts>> load_where(const std::string& ids) const;
  Result<std::vector<DocumentFacts>> read_where(const std::string& ids) const;
  sqlite3* db_ = nullptr;
};

Result<int> SqliteFactStore::stored_version() const {
  // Reading the schema fails on a file that is not a database, or is locked exclusively.
  {
    Statement st(db_, "SELECT count(*) FROM sqlite_master");
    if (!st.ok()) return Error{path_, why(st.rc(), db_)};
    if (st.step() != SQLITE_ROW) return Error{path_, why(st.rc(), db_)};
  }
  auto has_table = [&](const char* name) -> Result<bool> {
    Statement st(db_, std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + name + "'");
    if (!st.ok() || st.step() != SQLITE_ROW) return Error{path_, why(st.rc(), db_)};
    return st.integer(0) > 0;
  };
  auto meta = has_table("meta");
  if (!meta) return meta.error();
  if (!*meta) {
    Statement st(db_, "SELECT count(*) FROM sqlite_master WHERE type='table'");
    if (!st.ok() || st.step() != SQLITE_ROW) return Error{path_, why(st.rc(), db_)};
    return st.integer(0) > 0 ? -1 : 0;
  }
  Statement st(db_, "SELECT value FROM meta WHERE key='schema'");
  if (!st.ok()) return Error{path_, why(st.rc(), db_)};
  if (st.step() != SQLITE_ROW || st.text(0).rfind(kSchemaPrefix, 0) != 0) return -1;
  auto versions = has_table("schema_version");
  if (!versions) return versions.error();
  if (!*versions) return 1;
  Statement v(db_, "SELECT coalesce(max(version), 1) FROM schema_version");
  if (!v.ok() || v.step() != SQLITE_ROW) return Error{path_, why(v.rc(), db_)};
  return int(v.integer(0));
}

Result<bool> SqliteFactStore::migrate(int from, int to) {
  auto exec = [&](const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; };
  if (from < 1 && !exec(kCreateV1)) return error("cannot create the facts store");
  if (from < 2 && to >= 2) {
    if (!exec(kMigrateV2)) return error("cannot upgrade the facts store to schema version 2");
    // The keys of the rows already stored, computed as the look-ups compute them.
    std::map<int64_t, DocumentFacts> docs;
    {
      Statement st(db_, std::string("SELECT ") + kDocColumns + " FROM documents d");
      while (st.step() == SQLITE_ROW) docs[st.integer(0)] = read_document(st);
      if (st.rc() != SQLITE_DONE) return error("cannot upgrade the facts store");
    }
    Statement upd_d(db_, "UPDATE documents SET region_key = ?1, parent_key = ?2 WHERE id = ?3");
    for (const auto& [id, d] : docs) {
      upd_d.bind(1, document_region_key(d));
      upd_d.bind(2, d.parent_region.empty() ? std::string() : region_key(d.parent_region));
      upd_d.bind(3, id);
      if (upd_d.step() != SQLITE_DONE) return error("cannot upgrade the facts store");
      upd_d.reset();
    }
    Statement facts(db_, "SELECT id, document, region FROM facts");
    Statement upd_f(db_, "UPDATE facts SET region_key = ?1 WHERE id = ?2");
    while (facts.step() == SQLITE_ROW) {
      auto it = docs.find(facts.integer(1));
      if (it == docs.end()) continue;
      Fact f;
      f.region = facts.text(2);
      upd_f.bind(1, fact_region_key(it->second, f));
      upd_f.bind(2, facts.integer(0));
      if (upd_f.step() != SQLITE_DONE) return error("cannot upgrade the facts store");
      upd_f.reset();
    }
    if (facts.rc() != SQLITE_DONE) return error("cannot upgrade the facts store");
    std::string now = now_iso8601();
    if (!exec(std::string(kIndexV2) + "INSERT OR IGNORE INTO schema_version(version, applied_at) VALUES(1, " +
              literal(from == 0 ? now : "before " + now) + "), (2, " + literal(now) +
              "); UPDATE meta SET value = 'doisoat/facts/v2' WHERE key = 'schema';"))
      return error("cannot upgrade the facts store to schema version 2");
  }
  return true;
}

Result<bool> SqliteFactStore::open(const OpenOptions& options) {
  auto version = stored_version();
  if (!version) return version.error();
  if (*version < 0)
    return Error{path_, "an SQLite database of another program, not a doisoat facts store; it was left untouched"};
  if (*version > kSchemaVersion)
    return Error{path_, "written by a newer doisoat (schema version " + std::to_string(*version) +
                            ", this one knows up to " + std::to_string(kSchemaVersion) + "); it was left untouched"};
  if (*version == 0 && !options.create) return Error{path_, "no such facts store"};
  if (*version < options.schema_version) {
    // Created or upgraded in one transaction; a concurrent opener waits, then finds it done.
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return error("");
    auto again = stored_version();
    Result<bool> done = true;
    if (!again) done = again.error();
    else if (*again >= 0 && *again < options.schema_version) done = migrate(*again, options.schema_version);
    if (!done || sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      Error e = done ? error("") : done.error();
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return e;
    }
    version = stored_version();
    if (!version) return version.error();
  }
  schema_version_ = *version;
  return true;
}

Result<std::vector<DocumentFacts>> SqliteFactStore::load_where(const std::string& where) const {
  // One read transaction: a writer committing between the two queries is seen wholly or not at all.
  if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return error("cannot read");
  auto docs = read_where(where);
  sqlite3_exec(db_, docs ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
  return docs;
}

Result<std::vector<DocumentFacts>> SqliteFactStore::read_where(const std::string& where) const {
  std::vector<DocumentFacts> docs;
  std::map<int64_t, size_t> by_id;
  {
    Statement st(db_, std::string("SELECT ") + kDocColumns + " FROM documents d" +
                          (where.empty() ? "" : " WHERE d.id IN (" + where + ")") + " ORDER BY d.path, d.id");
    if (!st.ok()) return error("cannot read");
    while (st.step() == SQLITE_ROW) {
      by_id[st.integer(0)] = docs.size();
      docs.push_back(read_document(st));
    }
    if (st.rc() != SQLITE_DONE) return error("cannot read");
  }
  Statement st(db_, std::string("SELECT f.document, ") + kFactColumns + " FROM facts f" +
                        (where.empty() ? "" : " WHERE f.document IN (" + where + ")") + " ORDER BY f.document, f.id");
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

Result<std::vector<DocumentFacts>> SqliteFactStore::load_related(const RelatedKeys& keys) const {
  if (schema_version_ < 2) return load();
  if (keys.indicators.empty() || keys.period_keys.empty()) return std::vector<DocumentFacts>{};
  std::string key = "f.indicator IN " + in_list(keys.indicators) + " AND f.period_key IN " + in_list(keys.period_keys);
  // The parents that stored reports of this run's regions name, and the regions of stored reports
  // that name one of this run's as their parent, join the regions first: the look-up is then all
  // equalities on facts_lookup.
  std::set<std::string> regions = keys.region_keys;
  const std::string documents = in_list(keys.document_keys);
  {
    Statement st(db_, "SELECT parent_key FROM documents WHERE region_key IN " + documents +
                          " AND parent_key <> '' UNION SELECT region_key FROM documents WHERE parent_key IN " + documents);
    if (!st.ok()) return error("cannot read");
    while (st.step() == SQLITE_ROW) regions.insert(st.text(0));
    if (st.rc() != SQLITE_DONE) return error("cannot read");
  }
  std::string ids = "SELECT DISTINCT f.document FROM facts f WHERE " + key + " AND f.region_key IN " + in_list(regions);
  return load_where(ids);
}

Result<bool> SqliteFactStore::save(const std::vector<DocumentFacts>& documents) {
  // Writers take turns: another run writing its report (a few milliseconds each) is waited for,
  // in short steps so that eight runners sharing the file all get their turn; a store held for
  // longer than kBusyTimeoutMs is an error.
  constexpr auto kWriteWait = std::chrono::milliseconds(kBusyTimeoutMs);
  const auto deadline = std::chrono::steady_clock::now() + kWriteWait;
  std::minstd_rand jitter(uint32_t(reinterpret_cast<uintptr_t>(this)));
  for (;;) {
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) break;
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) return error("cannot write");
    std::this_thread::sleep_for(std::chrono::microseconds(500 + jitter() % 2000));
  }
  auto rollback = [&](const char* what) {
    Error e = error(what);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  };
  const bool keyed = schema_version_ >= 2;
  {
    Statement find(db_, "SELECT id FROM documents WHERE sha256 = ?1 OR path = ?2");
    Statement del_f(db_, "DELETE FROM facts WHERE document = ?1");
    Statement del_c(db_, "DELETE FROM claims WHERE document = ?1");
    Statement del_d(db_, "DELETE FROM documents WHERE id = ?1");
    Statement ins_d(db_, keyed ? "INSERT INTO documents(path, sha256, region, region_level, parent_region, period, "
                                 "period_key, read_at, region_key, parent_key) "
                                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                               : "INSERT INTO documents(path, sha256, region, region_level, parent_region, period, "
                                 "period_key, read_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Statement ins_f(db_,
                    std::string("INSERT INTO facts(document, quantity, indicator, indicator_text, region, period_key, unit, "
                                "dimension, role, base, value, half_width, factor, precision, text, status, line, \"column\", "
                                "end_line, end_column, quote") +
                        (keyed ? ", region_key" : "") +
                        ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                        "?20, ?21" +
                        (keyed ? ", ?22)" : ")"));
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
      if (keyed) {
        ins_d.bind(9, document_region_key(d));
        ins_d.bind(10, d.parent_region.empty() ? std::string() : region_key(d.parent_region));
      }
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
        if (keyed) ins_f.bind(22, fact_region_key(d, f));
        if (ins_f.step() != SQLITE_DONE) return rollback("cannot write");
        ins_f.reset();
      }
      for (const auto& c : d.claims) {
        ins_c.bind(1, doc_id);
        ins_c.bind(2, std::string(to_string(c.kind)));
        ins_c.bind(3, std::string(to_string(c.verdict)));
        ins_c.bind(4, c.indicator);
        ins_c.bind(5, std::string(to_string(c.template_id)));
        ins_c.bind(6, c.unit);
        if (c.computed) ins_c.bind(7, *c.computed);
        ins_c.bind(8, c.reason);
        ins_c.bind(9, int64_t(c.span.begin));
        ins_c.bind(10, int64_t(c.span.end));
        ins_c.bind(11, c.quote);
        ins_c.bind(12, operands_json(c));
        if (ins_c.step() != SQLITE_DONE) return rollback("cannot write");
        ins_c.reset();
      }
    }
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return rollback("cannot write");
  return true;
}

}  // namespace

Result<std::unique_ptr<FactStore>> open_sqlite_store(const std::string& path, const FactStore::OpenOptions& options) {
  std::error_code ec;
  if (!options.create && !std::filesystem::exists(path, ec)) return Error{path, "no such facts store"};
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0), nullptr);
  if (rc != SQLITE_OK) {
    Error e{path, why(rc, db)};
    if (db) sqlite3_close_v2(db);
    return e;
  }
  auto store = std::make_unique<SqliteFactStore>(path, db);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  if (auto opened = store->open(options); !opened) return opened.error();
  return std::unique_ptr<FactStore>(std::move(store));
}

}  // namespace doisoat
