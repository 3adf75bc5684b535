// `limber log` in the terminal and sharing (issue 17, docs/clinic.md "Sharing from
// limber"): when the diary shares with a clinic, the log starts a detached `limber share
// --background` and returns at once, so the entry reaches the clinic without the log
// waiting for the network or loading TLS itself. The background send takes its turn after
// any other (a lock in the data folder) and keeps its failure in the data folder, where
// `limber share --status` reads it; a send that works removes it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace limber::app {
class ShareService;
}

namespace limber::cli {

class Context;

// The file that keeps the last background send's failure: its time (UTC seconds) on the
// first line, the sentence on the second.
inline constexpr const char* kShareFailedFile = "share-failed";

// Starts `limber share --background` when the diary shares and this program is limber
// itself (not a test running the CLI in process); LIMBER_SHARE_AFTER_LOG=0 turns it off.
// Never fails the log: the next `limber share` sends what this one could not.
void share_in_background(Context& context);

// `limber share --background`: one send, after any other's; the outcome kept for --status.
core::Result<void> run_background_share(Context& context, app::ShareService& share);

// Forgets the last background send's failure (a send that worked made up for it).
void forget_background_failure(const Context& context);

// The last background send's failure ("at HH:MM: sentence"), if one is kept.
std::optional<std::string> background_failure(const Context& context);

}  // namespace limber::cli
