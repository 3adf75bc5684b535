// What a loop that retries says in the terminal (limber serve's sharing, every
// kShareSyncEvery): a failure once, not at every turn; again when it changes; and one line
// when it works again. Before, an unreachable clinic printed two lines every 20 seconds.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace limber::cli {

class RetryReport {
 public:
  // True when `message` is news: the first failure, or another than the last.
  bool failed(std::string message) {
    if (last_ == message)
      return false;
    last_ = std::move(message);
    return true;
  }

  // True when this success ends failures: the turn to say it works again.
  bool succeeded() { return std::exchange(last_, std::nullopt).has_value(); }

 private:
  std::optional<std::string> last_;
};

}  // namespace limber::cli
