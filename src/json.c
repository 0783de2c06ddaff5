/* json: a scanner for records (see json.h). */
#include "json.h"
#include "utf8.h"

#include <string.h>

static int fail(json_error *err, size_t at, const char *msg)
{
    err->offset = at;
    err->msg = msg;
    return -1;
}

static size_t skip_ws(const char *t, size_t n, size_t at)
{
    while (at < n && (t[at] == ' ' || t[at] == '\t' || t[at] == '\n' || t[at] == '\r'))
        at++;
    return at;
}

/* A string token at t[*at] (the opening quote); *at ends past it. */
static int scan_string(const char *t, size_t n, size_t *at, json_error *err)
{
    size_t i = *at + 1;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        if (c == '"') {
            *at = i + 1;
            return 0;
        }
        if (c < 0x20)
            return fail(err, i, "control character in a string (must be escaped)");
        if (c == '\\') {
            if (i + 1 >= n)
                break;
            char e = t[i + 1];
            if (e == 'u') {
                for (size_t k = 2; k < 6; k++)
                    if (i + k >= n || utf8_hex_digit((unsigned char)t[i + k]) < 0)
                        return fail(err, i, "bad \\u escape");
                i += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == '\0')
                return fail(err, i, "bad escape in a string");
            i += 2;
            continue;
        }
        i++;
    }
    return fail(err, *at, "unterminated string");
}

static int scan_number(const char *t, size_t n, size_t *at, json_error *err)
{
    size_t i = *at;
    if (i < n && t[i] == '-')
        i++;
    if (i < n && t[i] == '0') {
        i++;
    } else if (i < n && t[i] >= '1' && t[i] <= '9') {
        while (i < n && t[i] >= '0' && t[i] <= '9')
            i++;
    } else {
        return fail(err, i, "bad number");
    }
    if (i < n && t[i] == '.') {
        i++;
        if (i >= n || t[i] < '0' || t[i] > '9')
            return fail(err, i, "bad number: a digit must follow '.'");
        while (i < n && t[i] >= '0' && t[i] <= '9')
            i++;
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < n && (t[i] == '+' || t[i] == '-'))
            i++;
        if (i >= n || t[i] < '0' || t[i] > '9')
            return fail(err, i, "bad number: a digit must follow the exponent");
        while (i < n && t[i] >= '0' && t[i] <= '9')
            i++;
    }
    *at = i;
    return 0;
}

static int scan_literal(const char *t, size_t n, size_t *at, const char *word, json_error *err)
{
    size_t l = strlen(word);
    if (n - *at < l || memcmp(t + *at, word, l) != 0)
        return fail(err, *at, "unexpected character");
    *at += l;
    return 0;
}

/* Whether the key token tok[0..n) (with quotes) is name. */
static int key_is(const char *tok, size_t n, const char *name, size_t len)
{
    if (!memchr(tok, '\\', n))
        return n - 2 == len && memcmp(tok + 1, name, len) == 0;
    buf b = BUF_INIT;
    int same = json_unescape(tok, n, &b) == 0 && b.len == len && memcmp(b.data, name, len) == 0;
    buf_free(&b);
    return same;
}

static int scan_value(const char *t, size_t n, size_t *at, int depth, json_member *m, size_t nm,
                      size_t *close, json_error *err);

static int scan_object(const char *t, size_t n, size_t *at, int depth, json_member *m, size_t nm,
                       size_t *close, json_error *err)
{
    size_t i = skip_ws(t, n, *at + 1);
    if (i < n && t[i] == '}') {
        if (close)
            *close = i;
        *at = i + 1;
        return 0;
    }
    for (;;) {
        if (i >= n || t[i] != '"')
            return fail(err, i, i >= n ? "unexpected end of record" : "expected a member name");
        size_t key = i;
        if (scan_string(t, n, &i, err) != 0)
            return -1;
        size_t key_end = i;
        i = skip_ws(t, n, i);
        if (i >= n || t[i] != ':')
            return fail(err, i, "expected ':' after a member name");
        i = skip_ws(t, n, i + 1);
        size_t vstart = i;
        if (scan_value(t, n, &i, depth + 1, NULL, 0, NULL, err) != 0)
            return -1;
        for (size_t k = 0; k < nm; k++) {
            if (key_is(t + key, key_end - key, m[k].name, m[k].name_len)) {
                m[k].found = 1;
                m[k].key_start = key;
                m[k].start = vstart;
                m[k].end = i;
            }
        }
        i = skip_ws(t, n, i);
        if (i < n && t[i] == ',') {
            i = skip_ws(t, n, i + 1);
            continue;
        }
        if (i < n && t[i] == '}') {
            if (close)
                *close = i;
            *at = i + 1;
            return 0;
        }
        return fail(err, i, i >= n ? "unexpected end of record" : "expected ',' or '}'");
    }
}

static int scan_array(const char *t, size_t n, size_t *at, int depth, json_error *err)
{
    size_t i = skip_ws(t, n, *at + 1);
    if (i < n && t[i] == ']') {
        *at = i + 1;
        return 0;
    }
    for (;;) {
        if (scan_value(t, n, &i, depth + 1, NULL, 0, NULL, err) != 0)
            return -1;
        i = skip_ws(t, n, i);
        if (i < n && t[i] == ',') {
            i++;
            continue;
        }
        if (i < n && t[i] == ']') {
            *at = i + 1;
            return 0;
        }
        return fail(err, i, i >= n ? "unexpected end of record" : "expected ',' or ']'");
    }
}

