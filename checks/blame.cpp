#include "checks/blame.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <Eigen/Dense>
#include <Eigen/Sparse>

#include "checks/common.h"

namespace doisoat {

const char* to_string(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "transposition";
    case TypoKind::DroppedDigit: return "dropped_digit";
    case TypoKind::ExtraDigit: return "extra_digit";
    case TypoKind::WrongDigit: return "wrong_digit";
    case TypoKind::SeparatorSlip: return "separator_slip";
    case TypoKind::UnitSlip: return "unit_slip";
    case TypoKind::NeighbourCopy: return "neighbour_copy";
  }
  return "?";
}

namespace {

const char* typo_vi(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "đảo hai chữ số";
    case TypoKind::DroppedDigit: return "thiếu một chữ số";
    case TypoKind::ExtraDigit: return "thừa một chữ số";
    case TypoKind::WrongDigit: return "gõ nhầm một chữ số";
    case TypoKind::SeparatorSlip: return "sai dấu phân cách hàng nghìn";
    case TypoKind::UnitSlip: return "nhầm đơn vị (×1.000)";
    case TypoKind::NeighbourCopy: return "chép nhầm số liệu dòng bên";
  }
  return "";
}

const char* typo_en(TypoKind k) {
  switch (k) {
    case TypoKind::Transposition: return "two digits transposed";
    case TypoKind::DroppedDigit: return "a dropped digit";
    case TypoKind::ExtraDigit: return "an extra digit";
    case TypoKind::WrongDigit: return "one mistyped digit";
    case TypoKind::SeparatorSlip: return "a thousands-separator slip";
    case TypoKind::UnitSlip: return "a unit slip (×1,000)";
    case TypoKind::NeighbourCopy: return "a figure copied from the neighbouring line";
  }
  return "";
}

bool make_decimal(const std::string& digits, int scale, Decimal& out) {
  if (digits.empty() || digits.size() > 17) return false;
  std::string d = digits;
  // Keep at least one integer digit; no leading zero unless it is the only integer digit.
  int int_len = static_cast<int>(d.size()) - scale;
  if (int_len < 1) return false;
  if (int_len > 1 && d[0] == '0') return false;
  Decimal v;
  v.scale = scale;
  for (char c : d) v.mantissa = v.mantissa * 10 + (c - '0');
  out = v;
  return true;
}

Quantity corrected(const Quantity& q, const Decimal& v) {
  Quantity c = q;
  c.value = v;
  c.precision = v.scale;
  c.text = v.to_vi();
  c.malformed = false;
  c.hint.reset();
  return c;
}

bool uses(const Claim& c, uint32_t q) {
  auto f = claim_figures(c);
  return std::find(f.begin(), f.end(), q) != f.end();
}

bool is_relation_check(const std::string& id) {
  return id != "rounding-convention" && id != "percent-vs-points" && id != "malformed-number" && !id.empty();
}

/// Does replacing one figure make `claim` consistent and leave every claim sharing it unbroken?
bool repairs(const std::vector<Quantity>& qs, const std::vector<Claim>& claims, uint32_t claim,
             uint32_t index, const Quantity& replacement, const CheckConfig& config) {
  QuantityView view(qs, index, replacement);
  if (evaluate(claims[claim], view, config).verdict != Verdict::Consistent) return false;
  QuantityView before(qs);
  for (uint32_t i = 0; i < claims.size(); ++i) {
    if (i == claim || !uses(claims[i], index) || claims[i].kind == ClaimKind::MalformedNumber) continue;
    Verdict was = evaluate(claims[i], before, config).verdict;
    Verdict now = evaluate(claims[i], view, config).verdict;
    if (now == Verdict::Discrepancy) return false;
    // A relation that held must not become a truncation-only match either.
    if (was == Verdict::Consistent && now != Verdict::Consistent) return false;
  }
  return true;
}

