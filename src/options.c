/* options: the option table, parsing and --help. */
#include "options.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "learn.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    OPT_NO_MAPPING = 256,
    OPT_NO_LM,
    OPT_LM,
    OPT_DATA_DIR,
    OPT_LINT_DICT,
    OPT_LANG,
    OPT_DICT_DIR,
    OPT_WORDS,
    OPT_NO_SPELL,
    OPT_IGNORE,
    OPT_ALL,
    OPT_RELOCATE,
    OPT_BACKUP,
    OPT_LEARN,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_OUTPUT_DIR,
    OPT_PROGRESS,
    OPT_STATS,
    OPT_JSONL_FIELD,
    OPT_DROP_BAD,
    OPT_NO_THESAURUS,
    OPT_ASSUME_SPUN
};

#define F CMD_FILTER
#define R CMD_REVIEW
#define A CMD_APPLY

typedef struct opt_spec {
    int id;              /* short option character or OPT_* */
    const char *name;    /* long name */
    const char *arg;     /* argument name, or NULL; "[=X]": optional */
    int cmds;            /* the commands that take it: enum cli_cmd bits */
    const char *help;
} opt_spec;

static const opt_spec table[] = {
    {'c', "check", NULL, F, "report findings instead of repairing; exit 1 when damage is found"},
    {'f', "format", "FMT", F, "output format: text (default), diff, jsonl, annotate"},
    {'l', "level", "LEVEL", F | R, "what to apply: safe, normal (default), aggressive"},
    {'d', "dict", "FILE", F | R, "also load this mapping file (repeatable; unspin-dict(5) or spun<TAB>original lists)"},
    {OPT_IGNORE, "ignore", "FILE", F | R, "never apply nor report the TEXT<TAB>REPLACEMENT pairs listed in FILE (repeatable; unspin-review(5))"},
    {OPT_NO_MAPPING, "no-mapping", NULL, F | R, "do not load the built-in mapping"},
    {OPT_LM, "lm", "FILE", F | R, "the trigram language model (default: pocketsphinx-en-us's en-us.lm.bin)"},
    {OPT_NO_LM, "no-lm", NULL, F | R, "do not rank candidates with the language model"},
    {OPT_ASSUME_SPUN, "assume-spun", NULL, F | R, "treat every document as judged spun, whatever the verdict"},
    {OPT_NO_THESAURUS, "no-thesaurus", NULL, F | R, "no thesaurus candidates for words the mapping does not hold"},
    {OPT_DATA_DIR, "data-dir", "DIR", F | R, "where the built-in data lives (default: $UNSPIN_DATA, then the built-in path)"},
    {OPT_LANG, "lang", "LANG", F | R, "hunspell dictionary for spelling and OCR repairs (default: en_US)"},
    {OPT_DICT_DIR, "dict-dir", "DIR", F | R, "where LANG.aff and LANG.dic live (default: /usr/share/hunspell)"},
    {OPT_WORDS, "words", "FILE", F | R, "personal word list, one word per line: valid, never corrected"},
    {OPT_NO_SPELL, "no-spell", NULL, F | R, "do not use hunspell: no spelling findings, no OCR word repairs"},
    {'r', "recursive", NULL, F, "read the files under directories named as FILEs (binary files are skipped)"},
    {OPT_INCLUDE, "include", "GLOB", F, "with -r, read only files whose name matches GLOB (repeatable)"},
    {OPT_EXCLUDE, "exclude", "GLOB", F, "with -r, leave out files and directories whose name or path matches GLOB (repeatable)"},
    {'i', "in-place", "[=SUFFIX]", F, "repair each FILE in place, atomically; with SUFFIX, keep the old one as FILE+SUFFIX"},
    {OPT_OUTPUT_DIR, "output-dir", "DIR", F, "write each FILE's output to DIR/FILE, mirroring the tree"},
    {'j', "jobs", "N", F, "run N worker threads (0: one per CPU; default 1); output stays in input order"},
    {OPT_JSONL_FIELD, "jsonl-field", "NAME", F, "record mode: read JSON Lines, repair the string member NAME, add findings as \"unspin\""},
    {OPT_DROP_BAD, "drop-bad", NULL, F, "record mode: drop malformed records (reported) instead of passing them through"},
    {OPT_PROGRESS, "progress", NULL, F, "show a progress line on stderr (default: when stderr is a terminal, after 1 s)"},
    {OPT_STATS, "stats", NULL, F, "print a summary on stderr: files, documents, words, findings by kind, spun documents"},
    {OPT_LINT_DICT, "lint-dict", NULL, F, "check mapping files (FILE... or the loaded ones) for bad lines, duplicates, conflicts and chains"},
    {'q', "quiet", NULL, F | R | A, "print errors only (and no progress line)"},
    {'h', "help", NULL, F | R | A, "show this help and exit"},
    {'V', "version", NULL, F | R | A, "show the version and exit"},
    {'o', "output", "FILE", R, "write the review file to FILE (default: standard output); with -i, where decisions are saved"},
    {'i', "interactive", NULL, R, "decide in the terminal; with no PATH, resume the review saved in the -o FILE"},
    {OPT_ALL, "all", NULL, R, "with -i, visit every finding, not only the pending ones"},
    {OPT_RELOCATE, "relocate", NULL, A, "in a file changed since the review, find each finding by its context; refuse the ambiguous"},
    {OPT_BACKUP, "backup", "[=SUFFIX]", A, "keep each old file as FILE.orig (or FILE SUFFIX)"},
    {'n', "dry-run", NULL, A, "change nothing; print the diff of what would be applied"},
    {OPT_LEARN, "learn", NULL, A, "remember accepted pairs as a mapping and rejected ones as an ignore list (under $XDG_CONFIG_HOME/unspin)"},
};
#define NOPTS (sizeof table / sizeof table[0])

