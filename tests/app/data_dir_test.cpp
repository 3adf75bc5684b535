#include "app/data_dir.h"

#include <map>

#include <gtest/gtest.h>

namespace limber::app {
namespace {

GetEnv env_of(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    auto found = values.find(name);
    if (found == values.end())
      return std::nullopt;
    return found->second;
  };
}

TEST(DataDirTest, FollowsFlagThenLimberHomeThenXdgThenHome) {
  const auto all = env_of({{"LIMBER_HOME", "/l"}, {"XDG_DATA_HOME", "/x"}, {"HOME", "/h"}});
  EXPECT_EQ(*data_dir(std::string("/flag"), all), "/flag");
  EXPECT_EQ(*data_dir(std::nullopt, all), "/l");
  EXPECT_EQ(*data_dir(std::nullopt, env_of({{"XDG_DATA_HOME", "/x"}, {"HOME", "/h"}})),
            "/x/limber");
  EXPECT_EQ(*data_dir(std::nullopt, env_of({{"HOME", "/h"}})), "/h/.local/share/limber");
}

TEST(DataDirTest, IgnoresARelativeXdgDataHome) {
  EXPECT_EQ(*data_dir(std::nullopt, env_of({{"XDG_DATA_HOME", "rel"}, {"HOME", "/h"}})),
            "/h/.local/share/limber");
}

TEST(DataDirTest, SaysWhatToSetWhenNothingIsThere) {
  auto dir = data_dir(std::nullopt, env_of({}));
  ASSERT_FALSE(dir.has_value());
  EXPECT_NE(dir.error().message.find("LIMBER_HOME"), std::string::npos);
  EXPECT_FALSE(data_dir(std::string(""), env_of({{"HOME", "/h"}})).has_value());
}

}  // namespace
}  // namespace limber::app
