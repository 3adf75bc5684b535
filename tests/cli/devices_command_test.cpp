// limber devices: the paired phones, listed and revoked from the terminal (issue 14); and
// the QR code the terminal draws for pairing.
#include <nlohmann/json.hpp>
#include <qrencode.h>

#include "app/qr_code.h"
#include "cli/cli_fixture.h"
#include "cli/phone_text.h"
#include "cli/qr_text.h"
#include "store/device_store.h"

namespace limber::testing {
namespace {

using std::chrono::minutes;

class DevicesCommandTest : public CliTest {
 protected:
  // Pairs a phone straight into the diary, as `limber serve` does.
  void add_phone(const std::string& name, char hash, core::Instant at) {
    auto db = store::Database::open(db_path(), {});
    ASSERT_TRUE(db) << db.error().message;
    ASSERT_TRUE(store::DeviceStore(*db).add({name, at, std::nullopt, std::string(64, hash)}));
  }
};

TEST_F(DevicesCommandTest, SaysWhenNoPhoneIsPaired) {
  const CliResult result = run({"devices"});
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("No phone is paired"), std::string::npos) << result.out;
}

TEST_F(DevicesCommandTest, ListsPhonesWithWhenPairedAndLastSeenInLocalTime) {
  add_phone("Android phone", 'a', kNoon - minutes{90});
  add_phone("iPhone", 'b', kNoon - minutes{30});
  const CliResult result = run({"devices"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::string local = local_iso(kNoon - minutes{90});  // "2026-...THH:MM..."
  const std::string clock = local.substr(11, 5);
  EXPECT_NE(result.out.find("Android phone"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("iPhone"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(clock), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("never"), std::string::npos) << result.out;
  EXPECT_LT(result.out.find("Android phone"), result.out.find("iPhone"));

  const CliResult json = run({"devices", "--json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const auto list = nlohmann::json::parse(json.out);
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0]["name"], "Android phone");
  EXPECT_EQ(list[0]["paired_at"], local_iso(kNoon - minutes{90}));
  EXPECT_TRUE(list[0]["last_seen"].is_null());
  EXPECT_FALSE(list[0].contains("secret_sha256"));
}

TEST_F(DevicesCommandTest, RevokesAPhoneAndSuggestsTheNameOnATypo) {
  add_phone("Android phone", 'a', kNoon);
  const CliResult typo = run({"devices", "revoke", "Andriod phone"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("Did you mean 'Android phone'? 'limber devices' lists the paired phones"),
            std::string::npos)
      << typo.err;
  EXPECT_NE(run({"devices"}).out.find("Android phone"), std::string::npos);

  const CliResult revoked = run({"devices", "revoke", "android phone"});
  EXPECT_EQ(revoked.code, 0) << revoked.err;
  EXPECT_NE(revoked.out.find("Revoked"), std::string::npos) << revoked.out;
  EXPECT_NE(run({"devices"}).out.find("No phone is paired"), std::string::npos);
}

TEST(QrTextTest, DrawsTwoRowsOfModulesPerLineInHalfBlocks) {
  // Dark, dark on the first row; light, dark on the second.
  const core::QrMatrix matrix{2, {true, true, false, true}};
  const std::string text = cli::qr_text(matrix, false);
  // 2 + 8 quiet modules a side: 10 columns, 5 lines; the code on the third line.
  const std::string blank(10, ' ');
  EXPECT_EQ(text, blank + "\n" + blank + "\n    \u2580\u2588    \n" + blank + "\n" + blank + "\n");
  const std::string colored = cli::qr_text(matrix);
  EXPECT_TRUE(colored.starts_with("\x1b[30;107m")) << colored;
  EXPECT_NE(colored.find("\x1b[0m\n"), std::string::npos);
}

TEST(QrTextTest, TheMatrixIsLibqrencodesModuleForModule) {
  const std::string address = "https://127.0.0.2:5463/pair#ABCDE23456";
  auto matrix = app::qr_encode(address);
  ASSERT_TRUE(matrix) << matrix.error().message;
  QRcode* code = QRcode_encodeString(address.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  ASSERT_NE(code, nullptr);
  ASSERT_EQ(matrix->size, code->width);
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      const bool dark = (code->data[y * code->width + x] & 1) != 0;  // NOLINT
      ASSERT_EQ(matrix->at(x, y), dark) << x << "," << y;
    }
  }
  QRcode_free(code);
  // The finder pattern's corner, top left, is dark, and the separator after it light.
  EXPECT_TRUE(matrix->at(0, 0));
  EXPECT_TRUE(matrix->at(6, 6));
  EXPECT_FALSE(matrix->at(7, 7));
  // Half as many lines as modules with the quiet zone, rounded up.
  const std::string text = cli::qr_text(*matrix, false);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), (matrix->size + 8 + 1) / 2);
}

TEST(PhoneTextTest, ShowsTheCertificatesAddressItsCodeAndFingerprint) {
  auto text = cli::phone_start_text(
      {"https://127.0.0.2:5463/", "AB:CD", "https://127.0.0.2:5463/ca.crt"}, false);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_NE(text->find("https://127.0.0.2:5463/ca.crt\n"), std::string::npos) << *text;
  EXPECT_NE(text->find("\u2588"), std::string::npos) << *text;
  EXPECT_NE(text->find("fingerprint: AB:CD"), std::string::npos) << *text;
}

}  // namespace
}  // namespace limber::testing
