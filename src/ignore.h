/*
 * ignore: a set of (text, replacement) pairs read from TAB-separated lines,
 * for the ignore lists of unspin-review(5): a finding whose text and proposal
 * are listed (or whose text is listed alone) is dropped, neither applied nor
 * reported. learn also uses it to avoid recording a pair twice.
 * The list owns its strings.
 */
#ifndef UNSPIN_IGNORE_H
#define UNSPIN_IGNORE_H

#include <stddef.h>

typedef struct ignore_list ignore_list;

ignore_list *ignore_new(void);
void ignore_free(ignore_list *l);
/* Adds a pair; repl NULL: every replacement of text. */
void ignore_add(ignore_list *l, const char *text, size_t n, const char *repl, size_t rn);
/* Loads "TEXT[<TAB>REPLACEMENT[<TAB>...]]" lines ('#' lines and blank ones
 * skipped). Returns 0, or -1 when the file cannot be read (errno set). */
int ignore_load_file(ignore_list *l, const char *path);
/* Whether (text, repl) is listed, or text alone is; repl may be NULL. */
int ignore_has(const ignore_list *l, const char *text, size_t n, const char *repl);
size_t ignore_count(const ignore_list *l);

#endif
