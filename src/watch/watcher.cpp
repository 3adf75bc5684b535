#include "watch/watcher.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/wait.h>

#include "app/local_time.h"
#include "app/sitting_service.h"
#include "store/connection_state.h"
#include "store/diary_store.h"
#include "watch/bus.h"
#include "watch/idle_source.h"
#include "watch/lock_monitor.h"
#include "watch/meeting.h"
#include "watch/mutter_idle.h"
#include "watch/notifier.h"
#include "watch/wayland_idle.h"
#include "watch/x11_idle.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawnp's argument

namespace limber::watch {

using core::Instant;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

constexpr const char* kWatchPath = "/org/limber/Watch";
constexpr const char* kWatchInterface = "org.limber.Watch";
// How often a held reminder looks again whether the call is over, in microseconds.
constexpr std::uint64_t kMeetingRecheck = 60'000'000;
// How often, while reminders are paused, the diary is read again for a "Resume now" or a
// longer pause from the page.
constexpr seconds kPauseRecheck{60};

std::string plural(long long count, std::string_view unit) {
  return fmt::format("{} {}{}", count, unit, count == 1 ? "" : "s");
}

std::string sat_words(seconds sat) {
  if (sat < std::chrono::minutes{1})
    return plural(sat.count(), "second");
  return plural(std::chrono::duration_cast<std::chrono::minutes>(sat).count(), "minute");
}

class Watcher final : public DesktopListener, public NotificationListener {
 public:
  Watcher(const WatchOptions& options, const WatchContext& context)
      : options_(options), context_(context), timer_(options.policy) {}
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  Watcher(Watcher&&) = delete;
  Watcher& operator=(Watcher&&) = delete;
  ~Watcher() override = default;

  core::Result<void> run();

  // DesktopListener
  void on_active() override {
    const Instant now = context_.clock();
    say("input at {}", log_time(now));
    check_hours();  // after a suspend the hours' timer may not have fired yet
    apply(timer_.on_active(now));
  }
  void on_idle(milliseconds idle_for) override {
    const Instant now = context_.clock();
    const Instant last_input = now - std::chrono::ceil<seconds>(idle_for);
    say("idle for {} ms", idle_for.count());
    apply(timer_.on_idle(last_input, now));
  }
  void on_locked(bool locked) override {
    const Instant now = context_.clock();
    say("screen {}", locked ? "locked" : "unlocked");
    apply(locked ? timer_.on_locked(now) : timer_.on_unlocked(now));
  }
  void on_fullscreen(bool fullscreen) override {
    say("full screen {}", fullscreen ? "on: reminders held" : "off");
    apply(timer_.on_fullscreen(fullscreen, context_.clock()));
  }

  // NotificationListener
  void on_action(std::uint32_t id, std::string_view action) override {
    if (id != 0 && id == log_notification_) {
      log_notification_ = 0;
      say("action '{}' on the evening question", action);
      if (action == kOpenLogAction)
        open_log_page();
      return;
    }
    if (id == 0 || id != notification_) {
      return;
    }
    notification_ = 0;
    const Instant now = context_.clock();
    say("action '{}' on notification {}", action, id);
    if (action == kStoodUpAction) {
      apply(timer_.on_stood_up(now));
      // The next input starts the next bout.
      if (source_)
        source_->watch_next_input();
    } else if (action == kStandingAction) {
      apply(timer_.on_was_standing(now));
    } else if (action == kSnoozeAction) {
      apply(timer_.on_snooze(now));
      // In the diary too, so the page shows "Reminders paused until ..." with "Resume now".
      pause(now + options_.policy.snooze);
    }
  }
  void on_closed(std::uint32_t id, std::uint32_t reason) override {
    if (id != 0 && id == log_notification_)
      log_notification_ = 0;
    if (id == 0 || id != notification_)
      return;
    notification_ = 0;
    say("notification {} closed (reason {})", id, reason);
    if (reason == 1 || reason == 2)
      apply(timer_.on_dismissed(context_.clock()));
  }

