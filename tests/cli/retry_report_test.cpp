// limber serve's sharing says a failure once, again only when it changes, and once when it
// works again (cli/retry_report.h).
#include "cli/retry_report.h"

#include <gtest/gtest.h>

namespace limber::cli {
namespace {

TEST(RetryReportTest, SaysAFailureOnceAndAgainOnlyWhenItChanges) {
  RetryReport report;

  EXPECT_TRUE(report.failed("the clinic cannot be reached"));
  EXPECT_FALSE(report.failed("the clinic cannot be reached"));
  EXPECT_FALSE(report.failed("the clinic cannot be reached"));
  EXPECT_TRUE(report.failed("the clinic did not answer in time"));
  EXPECT_FALSE(report.failed("the clinic did not answer in time"));
}

TEST(RetryReportTest, SaysOnceThatItWorksAgainAndNothingWhileItWorks) {
  RetryReport report;

  EXPECT_FALSE(report.succeeded());
  ASSERT_TRUE(report.failed("the clinic cannot be reached"));
  EXPECT_TRUE(report.succeeded());
  EXPECT_FALSE(report.succeeded());
  // The same failure after a success is news again.
  EXPECT_TRUE(report.failed("the clinic cannot be reached"));
}

}  // namespace
}  // namespace limber::cli
