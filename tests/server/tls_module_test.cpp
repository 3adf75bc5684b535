// limber-tls.so, the phone's TLS (issue 14): where it is looked for, and a missing module
// is a clear error naming the file. That `limber` itself needs neither GnuTLS nor
// libmicrohttpd is tests/e2e/tls_needed_test.cpp (it reads the program).
#include "server/tls_module.h"

#include <gtest/gtest.h>

namespace limber::testing {
namespace {

TEST(TlsModuleTest, TheModuleIsFoundBesideTheProgramFirst) {
  const auto places = server::tls_module_places();
  ASSERT_EQ(places.size(), 2U);
  EXPECT_EQ(places[0].filename(), "limber-tls.so");
  EXPECT_EQ(places[0].parent_path(), std::filesystem::read_symlink("/proc/self/exe").parent_path());
  EXPECT_EQ(places[1].parent_path().filename(), "limber");
  EXPECT_EQ(places[1].parent_path().parent_path().filename(), "lib");
}

TEST(TlsModuleTest, AMissingModuleIsAnErrorNamingTheFile) {
  auto module = server::load_tls_module({"/nonexistent/limber-tls.so"});
  ASSERT_FALSE(module);
  EXPECT_EQ(module.error().code, core::ErrorCode::kNotFound);
  EXPECT_NE(module.error().message.find("limber-tls.so"), std::string::npos);
  EXPECT_NE(module.error().message.find("/nonexistent/limber-tls.so"), std::string::npos);
}

TEST(TlsModuleTest, TheBuiltModuleLoads) {
  auto module = server::load_tls_module({LIMBER_TLS_MODULE});
  ASSERT_TRUE(module) << module.error().message;
  EXPECT_EQ((*module)->abi, server::kTlsModuleAbi);
}

}  // namespace
}  // namespace limber::testing
