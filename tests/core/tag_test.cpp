#include "core/tag.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/entry.h"
#include "support/entries.h"

namespace limber::core {
namespace {

TEST(TagTest, NormalisesCaseSpacesAndUnderscores) {
  struct Case {
    std::string_view typed;
    std::string_view stored;
  };
  constexpr Case kCases[] = {
      {"lifting", "lifting"},         {"Long-Drive", "long-drive"}, {" long drive ", "long-drive"},
      {"slept_badly", "slept-badly"}, {"work2", "work2"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.typed);
    auto tag = check_tag(c.typed);
    ASSERT_TRUE(tag.has_value()) << tag.error().message;
    EXPECT_EQ(*tag, c.stored);
  }
}

TEST(TagTest, RefusesWhatIsNotATagNamingItAndTheRule) {
  for (std::string_view typed : {"", "  ", "-lifting", "lifting-", "long--drive", "lift!ng", "café",
                                 "a-tag-that-is-far-too-long-to-read"}) {
    SCOPED_TRACE(typed);
    auto tag = check_tag(typed);
    ASSERT_FALSE(tag.has_value());
    EXPECT_EQ(tag.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(tag.error().message.find(fmt::format("'{}'", typed)), std::string::npos)
        << tag.error().message;
    EXPECT_NE(tag.error().message.find("letters a-z or digits"), std::string::npos);
  }
}

TEST(TagTest, DropsDuplicatesAndCapsTheCount) {
  const std::vector<std::string> twice = {"Lifting", "lifting", "long-drive"};
  auto tags = check_tags(twice);
  ASSERT_TRUE(tags.has_value());
  EXPECT_EQ(*tags, (std::vector<std::string>{"lifting", "long-drive"}));

  std::vector<std::string> many;
  for (std::size_t i = 0; i <= kMaxTags; ++i)
    many.push_back(fmt::format("tag{}", i));
  auto too_many = check_tags(many);
  ASSERT_FALSE(too_many.has_value());
  EXPECT_NE(too_many.error().message.find(fmt::format("at most {}", kMaxTags)), std::string::npos);
}

TEST(TagTest, ValidateNormalisesAnEntrysTagsAndRefusesABadOne) {
  const Instant at{std::chrono::hours{24 * 400}};
  auto valid = validate(testing::tagged(testing::walk_entry(at, 10), {"Long Drive"}));
  ASSERT_TRUE(valid.has_value()) << valid.error().message;
  EXPECT_EQ(valid->tags, (std::vector<std::string>{"long-drive"}));
  EXPECT_FALSE(validate(testing::tagged(testing::walk_entry(at, 10), {"no/way"})).has_value());
}

TEST(TagTest, EntriesWithOtherTagsAreNotTheSameContent) {
  const Instant at{std::chrono::hours{24 * 400}};
  const Entry plain = testing::walk_entry(at, 10);
  EXPECT_FALSE(plain.same_content(testing::tagged(plain, {"lifting"})));
  EXPECT_TRUE(
      testing::tagged(plain, {"lifting"}).same_content(testing::tagged(plain, {"lifting"})));
}

}  // namespace
}  // namespace limber::core
