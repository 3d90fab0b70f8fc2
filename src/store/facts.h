// Facts (core/facts.h) read from an analysed document, and the store that keeps them across
// runs (`--db FILE`, SQLite, or `--db postgresql://...`), so that this year's report is checked
// against last year's without re-reading it.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/facts.h"
#include "core/model.h"
#include "core/result.h"

namespace doisoat {

/// The facts of one analysed document.
DocumentFacts document_facts(const DocumentResult& result, const std::string& read_at);

/// The current time as ISO 8601 UTC ("2024-07-01T08:00:00Z").
std::string now_iso8601();

/// The keys a stored document must share with this run's documents to take part in a
/// cross-report check: one of its facts has one of these indicators and period keys, and that
/// fact's region key is one of `region_keys`; or its document's parent region is one of
/// `document_keys` (a district of a region of this run); or its region is the parent that a
/// stored document of one of `document_keys` names. A superset of what the checks compare (see
/// `related_keys` in engine/cross_stage.h): looking up only these documents gives the findings of the whole store.
struct RelatedKeys {
  std::set<std::string> indicators, period_keys, region_keys;
  std::set<std::string> document_keys;  // the region keys of this run's documents
};

/// The facts store: every checked report's documents, facts and claims, kept for the
/// cross-report checks of later runs. Two implementations behind one interface: an SQLite file
/// (`--db FILE`, the embedded default) and a PostgreSQL database shared by many runners
/// (`--db postgresql://user@host/dbname`, or `postgresql://` with the PGHOST/PGUSER/PGDATABASE
/// environment). Both create and migrate their schema themselves (a version table; an older
/// schema is upgraded in place), write one save in one transaction (a crash mid-write leaves the
/// store as it was) and let concurrent writers replace documents without losing or duplicating
/// facts. Errors name the store and say why (not a database, locked, unreachable...).
class FactStore {
 public:
  /// The schema this build writes; `open` upgrades older stores to it.
  static constexpr int kSchemaVersion = 2;
  struct OpenOptions {
    bool create = true;                 // false: an absent store is an error (listing never creates one)
    int schema_version = kSchemaVersion;  // tests: create or upgrade only up to this version
  };
  /// Open (create, upgrade) the store at `location`: a postgresql:// or postgres:// URI, else a file.
  static Result<std::unique_ptr<FactStore>> open(const std::string& location, const OpenOptions& options);
  static Result<std::unique_ptr<FactStore>> open(const std::string& location) { return open(location, OpenOptions{}); }
  /// A PostgreSQL connection URI rather than a file name.
  static bool is_postgresql(const std::string& location);

  virtual ~FactStore() = default;
  FactStore(const FactStore&) = delete;
  FactStore& operator=(const FactStore&) = delete;

  /// Every stored document with its facts (claims not loaded), by path.
  virtual Result<std::vector<DocumentFacts>> load() const = 0;
  /// The stored documents sharing a key with this run (whole, with all their facts), by path:
  /// the cross-report look-up of one run, through the indicator/region/period index.
  virtual Result<std::vector<DocumentFacts>> load_related(const RelatedKeys& keys) const = 0;
  /// Replace the stored facts of these documents (same hash or same path) in one transaction.
  virtual Result<bool> save(const std::vector<DocumentFacts>& documents) = 0;

  /// Filters of `doisoat facts`: empty matches all; region and period match folded substrings.
  struct Filter {
    std::string indicator, region, period;
  };
  struct Row {
    DocumentFacts document;  // without facts
    Fact fact;
  };
  Result<std::vector<Row>> query(const Filter& filter) const;

  /// The store as the user named it (a password in a URI is left out).
  const std::string& path() const { return path_; }
  /// The schema version of the open store.
  int schema_version() const { return schema_version_; }

 protected:
  FactStore(std::string path, int version) : path_(std::move(path)), schema_version_(version) {}
  std::string path_;
  int schema_version_ = 0;
};

/// The region key a fact is compared under (CrossContext::region_of): the part of its document's
/// region its text names, else its document's region. Kept in the store for the look-ups.
std::string fact_region_key(const DocumentFacts& document, const Fact& fact);

}  // namespace doisoat
