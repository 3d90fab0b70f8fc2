#include "report/emitters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unicode/uchar.h>

namespace doisoat::report {

std::vector<const Finding*> ordered_findings(const RunReport& r) {
  std::vector<const Finding*> v;
  v.reserve(r.findings.size());
  for (const auto& f : r.findings) v.push_back(&f);
  std::stable_sort(v.begin(), v.end(), [](const Finding* a, const Finding* b) {
    if (a->path != b->path) return a->path < b->path;
    if (a->begin.line != b->begin.line) return a->begin.line < b->begin.line;
    if (a->begin.column != b->begin.column) return a->begin.column < b->begin.column;
    if (a->check != b->check) return a->check < b->check;
    return a->id < b->id;
  });
  return v;
}

Tally tally(const RunReport& r) {
  Tally t;
  for (const auto& f : r.findings) {
    if (f.suppressed) {
      ++t.suppressed;
      if (f.baselined) ++t.baselined;
      continue;
    }
    switch (f.severity) {
      case Severity::Error: ++t.error; break;
      case Severity::Warning: ++t.warning; break;
      case Severity::Info: ++t.info; break;
    }
  }
  return t;
}

const char* severity_word(Severity s, Lang lang) {
  switch (s) {
    case Severity::Error: return tr(lang, "lỗi", "error");
    case Severity::Warning: return tr(lang, "cảnh báo", "warning");
    case Severity::Info: return tr(lang, "thông tin", "info");
  }
  return "?";
}

static std::string plural(size_t n, const char* vi, const char* en_one, const char* en_many, Lang lang) {
  std::string s = std::to_string(n) + " ";
  return s + (lang == Lang::Vi ? vi : (n == 1 ? en_one : en_many));
}

std::string summary_sentence(const RunReport& r, Lang lang) {
  Tally t = tally(r);
  std::string s = plural(r.summary.documents, "tài liệu", "document", "documents", lang) + ", " +
                  plural(r.summary.claims, "quan hệ đã kiểm tra", "claim checked", "claims checked", lang) + ": " +
                  plural(t.error, "lỗi", "error", "errors", lang) + ", " +
                  plural(t.warning, "cảnh báo", "warning", "warnings", lang) + ", " +
                  plural(t.info, "thông tin", "info", "infos", lang);
  if (t.suppressed) {
    s += "; " + plural(t.suppressed, "đã bỏ qua", "suppressed", "suppressed", lang);
    if (t.baselined) s += std::string(" (") + std::to_string(t.baselined) + tr(lang, " theo baseline)", " by baseline)");
  }
  return s;
}

std::string suppression_note(const Finding& f, Lang lang) {
  if (f.baselined) return tr(lang, "đã có trong baseline", "known finding (in the baseline)");
  std::string s = f.suppression_justification;
  if (!f.suppression_accepted_by.empty())
    s += std::string(" (") + tr(lang, "chấp nhận bởi ", "accepted by ") + f.suppression_accepted_by + ")";
  return s;
}

static std::string group_digits(const std::string& digits, char sep) {
  std::string out;
  size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    out += digits[i];
    size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += sep;
  }
  return out;
}

std::string format_number(double v, Lang lang) {
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "∞" : "-∞");
  int decimals = std::fabs(v) < 1 ? 4 : 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s = buf;
  std::string int_part = s, frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    int_part = s.substr(0, dot);
    frac = s.substr(dot + 1);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  bool negative = v < 0 && (int_part != "0" || !frac.empty());
  std::string out = negative ? "-" : "";
  out += group_digits(int_part, lang == Lang::Vi ? '.' : ',');
  if (!frac.empty()) out += (lang == Lang::Vi ? ',' : '.') + frac;
  return out;
}

std::string plain_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string with_unit(const std::string& number, const std::string& unit) {
  if (unit.empty()) return number;
  if (unit == "%") return number + "%";
  return number + " " + unit;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (len == 1 && c >= 0x80) cp = 0xFFFD;
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode_utf8(const std::vector<char32_t>& cps, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

int display_width(char32_t c) {
  auto cp = static_cast<UChar32>(c);
  int8_t type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int w = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  if (w == U_EA_WIDE || w == U_EA_FULLWIDTH) return 2;
  return 1;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // XML 1.0 forbids most control characters even as references.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

bool starts_like_formula(std::string_view s) {
  // = + - @ make spreadsheet programs evaluate the cell (CSV injection, OWASP); a leading tab or
  // carriage return hides one of them.
  return !s.empty() && (s.front() == '=' || s.front() == '+' || s.front() == '-' || s.front() == '@' ||
                        s.front() == '\t' || s.front() == '\r');
}

std::string csv_field(std::string_view s, char separator) {
  bool formula = starts_like_formula(s);
  bool quote = formula || s.find_first_of("\"\r\n") != std::string_view::npos || s.find(separator) != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  out += '"';
  return out;
}

std::string spreadsheet_number(double v, bool vietnamese) {
  std::string plain = plain_number(v);
  if (!vietnamese || plain == "null") return plain == "null" ? "" : plain;
  // As Vietnamese reports write figures: '.' groups thousands, ',' marks decimals (22.214; 93,7).
  std::string sign, digits = plain, frac;
  if (!digits.empty() && digits[0] == '-') { sign = "-"; digits = digits.substr(1); }
  if (digits.find_first_of("eE") != std::string::npos) {  // very large or small: keep it exact, no grouping
    std::replace(digits.begin(), digits.end(), '.', ',');
    return sign + digits;
  }
  if (auto dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits = digits.substr(0, dot);
  }
  return sign + group_digits(digits, '.') + (frac.empty() ? "" : "," + frac);
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '*': case '_': case '`': case '[': case ']': case '\\':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace doisoat::report
