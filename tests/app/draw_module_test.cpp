// limber-draw.so (app/draw_module.h): found where limber looks for it, loaded on first use,
// and a missing or foreign module is a clear error naming the file and the fix.
#include "app/draw_module.h"

#include <gtest/gtest.h>

#include "app/module_loader.h"
#include "app/qr_code.h"

namespace limber::testing {
namespace {

TEST(DrawModuleTest, TheModuleIsLookedForBesideTheProgramThenInLibLimber) {
  const auto places = app::module_places(app::kDrawModuleFile);
  ASSERT_EQ(places.size(), 2U);
  EXPECT_EQ(places[0].filename(), "limber-draw.so");
  EXPECT_EQ(places[0].parent_path(), std::filesystem::read_symlink("/proc/self/exe").parent_path());
  EXPECT_EQ(places[1].parent_path().filename(), "limber");
  EXPECT_EQ(places[1].parent_path().parent_path().filename(), "lib");
}

TEST(DrawModuleTest, AMissingModuleIsAnErrorNamingTheFileAndTheFix) {
  auto module = app::load_draw_module("the report's PDF", {"/nonexistent/limber-draw.so"});
  ASSERT_FALSE(module);
  EXPECT_EQ(module.error().code, core::ErrorCode::kNotFound);
  const std::string& message = module.error().message;
  EXPECT_NE(message.find("the report's PDF needs limber-draw.so"), std::string::npos) << message;
  EXPECT_NE(message.find("/nonexistent/limber-draw.so"), std::string::npos) << message;
  EXPECT_NE(message.find("reinstall limber"), std::string::npos) << message;
}

TEST(DrawModuleTest, ALibraryThatIsNotTheModuleIsRefused) {
  auto module = app::load_draw_module("the report's PDF", {"/lib/x86_64-linux-gnu/libm.so.6"});
  ASSERT_FALSE(module);
  EXPECT_EQ(module.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_NE(module.error().message.find("reinstall limber"), std::string::npos);
}

TEST(DrawModuleTest, TheBuiltModuleLoads) {
  auto module = app::load_draw_module("a test", {LIMBER_DRAW_MODULE});
  ASSERT_TRUE(module) << module.error().message;
  EXPECT_EQ((*module)->abi, app::kDrawModuleAbi);
}

// The test program finds the module as limber does: beside it (a link in the build tree).
TEST(DrawModuleTest, AQrCodeIsMadeThroughTheModuleFoundBesideTheProgram) {
  auto matrix = app::qr_encode("https://192.168.1.20:8443/pair");
  ASSERT_TRUE(matrix) << matrix.error().message;
  EXPECT_GE(matrix->size, 21);
  EXPECT_EQ(matrix->dark.size(), static_cast<std::size_t>(matrix->size * matrix->size));
}

}  // namespace
}  // namespace limber::testing
