// Two real limber-clinic processes over HTTPS on one database: a therapist logs in on one
// and is known to the other, since sessions live in the database. curl is the client.
#include <gtest/gtest.h>

#include "clinic/clinic_process.h"
#include "clinic/migrations.h"
#include "clinic/pg_cluster.h"
#include "clinic/seed.h"
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
using testing::Seed;
using testing::TempDir;
using testing::TestDatabase;

constexpr const char* kPassword = "a long enough password";

class ClinicServeTest : public ::testing::Test {
 protected:
  ClinicServeTest() {
    database_.migrate();
    auto owner = database_.connect(kOwnerRole);
    const auto north = add_clinic(owner, "North clinic").value();
    ann_ = add_therapist(owner, north, "ann@north.example", "Ann", kPassword,
                         app::system_random_bytes, PasswordCost{1, 1024, 1})
               .value();
    auto admin = database_.connect(kSuperuser);
    Seed seed(admin);
    const auto calm = seed.patient(ann_, "Calm");
    calm_ = calm;
    seed.observation(calm, "pain-1", now() - 3600, 3);
    const auto bob = seed.therapist(ann_.clinic_id, "bob@north.example");
    bobs_patient_ = seed.patient(bob, "Bob's patient");
    const auto flagged = seed.patient(ann_, "Flagged");
    seed.observation(flagged, "pain-1", now() - 3600, 3);
  }

  static std::int64_t now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  std::vector<std::string> serve_arguments() const {
    return {LIMBER_CLINIC_BINARY,
            "--database",
            database_.conninfo(kAppRole),
            "serve",
            "--port",
            "0",
            "--trial-ca",
            (folder_.path() / "ca").string()};
  }

  // curl trusting the trial CA, keeping cookies in the test's jar; the body, then the status.
  std::string curl(const std::string& arguments) const {
    return run_shell(fmt::format("curl -s --max-time 30 --cacert '{}' -b '{}' -c '{}' "
                                 "-w ' %{{http_code}}' {}",
                                 (folder_.path() / "ca" / "ca.pem").string(),
                                 (folder_.path() / "jar").string(),
                                 (folder_.path() / "jar").string(), arguments))
        .out;
  }

  std::string log_in(const ClinicProcess& server) const {
    return curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                            kPassword, server.address()));
  }

  TestDatabase database_;
  TempDir folder_;
  Therapist ann_;
  std::int64_t calm_ = 0;
  std::int64_t bobs_patient_ = 0;
};

TEST_F(ClinicServeTest, TwoProcessesServeTheSameTherapistFromTheDatabase) {
  ClinicProcess first(serve_arguments());
  ClinicProcess second(serve_arguments());
  ASSERT_NE(first.address(), second.address());

  const auto login =
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                       kPassword, first.address()));
  const auto caseload = curl(second.address() + "/api/caseload");

  EXPECT_EQ(login, fmt::format(R"({{"clinic":{},"therapist":{}}} 200)", ann_.clinic_id, ann_.id));
  EXPECT_NE(caseload.find(R"("name":"Calm")"), std::string::npos) << caseload;
  EXPECT_TRUE(caseload.ends_with(" 200")) << caseload;

  // Logging out on the second ends the session on the first too.
  EXPECT_TRUE(curl("-X POST " + second.address() + "/api/logout").ends_with(" 200"));
  EXPECT_EQ(curl(first.address() + "/api/caseload"),
            R"({"error":"Log in first: your session has ended or was never started."} 401)");
  EXPECT_EQ(first.stop(), 0);
  EXPECT_EQ(second.stop(), 0);
}

TEST_F(ClinicServeTest, TheCaseloadOrderChangesWhenAPatientLogsARedFlag) {
  ClinicProcess server(serve_arguments());
  ASSERT_TRUE(
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                       kPassword, server.address()))
          .ends_with(" 200"));
  const auto before = curl(server.address() + "/api/caseload");
  auto admin = database_.connect(kSuperuser);
  ASSERT_TRUE(
      admin
          .execute(
              "INSERT INTO clinic.observations (patient_id, identifier, code, "
              "effective_at, resource) SELECT id, 'check-1', 'check', now() - interval '1 minute', "
              "'{\"resourceType\":\"Observation\",\"valueString\":\"emergency\"}' "
              "FROM clinic.patients WHERE display_name = 'Flagged'")
          .has_value());

  const auto after = curl(server.address() + "/api/caseload");

  EXPECT_LT(before.find("Calm"), before.find("Flagged")) << before;
  EXPECT_LT(after.find("Flagged"), after.find("Calm")) << after;
  EXPECT_NE(after.find(R"("need":"emergency-check")"), std::string::npos) << after;
}

