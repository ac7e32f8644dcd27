/* Offence-defence exchange arithmetic: exact leakage and interceptor use for salvo and
 * shoot-look-shoot doctrines with decoys and a finite inventory. The model is stated in
 * include/bmd/exchange.h and derived in docs/physics.md ("Exchange arithmetic"). */
#include <math.h>
#include <stddef.h>

#include "bmd/exchange.h"
#include "defense/exchange_internal.h"

void bmd_exchange_params_init(bmd_exchange_params *params)
{
    params->warheads = 0;
    params->decoys = 0;
    params->sspk = 0.0;
    params->shots = 1;
    params->doctrine = BMD_EXCHANGE_SALVO;
    params->looks = 0;
    params->kill_assessment = 1.0;
    params->discrimination = 0.0;
    params->inventory = BMD_EXCHANGE_UNLIMITED;
}

/* BMD_EINVAL unless value is a probability. */
static int check_probability(const char *field, const char *meaning, double value, bmd_error *err)
{
    if (!(value >= 0.0 && value <= 1.0))
        return bmd_error_set(err, BMD_EINVAL, "%s %g is not a probability (%s; allowed [0, 1])",
                             field, value, meaning);
    return BMD_SUCCESS;
}

/* BMD_EINVAL unless lo <= value <= hi. */
static int check_count(const char *field, const char *meaning, long value, long lo, long hi,
                       bmd_error *err)
{
    if (value < lo || value > hi)
        return bmd_error_set(err, BMD_EINVAL, "%s %ld is %s (%s; allowed %ld to %ld)", field,
                             value, value < 0 ? "negative" : "out of range", meaning, lo, hi);
    return BMD_SUCCESS;
}

int bmd_exchange_validate(const bmd_exchange_params *p, bmd_error *err)
{
    int st;
    if (!p)
        return bmd_error_set(err, BMD_EINVAL, "exchange parameters are NULL");
    if ((st = check_count("warheads", "number of warheads", p->warheads, 0,
                          BMD_EXCHANGE_MAX_OBJECTS, err)) ||
        (st = check_count("decoys", "number of decoys", p->decoys, 0, BMD_EXCHANGE_MAX_OBJECTS,
                          err)) ||
        (st = check_probability("sspk", "single-shot kill probability", p->sspk, err)) ||
        (st = check_count("shots", "interceptors per target per opportunity", p->shots, 0,
                          BMD_EXCHANGE_MAX_SHOTS, err)) ||
        (st = check_probability("kill_assessment", "probability that a look is right",
                                p->kill_assessment, err)) ||
        (st = check_probability("discrimination", "probability that a decoy is recognised",
                                p->discrimination, err)))
        return st;
    if (p->warheads + p->decoys > BMD_EXCHANGE_MAX_OBJECTS)
        return bmd_error_set(err, BMD_EINVAL,
                             "warheads + decoys = %ld is out of range (allowed up to %ld)",
                             p->warheads + p->decoys, BMD_EXCHANGE_MAX_OBJECTS);
    if (p->doctrine == BMD_EXCHANGE_SALVO) {
        if (p->looks != 0)
            return bmd_error_set(err, BMD_EINVAL,
                                 "looks %ld is not allowed with a salvo (a salvo has no look; "
                                 "use doctrine sls, or looks 0)", p->looks);
    } else if (p->doctrine == BMD_EXCHANGE_SLS) {
        if ((st = check_count("looks", "looks between shots; shoot-look-shoot needs at least one",
                              p->looks, 1, BMD_EXCHANGE_MAX_LOOKS, err)))
            return st;
    } else {
        return bmd_error_set(err, BMD_EINVAL, "doctrine %d is unknown (allowed: salvo, sls)",
                             (int)p->doctrine);
    }
    if (p->inventory != BMD_EXCHANGE_UNLIMITED && p->inventory < 0)
        return bmd_error_set(err, BMD_EINVAL,
                             "inventory %ld is negative (allowed: a count >= 0, or unlimited)",
                             p->inventory);
    return BMD_SUCCESS;
}

