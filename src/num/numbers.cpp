// The number grammar. One pass per block: tokenise, classify the numbers that are not
// quantities, then read each remaining number with its unit, scale, qualifier and sign.
#include "num/numbers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/vfold.h"

namespace doisoat {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------------------------
// Units. Keys are folded phrases (lowercase, no diacritics). Scale words compose with them.

struct UnitEntry {
  const char* canonical;
  const char* dimension;
  double factor;
  bool count;
};

const std::unordered_map<std::string, UnitEntry>& unit_table() {
  static const std::unordered_map<std::string, UnitEntry> t = {
      {"diem phan tram", {"điểm phần trăm", "pp", 1, false}},
      {"diem %", {"điểm phần trăm", "pp", 1, false}},
      {"dong", {"đồng", "money:VND", 1, false}},
      {"d", {"đồng", "money:VND", 1, false}},
      {"vnd", {"đồng", "money:VND", 1, false}},
      {"usd", {"USD", "money:USD", 1, false}},
      {"do la my", {"USD", "money:USD", 1, false}},
      {"ha", {"ha", "area", 1e4, false}},
      {"hecta", {"ha", "area", 1e4, false}},
      {"m2", {"m2", "area", 1, false}},
      {"m²", {"m2", "area", 1, false}},
      {"km2", {"km2", "area", 1e6, false}},
      {"km²", {"km2", "area", 1e6, false}},
      {"m3", {"m3", "volume", 1, false}},
      {"m³", {"m3", "volume", 1, false}},
      {"km", {"km", "length", 1e3, false}},
      {"m", {"m", "length", 1, false}},
      {"tan", {"tấn", "mass", 1e3, false}},
      {"kg", {"kg", "mass", 1, false}},
      {"ta", {"tạ", "mass", 100, false}},
      {"kwh", {"kWh", "energy", 1, false}},
      {"mw", {"MW", "power", 1, false}},
      {"lit", {"lít", "volume_l", 1, false}},
      {"con", {"con", "count:con", 1, true}},
      {"cay", {"cây", "count:cay", 1, true}},
      {"luot", {"lượt", "count:luot", 1, true}},
      {"luot khach", {"lượt khách", "count:luot", 1, true}},
      {"luot nguoi", {"lượt người", "count:luot", 1, true}},
      {"luot cong dan", {"lượt công dân", "count:luot", 1, true}},
      {"nguoi", {"người", "count:nguoi", 1, true}},
      {"lao dong", {"lao động", "count:nguoi", 1, true}},
      {"cong dan", {"công dân", "count:nguoi", 1, true}},
      {"hoc sinh", {"học sinh", "count:hoc sinh", 1, true}},
      {"hoc vien", {"học viên", "count:hoc vien", 1, true}},
      {"sinh vien", {"sinh viên", "count:sinh vien", 1, true}},
      {"thi sinh", {"thí sinh", "count:thi sinh", 1, true}},
      {"doi tuong", {"đối tượng", "count:doi tuong", 1, true}},
      {"ho", {"hộ", "count:ho", 1, true}},
      {"gia dinh", {"gia đình", "count:gia dinh", 1, true}},
      {"xa", {"xã", "count:xa", 1, true}},
      {"thon", {"thôn", "count:thon", 1, true}},
      {"to", {"tổ", "count:to", 1, true}},
      {"ban", {"bản", "count:thon", 1, true}},
      {"huyen", {"huyện", "count:huyen", 1, true}},
      {"doanh nghiep", {"doanh nghiệp", "count:doanh nghiep", 1, true}},
      {"htx", {"HTX", "count:htx", 1, true}},
      {"hop tac xa", {"HTX", "count:htx", 1, true}},
      {"to hop tac", {"tổ hợp tác", "count:to hop tac", 1, true}},
      {"du an", {"dự án", "count:du an", 1, true}},
      {"cong trinh", {"công trình", "count:cong trinh", 1, true}},
      {"vu", {"vụ", "count:vu", 1, true}},
      {"vu viec", {"vụ việc", "count:vu viec", 1, true}},
      {"vu an", {"vụ án", "count:vu", 1, true}},
      {"cuoc", {"cuộc", "count:cuoc", 1, true}},
      {"don", {"đơn", "count:don", 1, true}},
      {"don thu", {"đơn thư", "count:don", 1, true}},
      {"co so", {"cơ sở", "count:co so", 1, true}},
      {"san pham", {"sản phẩm", "count:san pham", 1, true}},
      {"tieu chi", {"tiêu chí", "count:tieu chi", 1, true}},
      {"chi tieu", {"chỉ tiêu", "count:chi tieu", 1, true}},
      {"truong", {"trường", "count:truong", 1, true}},
      {"lop", {"lớp", "count:lop", 1, true}},
      {"buoi", {"buổi", "count:buoi", 1, true}},
      {"nhiem vu", {"nhiệm vụ", "count:nhiem vu", 1, true}},
      {"ho so", {"hồ sơ", "count:ho so", 1, true}},
      {"giay chung nhan", {"giấy chứng nhận", "count:giay chung nhan", 1, true}},
      {"truong hop", {"trường hợp", "count:truong hop", 1, true}},
      {"ca", {"ca", "count:ca", 1, true}},
      {"tin", {"tin", "count:tin", 1, true}},
      {"bai", {"bài", "count:bai", 1, true}},
      {"chuong trinh", {"chương trình", "count:chuong trinh", 1, true}},
      {"mo hinh", {"mô hình", "count:mo hinh", 1, true}},
      {"phuong tien", {"phương tiện", "count:phuong tien", 1, true}},
      {"giuong benh", {"giường bệnh", "count:giuong benh", 1, true}},
      {"giuong", {"giường", "count:giuong benh", 1, true}},
      {"cai", {"cái", "count:cai", 1, true}},
      {"chiec", {"chiếc", "count:chiec", 1, true}},
      {"dot", {"đợt", "count:dot", 1, true}},
      // Count nouns of two words, so that the noun is kept whole ("52 cá nhân", not "52 cá").
      {"ca nhan", {"cá nhân", "count:ca nhan", 1, true}},
      {"tap the", {"tập thể", "count:tap the", 1, true}},
      {"dai bieu", {"đại biểu", "count:dai bieu", 1, true}},
      {"can bo", {"cán bộ", "count:can bo", 1, true}},
      {"cong chuc", {"công chức", "count:cong chuc", 1, true}},
      {"vien chuc", {"viên chức", "count:vien chuc", 1, true}},
      {"chi nhanh", {"chi nhánh", "count:chi nhanh", 1, true}},
      {"di tich", {"di tích", "count:di tich", 1, true}},
      {"di san", {"di sản", "count:di san", 1, true}},
      {"huy chuong", {"huy chương", "count:huy chuong", 1, true}},
      {"van dong vien", {"vận động viên", "count:van dong vien", 1, true}},
      {"khach hang", {"khách hàng", "count:khach hang", 1, true}},
      {"thanh vien", {"thành viên", "count:thanh vien", 1, true}},
      {"quyet dinh", {"quyết định", "count:quyet dinh", 1, true}},
      {"nhan khau", {"nhân khẩu", "count:nhan khau", 1, true}},
      {"trung tam", {"trung tâm", "count:trung tam", 1, true}},
      {"ket luan", {"kết luận", "count:ket luan", 1, true}},
      {"hoi nghi", {"hội nghị", "count:hoi nghi", 1, true}},
      {"dia diem", {"địa điểm", "count:dia diem", 1, true}},
      {"benh nhan", {"bệnh nhân", "count:benh nhan", 1, true}},
      {"thiet bi", {"thiết bị", "count:thiet bi", 1, true}},
      {"chi so", {"chỉ số", "count:chi so", 1, true}},
      {"nan nhan", {"nạn nhân", "count:nan nhan", 1, true}},
      {"phong su", {"phóng sự", "count:phong su", 1, true}},
      {"lanh dao", {"lãnh đạo", "count:lanh dao", 1, true}},
      {"kien tuong", {"kiện tướng", "count:kien tuong", 1, true}},
      {"quoc gia", {"quốc gia", "count:quoc gia", 1, true}},
      {"noi dung", {"nội dung", "count:noi dung", 1, true}},
      {"du thao", {"dự thảo", "count:du thao", 1, true}},
      {"cong ty", {"công ty", "count:cong ty", 1, true}},
      {"tai lieu", {"tài liệu", "count:tai lieu", 1, true}},
      {"lan", {"lần", "times", 1, false}},
      {"diem", {"điểm", "score", 1, false}},
      {"tieu chi/xa", {"tiêu chí/xã", "rate", 1, false}},
  };
  return t;
}

struct ScaleEntry {
  const char* word;
  double factor;
};

// Scale words ("nghìn tỷ" before "tỷ": longest first).
bool match_scale(const std::string_view* words, size_t n_words, size_t at, size_t& used, double& factor,
                 std::string& display) {
  auto w = [&](size_t k) -> std::string_view { return at + k < n_words ? words[at + k] : std::string_view(); };
  if ((w(0) == "nghin" || w(0) == "ngan") && (w(1) == "ty" || w(1) == "ti")) {
    used = 2; factor = 1e12; display = "nghìn tỷ"; return true;
  }
  if (w(0) == "nghin" || w(0) == "ngan") { used = 1; factor = 1e3; display = "nghìn"; return true; }
  if (w(0) == "trieu") { used = 1; factor = 1e6; display = "triệu"; return true; }
  if (w(0) == "ty" || w(0) == "ti") { used = 1; factor = 1e9; display = "tỷ"; return true; }
  return false;
}

// Words that never serve as a unit of a count: verbs, prepositions, keywords.
const std::unordered_set<std::string>& not_unit_words() {
  static const std::unordered_set<std::string> s = {
      "dat", "tang", "giam", "so", "voi", "bang", "trong", "do", "va", "la", "cua", "duoc", "chiem",
      "gom", "co", "tai", "theo", "tren", "duoi", "nam", "thang", "ngay", "quy", "tuan", "gio", "phut",
      "nay", "thi", "khi", "vao", "den", "tu", "cho", "ve", "nhu", "vuot", "con", "lai", "hon", "gan",
      "khoang", "uoc", "kh", "ke", "du", "thuc", "hien", "cung", "ky", "tuoi", "hoac", "nhung", "cac",
      "moi", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "tram", "so", "tong",
      "gap", "o", "tinh", "nguon", "von", "dang", "da", "se", "bi", "phai", "truoc", "sau", "lan", "thu",
      "de", "tro", "thuoc", "nhung", "cung", "deu", "ma", "neu", "vi", "nen", "roi",
  };
  return s;
}

// Short unit words whose folded form is shared with other common words: the spellings that are
// those other words ("cá"/"cả" for ca, "hỗ"/"họ"/"hồ" for hộ, "cải" for cái, "Đồn" for đơn, the
// Latin "d" of "3D" for đ). Misspelled units ("tan", "tân" for tấn in OCR text) still count.
const std::unordered_map<std::string, std::unordered_set<std::string>>& other_word_spellings() {
  static const std::unordered_map<std::string, std::unordered_set<std::string>> m = {
      {"ca", {"cá", "cả", "cà", "cạ", "cã"}},
      {"ho", {"hỗ", "họ", "hồ", "hổ", "hò", "hô", "hố", "hơ", "hở", "hợ", "hờ", "hó"}},
      {"cai", {"cải", "cài", "cãi", "cại"}},
      {"d", {"d"}},
      {"ta", {"tả", "tà", "tá"}},
      {"xa", {"xá", "xà"}},
      {"to", {"to", "tô", "tò", "tó", "tơ", "tờ", "tở", "tỏ"}},
      {"ban", {"ban", "bán", "bàn", "bạn", "bẩn"}},
      {"con", {"còn", "cơn", "cồn", "cọn"}},
      {"lan", {"lan", "làn", "lân", "lạn", "lấn"}},
      {"don", {"đồn", "dồn", "đón", "đòn", "đôn", "dọn", "đốn"}},
      {"vu", {"vũ", "vú", "vù"}},
      {"bai", {"bãi", "bại", "bái", "bài"}},
      {"dot", {"đốt", "dột", "đột"}},
      {"tin", {"tín", "tìn"}},
      {"lop", {"lợp", "lốp"}},
      {"cay", {"cày", "cấy"}},
      {"buoi", {"bưởi"}},
      {"cuoc", {"cuốc"}},
      {"ha", {"hà", "hạ", "hả", "há", "hã"}},
      {"tan", {"tàn", "tản", "tạn"}},
      {"m", {"mở", "mỡ", "mờ"}},
      {"km", {}},
  };
  return m;
}

std::string icu_lower(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toLower().toUTF8String(out);
  return out;
}

// The lower case of each code point of U+0000..U+024F and U+1E00..U+1EFF as ICU's toLower of
// the string gives it, built once from ICU. In those ranges lowering is context-free (the
// context-dependent rules are the Greek final sigma and the Lithuanian, Turkish and Azeri ones),
// so a word of such letters lowers character by character; any other text, or a default locale
// with its own rules, goes to ICU.
struct LowerTable {
  std::array<std::string, 0x350> lower;
  bool usable = true;
  LowerTable() {
    const std::string lang = icu::Locale::getDefault().getLanguage();
    usable = lang != "tr" && lang != "az" && lang != "lt";
    for (char32_t c = 0; c < 0x350; ++c) {
      icu::UnicodeString u(static_cast<UChar32>(c < 0x250 ? c : 0x1E00 + (c - 0x250)));
      u.toLower().toUTF8String(lower[c]);
    }
  }
};

std::string lower_utf8(std::string_view s) {
  static const LowerTable table;
  if (!table.usable) return icu_lower(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    // Well-formed two- and three-byte sequences of the two ranges only; anything else to ICU.
    char32_t c;
    if (b >= 0xC2 && b < 0xE0 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      i += 2;
    } else if (b == 0xE1 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      i += 3;
    } else {
      return icu_lower(s);
    }
    if (c < 0x250) out += table.lower[c];
    else if (c >= 0x1E00 && c < 0x1F00) out += table.lower[0x250 + (c - 0x1E00)];
    else return icu_lower(s);
  }
  return out;
}

// `raw` is the word as written: lowercased (ICU) only when its fold is one of the words above.
bool spelled_as_other_word(std::string_view folded, std::string_view raw) {
  // Looked up by view (no key string per call); the views point into other_word_spellings()'s keys.
  static const auto by_view = [] {
    std::unordered_map<std::string_view, const std::unordered_set<std::string>*> m;
    for (const auto& [key, spellings] : other_word_spellings()) m.emplace(key, &spellings);
    return m;
  }();
  auto it = by_view.find(folded);
  return it != by_view.end() && it->second->count(lower_utf8(raw)) > 0;
}

bool not_unit_word(std::string_view folded) {
  static const auto by_view = [] {
    std::unordered_set<std::string_view> s;
    for (const auto& w : not_unit_words()) s.insert(w);
    return s;
  }();
  return by_view.count(folded) > 0;
}

// Function words whose folded form is also a count noun: only the function word's own spelling
// stops a unit ("ở" but not "02 ổ dịch", "bằng" but not "71 băng rôn", "mà" but not "116 mã").
bool is_function_word(std::string_view folded, std::string_view raw) {
  static const std::unordered_map<std::string_view, std::string_view> spelling = {
      {"o", "ở"}, {"bang", "bằng"}, {"tai", "tại"}, {"ma", "mà"},
  };
  if (!not_unit_word(folded)) return false;
  auto it = spelling.find(folded);
  return it == spelling.end() || it->second == lower_utf8(raw);
}

bool is_period_word(std::string_view f) {
  return f == "thang" || f == "nam" || f == "quy" || f == "ngay" || f == "tuan" || f == "gio" ||
         f == "phut" || f == "tuoi";
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

struct Tokenizer {
  const std::string& text;
  std::vector<Token>& out;

  std::string tmp;  // a code point ICU folds (outside the table of core/vfold)

  // decode_utf8, with the two- and three-byte forms inline.
  static char32_t decode(std::string_view s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) { return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
    if (b >= 0xC0 && b < 0xE0 && cont(i + 1)) {
      const char32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      i += 2;
      return c;
    }
    if (b >= 0xE0 && b < 0xF0 && cont(i + 1) && cont(i + 2)) {
      const char32_t c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                         (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      i += 3;
      return c;
    }
    return decode_utf8(s, i);
  }

  void run(Span block) {
    size_t i = block.begin;
    const size_t e = block.end;
    const std::string_view tv(text.data(), e);
    const VfoldEntry* table = vfold_entries();
    bool glued = false;
    while (i < e) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { ++i; glued = false; continue; }
      // Built in place: one token per iteration, whatever its kind.
      Token& t = out.emplace_back();
      t.glued = glued;
      glued = true;
      if (is_digit(static_cast<char>(c))) {
        size_t j = i;
        while (j < e && is_digit(text[j])) ++j;
        while (j + 1 < e && (text[j] == '.' || text[j] == ',') && is_digit(text[j + 1])) {
          ++j;
          while (j < e && is_digit(text[j])) ++j;
        }
        // "12 345" with a no-break, narrow no-break or thin space grouping the thousands (the
        // layout keeps such a space only between digits): groups of exactly three digits.
        if (j - i <= 3) {
          bool grouped = false;
          for (;;) {
            // (Byte tests, as text.compare(j, n, …) == 0 reads them: within the text, not the block.)
            auto at = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
            size_t w = at(j) == 0xC2 && at(j + 1) == 0xA0                                         ? 2
                       : at(j) == 0xE2 && at(j + 1) == 0x80 && (at(j + 2) == 0xAF || at(j + 2) == 0x89) ? 3
                                                                                                        : 0;
            if (w == 0 || j + w + 3 > e || !is_digit(text[j + w]) || !is_digit(text[j + w + 1]) || !is_digit(text[j + w + 2]) ||
                (j + w + 3 < e && is_digit(text[j + w + 3])))
              break;
            j += w + 3;
            grouped = true;
          }
          if (grouped && j + 1 < e && (text[j] == ',' || text[j] == '.') && is_digit(text[j + 1])) {  // "1 234,5"
            ++j;
            while (j < e && is_digit(text[j])) ++j;
          }
        }
        t.kind = TokKind::Number;
        t.span = Span{uint32_t(i), uint32_t(j)};
        t.fold.assign(text.data() + i, j - i);
        i = j;
        continue;
      }
      size_t j = i;
      // The class and fold of each character at once; the word's fold is the folds of its
      // characters (what vfold of the whole word gives).
      char32_t cp;
      CharFold f;
      if (c < 0x80) {
        cp = c;
        ++j;
        f.letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        f.upper = c >= 'A' && c <= 'Z';
      } else {
        cp = decode_utf8(tv, j);
        f = char_fold(cp, tmp);
      }
      if (f.letter || cp == 0xB2 || cp == 0xB3) {
        bool upper = f.upper, all_upper = upper;
        // The fold is gathered in a local buffer (flushed into the token when full), one
        // assignment instead of a push_back per character.
        std::string& fold = t.fold;
        char buf[64];
        size_t n_buf = 0;
        auto put = [&](std::string_view piece) {
          if (n_buf + piece.size() > sizeof buf) {
            fold.append(buf, n_buf);
            n_buf = 0;
            if (piece.size() > sizeof buf) { fold.append(piece); return; }
          }
          for (char ch : piece) buf[n_buf++] = ch;
        };
        if (c < 0x80) buf[n_buf++] = static_cast<char>(f.upper ? c + 32 : c);
        else put(f.fold);
        size_t k = j;
        while (k < e) {
          const unsigned char b = static_cast<unsigned char>(text[k]);
          if (b < 0x80) {
            if ((b | 0x20) < 'a' || (b | 0x20) > 'z') break;
            if (b >= 'a') all_upper = false;
            if (n_buf == sizeof buf) {
              fold.append(buf, n_buf);
              n_buf = 0;
            }
            buf[n_buf++] = static_cast<char>(b >= 'a' ? b : b + 32);
            ++k;
            continue;
          }
          size_t n = k;
          char32_t d = decode(tv, n);
          CharFold g;
          if (const VfoldEntry* en = vfold_entry(table, d); en && en->n != 0xFF) {
            g.letter = en->letter;
            g.upper = en->upper;
            g.fold = std::string_view(en->s, en->n);
          } else {
            g = char_fold(d, tmp);
          }
          bool combining = d >= 0x300 && d < 0x370;
          bool sup = (d == 0xB2 || d == 0xB3);
          if (!g.letter && !combining && !sup) break;
          if (g.letter && !g.upper) all_upper = false;
          put(g.fold);
          k = n;
        }
        fold.append(buf, n_buf);
        t.kind = TokKind::Word;
        t.span = Span{uint32_t(i), uint32_t(k)};
        t.upper = upper;
        t.all_upper = all_upper;
        i = k;
        continue;
      }
      t.span = Span{uint32_t(i), uint32_t(j)};
      if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) t.fold = "-";  // dashes and minus as '-'
      else t.fold.assign(text.data() + i, j - i);
      if (cp == '%') t.kind = TokKind::Percent;
      else if (cp == '/') t.kind = TokKind::Slash;
      else if (cp == '(' || cp == '[' || cp == '{') t.kind = TokKind::Open;  // '{' for '(' in OCR text
      else if (cp == ')' || cp == ']' || cp == '}') t.kind = TokKind::Close;
      else t.kind = TokKind::Punct;
      i = j;
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Written form -> exact value

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

// The exact value of the digits, or nothing when it does not fit the mantissa (issue 14: 19
// digits or more overflowed it).
std::optional<Decimal> checked_digits_to_decimal(std::string_view int_part, std::string_view frac_part) {
  Decimal d;
  auto push = [&d](char c) {
    return !__builtin_mul_overflow(d.mantissa, int64_t{10}, &d.mantissa) &&
           !__builtin_add_overflow(d.mantissa, int64_t{c - '0'}, &d.mantissa);
  };
  for (char c : int_part)
    if (!push(c)) return std::nullopt;
  for (char c : frac_part) {
    if (!push(c)) return std::nullopt;
    ++d.scale;
  }
  return d;
}

// Callers keep to at most kMaxDigits digits (parse_number refuses longer numbers first), so
// this never loses digits; it stays checked for a padded hint.
Decimal digits_to_decimal(std::string_view int_part, std::string_view frac_part) {
  return checked_digits_to_decimal(int_part, frac_part).value_or(Decimal{});
}

// At most 18 digits always fit the int64 mantissa.
constexpr size_t kMaxDigits = 18;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) { parts.push_back(s.substr(b, i - b)); b = i + 1; }
  }
  return parts;
}

}  // namespace

