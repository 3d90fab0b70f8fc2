// The facts store at scale (issue 17): a store of 10,000 reports, the cross-report look-ups for
// one new report, and 8 concurrent writers. Not a unit test: bench/store.sh runs it on both back
// ends and docs/store.md keeps the figures.
//
//   doisoat_store_bench --db FILE|postgresql://... [--reports 10000] [--writers 8] [--per-writer 50]
//
// The stored reports are the real ones of reports/ (their facts as read), copied to 693 regions
// (63 provinces of 10 districts each, the first province being the real tỉnh Bắc Kạn) and ten
// years; the new report is reports/bac-kan-tinh-6thang-2023.txt, checked with `--db` as a CI gate
// would check it.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/cross_stage.h"
#include "engine/engine.h"
#include "store/facts.h"

using namespace doisoat;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string shift_year(const std::string& key, int delta) {
  if (key.size() < 4 || !std::all_of(key.begin(), key.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return key;
  return std::to_string(std::stoi(key.substr(0, 4)) + delta) + key.substr(4);
}

struct Region {
  std::string name, parent;
};

std::vector<Region> regions() {
  std::vector<Region> r;
  for (int p = 0; p < 63; ++p) {
    std::string province = p == 0 ? "tỉnh Bắc Kạn" : "tỉnh Mẫu " + std::to_string(p);
    r.push_back({province, ""});
    for (int d = 0; d < 10; ++d) r.push_back({"huyện Mẫu " + std::to_string(p) + "-" + std::to_string(d), province});
  }
  return r;
}

// Stored report number i: a template's facts, moved to a region and a year.
DocumentFacts stored_report(const std::vector<DocumentFacts>& templates, const std::vector<Region>& places, int i,
                            const std::string& prefix) {
  const DocumentFacts& t = templates[size_t(i) % templates.size()];
  const Region& place = places[size_t(i) % places.size()];
  int year = 2015 + (i / int(places.size())) % 10;
  int template_year = t.period_key.size() >= 4 ? std::atoi(t.period_key.substr(0, 4).c_str()) : year;
  int delta = template_year > 0 ? year - template_year : 0;
  DocumentFacts d = t;
  d.current = true;
  d.path = prefix + place.name + "/" + std::to_string(year) + "/" + std::to_string(i) + "-" + fs::path(t.path).filename().string();
  d.sha256 = "bench-" + std::to_string(i) + "-" + prefix;
  d.region = place.name;
  d.region_level.clear();
  d.parent_region = place.parent;
  d.period_key = shift_year(t.period_key, delta);
  d.read_at = "2025-01-01T00:00:00Z";
  for (auto& f : d.facts) {
    f.period_key = shift_year(f.period_key, delta);
    f.region.clear();
  }
  d.claims.clear();
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int reports = 10000, writers = 8, per_writer = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") db = argv[i + 1];
    else if (a == "--reports") reports = std::atoi(argv[i + 1]);
    else if (a == "--writers") writers = std::atoi(argv[i + 1]);
    else if (a == "--per-writer") per_writer = std::atoi(argv[i + 1]);
  }
  if (db.empty()) {
    std::cerr << "usage: doisoat_store_bench --db FILE|postgresql://... [--reports N] [--writers N] [--per-writer N]\n";
    return 2;
  }
  const fs::path new_report = fs::path(REPORTS_DIR) / "bac-kan-tinh-6thang-2023.txt";

  // The templates: every report of reports/ as read.
  std::vector<DocumentFacts> templates;
  {
    RunOptions o;
    o.paths = {REPORTS_DIR};
    o.jobs = 2;
    auto r = run(o);
    if (!r) {
      std::cerr << r.error().message() << "\n";
      return 2;
    }
    for (const auto& d : r->documents) templates.push_back(document_facts(d, "2025-01-01T00:00:00Z"));
  }
  size_t template_facts = 0;
  for (const auto& t : templates) template_facts += t.facts.size();
  std::printf("templates: %zu reports, %.0f facts per report on average\n", templates.size(),
              double(template_facts) / double(templates.size()));

  auto opened = FactStore::open(db);
  if (!opened) {
    std::cerr << opened.error().message() << "\n";
    return 2;
  }
  auto& store = *opened;
  const auto places = regions();

  // 1. The store: `reports` reports, saved 100 per transaction.
  auto t0 = Clock::now();
  size_t facts = 0;
  for (int i = 0; i < reports; i += 100) {
    std::vector<DocumentFacts> batch;
    for (int k = i; k < std::min(reports, i + 100); ++k) {
      batch.push_back(stored_report(templates, places, k, "store/"));
      facts += batch.back().facts.size();
    }
    if (auto saved = store->save(batch); !saved) {
      std::cerr << saved.error().message() << "\n";
      return 1;
    }
  }
  std::printf("store: %d reports, %zu facts written in %.1f s\n", reports, facts, seconds_since(t0));

  // 2. The cross-report look-ups for one new report.
  RunOptions one;
  one.paths = {new_report.string()};
  one.jobs = 1;
  auto read = run(one);  // without the store: reading and single-report checks only
  if (!read) return 2;
  std::vector<DocumentFacts> current = {document_facts(read->documents[0], now_iso8601())};
  RelatedKeys keys = related_keys(current, RegionHierarchy{});
  double best_lookup = 1e9, best_all = 1e9, best_gate = 1e9, best_read = 1e9;
  size_t related = 0, all = 0;
  for (int rep = 0; rep < 3; ++rep) {
    auto t = Clock::now();
    auto s = FactStore::open(db);
    auto found = (*s)->load_related(related_keys(current, RegionHierarchy{}));
    best_lookup = std::min(best_lookup, seconds_since(t));
    related = found->size();
    if (rep == 0) {  // once: it takes long
      t = Clock::now();
      auto everything = (*s)->load();
      best_all = std::min(best_all, seconds_since(t));
      all = everything->size();
    }
    t = Clock::now();
    auto again = run(one);
    best_read = std::min(best_read, seconds_since(t));
    RunOptions gate = one;
    gate.db = db;
    t = Clock::now();
    auto checked = run(gate);
    best_gate = std::min(best_gate, seconds_since(t));
    if (!checked) {
      std::cerr << checked.error().message() << "\n";
      return 1;
    }
  }
  std::printf("look-up for %s: %zu indicators, %zu periods, %zu regions -> %zu of %zu stored reports\n",
              new_report.filename().c_str(), keys.indicators.size(), keys.period_keys.size(), keys.region_keys.size(),
              related, all);
  std::printf("  open + look-up: %.3f s (loading the whole store instead: %.3f s)\n", best_lookup, best_all);
  std::printf("  `check --db` of the new report end to end: %.3f s (without --db: %.3f s; the store's part %.3f s)\n",
              best_gate, best_read, best_gate - best_read);

  // 3. Concurrent writers: each saves its own reports one per transaction (a CI runner each) and
  // re-checks a report that all of them check.
  std::atomic<int> errors{0};
  std::vector<double> slowest(size_t(writers), 0);
  std::vector<std::thread> threads;
  t0 = Clock::now();
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&, w] {
      auto s = FactStore::open(db);
      if (!s) {
        ++errors;
        std::fprintf(stderr, "writer %d: %s\n", w, s.error().message().c_str());
        return;
      }
      for (int k = 0; k < per_writer; ++k) {
        std::vector<DocumentFacts> batch = {
            stored_report(templates, places, reports + w * per_writer + k, "writer" + std::to_string(w) + "/")};
        if (k % 10 == 0) batch.push_back(stored_report(templates, places, k, "shared/"));
        auto t = Clock::now();
        if (auto saved = (*s)->save(batch); !saved) {
          ++errors;
          std::fprintf(stderr, "writer %d: %s\n", w, saved.error().message().c_str());
        }
        slowest[size_t(w)] = std::max(slowest[size_t(w)], seconds_since(t));
      }
    });
  for (auto& t : threads) t.join();
  double wall = seconds_since(t0);
  auto final_docs = store->load();
  std::set<std::string> paths;
  size_t duplicates = 0;
  for (const auto& d : *final_docs) duplicates += !paths.insert(d.path).second;
  size_t expected = size_t(reports) + 1 + size_t(writers * per_writer) + size_t((per_writer + 9) / 10);
  std::printf("%d concurrent writers x %d saves: %.2f s, %d errors, slowest save %.3f s; %zu reports stored "
              "(expected %zu), %zu duplicated paths\n",
              writers, per_writer, wall, errors.load(), *std::max_element(slowest.begin(), slowest.end()),
              final_docs->size(), expected, duplicates);
  bool ok = errors == 0 && duplicates == 0 && final_docs->size() == expected && best_lookup < 1.0;
  std::printf("%s\n", ok ? "OK" : "FAILED");
  return ok ? 0 : 1;
}
