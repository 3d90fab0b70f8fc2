#include "checks/common.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

namespace {

/// Factor that converts a value of q's written unit into ref's written unit.
// "104,26 triệu cổ phiếu" against "131.638.903 cổ phiếu" (a count noun no unit is known for): a
// bare scale word against a figure written out in full, at least as large as the scale, is the
// same count; a bare figure below it ("đạt 104,26 triệu, kế hoạch 131,6") shares the scale.
bool scale_word_against_full_figure(const Quantity& q, const Quantity& ref) {
  return q.dimension == "scalar" && q.factor > 1 && !q.unit.empty() && ref.unit.empty() && ref.dimension == "scalar" &&
         ref.value.to_double() >= q.factor;
}

Rational conversion(const Quantity& q, const Quantity& ref) {
  if (scale_word_against_full_figure(q, ref)) return Rational::of_factor(q.factor);
  if (scale_word_against_full_figure(ref, q)) return Rational(1) / Rational::of_factor(ref.factor);
  if (q.unit.empty() || ref.unit.empty() || q.unit == ref.unit) return Rational(1);
  return Rational::of_factor(q.factor) / Rational::of_factor(ref.factor);
}

}  // namespace

namespace recompute {

const Quantity* first_role(const Claim& c, const QuantityView& qs, std::initializer_list<const char*> names) {
  for (const char* name : names)
    for (const auto& o : c.operands)
      if (o.role == name) return qs.get(o.quantity);
  return nullptr;
}

std::vector<const Quantity*> all_role(const Claim& c, const QuantityView& qs, const char* name) {
  std::vector<const Quantity*> out;
  for (const auto& o : c.operands)
    if (o.role == name)
      if (auto q = qs.get(o.quantity)) out.push_back(q);
  return out;
}

bool has_role(const Claim& c, const char* name) {
  return std::any_of(c.operands.begin(), c.operands.end(), [&](const Operand& o) { return o.role == name; });
}

/// Can `q` be expressed in the unit of `ref`? Figures with no unit take the other's.
bool compatible(const Quantity& q, const Quantity& ref) {
  if (q.unit.empty() || ref.unit.empty()) return true;
  if (!q.dimension.empty() && !ref.dimension.empty()) return q.dimension == ref.dimension;
  return q.unit == ref.unit;
}

Interval in_unit_of(const Quantity& q, const Quantity& ref, OperandMode mode, const ToleranceOptions& o) {
  // Same unit: × 1 leaves a reduced Rational as it is, so it is skipped.
  if ((q.unit.empty() || ref.unit.empty() || q.unit == ref.unit) && !scale_word_against_full_figure(q, ref) &&
      !scale_word_against_full_figure(ref, q))
    return operand_interval(q, mode, o);
  return operand_interval(q, mode, o) * conversion(q, ref);
}

std::string shown(const Quantity& q) {
  std::string s = q.negative ? "-" + q.text : q.text;
  return s;
}

std::string with_unit(const std::string& number, const std::string& unit) {
  if (unit.empty()) return number;
  if (unit == "%") return number + "%";
  return number + " " + unit;
}

int decimals_of(const Quantity& q) { return std::max(q.precision, q.value.scale); }

/// "→ 94%" / "→ 94%, cắt bỏ: 93%" pieces.
std::string rounded_to_stated(const Rational& computed, const Quantity& stated) {
  return format_vi(round_half_up(computed, decimals_of(stated)), decimals_of(stated));
}

void set_messages(Evaluation& ev, const std::string& lhs, const Quantity& stated, const std::string& unit) {
  std::string st = with_unit(shown(stated), unit);
  ev.message_vi = lhs + ", báo cáo ghi " + st;
  ev.message_en = lhs + ", the report states " + st;
}

void unchecked(Evaluation& ev, const std::string& reason) {
  ev.verdict = Verdict::Unchecked;
  ev.reason = reason;
}

Verdict verdict_of(Agreement a) {
  switch (a) {
    case Agreement::Consistent: return Verdict::Consistent;
    case Agreement::ConsistentTruncated: return Verdict::ConsistentTruncated;
    case Agreement::Discrepancy: return Verdict::Discrepancy;
  }
  return Verdict::Unchecked;
}

// ---- percent of: ratio, percent_of_plan, share --------------------------------------------

void evaluate_percent(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, const PercentReading& r,
                      Evaluation& ev) {
  const Quantity* num = first_role(c, qs, {"numerator", "actual", "part"});
  const Quantity* den = first_role(c, qs, {"denominator", "plan", "total"});
  const Quantity* st = qs.get(c.stated);
  if (r.plan && num && st && !den) {
    ev.unit = "%";
    return unchecked(ev, "plan not stated in the document");
  }
  if (!num || !den || !st) return unchecked(ev, "missing operand");
  bool linked_counts = r.counts_linked && num->dimension.rfind("count:", 0) == 0 &&
                       den->dimension.rfind("count:", 0) == 0;
  if (!compatible(*num, *den) && !linked_counts) return unchecked(ev, "units differ: " + num->unit + " / " + den->unit);
  ev.unit = "%";
  int k = decimals_of(*st);
  ev.display_decimals = std::max(2, k + 2);
  Rational hundred(100);
  Interval n = in_unit_of(*num, *den, OperandMode::AsPrinted, o);
  Interval d = operand_interval(*den, OperandMode::AsPrinted, o);
  if (d.contains_zero()) return unchecked(ev, "denominator is zero");
  const bool over = r.over;
  Interval p = (n / d) * hundred;
  if (over) p = p - Interval::point(hundred);
  ev.computed = p.centre();
  ev.computed_interval = p;
  Agreement a = agree(p, *st, o);
  ev.verdict = verdict_of(a);
  // What follows only displays the figures and qualifies the discrepancy; it can throw only on
  // an overflow the guard rules out.
  if (o.verdict_only && rounding_cannot_overflow(*ev.computed, std::max(ev.display_decimals, k))) return;
  std::string pc = format_vi(*ev.computed, ev.display_decimals) + "%";
  // Operands written in two units ("745 triệu đồng" of "88 tỷ đồng") are shown with them.
  const bool same_unit = num->unit == den->unit;
  const std::string a_text = same_unit ? shown(*num) : with_unit(shown(*num), num->unit);
  const std::string b_text = same_unit ? shown(*den) : with_unit(shown(*den), den->unit);
  ev.computation = over ? "(" + a_text + " / " + b_text + " − 1) × 100 = " + pc + " → " +
                              rounded_to_stated(*ev.computed, *st) + "%"
                        : a_text + " / " + b_text + " = " + pc + " → " + rounded_to_stated(*ev.computed, *st) + "%";
  if (a == Agreement::ConsistentTruncated) {
    ev.reason = "matches only if truncated";
    ev.computation += " (" + format_vi(*ev.computed, ev.display_decimals) + " cắt bỏ → " + shown(*st) + "%)";
  }
  set_messages(ev, a_text + (same_unit ? "/" : " / ") + b_text + (over ? " − 1" : "") + " = " + pc, *st, "%");
  if (a != Agreement::Discrepancy) return;
  try {
    Interval nr = in_unit_of(*num, *den, OperandMode::Rounded, o);
    Interval dr = operand_interval(*den, OperandMode::Rounded, o);
    if (!dr.contains_zero())
      ev.rounding_only = meets(over ? (nr / dr) * hundred - Interval::point(hundred) : (nr / dr) * hundred,
                               rounding_interval(*st, o));
  } catch (const std::exception&) {
  }
  Rational sv = value_of(*st), cr = round_half_up(*ev.computed, k);
  if (r.share) {
    ev.material = sv > hundred || cr > hundred;
  } else if (over) {
    ev.material = (sv >= Rational(0)) != (cr >= Rational(0));  // "vượt" a plan that was missed
  } else {
    ev.material = (sv >= hundred) != (cr >= hundred);
  }
}

// ---- sum and part bound --------------------------------------------------------------------

void evaluate_parts(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, const PartsReading& r,
                    Evaluation& ev) {
  const bool bound = r.bound;
  const Quantity* total = qs.get(c.stated);
  if (const Quantity* t = first_role(c, qs, {"total"})) total = t;
  auto parts = all_role(c, qs, "part");
  if (!total || parts.empty()) return unchecked(ev, "missing total or parts");
  auto part_fits = [&](const Quantity& p) {
    if (compatible(p, *total)) return true;
    // Contributions to a growth rate, in percentage points ("tăng 7,12%, trong đó … đóng góp 3,41 điểm phần trăm").
    if (total->dimension == "percent" && p.dimension == "pp") return true;
    // One counted thing named shorter or longer ("44 vụ việc = 34 + 10 vụ").
    if (p.dimension.rfind("count:", 0) == 0 && total->dimension.rfind("count:", 0) == 0) {
      const std::string& s = p.dimension.size() < total->dimension.size() ? p.dimension : total->dimension;
      const std::string& l = p.dimension.size() < total->dimension.size() ? total->dimension : p.dimension;
      if (l.compare(0, s.size(), s) == 0 && l[s.size()] == ' ') return true;
    }
    return r.kinds_in_own_nouns && p.dimension.rfind("count:", 0) == 0 &&
           total->dimension.rfind("count:", 0) == 0;
  };
  for (auto* p : parts)
    if (!part_fits(*p)) return unchecked(ev, "units differ: " + p->unit + " / " + total->unit);
  ev.unit = total->unit;
  int k = decimals_of(*total);
  for (auto* p : parts) k = std::max(k, decimals_of(*p));
  ev.display_decimals = k;
  // Verdict only: the sum of the printed figures is only displayed. It is skipped when it cannot
  // throw: every part in the total's unit as written (no conversion), below 2^40 with at most six
  // decimals, and fewer than 2^16 parts (every intermediate then stays far below 2^127).
  const bool printed_sum = !o.verdict_only || parts.size() >= (1u << 16) || !std::all_of(parts.begin(), parts.end(), [&](const Quantity* p) {
    const int64_t m = p->value.mantissa;
    return m > -(int64_t{1} << 40) && m < (int64_t{1} << 40) && p->value.scale >= 0 && p->value.scale <= 6 &&
           p->precision >= 0 && p->precision <= 6 && (p->unit.empty() || total->unit.empty() || p->unit == total->unit) &&
           !scale_word_against_full_figure(*p, *total) && !scale_word_against_full_figure(*total, *p);
  });
  Interval sum_printed = Interval::point(Rational(0)), sum_rounded = sum_printed;
  std::string expr;
  const Quantity* biggest = nullptr;
  Interval biggest_i = sum_printed;
  // Parts written in another unit than the total ("80.010 lượt + 1,16 triệu lượt") are shown with theirs.
  const bool mixed = std::any_of(parts.begin(), parts.end(), [&](const Quantity* p) {
    return p->factor != total->factor || p->dimension != total->dimension;
  });
  for (auto* p : parts) {
    Interval r = in_unit_of(*p, *total, OperandMode::Rounded, o);
    if (printed_sum) sum_printed = sum_printed + in_unit_of(*p, *total, OperandMode::AsPrinted, o);
    sum_rounded = sum_rounded + r;
    if (!biggest || r.lo > biggest_i.lo) { biggest = p; biggest_i = r; }
    if (!o.verdict_only) expr += (expr.empty() ? "" : " + ") + (mixed ? with_unit(shown(*p), p->unit) : shown(*p));
  }
  if (printed_sum) ev.computed = sum_printed.centre();
  ev.computed_interval = sum_rounded;
  Interval t = rounding_interval(*total, o);
  if (!printed_sum) {
    auto above = [&](const Interval& x) { return x.lo > t.hi || (x.lo == t.hi && t.hi_open); };
    if (!bound) {
      ev.verdict = meets(sum_rounded, t) ? Verdict::Consistent : Verdict::Discrepancy;
      return;
    }
    // (Both comparisons made, in this order, as below: either may throw.)
    const bool sum_above = !r.cross_cutting && above(sum_rounded), part_above = above(biggest_i);
    ev.verdict = (sum_above || part_above) ? Verdict::Discrepancy : Verdict::Consistent;
    return;
  }
  // Verdict only: the sum's display (which can throw only on an overflow the guard rules out)
  // and the messages are skipped; every exact computation before the verdict is kept.
  const bool skip_display = o.verdict_only && rounding_cannot_overflow(*ev.computed, k);
  if (skip_display && !bound) {
    ev.verdict = meets(sum_rounded, t) ? Verdict::Consistent : Verdict::Discrepancy;
    return;
  }
  std::string sum_text = skip_display ? std::string() : format_vi(*ev.computed, k);
  if (!bound) {
    ev.verdict = meets(sum_rounded, t) ? Verdict::Consistent : Verdict::Discrepancy;
    ev.computation = expr + " = " + sum_text + " ≠ " + shown(*total);
    set_messages(ev, expr + " = " + with_unit(sum_text, ev.unit), *total, ev.unit);
    if (total->implicit) {  // the shares of a structure: the report never writes the 100 %
      ev.message_vi = "các tỷ trọng cộng lại " + expr + " = " + with_unit(sum_text, ev.unit) + ", không phải 100%";
      ev.message_en = "the shares add up to " + expr + " = " + with_unit(sum_text, ev.unit) + ", not 100%";
    }
    if (ev.verdict == Verdict::Consistent) ev.computation = expr + " = " + sum_text;
    return;
  }
  // A part, or the parts together, can never be above the total.
  auto above = [&](const Interval& x) { return x.lo > t.hi || (x.lo == t.hi && t.hi_open); };
  const bool cross_cutting = r.cross_cutting;
  bool sum_above = !cross_cutting && above(sum_rounded), part_above = above(biggest_i);
  ev.verdict = (sum_above || part_above) ? Verdict::Discrepancy : Verdict::Consistent;
  if (part_above) {
    ev.computed = in_unit_of(*biggest, *total, OperandMode::AsPrinted, o).centre();
    ev.computed_interval = biggest_i;
    if (skip_display) return;
    ev.computation = shown(*biggest) + " > " + shown(*total);
    ev.message_vi = "phần " + with_unit(shown(*biggest), biggest->unit) + " lớn hơn tổng " + with_unit(shown(*total), total->unit);
    ev.message_en = "the part " + with_unit(shown(*biggest), biggest->unit) + " is larger than the total " +
                    with_unit(shown(*total), total->unit);
  } else {
    if (skip_display) return;
    ev.computation = expr + " = " + sum_text + (sum_above ? " > " : " ≤ ") + shown(*total);
    ev.message_vi = "các phần cộng lại " + expr + " = " + with_unit(sum_text, ev.unit) + ", lớn hơn tổng " +
                    with_unit(shown(*total), total->unit);
    ev.message_en = "the parts add up to " + expr + " = " + with_unit(sum_text, ev.unit) + ", more than the total " +
                    with_unit(shown(*total), total->unit);
  }
}

// ---- changes: abs_change, pp_difference ---------------------------------------------------

void evaluate_difference(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev, bool points) {
  const Quantity* cur = first_role(c, qs, {"current"});
  const Quantity* ear = first_role(c, qs, {"earlier"});
  const Quantity* st = qs.get(c.stated);
  if (const Quantity* ch = first_role(c, qs, {"change"})) st = ch;
  if (!cur || !ear || !st) return unchecked(ev, "earlier or current value not stated");
  if (!compatible(*cur, *ear) || (!points && !compatible(*cur, *st)))
    return unchecked(ev, "units differ: " + cur->unit + " / " + ear->unit);
  ev.unit = points ? "điểm phần trăm" : st->unit;
  if (!points && ev.unit.empty()) ev.unit = cur->unit;
  int k = decimals_of(*st);
  ev.display_decimals = std::max({k, decimals_of(*cur), decimals_of(*ear)});
  const Quantity& ref = points ? *cur : *st;
  auto diff_of = [&](OperandMode mode) {
    Interval d = in_unit_of(*cur, ref, mode, o) - in_unit_of(*ear, ref, mode, o);
    return c.decrease ? -d : d;
  };
  Quantity stated_mag = *st;
  if (c.decrease) stated_mag.negative = false;
  Interval p = diff_of(OperandMode::AsPrinted);
  ev.computed = p.centre();
  ev.computed_interval = p;
  // Changes of independently rounded figures: consistent when some values they round from agree.
  Interval r = diff_of(points ? OperandMode::AsPrinted : OperandMode::Rounded);
  Agreement a = agree(r, stated_mag, o, points);
  ev.verdict = verdict_of(a);
  // (A failing points change goes on to an exact relative reading, which could throw: kept.)
  if (o.verdict_only && !(points && a == Agreement::Discrepancy) &&
      rounding_cannot_overflow(*ev.computed, std::max(ev.display_decimals, k)))
    return;
  std::string word_vi = c.decrease ? "giảm " : "tăng ", word_en = c.decrease ? "a fall of " : "a rise of ";
  std::string dt = format_vi(*ev.computed, ev.display_decimals);
  std::string formula = c.decrease ? shown(*ear) + " − " + shown(*cur) : shown(*cur) + " − " + shown(*ear);
  std::string u = points ? " điểm phần trăm" : (ev.unit.empty() ? "" : " " + ev.unit);
  ev.computation = formula + " = " + dt + u;
  ev.message_vi = formula + " = " + dt + u + ", báo cáo ghi " + word_vi + shown(*st) + u;
  ev.message_en = formula + " = " + dt + u + ", the report states " + word_en + shown(*st) + u;
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
  if (a != Agreement::Discrepancy) return;
  if (points) {
    try {
      ev.rounding_only = meets(diff_of(OperandMode::Rounded), rounding_interval(stated_mag, o));
    } catch (const std::exception&) {
    }
  }
  ev.material = ev.computed->negative() && !value_of(stated_mag).negative() &&
                round_half_up(*ev.computed, k).negative();
  if (points && !operand_interval(*ear, OperandMode::AsPrinted, o).contains_zero()) {
    // The change may be a relative change written as points.
    Interval rel = (operand_interval(*cur, OperandMode::AsPrinted, o) / operand_interval(*ear, OperandMode::AsPrinted, o)) *
                       Rational(100) - Interval::point(Rational(100));
    if (c.decrease) rel = -rel;
    if (meets(rel, rounding_interval(stated_mag, o))) {
      // "điểm phần trăm" is written explicitly, so a wrong figure is likelier than a wrong unit:
      // keep the finding here and mention the relative reading.
      ev.points_text = "(" + shown(*cur) + " / " + shown(*ear) + " − 1) × 100 = " + format_vi(rel.centre(), k + 2) + "%";
      ev.message_vi += " (tốc độ tương đối " + ev.points_text + " khớp với số ghi: có thể nhầm % với điểm phần trăm)";
      ev.message_en += " (the relative change " + ev.points_text + " matches the stated figure: % and points may be confused)";
    }
  }
}

}  // namespace recompute

