// limber share's bookkeeping with a clinic that answers in the test: everything sent at
// first, then only what is new or changed; a failed send changes nothing, so the next one
// sends it again; a stop the clinic did not get is kept and asked again.
#include "app/share_service.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/diary_store.h"
#include "store/plan_store.h"
#include "store/sitting_store.h"
#include "support/clock.h"
#include "support/entries.h"

namespace limber::app {
namespace {

using nlohmann::json;

class ShareServiceTest : public ::testing::Test {
 protected:
  // The clinic: takes the invitation "GOOD", keeps what is uploaded by identifier (as the
  // real one upserts), deletes on DELETE; `down` makes it unreachable.
  core::Result<ClinicReply> answer(const std::string& url, const ClinicRequest& request) {
    urls.push_back(url);
    if (down)
      return core::fail(core::ErrorCode::kBusy, "the clinic cannot be reached");
    if (request.path == "/api/share/join") {
      if (json::parse(request.body)["code"] != "GOOD")
        return ClinicReply{404, R"({"error":"That invitation code is not known here."})"};
      return ClinicReply{201, json{{"patient", 7}, {"token", std::string(64, 'a')}}.dump()};
    }
    if (request.method == "PUT") {
      const auto bundle = json::parse(request.body);
      ++uploads;
      for (const auto& entry : bundle["entry"]) {
        const auto& identifier = entry["resource"]["identifier"];
        held[(identifier.is_array() ? identifier[0] : identifier)["value"]] = entry.dump();
      }
      return ClinicReply{200, json{{"written", bundle["entry"].size()}}.dump()};
    }
    if (request.path == "/api/share/deletions") {
      // A record's resources: the key itself, or the key and '-' ("entry-1-pain").
      int deleted = 0;
      const auto body = json::parse(request.body);
      for (const auto& key : body["records"]) {
        const std::string record = key.get<std::string>();
        std::erase_if(held, [&](const auto& item) {
          const bool match = item.first == record || item.first.starts_with(record + "-");
          deleted += match ? 1 : 0;
          return match;
        });
      }
      deletions.push_back(request.body);
      return ClinicReply{200, json{{"deleted", deleted}}.dump()};
    }
    const auto deleted = held.size();
    held.clear();
    return ClinicReply{200, json{{"stopped", true}, {"deleted", deleted}}.dump()};
  }

  void log(int pain) {
    ASSERT_TRUE(store::DiaryStore(db_)
                    .add(testing::pain_entry(testing::kNoon, pain,
                                             testing::unrated({core::Region::kLowerBack})))
                    .has_value());
  }

  store::Database db_ = *store::Database::open_in_memory();
  std::vector<std::string> urls;
  std::map<std::string, std::string> held;
  std::vector<std::string> deletions;
  int uploads = 0;
  bool down = false;
  ShareService share_{
      db_,
      [this](const std::string& url, const ClinicRequest& request) { return answer(url, request); },
      [] {
        return testing::kNoon;
      }};
};

TEST_F(ShareServiceTest, SharesEverythingFirstThenOnlyWhatIsNewOrChanged) {
  log(4);
  log(5);

  const auto first = share_.join("https://clinic.example", "GOOD", false, "Dee");

  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->records, 2);
  EXPECT_EQ(held.size(), 2U);
  EXPECT_EQ(urls.front(), "https://clinic.example");
  EXPECT_EQ(share_.sync().value().records, 0);
  log(6);
  EXPECT_EQ(share_.sync().value().records, 1);
  EXPECT_EQ(held.size(), 3U);
  const auto status = share_.status().value();
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->sent, 3);
  EXPECT_EQ(status->pending, 0);
  EXPECT_EQ(status->clinic.last_sent_at, testing::kNoon);
}

TEST_F(ShareServiceTest, AFailedSendChangesNothingAndTheNextOneSendsAgain) {
  log(4);
  ASSERT_TRUE(share_.join("https://clinic.example", "GOOD", false, "").has_value());
  log(5);
  down = true;

  const auto failed = share_.sync();

  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code, core::ErrorCode::kBusy);
  EXPECT_EQ(share_.status().value()->pending, 1);
  down = false;
  EXPECT_EQ(share_.sync().value().records, 1);
  EXPECT_EQ(share_.status().value()->pending, 0);
}

TEST_F(ShareServiceTest, RefusesPlainHttpAndTellsTheClinicsRefusal) {
  const auto plain = share_.join("http://clinic.example", "GOOD", false, "");
  ASSERT_FALSE(plain.has_value());
  EXPECT_NE(plain.error().message.find("not an https:// address"), std::string::npos);
  EXPECT_TRUE(urls.empty());

  const auto wrong = share_.join("https://clinic.example", "BAD", false, "");
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message, "the clinic refused: That invitation code is not known here.");
  EXPECT_FALSE(share_.status().value().has_value());
}

