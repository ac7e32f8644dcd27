/* bmd/version.h — the library version. */
#ifndef BMD_VERSION_H
#define BMD_VERSION_H

/* The version string of the library, e.g. "0.1.0". */
const char *bmd_version(void);

#endif
