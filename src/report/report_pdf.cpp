#include "report/report_pdf.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <fontconfig/fontconfig.h>

#include "core/display_names.h"
#include "core/red_flags.h"
#include "core/time_parse.h"
#include "report/canvas.h"
#include "report/pain_chart.h"

namespace limber::report {

using std::chrono::days;
using std::chrono::floor;

namespace {

// A4 in points, with margins wide enough for any printer.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 40;
constexpr double kLeft = kMargin;
constexpr double kRight = kPageWidth - kMargin;
constexpr double kBottom = kPageHeight - kMargin - 16;  // room for the footer

constexpr Font kTitle{17, Weight::kBold};
constexpr Font kHeading{10.5, Weight::kBold};
constexpr Font kBody{8.5, Weight::kNormal};
constexpr Font kBodyBold{8.5, Weight::kBold};
constexpr Font kSmall{7, Weight::kNormal};
constexpr double kLine = 11.5;

constexpr std::size_t kMaxActivityWeeks = 16;
constexpr std::size_t kMaxCheckLines = 8;

std::string level_words(core::Level level) {
  switch (level) {
    case core::Level::kSelfCare:
      return "no warning signs";
    case core::Level::kSeeClinician:
      return "see a doctor or physical therapist in the next few days";
    case core::Level::kUrgent:
      return "see a doctor the same day";
    case core::Level::kEmergency:
      return "emergency help at once";
  }
  return "";
}

// "phase 2 of 4, Stand tall": the plan's phase for a mobility, in the words the CLI and the
// page use (core/display_names.h).
std::string phase_words(core::Mobility mobility) {
  const core::Phase phase = core::phase_for(mobility);
  return fmt::format("phase {} of {}, {}", core::phase_number(phase), core::kPhaseCount,
                     core::display_name(phase));
}

std::string muscle_list(const std::vector<core::Muscle>& muscles) {
  std::string out;
  for (core::Muscle muscle : muscles) {
    if (!out.empty())
      out += ", ";
    std::string name(core::to_string(muscle));
    std::replace(name.begin(), name.end(), '-', ' ');
    out += name;
  }
  return out;
}

// "3 Aug" for a column of the region grid, or "Aug '26" when the period spans years.
std::string column_head(std::chrono::local_days day, bool years) {
  const std::string full = core::report_day(day);  // "3 Aug 2026"
  if (!years)
    return full.substr(0, full.size() - 5);
  const auto space = full.find(' ');
  return fmt::format("{} '{}", full.substr(space + 1, 3), full.substr(full.size() - 2));
}

std::string at_words(core::LocalTime at) {
  const auto day = floor<days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{} {:02}:{:02}", core::report_day(day), time.hours().count(),
                     time.minutes().count());
}

std::string one_decimal(double value) {
  return fmt::format("{:.1f}", value);
}

std::string hours_minutes(std::chrono::seconds length) {
  const auto total = std::chrono::duration_cast<std::chrono::minutes>(length).count();
  if (total < 60)
    return fmt::format("{} min", total);
  return fmt::format("{} h {:02} min", total / 60, total % 60);
}

// The pages, drawn top to bottom; a section that does not fit starts a new page.
class Layout {
 public:
  // `pages`: how many pages the report has, for "page 1 of 2"; 0 while counting them.
  Layout(cairo_t* cr, const core::Report& report, const core::Now& made, int pages)
      : canvas_(cr), cr_(cr), report_(report), made_(made), pages_(pages) {}

  void draw() {
    header();
    summary();
    chart();
    regions();
    milestones();
    function();
    checks();
    activity();
    sessions();
    muscles();
    reliefs();
    flare_tags();
    notes();
    footer();
  }

  [[nodiscard]] int pages() const { return page_; }

 private:
  void ensure(double height) {
    if (y_ + height <= kBottom)
      return;
    footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin + 10;
  }

  void heading(std::string_view text, double room) {
    ensure(room + 22);
    y_ += 12;
    canvas_.text(kLeft, y_, text, kHeading);
    y_ += 4;
    canvas_.line(kLeft, y_, kRight, y_, 0.5, 0.5);
    y_ += kLine;
  }

  void paragraph(std::string_view text, Font font = kBody, double grey = 0, double indent = 0) {
    for (const std::string& line : canvas_.wrap(text, font, kRight - kLeft - indent)) {
      ensure(kLine);
      canvas_.text(kLeft + indent, y_, line, font, grey);
      y_ += kLine;
    }
  }

