#include "cli/share_background.h"

#include <charconv>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/files.h"
#include "app/local_time.h"
#include "app/share_service.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "store/share_store.h"

namespace limber::cli {
namespace {

// One background send at a time: a second waits for the first (flock, released at close).
class SendLock {
 public:
  explicit SendLock(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (fd_ >= 0)
      (void)::flock(fd_, LOCK_EX);
  }
  SendLock(const SendLock&) = delete;
  SendLock& operator=(const SendLock&) = delete;
  SendLock(SendLock&&) = delete;
  SendLock& operator=(SendLock&&) = delete;
  ~SendLock() {
    if (fd_ >= 0)
      ::close(fd_);
  }

 private:
  int fd_;
};

}  // namespace

void share_in_background(Context& context) {
  if (const auto off = context.env()("LIMBER_SHARE_AFTER_LOG"); off && *off == "0")
    return;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error || self.filename() != "limber")
    return;
  const auto db = context.database();
  if (!db)
    return;
  const auto clinic = store::ShareStore(**db).clinic();
  if (!clinic || !*clinic || (*clinic)->stopping)
    return;
  const auto data_dir = context.data_dir();
  if (!data_dir)
    return;
  std::vector<std::string> args{"limber", "--data-dir", data_dir->string(), "share",
                                "--background"};
  std::vector<char*> argv;
  for (std::string& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  context.io().out.flush();
  context.io().err.flush();
  const pid_t child = ::fork();
  if (child < 0)
    return;
  if (child == 0) {
    // Its own session, and orphaned at once (adopted by init): nothing waits for it, and a
    // terminal closed after the log does not end it.
    ::setsid();
    if (::fork() != 0)
      ::_exit(0);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    // The diary's file stays the log's: the send opens its own (locks are per process).
    ::close_range(3, ~0U, 0);
    ::execv(self.c_str(), argv.data());
    ::_exit(127);
  }
  (void)::waitpid(child, nullptr, 0);
}

core::Result<void> run_background_share(Context& context, app::ShareService& share) {
  LIMBER_TRY_ASSIGN(const auto data_dir, context.data_dir());
  const SendLock lock(data_dir / "share.lock");
  LIMBER_TRY_ASSIGN(const auto clinic, share.clinic());
  if (!clinic)
    return {};
  const auto sent = share.sync();
  const auto failed = data_dir / kShareFailedFile;
  if (sent) {
    forget_background_failure(context);
    return {};
  }
  LIMBER_TRY(app::write_file_atomically(
      failed, fmt::format("{}\n{}\n", context.now().instant.time_since_epoch().count(),
                          sent.error().message)));
  return core::Unexpected(sent.error());
}

void forget_background_failure(const Context& context) {
  if (const auto data_dir = context.data_dir()) {
    std::error_code ignored;
    std::filesystem::remove(*data_dir / kShareFailedFile, ignored);
  }
}

std::optional<std::string> background_failure(const Context& context) {
  const auto data_dir = context.data_dir();
  if (!data_dir)
    return std::nullopt;
  const auto text = app::read_file(*data_dir / kShareFailedFile);
  if (!text)
    return std::nullopt;
  const auto line = text->find('\n');
  if (line == std::string::npos)
    return std::nullopt;
  std::int64_t seconds = 0;
  if (std::from_chars(text->data(), text->data() + line, seconds).ec != std::errc{})
    return std::nullopt;
  std::string sentence = text->substr(line + 1);
  while (!sentence.empty() && sentence.back() == '\n')
    sentence.pop_back();
  const core::Instant at{std::chrono::seconds(seconds)};
  return fmt::format("at {}: {}", short_time(core::to_local(at, app::utc_offset_at(at))), sentence);
}

}  // namespace limber::cli
