// Without a desktop session bus (a text console, ssh, cron) the watcher says what to do.
#include "watch/bus.h"

#include <cstdlib>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace limber::watch {
namespace {

// Sets (or with nullopt unsets) an environment variable for one test, then puts it back.
class EnvOverride {
 public:
  EnvOverride(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name))  // NOLINT(concurrency-mt-unsafe): one thread
      old_ = old;
    set(value);
  }
  EnvOverride(const EnvOverride&) = delete;
  EnvOverride& operator=(const EnvOverride&) = delete;
  EnvOverride(EnvOverride&&) = delete;
  EnvOverride& operator=(EnvOverride&&) = delete;
  ~EnvOverride() { set(old_); }

 private:
  void set(const std::optional<std::string>& value) const {
    if (value)
      setenv(name_, value->c_str(), 1);  // NOLINT(concurrency-mt-unsafe): one thread
    else
      unsetenv(name_);  // NOLINT(concurrency-mt-unsafe): one thread
  }

  const char* name_;
  std::optional<std::string> old_;
};

void expect_advice(const std::string& message) {
  EXPECT_NE(message.find("no desktop session bus was found"), std::string::npos) << message;
  EXPECT_NE(message.find("needs to run inside a desktop session"), std::string::npos) << message;
  EXPECT_NE(message.find("DBUS_SESSION_BUS_ADDRESS"), std::string::npos) << message;
  EXPECT_NE(message.find("limber watch --install"), std::string::npos) << message;
  EXPECT_NE(message.find("systemctl --user start limber-watch.service"), std::string::npos)
      << message;
}

TEST(BusTest, WithNoSessionAtAllSaysToRunItInTheDesktop) {
  const EnvOverride address("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
  const EnvOverride runtime("XDG_RUNTIME_DIR", std::nullopt);
  auto bus = open_session_bus();
  ASSERT_FALSE(bus);
  EXPECT_EQ(bus.error().code, core::ErrorCode::kIo);
  expect_advice(bus.error().message);
}

TEST(BusTest, WithASessionButNoBusSaysTheSame) {
  const testing::TempDir runtime_dir;  // no "bus" socket in it
  const EnvOverride address("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
  const EnvOverride runtime("XDG_RUNTIME_DIR", runtime_dir.path().string());
  auto bus = open_session_bus();
  ASSERT_FALSE(bus);
  expect_advice(bus.error().message);
}

}  // namespace
}  // namespace limber::watch
