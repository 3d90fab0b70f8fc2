#include "engine/cross_stage.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <nlohmann/json.hpp>

namespace doisoat {

Result<RegionHierarchy> load_region_hierarchy(const std::string& path) {
  RegionHierarchy h;
  if (path.empty()) return h;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, "cannot read the region hierarchy file"};
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    auto j = nlohmann::json::parse(ss.str());
    if (!j.is_object()) return Error{path, "a region hierarchy is a JSON object {\"tỉnh X\": [\"huyện A\", ...]}"};
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!it.value().is_array()) return Error{path, "the parts of '" + it.key() + "' must be a list of regions"};
      auto& kids = h.children[region_key(it.key())];
      for (const auto& c : it.value()) kids.insert(region_key(c.get<std::string>()));
    }
  } catch (const std::exception& e) {
    return Error{path, std::string("invalid region hierarchy: ") + e.what()};
  }
  return h;
}

// --- reconciliation ------------------------------------------------------------------------

void reconcile(std::vector<CrossFinding>& findings, const std::vector<DocumentFacts>& documents, Lang lang) {
  // Greedy: name the figure that resolves the most disagreements, set them aside, repeat.
  std::vector<bool> resolved(findings.size(), false);
  for (int round = 0; round < 16; ++round) {
    // Incidence of figures in the failing relations still open (relations x figures), sparse.
    std::map<std::pair<size_t, size_t>, int> column;
    std::vector<std::pair<size_t, size_t>> figures;
    std::vector<Eigen::Triplet<double>> entries;
    std::vector<size_t> failing;
    for (size_t i = 0; i < findings.size(); ++i) {
      const auto& f = findings[i];
      if (resolved[i] || f.finding.severity == Severity::Info || f.solves.empty()) continue;
      int row = int(failing.size());
      failing.push_back(i);
      for (size_t k = 0; k < f.figures.size() && k < f.solves.size(); ++k) {
        if (!f.solves[k]) continue;
        auto key = std::make_pair(f.figures[k].document, f.figures[k].fact);
        auto [it, fresh] = column.emplace(key, int(figures.size()));
        if (fresh) figures.push_back(key);
        entries.emplace_back(row, it->second, 1.0);
      }
    }
    if (failing.size() < 2 || figures.empty()) return;
    Eigen::SparseMatrix<double> incidence(int(failing.size()), int(figures.size()));
    incidence.setFromTriplets(entries.begin(), entries.end());
    Eigen::VectorXd in_relations = (Eigen::RowVectorXd::Ones(int(failing.size())) * incidence).transpose();
    // For each figure in two or more failing relations: the single value that best satisfies
    // them (least squares over the values each relation alone asks for, or their median when
    // one relation disagrees with the rest), and how many relations it resolves.
    int best = -1;
    int best_resolved = 1;
    double best_value = 0;
    std::vector<size_t> best_rows;
    for (int c = 0; c < int(figures.size()); ++c) {
      if (in_relations(c) < 2) continue;
      std::vector<double> wanted, tol;
      std::vector<size_t> rows;
      for (Eigen::SparseMatrix<double>::InnerIterator it(incidence, c); it; ++it) {
        const auto& f = findings[failing[size_t(it.row())]];
        for (size_t k = 0; k < f.figures.size() && k < f.solves.size(); ++k)
          if (f.figures[k].document == figures[size_t(c)].first && f.figures[k].fact == figures[size_t(c)].second &&
              f.solves[k]) {
            wanted.push_back(*f.solves[k]);
            tol.push_back(k < f.tolerances.size() ? f.tolerances[k] : 0.0);
            rows.push_back(failing[size_t(it.row())]);
          }
      }
      Eigen::MatrixXd A = Eigen::MatrixXd::Ones(Eigen::Index(wanted.size()), 1);
      Eigen::VectorXd b = Eigen::Map<Eigen::VectorXd>(wanted.data(), Eigen::Index(wanted.size()));
      double x = A.colPivHouseholderQr().solve(b)(0);
      std::vector<double> sorted = wanted;
      std::sort(sorted.begin(), sorted.end());
      double median = sorted[sorted.size() / 2];
      auto count = [&](double v, std::vector<size_t>& hit) {
        int n = 0;
        for (size_t i = 0; i < wanted.size(); ++i)
          if (std::fabs(wanted[i] - v) <= tol[i] + 1e-9 * std::max(1.0, std::fabs(wanted[i]))) { ++n; hit.push_back(rows[i]); }
        return n;
      };
      std::vector<size_t> rows_mean, rows_median;
      int n_mean = count(x, rows_mean), n_median = count(median, rows_median);
      if (n_median > n_mean) { x = median; n_mean = n_median; rows_mean = rows_median; }
      if (n_mean > best_resolved) {
        best = c;
        best_resolved = n_mean;
        best_value = x;
        best_rows = rows_mean;
      }
    }
    if (best < 0) return;
    const auto& d = documents[figures[size_t(best)].first];
    const Fact& f = d.facts[figures[size_t(best)].second];
    double written = best_value / (f.factor != 0 ? f.factor : 1.0);
    double scaled = written * std::pow(10.0, f.precision);
    std::string v = display(f, best_value, std::fabs(scaled - std::round(scaled)) < 1e-6 ? 0 : 1);
    std::string where = d.path + ":" + std::to_string(f.begin.line) + ":" + std::to_string(f.begin.column);
    std::string text = lang == Lang::En
                           ? "most likely wrong: " + f.text + " at " + where + "; with " + v + " instead, " +
                                 std::to_string(best_resolved) + " cross-report disagreements are resolved"
                           : "nhiều khả năng sai: " + f.text + " tại " + where + "; nếu là " + v + " thì " +
                                 std::to_string(best_resolved) + " chỗ vênh giữa các báo cáo được giải quyết";
    for (size_t r : best_rows) {
      auto& s = findings[r].finding.suggestion;
      s = s.empty() ? text : s + "; " + text;
      resolved[r] = true;
    }
  }
}

