// The files that let the page open offline and be added to a phone's home screen (issue
// 14): the manifest, its PNG icons (bytes, not text) and the service worker, each built
// into the binary and served with its media type.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
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
  EXPECT_NE(worker.text.find("'/js/app.js'"), std::string::npos);
  EXPECT_EQ(worker.text.find("'/sw.js'"), std::string::npos) << "it does not keep itself";
  EXPECT_NE(worker.header("Content-Security-Policy").find("worker-src 'self'"), std::string::npos);
}

// The worker's first fill asks again for the files the page has just loaded: with an ETag
// they come back as 304s, not a second copy (issue 14's 150 KB first load). The diary's
// answers stay no-store.
TEST_F(OfflineFilesTest, ThePagesFilesMayBeKeptAndAskedAgainWithTheirETag) {
  const Answer script = get("/js/app.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.header("Cache-Control"), "no-cache");
  const std::string etag = script.header("ETag");
  ASSERT_EQ(etag.size(), 18U) << etag;  // a quoted 16-digit hash of the build's files
  EXPECT_EQ(get("/").header("ETag"), etag);

  const Answer again = send("GET", "/js/app.js", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.text.empty());
  const Answer other = send("GET", "/js/app.js", "", {{"If-None-Match", "\"an-old-build\""}});
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.text, script.text);

  EXPECT_EQ(get("/sw.js").header("Cache-Control"), "no-store") << "always fetched whole";
  EXPECT_EQ(get("/sw.js").header("ETag"), "");
  EXPECT_EQ(get("/api/entries").header("Cache-Control"), "no-store") << "the diary is not kept";
  // Without the login, no file and no 304 either.
  const Answer stranger =
      send("GET", "/js/app.js", "", {{"Authorization", ""}, {"If-None-Match", etag}});
  EXPECT_EQ(stranger.status, 401);
}

// A browser that takes gzip gets each text file compressed at build time, which it reads
// back as the file itself (issue 14: a phone's first load under 150 KB); one that does
// not, or refuses it, gets the file as it is. Each has its own ETag.
TEST_F(OfflineFilesTest, ThePagesTextFilesGoGzippedToABrowserThatTakesIt) {
  for (const std::string path : {"/js/app.js", "/app.css", "/index.html"}) {
    SCOPED_TRACE(path);
    const Answer plain = get(path);
    ASSERT_EQ(plain.status, 200);
    EXPECT_EQ(plain.header("Content-Encoding"), "");
    // The page's modules ship as one bundle (cmake/bundle_web.cmake); the rest as written.
    const std::string file = path == "/js/app.js" ? plain.text : file_bytes("web" + path);
    EXPECT_EQ(plain.text, file);
    EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");

    // cpp-httplib's client reads the gzip back; Content-Length is what went on the wire.
    const Answer gzipped = get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(gzipped.status, 200);
    EXPECT_EQ(gzipped.header("Content-Encoding"), "gzip");
    EXPECT_EQ(gzipped.header("Vary"), "Accept-Encoding");
    EXPECT_EQ(gzipped.text, file) << "the gzip holds the file itself";
    EXPECT_LT(std::stoul(gzipped.header("Content-Length")) * 2, file.size())
        << "under half the bytes";
    const std::string etag = gzipped.header("ETag");
    EXPECT_NE(etag, plain.header("ETag"));

    const Answer again =
        get(path, {{"Accept-Encoding", "gzip, deflate, br"}, {"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_EQ(get(path, {{"Accept-Encoding", "gzip;q=0, br"}}).header("Content-Encoding"), "");
  }
  // The icons are PNGs, already compressed: sent as they are.
  const Answer icon = get("/icons/icon-192.png", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(icon.header("Content-Encoding"), "");
  EXPECT_EQ(icon.text, file_bytes("web/icons/icon-192.png"));
}

// The page's ES modules ship as one file, /js/app.js, bundled at build time by esbuild
// (cmake/bundle_web.cmake): a reload asks the service worker for one script, not twenty
// (issue 14's 100 ms). The modules inside it are not served one by one, and the
// phone's landing page keeps its own small script.
TEST_F(OfflineFilesTest, ThePagesModulesShipAsOneBundle) {
  const Answer bundle = get("/js/app.js");
  ASSERT_EQ(bundle.status, 200);
  EXPECT_NE(bundle.header("Content-Type").find("text/javascript"), std::string::npos);
  EXPECT_FALSE(std::regex_search(bundle.text, std::regex(R"(from\s*["']\./)")))
      << "no import left to fetch";
  EXPECT_FALSE(std::regex_search(bundle.text, std::regex(R"(\bimport\s*\()")))
      << "no dynamic import either";
  // Words from api.js, today.js, outbox_view.js and app.js itself: all in the one file.
  for (const std::string words :
       {"limber is not answering", "Posture routine",
        "They go to the diary as soon as limber answers", "limber cannot show this page"}) {
    EXPECT_NE(bundle.text.find(words), std::string::npos) << words;
  }
  EXPECT_EQ(get("/js/today.js").status, 404);
  EXPECT_EQ(get("/js/outbox.js").status, 404);
  EXPECT_EQ(get("/js/pair.js").status, 200);
  const Answer page = get("/");
  EXPECT_NE(page.text.find(R"(<script type="module" src="/js/app.js"></script>)"),
            std::string::npos);
  EXPECT_EQ(page.text.find("modulepreload"), std::string::npos) << "nothing more to preload";
}

}  // namespace
}  // namespace limber::testing
