/* The output files of a command as one all-or-nothing set, with signal handlers that remove the
 * temporaries of an interrupted run (cli/outputs.h). */
#include "outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/czml.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/scene.h"
#include "common.h"

static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
#define N_SIGNALS ((int)(sizeof signals / sizeof *signals))

/* The set the handlers clean up, the line they print, and the handlers they replaced. The command
 * line runs one command per process, so one set at a time. */
static bmd_output_set *volatile active_set;
static char interrupted_line[128];
static size_t interrupted_len;
static struct sigaction previous[N_SIGNALS];

/* SIGINT/SIGTERM/SIGHUP while a set is open: remove its temporaries, say so, exit 128 + sig. */
static void on_signal(int sig)
{
    bmd_output_set_discard(active_set);
    ssize_t w = write(STDERR_FILENO, interrupted_line, interrupted_len);
    (void)w;
    _exit(128 + sig);
}

int cli_outputs_open(cli_outputs *o, const char *command, int handlers)
{
    memset(o, 0, sizeof *o);
    o->command = command;
    o->czml = -1;
    o->epoch_unix_s = BMD_EPOCH_DEFAULT_UNIX_S;
    bmd_error err = {0};
    if (bmd_output_set_new(&o->set, &err))
        return cli_library_failure(command, err.status, &err);
    if (!handlers)
        return CLI_OK;
    int n = snprintf(interrupted_line, sizeof interrupted_line,
                     "bmdsim %s: interrupted: no output written\n", command);
    interrupted_len = n < 0 ? 0 : (size_t)n < sizeof interrupted_line
                                      ? (size_t)n : sizeof interrupted_line - 1;
    active_set = o->set;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < N_SIGNALS; i++)
        sigaddset(&sa.sa_mask, signals[i]);
    for (int i = 0; i < N_SIGNALS; i++)
        sigaction(signals[i], &sa, &previous[i]);
    o->handlers = 1;
    return CLI_OK;
}

int cli_outputs_add(cli_outputs *o, const char *path, int flags, int *index)
{
    *index = -1;
    if (!path)
        return CLI_OK;
    bmd_error err = {0};
    int st = bmd_output_set_add(o->set, path, flags, index, &err);
    return st ? cli_library_failure(o->command, st, &err) : CLI_OK;
}

int cli_outputs_write(cli_outputs *o, int index, bmd_write_fn write, void *context)
{
    if (index < 0)
        return CLI_OK;
    bmd_error err = {0};
    int st = bmd_output_set_write(o->set, index, write, context, &err);
    return st ? cli_library_failure(o->command, st, &err) : CLI_OK;
}

int cli_outputs_write_string(cli_outputs *o, int index, const char *text)
{
    if (index < 0)
        return CLI_OK;
    bmd_error err = {0};
    int st = bmd_output_set_write_string(o->set, index, text, &err);
    return st ? cli_library_failure(o->command, st, &err) : CLI_OK;
}

int cli_outputs_write_scene(cli_outputs *o, const bmd_scene *scene, int geojson, int kml)
{
    bmd_error err = {0};
    char *text = NULL;
    int st = CLI_OK, lib = BMD_SUCCESS;
    if (geojson >= 0 && !(lib = bmd_geojson_string(scene, &text, &err)))
        st = cli_outputs_write_string(o, geojson, text);
    free(text);
    text = NULL;
    bmd_kml_options ko;
    bmd_kml_options_init(&ko);
    ko.time_tracks = 1;
    ko.epoch_unix_s = o->epoch_unix_s;
    if (!st && !lib && kml >= 0 && !(lib = bmd_kml_string(scene, &ko, &text, &err)))
        st = cli_outputs_write_string(o, kml, text);
    free(text);
    text = NULL;
    bmd_czml_options co;
    bmd_czml_options_init(&co);
    co.epoch_unix_s = o->epoch_unix_s;
    if (!st && !lib && o->czml >= 0 && !(lib = bmd_czml_string(scene, &co, &text, &err)))
        st = cli_outputs_write_string(o, o->czml, text);
    free(text);
    return lib ? cli_library_failure(o->command, lib, &err) : st;
}

int cli_outputs_epoch(cli_outputs *o, const cli_args *a)
{
    const char *text = cli_text(a, "epoch");
    bmd_error err = {0};
    if (text && bmd_time_parse_iso8601(text, &o->epoch_unix_s, &err)) {
        cli_complain(a->command, "--epoch: %s", err.message);
        return CLI_USAGE;
    }
    return CLI_OK;
}

int cli_outputs_commit(cli_outputs *o)
{
    sigset_t block, old;
    sigemptyset(&block);
    for (int i = 0; i < N_SIGNALS; i++)
        sigaddset(&block, signals[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    bmd_error err = {0};
    int st = bmd_output_set_commit(o->set, &err);
    if (!st && o->handlers) { /* complete: a signal pending now acts as it did before the set */
        for (int i = 0; i < N_SIGNALS; i++)
            sigaction(signals[i], &previous[i], NULL);
        active_set = NULL;
        o->handlers = 0;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return st ? cli_library_failure(o->command, st, &err) : CLI_OK;
}

void cli_outputs_close(cli_outputs *o)
{
    if (o->handlers) {
        for (int i = 0; i < N_SIGNALS; i++)
            sigaction(signals[i], &previous[i], NULL);
        active_set = NULL;
        o->handlers = 0;
    }
    bmd_output_set_free(o->set);
    o->set = NULL;
}