bool parse_number(std::string_view w, NumberConvention conv, ParsedNumber& out) {
  out = ParsedNumber{};
  if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return false;
  const char group = conv == NumberConvention::Vietnamese ? '.' : ',';
  const char point = conv == NumberConvention::Vietnamese ? ',' : '.';
  if (size_t n_digits = std::count_if(w.begin(), w.end(), is_digit); n_digits > kMaxDigits) {
    // Too long to be a figure (and to hold exactly): malformed, with no guess at the intent.
    out.malformed = true;
    out.reason = "số quá dài";
    std::string digits;
    for (char c : w.substr(0, w.find(point))) if (is_digit(c)) digits += c;
    out.value = digits_to_decimal(std::string_view(digits).substr(0, kMaxDigits), "");
    return true;
  }
  size_t n_group = std::count(w.begin(), w.end(), group);
  size_t n_point = std::count(w.begin(), w.end(), point);
  std::string_view int_part = w, frac_part;
  if (n_point >= 1) {
    size_t p = w.find(point);
    int_part = w.substr(0, p);
    frac_part = w.substr(p + 1);
    const bool other_order = n_group > 0 && w.rfind(group) > w.rfind(point);
    auto english_groups = [&] {
      // "6,530,932": two or more marks, each followed by exactly three digits, and no other mark:
      // the English thousands separator. It cannot be a decimal comma (a number has one).
      if (n_group != 0 || n_point < 2) return false;
      auto parts = split(w, point);
      if (parts.front().empty() || parts.front().size() > 3) return false;
      for (size_t g = 1; g < parts.size(); ++g)
        if (parts[g].size() != 3) return false;
      return true;
    };
    if (english_groups()) {
      out.malformed = true;
      out.reason = "dấu phẩy ngăn cách hàng nghìn kiểu tiếng Anh";
      std::string digits;
      for (char c : w) if (is_digit(c)) digits += c;
      out.value = digits_to_decimal(digits, "");
      out.precision = 0;
      out.grouped = true;
      out.has_hint = true;
      out.hint = out.value;
      return true;
    }
    if (n_point > 1 && !other_order) {
      // "2.850,4,5": two decimal marks. Read up to the second mark; the likely intent is a
      // stray mark among the decimals ("2.850,45").
      out.malformed = true;
      out.reason = "hai dấu thập phân";
      std::string all_frac;
      for (char c : frac_part) if (is_digit(c)) all_frac += c;
      frac_part = frac_part.substr(0, frac_part.find(point));
      if (frac_part.find(group) != std::string_view::npos) frac_part = frac_part.substr(0, frac_part.find(group));
      std::string hint_int;
      for (char c : int_part) if (is_digit(c)) hint_int += c;
      if (all_frac.size() <= 9) {
        out.has_hint = true;
        out.hint = digits_to_decimal(hint_int, all_frac);
      }
    } else if (other_order) {
      // "1,234.5" in a Vietnamese document: the other convention's order.
      out.malformed = true;
      out.reason = "dấu phân cách lẫn lộn";
      std::string a, b;
      for (char c : w.substr(0, w.rfind(group))) if (is_digit(c)) a += c;
      b = std::string(w.substr(w.rfind(group) + 1));
      out.value = digits_to_decimal(a, "");
      out.has_hint = true;
      out.hint = digits_to_decimal(a, b);
      out.precision = 0;
      return true;
    }
  }
  // Integer part with thousands groups.
  auto groups = split(int_part, group);
  std::string int_digits;
  bool groups_ok = groups.front().size() >= 1 && groups.front().size() <= 3;
  for (size_t g = 1; g < groups.size(); ++g) groups_ok = groups_ok && groups[g].size() == 3;
  for (auto g : groups) int_digits += g;
  out.grouped = n_group > 0;
  if (n_group > 0 && !groups_ok) {
    out.malformed = true;
    auto last = groups.back();
    if (groups.size() == 2 && last.size() < 3 && frac_part.empty()) {
      // "310.00", "97.5": a short last group. Read the dot as a decimal point (as written);
      // the likely intent is a dropped digit ("310.000") unless it reads as a decimal.
      out.reason = "nhóm hàng nghìn chỉ có " + std::to_string(last.size()) + " chữ số";
      out.short_group = true;
      out.value = digits_to_decimal(groups.front(), last);
      out.precision = static_cast<int>(last.size());
      out.has_hint = true;
      if (last.size() == 1) {
        out.hint = out.value;  // "97.5": one digit is a decimal written with the other mark
      } else {
        std::string padded = std::string(groups.front()) + std::string(last) + std::string(3 - last.size(), '0');
        if (auto h = checked_digits_to_decimal(padded, "")) out.hint = *h;
        else out.has_hint = false;
      }
      return true;
    }
    out.reason = "nhóm chữ số hàng nghìn không hợp lệ";
    out.value = digits_to_decimal(int_digits, frac_part);
    out.precision = static_cast<int>(frac_part.size());
    out.has_hint = true;
    out.hint = out.value;
    return true;
  }
  if (int_digits.size() > 17 || frac_part.size() > 9) {
    out.malformed = true;
    out.reason = "số quá dài";
    int_digits = int_digits.substr(0, 17);
    frac_part = frac_part.substr(0, 9);
  }
  out.value = digits_to_decimal(int_digits, frac_part);
  out.precision = static_cast<int>(frac_part.size());
  return true;
}

