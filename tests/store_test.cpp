// The facts store, on both back ends (issue 17): every test of `StoreBackend` runs on SQLite
// (`Backends/StoreBackend.X/sqlite`) and on PostgreSQL (`.../postgresql`, against the throwaway
// cluster CTest starts with scripts/pg_test_cluster.sh, or the server in DOISOAT_TEST_PG; each test
// gets a database of its own). Without a server the PostgreSQL tests are skipped, saying why.
// Created on first use, re-checking a file replaces its facts, several files, last year's report
// from the store, another program's database left alone, a failed or killed write leaves the
// store as it was, 8 concurrent writers lose and duplicate nothing, an older schema is upgraded in
// place, and the look-up of related documents gives the findings of the whole store.
#include <gtest/gtest.h>

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/facts.h"
#include "engine/cross_stage.h"
#include "engine/engine.h"
#include "store/facts.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {

fs::path fixture(const std::string& set, const std::string& variant, const std::string& file) {
  return fs::path(FIXTURES_DIR) / "cross" / set / variant / file;
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("doisoat-store-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<RunReport> check(const std::vector<fs::path>& files, const std::string& db, const std::string& regions = {}) {
  RunOptions o;
  for (const auto& f : files) o.paths.push_back(f.string());
  o.db = db;
  o.regions = regions;
  o.jobs = 1;
  return run(o);
}

int64_t sqlite_count(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
  int64_t n = -1;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

// The PostgreSQL server of the tests: DOISOAT_TEST_PG, else the cluster CTest started.
std::string pg_server(std::string& why_not) {
  if (const char* uri = std::getenv("DOISOAT_TEST_PG"); uri && *uri) return uri;
  fs::path state(PG_TEST_STATE_DIR);
  if (fs::exists(state / "uri")) {
    std::string uri = slurp(state / "uri");
    while (!uri.empty() && (uri.back() == '\n' || uri.back() == ' ')) uri.pop_back();
    return uri;
  }
  why_not = fs::exists(state / "skip") ? slurp(state / "skip")
                                       : "no PostgreSQL server was started (run the tests through ctest, which starts "
                                         "one with scripts/pg_test_cluster.sh, or set DOISOAT_TEST_PG=postgresql://...)";
  return {};
}

// The same URI naming another database: "postgresql://u@/postgres?host=/x" -> ".../name?host=/x".
std::string with_database(const std::string& uri, const std::string& name) {
  size_t authority = uri.find("://") + 3;
  size_t slash = uri.find('/', authority);
  size_t query = uri.find('?', authority);
  if (slash == std::string::npos || (query != std::string::npos && slash > query))
    return uri.substr(0, query == std::string::npos ? uri.size() : query) + "/" + name +
           (query == std::string::npos ? "" : uri.substr(query));
  size_t end = query == std::string::npos ? uri.size() : query;
  return uri.substr(0, slash + 1) + name + uri.substr(end);
}

/// One store for one test: an SQLite file in a temporary folder, or a fresh PostgreSQL database.
class StoreBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      location_ = (tmp_.path / "facts.db").string();
      return;
    }
    std::string why_not;
    server_ = pg_server(why_not);
    if (server_.empty()) GTEST_SKIP() << "PostgreSQL store tests skipped: " << why_not;
    static int counter = 0;
    database_ = "doisoat_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    try {
      pqxx::connection admin(server_);
      pqxx::nontransaction t(admin);
      t.exec("CREATE DATABASE " + database_ + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (const std::exception& e) {
      FAIL() << "the PostgreSQL test server at " << server_ << " refused a database: " << e.what();
    }
    location_ = with_database(server_, database_);
  }
  void TearDown() override {
    if (database_.empty()) return;
    try {
      pqxx::connection admin(server_);
      pqxx::nontransaction t(admin);
      t.exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    } catch (const std::exception&) {
    }
  }
  bool postgresql() const { return GetParam() == "postgresql"; }
  const std::string& db() const { return location_; }

  /// The first column of the first row of a query on the store, as a number (-1: no row).
  int64_t count(const std::string& sql) const {
    if (!postgresql()) return sqlite_count(location_, sql);
    pqxx::connection c(location_);
    pqxx::nontransaction t(c);
    auto r = t.exec(sql);
    return r.empty() || r[0][0].is_null() ? -1 : r[0][0].as<int64_t>();
  }
  void exec(const std::string& sql) const {
    if (!postgresql()) {
      sqlite3* h = nullptr;
      ASSERT_EQ(sqlite3_open(location_.c_str(), &h), SQLITE_OK);
      char* msg = nullptr;
      int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &msg);
      std::string m = msg ? msg : "";
      sqlite3_free(msg);
      sqlite3_close(h);
      ASSERT_EQ(rc, SQLITE_OK) << m;
      return;
    }
    pqxx::connection c(location_);
    pqxx::nontransaction t(c);
    t.exec(sql);
  }
  std::unique_ptr<FactStore> open_store(FactStore::OpenOptions options = {}) const {
    auto s = FactStore::open(location_, options);
    EXPECT_TRUE(static_cast<bool>(s)) << s.error().message();
    return s ? std::move(*s) : nullptr;
  }

  TempDir tmp_;
  std::string server_, database_, location_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreBackend, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// A stored document made up for the look-up and the writers: `facts` figures of `indicators`.
