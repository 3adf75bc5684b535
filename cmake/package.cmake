# The .deb: `cpack -G DEB` (or `cpack --config CPackConfig.cmake`) in a build folder, after
# building it. Depends come from the shared libraries the programs link (dpkg-shlibdeps);
# tests/package/check runs lintian over the result, installs and removes it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME limber)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "limber maintainers <maintainers@users.noreply.h-seed-ee2cf15a.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "companion for getting over a back spasm at home")
# CPack puts the summary first: the description is the rest.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "limber keeps a pain diary with you: how bad it is, where it hurts, how\n"
  "well you can move, what eased it, the walks you managed. It shows, day by\n"
  "day, a plan of gentle exercises and a sitting timer that reminds you to\n"
  "stand up. It runs on your own computer, in the terminal (limber) and in\n"
  "the browser (limber serve), and keeps the diary in one private file.\n"
  "It never gives a diagnosis or a dose.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# lintian warns maintscript-calls-ldconfig: CPack adds ldconfig to postinst and postrm for
# any .so below /usr/lib, here the private module /usr/lib/limber/limber-tls.so. Harmless
# (ldconfig does not look in /usr/lib/limber); left rather than hand-written scripts.
# The report is drawn in DejaVu Sans (fontconfig finds it at run time).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils")
# Programs without their debug info (lintian: unstripped-binary-or-object).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
include(CPack)
