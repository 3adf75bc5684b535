#include "core/result.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace limber::core {
namespace {

Result<int> number(bool ok, int value, int& calls) {
  ++calls;
  if (!ok)
    return fail(ErrorCode::kNotFound, "no such number");
  return value;
}

Result<void> check(bool ok, int& calls) {
  ++calls;
  if (!ok)
    return fail(ErrorCode::kIo, "the disk said no");
  return {};
}

// Adds one to the number, passing a failure through unchanged.
Result<int> plus_one(bool ok, int& calls, int& reached) {
  LIMBER_TRY_ASSIGN(const int value, number(ok, 41, calls));
  ++reached;
  return value + 1;
}

Result<std::string> checked(bool ok, int& calls, int& reached) {
  LIMBER_TRY(check(ok, calls));
  ++reached;
  return std::string("checked");
}

TEST(ResultTest, TryAssignPassesTheValueThroughOnce) {
  int calls = 0;
  int reached = 0;
  auto result = plus_one(true, calls, reached);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, 42);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reached, 1);
}

TEST(ResultTest, TryAssignReturnsTheErrorUnchangedAndStopsThere) {
  int calls = 0;
  int reached = 0;
  auto result = plus_one(false, calls, reached);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(result.error().message, "no such number");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reached, 0);
}

TEST(ResultTest, TryGoesOnAfterASuccessAndEvaluatesOnce) {
  int calls = 0;
  int reached = 0;
  auto result = checked(true, calls, reached);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, "checked");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reached, 1);
}

TEST(ResultTest, TryReturnsTheErrorUnchangedFromAnotherResultType) {
  int calls = 0;
  int reached = 0;
  auto result = checked(false, calls, reached);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kIo);
  EXPECT_EQ(result.error().message, "the disk said no");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(reached, 0);
}

// Two in a row, a move-only value, and an existing variable as the target.
Result<int> sum_of_owned(bool second_ok) {
  LIMBER_TRY_ASSIGN(auto first, Result<std::unique_ptr<int>>(std::make_unique<int>(2)));
  int second = 0;
  int calls = 0;
  LIMBER_TRY_ASSIGN(second, number(second_ok, 3, calls));
  return *first + second;
}

TEST(ResultTest, TryAssignMovesValuesAndAssignsToExistingVariables) {
  auto sum = sum_of_owned(true);
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ(*sum, 5);
  EXPECT_FALSE(sum_of_owned(false).has_value());
}

TEST(ResultTest, TryWorksInALambdaThatReturnsAResult) {
  int calls = 0;
  auto body = [&](bool ok) -> Result<void> {
    LIMBER_TRY(check(ok, calls));
    return {};
  };
  EXPECT_TRUE(body(true).has_value());
  EXPECT_FALSE(body(false).has_value());
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace limber::core
