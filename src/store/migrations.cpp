#include "store/migrations.h"

#include <array>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/region.h"
#include "store/backup.h"
#include "store/database.h"

namespace limber::store {
namespace {

using core::ErrorCode;
using core::fail;
using core::Result;

// Version 1: the diary. CHECK constraints mirror the core's invariants, so a bug in the
// code cannot store what the core would reject.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE regions (
  id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pain', 'relief', 'walk', 'session')),
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  mobility TEXT CHECK (mobility IN ('lie', 'stand', 'walk', 'move')),
  relief TEXT CHECK (relief IN ('medication', 'cream', 'heat', 'cold', 'other')),
  name TEXT CHECK (length(name) <= 120),
  minutes INTEGER CHECK (minutes BETWEEN 1 AND 600),
  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  CHECK ((kind IN ('pain', 'session')) = (pain IS NOT NULL)),
  CHECK ((kind = 'session') = (pain_before IS NOT NULL)),
  CHECK ((kind = 'relief') = (relief IS NOT NULL)),
  CHECK ((kind IN ('walk', 'session')) = (minutes IS NOT NULL)),
  CHECK (kind = 'pain' OR mobility IS NULL),
  CHECK (kind = 'relief' OR name IS NULL)
) STRICT;

CREATE INDEX entries_by_time ON entries (at);

CREATE TABLE entry_regions (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  region TEXT NOT NULL REFERENCES regions (id),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, region)
) STRICT, WITHOUT ROWID;

CREATE TABLE entry_exercises (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL CHECK (length(exercise) BETWEEN 1 AND 80),
  PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: the safety check (issue #3). Flag ids live in a table of their own, so a
// later migration can add a flag with one INSERT; the list here is frozen as written.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE red_flags (
  id TEXT PRIMARY KEY,
  asked INTEGER NOT NULL CHECK (asked IN (0, 1))
) STRICT, WITHOUT ROWID;

INSERT INTO red_flags (id, asked) VALUES
  ('bladder', 1), ('bowel', 1), ('saddle', 1), ('both-legs', 1), ('chest', 1),
  ('leg-weakness', 1), ('fever', 1), ('trauma', 1), ('cancer', 1), ('weight-loss', 1),
  ('night-pain', 1), ('immune', 1), ('not-better', 0), ('pain-rising', 0);

CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  level TEXT NOT NULL CHECK (level IN ('self-care', 'see-clinician', 'urgent', 'emergency'))
) STRICT;

CREATE INDEX screenings_by_time ON screenings (at);

-- One row per question asked; a question not reached (the check stopped early) has none.
CREATE TABLE screening_answers (
  screening_id INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
  flag TEXT NOT NULL REFERENCES red_flags (id),
  yes INTEGER NOT NULL CHECK (yes IN (0, 1)),
  PRIMARY KEY (screening_id, flag)
) STRICT, WITHOUT ROWID;

-- The flags that counted toward the level: answers and diary trends alike.
CREATE TABLE screening_flags (
  screening_id INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
  flag TEXT NOT NULL REFERENCES red_flags (id),
  PRIMARY KEY (screening_id, flag)
) STRICT, WITHOUT ROWID;

-- A clinician has assessed the person: every screening up to `after_screening` is answered.
CREATE TABLE clinician_visits (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  after_screening INTEGER NOT NULL CHECK (after_screening >= 0)
) STRICT;

-- Notices shown once per diary (the first-start disclaimer).
CREATE TABLE notices (
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
  shown_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Version 3: the plan's own data. Preferences as settings; episodes (a back that locks
// again starts a new one); the Patient-Specific Functional Scale (up to three activities,
// each rated 0-10 over time).
constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (key IN ('styles', 'weak', 'tight')),
  value TEXT NOT NULL CHECK (length(value) <= 200)
) STRICT, WITHOUT ROWID;

CREATE TABLE episodes (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800)
) STRICT;

CREATE TABLE function_activities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  added_at INTEGER NOT NULL,
  removed_at INTEGER
) STRICT;

CREATE UNIQUE INDEX function_activities_current
  ON function_activities (lower(name)) WHERE removed_at IS NULL;

CREATE TABLE function_ratings (
  id INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES function_activities (id),
  at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
) STRICT;

CREATE INDEX function_ratings_by_time ON function_ratings (at);
)sql";

