// The patient's real `limber` (its own data folder) shares with a real `limber-clinic
// serve` over HTTPS, trusting only the clinic's trial CA: the caseload shows the patient, a
// red-flag check moves them first, a resend doubles nothing, a send while the clinic is
// down is caught up when it is back, and `--stop` deletes every row.
#include <chrono>
#include <memory>
#include <thread>

#include <gtest/gtest.h>

#include "clinic/clinic_process.h"
#include "clinic/patient_page.h"
#include "clinic/patient_reads.h"
#include "clinic/pg_cluster.h"
#include "clinic/therapist_login.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::clinic {
namespace {

using testing::ClinicProcess;
using testing::kAppRole;
using testing::kOwnerRole;
using testing::kSuperuser;
using testing::run_shell;
using testing::ShellResult;
using testing::TempDir;
using testing::TestDatabase;

class ClinicShareEndToEndTest : public ::testing::Test {
 protected:
  ClinicShareEndToEndTest() {
    database_.migrate();
    auto owner = database_.connect(kOwnerRole);
    const auto north = add_clinic(owner, "North clinic").value();
    (void)add_therapist(owner, north, "ann@north.example", "Ann", "a long enough password",
                        app::system_random_bytes, PasswordCost{1, 1024, 1})
        .value();
    // Logged in, as the therapist's page is: the database acts for a session's therapist.
    auto app = database_.connect(kAppRole);
    ann_ = log_in(app, "ann@north.example", "a long enough password",
                  core::Instant{std::chrono::seconds(now_seconds())}, app::system_random_bytes)
               .value()
               .therapist;
    start("0");
  }

  void start(const std::string& port) {
    server_ = std::make_unique<ClinicProcess>(std::vector<std::string>{
        LIMBER_CLINIC_BINARY, "--database", database_.conninfo(kAppRole), "serve", "--port", port,
        "--trial-ca", (folder_.path() / "ca").string()});
  }
  [[nodiscard]] std::string port() const {
    return server_->address().substr(server_->address().rfind(':') + 1);
  }

