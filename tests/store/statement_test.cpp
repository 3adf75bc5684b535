#include "store/statement.h"

#include <cstdint>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.h"

namespace limber::store {
namespace {

using core::ErrorCode;
using core::Result;

// A database with a table of `count` numbers 1..count.
Database numbers(int count) {
  auto db = Database::open_in_memory();
  EXPECT_TRUE(db.has_value());
  EXPECT_TRUE(db->exec("CREATE TEMP TABLE numbers (n INTEGER NOT NULL)").has_value());
  auto insert = db->prepare("INSERT INTO numbers (n) VALUES (?1)");
  EXPECT_TRUE(insert.has_value());
  for (int n = 1; n <= count; ++n) {
    insert->bind(1, std::int64_t{n});
    EXPECT_TRUE(insert->run().has_value());
    insert->reset();
  }
  return std::move(*db);
}

TEST(StatementTest, ForEachRowOnNoRowsCallsNothing) {
  const Database db = numbers(0);
  auto query = db.prepare("SELECT n FROM numbers");
  ASSERT_TRUE(query.has_value());
  int calls = 0;
  auto walked = query->for_each_row([&](const Statement&) { ++calls; });
  EXPECT_TRUE(walked.has_value());
  EXPECT_EQ(calls, 0);
}

TEST(StatementTest, ForEachRowSeesEveryRowInOrder) {
  const Database db = numbers(500);
  auto query = db.prepare("SELECT n FROM numbers ORDER BY n");
  ASSERT_TRUE(query.has_value());
  std::vector<std::int64_t> seen;
  auto walked = query->for_each_row([&](const Statement& row) { seen.push_back(row.integer(0)); });
  ASSERT_TRUE(walked.has_value()) << walked.error().message;
  ASSERT_EQ(seen.size(), 500U);
  for (std::size_t i = 0; i < seen.size(); ++i)
    EXPECT_EQ(seen[i], static_cast<std::int64_t>(i + 1));
}

TEST(StatementTest, ForEachRowReturnsAFailedStepAfterTheRowsBeforeIt) {
  const Database db = numbers(5);
  // On the third row abs() of the smallest integer overflows, which SQLite reports as an
  // error in the middle of the rows. No ORDER BY: a sort would compute every row first, and
  // the overflow depends on n so that it is not computed once up front.
  auto query = db.prepare(
      "SELECT n, CASE WHEN n = 3 THEN abs(n - 3 - 9223372036854775807 - 1) ELSE n END "
      "FROM numbers");
  ASSERT_TRUE(query.has_value());
  std::vector<std::int64_t> seen;
  auto walked = query->for_each_row([&](const Statement& row) { seen.push_back(row.integer(0)); });
  ASSERT_FALSE(walked.has_value());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2}));
}

TEST(StatementTest, ForEachRowStopsAtTheFirstFailingCallbackAndReturnsItsError) {
  const Database db = numbers(5);
  auto query = db.prepare("SELECT n FROM numbers ORDER BY n");
  ASSERT_TRUE(query.has_value());
  std::vector<std::int64_t> seen;
  auto walked = query->for_each_row([&](const Statement& row) -> Result<void> {
    seen.push_back(row.integer(0));
    if (row.integer(0) == 2)
      return core::fail(ErrorCode::kCorrupt, "row 2 is damaged");
    return {};
  });
  ASSERT_FALSE(walked.has_value());
  EXPECT_EQ(walked.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(walked.error().message, "row 2 is damaged");
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2}));
}

TEST(StatementTest, ForEachRowStopsWhenTheCallbackFoundWhatItLookedFor) {
  const Database db = numbers(5);
  auto query = db.prepare("SELECT n FROM numbers ORDER BY n");
  ASSERT_TRUE(query.has_value());
  std::vector<std::int64_t> seen;
  auto walked = query->for_each_row([&](const Statement& row) -> Result<bool> {
    seen.push_back(row.integer(0));
    return row.integer(0) < 3;
  });
  ASSERT_TRUE(walked.has_value());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(StatementTest, ForEachRowReportsAFailedBindBeforeAnyRow) {
  const Database db = numbers(2);
  auto query = db.prepare("SELECT n FROM numbers WHERE n = ?1");
  ASSERT_TRUE(query.has_value());
  query->bind(7, std::int64_t{1});  // there is no ?7
  int calls = 0;
  auto walked = query->for_each_row([&](const Statement&) { ++calls; });
  EXPECT_FALSE(walked.has_value());
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace limber::store
