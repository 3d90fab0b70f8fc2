#include "text/layout.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <set>
#include <unordered_map>

#include "text/fold.h"
#include "text/utf8.h"

namespace doisoat {

namespace {

using utf8::decode;

struct RawLine {
  uint32_t b = 0, e = 0;  // content, without the line break
  uint32_t nl = 0;        // offset of the line break (== e), or the text size for the last line
  uint32_t cps = 0;       // code points in [b, e)
  uint32_t tabs = 0;      // tab characters in [b, e)
};

struct Cell {
  uint32_t b = 0, e = 0;  // relative to the line start in the buffer
};

// One input line after inline cleaning.
struct CLine {
  uint32_t b = 0, e = 0;  // range in the line buffer
  uint32_t nl = 0;
  uint32_t raw_cps = 0;
  bool blank = true;
  bool lead_space = false;
  bool trail_space = false;
  bool bold_only = false;
  bool furniture = false;
  bool table = false;
  int md_level = 0;
  std::string fn_def;
  std::vector<std::pair<uint32_t, std::string>> refs;  // offset relative to b
  std::vector<Cell> cells;
};

// Per clean byte of the line buffer, the input byte it came from. Grown ahead and written in
// place, never zero-filled (a std::vector would zero-fill every resize, the reserve of the whole
// text included).
class OriginBuf {
 public:
  size_t size() const { return n_; }
  uint32_t& operator[](size_t k) { return v_[k]; }
  uint32_t operator[](size_t k) const { return v_[k]; }
  const uint32_t* data() const { return v_.get(); }
  void reserve(size_t cap) {
    if (cap > cap_) grow(cap);
  }
  /// Room for `k` more entries; returns where they go.
  uint32_t* extend(size_t k) {
    if (n_ + k > cap_) grow(std::max(n_ + k, 2 * cap_));
    uint32_t* at = v_.get() + n_;
    n_ += k;
    return at;
  }
  void push_back(uint32_t o) { *extend(1) = o; }

 private:
  void grow(size_t cap) {
    auto v = std::make_unique_for_overwrite<uint32_t[]>(cap);
    if (n_ > 0) std::copy_n(v_.get(), n_, v.get());
    v_ = std::move(v);
    cap_ = cap;
  }
  std::unique_ptr<uint32_t[]> v_;
  size_t cap_ = 0, n_ = 0;
};

struct LineBuffer {
  std::string text;
  OriginBuf origin;
};

// A footnote mark glued to a word in PDF text ("KH1.", "trước2", "năm 20237;").
struct Mark {
  uint32_t b = 0, e = 0;
  std::string id;
};

// A footnote definition at the start of a PDF line ("1 Theo báo cáo...", "7. Tổng số...").
struct DefPrefix {
  uint32_t end = 0;  // offset just after the number and its separator
  std::string id;
};

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}
bool is_invisible_cp(char32_t c) {
  return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}
int superscript_digit(char32_t c) {
  switch (c) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default: break;
  }
  if (c >= 0x2074 && c <= 0x2079) return static_cast<int>(c - 0x2070);
  return -1;
}

// ASCII that LineCleaner::ascii() would emit unchanged, whatever the line (not white space,
// emphasis, escapes, tags, links, table separators or control characters).
constexpr bool plain_ascii(unsigned char c) {
  return c > 0x20 && c < 0x7F && c != '*' && c != '_' && c != '\\' && c != '<' && c != '[' && c != '|';
}

// Per lead byte, the length of a character copied as it is whatever it is (plain ASCII; two
// bytes from C3, three from E1 and E4..EE: code points never white space, invisible or
// superscripts), 0 when the character needs a look (decoded below).
constexpr std::array<uint8_t, 256> kPlainRun = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 0x80; ++b) t[static_cast<size_t>(b)] = plain_ascii(static_cast<unsigned char>(b)) ? 1 : 0;
  for (int b = 0xC3; b <= 0xDF; ++b) t[static_cast<size_t>(b)] = 2;
  t[0xE1] = 3;
  for (int b = 0xE4; b <= 0xEE; ++b) t[static_cast<size_t>(b)] = 3;
  return t;
}();

bool starts_with(std::string_view s, size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }

// Units whose exponent is written as a superscript: m², km², m³ stay units, not footnotes.
bool ends_with_area_unit(std::string_view out, size_t line_start) {
  size_t e = out.size();
  size_t b = e;
  while (b > line_start && ((out[b - 1] | 0x20) >= 'a' && (out[b - 1] | 0x20) <= 'z')) --b;
  std::string_view w = out.substr(b, e - b);
  return w == "m" || w == "km" || w == "cm" || w == "dm" || w == "mm" || w == "hm";
}

// LaTeX-isms that converters leave in formulas ("\geq 95%").
struct LatexSymbol {
  std::string_view cmd;
  std::string_view utf8;
};
constexpr std::array<LatexSymbol, 8> kLatex{{{"\\geq", "≥"}, {"\\ge", "≥"}, {"\\leq", "≤"}, {"\\le", "≤"},
                                              {"\\times", "×"}, {"\\pm", "±"}, {"\\approx", "≈"}, {"\\%", "%"}}};

constexpr std::array<std::string_view, 20> kDroppedTags{
    "i", "b", "u", "em", "strong", "br", "span", "p", "mark", "s", "font", "div", "small", "big", "ins", "del",
    "a", "strike", "tt", "code"};

class LineCleaner {
 public:
  LineCleaner(std::string_view nfc, LineBuffer& buf) : s_(nfc), buf_(buf) {}