  // The patient's limber, with its own data folder; `limber log` starts no send of its own
  // unless a test asks for it (share_after_log_), so the sends are the test's.
  ShellResult limber(const std::string& arguments) const {
    return run_shell(fmt::format("LIMBER_SHARE_AFTER_LOG={} LIMBER_HOME='{}' '{}' {} </dev/null",
                                 share_after_log_ ? 1 : 0, (folder_.path() / "home").string(),
                                 LIMBER_BINARY, arguments));
  }
  // Waits (a bounded wait) until `done` holds; whether it does.
  template <class Done>
  static bool eventually(Done done) {
    for (int i = 0; i < 1200; ++i) {
      if (done())
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
  }

  std::string invitation() const {
    const auto made =
        run_shell(fmt::format("'{}' --database '{}' invite --therapist ann@north.example",
                              LIMBER_CLINIC_BINARY, database_.conninfo(kOwnerRole)));
    return made.out.substr(std::string("Invitation for Ann: ").size(), 11);
  }

  std::vector<std::string> caseload() {
    auto app = database_.connect(kAppRole);
    std::vector<std::string> rows;
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const auto caseload = read_caseload(app, ann_, now + 60).value();
    rows.reserve(caseload.size());
    for (const auto& row : caseload)
      rows.push_back(row.display_name + ":" + row.need);
    return rows;
  }

  std::int64_t rows(const std::string& where = "true") {
    auto admin = database_.connect(kSuperuser);
    return admin.query("SELECT count(*) FROM clinic.observations WHERE " + where)
        .value()
        .integer(0, 0);
  }

  std::string diary() const { return (folder_.path() / "home" / "limber.db").string(); }
  ShellResult sqlite(const std::string& sql) const {
    return run_shell(fmt::format("sqlite3 '{}' \"{}\"", diary(), sql));
  }
  static std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  // Dee's page for the last two weeks, as the therapist's page and PDF build it.
  core::Report report_of(std::int64_t patient) {
    auto app = database_.connect(kAppRole);
    const auto header = read_patient(app, ann_, patient).value().value();
    const auto today = std::chrono::floor<std::chrono::days>(
        std::chrono::local_seconds(std::chrono::seconds(now_seconds())));
    const PageDays page{today - std::chrono::days(13), today + std::chrono::days(1)};
    const auto [since, until] = observation_window(page);
    const auto observations = read_observations(app, ann_, patient, since, until).value();
    return patient_report(header, records_of(observations), page);
  }

  bool share_after_log_ = false;
  TestDatabase database_;
  TempDir folder_;
  Therapist ann_;
  std::unique_ptr<ClinicProcess> server_;
};

TEST_F(ClinicShareEndToEndTest, APatientSharesSyncsCatchesUpAndStops) {
  ASSERT_EQ(limber("log 4 lower-back --at '2h ago'").code, 0);
  ASSERT_EQ(limber("log 5 lower-back neck:3 --at '1h ago' --note 'after the stairs'").code, 0);
  // Another patient, steady, so the order has something to change.
  {
    auto admin = database_.connect(kSuperuser);
    ASSERT_TRUE(admin
                    .execute("INSERT INTO clinic.patients (clinic_id, therapist_id, display_name) "
                             "VALUES ($1::bigint, $2::bigint, 'Calm')",
                             {std::to_string(ann_.clinic_id), std::to_string(ann_.id)})
                    .has_value());
  }
  const auto ca = (folder_.path() / "ca" / "ca.pem").string();
  const auto url = server_->address();

  // Plain http is refused, and so is a clinic whose certificate this computer cannot check.
  const auto plain =
      limber("share --clinic http://127.0.0.1:" + port() + " --code " + invitation() + " --yes");
  EXPECT_NE(plain.code, 0);
  EXPECT_NE(plain.out.find("not an https:// address"), std::string::npos) << plain.out;
  const auto unverified =
      limber(fmt::format("share --clinic {} --code {} --yes", url, invitation()));
  EXPECT_NE(unverified.code, 0);
  EXPECT_NE(unverified.out.find("did not prove who it is"), std::string::npos) << unverified.out;
  EXPECT_EQ(rows(), 0);

  const auto shared =
      limber(fmt::format("share --clinic {} --code {} --clinic-ca '{}' --name Dee "
                         "--yes",
                         url, invitation(), ca));
  ASSERT_EQ(shared.code, 0) << shared.out;
  EXPECT_NE(shared.out.find("2 pain ratings"), std::string::npos) << shared.out;
  EXPECT_NE(shared.out.find("not your notes"), std::string::npos) << shared.out;
  EXPECT_NE(shared.out.find("2 records sent"), std::string::npos) << shared.out;
  // The first entry's rating; the second's with its two regions.
  EXPECT_EQ(rows(), 4);
  EXPECT_EQ(rows("resource::text LIKE '%after the stairs%'"), 0);
  EXPECT_EQ(caseload(), (std::vector<std::string>{"Calm:no-entry", "Dee:steady"}));

  // A red flag: the next send puts Dee first.
  ASSERT_EQ(limber("check --answers bladder").code, 0);
  const auto synced = limber("share");
  ASSERT_EQ(synced.code, 0) << synced.out;
  EXPECT_NE(synced.out.find("Sent 1 new or changed records"), std::string::npos) << synced.out;
  EXPECT_EQ(caseload().front(), "Dee:emergency-check");
  const auto count = rows();
  EXPECT_EQ(count, 6);  // the check's answers and its level

  // Sending again sends nothing new; a full resend (limber's memory of what was sent lost)
  // replaces, never doubles.
  EXPECT_NE(limber("share").out.find("Sent 0 new"), std::string::npos);
  ASSERT_EQ(run_shell(fmt::format("sqlite3 '{}' 'DELETE FROM share_sent'",
                                  (folder_.path() / "home" / "limber.db").string()))
                .code,
            0);
  EXPECT_NE(limber("share").out.find("Sent 3 new or changed records"), std::string::npos);
  EXPECT_EQ(rows(), count);

  // The clinic is down: the send fails and is kept; back up, it catches up.
  const std::string same_port = port();
  ASSERT_EQ(server_->stop(), 0);
  ASSERT_EQ(limber("log 6 neck").code, 0);
  const auto offline = limber("share");
  EXPECT_NE(offline.code, 0);
  EXPECT_NE(offline.out.find("cannot be reached"), std::string::npos) << offline.out;
  EXPECT_NE(limber("share --status").out.find("Waiting to be sent: 1."), std::string::npos);
  start(same_port);
  EXPECT_NE(limber("share").out.find("Sent 1 new"), std::string::npos);
  EXPECT_EQ(rows(), count + 1);
  EXPECT_NE(limber("share --status").out.find("Waiting to be sent: 0."), std::string::npos);

  const auto stopped = limber("share --stop");
  ASSERT_EQ(stopped.code, 0) << stopped.out;
  EXPECT_NE(stopped.out.find(fmt::format("deleted {} records", count + 1)), std::string::npos)
      << stopped.out;
  EXPECT_EQ(rows(), 0);
  EXPECT_EQ(caseload(), (std::vector<std::string>{"Calm:no-entry"}));
  EXPECT_NE(limber("share --status").out.find("shares with no clinic"), std::string::npos);
}

// Everything the diary holds reaches the clinic from a real limber: walks, sessions with
// their pain before and after, reliefs, PSFS ratings and a day's sitting, so the caseload's
// PSFS change and active days and the patient's report (the PDF's sessions, reliefs,
// walks and sitting) see them. A record deleted from the diary is deleted at the clinic at
// the next send, an edited one holds its new value once.
TEST_F(ClinicShareEndToEndTest, EveryKindReachesTheClinicAndADeletionToo) {
  ASSERT_EQ(limber("log 4 lower-back --mobility walk --at '3h ago'").code, 0);  // entry 1
  ASSERT_EQ(limber("log walk 25 --at '3h ago'").code, 0);                       // entry 2
  const auto session = limber(
      "log session --exercises yoga-cat-cow --pain-before 5 --pain-after 3 --minutes 12 "
      "--at '2h ago'");  // entry 3
  ASSERT_EQ(session.code, 0) << session.out;
  ASSERT_EQ(limber("log relief heat 'hot water bottle' --at '1h ago'").code, 0);  // entry 4
  ASSERT_EQ(limber("function add 'put on socks'").code, 0);
  ASSERT_EQ(limber("function rate 'put on socks' 3").code, 0);
  // The first rating a week earlier, the second today: a change of +3.
  ASSERT_EQ(sqlite("UPDATE function_ratings SET at = at - 7 * 86400").code, 0);
  ASSERT_EQ(limber("function rate 'put on socks' 6").code, 0);
  // What limber watch records: two stretches of sitting (40 and 20 minutes) and a break.
  const auto start = now_seconds() - std::int64_t{4} * 3600;
  ASSERT_EQ(sqlite(fmt::format("INSERT INTO sitting_bouts (started_at, ended_at, utc_offset) "
                               "VALUES ({0}, {0} + 2400, 0), ({0} + 2700, {0} + 3900, 0); "
                               "INSERT INTO sitting_breaks (started_at, ended_at, utc_offset, "
                               "kind) VALUES ({0} + 2400, {0} + 2700, 0, 'confirmed')",
                               start))
                .code,
            0);

  const auto shared = limber(
      fmt::format("share --clinic {} --code {} --clinic-ca '{}' --name Dee --yes",
                  server_->address(), invitation(), (folder_.path() / "ca" / "ca.pem").string()));
  ASSERT_EQ(shared.code, 0) << shared.out;
  for (const char* words : {"1 pain rating", "1 walk", "1 exercise session", "1 relief you used",
                            "2 ratings of activities you find hard", "1 day of sitting"})
    EXPECT_NE(shared.out.find(words), std::string::npos) << words << "\n" << shared.out;
  EXPECT_EQ(rows("code = 'walk'"), 1);
  EXPECT_EQ(rows("code = 'session'"), 1);
  EXPECT_EQ(rows("code = 'relief'"), 1);
  EXPECT_EQ(rows("code = 'psfs'"), 2);
  EXPECT_EQ(rows("code = 'sitting'"), 1);

  auto app = database_.connect(kAppRole);
  const auto caseload = read_caseload(app, ann_, now_seconds() + 60).value();
  ASSERT_EQ(caseload.size(), 1U);
  EXPECT_EQ(caseload[0].psfs_change, "3.0");
  EXPECT_GE(caseload[0].active_days, 2);  // today, and the first rating's day a week ago

  const auto report = report_of(caseload[0].id);
  ASSERT_EQ(report.sessions.size(), 1U);
  EXPECT_EQ(report.sessions[0].pain_before, 5);
  EXPECT_EQ(report.sessions[0].pain_after, 3);
  EXPECT_EQ(report.sessions[0].minutes, 12);
  ASSERT_EQ(report.reliefs.size(), 1U);
  EXPECT_EQ(report.reliefs[0].name, "hot water bottle");
  EXPECT_TRUE(report.has_sitting());
  int walked = 0;
  int bouts = 0;
  std::chrono::seconds sat{0};
  for (const auto& week : report.activity) {
    walked += week.walk_minutes;
    bouts += week.sitting_bouts;
    sat += week.sat;
  }
  EXPECT_EQ(walked, 25);
  EXPECT_EQ(bouts, 2);
  EXPECT_EQ(sat, std::chrono::minutes(60));
  EXPECT_EQ(report.mobility_at_end, core::Mobility::kWalk);  // as the pain rating said

  // The walk deleted from the diary is deleted at the clinic, once, and audited.
  ASSERT_EQ(limber("delete 2 --yes").code, 0);
  EXPECT_NE(limber("share --status").out.find("Waiting to be deleted at the clinic"),
            std::string::npos);
  const auto synced = limber("share");
  ASSERT_EQ(synced.code, 0) << synced.out;
  EXPECT_NE(synced.out.find("Deleted at the clinic: 1 record"), std::string::npos) << synced.out;
  EXPECT_EQ(rows("code = 'walk'"), 0);
  EXPECT_EQ(rows("code = 'session'"), 1);
  {
    auto admin = database_.connect(kSuperuser);
    EXPECT_EQ(admin
                  .query("SELECT count(*) FROM clinic.audit WHERE action = 'patient deleted "
                         "records' AND rows_read = 1")
                  .value()
                  .integer(0, 0),
              1);
  }
  const auto again = limber("share");
  EXPECT_EQ(again.out.find("Deleted at the clinic"), std::string::npos) << again.out;

  // An edited rating is sent again and held once, with its new value; a region taken out
  // of an entry leaves nothing behind.
  ASSERT_EQ(limber("log 5 lower-back neck:3 --at '30 minutes ago'").code, 0);  // entry 5
  ASSERT_EQ(limber("share").code, 0);
  EXPECT_EQ(rows("identifier LIKE '%|entry-5-%'"), 3);
  ASSERT_EQ(limber("edit 5 --pain 7 --regions neck").code, 0);
  ASSERT_EQ(limber("share").code, 0);
  EXPECT_EQ(rows("identifier LIKE '%|entry-5-%'"), 1);
  EXPECT_EQ(rows("identifier LIKE '%|entry-5-pain' AND resource->>'valueInteger' = '7'"), 1);
}

// A `limber log` in the terminal, when the diary shares, starts a `limber share` in the
// background: the entry reaches the clinic without another command, and a send that
// fails is shown by `limber share --status` and made up by the next send.
TEST_F(ClinicShareEndToEndTest, ALogInTheTerminalIsSentInTheBackground) {
  ASSERT_EQ(limber("log 4 lower-back --at '2h ago'").code, 0);
  const auto shared =
      limber(fmt::format("share --clinic {} --code {} --clinic-ca '{}' --yes", server_->address(),
                         invitation(), (folder_.path() / "ca" / "ca.pem").string()));
  ASSERT_EQ(shared.code, 0) << shared.out;
  ASSERT_EQ(rows(), 1);
  share_after_log_ = true;

  const auto logged = limber("log 6 neck");

  ASSERT_EQ(logged.code, 0) << logged.out;
  EXPECT_NE(logged.out.find("Saved #2"), std::string::npos) << logged.out;
  EXPECT_TRUE(eventually([&] { return rows() == 2; }));

  // The clinic away: the log still saves at once; the failure is kept for --status.
  const std::string same_port = port();
  ASSERT_EQ(server_->stop(), 0);
  ASSERT_EQ(limber("log 5 neck").code, 0);
  EXPECT_TRUE(eventually([&] {
    return limber("share --status").out.find("The last send after a limber log failed") !=
           std::string::npos;
  }));
  start(same_port);
  share_after_log_ = false;
  EXPECT_NE(limber("share").out.find("Sent 1 new"), std::string::npos);
  EXPECT_EQ(rows(), 3);
  EXPECT_EQ(limber("share --status").out.find("failed"), std::string::npos);
}

}  // namespace
}  // namespace limber::clinic
