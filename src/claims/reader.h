// The claims reader's private core, shared by the construction files: the Reader (token
// windows of one block, operand binding, the used-figure bookkeeping that the constructions
// share, and the claim-building helpers) and the labels that partition a whole. Not installed:
// everything outside src/claims sees only claims/claims.h.
#pragma once

#include "claims/claims.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "claims/indicators.h"
#include "claims/lexicon.h"
#include "core/vfold.h"

namespace doisoat::grammar {

inline constexpr size_t kNone = static_cast<size_t>(-1);

bool has(const std::string& text, const char* w);
// Two labels (" … " padded) name the two sides of one pair of lexicon::kComplementPairs;
// `kinds_only`: only the pairs of kinds of one population.
bool labels_complement(const std::string& la, const std::string& lb, bool kinds_only);

struct Reader {
  const Document& doc;
  NumberReading& nr;
  ClaimReading out;
  std::vector<bool> used;             // per quantity: bound by some claim
  std::vector<bool> stated_used;      // per quantity: already the stated figure of a claim
  std::vector<uint32_t> tok_sentence;  // per token: sentence index
  size_t first = 0, last = 0;         // current block's tokens
  size_t current_block = 0;
  mutable std::vector<std::optional<std::string>> block_year_cache;
  std::unordered_map<int, std::vector<size_t>> breakdown_claims_of_total;  // total -> its sum/part_bound claims
  std::vector<bool> is_item;                                               // per quantity: a part of a breakdown
  std::unordered_map<std::string, std::vector<int>> indicator_index;
  std::vector<size_t> token_of;  // per quantity: its number token
  // Per token: the first token at or after it that is a figure (a number token with a quantity),
  // the number of tokens when none is: the constructions that look at figures only step so.
  std::vector<uint32_t> next_fig;
  size_t next_figure(size_t k) const { return k < next_fig.size() ? next_fig[k] : nr.tokens.size(); }

  // Window widths, in tokens, of the searches that several constructions share. Windows are
  // bounded: a "sentence" of a converter that lost every full stop can be megabytes long, and no
  // relation reaches further than kReach.
  static constexpr size_t kReach = 200;
  static constexpr size_t kNearWords = 4;     // a marker right next to a figure ("trong đó", "lần lượt")
  static constexpr size_t kPhraseWords = 10;  // one noun phrase: the whole or the scope named after a figure
  static constexpr size_t kLabelWords = 12;   // back from a figure to the start of its label
  static constexpr size_t kClauseWords = 16;  // forward from a figure through the rest of its clause

  // A recognised "đạt X% KH" whose plan was not found in its paragraph.
  struct PendingPlan {
    int percent;
    int actual;
    size_t actual_tok, after;
    bool over = false;  // "vượt X% kế hoạch": X above the plan
  };
  std::vector<PendingPlan> pending_plans;

  // Breakdown triggers right after a total.
  enum class Trigger { None, TrongDo, Gom, Paren, Colon, KetQua };
  size_t last_breakdown_parts = 0;
  std::set<int> broken_down;
  std::set<int> complement_claimed;

  // Footnote number -> its block, built once.
  std::optional<std::unordered_map<std::string, size_t>> footnote_block_index;

  // The period a sentence is about and the one it compares with: the year ("năm 2024", "quý III/2024",
  // "tháng 10/2024") and the kind of sub-period ("q3" quý III, "m9" 9 tháng, "t10" tháng 10, "" none
  // said). Words after "so với" / "cùng kỳ" up to the next comma belong to the comparison.
  struct SentencePeriod { std::string own_year, own_kind, cmp_year, cmp_kind; };

  // A row of a table as the table and repeat constructions read it.
  struct Row {
    size_t block = 0;
    std::vector<std::string> phrase;  // folded indicator words
    std::vector<std::string> numbers; // numbers inside the label ("trẻ 6 tuổi vào lớp 1"), leading zeros dropped
    std::string dimension;            // from the unit cell, "" when none
    std::vector<std::pair<int, std::string>> values;  // quantity, column header (folded)
    bool sub = false;                 // "- Khách nội địa": an item of the row above
  };
  // The first "20YY" standing alone in a section's title, "" if none (once per section).
  mutable std::vector<std::optional<std::string>> section_year_cache;