std::string unit_suffix(const Quantity& q) {
  if (q.unit.empty()) return "";
  return q.unit == "%" ? "%" : " " + q.unit;
}

}  // namespace

std::vector<Correction> typo_candidates(const std::vector<Quantity>& quantities, uint32_t index,
                                        const std::vector<Claim>& claims, uint32_t claim) {
  std::vector<Correction> out;
  if (index >= quantities.size()) return out;
  const Quantity& q = quantities[index];
  int64_t m = q.value.mantissa < 0 ? -q.value.mantissa : q.value.mantissa;
  std::string digits = std::to_string(m);
  int scale = q.value.scale;
  if (static_cast<int>(digits.size()) <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  int int_len = static_cast<int>(digits.size()) - scale;
  auto add = [&](const Decimal& v, TypoKind kind) {
    if (v == q.value) return;
    for (const auto& c : out)
      if (c.value == v) return;
    out.push_back(Correction{index, v, kind});
  };
  Decimal v;
  if (q.malformed && q.hint) add(*q.hint, TypoKind::SeparatorSlip);
  // A well-formed figure with its separator slipped: "2.469.415" for 2.469,415 (the last
  // thousands mark typed for the decimal mark) and "154,837" for 154.837 (the other way).
  {
    size_t last_sep = q.text.find_last_not_of("0123456789");
    size_t seps = static_cast<size_t>(std::count_if(q.text.begin(), q.text.end(), [](char ch) { return ch < '0' || ch > '9'; }));
    bool three_after = last_sep != std::string::npos && q.text.size() - last_sep == 4;
    if (!q.malformed && three_after && scale == 0 && m >= 1000) add(Decimal{q.value.mantissa, 3}, TypoKind::SeparatorSlip);
    if (!q.malformed && three_after && scale == 3 && seps == 1) add(Decimal{q.value.mantissa, 0}, TypoKind::SeparatorSlip);
  }
  for (size_t i = 0; i + 1 < digits.size(); ++i) {
    if (digits[i] == digits[i + 1]) continue;
    std::string d = digits;
    std::swap(d[i], d[i + 1]);
    if (make_decimal(d, scale, v)) add(v, TypoKind::Transposition);
  }
  for (size_t i = 0; i < digits.size(); ++i) {  // extra digit: remove it
    std::string d = digits;
    d.erase(i, 1);
    int s = static_cast<int>(i) < int_len ? scale : scale - 1;
    if (s >= 0 && make_decimal(d, s, v)) add(v, TypoKind::ExtraDigit);
  }
  for (size_t i = 0; i <= digits.size(); ++i) {  // dropped digit: put one back
    for (char c = '0'; c <= '9'; ++c) {
      std::string d = digits;
      d.insert(d.begin() + static_cast<long>(i), c);
      int s = static_cast<int>(i) <= int_len ? scale : scale + 1;
      if (static_cast<int>(i) == int_len && scale > 0) s = scale;  // just before the decimals: integer part
      if (make_decimal(d, s, v)) add(v, TypoKind::DroppedDigit);
    }
  }
  for (size_t i = 0; i < digits.size(); ++i) {
    for (char c = '0'; c <= '9'; ++c) {
      if (c == digits[i]) continue;
      std::string d = digits;
      d[i] = c;
      if (make_decimal(d, scale, v)) add(v, TypoKind::WrongDigit);
    }
  }
  if (q.factor >= 1000 && q.dimension.rfind("money", 0) == 0) {  // triệu vs tỷ, nghìn vs triệu
    Decimal up{q.value.mantissa * 1000, q.value.scale};
    if (std::llabs(q.value.mantissa) < 1000000000000LL) add(up, TypoKind::UnitSlip);
    Decimal down{q.value.mantissa, q.value.scale + 3};
    add(down, TypoKind::UnitSlip);
  }
  (void)claims;
  (void)claim;
  return out;
}

std::optional<Correction> explain(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                  uint32_t claim, const CheckConfig& config) {
  if (claim >= claims.size()) return std::nullopt;
  // Each hypothesis re-evaluates the claim: a list of many parts would cost parts² × candidates,
  // and with that many figures a single typo is rarely the only explanation anyway.
  const auto figures = claim_figures(claims[claim]);
  if (figures.size() > 12) return std::nullopt;
  std::vector<Correction> found;
  for (uint32_t qi : figures) {
    if (qi >= quantities.size()) continue;
    for (const auto& cand : typo_candidates(quantities, qi, claims, claim)) {
      Quantity rep = corrected(quantities[qi], cand.value);
      if (!repairs(quantities, claims, claim, qi, rep, config)) continue;
      found.push_back(cand);
      if (found.size() > 1) return std::nullopt;
    }
  }
  if (found.size() == 1) return found.front();
  return std::nullopt;
}

namespace {

struct LinearRelation {
  uint32_t claim;
  std::vector<std::pair<uint32_t, double>> terms;  // quantity, coefficient (base units)
};

/// total − Σ parts = 0; current − earlier ∓ change = 0; first − second = 0.
std::optional<LinearRelation> linear_form(const Claim& c, uint32_t ci, const std::vector<Quantity>& qs) {
  LinearRelation r{ci, {}};
  auto add = [&](uint32_t q, double k) { if (q < qs.size()) r.terms.emplace_back(q, k); };
  switch (c.kind) {
    case ClaimKind::Sum:
      for (const auto& o : c.operands) {
        if (o.role == "total") add(o.quantity, 1);
        else if (o.role == "part") add(o.quantity, -1);
      }
      break;
    case ClaimKind::AbsChange:
      for (const auto& o : c.operands) {
        if (o.role == "current") add(o.quantity, 1);
        else if (o.role == "earlier") add(o.quantity, -1);
        else if (o.role == "change") add(o.quantity, c.decrease ? 1 : -1);
      }
      break;
    case ClaimKind::PpDifference:
      for (const auto& o : c.operands) {
        if (o.role == "current") add(o.quantity, 1);
        else if (o.role == "earlier") add(o.quantity, -1);
      }
      if (r.terms.size() == 2 && c.stated < qs.size()) add(c.stated, c.decrease ? 1 : -1);
      else return std::nullopt;
      break;
    case ClaimKind::Repeat:
      for (const auto& o : c.operands) {
        if (o.role == "first") add(o.quantity, 1);
        else if (o.role == "second") add(o.quantity, -1);
      }
      break;
    default: return std::nullopt;
  }
  if (r.terms.size() < 2) return std::nullopt;
  for (const auto& t : r.terms)
    if (qs[t.first].qualifier != Qualifier::None && qs[t.first].qualifier != Qualifier::Estimate) return std::nullopt;
  return r;
}

}  // namespace

std::optional<Localisation> localise(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                     const CheckConfig& config) {
  std::vector<LinearRelation> rel;
  std::vector<bool> failing;
  QuantityView view(quantities);
  for (uint32_t i = 0; i < claims.size(); ++i) {
    auto r = linear_form(claims[i], i, quantities);
    if (!r) continue;
    Verdict v = evaluate(claims[i], view, config).verdict;
    if (v == Verdict::Unchecked) continue;
    rel.push_back(*r);
    failing.push_back(v == Verdict::Discrepancy);
  }
  if (std::count(failing.begin(), failing.end(), true) < 2) return std::nullopt;
  std::map<uint32_t, int> col;
  for (const auto& r : rel)
    for (const auto& t : r.terms) col.emplace(t.first, static_cast<int>(col.size()));
  const int rows = static_cast<int>(rel.size()), cols = static_cast<int>(col.size());
  // The system is sparse (each relation names a handful of figures): a column-major sparse
  // matrix keeps the search linear in the number of relations, whatever the document's size.
  Eigen::SparseMatrix<double> a(rows, cols);
  {
    std::vector<Eigen::Triplet<double>> t;
    for (int i = 0; i < rows; ++i)
      for (const auto& [q, k] : rel[i].terms) t.emplace_back(i, col[q], k);
    a.setFromTriplets(t.begin(), t.end());  // duplicates are summed
  }
  Eigen::VectorXd x(cols), half(cols);
  std::vector<uint32_t> quantity_of(cols);
  for (const auto& [q, j] : col) {
    const Quantity& qq = quantities[q];
    double f = Rational::of_factor(qq.factor).to_double();
    x(j) = value_of(qq).to_double() * f;
    half(j) = qq.exact_count ? 0.0 : qq.value.half_ulp() * f;
    quantity_of[j] = q;
  }
  Eigen::VectorXd residual = a * x;
  // What each relation tolerates: the rounding of the figures it involves.
  Eigen::VectorXd slack = a.cwiseAbs() * half;
  const double scale = x.size() ? x.cwiseAbs().maxCoeff() : 0.0;
  auto holds = [&](double r, int i) { return std::fabs(r) <= slack(i) * (1 + 1e-9) + 1e-9 * scale; };
  std::optional<Localisation> best;
  size_t best_count = 1;
  for (int i = 0; i < rows; ++i) {
    if (!failing[i]) continue;
    for (const auto& term : rel[i].terms) {
      const int j = col[term.first];
      double aij = 0;
      for (Eigen::SparseMatrix<double>::InnerIterator it(a, j); it; ++it)
        if (it.row() == i) aij = it.value();
      if (aij == 0.0) continue;
      double delta = -residual(i) / aij;
      std::vector<uint32_t> fixed;
      bool breaks = false;
      // Only the relations that contain figure j change when j changes.
      for (Eigen::SparseMatrix<double>::InnerIterator it(a, j); it; ++it) {
        const int k = static_cast<int>(it.row());
        double after = residual(k) + it.value() * delta;
        if (failing[k] && holds(after, k)) fixed.push_back(rel[k].claim);
        if (!failing[k] && !holds(after, k)) breaks = true;
      }
      if (breaks || fixed.size() <= best_count) continue;
      best_count = fixed.size();
      const uint32_t q = quantity_of[j];
      double f = Rational::of_factor(quantities[q].factor).to_double();
      best = Localisation{q, (x(j) + delta) / f * (quantities[q].negative ? -1 : 1), fixed};
    }
  }
  return best;
}

void apply_blame(DocumentResult& result, const CheckConfig& config) {
  auto& findings = result.findings;
  const auto& qs = result.quantities;
  const auto& claims = result.claims;
  std::vector<bool> merged(findings.size(), false);
  bool en = config.lang == Lang::En;
  auto relate = [&](Finding& into, const Finding& from) {
    RelatedLocation r;
    r.path = from.path;
    r.begin = from.begin;
    r.end = from.end;
    r.quote = from.quote;
    r.message = (en ? "same error: [" : "cùng một lỗi: [") + from.check + "] " + from.message;
    into.related.push_back(std::move(r));
  };
  auto describe = [&](const Quantity& q, const Decimal& v, TypoKind kind, uint32_t claim) {
    Quantity rep = corrected(q, v);
    Evaluation ev = evaluate(claims[claim], QuantityView(qs, static_cast<uint32_t>(&q - qs.data()), rep), config);
    std::string s = en ? "\"" + q.text + "\" is probably " + v.to_vi() + unit_suffix(q) + " (" + typo_en(kind) + ")"
                       : "\"" + q.text + "\" có lẽ là " + v.to_vi() + unit_suffix(q) + " (" + typo_vi(kind) + ")";
    if (!ev.computation.empty()) s += (en ? "; then " : "; khi đó ") + ev.computation;
    return s;
  };

  // 1. Fellegi-Holt across the linear relations: one figure that repairs several relations.
  if (auto loc = localise(qs, claims, config)) {
    const Quantity& q = qs[loc->quantity];
    int lead = -1;
    for (size_t i = 0; i < findings.size(); ++i) {
      if (findings[i].claim < 0 || !is_relation_check(findings[i].check)) continue;
      if (std::find(loc->repaired.begin(), loc->repaired.end(), uint32_t(findings[i].claim)) == loc->repaired.end()) continue;
      if (lead < 0) {
        lead = static_cast<int>(i);
        std::string v = format_vi(loc->corrected, std::max(q.precision, q.value.scale));
        findings[i].suggestion = en ? "\"" + q.text + "\" is probably about " + v + unit_suffix(q) + ": that single correction repairs " +
                                          std::to_string(loc->repaired.size()) + " relations"
                                    : "\"" + q.text + "\" có lẽ là khoảng " + v + unit_suffix(q) + ": chỉ một chỗ sửa này làm khớp " +
                                          std::to_string(loc->repaired.size()) + " quan hệ";
      } else {
        relate(findings[lead], findings[i]);
        merged[i] = true;
      }
    }
  }

  // 2. Typo hypotheses per failing claim.
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding& f = findings[i];
    if (merged[i] || f.claim < 0 || !is_relation_check(f.check) || !f.suggestion.empty()) continue;
    uint32_t ci = static_cast<uint32_t>(f.claim);
    if (ci >= claims.size()) continue;
    auto corr = explain(qs, claims, ci, config);
    if (corr) {
      f.suggestion = describe(qs[corr->quantity], corr->value, corr->kind, ci);
      Quantity rep = corrected(qs[corr->quantity], corr->value);
      QuantityView view(qs, corr->quantity, rep);
      for (size_t j = 0; j < findings.size(); ++j) {
        if (j == i || merged[j] || findings[j].claim < 0 || !is_relation_check(findings[j].check)) continue;
        uint32_t cj = static_cast<uint32_t>(findings[j].claim);
        if (cj >= claims.size() || !uses(claims[cj], corr->quantity)) continue;
        if (evaluate(claims[cj], view, config).verdict == Verdict::Discrepancy) continue;
        relate(f, findings[j]);
        merged[j] = true;
      }
      continue;
    }
    // A figure equal to one of the neighbouring claim's figures (and to nothing else in its own
    // claim) was likely copied from the line above or below.
    std::vector<uint32_t> own = claim_figures(claims[ci]);
    std::vector<std::pair<uint32_t, uint32_t>> copies;  // (own figure, neighbour figure)
    for (int d : {-1, 1}) {
      int64_t n = static_cast<int64_t>(ci) + d;
      if (n < 0 || n >= static_cast<int64_t>(claims.size())) continue;
      for (uint32_t a : own)
        for (uint32_t b : claim_figures(claims[n]))
          if (a != b && a < qs.size() && b < qs.size() && std::find(own.begin(), own.end(), b) == own.end() &&
              qs[a].value == qs[b].value && qs[a].unit == qs[b].unit && qs[a].value.mantissa != 0)
            copies.emplace_back(a, b);
    }
    std::set<uint32_t> copied;
    for (auto& c : copies) copied.insert(c.first);
    if (copied.size() == 1) {
      const Quantity& a = qs[copies.front().first];
      const Quantity& b = qs[copies.front().second];
      SourcePos p = result.doc.map.at(b.span.begin);
      f.suggestion = en ? "\"" + a.text + "\" equals a figure of the neighbouring claim (line " + std::to_string(p.line) +
                              "): it may have been copied from there"
                        : "\"" + a.text + "\" trùng với số liệu của câu bên cạnh (dòng " + std::to_string(p.line) +
                              "): có thể đã chép nhầm";
    }
  }
  std::vector<Finding> kept;
  for (size_t i = 0; i < findings.size(); ++i)
    if (!merged[i]) kept.push_back(std::move(findings[i]));
  findings = std::move(kept);
}

}  // namespace doisoat
