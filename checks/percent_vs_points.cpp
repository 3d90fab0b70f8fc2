#include "checks/percent_vs_points.h"

#include "checks/common.h"

namespace doisoat {

PercentVsPointsCheck::PercentVsPointsCheck()
    : meta_{"percent-vs-points", Severity::Warning,
            "Thay đổi của một tỷ lệ ghi bằng % trong khi khớp với điểm phần trăm (hoặc ngược lại)",
            "A change in a rate stated in % where percentage points fit (or the reverse)",
            check_documentation("percent-vs-points", Severity::Warning)} {}

void PercentVsPointsCheck::run(CheckContext& ctx) const {
  QuantityView view(ctx.quantities);
  for (uint32_t i = 0; i < ctx.claims.size(); ++i) {
    const Claim& c = ctx.claims[i];
    if (c.kind != ClaimKind::Growth && c.kind != ClaimKind::PpDifference) continue;
    Evaluation ev = evaluate(c, view, ctx.config);
    if (ev.verdict != Verdict::Discrepancy || !ev.points_fit) continue;
    const Quantity* st = view.get(c.stated);
    if (!st) continue;
    bool as_points = c.kind == ClaimKind::Growth;  // written "%", points fit
    std::string word = c.decrease ? "giảm " : "tăng ";
    if (as_points) {
      ev.message_vi = "thay đổi của một tỷ lệ phải tính bằng điểm phần trăm: " + ev.points_text + "; báo cáo ghi " +
                      word + st->text + "% (" + ev.computation + ")";
      ev.message_en = "a change in a rate is measured in percentage points: " + ev.points_text +
                      "; the report states a change of " + st->text + "% (" + ev.computation + ")";
    } else {
      ev.message_vi = "mức thay đổi ghi bằng điểm phần trăm nhưng khớp với tốc độ tương đối: " + ev.points_text +
                      "; báo cáo ghi " + word + st->text + " điểm phần trăm";
      ev.message_en = "the change is written in percentage points but matches the relative change: " +
                      ev.points_text + "; the report states " + st->text + " points";
    }
    ev.computation = ev.points_text;
    Finding f = make_finding(ctx, c, ev, meta_, i);
    f.severity = meta_.severity;
    f.suggestion = ctx.config.lang == Lang::En
                       ? (as_points ? "write \"" + word + st->text + " điểm phần trăm\"" : "write \"" + word + st->text + "%\"")
                       : (as_points ? "ghi \"" + word + st->text + " điểm phần trăm\"" : "ghi \"" + word + st->text + "%\"");
    ctx.findings.push_back(std::move(f));
  }
}

}  // namespace doisoat
