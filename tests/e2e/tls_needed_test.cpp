// limber-tls.so stays out of every command but `limber serve --phone` (issue 14): the
// limber program names neither GnuTLS nor libmicrohttpd among the libraries it needs, nor
// libcurl, limber share's HTTPS client (issue 17), which lives in the module too.
#include <string>

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
  EXPECT_EQ(limber.find("libcurl"), std::string::npos) << limber;
  // The module does: the check above looks for the right names.
  const std::string module = needed(LIMBER_TLS_MODULE);
  EXPECT_NE(module.find("libgnutls"), std::string::npos) << module;
  EXPECT_NE(module.find("libmicrohttpd"), std::string::npos) << module;
  EXPECT_NE(module.find("libcurl-gnutls"), std::string::npos) << module;
}

}  // namespace
}  // namespace limber::testing
