// JUnit XML for CI systems that show test results: one test suite per document, one test case
// per claim checked (its verdict), failures for findings at or above --fail-on.
#include <map>
#include <sstream>

#include "report/emitters.h"

namespace doisoat::report {
namespace {

struct Case {
  std::string name, classname, file;
  uint32_t line = 0;
  std::vector<const Finding*> findings;
  bool unchecked = false;
  std::string reason;
};

bool same_claim(const Finding& f, const Claim& c) {
  if (f.kind != to_string(c.kind)) return false;
  if (f.quote.empty() || c.quote.empty()) return false;
  return f.quote == c.quote || c.quote.find(f.quote) != std::string::npos || f.quote.find(c.quote) != std::string::npos;
}

bool fails(const Finding& f, const EmitOptions& o) {
  return !f.suppressed && o.fail_on && static_cast<int>(f.severity) >= static_cast<int>(*o.fail_on);
}

std::string one_line(const std::string& s, size_t max = 120) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

}  // namespace

std::string emit_junit(const RunReport& r, const EmitOptions& o) {
  const Lang L = o.lang;
  // Suites in input order; findings whose path has no document get a suite of their own.
  std::vector<std::pair<std::string, std::vector<Case>>> suites;
  std::map<std::string, size_t> suite_of;
  std::map<const Finding*, bool> placed;
  auto findings = ordered_findings(r);
  for (const auto& d : r.documents) {
    suite_of[d.doc.path] = suites.size();
    suites.push_back({d.doc.path, {}});
    auto& cases = suites.back().second;
    for (size_t ci = 0; ci < d.claims.size(); ++ci) {
      const Claim& c = d.claims[ci];
      Case k;
      k.name = "c" + std::to_string(c.id) + " " + to_string(c.kind) + ": " + one_line(c.quote);
      k.classname = "doisoat." + std::string(to_string(c.kind));
      k.file = d.doc.path;
      k.unchecked = c.verdict == Verdict::Unchecked;
      k.reason = c.reason;
      for (const Finding* f : findings)
        if (!placed[f] && f->path == d.doc.path &&
            (f->claim >= 0 ? static_cast<size_t>(f->claim) == ci : same_claim(*f, c))) {
          k.findings.push_back(f);
          placed[f] = true;
        }
      cases.push_back(std::move(k));
    }
  }
  for (const Finding* f : findings) {
    if (placed[f]) continue;
    if (!suite_of.count(f->path)) {
      suite_of[f->path] = suites.size();
      suites.push_back({f->path, {}});
    }
    Case k;
    k.name = f->check + " " + std::to_string(f->begin.line) + ":" + std::to_string(f->begin.column) + ": " + one_line(f->quote);
    k.classname = "doisoat." + f->check;
    k.file = f->path;
    k.line = f->begin.line;
    k.findings.push_back(f);
    suites[suite_of[f->path]].second.push_back(std::move(k));
  }

  size_t total = 0, failures = 0, skipped = 0;
  std::ostringstream body;
  for (const auto& [path, cases] : suites) {
    size_t sf = 0, ss = 0;
    std::ostringstream cs;
    for (const auto& k : cases) {
      uint32_t line = k.line ? k.line : (k.findings.empty() ? 0 : k.findings.front()->begin.line);
      cs << "    <testcase name=\"" << xml_escape(k.name) << "\" classname=\"" << xml_escape(k.classname)
         << "\" file=\"" << xml_escape(k.file) << "\"";
      if (line) cs << " line=\"" << line << "\"";
      std::vector<const Finding*> failing, suppressed, below;
      for (const Finding* f : k.findings) {
        if (fails(*f, o)) failing.push_back(f);
        else if (f->suppressed) suppressed.push_back(f);
        else below.push_back(f);
      }
      std::ostringstream inner;
      if (!failing.empty()) {
        ++sf;
        const Finding& first = *failing.front();
        inner << "      <failure message=\"" << xml_escape("[" + first.check + "] " + one_line(first.message, 300))
              << "\" type=\"" << to_string(first.severity) << "\">";
        for (const Finding* f : failing) {
          std::string text = f->path + ":" + std::to_string(f->begin.line) + ":" + std::to_string(f->begin.column) + ": " +
                             to_string(f->severity) + ": [" + f->check + "] " + f->message + "\n";
          if (!f->quote.empty()) text += "  «" + f->quote + "»\n";
          if (!f->computation.empty()) text += std::string("  ") + tr(L, "tính lại: ", "recomputed: ") + f->computation + "\n";
          if (!f->suggestion.empty()) text += std::string("  ") + tr(L, "gợi ý: ", "suggestion: ") + f->suggestion + "\n";
          inner << xml_escape(text);
        }
        inner << "</failure>\n";
      } else if (!suppressed.empty()) {
        ++ss;
        inner << "      <skipped message=\"" << xml_escape(std::string(tr(L, "đã bỏ qua: ", "suppressed: ")) +
                                                          suppression_note(*suppressed.front(), L))
              << "\"/>\n";
      } else if (k.unchecked) {
        ++ss;
        inner << "      <skipped message=\""
              << xml_escape(std::string(tr(L, "chưa kiểm tra được", "not decidable")) + (k.reason.empty() ? "" : ": " + k.reason))
              << "\"/>\n";
      }
      if (!below.empty()) {
        inner << "      <system-out>";
        for (const Finding* f : below)
          inner << xml_escape(std::string(to_string(f->severity)) + ": [" + f->check + "] " + f->message + "\n");
        inner << "</system-out>\n";
      }
      std::string in = inner.str();
      if (in.empty()) cs << "/>\n";
      else cs << ">\n" << in << "    </testcase>\n";
    }
    total += cases.size();
    failures += sf;
    skipped += ss;
    body << "  <testsuite name=\"" << xml_escape(path) << "\" tests=\"" << cases.size() << "\" failures=\"" << sf
         << "\" errors=\"0\" skipped=\"" << ss << "\">\n" << cs.str() << "  </testsuite>\n";
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"doisoat " << xml_escape(o.version)
      << "\" tests=\"" << total << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"" << skipped << "\">\n"
      << body.str() << "</testsuites>\n";
  return out.str();
}

}  // namespace doisoat::report
