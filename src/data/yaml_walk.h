/* data/yaml_walk.h — small helpers for walking a libyaml document with errors that name the file,
 * line, column and field path: "FILE:LINE:COL: field 'stages[0].burn_time_s': ...". Internal. */
#ifndef BMD_IO_YAML_WALK_H
#define BMD_IO_YAML_WALK_H

#include <stddef.h>
#include <yaml.h>

#include "bmd/error.h"

/* The walk: which file and document, and where errors go. */
typedef struct yw_ctx {
    const char *path;
    yaml_document_t *doc;
    bmd_error *err;
} yw_ctx;

/* Limits of a YAML file (scenarios and catalogue entries are a few kB, nested < 10 deep). */
#define YW_MAX_BYTES (16 << 20)
#define YW_MAX_DEPTH 64
#define YW_MAX_NODES 1000000

/* Parse the file at path into doc. BMD_EIO when it cannot be opened, BMD_EPARSE for a YAML syntax
 * error (with its line and column), a file larger than YW_MAX_BYTES, nesting deeper than
 * YW_MAX_DEPTH or more than YW_MAX_NODES nodes. On success the caller must
 * yaml_document_delete(doc). */
int bmd_yw_load_file(const char *path, yaml_document_t *doc, bmd_error *err);

/* Record an error at node's position: "PATH:LINE:COL: " then the formatted message. */
int bmd_yw_fail(const yw_ctx *c, const yaml_node_t *node, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* 1-based line of a node (0 for NULL). */
int bmd_yw_line(const yaml_node_t *node);

/* The node with the given index (NULL when out of range). */
yaml_node_t *bmd_yw_node(const yw_ctx *c, int index);

/* A short name of a node's kind for messages: "a mapping", "a list", "text". */
const char *bmd_yw_kind_name(const yaml_node_t *node);

/* Scalar text of a node, or NULL when it is not a scalar. */
const char *bmd_yw_text(const yaml_node_t *node);

/* Require node to be a mapping (or a sequence) called field; else EINVAL. */
int bmd_yw_expect_mapping(const yw_ctx *c, const yaml_node_t *node, const char *field);
int bmd_yw_expect_sequence(const yw_ctx *c, const yaml_node_t *node, const char *field);

/* Check that every key of mapping node is in known[0..n_known-1] and none is repeated; names the
 * unknown key with the closest known one. prefix is the field path of the mapping ("" at the top,
 * "stages[0]", ...). */
int bmd_yw_check_keys(const yw_ctx *c, const yaml_node_t *map, const char *prefix,
                  const char *const *known, int n_known);

/* The value node under key in mapping map, or NULL. */
yaml_node_t *bmd_yw_get(const yw_ctx *c, const yaml_node_t *map, const char *key);

/* Read a number from a plain (unquoted) scalar: decimal, finite, nothing else. field names it in
 * errors. */
int bmd_yw_number(const yw_ctx *c, const yaml_node_t *node, const char *field, double *out);

/* Read text from a scalar into buf (size n, NUL-terminated); too long or not a scalar: EINVAL. */
int bmd_yw_string(const yw_ctx *c, const yaml_node_t *node, const char *field, char *buf, size_t n);

/* Read true/false. */
int bmd_yw_bool(const yw_ctx *c, const yaml_node_t *node, const char *field, int *out);

/* Strict decimal number from text (the whole text; finite); 0 on success, -1 otherwise. */
int bmd_yw_parse_number(const char *text, double *out);

/* Case-insensitive Levenshtein distance between a and b (each at most 63 characters counted). */
int bmd_yw_edit_distance(const char *a, const char *b);

#endif
