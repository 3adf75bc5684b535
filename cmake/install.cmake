# `cmake --install` lays limber out as a Debian program (docs/packaging.md): the programs in
# bin/, limber-tls.so and limber-draw.so in lib/limber/ (where app/module_loader.cpp looks),
# the man pages and completions made from the command line (src/clidoc/), a desktop entry
# and icon that open the web app, AppStream metadata, the sitting timer's user unit, the docs.
# `cpack -G DEB` in the build folder turns the same into a .deb (tests/package/check).

# `cmake --install` and cpack install what is built, without building every test program
# first: build the programs and limber_docs_gz (`make deb` does), or everything.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS limber limber-watch RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS limber_tls limber_draw LIBRARY DESTINATION lib/limber)

# Debian compresses man pages and changelogs with gzip -9n (no name, no time: reproducible).
find_program(LIMBER_GZIP gzip REQUIRED)
set(doc_gz ${LIMBER_DOC_DIR}/gz)
set(changelog_in ${PROJECT_SOURCE_DIR}/packaging/changelog)
add_custom_command(
  OUTPUT ${doc_gz}/limber.1.gz ${doc_gz}/limber-watch.1.gz ${doc_gz}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${doc_gz}
  COMMAND ${CMAKE_COMMAND} -E copy ${LIMBER_DOC_DIR}/man/limber.1
          ${LIMBER_DOC_DIR}/man/limber-watch.1 ${changelog_in} ${doc_gz}
  COMMAND ${LIMBER_GZIP} -9nf ${doc_gz}/limber.1 ${doc_gz}/limber-watch.1 ${doc_gz}/changelog
  DEPENDS ${LIMBER_DOC_DIR}/man/limber.1 ${LIMBER_DOC_DIR}/man/limber-watch.1 ${changelog_in}
  COMMENT "Compressing the man pages and the changelog")
add_custom_target(limber_docs_gz ALL
  DEPENDS ${doc_gz}/limber.1.gz ${doc_gz}/limber-watch.1.gz ${doc_gz}/changelog.gz)
add_dependencies(limber_docs_gz limber_docs)

install(FILES ${doc_gz}/limber.1.gz ${doc_gz}/limber-watch.1.gz
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${LIMBER_DOC_DIR}/bash/limber ${LIMBER_DOC_DIR}/bash/limber-watch
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${LIMBER_DOC_DIR}/zsh/_limber ${LIMBER_DOC_DIR}/zsh/_limber-watch
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${LIMBER_DOC_DIR}/fish/limber.fish ${LIMBER_DOC_DIR}/fish/limber-watch.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The web app from the desktop's menu: `limber serve` in a terminal (Ctrl+C stops it).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/limber.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/app.limber.Limber.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size IN ITEMS 192 512)
  install(FILES ${PROJECT_SOURCE_DIR}/web/icons/icon-${size}.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME limber.png)
endforeach()

# The sitting timer's systemd user unit, as `limber watch --install` writes it (without a
# --data-dir: the diary's default folder). Installed, not enabled: a person turns it on with
# `systemctl --user enable --now limber-watch` or `limber watch --install`. The autostart
# entry goes with the docs, not into /etc/xdg/autostart, where it would start a timer for
# every person who logs in to this computer.
install(FILES ${LIMBER_DOC_DIR}/systemd/limber-watch.service
  DESTINATION lib/systemd/user)
install(FILES ${LIMBER_DOC_DIR}/autostart/limber-watch.desktop
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/copyright
  ${doc_gz}/changelog.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/sitting-timer.md ${PROJECT_SOURCE_DIR}/docs/phone.md
  ${PROJECT_SOURCE_DIR}/docs/clinical-basis.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

include(cmake/package.cmake)
