// limber devices: the phones paired with this diary (issue 14, docs/phone.md), and
// `limber devices revoke NAME`, which ends one at once: a running `limber serve` reads the
// diary on each of the phone's requests, so it is refused from its next one.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "app/device_json.h"
#include "app/local_time.h"
#include "app/pairing_service.h"
#include "cli/command.h"
#include "cli/entry_text.h"
#include "core/remedy.h"
#include "core/utf8.h"

namespace limber::cli {
namespace {

std::string local_short_time(core::Instant at) {
  return short_time(core::to_local(at, app::utc_offset_at(at)));
}

core::Result<void> run_list(Context& context, bool json) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY_ASSIGN(auto phones, store::DeviceStore(*db).all());
  std::ostream& out = context.io().out;
  if (json) {
    out << app::to_json(phones).dump(2) << '\n';
    return {};
  }
  if (phones.empty()) {
    fmt::print(out,
               "No phone is paired. To pair one, run limber serve --phone and, on its page, "
               "choose More, Phone, then Pair a phone.\n");
    return {};
  }
  std::size_t name_width = 4;
  for (const store::DeviceRow& phone : phones)
    name_width = std::max(name_width, core::utf8::width(phone.name));
  fmt::print(out, "{:<{}}  {:<16}  {}\n", "Name", name_width, "Paired", "Last seen");
  for (const store::DeviceRow& phone : phones) {
    const std::size_t pad = name_width - core::utf8::width(phone.name);
    fmt::print(out, "{}{:<{}}  {:<16}  {}\n", phone.name, "", pad,
               local_short_time(phone.paired_at),
               phone.last_seen ? local_short_time(*phone.last_seen) : "never");
  }
  fmt::print(out, "\nTo end a phone's access: limber devices revoke NAME\n");
  return {};
}

core::Result<void> run_revoke(Context& context, const std::string& name) {
  LIMBER_TRY_ASSIGN(auto db, context.database());
  LIMBER_TRY(app::revoke_phone(*db, name));
  fmt::print(context.io().out,
             "Revoked {}: it can no longer open the diary. To use it again, pair it again.\n",
             name);
  return {};
}

}  // namespace

void add_devices_command(CLI::App& app, CommandTable& table) {
  auto json = std::make_shared<bool>(false);
  CLI::App* devices = app.add_subcommand("devices", "List the phones paired with this diary");
  devices->add_flag("--json", *json, "Print JSON for scripts");
  add_examples(*devices, {{"limber devices", "The paired phones"}});
  table.add(
      devices, [json](Context& context) { return run_list(context, *json); }, Access::kReads);

  auto name = std::make_shared<std::string>();
  CLI::App* revoke = devices->add_subcommand("revoke", "End a paired phone's access at once");
  revoke->add_option("name", *name, "The phone's name, as limber devices lists it")
      ->required()
      ->type_name("NAME");
  add_examples(*revoke,
               {{"limber devices revoke 'Alex phone'", "That phone can no longer open the diary"}});
  table.add(revoke, [name](Context& context) { return run_revoke(context, *name); });
}

}  // namespace limber::cli
