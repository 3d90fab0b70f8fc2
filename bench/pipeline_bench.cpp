// Throughput of each layer against the reference cost of reading the same bytes and
// normalising them with ICU (docs/performance.md). Run through bench/run.sh, which prints the
// ratios; absolute times on a shared machine mean little.
//
// Inputs, each at scale 1, 2 and 4 (so a super-linear layer shows up as a growing ratio):
//   reports     the real reports of reports/, whole copies to about DOISOAT_BENCH_MB (default 1) MB
//   longpara    the same text as one paragraph without a single line break (5 times that)
//   shortlines  many short list lines ("- Xã Nông Thượng: 1.234 hộ, đạt 95% KH")
//   numbers     sentences of many figures; scale k makes each sentence k times longer
// The two stress inputs are DOISOAT_BENCH_STRESS_MB (default 1/32) MB at scale 1.
// Benchmarks: BM_Baseline, BM_Load, BM_Numbers, BM_Claims, BM_Analyze, BM_CheckEndToEnd, and
// BM_Check/<id> (one check on read claims) to find which check dominates BM_Analyze.
#include <benchmark/benchmark.h>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "claims/claims.h"
#include "engine/engine.h"
#include "num/numbers.h"
#include "text/load.h"

#ifndef REPORTS_DIR
#error "REPORTS_DIR must be defined by CMake (the bench block of CMakeLists.txt)"
#endif

namespace fs = std::filesystem;
using namespace doisoat;

