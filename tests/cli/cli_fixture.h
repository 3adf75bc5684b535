// Runs `limber ...` in process against a temporary data dir, with a fixed clock.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli.h"
#include "support/clock.h"
#include "support/temp_dir.h"
#include "support/time_zone.h"

namespace limber::testing {

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { use_suite_time_zone(); }

  CliResult run(std::vector<std::string> args, const std::string& input = "",
                bool interactive = false) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const cli::Invocation invocation{
        .args = std::move(args),
        .now = now_,
        .env = [this](const char* name) -> std::optional<std::string> {
          const std::string key(name);
          if (key == "LIMBER_HOME")
            return home_.string();
          if (key == "LIMBER_BUSY_TIMEOUT_MS")
            return "20";
          return std::nullopt;
        },
        .io = {in, out, err, interactive},
    };
    const int code = cli::run(invocation);
    return {code, out.str(), err.str()};
  }

  [[nodiscard]] std::filesystem::path db_path() const { return home_ / "limber.db"; }

  TempDir dir_;
  std::filesystem::path home_ = dir_.path();  // LIMBER_HOME; a test may point it elsewhere
  core::Instant now_ = kNoon;
};

}  // namespace limber::testing