static const char *const level_names[] = {"safe", "normal", "aggressive", NULL};

static void print_opt(FILE *out, const opt_spec *o)
{
    buf b = BUF_INIT;
    if (o->id < 256)
        buf_printf(&b, "  -%c, --%s", o->id, o->name);
    else
        buf_printf(&b, "      --%s", o->name);
    if (o->arg)
        buf_printf(&b, o->arg[0] == '[' ? "%s" : "=%s", o->arg);
    fprintf(out, "%-26s%s%s\n", b.data, b.len >= 26 ? "\n                          " : "", o->help);
    buf_free(&b);
}

static void usage(FILE *out, int cmd)
{
    if (cmd == CMD_REVIEW) {
        fputs("Usage: unspin review [OPTION]... PATH...\n"
              "   or: unspin review -i -o FILE [OPTION]... [PATH...]\n"
              "Write a review file of the findings in PATHs: per finding its context, proposal\n"
              "and a decision (accept, reject, pending) pre-filled from --level, to edit and\n"
              "then carry out with 'unspin apply'. -i decides interactively in the terminal.\n"
              "Keys: a accept, r reject, e edit, A/R accept/reject this rule, u undo, s skip,\n"
              "1-9 take an alternative, q save and quit, ? help.\n\nOptions:\n", out);
    } else if (cmd == CMD_APPLY) {
        fputs("Usage: unspin apply [OPTION]... REVIEW\n"
              "Apply the accepted findings of a review file, and nothing else. A file changed\n"
              "since the review is refused and left untouched; files are replaced atomically.\n\n"
              "Options:\n", out);
    } else {
        fputs("Usage: unspin [OPTION]... [FILE]...\n"
              "   or: unspin review [OPTION]... PATH...\n"
              "   or: unspin apply [OPTION]... REVIEW\n"
              "Repair spun text (synonym-spinner substitutions) and OCR or encoding damage\nin FILEs or standard input.\n"
              "Only sure repairs are applied by default; every other byte passes through unchanged.\n"
              "'unspin review' writes the findings to a file for a person to decide on;\n"
              "'unspin apply' carries out the accepted ones.\n\n"
              "Options:\n", out);
    }
    int group = 0;
    for (size_t i = 0; i < NOPTS; i++) {
        const opt_spec *o = &table[i];
        if (cmd != CMD_FILTER && !(o->cmds & cmd))
            continue;
        if (cmd == CMD_FILTER && (o->cmds == R || o->cmds == A) && o->cmds != group) {
            group = o->cmds;
            fputs(group == R ? "\nReview options (unspin review):\n" : "\nApply options (unspin apply):\n", out);
        }
        print_opt(out, o);
    }
    if (cmd == CMD_APPLY)
        fputs("\nExit status: 0 every accepted finding applied (or already), 1 something refused\n"
              "(a file changed since the review, a context not found or ambiguous), 2 usage\n"
              "error, 3 bad review file or unreadable file, 4 system error (write failure).\n"
              "See unspin(1) and unspin-review(5).\n", out);
    else
        fputs("\nExit status: 0 success (with --check: nothing found), 1 damage found (--check)\n"
              "or problems found (--lint-dict), 2 usage error, 3 bad data or unreadable input,\n"
              "4 system error (write failure, out of memory).\n"
              "See unspin(1), unspin-dict(5) and unspin-review(5).\n", out);
}