bool lookup_unit(std::string_view folded, UnitInfo& out) {
  // Looked up by view (no key string built per call); the views point into unit_table()'s keys.
  static const std::unordered_map<std::string_view, UnitEntry> t = [] {
    std::unordered_map<std::string_view, UnitEntry> m;
    for (const auto& [key, entry] : unit_table()) m.emplace(key, entry);
    return m;
  }();
  auto it = t.find(folded);
  if (it == t.end()) return false;
  out.canonical = it->second.canonical;
  out.dimension = it->second.dimension;
  out.factor = it->second.factor;
  out.count = it->second.count;
  return true;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Classification and reading of one block's tokens.

struct BlockReader {
  const Document& doc;
  NumberReading& r;
  size_t first, last;  // token range of the block
  uint32_t sentence_hint = 0;
  const Block* block = nullptr;
  std::vector<int> cell_of;  // table rows: cell index of each token of the block (-1 outside cells)
  const std::vector<bool>* ratio_columns = nullptr;  // columns whose header is "% so KH", "Tỷ lệ", "So sánh"

  // Table rows: which cell each token stands in (cells and tokens are both in text order).
  void map_cells() {
    if (!block || block->kind != BlockKind::TableRow || block->cell_spans.empty()) return;
    cell_of.assign(last - first, -1);
    size_t c = 0;
    for (size_t k = first; k < last; ++k) {
      while (c < block->cell_spans.size() && block->cell_spans[c].end <= tok(k).span.begin) ++c;
      if (c < block->cell_spans.size() && block->cell_spans[c].begin <= tok(k).span.begin) cell_of[k - first] = static_cast<int>(c);
    }
  }
  int cell(size_t k) const { return cell_of.empty() || k < first || k >= last ? -1 : cell_of[k - first]; }

  // The row number of a table row ("1", "2.3", "10."): the only token of the first cell that
  // has any, in a row of three cells or more.
  void table_row_number() {
    if (cell_of.empty() || block->cell_spans.size() < 3) return;
    size_t k = first;
    while (k < last && cell(k) < 0) ++k;
    if (k >= last || !is(k, TokKind::Number)) return;
    int c = cell(k);
    size_t m = k + 1;
    if (punct(m, ".") && cell(m) == c) ++m;
    if (m < last && cell(m) == c) return;
    std::string_view w = raw(k);
    if (w.size() <= 2 || (w.size() <= 6 && w.find(',') == std::string_view::npos && w.find('.') != std::string_view::npos &&
                          w.find('.') <= 2 && w.size() - w.find('.') <= 3))
      non_quantity(k, "list_number");
  }

  // A table's unit column ("Tỷ đồng", "%", "Ha", "Con"): figures in the cells after it that have
  // no unit of their own are in that unit.
  void apply_table_unit() {
    if (cell_of.empty()) return;
    for (size_t k = first; k < last;) {
      int c = cell(k);
      size_t e = k;
      while (e < last && cell(e) == c) ++e;
      if (c >= 1) {
        Quantity u;
        if (cell_unit(k, e, u)) {
          for (size_t m = e; m < last; ++m) {
            if (!is(m, TokKind::Number) || tok(m).quantity < 0) continue;
            Quantity& q = r.quantities[static_cast<size_t>(tok(m).quantity)];
            if (!q.unit.empty() || q.dimension != "scalar") continue;
            size_t col = static_cast<size_t>(cell(m));
            if (ratio_columns && col < ratio_columns->size() && (*ratio_columns)[col]) continue;
            q.unit = u.unit;
            q.dimension = u.dimension;
            q.factor = u.factor;
            q.exact_count = u.exact_count && q.precision == 0;
          }
          return;
        }
      }
      k = e;
    }
  }

  // Is the cell [k, e) a unit phrase and nothing else?
  bool cell_unit(size_t k, size_t e, Quantity& u) {
    if (k >= e) return false;
    if (is(k, TokKind::Percent) && e == k + 1) {
      u.unit = "%";
      u.dimension = "percent";
      return true;
    }
    std::vector<std::string_view> ws;
    for (size_t m = k; m < e; ++m) {
      if (is(m, TokKind::Word)) { ws.push_back(tok(m).fold); continue; }
      if (is(m, TokKind::Slash) && m + 1 < e && is(m + 1, TokKind::Word)) continue;
      return false;  // a number, a trailing slash, punctuation: not a plain unit
    }
    size_t at = 0, used = 0;
    double scale = 1;
    std::string scale_disp;
    if (match_scale(ws.data(), ws.size(), 0, used, scale, scale_disp)) at = used;
    std::string phrase;
    for (size_t m = at; m < ws.size(); ++m) phrase += (m > at ? " " : "") + std::string(ws[m]);
    UnitInfo info;
    bool rate = false;
    if (!lookup_unit(phrase, info)) {
      // "Tạ/ha", "Triệu đồng/người/năm": the unit before the first slash.
      size_t n_before = 0;
      for (size_t m = k; m < e && !is(m, TokKind::Slash); ++m) n_before += is(m, TokKind::Word) ? 1 : 0;
      if (n_before == ws.size() || n_before <= at) return false;
      phrase.clear();
      for (size_t m = at; m < n_before; ++m) phrase += (m > at ? " " : "") + std::string(ws[m]);
      if (!lookup_unit(phrase, info)) return false;
      rate = true;
    }
    u.unit = scale_disp.empty() ? info.canonical : scale_disp + " " + info.canonical;
    u.dimension = info.dimension;
    u.factor = info.factor * scale;
    u.exact_count = info.count && scale == 1;
    if (rate) {
      bool after_slash = false;
      for (size_t m = k; m < e; ++m) {
        if (is(m, TokKind::Slash)) { after_slash = true; continue; }
        if (after_slash) { u.unit += "/" + std::string(raw(m)); after_slash = false; }
      }
      u.dimension = "rate";
      u.exact_count = false;
    }
    return true;
  }

  Token& tok(size_t k) { return r.tokens[k]; }
  bool in(size_t k) const { return k >= first && k < last; }
  bool is(size_t k, TokKind kind) { return in(k) && tok(k).kind == kind; }
  bool word(size_t k, std::string_view f) { return is(k, TokKind::Word) && tok(k).fold == f; }
  bool punct(size_t k, std::string_view p) { return in(k) && tok(k).kind == TokKind::Punct && tok(k).fold == p; }
  std::string_view raw(size_t k) { return doc.slice(tok(k).span); }

  // The rest of a document code glued to its number: "55/2014/QH13", "15/2023/TT-BTC".
  void doc_code_tail(size_t k) {
    for (size_t m = k + 1; in(m) && tok(m).glued; ++m) {
      TokKind kind = tok(m).kind;
      if (kind == TokKind::Number) { non_quantity(m, "doc_number"); continue; }
      if (kind == TokKind::Word || kind == TokKind::Slash || punct(m, "-") || punct(m, ".")) continue;
      break;
    }
  }

  // "II" in "quý II/2024".
  bool roman(size_t k) {
    if (!is(k, TokKind::Word) || !tok(k).all_upper) return false;
    std::string_view w = raw(k);
    return !w.empty() && w.size() <= 4 && w.find_first_not_of("IVX") == std::string_view::npos;
  }

  void non_quantity(size_t k, const char* kind) {
    if (!is(k, TokKind::Number) || tok(k).non_quantity >= 0 || tok(k).quantity >= 0) return;
    tok(k).non_quantity = static_cast<int>(r.non_quantities.size());
    NonQuantity nq;
    nq.span = tok(k).span;
    nq.text = std::string(raw(k));
    nq.kind = kind;
    r.non_quantities.push_back(std::move(nq));
  }

  static bool is_year(std::string_view s) {
    if (s.size() != 4 || !all_digits(s)) return false;
    int y = std::stoi(std::string(s));
    return y >= 1900 && y <= 2100;
  }
  static int small_int(std::string_view s) {
    if (s.empty() || s.size() > 4 || !all_digits(s)) return -1;
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  }

  // The word at k is a known one-word unit, written with the unit's own spelling
  // ("cái" but not "cải", "hộ" but not "hỗ").
  bool unit_word(size_t k, UnitInfo& u) {
    if (!is(k, TokKind::Word) || !lookup_unit(tok(k).fold, u)) return false;
    return !spelled_as_other_word(tok(k).fold, raw(k));
  }
  bool spelled(size_t k, std::string_view lower) { return is(k, TokKind::Word) && lower_utf8(raw(k)) == lower; }

  // Does a unit (known or plausible count noun) start at token k?
  bool unit_follows(size_t k) {
    if (is(k, TokKind::Percent)) return true;
    if (!is(k, TokKind::Word)) return false;
    UnitInfo u;
    if (is(k + 1, TokKind::Word)) {
      // The two words as one phrase, built in a buffer (the longest unit phrase is far shorter).
      const std::string_view a = tok(k).fold, b = tok(k + 1).fold;
      char buf[64];
      if (a.size() + 1 + b.size() <= sizeof buf) {
        std::memcpy(buf, a.data(), a.size());
        buf[a.size()] = ' ';
        std::memcpy(buf + a.size() + 1, b.data(), b.size());
        if (lookup_unit(std::string_view(buf, a.size() + 1 + b.size()), u)) return true;
      }
    }
    if (unit_word(k, u)) return true;
    // match_scale on this one word: a scale word alone.
    const std::string_view w = tok(k).fold;
    return w == "nghin" || w == "ngan" || w == "trieu" || w == "ty" || w == "ti";
  }

  // A unit or a plain lowercase noun that can count things ("06/10 giải", "07/8 giải"): then
  // d/m is a count of a total, not a date.
  bool count_noun_follows(size_t k) {
    if (unit_follows(k)) return true;
    if (!is(k, TokKind::Word) || tok(k).upper) return false;
    const auto& f = tok(k).fold;
    static const std::unordered_set<std::string> after_dates = {"nam", "cua", "tai", "va", "ve", "theo", "thi", "da", "den",
                                                                "tu", "hoac", "nay", "vua", "qua", "toi", "luc", "sang",
                                                                "chieu", "toi", "dem", "nhu", "voi", "cho"};
    return !after_dates.count(f) && !not_unit_word(f);
  }

  // The bounds of a class: "(từ) N <unit> trở xuống/trở lên", and "từ (trên) N <unit> đến M <unit>"
  // where no change is stated ("tăng từ 5 lên 8" is a change; "từ 5 đến 10 lao động" a class).
  // Marks the bound(s) as a range and says whether k was one.
  bool class_bound(size_t k) {
    if (is(k + 1, TokKind::Word) && is_period_word(tok(k + 1).fold)) return false;  // "từ 15 tuổi trở lên": an age
    size_t e = k + 1;
    while (e < k + 5 && is(e, TokKind::Word) && !word(e, "tro") && !word(e, "den")) ++e;
    if (word(e, "tro") && (word(e + 1, "xuong") || word(e + 1, "len"))) {
      non_quantity(k, "range");
      return true;
    }
    // ("trên 10 lao động đến 50 lao động": a class opened by "trên" alone)
    const bool opened = word(k - 1, "tren") || word(k - 1, "duoi");
    const size_t from = opened ? k - 2 : k - 1;
    if (!(word(from, "tu") || opened) || word(from - 1, "tang") || word(from - 1, "giam") || !word(e, "den") ||
        !is(e + 1, TokKind::Number) || tok(e + 1).non_quantity >= 0)
      return false;
    non_quantity(k, "range");
    non_quantity(e + 1, "range");
    return true;
  }

  // A code word right before k: "mã số (thuế|hàng hóa …)", "mã HS", "tờ khai (số)", "số hiệu",
  // "mã định danh" — up to four words back, with an optional ':' just before the number.
  bool code_word_before(size_t k) {
    size_t m = punct(k - 1, ":") ? k - 1 : k;
    for (size_t d = 1; d <= 4 && m >= first + d && is(m - d, TokKind::Word); ++d) {
      const size_t w = m - d;
      // ("tổng số tờ khai đạt 12.500": a count after the noun, so only "tờ khai (số) N")
      const bool declaration = word(w, "khai") && word(w - 1, "to") && (d == 1 || (d == 2 && word(m - 1, "so")));
      if ((word(w, "ma") && spelled(w, "mã") && d <= 3) || declaration || (word(w, "hieu") && word(w - 1, "so") && d == 1))
        return true;
      // "nhóm HS 400280", "mã HS 8703": a customs tariff heading.
      if (d == 1 && (raw(w) == "HS" || raw(w) == "HTS")) return true;
    }
    return false;
  }
  static bool dotted_date(std::string_view w) {
    const size_t a = w.find('.'), b = a == std::string_view::npos ? a : w.find('.', a + 1);
    if (b == std::string_view::npos || w.size() - b - 1 != 4 || a == 0 || a > 2 || b - a - 1 == 0 || b - a - 1 > 2)
      return false;
    const std::string_view d = w.substr(0, a), mo = w.substr(a + 1, b - a - 1), y = w.substr(b + 1);
    if (!all_digits(d) || !all_digits(mo) || !is_year(y)) return false;
    const int dd = small_int(d), mm = small_int(mo);
    return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
  }

  void classify() {
    for (size_t k = first; k < last; ++k) {
      if (!is(k, TokKind::Number) || tok(k).non_quantity >= 0) continue;
      std::string_view w = raw(k);
      const bool glued_prev_word = tok(k).glued && is(k - 1, TokKind::Word);
      // "QL3", "COVID-19", "UV2+", "H5N1": a number glued to letters is part of a name,
      // except the exponent of m2/m3/km2 (a unit).
      if (glued_prev_word) {
        const std::string_view f = tok(k - 1).fold;
        if (f == "m" || f == "km") { non_quantity(k, "unit_exponent"); continue; }
        non_quantity(k, "name");
        continue;
      }
      if (tok(k).glued && punct(k - 1, "-") && is(k - 2, TokKind::Word) && tok(k - 1).glued) {
        non_quantity(k, "name");  // COVID-19, Covid-19, SARS-CoV-2
        continue;
      }
      // "COVID- 19": a name broken after its dash at the end of a PDF line.
      if (punct(k - 1, "-") && tok(k - 1).glued && !tok(k).glued && is(k - 2, TokKind::Word) && tok(k - 2).all_upper &&
          small_int(w) >= 0 && !unit_follows(k + 1)) {
        non_quantity(k, "name");
        continue;
      }
      // "Covid -19": a dash glued to the number after a capitalised word inside a sentence.
      if (tok(k).glued && punct(k - 1, "-") && !tok(k - 1).glued && is(k - 2, TokKind::Word) && tok(k - 2).upper &&
          is(k - 3, TokKind::Word) && !unit_follows(k + 1) && small_int(w) >= 0) {
        non_quantity(k, "name");
        continue;
      }
      // "tỷ lệ 1/500": the scale of a map or plan.
      if (w == "1" && is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number) && word(k - 1, "le") && word(k - 2, "ty")) {
        non_quantity(k, "name");
        non_quantity(k + 2, "name");
        continue;
      }
      if (is(k + 1, TokKind::Word) && tok(k + 1).glued && (std::string_view(tok(k + 1).fold) == "h" || std::string_view(tok(k + 1).fold) == "g") &&
          is(k + 2, TokKind::Number) && tok(k + 2).glued) {
        non_quantity(k, "time");  // 17h00
        non_quantity(k + 2, "time");
        continue;
      }
      // Document numbers: "52/NQ-HĐND", "01/2022/NQ-HĐND", "10-NQ/TU", "1553/UBND-VP".
      if (is(k + 1, TokKind::Slash) && tok(k + 1).glued && is(k + 2, TokKind::Word) && tok(k + 2).glued &&
          tok(k + 2).upper) {
        non_quantity(k, "doc_number");
        doc_code_tail(k);
        continue;
      }
      if (is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number) && is(k + 3, TokKind::Slash) &&
          is(k + 4, TokKind::Word) && tok(k + 4).upper && tok(k + 1).glued && tok(k + 3).glued) {
        non_quantity(k, "doc_number");
        non_quantity(k + 2, "doc_number");
        doc_code_tail(k + 2);
        continue;
      }
      if (punct(k + 1, "-") && tok(k + 1).glued && is(k + 2, TokKind::Word) && tok(k + 2).glued && tok(k + 2).all_upper &&
          std::string_view(tok(k + 2).fold) != "kh") {
        non_quantity(k, "doc_number");
        doc_code_tail(k);
        continue;
      }
      // "11-CTr/TU": a number, a dash, a code word and a slash.
      if (punct(k + 1, "-") && tok(k + 1).glued && is(k + 2, TokKind::Word) && tok(k + 2).glued && tok(k + 2).upper &&
          is(k + 3, TokKind::Slash) && tok(k + 3).glued) {
        non_quantity(k, "doc_number");
        doc_code_tail(k);
        continue;
      }
      // "2023/2022": one year against another.
      if (is_year(w) && is(k + 1, TokKind::Slash) && tok(k + 1).glued && is(k + 2, TokKind::Number) &&
          tok(k + 2).glued && is_year(raw(k + 2))) {
        non_quantity(k, "year");
        non_quantity(k + 2, "year");
        continue;
      }
      // "quý II/2024": a period written with a Roman numeral.
      if (is_year(w) && is(k - 1, TokKind::Slash) && tok(k).glued && tok(k - 1).glued && roman(k - 2)) {
        non_quantity(k, "date");
        continue;
      }
      // "5G", "3D": a number glued to capitals that are not a unit is part of a name.
      if (is(k + 1, TokKind::Word) && tok(k + 1).glued && tok(k + 1).all_upper && std::string_view(tok(k + 1).fold) != "kh") {
        UnitInfo u;
        if (!unit_word(k + 1, u)) { non_quantity(k, "name"); continue; }
      }
      // Codes: "mã số thuế: 0101234567", "mã số hàng hóa 30042039", "mã HS 8517", "tờ khai số
      // 10592…": the digits after the code word, however grouped, are an identifier.
      if (code_word_before(k)) {
        for (size_t m = k; is(m, TokKind::Number) && (m == k || !unit_follows(m)); ++m) non_quantity(m, "name");
        continue;
      }
      // Eight or more digits written with no separator and no unit: an identifier (a code, an
      // account, a declaration number), never an amount, which Vietnamese text groups.
      // (a leading zero and nine digits or more is a phone number, below)
      if (w.size() >= 8 && all_digits(w) && !unit_follows(k + 1) && !(w[0] == '0' && w.size() >= 9)) {
        non_quantity(k, "name");
        continue;
      }
      // "18.10.2023": a date written with dots.
      if (dotted_date(w)) {
        non_quantity(k, "date");
        continue;
      }
      // "24/7": round the clock.
      if (w == "24" && is(k + 1, TokKind::Slash) && tok(k + 1).glued && is(k + 2, TokKind::Number) && raw(k + 2) == "7" &&
          tok(k + 2).glued && !unit_follows(k + 3)) {
        non_quantity(k, "name");
        non_quantity(k + 2, "name");
        continue;
      }
      // "ISO 9001:2015"
      if (punct(k + 1, ":") && tok(k + 1).glued && is(k + 2, TokKind::Number) && tok(k + 2).glued) {
        non_quantity(k, "name");
        non_quantity(k + 2, "name");
        continue;
      }
      // Dates: d/m/yyyy, d/m, m/yyyy, d-d/m, m-m/yyyy.
      if (is(k + 1, TokKind::Slash) && tok(k + 1).glued && is(k + 2, TokKind::Number) && tok(k + 2).glued) {
        std::string_view b = raw(k + 2);
        int a = small_int(w), bb = small_int(b);
        bool three = is(k + 3, TokKind::Slash) && tok(k + 3).glued && is(k + 4, TokKind::Number) && tok(k + 4).glued;
        if (three && a >= 1 && a <= 31 && bb >= 1 && bb <= 12 && is_year(raw(k + 4))) {
          non_quantity(k, "date"); non_quantity(k + 2, "date"); non_quantity(k + 4, "date");
          continue;
        }
        if (a >= 1 && a <= 12 && is_year(b) && !three) {
          non_quantity(k, "date"); non_quantity(k + 2, "date");  // 02/2023
          continue;
        }
        bool date_word_before = false;
        for (size_t d = 1; d <= 2; ++d) {
          if (!is(k - d, TokKind::Word)) break;
          const std::string_view f = tok(k - d).fold;
          if (f == "ngay" || f == "den" || f == "tu" || f == "het" || f == "truoc" || f == "dip" || f == "toi") {
            date_word_before = true;
          }
        }
        // "tỷ lệ đạt 11/11 = 100%": a fraction set equal to a figure is not a date.
        const bool equated = punct(k + 3, "=") && !date_word_before;
        if (a >= 1 && a <= 31 && bb >= 1 && bb <= 12 && w.size() <= 2 && b.size() <= 2 && !equated &&
            (date_word_before || !count_noun_follows(k + 3))) {
          non_quantity(k, "date"); non_quantity(k + 2, "date");
          continue;
        }
      }
      // Ranges "2021-2025", "30-70%", "15-18 tiêu chí", "9-10/2023", "01-02/6", "2023- 2024", "2022 -2025".
      if (punct(k + 1, "-") && is(k + 2, TokKind::Number)) {
        bool tight = tok(k + 1).glued || tok(k + 2).glued;
        std::string_view b = raw(k + 2);
        // "từ 10 - 12 tấn", "khoảng 5 - 7%": spaced, but introduced as a range.
        // "rộng 26,5 - 61,5m", "tăng 8 - 10%": spaced, the unit after the second end only.
        bool introduced = word(k - 1, "tu") || word(k - 1, "khoang") || unit_follows(k + 3);
        if (tight || introduced || (is_year(w) && is_year(b))) {
          ParsedNumber pa, pb;
          bool ok = parse_number(w, r.convention, pa) && parse_number(b, r.convention, pb);
          if (ok && pa.value.to_double() <= pb.value.to_double()) {
            // "01-02/6", "9-10/2023": days of a month, months of a year.
            bool dated = is(k + 3, TokKind::Slash) && is(k + 4, TokKind::Number) && tok(k + 3).glued && tok(k + 4).glued &&
                         small_int(w) >= 1 && small_int(b) <= 31;
            const char* kind = dated ? "date" : is_year(w) && is_year(b) ? "year_range" : "range";
            non_quantity(k, kind);
            non_quantity(k + 2, kind);
            if (dated) non_quantity(k + 4, "date");
            continue;
          }
        }
      }
      // Star classes: "hạng 4 sao", "đạt 3 sao", "khách sạn 5 sao" are classes, not counts.
      if (small_int(w) >= 1 && small_int(w) <= 5 && is(k + 1, TokKind::Word) && std::string_view(tok(k + 1).fold) == "sao" &&
          spelled(k + 1, "sao")) {
        non_quantity(k, "rank");
        continue;
      }
      // Class bounds are no figures: "từ 10 lao động trở xuống", "trên 500 tỷ đồng trở lên",
      // "từ 5 đến 10 năm", "từ trên 10 đến 50 lao động" (a size class, not a count).
      if (class_bound(k)) continue;
      // A number naming a road, a zone or a lot: "Quốc lộ 6", "tỉnh lộ 291", "Vành đai 3", "gói thầu
      // số 5" (handled by "số"), "khu 4", "lô 12", "cụm 2", with no unit after it.
      if (is(k - 1, TokKind::Word) && small_int(w) >= 0 && !unit_follows(k + 1) && !is(k + 1, TokKind::Slash)) {
        const std::string_view f = tok(k - 1).fold;
        const bool road = (f == "lo" && (word(k - 2, "quoc") || word(k - 2, "tinh") || word(k - 2, "huyen")) &&
                           spelled(k - 1, "lộ")) ||
                          (f == "dai" && word(k - 2, "vanh")) || (f == "thau" && word(k - 2, "goi")) ||
                          ((f == "khu" || f == "cum" || f == "tuyen") && tok(k - 1).upper) ||
                          (f == "lo" && spelled(k - 1, "lô"));
        if (road) { non_quantity(k, "name"); continue; }
      }
      // Ordinals and ranks: "thứ 35/63", "xếp thứ 57", "vị trí 22/63", "TOP 183", "hạng 3", "lần thứ 14".
      if (is(k - 1, TokKind::Word)) {
        const std::string_view f = tok(k - 1).fold;
        // "thu 15 tỷ đồng" (collected) and "hàng" (goods) are not ranks: match the spelling.
        if ((f == "thu" && spelled(k - 1, "thứ")) || f == "top" || (f == "hang" && spelled(k - 1, "hạng")) ||
            (f == "tu" && spelled(k - 1, "tự") && spelled(k - 2, "thứ")) ||
            (f == "tri" && word(k - 2, "vi")) || (f == "khoa" && (spelled(k - 1, "khóa") || spelled(k - 1, "khoá")))) {
          non_quantity(k, "rank");
          if (is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number)) {
            non_quantity(k + 2, "rank");
            rank_of = std::string(raw(k + 2));
            rank_at = k;
          }
          continue;
        }
      }
      // "xếp thứ 41/63 …, tăng 16 bậc so với năm 2023 (57/63)": a fraction over the same total as
      // a rank just stated is a rank too, never a ratio.
      if (!rank_of.empty() && k < rank_at + 40 && is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number) &&
          tok(k + 1).glued && raw(k + 2) == rank_of) {
        non_quantity(k, "rank");
        non_quantity(k + 2, "rank");
        continue;
      }
      if (is(k - 1, TokKind::Word)) {
        const std::string_view f = tok(k - 1).fold;
        // "năm 2023", "giai đoạn 2021", "năm học 2023"
        if (is_year(w) && (f == "nam" || f == "doan" || f == "hoc" || f == "ky" || f == "tu" || f == "den" || f == "vu")) {
          non_quantity(k, "year");
          continue;
        }
        // "ngày 19", "tháng 6", "quý 2"
        if ((f == "ngay" || f == "thang" || f == "quy") && small_int(w) >= 0 && small_int(w) <= 31 && !unit_follows(k + 1)) {
          non_quantity(k, "date");
          if (is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number)) non_quantity(k + 2, "date");
          continue;
        }
        // "Đề án 06", "Chương trình 135", "Nghị định 100", "Chỉ thị 08", "Kế hoạch số 12"
        if ((f == "an" && word(k - 2, "de")) || (f == "dinh" && word(k - 2, "nghi")) || (f == "thi" && word(k - 2, "chi")) ||
            (f == "so" && raw(k - 1) != "sở" && raw(k - 1) != "Sở" && !word(k - 2, "tong") && !word(k - 2, "thieu") &&
             !word(k - 2, "da") && !unit_follows(k + 1) &&
             !is(k + 1, TokKind::Percent))) {
          if (!unit_follows(k + 1)) { non_quantity(k, "name"); continue; }
        }
      }
      // Labels: "Dự án 2", "Tiểu dự án 1", "Nội dung 3", "Điều 5", "Mục 4".
      if (!unit_follows(k + 1) && is(k - 1, TokKind::Word)) {
        const std::string_view f = tok(k - 1).fold;
        bool label = (f == "an" && word(k - 2, "du") && (tok(k - 2).upper || word(k - 3, "tieu"))) ||
                     (f == "dung" && word(k - 2, "noi") && tok(k - 2).upper) ||
                     (f == "trinh" && word(k - 2, "chuong") && tok(k - 2).upper) ||
                     (f == "tieu" && word(k - 2, "chi") && tok(k - 2).upper) ||
                     ((f == "dieu" || f == "khoan" || f == "muc" || f == "chuong" || f == "phan") && tok(k - 1).upper);
        // Ordinal labels: "lớp 6", "mức độ 1", "cấp độ 3", "vòng 2", "mũi 3", "tổ 17", "kỳ 3", "năm 4"
        // (of a crop cycle): a small number after them, with no unit, names a grade or a round.
        const int n = small_int(w);
        bool ordinal = n >= 0 && n <= 99 && w.find(',') == std::string_view::npos &&
                       (f == "lop" || f == "vong" || f == "mui" || (f == "do" && (word(k - 2, "muc") || word(k - 2, "cap"))) ||
                        (f == "to" && spelled(k - 1, "tổ")) || (f == "ky" && (spelled(k - 1, "kỳ") || spelled(k - 1, "kì"))) ||
                        (f == "nam" && n <= 10 && spelled(k - 1, "năm")) ||
                        // "bài thi đạt điểm 10", "điểm 9": a grade on a ten-point scale.
                        (f == "diem" && n <= 10 && spelled(k - 1, "điểm") && !is(k + 1, TokKind::Percent)));
        // A proper name of two capitalised words and a number: "Khu dân cư Đức Xuân 4".
        bool proper = n >= 0 && n <= 999 && tok(k - 1).upper && !tok(k - 1).all_upper && is(k - 2, TokKind::Word) &&
                      tok(k - 2).upper && !tok(k - 2).all_upper && tok(k).glued == false && in(k - 3);
        if (label || ordinal || proper) { non_quantity(k, "name"); continue; }
      }
      // Bare years with no unit: "(2023)", "2023."
      if (is_year(w) && !unit_follows(k + 1) && !is(k + 1, TokKind::Slash) && !(is(k - 1, TokKind::Slash))) {
        non_quantity(k, "year");
        continue;
      }
      // Durations "6 tháng", "3 năm", "18 tuổi".
      if (is(k + 1, TokKind::Word) && is_period_word(tok(k + 1).fold) && !w.empty() && w.find(',') == std::string_view::npos) {
        non_quantity(k, "duration");
        continue;
      }
      // List and heading numbers: "1.", "3.1.", "(1)", "1)", "a)" at a block or clause start.
      bool at_start = k == first || punct(k - 1, ":") || punct(k - 1, ";") || punct(k - 1, "+") || punct(k - 1, "-") ||
                      punct(k - 1, "*") || punct(k - 1, "•");
      if (at_start && (punct(k + 1, ".") || is(k + 1, TokKind::Close)) && tok(k + 1).glued && small_int(w) >= 0) {
        non_quantity(k, "list_number");
        continue;
      }
      if (k == first && w.find('.') != std::string_view::npos && w.size() <= 8 && punct(k + 1, ".") ) {
        non_quantity(k, "list_number");  // 3.1.
        continue;
      }
      if (is(k - 1, TokKind::Open) && is(k + 1, TokKind::Close) && small_int(w) >= 0 && small_int(w) < 30 &&
          tok(k).glued && tok(k + 1).glued && (!unit_follows(k + 2) || (is(k + 2, TokKind::Word) && tok(k + 2).upper))) {
        non_quantity(k, "list_number");  // (1), "(6) Cây sắn"
        continue;
      }
      // "4.0" after a name: "chợ 4.0", "công nghiệp 4.0", "phiên bản 2.1".
      // (Not in a table column read with '.' for the decimal point: "2.5" there is a figure.)
      if (w.size() == 3 && w[1] == '.' && !is(k + 1, TokKind::Percent) &&
          !(cell_conventions && convention_at(k) == NumberConvention::English)) {
        non_quantity(k, "name");
        continue;
      }
      // Phone numbers after "điện thoại", "ĐT", "hotline", "fax": "0206 3852 123".
      if (w[0] == '0' && w.size() >= 3) {
        size_t p = punct(k - 1, ":") ? k - 2 : k - 1;
        if (is(p, TokKind::Word)) {
          const std::string_view f = tok(p).fold;
          if (f == "thoai" || f == "dt" || f == "sdt" || f == "hotline" || f == "fax") {
            for (size_t m = k; is(m, TokKind::Number) && all_digits(raw(m)) && (m == k || !tok(m).glued); ++m)
              non_quantity(m, "phone");
            if (tok(k).non_quantity >= 0) continue;
          }
        }
      }
      // Phone numbers: a leading zero and nine or more digits.
      if (w.size() >= 9 && w[0] == '0' && std::count_if(w.begin(), w.end(), [](char c) { return is_digit(c); }) >= 9 &&
          w.find(',') == std::string_view::npos) {
        non_quantity(k, "phone");
        continue;
      }
    }
  }

  // Does the paragraph write "đồng" as a unit ("… 10 tỷ đồng", "triệu đồng")?
  int counts_dong = -1;
  bool block_counts_dong() {
    if (counts_dong < 0) {
      counts_dong = 0;
      for (size_t m = first + 1; m < last && !counts_dong; ++m)
        if (word(m, "dong") && spelled(m, "đồng") && (is(m - 1, TokKind::Number) || word(m - 1, "ty") || word(m - 1, "trieu")))
          counts_dong = 1;
    }
    return counts_dong == 1;
  }

  // Read the unit after the number token k. Returns the number of tokens consumed.
  size_t read_unit(size_t k, Quantity& q) {
    size_t j = k + 1;
    // "99,%": a decimal comma with no decimals.
    if (punct(j, ",") && tok(j).glued && is(j + 1, TokKind::Percent) && tok(j + 1).glued) {
      q.malformed = true;
      q.malformed_reason = "dấu thập phân không có chữ số";
      q.hint = q.value;
      ++j;
    }
    // "1.414.100.000,đ"
    if (punct(j, ",") && tok(j).glued && is(j + 1, TokKind::Word) && tok(j + 1).glued && std::string_view(tok(j + 1).fold) == "d") ++j;
    if (is(j, TokKind::Percent)) {
      q.unit = "%";
      q.dimension = "percent";
      q.unit_span = tok(j).span;
      return j + 1 - k - 1;
    }
    // Gather up to five following words (stop at anything else), on the stack.
    std::array<std::string_view, 5> ws;
    std::array<size_t, 5> idx;
    size_t n_ws = 0;
    for (size_t m = j; m < last && n_ws < 5; ++m) {
      if (tok(m).kind == TokKind::Word) { ws[n_ws] = tok(m).fold; idx[n_ws++] = m; continue; }
      if (tok(m).kind == TokKind::Percent && n_ws >= 1 && ws[n_ws - 1] == "diem") { ws[n_ws] = "%"; idx[n_ws++] = m; continue; }
      break;
    }
    if (n_ws == 0 || idx[0] != j) return 0;
    // "m3" / "km2" written with a plain digit after the letters (from m<sup>3</sup>).
    if ((ws[0] == "m" || ws[0] == "km") && is(j + 1, TokKind::Number) && tok(j + 1).glued &&
        (raw(j + 1) == "2" || raw(j + 1) == "3")) {
      UnitInfo u;
      lookup_unit(std::string(ws[0]) + std::string(raw(j + 1)), u);
      q.unit = u.canonical;
      q.dimension = u.dimension;
      q.factor = u.factor;
      q.unit_span = Span{tok(j).span.begin, tok(j + 1).span.end};
      tok(j).unit_part = tok(j + 1).unit_part = true;
      return read_rate(k, j + 2, q);
    }
    size_t at = 0;
    double scale = 1;
    std::string scale_disp;
    size_t used = 0;
    if (match_scale(ws.data(), n_ws, 0, used, scale, scale_disp)) at = used;
    // Longest known unit phrase.
    UnitInfo u;
    size_t best = 0;
    std::string phrase;  // (one buffer for every length)
    for (size_t len = std::min<size_t>(4, n_ws - at); len >= 1; --len) {
      phrase.clear();
      for (size_t m = at; m < at + len; ++m) {
        if (m > at) phrase += ' ';
        phrase += ws[m];
      }
      if (lookup_unit(phrase, u)) {
        if (len == 1 && spelled_as_other_word(phrase, doc.slice(tok(idx[at]).span))) continue;
        // "giảm 1.245 hộ so với": "hộ so" folds like "hồ sơ"; a longer unit spelled otherwise
        // gives way to a first word that is a unit in its own spelling.
        if (len > 1) {
          auto written = [&] {
            return lower_utf8(std::string_view(doc.text).substr(
                tok(idx[at]).span.begin, tok(idx[at + len - 1]).span.end - tok(idx[at]).span.begin));
          };
          UnitInfo first_word;
          // ("trường họp", OCR for "trường hợp", keeps the longer unit: its first word is spelled right.)
          std::string canonical = lower_utf8(u.canonical);
          std::string first_written = lower_utf8(raw(idx[at]));
          bool first_as_canonical = canonical.compare(0, first_written.size(), first_written) == 0 &&
                                    canonical.size() > first_written.size() && canonical[first_written.size()] == ' ';
          if (vfold(u.canonical) == phrase && written() != canonical && !first_as_canonical && lookup_unit(ws[at], first_word) &&
              first_written == lower_utf8(first_word.canonical))
            continue;
        }
        best = len;
        break;
      }
    }
    size_t end_word;  // index into ws, one past the unit
    if (best > 0) {
      end_word = at + best;
      q.dimension = u.dimension;
      q.factor = u.factor * scale;
      q.exact_count = u.count && scale == 1 && q.precision == 0;
      q.unit = scale_disp.empty() ? u.canonical : scale_disp + " " + u.canonical;
    } else if (at > 0) {
      // "3 tỷ", "5 triệu": a bare scale; an unknown noun after it is its unit.
      end_word = at;
      std::string noun;
      if (at < n_ws && !is_function_word(ws[at], raw(idx[at])) && !tok(idx[at]).upper) {
        noun = std::string(doc.slice(tok(idx[at]).span));
        end_word = at + 1;
      }
      q.unit = scale_disp + (noun.empty() ? "" : " " + noun);
      q.dimension = noun.empty() ? "scalar" : "count:" + std::string(ws[at]);
      q.factor = scale;
      // "giảm thuế 4,5 tỷ", "tăng 780 tỷ vốn đăng ký": a bare "tỷ" in a paragraph that counts
      // money in đồng is tỷ đồng (a count of a billion things is written with its noun).
      if (scale == 1e9 && (noun.empty() || ws[at] == "von" || ws[at] == "tien") && block_counts_dong()) {
        end_word = at;
        q.unit = "tỷ đồng";
        q.dimension = "money:VND";
      }
    } else {
      // An unknown count noun: keep it as text ("12 mô hình" -> "mô").
      if (is_function_word(ws[0], raw(idx[0])) || tok(idx[0]).all_upper) return 0;
      end_word = 1;
      q.unit = std::string(doc.slice(tok(idx[0]).span));
      q.dimension = "count:" + std::string(ws[0]);
      UnitInfo same_fold;  // "hỗ" is not "hộ": keep the spelling when the folded form is a unit's
      if (lookup_unit(ws[0], same_fold)) q.dimension = "count:" + lower_utf8(q.unit);
      q.exact_count = q.precision == 0;
    }
    size_t last_tok = idx[end_word - 1];
    q.unit_span = Span{tok(j).span.begin, tok(last_tok).span.end};
    for (size_t m = j; m <= last_tok; ++m) tok(m).unit_part = true;
    return read_rate(k, last_tok + 1, q);
  }

  // Rates: "kg/người/năm", "tiêu chí/xã", "triệu đồng/tháng", "m3/ngày": a slash then a word.
  size_t read_rate(size_t k, size_t m, Quantity& q) {
    while (is(m, TokKind::Slash) && is(m + 1, TokKind::Word) && tok(m + 1).glued) {
      // "tấn/KH": the plan, not a rate ("5.200 tấn/KH 5.000 tấn").
      UnitInfo per;
      if (std::string_view(tok(m + 1).fold) == "kh" || (tok(m + 1).all_upper && !lookup_unit(tok(m + 1).fold, per))) break;
      q.unit += "/" + std::string(doc.slice(tok(m + 1).span));
      q.dimension = "rate";
      q.exact_count = false;
      q.unit_span.end = tok(m + 1).span.end;
      tok(m).unit_part = tok(m + 1).unit_part = true;
      m += 2;
      // "người/km2": the exponent of the denominator.
      if ((std::string_view(tok(m - 1).fold) == "m" || std::string_view(tok(m - 1).fold) == "km") && is(m, TokKind::Number) && tok(m).glued &&
          (raw(m) == "2" || raw(m) == "3")) {
        q.unit += std::string(raw(m));
        q.unit_span.end = tok(m).span.end;
        ++m;
      }
    }
    return m - k - 1;
  }

  void read_qualifier_and_sign(size_t k, Quantity& q) {
    // Sign: "-5,47%" (a minus with space before it), "âm 3,7%".
    if (punct(k - 1, "-") && tok(k).glued && !(is(k - 2, TokKind::Number) || (is(k - 2, TokKind::Word) && tok(k - 1).glued)))
      q.negative = true;
    if (word(k - 1, "am") && spelled(k - 1, "âm")) q.negative = true;
    if (punct(k - 1, "<")) q.qualifier = Qualifier::AtMost;
    if (punct(k - 1, ">")) q.qualifier = Qualifier::AtLeast;
    for (size_t d = 1; d <= 3; ++d) {
      if (!is(k - d, TokKind::Word)) break;
      const std::string_view f = tok(k - d).fold;
      if (d == 1 || (d == 2 && (std::string_view(tok(k - 1).fold) == "dat" || std::string_view(tok(k - 1).fold) == "duoc"))) {
        if (f == "khoang" || (f == "xi" && word(k - d - 1, "xap"))) { q.qualifier = Qualifier::Approx; return; }
        // "chuyển tuyến trên 2 ca", "cấp trên 3 lần", "cấp dưới": a level, not "more than" / "less than".
        const bool level = d == 1 && (word(k - 2, "tuyen") || word(k - 2, "cap"));
        if (f == "hon" || (f == "tren" && !level) || (f == "thieu" && word(k - d - 1, "toi"))) { q.qualifier = Qualifier::AtLeast; return; }
        if ((f == "duoi" && !level) || f == "gan" || (f == "da" && word(k - d - 1, "toi"))) { q.qualifier = Qualifier::AtMost; return; }
      }
      if (f == "uoc" || (f == "kien" && word(k - d - 1, "du"))) { q.qualifier = Qualifier::Estimate; return; }
    }
  }

  std::vector<uint32_t> ungrouped_percents;  // read_quantities: "1000,88%"
  size_t block_quantities = 0;               // index of the block's first quantity
  // stray_letter_for_paren: bracket depth of tokens [first, paren_scan), carried forward as k
  // grows (recounting from the block start each time was quadratic on one huge paragraph).
  size_t paren_scan = 0;
  int paren_depth = 0;
  // Table rows: the decimal convention of each cell's column (column_conventions), when a column
  // of the table is not read with the document's.
  const std::vector<NumberConvention>* cell_conventions = nullptr;

  NumberConvention convention_at(size_t k) const {
    if (!cell_conventions) return r.convention;
    int c = cell(k);
    return c >= 0 && static_cast<size_t>(c) < cell_conventions->size() ? (*cell_conventions)[static_cast<size_t>(c)] : r.convention;
  }

  // "bằng 1000,88% cùng kỳ" among ratios of about 100%: an ungrouped percent of four integer
  // digits (a figure with decimals is grouped: "1.000,88") that is far above every other percent
  // of its paragraph is malformed, more likely an extra digit (100,88%) than 1.000,88%; the hint
  // is the one-digit deletion closest to those percents. Alone in its paragraph, or close to the
  // others, it is left as written (a style slip, not a wrong value).
  void implausible_percents() {
    // The paragraph's other percents, gathered once: an ungrouped percent (1000 or more, so never
    // among them) is the only quantity this loop changes.
    std::vector<double> block_percents;
    if (!ungrouped_percents.empty())
      for (size_t j = block_quantities; j < r.quantities.size(); ++j) {
        const Quantity& o = r.quantities[j];
        if (o.unit != "%" || o.malformed) continue;
        double v = o.value.to_double();
        if (v > 0 && v < 1000) block_percents.push_back(v);
      }
    for (uint32_t id : ungrouped_percents) {
      Quantity& q = r.quantities[id];
      std::vector<double> others = block_percents;
      if (others.size() < 2) continue;
      double hi = *std::max_element(others.begin(), others.end());
      double lo = *std::min_element(others.begin(), others.end());
      double value = q.value.to_double();
      if (value < 5 * hi) continue;
      std::sort(others.begin(), others.end());
      double median = others[others.size() / 2];
      int64_t m = q.value.mantissa;
      std::string digits = std::to_string(m);
      size_t int_len = digits.size() - static_cast<size_t>(q.value.scale);
      std::optional<Decimal> best;
      double best_d = 0;
      for (size_t i = 0; i < int_len; ++i) {
        std::string d = digits;
        d.erase(i, 1);
        if (d[0] == '0') continue;
        Decimal c{std::stoll(d), q.value.scale};
        double cv = c.to_double();
        if (cv < lo / 2 || cv > hi * 2) continue;
        double dist = std::fabs(std::log(cv / median));
        if (!best || dist < best_d) { best = c; best_d = dist; }
      }
      if (!best) continue;
      q.malformed = true;
      q.malformed_reason = "phần nguyên bốn chữ số không có dấu chấm hàng nghìn, quá lớn so với các tỷ lệ bên cạnh";
      q.hint = *best;
    }
  }

  // "so với cùng kỳ năm 2022 ụ 1 dự án với tổng vốn 1.739 tỷ đồng), …": a lone lowercase letter
  // with a diacritic before a number, outside any parenthesis, and a ")" after it in the clause
  // with no "(" before: the letter is an opening parenthesis (and maybe a digit) misread by OCR,
  // so the number after it is not to be trusted as written.
  bool stray_letter_for_paren(size_t k) {
    if (!is(k - 1, TokKind::Word) || tok(k).glued || tok(k - 1).upper) return false;
    std::string_view letter = raw(k - 1);
    size_t i = 0;
    char32_t cp = decode_utf8(letter, i);
    if (cp < 0x80) return false;
    while (i < letter.size()) {  // combining marks only after the letter
      char32_t m = decode_utf8(letter, i);
      if (m < 0x300 || m >= 0x370) return false;
    }
    // Depth of the tokens [first, k - 1).
    const size_t upto = k - 1;
    if (paren_scan < first || paren_scan > upto) {
      paren_scan = first;
      paren_depth = 0;
    }
    for (; paren_scan < upto; ++paren_scan) {
      if (is(paren_scan, TokKind::Open)) ++paren_depth;
      if (is(paren_scan, TokKind::Close) && paren_depth > 0) --paren_depth;
    }
    if (paren_depth > 0) return false;
    for (size_t m = k + 1; m < last && m < k + 16; ++m) {
      if (is(m, TokKind::Open) || punct(m, ";") || punct(m, ".")) return false;
      if (is(m, TokKind::Close)) return true;
    }
    return false;
  }

  static char group_char(NumberConvention c) { return c == NumberConvention::Vietnamese ? '.' : ','; }

  void read_quantities() {
    block_quantities = r.quantities.size();
    for (size_t k = first; k < last; ++k) {
      if (!is(k, TokKind::Number) || tok(k).non_quantity >= 0) continue;
      const NumberConvention conv = convention_at(k);
      ParsedNumber p;
      // A number merged from two pieces (merge_broken_numbers): read it whole.
      std::string_view written = raw(k);
      std::string whole;
      const char* broken = nullptr;
      if (written.find("\xc2\xa0") != std::string_view::npos || written.find("\xe2\x80\xaf") != std::string_view::npos ||
          written.find("\xe2\x80\x89") != std::string_view::npos) {
        // Thousands grouped with no-break spaces: a typographic convention, read as grouping.
        for (size_t i = 0; i < written.size();) {
          if (written.compare(i, 2, "\xc2\xa0") == 0) { whole += group_char(conv); i += 2; continue; }
          if (written.compare(i, 3, "\xe2\x80\xaf") == 0 || written.compare(i, 3, "\xe2\x80\x89") == 0) { whole += group_char(conv); i += 3; continue; }
          whole += written[i++];
        }
      } else if (written.find(' ') != std::string_view::npos) {
        for (char c : written) if (c != ' ') whole += c;
        broken = "khoảng trắng lạc giữa các chữ số";
      } else if (written.find('/') != std::string_view::npos) {
        for (char c : written) whole += c == '/' ? group_char(conv) : c;
        broken = "dấu \"/\" thay cho dấu chấm hàng nghìn";
      }
      if (!parse_number(!whole.empty() ? std::string_view(whole) : written, conv, p)) continue;
      // Built in place (the vector is reserved for every number of the document).
      const auto id = static_cast<uint32_t>(r.quantities.size());
      Quantity& q = r.quantities.emplace_back();
      q.id = id;
      q.span = tok(k).span;
      q.text = std::string(raw(k));
      q.value = p.value;
      q.precision = p.precision;
      q.malformed = p.malformed;
      q.malformed_reason = p.reason;
      if (p.has_hint) q.hint = p.hint;
      if (broken && !q.malformed) {
        q.malformed = true;
        q.malformed_reason = broken;
        q.hint = q.value;
      }
      q.dimension = "scalar";
      read_qualifier_and_sign(k, q);
      read_unit(k, q);
      // "12.5%": a percent with a short group is a decimal written with the other mark.
      if (p.short_group && q.unit == "%") q.hint = q.value;
      // Ungrouped figures of five or more digits in a document that groups thousands.
      const char point = conv == NumberConvention::Vietnamese ? ',' : '.';
      if (!q.malformed && !p.grouped && q.text.size() >= 5 && q.text[0] != '0' && q.text.find(point) == std::string::npos &&
          q.unit != "%") {
        q.malformed = true;
        q.malformed_reason = "thiếu dấu phân cách hàng nghìn";
        q.hint = q.value;
      }
      // "1000,88%": four or more integer digits before the decimals of a percent, with no
      // thousands mark (implausible_percents decides against the paragraph's other percents).
      if (!q.malformed && !p.grouped && p.precision > 0 && q.unit == "%" && q.text[0] != '0' &&
          q.text.find(point) != std::string::npos && q.text.find(point) >= 4)
        ungrouped_percents.push_back(q.id);
      if (!q.malformed && stray_letter_for_paren(k)) {
        q.malformed = true;
        q.malformed_reason = "chữ cái lạ trước số, có lẽ là dấu \"(\" nhận dạng sai";
      }
      while (sentence_hint + 1 < doc.sentences.size() && doc.sentences[sentence_hint].span.end <= q.span.begin)
        ++sentence_hint;
      q.sentence = sentence_hint;
      tok(k).quantity = static_cast<int>(q.id);
    }
    implausible_percents();
    // A/B: "22.214/23.707 ha" - A takes B's unit when it has none.
    for (size_t k = first; k + 2 < last; ++k) {
      if (!is(k, TokKind::Number) || !is(k + 1, TokKind::Slash) || !is(k + 2, TokKind::Number)) continue;
      int a = tok(k).quantity, b = tok(k + 2).quantity;
      if (a < 0 || b < 0) continue;
      auto& qa = r.quantities[a];
      const auto& qb = r.quantities[b];
      if (qa.unit.empty() && !qb.unit.empty() && qb.unit != "%") {
        qa.unit = qb.unit;
        qa.dimension = qb.dimension;
        qa.factor = qb.factor;
        qa.exact_count = qb.exact_count && qa.precision == 0;
      }
    }
  }

  // The total of the last rank read in the block ("thứ 41/63": "63") and where it was.
  std::string rank_of{};
  size_t rank_at = 0;
};

