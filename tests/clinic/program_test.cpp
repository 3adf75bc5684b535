// The real limber-clinic program against a real database.
#include <gtest/gtest.h>

#include "clinic/migrations.h"
#include "clinic/pg_cluster.h"
#include "clinic/therapist_login.h"
#include "support/shell.h"

namespace limber::clinic {
namespace {

using testing::kAppRole;
using testing::kOwnerRole;
using testing::run_shell;
using testing::TestDatabase;

std::string limber_clinic(const TestDatabase& database, const char* role,
                          const std::string& arguments) {
  return fmt::format("LIMBER_CLINIC_DATABASE='{}' '{}' {}", database.conninfo(role),
                     LIMBER_CLINIC_BINARY, arguments);
}

TEST(ClinicProgramTest, MigratesOnceAndSaysSo) {
  const TestDatabase database;

  const auto first = run_shell(limber_clinic(database, kOwnerRole, "migrate"));
  const auto second = run_shell(limber_clinic(database, kOwnerRole, "migrate"));

  EXPECT_EQ(first.code, 0) << first.out;
  EXPECT_EQ(first.out, fmt::format("The clinic's database is now at schema version {} (it was "
                                   "at 0).\n",
                                   latest_schema_version()));
  EXPECT_EQ(second.code, 0) << second.out;
  EXPECT_EQ(second.out, fmt::format("The clinic's database was already at schema version {}.\n",
                                    latest_schema_version()));
}

TEST(ClinicProgramTest, RefusesToMigrateAsTheApplicationRoleNamingTheOwner) {
  const TestDatabase database;

  const auto run = run_shell(limber_clinic(database, kAppRole, "migrate"));

  EXPECT_EQ(run.code, 1);
  EXPECT_TRUE(run.out.starts_with("limber-clinic: [42501]")) << run.out;
  EXPECT_NE(run.out.find("limber_clinic_owner"), std::string::npos) << run.out;
}

TEST(ClinicProgramTest, AddsAClinicAndATherapistWhoCanThenLogIn) {
  const TestDatabase database;
  database.migrate();

  const auto clinic = run_shell(limber_clinic(database, kOwnerRole, "add-clinic 'North clinic'"));
  const auto therapist =
      run_shell("echo 'a long enough password' | " +
                limber_clinic(database, kOwnerRole,
                              "add-therapist --clinic 1 --email ann@north.example --name Ann"));

  EXPECT_EQ(clinic.out, "Added the clinic \"North clinic\", number 1.\n");
  EXPECT_EQ(therapist.out, "Added the therapist Ann <ann@north.example>, number 1, to clinic 1.\n");
  auto app = database.connect(kAppRole);
  const auto login =
      log_in(app, "ann@north.example", "a long enough password",
             core::Instant{std::chrono::seconds(1795000000)}, app::system_random_bytes);
  ASSERT_TRUE(login.has_value()) << login.error().message;
  EXPECT_EQ(login->outcome, LoginOutcome::kLoggedIn);
}

TEST(ClinicProgramTest, RefusesAShortPasswordAndAddsNoOne) {
  const TestDatabase database;
  database.migrate();
  ASSERT_EQ(run_shell(limber_clinic(database, kOwnerRole, "add-clinic North")).code, 0);

  const auto run = run_shell(
      "echo 'short' | " +
      limber_clinic(database, kOwnerRole, "add-therapist --clinic 1 --email a@b.example --name A"));

  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.out, "limber-clinic: the password is shorter than 10 characters\n");
  auto owner = database.connect(kOwnerRole);
  EXPECT_EQ(owner.query("SELECT count(*) FROM clinic.therapists").value().integer(0, 0), 0);
}

}  // namespace
}  // namespace limber::clinic
