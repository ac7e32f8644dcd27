/* bmd/version.h — the library version. The numbers below are the one place the version is
 * written: CMake reads them for the project version, the shared library's SONAME (libbmd.so.MAJOR),
 * bmd.pc and bmdConfigVersion.cmake. */
#ifndef BMD_VERSION_H
#define BMD_VERSION_H

#include "bmd/api.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_VERSION_MAJOR 0
#define BMD_VERSION_MINOR 1
#define BMD_VERSION_PATCH 0
#define BMD_VERSION_STRING "0.1.0"
/* One number that compares: (major << 16) | (minor << 8) | patch. */
#define BMD_VERSION_NUMBER ((BMD_VERSION_MAJOR << 16) | (BMD_VERSION_MINOR << 8) | BMD_VERSION_PATCH)

/* The version string of the library that is running, e.g. "0.1.0" (may differ from
 * BMD_VERSION_STRING, the headers' version, when a program runs with a newer libbmd.so). */
BMD_API const char *bmd_version(void);

/* The data directory (catalogue, world map, scenarios' defaults): $BMD_DATA_DIR when set and not
 * empty, else the data/ of the source tree libbmd was built from while it exists, else the
 * installed data directory (PREFIX/share/bmd of the configured prefix). Never NULL. */
BMD_API const char *bmd_data_dir(void);

#ifdef __cplusplus
}
#endif
#endif
