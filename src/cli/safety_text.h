// How a safety result reads in a terminal, and the same words in JSON: "advice" and "next"
// in the JSON are exactly the text shown. Internal to cli/.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "app/screening.h"
#include "store/screening_store.h"

namespace limber::cli {

// What a safety result says in a terminal: the advice, and what to do next in this shell.
struct SafetyText {
  std::string advice;  // the core's advice for what counts now (and where its signs come from)
  std::string next;    // how to go on: the command that records a visit, or a correction
  // The advice, a blank line, the next step; no trailing newline.
  [[nodiscard]] std::string shown() const;
};

// The core's advice for what counts now, then what it means for limber's plans and how
// to record a clinician visit. `this_check` is the check just run, or null; when signs
// from earlier checks still count, the words say so.
SafetyText safety_text(const app::Standing& standing, const store::Screening* this_check);

// app::safety_json with these words.
nlohmann::json safety_json(const app::Standing& standing, const SafetyText& text);

}  // namespace limber::cli
