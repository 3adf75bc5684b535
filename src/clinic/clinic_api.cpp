#include "clinic/clinic_api.h"

#include <exception>
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clinic/patient_reads.h"
#include "clinic/therapist_login.h"

namespace limber::clinic {
namespace {

using server::HttpAnswer;
using server::HttpRequest;

HttpAnswer json_answer(int status, const nlohmann::json& body, server::HttpFields headers = {}) {
  return {status, "application/json", body.dump(), std::move(headers)};
}

HttpAnswer error_answer(int status, std::string_view message) {
  return json_answer(status, {{"error", message}});
}

// The database away or refusing: the person can only try again; the details go to the log.
HttpAnswer fault_answer(const core::Error& error) {
  fmt::print(stderr, "limber-clinic: {}\n", error.message);
  if (error.code == core::ErrorCode::kBusy)
    return error_answer(503, "The clinic's database is not answering. Try again in a minute.");
  return error_answer(500, "Something went wrong on the clinic's server. Try again.");
}

std::string_view header(const HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        }))
      return value;
  }
  return {};
}

// The session token from the Cookie header, or "".
std::string session_token(const HttpRequest& request) {
  std::string_view cookies = header(request, "Cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  while (!cookies.empty()) {
    const auto end = cookies.find(';');
    std::string_view cookie = cookies.substr(0, end);
    while (cookie.starts_with(' '))
      cookie.remove_prefix(1);
    if (cookie.starts_with(prefix))
      return std::string(cookie.substr(prefix.size()));
    cookies = end == std::string_view::npos ? std::string_view() : cookies.substr(end + 1);
  }
  return {};
}

std::string utc_clock_time(core::Instant at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::hh_mm_ss time{at - day};
  return fmt::format("{:02}:{:02} UTC", time.hours().count(), time.minutes().count());
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
    if (request.path == "/api/share")
      return request.method == "DELETE" ? stop_share(request) : error_answer(405, "Use DELETE.");
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
  const auto rows = pool_.with_connection(
      [&](pg::Connection& connection) -> core::Result<std::optional<std::vector<CaseloadRow>>> {
        LIMBER_TRY_ASSIGN(const auto therapist, therapist_of_session(connection, token, now));
        if (!therapist)
          return std::nullopt;
        LIMBER_TRY_ASSIGN(auto caseload,
                          read_caseload(connection, *therapist, now.time_since_epoch().count()));
        return caseload;
      });
  if (!rows)
    return fault_answer(rows.error());
  if (!*rows)
    return error_answer(401, "Log in first: your session has ended or was never started.");
  nlohmann::json patients = nlohmann::json::array();
  for (const auto& row : **rows) {
    nlohmann::json patient = {{"id", row.id},
                              {"name", row.display_name},
                              {"need", row.need},
                              {"last_check", row.last_check}};
    patient["last_entry_at"] = row.last_entry_at ? nlohmann::json(*row.last_entry_at) : nullptr;
    patients.push_back(std::move(patient));
  }
  return json_answer(200, {{"patients", patients}});
}

}  // namespace limber::clinic
