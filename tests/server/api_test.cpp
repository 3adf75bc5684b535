// The JSON API against a running server on a loopback port: every rejection the issue
// names (no token, wrong Host, wrong Origin, bad JSON, out-of-range values) and that
// nothing was written, then each use case the page relies on.
#include <gtest/gtest.h>

#include "server/security.h"
#include "server_fixture.h"
#include "store/screening_store.h"
#include "store/sitting_store.h"

namespace limber::testing {
namespace {

using nlohmann::json;

class ApiTest : public ServerTest {};

TEST_F(ApiTest, RefusesRequestsWithoutTheToken) {
  const Answer api = get("/api/today", {{"Authorization", ""}});
  EXPECT_EQ(api.status, 401);
  EXPECT_NE(api.error().find("limber serve"), std::string::npos) << api.text;
  const Answer page = get("/", {{"Authorization", ""}});
  EXPECT_EQ(page.status, 401);
  EXPECT_NE(page.text.find("?token="), std::string::npos);
  EXPECT_EQ(get("/index.html", {{"Authorization", ""}}).status, 401);
  EXPECT_EQ(get("/api/today", {{"Authorization", "Bearer wrong"}}).status, 401);
  EXPECT_EQ(get("/?token=wrong", {{"Authorization", ""}}).status, 401);
  const Answer write =
      post("/api/entries", R"({"pain": 5})", {{"Authorization", ""}, {"Origin", origin()}});
  EXPECT_EQ(write.status, 401);
  EXPECT_EQ(entry_count(), 0);
}

TEST_F(ApiTest, ExchangesTheTokenForAStrictHttpOnlyCookie) {
  const Answer start = get(start_path(), {{"Authorization", ""}});
  ASSERT_EQ(start.status, 200) << start.text;
  const std::string cookie = start.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find(kToken), std::string::npos) << "the cookie is not the token itself";
  const std::string pair = cookie.substr(0, cookie.find(';'));
  const Answer today = get("/api/today", {{"Cookie", pair}});
  EXPECT_EQ(today.status, 200) << today.text;
  const Answer page = get("/", {{"Cookie", pair}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
}

// Issue #12, item 15: the same start-up address opened four browsers.
TEST_F(ApiTest, AStartUpAddressOpensOneBrowserOnce) {
  const std::string address = start_path();
  const Answer first = get(address, {{"Authorization", ""}});
  ASSERT_EQ(first.status, 200) << first.text;
  const std::string cookie =
      first.header("Set-Cookie").substr(0, first.header("Set-Cookie").find(';'));
  ASSERT_FALSE(cookie.empty());

  const Answer second = get(address, {{"Authorization", ""}});
  EXPECT_EQ(second.status, 410) << second.text;
  EXPECT_EQ(second.header("Set-Cookie"), "");
  EXPECT_NE(second.text.find("already used"), std::string::npos) << second.text;
  EXPECT_NE(second.text.find("Enter in the terminal"), std::string::npos) << second.text;

  // The browser that opened it may open it again: it moves on, with the cookie it has.
  EXPECT_EQ(get(address, {{"Cookie", cookie}}).status, 200);
  // The scripts' token is no address key.
  EXPECT_EQ(get(std::string("/?token=") + kToken, {{"Authorization", ""}}).status, 401);

  // A new address opens one more browser, once.
  auto fresh = server_->new_start_url();
  ASSERT_TRUE(fresh) << fresh.error().message;
  const std::string path = fresh->substr(fresh->find("/?token="));
  EXPECT_NE(path, address);
  EXPECT_EQ(get(path, {{"Authorization", ""}}).status, 200);
  EXPECT_EQ(get(path, {{"Authorization", ""}}).status, 410);
}

TEST_F(ApiTest, RefusesAForeignHostNameEvenWithTheToken) {
  // DNS rebinding: another site's name, pointed at 127.0.0.1.
  const std::string port = std::to_string(port_);
  for (const std::string& bad : std::vector<std::string>{
           "evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1:1", "127.0.0.1"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(get("/api/today", {{"Host", bad}}).status, 403);
    EXPECT_EQ(post("/api/entries", R"({"pain": 5})", {{"Host", bad}}).status, 403);
    EXPECT_EQ(get(start_path(), {{"Host", bad}, {"Authorization", ""}}).status, 403);
  }
  EXPECT_EQ(get("/api/today", {{"Host", "localhost:" + port}}).status, 200);
  EXPECT_EQ(entry_count(), 0);
}

TEST_F(ApiTest, RefusesAWriteFromAnotherOrigin) {
  const Answer start = get(start_path(), {{"Authorization", ""}});
  const std::string cookie =
      start.header("Set-Cookie").substr(0, start.header("Set-Cookie").find(';'));
  const std::string body = R"({"pain": 5, "regions": ["lower-back"]})";
  EXPECT_EQ(
      post("/api/entries", body, {{"Cookie", cookie}, {"Origin", "http://evil.example"}}).status,
      403);
  EXPECT_EQ(post("/api/entries", body, {{"Cookie", cookie}, {"Origin", "null"}}).status, 403);
  EXPECT_EQ(post("/api/entries", body, {{"Cookie", cookie}}).status, 403)
      << "with the cookie, the Origin must be there";
  EXPECT_EQ(post("/api/entries", body, {{"Origin", "http://evil.example"}}).status, 403)
      << "with the token, a wrong Origin is still refused";
  EXPECT_EQ(send("DELETE", "/api/entries/1", "", {{"Cookie", cookie}}).status, 403);
  EXPECT_EQ(entry_count(), 0);

  EXPECT_EQ(post("/api/entries", body, {{"Cookie", cookie}, {"Origin", origin()}}).status, 201);
  EXPECT_EQ(post("/api/entries", body).status, 201) << "a script with the token needs no Origin";
  EXPECT_EQ(entry_count(), 2);
}

TEST_F(ApiTest, RefusesABodyThatIsNotJson) {
  const Answer broken = post("/api/entries", R"({"pain": 5, )");
  EXPECT_EQ(broken.status, 400);
  EXPECT_NE(broken.error().find("not valid JSON"), std::string::npos) << broken.text;
  EXPECT_EQ(post("/api/entries", "[5]").status, 400);
  EXPECT_EQ(post("/api/entries", "").status, 400);
  const Answer form =
      post("/api/entries", "pain=5", {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  EXPECT_NE(form.error().find("application/json"), std::string::npos);
  const Answer huge = post("/api/entries", std::string(100 * 1024, ' '));
  EXPECT_EQ(huge.status, 413);
  EXPECT_FALSE(huge.error().empty()) << huge.text;
  EXPECT_EQ(post("/api/check", "{").status, 400);
  EXPECT_EQ(send("PUT", "/api/preferences", "nope").status, 400);
  EXPECT_EQ(entry_count(), 0);
}

TEST_F(ApiTest, RefusesEntriesOutOfRangeWithAHintAndWritesNothing) {
  struct Case {
    const char* body;
    const char* says;
  };
  const std::string long_note = R"({"pain": 5, "note": ")" + std::string(2001, 'a') + "\"}";
  const Case kCases[] = {
      {R"({"pain": 11})", "0 (no pain) to 10"},
      {R"({"pain": -1})", "out of range"},
      {R"({"pain": 5.5})", "whole number"},
      {R"({"pain": "5"})", "whole number"},
      {R"({"pain": 99999999999})", "out of range"},
      {R"({"pain": 5, "regions": ["lower-bak"]})", "lower-back"},
      {R"({"pain": 5, "regions": "neck"})", "must be a list"},
      {R"({"pain": 5, "regions": ["neck", "neck"]})", "neck"},
      {R"({"pain": 5, "regions": ["neck:12"]})", "range"},
      {R"({"pain": 5, "regions": [{"region": "neck", "pain": 11}]})", "range"},
      {R"({"pain": 5, "mobility": "run"})", "mobility"},
      {R"({"pain": 5, "regions": ["neck"], "leg_pain_spreads": true})", "thigh or calf"},
      {R"({"pain": 5, "regions": ["left-calf"], "leg_pain_spreads": "yes"})", "true"},
      {R"({"pain": 5, "regoins": ["neck"]})", "Did you mean 'regions'"},
      {R"({"pain": 5, "at": "tomorrow 10:00"})",
       "'tomorrow 10:00' is in the future, and times in the future cannot be logged"},
      {R"({"pain": 5, "at": "2026-11-22T12:00:00Z"})", "future"},
      {long_note.c_str(), "2001 characters"},
      {R"({"kind": "walk", "minutes": 0})", "1 to 600"},
      {R"({"kind": "walk", "minutes": 601})", "1 to 600"},
      {R"({"kind": "walk"})", "minutes"},
      {R"({"kind": "walk", "minutes": 10, "pain": 3})", "unknown field \"pain\""},
      {R"({"kind": "relief", "relief": "pills"})", "medication"},
      {R"({"kind": "jog", "minutes": 5})", "entry kind"},
      {R"({"kind": "session", "exercises": ["basics-lie-flatt"], "pain_before": 5, "pain_after": 4, "minutes": 5})",
       "basics-lie-flat"},
      {R"({"kind": "session", "exercises": ["basics-lie-flat"], "pain_before": 5, "pain_after": 14, "minutes": 5})",
       "pain_after"},
      {R"({"kind": "session", "exercises": ["basics-lie-flat"], "pain_before": 5, "pain_after": 4, "minutes": 0})",
       "minutes"},
      {R"({"note": "no pain given"})", "say what to log"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.body);
    const Answer answer = post("/api/entries", c.body);
    EXPECT_EQ(answer.status, 400) << answer.text;
    EXPECT_NE(answer.error().find(c.says), std::string::npos) << answer.error();
  }
  EXPECT_EQ(entry_count(), 0);
}

TEST_F(ApiTest, LogsPainAsTheIssueShowsIt) {
  const Answer saved = post("/api/entries", R"({"pain": 5, "regions": ["lower-back"]})");
  ASSERT_EQ(saved.status, 201) << saved.text;
  EXPECT_EQ(saved.body["entry"]["pain"], 5);
  EXPECT_EQ(saved.body["entry"]["pain_words"], "distracting");
  EXPECT_EQ(saved.body["entry"]["regions"][0]["region"], "lower-back");
  EXPECT_EQ(saved.body["entry"]["at"], local_iso(kNoon));
  const Answer listed = get("/api/entries");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["entries"].size(), 1U);
  EXPECT_EQ(listed.body["entries"][0]["id"], saved.body["entry"]["id"]);
}

TEST_F(ApiTest, LogsEveryKindOfEntry) {
  const std::string kBodies[] = {
      R"({"pain": 6, "regions": ["lower-back", "neck:3", {"region": "left-thigh", "pain": 4}],
          "mobility": "stand", "note": "lifted a box", "at": "yesterday 21:00"})",
      R"({"kind": "relief", "relief": "heat", "name": "hot water bottle"})",
      R"({"kind": "walk", "minutes": 15})",
      R"({"kind": "session", "exercises": ["basics-lie-flat", "basics-belly-breathing"],
          "pain_before": 5, "pain_after": 4, "minutes": 9})",
  };
  for (const std::string& body : kBodies) {
    SCOPED_TRACE(body);
    EXPECT_EQ(post("/api/entries", body).status, 201);
  }
  const Answer listed = get("/api/entries?days=7");
  ASSERT_EQ(listed.body["entries"].size(), 4U);
  const json& pain = listed.body["entries"][3];  // newest first: yesterday's is last
  EXPECT_EQ(pain["regions"].size(), 3U);
  EXPECT_EQ(pain["regions"][1]["pain"], 3);
  EXPECT_EQ(pain["mobility"], "stand");
  EXPECT_EQ(pain["at"], local_iso("2026-11-20T21:00"));
  EXPECT_EQ(listed.body["entries"][0]["kind"], "session");
  EXPECT_EQ(listed.body["entries"][0]["exercises"].size(), 2U);
}