double bmd_exchange_survival(double sspk, long shots, long opportunities, double kill_assessment)
{
    if (opportunities < 1)
        return 1.0;
    /* f = (1 - a) + a (1 - P_k) f', ending in f = 1: a survivor reported killed is dropped and
     * survives; one seen is fired at again. Summed: (1 - P_k) [(1 - a) sum r^i + r^(L-1)],
     * r = a (1 - P_k), i = 0 .. L-2. */
    const double pk = 1.0 - pow(1.0 - sspk, (double)shots), r = kill_assessment * (1.0 - pk);
    const long n = opportunities - 1;
    double geometric = r == 1.0 ? (double)n : (1.0 - pow(r, (double)n)) / (1.0 - r);
    return (1.0 - pk) * ((1.0 - kill_assessment) * geometric + pow(r, (double)n));
}

void bmd_exchange_object(double p, long k, long opportunities, double a, long budget,
                     exchange_object_stats *out)
{
    /* Shots at opportunity j: k until the budget runs out, then what is left, then none. Markov
     * chain over (engaged at j and surviving, engaged at j and killed); a look re-engages a
     * survivor with probability a and a killed object with probability 1 - a. */
    out->used = 0.0;
    out->used_max = 0.0;
    long left = budget;
    double alive = 1.0, dead = 0.0; /* probabilities of "engaged now and alive / killed" */
    double dropped = 0.0;           /* probability of "alive but reported killed, dropped" */
    for (long j = 0; j < opportunities && left > 0; j++) {
        long s = left < k ? left : k;
        left -= s;
        double pk = 1.0 - pow(1.0 - p, (double)s);
        double engaged;
        if (j == 0) {
            engaged = 1.0;
            alive = 1.0 - pk;
            dead = pk;
        } else {
            engaged = a * alive + (1.0 - a) * dead;
            dropped += (1.0 - a) * alive;
            dead = a * alive * pk + (1.0 - a) * dead;
            alive = a * alive * (1.0 - pk);
        }
        if (engaged > 0.0) {
            out->used += (double)s * engaged;
            out->used_max += (double)s;
        }
    }
    out->survival = alive + dropped;
}

/* ln(n!) without lgamma (which writes the global signgam): exact sum below 20, Stirling's series
 * (Abramowitz & Stegun 6.1.41) above, where the truncation error is below 2e-15. */
