/* fmt_text: writes the repaired text; every byte not repaired is copied as is. */
#include "fmt.h"

static void text_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    buf_clear(&f->scratch);
    finding_render(s->text, s->len, l, &f->scratch);
    fwrite(f->scratch.data, 1, f->scratch.len, f->out);
}

const fmt_ops fmt_text_ops = {0, NULL, text_segment, NULL};
