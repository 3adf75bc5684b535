// The files that let the page open offline and be added to a phone's home screen (issue
// 14): the manifest, its PNG icons (bytes, not text) and the service worker, each built
// into the binary and served with its media type.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "server_fixture.h"

namespace limber::testing {
namespace {

class OfflineFilesTest : public ServerTest {};

std::string file_bytes(const std::string& relative) {
  std::ifstream in(std::filesystem::path(LIMBER_SOURCE_DIR) / relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(OfflineFilesTest, TheManifestAndItsIconsAreServedAsTheyAre) {
  const Answer manifest = get("/manifest.webmanifest");
  ASSERT_EQ(manifest.status, 200);
  EXPECT_EQ(manifest.header("Content-Type"), "application/manifest+json");
  ASSERT_TRUE(manifest.body.is_object()) << manifest.text;
  EXPECT_EQ(manifest.body["display"], "standalone");
  bool maskable = false;
  for (const auto& icon : manifest.body["icons"]) {
    const std::string src = icon["src"];
    SCOPED_TRACE(src);
    const Answer image = get(src);
    EXPECT_EQ(image.status, 200);
    if (icon["type"] == "image/png") {
      EXPECT_EQ(image.header("Content-Type"), "image/png");
      EXPECT_EQ(image.text, file_bytes("web" + src)) << "the PNG's bytes, NULs included";
    }
    maskable = maskable || icon.value("purpose", "") == "maskable";
  }
  EXPECT_TRUE(maskable);
  EXPECT_NE(get("/").text.find(R"(<link rel="manifest" href="/manifest.webmanifest")"),
            std::string::npos);
}

TEST_F(OfflineFilesTest, TheServiceWorkerNamesThisBuildsFilesAndMayRun) {
  const Answer worker = get("/sw.js");
  ASSERT_EQ(worker.status, 200);
  EXPECT_NE(worker.header("Content-Type").find("text/javascript"), std::string::npos);
  EXPECT_EQ(worker.text.find("@LIMBER_WEB"), std::string::npos) << "filled in at build time";
  EXPECT_NE(worker.text.find("'/index.html'"), std::string::npos);
  EXPECT_NE(worker.text.find("'/js/outbox.js'"), std::string::npos);
  EXPECT_EQ(worker.text.find("'/sw.js'"), std::string::npos) << "it does not keep itself";
  EXPECT_NE(worker.header("Content-Security-Policy").find("worker-src 'self'"), std::string::npos);
}

}  // namespace
}  // namespace limber::testing