namespace {

constexpr double kMB = 1024 * 1024;
const int kScales[] = {1, 2, 4};

double megabytes_from(const char* variable, double fallback) {
  if (const char* env = std::getenv(variable)) {
    double v = std::strtod(env, nullptr);
    if (v > 0 && v < 1024) return v;
  }
  return fallback;
}

/// Scale-1 size of reports (longpara is five times it), in MB.
double base_megabytes() { return megabytes_from("DOISOAT_BENCH_MB", 1); }

/// Scale-1 size of the synthetic stress inputs (shortlines, numbers), in MB. Small by default:
/// today's claims and blame layers are super-linear on them (docs/performance.md).
double stress_megabytes() { return megabytes_from("DOISOAT_BENCH_STRESS_MB", 0.03125); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The real reports, each once, separated by blank lines.
const std::string& real_reports() {
  static const std::string text = [] {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(REPORTS_DIR))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string out;
    for (const auto& f : files) {
      out += read_file(f);
      out += "\n\n";
    }
    if (out.empty()) {
      std::cerr << "no reports in " << REPORTS_DIR << "\n";
      std::exit(2);
    }
    return out;
  }();
  return text;
}

/// `unit` cut at its last line break or space before `bytes` (never inside a character), or
/// whole when it is not longer.
std::string cut(std::string unit, size_t bytes) {
  if (unit.size() <= bytes) return unit;
  size_t at = unit.find_last_of("\n ", bytes);
  unit.resize(at == std::string::npos || at == 0 ? bytes : at + 1);
  return unit;
}

const std::string& real_reports_unit() { return real_reports(); }

std::string long_paragraph_unit() {
  std::string unit = real_reports();
  for (char& c : unit)
    if (c == '\n' || c == '\r') c = ' ';
  return unit;
}

std::string short_lines_unit() {
  static const char* names[] = {"Nông Thượng", "Xuất Hóa", "Dương Quang", "Huyền Tụng", "Đồng Phúc",
                                "Quang Thuận", "Yên Thịnh", "Bằng Thành"};
  std::string unit;
  for (int i = 0; i < 64; ++i) {
    const char* n = names[i % 8];
    unit += "- Xã " + std::string(n) + ": " + std::to_string(1000 + 37 * i) + " hộ, đạt " +
            std::to_string(80 + i % 20) + "% KH\n";
    if (i % 8 == 7) unit += "Ghi chú\n";
  }
  return unit;
}

/// 1234567 -> "1.234.567" (Vietnamese thousands separators).
std::string grouped(uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

// Well-formed figures only: a malformed one is a different (and separately reported) path.
std::string many_numbers_sentence(uint64_t figures) {
  std::string unit = "Tổng sản lượng lương thực đạt 719.923 tấn; trong đó ";
  for (uint64_t i = 0; i < figures; ++i) {
    unit += "xã " + std::to_string(i + 1) + " đạt " + grouped((1000 + 13 * i) * 1000 + 100 + i % 900) + "/" +
            grouped((2000 + 17 * i) * 1000) + " tấn, đạt " + std::to_string(40 + i % 60) + "% KH, tăng " +
            std::to_string(i % 10) + "," + std::to_string(10 + i % 90) + "%";
    unit += (i % 3 == 2) ? "; " : ", ";
  }
  unit += "so với cùng kỳ năm 2022.\n\n";
  return unit;
}

/// Scale k of the copy-based inputs: exactly k times the scale-1 text, so times must grow k-fold.
std::string copies_of(const std::string& whole, size_t want, int scale) {
  std::string unit = cut(whole, want);
  const size_t copies = std::max<size_t>(1, (want + unit.size() / 2) / unit.size()) * static_cast<size_t>(scale);
  std::string out;
  out.reserve(copies * unit.size());
  for (size_t k = 0; k < copies; ++k) out += unit;
  return out;
}

std::string make_reports(size_t want, int scale) { return copies_of(real_reports_unit(), want, scale); }
std::string make_long_paragraph(size_t want, int scale) { return copies_of(long_paragraph_unit(), want, scale); }
std::string make_short_lines(size_t want, int scale) { return copies_of(short_lines_unit(), want, scale); }

// Scale k keeps the number of sentences and makes each k times longer (50 k figure groups), so
// a cost per sentence that grows faster than its length shows up.
std::string make_many_numbers(size_t want, int scale) {
  const std::string base = many_numbers_sentence(50);
  const size_t sentences = std::max<size_t>(1, (want + base.size() / 2) / base.size());
  const std::string sentence = many_numbers_sentence(50 * static_cast<uint64_t>(scale));
  std::string out;
  for (size_t k = 0; k < sentences; ++k) out += sentence;
  return out;
}

struct InputKind {
  const char* name;
  double megabytes;  // at scale 1
  std::string (*make)(size_t want, int scale);
};

std::vector<InputKind> input_kinds() {
  double mb = base_megabytes();
  double stress = stress_megabytes();
  return {{"reports", mb, make_reports},
          {"longpara", 5 * mb, make_long_paragraph},
          {"shortlines", stress, make_short_lines},
          {"numbers", stress, make_many_numbers}};
}

/// One input at one scale: its bytes (also written to a file, so the baseline and the
/// end-to-end run both read it), and the layers' results, computed once on first use.
struct Corpus {
  std::string name;
  fs::path file;
  std::string bytes;
  std::unique_ptr<Document> doc;
  std::unique_ptr<NumberReading> numbers;
  std::unique_ptr<ClaimReading> claims;
  std::vector<Quantity> quantities;
};

fs::path& temp_dir() {
  static fs::path dir;
  return dir;
}

std::map<std::string, std::unique_ptr<Corpus>>& corpora() {
  static std::map<std::string, std::unique_ptr<Corpus>> c;
  return c;
}

Corpus& corpus(const InputKind& kind, int scale) {
  std::string key = std::string(kind.name) + "/x" + std::to_string(scale);
  auto& slot = corpora()[key];
  if (!slot) {
    slot = std::make_unique<Corpus>();
    slot->name = key;
    slot->bytes = kind.make(static_cast<size_t>(kind.megabytes * kMB), scale);
    slot->file = temp_dir() / (std::string(kind.name) + "-x" + std::to_string(scale) + ".txt");
    std::ofstream(slot->file, std::ios::binary) << slot->bytes;
  }
  return *slot;
}

const Document& loaded(Corpus& c) {
  if (!c.doc) {
    auto d = load_document(c.file.string(), c.bytes);
    if (!d) {
      std::cerr << d.error().message() << "\n";
      std::exit(2);
    }
    c.doc = std::make_unique<Document>(std::move(*d));
  }
  return *c.doc;
}

const NumberReading& numbers_of(Corpus& c) {
  if (!c.numbers) c.numbers = std::make_unique<NumberReading>(read_numbers(loaded(c)));
  return *c.numbers;
}

const ClaimReading& claims_of(Corpus& c) {
  if (!c.claims) {
    NumberReading n = numbers_of(c);
    c.claims = std::make_unique<ClaimReading>(read_claims(loaded(c), n));
    c.quantities = std::move(n.quantities);
  }
  return *c.claims;
}

void set_counters(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.bytes.size()));
  state.SetLabel(c.name);
}

// The reference cost: read the bytes, validate them as UTF-8 with ICU, normalise to NFC with
// icu::Normalizer2 (the UTF-8 API the loader itself uses, so the comparison is like for like).
void BM_Baseline(benchmark::State& state, Corpus* c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    state.SkipWithError("no NFC instance");
    return;
  }
  for (auto _ : state) {
    auto bytes = read_input(c->file.string());
    const std::string& s = *bytes;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t n = static_cast<int32_t>(s.size());
    int32_t invalid = 0;
    for (int32_t i = 0; i < n;) {
      UChar32 cp;
      U8_NEXT(p, i, n, cp);
      invalid += cp < 0;
    }
    std::string out;
    icu::StringByteSink<std::string> sink(&out, n);
    UErrorCode st = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(s.data(), n), sink, nullptr, st);
    benchmark::DoNotOptimize(invalid);
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, *c);
}

void BM_Load(benchmark::State& state, Corpus* c) {
  for (auto _ : state) {
    auto doc = load_document(c->file.string(), c->bytes);
    benchmark::DoNotOptimize(doc->text.data());
  }
  set_counters(state, *c);
}

void BM_Numbers(benchmark::State& state, Corpus* c) {
  const Document& doc = loaded(*c);
  for (auto _ : state) {
    NumberReading n = read_numbers(doc);
    benchmark::DoNotOptimize(n.tokens.data());
  }
  set_counters(state, *c);
}

