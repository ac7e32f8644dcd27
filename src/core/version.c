/* The library version (bmd/version.h). */
#include "bmd/version.h"

const char *bmd_version(void) { return BMD_VERSION_STRING; }
