// Connections to the clinic's database for the server's threads: one is taken for a
// request and given back after, opened when none is free. A connection that failed
// (the database restarted) is dropped instead of given back, so the next request opens a
// fresh one.
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
    std::unique_ptr<pg::Connection> connection;
    {
      const std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        connection = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!connection) {
      auto opened = pg::Connection::open(conninfo_);
      if (!opened)
        return core::Unexpected(opened.error());
      connection = std::make_unique<pg::Connection>(std::move(*opened));
    }
    auto result = use(*connection);
    if (result) {
      const std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    return result;
  }

 private:
  std::string conninfo_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<pg::Connection>> idle_;
};

}  // namespace limber::clinic
