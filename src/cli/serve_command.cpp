// limber serve [--port N] [--bind ADDRESS] [--no-open] [--phone | --no-phone]
// [--phone-bind ADDR[:PORT]]: the web app (server/server.h), and with --phone its HTTPS
// listener for the phone on the home network (cli/serve_phone.h).
// Prints its address with a one-time key, opens the browser when a desktop is there, prints
// a new address each time Enter is pressed (a line on standard input), and serves until
// Ctrl+C (SIGINT) or SIGTERM, then stops cleanly.
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/builtin_catalog.h"
#include "app/live_catalog.h"
#include "cli/command.h"
#include "cli/serve_phone.h"
#include "cli/share_sync.h"
#include "server/security.h"
#include "server/server.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's argument

namespace limber::cli {
namespace {

using core::Unexpected;

struct ServeOptions {
  int port = server::kDefaultPort;
  std::string bind = "127.0.0.1";
  bool no_open = false;
  PhoneFlags phone;
};

// Writes a page that forwards to `url` into the user's private runtime folder
// ($XDG_RUNTIME_DIR, mode 0700), readable by the user only, and returns its file:// address;
// empty when there is no such folder. Opening it keeps the token out of the process
// list, where every local user could read it from xdg-open's arguments (as Jupyter does).
std::string forwarding_page(const app::GetEnv& env, const std::string& url, int port) {
  const auto runtime = env("XDG_RUNTIME_DIR");
  if (!runtime || runtime->empty() || !std::filesystem::path(*runtime).is_absolute())
    return "";
  std::error_code error;
  if (!std::filesystem::is_directory(*runtime, error))
    return "";
  const std::filesystem::path page =
      std::filesystem::path(*runtime) / fmt::format("limber-serve-{}.html", port);
  const mode_t old_mask = umask(077);
  {
    std::ofstream out(page, std::ios::trunc);
    out << R"(<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=)"
        << url << R"("><title>limber</title><p><a href=")" << url << R"(">Open limber</a></p>)"
        << '\n';
  }
  umask(old_mask);
  return std::filesystem::exists(page, error) ? "file://" + page.string() : "";
}

// Starts `xdg-open TARGET` with default signal handling (this process blocks SIGINT and
// SIGTERM for its own use) and reaps it in the background. False when it cannot start.
bool open_browser(const std::string& target) {
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::string program = "xdg-open";
  std::string argument = target;
  std::array<char*, 3> argv = {program.data(), argument.data(), nullptr};
  pid_t child = 0;
  const int spawned =
      posix_spawnp(&child, program.c_str(), nullptr, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0)
    return false;
  // Some browsers keep xdg-open waiting until they close: reap it without waiting here.
  std::thread([child] { waitpid(child, nullptr, 0); }).detach();
  return true;
}

// Waits for SIGINT or SIGTERM on `signals` (a signalfd), printing a new start-up address
// for each line read from standard input meanwhile (Enter in the terminal). Standard input
// at its end, closed or /dev/null is simply no longer watched.
void wait_for_stop(server::Server& web, const Io& io, int signals) {
  std::array<pollfd, 2> watched{{{signals, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}}};
  nfds_t count = watched.size();
  for (;;) {
    if (poll(watched.data(), count, -1) < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    if (watched[0].revents != 0) {
      // Taken, as sigwait would: a signal left pending would end the process once the
      // caller unblocks it, before "Stopped." is printed.
      signalfd_siginfo taken{};
      [[maybe_unused]] const ssize_t got = read(signals, &taken, sizeof taken);
      return;
    }
    if (count < 2 || watched[1].revents == 0)
      continue;
    std::array<char, 256> typed{};
    const ssize_t got = read(STDIN_FILENO, typed.data(), typed.size());
    if (got <= 0) {
      count = 1;  // nothing more will come
      continue;
    }
    if (std::find(typed.begin(), typed.begin() + got, '\n') == typed.begin() + got)
      continue;
    auto address = web.new_start_url();
    if (address) {
      fmt::print(io.out, "A new address, for one browser, once:\n\n    {}\n\n", *address);
    } else {
      fmt::print(io.err, "limber serve: {}\n", address.error().message);
    }
    io.out.flush();
  }
}

Result<void> run_serve(Context& context, const ServeOptions& options) {
  const Io& io = context.io();
  if (options.port < 0 || options.port > 65535) {
    return fail(ErrorCode::kInvalidInput,
                fmt::format("--port {} is out of range: use 1 to 65535 (or 0 for any free port)",
                            options.port));
  }
  if (options.bind.empty())
    return fail(ErrorCode::kInvalidInput, "--bind needs an address, like --bind 127.0.0.1");
  LIMBER_TRY_ASSIGN(auto db, context.database());
  // Read again when `limber exercises add` changes the diary's exercises (issue 15).
  LIMBER_TRY_ASSIGN(auto catalog, app::LiveCatalog::open(*db, app::builtin_catalog_files()));
  LIMBER_TRY_ASSIGN(const std::optional<PhoneSetup> phone, phone_setup(context, options.phone));

  auto created = server::Server::create(
      *db, std::move(catalog),
      {.bind = options.bind,
       .port = options.port,
       .clock =
           [] {
             return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
           },
       .log = &io.err,
       .token = "",
       .phone = phone ? std::optional(phone->listen) : std::nullopt});
  if (!created)
    return Unexpected(created.error());
  server::Server& web = **created;
  // SIGINT and SIGTERM are taken by one thread, which stops the server: every thread the
  // server starts (in bind()) inherits the blocked mask, so none of them is interrupted.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  auto port = web.bind();
  if (!port) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return Unexpected(port.error());
  }

  if (!server::is_loopback(options.bind)) {
    fmt::print(io.err,
               "limber serve: warning: listening on {}, not only on this computer. Anyone on "
               "your network who gets the address with its key can read and change your diary. "
               "Use this only on a network you trust; the default is 127.0.0.1.\n",
               options.bind);
  }
  fmt::print(io.out,
             "limber is running. Open this address in your browser (its key opens one browser, "
             "once; keep it to yourself):\n\n    {}\n\nPress Enter here for a new address (for "
             "another browser), Ctrl+C to stop.\nScripts: send the header 'Authorization: Bearer "
             "{}' (docs/api.md).\n",
             web.start_url(), web.token());
  if (phone)
    print_phone_lines(io, web, *phone);
  io.out.flush();

  const int signals = signalfd(-1, &stop_signals, SFD_CLOEXEC);
  if (signals < 0) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    web.stop();
    return fail(ErrorCode::kIo, "cannot wait for Ctrl+C (signalfd failed)");
  }
  // Sharing with a clinic (issue 17): sends at the start and after the diary changes, on a
  // thread and connection of its own; stopped (after a send in flight) when serve returns.
  std::optional<ShareSyncer> share_syncer;
  if (auto data_dir = context.data_dir())
    share_syncer.emplace(*data_dir, io.err);
  std::thread waiter([&web, &io, signals] {
    wait_for_stop(web, io, signals);
    web.stop();
  });