// Numbers broken in two by a typing slip, merged into one Number token before anything reads
// them (the merged token's text keeps the slip; read_quantities flags it):
//  - a stray space: "bằng 10 6,47% cùng kỳ" (106,47%): a bare 1-3 digit integer right after a
//    verb that takes a value, then a decimal percent; nothing between them can make "10" a count;
//  - a slash for the thousands dot in a denominator: "đạt 2.596/10/361,8 triệu đồng, bằng 25%":
//    A/B/C with C of three integer digits (never a date), when A/B alone is absurd against the
//    percent that follows and A/(B.C) gives it.
// Returns the block's new end.
size_t merge_broken_numbers(const std::string& text, NumberConvention conv, std::vector<Token>& toks, size_t first,
                            size_t last) {
  // Compacted in place as the scan goes (an erase in the middle of a paragraph's tokens moved
  // the rest of it, quadratic on one huge paragraph): tokens before the current one k are final
  // in toks[first, done), k and the rest are toks[r, end), and [done, r) is a gap left by the
  // tokens merges removed (none: no token moves). Logical indices are those the erasing version
  // saw.
  size_t done = first, r = first;
  size_t k = first;  // the current logical index
  auto T = [&](size_t i) -> Token& { return i < k ? toks[done - (k - i)] : toks[r + (i - k)]; };
  auto is = [&](size_t i, TokKind kind) { return i >= first && i < last && T(i).kind == kind; };
  auto raw = [&](size_t i) { return std::string_view(text).substr(T(i).span.begin, T(i).span.end - T(i).span.begin); };
  auto only_spaces = [&](size_t a, size_t b) {  // between tokens a and b: spaces only, at least one
    if (T(b).span.begin <= T(a).span.end) return false;
    for (uint32_t i = T(a).span.end; i < T(b).span.begin; ++i)
      if (text[i] != ' ') return false;
    return true;
  };
  const char point = conv == NumberConvention::Vietnamese ? ',' : '.';
  const char group = conv == NumberConvention::Vietnamese ? '.' : ',';
  auto decimal_without_groups = [&](std::string_view w, size_t max_int) {
    size_t p = w.find(point);
    return p != std::string_view::npos && p >= 1 && p <= max_int && w.find(group) == std::string_view::npos &&
           std::count(w.begin(), w.end(), point) == 1;
  };
  auto merge = [&](size_t at, size_t through) {  // at >= k: tokens at + 1 .. through go
    T(at).span.end = T(through).span.end;
    T(at).fold = std::string(raw(at));
    // Tokens k .. at (at most three) move up over the removed ones; the gap grows.
    const size_t gap = through - at;
    for (size_t p = r + (at - k) + 1; p-- > r;) toks[p + gap] = std::move(toks[p]);
    r += gap;
    last -= gap;
  };
  auto advance = [&] {  // token k is final
    if (done != r) toks[done] = std::move(toks[r]);
    ++done;
    ++r;
  };
  for (; k < last; advance(), ++k) {
    if (!is(k, TokKind::Number)) continue;
    std::string_view a = raw(k);
    // Stray space.
    if (is(k - 1, TokKind::Word) && a.size() <= 3 && all_digits(a) && is(k + 1, TokKind::Number) &&
        is(k + 2, TokKind::Percent) && T(k + 2).glued && only_spaces(k, k + 1) && !(is(k - 2, TokKind::Slash)) &&
        decimal_without_groups(raw(k + 1), 3)) {
      const std::string_view f = T(k - 1).fold;
      if (f == "bang" || f == "dat" || f == "tang" || f == "giam" || f == "chiem" || f == "la") {
        merge(k, k + 1);
        continue;
      }
    }
    // Slash for the thousands dot.
    if (is(k + 1, TokKind::Slash) && is(k + 2, TokKind::Number) && is(k + 3, TokKind::Slash) &&
        is(k + 4, TokKind::Number) && T(k + 1).glued && T(k + 2).glued && T(k + 3).glued && T(k + 4).glued &&
        !is(k + 5, TokKind::Slash) && !is(k - 1, TokKind::Slash)) {
      std::string_view b = raw(k + 2), c = raw(k + 4);
      size_t c_int = c.find(point) == std::string_view::npos ? c.size() : c.find(point);
      if (b.size() > 3 || !all_digits(b) || c_int != 3 || c.find(group) != std::string_view::npos ||
          !all_digits(c.substr(0, 3)))
        continue;
      // The percent of the clause: "…, bằng|đạt X%".
      size_t x = 0;
      for (size_t m = k + 5; m < last && m < k + 17; ++m) {
        if (T(m).kind == TokKind::Punct && (std::string_view(T(m).fold) == ";" || std::string_view(T(m).fold) == ".")) break;
        if (is(m, TokKind::Slash)) break;
        if (is(m, TokKind::Number)) {
          if (is(m + 1, TokKind::Percent) && is(m - 1, TokKind::Word) &&
              (std::string_view(T(m - 1).fold) == "bang" || std::string_view(T(m - 1).fold) == "dat"))
            x = m;
          break;
        }
      }
      if (x == 0) continue;
      ParsedNumber pa, pb, pc, px;
      std::string joined = std::string(b) + std::string(1, group) + std::string(c);
      if (!parse_number(a, conv, pa) || pa.malformed || !parse_number(b, conv, pb) || !parse_number(joined, conv, pc) ||
          pc.malformed || !parse_number(raw(x), conv, px) || px.malformed)
        continue;
      double av = pa.value.to_double(), bv = pb.value.to_double(), cv = pc.value.to_double(), xv = px.value.to_double();
      if (bv <= 0 || cv <= 0 || xv <= 0) continue;
      double as_written = av / bv * 100, read_whole = av / cv * 100;
      double half = 0.5 * std::pow(10.0, -px.precision) * 1.0001;
      bool absurd = as_written > 2 * xv || as_written < xv / 2;
      if (absurd && std::fabs(read_whole - xv) <= half) merge(k + 2, k + 4);
    }
  }
  toks.erase(toks.begin() + static_cast<long>(done), toks.end());
  return last;
}