TEST_F(ApiTest, AsksForTheCheckAgainAfterPainInBothLegs) {
  const Answer saved =
      post("/api/entries", R"({"pain": 6, "regions": ["left-thigh", "right-calf"]})");
  ASSERT_EQ(saved.status, 201);
  ASSERT_TRUE(saved.body["check_again"].is_string()) << saved.text;
  const std::string says = saved.body["check_again"].get<std::string>();
  EXPECT_NE(says.find("safety check again"), std::string::npos) << says;
  EXPECT_NE(says.find("both legs"), std::string::npos) << says;
  // Pain in one leg does not ask again.
  const Answer one_leg = post("/api/entries", R"({"pain": 6, "regions": ["left-thigh"]})");
  ASSERT_EQ(one_leg.status, 201);
  EXPECT_TRUE(one_leg.body["check_again"].is_null()) << one_leg.text;
}

TEST_F(ApiTest, ListsEntriesForAValidNumberOfDaysOnly) {
  for (const char* bad : {"/api/entries?days=0", "/api/entries?days=abc",
                          "/api/entries?days=", "/api/entries?days=36501", "/api/progress?days=0",
                          "/api/progress?days=3661", "/api/progress?days=-1"}) {
    SCOPED_TRACE(bad);
    const Answer answer = get(bad);
    EXPECT_EQ(answer.status, 400);
    EXPECT_NE(answer.error().find("whole number"), std::string::npos) << answer.text;
  }
}

