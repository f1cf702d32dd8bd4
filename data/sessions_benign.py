"""Hand-written benign session templates (admins, developers, CI jobs) for make_sessions.py."""

LINUX = [
("admin-disk-cleanup", "admin", """
- :: df -h
- :: du -sh /var/log/* | sort -h | tail -n 5
- :: sudo journalctl --vacuum-time=7d
- :: df -h /
"""),
]

WINDOWS = [
("win-admin-patch-check", "admin", """
- :: Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5
- :: Get-Service wuauserv
"""),
]

FAMILIES = {"linux": LINUX, "windows": WINDOWS}
