#include "checks/common.h"

#include <algorithm>
#include <stdexcept>

namespace doisoat {

namespace {

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

void evaluate_percent(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* num = first_role(c, qs, {"numerator", "actual", "part"});
  const Quantity* den = first_role(c, qs, {"denominator", "plan", "total"});
  const Quantity* st = qs.get(c.stated);
  if (c.kind == ClaimKind::PercentOfPlan && num && st && !den) {
    ev.unit = "%";
    return unchecked(ev, "plan not stated in the document");
  }
  if (!num || !den || !st) return unchecked(ev, "missing operand");
  // "570 việc, trong đó có 175 bản sao …, đạt tỷ lệ 30,7%": the text itself makes the part a part
  // of that whole, counted in its own noun.
  bool linked_counts = c.template_id == Template::PartOfLinkedTotal && num->dimension.rfind("count:", 0) == 0 &&
                       den->dimension.rfind("count:", 0) == 0;
  if (!compatible(*num, *den) && !linked_counts) return unchecked(ev, "units differ: " + num->unit + " / " + den->unit);
  ev.unit = "%";
  int k = decimals_of(*st);
  ev.display_decimals = std::max(2, k + 2);
  Rational hundred(100);
  Interval n = in_unit_of(*num, *den, OperandMode::AsPrinted, o);
  Interval d = operand_interval(*den, OperandMode::AsPrinted, o);
  if (d.contains_zero()) return unchecked(ev, "denominator is zero");
  // "vượt 4,2% kế hoạch": the stated figure is how far the actual is above the plan.
  const bool over = c.template_id == Template::ActualVuotPctPlan || c.template_id == Template::ABVuotPct;
  Interval p = (n / d) * hundred;
  if (over) p = p - Interval::point(hundred);
  ev.computed = p.centre();
  ev.computed_interval = p;
  Agreement a = agree(p, *st, o);
  ev.verdict = verdict_of(a);
  std::string pc = format_vi(*ev.computed, ev.display_decimals) + "%";
  ev.computation = over ? "(" + shown(*num) + " / " + shown(*den) + " − 1) × 100 = " + pc + " → " +
                              rounded_to_stated(*ev.computed, *st) + "%"
                        : shown(*num) + " / " + shown(*den) + " = " + pc + " → " + rounded_to_stated(*ev.computed, *st) + "%";
  if (a == Agreement::ConsistentTruncated) {
    ev.reason = "matches only if truncated";
    ev.computation += " (" + format_vi(*ev.computed, ev.display_decimals) + " cắt bỏ → " + shown(*st) + "%)";
  }
  set_messages(ev, shown(*num) + "/" + shown(*den) + (over ? " − 1" : "") + " = " + pc, *st, "%");
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
  if (c.kind == ClaimKind::Share) {
    ev.material = sv > hundred || cr > hundred;
  } else if (over) {
    ev.material = (sv >= Rational(0)) != (cr >= Rational(0));  // "vượt" a plan that was missed
  } else {
    ev.material = (sv >= hundred) != (cr >= hundred);
  }
}

// ---- average per counted thing: total / count ----------------------------------------------

void evaluate_average(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* total = first_role(c, qs, {"numerator"});
  const Quantity* count = first_role(c, qs, {"denominator"});
  const Quantity* st = qs.get(c.stated);
  if (!total || !count || !st) return unchecked(ev, "missing operand");
  // The average's factor is that of its money unit, also when written as a rate ("tỷ đồng/DN").
  Interval n = operand_interval(*total, OperandMode::AsPrinted, o) *
               (Rational::of_factor(total->factor) / Rational::of_factor(st->factor));
  Interval d = operand_interval(*count, OperandMode::AsPrinted, o);
  if (d.contains_zero()) return unchecked(ev, "count is zero");
  ev.unit = st->unit;
  int k = decimals_of(*st);
  ev.display_decimals = k + 2;
  Interval p = n / d;
  ev.computed = p.centre();
  ev.computed_interval = p;
  Agreement a = agree(p, *st, o);
  ev.verdict = verdict_of(a);
  std::string avg = format_vi(*ev.computed, ev.display_decimals);
  ev.computation = with_unit(shown(*total), total->unit) + " / " + with_unit(shown(*count), count->unit) + " = " + avg +
                   " → " + rounded_to_stated(*ev.computed, *st);
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
  std::string lhs = with_unit(shown(*total), total->unit) + " / " + with_unit(shown(*count), count->unit) + " = " + avg;
  set_messages(ev, lhs, *st, st->unit);
  if (a != Agreement::Discrepancy) return;
  try {
    Interval nr = operand_interval(*total, OperandMode::Rounded, o) *
                  (Rational::of_factor(total->factor) / Rational::of_factor(st->factor));
    Interval dr = operand_interval(*count, OperandMode::Rounded, o);
    if (!dr.contains_zero()) ev.rounding_only = meets(nr / dr, rounding_interval(*st, o));
  } catch (const std::exception&) {
  }
}

// ---- sum and part bound --------------------------------------------------------------------

void evaluate_sum(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev, bool bound) {
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
    // Kinds of a whole counted in their own nouns ("67 chủ thể: 22 HTX, 14 doanh nghiệp, 30 hộ").
    // A kind of the total's thing in its own noun ("12 người, trong đó 01 đối tượng").
    // Cases and the people they are ("99.085 trường hợp; 98.961 người đã khỏi bệnh, 63 ca tử vong").
    return (c.template_id == Template::TotalPartsOfKinds || c.template_id == Template::TotalTrongDoSubkind ||
            c.template_id == Template::TotalCaseOutcomes) && p.dimension.rfind("count:", 0) == 0 &&
           total->dimension.rfind("count:", 0) == 0;
  };
  for (auto* p : parts)
    if (!part_fits(*p)) return unchecked(ev, "units differ: " + p->unit + " / " + total->unit);
  ev.unit = total->unit;
  int k = decimals_of(*total);
  for (auto* p : parts) k = std::max(k, decimals_of(*p));
  ev.display_decimals = k;
  Interval sum_printed = Interval::point(Rational(0)), sum_rounded = sum_printed;
  std::string expr;
  const Quantity* biggest = nullptr;
  Interval biggest_i = sum_printed;
  for (auto* p : parts) {
    Interval r = in_unit_of(*p, *total, OperandMode::Rounded, o);
    sum_printed = sum_printed + in_unit_of(*p, *total, OperandMode::AsPrinted, o);
    sum_rounded = sum_rounded + r;
    if (!biggest || r.lo > biggest_i.lo) { biggest = p; biggest_i = r; }
    expr += (expr.empty() ? "" : " + ") + shown(*p);
  }
  ev.computed = sum_printed.centre();
  ev.computed_interval = sum_rounded;
  Interval t = rounding_interval(*total, o);
  std::string sum_text = format_vi(*ev.computed, k);
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
  // "52.300 lao động, trong đó nữ 25.100 …; nông nghiệp 31.200 …": parts of two classifications
  // overlap, so only each part is bounded by the total, not their sum.
  const bool cross_cutting = c.template_id == Template::TotalCrossCuttingParts;
  bool sum_above = !cross_cutting && above(sum_rounded), part_above = above(biggest_i);
  ev.verdict = (sum_above || part_above) ? Verdict::Discrepancy : Verdict::Consistent;
  if (part_above) {
    ev.computed = in_unit_of(*biggest, *total, OperandMode::AsPrinted, o).centre();
    ev.computed_interval = biggest_i;
    ev.computation = shown(*biggest) + " > " + shown(*total);
    ev.message_vi = "phần " + with_unit(shown(*biggest), biggest->unit) + " lớn hơn tổng " + with_unit(shown(*total), total->unit);
    ev.message_en = "the part " + with_unit(shown(*biggest), biggest->unit) + " is larger than the total " +
                    with_unit(shown(*total), total->unit);
  } else {
    ev.computation = expr + " = " + sum_text + (sum_above ? " > " : " ≤ ") + shown(*total);
    ev.message_vi = "các phần cộng lại " + expr + " = " + with_unit(sum_text, ev.unit) + ", lớn hơn tổng " +
                    with_unit(shown(*total), total->unit);
    ev.message_en = "the parts add up to " + expr + " = " + with_unit(sum_text, ev.unit) + ", more than the total " +
                    with_unit(shown(*total), total->unit);
  }
}

// ---- changes: growth, abs_change, pp_difference ------------------------------------------

void evaluate_growth(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* cur = first_role(c, qs, {"current"});
  const Quantity* ear = first_role(c, qs, {"earlier"});
  const Quantity* st = qs.get(c.stated);
  bool index = has_role(c, "index");
  if (const Quantity* r = first_role(c, qs, {"rate", "index"})) st = r;
  const Quantity* chg = first_role(c, qs, {"change"});
  if (cur && !ear && chg && st && !index) {
    // "402.588 lượt, tăng 138.037 lượt (tăng 21,5%)": earlier = current ∓ change, rate = change / earlier.
    if (!compatible(*cur, *chg)) return unchecked(ev, "units differ: " + cur->unit + " / " + chg->unit);
    ev.unit = "%";
    int k = decimals_of(*st);
    ev.display_decimals = std::max(2, k + 2);
    Rational hundred(100);
    auto rate_of = [&](OperandMode mode) {
      Interval cv = operand_interval(*cur, mode, o), ch = in_unit_of(*chg, *cur, mode, o);
      Interval e = c.decrease ? cv + ch : cv - ch;
      return (ch / e) * hundred;
    };
    Interval ev_earlier = c.decrease ? operand_interval(*cur, OperandMode::AsPrinted, o) + in_unit_of(*chg, *cur, OperandMode::AsPrinted, o)
                                     : operand_interval(*cur, OperandMode::AsPrinted, o) - in_unit_of(*chg, *cur, OperandMode::AsPrinted, o);
    if (ev_earlier.contains_zero()) return unchecked(ev, "earlier value is zero");
    Interval p = rate_of(OperandMode::AsPrinted);
    ev.computed = p.centre();
    ev.computed_interval = p;
    Quantity stated_mag = *st;
    stated_mag.negative = false;
    Agreement a = agree(p, stated_mag, o);
    ev.verdict = verdict_of(a);
    std::string pc = format_vi(*ev.computed, ev.display_decimals) + "%";
    std::string earlier_text = format_vi(ev_earlier.centre(), decimals_of(*cur));
    ev.computation = shown(*chg) + " / (" + shown(*cur) + (c.decrease ? " + " : " − ") + shown(*chg) + ") × 100 = " + pc +
                     " → " + rounded_to_stated(*ev.computed, *st) + "%";
    ev.message_vi = std::string(c.decrease ? "giảm " : "tăng ") + shown(*chg) + " so với kỳ trước " + earlier_text + " là " + pc +
                    ", báo cáo ghi " + shown(*st) + "%";
    ev.message_en = std::string(c.decrease ? "a fall of " : "a rise of ") + shown(*chg) + " on an earlier " + earlier_text + " is " + pc +
                    ", the report states " + shown(*st) + "%";
    if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
    if (a != Agreement::Discrepancy) return;
    try {
      ev.rounding_only = meets(rate_of(OperandMode::Rounded), rounding_interval(stated_mag, o));
    } catch (const std::exception&) {
    }
    return;
  }
  if (!cur || !ear || !st) return unchecked(ev, "earlier or current value not stated");
  if (!compatible(*cur, *ear)) return unchecked(ev, "units differ: " + cur->unit + " / " + ear->unit);
  // "gấp 2,1 lần so với cùng kỳ (cùng kỳ 2.150 tỷ đồng)": an index written as a multiple.
  const bool times = index && st->unit == "lần";
  const std::string pct_sign = times ? " lần" : "%";
  ev.unit = times ? "lần" : "%";
  int k = decimals_of(*st);
  ev.display_decimals = std::max(2, k + 2);
  Rational hundred(100);
  auto rate_of = [&](OperandMode mode) {
    Interval cv = in_unit_of(*cur, *ear, mode, o), e = operand_interval(*ear, mode, o);
    Interval ratio = times ? cv / e : (cv / e) * hundred;
    if (index) return ratio;
    Interval g = ratio - Interval::point(hundred);
    return c.decrease ? -g : g;
  };
  if (operand_interval(*ear, OperandMode::AsPrinted, o).contains_zero()) return unchecked(ev, "earlier value is zero");
  Interval p = rate_of(OperandMode::AsPrinted);
  ev.computed = p.centre();
  ev.computed_interval = p;
  // "giảm -3%" is unusual; the stated rate is compared by magnitude in the claim's direction.
  Quantity stated_mag = *st;
  if (c.decrease) stated_mag.negative = false;
  Agreement a = agree(p, stated_mag, o);
  ev.verdict = verdict_of(a);
  std::string pc = format_vi(*ev.computed, ev.display_decimals) + pct_sign;
  std::string word_vi = times ? "gấp " : index ? "bằng " : (c.decrease ? "giảm " : "tăng ");
  std::string word_en = times ? "multiple of " : index ? "index " : (c.decrease ? "fall of " : "growth of ");
  std::string formula = times   ? shown(*cur) + " / " + shown(*ear)
                        : index ? shown(*cur) + " / " + shown(*ear) + " × 100"
                                : (c.decrease ? "(1 − " + shown(*cur) + " / " + shown(*ear) + ") × 100"
                                              : "(" + shown(*cur) + " / " + shown(*ear) + " − 1) × 100");
  ev.computation = formula + " = " + pc + " → " + rounded_to_stated(*ev.computed, *st) + pct_sign;
  ev.message_vi = shown(*cur) + " so với " + shown(*ear) + " là " + word_vi + pc + ", báo cáo ghi " + word_vi + shown(*st) + pct_sign;
  ev.message_en = shown(*cur) + " against " + shown(*ear) + " is a " + word_en + pc + ", the report states " + shown(*st) + pct_sign;
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
  if (a != Agreement::Discrepancy) return;
  try {
    ev.rounding_only = meets(rate_of(OperandMode::Rounded), rounding_interval(stated_mag, o));
  } catch (const std::exception&) {
  }
  if (index) {
    Rational cr = round_half_up(*ev.computed, k);
    const Rational par = times ? Rational(1) : hundred;
    ev.material = (value_of(stated_mag) >= par) != (cr >= par);
  } else {
    // The text says "tăng" and the figures fall (or the reverse).
    ev.material = ev.computed->negative() && !value_of(stated_mag).negative() &&
                  round_half_up(*ev.computed, k).negative();
  }
  // Percent vs points: rates stated in % whose difference in points is what the text says.
  if (!index && cur->unit == "%" && ear->unit == "%") {
    Interval pp = operand_interval(*cur, OperandMode::AsPrinted, o) - operand_interval(*ear, OperandMode::AsPrinted, o);
    if (c.decrease) pp = -pp;
    if (meets(pp, rounding_interval(stated_mag, o))) {
      ev.points_fit = true;
      ev.points_text = shown(*cur) + " − " + shown(*ear) + " = " + format_vi(pp.centre(), k) + " điểm phần trăm";
    }
  }
}

// "1.792 hộ, tỷ lệ 13,54% giảm … 333 hộ (2,51%)": the change of a population's rate in points,
// from the counts: earlier rate (part ± change) / (total ± its change) against part / total. A
// percent of the households (change / total) is the other reading; either agreeing is consistent.
void evaluate_rate_points(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* part = first_role(c, qs, {"part"});
  const Quantity* total = first_role(c, qs, {"total"});
  const Quantity* dpart = first_role(c, qs, {"part_change"});
  const Quantity* dtotal = first_role(c, qs, {"total_change_down", "total_change_up"});
  const Quantity* st = qs.get(c.stated);
  if (!part || !total || !dpart || !st) return unchecked(ev, "counts of the rate not stated");
  if (!compatible(*part, *total) || !compatible(*dpart, *total) || (dtotal && !compatible(*dtotal, *total)))
    return unchecked(ev, "units differ: " + part->unit + " / " + total->unit);
  bool total_down = false;
  for (const Operand& op : c.operands)
    if (op.role == "total_change_down") total_down = true;
  auto v = [&](const Quantity& q) { return in_unit_of(q, *total, OperandMode::AsPrinted, o); };
  const Rational hundred(100);
  Interval P = v(*part), T = v(*total), dP = v(*dpart);
  Interval dT = dtotal ? v(*dtotal) : Interval::point(Rational(0));
  Interval P0 = c.decrease ? P + dP : P - dP;
  Interval T0 = total_down ? T + dT : T - dT;
  if (T.contains_zero() || T0.contains_zero()) return unchecked(ev, "empty population");
  Interval now = (P / T) * hundred, before = (P0 / T0) * hundred;
  Interval d = c.decrease ? before - now : now - before;
  Quantity stated_mag = *st;
  stated_mag.negative = false;
  ev.unit = "điểm phần trăm";
  int k = decimals_of(*st);
  ev.display_decimals = k + 2;
  ev.computed = d.centre();
  ev.computed_interval = d;
  Agreement a = agree(d, stated_mag, o, true);
  std::string formula = "(" + shown(*part) + (c.decrease ? " + " : " − ") + shown(*dpart) + ") / (" + shown(*total) +
                        (dtotal ? (total_down ? " + " : " − ") + shown(*dtotal) : std::string()) + ") − " + shown(*part) +
                        " / " + shown(*total);
  if (!c.decrease)
    formula = shown(*part) + " / " + shown(*total) + " − (" + shown(*part) + " − " + shown(*dpart) + ") / (" + shown(*total) +
              (dtotal ? (total_down ? " + " : " − ") + shown(*dtotal) : std::string()) + ")";
  std::string dt = format_vi(*ev.computed, k + 2);
  ev.computation = formula + " = " + dt + " điểm phần trăm";
  if (a == Agreement::Discrepancy) {
    Interval share = (dP / T) * hundred;
    if (meets(share, rounding_interval(stated_mag, o))) {
      a = Agreement::Consistent;
      ev.reason = "as a percent of the population: " + shown(*dpart) + " / " + shown(*total);
    }
  }
  ev.verdict = verdict_of(a);
  std::string word_vi = c.decrease ? "giảm " : "tăng ", word_en = c.decrease ? "a fall of " : "a rise of ";
  ev.message_vi = ev.computation + ", báo cáo ghi " + word_vi + shown(*st);
  ev.message_en = ev.computation + ", the report states " + word_en + shown(*st);
  if (a == Agreement::ConsistentTruncated) ev.reason = "matches only if truncated";
}

void evaluate_difference(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev, bool points) {
  if (points && c.template_id == Template::CountChangeRatePoints) return evaluate_rate_points(c, qs, o, ev);
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

// ---- repeat and malformed ----------------------------------------------------------------

// "giảm 55% so với cùng kỳ" in one place and "bằng 45% so với cùng kỳ" in another: one year-on-year
// change stated as a rate and as an index (bằng X% is a change of X − 100%; tăng Y% is bằng 100 + Y%),
// or with opposite directions. The first statement is put in the second's form and compared.
// False (nothing done) unless both are year-on-year figures in percent stated in different forms.
bool restated_change(const Quantity& first, const Quantity& second, const ToleranceOptions& o, Evaluation& ev) {
  auto yoy = [](const Quantity& q) { return q.unit == "%" && (q.role == "yoy_rate" || q.role == "yoy_ratio"); };
  if (!yoy(first) || !yoy(second)) return false;
  if (first.role == second.role && (first.role == "yoy_ratio" || first.decrease == second.decrease)) return false;
  const Rational hundred(100);
  // A statement's interval as a signed change in percent, and back into the second's form.
  auto as_change = [&](const Quantity& q, const Interval& x) {
    if (q.role == "yoy_ratio") return x - Interval::point(hundred);
    return q.decrease ? -x : x;
  };
  auto in_form_of_second = [&](const Interval& change) {
    if (second.role == "yoy_ratio") return change + Interval::point(hundred);
    return second.decrease ? -change : change;
  };
  auto words = [](const Quantity& q, const std::string& number) {
    if (q.role == "yoy_ratio") return "bằng " + number + "%";
    return std::string(q.decrease ? "giảm " : "tăng ") + number + "%";
  };
  Interval f = in_form_of_second(as_change(first, operand_interval(first, OperandMode::Rounded, o)));
  ev.computed = in_form_of_second(as_change(first, operand_interval(first, OperandMode::AsPrinted, o))).centre();
  ev.computed_interval = f;
  ev.verdict = meets(f, rounding_interval(second, o)) ? Verdict::Consistent : Verdict::Discrepancy;
  const std::string said = words(first, shown(first));
  const std::string as_second = words(second, format_vi(*ev.computed, decimals_of(first)));
  ev.computation = said + " = " + as_second + (ev.verdict == Verdict::Consistent ? " = " : " ≠ ") + words(second, shown(second));
  ev.message_vi = "cùng một mức thay đổi so với cùng kỳ được ghi hai lần: " + said + " (tức " + as_second + ") và " +
                  words(second, shown(second));
  ev.message_en = "the same year-on-year change is stated twice: " + said + " (that is " + as_second + ") and " +
                  words(second, shown(second));
  return true;
}

void evaluate_repeat(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev) {
  const Quantity* first = first_role(c, qs, {"first"});
  const Quantity* second = first_role(c, qs, {"second"});
  if (!second) second = qs.get(c.stated);
  if (!first || !second) return unchecked(ev, "missing statement");
  if (!compatible(*first, *second)) return unchecked(ev, "units differ: " + first->unit + " / " + second->unit);
  ev.unit = second->unit;
  ev.display_decimals = std::max(decimals_of(*first), decimals_of(*second));
  if (restated_change(*first, *second, o, ev)) return;
  Interval f = in_unit_of(*first, *second, OperandMode::Rounded, o);
  ev.computed = in_unit_of(*first, *second, OperandMode::AsPrinted, o).centre();
  ev.computed_interval = f;
  ev.verdict = meets(f, rounding_interval(*second, o)) ? Verdict::Consistent : Verdict::Discrepancy;
  ev.computation = with_unit(shown(*first), first->unit) + (ev.verdict == Verdict::Consistent ? " = " : " ≠ ") +
                   with_unit(shown(*second), second->unit);
  ev.message_vi = "cùng chỉ tiêu được ghi hai lần với hai giá trị: " + with_unit(shown(*first), first->unit) + " và " +
                  with_unit(shown(*second), second->unit);
  ev.message_en = "the same figure is stated twice with two values: " + with_unit(shown(*first), first->unit) +
                  " and " + with_unit(shown(*second), second->unit);
}

void evaluate_malformed(const Claim& c, const QuantityView& qs, Evaluation& ev) {
  const Quantity* q = qs.get(c.stated);
  if (const Quantity* n = first_role(c, qs, {"number"})) q = n;
  if (!q) return unchecked(ev, "missing number");
  ev.unit = q->unit;
  ev.verdict = Verdict::Discrepancy;
  ev.reason = q->malformed_reason;
  ev.display_decimals = q->hint ? q->hint->scale : decimals_of(*q);
  std::string why_vi = q->malformed_reason.empty() ? "cách viết số không hợp lệ" : q->malformed_reason;
  ev.message_vi = "số \"" + q->text + "\" viết sai quy cách (" + why_vi + ")";
  ev.message_en = "the number \"" + q->text + "\" is malformed (" +
                  (q->malformed_reason.empty() ? std::string("invalid written form") : q->malformed_reason) + ")";
  if (q->hint) {
    ev.computed = Rational::of(*q->hint);
    ev.computed_interval = Interval::point(*ev.computed);
    ev.computation = q->text + " → " + q->hint->to_vi();
    ev.message_vi += ", có lẽ là " + q->hint->to_vi();
    ev.message_en += ", probably " + q->hint->to_vi();
  } else {
    ev.computation = q->text;
  }
}

}  // namespace

ToleranceOptions tolerance_options(const CheckConfig& config) {
  ToleranceOptions o;
  o.extra_relative = config.extra_relative_tolerance;
  return o;
}

namespace {

Evaluation evaluate_once(const Claim& c, const QuantityView& qs, const CheckConfig& config) {
  Evaluation ev;
  ToleranceOptions o = tolerance_options(config);
  try {
    switch (c.kind) {
      case ClaimKind::Ratio:
        if (c.template_id == Template::AveragePerUnit) {
          evaluate_average(c, qs, o, ev);
          break;
        }
        [[fallthrough]];
      case ClaimKind::PercentOfPlan:
      case ClaimKind::Share: evaluate_percent(c, qs, o, ev); break;
      case ClaimKind::Sum: evaluate_sum(c, qs, o, ev, false); break;
      case ClaimKind::PartBound: evaluate_sum(c, qs, o, ev, true); break;
      case ClaimKind::Growth: evaluate_growth(c, qs, o, ev); break;
      case ClaimKind::AbsChange: evaluate_difference(c, qs, o, ev, false); break;
      case ClaimKind::PpDifference: evaluate_difference(c, qs, o, ev, true); break;
      case ClaimKind::Repeat: evaluate_repeat(c, qs, o, ev); break;
      case ClaimKind::MalformedNumber: evaluate_malformed(c, qs, ev); break;
      case ClaimKind::CrossReport: unchecked(ev, "needs a figure from another report"); break;
    }
  } catch (const std::exception& e) {
    Evaluation failed;
    failed.reason = e.what();
    return failed;
  }
  return ev;
}

}  // namespace

Evaluation evaluate(const Claim& c, const QuantityView& qs, const CheckConfig& config) {
  Evaluation ev = evaluate_once(c, qs, config);
  if (c.inferred && ev.verdict == Verdict::Discrepancy) {
    unchecked(ev, "operands linked by position only, and they disagree: more likely another relation than an error");
    return ev;
  }
  // A malformed operand ("175.666/310.00 m3 … đạt 57%") is read with its likely intended value
  // when that is what makes the relation hold: the malformed-number finding reports the number;
  // the relation itself is not a second error. Every malformed operand is replaced at once, and
  // the relation is evaluated once more (no recursion).
  if (ev.verdict != Verdict::Discrepancy || c.kind == ClaimKind::MalformedNumber) return ev;
  std::vector<uint32_t> hinted;
  for (const auto& op : c.operands) {
    const Quantity* q = qs.get(op.quantity);
    if (q && q->malformed && q->hint && (op.quantity != c.stated || c.template_id == Template::RestatedWithSlip) &&
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
    if (c.template_id == Template::RestatedWithSlip) f.text = f.hint->to_vi();  // the message compares the readings
  }
  Evaluation again = evaluate_once(c, QuantityView(qs, fixed), config);
  if (again.verdict == Verdict::Consistent || again.verdict == Verdict::ConsistentTruncated) {
    again.reason = "with " + read_as;
    return again;
  }
  // A restatement found through the intended reading of its malformed figure is about that
  // reading: "154.837" (meant 154,837) against 154,873 differs by 0,036, not by 154.682.
  if (c.template_id == Template::RestatedWithSlip) {
    again.reason = "with " + read_as;
    if (const Quantity* st = qs.get(c.stated); st && st->hint) again.stated_as_meant = Rational::of(*st->hint);
    return again;
  }
  return ev;
}

const char* check_for(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::Ratio: return "ratio-recompute";
    case ClaimKind::PercentOfPlan: return "percent-of-plan";
    case ClaimKind::Sum: return "sum-total";
    case ClaimKind::PartBound: return "part-bound";
    case ClaimKind::PpDifference: return "pp-difference";
    case ClaimKind::Share: return "share";
    case ClaimKind::Growth: return "growth-rate";
    case ClaimKind::AbsChange: return "abs-change";
    case ClaimKind::Repeat: return "repeat-agreement";
    case ClaimKind::MalformedNumber: return "malformed-number";
    case ClaimKind::CrossReport: return "";
  }
  return "";
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
    Evaluation ev = evaluate(c, view, ctx.config);
    apply(c, ev);
    // A change that fits as points (or as %) is percent-vs-points' finding, not a wrong figure.
    if (ev.verdict == Verdict::Discrepancy && !ev.points_fit) ctx.findings.push_back(make_finding(ctx, c, ev, meta_, i));
  }
}

}  // namespace doisoat