// Count unambiguous forms: "1.234,5" / "12,5" (Vietnamese) against "1,234.5" / "12.5" (English).
// Does any byte of the eight hold an ASCII digit? (Bytes of 0x80 and above never count.)
inline bool has_digit8(uint64_t x) {
  constexpr uint64_t ones = ~uint64_t{0} / 255, low7 = ones * 127;
  return ((ones * (127 + 0x3A) - (x & low7)) & ~x & ((x & low7) + ones * (127 - 0x2F)) & (ones * 128)) != 0;
}

void count_conventions(std::string_view text, size_t& vi, size_t& en) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    // Runs with no digit skipped eight bytes at a time (they are most of the text).
    while (i + 8 <= text.size()) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (has_digit8(w)) break;
      i += 8;
    }
    if (i + 2 >= text.size()) break;
    if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ','))) continue;
    size_t j = i;
    // The separators (first, last, how many) and the first and last digit groups.
    size_t n_seps = 0, len = 0, first_len = 0;
    char first_sep = 0, last_sep = 0;
    while (j < text.size() && (is_digit(text[j]) || ((text[j] == '.' || text[j] == ',') && j + 1 < text.size() && is_digit(text[j + 1])))) {
      if (is_digit(text[j])) {
        ++len;
      } else {
        if (n_seps == 0) { first_sep = text[j]; first_len = len; }
        last_sep = text[j];
        ++n_seps;
        len = 0;
      }
      ++j;
    }
    if (n_seps == 0) first_len = len;
    if (n_seps >= 2 && first_sep == '.' && last_sep == ',') ++vi;
    else if (n_seps >= 2 && first_sep == ',' && last_sep == '.') ++en;
    else if (n_seps == 1 && first_sep == ',' && len != 3) ++vi;
    else if (n_seps == 1 && first_sep == '.' && len != 3 && first_len > 1) ++en;
    i = j;
  }
}

