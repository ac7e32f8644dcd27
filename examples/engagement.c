/* examples/engagement.c — open a scenario, fly its threats and evaluate every (threat, defence
 * site) pair: can the site engage, and when. Builds against the installed library:
 *   cc engagement.c $(pkg-config --cflags --libs bmd) -o engagement
 *   ./engagement SCENARIO.yaml        (e.g. scenarios/iran-europe-small.yaml of the source tree) */
#include <stdio.h>

#include <bmd/analysis.h>
#include <bmd/scenario.h>
#include <bmd/version.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: engagement SCENARIO.yaml\n");
        return 2;
    }
    char catalog[1024];
    snprintf(catalog, sizeof catalog, "%s/catalog", bmd_data_dir());

    bmd_error err;
    bmd_scenario scn;
    bmd_scenario_init(&scn);
    if (bmd_scenario_open(argv[1], catalog, &scn, &err)) {
        fprintf(stderr, "engagement: %s\n", err.message);
        return 1;
    }
    bmd_analysis an;
    int st = bmd_analysis_run(&scn, NULL, &an, &err);
    if (st) {
        fprintf(stderr, "engagement: %s\n", err.message);
        bmd_scenario_free(&scn);
        return 1;
    }
    printf("%s\n", scn.title);
    for (int t = 0; t < scn.n_threats; t++)
        for (int s = 0; s < scn.n_sites; s++) {
            const bmd_analysis_pair *p = bmd_analysis_pair_at(&an, t, s);
            printf("  %-20s vs %-16s ", scn.threats[t].name, scn.sites[s].name);
            if (p->status != BMD_ANALYSIS_EVALUATED) {
                printf("%s\n", bmd_analysis_status_name(p->status));
                continue;
            }
            const bmd_engagement *e = &p->engagement;
            if (e->engageable)
                printf("engageable: first launch %.0f s, last %.0f s, %d shot(s)\n",
                       e->launch_first_s, e->launch_last_s, e->shot_opportunities);
            else
                printf("not engageable: %s\n", bmd_engage_reason_name(e->reason));
        }
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
    return 0;
}