  std::vector<size_t> matched_words;  // repeats()' scratch

  // names_subregion(k) within the current [first, last), remembered per token (the row repeat
  // searches ask it of the same figures row after row).
  struct SubregionMemo {
    size_t first, last;
    bool yes;
  };
  std::unordered_map<size_t, SubregionMemo> subregion_memo;

  // The document's table rows, kept for a plan stated only in the annex table.
  std::vector<Row> table_rows;

  std::vector<std::vector<size_t>> blocks_of_section;  // plan_in_section's index
  std::optional<std::unordered_set<int>> plan_parts;   // part_of_plan's: parts of a plan's breakdown

  // The outcomes of a case, as bits: a case has exactly one.
  enum Outcome : uint8_t { kNoOutcome = 0, kRecovered = 1, kDied = 2, kTransferred = 4, kTreated = 8 };

  mutable std::vector<int8_t> table_row_cache;  // per block: -1 not known yet, 0 no, 1 yes

  // The token window [first, last) as it was when the guard was made, put back when it goes out
  // of scope: a construction that looks at another block (the paragraph before, a plan's block)
  // moves the window and cannot leave it moved.
  struct WindowGuard {
    Reader& r;
    size_t first, last;
    explicit WindowGuard(Reader& reader) : r(reader), first(reader.first), last(reader.last) {}
    ~WindowGuard() { r.first = first; r.last = last; }
    WindowGuard(const WindowGuard&) = delete;
    WindowGuard& operator=(const WindowGuard&) = delete;
  };
  // Moves the window onto block bi (false, window unchanged, when there is no such block).
  bool enter_block(size_t bi) {
    if (bi >= nr.block_first.size()) return false;
    first = nr.block_first[bi];
    last = nr.block_last[bi];
    return true;
  }

  // Token helpers: each is false (or -1) outside the current block [first, last).
  const Token& tok(size_t k) const { return nr.tokens[k]; }
  // (k < last also rules out kNone: last is at most the number of tokens.)
  bool in(size_t k) const { return k >= first && k < last; }
  bool is(size_t k, TokKind kind) const { return in(k) && tok(k).kind == kind; }
  bool word(size_t k, std::string_view f) const { return is(k, TokKind::Word) && tok(k).fold == f; }
  // The word at k is spelled so in the text, lower case or with a capital (two words that fold
  // alike: "từ" / "tư", "Sở" / "Số", "năm" / "nam").
  bool written_as(size_t k, std::string_view lower, std::string_view capital) const {
    if (!is(k, TokKind::Word)) return false;
    const std::string_view w = doc.slice(tok(k).span);
    return w == lower || w == capital;
  }
  bool punct(size_t k, std::string_view p) const { return in(k) && tok(k).kind == TokKind::Punct && tok(k).fold == p; }
  bool clause_end(size_t k) const { return punct(k, ";") || (punct(k, ".") && !tok(k).glued) || punct(k, "."); }
  int qty(size_t k) const { return is(k, TokKind::Number) ? tok(k).quantity : -1; }
  Quantity& Q(int id) { return nr.quantities[id]; }
  const Quantity& Q(int id) const { return nr.quantities[id]; }
  bool pct(int q) const { return q >= 0 && Q(q).unit == "%"; }
  // (Bounds-checked: a scan may step one or two past the last token; issue 14, fuzz_claims.)
  bool same_sentence(size_t a, size_t b) const {
    return a < tok_sentence.size() && b < tok_sentence.size() && tok_sentence[a] == tok_sentence[b];
  }