// The prose's convention: tables laid out by converters often write '.' for the decimal point
// (issue 13) and have their own, per column (column_conventions); they count only when the prose
// has no telling figure.
NumberConvention detect_convention(const Document& doc) {
  size_t vi = 0, en = 0, table_vi = 0, table_en = 0;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::TableRow) count_conventions(doc.slice(b.span), table_vi, table_en);
    else count_conventions(doc.slice(b.span), vi, en);
  }
  if (vi == 0 && en == 0) {
    vi = table_vi;
    en = table_en;
  }
  return en > 2 * vi + 3 ? NumberConvention::English : NumberConvention::Vietnamese;
}

// A cell that holds one figure and nothing else ("11.71", "-3,5", "(12.5)", "102,5 %"): the figure.
std::string_view cell_figure(std::string_view c) {
  while (!c.empty() && (c.front() == ' ' || c.front() == '(' || c.front() == '+' || c.front() == '-')) c.remove_prefix(1);
  if (c.substr(0, 3) == "\xE2\x88\x92") c.remove_prefix(3);
  while (!c.empty() && (c.back() == ' ' || c.back() == ')' || c.back() == '%')) c.remove_suffix(1);
  if (c.empty() || !is_digit(c.front()) || !is_digit(c.back())) return {};
  for (char ch : c)
    if (!is_digit(ch) && ch != '.' && ch != ',') return {};
  return c;
}

