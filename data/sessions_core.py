"""Core of make_sessions.py: the ATT&CK catalog the labels are checked against, the template language, timing,
noise, the split rule and the CSV writer. Standard library only."""
import csv
import hashlib
import io
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sessions_splitter  # noqa: E402

SEED = 20261205
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CATALOG_DIR = os.path.join(ROOT, "src", "AttackClassifier", "Attack", "Catalog")
HEADER = ["session_id", "split", "family", "source", "host", "user", "timestamp", "command_index", "command",
          "statement_index", "statement", "tactic", "technique", "host_family"]
BENIGN = "benign"


# ---------------------------------------------------------------------------------------------------------------------
# ATT&CK catalog: the one the library embeds, so every label here resolves there.

def load_catalog():
    tactics = {}
    with open(os.path.join(CATALOG_DIR, "attack-tactics.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            tactics[row["id"]] = (row["shortname"], int(row["kill_chain_order"]))
    techniques = {}
    with open(os.path.join(CATALOG_DIR, "attack-techniques.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ids = [t for t in row["tactics"].split(";") if t]
            techniques[row["id"]] = tuple(sorted((tactics[t][0] for t in ids), key=lambda s: ORDER[s]))
    return techniques


TACTIC_ORDER = ["reconnaissance", "resource-development", "initial-access", "execution", "persistence",
                "privilege-escalation", "defense-evasion", "credential-access", "discovery", "lateral-movement",
                "collection", "command-and-control", "exfiltration", "impact"]
ORDER = {t: i for i, t in enumerate(TACTIC_ORDER)}
TECHNIQUES = load_catalog()

# The tactic a multi-tactic technique takes when a template does not say (`T1053.003@execution` overrides): the
# reason attackers in these sessions use it.
PREFERRED_TACTIC = {
    "T1053": "persistence", "T1053.002": "persistence", "T1053.003": "persistence", "T1053.005": "persistence",
    "T1053.006": "persistence", "T1098": "persistence", "T1098.004": "persistence", "T1136": "persistence",
    "T1136.001": "persistence", "T1136.002": "persistence", "T1543": "persistence", "T1543.002": "persistence",
    "T1543.003": "persistence", "T1543.001": "persistence", "T1543.004": "persistence",
    "T1037": "persistence", "T1037.004": "persistence", "T1037.005": "persistence", "T1546": "persistence",
    "T1546.004": "persistence", "T1546.005": "persistence", "T1546.018": "persistence", "T1546.014": "persistence",
    "T1546.003": "persistence", "T1546.008": "persistence", "T1546.012": "persistence", "T1546.015": "persistence",
    "T1547": "persistence", "T1547.001": "persistence", "T1547.006": "persistence", "T1547.007": "persistence",
    "T1547.015": "persistence", "T1547.004": "persistence", "T1547.009": "persistence",
    "T1574": "persistence", "T1574.006": "persistence", "T1574.001": "persistence", "T1574.011": "persistence",
    "T1556": "credential-access", "T1556.003": "credential-access", "T1556.002": "credential-access",
    "T1078": "initial-access", "T1078.001": "initial-access", "T1078.003": "persistence", "T1078.002": "lateral-movement",
    "T1548": "privilege-escalation", "T1548.001": "privilege-escalation", "T1548.002": "privilege-escalation",
    "T1548.003": "privilege-escalation", "T1134": "privilege-escalation", "T1134.001": "privilege-escalation",
    "T1055": "defense-evasion", "T1055.009": "defense-evasion", "T1055.008": "defense-evasion",
    "T1505.003": "persistence", "T1505": "persistence", "T1133": "persistence", "T1197": "persistence",
    "T1610": "execution", "T1564": "defense-evasion", "T1564.001": "defense-evasion",
    "T1006": "defense-evasion", "T1014": "defense-evasion", "T1611": "privilege-escalation",
    "T1484": "privilege-escalation", "T1484.001": "privilege-escalation", "T1068": "privilege-escalation",
    "T1021.004": "lateral-movement", "T1558.003": "credential-access", "T1550.002": "lateral-movement",
    "T1550.003": "lateral-movement", "T1072": "execution", "T1047": "execution", "T1569.002": "execution",
    "T1059.004": "execution", "T1027": "defense-evasion", "T1140": "defense-evasion", "T1036": "defense-evasion",
}


def resolve_label(label, where):
    """`T1082` → ("discovery", "T1082"); `T1053.003@execution` → ("execution", "T1053.003"); `-` → benign."""
    if label == "-":
        return (BENIGN, "")
    technique, _, tactic = label.partition("@")
    if technique not in TECHNIQUES:
        raise ValueError(f"{where}: technique {technique} is not in the embedded ATT&CK catalog")
    served = TECHNIQUES[technique]
    if not tactic:
        tactic = PREFERRED_TACTIC.get(technique, served[0] if served else "")
    if tactic not in served:
        raise ValueError(f"{where}: {technique} does not serve tactic {tactic!r} (it serves {', '.join(served)})")
    return (tactic, technique)


# ---------------------------------------------------------------------------------------------------------------------
# Templates.
#
# A template is a block of lines `[?p] [~] LABELS :: COMMAND`:
#   LABELS   one label for every statement of the command, or one per statement, comma-separated (`n*L` repeats L);
#            a label is a technique ID (tactic from PREFERRED_TACTIC or the technique's only tactic), `ID@tactic`,
#            or `-` for benign;
#   ?p       the line is kept with probability p (retries, optional checks, noise);
#   ~        consecutive `~` lines are shuffled among themselves (recon commands come in any order);
#   COMMAND  text with {var} placeholders (a per-session value, see Vars) and «a|b|c» choices (one per use).
# Bare braces that are not a known variable ({print $1}, ${HOME}) are left alone.

LINE = re.compile(r"^(?:\?(?P<p>[0-9.]+)\s+)?(?P<shuffle>~\s+)?(?P<labels>\S+)\s+::\s(?P<command>.*)$")
CHOICE = re.compile(r"«([^«»]*)»")
VAR = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Template:
    def __init__(self, family, source, kind, text, platform):
        self.family, self.source, self.kind, self.platform = family, source, kind, platform
        self.lines = []
        for number, raw in enumerate(text.strip("\n").split("\n"), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            m = LINE.match(raw.strip())
            if not m:
                raise ValueError(f"family {family} line {number}: expected '[?p] [~] LABELS :: COMMAND': {raw!r}")
            labels = []
            for part in m.group("labels").split(","):
                count, star, label = part.partition("*")
                labels += [label] * int(count) if star else [part]
            resolved = [resolve_label(lbl, f"family {family} line {number}") for lbl in labels]
            self.lines.append((float(m.group("p") or 1), bool(m.group("shuffle")), resolved,
                               m.group("command"), number))

    def expand(self, rng, variables):
        """One session's commands: [(command, [(tactic, technique) per statement])]."""
        chosen = [ln for ln in self.lines if ln[0] >= 1 or rng.random() < ln[0]]
        ordered, run = [], []
        for ln in chosen + [None]:
            if ln is not None and ln[1]:
                run.append(ln)
                continue
            rng.shuffle(run)
            ordered += run
            run = []
            if ln is not None:
                ordered.append(ln)
        out = []
        for _, _, labels, command, number in ordered:
            text = CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), command)
            text = VAR.sub(lambda m: variables.get(m.group(1), m.group(0)), text)
            pieces = sessions_splitter.statements(text)
            if len(labels) == 1:
                labels = labels * len(pieces)
            if len(labels) != len(pieces):
                raise ValueError(f"family {self.family} line {number}: {len(labels)} labels for "
                                 f"{len(pieces)} statements {pieces!r}")
            out.append((text, list(zip(pieces, labels))))
        return out


# ---------------------------------------------------------------------------------------------------------------------
# Session assembly.

def held_out(names):
    """{name: "train" | "test"} for one group of families (or techniques): the names ordered by the SHA-256 of their
    UTF-8 bytes (lower-case hex), every fifth one from the first — ranks 0, 5, 10, … — is "test". A fixed function of
    the names, like a plain hash-mod-5 rule, but with exactly one in five held out (rounded up): with hash mod 5 only
    20 of the 192 hand-written Linux families (10 %) fell on the test side."""
    ordered = sorted(set(names), key=lambda n: (hashlib.sha256(n.encode("utf-8")).hexdigest(), n))
    return {n: "test" if rank % 5 == 0 else "train" for rank, n in enumerate(ordered)}


def session_rng(*parts):
    return random.Random(hashlib.sha256("|".join(map(str, (SEED,) + parts)).encode("utf-8")).digest())


START = datetime(2026, 1, 5, tzinfo=timezone.utc)


def timestamps(rng, count, kind):
    """Command start times: bots type in fractions of a second, people pause to read output (log-normal gaps,
    median ≈ 5 s) and now and then for minutes."""
    t = START + timedelta(seconds=rng.randrange(0, 320 * 86400))
    if kind in ("admin", "dev", "human"):   # people work in office-ish hours more often
        t = t.replace(hour=rng.choice([8, 9, 9, 10, 11, 13, 14, 15, 16, 17, 22, 2]))
    out = []
    for _ in range(count):
        out.append(t)
        if kind == "bot":
            gap = rng.uniform(0.05, 1.8)
        elif kind == "ci":
            gap = rng.lognormvariate(1.0, 1.2)
        else:
            gap = rng.lognormvariate(1.6, 1.0)
            if rng.random() < 0.04:
                gap += rng.uniform(60, 900)
        t += timedelta(milliseconds=max(1, int(gap * 1000)))
    return out


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


TYPO_KINDS = ("human", "admin", "dev")


def typo(rng, command):
    """A mistyped first word (two letters swapped or one dropped), or None when the word is too short."""
    word = command.split(" ", 1)[0]
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if len(letters) < 3:
        return None
    i = rng.randrange(len(letters) - 1)
    a, b = letters[i], letters[i + 1]
    if b != a + 1:
        return None
    w = list(word)
    if rng.random() < 0.5:
        w[a], w[b] = w[b], w[a]
    else:
        del w[a]
    bad = "".join(w)
    return None if bad == word else bad + command[len(word):]


# Commands that fail without root: a person on an ordinary account often types them plain first, then with sudo.
NEEDS_ROOT = ("apt ", "apt-get ", "dnf ", "yum ", "systemctl ", "iptables ", "ufw ", "journalctl ", "useradd ",
              "usermod ", "cat /etc/shadow", "tcpdump ", "service ", "insmod ", "auditctl ", "setenforce ", "chattr ",
              "crontab -u ", "ss -tulpn", "netstat -antp", "lastb")


def with_noise(rng, commands, kind, user):
    """What people add to a session: typos retyped (4 %), a command re-run (1.5 %), a root-only command tried
    without sudo first (30 % of those, on an account other than root), an `ls` after a `cd` (35 %). Each noise
    statement takes the label of the command it serves; bots add none."""
    out = []
    for text, stmts in commands:
        if kind in TYPO_KINDS and rng.random() < 0.04:
            bad = typo(rng, text)
            if bad is not None and len(sessions_splitter.statements(bad)) == len(stmts):
                out.append((bad, [(p, lbl) for p, (_, lbl) in zip(sessions_splitter.statements(bad), stmts)]))
        if kind in TYPO_KINDS and user != "root" and text.startswith(NEEDS_ROOT) and rng.random() < 0.3:
            out.append((text, stmts))
            text = "sudo " + text
            stmts = [(p, lbl) for p, (_, lbl) in zip(sessions_splitter.statements(text), stmts)]
        out.append((text, stmts))
        if kind in TYPO_KINDS and rng.random() < 0.015:
            out.append((text, stmts))
        if kind in TYPO_KINDS and text.startswith("cd ") and len(stmts) == 1 and rng.random() < 0.35:
            ls = rng.choice(["ls", "ls -la", "ls -lah", "ll", "ls -ltr"])
            out.append((ls, [(ls, stmts[0][1])]))
    return out


class Corpus:
    def __init__(self, prefix):
        self.prefix = prefix
        self.sessions = []   # (family, source, host, user, [(time, (command, [(statement, (tactic, technique))]))], split)
        self.host_families = []   # per session: the benign family of a mixed session's host activity, else ""

    def add(self, family, source, host, user, commands, times, split, host_family=""):
        """host_family: for a mixed session, the benign family its host activity comes from (empty otherwise)."""
        self.sessions.append((family, source, host, user, list(zip(times, commands)), split))
        self.host_families.append(host_family)

    def rows(self):
        yield HEADER
        for number, ((family, source, host, user, timed, split), host_family) in enumerate(zip(self.sessions, self.host_families), 1):
            sid = f"{self.prefix}-{number:05d}"
            for ci, (t, (command, stmts)) in enumerate(timed):
                for si, (statement, (tactic, technique)) in enumerate(stmts):
                    yield [sid, split, family, source, host, user, iso(t), ci, command, si, statement, tactic, technique,
                           host_family]


def write_csv(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for row in rows:
        w.writerow(row)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
