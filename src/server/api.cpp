#include "server/api.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/diary_service.h"
#include "app/entry_json.h"
#include "app/local_time.h"
#include "app/plan_json.h"
#include "app/plan_service.h"
#include "app/progress_json.h"
#include "app/screening.h"
#include "app/screening_json.h"
#include "app/sitting_service.h"
#include "core/display_names.h"
#include "core/session_choice.h"
#include "core/session_script.h"
#include "core/tag.h"
#include "core/text.h"
#include "core/time_parse.h"
#include "core/utf8.h"
#include "server/http_status.h"
#include "server/remedy_text.h"
#include "server/request_json.h"
#include "store/connection_state.h"
#include "store/screening_store.h"

namespace limber::server {
namespace {

using nlohmann::json;

constexpr int kDefaultEntryDays = 14;
constexpr int kDefaultProgressDays = 28;
constexpr int kMaxProgressDays = 3660;

// The use cases of one request, all at the request's own "now".
struct Services {
  Services(const store::Database& db, const core::Catalog& catalog, const core::Now& at)
      : now(at), diary(db, at), screening(db, at), plans(db, at, catalog, screening) {}

  core::Now now;
  app::DiaryService diary;
  app::ScreeningService screening;
  app::PlanService plans;
};

Reply ok(json body, int status = 200) {
  return {status, std::move(body)};
}

// The standing result for the page: the core's advice, then what it means here.
// {"gate", "level", "flags", "advice", "next", "plans_paused", "seen_clinician"}
json safety_json(const app::Standing& standing) {
  std::string advice;
  std::string next;
  if (standing.gate() == app::Gate::kNeedsScreen) {
    advice =
        "Before your first plan, limber checks that home care is safe for you: a few yes/no "
        "questions about warning signs.";
    next = "Answer the safety check.";
  } else {
    advice = core::advice(standing.assessment);
    switch (standing.assessment.level) {
      case core::Level::kEmergency:
      case core::Level::kUrgent:
        next =
            "limber's exercise plans are paused. When a clinician has seen you, record it with "
            "\"A clinician has seen me\".";
        break;
      case core::Level::kSeeClinician:
        next = "After the visit, record it with \"A clinician has seen me\".";
        break;
      case core::Level::kSelfCare:
        break;
    }
  }
  return app::safety_json(standing, advice, next);
}

template <class Ids>
json id_array(const Ids& ids) {
  auto array = json::array();
  for (const auto& id : ids)
    array.push_back(id);
  return array;
}

}  // namespace

// A message may quote what was sent (a query parameter, an id): JSON needs it as UTF-8.
Reply error_reply(const core::Error& error) {
  return {http_status(error.code), {{"error", core::utf8::sanitize(explain(error))}}};
}

// The answer of a service call: its value as JSON, or the error it met.
template <typename T>
Reply json_reply(const core::Result<T>& result, int status = 200) {
  if (!result)
    return error_reply(result.error());
  return ok(app::to_json(*result), status);
}

json session_stages(const core::Exercise& exercise) {
  // The timing of core::SessionScript (`limber session`), as a list the page walks through.
  const core::Dose& dose = exercise.dose;
  auto stages = json::array();
  stages.push_back({{"stage", "ready"}, {"seconds", core::kReadySeconds}, {"set", 1}});
  const int sets = std::max(1, dose.sets);
  for (int set = 1; set <= sets; ++set) {
    json work = {{"stage", "work"}, {"set", set}};
    if (dose.hold_seconds) {
      work["seconds"] = std::max(*dose.hold_seconds, 1);
    } else {
      const int reps = std::max(1, dose.reps.value_or(1));
      const int pace = std::max(core::seconds_per_rep(exercise), 1);
      work["seconds"] = reps * pace;
      work["reps"] = reps;
      work["rep_seconds"] = pace;
    }
    stages.push_back(std::move(work));
    if (set < sets && dose.rest_seconds > 0)
      stages.push_back({{"stage", "rest"}, {"seconds", dose.rest_seconds}, {"set", set + 1}});
  }
  return stages;
}

template <class Compute>
Reply Api::memoized(const std::string& key, const core::Now& now, Compute compute) const {
  constexpr std::size_t kMaxMemos = 16;
  const auto mark = store::diary_version(db_);
  if (!mark)
    return compute();
  const std::int64_t changes = mark->changes;
  const std::int64_t version = mark->version;
  const std::string day = app::iso_day(std::chrono::floor<std::chrono::days>(now.local));
  if (const auto found = memos_.find(key); found != memos_.end() && found->second.day == day &&
                                           found->second.changes == changes &&
                                           found->second.version == version) {
    return found->second.reply;
  }
  Reply reply = compute();
  if (reply.status == 200) {
    if (memos_.size() >= kMaxMemos)
      memos_.clear();
    reply.text = reply.body.dump();
    reply.body = nullptr;
    memos_[key] = {day, changes, version, reply};
  }
  return reply;
}

Reply Api::today(const core::Now& now) const {
  return memoized("today", now, [&] { return compute_today(now); });
}

Reply Api::compute_today(const core::Now& now) const {
  const Services services(db_, catalog(), now);
  auto standing = services.screening.standing();
  if (!standing)
    return error_reply(standing.error());
  auto due = services.screening.disclaimer_due();
  if (!due)
    return error_reply(due.error());
  json out = {{"date", app::iso_day(std::chrono::floor<std::chrono::days>(now.local))},
              {"disclaimer", {{"text", app::disclaimer()}, {"due", *due}}},
              {"safety", safety_json(*standing)},
              {"plan", nullptr}};
  if (standing->gate() == app::Gate::kOpen) {
    auto plan = services.plans.plan();
    if (!plan)
      return error_reply(plan.error());
    out["plan"] = app::to_json(*plan);
  }
  return ok(std::move(out));
}

Reply Api::vocabulary() const {
  auto regions = json::array();
  for (const core::RegionInfo& region : core::all_regions()) {
    regions.push_back({{"id", region.id},
                       {"name", region.display},
                       {"side", region.side == core::Side::kLeft    ? "left"
                                : region.side == core::Side::kRight ? "right"
                                                                    : "none"}});
  }
  auto pain = json::array();
  for (int value = core::PainScore::kMin; value <= core::PainScore::kMax; ++value)
    pain.push_back({{"value", value}, {"words", core::PainScore::from_int(value)->words()}});
  auto mobility = json::array();
  for (const std::string_view id : core::mobility_ids()) {
    const core::Mobility level = *core::parse_mobility(id);
    mobility.push_back({{"id", id},
                        {"description", core::describe(level)},
                        {"phase", core::to_string(core::phase_for(level))},
                        {"phase_name", core::display_name(core::phase_for(level))}});
  }
  // Names from the core, as the CLI and the report show them (issue #12, item 13).
  json style_names = json::object();
  for (const std::string_view id : core::style_ids())
    style_names[std::string(id)] = core::display_name(*core::parse_style(id));
  json phase_names = json::object();
  for (const std::string_view id : core::phase_ids())
    phase_names[std::string(id)] = core::display_name(*core::parse_phase(id));
  return ok({{"regions", regions},
             {"pain", pain},
             {"mobility", mobility},
             {"relief", id_array(core::relief_ids())},
             {"styles", id_array(core::style_ids())},
             {"muscles", id_array(core::muscle_ids())},
             {"phases", id_array(core::phase_ids())},
             {"style_names", style_names},
             {"phase_names", phase_names},
             {"limits",
              {{"note", core::kMaxNoteLength},
               {"name", core::kMaxNameLength},
               {"walk_minutes", core::kMaxWalkMinutes},
               {"session_minutes", core::kMaxSessionMinutes},
               {"tag", core::kMaxTagLength},
               {"tags", core::kMaxTags}}}});
}

Reply Api::entries(const core::Now& now, std::optional<std::string_view> days) const {
  auto count = int_param(days, "days", kDefaultEntryDays, 1, app::kMaxHistoryDays);
  if (!count)
    return error_reply(count.error());
  const Services services(db_, catalog(), now);
  auto entries = services.diary.recent(*count);
  if (!entries)
    return error_reply(entries.error());
  return ok({{"days", *count}, {"entries", app::to_json(*entries)}});
}

namespace {

// {"entry", "check_again"}: issue #3, symptoms in both legs are a red flag, so the safety
// check is offered again.
json entry_reply(const core::Entry& saved) {
  json out = {{"entry", app::to_json(saved)}, {"check_again", nullptr}};
  if (core::pain_in_both_legs(saved)) {
    out["check_again"] =
        "Please answer the safety check again now: pain in both legs can be a warning sign.";
  }
  return out;
}

// The id in /api/entries/ID.
core::Result<std::int64_t> entry_id(std::string_view id) {
  std::int64_t number = 0;
  const auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
  if (id.empty() || ec != std::errc() || ptr != id.data() + id.size() || number < 1) {
    return core::fail(
        core::ErrorCode::kInvalidInput,
        fmt::format("'{}' is not an entry id: use the \"id\" of GET /api/entries", id));
  }
  return number;
}

}  // namespace

Reply Api::add_entry(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, R"({"pain": 5, "regions": ["lower-back"]})");
  if (!object)
    return error_reply(object.error());
  const core::Catalog& catalog = this->catalog();
  auto entry = entry_from_json(*object, now, catalog);
  if (!entry)
    return error_reply(entry.error());
  const Services services(db_, catalog, now);
  if (!entry->client_id.empty()) {
    // A device's entry, maybe sent before: the one already made answers 200.
    auto logged = services.diary.log_once(std::move(*entry));
    if (!logged)
      return error_reply(logged.error());
    json out = entry_reply(logged->entry);
    out["already_there"] = logged->already_there;
    return ok(std::move(out), logged->already_there ? 200 : 201);
  }
  auto saved = services.diary.log(std::move(*entry));
  if (!saved)
    return error_reply(saved.error());
  return ok(entry_reply(*saved), 201);
}

