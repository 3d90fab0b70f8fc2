// Across reports (issue 7): the checks that need the facts of several documents. They run once,
// after every document was analysed and the facts of earlier runs were loaded from the store
// (engine/cross_stage.h), and append findings located in a document of this run, citing the
// other one (`related`).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check.h"
#include "core/facts.h"
#include "core/model.h"

namespace doisoat {

/// Which regions are parts of which (province -> its districts and cities). Read from the
/// documents (a district's report names its province) and from a declared file
/// (`{"tỉnh X": ["huyện A", "thành phố B", ...]}`), which also says when the parts are complete.
struct RegionHierarchy {
  std::map<std::string, std::set<std::string>> children;  // region key -> child region keys (declared)
};

/// A fact in the set of documents of one cross-report run.
struct FactRef {
  size_t document = 0;  // index into CrossContext::documents
  size_t fact = 0;      // index into its facts
};

/// One cross-report finding before it is placed in its document.
struct CrossFinding {
  size_t document = 0;  // the document of this run where it is reported
  Finding finding;
  std::vector<FactRef> figures;  // the facts the relation is made of (for reconciliation)
  FactRef stated;                // the figure the finding disputes
  /// The value of each figure that would satisfy the relation alone (others kept), for the
  /// reconciliation; empty when the relation cannot be solved for it.
  std::vector<std::optional<double>> solves;
  std::vector<double> tolerances;
};

struct CrossContext {
  const std::vector<DocumentFacts>& documents;
  const RegionHierarchy& hierarchy;
  const CheckConfig& config;
  std::vector<CrossFinding>& findings;
  /// Per document: key (indicator, period, dimension, role) -> its one value, or nothing when the
  /// document states two different values; built once per document on first use.
  mutable std::vector<std::unordered_map<std::string, std::optional<FactRef>>> unique_index = {};
  /// Key -> the documents (ascending) that state it once; built on first use of documents_with.
  mutable std::unordered_map<std::string, std::vector<size_t>> documents_of_key = {};
  mutable bool documents_indexed = false;
  /// Per document: quantity id -> its first fact; built on first use.
  mutable std::vector<std::unordered_map<int64_t, size_t>> quantity_index = {};
  /// Per document: its region key (document_region_key), built on first use (every fact without
  /// a region of its own asks for it).
  mutable std::vector<std::optional<std::string>> document_region = {};

  const Fact& fact(FactRef r) const { return documents[r.document].facts[r.fact]; }
  /// The fact of a quantity (by id) in a document, when there is one.
  std::optional<FactRef> fact_of_quantity(size_t document, int64_t quantity) const;
  /// The region key of a fact: the part of its document's region its text names, else the document's.
  std::string region_of(size_t document, const Fact& f) const;
  std::string region_of(FactRef r) const { return region_of(r.document, fact(r)); }
  /// The one fact of a key (region key, indicator, period, dimension, role) in one document, or
  /// nothing when the document does not state it or states two different values for it.
  std::optional<FactRef> unique_fact(size_t document, const std::string& region, const std::string& indicator,
                                     const std::string& period_key, const std::string& dimension,
                                     const std::string& role = "") const;
  /// The documents, ascending, whose unique_fact for this key can be a fact: every other
  /// document's is nothing (so a loop over all documents may visit these alone).
  const std::vector<size_t>& documents_with(const std::string& region, const std::string& indicator,
                                            const std::string& period_key, const std::string& dimension,
                                            const std::string& role = "") const;
  /// A finding about `at` citing `other`, located in the document of `at`; nothing when that
  /// document is not of this run (findings are only reported in the documents being checked).
  std::optional<CrossFinding> make(const CheckMeta& meta, FactRef at, FactRef other, double stated,
                                   std::optional<double> expected, const std::string& unit,
                                   const std::string& message_vi, const std::string& message_en) const;
};

/// A check over the facts of every document. Its per-document run() does nothing.
class CrossCheck : public Check {
 public:
  void run(CheckContext&) const override {}
  virtual void run_cross(CrossContext& ctx) const = 0;
};

/// Both ends of a stated figure's interval meet the other's.
bool facts_agree(double a, double ha, double b, double hb);
/// Format a value (base units) in the written unit of a fact for messages ("3.959,346 tỷ đồng").
std::string display(const Fact& f, double base_value, int extra_decimals = 0);
/// "2023-H1" -> "2022-H1"; "" when the key has no year.
std::string previous_year_key(const std::string& period_key);
/// A figure the text gives as provisional ("ước", "sơ bộ").
inline bool provisional(const Fact& f) { return f.status == "estimate" || f.status == "preliminary"; }
/// Quantities that add up across regions (not rates, percents or scores).
bool additive_dimension(const std::string& dimension);
/// The name of a figure for messages: its indicator phrase, else its key.
std::string figure_name(const Fact& f);

}  // namespace doisoat
