#include "clinic/connection_pool.h"

#include <gtest/gtest.h>

#include "clinic/pg_cluster.h"

namespace limber::clinic {
namespace {

using testing::kAppRole;
using testing::kSuperuser;
using testing::TestDatabase;

core::Result<int> backend(pg::Connection& connection) {
  LIMBER_TRY(connection.execute("SELECT 1"));
  return connection.backend_pid();
}

TEST(ClinicConnectionPoolTest, KeepsAConnectionForTheNextRequest) {
  const TestDatabase database;
  ConnectionPool pool(database.conninfo(kAppRole));

  const auto first = pool.with_connection(backend);
  const auto second = pool.with_connection(backend);

  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(second.value(), *first);
}

TEST(ClinicConnectionPoolTest, OpensAFreshConnectionWhenTheDatabaseDroppedTheOldOne) {
  const TestDatabase database;
  ConnectionPool pool(database.conninfo(kAppRole));
  const auto first = pool.with_connection(backend).value();
  // As a restart of the database does to every connection it had.
  auto admin = database.connect(kSuperuser);
  ASSERT_TRUE(admin.query("SELECT pg_terminate_backend($1::integer)", {std::to_string(first)})
                  .value()
                  .boolean(0, 0));

  const auto again = pool.with_connection(backend);

  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_NE(*again, first);
}

}  // namespace
}  // namespace limber::clinic