  void header() {
    y_ = kMargin + 14;
    canvas_.text(kLeft, y_,
                 report_.name.empty() ? std::string("Back pain diary")
                                      : fmt::format("Back pain diary of {}", report_.name),
                 kTitle);
    canvas_.text_right(kRight, y_ - 4, fmt::format("Made {}", core::report_day(today())), kSmall,
                       0.3);
    y_ += 17;
    const auto span = (report_.to - report_.from).count() + 1;
    canvas_.text(kLeft, y_,
                 fmt::format("{} to {} ({} day{}, {} week{})", core::report_day(report_.from),
                             core::report_day(report_.to), span, span == 1 ? "" : "s",
                             (span + 6) / 7, (span + 6) / 7 == 1 ? "" : "s"),
                 kBodyBold);
    y_ += kLine + 2;
    paragraph(
        "A self-kept diary, not a medical record. The person wrote down every figure here "
        "themselves with limber, a companion for getting over a back spasm at home; limber "
        "gives no diagnosis and no doses.",
        kBody, 0.25);
  }

  void summary() {
    heading("Pain over time", 150);
    std::string text;
    if (report_.pain_entries == 0) {
      text = "No pain ratings in this period.";
    } else {
      text = fmt::format(
          "{} pain rating{}, from {} to {} out of 10 (0 is no pain, 10 the "
          "worst imaginable).",
          report_.pain_entries, report_.pain_entries == 1 ? "" : "s", *report_.pain_lowest,
          *report_.pain_highest);
      if (report_.progress.start_pain) {
        text += fmt::format(" Mean of the first three days with ratings: {}.",
                            one_decimal(*report_.progress.start_pain));
      }
      if (report_.progress.recent_pain) {
        text += fmt::format(" Mean of the last 7 days: {}.",
                            one_decimal(*report_.progress.recent_pain));
      }
    }
    paragraph(text);
  }

  void chart() {
    if (report_.pain_entries == 0)
      return;
    constexpr double kHeight = 132;
    ensure(kHeight + 16);
    draw_pain_chart(canvas_, report_, {kLeft, y_ + 2, kRight - kLeft, kHeight});
    y_ += kHeight + 6;
    // The legend, drawn in the chart's own marks.
    canvas_.dot(kLeft + 22, y_ - 3, 1.8, 0.6);
    canvas_.text(kLeft + 28, y_, "each day's mean", kSmall, 0.2);
    canvas_.line(kLeft + 100, y_ - 3, kLeft + 116, y_ - 3, 1.6, 0);
    canvas_.text(kLeft + 120, y_, "7-day line (mean of the last 7 days)", kSmall, 0.2);
    canvas_.line(kLeft + 260, y_ - 7, kLeft + 260, y_ + 1, 0.6, 0.45, true);
    canvas_.text(kLeft + 264, y_, "mobility milestone or setback", kSmall, 0.2);
    y_ += kLine;
  }