Reply Api::replace_entry(const core::Now& now, std::string_view id, std::string_view body) const {
  auto number = entry_id(id);
  if (!number)
    return error_reply(number.error());
  auto object = parse_object(body, R"({"pain": 4, "regions": ["lower-back"]})");
  if (!object)
    return error_reply(object.error());
  const core::Catalog& catalog = this->catalog();
  const Services services(db_, catalog, now);
  auto existing = services.diary.get(*number);
  if (!existing)
    return error_reply(existing.error());
  // What the body leaves out of the entry's identity stays: its kind and its time.
  if (!object->contains("kind") && !object->contains("pain"))
    (*object)["kind"] = core::to_string(existing->kind());
  if (!object->contains("at"))
    (*object)["at"] = core::format_iso(existing->at, existing->utc_offset);
  auto entry = entry_from_json(*object, now, catalog);
  if (!entry)
    return error_reply(entry.error());
  auto saved = services.diary.replace(*number, std::move(*entry));
  if (!saved)
    return error_reply(saved.error());
  return ok(entry_reply(*saved));
}

Reply Api::delete_entry(const core::Now& now, std::string_view id) const {
  auto number = entry_id(id);
  if (!number)
    return error_reply(number.error());
  const Services services(db_, catalog(), now);
  if (auto removed = services.diary.remove(*number); !removed)
    return error_reply(removed.error());
  return ok({{"deleted", *number}});
}

