// limber share (issue 17, docs/clinic.md "Sharing from limber"): share the diary with a
// therapist's clinic. `--clinic URL --code CODE` shows what will be shared, asks to agree,
// takes the invitation and sends everything; then `limber share` sends what is new or
// changed, `--status` says what was sent when, `--stop` asks the clinic to delete it all.
// HTTPS goes through limber-tls.so (server/tls_module.h), loaded only here and by serve.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/assigned_exercises.h"
#include "app/builtin_catalog.h"
#include "app/files.h"
#include "app/local_time.h"
#include "app/share_service.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/share_background.h"
#include "cli/share_https.h"

namespace limber::cli {
namespace {

using core::ErrorCode;
using core::fail;
using core::Result;

struct ShareOptions {
  std::string clinic;
  std::string code;
  std::string name;
  std::string clinic_ca;
  bool notes = false;
  bool yes = false;
  bool sync = false;
  bool status = false;
  bool stop = false;
  bool background = false;
};

std::string local_short_time(core::Instant at) {
  return short_time(core::to_local(at, app::utc_offset_at(at)));
}

bool agreed(const Io& io) {
  fmt::print(io.err, "Share this with the clinic? [y/N] ");
  io.err.flush();
  std::string answer;
  if (!std::getline(io.in, answer))
    return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

// The exercises the therapist assigned, fetched after a send (app/assigned_exercises.h),
// said when they changed.
Result<void> fetch_assigned(Context& context, const app::AssignedExercises& assigned) {
  LIMBER_TRY_ASSIGN(const auto fetched, assigned.fetch());
  std::ostream& out = context.io().out;
  if (fetched.changed && (fetched.exercises > 0 || fetched.before > 0)) {
    fmt::print(out, "Exercises from your therapist at the clinic: {} in your plan now.\n",
               fetched.exercises);
  }
  for (const auto& id : fetched.left_to_files) {
    fmt::print(out,
               "The clinic's {} was not taken: you added an exercise with that id from a file, "
               "and yours stays. To take the clinic's: limber exercises remove {}, then limber "
               "share.\n",
               id, id);
  }
  return {};
}

Result<void> run_join(Context& context, app::ShareService& share,
                      const app::AssignedExercises& assigned, const ShareOptions& options) {
  if (!options.clinic.starts_with("https://")) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("--clinic {} is not an https:// address: limber shares with a "
                            "clinic only over HTTPS (ask the clinic for its https:// address)",
                            options.clinic));
  }
  LIMBER_TRY_ASSIGN(const auto counts, share.preview(options.notes));
  std::ostream& out = context.io().out;
  const auto count = [](int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  fmt::print(out,
             "limber will send {} to the clinic at {}:\n"
             "  {} (with where it hurt; {} of single body regions; {} saying how you could "
             "move)\n"
             "  {}, {} (with your pain before and after), {}\n"
             "  {} (the Patient-Specific Functional Scale)\n"
             "  {} (how long and how often you sat, and your breaks)\n"
             "  {} (the answers and how soon to get help)\n"
             "  {}\n"
             "From now on, what you log is sent too, and what you delete is deleted at the "
             "clinic, until you run limber share --stop, which asks the clinic to delete all "
             "of it.\n",
             options.name.empty() ? "your diary" : "your diary as " + options.name, options.clinic,
             count(counts.pain_ratings, "pain rating", "pain ratings"),
             count(counts.region_ratings, "rating", "ratings"),
             count(counts.mobility, "rating", "ratings"), count(counts.walks, "walk", "walks"),
             count(counts.sessions, "exercise session", "exercise sessions"),
             count(counts.reliefs, "relief you used", "reliefs you used"),
             count(counts.function_ratings, "rating of an activity you find hard",
                   "ratings of activities you find hard"),
             count(counts.sitting_days, "day of sitting", "days of sitting"),
             count(counts.checks, "safety check", "safety checks"),
             options.notes ? "your notes and tags (you chose --notes)"
                           : "not your notes or tags (add --notes to share them)");
  if (!options.yes) {
    if (!context.io().interactive) {
      return fail(ErrorCode::kInvalidInput,
                  "limber share asks before sharing: on a terminal, answer y; in a script, "
                  "add --yes");
    }
    if (!agreed(context.io())) {
      fmt::print(out, "Nothing was shared.\n");
      return {};
    }
  }
  LIMBER_TRY_ASSIGN(const auto data_dir, context.data_dir());
  if (!options.clinic_ca.empty()) {
    LIMBER_TRY_ASSIGN(const auto authority, app::read_file(options.clinic_ca));
    LIMBER_TRY(app::write_file_atomically(data_dir / kClinicCaFile, authority));
  }
  LIMBER_TRY_ASSIGN(const auto sent,
                    share.join(options.clinic, options.code, options.notes, options.name));
  fmt::print(out, "Shared with the clinic at {}: {} records sent.\n", options.clinic, sent.records);
  return fetch_assigned(context, assigned);
}

Result<void> run_status(Context& context, app::ShareService& share,
                        const app::AssignedExercises& assigned) {
  LIMBER_TRY_ASSIGN(const auto status, share.status());
  LIMBER_TRY_ASSIGN(const auto exercises, assigned.status());
  std::ostream& out = context.io().out;
  if (!status) {
    fmt::print(out,
               "This diary shares with no clinic. To share: limber share --clinic URL --code "
               "CODE (your therapist gives both)\n");
    return {};
  }
  fmt::print(out, "Sharing with {} since {}{}.\n", status->clinic.url,
             local_short_time(status->clinic.since),
             status->clinic.notes ? ", notes included" : ", without notes");
  if (status->clinic.stopping)
    fmt::print(out, "A stop was asked for and is not confirmed yet: limber share asks again.\n");
  fmt::print(out, "Last sent: {}. Records sent: {}. Waiting to be sent: {}.\n",
             status->clinic.last_sent_at ? local_short_time(*status->clinic.last_sent_at) : "never",
             status->sent, status->pending);
  fmt::print(out, "Exercises from your therapist at the clinic: {}{}.\n", exercises.exercises,
             exercises.received_at
                 ? fmt::format(", list received {}", local_short_time(*exercises.received_at))
                 : std::string(", none received yet"));
  if (const auto failed = background_failure(context)) {
    fmt::print(out,
               "The last send after a limber log failed {}. limber share tries again (or run it "
               "now).\n",
               *failed);
  }
  if (status->gone > 0) {
    fmt::print(out, "Waiting to be deleted at the clinic (deleted from your diary): {}.\n",
               status->gone);
  }
  return {};
}

Result<void> run_stop(Context& context, app::ShareService& share,
                      const app::AssignedExercises& assigned) {
  const auto stopped = share.stop();
  if (!stopped && stopped.error().code == ErrorCode::kBusy) {
    return fail(ErrorCode::kBusy,
                fmt::format("{}; the stop is kept, and limber share asks the clinic again",
                            stopped.error().message));
  }
  LIMBER_TRY(stopped);
  fmt::print(context.io().out,
             "Stopped sharing. The clinic deleted {} records it held of yours, and limber "
             "forgot its key.\n",
             stopped->deleted);
  LIMBER_TRY_ASSIGN(const auto exercises, assigned.status());
  if (exercises.exercises > 0) {
    fmt::print(context.io().out,
               "{} your therapist assigned at the clinic {} in your plan. To remove one: limber "
               "exercises remove ID (limber exercises lists them).\n",
               exercises.exercises == 1 ? std::string("The exercise")
                                        : fmt::format("The {} exercises", exercises.exercises),
               exercises.exercises == 1 ? "stays" : "stay");
  }
  return {};
}

Result<void> run_sync(Context& context, app::ShareService& share,
                      const app::AssignedExercises& assigned) {
  LIMBER_TRY_ASSIGN(const auto clinic, share.clinic());
  if (!clinic) {
    return fail(ErrorCode::kNotFound,
                "this diary shares with no clinic: limber share --clinic URL --code CODE "
                "starts (your therapist gives both)");
  }
  const auto synced = share.sync();
  // The clinic answered that it cannot take them now (its database restarting, say); when
  // it could not be reached at all, the error already says what to do (Remedy::kReachClinic).
  if (!synced && synced.error().code == ErrorCode::kBusy &&
      synced.error().remedy == core::Remedy::kNone) {
    return fail(ErrorCode::kBusy,
                fmt::format("the clinic could not take your records now ({}); nothing is "
                            "lost: the next limber share sends them",
                            synced.error().message));
  }
  LIMBER_TRY_ASSIGN(const auto sent, synced);
  forget_background_failure(context);  // this send made up for it
  if (clinic->stopping) {
    fmt::print(context.io().out,
               "Stopped sharing: the clinic confirmed it deleted your "
               "records, and limber forgot its key.\n");
    return {};
  }
  fmt::print(context.io().out, "Sent {} new or changed records to {}.\n", sent.records,
             clinic->url);
  if (sent.deleted > 0) {
    fmt::print(
        context.io().out, "Deleted at the clinic: {}, deleted from your diary.\n",
        sent.deleted == 1 ? std::string("1 record") : fmt::format("{} records", sent.deleted));
  }
  return fetch_assigned(context, assigned);
}

Result<void> run_share(Context& context, const ShareOptions& options) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(const auto data_dir, context.data_dir());
  const auto now = context.now().instant;
  app::ShareService share(*db, https_call(data_dir), [now] { return now; });
  const app::AssignedExercises assigned(
      *db, https_call(data_dir), [now] { return now; }, app::builtin_catalog_files());
  if (options.status)
    return run_status(context, share, assigned);
  if (options.background)
    return run_background_share(context, share);
  if (options.stop)
    return run_stop(context, share, assigned);
  if (!options.clinic.empty() || !options.code.empty()) {
    if (options.clinic.empty() || options.code.empty())
      return fail(ErrorCode::kInvalidInput, "to start sharing, give both --clinic and --code");
    return run_join(context, share, assigned, options);
  }
  return run_sync(context, share, assigned);
}

}  // namespace

