/* src/export/palette.h — the colours shared by maps, plots and KML, so a threat is the same red
 * everywhere. RGB as 0xRRGGBB; fill opacities in [0, 1]. Internal to the io layer. */
#ifndef BMD_IO_PALETTE_H
#define BMD_IO_PALETTE_H

#define PAL_THREAT 0xd62728u        /* red */
#define PAL_INTERCEPTOR 0x1f77b4u   /* blue */
#define PAL_RADAR 0x2ca02cu         /* green */
#define PAL_FOOTPRINT 0xff7f0eu     /* orange */
#define PAL_FOOTPRINT2 0xa63603u    /* dark orange: footprint with two or more shots */
#define PAL_LAUNCH 0x8c564bu        /* brown */
#define PAL_TARGET 0x9467bdu        /* purple */
#define PAL_OTHER 0x7f7f7fu         /* grey */
#define PAL_WINDOW 0xffd54fu        /* amber: intercept window */

#define PAL_FILL_COVERAGE 0.12
#define PAL_FILL_AREA 0.30

#endif
