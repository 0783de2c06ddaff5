/*
 * jsonrec: record mode. One JSON Lines record (one object per line) goes in;
 * its string member FIELD is decoded, run through the pipeline as one
 * document, and written back repaired, and the findings and verdict are
 * added as the member "unspin" (replacing one that is there already). Every
 * other byte of the record is copied as it is; a field that needs no repair
 * keeps its original bytes, escapes included. The shape of "unspin" is
 * documented in unspin(1), RECORD MODE.
 *
 * A jsonrec holds scratch buffers: one per thread.
 */
#ifndef UNSPIN_JSONREC_H
#define UNSPIN_JSONREC_H

#include <stddef.h>

#include "buf.h"
#include "json.h"
#include "unspin.h"

#define JSONREC_KEY "unspin"

enum jsonrec_status {
    JSONREC_DONE,      /* repaired (or found clean) and annotated */
    JSONREC_NOFIELD,   /* no string member FIELD: copied unchanged */
    JSONREC_LOSSY,     /* FIELD has a lone surrogate escape: copied unchanged */
    JSONREC_BAD        /* not a JSON object: err says where; out untouched */
};

typedef struct jsonrec jsonrec;

jsonrec *jsonrec_new(const unspin_engine *e, const char *field);
void jsonrec_free(jsonrec *j);

/* Processes the record line[0..n) (no line end), appending the record to
 * write to out (no line end). r and by_kind (findings per enum finding_kind)
 * are filled for JSONREC_DONE; err for JSONREC_BAD. name names the document
 * for the library. */
int jsonrec_process(jsonrec *j, const char *name, const char *line, size_t n, buf *out,
                    unspin_result *r, size_t by_kind[3], json_error *err);

#endif