TEST_F(ApiTest, TodayAsksForTheCheckFirstThenShowsThePlan) {
  const Answer before = get("/api/today");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body["safety"]["gate"], "needs-check");
  EXPECT_TRUE(before.body["plan"].is_null());
  EXPECT_EQ(before.body["disclaimer"]["due"], true);
  EXPECT_NE(before.body["disclaimer"]["text"].get<std::string>().find("not a doctor"),
            std::string::npos);

  pass_check();
  const Answer after = get("/api/today");
  EXPECT_EQ(after.body["safety"]["gate"], "open");
  EXPECT_EQ(after.body["safety"]["level"], "self-care");
  EXPECT_EQ(after.body["disclaimer"]["due"], false);
  ASSERT_TRUE(after.body["plan"].is_object());
  EXPECT_EQ(after.body["plan"]["phase"], "rest");
  EXPECT_FALSE(after.body["plan"]["exercises"].empty());
  EXPECT_FALSE(after.body["plan"]["reasons"].empty());
}

TEST_F(ApiTest, RefusesAnIncompleteCheckAndStoresNothing) {
  struct Case {
    const char* body;
    const char* says;
  };
  const Case kCases[] = {
      {R"({"answers": {"bladder": false}})", "\"bowel\" has no answer"},
      {R"({"answers": {"bladder": "no"}})", "true (yes) or false (no)"},
      {R"({"answers": {"bladdr": false}})", "bladder"},
      {R"({"answers": {"not-better": true}})", "read from the diary"},
      {R"({"answers": []})", "object of question ids"},
      {R"({"answer": {}})", "Did you mean 'answers'"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.body);
    const Answer answer = post("/api/check", c.body);
    EXPECT_EQ(answer.status, 400) << answer.text;
    EXPECT_NE(answer.error().find(c.says), std::string::npos) << answer.error();
  }
  EXPECT_EQ(store::ScreeningStore(*db_).count().value(), 0);
  EXPECT_EQ(get("/api/today").body["disclaimer"]["due"], true);
}

