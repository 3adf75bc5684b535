// The clinic group most database tests start from: a fresh, migrated database with the
// superuser's connection (for setting up and counting, not held to row-level security) and
// the application's (held to it), North clinic with the therapists Ann and Bob, South
// clinic with Cat, and patients who take an invitation as a patient's limber does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "app/random_bytes.h"
#include "clinic/invitations.h"
#include "clinic/pg_cluster.h"
#include "clinic/seed.h"

namespace limber::testing {

class ClinicWorld : public ::testing::Test {
 protected:
  ClinicWorld() {
    database_.migrate();
    Seed seed(admin_);
    north_ = seed.clinic("North clinic");
    south_ = seed.clinic("South clinic");
    ann_ = seed.therapist(north_, "ann@north.example");
    bob_ = seed.therapist(north_, "bob@north.example");
    cat_ = seed.therapist(south_, "cat@south.example");
  }

  // A patient of `therapist` who took an invitation made at `now` (from a documentation
  // address, 192.0.2.1).
  clinic::Joined joined(const clinic::Therapist& therapist, const std::string& name,
                        core::Instant now) {
    const auto invitation =
        clinic::make_invitation(app_, therapist, now, app::system_random_bytes).value();
    return clinic::join(app_, invitation.code, name, "192.0.2.1", now, app::system_random_bytes)
        .value();
  }

  // The SQLSTATE the application's statement failed with, or "ok" when it went through.
  std::string refusal(std::string_view sql) {
    const auto done = app_.execute(sql);
    return done ? "ok" : clinic::pg::sqlstate_of(done.error());
  }

  TestDatabase database_;
  clinic::pg::Connection admin_ = database_.connect(kSuperuser);
  clinic::pg::Connection app_ = database_.connect(kAppRole);
  std::int64_t north_ = 0;
  std::int64_t south_ = 0;
  clinic::Therapist ann_, bob_, cat_;
};

}  // namespace limber::testing