DocumentFacts made_up(const std::string& path, const std::string& region, const std::string& period_key,
                      const std::vector<std::string>& indicators, int facts = 0) {
  DocumentFacts d;
  d.path = path;
  d.sha256 = "sha-" + path;
  d.region = region;
  d.period = period_key;
  d.period_key = period_key;
  d.read_at = "2024-07-01T08:00:00Z";
  int n = std::max<int>(facts, int(indicators.size()));
  for (int i = 0; i < n; ++i) {
    Fact f;
    f.quantity = i;
    f.indicator = indicators[size_t(i) % indicators.size()];
    f.indicator_text = "chỉ tiêu " + f.indicator;
    f.period_key = period_key;
    f.unit = "tỷ đồng";
    f.dimension = "money:VND";
    f.value = 1e9 * (1000 + i) + 0.125;
    f.half_width = 5e8;
    f.factor = 1e9;
    f.text = std::to_string(1000 + i);
    f.begin = SourcePos{uint32_t(10 + i), 5};
    f.end = SourcePos{uint32_t(10 + i), 9};
    f.quote = "đạt " + f.text + " tỷ đồng";
    d.facts.push_back(std::move(f));
  }
  return d;
}

// The findings of a run, one line each, comparable as a whole.
std::vector<std::string> described(const RunReport& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    std::string s = f.check + " " + f.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column) +
                    " " + f.message + " | " + f.suggestion;
    for (const auto& rel : f.related) s += " | " + rel.path + ":" + std::to_string(rel.begin.line);
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_P(StoreBackend, CreatedOnFirstUse) {
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db());
  ASSERT_TRUE(static_cast<bool>(r)) << r.error().message();
  if (!postgresql()) {
    EXPECT_TRUE(fs::exists(db()));
  }
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE indicator = 'retail_sales_services'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE status = 'estimate'"), 1);  // "ước đạt 800 tỷ đồng"
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE value = 4000000000000.0 AND unit = 'tỷ đồng'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM meta WHERE key = 'schema' AND value = 'doisoat/facts/v2'"), 1);
  EXPECT_EQ(count("SELECT max(version) FROM schema_version"), FactStore::kSchemaVersion);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = 'tinh|son minh'"), count("SELECT count(*) FROM facts"));
  EXPECT_EQ(count("SELECT count(*) FROM documents WHERE region_key = 'tinh|son minh'"), 1);
}