  void regions() {
    if (report_.regions.empty())
      return;
    const std::size_t columns = report_.columns.size();
    const double per_week =
        columns > 0
            ? static_cast<double>(
                  (report_.columns.back().last - report_.columns.back().start).count() + 1) /
                  7.0
            : 1.0;
    heading(per_week > 1 ? fmt::format("Where it hurt: pain ratings naming each place, per {} "
                                       "weeks",
                                       std::lround(per_week))
                         : std::string("Where it hurt: pain ratings naming each place, per week"),
            60);
    constexpr double kNameWidth = 100;
    constexpr double kMeanWidth = 58;
    constexpr double kRow = 12;
    const double cell = (kRight - kLeft - kNameWidth - kMeanWidth) / static_cast<double>(columns);
    int most = 1;
    for (const core::RegionRow& row : report_.regions)
      most = std::max(most, *std::max_element(row.entries.begin(), row.entries.end()));
    // Column heads: the first day of each column, every other one when they crowd.
    const std::size_t label_every = cell < 30 ? 2 : 1;
    const bool years = (report_.to - report_.from).count() > 365;
    for (std::size_t c = 0; c < columns; c += label_every) {
      canvas_.text(kLeft + kNameWidth + cell * static_cast<double>(c) + 1, y_,
                   column_head(report_.columns[c].start, years), kSmall, 0.3);
    }
    canvas_.text_right(kRight, y_, "mean pain", kSmall, 0.3);
    y_ += 4;
    for (const core::RegionRow& row : report_.regions) {
      ensure(kRow);
      canvas_.text(kLeft, y_ + 8.5, core::info(row.region).display, kBody);
      for (std::size_t c = 0; c < columns; ++c) {
        const double x = kLeft + kNameWidth + cell * static_cast<double>(c);
        const int count = row.entries[c];
        if (count > 0) {
          // Darker for more ratings; the number is printed, so grey is only a guide.
          const double grey = 0.92 - 0.5 * static_cast<double>(count) / most;
          canvas_.fill_rect(x + 0.5, y_ + 0.5, cell - 1, kRow - 1, grey);
          canvas_.text_centered(x + cell / 2, y_ + 8.5, fmt::format("{}", count), kSmall,
                                grey < 0.6 ? 1 : 0);
        } else {
          canvas_.stroke_rect(x + 0.5, y_ + 0.5, cell - 1, kRow - 1, 0.3, 0.85);
        }
      }
      if (row.mean_pain)
        canvas_.text_right(kRight, y_ + 8.5, one_decimal(*row.mean_pain), kBody);
      y_ += kRow;
    }
    y_ += 4;
    const auto first_days =
        (report_.columns.front().last - report_.columns.front().start).count() + 1;
    const auto column_days =
        (report_.columns.back().last - report_.columns.back().start).count() + 1;
    if (first_days < column_days) {
      y_ += kLine - 4;
      paragraph(fmt::format("The first column covers {} day{}: the period starts mid-week.",
                            first_days, first_days == 1 ? "" : "s"),
                kSmall, 0.3);
    }
  }

  void milestones() {
    heading("Mobility", 40);
    if (report_.mobility_at_start) {
      paragraph(fmt::format("At the start of the period: {}. At the end: {}.",
                            core::mobility_description(*report_.mobility_at_start),
                            core::mobility_description(*report_.mobility_at_end)));
    }
    if (report_.setback) {
      paragraph(
          fmt::format("On {} the person could not stand up straight again; the "
                      "milestones below are from the climb after that.",
                      core::report_day(*report_.setback)));
    }
    if (report_.milestones.empty() && report_.setbacks.empty()) {
      paragraph("No mobility noted with the pain ratings in this period.", kBody, 0.3);
      return;
    }
    // Climbs and slides back in the order they happened, each with the plan's phase name.
    struct Line {
      std::chrono::local_days day;
      std::string text;
      bool setback;
    };
    std::vector<Line> lines;
    for (const core::Milestone& milestone : report_.milestones) {
      lines.push_back(
          {milestone.day,
           fmt::format("first noted: {} ({})", core::mobility_description(milestone.mobility),
                       phase_words(milestone.mobility)),
           false});
    }
    for (const core::Setback& setback : report_.setbacks) {
      lines.push_back(
          {setback.day,
           fmt::format("setback: slid back to {} (from {}; {})",
                       core::mobility_description(setback.to),
                       core::mobility_description(setback.from), phase_words(setback.to)),
           true});
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.day < b.day; });
    for (const Line& line : lines) {
      const Font font = line.setback ? kBodyBold : kBody;
      ensure(kLine);
      canvas_.text(kLeft, y_, core::report_day(line.day), font);
      for (const std::string& wrapped : canvas_.wrap(line.text, font, kRight - kLeft - 80)) {
        ensure(kLine);
        canvas_.text(kLeft + 80, y_, wrapped, font);
        y_ += kLine;
      }
    }
  }

