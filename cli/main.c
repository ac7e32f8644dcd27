/* bmdsim — the command line: dispatch to one command per analysis. */
#include <stdio.h>
#include <string.h>

#include "bmd/version.h"
#include "cli.h"
#include "units_cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"kepler", cli_cmd_kepler, "analytic free flight: range, apogee, time; minimum-energy trajectory"},
    {"loft", cli_cmd_loft, "range inferred from a lofted test (Kepler, or --full: a fitted missile)"},
    {"trajectory", cli_cmd_trajectory, "fly a missile: max range, lofted, aimed at a target; CSV series"},
    {"range", cli_cmd_range, "maximum range versus payload"},
    {"catalog", cli_cmd_catalog, "the vehicle catalogue: list, or one vehicle with every source"},
    {"exchange", cli_cmd_exchange, "exchange arithmetic: leakers and interceptors (salvo, SLS)"},
    {"sensor", cli_cmd_sensor, "a catalogue radar at a site: horizon, detection range, reach"},
    {"engage", cli_cmd_engage, "one threat against one defence site: window, shots, required speed"},
    {"scenario", cli_cmd_scenario, "scenario files: 'scenario check FILE' validates and summarises"},
    {"check", cli_cmd_scenario, "short for 'scenario check FILE'"},
    {"report", cli_cmd_report, "a scenario's analysis as one HTML page, with GeoJSON and KML"},
    {"footprint", cli_cmd_footprint, "defended-area, launch-area and exposure maps of a scenario"},
    {"map", cli_cmd_map, "draw a map (SVG) of a region with sites: land, borders, scale"},
    {"robust", cli_cmd_robust, "how robust is each verdict: thresholds, tornado, labels"},
    {"sweep", cli_cmd_sweep, "vary one or two parameters over a grid: CSV, JSON, line or contour plot"},
    {"compare", cli_cmd_compare, "scenarios (phases) side by side: which routes each can engage"},
    {"places", cli_cmd_places, "the gazetteer: place names accepted wherever LAT,LON is"},
};

int (*cli_command_find(const char *name))(int argc, char **argv)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run;
    return NULL;
}

static void print_usage(FILE *out)
{
    fprintf(out, "usage: bmdsim COMMAND [OPTIONS]   (bmdsim COMMAND --help for its options)\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "  %-10s %s\n", "version", "print the version");
    fprintf(out, "\nUnits: km, km/s, degrees and seconds on the command line; SI inside.\n"
                 "  --units metric|imperial|nautical (any command): tables in km, km/s, m (metric,\n"
                 "  the default), mi, mi/s, ft (imperial) or nmi, kn, ft (nautical); JSON is\n"
                 "  always SI with the unit in the key.\n");
    cli_print_exit_statuses(out);
}

/* The command's status, or 1 when standard output could not be written (a full disk, a closed
 * pipe): buffered output is flushed here, so a lost table is never a success. */
static int finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "bmdsim: cannot write the standard output\n");
        return status == CLI_OK ? CLI_FAILED : status;
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_usage(argc < 2 ? stderr : stdout);
        return finish(argc < 2 ? CLI_USAGE : CLI_OK);
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("bmdsim %s\n", bmd_version());
        return finish(CLI_OK);
    }
    /* --units metric|imperial|nautical: every command's tables (units_cli.h); JSON stays SI */
    const char *units_text = NULL;
    cli_units units = CLI_UNITS_METRIC;
    if (cli_units_strip(&argc, argv, 2, &units_text) ||
        (units_text && cli_units_parse(units_text, &units))) {
        fprintf(stderr, "bmdsim: --units: '%s' is not metric, imperial or nautical\n",
                units_text ? units_text : "");
        return CLI_USAGE;
    }
    cli_units_set(units);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return finish(commands[i].run(argc, argv));
    fprintf(stderr, "bmdsim: unknown command '%s' (commands: ", argv[1]);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(stderr, "%s%s", i ? ", " : "", commands[i].name);
    fprintf(stderr, ", version)\n");
    return CLI_USAGE;
}