  // Words (folded) match at k: "so voi" -> tokens "so" "voi".
  bool phrase(size_t k, std::initializer_list<std::string_view> ws) const {
    size_t m = k;
    for (auto w : ws) {
      if (!word(m, w)) return false;
      ++m;
    }
    return true;
  }
  // Any phrase of a lexicon set matches at k (the set's words, folded, joined by spaces).
  // (A phrase's first word is compared with the fold at k before the phrase is split: most
  // tokens start none of them, and a token that is no word starts none.)
  bool any_phrase(size_t k, lexicon::PhraseSet phrases) const {
    if (!is(k, TokKind::Word)) return false;
    const std::string_view f0 = tok(k).fold;
    for (std::string_view p : phrases) {
      if (p.size() < f0.size() || p.compare(0, f0.size(), f0) != 0) continue;
      if (p.size() == f0.size()) return true;
      if (p[f0.size()] != ' ') continue;
      size_t m = k + 1;
      bool all = true;
      for (size_t b = f0.size() + 1; b <= p.size() && all; ++m) {
        size_t e = p.find(' ', b);
        if (e == std::string_view::npos) e = p.size();
        all = word(m, p.substr(b, e - b));
        b = e + 1;
      }
      if (all) return true;
    }
    return false;
  }
  bool change_verb(size_t k) const { return any_phrase(k, lexicon::kChangeVerbs); }
  bool comparison_at(size_t k) const { return any_phrase(k, lexicon::kComparison); }
  bool plan_word_at(size_t k) const { return any_phrase(k, lexicon::kPlanWords); }

  // core.cpp: windows, claim building and operand binding, helpers several families share.
  Reader(const Document& d, NumberReading& n);
  size_t clause_start(size_t k) const;
  size_t sentence_stop(size_t k) const;
  size_t clause_stop(size_t k) const;
  bool compatible(int a, int b);
  // A claim quoted from tokens [from_tok, to_tok] or from a text span; its stated figure is taken
  // (stated_used and used), so no later construction states it again.
  Claim& add(ClaimKind kind, size_t from_tok, size_t to_tok, int stated, Template tmpl);
  Claim& add_at(ClaimKind kind, Span span, int stated, Template tmpl);
  Span figure_span(int q) const;
  // Binds q to a role of c ("numerator", "part", …) and marks it used.
  void operand(Claim& c, const char* role, int q);
  size_t end_of_quantity(size_t k) const;
  size_t content_words_between(size_t from, size_t to) const;
  size_t matching_close(size_t open) const;
  int ab_side(size_t m) const;
  size_t denominator_tok(size_t m) const;
  bool is_change(size_t k) const;
  bool earlier_value_paren(size_t open) const;
  bool threshold_of_items(size_t k) const;
  bool same_words_around(int a, int b, int need = 2) const;
  void malformed();
  bool names_subregion(size_t k) const;
  bool names_subregion_memo(size_t k);
  static std::string label_number(const std::string& f);
  std::set<std::string> label_words(size_t k, size_t reach = 24) const;
  static bool content_word(const std::string& w);
  std::set<std::string> words_about(size_t k, size_t until) const;
  static size_t overlap(const std::set<std::string>& ws, const std::vector<std::string>& phrase);
  void uncovered();
  bool table_row(size_t bi) const;

  // periods.cpp: sub-periods and years of sentences, blocks and sections.
  std::string period_before(size_t m) const;
  SentencePeriod sentence_period(size_t b, size_t e) const;
  bool earlier_period_fits(size_t pb, size_t pe, size_t cb, size_t ce) const;
  std::string sentence_year(size_t h) const;
  std::string document_year() const;
  bool about_other_year(size_t bi) const;
  const std::string& block_year(size_t bi) const;
  std::string block_year_uncached(size_t bi) const;
  const std::string& section_title_year(int sec) const;

  // construction_ratios.cpp: A/B and its percent, a share of a named whole.
  void ratios();
  bool names_denominator(size_t t, size_t bk) const;
  bool names_other_whole(size_t n, size_t bk) const;
  bool names_one_item_between(size_t from, size_t to) const;
  void ratio_of_named_whole();

  // construction_derived.cpp: trade balance, average per unit.
  bool named_before(size_t k, const char* a, const char* b) const;
  void trade_balance();
  void averages();
  void changes_of_parts();