TEST_F(ClinicServeTest, AnswersWrongPasswordsMalformedLoginsAndHugeBodiesPlainly) {
  ClinicProcess server(serve_arguments());

  EXPECT_EQ(
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"wrong"}}' {}/api/login)",
                       server.address())),
      R"({"error":"That email and password do not match."} 401)");
  EXPECT_EQ(curl("-d 'not json' " + server.address() + "/api/login"),
            R"({"error":"Send {\"email\": \"...\", \"password\": \"...\"} as JSON."} 400)");
  const auto huge_file = folder_.path() / "huge";
  ASSERT_EQ(run_shell("head -c 5000 /dev/zero | tr '\\0' a > '" + huge_file.string() + "'").code,
            0);
  EXPECT_EQ(curl("--data-binary @'" + huge_file.string() + "' " + server.address() + "/api/login"),
            R"({"error":"The login is too long: send an email and a password only."} 413)");
  EXPECT_EQ(curl(server.address() + "/api/nothing"),
            R"({"error":"There is nothing at this address."} 404)");
}

TEST_F(ClinicServeTest, ShowsAPatientsPageAndReportOnlyToTheirTherapist) {
  ClinicProcess server(serve_arguments());
  const auto page = fmt::format("{}/api/patients/{}", server.address(), calm_);
  EXPECT_EQ(curl(page),
            R"({"error":"Log in first: your session has ended or was never started."} 401)");
  ASSERT_TRUE(log_in(server).ends_with(" 200"));

  const auto shown = curl(page);
  const auto pdf = folder_.path() / "report.pdf";
  const auto report = curl(
      fmt::format("-o '{}' '{}/report.pdf?from=2026-01-01&to=2026-12-31'", pdf.string(), page));
  const auto bobs = curl(fmt::format("{}/api/patients/{}", server.address(), bobs_patient_));
  const auto unknown = curl(server.address() + "/api/patients/999999");
  const auto backwards = curl("'" + page + "?from=2026-11-20&to=2026-11-01'");

  EXPECT_NE(shown.find(R"("name":"Calm")"), std::string::npos) << shown;
  EXPECT_NE(shown.find(R"("days":[{"date":)"), std::string::npos) << shown;
  EXPECT_TRUE(shown.ends_with(" 200")) << shown;
  EXPECT_EQ(report, " 200");
  EXPECT_EQ(run_shell("head -c 5 '" + pdf.string() + "'").out, "%PDF-");
  // Another therapist's patient is not found, exactly as an id that does not exist.
  EXPECT_EQ(bobs, R"({"error":"There is no such patient among yours."} 404)");
  EXPECT_EQ(unknown, bobs);
  EXPECT_TRUE(backwards.ends_with(" 400")) << backwards;
  auto admin = database_.connect(kSuperuser);
  const auto audited = admin
                           .query(
                               "SELECT count(*) FROM clinic.audit WHERE action = 'read patient' "
                               "AND patient_id = $1::bigint AND rows_read = 0",
                               {std::to_string(bobs_patient_)})
                           .value();
  EXPECT_EQ(audited.integer(0, 0), 1);
}

TEST_F(ClinicServeTest, ServesTheTherapistsPageWithAStrictPolicy) {
  ClinicProcess server(serve_arguments());

  const auto head = curl("-D - -o /dev/null " + server.address() + "/");
  const auto script = curl(server.address() + "/app.js");

  EXPECT_NE(head.find("Content-Type: text/html"), std::string::npos) << head;
  EXPECT_NE(head.find("script-src 'self'"), std::string::npos) << head;
  EXPECT_NE(head.find("default-src 'none'"), std::string::npos) << head;
  EXPECT_TRUE(script.ends_with(" 200")) << script.substr(0, 200);
  EXPECT_EQ(curl("-X POST " + server.address() + "/"), R"({"error":"Use GET."} 405)");
}

TEST_F(ClinicServeTest, RefusesToServeADatabaseNotYetMigrated) {
  const TestDatabase fresh;

  const auto run = run_shell(fmt::format("'{}' --database '{}' serve --port 0 --trial-ca '{}'",
                                         LIMBER_CLINIC_BINARY, fresh.conninfo(kAppRole),
                                         (folder_.path() / "ca").string()));

  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out, fmt::format("limber-clinic: the clinic's database is at schema version 0, "
                                 "not {}: run limber-clinic migrate as limber_clinic_owner first\n",
                                 latest_schema_version()));
}

}  // namespace
}  // namespace limber::clinic