// "- Vốn ngân sách", "+ Khách quốc tế", "– Nam": a row's label that makes it an item of the row
// above (the claims layer's sub rows, by their dash only). The label is the row's first cell with
// a letter; -1: the row has none.
int item_label(const Block& row, bool& item) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    std::string_view t = row.cells[c];
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (!std::any_of(t.begin(), t.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || (ch & 0x80); }))
      continue;
    item = !t.empty() && (t.front() == '-' || t.front() == '+' || t.substr(0, 3) == "\xE2\x80\x93");
    return static_cast<int>(c);
  }
  return -1;
}

// Does the total row's figure in column c equal the sum of its items' when every figure is read
// with `conv`, within the rounding of all of them? Nullopt when a cell holds no figure.
std::optional<bool> adds_up(const std::vector<std::string_view>& cells, NumberConvention conv) {
  if (cells.size() > 200) return std::nullopt;
  std::vector<ParsedNumber> ps(cells.size());
  int scale = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (!parse_number(cells[i], conv, ps[i]) || ps[i].malformed) return false;
    if (ps[i].value.mantissa >= 100'000'000'000) return std::nullopt;  // too large to add up exactly here
    scale = std::max({scale, ps[i].value.scale, ps[i].precision});
  }
  ++scale;  // so that half a unit of every figure's last digit is a whole count
  if (scale > 5) return std::nullopt;
  int64_t sum = 0, slack = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    const int64_t m = ps[i].value.mantissa_at(scale);
    sum += i == 0 ? -m : m;
    int64_t half = 5;
    for (int k = ps[i].precision + 1; k < scale; ++k) half *= 10;
    slack += half;
  }
  return (sum < 0 ? -sum : sum) <= slack;
}