  // `limber watch --pause` and the notification's snooze: the pause is written to the
  // diary, where the page shows it and may end it.
  void pause(Instant until) {
    say("paused until {}", log_time(until));
    if (auto saved = sitting().pause_until(until); !saved)
      warn(saved.error());
    apply(timer_.pause_until(until, context_.clock()));
    arm_pause_check();
  }

 private:
  template <class... Args>
  void say(fmt::format_string<Args...> format, Args&&... args) {
    if (options_.verbose) {
      fmt::print(context_.log, "limber watch: {}\n",
                 fmt::format(format, std::forward<Args>(args)...));
    }
  }
  void warn(const core::Error& error) {
    fmt::print(context_.log, "limber watch: {}\n", error.message);
  }

  // The sitting diary's use cases at this moment (the watcher runs for days).
  [[nodiscard]] app::SittingService sitting() const {
    return {context_.db, app::local_now(context_.clock())};
  }
  core::Result<void> open_idle_source();
  void apply(const core::TimerOutput& out);
  void show(const core::Reminder& reminder);
  void rearm();
  void finish();
  // Reads the pause the page (or another command) left in the diary and tells the timer
  // when it differs from the one it holds: a new or longer pause, or "Resume now".
  void sync_pause();
  // Exercise sessions logged in the diary during this bout, mostly standing (the catalog's
  // positions), are standing stretches (issue #18): the bout is cut around them.
  void check_sessions(Instant now);
  // Sets the evening question's timer for its next time (--log-reminder).
  void arm_log_reminder();
  // Asks "How is your back this evening?" when nothing was logged today.
  void ask_log();
  // Opens the page's Log tab in the browser (xdg-open).
  void open_log_page();
  // When one of the plan's own walks or sessions is on, holds the reminder until its end
  // (a one-shot timer then lets it through). True when it held one.
  bool hold_for_planned_event(Instant now);
  // While a pause holds reminders, reads the diary again every kPauseRecheck.
  void arm_pause_check();
  // Says in the diary that the timer runs (issue 18: the page tells "Reminders are off"
  // from a watcher that is not there), now and every app::kTimerHeartbeat.
  void heartbeat();
  // Tells the timer whether now is inside the working hours, and sets the hours' timer
  // for the next start or end. Nothing to do when no hours were asked for.
  void check_hours();

