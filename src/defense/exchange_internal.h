/* Internals of the exchange arithmetic shared by its source files (not public API). */
#ifndef BMD_DEFENSE_EXCHANGE_INTERNAL_H
#define BMD_DEFENSE_EXCHANGE_INTERNAL_H

/* One engaged object with a budget of interceptors: k per opportunity until the budget runs out. */
typedef struct exchange_object_stats {
    double survival; /* probability it survives every shot fired at it */
    double used;     /* expected interceptors fired at it */
    double used_max; /* largest number fired at it with nonzero probability */
} exchange_object_stats;

/* Statistics of one object: SSPK p, k per opportunity, `opportunities` opportunities, kill
 * assessment a, `budget` interceptors allotted (0 = not engaged). */
void bmd_exchange_object(double p, long k, long opportunities, double a, long budget,
                     exchange_object_stats *out);

/* ln(n!) for n >= 0, thread-safe. */
double bmd_exchange_log_factorial(long n);

#endif
