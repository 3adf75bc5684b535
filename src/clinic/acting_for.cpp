#include "clinic/acting_for.h"

namespace limber::clinic {

core::Result<void> set_acting_for(pg::Connection& connection, const Therapist& therapist) {
  return connection.execute(
      "SELECT set_config('limber.therapist_id', $1, true), "
      "set_config('limber.clinic_id', $2, true)",
      {std::to_string(therapist.id), std::to_string(therapist.clinic_id)});
}

}  // namespace limber::clinic
