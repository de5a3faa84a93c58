#!/usr/bin/env python3
"""Email checks on public data, through `supportctl email` (the product's code).

  python3 tests/eval/email.py [--supportctl PATH] [--list]

isemail-tests.xml (Dominic Sayers' suite v3.05, BSD-3): how many addresses of each category the
full check (browser syntax + a domain with a dot and a plausible top-level domain) accepts. The
decision: ISEMAIL_VALID_CATEGORY and ISEMAIL_DNSWARN are meant to be accepted, ISEMAIL_ERR
rejected; the "technically valid" RFC5321/RFC5322/DEPREC/CFWS forms are rejected (a web form
takes what <input type=email> takes). Addresses holding a NUL byte cannot be passed on a command
line and are counted apart.

mailcheck-cases.json (mailcheck.js's spec cases, MIT): the suggested domain for every address
case, with the lists the case names, compared with the reference. The findClosestDomain cases
test a function, not an address: the core's doctest (test_email_mailcheck_cases.cpp) covers them.

Data: $SUPPORT_EVAL_DATA, default ../shared/data beside the repository root.
supportctl: --supportctl, else $SUPPORTCTL, else build/native/tools/supportctl/supportctl.
Only the Python standard library is used. Not part of ./dev test.
"""
import argparse
import collections
import html
import json
import os
import re
import subprocess
import sys

from eval_data import default_data_dir, default_supportctl, need_file

DATA = default_data_dir()




def check(supportctl, addresses, extra=()):
    proc = subprocess.run([supportctl, "email", *extra, *addresses],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"supportctl email failed ({proc.returncode}): {proc.stderr.strip()}")
    return [json.loads(line) for line in proc.stdout.splitlines()]


def decode(text):
    # The suite writes control character N as U+2400+N (see its notes); the rest is XML text.
    text = html.unescape(text)
    return "".join(chr(ord(c) - 0x2400) if 0x2400 <= ord(c) <= 0x241F else c for c in text)


def isemail(supportctl, show):
    path = need_file(os.path.join(DATA, "email", "isemail-tests.xml"), "the isemail suite v3.05 (see the data README)")
    xml = open(path, encoding="utf-8").read()
    cases = []
    for m in re.finditer(r'<test id="(\d+)">(.*?)</test>', xml, re.S):
        block = m.group(2)
        address = re.search(r"<address>(.*?)</address>", block, re.S)
        category = re.search(r"<category>(.*?)</category>", block).group(1)
        cases.append((m.group(1), decode(address.group(1)) if address else "", category))
    passable = [c for c in cases if "\0" not in c[1] and not c[1].startswith("--")]
    results = check(supportctl, [c[1] for c in passable])
    accepted = collections.Counter()
    total = collections.Counter()
    for (case_id, address, category), result in zip(passable, results):
        total[category] += 1
        accepted[category] += result["valid"]
        if show:
            print(f"  {case_id:>4} {category:<24} {'accepted' if result['valid'] else 'rejected ' + result['reason']:<40} {address!r}")
    skipped = len(cases) - len(passable)
    print(f"isemail suite ({len(cases)} addresses; {skipped} not passable on a command line): accepted per category")
    for category in sorted(total):
        print(f"  {category:<24} {accepted[category]:3d} of {total[category]:3d}")


def mailcheck(supportctl):
    path = need_file(os.path.join(DATA, "email", "mailcheck-cases.json"), "mailcheck.js's spec (MIT; see the data README)")
    data = json.load(open(path, encoding="utf-8"))
    spec, lib = data["spec_lists"], data["library_defaults"]
    lists = {
        "run(default lists)": (lib["defaultDomains"], lib["defaultSecondLevelDomains"], lib["defaultTopLevelDomains"]),
        "run(spec domains)": (spec["domains"], lib["defaultSecondLevelDomains"], lib["defaultTopLevelDomains"]),
        "domains": (spec["domains"], [], []),
        "domains+sld+tld": (spec["domains"], spec["secondLevelDomains"], spec["topLevelDomains"]),
    }
    agree = total = 0
    for case in data["cases"]:
        if case["fn"] == "findClosestDomain":
            continue
        d, s, t = lists[case["fn"] if case["fn"].startswith("run") else case["lists"]]
        result = check(supportctl, [case["email"]],
                       ["--domains", ",".join(d), "--second-level-domains", ",".join(s), "--top-level-domains", ",".join(t)])[0]
        got = result["suggestion"].rsplit("@", 1)[1] if result["suggestion"] else None
        total += 1
        agree += got == case["expected_domain"]
        if got != case["expected_domain"]:
            print(f"  differs: {case['email']!r}: reference {case['expected_domain']}, ours {got}")
    print(f"mailcheck spec address cases: {agree} of {total} give the reference's suggestion "
          f"({sum(c['fn'] == 'findClosestDomain' for c in data['cases'])} findClosestDomain cases: see the core tests)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--supportctl", default=default_supportctl())
    parser.add_argument("--list", action="store_true", help="print the decision for every isemail address")
    args = parser.parse_args()
    if not os.path.exists(args.supportctl):
        sys.exit(f"{args.supportctl} not found: build the supportctl target, pass --supportctl or set SUPPORTCTL")
    isemail(args.supportctl, args.list)
    mailcheck(args.supportctl)


if __name__ == "__main__":
    main()