void add_share_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ShareOptions>();
  CLI::App* share = app.add_subcommand(
      "share", "Share the diary with your therapist's clinic, send what is new, or stop");
  share->add_option("--clinic", options->clinic, "The clinic's https:// address")->type_name("URL");
  share->add_option("--code", options->code, "The invitation code your therapist gave you")
      ->type_name("CODE");
  share->add_option("--name", options->name, "Your name as the clinic will show it")
      ->type_name("NAME");
  share
      ->add_option("--clinic-ca", options->clinic_ca,
                   "The clinic's own certificate authority (PEM), when it gives one")
      ->type_name("FILE");
  share->add_flag("--notes", options->notes, "Share your notes and tags too");
  share->add_flag("--yes", options->yes, "Agree without being asked (for scripts)");
  share->add_flag("--sync", options->sync, "Send what is new or changed (the default)");
  auto* status = share->add_flag("--status", options->status, "Say what was sent when");
  auto* stop = share->add_flag("--stop", options->stop,
                               "Stop sharing and ask the clinic to delete what it holds");
  share->add_flag("--background", options->background,
                  "Send quietly, as limber log starts it after an entry; --status shows a failure");
  status->excludes(stop);
  add_examples(*share, {{"limber share --clinic https://clinic.example --code ABCDE-FGHJK",
                         "Shows what will be shared, asks, then shares"},
                        {"limber share", "Sends what is new or changed since the last send"},
                        {"limber share --status", "The clinic, since when, what was sent and when"},
                        {"limber share --stop", "Stops, and the clinic deletes what it holds"},
                        {"limber share --background",
                         "What limber log starts after an entry when the diary shares"}});
  table.add(share, [options](Context& context) { return run_share(context, *options); });
}

}  // namespace limber::cli
