#include "server/http_status.h"

namespace limber::server {

int http_status(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kBadFile:
      return 400;  // Bad Request: the message says what to change
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kBusy:
      return 503;  // Service Unavailable: another limber is writing; retry
    case ErrorCode::kNotLimber:
    case ErrorCode::kTooNew:
    case ErrorCode::kCorrupt:
    case ErrorCode::kIo:
      return 500;
    case ErrorCode::kConflict:
      return 409;  // Conflict: the id is taken by a different entry; nothing was written
    case ErrorCode::kPaused:
      return 409;  // Conflict: the safety status forbids this until a clinician has seen you
  }
  return 500;
}

}  // namespace limber::server
