// `limber watch --install`: a systemd user unit bound to the graphical session, and an XDG
// autostart entry for desktops that never start graphical-session.target. Both start the
// same command; a second watcher in a session exits at once (it cannot take the bus name).
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/data_dir.h"
#include "core/result.h"

namespace limber::watch {

inline constexpr const char* kUnitName = "limber-watch.service";
inline constexpr const char* kDesktopName = "limber-watch.desktop";

// The command line both files run: `binary watch <extra...>`, quoted for systemd and for
// the Desktop Entry Exec key (both accept double quotes with backslash escapes, and read
// "%%" as "%").
std::string exec_line(const std::filesystem::path& binary, const std::vector<std::string>& extra);

// What follows `limber watch` in both files: `--data-dir DIR` with the diary's folder made
// absolute (the desktop starts the watcher in another folder, without the environment of
// the terminal that installed it, so a relative --data-dir or a LIMBER_HOME would be
// lost and the timer would record into another diary), then each of `options` that was
// given, as "--name", "value".
struct WatchArgOption {
  std::string_view name;  // "--limit"
  const std::optional<std::string>& value;
};
std::vector<std::string> watch_args(const std::filesystem::path& data_dir,
                                    std::initializer_list<WatchArgOption> options);

// PartOf=, After= and WantedBy=graphical-session.target: started with the desktop and
// stopped with it (SIGTERM, which the watcher handles).
std::string unit_text(const std::string& exec);
// Hidden from menus; skipped by GNOME and by systemd's autostart generator, where the unit
// above already runs it.
std::string desktop_text(const std::string& exec);

struct InstalledFiles {
  std::filesystem::path unit;
  std::filesystem::path desktop;
};

// Writes both under $XDG_CONFIG_HOME (else ~/.config): systemd/user/limber-watch.service
// and autostart/limber-watch.desktop, atomically. kInvalidInput when no config folder can
// be found, kIo when a file cannot be written.
core::Result<InstalledFiles> install_files(const std::string& exec, const app::GetEnv& env);

// Runs `systemctl --user daemon-reload` and `systemctl --user enable --now` for the unit.
// kIo, with the reason, when systemctl is missing or there is no user manager.
core::Result<void> enable_unit();

}  // namespace limber::watch
