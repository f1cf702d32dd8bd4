"""Hand-written Windows (cmd / PowerShell) attacker session templates for make_sessions.py."""

FAMILIES = [
("win-handson-recon", "human", """
T1033 :: whoami /all
T1082 :: systeminfo
T1016 :: ipconfig /all
T1087.002 :: net user /domain
T1069.002 :: net group "Domain Admins" /domain
T1482 :: nltest /dclist:{dom}
"""),
]
