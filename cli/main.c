/* bmdsim — command-line entry point (placeholder until the commands land). */
#include <stdio.h>

#include "bmd/version.h"

int main(void)
{
    printf("bmdsim %s\n", bmd_version());
    return 0;
}
