// What every check shares: the pure evaluation of one claim (so that rounding-convention and
// blame can re-evaluate any claim, with any figure replaced), and the building of findings.
// Not a check itself: the checks are the file pairs named after their ids.
#pragma once

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

/// Recompute one claim. Never throws: arithmetic failures make it unchecked.
Evaluation evaluate(const Claim& c, const QuantityView& quantities, const CheckConfig& config);

/// The id of the check that owns claims of this kind ("" for none).
const char* check_for(ClaimKind kind);

/// Record an evaluation on its claim (verdict, computed, expected interval, unit, reason).
void apply(Claim& c, const Evaluation& ev);

/// A finding about a claim, located and quoted, with related operands and highlights.
Finding make_finding(const CheckContext& ctx, const Claim& c, const Evaluation& ev, const CheckMeta& meta,
                     uint32_t claim_index);

/// The quantity indices a claim uses (operands, then the stated figure if not among them).
std::vector<uint32_t> claim_figures(const Claim& c);

/// A check that owns one claim kind: evaluate every claim of the kind, record the verdict and
/// report each discrepancy.
class ClaimKindCheck : public Check {
 public:
  ClaimKindCheck(ClaimKind kind, CheckMeta meta) : kind_(kind), meta_(std::move(meta)) {}
  const CheckMeta& meta() const override { return meta_; }
  void run(CheckContext& ctx) const override;

 private:
  ClaimKind kind_;
  CheckMeta meta_;
};

}  // namespace doisoat