TEST_P(StoreBackend, RecheckingTheSameFileReplacesItsFacts) {
  auto file = fs::path(REPORTS_DIR) / "bac-kan-tinh-6thang-2023.txt";  // a real report, with claims
  ASSERT_TRUE(static_cast<bool>(check({file}, db())));
  int64_t facts = count("SELECT count(*) FROM facts");
  int64_t claims = count("SELECT count(*) FROM claims");
  EXPECT_GT(facts, 5);
  EXPECT_GT(claims, 20);
  EXPECT_EQ(count("SELECT count(computed) FROM claims"), claims);
  ASSERT_TRUE(static_cast<bool>(check({file}, db())));
  ASSERT_TRUE(static_cast<bool>(check({file}, db())));
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts"), facts);
  EXPECT_EQ(count("SELECT count(*) FROM claims"), claims);
}

TEST_P(StoreBackend, TwoFilesAndLastYearFromTheStore) {
  // Last year's report is checked once into the store ...
  auto first = check({fixture("two-years", "inconsistent", "2023-h1.txt")}, db());
  ASSERT_TRUE(static_cast<bool>(first)) << first.error().message();
  // ... and this year's is checked alone against it.
  auto second = check({fixture("two-years", "inconsistent", "2024-h1.txt")}, db());
  ASSERT_TRUE(static_cast<bool>(second)) << second.error().message();
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
  int growth = 0;
  for (const auto& f : second->findings)
    if (f.check == "cross-report-growth") {
      ++growth;
      ASSERT_EQ(f.related.size(), 1u);
      EXPECT_NE(f.related[0].path.find("2023-h1.txt"), std::string::npos);
      EXPECT_FALSE(f.related[0].quote.empty());
    }
  EXPECT_EQ(growth, 4);
  // The stored document is not reported on again.
  for (const auto& f : second->findings) EXPECT_EQ(f.path.find("2023-h1.txt"), std::string::npos);
}

TEST_P(StoreBackend, LoadGivesBackExactlyWhatWasSaved) {
  auto store = open_store();
  ASSERT_TRUE(store);
  DocumentFacts d = made_up("a/b.txt", "tỉnh Sơn Minh", "2024-H1", {"retail_sales_services", "~doanh thu"}, 7);
  d.facts[1].region = "huyện Đông Lâm";
  d.facts[2].value = 0.1 + 0.2;  // not a short decimal
  d.facts[3].value = -4.1;
  d.facts[4].status = "estimate";
  d.facts[5].quote = "it's \"quoted\", with a backslash \\ and a tab\t";
  d.parent_region = "tỉnh Sơn Minh";
  d.region_level = "tỉnh";
  ASSERT_TRUE(static_cast<bool>(store->save({d})));
  auto loaded = store->load();
  ASSERT_TRUE(static_cast<bool>(loaded)) << loaded.error().message();
  ASSERT_EQ(loaded->size(), 1u);
  const DocumentFacts& l = (*loaded)[0];
  EXPECT_FALSE(l.current);
  EXPECT_EQ(l.path, d.path);
  EXPECT_EQ(l.sha256, d.sha256);
  EXPECT_EQ(l.region_level, d.region_level);
  EXPECT_EQ(l.parent_region, d.parent_region);
  ASSERT_EQ(l.facts.size(), d.facts.size());
  for (size_t i = 0; i < d.facts.size(); ++i) {
    const Fact &a = d.facts[i], &b = l.facts[i];
    EXPECT_EQ(a.value, b.value) << i;  // bit for bit: the checks compare them
    EXPECT_EQ(a.half_width, b.half_width);
    EXPECT_EQ(a.factor, b.factor);
    EXPECT_EQ(a.indicator, b.indicator);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.quote, b.quote);
    EXPECT_EQ(a.begin.line, b.begin.line);
    EXPECT_EQ(a.end.column, b.end.column);
  }
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = 'huyen|dong lam'"), 1);
}