// Version 4: the sitting timer (issue #5, `limber watch`). Bouts of continuous sitting,
// breaks (idle, a locked screen, or confirmed with "I stood up"), and every reminder shown
// with what became of it: a row is written when the reminder appears (outcome NULL) and
// answered later, so a watcher that is killed still leaves the reminder in the diary.
constexpr std::string_view kVersion4 = R"sql(
CREATE TABLE sitting_bouts (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  reminders INTEGER NOT NULL DEFAULT 0 CHECK (reminders >= 0),
  CHECK (ended_at >= started_at)
) STRICT;

CREATE INDEX sitting_bouts_by_time ON sitting_bouts (started_at);

CREATE TABLE sitting_breaks (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  kind TEXT NOT NULL CHECK (kind IN ('idle', 'locked', 'confirmed')),
  CHECK (ended_at >= started_at)
) STRICT;

CREATE INDEX sitting_breaks_by_time ON sitting_breaks (started_at);

CREATE TABLE sitting_reminders (
  id INTEGER PRIMARY KEY,
  shown_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  number INTEGER NOT NULL CHECK (number >= 1),
  sat_seconds INTEGER NOT NULL CHECK (sat_seconds >= 0),
  exercise TEXT CHECK (length(exercise) BETWEEN 1 AND 80),
  outcome TEXT CHECK (outcome IN ('stood-up', 'snoozed', 'took-break', 'ignored')),
  answered_at INTEGER,
  CHECK ((outcome IS NULL) = (answered_at IS NULL)),
  CHECK (answered_at IS NULL OR answered_at >= shown_at)
) STRICT;

CREATE INDEX sitting_reminders_by_time ON sitting_reminders (shown_at);
)sql";

// Version 5: for pain in a thigh or calf, whether it shoots, tingles or goes below the knee
// (1), or stays put (0), NULL when not said (issue #20); and corrected checks (issue #12):
// a check that says "I answered the check before it wrongly", both kept.
struct AddedColumn {
  std::string_view table;
  std::string_view column;
  std::string_view definition;
};
constexpr std::array<AddedColumn, 2> kVersion5 = {{
    {"entries", "leg_pain_spreads",
     "INTEGER CHECK (leg_pain_spreads IS NULL OR (kind = 'pain' AND leg_pain_spreads IN (0, "
     "1)))"},
    {"screenings", "corrects",
     "INTEGER REFERENCES screenings (id) CHECK (corrects IS NULL OR corrects < id)"},
}};

// Version 7: the phones paired with this diary (issue 14, store/device_store.h). Only the
// SHA-256 of a phone's session secret is kept; a revoked phone's row is deleted.
// IF NOT EXISTS: a diary set back to an older version by hand (tests do) keeps its phones.
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE IF NOT EXISTS devices (
  name TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60),
  paired_at INTEGER NOT NULL,
  last_seen INTEGER CHECK (last_seen IS NULL OR last_seen >= paired_at),
  secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64)
) STRICT, WITHOUT ROWID;
)sql";

// Version 8 (issue 15): an entry's tags ("lifting", "long-drive"; core/tag.h), in
// the order given, deleted with their entry; the index finds a tag's entries (`progress
// --tag`). IF NOT EXISTS: safe to run again, like the versions before.
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE IF NOT EXISTS entry_tags (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4),
  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 30 AND tag NOT GLOB '*[^a-z0-9-]*'),
  PRIMARY KEY (entry_id, position),
  UNIQUE (entry_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS entry_tags_by_tag ON entry_tags (tag);
)sql";