Reply Api::progress(const core::Now& now, std::optional<std::string_view> days,
                    std::optional<std::string_view> tag) const {
  auto count = int_param(days, "days", kDefaultProgressDays, 1, kMaxProgressDays);
  if (!count)
    return error_reply(count.error());
  // An empty tag (the page's "all entries") is no filter. A filtered answer is not kept: the
  // memo would grow with every tag asked for.
  if (tag && !tag->empty())
    return compute_progress(now, *count, tag);
  return memoized(fmt::format("progress {}", *count), now,
                  [&] { return compute_progress(now, *count, std::nullopt); });
}

Reply Api::compute_progress(const core::Now& now, int days,
                            std::optional<std::string_view> tag) const {
  const Services services(db_, catalog(), now);
  auto progress = services.plans.progress(days, tag);
  if (!progress)
    return error_reply(progress.error());
  auto function = services.plans.function_summary(progress->last);
  if (!function)
    return error_reply(function.error());
  auto sitting = app::SittingService(db_, now).by_day(days);
  if (!sitting)
    return error_reply(sitting.error());
  nlohmann::json body = app::to_json(*progress, *function);
  body["sitting"] = app::to_json(*sitting);
  return ok(std::move(body));
}

Reply Api::check_questions(const core::Now& now) const {
  const Services services(db_, catalog(), now);
  auto standing = services.screening.standing();
  if (!standing)
    return error_reply(standing.error());
  auto questions = json::array();
  for (const core::Flag flag : core::asked_flags()) {
    const core::FlagInfo& info = core::info(flag);
    questions.push_back({{"id", info.id},
                         {"question", info.question},
                         {"ends_questions", core::ends_questions(flag)}});
  }
  // The result shown as "Your last result" needs its date (issue #12, item 13).
  auto latest = store::ScreeningStore(db_).latest();
  if (!latest)
    return error_reply(latest.error());
  json last_check = nullptr;
  if (*latest) {
    last_check = {{"at", core::format_iso((*latest)->at, (*latest)->utc_offset)},
                  {"level", core::to_string((*latest)->level)}};
  }
  return ok({{"questions", questions},
             {"disclaimer", app::disclaimer()},
             {"safety", safety_json(*standing)},
             {"last_check", last_check}});
}

