// Every config example the user can read loads (issue 16): the README, docs/CONTRACT.md, each
// checks/*.md file as written and each `explain` page as printed.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/config_schema.h"
#include "report/gate.h"

using namespace doisoat;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> known_ids() {
  std::set<std::string> ids;
  for (const auto& c : check_registry()) ids.insert(c->meta().id);
  return ids;
}

/// Inline code spans that are config files: a JSON object whose first key is a config key,
/// either the real one ("checks") or one a writer might reach for ("disable", "severity", ...).
std::vector<std::string> config_snippets(const std::string& markdown) {
  std::vector<std::string> out;
  static const std::regex span(R"re(`(\{\s*"(checks|disable|enable|severity|enabled)"[^`]*)`)re");
  for (auto it = std::sregex_iterator(markdown.begin(), markdown.end(), span); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

void expect_all_load(const std::string& where, const std::string& text, size_t at_least) {
  auto snippets = config_snippets(text);
  EXPECT_GE(snippets.size(), at_least) << where << ": expected a config example";
  for (const auto& s : snippets) {
    auto c = parse_config(s, where, known_ids());
    EXPECT_TRUE(c.ok()) << where << ": " << s << ": " << (c.ok() ? "" : c.error().message());
  }
}

}  // namespace

TEST(ConfigExamples, ReadmeAndContract) {
  expect_all_load("README.md", slurp(fs::path(SOURCE_DIR) / "README.md"), 1);
  expect_all_load("docs/CONTRACT.md", slurp(fs::path(SOURCE_DIR) / "docs" / "CONTRACT.md"), 0);
}

TEST(ConfigExamples, EveryCheckDocumentationFileAsWritten) {
  for (const auto& e : fs::directory_iterator(fs::path(SOURCE_DIR) / "checks")) {
    if (e.path().extension() != ".md") continue;
    std::string text = slurp(e.path());
    expect_all_load(e.path().filename().string(), text, 0);
    // The config bullet is generated, never written by hand (so it cannot drift).
    EXPECT_NE(text.find("<!-- config-example -->"), std::string::npos) << e.path();
  }
}

TEST(ConfigExamples, EveryExplainPageShowsExamplesThatLoadAndDoWhatTheySay) {
  for (const auto& c : check_registry()) {
    const auto& m = c->meta();
    std::string page = check_documentation(m.id);
    EXPECT_EQ(page.find("<!-- config-example -->"), std::string::npos) << m.id;
    expect_all_load("explain " + m.id, page, config_schema().fields.size());
    for (const auto& s : config_snippets(page)) {
      auto config = parse_config(s, m.id, known_ids());
      ASSERT_TRUE(config.ok()) << s;
      ASSERT_EQ(config->checks.count(m.id), 1u) << s;
      const auto& set = config->checks.at(m.id);
      // Each example changes something: turns the check off or grades it differently.
      EXPECT_TRUE((set.enabled && !*set.enabled) || (set.severity && *set.severity != m.severity)) << s;
    }
  }
}

TEST(ConfigExamples, GeneratedFromTheParsersSchema) {
  EXPECT_EQ(config_example("share", Severity::Error, config_schema().fields[0]),
            R"({"checks": {"share": {"enabled": false}}})");
  EXPECT_EQ(config_example("share", Severity::Error, config_schema().fields[1]),
            R"({"checks": {"share": {"severity": "info"}}})");
  EXPECT_EQ(config_example("rounding-convention", Severity::Info, config_schema().fields[1]),
            R"({"checks": {"rounding-convention": {"severity": "warning"}}})");
  // The old, wrong form is refused by the parser the examples come from.
  EXPECT_FALSE(parse_config(R"({"disable": ["share"]})", "x", known_ids()).ok());
}