// Version 9 (issue 15): exercises from the person's therapist
// (`limber exercises add`), each kept as the JSON object of the catalog's schema it was
// added with, so that a later limber reads it by the same rules as its own catalog
// (core/catalog.h).
constexpr std::string_view kVersion9 = R"sql(
CREATE TABLE IF NOT EXISTS therapist_exercises (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 80),
  style TEXT NOT NULL CHECK (length(style) BETWEEN 1 AND 20),
  exercise TEXT NOT NULL CHECK (length(exercise) BETWEEN 2 AND 100000),
  added_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Version 10 (issue #18): the sitting timer's pause and sit-stand desks. `sitting_pause`
// holds at most one row, "reminders paused until T", written by the page (PUT
// /api/sitting/pause), by the notification's snooze and by `limber watch --pause`, and read
// by the watcher when a reminder falls due; "Resume now" deletes it. A break may be
// `standing` (at a sit-stand desk, or a standing stretch of an exercise session), and a
// reminder may be answered `was-standing` ("I was standing"). SQLite cannot alter a CHECK:
// both tables are made again, keeping every row and id.
constexpr std::string_view kVersion10 = R"sql(
CREATE TABLE IF NOT EXISTS sitting_pause (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  until INTEGER NOT NULL,
  set_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  CHECK (until > set_at)
) STRICT;

CREATE TABLE new_sitting_breaks (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  kind TEXT NOT NULL CHECK (kind IN ('idle', 'locked', 'confirmed', 'standing')),
  CHECK (ended_at >= started_at)
) STRICT;
INSERT INTO new_sitting_breaks (id, started_at, ended_at, utc_offset, kind)
  SELECT id, started_at, ended_at, utc_offset, kind FROM sitting_breaks;
DROP TABLE sitting_breaks;
ALTER TABLE new_sitting_breaks RENAME TO sitting_breaks;
CREATE INDEX sitting_breaks_by_time ON sitting_breaks (started_at);

CREATE TABLE new_sitting_reminders (
  id INTEGER PRIMARY KEY,
  shown_at INTEGER NOT NULL,
  utc_offset INTEGER NOT NULL CHECK (utc_offset BETWEEN -64800 AND 64800),
  number INTEGER NOT NULL CHECK (number >= 1),
  sat_seconds INTEGER NOT NULL CHECK (sat_seconds >= 0),
  exercise TEXT CHECK (length(exercise) BETWEEN 1 AND 80),
  outcome TEXT CHECK (outcome IN ('stood-up', 'snoozed', 'took-break', 'ignored',
                                  'was-standing')),
  answered_at INTEGER,
  CHECK ((outcome IS NULL) = (answered_at IS NULL)),
  CHECK (answered_at IS NULL OR answered_at >= shown_at)
) STRICT;
INSERT INTO new_sitting_reminders (id, shown_at, utc_offset, number, sat_seconds, exercise,
                                   outcome, answered_at)
  SELECT id, shown_at, utc_offset, number, sat_seconds, exercise, outcome, answered_at
  FROM sitting_reminders;
DROP TABLE sitting_reminders;
ALTER TABLE new_sitting_reminders RENAME TO sitting_reminders;
CREATE INDEX sitting_reminders_by_time ON sitting_reminders (shown_at);
)sql";

// Version 11 (issue 18): whether the sitting timer runs. `sitting_watcher` holds at most one
// row, written by `limber watch` when it starts (started_at) and again every few minutes
// (seen_at), and deleted when it stops; the page reads it to say whether reminders to stand
// up can come at all. A watcher that was killed leaves its row, which goes stale.
constexpr std::string_view kVersion11 = R"sql(
CREATE TABLE IF NOT EXISTS sitting_watcher (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  CHECK (seen_at >= started_at)
) STRICT;
)sql";

// Adds each column a table does not have yet.
Result<void> add_columns(const Database& db, std::span<const AddedColumn> columns) {
  for (const AddedColumn& added : columns) {
    LIMBER_TRY_ASSIGN(
        auto present,
        pragma(db, fmt::format("SELECT count(*) FROM pragma_table_info('{}') WHERE name = '{}'",
                               added.table, added.column)));
    if (present > 0)
      continue;
    LIMBER_TRY(db.exec(fmt::format("ALTER TABLE {} ADD COLUMN {} {}", added.table, added.column,
                                   added.definition)));
  }
  return {};
}

// Version 6: the id a device gave an entry (issue 14: a phone that logs offline sends
// each entry with a UUID it made, and may send it again when an answer is lost). NULL for
// entries made here; unique otherwise, so a second insert with the same id cannot make a
// second row, however the requests interleave. Like version 5, safe to run again.
// (Another branch may add a version at the same time: this step is one constant, to
// renumber at merge.)
struct AddedUniqueColumn {
  AddedColumn column;
  std::string_view index;
};
constexpr AddedUniqueColumn kVersion6 = {
    {"entries", "client_id",
     "TEXT CHECK (client_id IS NULL OR length(client_id) BETWEEN 8 AND 64)"},
    "CREATE UNIQUE INDEX IF NOT EXISTS entries_by_client_id ON entries (client_id)"};

Result<void> insert_regions(const Database& db) {
  LIMBER_TRY_ASSIGN(auto insert, db.prepare("INSERT INTO regions (id) VALUES (?)"));
  for (const core::RegionInfo& region : core::all_regions()) {
    insert.bind(1, region.id);
    LIMBER_TRY(insert.run());
    insert.reset();
  }
  return {};
}

// The statement of `script` that starts with `start`, up to its ';'.
std::string_view statement_in(std::string_view script, std::string_view start) {
  const auto from = script.find(start);
  return script.substr(from, script.find(';', from) + 1 - from);
}

