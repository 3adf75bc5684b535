// A real PostgreSQL 15 for the clinic's tests. ctest starts one cluster for the suite
// (scripts/clinic-pg, the clinic_pg fixture) and names its socket folder in
// LIMBER_CLINIC_PGHOST; run by hand, the binary starts its own once and stops it at exit.
// Each test then makes a fresh database in it (TestDatabase), dropped at the end.
#pragma once

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <unistd.h>

#include "clinic/migrations.h"
#include "clinic/pg.h"
#include "support/temp_dir.h"

namespace limber::testing {

class PgCluster {
 public:
  // The socket folder (libpq's host) of the suite's cluster.
  static const std::string& host() {
    static const PgCluster kCluster;
    return kCluster.host_;
  }

  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;
  PgCluster(PgCluster&&) = delete;
  PgCluster& operator=(PgCluster&&) = delete;
  ~PgCluster() {
    if (own_)
      stop();
  }

 private:
  PgCluster() {
    if (const char* given = std::getenv("LIMBER_CLINIC_PGHOST"); given != nullptr) {
      host_ = given;
      return;
    }
    // The postgres user (under root) must pass through the test's folder to its own.
    std::filesystem::permissions(folder_.path(), std::filesystem::perms::owner_all |
                                                     std::filesystem::perms::group_exec |
                                                     std::filesystem::perms::others_exec);
    host_ = (folder_.path() / "pg").string();
    stop_command_ = command("stop");
    own_ = true;
    run("start");
  }

  [[nodiscard]] std::string command(const char* action) const {
    return fmt::format("'{}/scripts/clinic-pg' {} '{}' >/dev/null", LIMBER_SOURCE_DIR, action,
                       host_);
  }
  void run(const char* action) const {
    if (std::system(command(action).c_str()) != 0)
      throw std::runtime_error("scripts/clinic-pg could not start PostgreSQL");
  }
  // The command was made in the constructor: nothing in the destructor may throw.
  void stop() const noexcept { (void)std::system(stop_command_.c_str()); }

  TempDir folder_;
  std::string host_;
  std::string stop_command_;
  bool own_ = false;
};

// The roles of src/clinic/roles.sql, made in the cluster by scripts/clinic-pg.
inline constexpr const char* kOwnerRole = "limber_clinic_owner";
inline constexpr const char* kAppRole = "limber_clinic_app";
inline constexpr const char* kSuperuser = "postgres";

// A database of its own for one test, owned by limber_clinic_owner; dropped at the end.
class TestDatabase {
 public:
  TestDatabase() : name_(fmt::format("t{}_{}", getpid(), next_number())) {
    auto admin = connect_to("postgres", kSuperuser);
    auto made = admin.execute(
        fmt::format("CREATE DATABASE {} OWNER {} TEMPLATE template0", name_, kOwnerRole));
    if (!made)
      throw std::runtime_error(made.error().message);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  TestDatabase(TestDatabase&&) = delete;
  TestDatabase& operator=(TestDatabase&&) = delete;
  ~TestDatabase() {
    auto admin = clinic::pg::Connection::open(conninfo_of("postgres", kSuperuser));
    if (admin)
      (void)admin->execute(fmt::format("DROP DATABASE {} WITH (FORCE)", name_));
  }

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string conninfo(const char* role) const { return conninfo_of(name_, role); }
  [[nodiscard]] clinic::pg::Connection connect(const char* role) const {
    return connect_to(name_, role);
  }
  // The database migrated to the newest schema by its owner.
  void migrate() const {
    auto owner = connect(kOwnerRole);
    if (auto done = clinic::migrate(owner); !done)
      throw std::runtime_error(done.error().message);
  }

 private:
  static int next_number() {
    static std::atomic<int> number{0};
    return ++number;
  }
  static std::string conninfo_of(const std::string& database, const char* role) {
    return fmt::format("host={} dbname={} user={}", PgCluster::host(), database, role);
  }
  static clinic::pg::Connection connect_to(const std::string& database, const char* role) {
    auto connection = clinic::pg::Connection::open(conninfo_of(database, role));
    if (!connection)
      throw std::runtime_error(connection.error().message);
    return std::move(*connection);
  }

  std::string name_;
};

}  // namespace limber::testing
