#include "clinic/migrations.h"

#include <thread>

#include <gtest/gtest.h>

#include "clinic/pg_cluster.h"

namespace limber::clinic {
namespace {

using testing::kAppRole;
using testing::kOwnerRole;
using testing::kSuperuser;
using testing::TestDatabase;

TEST(ClinicMigrationsTest, BringAnEmptyDatabaseToTheNewestVersion) {
  const TestDatabase database;
  auto owner = database.connect(kOwnerRole);
  ASSERT_EQ(schema_version(owner).value(), 0);

  const auto found = migrate(owner);

  ASSERT_TRUE(found.has_value()) << found.error().message;
  EXPECT_EQ(*found, 0);
  EXPECT_EQ(schema_version(owner).value(), latest_schema_version());
}

TEST(ClinicMigrationsTest, RunAgainChangeNothing) {
  const TestDatabase database;
  database.migrate();
  auto owner = database.connect(kOwnerRole);

  const auto found = migrate(owner);

  ASSERT_TRUE(found.has_value()) << found.error().message;
  EXPECT_EQ(*found, latest_schema_version());
  const auto rows = owner.query("SELECT count(*) FROM clinic.schema_version").value();
  EXPECT_EQ(rows.integer(0, 0), latest_schema_version());
}

TEST(ClinicMigrationsTest, RefuseADatabaseFromANewerLimberClinicAndChangeNothing) {
  const TestDatabase database;
  database.migrate();
  auto owner = database.connect(kOwnerRole);
  ASSERT_TRUE(owner
                  .execute("INSERT INTO clinic.schema_version (version) VALUES ($1::integer)",
                           {std::to_string(latest_schema_version() + 1)})
                  .has_value());

  const auto found = migrate(owner);

  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, core::ErrorCode::kTooNew);
  EXPECT_NE(found.error().message.find("newer"), std::string::npos) << found.error().message;
  EXPECT_EQ(schema_version(owner).value(), latest_schema_version() + 1);
}

TEST(ClinicMigrationsTest, AreRefusedToTheApplicationRoleWithNothingHalfMade) {
  const TestDatabase database;
  auto app = database.connect(kAppRole);

  const auto found = migrate(app);

  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(pg::sqlstate_of(found.error()), "42501") << found.error().message;
  EXPECT_NE(found.error().message.find("limber_clinic_owner"), std::string::npos);
  auto owner = database.connect(kOwnerRole);
  EXPECT_EQ(schema_version(owner).value(), 0);
}

TEST(ClinicMigrationsTest, TwoProcessesStartingAtOnceMigrateOnce) {
  const TestDatabase database;
  auto first = database.connect(kOwnerRole);
  auto second = database.connect(kOwnerRole);
  core::Result<int> first_found = 0;
  core::Result<int> second_found = 0;

  std::thread other([&] { second_found = migrate(second); });
  first_found = migrate(first);
  other.join();

  ASSERT_TRUE(first_found.has_value()) << first_found.error().message;
  ASSERT_TRUE(second_found.has_value()) << second_found.error().message;
  // One of them found the database empty and migrated it; the other found it done.
  EXPECT_EQ(*first_found + *second_found, latest_schema_version());
  EXPECT_EQ(first.query("SELECT count(*) FROM clinic.schema_version").value().integer(0, 0),
            latest_schema_version());
}

TEST(ClinicMigrationsTest, ForceRowLevelSecurityOnEveryTableWithAPatientsData) {
  const TestDatabase database;
  database.migrate();
  auto admin = database.connect(kSuperuser);

  // Every table of the schema that names a patient, and the patients themselves.
  const auto rows = admin
                        .query(R"sql(
    SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'clinic' AND c.relkind = 'r'
      AND (c.relname = 'patients' OR EXISTS (
        SELECT 1 FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attname = 'patient_id' AND NOT a.attisdropped))
    ORDER BY c.relname)sql")
                        .value();

  // assigned_exercises, audit, invitations, observations, patient_days, patients
  ASSERT_EQ(rows.size(), 6);
  for (int row = 0; row < rows.size(); ++row) {
    SCOPED_TRACE(rows.text(row, 0));
    EXPECT_TRUE(rows.boolean(row, 1));
    EXPECT_TRUE(rows.boolean(row, 2));
  }
}

TEST(ClinicMigrationsTest, LeaveTheApplicationRoleOwningNothingAndOutsideTheOwner) {
  const TestDatabase database;
  database.migrate();
  auto admin = database.connect(kSuperuser);

  const auto rows = admin
                        .query(R"sql(
    SELECT
      (SELECT count(*) FROM pg_class WHERE relowner = 'limber_clinic_app'::regrole),
      (SELECT count(*) FROM pg_proc WHERE proowner = 'limber_clinic_app'::regrole),
      (SELECT count(*) FROM pg_namespace WHERE nspowner = 'limber_clinic_app'::regrole),
      pg_has_role('limber_clinic_app', 'limber_clinic_owner', 'MEMBER'),
      (SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = 'limber_clinic_app'))sql")
                        .value();

  EXPECT_EQ(rows.integer(0, 0), 0);
  EXPECT_EQ(rows.integer(0, 1), 0);
  EXPECT_EQ(rows.integer(0, 2), 0);
  EXPECT_FALSE(rows.boolean(0, 3));
  EXPECT_FALSE(rows.boolean(0, 4));
}

}  // namespace
}  // namespace limber::clinic
