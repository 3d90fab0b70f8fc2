// `cmake --install` (issue 16): the binary, a man page generated from its --help, bash and zsh
// completion; the page and the completions know every option the CLI has.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& cmd) {
  fs::path out = fs::temp_directory_path() / ("doisoat-install-out-" + std::to_string(::getpid()));
  EXPECT_EQ(std::system((cmd + " > '" + out.string() + "' 2>&1").c_str()), 0) << cmd << "\n" << slurp(out);
  std::string text = slurp(out);
  fs::remove(out);
  return text;
}

/// The long options a command's --help lists.
std::set<std::string> options_of(const std::string& help) {
  std::set<std::string> out;
  static const std::regex option(R"re((?:^|[\s,])(--[a-z][a-z-]*))re");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

}  // namespace

TEST(Install, BinaryManPageAndCompletions) {
  fs::path prefix = fs::temp_directory_path() / ("doisoat-install-" + std::to_string(::getpid()));
  fs::remove_all(prefix);
  run("cmake --install '" BUILD_DIR "' --prefix '" + prefix.string() + "'");
  fs::path bin = prefix / "bin" / "doisoat";
  fs::path man = prefix / "share" / "man" / "man1" / "doisoat.1";
  fs::path bash = prefix / "share" / "bash-completion" / "completions" / "doisoat";
  fs::path zsh = prefix / "share" / "zsh" / "site-functions" / "_doisoat";
  for (const auto& p : {bin, man, bash, zsh}) ASSERT_TRUE(fs::exists(p)) << p;
  EXPECT_EQ(run("'" + bin.string() + "' --version"), "doisoat " DOISOAT_VERSION "\n");

  std::string page = slurp(man);
  EXPECT_EQ(page.rfind(".TH DOISOAT 1 \"\" \"doisoat " DOISOAT_VERSION "\"", 0), 0u) << page.substr(0, 80);
  std::string bash_text = slurp(bash), zsh_text = slurp(zsh);
  for (const char* cmd : {"check", "extract", "checks", "explain", "facts"}) {
    EXPECT_NE(page.find(".SS " + std::string(cmd) + "\n"), std::string::npos) << cmd;
    for (const auto& opt : options_of(run("'" + bin.string() + "' " + cmd + " --help"))) {
      EXPECT_NE(page.find(opt), std::string::npos) << "man page lacks " << cmd << " " << opt;
      EXPECT_NE(bash_text.find(opt), std::string::npos) << "bash completion lacks " << cmd << " " << opt;
      EXPECT_NE(zsh_text.find(opt), std::string::npos) << "zsh completion lacks " << cmd << " " << opt;
    }
  }
  // Every check is listed in the page (from `doisoat checks`).
  EXPECT_NE(page.find("ratio-recompute"), std::string::npos);
  // The bash completion is valid bash.
  run("bash -n '" + bash.string() + "'");
  fs::remove_all(prefix);
}
