/* bmd/exchange.h — offence-defence exchange arithmetic (module `defense`).
 *
 * How many warheads get through a defence, given the single-shot kill probability (SSPK) of its
 * interceptors, the shots it fires per target, its doctrine (salvo, or shoot-look-shoot), how well
 * it tells warheads from decoys, and how many interceptors it has. Closed forms throughout; the
 * model and its literature are in docs/physics.md ("Exchange arithmetic").
 *
 * The model, precisely:
 *  - W warheads and D decoys arrive. Every warhead is engaged (the defence never dismisses a
 *    warhead); each decoy is recognised as a decoy, and ignored, with probability q
 *    (discrimination), independently. The defence engages the W + X candidates, X ~ Bin(D, 1 - q).
 *    Decoys are as easy to kill as warheads.
 *  - Every interceptor kills the object it is fired at with probability p (SSPK), independently.
 *  - Salvo: k interceptors per candidate, fired together (one opportunity).
 *    Shoot-look-shoot (SLS) with L looks: L + 1 opportunities; at each, k interceptors per
 *    candidate still engaged; after each opportunity but the last the defence looks: a look reports
 *    the true state (killed / surviving) with probability a (kill assessment), the wrong one
 *    otherwise. Objects reported surviving are engaged again; objects reported killed are dropped.
 *  - Inventory I: before the first shot each candidate, in random order (the defence cannot tell
 *    candidates apart), is allotted its full budget of k interceptors per opportunity until the
 *    inventory runs out; the next candidate gets what is left, the rest get nothing (and leak if
 *    warheads). Interceptors allotted to an object killed early are not re-allotted.
 * A warhead "leaks" if it survives. Everything is exact (no sampling). */
#ifndef BMD_EXCHANGE_H
#define BMD_EXCHANGE_H

#include "bmd/api.h"

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Firing doctrine. */
typedef enum bmd_exchange_doctrine {
    BMD_EXCHANGE_SALVO = 0, /* k interceptors per target at once, no look */
    BMD_EXCHANGE_SLS = 1    /* shoot-look-shoot: k per target per opportunity, `looks` looks */
} bmd_exchange_doctrine;

/* Inventory value meaning "no limit". */
#define BMD_EXCHANGE_UNLIMITED (-1L)

/* Largest accepted counts (keep the exact sums cheap and the products inside 64 bits). */
#define BMD_EXCHANGE_MAX_OBJECTS 10000000L /* warheads + decoys */
#define BMD_EXCHANGE_MAX_SHOTS 1000L       /* interceptors per target per opportunity */
#define BMD_EXCHANGE_MAX_LOOKS 100L

/* The engagement. Fill it with bmd_exchange_params_init, then set the fields. */
typedef struct bmd_exchange_params {
    long warheads;                  /* W >= 0 */
    long decoys;                    /* D >= 0 */
    double sspk;                    /* p in [0, 1]: single-shot kill probability */
    long shots;                     /* k >= 0: interceptors per target per opportunity */
    bmd_exchange_doctrine doctrine; /* salvo (default) or SLS */
    long looks;                     /* salvo: 0; SLS: >= 1 (opportunities = looks + 1) */
    double kill_assessment;         /* a in [0, 1]: probability a look is right (default 1) */
    double discrimination;          /* q in [0, 1]: probability a decoy is recognised (default 0) */
    long inventory;                 /* I >= 0, or BMD_EXCHANGE_UNLIMITED (default) */
} bmd_exchange_params;

/* The outcome. */
typedef struct bmd_exchange_result {
    double p_no_leak;                /* probability that no warhead survives */
    double expected_leakers;         /* expected number of surviving warheads */
    double interceptors_used;        /* expected number of interceptors fired */
    double interceptors_max;         /* largest number fired with nonzero probability */
    double kill_probability;         /* per warhead given its full budget (1 - leak probability) */
    double expected_candidates;      /* expected candidates the defence would engage:
                                        W + D (1 - q) */
    double expected_engaged;         /* expected candidates given at least one interceptor */
    double expected_unengaged;       /* expected candidates left without any interceptor
                                        (engaged + unengaged = candidates) */
} bmd_exchange_result;

/* What it takes to reach a required probability of no leakage. */
typedef struct bmd_exchange_requirement {
    long shots_needed;              /* smallest k reaching it with unlimited inventory */
    long inventory_needed;          /* smallest inventory reaching it with k = shots_needed */
    long inventory_needed_at_shots; /* smallest inventory reaching it with the given k; -1 when
                                       no inventory suffices at that k */
} bmd_exchange_requirement;

/* Defaults: no warheads or decoys, p = 0, k = 1, salvo, no looks, a = 1, q = 0, no inventory
 * limit. */
BMD_API void bmd_exchange_params_init(bmd_exchange_params *params);

/* Check every field; BMD_EINVAL naming the field, the value and what is allowed. */
BMD_API int bmd_exchange_validate(const bmd_exchange_params *params, bmd_error *err);

/* The exact outcome of the engagement. BMD_EINVAL for bad parameters. Cost O(W + L + sqrt(D)). */
BMD_API int bmd_exchange_evaluate(const bmd_exchange_params *params, bmd_exchange_result *result,
                                  bmd_error *err);

/* Per-warhead survival probability for k interceptors at each of `opportunities` = L + 1
 * opportunities, SSPK p and kill assessment a (a only matters when L >= 1). With
 * P_k = 1 - (1 - p)^k and r = a (1 - P_k):
 *     S = (1 - P_k) [ (1 - a) (1 - r^L) / (1 - r) + r^L ]        (S = (1 - P_k)^(L+1) at a = 1)
 * Inputs are not checked (use with validated values). */
BMD_API double bmd_exchange_survival(double sspk, long shots, long opportunities, double kill_assessment);

/* Smallest shots per target and inventories reaching P(no leak) >= p_required (in [0, 1]).
 * BMD_EINVAL for bad parameters; BMD_EDOM when no number of shots up to
 * BMD_EXCHANGE_MAX_SHOTS reaches it (e.g. p = 0, or p_required = 1 with p < 1). */
BMD_API int bmd_exchange_requirement_for(const bmd_exchange_params *params, double p_required,
                                         bmd_exchange_requirement *req, bmd_error *err);

/* The doctrine's name ("salvo", "sls"), and the doctrine for a name (BMD_EINVAL naming the
 * allowed names otherwise). */
BMD_API const char *bmd_exchange_doctrine_name(bmd_exchange_doctrine doctrine);
BMD_API int bmd_exchange_doctrine_parse(const char *name, bmd_exchange_doctrine *doctrine,
                                            bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
