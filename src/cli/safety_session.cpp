#include "cli/safety_session.h"

#include <ostream>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace limber::cli {

core::Result<void> disclaimer_once(const app::ScreeningService& screening, std::ostream& out) {
  LIMBER_TRY_ASSIGN(auto due, screening.disclaimer_due());
  if (!due)
    return {};
  fmt::print(out, "About limber\n{}\n\n", app::disclaimer());
  return screening.mark_disclaimer_shown();
}

}  // namespace limber::cli
