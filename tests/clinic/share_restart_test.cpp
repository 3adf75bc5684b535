// The clinic's database restarts while a real `limber` shares with a real `limber-clinic
// serve`: on a cluster of this test's own (scripts/clinic-pg), so restarting it disturbs no
// other test. An upload while the database is away gets a clear 503 (no hang, no crash),
// `limber share` says the records were not taken and that the next send sends them, the
// clinic's pooled connections are replaced by themselves once the database is back, and
// at the end the clinic holds exactly the diary's records: none lost, none doubled.
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clinic/clinic_process.h"
#include "clinic/migrations.h"
#include "clinic/pg.h"
#include "clinic/therapist_login.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::clinic {
namespace {

using testing::ClinicProcess;
using testing::run_shell;
using testing::ShellResult;
using testing::TempDir;

constexpr int kWalks = 1500;  // four uploads of at most 400 records, and some

class ClinicShareRestartTest : public ::testing::Test {
 protected:
  ClinicShareRestartTest() {
    // The postgres user (under root) must pass through the test's folder to its own.
    std::filesystem::permissions(folder_.path(), std::filesystem::perms::owner_all |
                                                     std::filesystem::perms::group_exec |
                                                     std::filesystem::perms::others_exec);
    pg_dir_ = (folder_.path() / "pg").string();
    if (cluster("start").code != 0)
      throw std::runtime_error("scripts/clinic-pg could not start PostgreSQL");
    auto admin = connect("postgres", "postgres");
    if (!admin.execute("CREATE DATABASE clinic OWNER limber_clinic_owner TEMPLATE template0"))
      throw std::runtime_error("could not make the database");
    auto owner = connect("clinic", "limber_clinic_owner");
    if (!migrate(owner))
      throw std::runtime_error("could not migrate");
    const auto north = add_clinic(owner, "North clinic").value();
    (void)add_therapist(owner, north, "ann@north.example", "Ann", "a long enough password",
                        app::system_random_bytes, PasswordCost{1, 1024, 1})
        .value();
    server_ = std::make_unique<ClinicProcess>(std::vector<std::string>{
        LIMBER_CLINIC_BINARY, "--database", conninfo("clinic", "limber_clinic_app"), "serve",
        "--port", "0", "--trial-ca", (folder_.path() / "ca").string()});
  }
  ~ClinicShareRestartTest() override {
    server_.reset();
    (void)cluster("stop");
  }
  ClinicShareRestartTest(const ClinicShareRestartTest&) = delete;
  ClinicShareRestartTest& operator=(const ClinicShareRestartTest&) = delete;
  ClinicShareRestartTest(ClinicShareRestartTest&&) = delete;
  ClinicShareRestartTest& operator=(ClinicShareRestartTest&&) = delete;

  // scripts/clinic-pg ACTION on this test's cluster: start, halt, resume, restart, stop.
  ShellResult cluster(const std::string& action) const {
    return run_shell(fmt::format("'{}/scripts/clinic-pg' {} '{}' >/dev/null", LIMBER_SOURCE_DIR,
                                 action, pg_dir_));
  }
  std::string conninfo(const std::string& database, const std::string& role) const {
    return fmt::format("host={} dbname={} user={}", pg_dir_, database, role);
  }
  pg::Connection connect(const std::string& database, const std::string& role) const {
    auto connection = pg::Connection::open(conninfo(database, role));
    if (!connection)
      throw std::runtime_error(connection.error().message);
    return std::move(*connection);
  }

  ShellResult limber(const std::string& arguments) const {
    return run_shell(fmt::format("LIMBER_SHARE_AFTER_LOG=0 LIMBER_HOME='{}' '{}' {} </dev/null",
                                 (folder_.path() / "home").string(), LIMBER_BINARY, arguments));
  }
  std::string invitation() const {
    const auto made =
        run_shell(fmt::format("'{}' --database '{}' invite --therapist ann@north.example",
                              LIMBER_CLINIC_BINARY, conninfo("clinic", "limber_clinic_owner")));
    return made.out.substr(std::string("Invitation for Ann: ").size(), 11);
  }

