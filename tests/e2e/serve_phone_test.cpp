// `limber serve --phone-bind`, end to end: the real program on 127.0.0.2, its certificate
// checked by gnutls-cli against the CA file it printed, made anew when the address
// changes, its files private, --phone / --no-phone remembered, and GnuTLS mapped into
// the process only when the phone's listener is asked for (issue 14).
#include <regex>

#include <gtest/gtest.h>

#include "serve_process.h"
#include "support/file_mode.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The port of "https://ADDRESS:PORT/" in the output; 0 when absent.
int phone_port(const std::string& output, const std::string& address) {
  std::smatch match;
  const std::regex pattern("https://" + std::regex_replace(address, std::regex("\\."), "\\.") +
                           ":([0-9]+)/");
  return std::regex_search(output, match, pattern) ? std::stoi(match[1]) : 0;
}

ShellResult handshake(const std::filesystem::path& ca, const std::string& address, int port) {
  return run_shell("gnutls-cli --x509cafile='" + ca.string() + "' --port=" + std::to_string(port) +
                   " " + address + " </dev/null");
}

bool maps_name(pid_t pid, const std::string& library) {
  return slurp("/proc/" + std::to_string(pid) + "/maps").find(library) != std::string::npos;
}

class ServePhoneTest : public ::testing::Test {
 protected:
  [[nodiscard]] std::filesystem::path tls() const { return dir_.path() / "tls"; }
  [[nodiscard]] std::string setting() const { return slurp(dir_.path() / "serve-phone"); }

  TempDir dir_;
};

TEST_F(ServePhoneTest, PhoneBindServesHttpsThatTheCaItPrintedVerifies) {
  ServeProcess serve(LIMBER_BINARY, dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "127.0.0.2:0"});
  ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
  const std::string ca = (tls() / "ca.pem").string();
  EXPECT_NE(serve.output().find(ca), std::string::npos) << serve.output();
  EXPECT_TRUE(std::regex_search(serve.output(),
                                std::regex("SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}")))
      << serve.output();
  const int port = phone_port(serve.output(), "127.0.0.2");
  ASSERT_GT(port, 0) << serve.output();
  const ShellResult run = handshake(ca, "127.0.0.2", port);
  EXPECT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("Handshake was completed"), std::string::npos) << run.out;
  EXPECT_EQ(serve.stop(), 0) << serve.output();
  EXPECT_NE(serve.output().find("Stopped."), std::string::npos);
}

TEST_F(ServePhoneTest, ANewAddressGetsANewCertificateFromTheSameAuthority) {
  std::string first_ca;
  {
    ServeProcess serve(LIMBER_BINARY, dir_.path(),
                       {"--port", "0", "--no-open", "--phone-bind", "127.0.0.2:0"});
    ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
    first_ca = slurp(tls() / "ca.pem");
  }
  ServeProcess serve(LIMBER_BINARY, dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "127.0.0.3:0"});
  ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
  EXPECT_NE(serve.output().find("A new certificate was made for the phone's address: the "
                                "addresses changed."),
            std::string::npos)
      << serve.output();
  EXPECT_EQ(slurp(tls() / "ca.pem"), first_ca);
  const int port = phone_port(serve.output(), "127.0.0.3");
  ASSERT_GT(port, 0) << serve.output();
  const ShellResult run = handshake(tls() / "ca.pem", "127.0.0.3", port);
  EXPECT_EQ(run.code, 0) << run.out;
  const ShellResult names =
      run_shell("certtool -i --infile '" + (tls() / "server.pem").string() + "'");
  EXPECT_NE(names.out.find("IPAddress: 127.0.0.3"), std::string::npos) << names.out;
  EXPECT_EQ(names.out.find("IPAddress: 127.0.0.2"), std::string::npos) << names.out;
}

TEST_F(ServePhoneTest, TheKeysArePrivateUnderAnOrdinaryUmask) {
  ServeProcess serve(LIMBER_BINARY, dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "127.0.0.2:0"});
  ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
  EXPECT_EQ(mode_of(tls()), 0700U);
  EXPECT_EQ(mode_of(tls() / "ca-key.pem"), 0600U);
  EXPECT_EQ(mode_of(tls() / "server-key.pem"), 0600U);
}

TEST_F(ServePhoneTest, GnutlsIsLoadedOnlyWhenThePhonesListenerIsAskedFor) {
  {
    ServeProcess serve(LIMBER_BINARY, dir_.path(), {"--port", "0", "--no-open"});
    ASSERT_TRUE(serve.wait_for("Ctrl+C")) << serve.output();
    EXPECT_FALSE(maps_name(serve.pid(), "libgnutls"));
    EXPECT_FALSE(maps_name(serve.pid(), "limber-tls.so"));
    EXPECT_EQ(serve.output().find("https://"), std::string::npos) << serve.output();
  }
  ServeProcess serve(LIMBER_BINARY, dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "127.0.0.2:0"});
  ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
  EXPECT_TRUE(maps_name(serve.pid(), "libgnutls"));  // the check above can see it
  EXPECT_TRUE(maps_name(serve.pid(), "limber-tls.so"));
}

TEST_F(ServePhoneTest, PhoneAndNoPhoneAreRemembered) {
  {
    ServeProcess serve(LIMBER_BINARY, dir_.path(),
                       {"--port", "0", "--no-open", "--phone", "--phone-bind", "127.0.0.2:0"});
    ASSERT_TRUE(serve.wait_for("fingerprint: ")) << serve.output();
  }
  EXPECT_EQ(setting(), "on\n");
  EXPECT_EQ(mode_of(dir_.path() / "serve-phone"), 0600U);
  {
    ServeProcess serve(LIMBER_BINARY, dir_.path(), {"--port", "0", "--no-open", "--no-phone"});
    ASSERT_TRUE(serve.wait_for("Ctrl+C")) << serve.output();
    EXPECT_EQ(serve.output().find("For your phone"), std::string::npos) << serve.output();
  }
  EXPECT_EQ(setting(), "off\n");
}

TEST_F(ServePhoneTest, ABadPhoneAddressIsAClearError) {
  ServeProcess serve(LIMBER_BINARY, dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "phone.example"});
  EXPECT_EQ(serve.wait_exit(), 2) << serve.output();
  EXPECT_NE(serve.output().find("--phone-bind 'phone.example' is not an address"),
            std::string::npos)
      << serve.output();
}

TEST_F(ServePhoneTest, AMissingModuleIsAnErrorNamingTheFile) {
  // A copy of limber without limber-tls.so beside it (nor in ../lib/limber/).
  const auto program = dir_.path() / "bin" / "limber";
  std::filesystem::create_directories(program.parent_path());
  std::filesystem::copy_file(LIMBER_BINARY, program);
  ServeProcess serve(program.string(), dir_.path(),
                     {"--port", "0", "--no-open", "--phone-bind", "127.0.0.2:0"});
  EXPECT_NE(serve.wait_exit(), 0) << serve.output();
  EXPECT_NE(serve.output().find("limber-tls.so, which is missing"), std::string::npos)
      << serve.output();
  EXPECT_NE(serve.output().find((dir_.path() / "bin" / "limber-tls.so").string()),
            std::string::npos)
      << serve.output();
}

}  // namespace
}  // namespace limber::testing