  // Left out when the person tracks no activity: a page for what is there.
  void function() {
    if (report_.function.empty())
      return;
    heading("Activities the person finds hard (Patient-Specific Functional Scale)", 40);
    paragraph(
        "Each rated 0 (unable to do it) to 10 (as before the back pain); a change of 2 or "
        "more points is one that matters.",
        kSmall, 0.3);
    for (const core::FunctionLine& line : report_.function) {
      ensure(kLine);
      const auto name = canvas_.wrap(line.activity, kBodyBold, 150);
      canvas_.text(kLeft, y_, name.empty() ? line.activity : name.front(), kBodyBold);
      std::string text;
      if (line.ratings.empty()) {
        text = "not rated in this period";
      } else if (line.ratings.size() == 1 || !line.change()) {
        text = fmt::format("{}/10 on {}", *line.latest, core::report_day(*line.latest_day));
      } else {
        const int change = *line.change();
        text = fmt::format("{}/10 on {}, {}/10 on {} ({:+} points{}); {} ratings", *line.first,
                           core::report_day(*line.first_day), *line.latest,
                           core::report_day(*line.latest_day), change,
                           change >= core::kFunctionChangeThatMatters    ? ", better"
                           : change <= -core::kFunctionChangeThatMatters ? ", worse"
                                                                         : "",
                           line.ratings.size());
      }
      const auto lines = canvas_.wrap(text, kBody, kRight - kLeft - 160);
      for (const std::string& wrapped : lines) {
        ensure(kLine);
        canvas_.text(kLeft + 160, y_, wrapped, kBody);
        y_ += kLine;
      }
      if (lines.empty())
        y_ += kLine;
      // Every rating, oldest first, so the trend is there to read.
      if (line.ratings.size() > 2) {
        std::string all;
        for (const auto& [day, score] : line.ratings) {
          all +=
              fmt::format("{}{} {}", all.empty() ? "" : ", ",
                          core::report_day(day).substr(0, core::report_day(day).size() - 5), score);
        }
        paragraph(all, kSmall, 0.3, 160);
      }
    }
  }

  void checks() {
    heading("Warning-sign checks (red flags)", 40);
    if (report_.checks.empty()) {
      if (report_.check_before) {
        paragraph(fmt::format("No check in this period. The latest before it, on {}: {}.",
                              core::report_day(floor<days>(report_.check_before->at)),
                              level_words(report_.check_before->level)));
      } else {
        paragraph("No check on record.");
      }
    }
    const std::size_t skip =
        report_.checks.size() > kMaxCheckLines ? report_.checks.size() - kMaxCheckLines : 0;
    if (skip > 0) {
      paragraph(fmt::format("{} checks in this period; the latest {}:", report_.checks.size(),
                            kMaxCheckLines),
                kBody, 0.3);
    }
    for (std::size_t i = skip; i < report_.checks.size(); ++i) {
      const core::CheckRecord& check = report_.checks[i];
      std::string text = fmt::format("{} questions answered. Result: {}.", check.questions,
                                     level_words(check.level));
      if (check.corrects) {
        text += fmt::format(
            " A correction: the person said they had answered the check of {} "
            "wrongly.",
            core::report_day(floor<days>(*check.corrects)));
      }
      if (!check.flags.empty()) {
        text += " Reported:";
        for (std::size_t f = 0; f < check.flags.size(); ++f) {
          text += fmt::format("{} {}", f == 0 ? "" : ";", core::info(check.flags[f]).summary);
        }
        text += ".";
      }
      ensure(kLine);
      canvas_.text(kLeft, y_, core::report_day(floor<days>(check.at)), kBody);
      const auto lines = canvas_.wrap(text, kBody, kRight - kLeft - 80);
      for (const std::string& line : lines) {
        ensure(kLine);
        canvas_.text(kLeft + 80, y_, line, kBody);
        y_ += kLine;
      }
    }
    if (report_.clinician_seen) {
      paragraph(fmt::format("A visit to a clinician was noted on {}.",
                            core::report_day(floor<days>(*report_.clinician_seen))));
    }
  }

