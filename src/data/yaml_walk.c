/* Helpers for walking a libyaml document (see yaml_walk.h). */
#include "data/yaml_walk.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read the whole file f into a new buffer (*out, *n bytes); at most YW_MAX_BYTES. */
static int read_all(FILE *f, const char *path, unsigned char **out, size_t *n, bmd_error *err)
{
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        return bmd_error_set(err, BMD_ENOMEM, "%s: out of memory reading the file", path);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len > YW_MAX_BYTES) {
            free(buf);
            return bmd_error_set(err, BMD_EPARSE, "%s: larger than %d MiB; a scenario or "
                                 "catalogue file is far smaller (is it the right file?)", path,
                                 YW_MAX_BYTES >> 20);
        }
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return bmd_error_set(err, BMD_ENOMEM, "%s: out of memory reading the file", path);
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(buf);
        return bmd_error_set(err, BMD_EIO, "%s: read error: %s", path, strerror(errno));
    }
    *out = buf;
    *n = len;
    return BMD_SUCCESS;
}

/* libyaml's syntax error of parser as a status and message. */
static int syntax_error(const yaml_parser_t *parser, const char *path, bmd_error *err)
{
    const char *ctx = parser->context ? parser->context : "";
    return bmd_error_set(err, BMD_EPARSE, "%s:%lu:%lu: YAML syntax error: %s%s%s", path,
                         (unsigned long)parser->problem_mark.line + 1,
                         (unsigned long)parser->problem_mark.column + 1,
                         parser->problem ? parser->problem : "malformed input", *ctx ? " " : "",
                         ctx);
}

/* Walk the events of the first document and refuse nesting deeper than YW_MAX_DEPTH or more than
 * YW_MAX_NODES nodes (aliases counted), stopping at the first offence so that hostile input costs
 * little (libyaml's own load of deep nesting is quadratic). */
static int check_shape(const unsigned char *text, size_t n, const char *path, bmd_error *err)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return bmd_error_set(err, BMD_ENOMEM, "%s: cannot initialise the YAML parser", path);
    yaml_parser_set_input_string(&parser, text, n);
    int st = BMD_SUCCESS, depth = 0, done = 0;
    long nodes = 0;
    while (!st && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            st = syntax_error(&parser, path, err);
            break;
        }
        const unsigned long line = (unsigned long)ev.start_mark.line + 1;
        const unsigned long col = (unsigned long)ev.start_mark.column + 1;
        switch (ev.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (++depth > YW_MAX_DEPTH)
                st = bmd_error_set(err, BMD_EPARSE, "%s:%lu:%lu: lists and mappings nested more "
                                   "than %d deep; scenario and catalogue files need far fewer",
                                   path, line, col, YW_MAX_DEPTH);
            /* fall through */
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
            if (!st && ++nodes > YW_MAX_NODES)
                st = bmd_error_set(err, BMD_EPARSE, "%s:%lu:%lu: more than %d values (YAML "
                                   "nodes) in the file", path, line, col, YW_MAX_NODES);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return st;
}

/* Load the first document of a file; errors carry libyaml's problem and position. */
int bmd_yw_load_file(const char *path, yaml_document_t *doc, bmd_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "%s: cannot open catalogue file: %s", path,
                             strerror(errno));
    unsigned char *text = NULL;
    size_t n = 0;
    int st = read_all(f, path, &text, &n, err);
    fclose(f);
    if (st)
        return st;
    if ((st = check_shape(text, n, path, err))) {
        free(text);
        return st;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        free(text);
        return bmd_error_set(err, BMD_ENOMEM, "%s: cannot initialise the YAML parser", path);
    }
    yaml_parser_set_input_string(&parser, text, n);
    if (!yaml_parser_load(&parser, doc))
        st = syntax_error(&parser, path, err);
    yaml_parser_delete(&parser);
    free(text);
    return st;
}

int bmd_yw_fail(const yw_ctx *c, const yaml_node_t *node, int status, const char *fmt, ...)
{
    if (!c->err)
        return status;
    char msg[BMD_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned long line = node ? (unsigned long)node->start_mark.line + 1 : 1;
    unsigned long col = node ? (unsigned long)node->start_mark.column + 1 : 1;
    return bmd_error_set(c->err, status, "%s:%lu:%lu: %s", c->path, line, col, msg);
}

int bmd_yw_line(const yaml_node_t *node) { return node ? (int)node->start_mark.line + 1 : 0; }

yaml_node_t *bmd_yw_node(const yw_ctx *c, int index) { return yaml_document_get_node(c->doc, index); }

const char *bmd_yw_kind_name(const yaml_node_t *node)
{
    if (!node)
        return "nothing";
    switch (node->type) {
    case YAML_MAPPING_NODE: return "a mapping";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_SCALAR_NODE: return "text";
    default: return "nothing";
    }
}

const char *bmd_yw_text(const yaml_node_t *node)
{
    return (node && node->type == YAML_SCALAR_NODE) ? (const char *)node->data.scalar.value : NULL;
}

int bmd_yw_expect_mapping(const yw_ctx *c, const yaml_node_t *node, const char *field)
{
    if (node && node->type == YAML_MAPPING_NODE)
        return BMD_SUCCESS;
    return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' must be a mapping (key: value lines), not %s",
                   field, bmd_yw_kind_name(node));
}

