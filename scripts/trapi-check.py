#!/usr/bin/env python3
"""Independent check of kapgraph's TRAPI responses.

kapgraph's Go tests check what its TRAPI endpoint answers; this script is
the outside reader. It parses every response with reasoner-pydantic
(TRAPI's own pydantic models) and checks every category, predicate,
qualifier and Biolink attribute against the Biolink Model schema shipped
in the biolink-model package (helpers shared with kgx-check.py). It runs
offline: reasoner-validator, which downloads its schemas at run time,
cannot.

    trapi-check.py FILE... [--ancestry ancestry.json]

Each FILE is a /trapi/query response or a /trapi/meta_knowledge_graph
answer. --ancestry names the JSON of kapgraph's category and predicate
ancestor tables ({"categories": {...}, "predicates": {...}}), which are
compared with the schema's hierarchy. Exit status: 0 all good, 1 problems
found, 2 a required package missing.
"""

import argparse
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_kgx_check():
    """kgx-check.py's Biolink helpers (its file name is not importable)."""
    spec = importlib.util.spec_from_file_location("kgx_check", os.path.join(HERE, "kgx-check.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


kc = load_kgx_check()
SCHEMA_VERSION = "1.5.0"


def ancestors(table, name):
    """is_a and mixins, transitively: what a TRAPI query for an ancestor
    must match."""
    out, todo = [], [name]
    while todo:
        x = todo.pop(0)
        if x in out or x not in table:
            continue
        out.append(x)
        d = table[x] or {}
        if d.get("is_a"):
            todo.append(d["is_a"])
        todo.extend(d.get("mixins") or [])
    return out


def class_curie(name):
    return "biolink:" + "".join(w[:1].upper() + w[1:] for w in name.replace("_", " ").split(" "))


def check_ancestry(path, bl, rep):
    with open(path, encoding="utf-8") as f:
        tables = json.load(f)
    for curie, listed in sorted(tables["categories"].items()):
        name = bl.class_by_curie.get(curie)
        if not rep.check(name is not None, f"ancestry: {curie} is not a Biolink class"):
            continue
        want = {class_curie(a) for a in ancestors(bl.classes, name)[1:]}
        for extra in sorted(set(listed) - want):
            rep.check(False, f"ancestry: {curie}: the table lists {extra}, which the schema does not make an ancestor")
        for missing in sorted(want - set(listed)):
            rep.check(False, f"ancestry: {curie}: the schema's ancestor {missing} is missing from the table")
    for curie, listed in sorted(tables["predicates"].items()):
        name = bl.slot_by_curie.get(curie)
        if not rep.check(name is not None, f"ancestry: {curie} is not a Biolink slot"):
            continue
        want = {"biolink:" + kc.snake(a) for a in ancestors(bl.slots, name)[1:]}
        for extra in sorted(set(listed) - want):
            rep.check(False, f"ancestry: {curie}: the table lists {extra}, which the schema does not make an ancestor")
        for missing in sorted(want - set(listed)):
            rep.check(False, f"ancestry: {curie}: the schema's ancestor {missing} is missing from the table")


def check_symmetric(path, bl, rep):
    with open(path, encoding="utf-8") as f:
        listed = set(json.load(f).get("symmetric") or [])
    emitted = set(json.load(open(path, encoding="utf-8"))["predicates"])
    for curie in sorted(emitted):
        name = bl.slot_by_curie.get(curie)
        sym = bool(name and (bl.slots[name] or {}).get("symmetric"))
        if curie == "biolink:related_to":
            continue  # symmetric in Biolink; kapgraph reads edges by their own predicate
        if curie in listed:
            rep.check(sym, f"ancestry: {curie} is not symmetric in Biolink")
        else:
            rep.check(not sym, f"ancestry: {curie} is symmetric in Biolink but not in kapgraph's table")
    for curie in sorted(listed - emitted):
        rep.check(False, f"ancestry: {curie} is not symmetric in Biolink (nor a predicate kapgraph emits)")


def check_category(where, c, bl, rep):
    p = bl.category_problem(c)
    rep.check(p is None, f"{where}: category {c} is {p}")


def check_predicate(where, p, bl, rep):
    prob = bl.predicate_problem(p)
    rep.check(prob is None, f"{where}: predicate {p} is {prob}")


def is_qualifier_slot(bl, name):
    return "qualifier" in bl.ancestors(bl.slots, name)


def check_qualifier(where, type_id, values, bl, rep):
    """A qualifier type must be a Biolink qualifier slot; its values must be
    in the slot's enum, or Biolink predicates for qualified_predicate."""
    name = bl.slot_by_curie.get(type_id)
    if not rep.check(name is not None and is_qualifier_slot(bl, name), f"{where}: {type_id} is not a Biolink qualifier"):
        return
    allowed = bl.enum_values(kc.snake(name))
    for v in values:
        if type_id == "biolink:qualified_predicate":
            check_predicate(f"{where}: qualified_predicate", v, bl, rep)
        elif allowed is not None:
            rep.check(v in allowed, f"{where}: {type_id} value {v!r} is not in Biolink's {bl.slots[name].get('range')}")


def check_attributes(where, attrs, bl, rep):
    for a in attrs or []:
        t = a.get("attribute_type_id")
        if not rep.check(isinstance(t, str) and kc.CURIE.match(t), f"{where}: attribute_type_id {t!r} is not a CURIE"):
            continue
        if t.startswith("biolink:"):
            rep.check(t in bl.slot_by_curie, f"{where}: attribute type {t} is not a Biolink slot")
            if t in ("biolink:knowledge_level", "biolink:agent_type"):
                allowed = bl.enum_values(t.split(":", 1)[1])
                rep.check(allowed is not None and a.get("value") in allowed, f"{where}: {t} value {a.get('value')!r} is not in Biolink's enum")
        check_attributes(where, a.get("attributes"), bl, rep)


def check_response(data, bl, rep, models):
    try:
        models.Response.model_validate(data)
    except Exception as e:  # pydantic.ValidationError, kept general for its versions
        rep.check(False, f"reasoner-pydantic refuses the response: {e}".replace("\n", " | "))
    rep.check(data.get("schema_version") == SCHEMA_VERSION, f"schema_version {data.get('schema_version')!r}, want {SCHEMA_VERSION}")
    rep.check(data.get("biolink_version") == bl.version, f"biolink_version {data.get('biolink_version')!r}, the schema is {bl.version}")
    rep.check(isinstance(data.get("status"), str) and data.get("status"), "no status")
    msg = data.get("message") or {}
    if data.get("status") != "Success":
        rep.check(any(l.get("level") == "ERROR" for l in data.get("logs") or []), "an error response without an ERROR log entry")
    qg = msg.get("query_graph") or {}
    for k, n in (qg.get("nodes") or {}).items():
        for c in n.get("categories") or []:
            check_category(f"query node {k}", c, bl, rep)
    for k, e in (qg.get("edges") or {}).items():
        for p in e.get("predicates") or []:
            check_predicate(f"query edge {k}", p, bl, rep)
        for qc in e.get("qualifier_constraints") or []:
            for q in qc.get("qualifier_set") or []:
                check_qualifier(f"query edge {k}", q.get("qualifier_type_id"), [q.get("qualifier_value")], bl, rep)
    kg = msg.get("knowledge_graph") or {}
    nodes, edges = kg.get("nodes") or {}, kg.get("edges") or {}
    for nid, n in nodes.items():
        rep.check(kc.CURIE.match(nid), f"node id {nid!r} is not a CURIE")
        for c in n.get("categories") or []:
            check_category(f"node {nid}", c, bl, rep)
        check_attributes(f"node {nid}", n.get("attributes"), bl, rep)
    for eid, e in edges.items():
        for end in ("subject", "object"):
            rep.check(e.get(end) in nodes, f"edge {eid}: {end} {e.get(end)} is not in the knowledge graph")
        check_predicate(f"edge {eid}", e.get("predicate"), bl, rep)
        for q in e.get("qualifiers") or []:
            check_qualifier(f"edge {eid}", q.get("qualifier_type_id"), [q.get("qualifier_value")], bl, rep)
        primary = [s for s in e.get("sources") or [] if s.get("resource_role") == "primary_knowledge_source"]
        rep.check(len(primary) == 1 and primary[0].get("resource_id", "").startswith("infores:"),
                  f"edge {eid}: want one infores primary_knowledge_source, got {e.get('sources')}")
        types = [a.get("attribute_type_id") for a in e.get("attributes") or []]
        for need in ("biolink:knowledge_level", "biolink:agent_type"):
            rep.check(types.count(need) == 1, f"edge {eid}: {need} appears {types.count(need)} times")
        check_attributes(f"edge {eid}", e.get("attributes"), bl, rep)
    used = set()
    for i, r in enumerate(msg.get("results") or []):
        for k, bs in (r.get("node_bindings") or {}).items():
            rep.check(k in (qg.get("nodes") or {}), f"result {i}: binds {k}, which is not a query node")
            for b in bs:
                rep.check(b.get("id") in nodes, f"result {i}: node {b.get('id')} is not in the knowledge graph")
        for a in r.get("analyses") or []:
            for k, bs in (a.get("edge_bindings") or {}).items():
                rep.check(k in (qg.get("edges") or {}), f"result {i}: binds {k}, which is not a query edge")
                for b in bs:
                    rep.check(b.get("id") in edges, f"result {i}: edge {b.get('id')} is not in the knowledge graph")
                    used.add(b.get("id"))
    rep.check(used == set(edges), f"{len(set(edges) - used)} knowledge-graph edges are bound by no result")


def check_meta(data, bl, rep, models):
    try:
        models.MetaKnowledgeGraph.model_validate(data)
    except Exception as e:
        rep.check(False, f"reasoner-pydantic refuses the meta knowledge graph: {e}".replace("\n", " | "))
    for c in data.get("nodes") or {}:
        check_category("meta node", c, bl, rep)
    for e in data.get("edges") or []:
        where = f"meta edge {e.get('subject')} {e.get('predicate')} {e.get('object')}"
        check_category(where, e.get("subject"), bl, rep)
        check_category(where, e.get("object"), bl, rep)
        check_predicate(where, e.get("predicate"), bl, rep)
        rep.check(e.get("subject") in data["nodes"] and e.get("object") in data["nodes"], f"{where}: a category with no meta node")
        for q in e.get("qualifiers") or []:
            check_qualifier(where, q.get("qualifier_type_id"), q.get("applicable_values") or [], bl, rep)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--ancestry", help="kapgraph's ancestor tables, as JSON, to compare with the schema")
    args = ap.parse_args()
    try:
        import reasoner_pydantic as models
    except ImportError:
        print("trapi-check: reasoner-pydantic is not installed (run scripts/setup-python.sh)", file=sys.stderr)
        return 2
    notes = kc.Report()
    bl = kc.load_biolink(True, notes)

    status = 0
    if args.ancestry:
        rep = kc.Report()
        check_ancestry(args.ancestry, bl, rep)
        check_symmetric(args.ancestry, bl, rep)
        for p in rep.problems:
            print("trapi-check:   PROBLEM: " + p)
        print(f"trapi-check: ancestry tables: {'match the schema' if not rep.problems else 'differ from the schema'} ({rep.checks} checks)")
        if rep.problems:
            status = 1
    for path in args.files:
        rep = kc.Report()
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            rep.check(False, f"not JSON: {e}")
            data = None
        if isinstance(data, dict) and "message" in data:
            check_response(data, bl, rep, models)
        elif isinstance(data, dict):
            check_meta(data, bl, rep, models)
        for p in rep.problems[:50]:
            print(f"trapi-check:   PROBLEM: {os.path.basename(path)}: {p}")
        if len(rep.problems) > 50:
            print(f"trapi-check:   ... and {len(rep.problems) - 50} more problems")
        verdict = "OK" if not rep.problems else f"{len(rep.problems)} problems"
        print(f"trapi-check: {os.path.basename(path)}: {verdict} ({rep.checks} checks)")
        if rep.problems:
            status = 1
    print(f"trapi-check: Biolink {bl.version} schema, reasoner-pydantic TRAPI models")
    print("trapi-check: " + ("all OK" if status == 0 else "FAILED"))
    return status


if __name__ == "__main__":
    sys.exit(main())