TEST_P(StoreBackend, DatabaseOfAnotherProgramIsLeftAlone) {
  // SQLite: any other table; PostgreSQL: a table of its own name in a shared database.
  exec(postgresql() ? "CREATE TABLE documents(x TEXT); INSERT INTO documents VALUES('keep me');"
                    : "CREATE TABLE notes(x); INSERT INTO notes VALUES('keep me');");
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db());
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db());
  EXPECT_NE(r.error().reason.find("another program"), std::string::npos) << r.error().reason;
  EXPECT_EQ(count(postgresql() ? "SELECT count(*) FROM documents" : "SELECT count(*) FROM notes"), 1);
  EXPECT_EQ(count(postgresql() ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'facts'"
                               : "SELECT count(*) FROM sqlite_master WHERE name = 'facts'"),
            0);
}

TEST_P(StoreBackend, AFailedWriteLeavesTheStoreAsItWas) {
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db())));
  int64_t facts = count("SELECT count(*) FROM facts");
  // A trigger makes the write fail half-way (after the old facts were deleted).
  if (postgresql())
    exec("CREATE FUNCTION fail_half_way() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ "
         "LANGUAGE plpgsql; CREATE TRIGGER fail_half_way BEFORE INSERT ON facts FOR EACH ROW WHEN "
         "(NEW.indicator = 'tourists') EXECUTE FUNCTION fail_half_way();");
  else
    exec("CREATE TRIGGER fail_half_way BEFORE INSERT ON facts WHEN NEW.indicator = 'tourists' "
         "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db());
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db());
  EXPECT_NE(r.error().reason.find("simulated crash"), std::string::npos) << r.error().reason;
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts"), facts);
}

TEST_P(StoreBackend, AnOlderSchemaIsUpgradedInPlace) {
  // A store written by the doisoat of issue 7 (schema v1: no version table, no region keys).
  FactStore::OpenOptions v1;
  v1.schema_version = 1;
  {
    auto old = FactStore::open(db(), v1);
    ASSERT_TRUE(static_cast<bool>(old)) << old.error().message();
    EXPECT_EQ((*old)->schema_version(), 1);
  }
  EXPECT_EQ(count(postgresql() ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
                               : "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM meta WHERE value = 'doisoat/facts/v1'"), 1);
  {
    RunOptions o;
    o.paths = {fixture("two-years", "inconsistent", "2023-h1.txt").string()};
    o.jobs = 1;
    auto r = run(o);
    ASSERT_TRUE(static_cast<bool>(r));
    auto old = FactStore::open(db(), v1);
    ASSERT_TRUE(static_cast<bool>(old));
    ASSERT_TRUE(static_cast<bool>((*old)->save({document_facts(r->documents[0], now_iso8601())})));
    auto d = made_up("other.txt", "huyện Đông Lâm", "2023-H1", {"retail_sales_services"}, 3);
    d.parent_region = "tỉnh Sơn Minh";
    d.facts[0].region = "xã Bằng Phúc";
    ASSERT_TRUE(static_cast<bool>((*old)->save({d})));
  }
  int64_t facts = count("SELECT count(*) FROM facts"), claims = count("SELECT count(*) FROM claims");
  ASSERT_GT(facts, 5);
  // Opened by this doisoat: upgraded, rows kept, keys filled in as a new store has them.
  auto store = open_store();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), 2);
  EXPECT_EQ(count("SELECT max(version) FROM schema_version"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM meta WHERE value = 'doisoat/facts/v2'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts"), facts);
  EXPECT_EQ(count("SELECT count(*) FROM claims"), claims);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = 'tinh|son minh'"), facts - 3);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = 'huyen|dong lam'"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = '|xa bang phuc'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts WHERE region_key = ''"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM documents WHERE parent_key = 'tinh|son minh'"), 1);
  // ... and this year's report is checked against last year's, found through the new index.
  auto second = check({fixture("two-years", "inconsistent", "2024-h1.txt")}, db());
  ASSERT_TRUE(static_cast<bool>(second)) << second.error().message();
  EXPECT_EQ(std::count_if(second->findings.begin(), second->findings.end(),
                          [](const Finding& f) { return f.check == "cross-report-growth"; }),
            4);
  // Opening again changes nothing.
  ASSERT_TRUE(open_store());
  EXPECT_EQ(count("SELECT count(*) FROM schema_version"), 2);
}

