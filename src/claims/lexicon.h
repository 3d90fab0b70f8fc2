// The trigger vocabulary of the claims grammar in one place: the folded words (lowercase, no
// diacritics) that the constructions look for, grouped by what they signal.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace doisoat::lexicon {

/// Words that only join a clause: prepositions, conjunctions, copulas and the verbs of the
/// relations themselves ("đạt", "tăng", "so với"). A figure followed by one of them has no noun of
/// its own after it.
bool is_function_word(std::string_view folded);

// Phrase sets: folded words joined by one space, matched at a token by Reader::any_phrase and
// inside a table header by Reader::header_is. Order does not matter: a set is tested as a whole.
using PhraseSet = std::span<const std::string_view>;

/// "tăng", "giảm": the verbs of a change.
inline constexpr std::string_view kChangeVerbs[] = {"tang", "giam"};

/// "so với", "cùng kỳ": what follows is the figure or period compared with.
inline constexpr std::string_view kComparison[] = {"so voi", "cung ky"};

/// "KH", "kế hoạch", "dự toán", "chỉ tiêu": the plan that an actual is a percent of.
inline constexpr std::string_view kPlanWords[] = {"kh", "ke hoach", "du toan", "chi tieu"};

/// Units that count places and public bodies: a total of them is a population, not a plan.
inline constexpr std::string_view kPopulationUnits[] = {"tinh", "thanh pho", "huyen", "quan", "xa", "phuong", "thi tran",
                                                        "bo", "nganh", "don vi", "co quan", "dia phuong", "truong"};

/// Heads of the name of a public body, a firm or a place ("Ban quản lý …", "Sở …", "Huyện …"):
/// a paragraph that opens with one and a colon reports on that body alone.
inline constexpr std::string_view kBodies[] = {"ban", "so", "phong", "trung tam", "cong ty", "tong cong ty", "cuc",
                                               "chi cuc", "ubnd", "uy ban", "quan", "huyen", "thi xa", "xa",
                                               "phuong", "thanh pho", "tinh", "khu", "truong", "benh vien"};

/// "trong đó", "gồm", "bao gồm", "cụ thể": words that open a list of parts.
inline constexpr std::string_view kListOpeners[] = {"trong do", "gom", "bao gom", "cu the"};

/// "đạt", "tăng", "giảm", "chiếm", "trong đó", "so với": near a figure, the sentence asserts a
/// relation, so a figure that no claim uses there is reported as uncovered.
inline constexpr std::string_view kAssertive[] = {"dat", "tang", "giam", "chiem", "trong do", "so voi"};

// Labels that partition a whole (folded, padded with spaces). `kinds`: kinds of one population
// ("nội địa / quốc tế"), also trusted in tables and "A/B lần lượt là" lists; the others are
// outcomes ("đạt / không đạt") that need the labels of a running text.
// `bound`: a marker that only pairs when the words it binds agree: "đã chi trả / chưa chi trả"
// (the verb after it), "hòa giải thành / hòa giải không thành" (the word before it).
enum class Bound : uint8_t { None, NextWord, PrevWord };
struct ComplementPair {
  const char* a;
  const char* b;
  bool kinds;
  Bound bound = Bound::None;
};
inline constexpr ComplementPair kComplementPairs[] = {
    {" noi dia ", " quoc te ", true},       {" trong nuoc ", " nuoc ngoai ", true},
    {" nam ", " nu ", true},                {" thanh thi ", " nong thon ", true},
    {" trong nuoc ", " quoc te ", false},   {" cong lap ", " ngoai cong lap ", false},
    {" dat ", " khong dat ", false},        {" dat ", " chua dat ", false},
    {" thanh cong ", " khong thanh cong ", false}, {" dung han ", " qua han ", false},
    {" trong han ", " qua han ", false},    {" nha nuoc ", " ngoai nha nuoc ", false},
    {" thanh ", " khong thanh ", false, Bound::PrevWord}, {" da ", " chua ", false, Bound::NextWord},
    {" da ", " con lai ", false},           {" trong ky ", " ky truoc ", false},
    {" dang hoat dong ", " ngung hoat dong ", false}, {" dang hoat dong ", " tam ngung ", false}};

// Grades of a classification ("xếp loại tốt / khá / trung bình / yếu"): a result list that names
// two of them partitions what was classified.
inline constexpr const char* kGrades[] = {" xuat sac ", " tot ", " kha ", " trung binh ", " yeu ", " kem "};

}  // namespace doisoat::lexicon