static int usage_error(const char *msg, const char *arg)
{
    fputs("unspin: error: ", stderr);
    fprintf(stderr, msg, arg);
    fputs("\nTry 'unspin --help' for more information.\n", stderr);
    return UNSPIN_EXIT_USAGE;
}

static size_t cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

static int lookup(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* The option of another command that arg (as written) names, if any: for a
 * clearer message than "unknown option". */
static const opt_spec *other_cmd_opt(const char *arg, int cmd)
{
    for (size_t i = 0; i < NOPTS; i++) {
        const opt_spec *o = &table[i];
        if (o->cmds & cmd)
            continue;
        size_t n = strlen(o->name);
        if ((arg[0] == '-' && arg[1] == '-' && strncmp(arg + 2, o->name, n) == 0 &&
             (arg[2 + n] == '\0' || arg[2 + n] == '=')) ||
            (arg[0] == '-' && arg[1] == o->id && o->id < 256))
            return o;
    }
    return NULL;
}

int options_parse(int argc, char **argv, cli *c)
{
    memset(c, 0, sizeof *c);
    c->format = -1;
    c->cmd = CMD_FILTER;
    c->lib.level = UNSPIN_LEVEL_NORMAL;
    /* A subcommand is the first argument; a file of that name is ./review. */
    const char *cmd_name = "unspin";
    if (argc > 1 && (strcmp(argv[1], "review") == 0 || strcmp(argv[1], "apply") == 0)) {
        c->cmd = argv[1][0] == 'r' ? CMD_REVIEW : CMD_APPLY;
        cmd_name = c->cmd == CMD_REVIEW ? "unspin review" : "unspin apply";
        argc--;
        argv++;
    }
    c->batch.jobs = 1;
    c->batch.progress = -1;
    /* Only the options of this command: -i means --interactive to review
     * and --in-place to the filter. */
    struct option longs[NOPTS + 1];
    char shorts[3 * NOPTS + 2];
    size_t ns = 0, nl = 0;
    shorts[ns++] = ':';   /* report a missing argument as ':' */
    for (size_t i = 0; i < NOPTS; i++) {
        if (!(table[i].cmds & c->cmd))
            continue;
        int optional = table[i].arg && table[i].arg[0] == '[';
        int has = !table[i].arg ? no_argument : optional ? optional_argument : required_argument;
        longs[nl++] = (struct option){table[i].name, has, NULL, table[i].id};
        if (table[i].id < 256) {
            shorts[ns++] = (char)table[i].id;
            if (table[i].arg)
                shorts[ns++] = ':';
            if (optional)
                shorts[ns++] = ':';
        }
    }
    longs[nl] = (struct option){NULL, 0, NULL, 0};
    shorts[ns] = '\0';
    opterr = 0;
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (ch == '?') {
            const opt_spec *o = other_cmd_opt(argv[optind - 1], c->cmd);
            if (o) {
                char msg[128];
                snprintf(msg, sizeof msg, "option '--%s' does not go with '%%s'", o->name);
                return usage_error(msg, cmd_name);
            }
        }
        switch (ch) {
        case 'c': c->check = 1; break;
        case 'f':
            c->format = lookup(fmt_names, optarg);
            if (c->format < 0 || c->format == FMT_CHECK)
                return usage_error("unknown format '%s' (text, diff, jsonl, annotate)", optarg);
            break;
        case 'l':
            c->lib.level = lookup(level_names, optarg);
            if (c->lib.level < 0)
                return usage_error("unknown level '%s' (safe, normal, aggressive)", optarg);
            break;
        case 'd':
            c->dicts = xrealloc(c->dicts, (c->ndicts + 1) * sizeof *c->dicts);
            c->dicts[c->ndicts++] = optarg;
            break;
        case OPT_IGNORE:
            c->ignores = xrealloc(c->ignores, (c->nignores + 1) * sizeof *c->ignores);
            c->ignores[c->nignores++] = optarg;
            break;
        case OPT_NO_MAPPING: c->lib.no_mapping = 1; break;
        case OPT_LM: c->lib.lm_path = optarg; break;
        case OPT_NO_LM: c->lib.no_lm = 1; break;
        case OPT_NO_THESAURUS: c->lib.no_thesaurus = 1; break;
        case OPT_ASSUME_SPUN: c->lib.assume_spun = 1; break;
        case OPT_DATA_DIR: c->lib.data_dir = optarg; break;
        case OPT_LINT_DICT: c->lint = 1; break;
        case OPT_LANG: c->lib.lang = optarg; break;
        case OPT_DICT_DIR: c->lib.dict_dir = optarg; break;
        case OPT_WORDS: c->lib.words = optarg; break;
        case OPT_NO_SPELL: c->lib.no_spell = 1; break;
        case 'o': c->output = optarg; break;
        case OPT_ALL: c->all = 1; break;
        case OPT_RELOCATE: c->relocate = 1; break;
        case OPT_BACKUP:
            c->backup = optarg ? optarg : ".orig";
            if (!c->backup[0] || strchr(c->backup, '/'))
                return usage_error("bad backup suffix '%s' (not empty, no '/')", c->backup);
            break;
        case 'n': c->dry_run = 1; break;
        case OPT_LEARN: c->learn = 1; break;
        case 'q': c->quiet = 1; c->batch.progress = 0; break;
        case 'r': c->batch.walk.recursive = 1; break;
        case OPT_INCLUDE:
            c->includes = xrealloc(c->includes, (c->nincludes + 1) * sizeof *c->includes);
            c->includes[c->nincludes++] = optarg;
            break;
        case OPT_EXCLUDE:
            c->excludes = xrealloc(c->excludes, (c->nexcludes + 1) * sizeof *c->excludes);
            c->excludes[c->nexcludes++] = optarg;
            break;
        case 'i':
            /* -i: interactive for review, in place for the filter. */
            if (c->cmd == CMD_REVIEW) {
                c->interactive = 1;
                break;
            }
            c->batch.in_place = 1;
            c->batch.backup = optarg && *optarg ? optarg : NULL;
            break;
        case OPT_OUTPUT_DIR: c->batch.output_dir = optarg; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end || n < 0 || n > 1024)
                return usage_error("bad number of jobs '%s' (0 to 1024)", optarg);
            c->batch.jobs = n ? (size_t)n : cpu_count();
            break;
        }
        case OPT_JSONL_FIELD:
            if (!*optarg)
                return usage_error("%s needs a member name", "--jsonl-field");
            c->batch.jsonl_field = optarg;
            break;
        case OPT_DROP_BAD: c->batch.drop_bad = 1; break;
        case OPT_PROGRESS: if (!c->quiet) c->batch.progress = 1; break;
        case OPT_STATS: c->batch.stats = 1; break;
        case 'h':
            usage(stdout, c->cmd);
            return UNSPIN_EXIT_OK;
        case 'V':
            printf("unspin %s\n", unspin_version());
            return UNSPIN_EXIT_OK;
        case ':':
            return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    c->lib.dicts = c->dicts;
    c->lib.ndicts = c->ndicts;
    c->lib.ignores = c->ignores;
    c->lib.nignores = c->nignores;
    c->user_dir = learn_dir();
    c->lib.user_dir = c->user_dir;
    c->batch.walk.include = c->includes;
    c->batch.walk.ninclude = c->nincludes;
    c->batch.walk.exclude = c->excludes;
    c->batch.walk.nexclude = c->nexcludes;
    c->batch.format = c->format >= 0 ? c->format : (c->check ? FMT_CHECK : FMT_TEXT);
    /* Combinations that cannot mean anything. */
    if (c->batch.in_place && c->batch.output_dir)
        return usage_error("choose one of --in-place and --output-dir%s", "");
    if (c->batch.in_place && (c->check || c->format > 0))
        return usage_error("%s writes repaired text: --check and --format do not go with it",
                           "--in-place");
    if (c->batch.jsonl_field && (c->check || c->format > 0))
        return usage_error("%s writes records: --check and --format do not go with it",
                           "--jsonl-field");
    if (c->batch.drop_bad && !c->batch.jsonl_field)
        return usage_error("%s goes with --jsonl-field", "--drop-bad");
    c->files = argv + optind;
    c->nfiles = (size_t)(argc - optind);
    return -1;
}

void options_free(cli *c)
{
    free(c->dicts);
    c->dicts = NULL;
    free(c->ignores);
    c->ignores = NULL;
    free(c->user_dir);
    c->user_dir = NULL;
    free(c->includes);
    c->includes = NULL;
    free(c->excludes);
    c->excludes = NULL;
}