Reply Api::check(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, R"({"answers": {"bladder": false, "bowel": false}})");
  if (!object)
    return error_reply(object.error());
  auto answers = answers_from_json(*object);
  if (!answers)
    return error_reply(answers.error());
  bool correct = false;
  if (object->contains("correct")) {
    if (!object->at("correct").is_boolean()) {
      return error_reply(core::fail(core::ErrorCode::kInvalidInput,
                                    R"("correct" must be true (this check corrects the last )"
                                    R"(one, answered wrongly) or false)")
                             .value());
    }
    correct = object->at("correct").get<bool>();
  }
  const Services services(db_, catalog(), now);
  auto outcome = services.screening.screen(*answers, correct);
  if (!outcome)
    return error_reply(outcome.error());
  // The check's page shows the disclaimer above the questions: answering it has shown it.
  if (auto shown = services.screening.mark_disclaimer_shown(); !shown)
    return error_reply(shown.error());
  return ok(
      {{"check", app::to_json(outcome->screening)}, {"safety", safety_json(outcome->standing)}},
      201);
}

Reply Api::clinician_visit(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, "{}");
  if (!object)
    return error_reply(object.error());
  if (!object->empty()) {
    return error_reply({core::ErrorCode::kInvalidInput,
                        "a clinician visit takes no fields: send {} (it is recorded as now)"});
  }
  const Services services(db_, catalog(), now);
  auto visit = services.screening.record_clinician_seen();
  if (!visit)
    return error_reply(visit.error());
  auto standing = services.screening.standing();
  if (!standing)
    return error_reply(standing.error());
  return ok({{"visit", {{"at", core::format_iso(visit->at, visit->utc_offset)}}},
             {"safety", safety_json(*standing)}},
            201);
}

Reply Api::preferences(const core::Now& now) const {
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.preferences());
}

Reply Api::set_preferences(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, R"({"styles": ["yoga"], "weak": [], "tight": []})");
  if (!object)
    return error_reply(object.error());
  auto change = preferences_from_json(*object);
  if (!change)
    return error_reply(change.error());
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.set_preferences(change->styles, change->weak, change->tight));
}

Reply Api::exercises(std::optional<std::string_view> style,
                     std::optional<std::string_view> phase) const {
  std::optional<core::Style> wanted_style;
  std::optional<core::Phase> wanted_phase;
  if (style) {
    auto parsed = core::parse_style(*style);
    if (!parsed)
      return error_reply(parsed.error());
    wanted_style = *parsed;
  }
  if (phase) {
    auto parsed = core::parse_phase(*phase);
    if (!parsed)
      return error_reply(parsed.error());
    wanted_phase = *parsed;
  }
  auto list = json::array();
  for (const core::Exercise& exercise : catalog().all()) {
    if (wanted_style && exercise.style != *wanted_style)
      continue;
    if (wanted_phase && !exercise.suits(*wanted_phase))
      continue;
    list.push_back(app::to_json(exercise, false));
  }
  return ok({{"exercises", list}});
}

Reply Api::exercise(std::string_view id) const {
  auto exercise = catalog().get(id);
  if (!exercise)
    return error_reply(exercise.error());
  return ok(app::to_json(**exercise, true));
}

Reply Api::session(const core::Now& now) const {
  const core::Catalog& catalog = this->catalog();
  const Services services(db_, catalog, now);
  auto standing = services.screening.standing();
  if (!standing)
    return error_reply(standing.error());
  json out = {{"safety", safety_json(*standing)},
              {"posture_only", false},
              {"minutes", 0},
              {"notes", json::array()},
              {"exercises", json::array()}};
  if (standing->gate() != app::Gate::kOpen) {
    // A refusal, as `limber session` refuses (issue #12): the page shows the safety status.
    const bool paused = standing->gate() == app::Gate::kPaused;
    Reply refused = error_reply(core::Error{
        paused ? core::ErrorCode::kPaused : core::ErrorCode::kInvalidInput,
        paused ? "No session was started: exercise is paused for safety until a clinician has "
                 "seen you."
               : "No session yet: answer the safety check first."});
    refused.status = 409;
    refused.body["safety"] = std::move(out["safety"]);
    return refused;
  }
  auto plan = services.plans.plan();
  if (!plan)
    return error_reply(plan.error());
  // The session `limber session` would guide (core::choose_session): the warm-up, main part
  // and cool-down; before `walk`, the posture routine.
  auto choice = core::choose_session(*plan, catalog.all(), std::nullopt);
  if (!choice) {
    if (choice.error().code == core::ErrorCode::kNotFound)
      return ok(std::move(out));  // nothing to guide
    return error_reply(choice.error());
  }
  for (const core::SessionItem& session_item : choice->items) {
    json item = app::to_json(*session_item.exercise, true);
    item["part"] = core::to_string(session_item.part);
    const auto planned = std::find_if(
        plan->exercises.begin(), plan->exercises.end(),
        [&](const core::PlannedExercise& p) { return p.exercise == session_item.exercise; });
    item["reason"] = planned == plan->exercises.end() ? "" : planned->reason;
    item["stages"] = session_stages(*session_item.exercise);
    out["exercises"].push_back(std::move(item));
  }
  out["posture_only"] = choice->posture_only;
  out["minutes"] = choice->minutes;
  out["notes"] = choice->notes;
  out["phase"] = core::to_string(plan->phase);
  out["phase_name"] = core::display_name(plan->phase);
  return ok(std::move(out));
}