  void clean(const RawLine& raw, CLine& line, const std::vector<Mark>& marks, size_t& mark_i, const DefPrefix* def) {
    line_ = &line;
    line.b = static_cast<uint32_t>(buf_.text.size());
    line.nl = raw.nl;
    start_ = buf_.text.size();
    pending_ = false;
    need_sep_ = false;
    cell_open_ = false;
    size_t i = raw.b, e = raw.e;
    line.raw_cps = raw.cps;
    // Leading and trailing white space (PDF: a trailing space marks a wrapped line).
    size_t tb = i, te = e;
    while (tb < te) {
      int len = 0;
      char32_t c = decode(s_, tb, len);
      if (!is_space_cp(c) && !is_invisible_cp(c)) break;
      tb += static_cast<size_t>(len);
    }
    while (te > tb) {
      size_t p = utf8::prev_start(s_, te);
      int len = 0;
      char32_t c = decode(s_, p, len);
      if (!is_space_cp(c) && !is_invisible_cp(c)) break;
      te = p;
    }
    line.lead_space = tb > i;
    line.trail_space = te < e && tb < te;
    if (tb >= te) {
      line.e = line.b;
      line.blank = true;
      return;
    }
    const size_t tabs = raw.tabs;
    bool pipe_row = s_[tb] == '|' && s_[te - 1] == '|' && te - tb >= 2;
    if (pipe_row) {
      // Markdown table separator row "|---|:---:|" is layout only.
      bool sep = true;
      for (size_t k = tb; k < te; ++k)
        if (std::string_view("|-: ").find(s_[k]) == std::string_view::npos) sep = false;
      if (sep) {
        line.furniture = true;
        line.e = line.b;
        return;
      }
    }
    line.table = tabs >= 2 || pipe_row;
    table_sep_ = pipe_row ? '|' : '\t';
    if (line.table) {
      i = pipe_row ? tb + 1 : raw.b;  // keep leading tabs: they are empty cells
      e = pipe_row ? te - 1 : te;
    } else {
      i = tb;
      e = te;
    }
    // Markdown heading marks.
    if (!line.table && s_[i] == '#') {
      size_t k = i;
      while (k < e && s_[k] == '#' && k - i < 6) ++k;
      if (k == e || s_[k] == ' ') {
        line.md_level = static_cast<int>(k - i);
        i = k;
        while (i < e && s_[i] == ' ') ++i;
      }
    }
    if (!line.table && i + 2 < e && ((s_[i] == '*' && s_[i + 1] == '*') || (s_[i] == '_' && s_[i + 1] == '_')) &&
        (s_[e - 1] == '*' || s_[e - 1] == '_'))
      line.bold_only = true;
    if (def) {
      line.fn_def = def->id;
      i = std::max<size_t>(i, def->end);
    }
    // Its definition "[2] Không kể …" at a line start, once "[2]" was cited glued in the text.
    if (!line.table && line.fn_def.empty() && i < e && s_[i] == '[') {
      size_t k = i + 1;
      while (k < e && k < i + 4 && utf8::is_digit(static_cast<unsigned char>(s_[k]))) ++k;
      if (k > i + 1 && k + 1 < e && s_[k] == ']' && s_[k + 1] == ' ' && bracket_refs_.count(std::string(s_.substr(i + 1, k - i - 1)))) {
        line.fn_def = std::string(s_.substr(i + 1, k - i - 1));
        i = k + 2;
      }
    }
    // Markdown footnote definition "[^3]: text".
    if (!line.table && starts_with(s_, i, "[^")) {
      size_t k = i + 2;
      while (k < e && utf8::is_digit(static_cast<unsigned char>(s_[k]))) ++k;
      if (k > i + 2 && starts_with(s_, k, "]:")) {
        line.fn_def = std::string(s_.substr(i + 2, k - i - 2));
        i = k + 2;
      }
    }
    while (mark_i < marks.size() && marks[mark_i].b < i) ++mark_i;
    while (i < e) {
      if (mark_i < marks.size() && marks[mark_i].b == i) {
        add_ref(marks[mark_i].id);
        i = marks[mark_i].e;
        ++mark_i;
        continue;
      }
      {
        // A run of characters that are copied as they are (most of the text): emitted at once,
        // up to the next character that needs a decision or the next footnote mark.
        size_t lim = e;
        if (mark_i < marks.size() && marks[mark_i].b > i && marks[mark_i].b < e) lim = marks[mark_i].b;
        size_t k = i;
        while (k < lim) {
          auto b = static_cast<unsigned char>(s_[k]);
          if (const uint8_t adv = kPlainRun[b]) {
            k += adv;
            continue;
          }
          // One space between two such characters (outside a table) is what space() and the
          // next emit would write anyway: a ' ' mapped to itself. It stays in the run.
          if (b == ' ' && k > i && !line.table && k + 1 < lim && kPlainRun[static_cast<unsigned char>(s_[k + 1])]) {
            ++k;
            continue;
          }
          if (b < 0x80) break;
          int len = 0;
          char32_t cp = decode(s_, k, len);
          if (is_space_cp(cp) || is_invisible_cp(cp) || superscript_digit(cp) >= 0) break;
          k += static_cast<size_t>(len);
        }
        if (k > i) {
          emit(i, k - i);
          i = k;
          continue;
        }
      }
      auto c = static_cast<unsigned char>(s_[i]);
      if (c < 0x80) {
        i = ascii(i, e, c);
        continue;
      }
      int len = 0;
      char32_t cp = decode(s_, i, len);
      const bool digit_before = !pending_ && !buf_.text.empty() && buf_.text.back() >= '0' && buf_.text.back() <= '9';
      // exactly three digits follow: a thousands group, the only reading worth keeping the space for
      auto digit_at = [&](size_t j) { return j < e && s_[j] >= '0' && s_[j] <= '9'; };
      const size_t a = i + static_cast<size_t>(len);
      const bool digit_after = digit_at(a) && digit_at(a + 1) && digit_at(a + 2) && !digit_at(a + 3);
      if ((cp == 0xA0 || cp == 0x202F || cp == 0x2009) && digit_before && digit_after) {
        // "12 345": a no-break space before a group of three digits groups thousands.
        emit(i, static_cast<size_t>(len));
        i += static_cast<size_t>(len);
      } else if (is_space_cp(cp)) {
        space(i);
        i += static_cast<size_t>(len);
      } else if (is_invisible_cp(cp)) {
        i += static_cast<size_t>(len);
      } else if (superscript_digit(cp) >= 0) {
        i = superscripts(i, e);
      } else {
        emit(i, static_cast<size_t>(len));
        i += static_cast<size_t>(len);
      }
    }
    if (line.table) close_cell();
    line.e = static_cast<uint32_t>(buf_.text.size());
    line.blank = line.e == line.b;
  }

 private:
  size_t out_len() const { return buf_.text.size() - start_; }

  void emit_bytes(std::string_view bytes, uint32_t origin) {
    if (line_->table) {
      if (need_sep_) {
        buf_.text.append(" | ");
        std::fill_n(buf_.origin.extend(3), 3, sep_origin_);
        need_sep_ = false;
        pending_ = false;
      }
      if (!cell_open_) {
        cell_open_ = true;
        pending_ = false;
        cell_b_ = static_cast<uint32_t>(out_len());
      }
    }
    if (pending_) {
      if (out_len() > 0) {
        buf_.text.push_back(' ');
        buf_.origin.push_back(pending_origin_);
      }
      pending_ = false;
    }
    buf_.text.append(bytes);
    uint32_t* at = buf_.origin.extend(bytes.size());
    for (size_t k = 0; k < bytes.size(); ++k) at[k] = origin + static_cast<uint32_t>(k);
  }
  void emit(size_t i, size_t n) { emit_bytes(s_.substr(i, n), static_cast<uint32_t>(i)); }
  void emit_mapped(std::string_view bytes, uint32_t origin) {
    size_t before = buf_.origin.size();
    emit_bytes(bytes, origin);
    // Substituted text maps every byte to the start of what it replaced.
    for (size_t k = before; k < buf_.origin.size(); ++k)
      if (buf_.origin[k] > origin) buf_.origin[k] = origin;
  }
  void space(size_t i) {
    if (!pending_) pending_origin_ = static_cast<uint32_t>(i);
    pending_ = true;
  }
  std::set<std::string> bracket_refs_;  // "[N]" references cited so far
  void add_ref(const std::string& id) {
    if (out_len() == 0 && line_->fn_def.empty() && !line_->table) {
      line_->fn_def = id;  // a mark opening the line defines the footnote
      return;
    }
    line_->refs.emplace_back(static_cast<uint32_t>(out_len()), id);
  }
  void close_cell() {
    if (cell_open_) {
      line_->cells.push_back(Cell{cell_b_, static_cast<uint32_t>(out_len())});
    } else {
      auto at = static_cast<uint32_t>(out_len());
      line_->cells.push_back(Cell{at, at});
    }
    if (cell_open_) need_sep_ = true;
    cell_open_ = false;
    pending_ = false;
  }

