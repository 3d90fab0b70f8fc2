// What every check shares: the evaluation of one claim by the check that owns its kind (so that
// rounding-convention and blame can re-evaluate any claim, with any figure replaced), the
// arithmetic of the families of checks (recompute::), and the building of findings.
// Not a check itself: the checks are the file pairs named after their ids.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "core/model.h"
#include "core/tolerance.h"

namespace doisoat {

/// A document's quantities as a check sees them, with one figure replaced (blame's
/// hypotheses are evaluated without copying the document).
class QuantityView {
 public:
  explicit QuantityView(const std::vector<Quantity>& base) : base_(&base) {}
  QuantityView(const std::vector<Quantity>& base, uint32_t index, const Quantity& replacement)
      : base_(&base), index_(index), replacement_(&replacement) {}
  /// `view` with a few more figures replaced (they take precedence over its own replacement).
  QuantityView(const QuantityView& view, const std::vector<std::pair<uint32_t, Quantity>>& more)
      : base_(view.base_), parent_(&view), more_(&more) {}
  const Quantity* get(uint32_t index) const {
    if (more_) {
      for (const auto& [i, q] : *more_)
        if (i == index) return &q;
      return parent_->get(index);
    }
    if (replacement_ && index == index_) return replacement_;
    return index < base_->size() ? &(*base_)[index] : nullptr;
  }
  const std::vector<Quantity>& base() const { return *base_; }

 private:
  const std::vector<Quantity>* base_;
  uint32_t index_ = UINT32_MAX;
  const Quantity* replacement_ = nullptr;
  const QuantityView* parent_ = nullptr;
  const std::vector<std::pair<uint32_t, Quantity>>* more_ = nullptr;
};

/// The recomputation of one claim.
struct Evaluation {
  Verdict verdict = Verdict::Unchecked;
  std::string reason;
  std::optional<Rational> computed;  // centre, in the stated figure's unit
  std::optional<Interval> computed_interval;
  std::string unit;
  bool material = false;
  bool rounding_only = false;  // a discrepancy that only unrounded operands could explain
  bool points_fit = false;     // the change fits when read as points instead of % (or the reverse)
  std::string points_text;     // the recomputation that fits in the other reading
  std::string computation;     // "22.214 / 23.707 = 93,70% → 94%"
  std::string message_vi, message_en;
  int display_decimals = 0;
  std::optional<Rational> stated_as_meant;  // a malformed stated figure evaluated as intended
};

ToleranceOptions tolerance_options(const CheckConfig& config);

class ClaimKindCheck;
/// The check that owns claims of this kind, from the registry (nullptr for none).
const ClaimKindCheck* check_owning(ClaimKind kind);

/// Recompute one claim: its kind's check evaluates it, and a failing relation with malformed
/// operands is evaluated once more with their likely intended values. Never throws: arithmetic
/// failures make it unchecked.
Evaluation evaluate(const Claim& c, const QuantityView& quantities, const CheckConfig& config);
/// The verdict evaluate() gives, without building its messages (blame's hypotheses).
Verdict evaluate_verdict(const Claim& c, const QuantityView& quantities, const CheckConfig& config);

/// The id of the check that owns claims of this kind ("" for none), from the registry.
const char* check_for(ClaimKind kind);

/// Record an evaluation on its claim (verdict, computed, expected interval, unit, reason).
void apply(Claim& c, const Evaluation& ev);

/// A finding about a claim, located and quoted, with related operands and highlights.
Finding make_finding(const CheckContext& ctx, const Claim& c, const Evaluation& ev, const CheckMeta& meta,
                     uint32_t claim_index);

/// The quantity indices a claim uses (operands, then the stated figure if not among them).
std::vector<uint32_t> claim_figures(const Claim& c);

/// A check that owns one claim kind: evaluate every claim of the kind, record the verdict and
/// report each discrepancy. The check's evaluate() is its arithmetic; what a construction of the
/// claims grammar means for it (claim.template_id) is the check's to say.
class ClaimKindCheck : public Check {
 public:
  ClaimKindCheck(ClaimKind kind, CheckMeta meta) : kind_(kind), meta_(std::move(meta)) {}
  const CheckMeta& meta() const override { return meta_; }
  void run(CheckContext& ctx) const override;
  ClaimKind kind() const { return kind_; }
  /// The recomputation of one claim of the kind with its figures as given (doisoat::evaluate
  /// adds the second reading of malformed operands). May throw; doisoat::evaluate makes that
  /// an unchecked claim.
  virtual Evaluation evaluate(const Claim& c, const QuantityView& quantities, const ToleranceOptions& o) const = 0;
  /// A claim whose malformed stated figure is read, like its operands, as meant.
  virtual bool reads_stated_as_meant(const Claim&) const { return false; }
  /// Whether a failing claim is evaluated once more with its malformed operands read as meant
  /// (not when the claim is about the malformed figure itself).
  virtual bool rereads_malformed_operands() const { return true; }

 private:
  ClaimKind kind_;
  CheckMeta meta_;
};

/// The arithmetic the checks share, within a family (percent of: ratio, percent of plan, share;
/// parts: sum, part bound; changes: abs change, pp difference) and across families (roles,
/// units, messages).
namespace recompute {

/// The first operand with one of these roles (in the order given), else nullptr.
const Quantity* first_role(const Claim& c, const QuantityView& qs, std::initializer_list<const char*> names);
std::vector<const Quantity*> all_role(const Claim& c, const QuantityView& qs, const char* name);
bool has_role(const Claim& c, const char* name);
/// Can `q` be expressed in the unit of `ref`? Figures with no unit take the other's.
bool compatible(const Quantity& q, const Quantity& ref);
/// The interval of `q` in the written unit of `ref`.
Interval in_unit_of(const Quantity& q, const Quantity& ref, OperandMode mode, const ToleranceOptions& o);
/// A figure as written, with its sign.
std::string shown(const Quantity& q);
std::string with_unit(const std::string& number, const std::string& unit);
int decimals_of(const Quantity& q);
/// "94": the computed value rounded to the stated figure's decimals.
std::string rounded_to_stated(const Rational& computed, const Quantity& stated);
/// "<lhs>, báo cáo ghi <stated>" in both languages.
void set_messages(Evaluation& ev, const std::string& lhs, const Quantity& stated, const std::string& unit);
void unchecked(Evaluation& ev, const std::string& reason);
Verdict verdict_of(Agreement a);

/// How a percent-of claim reads; each check says it from its own constructions.
struct PercentReading {
  bool over = false;           // "vượt X%": the stated figure is how far A is above B
  bool counts_linked = false;  // the text makes A a part of B, each counted in its own noun
  bool plan = false;           // a percent of plan: an actual with no plan is "plan not stated"
  bool share = false;          // a share: material when it or the recomputation is above 100%
};
/// A / B × 100 (or how far A is above B) against the stated percent.
void evaluate_percent(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, const PercentReading& r,
                      Evaluation& ev);

/// How a breakdown reads; each check says it from its own constructions.
struct PartsReading {
  bool bound = false;               // part bound: no part, and not their sum, above the total
  bool kinds_in_own_nouns = false;  // parts counted in their own nouns are kinds of the total's thing
  bool cross_cutting = false;       // parts of two classifications: each bounded, not their sum
};
/// The parts against their total.
void evaluate_parts(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, const PartsReading& r,
                    Evaluation& ev);

/// current − earlier against the stated change; in percentage points when `points`.
void evaluate_difference(const Claim& c, const QuantityView& qs, const ToleranceOptions& o, Evaluation& ev, bool points);

}  // namespace recompute

}  // namespace doisoat
