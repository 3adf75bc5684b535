#include "core/therapist_file.h"

#include <gtest/gtest.h>

#include "support/test_catalog.h"
#include "support/therapist_file.h"

namespace limber::core {
namespace {

using testing::therapist_exercise;
using testing::therapist_file;

const Catalog& builtin() {
  return testing::test_catalog();
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(TherapistFileTest, ReadsTheCatalogsSchemaAndMarksTheExercises) {
  const std::string text = therapist_file(therapist_exercise("basics-towel-squeeze") + ",\n" +
                                          therapist_exercise("basics-towel-squeeze-2"));
  auto file = read_therapist_file("from-anna.json", text, builtin());
  ASSERT_TRUE(file.has_value()) << file.error().message;
  EXPECT_EQ(file->style, "basics");
  ASSERT_EQ(file->exercises.size(), 2U);
  EXPECT_TRUE(file->exercises[0].from_therapist);
  EXPECT_EQ(file->exercises[1].id, "basics-towel-squeeze-2");
  // What is stored reads back as the same exercise.
  const std::string again = catalog_file_text(file->style, file->objects);
  const CatalogFile stored{"stored", again, true};
  auto catalog = Catalog::parse(std::span(&stored, 1));
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_EQ(catalog->all()[0].name, "Towel squeeze");
  EXPECT_TRUE(catalog->all()[0].from_therapist);
}

TEST(TherapistFileTest, NamesTheFieldAndTheLineOfWhatIsWrong) {
  struct Case {
    const char* name;
    std::string text;
    std::string want;
  };
  const std::string good = therapist_exercise("basics-towel-squeeze");
  const Case cases[] = {
      {"level out of range", therapist_file(replaced(good, R"("level": 1)", R"("level": 9)")),
       "from-anna.json, line 10: basics-towel-squeeze: 'level' is 9: use 1 to 5"},
      {"reps in the dose", therapist_file(replaced(good, R"("reps": 8)", R"("reps": 99)")),
       "from-anna.json, line 12: basics-towel-squeeze: 'reps' is 99: use 1 to 30"},
      {"id without its style",
       therapist_file(replaced(good, "basics-towel-squeeze", "towel-squeeze")),
       "from-anna.json, line 5: towel-squeeze: the id must start with 'basics-'"},
      {"missing minutes", therapist_file(replaced(good, R"("minutes": 3,)", "")),
       "from-anna.json, line 4: basics-towel-squeeze: 'minutes' must be a whole number"},
      {"stop block left out",
       therapist_file(replaced(good, testing::stop_block_json(), R"("Stop if it hurts.")")),
       "from-anna.json, line 16: basics-towel-squeeze: 'stop_if' lacks the stop block"},
      {"missing comma", therapist_file(replaced(good, R"("minutes": 3,)", R"("minutes": 3)")),
       "from-anna.json, line 14, column 7: not valid JSON there"},
      {"a clash with limber's own", therapist_file(therapist_exercise("basics-bridge")),
       "from-anna.json, line 5: basics-bridge: limber's own catalog has an exercise with this "
       "id: give yours another, like basics-my-bridge"},
      {"no exercises", therapist_file(""), R"("exercises" is empty)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto file = read_therapist_file("from-anna.json", c.text, builtin());
    ASSERT_FALSE(file.has_value());
    EXPECT_EQ(file.error().code, ErrorCode::kBadFile);
    EXPECT_NE(file.error().message.find(c.want), std::string::npos) << file.error().message << "\n"
                                                                    << c.text;
  }
}

}  // namespace
}  // namespace limber::core