  size_t ascii(size_t i, size_t e, unsigned char c) {
    if (line_->table && c == static_cast<unsigned char>(table_sep_)) {
      sep_origin_ = static_cast<uint32_t>(i);
      close_cell();
      return i + 1;
    }
    switch (c) {
      case ' ': case '\t': case '\f': case '\v': case '\r':
        space(i);
        return i + 1;
      case '*': {
        size_t k = i;
        while (k < e && s_[k] == '*') ++k;
        bool space_after = k >= e || s_[k] == ' ';
        bool space_before = out_len() == 0 || pending_;
        if (space_before && space_after && k - i == 1) {
          if (out_len() == 0) emit_mapped("-", static_cast<uint32_t>(i));  // Markdown bullet
          else emit(i, 1);                                                 // "3 * 4"
        }
        return k;  // emphasis marks are dropped
      }
      case '_': {
        if (i + 1 < e && s_[i + 1] == '_') {
          size_t k = i;
          while (k < e && s_[k] == '_') ++k;
          return k;
        }
        emit(i, 1);
        return i + 1;
      }
      case '\\': {
        for (const auto& l : kLatex) {
          if (starts_with(s_, i, l.cmd)) {
            size_t k = i + l.cmd.size();
            if (k < e && ((s_[k] | 0x20) >= 'a' && (s_[k] | 0x20) <= 'z')) continue;
            emit_mapped(l.utf8, static_cast<uint32_t>(i));
            return k;
          }
        }
        if (i + 1 < e && std::string_view("\\`*_{}[]()#+-.!|<>~\"'").find(s_[i + 1]) != std::string_view::npos) {
          emit(i + 1, 1);  // Markdown escape
          return i + 2;
        }
        emit(i, 1);
        return i + 1;
      }
      case '<':
        return tag(i, e);
      case '[': {
        if (starts_with(s_, i, "[bookmark:") || starts_with(s_, i, "[Bookmark:")) {
          size_t k = s_.find(']', i);
          if (k != std::string_view::npos && k < e) return k + 1;
        }
        if (starts_with(s_, i, "[^")) {
          size_t k = i + 2;
          while (k < e && utf8::is_digit(static_cast<unsigned char>(s_[k]))) ++k;
          if (k > i + 2 && k < e && s_[k] == ']') {
            add_ref(std::string(s_.substr(i + 2, k - i - 2)));
            return k + 1;
          }
        }
        // A footnote reference as plain-text converters write it: "[2]" glued to the word or
        // figure it follows ("125 trường[2], trong đó …", "đạt 73,8%[3]").
        if (out_len() > 0 && i > 0 && !std::isspace(static_cast<unsigned char>(s_[i - 1])) && s_[i - 1] != '[') {
          size_t k = i + 1;
          while (k < e && k < i + 4 && utf8::is_digit(static_cast<unsigned char>(s_[k]))) ++k;
          if (k > i + 1 && k < e && s_[k] == ']' && (k + 1 == e || s_[k + 1] != '(')) {
            std::string id(s_.substr(i + 1, k - i - 1));
            bracket_refs_.insert(id);
            add_ref(id);
            return k + 1;
          }
        }
        emit(i, 1);
        return i + 1;
      }
      default:
        emit(i, 1);
        return i + 1;
    }
  }

  // <sup>, <sub> and formatting tags; anything else is text ("< 5 tuổi").
  size_t tag(size_t i, size_t e) {
    for (std::string_view open : {std::string_view("<sup>"), std::string_view("<sub>")}) {
      if (!starts_with(s_, i, open)) continue;
      std::string close = "</" + std::string(open.substr(1));
      size_t ib = i + open.size();
      size_t ie = s_.find(close, ib);
      if (ie == std::string_view::npos || ie > e || ie - ib > 64) break;
      std::string_view inner = s_.substr(ib, ie - ib);
      bool digits = !inner.empty() && inner.find_first_not_of("0123456789, ") == std::string_view::npos &&
                    utf8::is_digit(static_cast<unsigned char>(inner[0]));
      if (open == "<sup>" && digits) {
        bool unit = (inner == "2" || inner == "3") && !pending_ && ends_with_area_unit(buf_.text, start_);
        if (unit) {
          emit(ib, 1);  // m<sup>3</sup> -> m3
        } else {
          size_t p = 0;
          while (p < inner.size()) {
            size_t q = inner.find(',', p);
            if (q == std::string_view::npos) q = inner.size();
            std::string id;
            for (char ch : inner.substr(p, q - p))
              if (ch != ' ') id.push_back(ch);
            if (!id.empty()) add_ref(id);
            p = q + 1;
          }
        }
      } else {
        // Text inside: emit it, dropping nested tags.
        for (size_t k = ib; k < ie;) {
          if (s_[k] == '<') {
            size_t g = s_.find('>', k);
            if (g != std::string_view::npos && g < ie) { k = g + 1; continue; }
          }
          int len = 0;
          char32_t cp = decode(s_, k, len);
          if (is_space_cp(cp)) space(k);
          else emit(k, static_cast<size_t>(len));
          k += static_cast<size_t>(len);
        }
      }
      return ie + close.size();
    }
    size_t k = i + 1;
    if (k < e && s_[k] == '/') ++k;
    size_t nb = k;
    while (k < e && ((s_[k] | 0x20) >= 'a' && (s_[k] | 0x20) <= 'z')) ++k;
    std::string name(s_.substr(nb, k - nb));
    for (auto& ch : name) ch = static_cast<char>(ch | 0x20);
    if (!name.empty() && std::find(kDroppedTags.begin(), kDroppedTags.end(), name) != kDroppedTags.end()) {
      size_t g = s_.find('>', k);
      if (g != std::string_view::npos && g < e && g - i < 200) {
        if (name == "br") space(i);
        return g + 1;
      }
    }
    emit(i, 1);
    return i + 1;
  }