void BM_Claims(benchmark::State& state, Corpus* c) {
  const Document& doc = loaded(*c);
  const NumberReading& numbers = numbers_of(*c);
  for (auto _ : state) {
    state.PauseTiming();
    NumberReading n = numbers;  // read_claims marks tokens; start from a fresh reading each time
    state.ResumeTiming();
    ClaimReading r = read_claims(doc, n);
    benchmark::DoNotOptimize(r.claims.data());
  }
  set_counters(state, *c);
}

void BM_Analyze(benchmark::State& state, Corpus* c) {
  const Document& doc = loaded(*c);
  RunOptions options;
  for (auto _ : state) {
    state.PauseTiming();
    Document copy = doc;
    state.ResumeTiming();
    DocumentResult r = analyze(std::move(copy), options);
    benchmark::DoNotOptimize(r.findings.data());
  }
  set_counters(state, *c);
}

// What `doisoat check FILE` does for one file, short of printing: read, load, analyse.
void BM_CheckEndToEnd(benchmark::State& state, Corpus* c) {
  RunOptions options;
  for (auto _ : state) {
    auto bytes = read_input(c->file.string());
    auto doc = load_document(c->file.string(), *bytes);
    DocumentResult r = analyze(std::move(*doc), options);
    benchmark::DoNotOptimize(r.findings.data());
  }
  set_counters(state, *c);
}

// One check alone, on claims already read (what BM_Analyze adds on top of BM_Claims).
void BM_Check(benchmark::State& state, Corpus* c, const Check* check) {
  const Document& doc = loaded(*c);
  const ClaimReading& read = claims_of(*c);
  CheckConfig config;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Claim> claims = read.claims;  // checks set verdicts
    std::vector<Finding> findings;
    state.ResumeTiming();
    CheckContext ctx{doc, c->quantities, claims, config, findings};
    check->run(ctx);
    benchmark::DoNotOptimize(findings.data());
  }
  set_counters(state, *c);
}

void register_all() {
  using Fn = void (*)(benchmark::State&, Corpus*);
  const std::pair<const char*, Fn> layers[] = {
      {"BM_Baseline", BM_Baseline}, {"BM_Load", BM_Load},       {"BM_Numbers", BM_Numbers},
      {"BM_Claims", BM_Claims},     {"BM_Analyze", BM_Analyze}, {"BM_CheckEndToEnd", BM_CheckEndToEnd}};
  for (const auto& kind : input_kinds()) {
    for (int scale : kScales) {
      Corpus* c = &corpus(kind, scale);
      for (const auto& [name, fn] : layers) {
        std::string full = std::string(name) + "/" + c->name;
        benchmark::RegisterBenchmark(full.c_str(), fn, c)->Unit(benchmark::kMillisecond);
      }
      for (const auto& check : check_registry()) {
        std::string full = "BM_Check/" + check->meta().id + "/" + c->name;
        benchmark::RegisterBenchmark(full.c_str(), BM_Check, c, check.get())->Unit(benchmark::kMillisecond);
      }
    }
  }
}

}  // namespace

/// `doisoat_bench --floor PATH...`: the floor of bench/run.sh's whole-corpus figures. Reads every
/// file (each argument a file or a folder, walked recursively), validates it as UTF-8 and
/// normalises it to NFC, as BM_Baseline does, one file after the other on one thread; prints the
/// wall-clock seconds of the fastest of REPETITIONS (default 3) passes and the bytes read.
int floor_main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return 2;
  int reps = 3;
  if (const char* r = std::getenv("REPETITIONS")) reps = std::max(1, std::atoi(r));
  double best = 1e300;
  size_t bytes = 0;
  for (int rep = 0; rep < reps; ++rep) {
    auto start = std::chrono::steady_clock::now();
    bytes = 0;
    for (const auto& f : files) {
      auto in = read_input(f.string());
      if (!in) continue;
      const std::string& s = *in;
      const auto* p = reinterpret_cast<const uint8_t*>(s.data());
      int32_t n = static_cast<int32_t>(s.size());
      int32_t invalid = 0;
      for (int32_t i = 0; i < n;) {
        UChar32 cp;
        U8_NEXT(p, i, n, cp);
        invalid += cp < 0;
      }
      std::string out;
      icu::StringByteSink<std::string> sink(&out, n);
      UErrorCode st = U_ZERO_ERROR;
      nfc->normalizeUTF8(0, icu::StringPiece(s.data(), n), sink, nullptr, st);
      benchmark::DoNotOptimize(invalid);
      benchmark::DoNotOptimize(out.data());
      bytes += s.size();
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%.6f %zu\n", best, bytes);
  return 0;
}

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--floor") return floor_main(argc, argv);
  char tmpl[] = "/tmp/doisoat-bench-XXXXXX";
  if (!mkdtemp(tmpl)) {
    std::perror("mkdtemp");
    return 2;
  }
  temp_dir() = tmpl;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  corpora().clear();
  std::error_code ec;
  fs::remove_all(temp_dir(), ec);
  return 0;
}