static int scan_value(const char *t, size_t n, size_t *at, int depth, json_member *m, size_t nm,
                      size_t *close, json_error *err)
{
    size_t i = skip_ws(t, n, *at);
    if (depth > JSON_MAX_DEPTH)
        return fail(err, i, "nested too deeply");
    if (i >= n)
        return fail(err, i, "unexpected end of record");
    int rc;
    switch (t[i]) {
    case '{': rc = scan_object(t, n, &i, depth, m, nm, close, err); break;
    case '[': rc = scan_array(t, n, &i, depth, err); break;
    case '"': rc = scan_string(t, n, &i, err); break;
    case 't': rc = scan_literal(t, n, &i, "true", err); break;
    case 'f': rc = scan_literal(t, n, &i, "false", err); break;
    case 'n': rc = scan_literal(t, n, &i, "null", err); break;
    default: rc = scan_number(t, n, &i, err); break;
    }
    if (rc == 0)
        *at = i;
    return rc;
}

int json_scan_value(const char *text, size_t n, size_t *at, json_error *err)
{
    return scan_value(text, n, at, 0, NULL, 0, NULL, err);
}

int json_scan_object(const char *text, size_t n, json_member *m, size_t nm, size_t *close,
                     json_error *err)
{
    for (size_t k = 0; k < nm; k++)
        m[k].found = 0;
    size_t i = skip_ws(text, n, 0);
    if (i >= n || text[i] != '{')
        return fail(err, i, i >= n ? "empty record" : "a record must be a JSON object");
    if (scan_value(text, n, &i, 0, m, nm, close, err) != 0)
        return -1;
    i = skip_ws(text, n, i);
    if (i < n)
        return fail(err, i, "text after the record's object");
    return 0;
}

static int hex4(const char *p)
{
    return utf8_hex_digit((unsigned char)p[0]) << 12 | utf8_hex_digit((unsigned char)p[1]) << 8 | utf8_hex_digit((unsigned char)p[2]) << 4 | utf8_hex_digit((unsigned char)p[3]);
}

int json_unescape(const char *tok, size_t n, buf *out)
{
    if (n < 2 || tok[0] != '"' || tok[n - 1] != '"')
        return -1;
    int lossy = 0;
    size_t i = 1, end = n - 1;
    buf_reserve(out, n);
    while (i < end) {
        const char *bs = memchr(tok + i, '\\', end - i);
        size_t run = bs ? (size_t)(bs - (tok + i)) : end - i;
        buf_put(out, tok + i, run);
        i += run;
        if (i >= end)
            break;
        if (i + 1 >= end)
            return -1;
        char e = tok[i + 1];
        char c;
        switch (e) {
        case '"': c = '"'; break;
        case '\\': c = '\\'; break;
        case '/': c = '/'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u': {
            if (i + 6 > end)
                return -1;
            for (size_t k = 2; k < 6; k++)
                if (utf8_hex_digit((unsigned char)tok[i + k]) < 0)
                    return -1;
            int32_t cp = hex4(tok + i + 2);
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= end && tok[i] == '\\' &&
                tok[i + 1] == 'u' && utf8_hex_digit((unsigned char)tok[i + 2]) >= 0 && utf8_hex_digit((unsigned char)tok[i + 3]) >= 0 &&
                utf8_hex_digit((unsigned char)tok[i + 4]) >= 0 && utf8_hex_digit((unsigned char)tok[i + 5]) >= 0) {
                int32_t lo = hex4(tok + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
                lossy = 1;
            }
            char u[4];
            buf_put(out, u, utf8_encode(cp, u));
            continue;
        }
        default:
            return -1;
        }
        buf_putc(out, c);
        i += 2;
    }
    return lossy;
}

void json_escape(buf *out, const char *s, size_t n, int ascii)
{
    static const char hex[] = "0123456789abcdef";
    buf_reserve(out, n + 2);
    buf_putc(out, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int32_t cp;
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (!ascii || cp < 0) {
                buf_put(out, s + i, l);
            } else {
                int32_t units[2] = {cp, -1};
                if (cp >= 0x10000) {
                    units[0] = 0xD800 + ((cp - 0x10000) >> 10);
                    units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
                }
                for (int k = 0; k < 2 && units[k] >= 0; k++) {
                    char u[6] = {'\\', 'u', hex[units[k] >> 12 & 15], hex[units[k] >> 8 & 15],
                                 hex[units[k] >> 4 & 15], hex[units[k] & 15]};
                    buf_put(out, u, 6);
                }
            }
            i += l;
            continue;
        }
        switch (c) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\b': buf_puts(out, "\\b"); break;
        case '\f': buf_puts(out, "\\f"); break;
        default:
            if (c < 0x20) {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                buf_put(out, u, 6);
            } else {
                buf_putc(out, (char)c);
            }
        }
        i++;
    }
    buf_putc(out, '"');
}