  size_t superscripts(size_t i, size_t e) {
    std::string id;
    size_t k = i;
    while (k < e) {
      int len = 0;
      char32_t cp = decode(s_, k, len);
      int d = superscript_digit(cp);
      if (d < 0) break;
      id.push_back(static_cast<char>('0' + d));
      k += static_cast<size_t>(len);
    }
    if ((id == "2" || id == "3") && !pending_ && ends_with_area_unit(buf_.text, start_)) {
      emit(i, k - i);  // m², km², m³: units
      return k;
    }
    add_ref(id);
    return k;
  }

  std::string_view s_;
  LineBuffer& buf_;
  CLine* line_ = nullptr;
  size_t start_ = 0;
  bool pending_ = false;
  uint32_t pending_origin_ = 0;
  bool need_sep_ = false;
  bool cell_open_ = false;
  uint32_t cell_b_ = 0;
  uint32_t sep_origin_ = 0;
  char table_sep_ = '\t';
};

constexpr uint64_t kOnes = 0x0101010101010101ULL;
// The high bit of every byte of w that is zero (exactly those bytes).
inline uint64_t zero_bytes(uint64_t w) {
  const uint64_t low7 = 0x7FULL * kOnes;
  return ~(((w & low7) + low7) | w | low7);
}

// How many bytes of x have bit 7 set, when no other bit is set (no popcount instruction needed).
inline uint32_t high_bits(uint64_t x) { return static_cast<uint32_t>(((x >> 7) * kOnes) >> 56); }

// The lines of `s`, with their code points and tabs counted in the same scan.
std::vector<RawLine> split_lines(std::string_view s) {
  std::vector<RawLine> lines;
  lines.reserve(s.size() / 60 + 1);
  const size_t n = s.size();
  const char* d = s.data();
  size_t b = 0;
  for (size_t i = 0;;) {
    size_t nl = i;
    uint32_t cps = 0, tabs = 0;
    // Eight bytes at a time while none of them is a line break.
    for (; nl + 8 <= n; nl += 8) {
      uint64_t w;
      std::memcpy(&w, d + nl, 8);
      if (zero_bytes(w ^ (0x0AULL * kOnes)) | zero_bytes(w ^ (0x0DULL * kOnes))) break;
      cps += 8 - high_bits(w & ~(w << 1) & (0x80ULL * kOnes));
      tabs += high_bits(zero_bytes(w ^ (0x09ULL * kOnes)));
    }
    for (; nl < n; ++nl) {
      const char c = d[nl];
      if (c == '\n' || c == '\r') break;
      cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      tabs += c == '\t';
    }
    if (nl >= n) {
      if (b < n) lines.push_back(RawLine{static_cast<uint32_t>(b), static_cast<uint32_t>(n), static_cast<uint32_t>(n), cps, tabs});
      break;
    }
    lines.push_back(RawLine{static_cast<uint32_t>(b), static_cast<uint32_t>(nl), static_cast<uint32_t>(nl), cps, tabs});
    i = nl + 1;
    if (s[nl] == '\r' && i < n && s[i] == '\n') ++i;
    b = i;
  }
  return lines;
}

std::string_view trim_view(std::string_view v) {
  size_t b = 0, e = v.size();
  while (b < e && (v[b] == ' ' || v[b] == '\t')) ++b;
  while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t')) --e;
  return v.substr(b, e - b);
}

// PDF-extracted text: lines of a nearly constant width, many ending in the space of a wrap.
struct WrapStats {
  bool hard_wrapped = false;
  uint32_t body_width = 0;
};

WrapStats wrap_stats(std::string_view s, const std::vector<RawLine>& lines) {
  WrapStats st;
  std::vector<uint32_t> hist(64, 0);
  size_t nonblank = 0, trailing = 0, long_lines = 0;
  for (const auto& l : lines) {
    std::string_view v = s.substr(l.b, l.e - l.b);
    std::string_view t = trim_view(v);
    if (t.empty()) continue;
    ++nonblank;
    if (!v.empty() && (v.back() == ' ')) ++trailing;
    size_t cps = l.cps;
    if (cps > 250) ++long_lines;
    if (cps >= 30 && cps < 256) ++hist[cps / 4];
  }
  if (nonblank < 10) return st;
  size_t best = 0;
  for (size_t k = 1; k < hist.size(); ++k)
    if (hist[k] > hist[best]) best = k;
  size_t band = 0;
  for (size_t k = best > 3 ? best - 3 : 0; k <= best + 3 && k < hist.size(); ++k) band += hist[k];
  st.body_width = static_cast<uint32_t>(best * 4 + 2);
  bool narrow = st.body_width >= 40 && st.body_width <= 150;
  st.hard_wrapped = narrow && long_lines * 20 < nonblank && (trailing * 10 >= nonblank * 3 || band * 2 >= nonblank);
  return st;
}

// Glued footnote numbers in PDF text. Footnotes are numbered 1, 2, 3... in reading order and each
// is defined by a line starting with its number after it is cited; both facts together separate
// "KH1." (footnote 1) from "COVID-19", "4.0", "UV2+", "H5N1" or "m3".
size_t find_mark_before(std::string_view s, const RawLine& line, int id);

