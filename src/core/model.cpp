#include "core/model.h"

namespace doisoat {

const char* to_string(ClaimKind k) {
  switch (k) {
    case ClaimKind::Ratio: return "ratio";
    case ClaimKind::PercentOfPlan: return "percent_of_plan";
    case ClaimKind::Sum: return "sum";
    case ClaimKind::PartBound: return "part_bound";
    case ClaimKind::PpDifference: return "pp_difference";
    case ClaimKind::Share: return "share";
    case ClaimKind::Growth: return "growth";
    case ClaimKind::AbsChange: return "abs_change";
    case ClaimKind::Repeat: return "repeat";
    case ClaimKind::CrossReport: return "cross_report";
    case ClaimKind::MalformedNumber: return "malformed_number";
  }
  return "?";
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Consistent: return "consistent";
    case Verdict::ConsistentTruncated: return "consistent_truncated";
    case Verdict::Discrepancy: return "discrepancy";
    case Verdict::Unchecked: return "unchecked";
  }
  return "?";
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "?";
}

std::string stable_id(const std::string& check, const std::string& path, const std::string& quote) {
  // FNV-1a 64 over the three fields, separated so that ("ab","c") != ("a","bc").
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
    h ^= 0xff; h *= 1099511628211ULL;
  };
  mix(check); mix(path); mix(quote);
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) { out[i] = hex[h & 0xf]; h >>= 4; }
  return out;
}

}  // namespace doisoat
