/*
 * cmd: the `review` and `apply` subcommands of the CLI: argument checks,
 * then the library (review.h, apply.h, learn.h) and the terminal session
 * (tui.h). Each returns the exit status.
 */
#ifndef UNSPIN_CMD_H
#define UNSPIN_CMD_H

#include "options.h"

int cmd_review(const cli *c);
int cmd_apply(const cli *c);

#endif
