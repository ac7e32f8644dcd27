/* Output of the flight commands: summary rows and the CSV time series. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/earth.h"
#include "common.h"
#include "flight_out.h"

static const char *phase_name(int phase)
{
    switch (phase) {
    case BMD_PHASE_BOOST: return "boost";
    case BMD_PHASE_COAST_STAGE: return "coast";
    case BMD_PHASE_FREE: return "free";
    default: return "reentry";
    }
}

void cli_record_flight(cli_record *rec, const bmd_flight_summary *s)
{
    const bmd_flight_events *ev = &s->events;
    cli_record_number(rec, "range_km", "ground range", s->ground_range_m / 1e3, "km", 1);
    cli_record_number(rec, "ground_range_km", "ground range (geodesic)", s->ground_range_m / 1e3,
                      "km", 3);
    cli_record_number(rec, "apogee_km", "apogee altitude", s->apogee_altitude_m / 1e3, "km", 1);
    cli_record_number(rec, "flight_time_s", "flight time", s->flight_time_s, "s", 1);
    cli_record_number(rec, "burnout_time_s", "burnout time", ev->burnout_s, "s", 1);
    cli_record_number(rec, "burnout_speed_km_s", "burnout speed (Earth-relative)",
                      s->burnout_speed_m_s / 1e3, "km/s", 4);
    cli_record_number(rec, "burnout_angle_deg", "burnout flight-path angle",
                      bmd_rad_to_deg(s->burnout_flight_path_rad), "deg", 3);
    cli_record_number(rec, "burnout_altitude_km", "burnout altitude", s->burnout_altitude_m / 1e3,
                      "km", 1);
    cli_record_number(rec, "reentry_speed_km_s", "speed at 100 km on reentry",
                      s->reentry_speed_m_s / 1e3, "km/s", 4);
    cli_record_number(rec, "impact_speed_km_s", "impact speed", s->impact_speed_m_s / 1e3,
                      "km/s", 4);
    cli_record_number(rec, "impact_lat", "impact latitude", bmd_rad_to_deg(s->impact_lat_rad),
                      "deg", 4);
    cli_record_number(rec, "impact_lon", "impact longitude", bmd_rad_to_deg(s->impact_lon_rad),
                      "deg", 4);
    cli_record_bool(rec, "impacted", "came down", s->impacted);
    if (s->impacted)
        cli_record_text(rec, "impact_phase",
                        s->impact_phase == BMD_PHASE_REENTRY ? "came down in"
                                                             : "came down before burnout, in",
                        phase_name(s->impact_phase));
}

void cli_record_plan(cli_record *rec, const bmd_plan *p)
{
    int pitch = p->steering == BMD_STEER_PITCH_PROGRAM;
    cli_record_text(rec, "steering", "steering", pitch ? "pitch-program" : "gravity-turn");
    cli_record_number(rec, "azimuth_deg", "launch azimuth", bmd_rad_to_deg(p->azimuth_rad), "deg",
                      3);
    cli_record_number(rec, "vertical_rise_s", "vertical rise", p->vertical_rise_s, "s", 1);
    if (pitch) {
        cli_record_number(rec, "pitch_final_deg", "final pitch (above horizontal)",
                          bmd_rad_to_deg(p->pitch_final_rad), "deg", 3);
        cli_record_number(rec, "pitch_end_s", "end of pitch-over", p->pitch_end_s, "s", 1);
    } else {
        cli_record_number(rec, "kick_deg", "kick from vertical", bmd_rad_to_deg(p->kick_rad), "deg",
                          3);
    }
    cli_record_number(rec, "cutoff_s", "thrust cutoff (0: burn to depletion)", p->cutoff_s, "s", 1);
}

int cli_series_rows_check(const cli_args *a, double flight_time_s, double dt_s)
{
    const double rows = flight_time_s / dt_s + 2.0;
    if (rows <= CLI_MAX_SERIES_ROWS)
        return CLI_OK;
    cli_complain(a->command, "--interval: %g s gives %.3g rows over the %.0f s flight; at most "
                 "%.0f rows (use an interval of at least %.3g s)", dt_s, rows, flight_time_s,
                 CLI_MAX_SERIES_ROWS, flight_time_s / (CLI_MAX_SERIES_ROWS - 2.0));
    return CLI_USAGE;
}

static const char csv_header[] =
    "t_s,lat_deg,lon_deg,altitude_km,speed_km_s,flight_path_deg,heading_deg,mass_kg,mach,"
    "dynamic_pressure_kpa,phase,stage\n";

/* One row of the CSV time series. */
static void csv_row(FILE *f, const bmd_sample *x)
{
    fprintf(f, "%.3f,%.6f,%.6f,%.4f,%.5f,%.4f,%.4f,%.2f,%.4f,%.4f,%s,%d\n", x->t_s,
            bmd_rad_to_deg(x->lat_rad), bmd_rad_to_deg(x->lon_rad), x->altitude_m / 1e3,
            x->speed_m_s / 1e3, bmd_rad_to_deg(x->flight_path_rad), bmd_rad_to_deg(x->heading_rad),
            x->mass_kg, x->mach, x->dynamic_pressure_pa / 1e3, phase_name(x->phase),
            x->stage + 1);
}

int cli_csv_write(FILE *f, void *trajectory, bmd_error *err)
{
    (void)err;
    const bmd_trajectory *traj = trajectory;
    fputs(csv_header, f);
    for (int i = 0; i < traj->n_samples; i++)
        csv_row(f, &traj->samples[i]);
    return BMD_SUCCESS; /* write errors: the stream's error flag, checked by the output set */
}

/* The sink of the streamed series: one row, straight into the output's temporary file. A write
 * error (disk full) stops the flight at once; its errno is kept for the output module's message
 * ("No space left on device"). */
static int csv_sink(const bmd_sample *sample, void *flight, bmd_error *err)
{
    cli_csv_flight *c = flight;
    csv_row(c->out, sample);
    if (ferror(c->out)) {
        c->write_errno = errno ? errno : EIO;
        return bmd_error_set(err, BMD_EIO, "write error: %s", strerror(c->write_errno));
    }
    return BMD_SUCCESS;
}

int cli_csv_stream_write(FILE *f, void *flight, bmd_error *err)
{
    cli_csv_flight *c = flight;
    c->out = f;
    c->write_errno = 0;
    fputs(csv_header, f);
    int st = bmd_trajectory_fly_stream(c->earth, c->missile, c->plan, c->lat_rad, c->lon_rad,
                                       c->height_m, c->opt, &c->summary, csv_sink, c, err);
    if (c->write_errno) { /* the stream's error flag is set: the output module says why */
        errno = c->write_errno;
        return BMD_SUCCESS;
    }
    return st;
}

int cli_write_csv(const char *command, const char *path, const bmd_trajectory *traj)
{
    bmd_error err = {0};
    int st = bmd_atomic_write(path, cli_csv_write, (void *)traj, &err);
    return st ? cli_library_failure(command, st, &err) : CLI_OK;
}