using namespace recompute;

ToleranceOptions tolerance_options(const CheckConfig& config) {
  ToleranceOptions o;
  o.extra_relative = config.extra_relative_tolerance;
  return o;
}

const ClaimKindCheck* check_owning(ClaimKind kind) {
  static const std::vector<const ClaimKindCheck*> owners = [] {
    std::vector<const ClaimKindCheck*> v;
    for (const auto& c : check_registry())
      if (auto k = dynamic_cast<const ClaimKindCheck*>(c.get())) v.push_back(k);
    return v;
  }();
  for (const ClaimKindCheck* c : owners)
    if (c->kind() == kind) return c;
  return nullptr;
}

namespace {

Evaluation evaluate_once(const ClaimKindCheck* owner, const Claim& c, const QuantityView& qs, const ToleranceOptions& o) {
  if (!owner) {
    Evaluation ev;
    unchecked(ev, "needs a figure from another report");
    return ev;
  }
  try {
    return owner->evaluate(c, qs, o);
  } catch (const std::exception& e) {
    Evaluation failed;
    failed.reason = e.what();
    return failed;
  }
}

Evaluation evaluate_with(const Claim& c, const QuantityView& qs, const ToleranceOptions& o) {
  const ClaimKindCheck* owner = check_owning(c.kind);
  Evaluation ev = evaluate_once(owner, c, qs, o);
  const bool as_meant = owner && owner->reads_stated_as_meant(c);
  if (c.inferred && ev.verdict == Verdict::Discrepancy) {
    unchecked(ev, "operands linked by position only, and they disagree: more likely another relation than an error");
    return ev;
  }
  // A malformed operand ("175.666/310.00 m3 … đạt 57%") is read with its likely intended value
  // when that is what makes the relation hold: the malformed-number finding reports the number;
  // the relation itself is not a second error. Every malformed operand is replaced at once, and
  // the relation is evaluated once more (no recursion).
  if (ev.verdict != Verdict::Discrepancy || !owner || !owner->rereads_malformed_operands()) return ev;
  std::vector<uint32_t> hinted;
  for (const auto& op : c.operands) {
    const Quantity* q = qs.get(op.quantity);
    if (q && q->malformed && q->hint && (op.quantity != c.stated || as_meant) &&
        std::find(hinted.begin(), hinted.end(), op.quantity) == hinted.end())
      hinted.push_back(op.quantity);
  }
  if (hinted.empty()) return ev;
  // Only the hinted figures are copied (a copy of the whole document per evaluation made blame's
  // hypotheses cost quantities × candidates).
  std::vector<std::pair<uint32_t, Quantity>> fixed;
  fixed.reserve(hinted.size());
  std::string read_as;
  for (uint32_t i : hinted) {
    fixed.emplace_back(i, *qs.get(i));
    Quantity& f = fixed.back().second;
    read_as += (read_as.empty() ? "" : ", ") + f.text + " read as " + f.hint->to_vi();
    f.value = *f.hint;
    f.precision = f.hint->scale;
    f.malformed = false;
    if (as_meant) f.text = f.hint->to_vi();  // the message compares the readings
  }
  Evaluation again = evaluate_once(owner, c, QuantityView(qs, fixed), o);
  if (again.verdict == Verdict::Consistent || again.verdict == Verdict::ConsistentTruncated) {
    again.reason = "with " + read_as;
    return again;
  }
  // A restatement found through the intended reading of its malformed figure is about that
  // reading: "154.837" (meant 154,837) against 154,873 differs by 0,036, not by 154.682.
  if (as_meant) {
    again.reason = "with " + read_as;
    if (const Quantity* st = qs.get(c.stated); st && st->hint) again.stated_as_meant = Rational::of(*st->hint);
    return again;
  }
  return ev;
}

}  // namespace

