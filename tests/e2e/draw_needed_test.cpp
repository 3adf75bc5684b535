// limber-draw.so keeps cairo and libqrencode out of every command that does not draw (issue
// 16): the limber program names none of them among the libraries it needs, the module does,
// and `limber report` still writes a PDF through it.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

// The NEEDED entries of an ELF file's dynamic section, as readelf lists them.
std::string needed(const std::string& file) {
  return run_shell("readelf -d '" + file + "' | grep NEEDED").out;
}

TEST(DrawModuleTest, LimberNeedsNoneOfTheDrawingLibraries) {
  const std::string limber = needed(LIMBER_BINARY);
  ASSERT_NE(limber.find("libc.so"), std::string::npos) << limber;  // readelf did read it
  for (const char* library :
       {"libcairo", "libqrencode", "libfontconfig", "libfreetype", "libpixman", "libpng"})
    EXPECT_EQ(limber.find(library), std::string::npos) << library << " in " << limber;
  // The module does: the check above looks for the right names.
  const std::string module = needed(LIMBER_DRAW_MODULE);
  EXPECT_NE(module.find("libcairo"), std::string::npos) << module;
  EXPECT_NE(module.find("libqrencode"), std::string::npos) << module;
}

TEST(DrawModuleTest, TheRealBinaryWritesTheReportThroughTheModule) {
  TempDir home;
  const std::string env = "LIMBER_HOME='" + home.path().string() + "' ";
  const ShellResult logged = run_shell(env + LIMBER_BINARY " log 6 lower-back </dev/null");
  ASSERT_EQ(logged.code, 0) << logged.out;
  const auto pdf = home.path() / "r.pdf";
  const ShellResult report =
      run_shell(env + LIMBER_BINARY " report -o '" + pdf.string() + "' </dev/null");
  ASSERT_EQ(report.code, 0) << report.out;
  std::ifstream file(pdf, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(file), {}};
  EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
  EXPECT_GT(bytes.size(), 1000U);
}

}  // namespace
}  // namespace limber::testing
