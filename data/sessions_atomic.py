"""Atomic Red Team chains for make_sessions.py.

data/atomic-{linux,windows}.csv (derived from Red Canary's Atomic Red Team, MIT; see ATOMIC-RED-TEAM-NOTICE.md) hold
one row per test command line, labelled with the test's technique, but neither the test boundaries nor the line
order survive in them (rows are sorted within a technique). So a "test" here is rebuilt: the lines of one technique
are put back in a plausible order (set-up — variables, mkdir, cd — before writes and downloads, those before the
rest, read-backs and removals last) and cut into consecutive runs of 1–4 lines with a generator seeded by the
technique. A chain family is a kill-chain order of tactics; each of its sessions takes, for every stage, one or two
of those tests whose technique's main tactic is the stage's (falling back to techniques that merely also serve it),
and labels every statement of a test's lines with (stage tactic, test technique). macOS/FreeBSD-only lines are left
out of Linux sessions.

Held out by family, with no technique on both sides: the techniques are split by the same rule as families
(sessions_core.held_out over the technique IDs), and a chain family draws only techniques of its own split.
"""
import csv
import os
import random
import re

from sessions_core import HERE, SEED, TECHNIQUES, held_out, resolve_label
import sessions_splitter

# Kill-chain orders (stage tactics). Each yields FAMILIES_PER_PATTERN families, which differ by name (and so by
# split and by the tests their sessions draw).
PATTERNS = {
    "linux": [
        ("drop-run-persist", ["discovery", "command-and-control", "execution", "persistence", "defense-evasion"]),
        ("escalate-dump-exfil", ["discovery", "privilege-escalation", "credential-access", "collection", "exfiltration"]),
        ("persist-escalate-hide", ["execution", "persistence", "privilege-escalation", "defense-evasion"]),
        ("recon-collect-exfil", ["discovery", "collection", "exfiltration", "defense-evasion"]),
        ("foothold-impact", ["discovery", "defense-evasion", "execution", "impact"]),
        ("creds-c2", ["credential-access", "discovery", "command-and-control", "defense-evasion"]),
        ("full-chain", ["discovery", "command-and-control", "execution", "persistence", "privilege-escalation",
                        "credential-access", "collection", "exfiltration", "defense-evasion"]),
        ("evade-persist-c2", ["defense-evasion", "persistence", "command-and-control", "discovery"]),
    ],
    "windows": [
        ("recon-creds-lateral", ["discovery", "credential-access", "lateral-movement"]),
        ("drop-persist-evade", ["execution", "persistence", "defense-evasion", "command-and-control"]),
        ("ransom-prep", ["discovery", "defense-evasion", "impact"]),
        ("collect-exfil", ["discovery", "collection", "exfiltration"]),
        ("escalate-dump", ["privilege-escalation", "credential-access", "discovery"]),
    ],
}
FAMILIES_PER_PATTERN = {"linux": 5, "windows": 4}
MAX_LINES_PER_TEST = 4


def _priority(line):
    """Where a line goes when a test's order is rebuilt: 0 set-up, 1 writes/downloads, 2 the rest, 3 read-back/removal."""
    s = line.strip()
    if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", s) or re.match(r"^\$[A-Za-z_][A-Za-z0-9_]*\s*=", s) \
            or s.startswith(("mkdir ", "cd ", "New-Item ", "md ", "export ")):
        return 0
    if s.startswith(("echo ", "printf ", "wget ", "curl ", "cp ", "Invoke-WebRequest ", "iwr ", "copy ",
                     "Set-Content ", "Add-Content ", "Out-File ")):
        return 1
    if s.startswith(("rm ", "cat ", "ls ", "del ", "Remove-Item ", "Get-Content ", "type ")):
        return 3
    return 2


