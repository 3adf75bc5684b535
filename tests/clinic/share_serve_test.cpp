// Sharing over real HTTPS with a real limber-clinic: a therapist makes an invitation, a
// patient's client takes it, uploads FHIR, resends, is refused plainly for bad uploads,
// stops. curl is the client, trusting the clinic's trial CA.
#include <fstream>
#include <memory>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "clinic/clinic_process.h"
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
using testing::TempDir;
using testing::TestDatabase;

constexpr const char* kPassword = "a long enough password";

class ClinicShareServeTest : public ::testing::Test {
 protected:
  ClinicShareServeTest() {
    database_.migrate();
    auto owner = database_.connect(kOwnerRole);
    const auto north = add_clinic(owner, "North clinic").value();
    (void)add_therapist(owner, north, "ann@north.example", "Ann", kPassword,
                        app::system_random_bytes, PasswordCost{1, 1024, 1})
        .value();
    server_ = std::make_unique<ClinicProcess>(std::vector<std::string>{
        LIMBER_CLINIC_BINARY, "--database", database_.conninfo(kAppRole), "serve", "--port", "0",
        "--trial-ca", (folder_.path() / "ca").string()});
  }

  // curl trusting the trial CA with the therapist's cookie jar; the body, then the status.
  std::string curl(const std::string& arguments) const {
    return run_shell(fmt::format("curl -s --max-time 30 --cacert '{}' -b '{}' -c '{}' "
                                 "-w ' %{{http_code}}' {}",
                                 (folder_.path() / "ca" / "ca.pem").string(),
                                 (folder_.path() / "jar").string(),
                                 (folder_.path() / "jar").string(), arguments))
        .out;
  }

  // The body of "BODY STATUS" as JSON.
  static nlohmann::json body_of(const std::string& answer) {
    return nlohmann::json::parse(answer.substr(0, answer.rfind(' ')));
  }

  std::string file(const std::string& name, const std::string& text) const {
    const auto path = folder_.path() / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::string upload(const std::string& token, const std::string& path) const {
    return curl(
        fmt::format("-X PUT -H 'Authorization: Bearer {}' -H 'Content-Type: "
                    "application/fhir+json' --data-binary @'{}' {}/api/share/resources",
                    token, path, server_->address()));
  }

  std::int64_t observations() {
    auto admin = database_.connect(kSuperuser);
    return admin.query("SELECT count(*) FROM clinic.observations").value().integer(0, 0);
  }

  TestDatabase database_;
  TempDir folder_;
  std::unique_ptr<ClinicProcess> server_;
};

constexpr const char* kBundle = R"({"resourceType": "Bundle", "type": "collection", "entry": [
  {"resource": {"resourceType": "Observation",
    "identifier": [{"system": "urn:limber:install-1", "value": "entry-1-pain"}],
    "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
    "effectiveDateTime": "2026-11-20T21:00:00+01:00", "valueInteger": 6}},
  {"resource": {"resourceType": "Observation",
    "identifier": [{"system": "urn:limber:install-1", "value": "check-1"}],
    "code": {"coding": [{"system": "urn:limber:code", "code": "check"}]},
    "effectiveDateTime": "2026-11-20T21:05:00+01:00", "valueString": "urgent"}}]})";

