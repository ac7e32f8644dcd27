/* The library version, set by the build from the CMake project version. */
#include "bmd/version.h"

#ifndef BMD_VERSION_STRING
#define BMD_VERSION_STRING "unknown"
#endif

const char *bmd_version(void) { return BMD_VERSION_STRING; }
