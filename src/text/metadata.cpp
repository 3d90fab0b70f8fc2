#include "text/metadata.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include <unicode/unistr.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace doisoat {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a number at folded[i]; returns digits count.
size_t read_int(std::string_view f, size_t i, int& value) {
  size_t k = i;
  value = 0;
  while (k < f.size() && is_digit(f[k]) && k - i < 5) value = value * 10 + (f[k++] - '0');
  return k - i;
}

int roman_value(std::string_view r) {
  if (r == "i") return 1;
  if (r == "ii") return 2;
  if (r == "iii") return 3;
  if (r == "iv") return 4;
  return 0;
}

bool word_start(std::string_view f, size_t i) {
  return i == 0 || !(std::isalnum(static_cast<unsigned char>(f[i - 1])));
}

struct Match {
  size_t pos = std::string::npos;
  PeriodInfo info;
};

// Earliest period phrase in folded text `f`.
// With `skip_targets`, a period named as a target ("nhiệm vụ năm 2025", "kế hoạch năm 2024",
// "mục tiêu …", "phương hướng …" right before it) is not the text's own: the period of a text
// with no title is the first it reports on.
Match find_period(std::string_view f, int default_year, bool skip_targets = false) {
  Match best;
  auto target_before = [&](size_t pos) {
    const std::string_view before = f.substr(pos > 24 ? pos - 24 : 0, pos > 24 ? 24 : pos);
    for (std::string_view w : {"nhiem vu ", "ke hoach ", "muc tieu ", "phuong huong ", "du bao ", "ky vong ", "kich ban "})
      if (before.find(w) != std::string_view::npos) return true;
    return false;
  };
  auto consider = [&](size_t pos, PeriodInfo info) {
    if (skip_targets && target_before(pos)) return;
    if (pos < best.pos) {
      best.pos = pos;
      best.info = std::move(info);
    }
  };
  auto year_after = [&](size_t from, int& year) -> size_t {
    // " nam 2023" | "/2023" | " 2023"
    size_t k = from;
    while (k < f.size() && f[k] == ' ') ++k;
    if (f.compare(k, 3, "nam") == 0) {
      k += 3;
      while (k < f.size() && f[k] == ' ') ++k;
    } else if (k < f.size() && f[k] == '/') {
      ++k;
    }
    size_t n = read_int(f, k, year);
    if (n == 4 && year >= 1990 && year <= 2100) return k + 4;
    year = 0;
    return std::string::npos;
  };
  for (size_t i = 0; i < f.size(); ++i) {
    // Every period phrase starts with a digit, "quy ", "thang " or "nam ".
    const char c0 = f[i];
    if (!is_digit(c0) && c0 != 'q' && c0 != 't' && c0 != 'n') continue;
    if (!word_start(f, i)) continue;
    int n = 0;
    size_t nd = is_digit(f[i]) ? read_int(f, i, n) : 0;
    if (nd >= 1 && nd <= 2 && f.compare(i + nd, 7, " thang ") == 0) {
      // "6 tháng đầu năm 2023", "6 tháng cuối năm", "9 tháng năm 2023", "9 tháng"
      size_t k = i + nd + 7;
      bool first = f.compare(k, 3, "dau") == 0, last = f.compare(k, 4, "cuoi") == 0;
      // (Clamped: "dau"/"cuoi" at the very end of the text has no space after it; issue 14.)
      if (first) k = std::min(k + 4, f.size());
      if (last) k = std::min(k + 5, f.size());
      int year = 0;
      size_t ye = std::string::npos;
      if (f.compare(k, 3, "nam") == 0) ye = year_after(k, year);
      if (year == 0) year = default_year;
      if (year == 0 || n < 1 || n > 12) continue;
      PeriodInfo p;
      std::string y = std::to_string(year);
      if (n == 6 && last) { p.key = y + "-H2"; p.period = "6 tháng cuối năm " + y; }
      else if (n == 6) { p.key = y + "-H1"; p.period = "6 tháng đầu năm " + y; }
      else if (n == 3) { p.key = y + "-Q1"; p.period = "3 tháng đầu năm " + y; }
      else if (n == 12) { p.key = y; p.period = "năm " + y; }
      else { p.key = y + "-" + std::to_string(n) + "M"; p.period = std::to_string(n) + " tháng năm " + y; }
      (void)ye;
      consider(i, std::move(p));
      continue;
    }
    if (c0 == 'q' && f.compare(i, 4, "quy ") == 0) {
      size_t k = i + 4, rb = k;
      while (k < f.size() && (f[k] == 'i' || f[k] == 'v')) ++k;
      int q = roman_value(f.substr(rb, k - rb));
      if (q == 0 && k < f.size() && is_digit(f[k]) && (k + 1 >= f.size() || !is_digit(f[k + 1]))) { q = f[k] - '0'; ++k; }
      if (q < 1 || q > 4) continue;
      int year = 0;
      year_after(k, year);
      if (year == 0) year = default_year;
      if (year == 0) continue;
      static const std::array<const char*, 4> kRoman{"I", "II", "III", "IV"};
      PeriodInfo p;
      p.key = std::to_string(year) + "-Q" + std::to_string(q);
      p.period = std::string("quý ") + kRoman[static_cast<size_t>(q - 1)] + "/" + std::to_string(year);
      consider(i, std::move(p));
      continue;
    }
    if (c0 == 't' && f.compare(i, 6, "thang ") == 0) {
      int m = 0;
      size_t md = read_int(f, i + 6, m);
      if (md < 1 || md > 2 || m < 1 || m > 12) continue;
      // "tháng 9-10/2023" is two months: no one period.
      if (i + 6 + md < f.size() && f[i + 6 + md] == '-') continue;
      int year = 0;
      year_after(i + 6 + md, year);
      if (year == 0) year = default_year;
      if (year == 0) continue;
      PeriodInfo p;
      // "tính đến hết tháng 5", "lũy kế đến tháng 5", "từ đầu năm đến tháng 5": the months up to
      // it, as "5 tháng" is; "tháng 5" alone is the month.
      auto ends_with = [&](std::string_view w) { return i >= w.size() && f.compare(i - w.size(), w.size(), w) == 0; };
      if (ends_with("den het ") || ends_with("den cuoi ") || ends_with("den ") || ends_with("luy ke ") || ends_with("luy ke het ")) {
        p.key = std::to_string(year) + "-" + std::to_string(m) + "M";
        p.period = std::to_string(m) + " tháng năm " + std::to_string(year);
        if (m == 12) p.key = std::to_string(year);
        if (m == 6) p.key = std::to_string(year) + "-H1";
        if (m == 3) p.key = std::to_string(year) + "-Q1";
        consider(i, std::move(p));
        continue;
      }
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, m);
      p.key = buf;
      p.period = "tháng " + std::to_string(m) + "/" + std::to_string(year);
      consider(i, std::move(p));
      continue;
    }
    if (c0 == 'n' && f.compare(i, 4, "nam ") == 0) {
      int year = 0;
      size_t nd2 = read_int(f, i + 4, year);
      if (nd2 != 4 || year < 1990 || year > 2100) continue;
      if (i + 8 < f.size() && (is_digit(f[i + 8]) || f[i + 8] == '-')) continue;  // "năm 2021-2025"
      PeriodInfo p;
      p.key = std::to_string(year);
      p.period = "năm " + std::to_string(year);
      consider(i, std::move(p));
    }
  }
  return best;
}

