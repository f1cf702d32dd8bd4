#!/usr/bin/env python3
"""Writes data/sessions-linux.csv and data/sessions-windows.csv: labelled shell sessions, one row per statement,
for the session (sequence) models. See data/SESSIONS.md for the schema, the labelling rules and the counts.

    python3 data/make_sessions.py            # (re)writes both files next to this script
    python3 data/make_sessions.py --tables   # also prints the tables of data/SESSIONS.md

Standard library only; the output is byte-for-byte reproducible (one seeded generator per session, derived from
SEED and the session's family and number, so adding a family does not reshuffle the others).

Where the sessions come from (the `source` column):
  handwritten  attacker session templates written for this project (sessions_linux.py, sessions_windows.py),
               one family per template, variables (hosts, users, IPs, paths, file names) drawn per session;
  benign       admin, developer and CI/devops session templates written for this project (sessions_benign.py);
  mixed        a benign session with one attacker session embedded at a random point (an intruder on an
               account that is also used legitimately); the family is the attacker template's;
  atomic       Atomic Red Team test lines (data/atomic-*.csv, MIT, see ATOMIC-RED-TEAM-NOTICE.md) grouped into
               tests and chained along kill-chain orders (sessions_atomic.py).
"""
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sessions_core import BENIGN, HERE, TACTIC_ORDER, write_csv  # noqa: E402
import sessions_build  # noqa: E402


def main():
    tables = "--tables" in sys.argv[1:]
    for platform in ("linux", "windows"):
        corpus = sessions_build.build(platform)
        rows = list(corpus.rows())
        write_csv(os.path.join(HERE, f"sessions-{platform}.csv"), rows)
        if tables:
            print_tables(platform, corpus, rows)
        else:
            print(f"sessions-{platform}.csv: {len(corpus.sessions)} sessions, {len(rows) - 1} statements, "
                  f"{len({s[0] for s in corpus.sessions})} families")


def print_tables(platform, corpus, rows):
    body = rows[1:]
    sessions = corpus.sessions
    print(f"\n#### `sessions-{platform}.csv`\n")
    print("| source | families | sessions | statements | test sessions |\n|---|---:|---:|---:|---:|")
    by_source = defaultdict(lambda: [set(), 0, 0, 0])
    for family, source, _, _, timed, split in sessions:
        e = by_source[source]
        e[0].add(family)
        e[1] += 1
        e[2] += sum(len(c[1]) for _, c in timed)
        e[3] += split == "test"
    for source in ("handwritten", "atomic", "benign", "mixed"):
        if source in by_source:
            e = by_source[source]
            print(f"| {source} | {len(e[0])} | {e[1]:,} | {e[2]:,} | {e[3]:,} |")
    total_test = sum(s[5] == "test" for s in sessions)
    print(f"| all | {len({s[0] for s in sessions})} | {len(sessions):,} | {len(body):,} | {total_test:,} "
          f"({100 * total_test / len(sessions):.1f} %) |")
    print("\n| tactic | statements | train | test |\n|---|---:|---:|---:|")
    count = Counter((r[11], r[1]) for r in body)
    for tactic in TACTIC_ORDER + [BENIGN]:
        tr, te = count[(tactic, "train")], count[(tactic, "test")]
        if tr or te:
            print(f"| {tactic} | {tr + te:,} | {tr:,} | {te:,} |")
    print(f"\nDistinct techniques: {len({r[12] for r in body if r[12]})}.")
    # How much the text alone tells: the train split's majority tactic per exact statement text, on test statements.
    by_text = defaultdict(Counter)
    for r in body:
        if r[1] == "train":
            by_text[r[10]][r[11]] += 1
    test_rows = [r for r in body if r[1] == "test"]
    seen = [r for r in test_rows if r[10] in by_text]
    right = sum(by_text[r[10]].most_common(1)[0][0] == r[11] for r in seen)
    if test_rows and seen:
        print(f"Test statements whose exact text occurs in train: {len(seen):,} of {len(test_rows):,} "
              f"({100 * len(seen) / len(test_rows):.1f} %); the train majority tactic of that text is right for "
              f"{100 * right / len(seen):.1f} % of them.")
    print("\nFamilies (test families in bold):\n")
    for source in ("handwritten", "benign", "atomic"):
        names = sorted({s[0] for s in sessions if s[1] == source})
        test = {s[0] for s in sessions if s[5] == "test"}
        listed = ", ".join(f"**{n}**" if n in test else n for n in names)
        print(f"* {source} ({len(names)}): {listed}\n")


if __name__ == "__main__":
    main()
