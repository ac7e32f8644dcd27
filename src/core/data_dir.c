/* The data directory lookup (bmd/version.h): one function instead of one per command. */
#include <stdlib.h>
#include <sys/stat.h>

#include "bmd/version.h"

#ifndef BMD_SOURCE_DATA_DIR
#define BMD_SOURCE_DATA_DIR "data"
#endif
#ifndef BMD_INSTALL_DATA_DIR
#define BMD_INSTALL_DATA_DIR "/usr/local/share/bmd"
#endif

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *bmd_data_dir(void)
{
    const char *env = getenv("BMD_DATA_DIR");
    if (env && *env)
        return env;
    if (is_dir(BMD_SOURCE_DATA_DIR))
        return BMD_SOURCE_DATA_DIR;
    return BMD_INSTALL_DATA_DIR;
}