TEST_F(ApiTest, AnEmergencyPausesPlansUntilAClinicianHasSeenThePerson) {
  // A "yes" to bladder control ends the questions: the rest may be left out.
  const Answer checked = post("/api/check", R"({"answers": {"bladder": true}})");
  ASSERT_EQ(checked.status, 201) << checked.text;
  EXPECT_EQ(checked.body["safety"]["level"], "emergency");
  EXPECT_EQ(checked.body["safety"]["plans_paused"], true);
  EXPECT_NE(checked.body["safety"]["advice"].get<std::string>().find("emergency"),
            std::string::npos);
  EXPECT_EQ(get("/api/today").body["safety"]["gate"], "paused");
  EXPECT_TRUE(get("/api/today").body["plan"].is_null());
  const Answer refused = get("/api/session");  // a refusal, not an empty 200 (issue #12)
  EXPECT_EQ(refused.status, 409) << refused.text;
  EXPECT_TRUE(refused.body["error"].get<std::string>().starts_with("No session was started"))
      << refused.text;
  EXPECT_EQ(refused.body["safety"]["gate"], "paused");
  EXPECT_FALSE(refused.body.contains("exercises"));

  EXPECT_EQ(post("/api/clinician-visit", R"({"when": "now"})").status, 400);
  const Answer seen = post("/api/clinician-visit", "{}");
  ASSERT_EQ(seen.status, 201) << seen.text;
  EXPECT_EQ(seen.body["safety"]["gate"], "open");
  EXPECT_TRUE(get("/api/today").body["plan"].is_object());
}

