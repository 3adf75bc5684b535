// limber log PAIN [REGION[:N]...] | log relief KIND [NAME] | log walk MINUTES
//   | log session --exercises ID,... --pain-before N --pain-after N [--minutes N]
#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "app/entry_json.h"
#include "app/local_time.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/session_view.h"
#include "cli/share_background.h"
#include "cli/typed_text.h"
#include "core/red_flags.h"
#include "core/region.h"
#include "core/text.h"

namespace limber::cli {
namespace {

using core::Unexpected;

struct LogOptions {
  std::vector<std::string> words;
  std::optional<std::string> mobility;
  std::optional<std::string> leg_pain;
  std::string note;
  std::vector<std::string> tags;
  std::optional<std::string> at;
  bool json = false;
  // log session
  std::optional<std::string> exercises;
  std::optional<std::string> pain_before;
  std::optional<std::string> pain_after;
  std::optional<int> minutes;

  [[nodiscard]] bool has_session_options() const {
    return exercises || pain_before || pain_after || minutes;
  }
};

Result<bool> read_leg_pain(const std::string& text) {
  if (text == "spreads")
    return true;
  if (text == "stays")
    return false;
  return fail(ErrorCode::kInvalidInput,
              fmt::format("--leg-pain '{}' is not an answer: use spreads (it shoots, tingles or "
                          "goes below the knee) or stays",
                          text));
}

// Issue #20: leg pain may be a nerve's. Asked once on a terminal when a thigh or calf is
// logged without --leg-pain; not asked again while this week's answer stands.
std::optional<bool> ask_leg_pain(const Io& io) {
  fmt::print(io.out,
             "Does the pain in your leg shoot, tingle, or go below the knee? [y/n, Enter to "
             "skip] ");
  io.out.flush();
  std::string line;
  if (!std::getline(io.in, line))
    return std::nullopt;
  if (line == "y" || line == "Y" || line == "yes")
    return true;
  if (line == "n" || line == "N" || line == "no")
    return false;
  return std::nullopt;
}

Result<core::EntryDetail> pain_detail(const LogOptions& options) {
  auto pain = core::PainScore::parse(options.words.front());
  if (!pain)
    return Unexpected(pain.error());
  const std::vector<std::string> region_words(options.words.begin() + 1, options.words.end());
  auto regions = read_regions(region_words);
  if (!regions)
    return Unexpected(regions.error());
  core::PainRecord record{*pain, std::move(*regions), std::nullopt, std::nullopt};
  if (options.mobility) {
    auto mobility = core::parse_mobility(*options.mobility);
    if (!mobility)
      return Unexpected(mobility.error());
    record.mobility = *mobility;
  }
  if (options.leg_pain) {
    if (!core::names_a_leg(record.regions)) {
      return fail(ErrorCode::kInvalidInput,
                  "--leg-pain goes with pain in a thigh or calf: limber log 5 lower-back "
                  "right-thigh --leg-pain stays");
    }
    LIMBER_TRY_ASSIGN(auto spreads, read_leg_pain(*options.leg_pain));
    record.leg_pain_spreads = spreads;
  }
  return record;
}

Result<core::EntryDetail> relief_detail(const LogOptions& options) {
  if (options.words.size() < 2 || options.words.size() > 3) {
    return fail(ErrorCode::kInvalidInput,
                "log relief needs what kind, and optionally its name: limber log relief "
                "medication|cream|heat|cold|other [NAME] (quote a name with spaces)");
  }
  LIMBER_TRY_ASSIGN(auto kind, core::parse_relief(options.words[1]));
  if (options.words.size() == 3) {
    LIMBER_TRY(check_typed_text(options.words[2], "the name"));
  }
  return core::ReliefRecord{kind, options.words.size() == 3 ? options.words[2] : ""};
}

Result<core::EntryDetail> walk_detail(const LogOptions& options) {
  if (options.words.size() != 2) {
    return fail(ErrorCode::kInvalidInput, "log walk needs the minutes walked: limber log walk 15");
  }
  const std::string& text = options.words[1];
  int minutes = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("walk minutes '{}' is not a whole number: limber log walk 15", text));
  }
  LIMBER_TRY_ASSIGN(auto valid, core::walk_minutes(minutes));
  return core::WalkRecord{valid};
}

