/* The defence of a scenario as footprint sites (bmd/footprint_input.h): every site with
 * interceptors, its fire-control radar, cueing sensors and timeline, then the flyout tables, all
 * of them or only those of the sites a caller needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/footprint_input.h"
#include "bmd/geodesy.h"
#include "bmd/num.h"

int bmd_footprint_defense_from_scenario(const bmd_scenario *scn, double toward_lat_rad,
                                        double toward_lon_rad, bmd_footprint_defense *d,
                                        bmd_error *err)
{
    return bmd_footprint_defense_from_scenario_shared(scn, toward_lat_rad, toward_lon_rad, 0, 0, d,
                                                      err);
}

int bmd_footprint_defense_from_scenario_shared(const bmd_scenario *scn, double toward_lat_rad,
                                               double toward_lon_rad, int per_type,
                                               int threads, bmd_footprint_defense *d,
                                               bmd_error *err)
{
    int st = bmd_footprint_defense_sites(scn, d, err);
    if (!st)
        st = bmd_footprint_defense_tables(scn, toward_lat_rad, toward_lon_rad, per_type, threads,
                                          NULL, d, err);
    return st;
}

int bmd_footprint_defense_sites(const bmd_scenario *scn, bmd_footprint_defense *d,
                                bmd_error *err)
{
    memset(d, 0, sizeof *d);
    if (!scn || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "footprint: the scenario must be resolved");
    for (int i = 0; i < scn->n_sites; i++) {
        const bmd_scenario_site *ss = &scn->sites[i];
        if (ss->count < 1) {
            d->n_skipped++;
            continue;
        }
        if (d->n_sites == BMD_FOOTPRINT_MAX_SITES)
            return bmd_error_set(err, BMD_EINVAL, "footprint: more than %d defence sites with "
                                 "interceptors", BMD_FOOTPRINT_MAX_SITES);
        const int s = d->n_sites++;
        snprintf(d->names[s], sizeof d->names[s], "%s", ss->name);
        d->scenario_index[s] = i;
        bmd_footprint_site *fs = &d->sites[s];
        fs->site.lat_rad = ss->site.lat_rad;
        fs->site.lon_rad = ss->site.lon_rad;
        fs->site.height_m = ss->site.height_m;
        fs->site.n_interceptors = ss->count;
        fs->site.flyout = &d->tables[s];
        if (ss->has_radar) {
            d->fcr[s] = ss->radar.entry.radar;
            fs->site.fire_control = &d->fcr[s];
        }
        fs->timeline.track_delay_s = ss->timeline.detect_to_track_s;
        fs->timeline.decision_delay_s = ss->timeline.track_to_decision_s;
        fs->timeline.launch_delay_s = ss->timeline.decision_to_launch_s;
        fs->timeline.kill_assessment_s = ss->timeline.kill_assessment_s;
        int nr = 0, ni = 0;
        for (int c = 0; c < ss->n_cues; c++) {
            const bmd_scenario_sensor *sn = &scn->sensors[ss->cues[c]];
            if (sn->kind == BMD_SCENARIO_SENSOR_RADAR)
                d->cue_radar[s][nr++] = sn->radar.entry.radar;
            else
                d->cue_ir[s][ni++] = sn->ir;
        }
        fs->cues = (bmd_sensor_set){d->cue_radar[s], nr, d->cue_ir[s], ni};
        /* sites with the same list of cues share the prepared threat */
        fs->cue_group = s;
        for (int r = 0; r < s; r++) {
            const bmd_scenario_site *o = &scn->sites[d->scenario_index[r]];
            if (o->n_cues == ss->n_cues &&
                !memcmp(o->cues, ss->cues, (size_t)ss->n_cues * sizeof(int))) {
                fs->cue_group = d->sites[r].cue_group;
                break;
            }
        }
    }
    return BMD_SUCCESS;
}

/* The first earlier site of d with the same interceptor as site s (-1: none). */
static int same_interceptor(const bmd_scenario *scn, const bmd_footprint_defense *d, int s)
{
    const bmd_scenario_site *a = &scn->sites[d->scenario_index[s]];
    for (int r = 0; r < s; r++) {
        const bmd_scenario_site *b = &scn->sites[d->scenario_index[r]];
        if (!strcasecmp(a->interceptor.name, b->interceptor.name) &&
            !memcmp(&a->interceptor_entry.interceptor, &b->interceptor_entry.interceptor,
                    sizeof a->interceptor_entry.interceptor))
            return r;
    }
    return -1;
}

int bmd_footprint_defense_tables(const bmd_scenario *scn, double toward_lat_rad,
                                 double toward_lon_rad, int per_type, int threads,
                                 const unsigned char *need, bmd_footprint_defense *d,
                                 bmd_error *err)
{
    if (!scn || !scn->resolved || !d)
        return bmd_error_set(err, BMD_EINVAL, "footprint: the scenario must be resolved and the "
                             "defence given");
    int shared_with[BMD_FOOTPRINT_MAX_SITES];
    unsigned char build[BMD_FOOTPRINT_MAX_SITES];
    for (int s = 0; s < d->n_sites; s++) {
        shared_with[s] = per_type ? same_interceptor(scn, d, s) : -1;
        build[s] = 0;
    }
    for (int s = 0; s < d->n_sites; s++) {
        const int owner = shared_with[s] >= 0 ? shared_with[s] : s;
        d->sites[s].site.flyout = &d->tables[owner];
        if (!need || need[s])
            build[owner] = 1; /* a shared table is built when any of its sites needs it */
    }
    int status = 0;
    bmd_error first = {0, ""};
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1) num_threads(bmd_num_threads(threads))
#endif
    for (int s = 0; s < d->n_sites; s++) {
        if (!build[s] || d->tables[s].t_s)
            continue;
        const bmd_scenario_site *ss = &scn->sites[d->scenario_index[s]];
        bmd_flyout_options fo;
        bmd_flyout_options_init(&fo);
        double az = 0;
        bmd_geodesy_inverse(&scn->earth, ss->site.lat_rad, ss->site.lon_rad, toward_lat_rad,
                            toward_lon_rad, NULL, &az, NULL);
        fo.site = (bmd_interceptor_site){ss->site.lat_rad, ss->site.lon_rad, 0.0, az};
        bmd_error e = {0, ""};
        int st = bmd_flyout_build(&d->tables[s], &scn->earth, &ss->interceptor_entry.interceptor,
                                  &fo, &e);
        if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_defense)
#endif
            if (!status)
                status = st, first = e;
        }
    }
    if (status) {
        bmd_footprint_defense_free(d);
        if (err)
            *err = first;
    }
    return status;
}

void bmd_footprint_defense_free(bmd_footprint_defense *d)
{
    if (!d)
        return;
    for (int s = 0; s < BMD_FOOTPRINT_MAX_SITES; s++)
        bmd_flyout_free(&d->tables[s]);
}
