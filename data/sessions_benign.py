"""Hand-written benign session templates (admins, developers, CI/devops jobs) for make_sessions.py. Every statement
is labelled `-` (benign). Several deliberately use commands that also occur in attacks (`uname -a`, `ps aux | grep`,
`curl … | sh` from a vendor's install page, `chmod +x`, `crontab -e`, `tar czf`, `scp`): in these sessions they serve
ordinary work, which is exactly what a session model has to tell apart."""

LINUX = [
("admin-disk-cleanup", "admin", """
- :: df -h
- :: du -sh /var/log/* | sort -h | tail -n 5
- :: sudo journalctl --vacuum-time=7d
?0.5 - :: sudo apt-get clean
- :: df -h /
"""),
("admin-apt-upgrade", "admin", """
- :: sudo apt update
- :: apt list --upgradable
- :: sudo apt upgrade -y
?0.5 - :: sudo apt autoremove -y
- :: cat /var/run/reboot-required
?0.4 - :: sudo reboot
"""),
("admin-dnf-update", "admin", """
- :: sudo dnf check-update
- :: sudo dnf upgrade -y --security
- :: rpm -q kernel
- :: uname -r
- :: needs-restarting -r
"""),
("admin-nginx-reload", "admin", """
- :: cd /etc/nginx/sites-available
- :: sudo vim {project}.conf
- :: sudo nginx -t
- :: sudo systemctl reload nginx
- :: curl -sI https://{project}.example.com | head -n 1
- :: tail -n 20 /var/log/nginx/error.log
"""),
("admin-service-restart-logs", "admin", """
- :: systemctl status {svc}
- :: sudo journalctl -u {svc} --since "1 hour ago" | tail -n 50
- :: sudo systemctl restart {svc}
- :: systemctl is-active {svc}
"""),
("admin-user-onboarding", "admin", """
- :: sudo adduser --disabled-password --gecos "" {newuser}
- :: sudo usermod -aG developers {newuser}
- :: sudo mkdir -p /home/{newuser}/.ssh
- :: sudo cp /tmp/{newuser}.pub /home/{newuser}/.ssh/authorized_keys
- :: sudo chown -R {newuser}:{newuser} /home/{newuser}/.ssh
- :: sudo chmod 600 /home/{newuser}/.ssh/authorized_keys
- :: id {newuser}
"""),
("admin-cert-renew", "admin", """
- :: sudo certbot certificates
- :: sudo certbot renew --dry-run
- :: sudo certbot renew
- :: sudo systemctl reload nginx
- :: echo | openssl s_client -connect {project}.example.com:443 2>/dev/null | openssl x509 -noout -dates
"""),
("admin-backup-check", "admin", """
- :: ls -lh /backup/
- :: ls -lh /backup/ | tail -n 3
- :: tar tzf /backup/{project}-{date}.tar.gz | head
- :: sha256sum /backup/{project}-{date}.tar.gz
- :: df -h /backup
"""),
("admin-db-backup", "admin", """
- :: sudo -u postgres psql -c "\\l"
- :: sudo -u postgres pg_dump {db} | gzip > /backup/{db}-{date}.sql.gz
- :: ls -lh /backup/{db}-{date}.sql.gz
- :: rsync -av /backup/ backup@{lan}:/srv/backups/{host}/
"""),
("admin-high-load", "admin", """
- :: uptime
- :: top -b -n 1 | head -n 20
- :: ps aux --sort=-%cpu | head
- :: free -h
- :: vmstat 1 5
- :: iostat -x 1 3
?0.5 - :: sudo systemctl restart {svc}
"""),
("admin-network-debug", "admin", """
- :: ip a
- :: ip route
- :: ping -c 3 {gw}
- :: ping -c 3 www.example.com
- :: dig www.example.com
- :: cat /etc/resolv.conf
- :: sudo ss -tlnp
"""),
("admin-firewall-open-port", "admin", """
- :: sudo ufw status numbered
- :: sudo ufw allow from {net} to any port 5432
- :: sudo ufw reload
- :: sudo ufw status
"""),
("admin-cron-logrotate", "admin", """
- :: crontab -l
- :: crontab -e
- :: cat /etc/logrotate.d/{project}
- :: sudo logrotate -d /etc/logrotate.d/{project}
- :: ls -la /var/log/{project}/
"""),
("admin-ssh-hardening", "admin", """
- :: sudo grep -E '^(PermitRootLogin|PasswordAuthentication)' /etc/ssh/sshd_config
- :: sudo sed -i 's/^PasswordAuthentication yes/PasswordAuthentication no/' /etc/ssh/sshd_config
- :: sudo sshd -t
- :: sudo systemctl reload sshd
- :: sudo tail -n 20 /var/log/auth.log
"""),
("admin-failed-logins-review", "admin", """
- :: sudo lastb | head -n 20
- :: sudo grep "Failed password" /var/log/auth.log | awk '{print $11}' | sort | uniq -c | sort -nr | head
- :: sudo fail2ban-client status sshd
- :: last -n 10
"""),
("admin-docker-housekeeping", "admin", """
- :: docker ps
- :: docker system df
- :: docker image prune -af
- :: docker volume ls
- :: docker compose -f /srv/{project}/docker-compose.yml pull
- :: docker compose -f /srv/{project}/docker-compose.yml up -d
- :: docker logs --tail 50 {project}-app-1
"""),
("admin-k8s-rollout", "admin", """
- :: kubectl config current-context
- :: kubectl get pods -n {project}
- :: kubectl describe pod -n {project} {project}-{r}
- :: kubectl logs -n {project} deploy/{project} --tail=100
- :: kubectl rollout restart deploy/{project} -n {project}
- :: kubectl rollout status deploy/{project} -n {project}
"""),
("admin-disk-extend", "admin", """
- :: lsblk
- :: sudo growpart /dev/nvme0n1 1
- :: sudo resize2fs /dev/nvme0n1p1
- :: df -h /
"""),
("admin-mysql-slow", "admin", """
- :: mysql -e "show processlist;"
- :: mysql -e "show variables like 'slow_query%';"
- :: sudo tail -n 100 /var/log/mysql/mysql-slow.log
- :: mysql {db} -e "EXPLAIN SELECT * FROM orders WHERE customer_id = 42;"
"""),
("admin-vendor-agent-install", "admin", """
- :: cd /tmp
- :: curl -fsSL https://pkg.example.com/agent/install.sh -o install.sh
- :: less install.sh
- :: chmod +x install.sh
- :: sudo ./install.sh --api-key {r2}
- :: systemctl status monitoring-agent
"""),
("admin-log-search", "admin", """
- :: cd /var/log/{project}
- :: ls -ltr
- :: grep -i error app.log | tail -n 20
- :: zgrep -c "timeout" app.log.*.gz
- :: less app.log
"""),
("admin-time-sync", "admin", """
- :: timedatectl
- :: chronyc tracking
- :: chronyc sources -v
- :: sudo systemctl restart chronyd
"""),
("admin-permissions-fix", "admin", """
- :: ls -la {web}
- :: sudo chown -R www-data:www-data {web}/uploads
- :: sudo find {web} -type d -exec chmod 755 {} \\;
- :: sudo find {web} -type f -exec chmod 644 {} \\;
"""),
("admin-scp-config-push", "admin", """
- :: scp haproxy.cfg {user}@{lan}:/tmp/
- :: ssh {user}@{lan} "sudo cp /tmp/haproxy.cfg /etc/haproxy/ && sudo haproxy -c -f /etc/haproxy/haproxy.cfg"
- :: ssh {user}@{lan} "sudo systemctl reload haproxy"
"""),
("dev-git-feature", "dev", """
- :: cd ~/src/{project}
- :: git status
- :: git pull --rebase
- :: git checkout -b {branch}
- :: vim src/main.py
- :: python3 -m pytest -q
- :: git add -A
- :: git commit -m "Fix timeout handling"
- :: git push -u origin {branch}
"""),
("dev-node-app", "dev", """
- :: cd ~/work/{project}
- :: nvm use 20
- :: npm ci
- :: npm run lint
- :: npm test
- :: npm run build
- :: ls -la dist/
"""),
("dev-python-venv", "dev", """
- :: cd ~/projects/{project}
- :: python3 -m venv .venv
- :: source .venv/bin/activate
- :: pip install -r requirements.txt
- :: python manage.py migrate
- :: python manage.py runserver 0.0.0.0:8000
"""),
("dev-go-build", "dev", """
- :: cd ~/go/src/{project}
- :: go mod tidy
- :: go vet ./...
- :: go test ./... -race
- :: go build -o bin/{project} ./cmd/{project}
- :: ./bin/{project} --version
"""),
("dev-debug-process", "dev", """
- :: ps aux | grep {project}
- :: pgrep -f {project}
- :: ss -ltnp | grep 8080
- :: curl -s localhost:8080/healthz
- :: kill -HUP $(pgrep -f {project})
- :: tail -f /tmp/{project}.log
"""),
("dev-docker-build", "dev", """
- :: cd ~/src/{project}
- :: docker build -t {project}:dev .
- :: docker run --rm -p 8080:8080 {project}:dev
- :: docker ps
- :: docker logs -f $(docker ps -q -l)
"""),
("dev-dotfiles", "dev", """
- :: cd ~
- :: git clone https://git.example.com/{user}/dotfiles.git
- :: cd dotfiles
- :: ./install.sh
- :: source ~/.bashrc
- :: echo $PATH
"""),
("dev-rust-build", "dev", """
- :: cd ~/code/{project}
- :: cargo fmt
- :: cargo clippy -- -D warnings
- :: cargo test
- :: cargo build --release
"""),
("ci-build-test", "ci", """
- :: git clone --depth 1 -b {branch} https://git.example.com/team/{project}.git
- :: cd {project}
- :: git rev-parse HEAD
- :: ./gradlew clean build --no-daemon
- :: ls -la build/libs
- :: mkdir -p artifacts && cp build/libs/*.jar artifacts/
"""),
("ci-docker-publish", "ci", """
- :: cd $CI_PROJECT_DIR
- :: echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USER" --password-stdin registry.example.com
- :: docker build -t registry.example.com/team/{project}:{ver} .
- :: docker push registry.example.com/team/{project}:{ver}
- :: docker logout registry.example.com
"""),
("ci-node-pipeline", "ci", """
- :: node --version
- :: npm ci --prefer-offline
- :: npm run lint
- :: npm test -- --ci --reporters=default
- :: npm run build
- :: tar czf dist-{ver}.tgz dist
"""),
("ci-terraform-plan", "ci", """
- :: cd infra/{project}
- :: terraform init -input=false
- :: terraform fmt -check
- :: terraform validate
- :: terraform plan -out=tfplan -input=false
- :: terraform show -no-color tfplan > plan.txt
"""),
("ci-deploy-ssh", "ci", """
- :: chmod 600 $DEPLOY_KEY
- :: scp -i $DEPLOY_KEY -o StrictHostKeyChecking=no dist-{ver}.tgz deploy@{lan}:/srv/{project}/releases/
- :: ssh -i $DEPLOY_KEY deploy@{lan} "cd /srv/{project} && tar xzf releases/dist-{ver}.tgz -C current && sudo systemctl restart {project}"
- :: curl -fsS https://{project}.example.com/healthz
"""),
("ci-python-tox", "ci", """
- :: python3 --version
- :: pip install --upgrade pip tox
- :: tox -e py311
- :: coverage xml
- :: curl -s https://uploader.example.com/uploader -o uploader
- :: chmod +x uploader
- :: ./uploader -f coverage.xml
"""),
("ci-helm-deploy", "ci", """
- :: helm repo update
- :: helm lint charts/{project}
- :: helm upgrade --install {project} charts/{project} -n {project} --set image.tag={ver} --wait
- :: kubectl get pods -n {project} -l app={project}
"""),
("ci-ansible-run", "ci", """
- :: ansible-galaxy install -r requirements.yml
- :: ansible-playbook -i inventory/prod site.yml --check --diff
- :: ansible-playbook -i inventory/prod site.yml --limit web
"""),
("admin-build-from-source", "admin", """
- :: cd /usr/local/src
- :: wget https://downloads.example.org/{project}-{ver}.tar.gz
- :: tar xzf {project}-{ver}.tar.gz
- :: cd {project}-{ver}
- :: ./configure --prefix=/opt/{project}
- :: make -j$(nproc)
- :: sudo make install
- :: /opt/{project}/bin/{project} --version
"""),
("admin-binary-release-install", "admin", """
- :: cd /tmp
- :: curl -LO https://releases.example.com/{project}/v{ver}/{project}-linux-amd64
- :: sha256sum {project}-linux-amd64
- :: chmod +x {project}-linux-amd64
- :: sudo mv {project}-linux-amd64 /usr/local/bin/{project}
- :: {project} version
"""),
("admin-audit-accounts", "admin", """
- :: cat /etc/passwd | grep -v nologin
- :: awk -F: '$3 == 0 {print $1}' /etc/passwd
- :: sudo cat /etc/sudoers.d/*
- :: getent group sudo
- :: sudo lastlog | head -n 20
"""),
("admin-incident-triage", "admin", """
- :: w
- :: last -n 20
- :: sudo ss -tulpn
- :: ps auxf | less
- :: sudo ls -la /tmp /var/tmp /dev/shm
- :: sudo crontab -l
- :: ls -la /etc/cron.d
- :: sudo find / -mtime -1 -type f -not -path "/proc/*" 2>/dev/null | head -n 50
"""),
("admin-systemd-unit-create", "admin", """
- :: sudo vim /etc/systemd/system/{project}.service
- :: sudo systemctl daemon-reload
- :: sudo systemctl enable --now {project}
- :: systemctl status {project}
- :: journalctl -u {project} -f
"""),
("admin-cron-backup-job", "admin", """
- :: sudo vim /usr/local/bin/backup-{db}.sh
- :: sudo chmod +x /usr/local/bin/backup-{db}.sh
- :: sudo /usr/local/bin/backup-{db}.sh
- :: (sudo crontab -l; echo "30 2 * * * /usr/local/bin/backup-{db}.sh") | sudo crontab -
- :: sudo crontab -l
"""),
("admin-iptables-rules", "admin", """
- :: sudo iptables -L -n -v
- :: sudo iptables -A INPUT -p tcp --dport 9100 -s {net} -j ACCEPT
- :: sudo iptables-save | sudo tee /etc/iptables/rules.v4
- :: sudo iptables -L INPUT -n --line-numbers
"""),
("admin-log-archive-upload", "admin", """
- :: cd /var/log/{project}
- :: tar czf /tmp/{project}-logs-{date}.tgz *.log
- :: ls -lh /tmp/{project}-logs-{date}.tgz
- :: aws s3 cp /tmp/{project}-logs-{date}.tgz s3://{project}-logs/{host}/
- :: rm /tmp/{project}-logs-{date}.tgz
"""),
("admin-ssh-key-rotation", "admin", """
- :: ssh-keygen -t ed25519 -C "{user}@{host}" -f ~/.ssh/id_ed25519_new
- :: ssh-copy-id -i ~/.ssh/id_ed25519_new.pub {user}@{lan}
- :: ssh -i ~/.ssh/id_ed25519_new {user}@{lan} hostname
- :: mv ~/.ssh/id_ed25519_new ~/.ssh/id_ed25519
- :: vim ~/.ssh/authorized_keys
"""),
("admin-db-restore-test", "admin", """
- :: scp backup@{lan}:/srv/backups/{db}-{date}.sql.gz /tmp/
- :: gunzip /tmp/{db}-{date}.sql.gz
- :: mysql -e "CREATE DATABASE {db}_restore_test;"
- :: mysql {db}_restore_test < /tmp/{db}-{date}.sql
- :: mysql {db}_restore_test -e "select count(*) from users;"
- :: mysql -e "DROP DATABASE {db}_restore_test;"
- :: rm /tmp/{db}-{date}.sql
"""),
("admin-history-review", "admin", """
- :: history | tail -n 30
- :: history | grep systemctl
- :: !{n}
- :: clear
"""),
("dev-find-and-grep", "dev", """
- :: cd ~/src/{project}
- :: find . -name "*.py" | xargs grep -n "TODO"
- :: grep -rn "password" config/ --include=*.example
- :: cat config/settings.example.yaml
- :: cp config/settings.example.yaml config/settings.yaml
"""),
("dev-install-script-pipe", "dev", """
- :: curl -fsSL https://get.example.com/toolchain.sh | sh
- :: source ~/.profile
- :: toolchain --version
- :: which toolchain
"""),
("dev-ssh-tunnel-db", "dev", """
- :: ssh -f -N -L 5433:{lan}:5432 {user}@bastion.example.com
- :: psql -h 127.0.0.1 -p 5433 -U app {db}
- :: pkill -f "ssh -f -N -L 5433"
"""),
("ci-integration-tests", "ci", """
- :: docker compose -f docker-compose.ci.yml up -d db redis
- :: ./scripts/wait-for-it.sh localhost:5432 -t 60
- :: make migrate
- :: make test-integration
- :: docker compose -f docker-compose.ci.yml logs --tail=100
- :: docker compose -f docker-compose.ci.yml down -v
"""),
("ci-release-tag", "ci", """
- :: git fetch --tags
- :: git describe --tags --abbrev=0
- :: git tag -a v{ver} -m "Release v{ver}"
- :: git push origin v{ver}
- :: gh release create v{ver} dist/*.tar.gz --notes-file CHANGELOG.md
"""),
]