TEST_P(StoreBackend, ASchemaFromANewerDoisoatIsLeftAlone) {
  ASSERT_TRUE(open_store());
  exec("INSERT INTO schema_version(version, applied_at) VALUES(3, 'later')");
  auto r = FactStore::open(db());
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_NE(r.error().reason.find("newer doisoat"), std::string::npos) << r.error().reason;
  EXPECT_EQ(count("SELECT max(version) FROM schema_version"), 3);
}

TEST_P(StoreBackend, TheLookUpFindsOnlyTheRelatedDocuments) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::vector<std::string> retail = {"retail_sales_services"};
  std::vector<DocumentFacts> stored = {
      made_up("same-period.txt", "tỉnh Sơn Minh", "2024-H1", retail),
      made_up("last-year.txt", "tỉnh Sơn Minh", "2023-H1", retail),
      made_up("two-years-ago.txt", "tỉnh Sơn Minh", "2022-H1", retail),
      made_up("other-province.txt", "tỉnh Bắc Kạn", "2024-H1", retail),
      made_up("other-indicator.txt", "tỉnh Sơn Minh", "2024-H1", {"export_value"}),
      made_up("district.txt", "huyện Đông Lâm", "2024-H1", retail),
      made_up("district-of-other.txt", "huyện Ba Bể", "2024-H1", retail),
  };
  stored[5].parent_region = "tỉnh Sơn Minh";
  stored[6].parent_region = "tỉnh Bắc Kạn";
  ASSERT_TRUE(static_cast<bool>(store->save(stored)));
  auto paths = [&](const std::vector<DocumentFacts>& current, const RegionHierarchy& h) {
    auto found = store->load_related(related_keys(current, h));
    EXPECT_TRUE(static_cast<bool>(found)) << found.error().message();
    std::vector<std::string> p;
    if (found)
      for (const auto& d : *found) p.push_back(d.path);
    return p;
  };
  auto now = made_up("now.txt", "tỉnh Sơn Minh", "2024-H1", retail);
  EXPECT_EQ(paths({now}, {}), (std::vector<std::string>{"district.txt", "last-year.txt", "same-period.txt"}));
  // A district's report: its province (named in its text) and its own region.
  auto district = made_up("now-district.txt", "huyện Ba Bể", "2024-H1", retail);
  district.parent_region = "tỉnh Bắc Kạn";
  EXPECT_EQ(paths({district}, {}), (std::vector<std::string>{"district-of-other.txt", "other-province.txt"}));
  // A declared hierarchy brings the siblings.
  RegionHierarchy h;
  h.children[region_key("tỉnh Sơn Minh")] = {region_key("huyện Đông Lâm"), region_key("huyện Tây Lâm")};
  auto sibling = made_up("tay-lam.txt", "huyện Tây Lâm", "2024-H1", retail);
  EXPECT_EQ(paths({sibling}, h), (std::vector<std::string>{"district.txt", "last-year.txt", "same-period.txt"}));
  EXPECT_EQ(paths({sibling}, {}), (std::vector<std::string>{}));
  // The whole store is still there for `load`.
  auto all = store->load();
  ASSERT_TRUE(static_cast<bool>(all));
  EXPECT_EQ(all->size(), stored.size());
}

