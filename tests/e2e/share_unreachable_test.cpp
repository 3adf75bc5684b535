// `limber share` with a clinic it cannot reach (issue 17): the person reads why in plain
// words (no libcurl sentence), the clinic's address without the API's path, and what to do
// next; the diary keeps everything and no sharing starts.
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/shell.h"
#include "support/temp_dir.h"

namespace limber::testing {
namespace {

class ShareUnreachableTest : public ::testing::Test {
 protected:
  ShellResult limber(const std::string& arguments) const {
    return run_shell(fmt::format("LIMBER_HOME='{}' '{}' {} </dev/null 2>&1",
                                 folder_.path().string(), LIMBER_BINARY, arguments));
  }
  TempDir folder_;
};

TEST_F(ShareUnreachableTest, NothingAnsweringSaysSoAndWhatToDo) {
  ASSERT_EQ(limber("log 5 lower-back").code, 0);
  const auto shared = limber("share --clinic https://127.0.0.1:1 --code abcd-efgh --yes");
  EXPECT_NE(shared.code, 0);
  EXPECT_NE(shared.out.find("the clinic at https://127.0.0.1:1 cannot be reached (nothing "
                            "answers at that address)"),
            std::string::npos)
      << shared.out;
  EXPECT_NE(shared.out.find("check the address your therapist gave you"), std::string::npos)
      << shared.out;
  EXPECT_EQ(shared.out.find("/api/"), std::string::npos) << shared.out;
  EXPECT_EQ(shared.out.find("Couldn't"), std::string::npos) << shared.out;
  // Nothing started: the diary shares with no clinic, and its entry is there.
  EXPECT_NE(limber("share --status").out.find("shares with no clinic"), std::string::npos)
      << limber("share --status").out;
  EXPECT_NE(limber("history").out.find("Lower back"), std::string::npos);
}

TEST_F(ShareUnreachableTest, UnknownNameSaysSo) {
  const auto shared = limber("share --clinic https://clinic.invalid --code abcd-efgh --yes");
  EXPECT_NE(shared.code, 0);
  EXPECT_NE(shared.out.find("https://clinic.invalid cannot be reached (no computer by that name "
                            "is known)"),
            std::string::npos)
      << shared.out;
}

}  // namespace
}  // namespace limber::testing