  static int on_io(sd_event_source* source, int fd, std::uint32_t events, void* data);
  static int on_timer(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_hours(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_meeting(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_pause_check(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_planned_over(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_log_reminder(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_heartbeat(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_poll(sd_event_source* source, std::uint64_t usec, void* data);
  static int on_post(sd_event_source* source, void* data);
  static int on_signal(sd_event_source* source, const signalfd_siginfo* info, void* data);
  static int on_pause_call(sd_bus_message* message, void* data, sd_bus_error* error);

  const WatchOptions& options_;
  const WatchContext& context_;
  core::SittingTimer timer_;
  Event event_;
  Bus session_;
  Bus system_;
  std::unique_ptr<IdleSource> source_;
  std::unique_ptr<IdleSource> fullscreen_;  // X11 full screen when idle comes from GNOME
  std::unique_ptr<Notifier> notifier_;
  std::unique_ptr<LockMonitor> locks_;
  std::vector<EventSource> io_;
  EventSource timer_source_;
  EventSource hours_source_;
  EventSource meeting_source_;          // looks again, once a minute, while a call holds a reminder
  EventSource pause_source_;            // reads the diary's pause again while one runs
  EventSource planned_source_;          // the end of a planned walk or session holding a reminder
  EventSource log_source_;              // the evening question's time (--log-reminder)
  EventSource heartbeat_source_;        // "the timer runs", in the diary every few minutes
  Instant started_at_{};                // when the event loop began
  std::uint32_t log_notification_ = 0;  // the evening question on the screen, 0 when none
  std::optional<bool> inside_hours_;    // as last told to the timer
  EventSource poll_source_;
  EventSource post_source_;
  EventSource term_source_;
  EventSource int_source_;
  Slot object_;
  std::uint32_t notification_ = 0;             // on the screen now, 0 when none
  std::map<int, std::int64_t> reminder_rows_;  // reminder number -> diary row
  int turn_ = 0;                               // rotates the suggested movement
};

core::Result<void> Watcher::open_idle_source() {
  const milliseconds threshold = options_.policy.break_length;
  std::vector<std::string> tried;
  const auto wanted = [&](SourceChoice choice) {
    return options_.source == SourceChoice::kAuto || options_.source == choice;
  };
  if (wanted(SourceChoice::kWayland)) {
    auto wayland = open_wayland_idle(threshold, *this);
    if (wayland) {
      source_ = std::move(*wayland);
    } else {
      tried.push_back(wayland.error().message);
    }
  }
  if (!source_ && wanted(SourceChoice::kGnome)) {
    auto mutter = open_mutter_idle(session_.get(), threshold, *this);
    if (mutter) {
      source_ = std::move(*mutter);
      // GNOME on X11: full screen is still an X11 property.
      if (auto x11 = open_x11_fullscreen(*this))
        fullscreen_ = std::move(*x11);
    } else {
      tried.push_back(mutter.error().message);
    }
  }
  if (!source_ &&
      (wanted(SourceChoice::kXSync) || options_.source == SourceChoice::kXScreenSaver)) {
    const X11Method method = options_.source == SourceChoice::kXSync ? X11Method::kXSync
                             : options_.source == SourceChoice::kXScreenSaver
                                 ? X11Method::kXScreenSaver
                                 : X11Method::kAuto;
    auto x11 = open_x11_idle(threshold, method, *this);
    if (x11) {
      source_ = std::move(*x11);
    } else {
      tried.push_back(x11.error().message);
    }
  }
  for (const auto& reason : tried)
    say("idle source not used: {}", reason);
  if (!source_) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("no way to see input activity in this session ({}); run it "
                                  "inside a Wayland, GNOME or X11 desktop session",
                                  fmt::join(tried, "; ")));
  }
  say("idle source: {}", source_->describe());
  if (fullscreen_)
    say("full screen: {}", fullscreen_->describe());
  return {};
}

core::Result<void> Watcher::run() {
  auto session = open_session_bus();
  if (!session)
    return core::Unexpected(session.error());
  session_ = std::move(*session);
  if (auto system = open_system_bus()) {
    system_ = std::move(*system);
  } else {
    say("{}", system.error().message);
  }

  // One watcher per session: the systemd unit and the autostart entry may both start one.
  const int named = sd_bus_request_name(session_.get(), kWatchBusName, 0);
  if (named == -EEXIST || named == -EALREADY) {
    return core::fail(core::ErrorCode::kBusy,
                      "limber watch is already running in this session (pause it with "
                      "`limber watch --pause 30m`)");
  }
  if (named < 0) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot take the name {}: {}", kWatchBusName, errno_text(named)));
  }
  // NOLINTNEXTLINE(modernize-avoid-c-arrays): sd-bus takes the C array its macros build.
  static const sd_bus_vtable kVtable[] = {
      SD_BUS_VTABLE_START(0),
      SD_BUS_METHOD("Pause", "t", "", on_pause_call, SD_BUS_VTABLE_UNPRIVILEGED),
      SD_BUS_VTABLE_END,
  };
  sd_bus_slot* object = nullptr;
  if (sd_bus_add_object_vtable(session_.get(), &object, kWatchPath, kWatchInterface, kVtable,
                               this) >= 0)
    object_.reset(object);

  notifier_ = std::make_unique<Notifier>(session_.get(), *this);
  if (auto started = notifier_->start(); !started)
    return started;
  say("notifications: {} ({})", notifier_->server(),
      notifier_->has_actions() ? "with buttons" : "no buttons: a break is noticed by itself");
  locks_ = std::make_unique<LockMonitor>(session_.get(), system_.get(), *this);
  say("{}", locks_->describe());
  say("sitting limit {} s, break {} s", options_.policy.limit.count(),
      options_.policy.break_length.count());

  sd_event* raw = nullptr;
  if (const int r = sd_event_new(&raw); r < 0)
    return core::fail(core::ErrorCode::kIo, fmt::format("sd_event_new: {}", errno_text(r)));
  event_.reset(raw);
  sd_event* event = event_.get();

  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  sigprocmask(SIG_BLOCK, &mask, nullptr);
  sd_event_source* source = nullptr;
  sd_event_add_signal(event, &source, SIGTERM, on_signal, this);
  term_source_.reset(source);
  source = nullptr;
  sd_event_add_signal(event, &source, SIGINT, on_signal, this);
  int_source_.reset(source);

  if (const int r = sd_bus_attach_event(session_.get(), event, SD_EVENT_PRIORITY_NORMAL); r < 0)
    return core::fail(core::ErrorCode::kIo, fmt::format("sd_bus_attach_event: {}", errno_text(r)));
  if (system_)
    (void)sd_bus_attach_event(system_.get(), event, SD_EVENT_PRIORITY_NORMAL);

  source = nullptr;
  sd_event_add_time_relative(event, &source, CLOCK_BOOTTIME, UINT64_MAX / 2, 100'000,
                             on_pause_check, this);
  pause_source_.reset(source);
  sd_event_source_set_enabled(source, SD_EVENT_OFF);
  if (options_.pause_until) {
    pause(*options_.pause_until);
  } else {
    sync_pause();  // a pause set on the page while no watcher ran
  }
  if (auto opened = open_idle_source(); !opened)
    return opened;
  for (IdleSource* watched : {source_.get(), fullscreen_.get()}) {
    if (watched == nullptr || watched->fd() < 0)
      continue;
    source = nullptr;
    if (const int r = sd_event_add_io(event, &source, watched->fd(), EPOLLIN, on_io, watched);
        r < 0)
      return core::fail(core::ErrorCode::kIo, fmt::format("sd_event_add_io: {}", errno_text(r)));
    io_.emplace_back(source);
  }
  source = nullptr;
  sd_event_add_time_relative(event, &source, CLOCK_MONOTONIC, UINT64_MAX / 2, 100'000, on_timer,
                             this);
  timer_source_.reset(source);
  sd_event_source_set_enabled(source, SD_EVENT_OFF);
  if (source_->poll_interval()) {
    source = nullptr;
    sd_event_add_time_relative(event, &source, CLOCK_MONOTONIC, 0, 100'000, on_poll, this);
    poll_source_.reset(source);
  }
  if (!options_.hours.always()) {
    source = nullptr;
    // CLOCK_BOOTTIME counts a suspend, so the hours' start is not late after one.
    sd_event_add_time_relative(event, &source, CLOCK_BOOTTIME, UINT64_MAX / 2, 1'000'000, on_hours,
                               this);
    hours_source_.reset(source);
    check_hours();
  }
  if (options_.log_reminder) {
    source = nullptr;
    sd_event_add_time_relative(event, &source, CLOCK_BOOTTIME, UINT64_MAX / 2, 1'000'000,
                               on_log_reminder, this);
    log_source_.reset(source);
    arm_log_reminder();
  }
  source = nullptr;
  sd_event_add_post(event, &source, on_post, this);
  post_source_.reset(source);
  sd_event_source_set_enabled(source, SD_EVENT_ON);

  source_->flush();
  rearm();
  started_at_ = context_.clock();
  source = nullptr;
  // CLOCK_BOOTTIME: after a suspend the diary hears at once that the timer is back.
  sd_event_add_time_relative(event, &source, CLOCK_BOOTTIME, 0, 1'000'000, on_heartbeat, this);
  heartbeat_source_.reset(source);
  // An all-day process: hand back what start-up used (parsing the catalog, the plan's
  // reads of the diary) before sleeping.
  (void)store::release_memory(context_.db);
  malloc_trim(0);
  const int r = sd_event_loop(event);
  finish();
  if (r < 0)
    return core::fail(core::ErrorCode::kIo, fmt::format("event loop: {}", errno_text(r)));
  return {};
}

void Watcher::apply(const core::TimerOutput& out) {
  for (const auto& answer : out.answers) {
    say("reminder {} answered: {}", answer.number, core::to_string(answer.outcome));
    if (auto row = reminder_rows_.find(answer.number); row != reminder_rows_.end()) {
      if (auto saved = sitting().record_answer(row->second, answer.at, answer.outcome); !saved)
        warn(saved.error());
    }
    if (answer.outcome == core::ReminderOutcome::kTookBreak && notification_ != 0 && notifier_) {
      notifier_->close(notification_);  // the break came: the reminder has done its work
      notification_ = 0;
    }
  }
  for (const auto& bout : out.bouts) {
    say("bout of {} s recorded", bout.length().count());
    if (auto saved = sitting().record_bout(bout); !saved)
      warn(saved.error());
  }
  for (const auto& pause : out.breaks) {
    say("{} break of {} s recorded", core::to_string(pause.kind),
        (pause.end - pause.start).count());
    if (auto saved = sitting().record_break(pause); !saved)
      warn(saved.error());
  }
  if (out.show)
    show(*out.show);
}

void Watcher::show(const core::Reminder& reminder) {
  const core::Exercise* movement = core::break_movement(context_.catalog, context_.phase, turn_++);
  const std::string snooze = options_.policy.snooze == std::chrono::minutes{10}
                                 ? std::string(kSnoozeLabel)
                                 : fmt::format("In {}", sat_words(options_.policy.snooze));
  if (notifier_) {
    auto id = notifier_->show("Time to stand up", reminder_body(reminder, movement), notification_,
                              {{kStoodUpAction, kStoodUpLabel},
                               {kStandingAction, kStandingLabel},
                               {kSnoozeAction, snooze}});
    if (id) {
      notification_ = *id;
      say("reminder {} shown as notification {}", reminder.number, *id);
    } else {
      warn(id.error());
    }
  }
  auto row = sitting().record_reminder(
      reminder, movement ? std::optional<std::string_view>(movement->id) : std::nullopt);
  if (row) {
    reminder_rows_[reminder.number] = *row;
  } else {
    warn(row.error());
  }
}

void Watcher::rearm() {
  if (!timer_source_)
    return;
  const auto wake = timer_.next_wake();
  if (!wake) {
    sd_event_source_set_enabled(timer_source_.get(), SD_EVENT_OFF);
    return;
  }
  const auto delay = std::max(*wake - context_.clock(), seconds{0});
  sd_event_source_set_time_relative(
      timer_source_.get(),
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(delay).count()));
  sd_event_source_set_enabled(timer_source_.get(), SD_EVENT_ONESHOT);
}

void Watcher::check_sessions(Instant now) {
  const auto since = timer_.sitting_since();
  if (!since)
    return;
  auto entries = store::DiaryStore(context_.db).between(*since, now + seconds{1});
  if (!entries) {
    warn(entries.error());
    return;
  }
  for (const core::Entry& entry : *entries) {
    if (auto stretch = core::standing_stretch(entry, context_.catalog)) {
      say("standing from {} to {}: a session in the diary", log_time(stretch->start),
          log_time(stretch->end));
      apply(timer_.on_standing(stretch->start, stretch->end, now));
    }
  }
}

void Watcher::arm_log_reminder() {
  if (!log_source_ || !options_.log_reminder)
    return;
  const Instant now = context_.clock();
  const core::LocalTime next =
      core::next_log_reminder(*options_.log_reminder, app::local_now(now).local);
  say("the evening question at {}", log_time(app::from_local(next)));
  const auto delay = std::max(app::from_local(next) - now, seconds{1});
  sd_event_source_set_time_relative(
      log_source_.get(), static_cast<std::uint64_t>(
                             std::chrono::duration_cast<std::chrono::microseconds>(delay).count()));
  sd_event_source_set_enabled(log_source_.get(), SD_EVENT_ONESHOT);
}

void Watcher::ask_log() {
  const Instant now = context_.clock();
  const core::Now local = app::local_now(now);
  const Instant day_start =
      app::from_local(core::LocalTime{std::chrono::floor<std::chrono::days>(local.local)});
  auto entries = store::DiaryStore(context_.db).between(day_start, now + seconds{1});
  if (!entries) {
    warn(entries.error());
    return;
  }
  if (!entries->empty()) {
    say("the evening question not asked: {} entries today", entries->size());
    return;
  }
  if (!notifier_)
    return;
  auto id = notifier_->show(kLogQuestion, kLogQuestionBody, log_notification_,
                            {{kOpenLogAction, kOpenLogLabel}});
  if (id) {
    log_notification_ = *id;
    say("the evening question shown as notification {}", *id);
  } else {
    warn(id.error());
  }
}

void Watcher::open_log_page() {
  std::string program = "xdg-open";
  std::string url = kLogPageUrl;
  std::array<char*, 3> argv = {program.data(), url.data(), nullptr};
  pid_t child = 0;
  if (posix_spawnp(&child, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    warn({core::ErrorCode::kIo, "cannot start xdg-open to open the Log page"});
    return;
  }
  say("opening {}", url);
  // A browser may keep xdg-open waiting until it closes: reaped without blocking the loop.
  std::thread([child] { waitpid(child, nullptr, 0); }).detach();
}

bool Watcher::hold_for_planned_event(Instant now) {
  const core::Now local = app::local_now(now);
  const core::CalendarEvent* event = core::event_on(context_.planned, local.local);
  if (event == nullptr)
    return false;
  say("reminder held: {} from the plan is on", event->summary);
  apply(timer_.on_planned_event(true, now));
  const auto delay = std::max(app::from_local(core::event_end(*event)) - now, seconds{1});
  sd_event_source* source = nullptr;
  sd_event_add_time_relative(
      sd_event_source_get_event(timer_source_.get()), &source, CLOCK_BOOTTIME,
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(delay).count()),
      1'000'000, on_planned_over, this);
  planned_source_.reset(source);
  return true;
}

void Watcher::sync_pause() {
  const Instant now = context_.clock();
  auto diary = sitting().pause();
  if (!diary) {
    warn(diary.error());
    return;
  }
  if (diary->until != timer_.paused_until()) {
    if (diary->until) {
      say("reminders paused until {} (from the diary)", log_time(*diary->until));
    } else {
      say("reminders resumed (from the diary)");
    }
    apply(timer_.pause_until(diary->until.value_or(now), now));
  }
  arm_pause_check();
}

void Watcher::arm_pause_check() {
  if (!pause_source_)
    return;
  const auto until = timer_.paused_until();
  if (!until) {
    sd_event_source_set_enabled(pause_source_.get(), SD_EVENT_OFF);
    return;
  }
  // Every minute, or every break length when that is shorter (a test's seconds).
  const seconds every = std::min(kPauseRecheck, options_.policy.break_length);
  const auto delay = std::clamp(*until - context_.clock(), seconds{1}, std::max(every, seconds{1}));
  sd_event_source_set_time_relative(
      pause_source_.get(),
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(delay).count()));
  sd_event_source_set_enabled(pause_source_.get(), SD_EVENT_ONESHOT);
}

void Watcher::check_hours() {
  if (!hours_source_)
    return;
  const Instant now = context_.clock();
  const core::Now local = app::local_now(now);
  const bool inside = core::within(options_.hours, local.local);
  if (inside_hours_ != inside) {
    say("working hours {}: {}", core::describe(options_.hours),
        inside ? "inside, reminders on" : "outside, reminders held");
    inside_hours_ = inside;
    apply(timer_.on_off_hours(!inside, now));
  }
  const auto next = core::next_change(options_.hours, local.local);
  if (!next) {
    sd_event_source_set_enabled(hours_source_.get(), SD_EVENT_OFF);
    return;
  }
  const auto delay = std::max(app::from_local(*next) - now, seconds{1});
  sd_event_source_set_time_relative(
      hours_source_.get(),
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(delay).count()));
  sd_event_source_set_enabled(hours_source_.get(), SD_EVENT_ONESHOT);
}

void Watcher::finish() {
  const Instant now = context_.clock();
  say("stopping");
  apply(timer_.finish(now));
  if (heartbeat_source_) {
    if (auto stopped = sitting().record_timer_stopped(); !stopped)
      warn(stopped.error());
  }
  if (notification_ != 0 && notifier_) {
    notifier_->close(notification_);
    notification_ = 0;
  }
  if (session_)
    (void)sd_bus_flush(session_.get());
}

int Watcher::on_io(sd_event_source* source, int /*fd*/, std::uint32_t /*events*/, void* data) {
  auto* watched = static_cast<IdleSource*>(data);
  watched->dispatch();
  if (!watched->alive())
    sd_event_exit(sd_event_source_get_event(source), 0);
  return 0;
}

int Watcher::on_hours(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->check_hours();
  self->rearm();
  return 0;
}

int Watcher::on_timer(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  const Instant now = self->context_.clock();
  if (self->timer_.reminder_falls_due(now)) {
    // A session logged since, mostly on the feet, was standing, not sitting.
    self->check_sessions(now);
    // A pause set on the page since: the reminder waits for its end.
    self->sync_pause();
    if (!self->timer_.reminder_falls_due(now)) {
      self->say("reminder held: reminders are paused");
      self->rearm();
      return 0;
    }
    if (self->hold_for_planned_event(now))
      return 0;
  }
  if (self->timer_.reminder_falls_due(now)) {
    if (auto call = meeting_in_progress()) {
      self->say("reminder held: {}", *call);
      self->apply(self->timer_.on_meeting(true, now));
      sd_event_source* source = nullptr;
      sd_event_add_time_relative(sd_event_source_get_event(self->timer_source_.get()), &source,
                                 CLOCK_MONOTONIC, kMeetingRecheck, 1'000'000, on_meeting, self);
      self->meeting_source_.reset(source);
      return 0;
    }
  }
  self->apply(self->timer_.tick(now));
  return 0;
}

int Watcher::on_meeting(sd_event_source* source, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  if (auto call = meeting_in_progress()) {
    sd_event_source_set_time_relative(source, kMeetingRecheck);
    sd_event_source_set_enabled(source, SD_EVENT_ONESHOT);
    return 0;
  }
  self->say("the call is over: reminders on");
  self->apply(self->timer_.on_meeting(false, self->context_.clock()));
  self->rearm();
  return 0;
}

int Watcher::on_planned_over(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->say("the planned walk or session is over: reminders on");
  self->apply(self->timer_.on_planned_event(false, self->context_.clock()));
  self->rearm();
  return 0;
}

int Watcher::on_log_reminder(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->ask_log();
  self->arm_log_reminder();
  return 0;
}

void Watcher::heartbeat() {
  if (auto saved = sitting().record_timer_running(started_at_); !saved)
    warn(saved.error());
  sd_event_source_set_time_relative(
      heartbeat_source_.get(),
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(app::kTimerHeartbeat).count()));
  sd_event_source_set_enabled(heartbeat_source_.get(), SD_EVENT_ONESHOT);
}

int Watcher::on_heartbeat(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  static_cast<Watcher*>(data)->heartbeat();
  return 0;
}

int Watcher::on_pause_check(sd_event_source* /*source*/, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->sync_pause();
  self->rearm();
  return 0;
}

int Watcher::on_poll(sd_event_source* source, std::uint64_t /*usec*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->source_->poll();
  if (auto every = self->source_->poll_interval()) {
    sd_event_source_set_time_relative(
        source, static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::microseconds>(*every).count()));
    sd_event_source_set_enabled(source, SD_EVENT_ONESHOT);
  }
  return 0;
}

int Watcher::on_post(sd_event_source* /*source*/, void* data) {
  auto* self = static_cast<Watcher*>(data);
  self->source_->flush();
  if (self->fullscreen_)
    self->fullscreen_->flush();
  self->rearm();
  return 0;
}

int Watcher::on_signal(sd_event_source* source, const signalfd_siginfo* /*info*/, void* /*data*/) {
  sd_event_exit(sd_event_source_get_event(source), 0);
  return 0;
}

int Watcher::on_pause_call(sd_bus_message* message, void* data, sd_bus_error* /*error*/) {
  std::uint64_t until = 0;
  const int r = sd_bus_message_read(message, "t", &until);
  if (r < 0)
    return r;
  static_cast<Watcher*>(data)->pause(Instant{seconds{static_cast<std::int64_t>(until)}});
  return sd_bus_reply_method_return(message, "");
}

}  // namespace

core::Result<SourceChoice> parse_source_choice(std::string_view text) {
  if (text == "auto")
    return SourceChoice::kAuto;
  if (text == "wayland")
    return SourceChoice::kWayland;
  if (text == "gnome")
    return SourceChoice::kGnome;
  if (text == "xsync")
    return SourceChoice::kXSync;
  if (text == "xss")
    return SourceChoice::kXScreenSaver;
  return core::fail(
      core::ErrorCode::kInvalidInput,
      fmt::format("unknown idle source '{}': use auto, wayland, gnome, xsync or xss", text));
}

std::string reminder_body(const core::Reminder& reminder, const core::Exercise* movement) {
  std::string body = fmt::format("You have been sitting for {}.", sat_words(reminder.sat));
  if (movement == nullptr) {
    body +=
        " Change position: get up carefully, the way you practised, or lie flat for a few "
        "minutes.";
    return body;
  }
  // The name in quotes: "Try Stand tall" read as a sentence with a stray capital.
  body += fmt::format(" Try “{}” ({}):", movement->name,
                      movement->minutes <= 1 ? "one minute" : plural(movement->minutes, "minute"));
  if (!movement->steps.empty())
    body += " " + movement->steps.front();
  if (!movement->stop_if.empty())
    body += " " + movement->stop_if.front();
  return body;
}

std::string log_time(Instant at) {
  const core::LocalTime local = core::to_local(at, app::utc_offset_at(at));
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{local - day};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

core::Result<void> run_watch(const WatchOptions& options, const WatchContext& context) {
  Watcher watcher(options, context);
  return watcher.run();
}

core::Result<void> request_pause(Instant until) {
  LIMBER_TRY_ASSIGN(auto bus, open_session_bus());
  BusError error;
  const int r = sd_bus_call_method(bus.get(), kWatchBusName, kWatchPath, kWatchInterface, "Pause",
                                   error.get(), nullptr, "t",
                                   static_cast<std::uint64_t>(until.time_since_epoch().count()));
  if (r < 0) {
    if (sd_bus_error_has_name(error.get(), SD_BUS_ERROR_SERVICE_UNKNOWN) ||
        sd_bus_error_has_name(error.get(), SD_BUS_ERROR_NAME_HAS_NO_OWNER)) {
      return core::fail(core::ErrorCode::kNotFound, "no limber watch is running");
    }
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("cannot reach the running limber watch: {}", error.message(r)));
  }
  return {};
}

}  // namespace limber::watch