  // construction_plan.cpp: percent of plan, plans found elsewhere, the plan side of a breakdown.
  bool plan_of_other_percent(size_t k, int x, size_t lo) const;
  bool plan_word_before(size_t k, size_t reach, bool allotted = false) const;
  int capital_of_disbursement(size_t ak, int actual, int x) const;
  bool plan_word_after(size_t k) const;
  bool plan_named_before_verb(size_t v) const;
  bool estimate_before(size_t k) const;
  bool elliptic_estimate(size_t k) const;
  bool plan_word_in_sentence_before(size_t k) const;
  void percent_of_plan(size_t block_index);
  bool target_before(size_t k) const;
  bool actual_of_own_percent(size_t m, int x) const;
  std::pair<int, int> plan_actual_of(const Row& row) const;
  bool headed_by_body(size_t bi);
  bool part_of_plan(int q);
  bool plan_named_in_sentence(size_t k) const;
  int plan_in_section(const PendingPlan& pp, size_t abi, const std::set<std::string>& actual_words);
  void resolve_plans_from_tables();
  void plan_side_of_breakdowns();

  // construction_breakdowns.cpp: the body of a breakdown: its parts and the claim.
  bool complements(size_t a, size_t b) const;
  bool respectively_before(size_t k) const;
  bool complements_in(size_t k) const;
  void breakdown(int total, size_t total_tok, Trigger trig, size_t body, size_t stop, int depth);
  bool aside_of_part(size_t part_tok, size_t open) const;
  bool counts_other_noun(size_t part_tok, int total) const;
  bool names_head_of(size_t k, const std::string& w) const;
  bool opens_sibling_item(size_t tk, size_t k) const;
  int period_kind_in(size_t from, size_t to) const;
  bool period_switch(size_t from, size_t prev, size_t m) const;
  void breakdown_once(int total, size_t total_tok, Trigger trig, size_t body, size_t stop, int depth);
  bool partial_list(size_t body, size_t first_part) const;
  bool names_place_item(size_t part_tok) const;
  bool acronym(size_t k) const;
  bool trails_off(size_t part_tok) const;
  static bool subkind_of(const std::string& part, const std::string& whole);
  bool subkind_bound(int total, size_t total_tok, size_t body, const std::vector<int>& kinds,
                     const std::vector<size_t>& kind_toks);
  bool cross_cutting(int total, const std::vector<size_t>& part_toks) const;

  // construction_sums.cpp: the triggers of a breakdown.
  Trigger trigger_at(size_t m, size_t& body) const;
  bool explicit_list_at(size_t p) const;
  bool gom_names_total(size_t k, size_t gom) const;
  bool word_between(const std::string& w, size_t b, size_t e) const;
  void raised_totals();
  bool list_of_changes_after(size_t k) const;
  bool change_of_level_before(size_t k);
  bool previous_paragraph_joins() const;
  std::string head_word(size_t from, size_t to) const;
  bool same_subject(size_t tk, size_t body, size_t stop) const;
  bool restates_total(int t, size_t tk, size_t body, int item);
  size_t change_amounted_to(size_t from, bool down) const;
  std::pair<int, int> change_then_level(size_t from, bool down);
  int named_whole_of_split(size_t k, size_t stop, const std::vector<std::pair<int, int>>& items);
  bool labels(size_t k, size_t until, const std::string& w) const;
  bool against_previous_month(size_t k) const;
  void sums();
  void breakdown_in_bullets(int t, size_t tk, Trigger trig, size_t body);
  void breakdown_with_ab(int t, size_t k, Trigger trig, size_t body, size_t stop);

  // construction_outcomes.cpp: result lists, complementary pairs, case outcomes, met and remaining.
  void result_lists();
  std::string label_around(size_t k, bool through_commas) const;
  static bool same_kind(const std::string& a, const std::string& b);
  void complement_pairs();
  void outcome_summaries();
  uint8_t outcome_in(size_t b, size_t e) const;
  static bool counts_people(const std::string& dim);
  void case_outcomes();
  void met_and_remaining();

  // construction_footnotes.cpp: breakdowns and restatements in footnotes.
  const std::unordered_map<std::string, size_t>& footnote_blocks();
  void footnote_breakdowns();
  void footnote_repeats_by_words();