TEST_F(ShareServiceTest, AStopTheClinicDidNotGetIsKeptAndAskedAgain) {
  log(4);
  ASSERT_TRUE(share_.join("https://clinic.example", "GOOD", false, "").has_value());
  down = true;

  ASSERT_FALSE(share_.stop().has_value());

  EXPECT_TRUE(share_.status().value()->clinic.stopping);
  down = false;
  ASSERT_TRUE(share_.sync().has_value());  // asks for the stop, sends nothing
  EXPECT_TRUE(held.empty());
  EXPECT_FALSE(share_.status().value().has_value());
}

TEST_F(ShareServiceTest, CountsWhatWouldBeSharedWithOrWithoutNotes) {
  log(4);
  log(5);

  const auto counts = share_.preview(true).value();

  EXPECT_EQ(counts.pain_ratings, 2);
  EXPECT_EQ(counts.checks, 0);
  EXPECT_TRUE(counts.notes);
}

TEST_F(ShareServiceTest, AnEntryDeletedFromTheDiaryIsDeletedAtTheClinicThenForgotten) {
  log(4);
  log(5);
  ASSERT_TRUE(share_.join("https://clinic.example", "GOOD", false, "").has_value());
  ASSERT_EQ(held.size(), 2U);
  ASSERT_TRUE(store::DiaryStore(db_).remove(1).has_value());
  EXPECT_EQ(share_.status().value()->gone, 1);
  down = true;

  ASSERT_FALSE(share_.sync().has_value());  // the clinic away: still to delete

  EXPECT_EQ(share_.status().value()->gone, 1);
  down = false;
  const auto sent = share_.sync().value();
  EXPECT_EQ(sent.deleted, 1);
  EXPECT_EQ(held.count("entry-1-pain"), 0U);
  EXPECT_EQ(held.count("entry-2-pain"), 1U);
  const auto status = share_.status().value();
  EXPECT_EQ(status->gone, 0);
  EXPECT_EQ(status->sent, 1);
  deletions.clear();
  EXPECT_EQ(share_.sync().value().deleted, 0);
  EXPECT_TRUE(deletions.empty());  // forgotten: not asked again
}

TEST_F(ShareServiceTest, AChangedEntryLeavesNothingOfItsOldSelfAtTheClinic) {
  ASSERT_TRUE(
      store::DiaryStore(db_)
          .add(testing::pain_entry(
              testing::kNoon, 5, testing::unrated({core::Region::kLowerBack, core::Region::kNeck})))
          .has_value());
  ASSERT_TRUE(share_.join("https://clinic.example", "GOOD", false, "").has_value());
  ASSERT_EQ(held.size(), 3U);  // the overall rating and a member for each region
  auto entry = store::DiaryStore(db_).get(1).value();
  entry.detail =
      core::PainRecord{*core::PainScore::from_int(7), testing::unrated({core::Region::kNeck}),
                       std::nullopt, std::nullopt};
  ASSERT_TRUE(store::DiaryStore(db_).replace(entry).has_value());

  const auto sent = share_.sync().value();

  EXPECT_EQ(sent.records, 1);
  EXPECT_EQ(sent.deleted, 0);
  ASSERT_EQ(held.size(), 1U);
  EXPECT_EQ(json::parse(held.at("entry-1-pain"))["resource"]["valueInteger"], 7);
}

TEST_F(ShareServiceTest, SharesEveryKindTheDiaryHolds) {
  log(4);
  store::DiaryStore diary(db_);
  ASSERT_TRUE(diary.add(testing::walk_entry(testing::kNoon, 20)).has_value());
  ASSERT_TRUE(diary.add(testing::relief_entry(testing::kNoon, core::ReliefKind::kHeat, "bottle"))
                  .has_value());
  ASSERT_TRUE(diary.add(testing::session_entry(testing::kNoon, 5, 3)).has_value());
  const store::PlanStore plans(db_);
  ASSERT_TRUE(plans.add_activity("put on socks", testing::kNoon).has_value());
  ASSERT_TRUE(
      plans.rate("put on socks", 4, testing::kNoon, std::chrono::seconds(3600)).has_value());
  const store::SittingStore sitting(db_);
  const core::SittingBout bout{testing::kNoon, testing::kNoon + std::chrono::minutes(40), 0};
  ASSERT_TRUE(sitting.add_bout(bout, std::chrono::seconds(0)).has_value());

  const auto counts = share_.preview(false).value();
  EXPECT_EQ(counts.pain_ratings, 1);
  EXPECT_EQ(counts.walks, 1);
  EXPECT_EQ(counts.reliefs, 1);
  EXPECT_EQ(counts.sessions, 1);
  EXPECT_EQ(counts.function_ratings, 1);
  EXPECT_EQ(counts.sitting_days, 1);

  ASSERT_TRUE(share_.join("https://clinic.example", "GOOD", false, "").has_value());
  for (const char* identifier :
       {"entry-1-pain", "entry-2-walk", "entry-3-relief", "entry-4-session", "psfs-1"})
    EXPECT_EQ(held.count(identifier), 1U) << identifier;
  EXPECT_EQ(std::count_if(held.begin(), held.end(),
                          [](const auto& item) { return item.first.starts_with("sitting-"); }),
            1);
}

}  // namespace
}  // namespace limber::app
