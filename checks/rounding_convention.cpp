#include "checks/rounding_convention.h"

#include "checks/common.h"

namespace doisoat {

RoundingConventionCheck::RoundingConventionCheck()
    : meta_{"rounding-convention", Severity::Info, "Số liệu chỉ khớp nếu báo cáo cắt bỏ thay vì làm tròn",
            "The stated figure matches only if truncated, not rounded", check_documentation("rounding-convention", Severity::Info)} {}

void RoundingConventionCheck::run(CheckContext& ctx) const {
  // Every check evaluates the same way (checks/common.h), so this tier is decided once for all
  // kinds, whatever order the checks run in.
  QuantityView view(ctx.quantities);
  for (uint32_t i = 0; i < ctx.claims.size(); ++i) {
    const Claim& c = ctx.claims[i];
    if (*check_for(c.kind) == '\0') continue;
    Evaluation ev = evaluate(c, view, ctx.config);
    if (ev.verdict != Verdict::ConsistentTruncated || !ev.computed) continue;
    const Quantity* st = view.get(c.stated);
    if (!st) continue;
    int k = std::max(st->precision, st->value.scale);
    std::string rounded = format_vi(round_half_up(*ev.computed, k), k);
    std::string exact = format_vi(*ev.computed, ev.display_decimals);
    std::string u = ev.unit == "%" ? "%" : (ev.unit.empty() ? "" : " " + ev.unit);
    ev.message_vi = "giá trị tính lại " + exact + u + " làm tròn thành " + rounded + u + "; báo cáo ghi " +
                    (st->negative ? "-" : "") + st->text + u + " (cắt bỏ phần lẻ thay vì làm tròn)";
    ev.message_en = "the recomputed " + exact + u + " rounds to " + rounded + u + "; the report states " +
                    (st->negative ? "-" : "") + st->text + u + " (truncated instead of rounded)";
    Finding f = make_finding(ctx, c, ev, meta_, i);
    f.severity = meta_.severity;
    f.suggestion = ctx.config.lang == Lang::En ? "write " + rounded + u + " (round half up)"
                                               : "ghi " + rounded + u + " (làm tròn)";
    ctx.findings.push_back(std::move(f));
  }
}

}  // namespace doisoat
