#include "core/sha256.h"

#include <string>

#include <gtest/gtest.h>

#include "core/qr_matrix.h"

namespace limber::core {
namespace {

// FIPS 180-4's examples and the lengths around the padding's block edge.
TEST(Sha256Test, MatchesTheStandardsVectors) {
  struct Case {
    std::string input;
    std::string_view digest;
  };
  const Case kCases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.input.size());
    EXPECT_EQ(sha256_hex(c.input), c.digest);
  }
}

TEST(QrSvgTest, DrawsEachRunOfDarkModulesInsideTheQuietZone) {
  // A 2x2 code: dark, dark on the first row; light, dark on the second.
  const QrMatrix matrix{2, {true, true, false, true}};
  const std::string svg = qr_svg(matrix, "a <test>");
  EXPECT_NE(svg.find(R"(viewBox="0 0 10 10")"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(d="M4 4h2v1h-2zM5 5h1v1h-1z")"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(aria-label="a &lt;test&gt;")"), std::string::npos) << svg;
}

}  // namespace
}  // namespace limber::core
