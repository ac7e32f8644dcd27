/* The published long-range lofted tests (bmdsim loft --test NAME), named target cities, and
 * flight times typed in seconds or minutes. Observations are the figures carried by news
 * agencies (mostly KCNA's, confirmed within a few per cent by the South Korean JCS and the
 * Japanese Ministry of Defense); published estimates with their sources; docs/validation.md
 * discusses them. Launch sites are the reported airfields, to about 0.1 deg. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loft_cli.h"

static const cli_loft_test tests[] = {
    {"hwasong-12-2017-05-14", "Hwasong-12, 14 May 2017", 2111.5, 787.0, 1800.0,
     "KCNA via Wright (UCS, May 2017): 2,111.5 km, 787 km, about 30 min", "Kusong", 40.00,
     125.20, "hwasong-12-class", 0, 4500.0, 0,
     "about 4,500 km (D. Wright, All Things Nuclear, UCS, May 2017)"},
    {"hwasong-14-2017-07-04", "Hwasong-14, 4 July 2017", 2802.0, 933.0, 2280.0,
     "Wright (UCS, 4 July 2017): 2,802 km, 933 km, 37 min; CSIS: 39 min (the middle of 37-39 "
     "min is used, +-1 min in the band)", "Panghyon", 39.93, 125.21, "hwasong-14-class", 0,
     6700.0, 0, "about 6,700 km (D. Wright, All Things Nuclear, UCS, 4 July 2017)"},
    {"hwasong-14-2017-07-28", "Hwasong-14, 28 July 2017", 3724.9, 998.0, 2832.0,
     "KCNA: 3,724.9 km, 998 km, 47 min 12 s", "Mupyong-ni", 40.61, 126.43, "hwasong-14-class", 0,
     10400.0, 0, "about 10,400 km (D. Wright, All Things Nuclear, UCS, 28 July 2017); "
     "CSIS: over 10,000 km"},
    {"hwasong-15-2017-11-29", "Hwasong-15, 29 November 2017", 4475.0, 950.0, 3180.0,
     "KCNA: 4,475 km, 950 km, 53 min", "Pyongsong", 39.28, 125.87, "hwasong-15-class", 0,
     13000.0, 1, "more than 13,000 km (D. Wright, All Things Nuclear, UCS, 28 November 2017)"},
    {"hwasong-17-2022-03-24", "Hwasong-17, 24 March 2022", 6248.5, 1090.0, 4052.0,
     "KCNA: 6,248.5 km, 1,090 km, 4,052 s (South Korean JCS: over 6,200 km, about 1,080 km)",
     "Sunan (Pyongyang)", 39.22, 125.67, "hwasong-15-class", 0, 15000.0, 1,
     "over 15,000 km depending on the warhead mass (Japanese Ministry of Defense, 2022)"},
    {"hwasong-17-2022-11-18", "Hwasong-17, 18 November 2022", 6040.9, 999.2, 4135.0,
     "KCNA: 6,040.9 km, 999.2 km, 4,135 s", "Sunan (Pyongyang)", 39.22, 125.67,
     "hwasong-15-class", 0, 15000.0, 1,
     "up to 15,000 km depending on the warhead mass (Japanese Ministry of Defense, 2022)"},
    {"hwasong-15-2023-02-18", "Hwasong-15, 18 February 2023", 5768.5, 989.0, 4015.0,
     "KCNA: 5,768.5 km, 989 km, 4,015 s (Japan: 66 min)", "Sunan (Pyongyang)", 39.22, 125.67,
     "hwasong-15-class", 0, 14000.0, 0,
     "about 14,000 km (Japanese Defense Minister Hamada, 18 February 2023)"},
    {"hwasong-18-2023-07-12", "Hwasong-18, 12 July 2023", 6648.4, 1001.2, 4491.0,
     "KCNA: 6,648.4 km, 1,001.2 km, 4,491 s (Japan: 74 min)", "Pyongyang area", 39.02, 125.75,
     "rs-24-yars-class", 1, 15000.0, 1, "over 15,000 km (press estimates, July 2023)"},
    {"hwasong-19-2024-10-31", "Hwasong-19, 31 October 2024", 7687.5, 1001.2, 5156.0,
     "KCNA: 7,687.5 km, 1,001.2 km, 5,156 s (Japan: 86 min)", "Pyongyang area", 39.02, 125.75,
     "rs-24-yars-class", 1, 15000.0, 1, "over 15,000 km (press estimates, October 2024)"},
};

const cli_loft_test *cli_loft_tests(int *n)
{
    *n = (int)(sizeof tests / sizeof *tests);
    return tests;
}

const cli_loft_test *cli_loft_test_find(const char *name)
{
    for (size_t i = 0; i < sizeof tests / sizeof *tests; i++)
        if (strcmp(tests[i].name, name) == 0)
            return &tests[i];
    return NULL;
}

/* City centres (city halls), degrees. */
static const cli_loft_city cities[] = {
    {"los-angeles", "Los Angeles", 34.0537, -118.2428},
    {"chicago", "Chicago", 41.8837, -87.6319},
    {"washington", "Washington", 38.8951, -77.0364},
    {"new-york", "New York", 40.7128, -74.0060},
    {"anchorage", "Anchorage", 61.2181, -149.9003},
    {"honolulu", "Honolulu", 21.3069, -157.8583},
    {"guam", "Guam (Hagatna)", 13.4757, 144.7489},
    {"seattle", "Seattle", 47.6062, -122.3321},
    {"san-francisco", "San Francisco", 37.7793, -122.4193},
    {"denver", "Denver", 39.7392, -104.9903},
};

const cli_loft_city *cli_loft_city_find(const char *name)
{
    char key[32];
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < sizeof key; p++)
        key[n++] = *p == ' ' || *p == '_' ? '-' : (char)tolower((unsigned char)*p);
    key[n] = '\0';
    for (size_t i = 0; i < sizeof cities / sizeof *cities; i++)
        if (strcmp(cities[i].name, key) == 0)
            return &cities[i];
    return NULL;
}

const cli_loft_city *cli_loft_default_cities(int *n)
{
    *n = 4;
    return cities;
}

int cli_loft_parse_time(const char *text, double *seconds)
{
    char *end = NULL;
    double v = strtod(text, &end);
    if (end == text || !isfinite(v))
        return -1;
    while (*end == ' ')
        end++;
    if (*end == '\0' || strcmp(end, "s") == 0)
        *seconds = v;
    else if (strcmp(end, "min") == 0 || strcmp(end, "m") == 0)
        *seconds = 60.0 * v;
    else
        return -1;
    return 0;
}
