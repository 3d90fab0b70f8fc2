// Hostile inputs and outputs (issue 14): never a crash, a hang, a silent loss or an overwritten
// device. Each test names the item of the issue it pins down.
#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include <gtest/gtest.h>
#include <zip.h>

#include "num/numbers.h"
#include "report/emit.h"
#include "report_sample.h"
#include "text/docx.h"
#include "text/load.h"

using doisoat::testing::read_text;
namespace fs = std::filesystem;

extern char** environ;

namespace {

struct Outcome {
  int code = -1;
  std::string out, err;
};

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("doisoat-hostile-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::permissions(dir_, fs::perms::all, fs::perm_options::replace);  // the 'nobody' test reads it
    write("bad.txt", "Diện tích gieo trồng vụ Đông Xuân đạt 22.214/23.707 ha, đạt 50% KH.\n");
  }
  void TearDown() override {
    std::error_code ec;
    for (auto& e : fs::recursive_directory_iterator(dir_, ec))
      if (e.is_directory(ec)) fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// A shell command run in the temp folder; `doisoat` stands for the binary. stdout and stderr
  /// go to files unless the command redirects them itself.
  Outcome sh(const std::string& command) {
    std::string cmd = "cd '" + dir_.string() + "' && D='" DOISOAT_BIN "' && " + command;
    int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(path(".stdout"));
    r.err = read_text(path(".stderr"));
    return r;
  }
  Outcome doisoat(const std::string& args) { return sh("\"$D\" " + args + " > .stdout 2> .stderr"); }

  fs::path dir_;
};

std::string body(const std::string& inner) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         inner + "</w:body></w:document>";
}

// A .docx (in memory) whose word/document.xml is `xml`, deflated.
std::string docx_bytes(const std::string& xml) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* za = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  EXPECT_NE(za, nullptr);
  zip_source_keep(buf);
  zip_file_add(za, "word/document.xml", zip_source_buffer(za, xml.data(), xml.size(), 0), ZIP_FL_OVERWRITE);
  EXPECT_EQ(zip_close(za), 0);
  zip_source_open(buf);
  zip_source_seek(buf, 0, SEEK_END);
  std::string out(static_cast<size_t>(zip_source_tell(buf)), '\0');
  zip_source_seek(buf, 0, SEEK_SET);
  zip_source_read(buf, out.data(), out.size());
  zip_source_close(buf);
  zip_source_free(buf);
  zip_error_fini(&err);
  return out;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// --- 1. -o onto something that is not a regular file ------------------------------------------