WINDOWS = [
("win-admin-patch-check", "admin", """
- :: Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5
- :: Get-Service wuauserv
- :: Get-WindowsUpdateLog
"""),
("win-admin-disk-space", "admin", """
- :: Get-PSDrive C
- :: Get-ChildItem C:\\Windows\\Temp -Recurse | Measure-Object -Property Length -Sum
- :: cleanmgr /sagerun:1
- :: Get-Volume
"""),
("win-admin-service-restart", "admin", """
- :: Get-Service -Name Spooler
- :: Restart-Service -Name Spooler -Force
- :: Get-EventLog -LogName System -Newest 20 -Source "Service Control Manager"
"""),
("win-admin-ad-user", "admin", """
- :: Import-Module ActiveDirectory
- :: Get-ADUser {user} -Properties LockedOut,PasswordLastSet
- :: Unlock-ADAccount -Identity {user}
- :: Set-ADAccountPassword -Identity {user} -Reset
- :: Set-ADUser -Identity {user} -ChangePasswordAtLogon $true
"""),
("win-admin-network", "admin", """
- :: ipconfig /all
- :: ping {lan}
- :: nslookup {dc}.{ad}
- :: Test-NetConnection {lan} -Port 443
- :: ipconfig /flushdns
"""),
("win-admin-gpupdate", "admin", """
- :: gpupdate /force
- :: gpresult /r
- :: Get-GPO -All | Select-Object DisplayName,ModificationTime
"""),
("win-admin-software-install", "admin", """
- :: cd C:\\Install
- :: msiexec /i AgentSetup-{ver}.msi /qn /l*v install.log
- :: Get-Content .\\install.log -Tail 20
- :: Get-Service MonitoringAgent
"""),
("win-admin-event-review", "admin", """
- :: Get-WinEvent -LogName Application -MaxEvents 50 | Where-Object LevelDisplayName -eq Error
- :: Get-WinEvent -FilterHashtable @{LogName='System'; Level=2} -MaxEvents 20
- :: wevtutil qe System /c:5 /rd:true /f:text
"""),
("win-dev-build", "dev", """
- :: cd C:\\src\\{project}
- :: git pull
- :: dotnet restore
- :: dotnet build -c Release
- :: dotnet test --no-build -c Release
- :: git status
"""),
("win-dev-node", "dev", """
- :: cd C:\\Users\\{user}\\source\\repos\\{project}
- :: npm install
- :: npm run build
- :: npm start
"""),
("win-ci-msbuild", "ci", """
- :: nuget restore {project}.sln
- :: msbuild {project}.sln /p:Configuration=Release /m
- :: vstest.console.exe bin\\Release\\{project}.Tests.dll
- :: Compress-Archive -Path bin\\Release\\* -DestinationPath artifacts\\{project}-{ver}.zip
"""),
("win-admin-iis", "admin", """
- :: Import-Module WebAdministration
- :: Get-Website
- :: Restart-WebAppPool -Name {project}
- :: Get-Content C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex{r}.log -Tail 20
"""),
("win-admin-user-reset-cmd", "admin", """
- :: net user {user} /domain
- :: net user {user} * /domain
- :: net user {user} /active:yes /domain
"""),
("win-admin-printer-fix", "admin", """
- :: Get-Printer
- :: Get-PrintJob -PrinterName "HP-Floor2"
- :: Stop-Service Spooler
- :: Remove-Item C:\\Windows\\System32\\spool\\PRINTERS\\* -Force
- :: Start-Service Spooler
"""),
("win-admin-dns-check", "admin", """
- :: Resolve-DnsName {dc}.{ad}
- :: Get-DnsClientServerAddress
- :: Clear-DnsClientCache
- :: nslookup -type=SRV _ldap._tcp.dc._msdcs.{ad}
"""),
("win-admin-scheduled-backup", "admin", """
- :: Get-ScheduledTask -TaskPath \\Backup\\
- :: Get-ScheduledTaskInfo -TaskName "Nightly Backup" -TaskPath \\Backup\\
- :: Start-ScheduledTask -TaskName "Nightly Backup" -TaskPath \\Backup\\
- :: wbadmin get versions
"""),
("win-admin-robocopy-migration", "admin", """
- :: robocopy \\\\FS-OLD\\{share} \\\\FS-NEW\\{share} /MIR /COPYALL /R:1 /W:1 /LOG:C:\\Temp\\{share}.log
- :: Get-Content C:\\Temp\\{share}.log -Tail 15
- :: Get-SmbShare
"""),
("win-admin-cert-check", "admin", """
- :: Get-ChildItem Cert:\\LocalMachine\\My
- :: Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) }
- :: certutil -store my
"""),
("win-admin-sfc-dism", "admin", """
- :: sfc /scannow
- :: DISM /Online /Cleanup-Image /RestoreHealth
- :: Get-ComputerInfo -Property OsName,OsVersion
"""),
("win-admin-remote-support", "admin", """
- :: Test-Connection {target} -Count 2
- :: Enter-PSSession -ComputerName {target}
- :: Get-Service -ComputerName {target} -Name BITS
- :: Restart-Computer -ComputerName {target} -Force
"""),
("win-admin-bitlocker-status", "admin", """
- :: manage-bde -status C:
- :: Get-BitLockerVolume
- :: Get-Tpm
"""),
("win-dev-python", "dev", """
- :: cd C:\\Users\\{user}\\code\\{project}
- :: py -3.12 -m venv .venv
- :: .venv\\Scripts\\activate
- :: pip install -r requirements.txt
- :: pytest -q
"""),
("win-dev-git-branch", "dev", """
- :: git fetch --all
- :: git checkout -b feature/{r}
- :: code .
- :: git add -A
- :: git commit -m "WIP"
- :: git push -u origin feature/{r}
"""),
("win-ci-powershell-pester", "ci", """
- :: Install-Module Pester -Force -Scope CurrentUser
- :: Invoke-Pester -Path .\\tests -CI
- :: Compress-Archive -Path .\\out\\* -DestinationPath .\\artifacts.zip -Force
"""),
("win-ci-docker-windows", "ci", """
- :: docker build -t {project}:{ver} -f Dockerfile.windows .
- :: docker run --rm {project}:{ver} dotnet {project}.dll --self-test
- :: docker push registry.example.com/{project}:{ver}
"""),
("win-admin-defender-scan", "admin", """
- :: Update-MpSignature
- :: Start-MpScan -ScanType QuickScan
- :: Get-MpThreatDetection
"""),
("win-admin-hyperv", "admin", """
- :: Get-VM
- :: Checkpoint-VM -Name {target} -SnapshotName "pre-patch"
- :: Start-VM -Name {target}
- :: Get-VMSnapshot -VMName {target}
"""),
("win-helpdesk-cmd-triage", "admin", """
- :: whoami
- :: hostname
- :: ipconfig /all
- :: ping -n 2 {dc}
- :: net use
- :: gpresult /r
"""),
("win-helpdesk-slow-pc", "admin", """
- :: tasklist /v
- :: tasklist | findstr /i "outlook teams"
- :: taskkill /IM Teams.exe /F
- :: wmic logicaldisk get caption,freespace,size
- :: systeminfo | findstr /C:"Total Physical Memory"
"""),
("win-admin-local-accounts-review", "admin", """
- :: net user
- :: net localgroup administrators
- :: Get-LocalUser | Where-Object Enabled
- :: net user Guest /active:no
"""),
("win-admin-task-audit", "admin", """
- :: schtasks /query /fo LIST /v | findstr /i "TaskName Status"
- :: reg query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run
- :: Get-CimInstance Win32_StartupCommand | Select-Object Name,Command
"""),
("win-admin-file-hash-check", "admin", """
- :: cd C:\\Install
- :: certutil -hashfile Setup-{ver}.exe SHA256
- :: Get-FileHash .\\Setup-{ver}.exe -Algorithm SHA256
- :: Get-AuthenticodeSignature .\\Setup-{ver}.exe
"""),
("win-admin-netstat-check", "admin", """
- :: netstat -ano | findstr LISTENING
- :: Get-NetTCPConnection -State Listen | Sort-Object LocalPort
- :: Get-Process -Id (Get-NetTCPConnection -LocalPort 443).OwningProcess
"""),
]

FAMILIES = {"linux": LINUX, "windows": WINDOWS}
