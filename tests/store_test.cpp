// The facts store: created on first use, re-checking a file replaces its facts, several files,
// a corrupt or locked database is a clear error that names the file and loses nothing, and
// last year's report in the store is used without re-reading it.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "store/facts.h"
#include "store/facts_cli.h"

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

Result<RunReport> check(const std::vector<fs::path>& files, const fs::path& db) {
  RunOptions o;
  for (const auto& f : files) o.paths.push_back(f.string());
  o.db = db.string();
  o.jobs = 1;
  return run(o);
}

int64_t count(const fs::path& db, const std::string& sql) {
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

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Store, CreatedOnFirstUse) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  ASSERT_FALSE(fs::exists(db));
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db);
  ASSERT_TRUE(static_cast<bool>(r)) << r.error().message();
  EXPECT_TRUE(fs::exists(db));
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts WHERE indicator = 'retail_sales_services'"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts WHERE status = 'estimate'"), 1);  // "ước đạt 800 tỷ đồng"
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts WHERE value = 4000000000000.0 AND unit = 'tỷ đồng'"), 1);
  EXPECT_EQ(count(db, "SELECT value FROM meta WHERE key = 'schema'") , 0);  // a text value, not a number
}

TEST(Store, RecheckingTheSameFileReplacesItsFacts) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  auto file = fixture("two-years", "consistent", "2024-h1.txt");
  ASSERT_TRUE(static_cast<bool>(check({file}, db)));
  int64_t facts = count(db, "SELECT count(*) FROM facts");
  int64_t claims = count(db, "SELECT count(*) FROM claims");
  EXPECT_GT(facts, 5);
  ASSERT_TRUE(static_cast<bool>(check({file}, db)));
  ASSERT_TRUE(static_cast<bool>(check({file}, db)));
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts"), facts);
  EXPECT_EQ(count(db, "SELECT count(*) FROM claims"), claims);
}

TEST(Store, TwoFilesAndLastYearFromTheStore) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  // Last year's report is checked once into the store ...
  auto first = check({fixture("two-years", "inconsistent", "2023-h1.txt")}, db);
  ASSERT_TRUE(static_cast<bool>(first));
  // ... and this year's is checked alone against it.
  auto second = check({fixture("two-years", "inconsistent", "2024-h1.txt")}, db);
  ASSERT_TRUE(static_cast<bool>(second));
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 2);
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

TEST(Store, CorruptDatabaseIsAClearErrorAndIsLeftAlone) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  {
    std::ofstream out(db, std::ios::binary);
    out << "this is not an SQLite database, but somebody's notes\n";
    for (int i = 0; i < 200; ++i) out << "line " << i << "\n";
  }
  std::string before = slurp(db);
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db);
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_NE(r.error().message().find(db.string()), std::string::npos);
  EXPECT_NE(r.error().reason.find("not a doisoat facts store"), std::string::npos) << r.error().reason;
  EXPECT_EQ(slurp(db), before);
}

TEST(Store, DatabaseOfAnotherProgramIsLeftAlone) {
  TempDir t;
  fs::path db = t.path / "other.db";
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE notes(x); INSERT INTO notes VALUES('keep me');", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(h);
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db);
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_EQ(count(db, "SELECT count(*) FROM notes"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'facts'"), 0);
}

TEST(Store, LockedDatabaseIsAClearErrorAndNothingIsLost) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db)));
  int64_t facts = count(db, "SELECT count(*) FROM facts");
  // Another process holds the store.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto r = check({fixture("two-years", "consistent", "2024-h1.txt")}, db);
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_NE(r.error().reason.find("locked"), std::string::npos) << r.error().reason;
  sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts"), facts);
  // Once released, the same run succeeds.
  EXPECT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2024-h1.txt")}, db)));
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 2);
}

TEST(Store, AFailedWriteLeavesTheStoreAsItWas) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt")}, db)));
  int64_t facts = count(db, "SELECT count(*) FROM facts");
  // A trigger makes the write fail half-way (after the old facts were deleted).
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h,
                         "CREATE TRIGGER fail_half_way BEFORE INSERT ON facts WHEN NEW.indicator = 'tourists' "
                         "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(h);
  auto r = check({fixture("two-years", "consistent", "2023-h1.txt")}, db);
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_EQ(r.error().path, db.string());
  EXPECT_EQ(count(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM facts"), facts);
}

TEST(StoreFactsCommand, JsonLinesAndCsvWithFilters) {
  TempDir t;
  fs::path db = t.path / "facts.db";
  ASSERT_TRUE(static_cast<bool>(check({fixture("two-years", "consistent", "2023-h1.txt"),
                                       fixture("two-years", "consistent", "2024-h1.txt")}, db)));
  std::ostringstream out, err;
  FactsCommand c;
  c.db = db.string();
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

TEST(StoreFactsCommand, MissingOrCorruptStoreExitsTwo) {
  TempDir t;
  std::ostringstream out, err;
  FactsCommand c;
  c.db = (t.path / "none.db").string();
  EXPECT_EQ(run_facts_command(c, out, err), 2);
  EXPECT_NE(err.str().find("none.db"), std::string::npos);
  EXPECT_FALSE(fs::exists(t.path / "none.db"));  // listing never creates a store
  std::ofstream(t.path / "bad.db") << "garbage garbage garbage garbage garbage garbage garbage garbage garbage";
  c.db = (t.path / "bad.db").string();
  std::ostringstream err2;
  EXPECT_EQ(run_facts_command(c, out, err2), 2);
  EXPECT_NE(err2.str().find("bad.db"), std::string::npos);
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
