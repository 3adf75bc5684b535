// The pieces every limber-clinic API answer is made of: JSON answers, a refusal with one
// sentence, a database fault said plainly (its details to the server's standard error),
// and the credentials a request carries (the therapist's session cookie, a patient's
// Bearer token).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "server/http.h"

namespace limber::clinic::api {

server::HttpAnswer json_answer(int status, const nlohmann::json& body,
                               server::HttpFields headers = {});
server::HttpAnswer error_answer(int status, std::string_view message);
// 503 when the database does not answer, 500 otherwise; the details go to stderr.
server::HttpAnswer fault_answer(const core::Error& error);

// The therapist's session token from the Cookie header, or "".
std::string session_token(const server::HttpRequest& request);
// The token of "Authorization: Bearer TOKEN" when it is 64 lower-case hex digits, or "".
std::string bearer_token(const server::HttpRequest& request);

}  // namespace limber::clinic::api
