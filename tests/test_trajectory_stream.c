/* Tests of the streamed time series (bmd_trajectory_fly_stream, issue 13 item 4): the sink gets
 * exactly the samples bmd_trajectory_fly stores, bit for bit and in the same order, for flights
 * with several stages, a gravity-turn kick, apogee, reentry and impact inside a step, and
 * sampling intervals that do and do not divide the event times; a sink error stops the flight
 * with the sink's status and message. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/earth.h"
#include "bmd/trajectory.h"
#include "flight_vehicles.h"

#define DEG (M_PI / 180.0)

/* The sink of the tests: compares each sample with the stored series, counts, or fails. */
typedef struct sink_check {
    const bmd_trajectory *stored;
    int n;             /* samples received */
    int mismatch;      /* index of the first sample that differs (-1: none) */
    int fail_at;       /* return an error at this sample (-1: never) */
} sink_check;

static int check_sink(const bmd_sample *s, void *context, bmd_error *err)
{
    sink_check *c = context;
    if (c->n == c->fail_at)
        return bmd_error_set(err, BMD_EIO, "test sink refuses sample %d", c->n);
    if (c->stored && c->mismatch < 0 &&
        (c->n >= c->stored->n_samples || memcmp(s, &c->stored->samples[c->n], sizeof *s) != 0))
        c->mismatch = c->n;
    c->n++;
    return BMD_SUCCESS;
}

/* Fly m with plan both ways at interval dt_s and compare; returns the number of samples. */
static int compare_stream_with_stored(const bmd_missile *m, const bmd_plan *plan, double dt_s)
{
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = dt_s;
    bmd_trajectory stored = {0};
    bmd_flight_summary s1, s2;
    bmd_error err;
    assert_int_equal(bmd_trajectory_fly(&earth, m, plan, 40 * DEG, 40 * DEG, 0.0, &opt, &s1,
                                        &stored, &err), 0);
    sink_check c = {&stored, 0, -1, -1};
    assert_int_equal(bmd_trajectory_fly_stream(&earth, m, plan, 40 * DEG, 40 * DEG, 0.0, &opt,
                                               &s2, check_sink, &c, &err), 0);
    if (c.mismatch >= 0 || c.n != stored.n_samples)
        fail_msg("dt %g s: streamed %d samples, stored %d; first difference at sample %d", dt_s,
                 c.n, stored.n_samples, c.mismatch);
    assert_memory_equal(&s1, &s2, sizeof s1); /* the same summary */
    int n = stored.n_samples;
    bmd_trajectory_free(&stored);
    return n;
}

static void streamed_samples_are_the_stored_samples_bit_for_bit(void **state)
{
    (void)state;
    bmd_missile scud, mm3, tpd;
    vehicle_scud_b(&scud);
    vehicle_minuteman_3(&mm3);
    vehicle_taepodong_1(&tpd, 1.35);
    bmd_plan plan;
    bmd_plan_init(&plan);
    plan.azimuth_rad = 90 * DEG;
    plan.kick_rad = 5 * DEG;
    const double dts[] = {0.0, 0.01, 0.37, 1.0, 7.3};
    const bmd_missile *ms[] = {&scud, &mm3, &tpd};
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
        for (size_t k = 0; k < sizeof dts / sizeof *dts; k++)
            assert_true(compare_stream_with_stored(ms[i], &plan, dts[k]) > 2);
    /* the pitch program and a thrust cutoff */
    bmd_plan pitch;
    bmd_plan_init_for(&mm3, BMD_STEER_PITCH_PROGRAM, &pitch);
    pitch.cutoff_s = 120.0;
    assert_true(compare_stream_with_stored(&mm3, &pitch, 0.5) > 2);
}

static void a_sink_error_stops_the_flight_with_the_sinks_status_and_message(void **state)
{
    (void)state;
    bmd_missile m;
    vehicle_minuteman_3(&m);
    bmd_plan plan;
    bmd_plan_init(&plan);
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = 1.0;
    bmd_flight_summary s;
    bmd_error err;
    /* 0: the launch sample; 50: a regular sample sent from inside the integration */
    const int at[] = {0, 50};
    for (int i = 0; i < 2; i++) {
        sink_check c = {NULL, 0, -1, at[i]};
        int st = bmd_trajectory_fly_stream(&earth, &m, &plan, 40 * DEG, 40 * DEG, 0.0, &opt, &s,
                                           check_sink, &c, &err);
        assert_int_equal(st, BMD_EIO);
        assert_int_equal(c.n, at[i]); /* nothing after the refused sample */
        char want[64];
        snprintf(want, sizeof want, "test sink refuses sample %d", at[i]);
        if (strcmp(err.message, want) != 0)
            fail_msg("message '%s', expected '%s'", err.message, want);
    }
    assert_int_equal(bmd_trajectory_fly_stream(&earth, &m, &plan, 40 * DEG, 40 * DEG, 0.0, &opt,
                                               &s, NULL, NULL, &err), BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(streamed_samples_are_the_stored_samples_bit_for_bit),
        cmocka_unit_test(a_sink_error_stops_the_flight_with_the_sinks_status_and_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
