// Blame: the last pass over one document's findings. It tests typo hypotheses on the figures
// of each failing claim and localises errors across the document's linear relations
// (Fellegi-Holt: the single figure whose correction repairs the most relations), so that one
// real error gives one finding, with a suggestion when exactly one correction explains it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "core/model.h"

namespace doisoat {

/// One way a figure may have been mistyped.
enum class TypoKind { Transposition, DroppedDigit, ExtraDigit, WrongDigit, SeparatorSlip, UnitSlip, NeighbourCopy };
const char* to_string(TypoKind k);

/// A corrected reading of one figure.
struct Correction {
  uint32_t quantity = 0;  // index into the document's quantities
  Decimal value;          // corrected value, in the written unit
  TypoKind kind = TypoKind::WrongDigit;
};

/// Candidate corrected values of one figure (deduplicated, the figure itself excluded).
std::vector<Correction> typo_candidates(const std::vector<Quantity>& quantities, uint32_t index,
                                        const std::vector<Claim>& claims, uint32_t claim);

/// The single correction that makes claim `claim` consistent without breaking any other claim
/// that shares the corrected figure; nothing when none or more than one does.
std::optional<Correction> explain(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                  uint32_t claim, const CheckConfig& config);

/// Fellegi-Holt localisation over the document's linear relations (sum, abs_change,
/// pp_difference, repeat): the figure whose single correction satisfies the most of the failing
/// relations (at least two), with the corrected value. Nothing when no figure repairs two.
struct Localisation {
  uint32_t quantity = 0;
  double corrected = 0;               // in the written unit
  std::vector<uint32_t> repaired;     // claim indices
};
std::optional<Localisation> localise(const std::vector<Quantity>& quantities, const std::vector<Claim>& claims,
                                     const CheckConfig& config);

/// Fill suggestions and merge findings that one error explains (engine's last pass).
void apply_blame(DocumentResult& result, const CheckConfig& config);

}  // namespace doisoat