TEST_F(ClinicShareServeTest, AnInvitationIsTakenOnceAndTheUploadsAreKeptWithoutDoubles) {
  EXPECT_EQ(curl("-X POST " + server_->address() + "/api/invitations"),
            R"({"error":"Log in first: your session has ended or was never started."} 401)");
  ASSERT_TRUE(
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                       kPassword, server_->address()))
          .ends_with(" 200"));
  const auto invited = curl("-X POST " + server_->address() + "/api/invitations");
  ASSERT_TRUE(invited.ends_with(" 201")) << invited;
  const auto code = body_of(invited)["code"].get<std::string>();

  const auto joined = curl(fmt::format(R"(-d '{{"code":"{}","name":"Dee"}}' {}/api/share/join)",
                                       code, server_->address()));
  ASSERT_TRUE(joined.ends_with(" 201")) << joined;
  const auto token = body_of(joined)["token"].get<std::string>();
  EXPECT_EQ(
      curl(fmt::format(R"(-d '{{"code":"{}"}}' {}/api/share/join)", code, server_->address())),
      R"({"error":"That invitation was already used. Ask your therapist for a new one."} 410)");

  const auto bundle = file("bundle.json", kBundle);
  EXPECT_EQ(upload(token, bundle), R"({"written":2} 200)");
  EXPECT_EQ(upload(token, bundle), R"({"written":2} 200)");
  EXPECT_EQ(observations(), 2);
  const auto caseload = curl(server_->address() + "/api/caseload");
  EXPECT_NE(caseload.find(R"("name":"Dee")"), std::string::npos) << caseload;

  EXPECT_EQ(curl(fmt::format("-X DELETE -H 'Authorization: Bearer {}' {}/api/share", token,
                             server_->address())),
            R"({"deleted":2,"stopped":true} 200)");
  EXPECT_EQ(observations(), 0);
  EXPECT_EQ(upload(token, bundle),
            R"({"error":"You stopped sharing with this clinic, so nothing more is taken. Take a )"
            R"(new invitation from your therapist to share again."} 410)");
}

TEST_F(ClinicShareServeTest, BadUploadsAndCodesAreRefusedPlainlyWithNothingWritten) {
  ASSERT_TRUE(
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                       kPassword, server_->address()))
          .ends_with(" 200"));
  const auto code = body_of(curl("-X POST " + server_->address() + "/api/invitations"))["code"]
                        .get<std::string>();
  const auto token = body_of(curl(
      fmt::format(R"(-d '{{"code":"{}"}}' {}/api/share/join)", code, server_->address())))["token"]
                         .get<std::string>();

  EXPECT_EQ(upload(token, file("broken.json", R"({"resourceType": "Bundle", "type": "batch",
    "entry": [{"resource": {"resourceType": "Observation"}}]})")),
            R"({"error":"Entry 1 (Observation) has no limber identifier: each resource needs an )"
            R"(identifier with a system starting urn:limber: and a value."} 400)");
  const auto huge = folder_.path() / "huge.json";
  ASSERT_EQ(run_shell("head -c 1100000 /dev/zero | tr '\\0' ' ' > '" + huge.string() + "'").code,
            0);
  EXPECT_EQ(upload(token, huge.string()),
            R"({"error":"The upload is over 1 MiB: send it in smaller parts."} 413)");
  EXPECT_EQ(upload(std::string(64, 'a'), file("bundle.json", kBundle)),
            R"({"error":"This clinic does not know that sharing key. Take a new invitation from )"
            R"(your therapist to share again."} 401)");
  EXPECT_EQ(observations(), 0);
  EXPECT_EQ(
      curl(fmt::format(R"(-d '{{"code":"ZZZZZ-ZZZZZ"}}' {}/api/share/join)", server_->address())),
      R"({"error":"That invitation code is not known here. Check it with your therapist )"
      R"(and type it again."} 404)");
}

TEST_F(ClinicShareServeTest, TheAdministratorMakesAnInvitationFromTheTerminal) {
  const auto run =
      run_shell(fmt::format("'{}' --database '{}' invite --therapist ANN@north.example",
                            LIMBER_CLINIC_BINARY, database_.conninfo(kOwnerRole)));

  ASSERT_EQ(run.code, 0) << run.out;
  EXPECT_TRUE(run.out.starts_with("Invitation for Ann: ")) << run.out;
  const auto code = run.out.substr(20, 11);
  EXPECT_TRUE(
      curl(fmt::format(R"(-d '{{"code":"{}"}}' {}/api/share/join)", code, server_->address()))
          .ends_with(" 201"));
  const auto unknown =
      run_shell(fmt::format("'{}' --database '{}' invite --therapist nobody@x.example",
                            LIMBER_CLINIC_BINARY, database_.conninfo(kOwnerRole)));
  EXPECT_EQ(unknown.code, 1);
  EXPECT_EQ(unknown.out,
            "limber-clinic: no therapist has the email nobody@x.example; "
            "add-therapist adds one\n");
}

}  // namespace
}  // namespace limber::clinic
