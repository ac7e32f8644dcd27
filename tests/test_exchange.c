/* Tests of the exchange arithmetic (src/defense/exchange*.c).
 *
 * Oracles: (1) hand-computed closed forms, each worked out in the comment next to its assertion
 * (the salvo formula P_k = 1 - (1 - p)^k and the shoot-look-shoot recursion are the standard ones
 * of the open literature, docs/physics.md "Exchange arithmetic"); (2) an independent Monte Carlo
 * simulation of the doctrine written here (own xoshiro256** generator seeded by splitmix64, 1e6
 * trials, tolerance 4 standard errors); (3) GSL's binomial distribution and lgamma for the
 * decoy sums; (4) properties: more shots, better discrimination, more inventory never add
 * leakers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <string.h>

#include "bmd/exchange.h"
#include "defense/exchange_internal.h"
#include "test_support.h"

/* Evaluate, asserting success. */
static bmd_exchange_result run(const bmd_exchange_params *p)
{
    bmd_exchange_result r;
    bmd_error err;
    int st = bmd_exchange_evaluate(p, &r, &err);
    if (st) {
        print_error("bmd_exchange_evaluate failed: %s\n", err.message);
        fail();
    }
    return r;
}

/* Parameters for a salvo of k at W warheads with SSPK p, no decoys, unlimited inventory. */
static bmd_exchange_params salvo(long w, double p, long k)
{
    bmd_exchange_params q;
    bmd_exchange_params_init(&q);
    q.warheads = w;
    q.sspk = p;
    q.shots = k;
    return q;
}

/* As salvo, but shoot-look-shoot with the given looks and kill assessment. */
static bmd_exchange_params sls(long w, double p, long k, long looks, double a)
{
    bmd_exchange_params q = salvo(w, p, k);
    q.doctrine = BMD_EXCHANGE_SLS;
    q.looks = looks;
    q.kill_assessment = a;
    return q;
}

/* ---------------------------------------------------------------- closed forms by hand */

static void salvo_of_two_at_sspk_0_8_kills_96_percent(void **state)
{
    (void)state;
    bmd_exchange_params p = salvo(1, 0.8, 2);
    bmd_exchange_result r = run(&p);
    /* 1 - (1 - 0.8)^2 = 0.96; rounding only */
    assert_close(r.kill_probability, 0.96, 1e-15);
    assert_close(r.p_no_leak, 0.96, 1e-15);
    assert_close(r.expected_leakers, 0.04, 1e-15);
    assert_close(r.interceptors_used, 2.0, 0.0); /* a salvo always fires k */
    assert_close(r.interceptors_max, 2.0, 0.0);
}

static void salvo_against_five_warheads_is_the_single_kill_to_the_fifth(void **state)
{
    (void)state;
    bmd_exchange_params p = salvo(5, 0.8, 2);
    bmd_exchange_result r = run(&p);
    /* 0.96^5 = 0.8153726976 exactly; 5 x 0.04 = 0.2 expected leakers */
    assert_close(r.p_no_leak, 0.8153726976, 1e-14);
    assert_close(r.expected_leakers, 0.2, 1e-14);
    assert_close(r.interceptors_used, 10.0, 0.0);
}

static void shoot_look_shoot_with_one_interceptor_matches_a_salvo_of_two_with_fewer_shots(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(1, 0.8, 1, 1, 1.0);
    bmd_exchange_result r = run(&p);
    /* survive both: 0.2 x 0.2 = 0.04 -> 0.96 as the salvo of two; shots 1 + 0.2 = 1.2 */
    assert_close(r.kill_probability, 0.96, 1e-15);
    assert_close(r.interceptors_used, 1.2, 1e-15);
    assert_close(r.interceptors_max, 2.0, 0.0);
}

static void imperfect_kill_assessment_lets_misjudged_survivors_leak_and_wastes_shots(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(1, 0.8, 1, 1, 0.9);
    bmd_exchange_result r = run(&p);
    /* survive: 0.2 x (1 - 0.9 x 0.8) = 0.056; second shot when a survivor is seen (0.2 x 0.9) or
     * a kill is missed (0.8 x 0.1): 1 + 0.18 + 0.08 = 1.26 */
    assert_close(r.expected_leakers, 0.056, 1e-15);
    assert_close(r.interceptors_used, 1.26, 1e-15);
    assert_close(bmd_exchange_survival(0.8, 1, 2, 0.9), 0.056, 1e-15);
}

