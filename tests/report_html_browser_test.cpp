// A real browser opens the HTML report: headless Chromium renders it, runs its inline script,
// and the test reads the rendered DOM. Chromium not starting is a failure, never a skip.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "report/emit.h"
#include "report_sample.h"

using namespace doisoat;
using namespace doisoat::testing;
namespace fs = std::filesystem;

namespace {

const char* kChromium = "/usr/bin/chromium";

fs::path out_dir() {
  fs::path dir = fs::path(DOISOAT_BIN).parent_path() / "report-test";
  fs::create_directories(dir);
  return dir;
}

/// Run Chromium headless with a fresh profile; returns the exit status, stdout in `out`.
int chromium(const std::string& args, const std::string& name, std::string& out) {
  fs::path profile = out_dir() / ("chromium-profile-" + name);
  fs::remove_all(profile);
  fs::path stdout_file = out_dir() / (name + ".out"), stderr_file = out_dir() / (name + ".err");
  std::string cmd = std::string("timeout 90 ") + kChromium +
                    " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                    " --disable-background-networking --disable-component-update --disable-sync"
                    " --disable-dev-shm-usage --user-data-dir='" + profile.string() + "' " + args + " > '" +
                    stdout_file.string() + "' 2> '" + stderr_file.string() + "'";
  int status = std::system(cmd.c_str());
  out = read_text(stdout_file.string());
  if (status != 0) out += "\n--- stderr ---\n" + read_text(stderr_file.string());
  fs::remove_all(profile);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ReportHtmlBrowser, EveryFindingIsInTheRenderedDom) {
  ASSERT_TRUE(fs::exists(kChromium)) << kChromium << " is not installed (scripts/setup.sh --test installs it)";
  RunReport r = sample_report();
  fs::path html = out_dir() / "sample.html";
  std::ofstream(html, std::ios::binary) << emit_findings(Format::Html, r, sample_options());

  std::string dom;
  int rc = chromium("--dump-dom 'file://" + html.string() + "'", "dom", dom);
  ASSERT_EQ(rc, 0) << "Chromium could not start or render the report:\n" << dom;
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from Chromium:\n" << dom;

  // Every finding is an article carrying its id, severity and check, with its message and quote.
  for (const auto& f : r.findings) {
    std::smatch m;
    std::regex article("<article[^>]*data-id=\"" + f.id + "\"[^>]*>");
    ASSERT_TRUE(std::regex_search(dom, m, article)) << "finding " << f.id << " (" << f.check << ") not in the DOM";
    EXPECT_NE(m.str().find("data-check=\"" + f.check + "\""), std::string::npos) << m.str();
    EXPECT_NE(m.str().find(std::string("data-severity=\"") + to_string(f.severity) + "\""), std::string::npos) << m.str();
    EXPECT_EQ(m.str().find("hidden"), std::string::npos) << "shown by default: " << m.str();
    std::string first_line = f.message.substr(0, f.message.find('\n'));
    std::string escaped;  // how a DOM serialises text: & < > escaped, quotes kept
    for (char ch : first_line)
      escaped += ch == '&' ? std::string("&amp;") : ch == '<' ? std::string("&lt;") : ch == '>' ? std::string("&gt;") : std::string(1, ch);
    EXPECT_NE(dom.find(escaped), std::string::npos) << "message of " << f.id << " not rendered";
  }
  // The inline script ran: the filter counted every finding (suppressed ones are shown too).
  EXPECT_TRUE(std::regex_search(dom, std::regex("<b id=\"shown\">" + std::to_string(r.findings.size()) + "</b>")));
  EXPECT_NE(dom.find("data-filters=\"ready\""), std::string::npos) << "the filter script did not run";
  // Figures are highlighted; Vietnamese text survived the round trip through the browser.
  EXPECT_NE(dom.find("<mark>719.923</mark> lượt; trong đó nội địa <mark>713.229</mark>"), std::string::npos);
  EXPECT_NE(dom.find("Kết quả đối soát số liệu"), std::string::npos);
}

TEST(ReportHtmlBrowser, Screenshot) {
  ASSERT_TRUE(fs::exists(kChromium)) << kChromium << " is not installed (scripts/setup.sh --test installs it)";
  fs::path html = out_dir() / "sample-shot.html";
  std::ofstream(html, std::ios::binary) << emit_findings(Format::Html, sample_report(), sample_options());
  fs::path png = out_dir() / "html-report.png";
  fs::remove(png);
  std::string out;
  int rc = chromium("--hide-scrollbars --window-size=1200,1800 --screenshot='" + png.string() + "' 'file://" +
                        html.string() + "'",
                    "shot", out);
  ASSERT_EQ(rc, 0) << "Chromium could not take the screenshot:\n" << out;
  ASSERT_TRUE(fs::exists(png)) << "no screenshot at " << png;
  std::string bytes = read_text(png.string());
  ASSERT_GT(bytes.size(), 10000u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