// --- the look-up ------------------------------------------------------------------------

RelatedKeys related_keys(const std::vector<DocumentFacts>& current, const RegionHierarchy& hierarchy) {
  RelatedKeys keys;
  std::map<std::string, std::string> declared_parent;
  for (const auto& [parent, kids] : hierarchy.children)
    for (const auto& k : kids) declared_parent[k] = parent;
  std::set<std::string> expanded;
  auto add_region = [&](const std::string& r) {
    if (r.empty() || !expanded.insert(r).second) return;
    keys.region_keys.insert(r);
    if (auto c = hierarchy.children.find(r); c != hierarchy.children.end())
      keys.region_keys.insert(c->second.begin(), c->second.end());
    if (auto p = declared_parent.find(r); p != declared_parent.end()) {
      keys.region_keys.insert(p->second);
      const auto& siblings = hierarchy.children.at(p->second);
      keys.region_keys.insert(siblings.begin(), siblings.end());
    }
  };
  for (const auto& d : current) {
    std::string own = document_region_key(d);
    if (!own.empty()) keys.document_keys.insert(own);
    add_region(own);
    if (!d.parent_region.empty()) add_region(region_key(d.parent_region));
    for (const auto& f : d.facts) {
      keys.indicators.insert(f.indicator);
      add_region(f.region.empty() ? own : region_key(f.region));
      if (f.period_key.empty()) continue;
      keys.period_keys.insert(f.period_key);
      if (std::string earlier = previous_year_key(f.period_key); !earlier.empty()) keys.period_keys.insert(earlier);
    }
  }
  return keys;
}

// --- the stage -----------------------------------------------------------------------------

Result<bool> cross_report_stage(RunReport& report, const RunOptions& options) {
  const std::string read_at = now_iso8601();
  std::vector<DocumentFacts> docs;
  for (size_t i = 0; i < report.documents.size(); ++i) docs.push_back(document_facts(report.documents[i], read_at));
  return cross_report_stage(report, options, std::move(docs));
}

Result<bool> cross_report_stage(RunReport& report, const RunOptions& options, std::vector<DocumentFacts> docs) {
  std::vector<const CrossCheck*> checks;
  for (const auto& c : check_registry())
    if (auto cc = dynamic_cast<const CrossCheck*>(c.get()); cc && check_enabled(options, c->meta().id)) checks.push_back(cc);
  docs.resize(report.documents.size());
  for (size_t i = 0; i < docs.size(); ++i) docs[i].document = i;
  std::unique_ptr<FactStore> store;
  auto hierarchy = load_region_hierarchy(options.regions);
  if (!options.db.empty()) {
    auto opened = FactStore::open(options.db);
    if (!opened) return opened.error();
    store = std::move(*opened);
    if (!hierarchy) return hierarchy.error();
    const char* all = std::getenv("DOISOAT_STORE_LOAD_ALL");
    auto stored = all && std::string(all) == "1" ? store->load() : store->load_related(related_keys(docs, *hierarchy));
    if (!stored) return stored.error();
    for (auto& s : *stored) {
      // This run's reading of a file replaces what the store holds for it.
      bool replaced = false;
      for (const auto& d : report.documents)
        if (d.doc.sha256 == s.sha256 || d.doc.path == s.path) replaced = true;
      if (!replaced) docs.push_back(std::move(s));
    }
  }
  if (!hierarchy) return hierarchy.error();
  if (options.run_checks && !checks.empty() && docs.size() >= 2) {
    std::vector<CrossFinding> found;
    CrossContext ctx{docs, *hierarchy, options.checks, found};
    for (const CrossCheck* c : checks) {
      size_t before = found.size();
      try {
        c->run_cross(ctx);
      } catch (const std::exception& e) {
        found.resize(before);
        CrossFinding cf;
        cf.document = 0;
        cf.finding.check = "internal-error";
        cf.finding.severity = Severity::Warning;
        cf.finding.path = report.documents.empty() ? std::string() : report.documents[0].doc.path;
        cf.finding.begin = cf.finding.end = SourcePos{1, 1};
        cf.finding.message = c->meta().id + ": " + e.what();
        cf.finding.id = stable_id(cf.finding.check, cf.finding.path, c->meta().id);
        if (!report.documents.empty()) found.push_back(std::move(cf));
      }
    }
    reconcile(found, docs, options.checks.lang);
    for (auto& cf : found) {
      auto& dr = report.documents[cf.document];
      Finding& f = cf.finding;
      auto ov = options.severity_override.find(f.check);
      if (ov != options.severity_override.end()) f.severity = ov->second;
      if (f.begin.line > 0) f.line_text = std::string(dr.doc.map.original_line(f.begin.line));
      dr.findings.push_back(std::move(f));
    }
  }
  if (store) {
    std::vector<DocumentFacts> current(docs.begin(), docs.begin() + long(report.documents.size()));
    if (auto saved = store->save(current); !saved) return saved.error();
  }
  return true;
}

}  // namespace doisoat