static void two_looks_with_pairs_of_interceptors_follow_the_recursion(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(1, 0.5, 2, 2, 1.0);
    bmd_exchange_result r = run(&p);
    /* P_k = 1 - 0.5^2 = 0.75; survive three pairs: 0.25^3 = 0.015625; shots 2 + 2 x 0.25 +
     * 2 x 0.0625 = 2.625 */
    assert_close(r.expected_leakers, 0.015625, 1e-15);
    assert_close(r.interceptors_used, 2.625, 1e-15);
    assert_close(r.interceptors_max, 6.0, 0.0);
}

static void a_survivor_reported_killed_is_never_shot_at_again(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(1, 0.5, 1, 3, 0.7);
    bmd_exchange_result r = run(&p);
    /* by hand, innermost first: 0.3 + 0.35 = 0.65; 0.3 + 0.35 x 0.65 = 0.5275;
     * survive = 0.5 x (0.3 + 0.35 x 0.5275) = 0.2423125 (not 0.5 x 0.65^3: a dropped survivor
     * leaks whatever the later looks would have said) */
    assert_close(r.expected_leakers, 0.2423125, 1e-15);
    assert_close(bmd_exchange_survival(0.5, 1, 4, 0.7), 0.2423125, 1e-15);
    assert_close(bmd_exchange_survival(0.5, 2, 3, 1.0), 0.015625, 1e-15); /* 0.25^3 */
}

static void decoys_cost_interceptors_but_no_leakers_when_the_inventory_is_unlimited(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(4, 0.7, 2);
    p.decoys = 10;
    p.discrimination = 0.3;
    bmd_exchange_result r = run(&p);
    /* leakage as without decoys: (1 - 0.09)^4 = 0.68574961; shots 2 x (4 + 10 x 0.7) = 22 */
    assert_close(r.p_no_leak, 0.68574961, 1e-14);
    assert_close(r.interceptors_used, 22.0, 1e-12);
    assert_close(r.expected_candidates, 11.0, 1e-12);
    assert_close(r.expected_engaged, 11.0, 1e-12); /* unlimited: every candidate is armed */
    assert_close(r.interceptors_max, 28.0, 0.0); /* all 14 objects engaged, 2 each */
}

static void a_short_inventory_arms_one_warhead_fully_and_the_other_partly(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(2, 0.8, 2);
    p.inventory = 3;
    bmd_exchange_result r = run(&p);
    /* one warhead gets 2 (survives 0.04), the other 1 (survives 0.2): no leak 0.96 x 0.8 = 0.768,
     * leakers 0.24, all 3 interceptors fired */
    assert_close(r.p_no_leak, 0.768, 1e-14);
    assert_close(r.expected_leakers, 0.24, 1e-14);
    assert_close(r.interceptors_used, 3.0, 1e-14);
    assert_close(r.interceptors_max, 3.0, 0.0);
    assert_close(r.expected_unengaged, 0.0, 0.0);
}

static void an_undiscriminated_decoy_takes_the_only_interceptor_half_the_time(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(1, 0.8, 1);
    p.decoys = 1;
    p.inventory = 1;
    bmd_exchange_result r = run(&p);
    /* q = 0: two look-alike objects, one interceptor: 0.5 x 0.8 = 0.4 no-leak */
    assert_close(r.p_no_leak, 0.4, 1e-14);
    assert_close(r.expected_leakers, 0.6, 1e-14);
    assert_close(r.expected_unengaged, 1.0, 1e-14);
    p.discrimination = 0.5;
    r = run(&p);
    /* q = 0.5: decoy ignored half the time (0.8) or engaged (0.4): 0.6 */
    assert_close(r.p_no_leak, 0.6, 1e-14);
    p.discrimination = 1.0;
    r = run(&p);
    assert_close(r.p_no_leak, 0.8, 1e-14); /* perfect discrimination: the decoy never costs */
}

