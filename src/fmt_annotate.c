/*
 * fmt_annotate: the text with every finding marked for reading:
 * [-spun-]{+original+} where the repair is applied, [~spun~]{~original~}
 * where it is only proposed.
 */
#include "fmt.h"

static void annotate_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    size_t at = 0;
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        const char *open = x->applied ? "[-" : "[~", *mid = x->applied ? "-]{+" : "~]{~",
                   *close = x->applied ? "+}" : "~}";
        fwrite(s->text + at, 1, x->start - at, f->out);
        fputs(open, f->out);
        fwrite(s->text + x->start, 1, x->end - x->start, f->out);
        fputs(mid, f->out);
        if (x->ncands)
            fputs(x->cands[0].text, f->out);
        fputs(close, f->out);
        at = x->end;
    }
    fwrite(s->text + at, 1, s->len - at, f->out);
}

const fmt_ops fmt_annotate_ops = {1, NULL, annotate_segment, NULL};
