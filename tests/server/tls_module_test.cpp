// limber-tls.so stays out of every command but `limber serve --phone` (issue 14): the
// limber program names neither GnuTLS nor libmicrohttpd among the libraries it needs, and
// a missing module is a clear error naming the file.
#include "server/tls_module.h"

#include <gtest/gtest.h>

#include "support/shell.h"

namespace limber::testing {
namespace {

// The NEEDED entries of an ELF file's dynamic section, as readelf lists them.
std::string needed(const std::string& file) {
  const ShellResult run = run_shell("readelf -d '" + file + "' | grep NEEDED");
  return run.out;
}

TEST(TlsModuleTest, LimberDoesNotNeedGnutlsOrMicrohttpd) {
  const std::string limber = needed(LIMBER_BINARY);
  ASSERT_NE(limber.find("libc.so"), std::string::npos) << limber;  // readelf did read it
  EXPECT_EQ(limber.find("libgnutls"), std::string::npos) << limber;
  EXPECT_EQ(limber.find("libmicrohttpd"), std::string::npos) << limber;
  // The module does: the check above looks for the right names.
  const std::string module = needed(LIMBER_TLS_MODULE);
  EXPECT_NE(module.find("libgnutls"), std::string::npos) << module;
  EXPECT_NE(module.find("libmicrohttpd"), std::string::npos) << module;
}

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