  const bool desktop =
      context.env()("DISPLAY").has_value() || context.env()("WAYLAND_DISPLAY").has_value();
  std::string forwarder;  // file://..., removed when the server stops
  if (!options.no_open && desktop) {
    forwarder = forwarding_page(context.env(), web.start_url(), *port);
    const std::string target = forwarder.empty() ? web.start_url() : forwarder;
    if (!open_browser(target))
      fmt::print(io.err, "limber serve: could not start xdg-open: open the address yourself\n");
  }

  web.run();  // until the waiter's stop()
  waiter.join();
  close(signals);
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (!forwarder.empty()) {
    std::error_code ignored;  // the key in it is dead anyway once the server has stopped
    std::filesystem::remove(forwarder.substr(std::string_view("file://").size()), ignored);
  }
  fmt::print(io.out, "Stopped. Your diary is saved.\n");
  return {};
}

}  // namespace

void add_serve_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve = app.add_subcommand(
      "serve",
      "The web app: today's plan, the body map, charts and guided sessions in your browser.\n"
      "Prints its address with a one-time key and opens the browser when there is a desktop.\n"
      "Press Enter in its terminal for a new address (another browser, or after the first was "
      "used).");
  serve
      ->add_option(
          "--port,-p", options->port,
          fmt::format("Port to listen on (default {}; 0 picks a free one)", server::kDefaultPort))
      ->type_name("N");
  serve
      ->add_option("--bind", options->bind,
                   "Address to listen on (default 127.0.0.1, this computer only; anything else "
                   "prints a warning)")
      ->type_name("ADDRESS");
  serve->add_flag("--no-open", options->no_open, "Do not open the browser");
  serve->add_flag("--phone", options->phone.phone,
                  "Also serve your phone over HTTPS on the home network (remembered: "
                  "'limber serve' does it from now on; docs/phone.md)");
  serve->add_flag("--no-phone", options->phone.no_phone, "Stop serving the phone (remembered)");
  serve
      ->add_option("--phone-bind", options->phone.bind,
                   fmt::format("Serve the phone on this address instead of the home network's "
                               "(port {} unless given), for this run",
                               server::kDefaultPort + 1))
      ->type_name("ADDR[:PORT]");
  add_examples(*serve, {{"limber serve", "Open the web app in the browser"},
                        {"limber serve --phone", "Also serve your phone on the home network"}});
  table.add(serve, [options](Context& context) { return run_serve(context, *options); });
}

}  // namespace limber::cli
