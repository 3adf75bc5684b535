// Which Accept-Encoding values take the page's gzip copy (server/content_coding.h).
#include "server/content_coding.h"

#include <gtest/gtest.h>

namespace limber::server {
namespace {

TEST(ContentCodingTest, GzipIsSentOnlyWhereTheBrowserTakesIt) {
  struct Case {
    const char* accept_encoding;
    bool gzip;
  };
  const Case kCases[] = {
      {"gzip, deflate, br", true},  // chromium
      {"gzip", true},
      {"GZIP", true},
      {"br;q=1.0, gzip;q=0.8, *;q=0.1", true},
      {"x-gzip", true},
      {"*", true},
      {"", false},  // none said: the file as it is
      {"identity", false},
      {"br", false},
      {"deflate, br", false},
      {"gzip;q=0", false},
      {"gzip; q=0.000", false},
      {"*, gzip;q=0", false},  // gzip named and refused: the star does not bring it back
      {"*;q=0", false},
      {"gzip;q=2", false},  // not a q-value: unsure, so the file as it is
      {"gzip;q=abc", false},
      {" gzip ;q=0.5 ", true},
      {"gzipped", false},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(test.accept_encoding);
    EXPECT_EQ(accepts_gzip(test.accept_encoding), test.gzip);
  }
}

}  // namespace
}  // namespace limber::server
