/* bmd/bmd.h — everything in one include. Prefer the module headers in your own code.
 * Every header of include/bmd/ is listed here, by layer (tests/check_umbrella.sh checks it). */
#ifndef BMD_BMD_H
#define BMD_BMD_H

/* core */
#include "bmd/api.h"
#include "bmd/atomic_file.h"
#include "bmd/error.h"
#include "bmd/unit_system.h"
#include "bmd/units.h"
#include "bmd/version.h"

/* num */
#include "bmd/num.h"
#include "bmd/sampling.h"

/* earth */
#include "bmd/atmosphere.h"
#include "bmd/earth.h"
#include "bmd/geodesy.h"
#include "bmd/gravity.h"

/* flight */
#include "bmd/aim.h"
#include "bmd/kepler.h"
#include "bmd/loft.h"
#include "bmd/missile.h"
#include "bmd/ode.h"
#include "bmd/trajectory.h"

/* defense */
#include "bmd/engagement.h"
#include "bmd/exchange.h"
#include "bmd/footprint.h"
#include "bmd/interceptor.h"
#include "bmd/sensor.h"

/* data */
#include "bmd/catalog.h"
#include "bmd/footprint_input.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/param.h"
#include "bmd/places.h"
#include "bmd/radar_catalog.h"
#include "bmd/scenario.h"

/* analysis */
#include "bmd/analysis.h"
#include "bmd/footprint_summary.h"
#include "bmd/montecarlo.h"
#include "bmd/scene.h"
#include "bmd/sensitivity.h"

/* export */
#include "bmd/footprint_io.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/czml.h"

/* render */
#include "bmd/map.h"
#include "bmd/plot.h"
#include "bmd/raster.h"

/* report */
#include "bmd/report.h"

#endif
