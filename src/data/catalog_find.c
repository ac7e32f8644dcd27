/* Finding and listing missiles in a catalogue directory: the missile kind of catalog_dir.h. */
#include "bmd/catalog.h"
#include "data/catalog_dir.h"

/* The kind's load and name accessor, untyped for cat_kind. */
static int load(const char *path, void *entry, bmd_error *err)
{
    return bmd_catalog_load_missile(path, entry, err);
}
static const char *name_of(const void *entry)
{
    return ((const bmd_catalog_missile *)entry)->missile.name;
}

static const cat_kind missiles = {"missile", "missiles", "catalogue", "bmdsim catalog",
                                  sizeof(bmd_catalog_missile), load, name_of};

int bmd_catalog_list_missiles(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                              bmd_error *err)
{
    return bmd_cat_list(&missiles, dir, names, max, n, err);
}

int bmd_catalog_find_missile(const char *dir, const char *name, bmd_catalog_missile *entry,
                             bmd_error *err)
{
    return bmd_cat_find(&missiles, dir, name, entry, err);
}
