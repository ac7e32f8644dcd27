/* Benchmark of the required-speed search (bmd_engage_required_speed) over every pair of a
 * scenario: the plain search (bmd_required_speed_options.reference: every trial's fan flown, the
 * whole scan run) and the search with a fan cache shared by the pairs and the fire-control-radar
 * short cut, side by side in one run on the same analysis, with the CPU time of each, the ratio,
 * the tables built and fans flown, and whether every answer agrees bit for bit.
 * Run: build/release/bench/bench_required_speed [SCENARIO] (default scenarios/europe.yaml). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/analysis.h"

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Every pair's search with options ro; the answers in rs; tables and fans counted. */
static int search_all(const bmd_scenario *scn, const bmd_analysis *an,
                      const bmd_required_speed_options *ro, bmd_required_speed *rs, long *tables,
                      long *fans)
{
    bmd_error err = {0};
    *tables = *fans = 0;
    for (int i = 0; i < an->n_threats * an->n_sites; i++) {
        const bmd_analysis_pair *p = &an->pairs[i];
        memset(&rs[i], 0, sizeof rs[i]);
        if (p->status != BMD_ANALYSIS_EVALUATED)
            continue;
        const bmd_scenario_site *s = &scn->sites[p->site];
        bmd_defense_site ds = {s->site.lat_rad, s->site.lon_rad, s->site.height_m,
                               &an->flyouts[an->site_flyout[p->site]].table, s->count,
                               s->has_radar ? &s->radar.entry.radar : NULL};
        if (bmd_engage_required_speed(&scn->earth, &p->prepared, &ds, &p->timeline,
                                      &an->opt.engage, ro, &rs[i], &err)) {
            fprintf(stderr, "bench_required_speed: %s\n", err.message);
            return 1;
        }
        *tables += rs[i].n_tables;
        *fans += rs[i].n_fans_flown;
    }
    return 0;
}

static int same(const bmd_required_speed *a, const bmd_required_speed *b)
{
    return a->possible == b->possible && a->feasible_at_lo == b->feasible_at_lo &&
           a->site_engages == b->site_engages && a->from_site == b->from_site &&
           a->reason_at_hi == b->reason_at_hi &&
           !memcmp(&a->speed_m_s, &b->speed_m_s, sizeof(double));
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "scenarios/europe.yaml";
    const char *data = getenv("BMD_DATA_DIR");
    char cat[1024];
    snprintf(cat, sizeof cat, "%s/catalog", data && *data ? data : "data");
    bmd_scenario scn;
    bmd_scenario_init(&scn);
    bmd_error err = {0};
    if (bmd_scenario_open(path, cat, &scn, &err)) {
        fprintf(stderr, "bench_required_speed: %s\n", err.message);
        return 1;
    }
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.required_speed = 0; /* the searches are timed below */
    opt.threads = 1;
    bmd_analysis an;
    if (bmd_analysis_run(&scn, &opt, &an, &err)) {
        fprintf(stderr, "bench_required_speed: %s\n", err.message);
        return 1;
    }
    const int n = an.n_threats * an.n_sites;
    bmd_required_speed *ref = calloc((size_t)(n > 0 ? n : 1), sizeof *ref);
    bmd_required_speed *fast = calloc((size_t)(n > 0 ? n : 1), sizeof *fast);
    bmd_required_speed_options ro_ref = an.opt.speed, ro = an.opt.speed;
    ro_ref.reference = 1;
    ro.cache = bmd_speed_cache_new(0);
    if (!ref || !fast || !ro.cache)
        return 1;
    long t_ref, f_ref, t_fast, f_fast;
    double c0 = cpu_s();
    if (search_all(&scn, &an, &ro_ref, ref, &t_ref, &f_ref))
        return 1;
    double c1 = cpu_s();
    if (search_all(&scn, &an, &ro, fast, &t_fast, &f_fast))
        return 1;
    double c2 = cpu_s();
    int agree = 0;
    for (int i = 0; i < n; i++)
        agree += same(&ref[i], &fast[i]);
    printf("required speeds of %s: %d pairs, 1 thread (CPU time)\n", path, n);
    printf("  plain search (reference)     %7.2f s  %5ld tables, %5ld fans flown\n", c1 - c0,
           t_ref, f_ref);
    printf("  fan cache + FCR short cut    %7.2f s  %5ld tables, %5ld fans flown\n", c2 - c1,
           t_fast, f_fast);
    printf("  ratio plain/cached           %7.1f\n", (c1 - c0) / (c2 - c1));
    printf("  answers identical (bit for bit): %d of %d pairs\n", agree, n);
    bmd_speed_cache_free(ro.cache);
    free(ref);
    free(fast);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
    return agree == n ? 0 : 1;
}