  void activity() {
    heading("Walking, sitting and exercise sessions, per week", 80);
    const std::size_t skip = report_.activity.size() > kMaxActivityWeeks
                                 ? report_.activity.size() - kMaxActivityWeeks
                                 : 0;
    if (skip > 0) {
      paragraph(fmt::format("The latest {} of {} weeks. In the whole period: {} walks, {} "
                            "minutes; {} sessions.",
                            kMaxActivityWeeks, report_.activity.size(), report_.progress.walks,
                            report_.progress.walk_minutes, report_.progress.sessions),
                kBody, 0.3);
    }
    const bool sitting = report_.has_sitting();
    const std::array<double, 6> x = {kLeft,       kLeft + 90,  kLeft + 150,
                                     kLeft + 225, kLeft + 295, kLeft + 385};
    ensure(kLine * 2);
    const std::array<std::string_view, 6> heads = {"Week from", "Walks",   "Walking",
                                                   "Sessions",  "Sitting", "Longest sit"};
    for (std::size_t i = 0; i < (sitting ? heads.size() : 4); ++i)
      canvas_.text(x.at(i), y_, heads.at(i), kBodyBold);
    y_ += kLine;
    for (std::size_t i = skip; i < report_.activity.size(); ++i) {
      const core::ActivityWeek& week = report_.activity[i];
      ensure(kLine);
      if ((i - skip) % 2 == 1)
        canvas_.fill_rect(kLeft - 2, y_ - 8.5, kRight - kLeft + 4, kLine, 0.94);
      canvas_.text(
          x[0], y_,
          week.days < 7
              ? fmt::format(
                    "{} ({} day{})",
                    core::report_day(week.start).substr(0, core::report_day(week.start).size() - 5),
                    week.days, week.days == 1 ? "" : "s")
              : core::report_day(week.start),
          kBody);
      canvas_.text(x[1], y_, fmt::format("{}", week.walks), kBody);
      canvas_.text(x[2], y_, fmt::format("{} min", week.walk_minutes), kBody);
      canvas_.text(x[3], y_, fmt::format("{}", week.sessions), kBody);
      if (sitting) {
        canvas_.text(x[4], y_,
                     week.sitting_bouts == 0
                         ? std::string("-")
                         : fmt::format("{} in {} stretch{}", hours_minutes(week.sat),
                                       week.sitting_bouts, week.sitting_bouts == 1 ? "" : "es"),
                     kBody);
        canvas_.text(x[5], y_, week.sitting_bouts == 0 ? "-" : hours_minutes(week.longest_sit),
                     kBody);
      }
      y_ += kLine;
    }
    paragraph(sitting ? "Sitting: what limber watch recorded at the computer ('-': nothing "
                        "recorded that week)."
                      : "No sitting recorded in this period (limber watch records it at the "
                        "computer).",
              kSmall, 0.3);
  }

  void sessions() {
    heading("Exercise sessions: pain before and after", 40);
    if (report_.sessions.empty()) {
      paragraph("No sessions logged in this period.", kBody, 0.3);
      return;
    }
    if (report_.sessions_total > report_.sessions.size()) {
      paragraph(fmt::format("{} sessions in this period; the latest {}:", report_.sessions_total,
                            report_.sessions.size()),
                kBody, 0.3);
    }
    for (const core::SessionLine& session : report_.sessions) {
      std::string exercises;
      for (const std::string& name : session.exercises)
        exercises += (exercises.empty() ? "" : ", ") + name;
      ensure(kLine);
      canvas_.text(kLeft, y_, at_words(session.at), kBody);
      canvas_.text(kLeft + 100, y_,
                   fmt::format("pain {} → {}", session.pain_before, session.pain_after),
                   session.pain_after - session.pain_before >= 2 ? kBodyBold : kBody);
      canvas_.text(kLeft + 160, y_, fmt::format("{} min", session.minutes), kBody);
      const auto lines = canvas_.wrap(exercises, kBody, kRight - kLeft - 205);
      for (const std::string& line : lines) {
        ensure(kLine);
        canvas_.text(kLeft + 205, y_, line, kBody, 0.2);
        y_ += kLine;
      }
      if (lines.empty())
        y_ += kLine;
    }
  }

  void muscles() {
    heading("Muscles the person marked", 30);
    if (report_.weak.empty() && report_.tight.empty()) {
      paragraph("None marked.", kBody, 0.3);
      return;
    }
    paragraph(fmt::format("Weak, to strengthen: {}.",
                          report_.weak.empty() ? "none" : muscle_list(report_.weak)));
    paragraph(fmt::format("Tight, to relax: {}.",
                          report_.tight.empty() ? "none" : muscle_list(report_.tight)));
  }

  void reliefs() {
    heading("Relief used, as logged", 30);
    if (report_.reliefs.empty()) {
      paragraph("None logged in this period.", kBody, 0.3);
      return;
    }
    for (const core::ReliefLine& relief : report_.reliefs) {
      ensure(kLine);
      std::string what(core::display_name(relief.kind));
      if (!relief.name.empty())
        what += ": " + relief.name;
      const auto lines = canvas_.wrap(what, kBody, 220);
      canvas_.text(kLeft, y_, lines.empty() ? what : lines.front(), kBody);
      canvas_.text(kLeft + 230, y_,
                   fmt::format("{} time{}", relief.times, relief.times == 1 ? "" : "s"), kBody);
      canvas_.text(kLeft + 290, y_,
                   relief.first == relief.last
                       ? core::report_day(relief.first)
                       : fmt::format("{} to {}", core::report_day(relief.first),
                                     core::report_day(relief.last)),
                   kBody, 0.2);
      y_ += kLine;
    }
    if (report_.relief_kinds_total > report_.reliefs.size()) {
      paragraph(fmt::format("And {} more, used less often.",
                            report_.relief_kinds_total - report_.reliefs.size()),
                kBody, 0.3);
    }
  }

