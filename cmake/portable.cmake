# The portable Linux binary (issue 10): cmake -S . -B build-portable -DCLAUSELINT_PORTABLE=ON
# (scripts/build-portable.sh does it all). Everything but glibc is linked
# statically, so `readelf -d` lists only libc.so.6, libm.so.6 and
# ld-linux-x86-64.so.2 and the binary runs on any x86-64 Linux with glibc
# 2.36 or newer (docs/install.md).
#
# How: after the find_package()/pkg_check_modules() calls, every imported
# target of this folder that points at a shared library libX.so gets the
# static archive libX.a beside it instead. This is generic: a dependency added
# later (e.g. vectorscan's PkgConfig::HS -> libhs.a) is covered without a
# change here. A shared library with no .a stops the configure with a message.
# Exceptions, each explained:
#   fmt    Debian ships no libfmt.a: fmt is used header-only (fmt::fmt-header-only).
#   md4c   Debian ships no libmd4c.a: md4c.c is compiled from Debian's own source
#          package (apt-get source md4c), given as CLAUSELINT_MD4C_SOURCE.
#   ICU    static ICU needs its data archive, libicudata.a.
#   libstdc++, libgcc: -static-libstdc++ -static-libgcc.
option(CLAUSELINT_PORTABLE "Link every dependency but glibc statically (a binary for any x86-64 Linux)" OFF)
if(NOT CLAUSELINT_PORTABLE)
  return()
endif()
set(CLAUSELINT_MD4C_SOURCE "" CACHE PATH "md4c's source (Debian's source package, unpacked) for the portable build")

# On the targets that exist now (add_link_options would only reach targets made later).
foreach(target IN ITEMS clauselint pattern_cost)
  target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
endforeach()

# libX.so or libX.so.N -> libX.a in the same folder, or "" when there is none.
function(clauselint_static_archive library out)
  set(${out} "" PARENT_SCOPE)
  if(library MATCHES "^(.*/lib[^/]+)\\.so(\\.[0-9.]+)?$")
    if(EXISTS "${CMAKE_MATCH_1}.a")
      set(${out} "${CMAKE_MATCH_1}.a" PARENT_SCOPE)
    endif()
  endif()
endfunction()

# Rewrites one list of libraries (a property's value) to static archives.
function(clauselint_prefer_static_list target property)
  get_target_property(libraries ${target} ${property})
  if(NOT libraries)
    return()
  endif()
  set(rewritten)
  foreach(library IN LISTS libraries)
    if(library MATCHES "\\.so(\\.[0-9.]+)?$")
      clauselint_static_archive("${library}" archive)
      if(NOT archive)
        list(APPEND CLAUSELINT_NO_ARCHIVE "${library} (${target})")
        set(CLAUSELINT_NO_ARCHIVE "${CLAUSELINT_NO_ARCHIVE}" PARENT_SCOPE)
      else()
        set(library "${archive}")
      endif()
    endif()
    list(APPEND rewritten "${library}")
  endforeach()
  set_target_properties(${target} PROPERTIES ${property} "${rewritten}")
endfunction()

# fmt header-only and md4c from source: swap the targets clauselint_core links.
if(NOT TARGET fmt::fmt-header-only)
  message(FATAL_ERROR "CLAUSELINT_PORTABLE: fmt's CMake package has no fmt::fmt-header-only target")
endif()
if(NOT EXISTS "${CLAUSELINT_MD4C_SOURCE}/src/md4c.c")
  message(FATAL_ERROR "CLAUSELINT_PORTABLE: Debian 12 ships no static libmd4c.a, so the portable build compiles md4c "
    "from Debian's source package. Run scripts/build-portable.sh (it fetches it with apt-get source md4c), or pass "
    "-DCLAUSELINT_MD4C_SOURCE=DIR, DIR holding md4c's src/md4c.c (got '${CLAUSELINT_MD4C_SOURCE}').")
endif()
enable_language(C)
add_library(clauselint_md4c STATIC ${CLAUSELINT_MD4C_SOURCE}/src/md4c.c)
target_include_directories(clauselint_md4c SYSTEM INTERFACE ${CLAUSELINT_MD4C_SOURCE}/src)
target_compile_options(clauselint_md4c PRIVATE -w)  # third-party code: its warnings are not ours
set(CLAUSELINT_SWAPS "fmt::fmt=fmt::fmt-header-only" "PkgConfig::MD4C=clauselint_md4c")
foreach(target IN ITEMS clauselint_core clauselint)
  foreach(property IN ITEMS LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
    get_target_property(libraries ${target} ${property})
    if(NOT libraries)
      continue()
    endif()
    foreach(swap IN LISTS CLAUSELINT_SWAPS)
      string(REPLACE "=" ";" swap "${swap}")
      list(GET swap 0 from)
      list(GET swap 1 to)
      list(TRANSFORM libraries REPLACE "^${from}$" "${to}")
      list(TRANSFORM libraries REPLACE "^\\$<LINK_ONLY:${from}>$" "$<LINK_ONLY:${to}>")
    endforeach()
    set_target_properties(${target} PROPERTIES ${property} "${libraries}")
  endforeach()
endforeach()

# Every other imported target: .so -> .a.
set(CLAUSELINT_NO_ARCHIVE)
get_directory_property(imported IMPORTED_TARGETS)
list(REMOVE_ITEM imported fmt::fmt PkgConfig::MD4C)
foreach(target IN LISTS imported)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    clauselint_prefer_static_list(${target} INTERFACE_LINK_LIBRARIES)
    continue()
  endif()
  get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
  set(properties IMPORTED_LOCATION INTERFACE_LINK_LIBRARIES)
  if(configs)
    foreach(config IN LISTS configs)
      list(APPEND properties IMPORTED_LOCATION_${config})
    endforeach()
  endif()
  foreach(property IN LISTS properties)
    clauselint_prefer_static_list(${target} ${property})
  endforeach()
  # A static archive needs its own dependencies on the link line: glibc's
  # libm and libdl are enough for these (libstdc++ is linked by the driver).
  set_property(TARGET ${target} APPEND PROPERTY INTERFACE_LINK_LIBRARIES m ${CMAKE_DL_LIBS})
endforeach()
if(CLAUSELINT_NO_ARCHIVE)
  list(JOIN CLAUSELINT_NO_ARCHIVE "\n  " missing)
  message(FATAL_ERROR "CLAUSELINT_PORTABLE: no static archive (.a) beside these shared libraries:\n  ${missing}\n"
    "Install the -dev package that ships it, or handle the dependency in cmake/portable.cmake.")
endif()
# ICU's data lives in its own archive; i18n needs uc, uc needs data.
if(TARGET ICU::uc)
  get_target_property(uc ICU::uc IMPORTED_LOCATION)
  get_filename_component(icu_dir "${uc}" DIRECTORY)
  if(NOT EXISTS "${icu_dir}/libicudata.a")
    message(FATAL_ERROR "CLAUSELINT_PORTABLE: static ICU needs ${icu_dir}/libicudata.a (Debian package libicu-dev)")
  endif()
  set_property(TARGET ICU::uc APPEND PROPERTY INTERFACE_LINK_LIBRARIES "${icu_dir}/libicudata.a" m ${CMAKE_DL_LIBS})
  set_property(TARGET ICU::i18n APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::uc)
endif()
message(STATUS "CLAUSELINT_PORTABLE: static libstdc++, libgcc, ${imported}; fmt header-only; md4c from ${CLAUSELINT_MD4C_SOURCE}")