// The first release (commit 2bb969b) shipped schema 1 without sessions: its entries table
// has no pain_before column and older CHECKs, and entry_exercises is missing. Version 1
// grew both before version 2 existed, so a diary at version 1 may be either; bring the old
// one to version 1 as it is today, keeping every row. SQLite cannot alter a CHECK: the
// table is made again (its entry_regions rows are kept aside, as dropping the table
// deletes them through the foreign key).
Result<void> upgrade_first_release(const Database& db) {
  {
    LIMBER_TRY_ASSIGN(
        auto columns,
        db.prepare("SELECT count(*) FROM pragma_table_info('entries') WHERE name = 'pain_before'"));
    LIMBER_TRY(columns.step());
    if (columns.integer(0) > 0)
      return {};
  }  // finalized here: a table cannot be dropped while a statement reads
  LIMBER_TRY(
      db.exec("CREATE TEMP TABLE old_entries AS SELECT * FROM entries;"
              "CREATE TEMP TABLE old_entry_regions AS SELECT * FROM entry_regions;"
              "DROP TABLE entries;"));
  LIMBER_TRY(db.exec(std::string(statement_in(kVersion1, "CREATE TABLE entries (")) +
                     std::string(statement_in(kVersion1, "CREATE INDEX entries_by_time")) +
                     std::string(statement_in(kVersion1, "CREATE TABLE entry_exercises"))));
  return db.exec(
      "INSERT INTO entries (id, kind, at, utc_offset, pain, mobility, relief, name, minutes, "
      "note) SELECT id, kind, at, utc_offset, pain, mobility, relief, name, minutes, note "
      "FROM old_entries;"
      "INSERT INTO entry_regions (entry_id, region, pain, position) "
      "SELECT entry_id, region, pain, position FROM old_entry_regions;"
      "DROP TABLE old_entries; DROP TABLE old_entry_regions;");
}

// Version 12 (issue 17): sharing with a clinic (`limber share`). `share_clinic` holds at
// most one row: the clinic's address, the upload token it gave (this file is the person's
// own, mode 0600 like the whole data folder), whether notes are shared, since when, the
// last successful send, and a stop asked for but not yet confirmed by the clinic.
// `share_sent` remembers each record sent (app/share_service.h: "entry-ID", "check-ID")
// with the SHA-256 of what was sent, so the next send takes only what is new or changed.
constexpr std::string_view kVersion12 = R"sql(
CREATE TABLE IF NOT EXISTS share_clinic (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  url TEXT NOT NULL CHECK (url LIKE 'https://%'),
  token TEXT NOT NULL CHECK (length(token) = 64),
  patient INTEGER NOT NULL,
  notes INTEGER NOT NULL CHECK (notes IN (0, 1)),
  since INTEGER NOT NULL,
  last_sent_at INTEGER,
  stopping INTEGER NOT NULL DEFAULT 0 CHECK (stopping IN (0, 1))
) STRICT;

CREATE TABLE IF NOT EXISTS share_sent (
  record TEXT PRIMARY KEY CHECK (length(record) BETWEEN 1 AND 100),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  sent_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Version 13 (issue 17): exercises the therapist assigns at the clinic, fetched by `limber
// share` and limber serve (app/assigned_exercises.h), kept with those added from a file
// (`limber exercises add`) and told apart by `source`: a fetch replaces the 'clinic' ones
// only. `clinic_exercises` holds at most one row: the version of the clinic's list last
// taken (so an unchanged list is not sent again) and when it was taken. Safe to run again.
// (Another branch may add a version at the same time: this step is one constant, to
// renumber at merge.)
struct AddedColumnAndTable {
  AddedColumn column;
  std::string_view table;
};
constexpr AddedColumnAndTable kVersion13 = {
    {"therapist_exercises", "source",
     "TEXT NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'clinic'))"},
    R"sql(
CREATE TABLE IF NOT EXISTS clinic_exercises (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version TEXT NOT NULL CHECK (length(version) = 64),
  received_at INTEGER NOT NULL
) STRICT;
)sql"};

using Migration = std::function<Result<void>(const Database&)>;

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      [](const Database& db) -> Result<void> {
        LIMBER_TRY(db.exec(kVersion1));
        return insert_regions(db);
      },
      [](const Database& db) -> Result<void> {
        LIMBER_TRY(upgrade_first_release(db));
        return db.exec(kVersion2);
      },
      [](const Database& db) -> Result<void> { return db.exec(kVersion3); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion4); },
      [](const Database& db) -> Result<void> { return add_columns(db, kVersion5); },
      [](const Database& db) -> Result<void> {
        LIMBER_TRY(add_columns(db, std::span(&kVersion6.column, 1)));
        return db.exec(kVersion6.index);
      },
      [](const Database& db) -> Result<void> { return db.exec(kVersion7); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion8); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion9); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion10); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion11); },
      [](const Database& db) -> Result<void> { return db.exec(kVersion12); },
      [](const Database& db) -> Result<void> {
        LIMBER_TRY(add_columns(db, std::span(&kVersion13.column, 1)));
        return db.exec(kVersion13.table);
      },
  };
  return kMigrations;
}

