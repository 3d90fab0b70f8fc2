#include "report/emit.h"

#include <algorithm>
#include <utility>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/emitters.h"

namespace doisoat {

bool parse_format(const std::string& name, Format& out) {
  static const std::pair<const char*, Format> names[] = {
      {"text", Format::Text}, {"json", Format::Json}, {"sarif", Format::Sarif},
      {"markdown", Format::Markdown}, {"html", Format::Html}, {"csv", Format::Csv},
      {"junit", Format::Junit}, {"github", Format::Github}, {"xlsx", Format::Xlsx}};
  for (auto& [n, f] : names)
    if (name == n) { out = f; return true; }
  return false;
}

static std::string fmt_num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

nlohmann::ordered_json findings_json(const RunReport& r, const EmitOptions& o) {
  using json = nlohmann::ordered_json;
  auto optional_string = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json fs = json::array();
  for (const Finding* fp : report::ordered_findings(r)) {
    const Finding& f = *fp;
    json j = {{"id", f.id}, {"check", f.check}, {"kind", f.kind}, {"severity", to_string(f.severity)},
              {"path", f.path}, {"line", f.begin.line}, {"column", f.begin.column},
              {"end_line", f.end.line}, {"end_column", f.end.column}, {"quote", f.quote},
              {"stated", f.stated}};
    j["expected"] = f.expected ? json(*f.expected) : json(nullptr);
    j["unit"] = f.unit;
    j["message"] = f.message;
    json rel = json::array();
    for (const auto& x : f.related) {
      json jr = {{"path", x.path}, {"line", x.begin.line}, {"column", x.begin.column},
                 {"end_line", x.end.line}, {"end_column", x.end.column}, {"quote", x.quote}};
      if (!x.message.empty()) jr["message"] = x.message;
      rel.push_back(std::move(jr));
    }
    j["related"] = std::move(rel);
    j["suggestion"] = optional_string(f.suggestion);
    j["computation"] = optional_string(f.computation);
    if (!f.replacement.empty()) j["replacement"] = f.replacement;
    j["material"] = f.material;
    if (!f.same_error_as.empty()) j["same_error_as"] = f.same_error_as;
    if (f.page > 0) j["page"] = f.page;
    if (f.table > 0) {
      json t = {{"index", f.table}, {"row", f.table_row}};
      if (!f.table_row_label.empty()) t["row_label"] = f.table_row_label;
      if (!f.table_column.empty()) t["column"] = f.table_column;
      j["table"] = std::move(t);
    }
    if (f.suppressed) {
      json s = {{"kind", f.baselined ? "baseline" : "sidecar"},
                {"justification", f.baselined && f.suppression_justification.empty()
                                      ? report::suppression_note(f, Lang::En) : f.suppression_justification}};
      if (!f.suppression_accepted_by.empty()) s["accepted_by"] = f.suppression_accepted_by;
      j["suppressed"] = std::move(s);
    } else {
      j["suppressed"] = nullptr;
    }
    fs.push_back(std::move(j));
  }
  report::Tally t = report::tally(r);
  return json{{"schema", "doisoat/findings/v1"},
              {"tool", {{"name", "doisoat"}, {"version", o.version}}},
              {"summary", {{"documents", r.summary.documents}, {"claims", r.summary.claims},
                           {"findings", {{"error", t.error}, {"warning", t.warning}, {"info", t.info}}},
                           {"suppressed", t.suppressed}, {"baselined", t.baselined}}},
              {"findings", std::move(fs)}};
}

std::string emit_findings(Format format, const RunReport& report, const EmitOptions& options) {
  switch (format) {
    case Format::Text: return report::emit_text(report, options);
    case Format::Json: return findings_json(report, options).dump(2) + "\n";
    case Format::Sarif: return report::emit_sarif(report, options);
    case Format::Markdown: return report::emit_markdown(report, options);
    case Format::Html: return report::emit_html(report, options);
    case Format::Csv: return report::emit_csv(report, options);
    case Format::Junit: return report::emit_junit(report, options);
    case Format::Github: return report::emit_github(report, options);
    case Format::Xlsx: return report::emit_xlsx(report, options);
  }
  return report::emit_text(report, options);
}

std::string emit_extract_text(const RunReport& report, bool uncovered_only) {
  std::ostringstream out;
  for (const auto& d : report.documents) {
    out << d.doc.path << ": " << (d.doc.region.empty() ? "?" : d.doc.region) << ", "
        << (d.doc.period.empty() ? "?" : d.doc.period) << "\n";
    if (!uncovered_only) {
      for (const auto& s : d.doc.sections)
        out << "  " << std::string(2 * std::max(0, s.level - 1), ' ') << "§ " << s.number << " " << s.title << "\n";
      for (const auto& c : d.claims) {
        auto p = d.doc.map.at(c.span.begin);
        out << "  " << p.line << ":" << p.column << " " << to_string(c.kind) << " " << to_string(c.verdict);
        if (c.stated < d.quantities.size()) out << " stated=" << d.quantities[c.stated].text;
        if (c.computed) out << " computed=" << fmt_num(*c.computed);
        out << "  «" << c.quote << "»\n";
      }
    }
    for (auto id : d.uncovered) {
      const auto& q = d.quantities[id];
      auto p = d.doc.map.at(q.span.begin);
      out << "  uncovered " << p.line << ":" << p.column << " " << q.text << " " << q.unit;
      if (auto why = d.uncovered_reasons.find(id); why != d.uncovered_reasons.end()) out << " (" << why->second << ")";
      out << "\n";
    }
    out << "  " << d.quantities.size() << " quantities, " << d.claims.size() << " claims, " << d.uncovered.size()
        << " uncovered\n";
  }
  return out.str();
}

namespace {

bool write_all(int fd, const std::string& content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

// A character device or a FIFO (/dev/null, /dev/stdout on a terminal, a named pipe) is written
// through, never replaced (issue 14: as root, `-o /dev/null` renamed a file over /dev/null).
Result<bool> write_through(const std::string& path, const std::string& shown, bool fifo, const std::string& content) {
  // O_NONBLOCK so that a FIFO with no reader fails (ENXIO) instead of blocking forever.
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (fifo ? O_NONBLOCK : 0));
  if (fd < 0) {
    int err = errno;
    if (fifo && err == ENXIO) return Error{shown, "cannot write output: a FIFO with no reader"};
    return Error{shown, std::string("cannot write output: ") + std::strerror(err)};
  }
  if (fifo) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  bool ok = write_all(fd, content);
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) return Error{shown, std::string("cannot write output: ") + std::strerror(err)};
  return true;
}

}  // namespace

