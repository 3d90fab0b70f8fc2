// `doisoat facts`: list and export the facts store (JSON Lines or CSV) for reviewers.
#pragma once

#include <ostream>
#include <string>

namespace doisoat {

struct FactsCommand {
  std::string db;         // the store (required)
  std::string indicator;  // a key, or a phrase that names one ("tổng mức bán lẻ")
  std::string region;     // folded substring of the region ("bac kan", "Bắc Kạn")
  std::string period;     // a period key ("2023-H1") or a folded substring of the period
  std::string format = "jsonl";  // jsonl | csv
};

/// Run the command; writes the rows to `out`, errors (naming the file) to `err`.
/// Returns the exit code: 0 done, 2 could not run (missing, corrupt or locked store, bad format).
int run_facts_command(const FactsCommand& command, std::ostream& out, std::ostream& err);

}  // namespace doisoat