static void half_the_needed_inventory_against_a_hundred_warheads_leaks_half_of_them(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(100, 0.9, 1);
    p.inventory = 50;
    bmd_exchange_result r = run(&p);
    /* 50 engaged (leak 0.1 each) + 50 unengaged: 5 + 50 = 55 leakers; no-leak impossible */
    assert_close(r.expected_leakers, 55.0, 1e-10);
    assert_close(r.p_no_leak, 0.0, 0.0);
    assert_close(r.expected_unengaged, 50.0, 1e-10);
    assert_close(r.expected_engaged, 50.0, 1e-10);
    assert_close(r.expected_candidates, 100.0, 0.0);
}

/* Issue 10 item 8: 10 warheads and 20 look-alike decoys, 2 shots each, 36 interceptors: 18 of the
 * 30 candidates are armed and 12 are left without, never "30 engaged and 12 left over". */
static void engaged_and_unengaged_objects_add_up_to_the_candidates(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(10, 0.7, 2);
    p.decoys = 20;
    p.inventory = 36;
    bmd_exchange_result r = run(&p);
    assert_close(r.expected_candidates, 30.0, 0.0);
    assert_close(r.expected_engaged, 18.0, 1e-10);
    assert_close(r.expected_unengaged, 12.0, 1e-10);
    p.discrimination = 0.5; /* 10 + 10 candidates on average; 18 armed unless fewer than 18 */
    r = run(&p);
    assert_close(r.expected_engaged + r.expected_unengaged, r.expected_candidates, 1e-10);
    assert_close(r.expected_candidates, 20.0, 1e-12);
    assert_true(r.expected_engaged <= 18.0 + 1e-12);
}

static void many_decoys_dilute_a_perfect_interceptor_as_the_binomial_sum_says(void **s)
{
    (void)s;
    /* p = 1, 1 warhead, 1000 decoys each engaged with probability 0.5, 250 interceptors: the
     * warhead is among the 250 armed of 1 + X objects with probability min(1, 250 / (1 + X)),
     * X ~ Bin(1000, 0.5). Oracle: the same sum with GSL's binomial pdf. */
    bmd_exchange_params p = salvo(1, 1.0, 1);
    p.decoys = 1000;
    p.discrimination = 0.5;
    p.inventory = 250;
    bmd_exchange_result r = run(&p);
    double expect = 0.0;
    for (unsigned x = 0; x <= 1000; x++) {
        double n = 1.0 + x;
        expect += gsl_ran_binomial_pdf(x, 0.5, 1000) * (n <= 250 ? 1.0 : 250.0 / n);
    }
    assert_close(r.p_no_leak, expect, 1e-12); /* two summations of the same 1001 terms */
    assert_close(r.expected_leakers, 1.0 - expect, 1e-12);
}

static void log_factorial_matches_gsl_lgamma(void **s)
{
    (void)s;
    const long n[] = {0, 1, 2, 19, 20, 21, 100, 12345, 10000000};
    for (size_t i = 0; i < sizeof n / sizeof *n; i++) {
        double ref = gsl_sf_lngamma((double)n[i] + 1.0);
        /* Stirling's series truncated after 1/(1680 n^7): < 2e-15 relative at n >= 20 */
        assert_close(bmd_exchange_log_factorial(n[i]), ref, 1e-14 * fmax(1.0, fabs(ref)));
    }
}

/* ---------------------------------------------------------------- Monte Carlo */

typedef struct rng {
    uint64_t s[4];
} rng;

/* splitmix64 (Steele, Lea & Flood 2014), used to seed xoshiro256** (Blackman & Vigna 2018). */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

