// Connections to the clinic's database for the server's threads: one is taken for a
// request and given back after, opened when none is free. A kept connection the database
// dropped meanwhile (it restarted, or ended idle sessions) is found lost when used: the
// request is then run once more on a fresh connection. A connection whose request failed
// is not kept.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "clinic/pg.h"
#include "core/result.h"

namespace limber::clinic {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::string conninfo) : conninfo_(std::move(conninfo)) {}

  // Runs `use` with a connection; keeps it for the next request unless `use` failed.
  template <class Use>
  auto with_connection(Use&& use) -> decltype(use(std::declval<pg::Connection&>())) {
    auto connection = take();
    const bool kept = connection != nullptr;
    if (!kept) {
      auto opened = open();
      if (!opened)
        return core::Unexpected(opened.error());
      connection = std::move(*opened);
    }
    auto result = use(*connection);
    if (!result && kept && connection->is_broken()) {
      // Lost before or while it ran: once more. The API's requests are safe to repeat (at
      // worst a login leaves a second session, or one wrong password counts twice).
      auto opened = open();
      if (!opened)
        return core::Unexpected(opened.error());
      connection = std::move(*opened);
      result = use(*connection);
    }
    if (result) {
      const std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    return result;
  }

 private:
  std::unique_ptr<pg::Connection> take() {
    const std::lock_guard lock(mutex_);
    if (idle_.empty())
      return nullptr;
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }
  core::Result<std::unique_ptr<pg::Connection>> open() {
    LIMBER_TRY_ASSIGN(auto connection, pg::Connection::open(conninfo_));
    return std::make_unique<pg::Connection>(std::move(connection));
  }

  std::string conninfo_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<pg::Connection>> idle_;
};

}  // namespace limber::clinic