Result<core::PainScore> session_pain(const std::optional<std::string>& text, const char* when) {
  auto pain = core::PainScore::parse(*text);
  if (!pain)
    return fail(ErrorCode::kInvalidInput, fmt::format("--pain-{}: {}", when, pain.error().message));
  return *pain;
}

// A session done elsewhere (a class, a video). Minutes default to the catalog's.
Result<core::EntryDetail> session_detail(Context& context, const LogOptions& options) {
  if (options.words.size() != 1 || !options.exercises || !options.pain_before ||
      !options.pain_after) {
    return fail(ErrorCode::kInvalidInput,
                "log session needs the exercises and your pain before and after: limber log "
                "session --exercises yoga-cat-cow,pilates-bridge --pain-before 4 --pain-after 3");
  }
  LIMBER_TRY_ASSIGN(auto before, session_pain(options.pain_before, "before"));
  LIMBER_TRY_ASSIGN(auto after, session_pain(options.pain_after, "after"));
  LIMBER_TRY_ASSIGN(auto catalog, context.catalog());
  core::SessionRecord record{{}, before, after, 0};
  int catalog_minutes = 0;
  for (std::string_view id : core::split_list(*options.exercises)) {
    LIMBER_TRY_ASSIGN(auto exercise, catalog->get(id));
    if (std::find(record.exercises.begin(), record.exercises.end(), id) == record.exercises.end()) {
      record.exercises.emplace_back(id);
      catalog_minutes += exercise->minutes;
    }
  }
  if (record.exercises.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "log session needs at least one exercise id: --exercises yoga-cat-cow");
  }
  record.minutes = options.minutes.value_or(catalog_minutes);
  return record;
}

Result<void> run_log(Context& context, const LogOptions& options) {
  if (options.words.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "log needs a pain rating from 0 to 10: limber log 6 lower-back (or log walk 15, "
                "log relief heat)");
  }
  if (auto typed = check_typed_text(options.note, "--note"); !typed)
    return typed;
  const std::string& first = options.words.front();
  const bool is_pain = first != "relief" && first != "walk" && first != "session";
  if (!is_pain && options.leg_pain) {
    return fail(ErrorCode::kInvalidInput,
                "--leg-pain goes with a pain rating: limber log 5 right-thigh --leg-pain stays");
  }
  if (!is_pain && options.mobility) {
    return fail(ErrorCode::kInvalidInput,
                "--mobility goes with a pain rating: limber log 5 --mobility stand");
  }
  if (first != "session" && options.has_session_options()) {
    return fail(ErrorCode::kInvalidInput,
                "--exercises, --pain-before, --pain-after and --minutes go with a session: "
                "limber log session --exercises yoga-cat-cow --pain-before 4 --pain-after 3");
  }
  auto detail = first == "relief"    ? relief_detail(options)
                : first == "walk"    ? walk_detail(options)
                : first == "session" ? session_detail(context, options)
                                     : pain_detail(options);
  if (!detail)
    return Unexpected(detail.error());
  core::Entry entry;
  entry.at = context.now().instant;
  if (options.at) {
    auto at = app::read_time(*options.at, context.now());
    if (!at)
      return Unexpected(at.error());
    entry.at = *at;
  }
  if (auto* pain = std::get_if<core::PainRecord>(&*detail);
      pain != nullptr && !pain->leg_pain_spreads && context.io().interactive &&
      core::names_a_leg(pain->regions)) {
    pain->leg_pain_spreads = ask_leg_pain(context.io());
  }
  entry.detail = std::move(*detail);
  entry.note = options.note;
  entry.tags = options.tags;
  LIMBER_TRY_ASSIGN(auto diary, context.diary());
  LIMBER_TRY_ASSIGN(auto saved, diary->log(std::move(entry)));
  if (options.json) {
    context.io().out << app::to_json(saved).dump(2) << '\n';
  } else {
    fmt::print(context.io().out, "Saved #{}: {} ({})\n", saved.id, describe(saved),
               short_time(saved.local_time()));
  }
  // The acknowledgement leaves now, not at exit: on a pipe it would otherwise wait in the
  // buffer, and be lost if the process died before exiting.
  context.io().out.flush();
  if (const auto* record = std::get_if<core::SessionRecord>(&saved.detail)) {
    if (auto note = flare_note(*record))
      fmt::print(options.json ? context.io().err : context.io().out, "{}\n", *note);
  }
  // Issue #3: symptoms in both legs are a red flag, so the safety check is offered again.
  if (core::pain_in_both_legs(saved)) {
    fmt::print(options.json ? context.io().err : context.io().out,
               "Please run the safety check again now: limber check (pain in both legs can be a "
               "warning sign).\n");
  }
  // Issue 17: the entry goes to the clinic now, without the log waiting for it.
  share_in_background(context);
  return {};
}

}  // namespace