Evaluation evaluate(const Claim& c, const QuantityView& qs, const CheckConfig& config) {
  return evaluate_with(c, qs, tolerance_options(config));
}

Verdict evaluate_verdict(const Claim& c, const QuantityView& qs, const CheckConfig& config) {
  ToleranceOptions o = tolerance_options(config);
  o.verdict_only = true;
  return evaluate_with(c, qs, o).verdict;
}

const char* check_for(ClaimKind kind) {
  const ClaimKindCheck* owner = check_owning(kind);
  return owner ? owner->meta().id.c_str() : "";
}

void apply(Claim& c, const Evaluation& ev) {
  c.verdict = ev.verdict;
  c.reason = ev.reason;
  if (ev.points_fit && c.reason.empty()) c.reason = "fits as " + ev.points_text;
  c.unit = ev.unit;
  c.computed.reset();
  if (ev.computed) c.computed = ev.computed->to_double();
  if (ev.computed_interval) {
    c.expected_lo = ev.computed_interval->lo.to_double();
    c.expected_hi = ev.computed_interval->hi.to_double();
  }
}

std::vector<uint32_t> claim_figures(const Claim& c) {
  std::vector<uint32_t> out;
  for (const auto& o : c.operands)
    if (std::find(out.begin(), out.end(), o.quantity) == out.end()) out.push_back(o.quantity);
  if (std::find(out.begin(), out.end(), c.stated) == out.end()) out.push_back(c.stated);
  return out;
}

