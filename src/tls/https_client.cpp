#include "tls/https_client.h"

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <curl/curl.h>
#include <fmt/format.h>

namespace limber::tls {
namespace {

std::size_t keep(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

// "https://host:port" of `url`, without the path: the clinic a person knows.
std::string origin(const std::string& url) {
  const auto host = url.find("://");
  const auto path = url.find('/', host == std::string::npos ? 0 : host + 3);
  return url.substr(0, path);
}

// Why a request did not reach the clinic, in a person's words.
std::string_view reason(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "no computer by that name is known";
    case CURLE_COULDNT_CONNECT:
      return "nothing answers at that address";
    case CURLE_OPERATION_TIMEDOUT:
      return "it did not answer in time";
    case CURLE_SSL_CONNECT_ERROR:
      return "what answers there does not speak HTTPS";
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      return "the connection broke off";
    default:
      return "";
  }
}

struct FreeCurl {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct FreeList {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

core::Result<server::HttpsReply> https(const server::HttpsCall& call) {
  if (!call.url.starts_with("https://")) {
    return core::fail(core::ErrorCode::kInvalidInput,
                      fmt::format("{} is not an https:// address: limber talks to a clinic only "
                                  "over HTTPS",
                                  call.url));
  }
  static std::once_flag initialized;
  std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  // One handle per thread, reset for each request: libcurl keeps its open connection to the
  // clinic (and the TLS session) between requests, so a sync's second and later requests
  // (its uploads, the deletions, the therapist's exercises) skip the TLS handshake and the
  // reading of the CA file (bench/share_bench, docs/benchmarks.md).
  thread_local const std::unique_ptr<CURL, FreeCurl> curl(curl_easy_init());
  if (!curl)
    return core::fail(core::ErrorCode::kIo, "cannot start an HTTPS request (libcurl)");
  curl_easy_reset(curl.get());
  server::HttpsReply reply;
  std::unique_ptr<curl_slist, FreeList> headers;
  const auto add_header = [&](const std::string& header) {
    headers.reset(curl_slist_append(headers.release(), header.c_str()));
  };
  if (!call.content_type.empty())
    add_header("Content-Type: " + call.content_type);
  if (!call.bearer.empty())
    add_header("Authorization: Bearer " + call.bearer);
  add_header("Expect:");  // no 100-continue round trip before a body
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, call.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!call.ca_file.empty()) {
    // That CA alone: not also every certificate in the system's folder, which Debian's
    // libcurl reads by default (--with-ca-path=/etc/ssl/certs: 290 files parsed for each
    // new connection).
    curl_easy_setopt(handle, CURLOPT_CAINFO, call.ca_file.c_str());
    curl_easy_setopt(handle, CURLOPT_CAPATH, nullptr);
  }
  curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  if (!call.body.empty() || call.method == "POST" || call.method == "PUT") {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, call.body.data());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(call.body.size()));
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(call.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &keep);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &reply.body);
  const CURLcode done = curl_easy_perform(handle);
  if (done == CURLE_PEER_FAILED_VERIFICATION || done == CURLE_SSL_CACERT_BADFILE ||
      done == CURLE_SSL_CERTPROBLEM) {
    return core::fail(core::ErrorCode::kIo,
                      fmt::format("the clinic at {} did not prove who it is: its certificate "
                                  "does not come from a certificate authority limber trusts",
                                  origin(call.url)),
                      core::Remedy::kTrustClinic);
  }
  if (done != CURLE_OK) {
    const auto why = reason(done);
    return core::fail(core::ErrorCode::kBusy,
                      fmt::format("the clinic at {} cannot be reached ({})", origin(call.url),
                                  why.empty() ? curl_easy_strerror(done) : why),
                      core::Remedy::kReachClinic);
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  reply.status = static_cast<int>(status);
  return reply;
}

}  // namespace limber::tls
