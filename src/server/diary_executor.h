// Runs the API's work one job at a time on a thread of its own, with a full-size stack.
// CivetWeb's Debian build gives its request threads 100 KiB stacks: too small for drawing
// a report (freetype's autofitter overflowed it under AddressSanitizer) and tight for
// SQLite. The diary is one SQLite connection anyway, so its work is serialized here.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace limber::server {

class DiaryExecutor {
 public:
  // Starts the thread: it inherits the caller's signal mask.
  DiaryExecutor();
  DiaryExecutor(const DiaryExecutor&) = delete;
  DiaryExecutor& operator=(const DiaryExecutor&) = delete;
  DiaryExecutor(DiaryExecutor&&) = delete;
  DiaryExecutor& operator=(DiaryExecutor&&) = delete;
  // Runs the jobs already given, then ends the thread.
  ~DiaryExecutor();

  // Runs `job` on the executor's thread and waits for it; an exception it throws is
  // thrown here. Safe from any thread.
  void run(std::function<void()> job);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts after the members it uses
};

}  // namespace limber::server
