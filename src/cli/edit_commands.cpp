// limber edit ID [--pain N] [--regions R,...] ... and limber delete ID [--yes]
#include <charconv>
#include <istream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include "app/entry_json.h"
#include "app/local_time.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "cli/typed_text.h"
#include "core/text.h"

namespace limber::cli {
namespace {

using core::Unexpected;

struct EditOptions {
  std::int64_t id = 0;
  std::optional<std::string> pain;
  std::optional<std::string> regions;
  std::optional<std::string> mobility;
  std::optional<std::string> relief;
  std::optional<std::string> name;
  std::optional<int> minutes;
  std::optional<std::string> note;
  std::optional<std::string> tags;
  std::optional<std::string> at;
  bool json = false;
};

Result<app::EntryEdit> read_edit(const EditOptions& options, const core::Now& now) {
  for (auto typed :
       {check_typed_option(options.note, "--note"), check_typed_option(options.name, "--name")}) {
    if (!typed)
      return Unexpected(typed.error());
  }
  app::EntryEdit edit;
  if (options.pain) {
    auto pain = core::PainScore::parse(*options.pain);
    if (!pain)
      return Unexpected(pain.error());
    edit.pain = *pain;
  }
  if (options.regions) {
    if (*options.regions == "none") {
      edit.regions.emplace();
    } else {
      const auto words = core::split_list(*options.regions);
      auto regions = read_regions(std::vector<std::string>(words.begin(), words.end()));
      if (!regions)
        return Unexpected(regions.error());
      edit.regions = std::move(*regions);
    }
  }
  if (options.mobility) {
    if (*options.mobility == "none") {
      edit.mobility.emplace(std::nullopt);
    } else {
      auto mobility = core::parse_mobility(*options.mobility);
      if (!mobility)
        return Unexpected(mobility.error());
      edit.mobility = *mobility;
    }
  }
  if (options.relief) {
    auto relief = core::parse_relief(*options.relief);
    if (!relief)
      return Unexpected(relief.error());
    edit.relief = *relief;
  }
  if (options.minutes) {
    auto minutes = core::walk_minutes(*options.minutes);
    if (!minutes)
      return Unexpected(minutes.error());
    edit.minutes = *minutes;
  }
  if (options.at) {
    auto at = app::read_time(*options.at, now);
    if (!at)
      return Unexpected(at.error());
    edit.at = *at;
  }
  if (options.tags) {
    edit.tags.emplace();
    if (*options.tags != "none") {
      for (const std::string_view tag : core::split_list(*options.tags))
        edit.tags->emplace_back(tag);
    }
  }
  edit.name = options.name;
  edit.note = options.note;
  const bool changes = edit.pain || edit.regions || edit.mobility || edit.relief || edit.name ||
                       edit.minutes || edit.at || edit.note || edit.tags;
  if (!changes) {
    return fail(ErrorCode::kInvalidInput,
                "nothing to change: give at least one of --pain, --regions, --mobility, --note, "
                "--tags, --at, --relief, --name or --minutes");
  }
  return edit;
}

Result<void> run_edit(Context& context, const EditOptions& options) {
  auto edit = read_edit(options, context.now());
  if (!edit)
    return Unexpected(edit.error());
  LIMBER_TRY_ASSIGN(auto diary, context.diary());
  LIMBER_TRY_ASSIGN(auto updated, diary->edit(options.id, *edit));
  if (options.json) {
    context.io().out << app::to_json(updated).dump(2) << '\n';
  } else {
    fmt::print(context.io().out, "Updated #{}: {} ({})\n", updated.id, describe(updated),
               short_time(updated.local_time()));
  }
  return {};
}

bool confirmed(const Io& io, const std::string& question) {
  fmt::print(io.err, "{} [y/N] ", question);
  io.err.flush();
  std::string answer;
  if (!std::getline(io.in, answer))
    return false;
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
}

Result<void> run_delete(Context& context, std::int64_t id, bool yes) {
  LIMBER_TRY_ASSIGN(auto diary, context.diary());
  LIMBER_TRY_ASSIGN(auto entry, diary->get(id));
  const std::string what =
      fmt::format("#{}: {} ({})", id, describe(entry), short_time(entry.local_time()));
  if (!yes) {
    if (!context.io().interactive) {
      return fail(ErrorCode::kInvalidInput,
                  fmt::format("not deleted: confirm with --yes to delete {}", what));
    }
    if (!confirmed(context.io(), fmt::format("Delete {}?", what))) {
      fmt::print(context.io().out, "Kept {}\n", what);
      return {};
    }
  }
  if (auto removed = diary->remove(id); !removed)
    return removed;
  fmt::print(context.io().out, "Deleted {}\n", what);
  return {};
}

}  // namespace

void add_edit_commands(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<EditOptions>();
  CLI::App* edit = app.add_subcommand("edit", "Correct an entry (see the numbers in history)");
  edit->add_option("id", options->id, "Entry number")->required()->type_name("ID");
  edit->add_option("--pain", options->pain, "Overall pain, 0-10")->type_name("N");
  edit->add_option("--regions", options->regions,
                   "Where it hurts, replacing the old list: lower-back,neck:3 (or none)")
      ->type_name("LIST");
  edit->add_option("--mobility", options->mobility, "lie, stand, walk, move (or none)")
      ->type_name("LEVEL");
  edit->add_option("--relief", options->relief, "medication, cream, heat, cold or other")
      ->type_name("KIND");
  edit->add_option("--name", options->name, "Name of the relief")->type_name("TEXT");
  edit->add_option("--minutes", options->minutes, "Minutes walked")->type_name("N");
  edit->add_option("--note", options->note, "Note (replaces the old one)")->type_name("TEXT");
  edit->add_option("--tags", options->tags,
                   "Tags, replacing the old ones: lifting,long-drive (or none)")
      ->type_name("LIST");
  edit->add_option("--at", options->at, "When it was")->type_name("TIME");
  edit->add_flag("--json", options->json, "Print the updated entry as JSON");
  add_examples(*edit, {{"limber edit 12 --pain 4 --note 'after the walk'",
                        "Entry 12 had pain 4, with a new note"}});
  table.add(edit, [options](Context& context) { return run_edit(context, *options); });

  struct DeleteOptions {
    std::int64_t id = 0;
    bool yes = false;
  };
  auto remove = std::make_shared<DeleteOptions>();
  CLI::App* del = app.add_subcommand("delete", "Delete an entry (asks first)");
  del->add_option("id", remove->id, "Entry number")->required()->type_name("ID");
  del->add_flag("--yes,-y", remove->yes, "Do not ask: needed when not on a terminal");
  add_examples(*del, {{"limber delete 12 --yes", "Delete entry 12 without asking"}});
  table.add(del,
            [remove](Context& context) { return run_delete(context, remove->id, remove->yes); });
}

}  // namespace limber::cli
