/* bmd/bmd.h — everything in one include. Prefer the module headers in your own code.
 * Every header of include/bmd/ is listed here, by layer (tests/check_umbrella.sh checks it). */
#ifndef BMD_BMD_H
#define BMD_BMD_H

/* core */
#include "bmd/api.h"
#include "bmd/error.h"
#include "bmd/units.h"
#include "bmd/version.h"
/* num */
#include "bmd/num.h"
/* earth */
#include "bmd/earth.h"
#include "bmd/gravity.h"
#include "bmd/atmosphere.h"
#include "bmd/geodesy.h"
/* flight */
#include "bmd/ode.h"
#include "bmd/kepler.h"
#include "bmd/missile.h"
#include "bmd/trajectory.h"
#include "bmd/aim.h"
#include "bmd/loft.h"
/* defense */
#include "bmd/sensor.h"
#include "bmd/exchange.h"
#include "bmd/interceptor.h"
#include "bmd/engagement.h"
#include "bmd/footprint.h"
/* io */
#include "bmd/catalog.h"
#include "bmd/radar_catalog.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/scenario.h"
#include "bmd/atomic_file.h"
#include "bmd/scene.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/plot.h"
#include "bmd/raster.h"
#include "bmd/map.h"
#include "bmd/analysis.h"
#include "bmd/footprint_io.h"
#include "bmd/report.h"

#endif
