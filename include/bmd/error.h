/* bmd/error.h — status codes and the error record every bmdsim function fills.
 *
 * Like GSL, every function that can fail returns an int status: 0 (BMD_SUCCESS) on success, one
 * of the codes below otherwise. It also fills a caller-owned bmd_error with a human-readable
 * message (which quantity, which value, what is allowed). The library never prints and never
 * exits; the command line decides what to show. Passing NULL for the error record is allowed. */
#ifndef BMD_ERROR_H
#define BMD_ERROR_H

#include "bmd/api.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    BMD_SUCCESS = 0,
    BMD_EINVAL = 1,    /* invalid argument or input value (bad number, out of allowed range) */
    BMD_EDOM = 2,      /* no solution in the domain (e.g. range beyond reach) */
    BMD_ENOMEM = 3,    /* allocation failed */
    BMD_EMAXITER = 4,  /* iteration or step limit reached */
    BMD_ESTEP = 5,     /* step size underflow in the integrator */
    BMD_EBADFUNC = 6,  /* a user function returned an error or a non-finite value */
    BMD_EIO = 7,       /* file could not be read or written */
    BMD_ENOTFOUND = 8, /* a named entry does not exist */
    BMD_EPARSE = 9     /* malformed input file */
};

#define BMD_ERROR_MESSAGE_SIZE 8192 /* room for a path of BMD_PATH_MAX (4096) bytes, uncut */

/* The error record: the status and a message naming what went wrong. */
typedef struct bmd_error {
    int status;
    char message[BMD_ERROR_MESSAGE_SIZE];
} bmd_error;

/* Clear an error record (status 0, empty message). err may be NULL. */
BMD_API void bmd_error_clear(bmd_error *err);

/* Record status and a printf-style message in err (if err is not NULL); returns status, so
 * callers can write `return bmd_error_set(err, BMD_EINVAL, "...", ...);`. */
BMD_API int bmd_error_set(bmd_error *err, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A short constant name for a status code ("success", "invalid argument", ...). */
BMD_API const char *bmd_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
