// The security rules of server/security.h applied to one request: who may ask what, and
// the answer when they may not (docs/api.md, "Access"). The routes table (routes.h) says
// which kind of access each API route needs; the page's files need kPage.
#pragma once

#include <optional>
#include <string>

#include "server/http.h"
#include "server/security.h"

namespace limber::server {

enum class Access {
  kPage,   // GET of the page's files: the login cookie or the token; an HTML answer when refused
  kRead,   // a read of the API: the login cookie or the token
  kWrite,  // a change through the API: also the server's own Origin, and a JSON body
  kPair,   // a phone exchanging a pairing code (POST /api/pair): no login (the code is the
           // credential, app/pairing_service.h), but the server's own Origin and a JSON body
};

// The refusal when `request` may not have the access it asks for (403 for a wrong Host or
// Origin, 401 without a valid login cookie or token, 415 for a write that is not JSON);
// nullopt when it may. A request whose phone server/phone.h found paired
// (request.paired_phone) counts as logged in, as with the login cookie.
std::optional<HttpAnswer> refusal(const Guard& guard, const HttpRequest& request, Access access);

// A refusal with `status` and `message`: JSON {"error"} for the API, plain text for the
// page, and for the page's 401 a page that says how to open limber.
HttpAnswer refuse(Access access, int status, const std::string& message);

}  // namespace limber::server
