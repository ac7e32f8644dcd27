/* tests/svg_fixtures.h — helpers of the tests that render SVG (test_map.c, test_plot.c): count the
 * elements of a well-formed SVG document that match an XPath, and keep a rendering for viewing.
 * Include after <cmocka.h>. */
#ifndef BMD_TESTS_SVG_FIXTURES_H
#define BMD_TESTS_SVG_FIXTURES_H

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parse SVG text with libxml2 (it must be well formed: the test fails otherwise) and count the
 * elements matching xpath; the SVG namespace is bound to the prefix "s". */
static inline int svg_count(const char *text, const char *xpath)
{
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "test.svg", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
    assert_non_null(o);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

/* Keep a rendering as DIR/name when BMD_MAP_TEST_OUT=DIR is set, to look at it. */
static inline void keep(const char *name, const char *text)
{
    const char *dir = getenv("BMD_MAP_TEST_OUT");
    if (!dir)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

#endif
