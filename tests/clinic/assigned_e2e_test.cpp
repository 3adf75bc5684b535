// What the therapist assigns flows back (issue 17): a real limber-clinic over HTTPS and the
// patient's real limber. The therapist assigns exercises on the clinic's API (checked by the
// catalog's own rules: a bad one is refused with its line and field, nothing written);
// `limber share` takes them into the plan "from your therapist", planned only in the
// phases they are for and never after a red flag; removed at the clinic, gone after the
// next sync; kept after `limber share --stop`, when the clinic answers 410.
#include <algorithm>
#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "clinic/clinic_process.h"
#include "clinic/pg_cluster.h"
#include "clinic/therapist_login.h"
#include "support/shell.h"
#include "support/temp_dir.h"
#include "support/therapist_file.h"

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
using testing::therapist_exercise;

constexpr const char* kPassword = "a long enough password";

class ClinicAssignedEndToEndTest : public ::testing::Test {
 protected:
  ClinicAssignedEndToEndTest() {
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

  [[nodiscard]] std::string ca() const { return (folder_.path() / "ca" / "ca.pem").string(); }

  ShellResult limber(const std::string& arguments) const {
    return run_shell(fmt::format("LIMBER_HOME='{}' '{}' {} </dev/null",
                                 (folder_.path() / "home").string(), LIMBER_BINARY, arguments));
  }
  nlohmann::json limber_json(const std::string& arguments) const {
    const auto ran = limber(arguments);
    EXPECT_EQ(ran.code, 0) << ran.out;
    return nlohmann::json::parse(ran.out, nullptr, false);
  }

  // curl trusting the trial CA with the therapist's cookie jar: "BODY STATUS".
  std::string curl(const std::string& arguments) const {
    return run_shell(fmt::format("curl -s --max-time 30 --cacert '{}' -b '{}' -c '{}' "
                                 "-w ' %{{http_code}}' {}",
                                 ca(), (folder_.path() / "jar").string(),
                                 (folder_.path() / "jar").string(), arguments))
        .out;
  }
  std::string assign(std::int64_t patient, const std::string& text) const {
    const auto path = folder_.path() / "assign.json";
    std::ofstream(path) << text;
    return curl(
        fmt::format("-H 'Content-Type: application/json' --data-binary @'{}' "
                    "{}/api/patients/{}/exercises",
                    path.string(), server_->address(), patient));
  }

  std::string invitation() const {
    const auto made =
        run_shell(fmt::format("'{}' --database '{}' invite --therapist ann@north.example",
                              LIMBER_CLINIC_BINARY, database_.conninfo(kOwnerRole)));
    return made.out.substr(std::string("Invitation for Ann: ").size(), 11);
  }

  std::int64_t assigned_rows() {
    auto admin = database_.connect(kSuperuser);
    return admin.query("SELECT count(*) FROM clinic.assigned_exercises").value().integer(0, 0);
  }

  // The ids of `exercises` in limber's JSON (the plan's or the catalog's) from the therapist.
  static std::vector<std::string> from_therapist(const nlohmann::json& exercises) {
    std::vector<std::string> ids;
    for (const auto& exercise : exercises) {
      if (exercise.value("from_therapist", false))
        ids.push_back(exercise["id"].get<std::string>());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  TestDatabase database_;
  TempDir folder_;
  std::unique_ptr<ClinicProcess> server_;
};

TEST_F(ClinicAssignedEndToEndTest, AssignedAtTheClinicPlannedFromYourTherapistRemovedGone) {
  // Walking: a phase that allows "walk" exercises and excludes "rest"-only ones.
  ASSERT_EQ(limber("check --answers none").code, 0);
  ASSERT_EQ(limber("log 4 lower-back --mobility walk").code, 0);
  const auto shared =
      limber(fmt::format("share --clinic {} --code {} --clinic-ca '{}' --name Dee "
                         "--yes",
                         server_->address(), invitation(), ca()));
  ASSERT_EQ(shared.code, 0) << shared.out;

  ASSERT_TRUE(
      curl(fmt::format(R"(-d '{{"email":"ann@north.example","password":"{}"}}' {}/api/login)",
                       kPassword, server_->address()))
          .ends_with(" 200"));
  const auto caseload = curl(server_->address() + "/api/caseload");
  const auto patient =
      nlohmann::json::parse(caseload.substr(0, caseload.rfind(' ')))["patients"][0]["id"]
          .get<std::int64_t>();

  // Refused by the catalog's rules, with the line and the field; nothing written.
  std::string bad = therapist_exercise("basics-towel-squeeze");
  bad.replace(bad.find(R"("level": 1)"), 10, R"("level": 9)");
  const auto refused = assign(patient, bad);
  EXPECT_TRUE(refused.ends_with(" 400")) << refused;
  EXPECT_NE(refused.find("line 7: basics-towel-squeeze: 'level' is 9"), std::string::npos)
      << refused;
  const auto own = assign(patient, therapist_exercise("basics-pelvic-tilt"));
  EXPECT_TRUE(own.ends_with(" 400")) << own;
  EXPECT_NE(own.find("give yours another, like basics-my-pelvic-tilt"), std::string::npos) << own;
  EXPECT_EQ(assigned_rows(), 0);

  // One for walking and moving, one for rest only.
  ASSERT_TRUE(assign(patient, therapist_exercise("basics-towel-squeeze")).ends_with(" 201"));
  const auto both = assign(patient, therapist_exercise("basics-towel-rest", "basics", R"("rest")"));
  ASSERT_TRUE(both.ends_with(" 201")) << both;
  EXPECT_NE(both.find(R"("name":"Towel squeeze")"), std::string::npos) << both;

  const auto synced = limber("share");
  ASSERT_EQ(synced.code, 0) << synced.out;
  EXPECT_NE(synced.out.find("Exercises from your therapist at the clinic: 2 in your plan now."),
            std::string::npos)
      << synced.out;
  EXPECT_EQ(from_therapist(limber_json("exercises --style basics --json")),
            (std::vector<std::string>{"basics-towel-rest", "basics-towel-squeeze"}));
  const auto plan = limber_json("today --json");
  EXPECT_EQ(plan["phase"], "walk");
  // Planned by phase like every other: the walking one, not the one for rest.
  EXPECT_EQ(from_therapist(plan["exercises"]), (std::vector<std::string>{"basics-towel-squeeze"}))
      << plan["exercises"].dump(1);
  EXPECT_NE(limber("today").out.find("Towel squeeze, 3 min, from your therapist"),
            std::string::npos);
  const auto status = limber("share --status");
  EXPECT_NE(status.out.find("Exercises from your therapist at the clinic: 2, list received"),
            std::string::npos)
      << status.out;
  // Nothing changed: the next sync says nothing of them.
  EXPECT_EQ(limber("share").out.find("Exercises from your therapist"), std::string::npos);

  // A red flag stops them like every other exercise.
  ASSERT_EQ(limber("check --answers fever").code, 0);
  EXPECT_TRUE(limber_json("today --json")["exercises"].empty());
  ASSERT_EQ(limber("check --answers none").code, 0);

  // Removed at the clinic: gone after the next sync.
  EXPECT_EQ(curl(fmt::format("-X DELETE {}/api/patients/{}/exercises/basics-towel-squeeze",
                             server_->address(), patient)),
            R"({"removed":"basics-towel-squeeze"} 200)");
  const auto resynced = limber("share");
  ASSERT_EQ(resynced.code, 0) << resynced.out;
  EXPECT_NE(resynced.out.find("1 in your plan now"), std::string::npos) << resynced.out;
  EXPECT_EQ(from_therapist(limber_json("exercises --style basics --json")),
            (std::vector<std::string>{"basics-towel-rest"}));

  // The patient's list over HTTPS: an ETag, and 304 for the version it has.
  const auto token = run_shell(fmt::format("sqlite3 '{}' 'SELECT token FROM share_clinic'",
                                           (folder_.path() / "home" / "limber.db").string()))
                         .out.substr(0, 64);
  const auto listed = curl(fmt::format("-H 'Authorization: Bearer {}' {}/api/share/exercises",
                                       token, server_->address()));
  ASSERT_TRUE(listed.ends_with(" 200")) << listed;
  const auto version =
      nlohmann::json::parse(listed.substr(0, listed.rfind(' ')))["version"].get<std::string>();
  EXPECT_EQ(curl(fmt::format("-H 'Authorization: Bearer {}' -H 'If-None-Match: \"{}\"' "
                             "{}/api/share/exercises",
                             token, version, server_->address())),
            " 304");

  // Stopped: the exercises stay in the plan, and the clinic sends nothing more.
  const auto stopped = limber("share --stop");
  ASSERT_EQ(stopped.code, 0) << stopped.out;
  EXPECT_NE(stopped.out.find("The exercise your therapist assigned at the clinic stays in your "
                             "plan. To remove one: limber exercises remove ID"),
            std::string::npos)
      << stopped.out;
  EXPECT_EQ(from_therapist(limber_json("exercises --style basics --json")),
            (std::vector<std::string>{"basics-towel-rest"}));
  EXPECT_TRUE(curl(fmt::format("-H 'Authorization: Bearer {}' {}/api/share/exercises", token,
                               server_->address()))
                  .ends_with(" 410"));
}

}  // namespace
}  // namespace limber::clinic
