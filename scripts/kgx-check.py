#!/usr/bin/env python3
"""Independent check of a kapgraph export directory.

kapgraph's Go tests read their own output back; that proves the writer and
the reader agree, not that anyone else can read the files. This script is
the outside reader: it uses NetworkX for GraphML and the Biolink Model's
own schema (the biolink-model package) for KGX, and shares no code with
kapgraph.

    kgx-check.py DIR... [--require-biolink] [--kgx-validate {auto,yes,no}]

Each DIR holds any of: nodes.jsonl, edges.jsonl, manifest.json (a KGX export),
kapgraph.graphml. What is there is checked, and cross-checked when both
KGX and GraphML are present. Exit status: 0 all good, 1 problems found,
2 bad usage, an empty directory or a required tool missing.
"""

import argparse
import hashlib
import importlib.resources
import importlib.util
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

CURIE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*:\S+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}

NODE_REQUIRED = ("id", "category")
EDGE_REQUIRED = ("id", "subject", "predicate", "object", "knowledge_level",
                 "agent_type", "primary_knowledge_source")
MANIFEST_REQUIRED = ("name", "biolink_version", "date", "infores", "node_count",
                     "edge_count", "files")


class Report:
    def __init__(self):
        self.problems = []
        self.notes = []
        self.checks = 0

    def check(self, ok, msg):
        self.checks += 1
        if not ok:
            self.problems.append(msg)
        return ok

    def note(self, msg):
        self.notes.append(msg)


def snake(name):
    """Biolink element name (as in the YAML) to slot form: 'has part' -> has_part."""
    return name.replace(" ", "_")


def camel_to_name(curie):
    """biolink:SmallMolecule -> 'small molecule' (the schema's class key)."""
    local = curie.split(":", 1)[1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).lower()