void find_pdf_footnotes(std::string_view s, const std::vector<RawLine>& lines, uint32_t wide,
                        std::vector<Mark>& marks, std::vector<DefPrefix>& defs) {
  defs.assign(lines.size(), DefPrefix{});
  std::unordered_map<int, std::vector<size_t>> def_lines;
  std::vector<DefPrefix> cand(lines.size());
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view v = s.substr(lines[li].b, lines[li].e - lines[li].b);
    size_t k = 0;
    while (k < v.size() && v[k] == ' ') ++k;
    size_t db = k;
    while (k < v.size() && utf8::is_digit(static_cast<unsigned char>(v[k])) && k - db < 4) ++k;
    if (k == db || k - db > 3 || v[db] == '0') continue;
    size_t de = k;
    if (k < v.size() && v[k] == '.') ++k;
    if (k >= v.size() || v[k] != ' ') continue;
    while (k < v.size() && v[k] == ' ') ++k;
    if (k >= v.size()) continue;
    int id = std::stoi(std::string(v.substr(db, de - db)));
    def_lines[id].push_back(li);
    cand[li] = DefPrefix{static_cast<uint32_t>(lines[li].b + k), std::string(v.substr(db, de - db))};
  }
  auto has_def_after = [&](int id, size_t li) {
    auto it = def_lines.find(id);
    if (it == def_lines.end()) return false;
    for (size_t d : it->second)
      if (d > li && d < li + 400) return true;
    return false;
  };
  int expected = 1;
  std::unordered_map<int, size_t> cited;
  std::unordered_map<int, bool> defined;
  auto is_wide = [&](size_t li) {
    return wide > 0 && lines[li].cps > wide;
  };
  size_t last_def_line = 0, last_cite_line = 0;
  int max_defined = 0;
  bool any_def = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    size_t from = lines[li].b;
    if (!cand[li].id.empty()) {
      int id = std::stoi(cand[li].id);
      auto c = cited.find(id);
      if (c != cited.end() && c->second < li && !defined[id]) {
        defined[id] = true;
        defs[li] = cand[li];
        from = cand[li].end;
      } else if (c == cited.end() && !defined[id] && id > max_defined && id <= expected && any_def && li > 0) {
        // The next footnote's text, whose mark the extraction mangled ("I7" for 17): accept it
        // among other footnote text (small-font lines), and look back for its mark.
        size_t pb = li - 1;
        while (pb > 0 && trim_view(s.substr(lines[pb].b, lines[pb].e - lines[pb].b)).empty()) --pb;
        if (is_wide(li) || is_wide(pb) || pb == last_def_line || (pb > 0 && is_wide(pb - 1))) {
          defined[id] = true;
          defs[li] = cand[li];
          from = cand[li].end;
          for (size_t k = li; k-- > last_cite_line && k + 80 > li;) {
            size_t at = find_mark_before(s, lines[k], id);
            if (at != std::string_view::npos) {
              marks.push_back(Mark{static_cast<uint32_t>(at), static_cast<uint32_t>(at + cand[li].id.size()), cand[li].id});
              break;
            }
          }
          if (id == expected) expected = id + 1;
        }
      }
      if (!defs[li].id.empty()) {
        last_def_line = li;
        any_def = true;
        max_defined = std::max(max_defined, id);
      }
    }
    std::string_view v = s.substr(0, lines[li].e);
    for (size_t p = from; p < v.size(); ++p) {
      if (!utf8::is_digit(static_cast<unsigned char>(v[p]))) continue;
      size_t q = p;
      while (q < v.size() && utf8::is_digit(static_cast<unsigned char>(v[q]))) ++q;
      size_t run_b = p;
      p = q;  // continue after this run
      if (run_b == from) continue;
      // What follows: end, space or closing punctuation (not a decimal part, unit or percent).
      if (q < v.size()) {
        char n = v[q];
        if (std::string_view(" .,;:)\"'\t").find(n) == std::string_view::npos && !starts_with(v, q, "”")) continue;
        if ((n == '.' || n == ',') && q + 1 < v.size() && utf8::is_digit(static_cast<unsigned char>(v[q + 1]))) continue;
      }
      char32_t before = utf8::prev_cp(v, run_b);
      size_t before_at = utf8::prev_start(v, run_b);
      bool year_case = false;
      size_t id_b = run_b;
      if (utf8::is_letter(before)) {
        size_t r = before_at;
        while (r > from) {
          size_t pr = utf8::prev_start(v, r);
          int len = 0;
          char32_t pc = decode(v, pr, len);
          if (!utf8::is_letter(pc)) break;
          r = pr;
        }
        if (r > from && utf8::is_digit(static_cast<unsigned char>(v[r - 1]))) continue;  // H5N1
        std::string_view word = v.substr(r, run_b - r);
        if (word.size() == 1 && utf8::is_upper(before)) continue;  // F0, A1
        std::string fw = fold(word);
        if (fw == "m" || fw == "km" || fw == "cm" || fw == "mm" || fw == "dm" || fw == "co" || fw == "so" ||
            fw == "pm" || fw == "h" || fw == "no" || fw == "uv" || fw == "lan" || fw == "ha")
          continue;
      } else if (before == ')' || before == 0x201D || before == '"' || before == '%') {
        // "(riêng tổng đàn trâu giảm nhẹ)5."
      } else if (before == '.') {
        char32_t bb = utf8::prev_cp(v, before_at);
        if (bb == ' ' || utf8::is_digit(bb) || bb == 0 || bb == '.') continue;
      } else if (before == ' ' && q - run_b >= 5 && q - run_b <= 7) {
        // "năm 20237;": a year with the footnote number glued to it.
        int year = std::stoi(std::string(v.substr(run_b, 4)));
        if (year < 1990 || year > 2099 || v[run_b + 4] == '0') continue;
        size_t wb = utf8::prev_start(v, before_at);
        while (wb > from && v[wb - 1] != ' ') wb = utf8::prev_start(v, wb);
        if (fold(v.substr(wb, before_at - wb)) != "nam") continue;
        year_case = true;
        id_b = run_b + 4;
      } else {
        continue;
      }
      if (q - id_b > 3) continue;
      int id = std::stoi(std::string(v.substr(id_b, q - id_b)));
      bool in_sequence = year_case ? id == expected : (id >= expected && id <= expected + 2);
      if (!in_sequence || !has_def_after(id, li)) continue;
      marks.push_back(Mark{static_cast<uint32_t>(id_b), static_cast<uint32_t>(q), std::to_string(id)});
      cited[id] = li;
      last_cite_line = li;
      expected = id + 1;
    }
  }
}

bool is_terminal(std::string_view t);

// Last place in `line` where footnote number `id` is glued to a word or a closing bracket.
size_t find_mark_before(std::string_view s, const RawLine& line, int id) {
  std::string want = std::to_string(id);
  std::string_view v = s.substr(0, line.e);
  size_t found = std::string_view::npos;
  for (size_t p = v.find(want, line.b); p != std::string_view::npos; p = v.find(want, p + 1)) {
    size_t q = p + want.size();
    if (p <= line.b || utf8::is_digit(static_cast<unsigned char>(v[p - 1]))) continue;
    if (q < v.size() && std::string_view(" .,;:)\"'").find(v[q]) == std::string_view::npos) continue;
    if (q + 1 < v.size() && (v[q] == '.' || v[q] == ',') && utf8::is_digit(static_cast<unsigned char>(v[q + 1]))) continue;
    char32_t before = utf8::prev_cp(v, p);
    if (!(utf8::is_lower(before) || before == ')' || before == 0x201D)) continue;
    found = p;
  }
  return found;
}

