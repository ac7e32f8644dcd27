/* bmd/api.h — the export macro. libbmd is compiled with -fvisibility=hidden: only declarations
 * marked BMD_API (every public function of include/bmd/) are exported from libbmd.so; everything
 * else, including the bmd_ helpers of the private headers in src/, stays inside the library. */
#ifndef BMD_API_H
#define BMD_API_H

#if defined(__GNUC__) || defined(__clang__)
#define BMD_API __attribute__((visibility("default")))
#else
#define BMD_API
#endif

#endif
