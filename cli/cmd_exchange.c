/* bmdsim exchange — offence-defence exchange arithmetic: leakage and interceptor use for a salvo
 * or shoot-look-shoot defence against warheads and decoys, and what a required probability of
 * no leakage takes (src/defense/exchange.c; model in docs/physics.md). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/exchange.h"
#include "cli.h"
#include "common.h"

static const cli_option options[] = {
    {"warheads", "N", "number of warheads (required)"},
    {"decoys", "M", "number of decoys that look like warheads (default 0)"},
    {"sspk", "P", "single-shot kill probability of one interceptor, in [0, 1] (required)"},
    {"shots", "K", "interceptors per target per engagement opportunity (required)"},
    {"doctrine", "NAME", "salvo (default) or sls (shoot-look-shoot)"},
    {"looks", "L", "sls: looks between opportunities, L + 1 opportunities (default 1)"},
    {"kill-assessment", "A", "sls: probability a look reports the right state, in [0, 1] "
                             "(default 1)"},
    {"discrimination", "Q", "probability a decoy is recognised and ignored, in [0, 1] "
                            "(default 0)"},
    {"inventory", "I", "interceptors available (default unlimited)"},
    {"required", "P", "also report what reaches this probability of no leakage, in [0, 1]"},
    {"json", NULL, "print one JSON object instead of a table"},
};

static const char usage[] =
    "--warheads N [--decoys M] --sspk P --shots K [--doctrine salvo|sls] [--looks L] "
    "[--kill-assessment A] [--discrimination Q] [--inventory I] [--required P] [--json]";

/* The text given for option name, or NULL. */
static const char *option_text(const cli_args *a, const char *name)
{
    for (int i = 0; i < a->n_options; i++)
        if (strcmp(a->options[i].name, name) == 0)
            return a->value[i];
    return NULL;
}

/* Parse the text of option name as a finite number; absent: fallback. what names the kind of
 * value expected, for the message. */
static int read_number(const cli_args *a, const char *name, double fallback, const char *what,
                       double *out)
{
    const char *text = option_text(a, name);
    if (!text) {
        *out = fallback;
        return CLI_OK;
    }
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v)) {
        cli_complain(a->command, "--%s: '%s' is not a number (expected %s)", name, text, what);
        return CLI_USAGE;
    }
    *out = v;
    return CLI_OK;
}

/* Read option name as a probability in [0, 1]; absent: fallback. */
static int read_probability(const cli_args *a, const char *name, double fallback, double *out)
{
    double v;
    if (!option_text(a, name)) {
        *out = fallback;
        return CLI_OK;
    }
    if (read_number(a, name, fallback, "a probability in [0, 1]", &v))
        return CLI_USAGE;
    if (!(v >= 0.0 && v <= 1.0)) {
        cli_complain(a->command, "--%s: %s is not a probability (allowed [0, 1])", name,
                     option_text(a, name));
        return CLI_USAGE;
    }
    *out = v;
    return CLI_OK;
}

/* Read option name as a whole number in [lo, hi]; absent: fallback. */
static int read_count(const cli_args *a, const char *name, long fallback, long lo, long hi,
                      long *out)
{
    char what[64];
    snprintf(what, sizeof what, "a whole number in [%ld, %ld]", lo, hi);
    double v;
    if (read_number(a, name, (double)fallback, what, &v))
        return CLI_USAGE;
    if (v < (double)lo || v > (double)hi || v != floor(v)) {
        cli_complain(a->command, "--%s: %s is %s (expected %s)", name, option_text(a, name),
                     v < 0 ? "negative" : v != floor(v) ? "not a whole number" : "out of range",
                     what);
        return CLI_USAGE;
    }
    *out = (long)v;
    return CLI_OK;
}

/* Fill params from the options; CLI_USAGE after one line on stderr. */
static int params_from_args(const cli_args *a, bmd_exchange_params *p)
{
    static const char *const required[] = {"warheads", "sspk", "shots"};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (!cli_has(a, required[i]))
            return cli_require(a, required[i], "(see 'bmdsim exchange --help')");
    bmd_exchange_params_init(p);
    const char *doctrine = option_text(a, "doctrine");
    if (doctrine) {
        bmd_error err;
        if (bmd_exchange_doctrine_parse(doctrine, &p->doctrine, &err)) {
            cli_complain(a->command, "--doctrine: %s", err.message);
            return CLI_USAGE;
        }
    }
    int sls = p->doctrine == BMD_EXCHANGE_SLS;
    if (!sls && (cli_has(a, "looks") || cli_has(a, "kill-assessment"))) {
        cli_complain(a->command, "--%s needs --doctrine sls (a salvo has no look)",
                     cli_has(a, "looks") ? "looks" : "kill-assessment");
        return CLI_USAGE;
    }
    long inventory = BMD_EXCHANGE_UNLIMITED;
    if (read_count(a, "warheads", 0, 0, BMD_EXCHANGE_MAX_OBJECTS, &p->warheads) ||
        read_count(a, "decoys", 0, 0, BMD_EXCHANGE_MAX_OBJECTS, &p->decoys) ||
        read_probability(a, "sspk", 0, &p->sspk) ||
        read_count(a, "shots", 1, 0, BMD_EXCHANGE_MAX_SHOTS, &p->shots) ||
        (sls && read_count(a, "looks", 1, 1, BMD_EXCHANGE_MAX_LOOKS, &p->looks)) ||
        read_probability(a, "kill-assessment", 1, &p->kill_assessment) ||
        read_probability(a, "discrimination", 0, &p->discrimination) ||
        (cli_has(a, "inventory") &&
         read_count(a, "inventory", 0, 0, 1000000000000L, &inventory)))
        return CLI_USAGE;
    if (p->warheads + p->decoys > BMD_EXCHANGE_MAX_OBJECTS) {
        cli_complain(a->command, "--warheads + --decoys = %ld is out of range (at most %ld "
                     "objects)", p->warheads + p->decoys, BMD_EXCHANGE_MAX_OBJECTS);
        return CLI_USAGE;
    }
    p->inventory = inventory;
    return CLI_OK;
}

