/* options: the option table, parsing and --help. */
#include "options.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    OPT_NO_THESAURUS,
    OPT_ASSUME_SPUN
};

typedef struct opt_spec {
    int id;              /* short option character or OPT_* */
    const char *name;    /* long name */
    const char *arg;     /* argument name, or NULL */
    const char *help;
} opt_spec;

static const opt_spec table[] = {
    {'c', "check", NULL, "report findings instead of repairing; exit 1 when damage is found"},
    {'f', "format", "FMT", "output format: text (default), diff, jsonl, annotate"},
    {'l', "level", "LEVEL", "what to apply: safe, normal (default), aggressive"},
    {'d', "dict", "FILE", "also load this mapping file (repeatable; unspin-dict(5) or spun<TAB>original lists)"},
    {OPT_NO_MAPPING, "no-mapping", NULL, "do not load the built-in mapping"},
    {OPT_LM, "lm", "FILE", "the trigram language model (default: pocketsphinx-en-us's en-us.lm.bin)"},
    {OPT_NO_LM, "no-lm", NULL, "do not rank candidates with the language model"},
    {OPT_ASSUME_SPUN, "assume-spun", NULL, "treat every document as judged spun, whatever the verdict"},
    {OPT_NO_THESAURUS, "no-thesaurus", NULL, "no thesaurus candidates for words the mapping does not hold"},
    {OPT_DATA_DIR, "data-dir", "DIR", "where the built-in data lives (default: $UNSPIN_DATA, then the built-in path)"},
    {OPT_LANG, "lang", "LANG", "hunspell dictionary for spelling and OCR repairs (default: en_US)"},
    {OPT_DICT_DIR, "dict-dir", "DIR", "where LANG.aff and LANG.dic live (default: /usr/share/hunspell)"},
    {OPT_WORDS, "words", "FILE", "personal word list, one word per line: valid, never corrected"},
    {OPT_NO_SPELL, "no-spell", NULL, "do not use hunspell: no spelling findings, no OCR word repairs"},
    {OPT_LINT_DICT, "lint-dict", NULL, "check mapping files (FILE... or the loaded ones) for bad lines, duplicates, conflicts and chains"},
    {'q', "quiet", NULL, "print errors only"},
    {'h', "help", NULL, "show this help and exit"},
    {'V', "version", NULL, "show the version and exit"},
};
#define NOPTS (sizeof table / sizeof table[0])

static const char *const level_names[] = {"safe", "normal", "aggressive", NULL};

static void usage(FILE *out)
{
    fputs("Usage: unspin [OPTION]... [FILE]...\n"
          "Repair spun text (synonym-spinner substitutions) and OCR or encoding damage\nin FILEs or standard input.\n"
          "Only sure repairs are applied by default; every other byte passes through unchanged.\n\n"
          "Options:\n", out);
    for (size_t i = 0; i < NOPTS; i++) {
        const opt_spec *o = &table[i];
        buf b = BUF_INIT;
        if (o->id < 256)
            buf_printf(&b, "  -%c, --%s", o->id, o->name);
        else
            buf_printf(&b, "      --%s", o->name);
        if (o->arg)
            buf_printf(&b, "=%s", o->arg);
        fprintf(out, "%-26s%s%s\n", b.data, b.len >= 26 ? "\n                          " : "", o->help);
        buf_free(&b);
    }
    fputs("\nExit status: 0 success (with --check: nothing found), 1 damage found (--check)\n"
          "or problems found (--lint-dict), 2 usage error, 3 bad data or unreadable input,\n"
          "4 system error (write failure, out of memory).\n"
          "See unspin(1) and unspin-dict(5).\n", out);
}

static int usage_error(const char *msg, const char *arg)
{
    fputs("unspin: error: ", stderr);
    fprintf(stderr, msg, arg);
    fputs("\nTry 'unspin --help' for more information.\n", stderr);
    return UNSPIN_EXIT_USAGE;
}

static int lookup(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

int options_parse(int argc, char **argv, cli *c)
{
    memset(c, 0, sizeof *c);
    c->format = -1;
    c->lib.level = UNSPIN_LEVEL_NORMAL;
    struct option longs[NOPTS + 1];
    char shorts[2 * NOPTS + 2];
    size_t ns = 0;
    shorts[ns++] = ':';   /* report a missing argument as ':' */
    for (size_t i = 0; i < NOPTS; i++) {
        longs[i] = (struct option){table[i].name, table[i].arg ? required_argument : no_argument,
                                   NULL, table[i].id};
        if (table[i].id < 256) {
            shorts[ns++] = (char)table[i].id;
            if (table[i].arg)
                shorts[ns++] = ':';
        }
    }
    longs[NOPTS] = (struct option){NULL, 0, NULL, 0};
    shorts[ns] = '\0';
    opterr = 0;
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
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
        case 'q': c->quiet = 1; break;
        case 'h':
            usage(stdout);
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
    c->files = argv + optind;
    c->nfiles = (size_t)(argc - optind);
    return -1;
}

void options_free(cli *c)
{
    free(c->dicts);
    c->dicts = NULL;
}
