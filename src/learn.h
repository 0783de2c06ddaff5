/*
 * learn: the reviewer's decisions, remembered. `unspin apply --learn` appends
 * accepted spinner pairs to DIR/learned.dict (unspin-dict(5), class sure) and
 * rejected pairs to DIR/ignore (unspin-review(5)); every later run loads both
 * (unspin_options.user_dir). DIR is $XDG_CONFIG_HOME/unspin, by default
 * ~/.config/unspin.
 */
#ifndef UNSPIN_LEARN_H
#define UNSPIN_LEARN_H

#include <stddef.h>

#include "review.h"

#define LEARN_MAPPING "learned.dict"
#define LEARN_IGNORE "ignore"

/* The directory, owned by the caller; NULL when neither $XDG_CONFIG_HOME nor
 * $HOME is set. */
char *learn_dir(void);
/* Records decisions under dir, file by file, skipping pairs already there:
 *     learn *l = learn_open(dir);            // NULL: reported
 *     learn_file(l, f); ...
 *     learn_close(l, &accepted, &rejected);  // 0, or -1 after reporting
 */
typedef struct learn learn;
learn *learn_open(const char *dir);
void learn_file(learn *l, const review_file *f);
int learn_close(learn *l, size_t *accepted, size_t *rejected);

#endif
