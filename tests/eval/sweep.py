#!/usr/bin/env python3
"""Sweep one RankingParams field and check the choice split-half.

  python3 tests/eval/sweep.py NAME V1 V2 ... [--data DIR] [--supportctl PATH] [--param OTHER=VALUE]...

Prints StackFAQ MRR/P@1/R@5 (all queries and halves A/B) and SemEval MAP per value, then the
split-half check: the value best on half A, scored on half B, and vice versa. A value that
only wins on the half it was picked on is fitting noise.
"""
import argparse

import relevance


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    parser.add_argument("values", nargs="+")
    parser.add_argument("--data", default=relevance.default_data_dir(), help="as for relevance.py")
    parser.add_argument("--supportctl", default=relevance.default_supportctl())
    parser.add_argument("--param", action="append", default=[])
    args = parser.parse_args()
    relevance.check_data(args.data)
    relevance.check_supportctl(args.supportctl)
    rows = []
    print(f"{args.name:>10}  {'MRR':>5} {'P@1':>5} {'R@5':>5}   {'MRR A':>5} {'MRR B':>5}   SemEval MAP")
    for value in args.values:
        params = args.param + [f"{args.name}={value}"]
        sf = relevance.stackfaq(args.supportctl, args.data, 0, params, quiet=True)
        se = relevance.semeval(args.supportctl, args.data, params, quiet=True)
        rows.append((value, sf, se))
        print(f"{value:>10}  {sf['all'][0]:5.1f} {sf['all'][1]:5.1f} {sf['all'][2]:5.1f}   "
              f"{sf['A'][0]:5.1f} {sf['B'][0]:5.1f}   {se[0]:6.2f}")
    for tune, test in (("A", "B"), ("B", "A")):
        best = max(rows, key=lambda r: r[1][tune][0])
        print(f"split-half: best on {tune} = {best[0]} (MRR {best[1][tune][0]:.1f}) -> on {test}: MRR {best[1][test][0]:.1f}"
              f" (first value {rows[0][0]}: {rows[0][1][test][0]:.1f})")


if __name__ == "__main__":
    main()