TEST_P(StoreBackend, TheLookUpGivesTheFindingsOfTheWholeStore) {
  // Every fixture set: all its reports in the store, then each checked alone against it, once
  // with the look-up and once with the whole store loaded (DOISOAT_STORE_LOAD_ALL=1).
  size_t findings = 0, stored_sets = 0;
  for (const auto& set : fs::directory_iterator(fs::path(FIXTURES_DIR) / "cross")) {
    for (const auto& variant : fs::directory_iterator(set.path())) {
      if (!variant.is_directory()) continue;
      std::vector<fs::path> files;
      for (const auto& f : fs::directory_iterator(variant.path()))
        if (f.path().extension() == ".txt") files.push_back(f.path());
      std::sort(files.begin(), files.end());
      std::string regions = fs::exists(variant.path() / "regions.json") ? (variant.path() / "regions.json").string() : "";
      ASSERT_TRUE(static_cast<bool>(check(files, db(), regions)));
      ++stored_sets;
      for (const auto& f : files) {
        ::setenv("DOISOAT_STORE_LOAD_ALL", "1", 1);
        auto whole = check({f}, db(), regions);
        ::unsetenv("DOISOAT_STORE_LOAD_ALL");
        auto looked_up = check({f}, db(), regions);
        ASSERT_TRUE(static_cast<bool>(whole) && static_cast<bool>(looked_up));
        EXPECT_EQ(described(*looked_up), described(*whole)) << f;
        for (const auto& x : whole->findings) findings += x.check.rfind("cross-report-", 0) == 0;
      }
    }
  }
  EXPECT_GE(stored_sets, 8u);
  EXPECT_GT(findings, 10u);  // the comparison is about something
}

TEST_P(StoreBackend, EightConcurrentWritersLoseAndDuplicateNothing) {
  ASSERT_TRUE(open_store());
  constexpr int kWriters = 8, kOwn = 12, kShared = 6, kFacts = 40;
  std::atomic<int> failures{0};
  std::vector<std::string> errors(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      auto s = FactStore::open(db());
      if (!s) {
        ++failures;
        errors[size_t(w)] = s.error().message();
        return;
      }
      for (int i = 0; i < kOwn; ++i) {
        // Its own reports, and reports that every writer re-checks (the same files on 8 runners).
        std::vector<DocumentFacts> batch = {
            made_up("w" + std::to_string(w) + "/" + std::to_string(i) + ".txt", "tỉnh Sơn Minh", "2024-H1",
                    {"retail_sales_services", "export_value"}, kFacts)};
        if (i < kShared) batch.push_back(made_up("shared/" + std::to_string(i) + ".txt", "tỉnh Sơn Minh", "2024-H1",
                                                 {"retail_sales_services"}, kFacts));
        if (auto saved = (*s)->save(batch); !saved) {
          ++failures;
          errors[size_t(w)] = saved.error().message();
        }
      }
    });
  for (auto& t : writers) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(failures.load(), 0);
  const int64_t documents = kWriters * kOwn + kShared;
  EXPECT_EQ(count("SELECT count(*) FROM documents"), documents);
  EXPECT_EQ(count("SELECT count(DISTINCT path) FROM documents"), documents);
  EXPECT_EQ(count("SELECT count(*) FROM facts"), documents * kFacts);
  EXPECT_EQ(count("SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document)"), 0);
}