  // construction_shares.cpp: shares and their bases, structure shares.
  bool share_fits(int part, int whole, int x) const;
  bool tong_so_before(size_t k) const;
  bool change_before(size_t k) const;
  int population_base(size_t pk, int part, size_t lo) const;
  void rate_change_after(size_t after, int part, int total, size_t lo);
  void shares(size_t block_index);
  void read_shares(size_t block_index);
  std::vector<std::string> scope_after(size_t after) const;
  bool names_scope(size_t k, const std::vector<std::string>& scope) const;
  bool has_own_share(size_t k) const;
  std::vector<std::string> named_whole_after(size_t after) const;
  int figure_named(size_t pk, int part, const std::vector<std::string>& named) const;
  bool earlier_period_value(size_t k) const;
  int implicit_hundred(size_t k, uint32_t sentence);
  void structure_rows(size_t bi);
  void structure_shares();
  void split_shares();
  int add_implicit(Quantity q);

  // construction_changes.cpp: changes and growth, with the earlier value.
  bool not_the_earlier_word(size_t m) const;
  int earlier_in_parens(size_t from, int like, bool compared = false);
  void add_change(ClaimKind kind, size_t from_tok, size_t to_tok, int n, Template t, bool down, int current, int earlier);
  size_t from_to_at(size_t tu, bool nouns) const;
  int from_level_before(size_t ck) const;
  bool said_of(size_t ck, size_t verb) const;
  std::string_view rank_at(size_t k) const;
  bool rank_change(size_t k, int n, bool down);
  int earlier_in_previous_sentence(int cur, size_t ck, bool years_only = false);
  bool compared_with_last_year(size_t p) const;
  bool comparison_after_noun(size_t e) const;
  int corresponding_change(size_t from, int cur, bool down);
  bool other_indicator(int a, int b) const;
  int level_named_before(int n, size_t verb);
  void changes();

  // construction_tables.cpp: relations inside a table.
  std::vector<std::pair<size_t, size_t>> cells_of(size_t bi);
  Claim& add_row_claim(ClaimKind kind, const Row& row, int stated, Template tmpl);
  static std::string header_year(const std::string& head);
  bool other_year(int q, const std::string& doc_year, const std::string& head) const;
  static bool header_is(const std::string& h, std::initializer_list<const char*> keys);
  static bool header_is(const std::string& h, lexicon::PhraseSet keys);
  void table_claims(const std::vector<Row>& rows);

  // construction_repeats.cpp: a table row restated in the prose.
  void add_repeat(const Row& row, int prose, int table_value, Template tmpl);
  void repeats_by_indicator(const Row& row, const std::vector<bool>& is_table, const std::string& doc_year);
  void repeats();
  void plans_beside_restated_actuals(const std::vector<Row>& rows);
  void repeats_by_words(const std::vector<Row>& rows, const std::vector<bool>& is_table, const std::string& doc_year);

  // construction_restatements.cpp: a figure stated twice in the prose.
  Claim& add_pair_repeat(int first_q, int second_q, Template tmpl);
  void allocation_restated_as_denominator();
  void ratio_pairs_restated();
  static bool one_slip_apart(const std::string& x, const std::string& y);
  void indicator_repeats();
  bool same_context(int a, int b) const;
  void prose_repeats();
  std::string item_name(size_t k) const;
  void class_counts_restated();
  void restated_slips();
  void rate_repeats_by_level();
  void restate_rate(int a, int b, Template tmpl);
  void rate_repeats_by_sector();

  // registry.cpp: the ordered registry of constructions.
  void run();
};

// Block constructions run on each block in turn (its tokens in [first, last)); document
// constructions run once, after every block was read, over what the block ones left.
enum class Scope : uint8_t { Block, Document };

/// One construction of the grammar: a family of sentence shapes read into claims.
struct Construction {
  std::string_view id;    // stable name, for docs/claims.md and for debugging
  std::string_view file;  // where it is defined, under src/claims/
  Scope scope;
  bool in_table_rows;     // also runs on a block that is a table row (rows are read as rows)
  void (*read)(Reader&);
};

/// The registry (registry.cpp), in the order the constructions run. docs/claims.md lists it, and
/// tests/claims_registry_test.cpp keeps the two in step.
std::span<const Construction> constructions();

}  // namespace doisoat::grammar