# Lines for macOS or FreeBSD only (the Linux file holds every sh/bash test that runs on Linux *or* macOS): left out of
# Linux sessions, which would otherwise mix in `launchctl`, `~/Library` or `pw useradd`.
NOT_LINUX = re.compile(r"/Library/|darwin|\.plist|\bsockstat\b|FreeBSD|\blaunchctl\b|\bosascript\b|\bdefaults (write|read)\b|"
                       r"\bcsrutil\b|\bsystem_profiler\b|\bditto\b|\bkldstat\b|\bkldload\b|^pw |\bdscl\b|\bsecurity "
                       r"|\bplutil\b|\bnscurl\b|/Applications|\bsysctl -n hw|\bsw_vers\b|\bspctl\b|\bsqlite3 .*Safari|/Users/|"
                       r"\bpfctl\b|\bem0\b|\bmdfind\b|\bhdiutil\b")


def load_tests(platform):
    """{technique: [test, …]} with a test a list of command lines in their rebuilt order."""
    lines = {}
    with open(os.path.join(HERE, f"atomic-{platform}.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            technique = row["technique"].split(":", 1)[0].strip()
            if platform == "linux" and NOT_LINUX.search(row["proctitle"]):
                continue
            if technique in TECHNIQUES and TECHNIQUES[technique] and "\n" not in row["proctitle"]:
                lines.setdefault(technique, []).append(row["proctitle"])
    tests = {}
    for technique, rows in sorted(lines.items()):
        rng = random.Random(f"{SEED}|atomic-test|{platform}|{technique}")
        rows = sorted(rows, key=_priority)   # stable: ties keep the file's order
        runs, i = [], 0
        while i < len(rows):
            k = rng.randint(1, MAX_LINES_PER_TEST)
            runs.append(rows[i:i + k])
            i += k
        tests[technique] = runs
    return tests


def family_names(platform):
    return [f"atomic-{platform}-{name}-{k}" for name, _ in PATTERNS[platform]
            for k in range(1, FAMILIES_PER_PATTERN[platform] + 1)]


def families(platform, split):
    """[(family, kind, chain)] where chain(rng, variables) returns one session's commands; `split` maps each family
    name of family_names(platform) to "train" or "test"."""
    tests = load_tests(platform)
    technique_split = held_out(tests)
    # A stage draws the techniques whose main tactic (the one resolve_label gives) is the stage's, so cron is always
    # persistence; only a stage with none of those falls back to techniques that merely also serve it.
    primary = {"train": {}, "test": {}}
    serving = {"train": {}, "test": {}}
    for technique in tests:
        side = technique_split[technique]
        primary[side].setdefault(resolve_label(technique, "atomic")[0], []).append(technique)
        for tactic in TECHNIQUES[technique]:
            serving[side].setdefault(tactic, []).append(technique)
    pools = {side: {t: primary[side].get(t) or serving[side][t] for t in serving[side]} for side in serving}
    out = []
    for name, stages in PATTERNS[platform]:
        for k in range(1, FAMILIES_PER_PATTERN[platform] + 1):
            family = f"atomic-{platform}-{name}-{k}"
            pool = pools[split[family]]
            out.append((family, "human", _chain(family, stages, pool, tests)))
    return out


def _chain(family, stages, pool, tests):
    # Each family favours its own subset of the pool's techniques per stage, so families differ in content.
    frng = random.Random(f"{SEED}|{family}")
    favoured = {t: frng.sample(pool[t], min(len(pool[t]), 3)) for t in stages if pool.get(t)}

    def chain(rng, variables):
        commands = []
        for tactic in stages:
            if tactic not in favoured:
                continue
            for _ in range(rng.choice([1, 1, 2])):
                technique = rng.choice(favoured[tactic]) if rng.random() < 0.75 else rng.choice(pool[tactic])
                label = resolve_label(f"{technique}@{tactic}", family)
                for line in rng.choice(tests[technique]):
                    pieces = sessions_splitter.statements(line)
                    if pieces:
                        commands.append((line, [(p, label) for p in pieces]))
        return commands
    return chain
