/* segment: paragraph segmentation of a stream with a bounded buffer. */
#include "segment.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

struct segmenter {
    buf data;         /* pending bytes; data[pos..] not yet handed out */
    size_t pos;
    size_t scan;      /* where to resume the boundary search (a line end) */
    size_t max;
    uint64_t offset;  /* input offset of data[pos] */
    size_t line;      /* line number of data[pos] */
};

segmenter *seg_new(size_t max)
{
    segmenter *s = xcalloc(1, sizeof *s);
    s->max = max ? max : SEG_MAX_DEFAULT;
    s->line = 1;
    return s;
}

void seg_free(segmenter *s)
{
    if (!s)
        return;
    buf_free(&s->data);
    free(s);
}

void seg_feed(segmenter *s, const char *data, size_t len)
{
    /* Drop what was handed out before growing the buffer. */
    if (s->pos > 0) {
        buf_consume(&s->data, s->pos);
        s->pos = 0;
    }
    buf_put(&s->data, data, len);
}

size_t seg_count_lines(const char *t, size_t len)
{
    size_t n = 0;
    /* Only LF ends a line, as for diff(1) and patch(1). */
    for (const char *p = t, *end = t + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    return n;
}

/* Returns the end of the first blank-line boundary in t[from..len), or 0.
 * A boundary is a line end followed by a line of only spaces/tabs/CR and its LF. */
static size_t find_boundary(const char *t, size_t len, size_t from)
{
    const char *p = t + from, *end = t + len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        const char *q = p + 1;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q == '\n')
            return (size_t)(q + 1 - t);
        if (q >= end)
            return 0;   /* need more input to decide */
        p = q;
    }
    return 0;
}

/* Where to cut an over-long segment t[0..len): after the last line end, else
 * after the last space, else at a character boundary. */
static size_t cut_point(const char *t, size_t len, size_t avail)
{
    for (size_t i = len; i > len / 2; i--)
        if (t[i - 1] == '\n')
            return i;
    for (size_t i = len; i > len / 2; i--)
        if (t[i - 1] == ' ' || t[i - 1] == '\t')
            return i;
    size_t i = len;
    while (i > 1 && i < avail && ((unsigned char)t[i] & 0xC0) == 0x80 && len - i < 4)
        i--;
    return i;
}

int seg_next(segmenter *s, int at_eof, seg_view *out)
{
    size_t avail = s->data.len - s->pos;
    if (avail == 0)
        return 0;   /* also before any input, when data is still NULL */
    const char *t = s->data.data + s->pos;
    /* Resume the search at the last line end already seen: a boundary may
     * straddle two reads. */
    size_t cut = find_boundary(t, avail < s->max ? avail : s->max, s->scan);
    if (!cut) {
        /* Only a line end followed by nothing but blanks may still start a
         * boundary; past any other, the next search starts at the new bytes
         * (so small reads of a long line cost linear time). */
        size_t last = avail;
        while (last > s->scan && (t[last - 1] == ' ' || t[last - 1] == '\t' || t[last - 1] == '\r'))
            last--;
        s->scan = last > s->scan && t[last - 1] == '\n' ? last - 1 : avail;
        /* Past the bound (not at it: the next byte may continue a character). */
        if (avail > s->max)
            cut = cut_point(t, s->max, avail);
        else if (at_eof)
            cut = avail;
        else
            return 0;
    }
    out->text = t;
    out->len = cut;
    out->offset = s->offset;
    out->line = s->line;
    s->pos += cut;
    s->offset += cut;
    s->line += seg_count_lines(t, cut);
    s->scan = 0;
    return 1;
}