// Page numbers ("12", "- 12 -", "Trang 12", "12/40") and running headers repeated on every page.
// The running header of a page in text with form feeds (pdftotext): the first non-blank line after a
// '\f', when it is a page number alone ("- 3 -", "Trang 2/15") or ends in one after a run of spaces
// ("Báo cáo tình hình kinh tế - xã hội năm 2024            4"). Body text continued on the new page
// ("phương 1.120,4 tỷ đồng, …") is neither.
std::vector<bool> find_page_headers(std::string_view s, const std::vector<RawLine>& lines) {
  std::vector<bool> out(lines.size(), false);
  if (s.find('\f') == std::string_view::npos) return out;
  bool after_ff = false;
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view raw = s.substr(lines[li].b, lines[li].e - lines[li].b);
    if (raw.find('\f') != std::string_view::npos) after_ff = true;
    std::string_view t = trim_view(raw);
    while (!t.empty() && t.front() == '\f') t = trim_view(t.substr(1));
    if (t.empty() || !after_ff) continue;
    after_ff = false;
    std::string_view bare = t;  // "- 3 -"
    while (!bare.empty() && (bare.front() == '-' || bare.front() == ' ')) bare.remove_prefix(1);
    while (!bare.empty() && (bare.back() == '-' || bare.back() == ' ')) bare.remove_suffix(1);
    if (!bare.empty() && bare.size() <= 3 &&
        std::all_of(bare.begin(), bare.end(), [](char c) { return utf8::is_digit(static_cast<unsigned char>(c)); })) {
      out[li] = true;
      continue;
    }
    size_t e = t.size(), d = e;
    while (d > 0 && utf8::is_digit(static_cast<unsigned char>(t[d - 1]))) --d;
    if (d == e || e - d > 3) continue;
    size_t sp = d;
    while (sp > 0 && t[sp - 1] == ' ') --sp;
    bool alone = sp == 0;
    std::string f = fold(t);
    if (!alone && (d - sp >= 3 || f.rfind("trang ", 0) == 0 || f.rfind("- ", 0) == 0) && !is_terminal(t.substr(0, sp)))
      out[li] = true;
    if (alone) out[li] = true;
  }
  return out;
}

std::vector<bool> find_furniture(std::string_view s, const std::vector<RawLine>& lines) {
  std::vector<bool> out(lines.size(), false);
  std::unordered_map<std::string_view, int> seen;
  for (const auto& l : lines) {
    std::string_view t = trim_view(s.substr(l.b, l.e - l.b));
    if (!t.empty() && t.size() < 80) ++seen[t];
  }
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view t = trim_view(s.substr(lines[li].b, lines[li].e - lines[li].b));
    if (t.empty()) continue;
    // A page number ("- Trang 3/12 -") folds to dashes, spaces, "trang", digits and '/': a line
    // with any other ASCII character is none, and is not folded to be told so.
    const bool may_number = std::all_of(t.begin(), t.end(), [](char ch) {
      const auto u = static_cast<unsigned char>(ch);
      return u >= 0x80 || (u >= '0' && u <= '9') || u == '-' || u == ' ' || u == '/' ||
             std::string_view("trangTRANG").find(ch) != std::string_view::npos;
    });
    std::string f = may_number ? fold(t) : std::string();
    size_t k = 0;
    auto skip = [&](std::string_view chars) {
      while (k < f.size() && chars.find(f[k]) != std::string_view::npos) ++k;
    };
    skip("-- ");
    if (f.compare(k, 5, "trang") == 0) k += 5;
    skip(" ");
    size_t db = k;
    while (k < f.size() && utf8::is_digit(static_cast<unsigned char>(f[k]))) ++k;
    bool number = k > db && k - db <= 3;
    if (number && k < f.size() && f[k] == '/') {
      ++k;
      while (k < f.size() && utf8::is_digit(static_cast<unsigned char>(f[k]))) ++k;
    }
    skip("-- ");
    if (number && k == f.size()) out[li] = true;
    auto it = seen.find(t);
    // A running header stands on its own: not the tail of a wrapped line, nor a sentence.
    bool after_wrap = li > 0 && !lines.empty() && lines[li - 1].e > lines[li - 1].b && s[lines[li - 1].e - 1] == ' ';
    if (it != seen.end() && it->second >= 3 && utf8::count_cps(t) >= 8 && utf8::count_cps(t) <= 70 && !after_wrap &&
        !is_terminal(t)) {
      std::string num;
      size_t rest = 0;
      if (parse_heading_number(t, num, rest) < 0) out[li] = true;
    }
  }
  return out;
}

bool is_terminal(std::string_view t) {
  size_t e = t.size();
  while (e > 0) {
    char c = t[e - 1];
    if (c == ')' || c == '"' || c == '\'' || c == '*' || c == ']') { --e; continue; }
    if (e >= 3 && t.substr(e - 3, 3) == "”") { e -= 3; continue; }
    break;
  }
  if (e == 0) return false;
  char c = t[e - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  return e >= 3 && t.substr(e - 3, 3) == "…";
}

// ")" alone closes nothing, but ".)" does; used to decide whether a paragraph is complete.
char32_t first_letter(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    int len = 0;
    char32_t c = decode(t, i, len);
    if (utf8::is_letter(c)) return c;
    if (utf8::is_digit(c)) return c;
    if (c != '(' && c != '"' && c != 0x201C && c != '\'') return c;
    i += static_cast<size_t>(len);
  }
  return 0;
}

bool starts_lower(std::string_view t) { return utf8::is_lower(first_letter(t)); }

bool is_all_caps(std::string_view t) {
  size_t upper = 0, lower = 0;
  for (size_t i = 0; i < t.size();) {
    int len = 0;
    char32_t c = decode(t, i, len);
    if (utf8::is_upper(c)) ++upper;
    else if (utf8::is_lower(c)) ++lower;
    i += static_cast<size_t>(len);
  }
  return upper >= 4 && lower * 10 <= upper;
}

bool is_list_start(std::string_view t) {
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '+') && t[1] == ' ') return true;
  return starts_with(t, 0, "• ") || starts_with(t, 0, "– ") || starts_with(t, 0, "- ");
}

bool multi_sentence(std::string_view t) {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] == '.' && t[i + 1] == ' ') {
      int len = 0;
      char32_t c = decode(t, i + 2, len);
      if (utf8::is_upper(c) && i > 0 && !utf8::is_digit(static_cast<unsigned char>(t[i - 1]))) return true;
    }
  }
  return false;
}

struct LBlock {
  BlockKind kind = BlockKind::Paragraph;
  std::vector<uint32_t> lines;
  int style = -1;
  std::string number;
  std::string fn_id;
};

}  // namespace

