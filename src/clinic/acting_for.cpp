#include "clinic/acting_for.h"

namespace limber::clinic {

core::Result<void> set_acting_for(pg::Connection& connection, const Therapist& therapist) {
  return connection.execute("SELECT set_config('limber.session', $1, true)", {therapist.session});
}

}  // namespace limber::clinic
