// The command line (cli::run) on any arguments: the input is split at newlines into up
// to 16 arguments and run in process, as `limber ARG...` in a fresh folder (the diary, and
// any file a command writes, go there). No crash, no undefined behaviour, no exception
// (cli::main would report one as "internal error"), and the exit code is one of 0, 1, 2.
//
// Left out: `serve` and `watch` (they run until stopped), the guided `session` (it waits
// for the person), and any argument with a '/' (it could name a file outside the folder).
// The diary goes through the power-loss VFS with the power on, so syncs cost nothing.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "cli/cli.h"
#include "durability/power_loss_vfs.h"
#include "fuzz_check.h"

namespace {

constexpr std::size_t kMaxArgs = 16;

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> args;
  while (args.size() < kMaxArgs) {
    const auto end = text.find('\n');
    args.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos)
      break;
    text.remove_prefix(end + 1);
  }
  return args;
}

bool runs_until_stopped(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.find('/') != std::string::npos || arg == "serve" || arg == "watch")
      return true;
    if (arg == "session" && (i == 0 || args[i - 1] != "log"))
      return true;
  }
  return false;
}

// A fresh, empty folder for each input, under one folder made once.
std::filesystem::path fresh_folder() {
  static const std::filesystem::path kRoot = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "limber-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      std::abort();
    return std::filesystem::path(pattern);
  }();
  const std::filesystem::path folder = kRoot / "run";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directory(folder);
  return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static limber::testing::PowerLossVfs vfs;
  const std::vector<std::string> args =
      split({reinterpret_cast<const char*>(data), size});  // NOLINT
  if (runs_until_stopped(args))
    return 0;
  vfs.reset();
  const std::filesystem::path folder = fresh_folder();
  // The command runs in its folder; the fuzzer's own relative paths (its corpus, where
  // it saves a finding) need the folder it was started in back afterwards.
  const std::filesystem::path started_in = std::filesystem::current_path();
  std::filesystem::current_path(folder);
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  const limber::cli::Invocation invocation{
      .args = args,
      .now = limber::core::Instant{std::chrono::seconds{1795777200}},
      .env = [&folder](const char* name) -> std::optional<std::string> {
        if (std::string_view(name) == "LIMBER_HOME")
          return folder.string();
        return std::nullopt;
      },
      .io = {in, out, err, false},
  };
  int code = -1;
  std::string exception;
  try {
    code = limber::cli::run(invocation);
  } catch (const std::exception& error) {
    exception = error.what();
  }
  std::filesystem::current_path(started_in);
  limber::fuzz::check(exception.empty(), "no exception escapes a command", exception);
  limber::fuzz::check(code >= 0 && code <= 2, "the exit code is 0, 1 or 2",
                      std::to_string(code) + ": " + err.str());
  return 0;
}