void add_log_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* log = app.add_subcommand(
      "log",
      "Record pain, relief, a walk or a session:\n"
      "  limber log PAIN [REGION[:N]...]   pain 0-10 and where it hurts (neck:3 rates a region)\n"
      "  limber log relief KIND [NAME]     medication, cream, heat, cold or other\n"
      "  limber log walk MINUTES           a walk you took\n"
      "  limber log session --exercises ID,... --pain-before N --pain-after N\n"
      "                                    a session done elsewhere (a class, a video)");
  log->add_option("what", options->words,
                  "PAIN [REGION[:N]...] | relief KIND [NAME] | walk MIN | session")
      ->type_name("");
  log->add_option("--mobility,-m", options->mobility,
                  "What you can do now: lie, stand, walk or move")
      ->type_name("LEVEL");
  log->add_option("--leg-pain", options->leg_pain,
                  "With thigh or calf pain: 'spreads' when it shoots, tingles or goes below the "
                  "knee, else 'stays' (asked on a terminal)")
      ->type_name("ANSWER");
  log->add_option("--note,-n", options->note, "A note in your own words")->type_name("TEXT");
  log->add_option("--tag,-t", options->tags,
                  "A word for what went with it, like lifting or long-drive (repeat for more, up "
                  "to 5; letters, digits and hyphens)")
      ->allow_extra_args(false)  // one tag per --tag: the words after it stay the entry's
      ->type_name("TAG");
  log->add_option("--at", options->at,
                  "When it was: 21:00, 'yesterday 21:00', '2h ago' or ISO 8601 (default now)")
      ->type_name("TIME");
  log->add_option("--exercises", options->exercises,
                  "log session: the exercises done, by id (limber exercises lists them)")
      ->type_name("ID,...");
  log->add_option("--pain-before", options->pain_before, "log session: your pain before, 0-10")
      ->type_name("N");
  log->add_option("--pain-after", options->pain_after, "log session: your pain after, 0-10")
      ->type_name("N");
  log->add_option("--minutes", options->minutes,
                  "log session: how long it took (default: the exercises' usual minutes)")
      ->type_name("N");
  log->add_flag("--json", options->json, "Print the saved entry as JSON");
  add_examples(
      *log, {{"limber log 5 lower-back neck:3 --mobility walk",
              "Pain 5 overall, in the lower back and the neck (3 there), able to walk"},
             {"limber log relief heat --note 'hot water bottle'", "Heat helped, with a note"},
             {"limber log walk 15 --at 'yesterday 18:00'", "A 15-minute walk, yesterday evening"}});
  table.add(log, [options](Context& context) { return run_log(context, *options); });
}

}  // namespace limber::cli
