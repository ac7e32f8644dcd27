/* examples/trajectory.c — fly a catalogue missile with its standard plan and print what analysts
 * quote. Builds against the installed library:
 *   cc trajectory.c $(pkg-config --cflags --libs bmd) -o trajectory
 *   ./trajectory [MISSILE]            (default scud-b; catalogue: $BMD_DATA_DIR or the installed data) */
#include <stdio.h>

#include <bmd/catalog.h>
#include <bmd/earth.h>
#include <bmd/trajectory.h>
#include <bmd/version.h>

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "scud-b";
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/catalog/missiles", bmd_data_dir());

    bmd_error err;
    static bmd_catalog_missile entry; /* large: not on the stack */
    if (bmd_catalog_find_missile(dir, name, &entry, &err)) {
        fprintf(stderr, "trajectory: %s\n", err.message);
        return 1;
    }
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_plan plan;
    bmd_plan_init_for(&entry.missile, BMD_STEER_GRAVITY_TURN, &plan);
    plan.azimuth_rad = bmd_deg_to_rad(90.0);
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    bmd_flight_summary s;
    if (bmd_trajectory_fly(&earth, &entry.missile, &plan, bmd_deg_to_rad(35.0),
                           bmd_deg_to_rad(45.0), 0.0, &opt, &s, NULL, &err)) {
        fprintf(stderr, "trajectory: %s\n", err.message);
        return 1;
    }
    printf("libbmd %s (headers %s)\n", bmd_version(), BMD_VERSION_STRING);
    printf("%s, standard gravity turn due east from 35 N 45 E:\n", name);
    printf("  burnout   %.1f s at %.1f km, %.0f m/s\n", s.events.burnout_s,
           s.burnout_altitude_m / 1e3, s.burnout_speed_m_s);
    printf("  apogee    %.1f km\n", s.apogee_altitude_m / 1e3);
    printf("  range     %.1f km in %.1f s\n", s.ground_range_m / 1e3, s.flight_time_s);
    return s.impacted ? 0 : 1;
}