// The decimal convention of each column of each table (issue 13), decided from all its figures,
// never from one: a column whose figures are well formed only when '.' is the decimal point
// ("11.71", "6.67", "44.5") and never only with the document's convention is read with the
// other one; so is a percent column of "102.345" (a thousandfold percent otherwise). A column of
// thousands groups ("1.234.567") keeps the document's. One figure alone decides its column only
// when the rest of its table leans the same way (three such figures, none against). A total row
// over its items (or a "Tổng cộng" row below them) whose figures add up with one reading of '.'
// and not with the other is evidence enough for its column and counts in its table's lean ("15.5"
// over "6.125" and "9.375": dot decimals; "2.105" over "1.855" and "250": thousands).
// Per block: empty, or the convention of each of its cells.
std::vector<std::vector<NumberConvention>> column_conventions(const Document& doc, NumberConvention prose) {
  std::vector<std::vector<NumberConvention>> out(doc.blocks.size());
  const NumberConvention other = prose == NumberConvention::Vietnamese ? NumberConvention::English : NumberConvention::Vietnamese;
  auto well_formed = [](std::string_view w, NumberConvention c) {
    ParsedNumber p;
    return parse_number(w, c, p) && !p.malformed;
  };
  for (size_t b = 0; b < doc.blocks.size();) {
    if (doc.blocks[b].kind != BlockKind::TableRow) { ++b; continue; }
    size_t e = b;
    while (e < doc.blocks.size() && doc.blocks[e].kind == BlockKind::TableRow) ++e;
    struct Evidence { size_t prose_only = 0, other_only = 0; std::string header; };
    std::vector<Evidence> cols;
    size_t table_prose = 0, table_other = 0;
    bool in_header = true;
    for (size_t bi = b; bi < e; ++bi) {
      const Block& row = doc.blocks[bi];
      if (cols.size() < row.cells.size()) cols.resize(row.cells.size());
      bool figures = false;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        std::string_view w = cell_figure(row.cells[c]);
        if (w.empty() || c == 0) continue;
        figures = true;
        bool p = well_formed(w, prose), o = well_formed(w, other);
        // "102.345" in a percent column: a thousandfold percent read with thousands dots.
        const char group = prose == NumberConvention::Vietnamese ? '.' : ',';
        if (p && o && cols[c].header.find('%') != std::string::npos && w.find(group) != std::string_view::npos &&
            w.find(group) <= 3 && w.size() - w.find(group) == 4)
          p = false;
        if (p && !o) { ++cols[c].prose_only; ++table_prose; }
        if (o && !p) { ++cols[c].other_only; ++table_other; }
      }
      if (!figures && in_header)
        for (size_t c = 0; c < row.cells.size(); ++c) cols[c].header += " " + vfold(row.cells[c]);
      if (figures) in_header = false;
    }
    // Totals that add up one way only: each total row over two items or more, column by column,
    // and (as two figures each) in the table's lean too. A total heads its items ("7 | Tổng đàn"
    // over "- Đàn trâu", or over the rows without the STT number of a table with an STT column)
    // or closes them ("Tổng cộng", "Tổng số", "Cộng" below the rows it adds up).
    auto trimmed = [](std::string_view f) {
      while (!f.empty() && (f.back() == ' ' || f.back() == ':' || f.back() == '.')) f.remove_suffix(1);
      while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
      return std::string(f);
    };
    const std::string first_header = cols.empty() ? std::string() : trimmed(cols[0].header);
    const bool stt = first_header == "stt" || first_header == "tt" || first_header == "so tt";
    // A row's level: 0 a row of its own (a numbered one, in a table with an STT column), 1 a row
    // without its table's STT number, 2 a "- item"; -1 no label.
    std::vector<int> level(e - b, -1);
    std::vector<int> label(e - b, -1);
    std::vector<bool> closing(e - b, false);
    size_t first_row = e;  // the first row with a figure: the header is above it
    for (size_t bi = b; bi < e; ++bi) {
      const Block& row = doc.blocks[bi];
      bool it = false;
      const int l = item_label(row, it);
      label[bi - b] = l;
      if (l < 0) continue;
      bool unnumbered = stt && l > 0;
      for (int c = 0; c < l && unnumbered; ++c) unnumbered = trimmed(row.cells[static_cast<size_t>(c)]).empty();
      level[bi - b] = it ? 2 : unnumbered ? 1 : 0;
      const std::string f = trimmed(vfold(row.cells[static_cast<size_t>(l)]));
      closing[bi - b] = !it && (f == "tong cong" || f == "tong so" || f == "cong" || f == "tong");
      if (first_row == e)
        for (size_t c = 1; c < row.cells.size() && first_row == e; ++c) {
          std::string_view w = cell_figure(row.cells[c]);
          const bool year = w.size() == 4 && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20") &&
                            std::all_of(w.begin(), w.end(), [](char ch) { return is_digit(ch); });
          if (!w.empty() && !year) first_row = bi;
        }
    }
    auto weigh = [&](size_t total, const std::vector<size_t>& items) {
      if (items.size() < 2) return;
      for (size_t c = static_cast<size_t>(label[total - b]) + 1; c < cols.size(); ++c) {
        std::vector<std::string_view> cells;
        bool dot = false;
        for (size_t k = 0; k <= items.size(); ++k) {
          const Block& row = doc.blocks[k == 0 ? total : items[k - 1]];
          std::string_view w = c < row.cells.size() ? cell_figure(row.cells[c]) : std::string_view();
          if (w.empty() || row.cells[c].find('-') != std::string::npos) break;  // no figure, or a signed one
          dot = dot || w.find('.') != std::string_view::npos;
          cells.push_back(w);
        }
        if (cells.size() != items.size() + 1 || !dot) continue;
        std::optional<bool> as_prose = adds_up(cells, prose), as_other = adds_up(cells, other);
        if (!as_prose || !as_other || *as_prose == *as_other) continue;
        (*as_prose ? cols[c].prose_only : cols[c].other_only) += 2;
        (*as_prose ? table_prose : table_other) += 2;
      }
    };
    // The items of a total: the rows of [from, to) of the level nearest its own (`above`; a
    // sub-item is in its item already).
    auto items_of = [&](size_t from, size_t to, int above) {
      std::vector<size_t> rows;
      int nearest = 3;
      for (size_t bi = from; bi < to; ++bi) nearest = std::min(nearest, level[bi - b]);
      if (nearest <= above) return rows;
      for (size_t bi = from; bi < to; ++bi)
        if (level[bi - b] == nearest) rows.push_back(bi);
      return rows;
    };
    size_t opened = first_row;  // the first row after the last "Tổng cộng" row, or after a row with no label
    for (size_t t = first_row; t < e; ++t) {
      if (level[t - b] < 0) { opened = t + 1; continue; }
      size_t j = t + 1;
      while (j < e && level[j - b] > level[t - b] && !closing[j - b]) ++j;
      weigh(t, items_of(t + 1, j, level[t - b]));
      if (!closing[t - b]) continue;
      // "Tổng cộng", with or without an STT number: of the rows above it back to the last such row
      // (or a row with no label), or, first of its rows and with no item of its own under it, of
      // the rows below it up to the next.
      if (t > opened) weigh(t, items_of(opened, t, -1));
      else if (j == t + 1) {
        while (j < e && level[j - b] >= 0 && !closing[j - b]) ++j;
        weigh(t, items_of(t + 1, j, -1));
      }
      opened = t + 1;
    }
    std::vector<NumberConvention> conv(cols.size(), prose);
    bool any = false;
    for (size_t c = 0; c < cols.size(); ++c) {
      const Evidence& ev = cols[c];
      // A document whose prose has no telling figure reads with its tables' lean: when that is the
      // dot decimal, a column of dot decimals is one on its own evidence too ("1.5" a figure there).
      if (prose == NumberConvention::English && ev.prose_only > 0 && ev.other_only == 0) any = true;
      if (ev.other_only == 0 || ev.prose_only > 0) continue;
      if (ev.other_only >= 2 || (table_other >= 3 && table_prose == 0)) {
        conv[c] = other;
        any = true;
      }
    }
    if (any)
      for (size_t bi = b; bi < e; ++bi) out[bi] = conv;
    b = e;
  }
  return out;
}

// A figure with thousands dots that is a thousand times every other figure of its kind in the
// document, where its last dot read as the decimal comma gives a figure of the same size as the
// others: the writer typed a dot for the comma.
//  - "điện sản xuất 154.837 triệu kWh" where the document also states 154,873 triệu kWh (the
//    same integer part with three decimals, in the same unit);
//  - "vốn NSĐP 331,010 tỷ đồng; vốn NSTW 2.469.415 tỷ đồng" (2,5 triệu tỷ đồng): millions of tỷ
//    in a document whose other money figures are at most a twentieth of it, beside a figure of
//    the same unit written with three decimals in the same sentence.
void separator_slips(NumberReading& r) {
  const char group = r.convention == NumberConvention::Vietnamese ? '.' : ',';
  const char point = r.convention == NumberConvention::Vietnamese ? ',' : '.';
  auto base = [](const Quantity& q) { return q.value.to_double() * q.factor; };
  // The largest and second largest value of each unit and of each money dimension (the same
  // figure written twice is one value).
  struct Top { double first = -1, second = -1; size_t count = 0; };
  std::unordered_map<std::string, Top> by_unit, by_money;
  auto push = [](Top& t, double v) {
    ++t.count;
    if (v == t.first) return;
    if (v > t.first) { t.second = t.first; t.first = v; }
    else if (v > t.second) t.second = v;
  };
  for (const auto& q : r.quantities) {
    if (q.unit.empty() || q.unit == "%" || q.dimension == "rate" || q.negative) continue;
    push(by_unit[q.unit], q.value.to_double());
    if (q.dimension.rfind("money", 0) == 0) push(by_money[q.dimension], base(q));
  }
  // Integer parts of the three-decimal figures of each unit ("154,873 triệu kWh" -> 154).
  std::unordered_map<std::string, std::unordered_set<int64_t>> three_decimals;
  std::unordered_set<std::string> three_decimal_sentences;  // "sentence|unit"
  for (const auto& q : r.quantities)
    if (!q.unit.empty() && q.precision == 3 && q.value.scale == 3 && !q.malformed) {
      if (q.text.find(group) == std::string::npos) three_decimals[q.unit].insert(q.value.mantissa / 1000);
      three_decimal_sentences.insert(std::to_string(q.sentence) + "|" + q.unit);
    }
  for (auto& q : r.quantities) {
    if (q.malformed || q.precision != 0 || q.unit.empty() || q.unit == "%" || q.dimension == "rate" || q.negative) continue;
    size_t g = q.text.rfind(group);
    if (g == std::string::npos || q.text.size() - g != 4 || q.text.find(point) != std::string::npos) continue;
    const double v = q.value.to_double();
    const Top& u = by_unit[q.unit];
    bool partner = false, huge_money = false;
    if (u.first == v && u.second >= 0 && u.second * 100 <= v) {
      auto it = three_decimals.find(q.unit);
      partner = it != three_decimals.end() && it->second.count(q.value.mantissa / 1000) > 0;
    }
    if (!partner && q.dimension.rfind("money", 0) == 0 && q.factor >= 1e9 && v >= 1e6) {
      const Top& m = by_money[q.dimension];
      huge_money = m.first == base(q) && m.count >= 4 && m.second * 20 <= base(q) &&
                   three_decimal_sentences.count(std::to_string(q.sentence) + "|" + q.unit) > 0;
    }
    if (!partner && !huge_money) continue;
    q.malformed = true;
    q.malformed_reason = "dấu chấm hàng nghìn ở chỗ dấu thập phân: lớn gấp bội mọi số liệu cùng đơn vị";
    q.hint = Decimal{q.value.mantissa, 3};
  }
}

}  // namespace

NumberReading read_numbers(const Document& doc) {
  NumberReading r;
  r.convention = detect_convention(doc);
  const auto cell_conventions = column_conventions(doc, r.convention);
  r.tokens.reserve(doc.text.size() / 4);
  Tokenizer tz{doc.text, r.tokens, {}};
  uint32_t sentence_hint = 0;
  std::vector<bool> ratio_columns;
  // Every block tokenised first (a block's reading never looks at another block's tokens), so
  // that the quantities are reserved once: growing the vector moved every quantity, strings
  // and all, and held the old and the new array at once.
  r.block_first.reserve(doc.blocks.size());
  r.block_last.reserve(doc.blocks.size());
  size_t number_tokens = 0;
  for (const auto& block : doc.blocks) {
    size_t first = r.tokens.size();
    tz.run(block.span);
    size_t last = merge_broken_numbers(doc.text, r.convention, r.tokens, first, r.tokens.size());
    r.block_first.push_back(static_cast<uint32_t>(first));
    r.block_last.push_back(static_cast<uint32_t>(last));
    for (size_t k = first; k < last; ++k) number_tokens += r.tokens[k].kind == TokKind::Number;
  }
  r.quantities.reserve(number_tokens);
  for (const auto& block : doc.blocks) {
    const size_t bi = static_cast<size_t>(&block - doc.blocks.data());
    const size_t first = r.block_first[bi], last = r.block_last[bi];
    // A table's header row (words, no numbers but years): which columns hold ratios rather than
    // figures in the row's unit ("% so KH", "Tỷ lệ (%)", "So sánh").
    if (block.kind != BlockKind::TableRow) {
      ratio_columns.clear();
    } else {
      bool numbers = false, words = false;
      for (size_t k = first; k < last; ++k) {
        if (r.tokens[k].kind == TokKind::Word) words = true;
        if (r.tokens[k].kind == TokKind::Number && r.tokens[k].fold.size() != 4) {
          // "Ước thực hiện 6 tháng", "Quý II", "9 tháng năm 2024": periods in a header.
          bool period = (k + 1 < last && r.tokens[k + 1].kind == TokKind::Word &&
                         (std::string_view(r.tokens[k + 1].fold) == "thang" || std::string_view(r.tokens[k + 1].fold) == "nam")) ||
                        (k > first && r.tokens[k - 1].kind == TokKind::Word &&
                         (std::string_view(r.tokens[k - 1].fold) == "quy" || std::string_view(r.tokens[k - 1].fold) == "thang"));
          if (!period) numbers = true;
        }
      }
      if (words && !numbers) {
        ratio_columns.assign(block.cells.size(), false);
        for (size_t c = 0; c < block.cells.size(); ++c) {
          std::string f = vfold(block.cells[c]);
          ratio_columns[c] = f.find('%') != std::string::npos || f.find("ty le") != std::string::npos ||
                             f.find("so sanh") != std::string::npos || f.rfind("so ", 0) == 0;
        }
      }
    }
    BlockReader br{doc, r, first, last, sentence_hint, &block, {}, ratio_columns.empty() ? nullptr : &ratio_columns, -1, {}, 0, 0, 0};
    const auto& conventions = cell_conventions[static_cast<size_t>(&block - doc.blocks.data())];
    if (!conventions.empty()) br.cell_conventions = &conventions;
    br.map_cells();
    br.table_row_number();
    br.classify();
    br.read_quantities();
    br.apply_table_unit();
    sentence_hint = br.sentence_hint;
  }
  separator_slips(r);
  return r;
}

}  // namespace doisoat