/* Uniform in [0, 1) with 53 random bits. */
static double rng_uniform(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

static int bernoulli(rng *r, double p) { return rng_uniform(r) < p; }

#define MC_TRIALS 1000000
#define MC_MAX_OBJECTS 32

typedef struct mc_stats {
    double p_no_leak, se_p_no_leak;
    double leakers, se_leakers;
    double used, se_used;
    double used_max;
} mc_stats;

/* Simulate the doctrine object by object: decoys screened with probability q; candidates
 * shuffled (Fisher-Yates) and armed in that order with k per opportunity until the inventory
 * runs out; each shot kills with probability p; each look is right with probability a. */
static mc_stats monte_carlo(const bmd_exchange_params *p, uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    long opp = p->doctrine == BMD_EXCHANGE_SLS ? p->looks + 1 : 1;
    double n_ok = 0, sum_l = 0, sum_l2 = 0, sum_u = 0, sum_u2 = 0, umax = 0;
    for (long t = 0; t < MC_TRIALS; t++) {
        int is_warhead[MC_MAX_OBJECTS];
        int n = 0;
        for (long i = 0; i < p->warheads; i++)
            is_warhead[n++] = 1;
        for (long i = 0; i < p->decoys; i++)
            if (!bernoulli(&r, p->discrimination))
                is_warhead[n++] = 0;
        for (int i = n - 1; i > 0; i--) {
            int j = (int)(rng_next(&r) % (uint64_t)(i + 1)); /* bias < 1e-17 */
            int tmp = is_warhead[i];
            is_warhead[i] = is_warhead[j];
            is_warhead[j] = tmp;
        }
        long left = p->inventory, fired = 0, leaked = 0;
        for (int i = 0; i < n; i++) {
            long budget = p->shots * opp;
            if (p->inventory != BMD_EXCHANGE_UNLIMITED) {
                budget = budget < left ? budget : left;
                left -= budget;
            }
            int alive = 1, engaged = budget > 0;
            for (long j = 0; j < opp && budget > 0 && engaged; j++) {
                long shots = budget < p->shots ? budget : p->shots;
                budget -= shots;
                fired += shots;
                for (long k = 0; k < shots; k++)
                    if (bernoulli(&r, p->sspk))
                        alive = 0;
                int right = bernoulli(&r, p->kill_assessment);
                engaged = right ? alive : !alive; /* re-engaged when reported surviving */
            }
            leaked += is_warhead[i] && alive;
        }
        n_ok += leaked == 0;
        sum_l += (double)leaked;
        sum_l2 += (double)leaked * (double)leaked;
        sum_u += (double)fired;
        sum_u2 += (double)fired * (double)fired;
        umax = fmax(umax, (double)fired);
    }
    const double nt = MC_TRIALS;
    mc_stats m;
    m.p_no_leak = n_ok / nt;
    m.se_p_no_leak = sqrt(m.p_no_leak * (1.0 - m.p_no_leak) / nt); /* binomial variance */
    m.leakers = sum_l / nt;
    m.se_leakers = sqrt((sum_l2 / nt - m.leakers * m.leakers) / (nt - 1.0));
    m.used = sum_u / nt;
    m.se_used = sqrt((sum_u2 / nt - m.used * m.used) / (nt - 1.0));
    m.used_max = umax;
    return m;
}

/* Compare the closed form with the simulation: 4 standard errors (floor 1e-12 for outcomes
 * that are certain). The most interceptors fired in one trial never exceeds the predicted
 * maximum, and equals it when max_seen (the maximum is likely enough to turn up in 1e6 trials). */
static void check_against_monte_carlo(const bmd_exchange_params *p, uint64_t seed, int max_seen)
{
    bmd_exchange_result r = run(p);
    mc_stats m = monte_carlo(p, seed);
    assert_close(r.p_no_leak, m.p_no_leak, 4.0 * m.se_p_no_leak + 1e-12);
    assert_close(r.expected_leakers, m.leakers, 4.0 * m.se_leakers + 1e-12);
    assert_close(r.interceptors_used, m.used, 4.0 * m.se_used + 1e-12);
    assert_true(m.used_max <= r.interceptors_max);
    if (max_seen)
        assert_close(r.interceptors_max, m.used_max, 0.0);
}

static void salvo_with_decoys_and_a_short_inventory_matches_monte_carlo(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(3, 0.7, 2);
    p.decoys = 4;
    p.discrimination = 0.4;
    p.inventory = 11; /* 5.5 full salvos for 3 to 7 candidates: binds often, partial salvo */
    check_against_monte_carlo(&p, 1, 1); /* max 11 when >= 6 candidates: P = 0.475 */
}

static void shoot_look_shoot_with_two_looks_and_a_short_inventory_matches_monte_carlo(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(3, 0.6, 2, 2, 0.85);
    p.decoys = 2;
    p.discrimination = 0.5;
    p.inventory = 17; /* budget 6 per candidate: 2 armed fully, one with 5 */
    check_against_monte_carlo(&p, 2, 1); /* max 17: ~3e-4 per trial */
}

static void shoot_look_shoot_with_poor_kill_assessment_matches_monte_carlo(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(4, 0.5, 1, 3, 0.7);
    p.decoys = 3;
    p.discrimination = 0.3;
    check_against_monte_carlo(&p, 3, 0); /* max 28: ~1e-7 per trial */
}

/* ---------------------------------------------------------------- properties */

static void more_shots_never_add_leakers_when_the_inventory_suffices(void **s)
{
    (void)s;
    for (int doctrine = 0; doctrine < 2; doctrine++) {
        double prev = INFINITY;
        for (long k = 0; k <= 12; k++) {
            bmd_exchange_params p = doctrine ? sls(7, 0.35, k, 2, 0.8) : salvo(7, 0.35, k);
            p.decoys = 5;
            bmd_exchange_result r = run(&p);
            assert_true(r.expected_leakers < prev); /* strictly fewer while 0 < p < 1 */
            prev = r.expected_leakers;
        }
    }
}

static void better_discrimination_never_adds_leakers(void **s)
{
    (void)s;
    double prev = INFINITY, prev_p = -1.0;
    for (int i = 0; i <= 20; i++) {
        bmd_exchange_params p = sls(5, 0.6, 2, 1, 0.9);
        p.decoys = 40;
        p.inventory = 60;
        p.discrimination = i / 20.0;
        bmd_exchange_result r = run(&p);
        assert_true(r.expected_leakers <= prev + 1e-12);
        assert_true(r.p_no_leak >= prev_p - 1e-12);
        prev = r.expected_leakers;
        prev_p = r.p_no_leak;
    }
}

static void a_bigger_inventory_never_adds_leakers(void **s)
{
    (void)s;
    double prev = INFINITY, prev_p = -1.0;
    for (long inv = 0; inv <= 4 * 3 * 12; inv++) {
        bmd_exchange_params p = sls(4, 0.55, 3, 1, 0.95);
        p.decoys = 8;
        p.discrimination = 0.25;
        p.inventory = inv;
        bmd_exchange_result r = run(&p);
        assert_true(r.expected_leakers <= prev + 1e-12);
        assert_true(r.p_no_leak >= prev_p - 1e-12);
        prev = r.expected_leakers;
        prev_p = r.p_no_leak;
    }
    bmd_exchange_params p = sls(4, 0.55, 3, 1, 0.95);
    bmd_exchange_result unlimited = run(&p);
    assert_close(prev, unlimited.expected_leakers, 1e-12); /* enough for all = unlimited */
}

static void more_looks_never_add_leakers(void **s)
{
    (void)s;
    double prev = INFINITY;
    for (long looks = 1; looks <= 6; looks++) {
        bmd_exchange_params p = sls(3, 0.5, 1, looks, 0.8);
        bmd_exchange_result r = run(&p);
        assert_true(r.expected_leakers < prev);
        prev = r.expected_leakers;
    }
}

/* ---------------------------------------------------------------- limits */

static void a_perfect_interceptor_stops_everything_it_is_fired_at(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(6, 1.0, 1, 3, 1.0);
    p.decoys = 3;
    bmd_exchange_result r = run(&p);
    assert_close(r.p_no_leak, 1.0, 0.0);
    assert_close(r.expected_leakers, 0.0, 0.0);
    assert_close(r.interceptors_used, 9.0, 0.0);  /* one per object; every look right */
    assert_close(r.interceptors_max, 9.0, 0.0);
}

static void a_useless_interceptor_lets_every_warhead_through(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(6, 0.0, 4);
    bmd_exchange_result r = run(&p);
    assert_close(r.p_no_leak, 0.0, 0.0);
    assert_close(r.expected_leakers, 6.0, 0.0);
}

static void without_decoys_discrimination_does_not_matter(void **s)
{
    (void)s;
    bmd_exchange_params p = sls(5, 0.6, 1, 1, 0.9);
    p.inventory = 7;
    bmd_exchange_result a = run(&p);
    p.discrimination = 1.0;
    bmd_exchange_result b = run(&p);
    assert_close(a.p_no_leak, b.p_no_leak, 0.0);
    assert_close(a.expected_leakers, b.expected_leakers, 0.0);
    assert_close(a.interceptors_used, b.interceptors_used, 0.0);
}

static void no_interceptors_or_no_warheads_are_trivial(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(3, 0.9, 2);
    p.inventory = 0;
    bmd_exchange_result r = run(&p);
    assert_close(r.expected_leakers, 3.0, 0.0);
    assert_close(r.interceptors_used, 0.0, 0.0);
    bmd_exchange_params q = salvo(0, 0.9, 2);
    q.decoys = 4;
    r = run(&q);
    assert_close(r.p_no_leak, 1.0, 0.0);
    assert_close(r.expected_leakers, 0.0, 0.0);
    assert_close(r.interceptors_used, 8.0, 0.0); /* the decoys still draw fire */
}

/* ---------------------------------------------------------------- requirements */

static void three_shots_at_sspk_0_8_are_needed_for_99_percent(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(1, 0.8, 1);
    p.decoys = 2;
    bmd_exchange_requirement q;
    bmd_error err;
    assert_int_equal(bmd_exchange_requirement_for(&p, 0.99, &q, &err), BMD_SUCCESS);
    /* k = 2: 0.96 < 0.99; k = 3: 1 - 0.008 = 0.992 */
    assert_int_equal(q.shots_needed, 3);
    /* 8 interceptors for 3 look-alike objects: armed fully with probability 2/3, with 2 with 1/3:
     * (2/3) 0.992 + (1/3) 0.96 = 0.98133 < 0.99; 9 arm all three: 0.992 */
    assert_int_equal(q.inventory_needed, 9);
    assert_int_equal(q.inventory_needed_at_shots, -1); /* one shot reaches 0.8 at best */
}

static void ten_warheads_need_three_shots_each_for_90_percent(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(10, 0.8, 4);
    bmd_exchange_requirement q;
    assert_int_equal(bmd_exchange_requirement_for(&p, 0.9, &q, NULL), BMD_SUCCESS);
    /* 0.96^10 = 0.665 < 0.9; 0.992^10 = 0.9229 >= 0.9 */
    assert_int_equal(q.shots_needed, 3);
    assert_int_equal(q.inventory_needed, 30);
    /* with the given 4: 9 warheads x 4 + one with 2 (0.9984^9 x 0.96 = 0.9464) suffices; 9 x 4 +
     * 1 (0.9984^9 x 0.8 = 0.7886) does not; 38 */
    assert_int_equal(q.inventory_needed_at_shots, 38);
}

static void certainty_cannot_be_bought_with_imperfect_interceptors(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(1, 0.8, 1);
    bmd_exchange_requirement q;
    bmd_error err;
    assert_int_equal(bmd_exchange_requirement_for(&p, 1.0, &q, &err), BMD_EDOM);
    assert_non_null(strstr(err.message, "no number of shots"));
}

/* ---------------------------------------------------------------- bad input */

/* Expect BMD_EINVAL with field named in the message. */
static void expect_einval(const bmd_exchange_params *p, const char *field)
{
    bmd_exchange_result r;
    bmd_error err;
    assert_int_equal(bmd_exchange_evaluate(p, &r, &err), BMD_EINVAL);
    if (!strstr(err.message, field)) {
        print_error("message '%s' does not name %s\n", err.message, field);
        fail();
    }
}

static void probabilities_outside_zero_one_or_nan_are_refused(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(1, 1.5, 1);
    expect_einval(&p, "sspk");
    p.sspk = -0.1;
    expect_einval(&p, "sspk");
    p.sspk = NAN;
    expect_einval(&p, "sspk");
    p = salvo(1, 0.5, 1);
    p.discrimination = NAN;
    expect_einval(&p, "discrimination");
    p = sls(1, 0.5, 1, 1, 2.0);
    expect_einval(&p, "kill_assessment");
    bmd_exchange_requirement q;
    bmd_error err;
    p = salvo(1, 0.5, 1);
    assert_int_equal(bmd_exchange_requirement_for(&p, 1.01, &q, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "required"));
    assert_int_equal(bmd_exchange_requirement_for(&p, NAN, &q, &err), BMD_EINVAL);
}

static void negative_counts_are_refused(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(-1, 0.5, 1);
    expect_einval(&p, "warheads");
    p = salvo(1, 0.5, -2);
    expect_einval(&p, "shots");
    p = salvo(1, 0.5, 1);
    p.decoys = -3;
    expect_einval(&p, "decoys");
    p.decoys = 0;
    p.inventory = -5;
    expect_einval(&p, "inventory");
}

static void looks_must_match_the_doctrine(void **s)
{
    (void)s;
    bmd_exchange_params p = salvo(1, 0.5, 1);
    p.looks = 1;
    expect_einval(&p, "looks");
    p = sls(1, 0.5, 1, 0, 1.0);
    expect_einval(&p, "looks");
    p = sls(1, 0.5, 1, -1, 1.0);
    expect_einval(&p, "looks");
    p.doctrine = (bmd_exchange_doctrine)7;
    p.looks = 1;
    expect_einval(&p, "doctrine");
}

static void doctrine_names_round_trip_and_unknown_names_list_the_allowed(void **s)
{
    (void)s;
    bmd_exchange_doctrine d;
    bmd_error err;
    assert_int_equal(bmd_exchange_doctrine_parse("sls", &d, &err), BMD_SUCCESS);
    assert_int_equal(d, BMD_EXCHANGE_SLS);
    assert_string_equal(bmd_exchange_doctrine_name(d), "sls");
    assert_int_equal(bmd_exchange_doctrine_parse("salvo", &d, &err), BMD_SUCCESS);
    assert_int_equal(d, BMD_EXCHANGE_SALVO);
    assert_int_equal(bmd_exchange_doctrine_parse("barrage", &d, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "salvo, sls"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(salvo_of_two_at_sspk_0_8_kills_96_percent),
        cmocka_unit_test(salvo_against_five_warheads_is_the_single_kill_to_the_fifth),
        cmocka_unit_test(
            shoot_look_shoot_with_one_interceptor_matches_a_salvo_of_two_with_fewer_shots),
        cmocka_unit_test(
            imperfect_kill_assessment_lets_misjudged_survivors_leak_and_wastes_shots),
        cmocka_unit_test(two_looks_with_pairs_of_interceptors_follow_the_recursion),
        cmocka_unit_test(a_survivor_reported_killed_is_never_shot_at_again),
        cmocka_unit_test(decoys_cost_interceptors_but_no_leakers_when_the_inventory_is_unlimited),
        cmocka_unit_test(a_short_inventory_arms_one_warhead_fully_and_the_other_partly),
        cmocka_unit_test(an_undiscriminated_decoy_takes_the_only_interceptor_half_the_time),
        cmocka_unit_test(half_the_needed_inventory_against_a_hundred_warheads_leaks_half_of_them),
        cmocka_unit_test(engaged_and_unengaged_objects_add_up_to_the_candidates),
        cmocka_unit_test(many_decoys_dilute_a_perfect_interceptor_as_the_binomial_sum_says),
        cmocka_unit_test(log_factorial_matches_gsl_lgamma),
        cmocka_unit_test(salvo_with_decoys_and_a_short_inventory_matches_monte_carlo),
        cmocka_unit_test(
            shoot_look_shoot_with_two_looks_and_a_short_inventory_matches_monte_carlo),
        cmocka_unit_test(shoot_look_shoot_with_poor_kill_assessment_matches_monte_carlo),
        cmocka_unit_test(more_shots_never_add_leakers_when_the_inventory_suffices),
        cmocka_unit_test(better_discrimination_never_adds_leakers),
        cmocka_unit_test(a_bigger_inventory_never_adds_leakers),
        cmocka_unit_test(more_looks_never_add_leakers),
        cmocka_unit_test(a_perfect_interceptor_stops_everything_it_is_fired_at),
        cmocka_unit_test(a_useless_interceptor_lets_every_warhead_through),
        cmocka_unit_test(without_decoys_discrimination_does_not_matter),
        cmocka_unit_test(no_interceptors_or_no_warheads_are_trivial),
        cmocka_unit_test(three_shots_at_sspk_0_8_are_needed_for_99_percent),
        cmocka_unit_test(ten_warheads_need_three_shots_each_for_90_percent),
        cmocka_unit_test(certainty_cannot_be_bought_with_imperfect_interceptors),
        cmocka_unit_test(probabilities_outside_zero_one_or_nan_are_refused),
        cmocka_unit_test(negative_counts_are_refused),
        cmocka_unit_test(looks_must_match_the_doctrine),
        cmocka_unit_test(doctrine_names_round_trip_and_unknown_names_list_the_allowed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
