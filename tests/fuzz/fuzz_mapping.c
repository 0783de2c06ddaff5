/*
 * fuzz_mapping: libFuzzer harness for the mapping loader (unspin-dict(5) and
 * two-column lists) and the linter, readers of user-supplied files. The
 * first byte chooses the format; the rest is the file. Bad lines must be
 * reported, never crash; a loaded mapping must then be usable: it is linted
 * and its entries are checked for what the loader promises (an original for
 * every entry that may be applied).
 * Also built into replay_mapping (replay.c) for the seed corpus under ctest.
 */
#include "diag.h"
#include "finding.h"
#include "mapping.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(1);
    if (size == 0)
        return 0;
    int format = data[0] % 2 ? MAP_FORMAT_AUTO : MAP_FORMAT_DICT;
    mapping *m = mapping_new();
    int bad = mapping_load_buffer(m, "fuzz.dict", (const char *)data + 1, size - 1, format);
    if (bad < 0)
        abort();
    for (size_t i = 0; i < m->n; i++) {
        const map_entry *e = &m->v[i];
        if (!e->spun || !e->key || !e->id || e->klass < 0 || e->klass > 2)
            abort();
        if (e->norigs == 0 && e->klass != CLASS_FLAG)
            abort();   /* only a flag entry may lack an original (a note-only one) */
        for (size_t k = 0; k < e->norigs; k++)
            if (!e->origs[k])
                abort();
    }
    mapping_lint(m);
    mapping_free(m);
    return 0;
}