struct FileState {
  std::int64_t application_id = 0;
  std::int64_t version = 0;
  std::int64_t objects = 0;
};

Result<FileState> read_state(const Database& db) {
  LIMBER_TRY_ASSIGN(auto application_id, pragma(db, "PRAGMA application_id"));
  LIMBER_TRY_ASSIGN(auto version, pragma(db, "PRAGMA user_version"));
  LIMBER_TRY_ASSIGN(auto objects, pragma(db, "SELECT count(*) FROM sqlite_schema"));
  return FileState{application_id, version, objects};
}

Result<FileState> check_ours(const Database& db) {
  auto state = read_state(db);
  if (!state)
    return state;
  const bool fresh = state->application_id == 0 && state->version == 0 && state->objects == 0;
  if (!fresh && state->application_id != kApplicationId) {
    return fail(ErrorCode::kNotLimber,
                fmt::format("{} is an SQLite database but not a limber diary", db.path().string()),
                core::Remedy::kChooseDataDir);
  }
  if (state->version > latest_schema_version()) {
    return fail(ErrorCode::kTooNew,
                fmt::format("the diary {} was written by a newer limber (schema {}, this one "
                            "knows up to {}): update limber to open it; nothing was changed",
                            db.path().string(), state->version, latest_schema_version()));
  }
  return state;
}

}  // namespace

int latest_schema_version() {
  return static_cast<int>(migrations().size());
}

Result<void> migrate(const Database& db, const std::filesystem::path& backup_folder) {
  // The common case, on every command: a current limber diary. Two reads and done.
  LIMBER_TRY_ASSIGN(auto current, pragma(db, "PRAGMA user_version"));
  if (current == latest_schema_version()) {
    LIMBER_TRY_ASSIGN(auto application_id, pragma(db, "PRAGMA application_id"));
    if (application_id == kApplicationId)
      return {};
  }
  LIMBER_TRY_ASSIGN(auto state, check_ours(db));
  if (db.read_only()) {
    return fail(ErrorCode::kIo,
                fmt::format("the diary {} was written by an older limber and needs updating, but "
                            "it cannot be written here: copy its folder somewhere you may write",
                            db.path().string()));
  }
  // WAL lets readers go on while one process writes; it is a property of the file, set
  // once, and only after the file is known to be ours.
  std::string mode;
  {
    LIMBER_TRY_ASSIGN(auto query, db.prepare("PRAGMA journal_mode"));
    LIMBER_TRY(query.step());
    mode = query.text(0);
  }  // finalized here: the journal mode cannot change while a statement reads
  if (mode != "wal" && mode != "memory") {
    LIMBER_TRY_ASSIGN(auto wal, db.prepare("PRAGMA journal_mode = WAL"));
    LIMBER_TRY(wal.run());
  }
  if (state.version == latest_schema_version())
    return {};
  if (state.version > 0 && !backup_folder.empty()) {
    Tightened ignored;
    LIMBER_TRY(make_private_folder(backup_folder, ignored));
    const auto copy =
        backup_folder / fmt::format("limber-before-schema-{}.db", latest_schema_version());
    if (auto copied = copy_diary(db, copy); !copied) {
      return fail(copied.error().code,
                  fmt::format("{}; the diary was not updated to this limber's format",
                              copied.error().message));
    }
  }
  return db.transaction([&]() -> Result<void> {
    // Another process may have migrated while this one waited for the lock.
    LIMBER_TRY_ASSIGN(auto locked, check_ours(db));
    const auto& steps = migrations();
    for (auto version = static_cast<std::size_t>(locked.version); version < steps.size();
         ++version) {
      LIMBER_TRY(steps[version](db));
    }
    return db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}",
                               kApplicationId, latest_schema_version()));
  });
}

Result<std::int64_t> pragma(const Database& db, std::string_view sql) {
  LIMBER_TRY_ASSIGN(auto statement, db.prepare(sql));
  LIMBER_TRY_ASSIGN(const bool found, statement.step());
  return found ? statement.integer(0) : 0;
}

}  // namespace limber::store
