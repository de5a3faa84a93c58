#!/usr/bin/env python3
"""Duplicate screening on public data, through `supportctl rank --mode duplicates` (the product's code).

  python3 tests/eval/duplicates.py [--supportctl PATH] [--param NAME=VALUE]... [--misses N]

SemEval-2016 task 3B dev (50 new questions, each with 10 earlier forum questions to re-rank from
their texts alone): MAP, MRR, P@1 with the official conventions (top 10; a query without a
relevant candidate scores 0), also per half (queries alternate A, B in file order) as a
split-half check; then precision and recall of the engine's `duplicate` flag against the
`perfect_match` judgements (true duplicates), counted over all query-candidate pairs.

Data: $SUPPORT_EVAL_DATA, default ../shared/data beside the repository root.
supportctl: --supportctl, else $SUPPORTCTL, else build/native/tools/supportctl/supportctl.
Only the Python standard library is used. Not part of ./dev test.
"""
import argparse
import json
import os
import subprocess
import sys

from eval_data import default_data_dir, default_supportctl, load_jsonl, need_file

DATA = default_data_dir()
SOURCE = "SemEval-2016 Task 3, subtask B (English), dev set; see the data folder's README.md"






def rank(supportctl, docs, queries, params=()):
    extra = [arg for p in params for arg in ("--param", p)]
    cmd = [supportctl, "rank", "--mode", "duplicates", "--docs", docs, "--queries", queries] + extra
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"supportctl rank failed ({proc.returncode}): {proc.stderr.strip()}")
    return {r["query"]: r["results"] for r in map(json.loads, proc.stdout.splitlines())}


def average_precision(ranked, relevant, cutoff=10):
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:cutoff]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked, relevant, cutoff=10):
    for i, doc in enumerate(ranked[:cutoff]):
        if doc in relevant:
            return 1.0 / (i + 1)
    return 0.0


def evaluate(supportctl, params=(), show_misses=0, quiet=False):
    folder = os.path.join(DATA, "semeval2016-qq", "dev")
    docs = need_file(os.path.join(folder, "docs.jsonl"), SOURCE)
    queries_path = need_file(os.path.join(folder, "queries.jsonl"), SOURCE)
    queries = load_jsonl(queries_path)
    runs = rank(supportctl, docs, queries_path, params)
    sums = {key: [0.0, 0.0, 0.0, 0] for key in ("all", "A", "B")}
    flagged = flagged_right = perfect = perfect_found = 0
    misses = []
    for i, q in enumerate(queries):
        results = runs.get(q["id"])
        if results is None or sorted(r["id"] for r in results) != sorted(q["candidates"]):
            sys.exit(f"{q['id']}: supportctl did not return every candidate exactly once")
        ranked = [r["id"] for r in results]
        relevant = set(q.get("relevant", []))
        perfect_ids = set(q.get("perfect_match", []))
        ap, rr = average_precision(ranked, relevant), reciprocal_rank(ranked, relevant)
        p1 = 1.0 if ranked[0] in relevant else 0.0
        for key in ("all", "AB"[i % 2]):
            s = sums[key]
            s[0] += ap; s[1] += rr; s[2] += p1; s[3] += 1
        for r in results:
            flagged += r["duplicate"]
            flagged_right += r["duplicate"] and r["id"] in perfect_ids
        perfect += len(perfect_ids)
        perfect_found += sum(1 for r in results if r["duplicate"] and r["id"] in perfect_ids)
        misses.append((ap, q["id"], q["text"][:90].replace("\n", " / ")))
    figures = {key: tuple(100 * v / max(1, s[3]) for v in s[:3]) for key, s in sums.items()}
    precision = 100 * flagged_right / flagged if flagged else 0.0
    recall = 100 * perfect_found / perfect if perfect else 0.0
    if not quiet:
        n = len(queries)
        m, r, p = figures["all"]
        print(f"SemEval-2016 3B dev ({n} q)   MAP {m:5.2f}  MRR {r:5.2f}  P@1 {p:5.1f}")
        for key in ("A", "B"):
            m, r, p = figures[key]
            print(f"  half {key} ({sums[key][3]} q)           MAP {m:5.2f}  MRR {r:5.2f}  P@1 {p:5.1f}")
        print("  reference: search engine order MAP 71.35 / MRR 76.67 / P@1 70.0; plain BM25 MAP 64.35")
        print(f"duplicate flag vs perfect_match: precision {precision:5.1f} ({flagged_right} of {flagged} flagged)"
              f"   recall {recall:5.1f} ({perfect_found} of {perfect} true duplicates)")
        for ap, qid, text in sorted(misses)[:show_misses]:
            print(f"  AP {100 * ap:5.1f} {qid}: {text}")
    return figures, precision, recall




def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--supportctl", default=default_supportctl())
    parser.add_argument("--misses", type=int, default=0, help="list the N queries with the lowest AP")
    parser.add_argument("--param", action="append", default=[], help="NAME=VALUE, a DuplicateParams override")
    args = parser.parse_args()
    if not os.path.exists(args.supportctl):
        sys.exit(f"{args.supportctl} not found: build the supportctl target, pass --supportctl or set SUPPORTCTL")
    evaluate(args.supportctl, args.param, args.misses)


if __name__ == "__main__":
    main()