TEST_F(ApiTest, ProgressShowsTheDaysAndTheEntries) {
  pass_check();
  ASSERT_EQ(
      post("/api/entries", R"({"pain": 6, "regions": ["lower-back"], "at": "yesterday 09:00"})")
          .status,
      201);
  ASSERT_EQ(post("/api/entries", R"({"pain": 4, "regions": ["lower-back", "neck"]})").status, 201);
  const Answer progress = get("/api/progress?days=7");
  ASSERT_EQ(progress.status, 200) << progress.text;
  ASSERT_EQ(progress.body["days"].size(), 7U);
  EXPECT_EQ(progress.body["to"], "2026-11-21");
  EXPECT_EQ(progress.body["days"][6]["pain_mean"], 4.0);
  EXPECT_EQ(progress.body["days"][5]["pain_mean"], 6.0);
  EXPECT_EQ(progress.body["days"][6]["pain_7day"], 5.0);
  EXPECT_EQ(progress.body["regions"][0]["region"], "lower-back");
}

// Issue 15: an entry's tags are taken by POST, listed by GET, refused with the rule when
// they are not tags, and filter progress.
TEST_F(ApiTest, TakesTagsListsThemAndFiltersProgressByOne) {
  pass_check();
  const Answer saved = post(
      "/api/entries",
      R"({"pain": 6, "regions": ["lower-back"], "tags": ["Lifting", "long-drive"], "at": "yesterday 09:00"})");
  ASSERT_EQ(saved.status, 201) << saved.text;
  EXPECT_EQ(saved.body["entry"]["tags"], json({"lifting", "long-drive"}));
  ASSERT_EQ(post("/api/entries", R"({"pain": 3, "regions": ["neck"]})").status, 201);
  const Answer listed = get("/api/entries");
  ASSERT_EQ(listed.body["entries"].size(), 2U);
  EXPECT_EQ(listed.body["entries"][0]["tags"], json::array());
  EXPECT_EQ(listed.body["entries"][1]["tags"], json({"lifting", "long-drive"}));

  const Answer bad = post("/api/entries", R"({"pain": 6, "tags": ["lift!ng"]})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.error().find("'lift!ng' is not a tag"), std::string::npos) << bad.text;
  EXPECT_EQ(post("/api/entries", R"({"pain": 6, "tags": "lifting"})").status, 400);
  EXPECT_EQ(entry_count(), 2);

  const Answer all = get("/api/progress?days=7");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body["tag"], nullptr);
  EXPECT_EQ(all.body["days"][6]["pain_mean"], 3.0);
  EXPECT_EQ(all.body["tags"], json::parse(R"([{"tag": "lifting", "entries": 1},
                                              {"tag": "long-drive", "entries": 1}])"));
  const Answer lifting = get("/api/progress?days=7&tag=lifting");
  ASSERT_EQ(lifting.status, 200) << lifting.text;
  EXPECT_EQ(lifting.body["tag"], "lifting");
  EXPECT_EQ(lifting.body["days"][5]["pain_mean"], 6.0);
  EXPECT_EQ(lifting.body["days"][6]["pain_mean"], nullptr);
  EXPECT_EQ(get("/api/progress?days=7&tag=").body["tag"], nullptr);
  EXPECT_EQ(get("/api/progress?days=7&tag=no%2Fway").status, 400);
}

