# Installation: libbmd.so (SONAME libbmd.so.MAJOR) and libbmd.a, the public headers in
# include/bmd, the bmdsim program, the data directory (share/bmd), bmd.pc and the CMake package
# (bmdConfig.cmake, bmdConfigVersion.cmake, bmdTargets.cmake).
#   cmake --install build/release --prefix /tmp/bmd
#   PKG_CONFIG_PATH=/tmp/bmd/lib/pkgconfig cc prog.c $(pkg-config --cflags --libs bmd)
include(CMakePackageConfigHelpers)
set(BMD_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/bmd)
set(BMD_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/bmd)

install(TARGETS bmd_shared EXPORT bmdTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS bmd ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(TARGETS bmdsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/bmd DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development FILES_MATCHING PATTERN "*.h")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${BMD_INSTALL_DATADIR} COMPONENT runtime)

# bmd.pc: the prefix relative to the .pc file, so that 'cmake --install --prefix X' works for any X
file(RELATIVE_PATH BMD_PC_RELATIVE_PREFIX /p/${CMAKE_INSTALL_LIBDIR}/pkgconfig /p)
string(REGEX REPLACE "/$" "" BMD_PC_RELATIVE_PREFIX "${BMD_PC_RELATIVE_PREFIX}")
set(BMD_PC_OPENMP "")
if(BMD_OPENMP_FOUND)
  set(BMD_PC_OPENMP "${OpenMP_C_FLAGS}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/bmd.pc.in ${PROJECT_BINARY_DIR}/bmd.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/bmd.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)

install(EXPORT bmdTargets NAMESPACE bmd:: DESTINATION ${BMD_INSTALL_CMAKEDIR}
  COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/bmdConfig.cmake.in
  ${PROJECT_BINARY_DIR}/bmdConfig.cmake INSTALL_DESTINATION ${BMD_INSTALL_CMAKEDIR}
  PATH_VARS BMD_INSTALL_DATADIR)
# 0.x: minor versions may break the API, so only the same minor version is compatible
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bmdConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/bmdConfig.cmake ${PROJECT_BINARY_DIR}/bmdConfigVersion.cmake
  DESTINATION ${BMD_INSTALL_CMAKEDIR} COMPONENT development)
