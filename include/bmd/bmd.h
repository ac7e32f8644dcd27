/* bmd/bmd.h — everything in one include. Prefer the module headers in your own code. */
#ifndef BMD_BMD_H
#define BMD_BMD_H

#include "bmd/error.h"
#include "bmd/version.h"
#include "bmd/earth.h"
#include "bmd/gravity.h"
#include "bmd/atmosphere.h"
#include "bmd/geodesy.h"
#include "bmd/ode.h"
#include "bmd/kepler.h"
#include "bmd/exchange.h"

#endif
