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
/* Records r's decisions under dir (made if missing), skipping pairs already
 * there. Returns 0 and the counts added, or -1 after reporting. */
int learn_record(const review *r, const char *dir, size_t *accepted, size_t *rejected);

#endif
