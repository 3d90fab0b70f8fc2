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
Match find_period(std::string_view f, int default_year) {
  Match best;
  auto consider = [&](size_t pos, PeriodInfo info) {
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
      if (ends_with("den het ") || ends_with("den cuoi ") || ends_with("den ") || ends_with("luy ke ")) {
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

// The fold of a whole text with a sparse map back to it: the text is folded in pieces that end
// just after an ASCII byte (about every 64 bytes), so each piece folds exactly as it does inside
// the whole text, and an offset of the fold is mapped back by refolding its piece character by
// character. No per-byte map (four bytes per folded byte) for the few offsets read_metadata needs.
class SparseFold {
 public:
  explicit SparseFold(std::string_view text) : text_(text) {
    folded_.reserve(text.size());
    const size_t n = text.size();
    for (size_t b = 0; b < n;) {
      size_t e = std::min(n, b + 64);
      while (e < n && static_cast<unsigned char>(text[e - 1]) >= 0x80) ++e;
      pieces_.push_back(Piece{static_cast<uint32_t>(folded_.size()), static_cast<uint32_t>(b)});
      vfold_append(text.substr(b, e - b), folded_);
      b = e;
    }
    pieces_.push_back(Piece{static_cast<uint32_t>(folded_.size()), static_cast<uint32_t>(n)});
  }
  const std::string& folded() const { return folded_; }
  /// Offsets in the text of the characters whose folds hold folded bytes a <= b (both inside
  /// the fold): one walk from the piece of a.
  std::pair<uint32_t, uint32_t> origins(size_t a, size_t b) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), a,
                               [](size_t v, const Piece& p) { return v < p.folded; }) - 1;
    const VfoldEntry* table = vfold_entries();
    std::pair<uint32_t, uint32_t> out{0, 0};
    bool have_a = false;
    size_t fo = it->folded;
    for (; it + 1 != pieces_.end(); ++it) {
      // Decoded within its piece, as the fold decoded it.
      const std::string_view piece = text_.substr(it->text, (it + 1)->text - it->text);
      for (size_t i = 0; i < piece.size();) {
        const size_t start = i;
        size_t len;
        if (static_cast<unsigned char>(piece[i]) < 0x80) {
          ++i;
          len = 1;
        } else {
          const char32_t c = decode_utf8(piece, i);
          const VfoldEntry* e = vfold_entry(table, c);
          len = (e && e->n != 0xFF) ? e->n : fold_code_point(c).size();
        }
        const auto at = static_cast<uint32_t>(it->text + start);
        if (!have_a && a < fo + len) {
          out.first = at;
          have_a = true;
        }
        if (b < fo + len) {
          out.second = at;
          return out;
        }
        fo += len;
      }
    }
    return out;  // not reached for offsets inside the fold
  }

 private:
  struct Piece {
    uint32_t folded;  // offset of the piece's fold
    uint32_t text;    // offset of the piece in the text
  };
  std::string_view text_;
  std::string folded_;
  std::vector<Piece> pieces_;
};

// "tỉnh Cao Bằng" -> counts by (level, name) over the whole text; names are capitalised words.
/// `all` is the fold of `text` (read_metadata folds the text once).
// Communes (xã, phường, thị trấn) issue reports too, but a district's or province's text names
// its communes far more often than itself: they count only when the header names one as issuer.
bool commune_level(std::string_view canonical) {
  return canonical == "xã" || canonical == "phường" || canonical == "thị trấn";
}

// (`communes`: count xã, phường, thị trấn names too; only a commune's own report needs them, and
// "phuong" also folds every "phương".)
std::map<std::pair<std::string, std::string>, int> count_regions(std::string_view text, const SparseFold& all,
                                                                 bool communes) {
  const std::string_view f = all.folded();
  std::map<std::pair<std::string, std::string>, int> counts;
  // Per level word: spellings whose lower case is the word (itself, capitalised, in capitals).
  static const auto written_forms = [] {
    std::array<std::set<std::string, std::less<>>, kLevels.size()> forms;
    for (size_t i = 0; i < kLevels.size(); ++i) {
      const icu::UnicodeString word = icu::UnicodeString::fromUTF8(kLevels[i].canonical);
      icu::UnicodeString upper(word), title(word);
      upper.toUpper();
      title.replace(0, 1, icu::UnicodeString(word, 0, 1).toUpper());
      for (const icu::UnicodeString& u : {word, upper, title}) {
        std::string form, lower;
        u.toUTF8String(form);
        icu::UnicodeString(u).toLower().toUTF8String(lower);
        if (lower == kLevels[i].canonical) forms[i].insert(form);
      }
    }
    return forms;
  }();
  // One pass over the fold for every level word at once (a find per level word rescanned the
  // whole fold eight times): the positions a level word's first letter can open; the counts are
  // the same whatever the order the matches are met in.
  auto visit = [&](const LevelWord& lw, size_t p) {
    size_t e = p + lw.folded.size();
    if (!word_start(f, p) || e >= f.size() || f[e] != ' ') return;
    const auto [op, ob] = all.origins(p, e);  // original offsets of the word and the space after it
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
  };
  std::array<uint8_t, 256> opens{};  // first byte -> the level words (bits) that start with it
  for (size_t li = 0; li < kLevels.size(); ++li)
    if (communes || !commune_level(kLevels[li].canonical))
      opens[static_cast<unsigned char>(kLevels[li].folded[0])] |= static_cast<uint8_t>(1u << li);
  const size_t n = f.size();
  for (size_t p = 0; p < n; ++p) {
    unsigned bits = opens[static_cast<unsigned char>(f[p])];
    if (bits == 0 || !word_start(f, p)) continue;  // (visit() asks word_start too)
    for (; bits != 0; bits &= bits - 1) {
      const LevelWord& lw = kLevels[static_cast<size_t>(__builtin_ctz(bits))];
      if (p + lw.folded.size() <= n && std::memcmp(f.data() + p, lw.folded.data(), lw.folded.size()) == 0) visit(lw, p);
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
      // (a title line, not a paragraph that opens "Báo cáo cho thấy …")
      report_title = f.size() < 200;
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
  const SparseFold sparse(doc.text);
  const std::string& all = sparse.folded();
  int year = first_year(title);
  Match m = find_period(title, year);
  doc.period_in_title = report_title && !m.info.key.empty();
  if (m.info.key.empty()) {
    // Not in the title: the period the text names most.
    std::map<std::string, std::pair<int, PeriodInfo>> votes;
    std::string_view rest = all;
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
  if (level.empty()) level = issuer_level(all, /*communes=*/false);
  auto counts = count_regions(doc.text, sparse, commune_level(level));
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
