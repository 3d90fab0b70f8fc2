// JUnit XML for CI systems that show test results: one test suite per document, one test case
// per claim checked (its verdict), failures for findings at or above --fail-on. Written through
// pugixml, so escaping and well-formedness are the XML library's business, not ours.
#include <map>
#include <sstream>

#include <pugixml.hpp>

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

// XML 1.0 forbids most control characters even as references; pugixml writes what it is given.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_text(value).c_str());
}

void set(pugi::xml_node node, const char* name, size_t value) {
  node.append_attribute(name).set_value(static_cast<unsigned long long>(value));
}

// Keeps what pugixml writes in a string.
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

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
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  auto root = xml.append_child("testsuites");
  set(root, "name", "doisoat " + o.version);
  for (const auto& [path, cases] : suites) {
    size_t sf = 0, ss = 0;
    auto suite = root.append_child("testsuite");
    set(suite, "name", path);
    for (const auto& k : cases) {
      uint32_t line = k.line ? k.line : (k.findings.empty() ? 0 : k.findings.front()->begin.line);
      auto tc = suite.append_child("testcase");
      set(tc, "name", k.name);
      set(tc, "classname", k.classname);
      set(tc, "file", k.file);
      if (line) set(tc, "line", size_t(line));
      std::vector<const Finding*> failing, suppressed, below;
      for (const Finding* f : k.findings) {
        if (fails(*f, o)) failing.push_back(f);
        else if (f->suppressed) suppressed.push_back(f);
        else below.push_back(f);
      }
      if (!failing.empty()) {
        ++sf;
        const Finding& first = *failing.front();
        auto failure = tc.append_child("failure");
        set(failure, "message", "[" + first.check + "] " + one_line(first.message, 300));
        set(failure, "type", std::string(to_string(first.severity)));
        std::string text;
        for (const Finding* f : failing) {
          text += f->path + ":" + std::to_string(f->begin.line) + ":" + std::to_string(f->begin.column) + ": " +
                  to_string(f->severity) + ": [" + f->check + "] " + f->message + "\n";
          if (!f->quote.empty()) text += "  «" + f->quote + "»\n";
          if (!f->computation.empty()) text += std::string("  ") + tr(L, "tính lại: ", "recomputed: ") + f->computation + "\n";
          if (!f->suggestion.empty()) text += std::string("  ") + tr(L, "gợi ý: ", "suggestion: ") + f->suggestion + "\n";
        }
        failure.append_child(pugi::node_pcdata).set_value(xml_text(text).c_str());
      } else if (!suppressed.empty()) {
        ++ss;
        set(tc.append_child("skipped"), "message",
            std::string(tr(L, "đã bỏ qua: ", "suppressed: ")) + suppression_note(*suppressed.front(), L));
      } else if (k.unchecked) {
        ++ss;
        set(tc.append_child("skipped"), "message",
            std::string(tr(L, "chưa kiểm tra được", "not decidable")) + (k.reason.empty() ? "" : ": " + k.reason));
      }
      if (!below.empty()) {
        std::string text;
        for (const Finding* f : below) text += std::string(to_string(f->severity)) + ": [" + f->check + "] " + f->message + "\n";
        tc.append_child("system-out").append_child(pugi::node_pcdata).set_value(xml_text(text).c_str());
      }
    }
    total += cases.size();
    failures += sf;
    skipped += ss;
    set(suite, "tests", cases.size());
    set(suite, "failures", sf);
    set(suite, "errors", size_t(0));
    set(suite, "skipped", ss);
  }
  set(root, "tests", total);
  set(root, "failures", failures);
  set(root, "errors", size_t(0));
  set(root, "skipped", skipped);
  StringWriter w;
  xml.save(w, "  ", pugi::format_indent, pugi::encoding_utf8);
  return w.out;
}

}  // namespace doisoat::report