/* A count row, or text when the count is absent (negative). */
static void record_count(cli_record *rec, const char *key, const char *label, long value,
                         const char *absent)
{
    if (value < 0)
        cli_record_text(rec, key, label, absent);
    else
        cli_record_number(rec, key, label, (double)value, "", 0);
}

int cli_cmd_exchange(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "exchange", usage, options, (int)(sizeof options / sizeof *options),
                       argc, argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    bmd_exchange_params p;
    double p_required = NAN;
    if ((st = params_from_args(&a, &p)) || (st = read_probability(&a, "required", NAN,
                                                                  &p_required)))
        return st;

    bmd_error err;
    bmd_exchange_result r;
    if ((st = bmd_exchange_evaluate(&p, &r, &err)))
        return cli_library_failure(a.command, st, &err);
    bmd_exchange_requirement req;
    int has_req = cli_has(&a, "required");
    if (has_req && (st = bmd_exchange_requirement_for(&p, p_required, &req, &err)))
        return cli_library_failure(a.command, st, &err);

    cli_record rec = {.title = "Exchange (independent shots; docs/physics.md, Exchange arithmetic)"};
    cli_record_text(&rec, "model", "model", "exchange");
    cli_record_text(&rec, "doctrine", "doctrine", bmd_exchange_doctrine_name(p.doctrine));
    cli_record_number(&rec, "warheads", "warheads", (double)p.warheads, "", 0);
    cli_record_number(&rec, "decoys", "decoys", (double)p.decoys, "", 0);
    cli_record_number(&rec, "sspk", "single-shot kill probability", p.sspk, "", 6);
    cli_record_number(&rec, "shots", "interceptors per target per opportunity", (double)p.shots,
                      "", 0);
    cli_record_number(&rec, "opportunities", "engagement opportunities", (double)(p.looks + 1),
                      "", 0);
    cli_record_number(&rec, "kill_assessment", "kill-assessment probability", p.kill_assessment,
                      "", 6);
    cli_record_number(&rec, "discrimination", "decoy discrimination probability",
                      p.discrimination, "", 6);
    record_count(&rec, "inventory", "interceptor inventory", p.inventory, "unlimited");
    cli_record_number(&rec, "kill_probability", "kill probability per fully armed warhead",
                      r.kill_probability, "", 6);
    cli_record_number(&rec, "p_no_leak", "probability that no warhead leaks", r.p_no_leak, "", 6);
    cli_record_number(&rec, "expected_leakers", "expected leaking warheads", r.expected_leakers,
                      "", 4);
    cli_record_number(&rec, "interceptors_used", "expected interceptors fired",
                      r.interceptors_used, "", 4);
    cli_record_number(&rec, "interceptors_max", "most interceptors fired", r.interceptors_max, "",
                      0);
    cli_record_number(&rec, "expected_candidates",
                      "expected objects to engage (warheads, undiscriminated decoys)",
                      r.expected_candidates, "", 4);
    cli_record_number(&rec, "expected_engaged", "expected objects given interceptors",
                      r.expected_engaged, "", 4);
    cli_record_number(&rec, "expected_unengaged", "expected objects left without interceptors",
                      r.expected_unengaged, "", 4);
    if (has_req) {
        cli_record_number(&rec, "required", "required probability of no leakage", p_required, "",
                          6);
        cli_record_number(&rec, "shots_needed", "shots per target needed (unlimited inventory)",
                          (double)req.shots_needed, "", 0);
        cli_record_number(&rec, "interceptors_needed", "inventory needed at those shots",
                          (double)req.inventory_needed, "", 0);
        record_count(&rec, "interceptors_needed_at_shots", "inventory needed at --shots",
                     req.inventory_needed_at_shots, "unreachable");
    }
    return cli_record_print(&rec, cli_has(&a, "json"), stdout);
}