int first_year(std::string_view f) {
  for (size_t i = 0; i + 4 <= f.size(); ++i) {
    if (!word_start(f, i)) continue;
    int y = 0;
    if (read_int(f, i, y) == 4 && y >= 1990 && y <= 2100) return y;
  }
  return 0;
}

struct LevelWord {
  std::string_view folded;
  std::string_view canonical;
};
constexpr std::array<LevelWord, 8> kLevels{{{"thanh pho", "thành phố"},
                                            {"thi xa", "thị xã"},
                                            {"tinh", "tỉnh"},
                                            {"huyen", "huyện"},
                                            {"quan", "quận"},
                                            {"thi tran", "thị trấn"},
                                            {"phuong", "phường"},
                                            {"xa", "xã"}}};

// Capitalised words that open a sentence and are in no place name ("Toàn huyện …", "Trong đó …").
bool opens_sentence(std::string_view w) {
  static const std::array<std::string_view, 20> words{"toàn", "trong", "theo", "tổng", "đến", "các", "tháng",
                                                      "ngày", "về", "tại", "trên", "sau", "có", "đã", "là",
                                                      "những", "kết", "ước", "thực", "được"};
  std::string lower;
  icu::UnicodeString::fromUTF8(w).toLower().toUTF8String(lower);
  return std::find(words.begin(), words.end(), lower) != words.end();
}


// "tỉnh Cao Bằng" -> counts by (level, name) over the whole text; names are capitalised words.
/// `all` is the fold of `text` (read_metadata folds the text once).
// Communes (xã, phường, thị trấn) issue reports too, but a district's or province's text names
// its communes far more often than itself: they count only when the header names one as issuer.
bool commune_level(std::string_view canonical) {
  return canonical == "xã" || canonical == "phường" || canonical == "thị trấn";
}

