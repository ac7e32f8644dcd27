/* Option parsing for the bmdsim commands: --name VALUE, --name=VALUE and switches, with one-line
 * errors naming the flag, the value and what is allowed. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_complain(const char *command, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "bmdsim %s: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int find_option(const cli_args *args, const char *name, size_t len)
{
    for (int i = 0; i < args->n_options; i++)
        if (strlen(args->options[i].name) == len && strncmp(args->options[i].name, name, len) == 0)
            return i;
    return -1;
}

static void print_help(const char *command, const char *usage, const cli_option *options,
                       int n_options)
{
    printf("usage: bmdsim %s %s\n\n%s options:\n", command, usage, command);
    for (int i = 0; i < n_options; i++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", options[i].name, options[i].metavar ? " " : "",
                 options[i].metavar ? options[i].metavar : "");
        printf("  %-24s %s\n", left, options[i].help);
    }
    printf("  %-24s %s\n", "--help", "show this help");
    cli_print_exit_statuses(stdout);
}

int cli_parse(cli_args *args, const char *command, const char *usage, const cli_option *options,
              int n_options, int argc, char **argv, int first)
{
    return cli_parse_positional(args, command, usage, options, n_options, argc, argv, first, NULL,
                                0, NULL);
}

int cli_parse_positional(cli_args *args, const char *command, const char *usage,
                         const cli_option *options, int n_options, int argc, char **argv, int first,
                         const char **positional, int max_positional, int *n_positional)
{
    int n_pos = 0;
    if (n_positional)
        *n_positional = 0;
    memset(args, 0, sizeof *args);
    args->command = command;
    args->options = options;
    args->n_options = n_options < CLI_MAX_OPTIONS ? n_options : CLI_MAX_OPTIONS;
    args->argc = argc;
    args->argv = argv;
    args->first = first;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            print_help(command, usage, options, args->n_options);
            return -1;
        }
        if (strncmp(a, "--", 2) != 0) {
            if (n_pos < max_positional) {
                positional[n_pos++] = a;
                *n_positional = n_pos;
                continue;
            }
            cli_complain(command, "unexpected argument '%s' (options start with --; see "
                         "'bmdsim %s --help')", a, command);
            return CLI_USAGE;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        int k = find_option(args, name, len);
        if (k < 0) {
            cli_complain(command, "unknown option '--%.*s' (see 'bmdsim %s --help')", (int)len,
                         name, command);
            return CLI_USAGE;
        }
        if (args->value[k] && !options[k].repeatable) {
            cli_complain(command, "option '--%s' given twice", options[k].name);
            return CLI_USAGE;
        }
        if (!options[k].metavar) {
            if (eq) {
                cli_complain(command, "option '--%s' takes no value (got '%s')",
                             options[k].name, eq + 1);
                return CLI_USAGE;
            }
            args->value[k] = "";
        } else if (eq) {
            if (!args->value[k])
                args->value[k] = eq + 1;
        } else if (i + 1 < argc) {
            ++i;
            if (!args->value[k])
                args->value[k] = argv[i];
        } else {
            cli_complain(command, "option '--%s' needs a value %s", options[k].name,
                         options[k].metavar);
            return CLI_USAGE;
        }
        /* folders: catalogue and data paths are built inside them in fixed-size buffers */
        if (options[k].metavar && strcmp(options[k].metavar, "DIR") == 0 && args->value[k] &&
            strlen(args->value[k]) > CLI_DIR_MAX) {
            cli_complain(command, "--%s: the folder path is %zu bytes long; at most %d allowed",
                         options[k].name, strlen(args->value[k]), CLI_DIR_MAX);
            return CLI_USAGE;
        }
    }
    const char *env = getenv("BMD_DATA_DIR");
    if (env && strlen(env) > CLI_DIR_MAX) {
        cli_complain(command, "BMD_DATA_DIR: the folder path is %zu bytes long; at most %d "
                     "allowed", strlen(env), CLI_DIR_MAX);
        return CLI_USAGE;
    }
    return CLI_OK;
}

static const char *value_of(const cli_args *args, const char *name)
{
    int k = find_option(args, name, strlen(name));
    return k < 0 ? NULL : args->value[k];
}

int cli_has(const cli_args *args, const char *name) { return value_of(args, name) != NULL; }

const char *cli_text(const cli_args *args, const char *name) { return value_of(args, name); }

int cli_all(const cli_args *args, const char *name, const char **out, int max)
{
    size_t len = strlen(name);
    int n = 0;
    for (int i = args->first; i < args->argc; i++) {
        const char *a = args->argv[i];
        if (strncmp(a, "--", 2) != 0) /* a value (or a positional argument): skip */
            continue;
        const char *eq = strchr(a + 2, '=');
        size_t alen = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        int k = find_option(args, a + 2, alen);
        int has_value = k >= 0 && args->options[k].metavar && !eq;
        if (alen == len && strncmp(a + 2, name, len) == 0) {
            const char *v = eq ? eq + 1 : (i + 1 < args->argc ? args->argv[i + 1] : NULL);
            if (v && n < max)
                out[n] = v;
            if (v)
                n++;
        }
        if (has_value)
            i++; /* skip the option's value */
    }
    return n;
}

int cli_require(const cli_args *args, const char *name, const char *why)
{
    cli_complain(args->command, "option '--%s' is required %s", name, why);
    return CLI_USAGE;
}

int cli_number(const cli_args *args, const char *name, double fallback, double lo, int lo_open,
               double hi, int hi_open, const char *unit, double *out)
{
    const char *text = value_of(args, name);
    if (!text) {
        *out = fallback;
        return CLI_OK;
    }
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v)) {
        cli_complain(args->command, "--%s: '%s' is not a number (expected a value in %s%g, %g%s %s)",
                     name, text, lo_open ? "(" : "[", lo, hi, hi_open ? ")" : "]", unit);
        return CLI_USAGE;
    }
    int below = lo_open ? !(v > lo) : !(v >= lo);
    int above = hi_open ? !(v < hi) : !(v <= hi);
    if (below || above) {
        cli_complain(args->command, "--%s: %s %s is outside the allowed range %s%g, %g%s %s", name,
                     text, unit, lo_open ? "(" : "[", lo, hi, hi_open ? ")" : "]", unit);
        return CLI_USAGE;
    }
    *out = v;
    return CLI_OK;
}
