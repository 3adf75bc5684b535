#include "clinic/clinic_api.h"

#include <exception>
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clinic/answers.h"
#include "clinic/page_files.h"
#include "clinic/patient_reads.h"
#include "clinic/therapist_login.h"

namespace limber::clinic {
namespace {

using server::HttpAnswer;
using server::HttpRequest;

std::string utc_clock_time(core::Instant at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{:02}:{:02} UTC", time.hours().count(), time.minutes().count());
}

nlohmann::json optional_number(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stod(text));
}

nlohmann::json optional_integer(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// One caseload row (docs/clinic.md, "The caseload's figures").
nlohmann::json caseload_json(const CaseloadRow& row) {
  auto pain_days = nlohmann::json::parse(row.pain_days, nullptr, false);
  if (!pain_days.is_array())
    pain_days = nlohmann::json::array();
  return {{"id", row.id},
          {"name", row.display_name},
          {"need", row.need},
          {"last_check", row.last_check},
          {"last_check_at", optional_integer(row.last_check_at)},
          {"last_entry_at", optional_integer(row.last_entry_at)},
          {"pain_days", std::move(pain_days)},
          {"pain_change", optional_number(row.pain_change)},
          {"active_days", row.active_days},
          {"psfs_change", optional_number(row.psfs_change)}};
}

}  // namespace

HttpAnswer ClinicApi::answer(HttpRequest& request) {
  try {
    if (request.path == "/api/login")
      return request.method == "POST" ? log_in(request) : error_answer(405, "Use POST.");
    if (request.path == "/api/logout")
      return request.method == "POST" ? log_out(request) : error_answer(405, "Use POST.");
    if (request.path == "/api/caseload")
      return request.method == "GET" ? caseload(request) : error_answer(405, "Use GET.");
    if (request.path == "/api/invitations")
      return request.method == "POST" ? invite(request) : error_answer(405, "Use POST.");
    if (request.path == "/api/share/join")
      return request.method == "POST" ? join(request) : error_answer(405, "Use POST.");
    if (request.path == "/api/share/resources")
      return request.method == "PUT" ? upload(request) : error_answer(405, "Use PUT.");
    if (request.path == "/api/share/deletions")
      return request.method == "POST" ? delete_shared(request) : error_answer(405, "Use POST.");
    if (request.path == "/api/share")
      return request.method == "DELETE" ? stop_share(request) : error_answer(405, "Use DELETE.");
    if (request.path == "/api/share/exercises")
      return request.method == "GET" ? assigned_exercises(request) : error_answer(405, "Use GET.");
    if (request.path.starts_with("/api/patients/") &&
        request.path.find("/exercises", 14) != std::string::npos)
      return exercises(request, std::string_view(request.path).substr(14));
    if (request.path.starts_with("/api/patients/")) {
      return request.method == "GET" ? patient(request, std::string_view(request.path).substr(14))
                                     : error_answer(405, "Use GET.");
    }
    if (!request.path.starts_with("/api/"))
      return request.method == "GET" ? page_file(request.path) : error_answer(405, "Use GET.");
    return error_answer(404, "There is nothing at this address.");
  } catch (const std::exception& error) {
    fmt::print(stderr, "limber-clinic: {}\n", error.what());
    return error_answer(500, "Something went wrong on the clinic's server. Try again.");
  }
}

HttpAnswer ClinicApi::log_in(HttpRequest& request) {
  const auto body = request.read_body(kLoginBodyLimit);
  if (!body)
    return error_answer(413, "The login is too long: send an email and a password only.");
  const auto json = nlohmann::json::parse(*body, nullptr, false);
  if (!json.is_object() || !json.contains("email") || !json["email"].is_string() ||
      !json.contains("password") || !json["password"].is_string())
    return error_answer(400, R"(Send {"email": "...", "password": "..."} as JSON.)");
  const auto email = json["email"].get<std::string>();
  const auto password = json["password"].get<std::string>();
  const auto now = clock_();
  const auto login = pool_.with_connection([&](pg::Connection& connection) {
    return clinic::log_in(connection, email, password, now, random_bytes_);
  });
  if (!login)
    return fault_answer(login.error());
  switch (login->outcome) {
    case LoginOutcome::kLoggedIn:
      return json_answer(
          200, {{"therapist", login->therapist.id}, {"clinic", login->therapist.clinic_id}},
          {{"Set-Cookie",
            fmt::format("{}={}; Path=/; Max-Age={}; Secure; HttpOnly; SameSite=Strict",
                        kSessionCookie, login->token, kLoginRules.session_lifetime.count())}});
    case LoginOutcome::kWrongPassword:
      return error_answer(401, "That email and password do not match.");
    case LoginOutcome::kLockedOut:
      return json_answer(429,
                         {{"error", fmt::format("Too many wrong passwords. Try again after {}.",
                                                utc_clock_time(login->locked_until))}},
                         {{"Retry-After", std::to_string((login->locked_until - now).count())}});
  }
  return error_answer(500, "Something went wrong on the clinic's server. Try again.");
}

HttpAnswer ClinicApi::log_out(HttpRequest& request) {
  const auto token = session_token(request);
  const auto done = pool_.with_connection(
      [&](pg::Connection& connection) { return clinic::log_out(connection, token); });
  if (!done)
    return fault_answer(done.error());
  return json_answer(200, {{"logged_out", true}},
                     {{"Set-Cookie", fmt::format("{}=; Path=/; Max-Age=0; Secure; HttpOnly; "
                                                 "SameSite=Strict",
                                                 kSessionCookie)}});
}

HttpAnswer ClinicApi::caseload(HttpRequest& request) {
  const auto token = session_token(request);
  const auto now = clock_();
  // One statement: the database finds the session and reads its therapist's caseload.
  const auto rows = pool_.with_connection([&](pg::Connection& connection) {
    return read_caseload_of_session(connection, token, now.time_since_epoch().count());
  });
  if (!rows)
    return fault_answer(rows.error());
  if (!*rows)
    return error_answer(401, "Log in first: your session has ended or was never started.");
  nlohmann::json patients = nlohmann::json::array();
  for (const auto& row : **rows) {
    patients.push_back(caseload_json(row));
  }
  return json_answer(200, {{"patients", patients}});
}

}  // namespace limber::clinic
