// limber_generate_diary --years 5 --seed 1 [--end YYYY-MM-DD] -o FILE.csv
//
// Writes a made-up, lifelike diary in limber's own CSV format (core::diary_to_csv), for
// `limber import` in benchmarks. The same arguments give the same file.
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "bench/diary_generator.h"
#include "core/diary_csv.h"

namespace {

// "2025-12-31" as a date, or nothing.
std::optional<std::chrono::year_month_day> read_date(const std::string& text) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  char end = 0;
  // NOLINTNEXTLINE(cert-err34-c): the three fields are checked by ok() below
  if (std::sscanf(text.c_str(), "%d-%u-%u%c", &year, &month, &day, &end) != 3)
    return {};
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok())
    return {};
  return date;
}

int run(int argc, char** argv) {
  CLI::App app{"Writes a made-up limber diary (CSV) for benchmarks", "limber_generate_diary"};
  int years = 5;
  std::uint32_t seed = 1;
  std::string output;
  std::string end;
  app.add_option("--years", years, "How many years of diary")->check(CLI::Range(1, 50));
  app.add_option("--seed", seed, "Random seed: the same seed gives the same diary");
  app.add_option("--end", end, "The diary's last day, YYYY-MM-DD (default: yesterday, UTC)");
  app.add_option("-o,--output", output, "The CSV file to write")->required();
  CLI11_PARSE(app, argc, argv);

  limber::bench::DiaryShape shape;
  shape.years = years;
  shape.seed = seed;
  if (end.empty()) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    shape.last_day = std::chrono::year_month_day{today - std::chrono::days{1}};
  } else if (auto date = read_date(end)) {
    shape.last_day = *date;
  } else {
    std::cerr << "limber_generate_diary: --end '" << end << "' is not a date like 2025-12-31\n";
    return 2;
  }

  const auto entries = limber::bench::generate_diary(shape);
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  file << limber::core::diary_to_csv(entries);
  file.close();
  if (!file) {
    std::cerr << "limber_generate_diary: cannot write " << output << '\n';
    return 1;
  }
  std::array<int, 3> kinds{};  // pain, relief, walk
  for (const auto& entry : entries)
    ++kinds.at(static_cast<std::size_t>(entry.kind()));
  std::cerr << "limber_generate_diary: " << entries.size() << " entries (" << kinds[0] << " pain, "
            << kinds[1] << " relief, " << kinds[2] << " walks) to " << output << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "limber_generate_diary: " << error.what() << '\n';
    return 1;
  }
}
