#include "app/entry_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/json_writer.h"
#include "support/clock.h"

namespace limber::app {
namespace {

TEST(JsonWriterTest, EscapesWhatJsonRequires) {
  std::string out;
  JsonWriter json(out);
  json.begin_object()
      .key("note")
      .value("say \"hi\"\\ \n\t\x01 é")
      .key("n")
      .value(-3)
      .key("z")
      .null();
  json.key("list").begin_array().value(1).value("a").end_array().end_object();
  EXPECT_EQ(out, R"({"note":"say \"hi\"\\ \n\t\u0001 é","n":-3,"z":null,"list":[1,"a"]})");
  EXPECT_EQ(nlohmann::json::parse(out)["note"], "say \"hi\"\\ \n\t\x01 é");
}

TEST(EntryJsonTest, TheFastListAndTheTreeAgree) {
  core::Entry pain;
  pain.id = 4;
  pain.at = testing::kNoon;
  pain.utc_offset = std::chrono::hours{-5};
  pain.detail = core::PainRecord{*core::PainScore::from_int(6),
                                 {{core::Region::kNeck, *core::PainScore::from_int(3)}},
                                 core::Mobility::kStand,
                                 std::nullopt};
  pain.note = "a \"quoted\"\nnote";
  core::Entry session = pain;
  session.id = 5;
  session.detail = core::SessionRecord{
      {"yoga-cat-cow"}, *core::PainScore::from_int(4), *core::PainScore::from_int(3), 12};
  const std::vector<core::Entry> entries = {pain, session};
  const auto list = nlohmann::json::parse(to_json_text(entries));
  EXPECT_EQ(list, to_json(entries));
  EXPECT_EQ(list[0]["at"], "2026-11-21T07:00:00-05:00");
  EXPECT_EQ(list[0]["regions"][0]["pain"], 3);
  EXPECT_EQ(list[0]["mobility"], "stand");
  EXPECT_EQ(list[0]["note"], "a \"quoted\"\nnote");
  EXPECT_EQ(list[1]["exercises"][0], "yoga-cat-cow");
  EXPECT_EQ(list[1]["pain_after"], 3);
  EXPECT_EQ(nlohmann::json::parse(to_json_text({})), nlohmann::json::array());
}

// Issue 14: the id a phone gave an entry is listed when there is one, and only then.
TEST(EntryJsonTest, ListsTheDevicesIdOnlyWhenThereIsOne) {
  core::Entry walk;
  walk.id = 7;
  walk.at = testing::kNoon;
  walk.detail = core::WalkRecord{10};
  core::Entry from_phone = walk;
  from_phone.id = 8;
  from_phone.client_id = "0b9e4f0e-6f3c-4a0e-9d5e-2f1a7c3b8d21";
  const std::vector<core::Entry> entries = {walk, from_phone};
  const auto list = nlohmann::json::parse(to_json_text(entries));
  EXPECT_EQ(list, to_json(entries));
  EXPECT_FALSE(list[0].contains("client_id"));
  EXPECT_EQ(list[1]["client_id"], "0b9e4f0e-6f3c-4a0e-9d5e-2f1a7c3b8d21");
}

// Issue 15: every entry has its "tags", a list (empty when none), in the order given.
TEST(EntryJsonTest, ListsTheTagsOfEveryEntry) {
  core::Entry walk;
  walk.id = 7;
  walk.at = testing::kNoon;
  walk.detail = core::WalkRecord{10};
  core::Entry tagged = walk;
  tagged.id = 8;
  tagged.tags = {"long-drive", "lifting"};
  const std::vector<core::Entry> entries = {walk, tagged};
  const auto list = nlohmann::json::parse(to_json_text(entries));
  EXPECT_EQ(list, to_json(entries));
  EXPECT_EQ(list[0]["tags"], nlohmann::json::array());
  EXPECT_EQ(list[1]["tags"], nlohmann::json({"long-drive", "lifting"}));
}

}  // namespace
}  // namespace limber::app