  // Issue 15: only for a person who tags entries; a count of what came first, not a cause.
  void flare_tags() {
    if (report_.progress.tags.empty())
      return;
    const core::FlareTags& flares = report_.flare_tags;
    heading("Tags logged before a flare", 30);
    if (flares.flares == 0) {
      paragraph("No flares in this period.", kBody, 0.3);
      return;
    }
    paragraph(fmt::format("{} flare{} in this period; {} with a tag logged that day or the day "
                          "before. Most often:",
                          flares.flares, flares.flares == 1 ? "" : "s", flares.flares_with_tags),
              kBody, 0.3);
    for (const core::TagCount& tag : flares.tags) {
      ensure(kLine);
      canvas_.text(kLeft, y_, tag.tag, kBody);
      canvas_.text(kLeft + 230, y_,
                   fmt::format("before {} of {} flare{}", tag.entries, flares.flares,
                               flares.flares == 1 ? "" : "s"),
                   kBody);
      y_ += kLine;
    }
  }

  void notes() {
    heading("Notes, in the person's words", 30);
    if (report_.notes.empty()) {
      paragraph("No notes in this period.", kBody, 0.3);
      return;
    }
    if (report_.notes_total > report_.notes.size()) {
      paragraph(fmt::format("{} notes in this period; the latest {}:", report_.notes_total,
                            report_.notes.size()),
                kBody, 0.3);
    }
    for (const core::NoteLine& note : report_.notes) {
      ensure(kLine);
      canvas_.text(kLeft, y_, at_words(note.at), kBody, 0.3);
      const auto lines = canvas_.wrap(note.text, kBody, kRight - kLeft - 100);
      for (const std::string& line : lines) {
        ensure(kLine);
        canvas_.text(kLeft + 100, y_, line, kBody);
        y_ += kLine;
      }
    }
  }

  void footer() {
    canvas_.line(kLeft, kPageHeight - kMargin - 10, kRight, kPageHeight - kMargin - 10, 0.4, 0.6);
    canvas_.text(kLeft, kPageHeight - kMargin, "limber: a self-kept diary, not a medical record",
                 kSmall, 0.3);
    canvas_.text_right(kRight, kPageHeight - kMargin,
                       pages_ > 0 ? fmt::format("page {} of {}", page_, pages_) : std::string(),
                       kSmall, 0.3);
  }

  [[nodiscard]] std::chrono::local_days today() const { return floor<days>(made_.local); }

  Canvas canvas_;
  cairo_t* cr_;
  const core::Report& report_;
  const core::Now& made_;
  double y_ = 0;
  int page_ = 1;
  int pages_ = 0;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> render_pdf(const core::Report& report, const core::Now& made) {
  std::string pdf;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append, &pdf, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Back pain diary");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "limber");
  const std::string date = fmt::format("{}", core::format_iso(made.instant, made.utc_offset()));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  // A first pass on a recording surface (no PDF written) counts the pages.
  cairo_surface_t* counting = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* counter = cairo_create(counting);
  Layout dry_run(counter, report, made, 0);
  dry_run.draw();
  const int pages = dry_run.pages();
  cairo_destroy(counter);
  cairo_surface_destroy(counting);

  cairo_t* cr = cairo_create(surface);
  Layout layout(cr, report, made, pages);
  layout.draw();
  cairo_show_page(cr);
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  // cairo and fontconfig keep the fonts they looked up in global caches, which look like
  // leaks at exit (LeakSanitizer) and would stay for the life of `limber serve`. A report
  // is rare and nothing else in limber uses fontconfig: free them; the next report loads
  // them again (a few milliseconds, docs/benchmarks.md).
  cairo_debug_reset_static_data();
  FcFini();
  if (status != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    return core::fail(
        core::ErrorCode::kIo,
        fmt::format("could not draw the report: {}",
                    cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : finished)));
  }
  return pdf;
}

}  // namespace limber::report
