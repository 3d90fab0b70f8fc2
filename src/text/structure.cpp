#include "text/structure.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/layout.h"
#include "text/utf8.h"

namespace doisoat {

void build_sections(Document& doc, const std::vector<int>& heading_style) {
  std::vector<int> stack;  // numbering styles currently open, outermost first
  int current = -1;
  for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    Block& b = doc.blocks[bi];
    if (b.kind == BlockKind::Heading) {
      int style = bi < heading_style.size() ? heading_style[bi] : -1;
      int level;
      if (style >= 0 && style < kStyleUnnumbered) {
        auto it = std::find(stack.begin(), stack.end(), style);
        if (it != stack.end()) {
          stack.erase(it + 1, stack.end());
        } else {
          stack.push_back(style);
        }
        level = static_cast<int>(stack.size());
      } else {
        level = static_cast<int>(stack.size()) + 1;  // an unnumbered heading nests in the open section
      }
      b.level = level;
      Section sec;
      sec.number = b.number;
      std::string_view t = doc.slice(b.span);
      std::string num;
      size_t rest = 0;
      if (!b.number.empty() && parse_heading_number(t, num, rest) >= 0) t.remove_prefix(std::min(rest, t.size()));
      sec.title = std::string(t);
      sec.level = level;
      sec.span = b.span;
      int p = current;
      while (p >= 0 && doc.sections[static_cast<size_t>(p)].level >= level) p = doc.sections[static_cast<size_t>(p)].parent;
      sec.parent = p;
      doc.sections.push_back(std::move(sec));
      current = static_cast<int>(doc.sections.size()) - 1;
    }
    b.section = current;
  }
}

namespace {

// Words that end with a period without ending the sentence ("TP. Bắc Kạn", "ThS. Nguyễn").
constexpr std::array<std::string_view, 22> kAbbreviations{
    "TP", "Tp", "tp", "ThS", "Ths", "TS", "PGS", "GS", "BS", "KS", "CN", "Th.S", "PGS.TS", "GS.TS", "TX", "TT",
    "Q", "P", "St", "Đ/c", "đ/c", "ĐC"};

bool is_abbreviation(std::string_view w) {
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end()) return true;
  int len = 0;
  if (!w.empty() && utf8::is_upper(utf8::decode(w, 0, len)) && static_cast<size_t>(len) == w.size()) return true;  // initials
  return false;
}

bool closing(std::string_view t, size_t i, size_t& len) {
  char c = t[i];
  if (c == ')' || c == '"' || c == '\'' || c == ']' || c == '.') { len = 1; return true; }
  if (t.substr(i, 3) == "”" || t.substr(i, 3) == "’") { len = 3; return true; }
  return false;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
// The high bit of every byte of w that is zero.
inline uint64_t zero_bytes(uint64_t w) {
  const uint64_t low7 = 0x7FULL * kOnes;
  return ~(((w & low7) + low7) | w | low7);
}

inline bool may_end(unsigned char c) { return c == '.' || c == '!' || c == '?' || c == 0xE2; }

// The first offset in [i, e) that may end a sentence ('.', '!', '?' or the lead byte of "…"),
// or e: eight bytes at a time.
size_t next_mark(std::string_view t, size_t i, size_t e) {
  for (; i + 8 <= e; i += 8) {
    uint64_t w;
    std::memcpy(&w, t.data() + i, 8);
    if (zero_bytes(w ^ ('.' * kOnes)) | zero_bytes(w ^ ('!' * kOnes)) | zero_bytes(w ^ ('?' * kOnes)) |
        zero_bytes(w ^ (0xE2 * kOnes)))
      break;
  }
  while (i < e && !may_end(static_cast<unsigned char>(t[i]))) ++i;
  return i;
}

}  // namespace

std::vector<Span> sentence_spans(std::string_view t, uint32_t b, uint32_t e) {
  std::vector<Span> out;
  auto push = [&](size_t sb, size_t se) {
    while (sb < se && t[sb] == ' ') ++sb;
    while (se > sb && t[se - 1] == ' ') --se;
    if (se > sb) out.push_back(Span{static_cast<uint32_t>(sb), static_cast<uint32_t>(se)});
  };
  size_t start = b;
  for (size_t i = b; i < e; ++i) {
    i = next_mark(t, i, e);
    if (i >= e) break;
    char c = t[i];
    size_t mark_len = 0;
    if (c == '.' || c == '!' || c == '?') mark_len = 1;
    else if (c == '\xE2' && t.substr(i, 3) == "…") mark_len = 3;
    if (mark_len == 0) continue;
    size_t end = i + mark_len;
    size_t cl = 0;
    while (end < e && closing(t, end, cl)) end += cl;
    if (end >= e || t[end] != ' ') continue;
    size_t next = end;
    while (next < e && t[next] == ' ') ++next;
    if (next >= e) break;
    int len = 0;
    char32_t nc = utf8::decode(t, next, len);
    bool opener = utf8::is_upper(nc) || utf8::is_digit(nc) || nc == '(' || nc == 0x201C || nc == '"' || nc == '-' ||
                  nc == 0x2022 || nc == '+';
    if (!opener) continue;
    if (c == '.') {
      size_t ws = i;
      while (ws > b && t[ws - 1] != ' ' && t[ws - 1] != '(') --ws;
      std::string_view word = t.substr(ws, i - ws);
      if (is_abbreviation(word)) continue;
    }
    push(start, end);
    start = next;
    i = next - 1;
  }
  push(start, e);
  return out;
}

void split_sentences(Document& doc) {
  doc.sentences.clear();
  for (uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const Block& b = doc.blocks[bi];
    for (const Span& s : sentence_spans(doc.text, b.span.begin, b.span.end)) {
      Sentence sen;
      sen.span = s;
      sen.block = bi;
      doc.sentences.push_back(sen);
    }
  }
}

}  // namespace doisoat
