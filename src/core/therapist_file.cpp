#include "core/therapist_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "core/json_position.h"

namespace limber::core {

Result<TherapistFile> read_therapist_file(std::string_view name, std::string_view text,
                                          const Catalog& builtin) {
  const CatalogFile file{name, text, true};
  LIMBER_TRY_ASSIGN(Catalog parsed, Catalog::parse(std::span(&file, 1)));
  const nlohmann::json document = nlohmann::json::parse(text);  // valid: parse said so
  TherapistFile out;
  out.style = document.at("style").get<std::string>();
  if (parsed.all().empty()) {
    return fail(
        ErrorCode::kBadFile,
        fmt::format(R"({}: "exercises" is empty: the file needs at least one exercise)", name));
  }
  for (std::size_t index = 0; index < parsed.all().size(); ++index) {
    const Exercise& exercise = parsed.all()[index];
    if (builtin.find(exercise.id) != nullptr) {
      const std::vector<std::string> path = {"exercises", std::to_string(index), "id"};
      const auto line = text_position(text, json_member_offset(text, path).value_or(0)).line;
      return fail(ErrorCode::kBadFile,
                  fmt::format("{}, line {}: {}: limber's own catalog has an exercise with this "
                              "id: give yours another, like {}-my-{}",
                              name, line, exercise.id, out.style,
                              exercise.id.substr(out.style.size() + 1)));
    }
    out.exercises.push_back(exercise);
    out.objects.push_back(document.at("exercises").at(index).dump());
  }
  return out;
}

std::string catalog_file_text(std::string_view style, const std::vector<std::string>& objects) {
  return fmt::format(R"({{"style": {}, "exercises": [{}]}})", nlohmann::json(style).dump(),
                     fmt::join(objects, ", "));
}

}  // namespace limber::core