// One occurrence of a level word: `op` and `ob` are the original offsets of the word and of the
// space after it. Counts (level, name) when the word is written as the level word and capitalised
// words follow it.
using RegionCounts = std::map<std::pair<std::string, std::string>, int>;
using WrittenForms = std::array<std::set<std::string, std::less<>>, kLevels.size()>;
void count_level_word(std::string_view text, const LevelWord& lw, size_t op, size_t ob, const WrittenForms& written_forms,
                      RegionCounts& counts) {
  // The fold drops tones: "TÌNH HÌNH" folds like "tỉnh"; the written word must be the level word
  // (its lower case; the usual spellings of it are known without asking ICU).
  const std::string_view as_written = text.substr(op, ob - op);
  if (!written_forms[size_t(&lw - kLevels.data())].count(as_written)) {
    std::string written;
    icu::UnicodeString::fromUTF8(as_written).toLower().toUTF8String(written);
    if (written != lw.canonical) return;
  }
  // Collect up to 3 capitalised words.
  std::string name;
  size_t k = ob;
  int words = 0;
  while (words < 3 && k < text.size() && text[k] == ' ') {
    size_t wb = k + 1;
    int len = 0;
    if (wb >= text.size() || !utf8::is_upper(utf8::decode(text, wb, len))) break;
    size_t we = wb;
    bool stop = false;
    while (we < text.size() && text[we] != ' ') {
      char c = text[we];
      if (c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(' || c == '\n') { stop = true; break; }
      ++we;
    }
    // A paragraph's lines are joined: "… của UBND huyện Mường Tè\nToàn huyện có …" must not
    // read "Tè Toàn". Words that open sentences are never part of a place name.
    if (!name.empty() && opens_sentence(text.substr(wb, we - wb))) break;
    if (!name.empty()) name.push_back(' ');
    name.append(text.substr(wb, we - wb));
    ++words;
    k = we;
    if (stop) break;
  }
  if (name.empty() || utf8::count_cps(name) < 3) return;
  // "TỈNH QUẢNG TRỊ" in a capitalised title block names the same region as "tỉnh Quảng Trị".
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  if (icu::UnicodeString(u).toUpper() == u) {
    name.clear();
    u.toTitle(nullptr).toUTF8String(name);
  }
  ++counts[{std::string(lw.canonical), name}];
}

// (`communes`: count xã, phường, thị trấn names too; only a commune's own report needs them, and
// "phuong" also folds every "phương".)
// Per level word: spellings whose lower case is the word (itself, capitalised, in capitals).
const WrittenForms& level_written_forms() {
  static const auto forms = [] {
    WrittenForms f;
    for (size_t i = 0; i < kLevels.size(); ++i) {
      const icu::UnicodeString word = icu::UnicodeString::fromUTF8(kLevels[i].canonical);
      icu::UnicodeString upper(word), title(word);
      upper.toUpper();
      title.replace(0, 1, icu::UnicodeString(word, 0, 1).toUpper());
      for (const icu::UnicodeString& u : {word, upper, title}) {
        std::string form, lower;
        u.toUTF8String(form);
        icu::UnicodeString(u).toLower().toUTF8String(lower);
        if (lower == kLevels[i].canonical) f[i].insert(form);
      }
    }
    return f;
  }();
  return forms;
}

// The fold of the text at `i` onwards, one code point at a time, as vfold folds it (decoded as
// vfold decodes it: from an ASCII byte on, or the start, the code points are the whole text's).
struct FoldReader {
  explicit FoldReader(std::string_view t) : text(t) {}
  std::string_view text;
  const VfoldEntry* table = vfold_entries();
  std::string tmp;
  char ascii = 0;
  /// The fold of the code point at i (advanced past it).
  std::string_view next(size_t& i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ascii = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      return std::string_view(&ascii, 1);
    }
    const char32_t c = decode_utf8(text, i);
    const VfoldEntry* e = vfold_entry(table, c);
    if (e && e->n != 0xFF) return std::string_view(e->s, e->n);
    tmp = fold_code_point(c);
    return tmp;
  }
};

// count_regions on the text itself, with no fold of the whole of it. A level word counts only
// when written as the level word (its lower case), which starts with an ASCII letter: so each
// occurrence the fold has starts at an ASCII byte of the text that is that letter in either case,
// where the fold from that byte reads the folded word and a space, after a folded byte that is no
// letter or digit (or nothing). The same occurrences, found from the text's side.
RegionCounts count_regions(std::string_view text, bool communes) {
  RegionCounts counts;
  const WrittenForms& written_forms = level_written_forms();
  std::array<uint8_t, 256> opens{};  // ASCII byte (either case) -> the level words (bits) it opens
  for (size_t li = 0; li < kLevels.size(); ++li)
    if (communes || !commune_level(kLevels[li].canonical)) {
      const auto c = static_cast<unsigned char>(kLevels[li].folded[0]);
      opens[c] |= static_cast<uint8_t>(1u << li);
      opens[static_cast<unsigned char>(std::toupper(c))] |= static_cast<uint8_t>(1u << li);
    }
  FoldReader fold(text);
  // Is the folded byte before the fold of the code point at q (an ASCII byte) no letter or digit?
  // (std::isalnum in the "C" locale, which the program never changes: ASCII letters and digits.)
  auto alnum = [](unsigned c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); };
  const VfoldEntry* table = vfold_entries();
  auto cont = [&](size_t k) { return (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80; };
  auto word_start_at = [&](size_t q) {
    if (q == 0) return true;
    const auto prev = static_cast<unsigned char>(text[q - 1]);
    if (prev < 0x80) return !alnum(prev);
    // A two- or three-byte code point just before q (its lead byte is no continuation byte, so the
    // text's decoding starts a code point there) whose fold is not empty: its last folded byte.
    const VfoldEntry* e = nullptr;
    if (q >= 2 && cont(q - 1)) {
      const auto b2 = static_cast<unsigned char>(text[q - 2]);
      if (b2 >= 0xC0 && b2 < 0xE0) {
        e = vfold_entry(table, ((b2 & 0x1Fu) << 6) | (prev & 0x3Fu));
      } else if (q >= 3 && cont(q - 2)) {
        const auto b3 = static_cast<unsigned char>(text[q - 3]);
        if (b3 >= 0xE0 && b3 < 0xF0) e = vfold_entry(table, ((b3 & 0x0Fu) << 12) | ((b2 & 0x3Fu) << 6) | (prev & 0x3Fu));
      }
    }
    if (e && e->n != 0xFF && e->n > 0) return !alnum(static_cast<unsigned char>(e->s[e->n - 1]));
    size_t a = q;  // the code points after the last ASCII byte before q, decoded from there
    while (a > 0 && static_cast<unsigned char>(text[a - 1]) >= 0x80) --a;
    int last = -1;
    for (size_t i = a; i < q;) {
      const std::string_view piece = fold.next(i);
      if (!piece.empty()) last = static_cast<unsigned char>(piece.back());
    }
    if (last < 0) {
      if (a == 0) return true;  // (nothing folded before it)
      const auto b = static_cast<unsigned char>(text[a - 1]);
      last = b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
    return !alnum(static_cast<unsigned>(last));
  };
  // The offset of the code point whose fold holds the folded byte after `lw` read from q, when
  // the fold from q reads lw.folded and then a space; npos otherwise.
  auto reads_word = [&](const LevelWord& lw, size_t q) {
    const size_t n = lw.folded.size();
    size_t got = 0;
    for (size_t i = q; i < text.size();) {
      const size_t start = i;
      const std::string_view piece = fold.next(i);
      for (char ch : piece) {
        if (got == n) return ch == ' ' ? start : std::string_view::npos;
        if (ch != lw.folded[got++]) return std::string_view::npos;
      }
    }
    return std::string_view::npos;
  };
  for (size_t q = 0; q < text.size(); ++q) {
    unsigned bits = opens[static_cast<unsigned char>(text[q])];
    if (bits == 0 || !word_start_at(q)) continue;
    for (; bits != 0; bits &= bits - 1) {
      const LevelWord& lw = kLevels[static_cast<size_t>(__builtin_ctz(bits))];
      const size_t ob = reads_word(lw, q);
      if (ob != std::string_view::npos) count_level_word(text, lw, q, ob, written_forms, counts);
    }
  }
  return counts;
}


// The issuer's level, from "UBND tỉnh", "Hội đồng nhân dân thành phố", "HĐND huyện"...
std::string issuer_level(std::string_view folded, bool communes) {
  size_t best = std::string::npos;
  std::string level;
  for (std::string_view who : {std::string_view("ubnd "), std::string_view("uy ban nhan dan "),
                               std::string_view("hdnd "), std::string_view("hoi dong nhan dan "),
                               std::string_view("cuc thong ke "), std::string_view("chi cuc thong ke ")}) {
    for (const auto& lw : kLevels) {
      if (!communes && commune_level(lw.canonical)) continue;
      std::string pat = std::string(who) + std::string(lw.folded);
      size_t p = folded.find(pat);
      if (p != std::string::npos && p < best) {
        best = p;
        level = std::string(lw.canonical);
      }
    }
  }
  return level;
}

}  // namespace

PeriodInfo parse_period(std::string_view text, int default_year) {
  return parse_folded_period(fold(text), default_year);
}

PeriodInfo parse_folded_period(std::string_view f, int default_year) {
  if (default_year == 0) default_year = first_year(f);
  return find_period(f, default_year).info;
}

void read_metadata(Document& doc) {
  // The title block: from "BÁO CÁO" (when near the top) through the next few blocks, skipping
  // the place-and-date line ("Bắc Kạn, ngày ... tháng ... năm 2023").
  // A one-line title ("# BÁO CÁO KẾT QUẢ … NĂM 2024 CỦA UBND HUYỆN …", Markdown marks and all)
  // names the period in the "BÁO CÁO" block itself.
  size_t first = 0, n = doc.blocks.size();
  std::string title;
  bool report_title = false;  // a "BÁO CÁO" block opens the text: a report, not an article
  for (size_t bi = 0; bi < std::min<size_t>(n, 12); ++bi) {
    std::string f = fold(doc.slice(doc.blocks[bi].span));
    size_t lead = f.find_first_not_of("#* ");
    if (lead != std::string::npos && f.compare(lead, 7, "bao cao") == 0) {
      // (a title line, not a paragraph that opens "Báo cáo cho thấy …": that one is text, and
      // the blocks before it stay the title's)
      if (f.size() >= 200) continue;
      report_title = true;
      first = bi + 1;
      if (f.size() > lead + 7) title = f.substr(lead + 7) + " \n ";
      break;
    }
  }
  for (size_t bi = first, taken = 0; bi < n && taken < 4; ++bi) {
    std::string f = fold(doc.slice(doc.blocks[bi].span));
    if (f.find("ngay") != std::string::npos && f.find("thang") != std::string::npos && f.size() < 90) continue;
    if (f.rfind("so:", 0) == 0 || f.rfind("kinh gui", 0) == 0) continue;
    title += f;
    title += " \n ";
    ++taken;
  }
  // The fold of the whole text, only when the title or the header leaves the period or the
  // issuer's level to the text's votes (count_regions reads the text itself).
  std::string all_fold;
  bool folded = false;
  auto all = [&]() -> const std::string& {
    if (!folded) {
      all_fold = vfold(doc.text);
      folded = true;
    }
    return all_fold;
  };
  int year = first_year(title);
  Match m = find_period(title, year, /*skip_targets=*/!report_title);
  doc.period_in_title = report_title && !m.info.key.empty();
  if (m.info.key.empty()) {
    // Not in the title: the period the text names most.
    std::map<std::string, std::pair<int, PeriodInfo>> votes;
    std::string_view rest = all();
    for (size_t off = 0; off < rest.size();) {
      Match x = find_period(rest.substr(off, 400), 0);
      if (x.info.key.empty()) { off += 300; continue; }
      auto& v = votes[x.info.key];
      ++v.first;
      v.second = x.info;
      off += x.pos + 1;
    }
    int best = 0;
    for (auto& [k, v] : votes)
      if (v.first > best) { best = v.first; m.info = v.second; }
  }
  doc.period = m.info.period;
  doc.period_key = m.info.key;

  // Region: the issuer's level from the title block (or the text), then the name the text
  // gives that level most often.
  std::string head;
  for (size_t bi = 0; bi < std::min<size_t>(n, first + 8); ++bi) head += fold(doc.slice(doc.blocks[bi].span)) + " \n ";
  std::string level = issuer_level(head, /*communes=*/true);
  if (level.empty()) level = issuer_level(all(), /*communes=*/false);
  auto counts = count_regions(doc.text, commune_level(level));
  int best = 0;
  std::pair<std::string, std::string> pick;
  for (const auto& [key, c] : counts) {
    if (!level.empty() && key.first != level) continue;
    if (c > best) { best = c; pick = key; }
  }
  if (best == 0) {  // no name for the issuer's level: the most named region of any level above a commune
    for (const auto& [key, c] : counts)
      if (c > best && !commune_level(key.first)) { best = c; pick = key; }
  }
  if (best > 0) {
    doc.region_level = pick.first;
    doc.region = pick.first + " " + pick.second;
  } else {
    doc.region_level = level;
  }
}

}  // namespace doisoat
