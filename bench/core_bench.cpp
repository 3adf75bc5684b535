// In-process micro-benchmarks of the core: the CSV diary both ways (the 5-year diary of
// bench/diary_generator.h, as `limber import` and `limber export` see it) and region parsing.
#include <array>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "bench/diary_generator.h"
#include "core/diary_csv.h"
#include "core/region.h"

namespace {

const std::vector<limber::core::Entry>& five_years() {
  static const auto kEntries = limber::bench::generate_diary(limber::bench::DiaryShape{});
  return kEntries;
}

void read_diary_csv(benchmark::State& state) {
  const std::string text = limber::core::diary_to_csv(five_years());
  const limber::core::Catalog catalog;  // the generated diary has no sessions
  for (auto _ : state) {
    auto entries = limber::core::diary_from_csv(text, catalog);
    if (!entries)
      state.SkipWithError(entries.error().message.c_str());
    benchmark::DoNotOptimize(entries);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(five_years().size()));
}
BENCHMARK(read_diary_csv)->Unit(benchmark::kMillisecond);

void write_diary_csv(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(limber::core::diary_to_csv(five_years()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(five_years().size()));
}
BENCHMARK(write_diary_csv)->Unit(benchmark::kMillisecond);

// What people type on the command line, and what the diary stores.
constexpr std::array<std::string_view, 6> kRegionWords = {
    "lower-back", "neck:3", "left-thigh:7", "right-calf", "mid-back:10", "other"};

void parse_region_ratings(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string_view word : kRegionWords) {
      benchmark::DoNotOptimize(limber::core::parse_region_rating(word));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kRegionWords.size()));
}
BENCHMARK(parse_region_ratings);

// A typo: the error path, which looks for the closest name to suggest.
void parse_region_rating_with_typo(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(limber::core::parse_region_rating("lower-bak:4"));
}
BENCHMARK(parse_region_rating_with_typo);

}  // namespace

BENCHMARK_MAIN();