  // The clinic's rows, and how many distinct identifiers they have.
  std::pair<std::int64_t, std::int64_t> held() const {
    auto admin = connect("clinic", "postgres");
    const auto rows =
        admin.query("SELECT count(*), count(DISTINCT identifier) FROM clinic.observations").value();
    return {rows.integer(0, 0), rows.integer(0, 1)};
  }

  TempDir folder_;
  std::string pg_dir_;
  std::unique_ptr<ClinicProcess> server_;
};

TEST_F(ClinicShareRestartTest, NothingIsLostOrDoubledWhenTheDatabaseRestarts) {
  ASSERT_EQ(limber("log 4 lower-back --at '2h ago'").code, 0);
  const auto shared =
      limber(fmt::format("share --clinic {} --code {} --clinic-ca '{}' --yes", server_->address(),
                         invitation(), (folder_.path() / "ca" / "ca.pem").string()));
  ASSERT_EQ(shared.code, 0) << shared.out;
  EXPECT_EQ(held().first, 1);

  // Restarted between two sends: the clinic's kept connections are dead; the next upload
  // is taken all the same, on a new one.
  ASSERT_EQ(cluster("restart").code, 0);
  ASSERT_EQ(limber("log 5 neck --at '1h ago'").code, 0);
  const auto after_restart = limber("share");
  ASSERT_EQ(after_restart.code, 0) << after_restart.out;
  EXPECT_NE(after_restart.out.find("Sent 1 new"), std::string::npos) << after_restart.out;
  EXPECT_EQ(held().first, 2);

  // Away: a clear answer, nothing marked sent, and the clinic's server still runs.
  ASSERT_EQ(cluster("halt").code, 0);
  ASSERT_EQ(limber("log 6 neck").code, 0);
  const auto away = limber("share");
  EXPECT_NE(away.code, 0);
  EXPECT_NE(away.out.find("could not take your records now"), std::string::npos) << away.out;
  EXPECT_NE(away.out.find("not answering"), std::string::npos) << away.out;
  EXPECT_NE(away.out.find("the next limber share sends them"), std::string::npos) << away.out;
  EXPECT_NE(limber("share --status").out.find("Waiting to be sent: 1."), std::string::npos);
  ASSERT_EQ(cluster("resume").code, 0);
  const auto back = limber("share");
  ASSERT_EQ(back.code, 0) << back.out;
  EXPECT_NE(back.out.find("Sent 1 new"), std::string::npos) << back.out;
  EXPECT_EQ(held(), std::make_pair(std::int64_t{3}, std::int64_t{3}));

  // Restarted while a long send is on its way (several uploads): whatever the send in
  // flight says, the next one completes it, and the clinic holds each record once.
  ASSERT_EQ(
      run_shell(fmt::format("sqlite3 '{}' \"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i "
                            "+ 1 FROM n WHERE i < {}) INSERT INTO entries (kind, at, utc_offset, "
                            "minutes) SELECT 'walk', strftime('%s', 'now') - 86400 - i * 600, 0, "
                            "20 FROM n\"",
                            (folder_.path() / "home" / "limber.db").string(), kWalks))
          .code,
      0);
  ShellResult in_flight;
  std::thread sending([&] { in_flight = limber("share"); });
  // The restart comes once the first upload arrived (or the send ended), a bounded wait.
  for (int i = 0; i < 600 && held().first <= 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_EQ(cluster("restart").code, 0);
  sending.join();
  if (in_flight.code != 0) {
    EXPECT_NE(in_flight.out.find("the next limber share sends them"), std::string::npos)
        << in_flight.out;
  }
  const auto caught_up = limber("share");
  ASSERT_EQ(caught_up.code, 0) << caught_up.out;
  EXPECT_NE(limber("share --status").out.find("Waiting to be sent: 0."), std::string::npos);
  EXPECT_EQ(held(), std::make_pair(std::int64_t{3 + kWalks}, std::int64_t{3 + kWalks}));
}

}  // namespace
}  // namespace limber::clinic