TEST_P(StoreBackend, KillNineDuringAWriteLeavesTheStoreConsistent) {
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db())));
  const int64_t facts_before = count("SELECT count(*) FROM facts");
  constexpr int kDocuments = 300, kFacts = 200;
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // A runner writing a large batch (one transaction) ...
    auto s = FactStore::open(db());
    if (!s) ::_exit(3);
    std::vector<DocumentFacts> batch;
    for (int i = 0; i < kDocuments; ++i)
      batch.push_back(made_up("batch/" + std::to_string(i) + ".txt", "tỉnh Sơn Minh", "2024-H1",
                              {"retail_sales_services", "export_value"}, kFacts));
    ::_exit((*s)->save(batch) ? 0 : 4);
  }
  // ... is killed once its transaction has written rows.
  bool mid_write = false;
  int status = 0;
  bool exited = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (postgresql()) {
      mid_write = count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                        "application_name = 'doisoat' AND backend_xid IS NOT NULL") > 0;
    } else {
      std::error_code ec;  // the rollback journal: there while a write transaction is open
      mid_write = fs::exists(db() + "-journal", ec);
    }
    if (mid_write) break;
    if (::waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(child, SIGKILL);
  if (!exited) ::waitpid(child, &status, 0);
  ASSERT_TRUE(mid_write) << "the write ended before it could be killed (exit status " << status << ")";
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  if (postgresql()) {
    // The server rolls the dead runner's transaction back when it notices the closed connection.
    for (int i = 0; i < 500 && count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                                     "application_name = 'doisoat'") > 0;
         ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Nothing of the batch, nothing lost of what was there (SQLite: the next opener rolls back).
  ASSERT_TRUE(open_store());
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM facts"), facts_before);
  EXPECT_EQ(count("SELECT count(*) FROM documents WHERE path LIKE 'batch/%'"), 0);
  // The store works on: the next run writes and reads it.
  auto again = check({fixture("two-years", "consistent", "2024-h1.txt")}, db());
  ASSERT_TRUE(static_cast<bool>(again)) << again.error().message();
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
}

TEST_P(StoreBackend, FactsCommandJsonLinesAndCsvWithFilters) {
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt"),
                                       fixture("two-years", "consistent", "2024-h1.txt")}, db())));
  std::ostringstream out, err;
  FactsCommand c;
  c.db = db();
  c.indicator = "Tổng mức bán lẻ hàng hóa";  // a phrase names its key
  ASSERT_EQ(run_facts_command(c, out, err), 0) << err.str();
  std::istringstream lines(out.str());
  int n = 0;
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["indicator"], "retail_sales_services");
    EXPECT_FALSE(j["sha256"].get<std::string>().empty());
    EXPECT_GT(j["line"].get<int>(), 0);
    if (j["role"] == "") ++n;
  }
  EXPECT_EQ(n, 2);  // one level per year (the 2024 growth rate is listed with its role)
  std::ostringstream csv, err2;
  c.indicator.clear();
  c.period = "2024-H1";
  c.format = "csv";
  ASSERT_EQ(run_facts_command(c, csv, err2), 0);
  std::string s = csv.str();
  EXPECT_EQ(s.rfind("indicator,indicator_text,region,period,period_key,role,value,unit", 0), 0u);
  EXPECT_EQ(s.find("2023-h1.txt"), std::string::npos);
  EXPECT_NE(s.find("2024-h1.txt"), std::string::npos);
  std::ostringstream none, err3;
  c.region = "Cao Bằng";
  ASSERT_EQ(run_facts_command(c, none, err3), 0);
  std::string listed = none.str();
  EXPECT_EQ(std::count(listed.begin(), listed.end(), '\n'), 1);  // the header only
}

TEST_P(StoreBackend, FactsCommandLineListsTheSameOnBothBackEnds) {
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db())));
  std::string cmd = std::string(DOISOAT_BIN) + " facts --db '" + db() + "' --indicator retail_sales_services --format csv >" +
                    (tmp_.path / "out").string() + " 2>" + (tmp_.path / "err").string();
  int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 0) << slurp(tmp_.path / "err");
  std::string out = slurp(tmp_.path / "out");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;  // header and the one level
  EXPECT_NE(out.find("retail_sales_services,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ,tỉnh Sơn Minh"),
            std::string::npos)
      << out;
  // `--db postgresql://` with the server, user and database from libpq's environment (PGHOST...).
  size_t host = server_.find("?host="), at = server_.find('@');
  if (!postgresql() || host == std::string::npos || at == std::string::npos) return;
  std::string env = "PGHOST='" + server_.substr(host + 6) + "' PGUSER=" + server_.substr(server_.find("://") + 3, at - server_.find("://") - 3) +
                    " PGDATABASE=" + database_ + " ";
  std::string by_env = env + std::string(DOISOAT_BIN) + " facts --db postgresql:// --indicator retail_sales_services --format csv >" +
                       (tmp_.path / "out2").string() + " 2>" + (tmp_.path / "err2").string();
  rc = std::system(by_env.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 0) << slurp(tmp_.path / "err2");
  EXPECT_EQ(slurp(tmp_.path / "out2"), out);
}

