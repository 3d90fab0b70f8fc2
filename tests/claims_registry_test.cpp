// The registry of claim constructions, its documentation and its files in step (issue 12): the
// table in docs/claims.md lists the registry in its run order, every construction names a file
// of src/claims that exists, and no file of src/claims grows past about 800 lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claims/reader.h"

namespace fs = std::filesystem;
using doisoat::grammar::constructions;
using doisoat::grammar::Scope;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string scope_in_docs(const doisoat::grammar::Construction& c) {
  if (c.scope == Scope::Document) return "document";
  return c.in_table_rows ? "block, rows" : "block";
}

}  // namespace

TEST(ClaimsRegistry, IdsAreUniqueAndFilesExist) {
  std::set<std::string> ids;
  for (const auto& c : constructions()) {
    EXPECT_TRUE(ids.insert(std::string(c.id)).second) << "twice: " << c.id;
    EXPECT_TRUE(std::regex_match(std::string(c.id), std::regex("[a-z]+(-[a-z]+)*"))) << c.id;
    EXPECT_TRUE(fs::exists(fs::path(SOURCE_DIR) / "src" / "claims" / std::string(c.file))) << c.file;
    EXPECT_NE(c.read, nullptr) << c.id;
  }
}

TEST(ClaimsRegistry, DocsListTheRegistryInItsOrder) {
  // "| 7 | `percent-of-plan` | block | `construction_plan.cpp` |"
  const std::string doc = slurp(fs::path(SOURCE_DIR) / "docs" / "claims.md");
  const std::regex row(R"(\| (\d+) \| `([a-z-]+)` \| ([a-z, ]+) \| `([a-z_]+\.cpp)`[^\n]*\|)");
  std::vector<std::smatch> rows;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator(); ++it)
    rows.push_back(*it);
  const auto all = constructions();
  ASSERT_EQ(rows.size(), all.size()) << "docs/claims.md lists " << rows.size() << " constructions";
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(rows[i][1].str(), std::to_string(i + 1));
    EXPECT_EQ(rows[i][2].str(), all[i].id) << "row " << i + 1;
    EXPECT_EQ(rows[i][3].str(), scope_in_docs(all[i])) << all[i].id;
    EXPECT_EQ(rows[i][4].str(), all[i].file) << all[i].id;
  }
}

TEST(ClaimsRegistry, NoFileOfTheGrammarIsOverAbout800Lines) {
  for (const auto& e : fs::directory_iterator(fs::path(SOURCE_DIR) / "src" / "claims")) {
    const std::string text = slurp(e.path());
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    EXPECT_LE(lines, 850u) << e.path().filename() << ": split it into constructions (docs/claims.md)";
  }
}