Result<bool> write_atomically(const std::string& path, const std::string& content) {
  // A temp file in the same folder (so rename stays on one file system), written and synced,
  // then renamed over the target: readers see the old file or the whole new one, never half.
  // A symbolic link stays one: the file it points to is what is replaced (issue 14).
  namespace fs = std::filesystem;
  fs::path target(path);
  for (int hops = 0;; ++hops) {
    struct stat lst {};
    if (::lstat(target.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) break;
    if (hops == 40) return Error{path, "cannot write output: too many levels of symbolic links"};
    std::error_code lec;
    fs::path link = fs::read_symlink(target, lec);
    if (lec) return Error{path, "cannot write output: " + lec.message()};
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Error{path, "cannot write output: is a folder"};
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
      return write_through(target.string(), path, S_ISFIFO(st.st_mode), content);
    if (!S_ISREG(st.st_mode))
      return Error{path, "cannot write output: not a regular file (a block device or a socket); refused"};
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return Error{path, std::string("cannot write output: ") + std::strerror(errno)};
  std::string tmp(name.data());
  auto give_up = [&](int err) -> Result<bool> {
    ::close(fd);
    ::unlink(tmp.c_str());
    return Error{path, std::string("cannot write output: ") + std::strerror(err)};
  };
  if (!write_all(fd, content)) return give_up(errno);
  // mkstemp creates 0600; a report is an ordinary file (0666 minus umask).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0) return give_up(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Error{path, std::string("cannot write output: ") + std::strerror(err)};
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Error{path, std::string("cannot write output: ") + std::strerror(err)};
  }
  return true;
}

}  // namespace doisoat