class Biolink:
    """The few questions this checker asks of the Biolink Model schema."""

    def __init__(self, schema):
        import yaml  # only needed with the schema

        # The C loader reads the 0.5 MB schema in under a second; the pure
        # Python one takes several.
        self.raw = yaml.load(schema, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.version = str(self.raw.get("version", "?"))
        self.classes = self.raw["classes"]
        self.slots = self.raw["slots"]
        self.enums = self.raw["enums"]
        self.class_by_curie = {}
        for name, c in self.classes.items():
            curie = "biolink:" + "".join(w[:1].upper() + w[1:] for w in re.split(r"[ _]", name))
            self.class_by_curie[curie] = name
        self.slot_by_curie = {"biolink:" + snake(n): n for n in self.slots}

    def ancestors(self, table, name):
        seen = []
        while name and name not in seen:
            seen.append(name)
            name = (table.get(name) or {}).get("is_a")
        return seen

    def category_problem(self, curie):
        name = self.class_by_curie.get(curie)
        if name is None:
            return "not a Biolink class"
        c = self.classes[name] or {}
        if c.get("mixin"):
            return "a mixin, which TRAPI forbids as a category"
        if "named thing" not in self.ancestors(self.classes, name):
            return "not in the NamedThing hierarchy"
        return None

    def is_abstract(self, curie):
        name = self.class_by_curie.get(curie)
        return bool(name and (self.classes[name] or {}).get("abstract"))

    def predicate_problem(self, curie):
        name = self.slot_by_curie.get(curie)
        if name is None:
            return "not a Biolink slot"
        s = self.slots[name] or {}
        if s.get("abstract") or s.get("mixin"):
            return "abstract or mixin"
        if "related to" not in self.ancestors(self.slots, name):
            return "not in the related_to hierarchy"
        return None

    def slot(self, prop):
        return self.slots.get(prop.replace("_", " "))

    def enum_values(self, prop):
        s = self.slot(prop) or {}
        rng = s.get("range")
        if rng in self.enums:
            return set((self.enums[rng].get("permissible_values") or {}).keys())
        return None


def load_biolink(required, rep):
    spec = importlib.util.find_spec("biolink_model")
    if spec is None or importlib.util.find_spec("yaml") is None:
        msg = "the biolink-model and PyYAML packages are not installed: Biolink schema checks skipped (run scripts/setup-python.sh)"
        if required:
            print("kgx-check: " + msg, file=sys.stderr)
            sys.exit(2)
        rep.note(msg)
        return None
    ref = importlib.resources.files("biolink_model") / "schema" / "biolink_model.yaml"
    with ref.open("r", encoding="utf-8") as f:
        return Biolink(f.read())


def read_jsonl(path, rep):
    records = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                rep.check(False, f"{os.path.basename(path)}:{i}: empty line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                rep.check(False, f"{os.path.basename(path)}:{i}: not JSON: {e}")
                continue
            if rep.check(isinstance(rec, dict), f"{os.path.basename(path)}:{i}: not a JSON object"):
                records.append(rec)
    return records


def check_biolink_properties(kind, rec, bl, rep):
    """Every property is a Biolink slot used with its cardinality and enum,
    or a kap_ extension."""
    for prop, value in rec.items():
        if prop.startswith("kap_"):
            continue
        slot = bl.slot(prop) if bl else None
        if bl is None:
            continue
        if not rep.check(slot is not None, f"{kind} {rec.get('id')}: property {prop} is neither a Biolink slot nor kap_-prefixed"):
            continue
        multivalued = bool(slot.get("multivalued"))
        if prop in ("id", "subject", "object", "predicate"):
            multivalued = False
        if prop == "category":
            multivalued = True
        rep.check(isinstance(value, list) == multivalued,
                  f"{kind} {rec.get('id')}: {prop} should be {'a list' if multivalued else 'a single value'}, got {type(value).__name__}")
        allowed = bl.enum_values(prop)
        if allowed is not None:
            for v in value if isinstance(value, list) else [value]:
                rep.check(v in allowed, f"{kind} {rec.get('id')}: {prop} value {v!r} is not in Biolink's {slot.get('range')}")
        if slot.get("range") == "boolean":
            rep.check(isinstance(value, bool), f"{kind} {rec.get('id')}: {prop} is not a boolean")
        if slot.get("range") == "uriorcurie":
            for v in value if isinstance(value, list) else [value]:
                rep.check(isinstance(v, str) and CURIE.match(v), f"{kind} {rec.get('id')}: {prop} value {v!r} is not a CURIE")


def check_nodes(nodes, bl, rep):
    ids = set()
    abstract = {}
    for n in nodes:
        for k in NODE_REQUIRED:
            rep.check(k in n, f"node {n.get('id')}: missing required {k}")
        nid = n.get("id")
        rep.check(isinstance(nid, str) and CURIE.match(nid or ""), f"node id {nid!r} is not a CURIE")
        rep.check(nid not in ids, f"node id {nid} appears twice")
        ids.add(nid)
        cats = n.get("category")
        if rep.check(isinstance(cats, list) and cats, f"node {nid}: category must be a non-empty list"):
            for c in cats:
                if rep.check(isinstance(c, str) and c.startswith("biolink:"), f"node {nid}: category {c!r} is not a biolink: CURIE") and bl:
                    p = bl.category_problem(c)
                    rep.check(p is None, f"node {nid}: category {c} is {p}")
                    if bl.is_abstract(c):
                        abstract[c] = abstract.get(c, 0) + 1
        for k in ("synonym", "xref", "provided_by"):
            if k in n:
                rep.check(isinstance(n[k], list) and all(isinstance(x, str) for x in n[k]), f"node {nid}: {k} must be a list of strings")
        for x in n.get("xref") or []:
            rep.check(CURIE.match(x), f"node {nid}: xref {x!r} is not a CURIE")
        check_biolink_properties("node", n, bl, rep)
    for c, count in sorted(abstract.items()):
        # Biolink allows abstract classes in queries but not as the class
        # of an instance; kapgraph's category table decides, so say it
        # without failing.
        rep.note(f"{count} nodes have the abstract category {c} (Biolink has no concrete class for them)")
    return ids


def check_edges(edges, node_ids, bl, rep):
    ids = set()
    for e in edges:
        eid = e.get("id")
        for k in EDGE_REQUIRED:
            rep.check(k in e, f"edge {eid}: missing required {k}")
        rep.check(eid not in ids, f"edge id {eid} appears twice")
        ids.add(eid)
        for end in ("subject", "object"):
            rep.check(e.get(end) in node_ids, f"edge {eid}: {end} {e.get(end)!r} is not a node in nodes.jsonl")
        for k in ("predicate", "qualified_predicate"):
            if k not in e:
                continue
            p = e[k]
            if rep.check(isinstance(p, str) and p.startswith("biolink:"), f"edge {eid}: {k} {p!r} is not a biolink: CURIE") and bl:
                prob = bl.predicate_problem(p)
                rep.check(prob is None, f"edge {eid}: {k} {p} is {prob}")
        rep.check(isinstance(e.get("primary_knowledge_source"), str) and e["primary_knowledge_source"].startswith("infores:"),
                  f"edge {eid}: primary_knowledge_source must be one infores: CURIE")
        for k in ("publications", "supporting_text"):
            if k in e:
                rep.check(isinstance(e[k], list) and e[k] and all(isinstance(x, str) and x for x in e[k]),
                          f"edge {eid}: {k} must be a non-empty list of strings")
        for p in e.get("publications") or []:
            rep.check(CURIE.match(p), f"edge {eid}: publication {p!r} is not a CURIE")
        if "object_direction_qualifier" in e:
            rep.check(e.get("qualified_predicate") == "biolink:causes",
                      f"edge {eid}: a direction qualifier on affects needs qualified_predicate biolink:causes")
        for ev in e.get("kap_evidence") or []:
            rep.check(ev.get("quote") in (e.get("supporting_text") or []), f"edge {eid}: evidence quote missing from supporting_text")
        check_biolink_properties("edge", e, bl, rep)
    return ids


def check_manifest(path, directory, nodes, edges, bl, rep):
    with open(path, encoding="utf-8") as f:
        m = json.load(f)
    for k in MANIFEST_REQUIRED:
        rep.check(k in m, f"manifest: missing {k}")
    rep.check(DATE.match(str(m.get("date", ""))), f"manifest: date {m.get('date')!r} is not YYYY-MM-DD")
    rep.check(m.get("node_count") == len(nodes), f"manifest: node_count {m.get('node_count')} but nodes.jsonl has {len(nodes)} lines")
    rep.check(m.get("edge_count") == len(edges), f"manifest: edge_count {m.get('edge_count')} but edges.jsonl has {len(edges)} lines")
    for f in m.get("files") or []:
        p = os.path.join(directory, f.get("path", ""))
        if not rep.check(os.path.isfile(p), f"manifest: lists {f.get('path')}, which is not there"):
            continue
        data = open(p, "rb").read()
        rep.check(hashlib.sha256(data).hexdigest() == f.get("sha256"), f"manifest: sha256 of {f.get('path')} does not match")
        rep.check(len(data) == f.get("bytes"), f"manifest: size of {f.get('path')} does not match")
    if bl and m.get("biolink_version") != bl.version:
        rep.note(f"manifest names Biolink {m.get('biolink_version')}; checked against the installed Biolink {bl.version}")
    return m


def check_graphml(path, nodes, edges, rep):
    try:
        import networkx as nx
    except ImportError:
        print("kgx-check: networkx is not installed (run scripts/setup-python.sh)", file=sys.stderr)
        sys.exit(2)

    # The key declarations, read as plain XML: every attribute must be typed.
    root = ET.parse(path).getroot()
    rep.check(root.tag == GRAPHML_NS + "graphml", "graphml: root element is not graphml in the GraphML namespace")
    types = {}
    for key in root.iter(GRAPHML_NS + "key"):
        t = key.get("attr.type")
        rep.check(t in GRAPHML_TYPES, f"graphml: key {key.get('id')} has attr.type {t!r}")
        rep.check(bool(key.get("attr.name")), f"graphml: key {key.get('id')} has no attr.name")
        types[(key.get("for"), key.get("attr.name"))] = t
    g = root.find(GRAPHML_NS + "graph")
    rep.check(g is not None and g.get("edgedefault") == "directed", "graphml: graph is not directed")

    G = nx.read_graphml(path)
    rep.check(G.is_directed(), "graphml: NetworkX did not read a directed graph")
    pytype = {"boolean": bool, "int": int, "long": int, "float": float, "double": float, "string": str}
    for n, d in G.nodes(data=True):
        for k, v in d.items():
            t = types.get(("node", k))
            rep.check(t is not None and isinstance(v, pytype[t]), f"graphml: node {n} attribute {k}={v!r} is not of declared type {t}")
    edge_iter = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in G.edges(data=True))
    gml_edges = {}
    for u, v, key, d in edge_iter:
        for k, val in d.items():
            if k == "id":
                continue
            t = types.get(("edge", k))
            rep.check(t is not None and isinstance(val, pytype[t]), f"graphml: edge {key} attribute {k}={val!r} is not of declared type {t}")
        gml_edges[key] = (u, v, d)

    summary = f"graphml: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {len(types)} typed keys"
    if nodes is not None:
        rep.check(G.number_of_nodes() == len(nodes), f"graphml: {G.number_of_nodes()} nodes but nodes.jsonl has {len(nodes)}")
        rep.check(set(G.nodes) == {n["id"] for n in nodes}, "graphml: node ids differ from nodes.jsonl")
        for n in nodes:
            d = G.nodes.get(n["id"]) or {}
            rep.check(d.get("category") == n["category"][0], f"graphml: node {n['id']} category differs from KGX")
            rep.check(d.get("name") == n.get("name"), f"graphml: node {n['id']} name {d.get('name')!r} differs from KGX {n.get('name')!r}")
            if "kap_year" in n:
                rep.check(d.get("year") == n["kap_year"], f"graphml: node {n['id']} year differs from KGX")
    if edges is not None:
        rep.check(G.number_of_edges() == len(edges), f"graphml: {G.number_of_edges()} edges but edges.jsonl has {len(edges)}")
        rep.check(set(gml_edges) == {e["id"] for e in edges}, "graphml: edge ids differ from edges.jsonl")
        for e in edges:
            got = gml_edges.get(e["id"])
            if not rep.check(got is not None, f"graphml: edge {e['id']} missing"):
                continue
            u, v, d = got
            rep.check((u, v) == (e["subject"], e["object"]), f"graphml: edge {e['id']} ends differ from KGX")
            rep.check(d.get("predicate") == e["predicate"], f"graphml: edge {e['id']} predicate differs from KGX")
            rep.check(d.get("negated") == e.get("negated", False), f"graphml: edge {e['id']} negated differs from KGX")
            rep.check(abs(d.get("score", -1) - e["kap_score"]) < 1e-12, f"graphml: edge {e['id']} score differs from KGX")
            if e.get("kap_evidence"):
                rep.check(json.loads(d.get("evidence", "[]")) == e["kap_evidence"], f"graphml: edge {e['id']} evidence differs from KGX")
    return summary


def offline_biolink_fetches():
    """Serves the files kgx and bmt download at import time (the Biolink
    schema, its predicate mapping, JSON-LD contexts) from the installed
    biolink-model package, so the validator runs with no network and
    against the pinned Biolink release rather than whatever bmt names."""
    import requests
    import bmt.toolkit

    res = importlib.resources.files("biolink_model")
    schema = res / "schema" / "biolink_model.yaml"
    prefixes = json.loads((res / "prefixmaps" / "biolink-model-prefix-map.json").read_text(encoding="utf-8"))

    class Response:
        status_code = 200

        def __init__(self, text):
            self.text, self.content = text, text.encode()

        def json(self):
            return json.loads(self.text)

        def raise_for_status(self):
            pass

    def get(url, *args, **kwargs):
        if url.endswith(("biolink-model.yaml", "biolink_model.yaml")):
            return Response(schema.read_text(encoding="utf-8"))
        if url.endswith("predicate_mapping.yaml"):
            return Response("predicate mappings: []\n")
        if url.endswith("context.jsonld"):
            return Response(json.dumps({"@context": prefixes if "biolink" in url else {}}))
        raise RuntimeError("kgx-check runs offline; kgx asked for " + url)

    requests.get = get
    requests.Session.get = lambda self, url, *a, **k: get(url)
    init = bmt.toolkit.Toolkit.__init__
    bmt.toolkit.Toolkit.__init__ = lambda self, schema_arg=None, *a, **k: init(self, str(schema), *a, **k)


def run_kgx_validator(nodes_path, edges_path, mode, local_prefixes, rep):
    """The KGX project's own validator, where it is installed (it is heavy:
    scripts/setup-python.sh installs it only with KAPGRAPH_KGX=1)."""
    if mode == "no":
        return "kgx validator: not run (--kgx-validate no)"
    if importlib.util.find_spec("kgx") is None or importlib.util.find_spec("bmt") is None:
        if mode == "yes":
            print("kgx-check: the kgx package is not installed (KAPGRAPH_KGX=1 scripts/setup-python.sh)", file=sys.stderr)
            sys.exit(2)
        return "kgx validator: not installed, skipped"
    offline_biolink_fetches()
    from kgx.transformer import Transformer
    from kgx.validator import Validator

    validator = Validator(verbose=False)
    # The export's own declared prefixes are not Biolink's to know.
    validator.prefixes.update(local_prefixes)
    Transformer(stream=True).transform(
        input_args={"filename": [nodes_path, edges_path], "format": "jsonl"},
        output_args={"format": "null"},
        inspector=validator,
    )
    count = 0
    for level, by_type in (validator.get_errors() or {}).items():
        for etype, by_msg in by_type.items():
            for msg, ids in by_msg.items():
                count += 1
                line = f"kgx validator {level} {etype}: {msg}"
                # KGX accepts any CURIE; a prefix missing from Biolink's
                # JSON-LD context is worth knowing, not a broken file.
                if str(level).upper() == "ERROR" and "not represented in Biolink Model JSON-LD context" not in msg:
                    rep.check(False, line)
                else:
                    rep.note(line)
    return f"kgx validator: ran, {count} distinct messages"


def check_dir(d, bl_loader, kgx_mode, local_prefixes):
    """Checks one export directory; returns its Report, or None when the
    directory holds no export at all."""
    rep = Report()
    paths = {name: os.path.join(d, name) for name in ("nodes.jsonl", "edges.jsonl", "manifest.json", "kapgraph.graphml")}
    present = {k: os.path.isfile(p) for k, p in paths.items()}
    if not any(present.values()):
        print(f"kgx-check: {d} holds none of {', '.join(paths)}", file=sys.stderr)
        return None
    if present["nodes.jsonl"] != present["edges.jsonl"]:
        rep.check(False, "a KGX export needs both nodes.jsonl and edges.jsonl")

    summaries = []
    nodes = edges = None
    if present["nodes.jsonl"] and present["edges.jsonl"]:
        bl = bl_loader(rep)
        nodes = read_jsonl(paths["nodes.jsonl"], rep)
        edges = read_jsonl(paths["edges.jsonl"], rep)
        node_ids = check_nodes(nodes, bl, rep)
        check_edges(edges, node_ids, bl, rep)
        summaries.append(f"kgx: {len(nodes)} nodes, {len(edges)} edges" + (f", Biolink {bl.version} schema" if bl else ", structure only"))
        if present["manifest.json"]:
            m = check_manifest(paths["manifest.json"], d, nodes, edges, bl, rep)
            summaries.append(f"manifest: Biolink {m.get('biolink_version')}, date {m.get('date')}")
        else:
            rep.check(False, "KGX export without manifest.json")
        summaries.append(run_kgx_validator(paths["nodes.jsonl"], paths["edges.jsonl"], kgx_mode, local_prefixes, rep))
    if present["kapgraph.graphml"]:
        summaries.append(check_graphml(paths["kapgraph.graphml"], nodes, edges, rep))

    print(f"kgx-check: {d}")
    for s in summaries:
        print("kgx-check:   " + s)
    for n in rep.notes:
        print("kgx-check:   note: " + n)
    for p in rep.problems[:200]:
        print("kgx-check:   PROBLEM: " + p)
    if len(rep.problems) > 200:
        print(f"kgx-check:   ... and {len(rep.problems) - 200} more problems")
    verdict = "OK" if not rep.problems else f"{len(rep.problems)} problems"
    print(f"kgx-check:   {verdict} ({rep.checks} checks)")
    return rep


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    ap.add_argument("--require-biolink", action="store_true", help="fail when the biolink-model package is missing")
    ap.add_argument("--kgx-validate", choices=("auto", "yes", "no"), default="auto",
                    help="run the kgx package's validator: when installed (auto), always, or never")
    ap.add_argument("--local-prefix", action="append", default=["KAP"],
                    help="a CURIE prefix the export declares for its own ids (KAP by default; repeatable)")
    args = ap.parse_args()

    cache = {}

    def bl_loader(rep):
        # The schema is read once for all directories.
        if "bl" not in cache:
            notes = Report()
            cache["bl"] = load_biolink(args.require_biolink, notes)
            cache["notes"] = notes.notes
        rep.notes.extend(cache["notes"])
        return cache["bl"]

    status = 0
    for d in args.dirs:
        rep = check_dir(d, bl_loader, args.kgx_validate, set(args.local_prefix))
        if rep is None:
            status = max(status, 2)
        elif rep.problems:
            status = max(status, 1)
    print("kgx-check: " + ("all OK" if status == 0 else "FAILED"))
    return status


if __name__ == "__main__":
    sys.exit(main())
