/*
 * options: the command line. One table drives parsing, --help and the man
 * page's OPTIONS section (tests/check_manpage.sh compares them).
 */
#ifndef UNSPIN_OPTIONS_H
#define UNSPIN_OPTIONS_H

#include <stddef.h>

#include "batch.h"
#include "unspin.h"

/* The subcommands: the filter (no subcommand), `review` and `apply`. */
enum cli_cmd { CMD_FILTER = 1, CMD_REVIEW = 2, CMD_APPLY = 4 };

typedef struct cli {
    int cmd;               /* enum cli_cmd */
    unspin_options lib;
    int format;            /* enum fmt_kind, or -1 when not given */
    int check;
    int lint;
    int quiet;
    const char **dicts;    /* owned array; strings borrowed from argv */
    size_t ndicts;
    const char **includes, **excludes;   /* owned arrays; strings borrowed from argv */
    size_t nincludes, nexcludes;
    batch_opts batch;      /* trees, in place, workers, record mode; the glob
                            * arrays are owned, their strings borrowed */
    char **files;          /* borrowed from argv */
    size_t nfiles;
    const char **ignores;  /* --ignore; owned array; strings borrowed from argv */
    size_t nignores;
    char *user_dir;        /* learned lists (learn.h); owned; NULL when unknown */
    /* review */
    const char *output;    /* -o */
    int interactive;       /* -i */
    int all;               /* --all */
    /* apply */
    int relocate, dry_run, learn;
    const char *backup;    /* --backup suffix, or NULL */
} cli;

/* Parses argv into c. Returns -1 to go on, or an exit status (after printing
 * --help, --version or a usage error). */
int options_parse(int argc, char **argv, cli *c);
void options_free(cli *c);

#endif