// What `limber watch` recorded, written by another process, shows day by day.
TEST_F(ApiTest, ProgressShowsSittingAndBreaksByDay) {
  pass_check();
  const Answer before = get("/api/progress?days=7");
  ASSERT_EQ(before.body["sitting"].size(), 7U);
  EXPECT_EQ(before.body["sitting"][6]["sat_minutes"], 0);

  auto other = store::Database::open(db_path(), store::OpenOptions{});
  ASSERT_TRUE(other) << other.error().message;
  const store::SittingStore sitting(*other);
  using std::chrono::minutes;
  const core::Instant yesterday = kNoon - std::chrono::days{1};
  ASSERT_TRUE(sitting.add_bout({yesterday, yesterday + minutes{52}, 1}, {}));
  ASSERT_TRUE(sitting.add_bout({kNoon - minutes{90}, kNoon - minutes{70}, 0}, {}));
  ASSERT_TRUE(sitting.add_bout({kNoon - minutes{60}, kNoon - minutes{25}, 0}, {}));
  ASSERT_TRUE(sitting.add_break(
      {kNoon - minutes{70}, kNoon - minutes{60}, core::BreakKind::kConfirmed}, {}));
  auto reminder = sitting.add_reminder({1, yesterday + minutes{30}, minutes{30}}, {}, std::nullopt);
  ASSERT_TRUE(reminder);
  ASSERT_TRUE(
      sitting.answer_reminder(*reminder, yesterday + minutes{31}, core::ReminderOutcome::kStoodUp));

  const Answer after = get("/api/progress?days=7");
  ASSERT_EQ(after.status, 200) << after.text;
  const auto& today = after.body["sitting"][6];
  EXPECT_EQ(today["date"], "2026-11-21");
  EXPECT_EQ(today["sat_minutes"], 55);
  EXPECT_EQ(today["longest_minutes"], 35);
  EXPECT_EQ(today["breaks"], 1);
  const auto& day_before = after.body["sitting"][5];
  EXPECT_EQ(day_before["longest_minutes"], 52);
  EXPECT_EQ(day_before["reminders"], 1);
  EXPECT_EQ(day_before["stood_up"], 1);
}

TEST_F(ApiTest, ProgressFollowsEveryChangeToTheDiaryAndTheDay) {
  pass_check();
  EXPECT_TRUE(get("/api/progress?days=7").body["days"][6]["pain_mean"].is_null());
  ASSERT_EQ(post("/api/entries", R"({"pain": 4})").status, 201);
  EXPECT_EQ(get("/api/progress?days=7").body["days"][6]["pain_mean"], 4.0);

  // Another process (a `limber log` in a terminal) writes to the same diary.
  auto other = store::Database::open(db_path(), store::OpenOptions{});
  ASSERT_TRUE(other) << other.error().message;
  core::Entry entry;
  entry.at = kNoon;
  entry.detail =
      core::PainRecord{core::PainScore::from_int(8).value(), {}, std::nullopt, std::nullopt};
  ASSERT_TRUE(store::DiaryStore(*other).add(entry));
  EXPECT_EQ(get("/api/progress?days=7").body["days"][6]["pain_mean"], 6.0);
  EXPECT_EQ(get("/api/today").body["plan"]["date"], "2026-11-21");

  now_ = kNoon + std::chrono::days{1};  // the day turns
  EXPECT_EQ(get("/api/progress?days=7").body["to"], "2026-11-22");
  EXPECT_EQ(get("/api/today").body["plan"]["date"], "2026-11-22");
}