double bmd_exchange_log_factorial(long n)
{
    if (n < 20) {
        double s = 0.0;
        for (long i = 2; i <= n; i++)
            s += log((double)i);
        return s;
    }
    double x = (double)n, x2 = x * x;
    return x * log(x) - x + 0.5 * log(2.0 * M_PI * x) +
           (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x;
}

/* ln [C(m, w) / C(n, w)] = ln [m! (n-w)! / ((m-w)! n!)], for 0 <= w <= m <= n. */
static double log_choose_ratio(long m, long n, long w)
{
    return bmd_exchange_log_factorial(m) - bmd_exchange_log_factorial(m - w) -
           bmd_exchange_log_factorial(n) + bmd_exchange_log_factorial(n - w);
}

/* Probability that none of W warheads leaks, and the expected number that do, when n >= W
 * candidates share the inventory: m get the full budget (survival sf each), one gets the rest
 * (survival sp) when partial, the others nothing. Positions are a uniformly random order. */
static void binding_case(long w, long n, long m, int partial, double sf, double sp,
                         double *p_no_leak, double *leakers)
{
    *leakers = (double)w * ((double)m * sf + (partial ? sp : 0.0) +
                            (double)(n - m - partial)) / (double)n;
    if (w == 0) {
        *p_no_leak = 1.0;
        return;
    }
    double p = 0.0;
    if (m >= w) /* all warheads among the fully armed */
        p += exp(log_choose_ratio(m, n, w)) * pow(1.0 - sf, (double)w);
    if (partial && m >= w - 1) /* one on the partial budget: C(m, w-1) / C(n, w) */
        p += exp(log_choose_ratio(m, n, w - 1) + log((double)w / (double)(n - w + 1))) *
             pow(1.0 - sf, (double)(w - 1)) * (1.0 - sp);
    *p_no_leak = p;
}

/* Binomial probability of x successes in d trials of probability s, 0 < s < 1, via logs. */
static double binomial_pmf(long d, long x, double s)
{
    double lp = bmd_exchange_log_factorial(d) - bmd_exchange_log_factorial(x) -
                bmd_exchange_log_factorial(d - x) + (double)x * log(s) + (double)(d - x) * log1p(-s);
    return lp < -745.0 ? 0.0 : exp(lp);
}

int bmd_exchange_evaluate(const bmd_exchange_params *prm, bmd_exchange_result *res,
                          bmd_error *err)
{
    int st = bmd_exchange_validate(prm, err);
    if (st)
        return st;
    if (!res)
        return bmd_error_set(err, BMD_EINVAL, "exchange result pointer is NULL");
    const long w = prm->warheads, d = prm->decoys, k = prm->shots;
    const long opp = prm->doctrine == BMD_EXCHANGE_SLS ? prm->looks + 1 : 1;
    const long budget = k * opp;
    const double s = 1.0 - prm->discrimination; /* probability a decoy is engaged */
    const long x_lo = s < 1.0 ? 0 : d, x_hi = s > 0.0 ? d : 0;

    exchange_object_stats full;
    bmd_exchange_object(prm->sspk, k, opp, prm->kill_assessment, budget, &full);
    res->kill_probability = 1.0 - full.survival;
    res->expected_candidates = (double)w + (double)d * s;

    int unlimited = prm->inventory == BMD_EXCHANGE_UNLIMITED || budget == 0 ||
                    (double)budget * (double)(w + x_hi) <= (double)prm->inventory;
    if (unlimited) {
        res->p_no_leak = pow(1.0 - full.survival, (double)w);
        res->expected_leakers = (double)w * full.survival;
        res->interceptors_used = res->expected_candidates * full.used;
        res->interceptors_max = (double)(w + x_hi) * full.used_max;
        res->expected_unengaged = budget == 0 ? res->expected_candidates : 0.0;
        res->expected_engaged = res->expected_candidates - res->expected_unengaged;
        return BMD_SUCCESS;
    }

    const long inv = prm->inventory, m_cap = inv / budget, rest = inv - m_cap * budget;
    exchange_object_stats part;
    bmd_exchange_object(prm->sspk, k, opp, prm->kill_assessment, rest, &part);
    double pnl = 0.0, leak = 0.0, used = 0.0, idle = 0.0, wsum = 0.0;
    /* Terms beyond 40 standard deviations (plus 20) of the mean weigh less than 1e-300. */
    const double mean = (double)d * s, spread = 40.0 * sqrt((double)d * s * (1.0 - s)) + 20.0;
    const long sum_lo = mean - spread > (double)x_lo ? (long)(mean - spread) : x_lo;
    const long sum_hi = mean + spread < (double)x_hi ? (long)(mean + spread) + 1 : x_hi;
    for (long x = sum_lo; x <= sum_hi; x++) {
        double b = (x_lo == x_hi) ? 1.0 : binomial_pmf(d, x, s);
        if (b == 0.0)
            continue;
        wsum += b;
        long n = w + x;
        if (n <= m_cap) { /* everyone gets the full budget */
            pnl += b * pow(1.0 - full.survival, (double)w);
            leak += b * (double)w * full.survival;
            used += b * (double)n * full.used;
            continue;
        }
        int partial = rest > 0;
        double pn, ln;
        binding_case(w, n, m_cap, partial, full.survival, part.survival, &pn, &ln);
        pnl += b * pn;
        leak += b * ln;
        used += b * ((double)m_cap * full.used + (partial ? part.used : 0.0));
        idle += b * (double)(n - m_cap - partial);
    }
    long n_max = w + x_hi;
    /* The weights sum to 1 up to rounding (about 1e-10 for a million decoys); divide it out. */
    res->p_no_leak = pnl / wsum;
    res->expected_leakers = leak / wsum;
    res->interceptors_used = used / wsum;
    res->expected_unengaged = idle / wsum;
    res->expected_engaged = res->expected_candidates - res->expected_unengaged;
    res->interceptors_max = n_max <= m_cap ? (double)n_max * full.used_max
                                           : (double)m_cap * full.used_max + part.used_max;
    return BMD_SUCCESS;
}