int parse_heading_number(std::string_view t, std::string& number, size_t& rest) {
  number.clear();
  rest = 0;
  if (t.empty()) return -1;
  auto after_number = [&](size_t k) -> bool {  // the title starts after spaces (or the line ends)
    if (k < t.size() && t[k] != ' ') return false;
    rest = k;
    while (rest < t.size() && t[rest] == ' ') ++rest;
    return true;
  };
  // "Phần thứ nhất", "PHẦN II", "Chương 1" (only a line whose first letter may fold to p or c)
  const unsigned char first = static_cast<unsigned char>(t[0]);
  if (first >= 0x80 || (first | 0x20) == 'p' || (first | 0x20) == 'c') {
    std::string head = fold(t.substr(0, std::min<size_t>(t.size(), 40)));
    for (std::string_view w : {std::string_view("phan thu "), std::string_view("phan "), std::string_view("chuong ")}) {
      if (head.compare(0, w.size(), w) != 0) continue;
      size_t sp = 0;  // end of the next word after the keyword, in the original
      size_t words = (w == "phan thu ") ? 3 : 2;
      size_t k = 0;
      for (size_t n = 0; n < words && k < t.size(); ++n) {
        while (k < t.size() && t[k] == ' ') ++k;
        while (k < t.size() && t[k] != ' ' && t[k] != ':' && t[k] != '.') ++k;
      }
      sp = k;
      if (sp <= w.size()) continue;
      if (w != "phan thu ") {
        // "Phần II", "Chương 1", not "Chương trình", "phần lớn"
        std::string nw = fold(t.substr(w.size(), sp - w.size()));
        if (nw.empty() || nw.find_first_not_of("ivxl0123456789") != std::string::npos) continue;
      }
      number = std::string(t.substr(0, sp));
      size_t r = sp;
      while (r < t.size() && (t[r] == ':' || t[r] == '.' || t[r] == ' ' || t[r] == '-')) ++r;
      rest = r;
      return kStylePart;
    }
  }
  unsigned char c0 = static_cast<unsigned char>(t[0]);
  // Roman numerals
  if (std::string_view("IVXL").find(static_cast<char>(c0)) != std::string_view::npos) {
    size_t k = 0;
    while (k < t.size() && k < 7 && std::string_view("IVXLC").find(t[k]) != std::string_view::npos) ++k;
    if (k < t.size() && (t[k] == '.' || t[k] == ')') && after_number(k + 1)) {
      number = std::string(t.substr(0, k + 1));
      return kStyleRoman;
    }
  }
  // Upper-case letter "A.", "B)"
  {
    int len = 0;
    char32_t c = decode(t, 0, len);
    if ((utf8::is_upper(c) && c < 0x80) || c == 0x0110) {
      size_t k = static_cast<size_t>(len);
      if (k < t.size() && (t[k] == '.' || t[k] == ')') && after_number(k + 1)) {
        number = std::string(t.substr(0, k + 1));
        return kStyleUpperLetter;
      }
    }
    if ((c >= 'a' && c <= 'z') || c == 0x0111) {
      size_t k = static_cast<size_t>(len);
      if (k < t.size() && (t[k] == ')' || t[k] == '.') && after_number(k + 1)) {
        number = std::string(t.substr(0, k + 1));
        return kStyleLowerLetter;
      }
    }
  }
  // Arabic "1.", "1.2.", "1.2.3", "2)"
  if (utf8::is_digit(c0)) {
    size_t k = 0;
    int parts = 0;
    bool closed = false;
    while (k < t.size()) {
      size_t db = k;
      while (k < t.size() && utf8::is_digit(static_cast<unsigned char>(t[k]))) ++k;
      if (k == db || k - db > 2) return -1;
      ++parts;
      if (k < t.size() && t[k] == '.') {
        ++k;
        closed = true;
        if (k < t.size() && utf8::is_digit(static_cast<unsigned char>(t[k]))) { closed = false; continue; }
        break;
      }
      if (k < t.size() && t[k] == ')') { ++k; closed = true; }
      break;
    }
    if (!closed && parts < 2) return -1;
    if (!closed) {  // "1.2 Title": only before a capital letter
      if (k + 1 >= t.size() || t[k] != ' ') return -1;
      int len = 0;
      if (!utf8::is_upper(decode(t, k + 1, len))) return -1;
    }
    if (!after_number(k)) return -1;
    number = std::string(t.substr(0, k));
    return kStyleArabic1 + std::min(parts, 4) - 1;
  }
  if (is_list_start(t)) {
    size_t k = t.find(' ');
    number = std::string(t.substr(0, k));
    after_number(k);
    return kStyleDash;
  }
  return -1;
}