TEST_F(ApiTest, SetsPreferencesAndMuscles) {
  const Answer styles = send("PUT", "/api/preferences", R"({"styles": ["yoga", "ballet"]})");
  ASSERT_EQ(styles.status, 200) << styles.text;
  EXPECT_EQ(styles.body["styles"], json({"yoga", "ballet"}));
  const Answer muscles =
      send("PUT", "/api/preferences", R"({"weak": ["deep-abs"], "tight": ["hip-flexors"]})");
  ASSERT_EQ(muscles.status, 200) << muscles.text;
  const Answer read = get("/api/preferences");
  EXPECT_EQ(read.body["weak"], json({"deep-abs"}));
  EXPECT_EQ(read.body["tight"], json({"hip-flexors"}));
  EXPECT_EQ(read.body["styles"].size(), 2U);

  const Answer typo = send("PUT", "/api/preferences", R"({"styles": ["yogaa"]})");
  EXPECT_EQ(typo.status, 400);
  EXPECT_NE(typo.error().find("yoga"), std::string::npos) << typo.text;
  EXPECT_EQ(send("PUT", "/api/preferences", "{}").status, 400);
  EXPECT_EQ(send("PUT", "/api/preferences", R"({"weak": "glutes"})").status, 400);
  EXPECT_EQ(get("/api/preferences").body["weak"], json({"deep-abs"}));
}

TEST_F(ApiTest, ListsExercisesAndShowsOneInFull) {
  const Answer yoga = get("/api/exercises?style=yoga");
  ASSERT_EQ(yoga.status, 200);
  ASSERT_FALSE(yoga.body["exercises"].empty());
  for (const json& exercise : yoga.body["exercises"])
    EXPECT_EQ(exercise["style"], "yoga");
  EXPECT_EQ(get("/api/exercises?style=tango").status, 400);
  const Answer one = get("/api/exercises/basics-lie-flat");
  ASSERT_EQ(one.status, 200);
  EXPECT_FALSE(one.body["stop_if"].empty());
  const Answer missing = get("/api/exercises/basics-lie-flatt");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.error().find("basics-lie-flat"), std::string::npos);
}

TEST_F(ApiTest, TheSessionIsTimedStageByStage) {
  const Answer unchecked = get("/api/session");
  EXPECT_EQ(unchecked.status, 409) << "no check yet: " << unchecked.text;
  EXPECT_EQ(unchecked.body["safety"]["gate"], "needs-check");
  pass_check();
  const Answer session = get("/api/session");
  ASSERT_EQ(session.status, 200) << session.text;
  EXPECT_EQ(session.body["posture_only"], true) << "rest phase: the posture routine";
  ASSERT_FALSE(session.body["exercises"].empty());
  const json& first = session.body["exercises"][0];
  EXPECT_FALSE(first["steps"].empty());
  EXPECT_EQ(first["stages"][0]["stage"], "ready");
  EXPECT_EQ(first["stages"][1]["stage"], "work");
}

TEST_F(ApiTest, DeletesAnEntry) {
  ASSERT_EQ(post("/api/entries", R"({"pain": 5})").status, 201);
  EXPECT_EQ(send("DELETE", "/api/entries/abc").status, 400);
  EXPECT_EQ(send("DELETE", "/api/entries/1").status, 200);
  EXPECT_EQ(send("DELETE", "/api/entries/1").status, 404);
  EXPECT_EQ(entry_count(), 0);
}

