# Installation (issue 10): `cmake --install BUILD --prefix P` installs the
# binary, the man page clauselint(1) and bash, zsh and fish completions, all
# generated at build time by the binary itself (`clauselint --generate ...`,
# from the same CLI11 definitions as --help, so they cannot drift); and
# `cpack -G DEB` packs the same files into a Debian package whose
# dependencies dpkg-shlibdeps computes (needs dpkg-dev and file).
include(GNUInstallDirs)

set(CLAUSELINT_MANUAL_DIR ${CMAKE_BINARY_DIR}/generated/manual)
set(CLAUSELINT_MANUAL_FILES)
foreach(pair "man|clauselint.1" "bash|clauselint.bash" "zsh|_clauselint" "fish|clauselint.fish")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 what)
  list(GET pair 1 name)
  add_custom_command(OUTPUT ${CLAUSELINT_MANUAL_DIR}/${name}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CLAUSELINT_MANUAL_DIR}
    COMMAND ${CMAKE_COMMAND} -DCLAUSELINT=$<TARGET_FILE:clauselint> -DWHAT=${what} -DOUT=${CLAUSELINT_MANUAL_DIR}/${name}
            -P ${CMAKE_SOURCE_DIR}/cmake/generate_manual.cmake
    DEPENDS clauselint ${CMAKE_SOURCE_DIR}/cmake/generate_manual.cmake
    COMMENT "Generating ${name}"
    VERBATIM)
  list(APPEND CLAUSELINT_MANUAL_FILES ${CLAUSELINT_MANUAL_DIR}/${name})
endforeach()
add_custom_target(clauselint-manual ALL DEPENDS ${CLAUSELINT_MANUAL_FILES})

install(TARGETS clauselint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CLAUSELINT_MANUAL_DIR}/clauselint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CLAUSELINT_MANUAL_DIR}/clauselint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME clauselint)
install(FILES ${CLAUSELINT_MANUAL_DIR}/_clauselint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${CLAUSELINT_MANUAL_DIR}/clauselint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# cpack -G DEB (run in the build folder): build/clauselint_VERSION_ARCH.deb.
set(CPACK_PACKAGE_NAME clauselint)
set(CPACK_PACKAGE_VENDOR "clauselint")
set(CPACK_PACKAGE_CONTACT "clauselint maintainers <clauselint@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compliance linter for privacy policies")
set(CPACK_PACKAGE_DESCRIPTION "clauselint reads privacy policies (Markdown, plain text, HTML), runs YAML rule packs
over them and reports missing or problematic clauses the way a compiler reports
errors, or as SARIF for code scanning.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Depends: computed by dpkg-shlibdeps, never typed by hand
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "man-db, bash-completion")
include(CPack)