TEST_F(Hostile, OutputOntoAFifoIsWrittenThroughNotReplaced) {
  ASSERT_EQ(::mkfifo(path("out.fifo").c_str(), 0644), 0);
  Outcome r = sh("(timeout 20 cat out.fifo > got &) ; sleep 0.3; \"$D\" check bad.txt -o out.fifo > .stdout 2> .stderr; "
                 "rc=$?; sleep 0.5; exit $rc");
  EXPECT_EQ(r.code, 1) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat(path("out.fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a plain file";
  EXPECT_NE(read_text(path("got")).find("ratio-recompute"), std::string::npos) << "the reader got no report";
}

TEST_F(Hostile, OutputOntoAFifoWithNoReaderFailsAtOnce) {
  ASSERT_EQ(::mkfifo(path("out.fifo").c_str(), 0644), 0);
  Outcome r = sh("timeout 20 \"$D\" check bad.txt -o out.fifo > .stdout 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("out.fifo"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no reader"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat(path("out.fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(Hostile, OutputOntoACharacterDeviceIsWrittenThrough) {
  // A private copy of /dev/null (major 1, minor 3), never the system's own.
  if (::mknod(path("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "cannot create a device node here (not root, or no CAP_MKNOD)";
  Outcome r = doisoat("check bad.txt -o null");
  EXPECT_EQ(r.code, 1) << r.err;
  struct stat st {};
  ASSERT_EQ(::lstat(path("null").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device was replaced by a plain file";
}

TEST_F(Hostile, OutputThroughASymlinkReplacesItsTargetAtomically) {
  fs::create_directories(dir_ / "real");
  write("real/report.txt", "old\n");
  fs::create_symlink("real/report.txt", dir_ / "link.txt");
  fs::create_symlink("real/new.txt", dir_ / "dangling.txt");
  EXPECT_EQ(doisoat("check bad.txt -o link.txt").code, 1);
  EXPECT_EQ(doisoat("check bad.txt -o dangling.txt").code, 1);
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt")) << "the symlink was replaced by a plain file";
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.txt"));
  EXPECT_NE(read_text(path("real/report.txt")).find("ratio-recompute"), std::string::npos);
  EXPECT_NE(read_text(path("real/new.txt")).find("ratio-recompute"), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir_ / "real"))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << "temp file left: " << e.path();
}

TEST_F(Hostile, WriteAtomicallyRefusesASocket) {
  // (Unit level: the CLI goes through the same function.) A socket is neither a file to
  // replace nor a device to write through.
  std::string sock = path("s");
  Outcome r = sh("python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' '" + sock + "'");
  if (r.code != 0 || !fs::is_socket(sock)) GTEST_SKIP() << "no python3 to make a socket";
  auto w = doisoat::write_atomically(sock, "x");
  ASSERT_FALSE(w);
  EXPECT_TRUE(fs::is_socket(sock));
}

// --- 2. write errors on standard output -------------------------------------------------------

TEST_F(Hostile, FullStandardOutputExitsTwoWithAMessage) {
  Outcome r = sh("\"$D\" check bad.txt > /dev/full 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("standard output"), std::string::npos) << r.err;
  r = sh("\"$D\" check bad.txt --format json > /dev/full 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
  r = sh("\"$D\" checks > /dev/full 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
}

TEST_F(Hostile, ClosedPipeOnStandardOutputExitsTwoWithAMessage) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);  // nobody will read
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  std::string err_path = path(".stderr");
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::string bad = path("bad.txt");
  std::vector<char*> argv = {const_cast<char*>(DOISOAT_BIN), const_cast<char*>("check"), bad.data(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, DOISOAT_BIN, &fa, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&fa);
  ::close(fds[1]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(read_text(err_path).find("standard output"), std::string::npos) << read_text(err_path);
}

// --- 3. what one .docx may cost ----------------------------------------------------------------

TEST(HostileDocx, APartThatExpandsFarRefusedBeforeParsing) {
  // 100 MB of XML (mostly white space) that deflates to a few hundred KB.
  std::string xml = body("<w:p><w:r><w:t>Một</w:t></w:r></w:p>" + std::string(size_t(100) << 20, ' '));
  std::string bytes = docx_bytes(xml);
  xml.clear();
  ASSERT_LT(bytes.size(), size_t(2) << 20);
  auto t0 = std::chrono::steady_clock::now();
  auto r = doisoat::docx_to_text("bomb.docx", bytes);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().path, "bomb.docx");
  EXPECT_NE(r.error().reason.find("word/document.xml"), std::string::npos) << r.error().reason;
  EXPECT_NE(r.error().reason.find("MB"), std::string::npos) << r.error().reason;
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(20));
}

TEST(HostileDocx, MillionsOfXmlElementsRefused) {
  // 3.5 million empty paragraphs: 21 MB of XML, under the size cap, over the element cap.
  auto r = doisoat::docx_to_text("nodes.docx", docx_bytes(body(repeat("<w:p/>", 3'500'000))));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().reason.find("XML elements"), std::string::npos) << r.error().reason;
  // A large but plausible document still reads.
  auto ok = doisoat::docx_to_text("ok.docx", docx_bytes(body(repeat("<w:p><w:r><w:t>Một hai</w:t></w:r></w:p>", 100'000))));
  ASSERT_TRUE(ok) << ok.error().reason;
}

TEST(HostileDocx, DeepNestingRefusedNotRecursedInto) {
  const int depth = 20000;
  std::string xml = repeat("<w:sdt><w:sdtContent>", depth) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" +
                    repeat("</w:sdtContent></w:sdt>", depth);
  auto r = doisoat::docx_to_text("deep.docx", docx_bytes(body(xml)));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().reason.find("deep"), std::string::npos) << r.error().reason;
}

// --- 4. inputs that are not regular files; unbounded streams -----------------------------------

TEST_F(Hostile, FifoArgumentRefusedInsteadOfBlocking) {
  ASSERT_EQ(::mkfifo(path("in.txt").c_str(), 0644), 0);
  Outcome r = sh("timeout 20 \"$D\" check in.txt > .stdout 2> .stderr");
  EXPECT_EQ(r.code, 2) << "124 means it blocked: " << r.err;
  EXPECT_NE(r.err.find("in.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << r.err;
}

TEST_F(Hostile, DeviceArgumentRefused) {
  Outcome r = doisoat("check /dev/null");
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("/dev/null: not a regular file"), std::string::npos) << r.err;
}

TEST_F(Hostile, EndlessStandardInputIsCapped) {
  Outcome r = sh("head -c 300000000 /dev/zero | \"$D\" check - > .stdout 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("-: input larger than 256 MB"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Hostile, ReadInputRefusesAFileOverTheCap) {
  // A sparse file: no disk used, but its size is over the cap; refused before reading.
  {
    std::ofstream f(path("big.txt"), std::ios::binary);
  }
  fs::resize_file(path("big.txt"), (size_t(256) << 20) + 1);
  auto r = doisoat::read_input(path("big.txt"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().reason.find("larger than"), std::string::npos) << r.error().reason;
}

// --- 5. numbers too long for the mantissa -----------------------------------------------------

TEST(HostileNumbers, NineteenDigitsOrMoreAreTooLongWithNoSuggestion) {
  for (const char* w : {"9223372036854775808.1", "9223372036854775808", "1.234.567.890.123.456.789",
                        "12345678901234567890,5", "99999999999999999999.99"}) {
    doisoat::ParsedNumber p;
    ASSERT_TRUE(doisoat::parse_number(w, doisoat::NumberConvention::Vietnamese, p)) << w;
    EXPECT_TRUE(p.malformed) << w;
    EXPECT_EQ(p.reason, "số quá dài") << w;
    EXPECT_FALSE(p.has_hint) << w << " hint " << p.hint.to_vi();
    EXPECT_GE(p.value.mantissa, 0) << w;
  }
}

TEST(HostileNumbers, PaddedHintThatWouldOverflowIsDropped) {
  // 18 digits fit; the hint "…990" (a dropped digit restored) would need 19.
  doisoat::ParsedNumber p;
  ASSERT_TRUE(doisoat::parse_number("9999999999999999.99", doisoat::NumberConvention::Vietnamese, p));
  EXPECT_TRUE(p.malformed);
  EXPECT_TRUE(p.short_group);
  EXPECT_FALSE(p.has_hint) << p.hint.to_vi();
  // Below the limit the hint stays.
  ASSERT_TRUE(doisoat::parse_number("310.00", doisoat::NumberConvention::Vietnamese, p));
  ASSERT_TRUE(p.has_hint);
  EXPECT_EQ(p.hint.to_vi(), "310.000");
}

TEST_F(Hostile, TooLongNumberHasNoSuggestionInTheReport) {
  write("n.txt", "Tổng vốn đạt 9223372036854775808.1 tỷ đồng.\n");
  Outcome r = doisoat("check n.txt --enable malformed-number");
  EXPECT_LE(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("số quá dài"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("có lẽ là"), std::string::npos) << r.out;
}

// --- 6. folders, the facts store, --jobs -------------------------------------------------------

TEST_F(Hostile, SelfLoopingSymlinkInAFolder) {
  fs::create_directories(dir_ / "in");
  write("in/bad.txt", read_text(path("bad.txt")));
  fs::create_symlink("loop", dir_ / "in" / "loop");  // not a report name: ignored
  Outcome r = doisoat("check in --fail-on never");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  fs::create_symlink("loop.txt", dir_ / "in" / "loop.txt");  // a report name: named, exit 2
  r = doisoat("check in");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in/loop.txt"), std::string::npos) << r.err;
}

TEST_F(Hostile, UnreadableSubfolderIsNamed) {
  fs::create_directories(dir_ / "in" / "sub");
  write("in/bad.txt", read_text(path("bad.txt")));
  write("in/sub/x.txt", read_text(path("bad.txt")));
  fs::permissions(dir_ / "in" / "sub", fs::perms::none, fs::perm_options::replace);
  // Root reads any folder: run as 'nobody' then.
  std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  if (!as.empty() && sh("command -v setpriv > /dev/null").code != 0) GTEST_SKIP() << "no setpriv";
  Outcome r = sh(as + "\"$D\" check in > .stdout 2> .stderr");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("in/sub: cannot read folder"), std::string::npos) << r.err;
}

TEST_F(Hostile, FactsStoreWaitsForAnotherWriter) {
  ASSERT_EQ(doisoat("check bad.txt --db facts.sqlite --fail-on never").code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path("facts.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto other = std::async(std::launch::async, [&] { return doisoat("check bad.txt --db facts.sqlite --fail-on never"); });
  std::this_thread::sleep_for(std::chrono::seconds(4));  // longer than the old 1.5 s timeout
  ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  Outcome r = other.get();
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(Hostile, NegativeJobsRefused) {
  Outcome r = doisoat("check bad.txt --jobs -1");
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--jobs"), std::string::npos) << r.err;
  EXPECT_EQ(doisoat("check bad.txt --jobs 0 --fail-on never").code, 0);
}

}  // namespace