// PUT /api/entries/ID: a mistaken entry is corrected in place; a bad correction changes
// nothing.
TEST_F(ApiTest, ReplacesAnEntryKeepingItsTimeAndKind) {
  const Answer logged = post("/api/entries", R"({"pain": 7, "regions": ["neck"], "at": "06:00"})");
  ASSERT_EQ(logged.status, 201) << logged.text;
  const std::string path = "/api/entries/" + std::to_string(logged.body["entry"]["id"].get<int>());
  const std::string at = logged.body["entry"]["at"];

  const Answer fixed =
      send("PUT", path, R"({"pain": 4, "regions": ["lower-back"], "note": "typo"})");
  ASSERT_EQ(fixed.status, 200) << fixed.text;
  EXPECT_EQ(fixed.body["entry"]["pain"], 4);
  EXPECT_EQ(fixed.body["entry"]["at"], at);
  EXPECT_EQ(fixed.body["entry"]["regions"][0]["region"], "lower-back");
  const json listed = get("/api/entries").body["entries"];
  ASSERT_EQ(listed.size(), 1U) << listed.dump();
  EXPECT_EQ(listed[0]["pain"], 4);
  EXPECT_EQ(listed[0]["note"], "typo");

  for (const auto& [body, status] :
       std::vector<std::pair<std::string, int>>{{R"({"kind": "walk", "minutes": 10})", 400},
                                                {R"({"pain": 11})", 400},
                                                {R"({"pain": 3, "at": "tomorrow 09:00"})", 400},
                                                {"{not json", 400}}) {
    SCOPED_TRACE(body);
    EXPECT_EQ(send("PUT", path, body).status, status);
  }
  EXPECT_EQ(send("PUT", "/api/entries/99", R"({"pain": 3})").status, 404);
  EXPECT_EQ(send("PUT", path, R"({"pain": 3})", {{"Authorization", ""}}).status, 401);
  const json after = get("/api/entries").body["entries"];
  EXPECT_EQ(after[0]["pain"], 4);
  EXPECT_EQ(after[0]["regions"][0]["region"], "lower-back");
  EXPECT_EQ(entry_count(), 1);
}

TEST_F(ApiTest, TracksActivitiesThePainMakesHard) {
  ASSERT_EQ(post("/api/function/activities", R"({"name": "put on socks"})").status, 201);
  EXPECT_EQ(post("/api/function/activities", R"({"name": ""})").status, 400);
  EXPECT_EQ(post("/api/function/ratings", R"({"name": "put on socks", "score": 11})").status, 400);
  const Answer rated = post("/api/function/ratings", R"({"name": "put on socks", "score": 4})");
  ASSERT_EQ(rated.status, 201) << rated.text;
  EXPECT_EQ(rated.body["score"], 4.0);
  EXPECT_EQ(post("/api/function/ratings", R"({"name": "tie shoes", "score": 4})").status, 404);
  EXPECT_EQ(send("DELETE", "/api/function/activities/put%20on%20socks").status, 200);
  EXPECT_TRUE(get("/api/function").body["activities"].empty());
}

TEST_F(ApiTest, StartsANewEpisode) {
  EXPECT_EQ(get("/api/episode").body["number"], 1);
  EXPECT_EQ(post("/api/episode", R"({"number": 2})").status, 400);
  EXPECT_EQ(post("/api/episode", "{}").status, 201);
  EXPECT_EQ(get("/api/episode").body["number"], 2);
}

TEST_F(ApiTest, DescribesTheVocabularyThePageShows) {
  const Answer words = get("/api/vocabulary");
  ASSERT_EQ(words.status, 200);
  EXPECT_EQ(words.body["pain"].size(), 11U);
  EXPECT_EQ(words.body["pain"][10]["words"], "worst imaginable");
  EXPECT_EQ(words.body["regions"][0]["id"], "lower-back");
  EXPECT_EQ(words.body["mobility"].size(), 4U);
}

TEST_F(ApiTest, AnUnknownRouteIsAJsonNotFound) {
  const Answer missing = get("/api/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.error().find("docs/api.md"), std::string::npos) << missing.text;
}

}  // namespace
}  // namespace limber::testing
