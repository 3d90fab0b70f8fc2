// Bytes -> Document: decoding, NFC, cleaning, reflow, structure and metadata.
// The loader knows nothing about numbers or claims.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace doisoat {

struct LoadOptions {
  std::string region;  // overrides the region read from the document when not empty
  std::string period;  // overrides the period
};

/// Read a whole file ("-" = standard input).
Result<std::string> read_input(const std::string& path);

/// Report files under a path: the file itself, or every report file found recursively in a
/// folder (sorted, so runs are deterministic). Errors name the path.
Result<std::vector<std::string>> find_report_files(const std::string& path);

/// Decode, normalise, clean and structure one report. `path` is kept as given.
Result<Document> load_document(const std::string& path, std::string_view bytes,
                               const LoadOptions& options = {});

}  // namespace doisoat
