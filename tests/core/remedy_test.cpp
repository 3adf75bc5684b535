// core::with_remedy: a shell's words for a remedy join the message as a clause, or as a
// sentence of their own when the message ends one.
#include "core/remedy.h"

#include <gtest/gtest.h>

namespace limber::core {
namespace {

TEST(RemedyTest, JoinsAClauseWithAColon) {
  EXPECT_EQ(with_remedy("there is no entry #9", "the Log page lists your entries"),
            "there is no entry #9: the Log page lists your entries");
}

TEST(RemedyTest, StartsASentenceAfterOne) {
  EXPECT_EQ(with_remedy("there is no exercise 'cat'. Did you mean 'cat-cow'?",
                        "'limber exercises' lists them all"),
            "there is no exercise 'cat'. Did you mean 'cat-cow'? 'limber exercises' lists them "
            "all.");
  EXPECT_EQ(with_remedy("the diary is empty.", "log how you are first"),
            "the diary is empty. Log how you are first.");
}

TEST(RemedyTest, NoWordsLeaveTheMessageAsItIs) {
  EXPECT_EQ(with_remedy("the diary is busy", ""), "the diary is busy");
}

}  // namespace
}  // namespace limber::core
