// Hand-built documents for the check tests: write a report sentence, mark its figures in order,
// declare the claims, run every registered check and the blame pass as the engine does.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/common.h"
#include "core/model.h"
#include "engine/blame.h"
#include "engine/engine.h"

namespace doisoat::testing {

/// "22.214" -> 22214, "93,5" -> 93.5 (Vietnamese writing).
inline Decimal vi_decimal(const std::string& written) {
  Decimal d;
  bool decimals = false;
  for (char c : written) {
    if (c >= '0' && c <= '9') {
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (decimals) ++d.scale;
    } else if (c == ',') {
      decimals = true;
    }
  }
  return d;
}

class DocBuilder {
 public:
  explicit DocBuilder(std::string text) {
    result_.doc.path = "test.txt";
    result_.doc.original = text;
    result_.doc.text = text;
    result_.doc.map.reset(&result_.doc.original);
    for (uint32_t i = 0; i < text.size(); ++i) result_.doc.map.push(i);
  }

  /// The next occurrence of `written` after the previous figure is a quantity in `unit`.
  uint32_t q(const std::string& written, const std::string& unit, Qualifier qual = Qualifier::None) {
    size_t at = result_.doc.text.find(written, cursor_);
    if (at == std::string::npos) throw std::runtime_error("figure not in text: " + written);
    cursor_ = at + written.size();
    Quantity x;
    x.id = static_cast<uint32_t>(result_.quantities.size());
    x.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(cursor_)};
    x.text = written;
    x.value = vi_decimal(written);
    x.precision = x.value.scale;
    x.unit = unit;
    x.qualifier = qual;
    if (unit == "%") x.dimension = "percent";
    else if (unit == "điểm phần trăm") x.dimension = "pp";
    else if (unit == "ha") x.dimension = "area";
    else if (unit == "tấn") x.dimension = "mass";
    else if (unit == "triệu đồng") { x.dimension = "money"; x.factor = 1e6; }
    else if (unit == "tỷ đồng") { x.dimension = "money"; x.factor = 1e9; }
    else if (!unit.empty()) { x.dimension = "count:" + unit; x.exact_count = true; }
    result_.quantities.push_back(x);
    return x.id;
  }
  Quantity& quantity(uint32_t i) { return result_.quantities[i]; }

  uint32_t claim(ClaimKind kind, std::vector<Operand> ops, uint32_t stated, bool decrease = false) {
    Claim c;
    c.id = static_cast<uint32_t>(result_.claims.size());
    c.kind = kind;
    c.operands = std::move(ops);
    c.stated = stated;
    c.decrease = decrease;
    uint32_t b = UINT32_MAX, e = 0;
    for (uint32_t qi : claim_figures(c)) {
      b = std::min(b, result_.quantities[qi].span.begin);
      e = std::max(e, result_.quantities[qi].span.end);
    }
    c.span = Span{b, e};
    c.quote = result_.doc.text.substr(b, e - b);
    result_.claims.push_back(c);
    return c.id;
  }

  /// Every registered check, then blame: what the engine does after reading.
  DocumentResult& run(const CheckConfig& config = {}) {
    for (const auto& check : check_registry()) {
      std::vector<Finding> found;
      CheckContext ctx{result_.doc, result_.quantities, result_.claims, config, found};
      check->run(ctx);
      for (auto& f : found) {
        if (f.path.empty()) f.path = result_.doc.path;
        if (f.id.empty()) f.id = stable_id(f.check, f.path, f.quote);
        result_.findings.push_back(std::move(f));
      }
    }
    apply_blame(result_, config);
    return result_;
  }
  DocumentResult& result() { return result_; }

 private:
  DocumentResult result_;
  size_t cursor_ = 0;
};

inline std::vector<const Finding*> by_check(const DocumentResult& r, const std::string& id) {
  std::vector<const Finding*> out;
  for (const auto& f : r.findings)
    if (f.check == id) out.push_back(&f);
  return out;
}

}  // namespace doisoat::testing