TEST_P(StoreBackend, ListingAMissingStoreExitsTwoAndCreatesNothing) {
  std::ostringstream out, err;
  FactsCommand c;
  c.db = db();
  EXPECT_EQ(run_facts_command(c, out, err), 2);
  const std::string message = err.str();
  EXPECT_NE(message.find(db()), std::string::npos) << message;
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1) << message;
  if (postgresql()) {
    EXPECT_EQ(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"), 0);
  } else {
    EXPECT_FALSE(fs::exists(db()));  // listing never creates a store
  }
}

// --- SQLite only ---------------------------------------------------------------------------

TEST(Store, CorruptDatabaseIsAClearErrorAndIsLeftAlone) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  {
    std::ofstream out(db, std::ios::binary);
    out << "this is not an SQLite database, but somebody's notes\n";
    for (int i = 0; i < 200; ++i) out << "line " << i << "\n";
  }
  std::string before = slurp(db);
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db.string());
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_NE(r.error().message().find(db.string()), std::string::npos);
  EXPECT_NE(r.error().reason.find("not a doisoat facts store"), std::string::npos) << r.error().reason;
  EXPECT_EQ(slurp(db), before);
}

TEST(Store, LockedDatabaseIsAClearErrorAndNothingIsLost) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db.string())));
  int64_t facts = sqlite_count(db, "SELECT count(*) FROM facts");
  // Another process holds the store.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto r = check({fixture("two-years", "consistent", "2024-h1.txt")}, db.string());
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_NE(r.error().reason.find("locked"), std::string::npos) << r.error().reason;
  sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  EXPECT_EQ(sqlite_count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(sqlite_count(db, "SELECT count(*) FROM facts"), facts);
  // Once released, the same run succeeds.
  EXPECT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2024-h1.txt")}, db.string())));
  EXPECT_EQ(sqlite_count(db, "SELECT count(*) FROM documents"), 2);
}

TEST(StoreFactsCommand, CorruptStoreExitsTwo) {
  TempDir t;
  std::ostringstream out, err;
  FactsCommand c;
  std::ofstream(t.path / "bad.db") << "garbage garbage garbage garbage garbage garbage garbage garbage garbage";
  c.db = (t.path / "bad.db").string();
  EXPECT_EQ(run_facts_command(c, out, err), 2);
  EXPECT_NE(err.str().find("bad.db"), std::string::npos);
}

TEST(StoreCli, CorruptDatabaseExitsTwoWithTheFileNamed) {
  TempDir t;
  fs::path db = t.path / "broken.db";
  std::ofstream(db) << std::string(4096, 'x');
  std::string cmd = std::string(DOISOAT_BIN) + " check -q --db " + db.string() + " " +
                    fixture("two-years", "consistent", "2023-h1.txt").string() + " >" + (t.path / "out").string() +
                    " 2>" + (t.path / "err").string();
  int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 2);
  std::string err = slurp(t.path / "err");
  EXPECT_NE(err.find("broken.db"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;  // one line
  EXPECT_EQ(slurp(db), std::string(4096, 'x'));
}

// --- PostgreSQL without a server -------------------------------------------------------------

TEST(StorePostgresqlLocation, AnUnreachableServerExitsTwoInOneLineWithoutThePassword) {
  TempDir t;
  std::string db = "postgresql://doisoat:s3cret@/facts?host=" + (t.path / "no-server").string();
  std::string cmd = std::string(DOISOAT_BIN) + " check -q --db '" + db + "' " +
                    fixture("two-years", "consistent", "2023-h1.txt").string() + " >" + (t.path / "out").string() +
                    " 2>" + (t.path / "err").string();
  int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 2);
  std::string err = slurp(t.path / "err");
  EXPECT_NE(err.find("postgresql://doisoat@/facts?host="), std::string::npos) << err;
  EXPECT_NE(err.find("cannot connect"), std::string::npos) << err;
  EXPECT_EQ(err.find("s3cret"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_TRUE(FactStore::is_postgresql("postgres://h/db"));
  EXPECT_FALSE(FactStore::is_postgresql("facts.sqlite"));
}
