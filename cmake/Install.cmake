# Install.cmake - the CMake package: <prefix>/lib/cmake/adgen/ holds
# adgenConfig.cmake, adgenConfigVersion.cmake and adgen.cmake (the function).
# tool/CMakeLists.txt installs bin/adgen and include/adgen/*.h.
include(CMakePackageConfigHelpers)

set(ADGEN_INSTALL_BINDIR bin)
set(ADGEN_INSTALL_INCLUDEDIR include)
set(ADGEN_INSTALL_CMAKEDIR lib/cmake/adgen)

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/adgenConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/adgenConfig.cmake
  INSTALL_DESTINATION ${ADGEN_INSTALL_CMAKEDIR}
  PATH_VARS ADGEN_INSTALL_BINDIR ADGEN_INSTALL_INCLUDEDIR)

# 0.x: a new minor version may break the interface. The tool runs on the build
# machine, so a 32-bit project may use a 64-bit adgen (ARCH_INDEPENDENT).
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/adgenConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)

install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/adgenConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/cmake/adgenConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/adgen.cmake
  DESTINATION ${ADGEN_INSTALL_CMAKEDIR})
