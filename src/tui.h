/*
 * tui: the interactive review (`unspin review -i`), on a plain ANSI terminal.
 * It shows each finding in its context with the span highlighted and takes
 * one key per decision; every decision is saved at once to save_path, so a
 * session cut off (ssh dropped, q, Ctrl-C) resumes where it stopped.
 */
#ifndef UNSPIN_TUI_H
#define UNSPIN_TUI_H

#include "review.h"

/* Runs the session on standard input and output, which must be a terminal.
 * all: visit every finding, not only the pending ones. Returns the exit status. */
int tui_review(review *r, const char *save_path, int all);

#endif
