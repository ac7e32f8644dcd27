/* cli/outputs.h — the output files of a command as one all-or-nothing set (bmd/atomic_file.h):
 * every path checked before any work, every file written to a temporary, all renamed only when
 * all were written. While a set is open, SIGINT, SIGTERM and SIGHUP remove its temporaries, say
 * "interrupted: no output written" and end the process with status 128 + the signal (130 for
 * Ctrl-C); the commit itself runs with those signals blocked, so the folder holds either the
 * previous set or the complete new one. */
#ifndef BMD_CLI_OUTPUTS_H
#define BMD_CLI_OUTPUTS_H

#include <signal.h>

#include "bmd/atomic_file.h"

/* An open set of one command. */
typedef struct cli_outputs {
    const char *command;
    bmd_output_set *set;
    int handlers;  /* 1: this set's signal handlers are installed */
    int czml;      /* index of the CZML file cli_outputs_write_scene also writes (-1: none) */
    double epoch_unix_s; /* absolute time of launch in the time-stamped exports (KML gx:Track,
                            CZML); cli_outputs_open sets BMD_EPOCH_DEFAULT_UNIX_S */
} cli_outputs;

/* Open an empty set for command. handlers: 1 to install the signal handlers above (0 for a
 * command that handles its signals itself and checks a flag before cli_outputs_commit). Returns
 * CLI_OK or CLI_FAILED (out of memory, said on stderr). */
int cli_outputs_open(cli_outputs *o, const char *command, int handlers);

/* Check path and add it to the set (flags as bmd_output_set_add); *index receives its index.
 * A NULL path adds nothing and sets *index to -1. Returns CLI_OK, or the exit status after one
 * line on stderr (2 for a path that is not a file name or a target that is not a regular file,
 * 1 for a folder that is missing or not writable). */
int cli_outputs_add(cli_outputs *o, const char *path, int flags, int *index);

/* Write file index (skipped when index is -1) with write(out, context, err), or the text. Returns
 * CLI_OK, or the exit status after one line on stderr (disk full: 1). */
int cli_outputs_write(cli_outputs *o, int index, bmd_write_fn write, void *context);
int cli_outputs_write_string(cli_outputs *o, int index, const char *text);

/* Write scene as GeoJSON to file geojson and as KML (default options plus the time-stamped
 * gx:Track folder at o->epoch_unix_s) to file kml (either -1 to skip), and as CZML to file o->czml
 * when that is not -1. Returns CLI_OK, or the exit status after one line on stderr. */
struct bmd_scene;
int cli_outputs_write_scene(cli_outputs *o, const struct bmd_scene *scene, int geojson, int kml);

/* --epoch TIME of the command (ISO 8601, bmd_time_parse_iso8601) into o->epoch_unix_s when given.
 * Returns CLI_OK, or CLI_USAGE after one line on stderr. */
struct cli_args;
int cli_outputs_epoch(cli_outputs *o, const struct cli_args *a);

/* Replace every target by its temporary (signals blocked meanwhile). Returns CLI_OK, or the exit
 * status after one line on stderr. */
int cli_outputs_commit(cli_outputs *o);

/* Remove what was not committed, free the set, and restore the signal handlers. */
void cli_outputs_close(cli_outputs *o);

#endif