// The original line for the caret display. A paragraph that is one line of several megabytes
// is cut to a window around the finding (walking out from the finding's own byte offset, so the
// cost does not grow with the line), so that findings never copy the whole text each.
std::string line_window(std::string_view line, size_t at, SourcePos begin, uint32_t& first_column) {
  constexpr size_t kKeep = 400;  // code points kept on each side
  first_column = 1;
  if (line.size() <= 4 * kKeep || at > line.size()) return std::string(line);
  auto is_cont = [&](size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  size_t b = at, back = 0;
  while (b > 0 && back < kKeep) {
    --b;
    while (b > 0 && is_cont(b)) --b;
    ++back;
  }
  size_t e = at, fwd = 0;
  while (e < line.size() && fwd < 2 * kKeep) {
    ++e;
    while (e < line.size() && is_cont(e)) ++e;
    ++fwd;
  }
  first_column = begin.column > back ? begin.column - static_cast<uint32_t>(back) : 1;
  return std::string(line.substr(b, e - b));
}

Finding make_finding(const CheckContext& ctx, const Claim& c, const Evaluation& ev, const CheckMeta& meta,
                     uint32_t claim_index) {
  Finding f;
  f.check = meta.id;
  f.kind = to_string(c.kind);
  f.severity = meta.severity;
  f.material = ev.material;
  if (ev.rounding_only && !ev.material && f.severity == Severity::Error) f.severity = Severity::Warning;
  f.path = ctx.doc.path;
  f.claim = static_cast<int32_t>(claim_index);
  const Quantity* st = c.stated < ctx.quantities.size() ? &ctx.quantities[c.stated] : nullptr;
  Span where = c.span;
  if (where.empty() && st) where = st->span;
  f.begin = ctx.doc.map.at(where.begin);
  f.end = ctx.doc.map.end_at(where.end);
  if (st) {
    // CONTRACT: a claim is located where its stated value appears.
    SourcePos sp = ctx.doc.map.at(st->span.begin);
    if (sp.line != f.begin.line) {
      f.begin = sp;
      if (f.end.line < sp.line || (f.end.line == sp.line && f.end.column < sp.column)) f.end = ctx.doc.map.end_at(st->span.end);
    }
    Rational sv = ev.stated_as_meant ? *ev.stated_as_meant : value_of(*st);
    if (c.decrease && c.kind != ClaimKind::Repeat && c.kind != ClaimKind::MalformedNumber) sv = sv.abs();
    f.stated = sv.to_double();
  }
  f.quote = c.quote.empty() ? std::string(ctx.doc.slice(where)) : c.quote;
  {
    std::string_view line = ctx.doc.map.original_line(f.begin.line);
    const char* base = ctx.doc.map.original_line(1).data();
    const uint32_t clean_begin = (st && ctx.doc.map.at(st->span.begin).line == f.begin.line && f.begin.line != ctx.doc.map.at(where.begin).line)
                                     ? st->span.begin
                                     : where.begin;
    size_t at = base + ctx.doc.map.origin(clean_begin) >= line.data() ? static_cast<size_t>(base + ctx.doc.map.origin(clean_begin) - line.data()) : 0;
    f.line_text = line_window(line, at, f.begin, f.line_text_column);
  }
  if (ev.computed) f.expected = ev.computed->to_double();
  f.unit = ev.unit;
  f.message = ctx.config.lang == Lang::En ? ev.message_en : ev.message_vi;
  f.computation = ev.computation;
  if (ev.rounding_only) {
    f.message += ctx.config.lang == Lang::En ? " (only unrounded operands could give the stated figure)"
                                             : " (chỉ khớp nếu các số liệu gốc chưa làm tròn)";
  }
  for (uint32_t qi : claim_figures(c)) {
    if (qi >= ctx.quantities.size()) continue;
    const Quantity& q = ctx.quantities[qi];
    if (q.span.begin >= c.span.begin && q.span.end <= c.span.end && !c.span.empty())
      f.highlight.push_back(Span{q.span.begin - c.span.begin, q.span.end - c.span.begin});
    if (qi == c.stated) continue;
    bool inside = q.span.begin >= c.span.begin && q.span.end <= c.span.end;
    if (inside && c.kind != ClaimKind::Repeat) continue;
    RelatedLocation r;
    r.path = ctx.doc.path;
    r.begin = ctx.doc.map.at(q.span.begin);
    r.end = ctx.doc.map.end_at(q.span.end);
    r.quote = q.text + (q.unit.empty() ? "" : (q.unit == "%" ? "%" : " " + q.unit));
    r.message = ctx.config.lang == Lang::En ? "operand" : "số liệu liên quan";
    f.related.push_back(std::move(r));
  }
  return f;
}

void ClaimKindCheck::run(CheckContext& ctx) const {
  QuantityView view(ctx.quantities);
  for (uint32_t i = 0; i < ctx.claims.size(); ++i) {
    Claim& c = ctx.claims[i];
    if (c.kind != kind_) continue;
    Evaluation ev = doisoat::evaluate(c, view, ctx.config);
    apply(c, ev);
    // A change that fits as points (or as %) is percent-vs-points' finding, not a wrong figure.
    if (ev.verdict == Verdict::Discrepancy && !ev.points_fit) ctx.findings.push_back(make_finding(ctx, c, ev, meta_, i));
  }
}

}  // namespace doisoat
