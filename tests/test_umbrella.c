/* Tests of bmd/bmd.h: the umbrella header compiles on its own (every public header together, no
 * clashes) and a program using it links against libbmd. tests/check_umbrella.sh checks that it
 * lists every header of include/bmd/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/bmd.h"

/* The version string of the linked library is not empty. */
static void the_umbrella_header_gives_a_non_empty_version(void **state)
{
    (void)state;
    const char *v = bmd_version();
    assert_non_null(v);
    assert_true(strlen(v) > 0);
}

/* A type and a status of two different layers are both visible through the umbrella. */
static void the_umbrella_header_reaches_every_layer(void **state)
{
    (void)state;
    bmd_error err;
    assert_int_equal(bmd_catalog_find_missile(NULL, "x", NULL, &err), BMD_EINVAL);
    assert_true(strlen(err.message) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_umbrella_header_gives_a_non_empty_version),
        cmocka_unit_test(the_umbrella_header_reaches_every_layer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
