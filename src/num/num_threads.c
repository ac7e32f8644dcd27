/* How many OpenMP threads a parallel method of the library uses. */
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bmd/num.h"

int bmd_num_threads(int requested)
{
#ifdef _OPENMP
    return requested > 0 ? requested : omp_get_max_threads();
#else
    (void)requested;
    return 1;
#endif
}
