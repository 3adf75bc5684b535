// The pieces of an answer every route of limber-clinic's API uses: JSON bodies, a plain
// sentence for an error, a database fault said without its details, the session cookie
// and a query parameter read from the request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "server/http.h"

namespace limber::clinic {

server::HttpAnswer json_answer(int status, const nlohmann::json& body,
                               server::HttpFields headers = {});
server::HttpAnswer error_answer(int status, std::string_view message);
// The database away or refusing: the person can only try again; the details go to the log.
server::HttpAnswer fault_answer(const core::Error& error);

// A patient's id as a path gives it ("12"): a whole number above 0, or none.
std::optional<std::int64_t> patient_id(std::string_view text);

// 404 for a patient the acting therapist does not have, the same for one that does not
// exist, so ids cannot be probed.
server::HttpAnswer no_such_patient();

// The first header called `name`, in any case; "" when none.
std::string_view header(const server::HttpRequest& request, std::string_view name);
// The session token from the Cookie header, or "".
std::string session_token(const server::HttpRequest& request);
// A patient's token, from "Authorization: Bearer TOKEN" when it is 64 lower-case hex
// digits, or "".
std::string bearer_token(const server::HttpRequest& request);
// The first query parameter called `name`; "" when none.
std::string_view query_value(const server::HttpRequest& request, std::string_view name);

}  // namespace limber::clinic
