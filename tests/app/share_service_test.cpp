// limber share's bookkeeping with a clinic that answers in the test: everything sent at
// first, then only what is new or changed; a failed send changes nothing, so the next one
// sends it again; a stop the clinic did not get is kept and asked again.
#include "app/share_service.h"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/diary_store.h"
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

}  // namespace
}  // namespace limber::app
