// What a person can do about a failure, named once. Lower layers say what failed and name
// the remedy; each shell says it in its own terms: a command in the terminal
// (cli/remedy_text.cpp), a page or a button on the web (server/remedy_text.cpp). No layer
// under the shells writes a command or a flag (issue #13).
#pragma once

#include <string>
#include <string_view>

namespace limber::core {

enum class Remedy {
  kNone,
  kListEntries,     // the list of entries shows their numbers
  kAddActivity,     // name the activity first
  kRemoveActivity,  // remove an activity first
  kListExercises,   // the catalog lists every exercise
  kCheckDiary,      // see what can be saved from a damaged diary
  kChooseDataDir,   // keep the diary in another folder
  kLogFirst,        // log how you are first
  kChooseDays,      // choose days the diary holds
  kSeePlan,         // today's plan says what to do
  kListDevices,     // the list of paired phones names them
  kReachClinic,     // check the clinic's address and the connection; nothing unsent is lost
  kTrustClinic,     // give the clinic's CA file, from the therapist
};

// The message followed by a shell's words for the remedy: "what failed: words", or "What
// failed. Words." when the message ends a sentence. No words: the message alone.
std::string with_remedy(std::string_view message, std::string_view words);

}  // namespace limber::core