Layout build_layout(std::string_view s) {
  Layout out;
  std::vector<RawLine> raw = split_lines(s);
  WrapStats ws = wrap_stats(s, raw);
  const bool pdf = ws.hard_wrapped;
  out.reflowed = pdf;
  std::vector<Mark> marks;
  std::vector<DefPrefix> defs;
  std::vector<bool> furniture;
  if (pdf) {
    find_pdf_footnotes(s, raw, ws.body_width + ws.body_width / 5, marks, defs);
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.b < b.b; });
    furniture = find_furniture(s, raw);
  }
  const std::vector<bool> page_headers = find_page_headers(s, raw);
  LineBuffer buf;
  buf.text.reserve(s.size());
  buf.origin.reserve(s.size());
  std::vector<CLine> lines(raw.size());
  {
    LineCleaner cleaner(s, buf);
    size_t mark_i = 0;
    for (size_t li = 0; li < raw.size(); ++li) {
      const DefPrefix* def = (pdf && !defs[li].id.empty()) ? &defs[li] : nullptr;
      cleaner.clean(raw[li], lines[li], marks, mark_i, def);
      if ((pdf && furniture[li]) || page_headers[li]) lines[li].furniture = true;
    }
  }
  auto text_of = [&](const CLine& l) { return std::string_view(buf.text).substr(l.b, l.e - l.b); };

  // Group lines into blocks.
  std::vector<LBlock> blocks;
  int cur = -1, last_body = -1, last_fn = -1;
  bool blank_since = false;
  bool page_break_since = false;  // a form feed or a page header since the last line
  const uint32_t wide = ws.body_width + ws.body_width / 5;
  auto last_line = [&](int b) -> const CLine& { return lines[blocks[static_cast<size_t>(b)].lines.back()]; };
  auto open_block = [&](int b) { return b >= 0 && !is_terminal(text_of(last_line(b))); };
  for (uint32_t li = 0; li < lines.size(); ++li) {
    CLine& l = lines[li];
    if (std::string_view(s).substr(raw[li].b, raw[li].e - raw[li].b).find('\f') != std::string_view::npos ||
        page_headers[li])
      page_break_since = true;
    if (l.furniture) continue;
    if (l.blank) {
      blank_since = true;
      continue;
    }
    std::string_view t = text_of(l);
    bool lower = starts_lower(t);
    const CLine* prev = cur >= 0 ? &last_line(cur) : nullptr;
    BlockKind cur_kind = cur >= 0 ? blocks[static_cast<size_t>(cur)].kind : BlockKind::Paragraph;
    bool prev_terminal = prev ? is_terminal(text_of(*prev)) : true;
    std::string number;
    size_t rest = 0;
    int style = parse_heading_number(t, number, rest);
    auto start_block = [&](BlockKind kind) {
      LBlock nb;
      nb.kind = kind;
      nb.lines.push_back(li);
      blocks.push_back(std::move(nb));
      cur = static_cast<int>(blocks.size()) - 1;
      return &blocks.back();
    };
    if (!l.fn_def.empty()) {
      LBlock* b = start_block(BlockKind::Footnote);
      b->fn_id = l.fn_def;
      last_fn = cur;
      blank_since = false;
      continue;
    }
    if (l.table) {
      start_block(BlockKind::TableRow);
      blank_since = false;
      continue;
    }
    // PDF: a line after one that ends in the space of a wrap continues it (page breaks leave
    // blank lines inside paragraphs), unless it clearly starts something new.
    bool numbered = style >= 0 && style < kStyleDash;
    bool wrapped = pdf && prev && prev->trail_space && !l.lead_space && cur_kind != BlockKind::TableRow &&
                   !(numbered && prev_terminal) && !(style == kStyleDash && prev_terminal && cur_kind != BlockKind::Footnote);
    bool wrap_continues = wrapped;
    bool small_font = pdf && ws.body_width > 0 && l.raw_cps > wide;
    if (pdf && !wrap_continues && small_font && last_fn >= 0 && !l.lead_space && !numbered &&
        (cur == last_fn || cur_kind == BlockKind::Heading || blank_since || style == kStyleDash)) {
      // Footnote text (smaller font, longer lines) continued after a list break or a page break.
      if (cur == last_fn) {
        blocks[static_cast<size_t>(cur)].lines.push_back(li);
      } else {
        LBlock* b = start_block(BlockKind::Footnote);
        b->fn_id = blocks[static_cast<size_t>(last_fn)].fn_id;
        last_fn = cur;
      }
      blank_since = false;
      continue;
    }
    bool heading = false;
    if (!wrap_continues) {
      uint32_t cps = static_cast<uint32_t>(utf8::count_cps(t));
      bool ends_sentence = !t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == ',');
      if (l.md_level > 0 || l.bold_only) heading = true;
      else if (numbered && cps <= 160 && !multi_sentence(t.substr(rest)) && !ends_sentence) heading = true;
      else if (style == kStyleDash && cps <= 100 && !t.empty() && t.back() == ':') heading = true;
      else if (style < 0 && cps <= 200 && is_all_caps(t) && !lower) heading = true;
      if (pdf && heading && !(l.md_level > 0) && !(style >= 0) && !prev_terminal && prev && !blank_since) heading = false;
    }
    if (heading) {
      LBlock* b = start_block(BlockKind::Heading);
      b->style = style >= 0 ? style : kStyleUnnumbered * 10 + l.md_level;
      b->number = number;
      blank_since = false;
      continue;
    }
    bool list = !wrap_continues && style == kStyleDash;
    bool join = false;
    int target = cur;
    if (pdf && list && cur_kind == BlockKind::Footnote && !l.lead_space && !blank_since) {
      list = false;  // a list inside a footnote ("như sau:" then "- ...")
      wrap_continues = true;
    }
    if (cur >= 0 && !list) {
      if (pdf) {
        if (wrap_continues) {
          join = true;
        } else if (l.lead_space && cur_kind == BlockKind::Footnote && last_body >= 0 && open_block(last_body) &&
                   !numbered) {
          join = true;  // the next page's body resumes the sentence the footnotes interrupted
          target = last_body;
        } else if (lower && cur_kind == BlockKind::Footnote && last_body >= 0 && open_block(last_body) &&
                   (blank_since || l.lead_space || !prev->trail_space)) {
          join = true;  // the body sentence resumes after footnotes dropped in at a page break
          target = last_body;
        } else if (lower && !prev_terminal && cur_kind != BlockKind::TableRow) {
          join = true;
        }
      } else {
        if (!blank_since && !prev_terminal && (cur_kind != BlockKind::Heading || lower)) {
          join = cur_kind != BlockKind::TableRow;
        } else if (blank_since && lower && (cur_kind == BlockKind::Paragraph || cur_kind == BlockKind::Footnote)) {
          if (cur_kind == BlockKind::Footnote && last_body >= 0 && open_block(last_body)) {
            join = true;
            target = last_body;
          } else if (cur_kind == BlockKind::Paragraph && !prev_terminal) {
            join = true;
          }
        }
      }
    }
    // "… gồm trâu 3.120 con, bò" ‹page break, header› "4.210 con, lợn 5.120 con.": the sentence goes on
    // on the next page, whatever its first character.
    if (!join && page_break_since && cur >= 0 && !list && cur_kind == BlockKind::Paragraph && !prev_terminal &&
        !numbered)
      join = true;
    if (join && target >= 0) {
      blocks[static_cast<size_t>(target)].lines.push_back(li);
      cur = target;
      if (blocks[static_cast<size_t>(target)].kind == BlockKind::Paragraph) last_body = target;
    } else {
      start_block(BlockKind::Paragraph);
      last_body = cur;
    }
    blank_since = false;
    page_break_since = false;
  }

  // Emit blocks: lines joined by a space that maps to the line break it replaces.
  out.text.reserve(buf.text.size() + blocks.size());
  out.origin.reserve(buf.text.size() + blocks.size());
  uint32_t sep_origin = 0;
  for (const LBlock& lb : blocks) {
    if (!out.text.empty()) {
      out.text.push_back('\n');
      out.origin.push_back(sep_origin);
    }
    Block blk;
    blk.kind = lb.kind;
    auto bb = static_cast<uint32_t>(out.text.size());
    for (size_t k = 0; k < lb.lines.size(); ++k) {
      const CLine& l = lines[lb.lines[k]];
      if (k > 0) {
        const CLine& pl = lines[lb.lines[k - 1]];
        std::string_view pt = std::string_view(buf.text).substr(pl.b, pl.e - pl.b);
        // "Nghị quyết số 78/2021/NQ-" + "HĐND": a document number cut at its hyphen.
        bool glued = pt.size() >= 2 && (pt.back() == '-' || pt.back() == '/') && pt[pt.size() - 2] != ' ' &&
                     !pl.trail_space && l.b < l.e && buf.text[l.b] != ' ';
        if (!glued) {
          out.text.push_back(' ');
          out.origin.push_back(pl.nl);
        }
      }
      auto base = static_cast<uint32_t>(out.text.size());
      for (const auto& r : l.refs) {
        FootnoteRef fr;
        fr.offset = base + r.first;
        fr.id = r.second;
        out.footnote_refs.push_back(std::move(fr));
      }
      for (const Cell& c : l.cells) {
        blk.cell_spans.push_back(Span{base + c.b, base + c.e});
        blk.cells.emplace_back(std::string_view(buf.text).substr(l.b + c.b, c.e - c.b));
      }
      out.text.append(buf.text, l.b, l.e - l.b);
      out.origin.insert(out.origin.end(), buf.origin.data() + l.b, buf.origin.data() + l.e);
    }
    blk.span = Span{bb, static_cast<uint32_t>(out.text.size())};
    const CLine& ll = lines[lb.lines.back()];
    sep_origin = ll.nl < s.size() ? ll.nl : (out.origin.empty() ? 0 : out.origin.back());
    if (lb.kind == BlockKind::Heading) blk.number = lb.number;
    if (lb.kind == BlockKind::Footnote) blk.number = lb.fn_id;
    out.heading_style.push_back(lb.kind == BlockKind::Heading ? lb.style : -1);
    out.blocks.push_back(std::move(blk));
  }
  return out;
}

}  // namespace doisoat
