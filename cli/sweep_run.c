/* One run of the swept command in-process (sweep.h): its standard output and error captured in
 * memory (the commands print with printf to stdout and complain on stderr), and the row of its
 * JSON the sweep reads. The commands keep no state between runs (checked: no static variables
 * in cli/ other than the signal handlers of an output set, which are restored when the set is
 * closed); the capture swaps the process' stdout, so runs are one after another. */
#define _GNU_SOURCE
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sweep.h"

int sweep_run_captured(const sweep_command *cmd, int argc, char **argv, sweep_output *o)
{
    memset(o, 0, sizeof *o);
    size_t n_out = 0, n_err = 0;
    FILE *mo = open_memstream(&o->out, &n_out);
    FILE *me = mo ? open_memstream(&o->err, &n_err) : NULL;
    if (!mo || !me) {
        if (mo)
            fclose(mo);
        free(o->out);
        o->out = NULL;
        return CLI_FAILED;
    }
    fflush(stdout);
    fflush(stderr);
    FILE *saved_out = stdout, *saved_err = stderr;
    stdout = mo;
    stderr = me;
    o->status = cmd->run(argc, argv);
    fflush(mo);
    if (ferror(mo) && o->status == CLI_OK)
        o->status = CLI_FAILED;
    stdout = saved_out;
    stderr = saved_err;
    fclose(mo);
    fclose(me);
    /* the last line of stderr without its newline, for messages */
    size_t len = o->err ? strlen(o->err) : 0;
    while (len > 0 && o->err[len - 1] == '\n')
        o->err[--len] = '\0';
    return CLI_OK;
}

void sweep_output_free(sweep_output *o)
{
    free(o->out);
    free(o->err);
    o->out = o->err = NULL;
}

/* Whether object row matches every KEY=VALUE of select (strings compared as text, numbers as
 * numbers). */
static int matches(const cJSON *row, const char *select)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", select);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        if (!eq)
            return 0;
        *eq = '\0';
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, tok);
        if (cJSON_IsString(v)) {
            if (strcmp(v->valuestring, eq + 1) != 0)
                return 0;
        } else if (cJSON_IsNumber(v)) {
            char *end;
            double want = strtod(eq + 1, &end);
            if (*end || v->valuedouble != want)
                return 0;
        } else {
            return 0;
        }
    }
    return 1;
}

int sweep_pick_row(const char *json, const char *select, cJSON **root, const cJSON **row,
                   char *msg, size_t n)
{
    *row = NULL;
    *root = cJSON_Parse(json ? json : "");
    if (!*root) {
        snprintf(msg, n, "the command did not print JSON (does it take --json?)");
        return CLI_USAGE;
    }
    if (cJSON_IsObject(*root)) {
        *row = *root;
        return CLI_OK;
    }
    if (!cJSON_IsArray(*root) || cJSON_GetArraySize(*root) == 0) {
        snprintf(msg, n, "the command printed no result object");
        return CLI_USAGE;
    }
    int count = cJSON_GetArraySize(*root), found = 0;
    if (!select) {
        if (count == 1) {
            *row = cJSON_GetArrayItem(*root, 0);
            return cJSON_IsObject(*row) ? CLI_OK : CLI_USAGE;
        }
        const cJSON *first = cJSON_GetArrayItem(*root, 0);
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(first, "threat");
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(first, "site");
        if (cJSON_IsString(t) && cJSON_IsString(s))
            snprintf(msg, n, "the command prints %d rows: choose one with --pair THREAT:SITE "
                     "(e.g. --pair '%s:%s') or --row KEY=VALUE", count, t->valuestring,
                     s->valuestring);
        else
            snprintf(msg, n, "the command prints %d rows: choose one with --row KEY=VALUE[,...]",
                     count);
        return CLI_USAGE;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, *root)
    {
        if (cJSON_IsObject(it) && matches(it, select)) {
            if (!*row)
                *row = it;
            found++;
        }
    }
    if (found == 1)
        return CLI_OK;
    *row = NULL;
    if (found)
        snprintf(msg, n, "--row/--pair '%s' matches %d of the %d rows (it must match one)",
                 select, found, count);
    else
        snprintf(msg, n, "--row/--pair '%s' matches none of the %d rows", select, count);
    return CLI_USAGE;
}
