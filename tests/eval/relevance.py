#!/usr/bin/env python3
"""Relevance of the KB search on public data, through `supportctl rank` (the product's code).

  python3 tests/eval/relevance.py [--data DIR] [--supportctl PATH] [--param NAME=VALUE]... [--misses N]

Data folder: --data, else $SUPPORT_EVAL_DATA, else ../shared/data beside the repository root
(the research sets have no redistribution licence, so they are not part of the repository).
supportctl: --supportctl, else $SUPPORTCTL, else build/native/tools/supportctl/supportctl.
--param overrides a RankingParams field (supportctl rank --param) for tuning experiments.

StackFAQ (125 FAQ docs, 625 paraphrased questions): MRR, P@1, Recall@5 over all queries.
SemEval-2016 3B dev (50 questions x 10 candidates, ranked via "candidates"): MAP, MRR, P@1
with the official conventions (top 10; a query without relevant candidates scores 0).
Only the Python standard library is used.
"""
import argparse
import json
import os
import subprocess
import sys

from eval_data import default_data_dir, default_supportctl, load_jsonl

# The two research sets the evaluation reads (relative to the data folder) and where each comes from.
DATA_SETS = [
    ("StackFAQ: Karan & Šnajder, \"Paraphrase-focused learning to rank for domain-specific FAQ retrieval\", "
     "Expert Systems with Applications 91 (2018); files from the BERT-FAQ repository (data/StackFAQ), as JSON Lines",
     [os.path.join("stackfaq", "docs.jsonl"), os.path.join("stackfaq", "queries-dev.jsonl")]),
    ("SemEval-2016 Task 3, English subtask B (question-question similarity on Qatar Living; Nakov et al. 2016), "
     "dev set as JSON Lines",
     [os.path.join("semeval2016-qq", "dev", "docs.jsonl"), os.path.join("semeval2016-qq", "dev", "queries.jsonl")]),
]




def check_data(data):
    """Exits non-zero naming every missing file, the data set it belongs to and where it comes from."""
    lines = []
    for source, files in DATA_SETS:
        missing = [name for name in files if not os.path.isfile(os.path.join(data, name))]
        if missing:
            lines.append(f"  {', '.join(missing)}\n    data set: {source}")
    if not lines:
        return
    sys.exit("\n".join([f"evaluation data missing in {data}:"] + lines + [
        "These research sets are not part of the repository (neither has a clear licence to redistribute it).",
        "Put them there, or pass --data DIR or set SUPPORT_EVAL_DATA (expected layout: tests/eval/README.md)."]))




def rank(supportctl, docs, queries, top, params=()):
    extra = [arg for p in params for arg in ("--param", p)]
    proc = subprocess.run([supportctl, "rank", "--docs", docs, "--queries", queries, "--top", str(top)] + extra,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"supportctl rank failed ({proc.returncode}): {proc.stderr.strip()}")
    return {r["query"]: [hit["id"] for hit in r["results"]] for r in map(json.loads, proc.stdout.splitlines())}


def average_precision(ranked, relevant, cutoff):
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked[:cutoff]):
        if doc in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant) if relevant else 0.0


def reciprocal_rank(ranked, relevant, cutoff):
    for i, doc in enumerate(ranked[:cutoff]):
        if doc in relevant:
            return 1.0 / (i + 1)
    return 0.0


def stackfaq(supportctl, data, show_misses, params=(), quiet=False):
    """Returns {"all"|"A"|"B": (MRR, P@1, R@5)}. Halves for split-half checks: queries in file
    order alternate A, B, A, ... (five paraphrases per doc, so each doc's paraphrases are
    split between the halves, alternating which half gets three)."""
    folder = os.path.join(data, "stackfaq")
    queries = load_jsonl(os.path.join(folder, "queries-dev.jsonl"))
    runs = rank(supportctl, os.path.join(folder, "docs.jsonl"), os.path.join(folder, "queries-dev.jsonl"), 1000, params)
    sums = {key: [0.0, 0.0, 0.0, 0] for key in ("all", "A", "B")}
    misses = []
    for i, q in enumerate(queries):
        ranked, relevant = runs.get(q["id"], []), set(q["relevant"])
        rr = reciprocal_rank(ranked, relevant, len(ranked))
        p1 = 1.0 if ranked[:1] and ranked[0] in relevant else 0.0
        r5 = len(relevant & set(ranked[:5])) / len(relevant)
        for key in ("all", "AB"[i % 2]):
            sums[key][0] += rr
            sums[key][1] += p1
            sums[key][2] += r5
            sums[key][3] += 1
        if rr < 1:
            misses.append((rr, q["id"], q["text"], ranked[:3]))
    result = {key: tuple(100 * v / max(1, s[3]) for v in s[:3]) for key, s in sums.items()}
    if not quiet:
        n = len(queries)
        mrr, p1, r5 = result["all"]
        print(f"StackFAQ dev ({n} queries)   MRR {mrr:5.1f}   P@1 {p1:5.1f}   R@5 {r5:5.1f}"
              f"   (halves A/B MRR {result['A'][0]:5.1f} / {result['B'][0]:5.1f})")
        print("  reference plain BM25        MRR  78.0   P@1  68.3   R@5  91.5")
        for rr, qid, text, top in sorted(misses)[:show_misses]:
            print(f"  miss rr={rr:.2f} {qid}: {text!r} -> {top}")
    return result


def semeval(supportctl, data, params=(), quiet=False):
    folder = os.path.join(data, "semeval2016-qq", "dev")
    queries = load_jsonl(os.path.join(folder, "queries.jsonl"))
    runs = rank(supportctl, os.path.join(folder, "docs.jsonl"), os.path.join(folder, "queries.jsonl"), 10, params)
    total_ap = total_rr = total_p1 = 0.0
    for q in queries:
        ranked, relevant = runs.get(q["id"], []), set(q.get("relevant", []))
        # Candidates the engine found no word in still belong at the bottom of the list.
        ranked = ranked + [c for c in q["candidates"] if c not in ranked]
        total_ap += average_precision(ranked, relevant, 10)
        total_rr += reciprocal_rank(ranked, relevant, 10)
        total_p1 += 1.0 if ranked and ranked[0] in relevant else 0.0
    n = len(queries)
    if not quiet:
        print(f"SemEval-2016 3B dev ({n} q)   MAP {100 * total_ap / n:5.2f}  MRR {100 * total_rr / n:5.2f}  P@1 {100 * total_p1 / n:5.1f}")
        print("  reference search engine     MAP 71.35  MRR 76.67  P@1  70.0   (plain BM25 MAP 64.35)")
    return 100 * total_ap / n, 100 * total_rr / n, 100 * total_p1 / n




def check_supportctl(path):
    if not os.path.exists(path):
        sys.exit(f"{path} not found: build the supportctl target, pass --supportctl or set SUPPORTCTL")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data_dir(),
                        help="folder holding stackfaq/ and semeval2016-qq/ (default: $SUPPORT_EVAL_DATA, else ../shared/data)")
    parser.add_argument("--supportctl", default=default_supportctl())
    parser.add_argument("--misses", type=int, default=0, help="list this many StackFAQ misses")
    parser.add_argument("--param", action="append", default=[], help="NAME=VALUE, a RankingParams override")
    args = parser.parse_args()
    check_data(args.data)
    check_supportctl(args.supportctl)
    stackfaq(args.supportctl, args.data, args.misses, args.param)
    semeval(args.supportctl, args.data, args.param)


if __name__ == "__main__":
    main()