int bmd_yw_expect_sequence(const yw_ctx *c, const yaml_node_t *node, const char *field)
{
    if (node && node->type == YAML_SEQUENCE_NODE)
        return BMD_SUCCESS;
    return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' must be a list, not %s", field,
                   bmd_yw_kind_name(node));
}

int bmd_yw_edit_distance(const char *a, const char *b)
{
    enum { M = 64 };
    int la = (int)strlen(a), lb = (int)strlen(b);
    la = la < M - 1 ? la : M - 1;
    lb = lb < M - 1 ? lb : M - 1;
    int prev[M], cur[M];
    for (int j = 0; j <= lb; j++)
        prev[j] = j;
    for (int i = 1; i <= la; i++) {
        cur[0] = i;
        for (int j = 1; j <= lb; j++) {
            int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            int best = prev[j - 1] + !same;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, sizeof(int) * (size_t)(lb + 1));
    }
    return prev[lb];
}

/* Path of a child field: "prefix.key", or "key" at the top. */
static void child_path(char *buf, size_t n, const char *prefix, const char *key)
{
    snprintf(buf, n, "%s%s%s", prefix, *prefix ? "." : "", key);
}

int bmd_yw_check_keys(const yw_ctx *c, const yaml_node_t *map, const char *prefix,
                  const char *const *known, int n_known)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = bmd_yw_node(c, p->key);
        const char *k = bmd_yw_text(key);
        if (!k)
            return bmd_yw_fail(c, key, BMD_EINVAL, "a key under '%s' must be a plain name, not %s",
                           *prefix ? prefix : "the top level", bmd_yw_kind_name(key));
        char path[160];
        child_path(path, sizeof path, prefix, k);
        int found = 0, best = -1, best_d = 1 << 20;
        for (int i = 0; i < n_known; i++) {
            if (strcmp(k, known[i]) == 0)
                found = 1;
            int d = bmd_yw_edit_distance(k, known[i]);
            if (d < best_d) {
                best_d = d;
                best = i;
            }
        }
        if (!found) {
            if (best >= 0 && best_d <= 3)
                return bmd_yw_fail(c, key, BMD_EINVAL, "field '%s' is not known (did you mean '%s'?)",
                               path, known[best]);
            char list[256] = "";
            for (int i = 0; i < n_known; i++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", known[i]);
            }
            return bmd_yw_fail(c, key, BMD_EINVAL, "field '%s' is not known (allowed here: %s)", path,
                           list);
        }
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            const char *earlier = bmd_yw_text(bmd_yw_node(c, q->key));
            if (earlier && strcmp(earlier, k) == 0)
                return bmd_yw_fail(c, key, BMD_EINVAL, "field '%s' is given twice", path);
        }
    }
    return BMD_SUCCESS;
}

yaml_node_t *bmd_yw_get(const yw_ctx *c, const yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *k = bmd_yw_text(bmd_yw_node(c, p->key));
        if (k && strcmp(k, key) == 0)
            return bmd_yw_node(c, p->value);
    }
    return NULL;
}

int bmd_yw_parse_number(const char *text, double *out)
{
    if (!text || !*text)
        return -1;
    for (const char *s = text; *s; s++)
        if (!strchr("0123456789+-.eE", *s))
            return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int bmd_yw_number(const yw_ctx *c, const yaml_node_t *node, const char *field, double *out)
{
    const char *text = bmd_yw_text(node);
    if (!text)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' must be a number, not %s", field,
                       bmd_yw_kind_name(node));
    if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || bmd_yw_parse_number(text, out) != 0)
        return bmd_yw_fail(c, node, BMD_EINVAL,
                       "field '%s': value '%s' is not a number (write a plain decimal such as "
                       "1250 or 2.5e3, SI units)", field, text);
    return BMD_SUCCESS;
}

int bmd_yw_string(const yw_ctx *c, const yaml_node_t *node, const char *field, char *buf, size_t n)
{
    const char *text = bmd_yw_text(node);
    if (!text)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' must be text, not %s", field,
                       bmd_yw_kind_name(node));
    size_t len = strlen(text);
    if (len >= n)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' is %zu characters long; at most %zu allowed",
                       field, len, n - 1);
    memcpy(buf, text, len + 1);
    return BMD_SUCCESS;
}

int bmd_yw_bool(const yw_ctx *c, const yaml_node_t *node, const char *field, int *out)
{
    const char *text = bmd_yw_text(node);
    if (text && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        if (strcmp(text, "true") == 0) {
            *out = 1;
            return BMD_SUCCESS;
        }
        if (strcmp(text, "false") == 0) {
            *out = 0;
            return BMD_SUCCESS;
        }
    }
    return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s': value '%s' must be true or false", field,
                   text ? text : bmd_yw_kind_name(node));
}