Reply Api::function(const core::Now& now) const {
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.function_scale());
}

Reply Api::add_activity(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, R"({"name": "put on socks"})");
  if (!object)
    return error_reply(object.error());
  if (object->size() != 1 || !object->contains("name") || !object->at("name").is_string()) {
    return error_reply({core::ErrorCode::kInvalidInput,
                        "name one activity you find hard, up to 80 characters: {\"name\": \"put "
                        "on socks\"}"});
  }
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.add_activity(object->at("name").get<std::string>()), 201);
}

Reply Api::rate_activity(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, R"({"name": "put on socks", "score": 4})");
  if (!object)
    return error_reply(object.error());
  const json& o = *object;
  if (o.size() != 2 || !o.contains("name") || !o.at("name").is_string() || !o.contains("score") ||
      !o.at("score").is_number_integer() || o.at("score").get<std::int64_t>() < -1000 ||
      o.at("score").get<std::int64_t>() > 1000) {
    return error_reply({core::ErrorCode::kInvalidInput,
                        "rate an activity 0 (unable to do it) to 10 (as well as before the "
                        "pain): {\"name\": \"put on socks\", \"score\": 4}"});
  }
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.rate(o.at("name").get<std::string>(),
                                        static_cast<int>(o.at("score").get<std::int64_t>())),
                    201);
}

Reply Api::remove_activity(const core::Now& now, std::string_view name) const {
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.remove_activity(name));
}

namespace {

// The pause with whether the sitting timer runs at all (issue 18): the page says "Reminders
// are off" when it does not, whatever the pause.
Reply pause_reply(const app::SittingService& sitting,
                  const core::Result<app::SittingPause>& pause) {
  if (!pause)
    return error_reply(pause.error());
  auto timer = sitting.timer();
  if (!timer)
    return error_reply(timer.error());
  json out = app::to_json(*pause);
  out["timer"] = app::to_json(*timer);
  return ok(std::move(out));
}

}  // namespace

Reply Api::sitting_pause(const core::Now& now) const {
  const app::SittingService sitting(db_, now);
  return pause_reply(sitting, sitting.pause());
}

Reply Api::pause_sitting(const core::Now& now, std::string_view body) const {
  constexpr std::string_view kExample = R"({"minutes": 30} or {"until": "tomorrow"})";
  auto object = parse_object(body, kExample);
  if (!object)
    return error_reply(object.error());
  const auto bad = [&] {
    return error_reply({core::ErrorCode::kInvalidInput,
                        fmt::format("send how long to pause reminders: {}, or \"until\" a "
                                    "time of day such as \"14:30\"",
                                    kExample)});
  };
  const app::SittingService sitting(db_, now);
  core::Result<app::SittingPause> pause = app::SittingPause{};
  if (object->size() != 1)
    return bad();
  if (const auto minutes = object->find("minutes"); minutes != object->end()) {
    if (!minutes->is_number_integer())
      return bad();
    pause = sitting.pause_for(std::chrono::minutes{minutes->get<std::int64_t>()});
  } else if (const auto until = object->find("until"); until != object->end()) {
    if (!until->is_string())
      return bad();
    pause = sitting.pause_until(until->get<std::string>());
  } else {
    return bad();
  }
  return pause_reply(sitting, pause);
}

Reply Api::resume_sitting(const core::Now& now) const {
  const app::SittingService sitting(db_, now);
  return pause_reply(sitting, sitting.resume());
}

Reply Api::episode(const core::Now& now) const {
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.current_episode());
}

Reply Api::new_episode(const core::Now& now, std::string_view body) const {
  auto object = parse_object(body, "{}");
  if (!object)
    return error_reply(object.error());
  if (!object->empty()) {
    return error_reply(
        {core::ErrorCode::kInvalidInput, "a new episode takes no fields: send {} (it starts now)"});
  }
  const Services services(db_, catalog(), now);
  return json_reply(services.plans.new_episode(), 201);
}

}  // namespace limber::server
