/* Status codes and error records (see include/bmd/error.h). */
#include "bmd/error.h"

#include <stdarg.h>
#include <stdio.h>

void bmd_error_clear(bmd_error *err)
{
    if (err) {
        err->status = BMD_SUCCESS;
        err->message[0] = '\0';
    }
}

int bmd_error_set(bmd_error *err, int status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

const char *bmd_status_name(int status)
{
    switch (status) {
    case BMD_SUCCESS: return "success";
    case BMD_EINVAL: return "invalid argument";
    case BMD_EDOM: return "no solution in domain";
    case BMD_ENOMEM: return "out of memory";
    case BMD_EMAXITER: return "iteration limit reached";
    case BMD_ESTEP: return "step size underflow";
    case BMD_EBADFUNC: return "user function failed";
    case BMD_EIO: return "input/output error";
    case BMD_ENOTFOUND: return "not found";
    case BMD_EPARSE: return "parse error";
    default: return "unknown error";
    }
}
