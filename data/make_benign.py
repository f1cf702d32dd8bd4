#!/usr/bin/env python3
"""Writes data/benign-linux.csv and data/benign-windows.csv, the project's benign ("Normal") corpora.

    python3 data/make_benign.py            # (re)writes both CSVs next to this script
    python3 data/make_benign.py --table    # also prints per-family rows/occurrences and checks

Standard library only. Every command line below was written by hand for this project: what
administrators, developers, CI jobs, backup and monitoring agents, update services and desktop
applications run on Linux and Windows hosts. None is copied from an attack corpus. A realistic
share of the lines look like discovery (`ps aux`, `df -h`, `id`, `ipconfig /all`, `whoami /groups`
in a logon script, ...): they are routine in context, and a Normal class that never contains them
would teach a model that such lines are never benign.

Hosts, users and addresses are made up: names under corp.example / corp.internal / *.example,
RFC 1918 addresses (10.20.0.0/16, 172.16.0.0/12, 192.168.0.0/16) and the documentation ranges
192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32.

Row format (columns proctitle,technique,technique_grouped,count,family):
  * Linux lines follow auditd's PROCTITLE record: the argv joined by single spaces, so shell
    quotes are gone (`git commit -m "fix typo"` is recorded as `git commit -m fix typo`), a pipeline
    is one record per process, and shell syntax is only visible inside the one argument that
    `sh -c` receives (cron lines, Dockerfile RUN steps, ansible's module runner).
  * Windows lines follow Sysmon event 1 / Security event 4688 `CommandLine`: the string the parent
    passed to CreateProcess, quoting included (`"C:\\Program Files\\Git\\cmd\\git.exe" fetch --prune`).
  * `technique` and `technique_grouped` are always `Normal`; `family` names the tool family.
  * `count` is how often the line would be seen in a fleet's telemetry over some weeks. It is
    drawn, with a fixed seed, from a range chosen per group of lines (see PROFILES), unless a line
    sets it with a leading `@N `. Services and agents restart or run every few minutes (hundreds to
    thousands); cron and timer jobs run hourly or daily; CI lines repeat per pipeline; interactive
    one-offs are seen once to three times.
"""
import csv
import math
import os
import random
import re
import sys

SEED = 20250104

# Count ranges (inclusive) per profile; drawn log-uniformly so each range is heavy towards its low end.
PROFILES = {
    "daemon": (200, 5000),   # service processes, agents and browser/IDE helper processes
    "agent": (50, 3000),     # monitoring checks, scheduled maintenance, update scans
    "cron": (30, 1500),      # cron / timer / logon-script jobs: hourly to daily on many hosts
    "ci": (5, 300),          # build and test steps, repeated per pipeline run
    "routine": (3, 60),      # admin and developer commands typed often
    "adhoc": (1, 12),        # commands typed now and then
    "oneoff": (1, 3),        # one-off interactive commands
}
ONEOFF_WEIGHTS = (1, 1, 1, 1, 1, 2, 2, 3)

MIN_ROWS = 700
MIN_FAMILIES = 25


def block(family, profile, text):
    """One (family, profile, line) triple per non-blank line of `text`."""
    assert profile in PROFILES, profile
    return [(family, profile, line.strip()) for line in text.splitlines() if line.strip()]

# ---------------------------------------------------------------------------------------------
# Linux: auditd PROCTITLE style (argv joined by spaces; shell quotes are gone except inside the
# single string that `sh -c` receives, e.g. from a crontab line or a Dockerfile RUN).
# ---------------------------------------------------------------------------------------------
LINUX = []

L = lambda family, profile, text: LINUX.extend(block(family, profile, text))

# --- apt / dpkg (Debian, Ubuntu) ---
L("apt", "cron", """
/bin/sh /usr/lib/apt/apt.systemd.daily update
/bin/sh /usr/lib/apt/apt.systemd.daily install
/bin/sh /usr/lib/apt/apt.systemd.daily lock_is_held update
apt-config shell StampVar APT::Periodic::Update-Package-Lists
apt-config shell UnattendedUpgradeInterval APT::Periodic::Unattended-Upgrade
apt-config shell VERBOSE APT::Periodic::Verbose
/usr/bin/python3 /usr/bin/unattended-upgrade
/usr/bin/python3 /usr/bin/unattended-upgrade --download-only
/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal
/usr/lib/apt/methods/http
/usr/lib/apt/methods/https
/usr/lib/apt/methods/gpgv
/usr/lib/apt/methods/store
/usr/lib/apt/methods/copy
/usr/lib/apt/methods/file
/usr/bin/dpkg --print-foreign-architectures
/usr/lib/update-notifier/update-motd-updates-available
/usr/bin/python3 /usr/lib/ubuntu-release-upgrader/check-new-release -q
/usr/bin/apt-get -qq -y update
/usr/bin/dpkg-query --show --showformat=${Package}\\t${Version}\\t${Status}\\n
""")
L("apt", "routine", """
/usr/bin/dpkg --status-fd 36 --configure --pending
/usr/bin/dpkg --status-fd 41 --no-triggers --unpack --auto-deconfigure /var/cache/apt/archives/libssl3_3.0.13-0ubuntu3.4_amd64.deb /var/cache/apt/archives/openssl_3.0.13-0ubuntu3.4_amd64.deb
/usr/sbin/dpkg-preconfigure --apt
/usr/bin/apt-listchanges --apt
/usr/bin/perl -w /usr/share/debconf/frontend /var/lib/dpkg/info/tzdata.postinst configure 2024a-0ubuntu0.22.04
/bin/sh /var/lib/dpkg/info/linux-image-6.8.0-49-generic.postinst configure
/bin/sh /var/lib/dpkg/info/man-db.postinst triggered /usr/share/man
/usr/sbin/update-initramfs -u -k 6.8.0-49-generic
/bin/sh /usr/sbin/update-grub
sudo apt update
apt update
sudo apt upgrade -y
sudo apt full-upgrade -y
apt list --upgradable
sudo apt-get autoremove --purge -y
sudo apt-get clean
""")
APT_PKGS = ["build-essential", "htop", "jq", "tmux", "postgresql-client-16", "python3-venv", "nginx",
            "certbot python3-certbot-nginx", "git-lfs", "ripgrep", "fd-find", "unzip", "nfs-common",
            "openjdk-17-jdk-headless", "libpq-dev", "redis-tools", "shellcheck", "pv"]
LINUX.extend(("apt", "adhoc", f"sudo apt install -y {p}") for p in APT_PKGS[:9])
LINUX.extend(("apt", "oneoff", f"sudo apt-get install -y --no-install-recommends {p}") for p in APT_PKGS[9:])
L("apt", "oneoff", """
apt-cache policy openssl
apt-cache policy docker-ce
apt-cache show postgresql-16
apt-cache search libxml2
apt-cache madison kubeadm
apt-cache depends nginx
apt-cache rdepends --installed libssl3
sudo apt-mark hold kubelet kubeadm kubectl
sudo apt-mark unhold kubelet kubeadm kubectl
apt-mark showhold
apt-mark showmanual
dpkg -L nginx-common
dpkg -S /usr/bin/dig
dpkg -s openssh-server
dpkg-query -W -f=${Version} linux-image-generic
sudo dpkg -i /home/alice/Downloads/code_1.95.3-1731513102_amd64.deb
sudo dpkg --configure -a
sudo dpkg-reconfigure tzdata
sudo dpkg-reconfigure -plow unattended-upgrades
sudo apt remove --purge snapd
sudo apt install --reinstall ca-certificates
sudo add-apt-repository universe
sudo apt-get install -f
apt-get changelog openssh-server
/bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl tini && rm -rf /var/lib/apt/lists/*
/bin/sh -c apt-get update -qq && apt-get install -y -qq libpq5 && apt-get clean
""")

# --- dnf / yum / rpm (RHEL, Rocky, Fedora) ---
L("dnf", "cron", """
/usr/bin/python3 -s /usr/bin/dnf makecache --timer
/usr/bin/python3 -s /usr/bin/dnf-automatic /etc/dnf/automatic.conf --timer
/usr/bin/python3 /usr/bin/yum makecache fast
/usr/libexec/platform-python /usr/libexec/rhsmcertd-worker
/usr/bin/rhsmcertd
/usr/bin/python3 -s /usr/libexec/rhsmd
/usr/bin/rpm --eval %{_arch}
""")
L("dnf", "routine", """
dnf check-update
sudo dnf upgrade -y
sudo dnf update --security -y
dnf repolist
dnf repolist --enabled
yum list updates
yum clean all
sudo yum -y update
rpm -qa
rpm -q kernel
rpm -qa --last
""")
L("dnf", "oneoff", """
sudo dnf install -y podman buildah skopeo
sudo dnf install -y epel-release
sudo dnf groupinstall -y Development Tools
sudo dnf module enable -y nodejs:20
sudo dnf module list postgresql
sudo dnf remove -y cockpit
dnf history
dnf history info 42
dnf info kernel
dnf provides */bin/dig
dnf list installed python3*
dnf needs-restarting -r
sudo dnf config-manager --set-enabled crb
sudo dnf versionlock add kernel-5.14.0-427.42.1.el9_4
yum info httpd
yum deplist openssl-libs
rpm -qi openssl
rpm -V coreutils
rpm -ql chrony
rpm -qf /etc/ssh/sshd_config
rpm --import /etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-9
sudo rpm -Uvh /tmp/node_exporter-1.8.2-1.el9.x86_64.rpm
package-cleanup --oldkernels --count=2
subscription-manager status
sudo subscription-manager refresh
""")

# --- pip / pipx / poetry ---
L("pip", "ci", """
python3 -m pip install --upgrade pip
python3 -m pip install -r requirements.txt
python3 -m pip install -r requirements-dev.txt
pip install --no-cache-dir -r requirements.txt
/usr/local/bin/python -m pip install --no-cache-dir --upgrade -r /code/requirements.txt
/builds/platform/api/.venv/bin/python -m pip install -e .[test]
python -m pip install --index-url https://nexus.corp.example/repository/pypi-proxy/simple -r requirements.lock
pip install --require-hashes -r requirements.lock
pip wheel --wheel-dir dist/wheels -r requirements.txt
python3 -m pip check
poetry install --no-interaction --no-root
poetry install --with dev --sync
poetry lock --no-update
poetry build
/bin/sh -c pip install --no-cache-dir -r requirements.txt
""")
L("pip", "oneoff", """
pip install requests
pip3 install --user httpie
pip install -U black ruff
pip install pandas==2.2.3
pip install 'psycopg[binary]'
pip uninstall -y tensorflow
pip list --outdated
pip show boto3
pip freeze
pip download --no-deps -d /tmp/wheels cryptography
pip cache purge
pip config list
pipx install pre-commit
pipx upgrade-all
pipx run cookiecutter gh:org/template-py
poetry add fastapi@^0.115
poetry show --tree
poetry env info
uv pip sync requirements.lock
uv venv .venv
""")

# --- npm / yarn / pnpm / node tooling ---
L("npm", "ci", """
npm ci
npm ci --no-audit --prefer-offline
npm run build
npm run lint
npm test
npm run test:unit -- --ci
npm run test:e2e
npm run typecheck
node /usr/lib/node_modules/npm/bin/npm-cli.js ci
node /usr/local/lib/node_modules/npm/bin/npm-cli.js run build
node node_modules/.bin/jest --ci --coverage
node node_modules/.bin/eslint . --ext .ts,.tsx --max-warnings 0
node node_modules/.bin/tsc -p tsconfig.build.json
node node_modules/.bin/vite build
node node_modules/.bin/next build
node node_modules/.bin/prettier --check src
yarn install --frozen-lockfile
yarn build
yarn test --watch=false
pnpm install --frozen-lockfile
pnpm -r build
sh -c tsc -p tsconfig.json
sh -c eslint src --cache
sh -c jest --runInBand
/bin/sh -c npm ci --omit=dev
""")
L("npm", "adhoc", """
npm install
npm install --save-dev vitest
npm install lodash-es
npm install -g npm@10.9.1
npm i -D @types/node
npm uninstall moment
npm outdated
npm audit
npm audit fix
npm ls react
npm view react versions
npm run dev
npm start
npm pack
npm publish --registry https://nexus.corp.example/repository/npm-internal/
npm config get registry
npm cache clean --force
npx prisma migrate dev
npx prisma generate
npx create-vite@latest dashboard --template react-ts
npx playwright install --with-deps chromium
npx ncu -u
yarn add axios
yarn upgrade-interactive
pnpm add -D typescript
node server.js
node --inspect index.js
node dist/main.js
node -v
nvm use 20
""")

# --- git ---
L("git", "ci", """
git fetch --prune
git fetch origin --tags --force
git fetch --no-tags --depth=1 origin +refs/heads/main:refs/remotes/origin/main
git checkout --progress --force -B main refs/remotes/origin/main
git clean -ffdx
git reset --hard HEAD
git submodule update --init --recursive
git submodule sync --recursive
git rev-parse HEAD
git rev-parse --abbrev-ref HEAD
git describe --tags --always --dirty
git log -1 --format=%H
git lfs pull
git config --global --add safe.directory /builds/platform/api
git -c http.extraheader=AUTHORIZATION: basic *** fetch --prune origin
git init /home/runner/work/api/api
git remote add origin https://git.corp.example/platform/api
/usr/lib/git-core/git-remote-https origin https://git.corp.example/platform/api.git
/usr/lib/git-core/git fetch-pack --stateless-rpc --stdin --lock-pack --thin --no-progress https://git.corp.example/platform/api.git/
/usr/lib/git-core/git index-pack --stdin --fix-thin --keep=fetch-pack 41822 on build01
/usr/lib/git-core/git gc --auto
/usr/lib/git-core/git maintenance run --auto --no-quiet
git-upload-pack /srv/git/infra.git
git-receive-pack /srv/git/infra.git
/bin/sh -c cd /srv/www/docs && git pull --ff-only -q
""")
L("git", "adhoc", """
git status
git status -sb
git diff
git diff --staged
git diff main...HEAD --stat
git log --oneline -n 20
git log --graph --oneline --decorate --all
git log -p -- src/auth/session.py
git show HEAD~2
git blame -L 40,80 src/billing/invoice.py
git pull
git pull --rebase
git push
git push origin main
git push -u origin feature/retry-backoff
git push --force-with-lease
git checkout main
git checkout -b fix/null-deref-in-parser
git switch -c chore/bump-deps
git commit -m fix typo in footer
git commit -am update changelog for 2.4.0
git commit --amend --no-edit
git add -p
git add .
git stash
git stash pop
git rebase -i HEAD~4
git rebase origin/main
git merge --no-ff release/2.4
git cherry-pick 9f3c2ab
git tag -a v2.4.0 -m release 2.4.0
git branch -vv
git branch -d feature/old-export
git remote -v
git clone git@git.corp.example:platform/api.git
git clone --depth 1 https://git.corp.example/infra/ansible-roles.git
git bisect start
git reflog
git worktree add ../api-hotfix hotfix/2.3.1
git config user.email alice@corp.example
git config --global pull.rebase true
git lfs track *.psd
git grep -n FIXME
git shortlog -sn --since=2024-01-01
""")

# --- docker / containerd ---
L("docker", "daemon", """
/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
/usr/bin/containerd
/usr/bin/containerd-shim-runc-v2 -namespace moby -id 4f1c0a9e2b7d6c3a5e8f1b2d4c6a8e0f2b4d6c8a1e3f5b7d9c0a2e4f6b8d0c1a -address /run/containerd/containerd.sock
/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id b7e2d41c9a08f35e6d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6978f0e1d2c3b4a5 -address /run/containerd/containerd.sock
/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.18.0.3 -container-port 80
/usr/bin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 5432 -container-ip 172.18.0.2 -container-port 5432
runc init
/usr/sbin/runc --root /var/run/docker/runtime-runc/moby --log /run/containerd/io.containerd.runtime.v2.task/moby/4f1c0a9e2b7d/log.json --log-format json create --bundle /run/containerd/io.containerd.runtime.v2.task/moby/4f1c0a9e2b7d --pid-file /run/containerd/io.containerd.runtime.v2.task/moby/4f1c0a9e2b7d/init.pid 4f1c0a9e2b7d
docker ps --format {{.Names}}\\t{{.Status}}
docker inspect --format {{.State.Health.Status}} web
/usr/libexec/docker/cli-plugins/docker-compose compose ps --format json
""")
L("docker", "ci", """
docker build -t registry.corp.example/platform/api:2.4.0 .
docker build --pull --no-cache -t api:ci -f docker/Dockerfile .
docker buildx build --platform linux/amd64,linux/arm64 --push -t registry.corp.example/platform/web:1.19.2 .
docker push registry.corp.example/platform/api:2.4.0
docker pull registry.corp.example/base/python:3.12-slim
docker tag api:ci registry.corp.example/platform/api:latest
docker login -u ci-bot --password-stdin registry.corp.example
docker run --rm -v /builds/platform/api:/src -w /src registry.corp.example/tools/hadolint hadolint Dockerfile
docker run --rm api:ci pytest -q
docker compose -f docker-compose.ci.yml up -d --wait
docker compose -f docker-compose.ci.yml down -v
docker image prune -af --filter until=168h
docker system prune -f
docker builder prune -f --keep-storage 20GB
/usr/libexec/docker/cli-plugins/docker-buildx buildx build --load -t api:ci .
""")
L("docker", "adhoc", """
docker ps
docker ps -a
docker images
docker logs -f web
docker logs --tail 200 worker
docker exec -it db psql -U postgres
docker exec -it web sh
docker restart nginx-proxy
docker stop redis
docker rm -f scratch
docker stats --no-stream
docker volume ls
docker network ls
docker network inspect bridge
docker compose up -d
docker compose pull
docker compose logs -f --tail=100 api
docker compose restart worker
docker compose down
docker cp web:/etc/nginx/nginx.conf ./nginx.conf
docker system df
docker version
docker info
docker context use staging
podman ps
podman run --rm -it registry.corp.example/base/ubi9:latest bash
podman build -t localhost/reports:dev .
""")

# --- kubectl / helm ---
L("kubectl", "ci", """
kubectl apply -f k8s/
kubectl apply -k overlays/staging
kubectl rollout status deployment/api -n payments --timeout=300s
kubectl rollout restart deployment/web -n storefront
kubectl set image deployment/api api=registry.corp.example/platform/api:2.4.0 -n payments
kubectl diff -k overlays/production
kubectl wait --for=condition=available deployment/api -n payments --timeout=120s
kubectl create secret generic api-env --from-env-file=.env.ci --dry-run=client -o yaml
kubectl get nodes -o wide
kubectl --kubeconfig /etc/kubernetes/admin.conf get pods -A
kubectl config use-context staging-eu1
/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock
kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=worker-03.k8s.internal
""")
L("kubectl", "adhoc", """
kubectl get pods
kubectl get pods -n payments -o wide
kubectl get pods -A --field-selector=status.phase!=Running
kubectl get svc -n ingress-nginx
kubectl get events -n payments --sort-by=.lastTimestamp
kubectl get deploy,sts -n data
kubectl get ingress -A
kubectl describe pod api-6d8f7c9b5d-x2lqp -n payments
kubectl describe node worker-03
kubectl logs -f deploy/api -n payments
kubectl logs api-6d8f7c9b5d-x2lqp -c migrate -n payments --previous
kubectl exec -it postgres-0 -n data -- psql -U app
kubectl port-forward svc/grafana 3000:80 -n monitoring
kubectl top pods -n payments
kubectl top nodes
kubectl scale deployment/worker --replicas=6 -n payments
kubectl cordon worker-05
kubectl drain worker-05 --ignore-daemonsets --delete-emptydir-data
kubectl uncordon worker-05
kubectl delete pod api-6d8f7c9b5d-x2lqp -n payments
kubectl edit configmap api-config -n payments
kubectl config get-contexts
kubectl auth can-i create deployments -n payments
kubectl api-resources
kubectl version --client
kubectl explain deployment.spec.strategy
kubectl cp data/postgres-0:/tmp/dump.sql ./dump.sql
k9s --context staging-eu1
kubeadm token list
sudo kubeadm upgrade plan
""")
L("helm", "ci", """
helm upgrade --install api charts/api -n payments -f values/staging.yaml --wait --timeout 10m
helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx -n ingress-nginx --version 4.11.3
helm lint charts/api
helm template api charts/api -f values/production.yaml
helm dependency update charts/platform
helm package charts/api --version 2.4.0
helm repo update
helm diff upgrade api charts/api -n payments -f values/production.yaml
""")
L("helm", "oneoff", """
helm list -A
helm history api -n payments
helm rollback api 17 -n payments
helm get values api -n payments
helm status kube-prometheus-stack -n monitoring
helm repo add bitnami https://charts.corp.example/bitnami
helm search repo redis
helm uninstall scratch-redis -n sandbox
""")

# --- systemd: systemctl / journalctl ---
L("systemctl", "agent", """
/usr/lib/systemd/systemd --user
/lib/systemd/systemd-journald
/lib/systemd/systemd-logind
/lib/systemd/systemd-udevd
/lib/systemd/systemd-resolved
/lib/systemd/systemd-timesyncd
/lib/systemd/systemd-networkd
/usr/lib/systemd/systemd-hostnamed
/usr/lib/systemd/systemd-localed
/lib/systemd/systemd-user-runtime-dir start 1000
/lib/systemd/systemd-user-runtime-dir stop 1001
(sd-pam)
/bin/systemctl is-active --quiet nginx
systemctl is-enabled docker
/usr/bin/systemctl --quiet is-active multi-user.target
/bin/systemctl show -p ActiveState --value postgresql
""")
L("systemctl", "routine", """
systemctl status nginx
systemctl status postgresql@16-main
sudo systemctl restart nginx
sudo systemctl reload nginx
sudo systemctl restart docker
sudo systemctl daemon-reload
sudo systemctl enable --now node_exporter
sudo systemctl stop apache2
sudo systemctl start redis-server
systemctl list-units --failed
systemctl list-timers --all
systemctl --user restart pipewire
systemctl cat kubelet
sudo systemctl edit --full gunicorn
sudo systemctl mask sleep.target suspend.target
sudo systemctl reset-failed
systemd-analyze blame
systemd-analyze critical-chain
systemd-cgls
systemd-run --user --scope -p MemoryMax=2G make -j8
hostnamectl
timedatectl status
sudo timedatectl set-timezone Europe/Berlin
localectl status
loginctl list-sessions
sudo reboot
sudo shutdown -r +5 kernel update
""")
L("journalctl", "routine", """
journalctl -u nginx --since today
journalctl -u kubelet -f
journalctl -xe
journalctl -b -1 -p err
journalctl -k --since -1h
journalctl --disk-usage
sudo journalctl --vacuum-time=14d
sudo journalctl --vacuum-size=500M
journalctl -u docker --no-pager -n 200
journalctl -u postgresql --since 2024-11-02 03:00 --until 2024-11-02 04:00
journalctl _SYSTEMD_UNIT=sshd.service --since yesterday
journalctl --user -u syncthing
journalctl -o json-pretty -u gitlab-runner -n 20
journalctl --list-boots
journalctl -f -t CRON
journalctl --verify
""")
L("journalctl", "agent", """
/usr/bin/journalctl -o json --follow --since now --no-tail
/usr/bin/journalctl --output=export --follow --no-tail --cursor-file=/var/lib/promtail/journal.cursor
journalctl --rotate
""")

# --- cron / anacron / scheduled shell jobs ---
L("cron", "cron", """
/usr/sbin/cron -f
/usr/sbin/CRON -f
/usr/sbin/crond -n
/usr/sbin/anacron -d -q -s
/bin/sh -c cd / && run-parts --report /etc/cron.hourly
/bin/sh -c test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )
/bin/sh -c test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.weekly )
run-parts --report /etc/cron.daily
run-parts --report /etc/cron.hourly
/usr/bin/run-parts /etc/cron.hourly
/bin/sh -c [ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi
/bin/sh -c /usr/local/bin/backup-db.sh >> /var/log/backup-db.log 2>&1
/bin/sh -c /opt/scripts/cleanup-tmp.sh > /dev/null 2>&1
/bin/sh -c cd /srv/app && /srv/app/.venv/bin/python manage.py clearsessions
/bin/sh -c cd /srv/app && /srv/app/.venv/bin/python manage.py send_queued_mail >> /var/log/app/mail.log 2>&1
/bin/sh -c php /var/www/nextcloud/cron.php
/bin/sh -c /usr/bin/certbot renew --quiet --deploy-hook systemctl reload nginx
/bin/sh -c find /var/www/uploads/tmp -type f -mmin +120 -delete
/bin/sh -c /usr/lib/sysstat/debian-sa1 1 1
/bin/sh -c command -v debian-sa1 > /dev/null && debian-sa1 1 1
/bin/sh -c /usr/local/bin/rotate-app-logs.sh
/bin/sh -c flock -n /tmp/sync-assets.lock /opt/scripts/sync-assets.sh
/bin/sh -c /usr/bin/docker system prune -af --filter until=72h > /dev/null
/bin/sh -c curl -fsS -m 10 --retry 3 https://hc.corp.example/ping/7d2c1a90 > /dev/null
/bin/sh -c /home/deploy/bin/report-nightly.py --to ops@corp.example
/bin/bash /etc/cron.daily/apt-compat
/bin/sh /etc/cron.daily/dpkg
/bin/sh /etc/cron.daily/man-db
/bin/sh /etc/cron.daily/logrotate
""")
L("cron", "oneoff", """
crontab -e
sudo crontab -u www-data -l
crontab -l
""")

# --- logrotate ---
L("logrotate", "cron", """
/usr/sbin/logrotate /etc/logrotate.conf
/usr/sbin/logrotate -s /var/lib/logrotate/logrotate.status /etc/logrotate.conf
/usr/sbin/logrotate /etc/logrotate.d/nginx
/bin/sh -c invoke-rc.d nginx rotate >/dev/null 2>&1
/bin/sh -c if [ -f /var/run/nginx.pid ]; then kill -USR1 `cat /var/run/nginx.pid`; fi
/bin/sh -c /usr/lib/rsyslog/rsyslog-rotate
/bin/sh -c systemctl kill -s HUP rsyslog.service
/bin/sh -c [ -s /run/apache2/apache2.pid ] && apache2ctl graceful > /dev/null
/bin/sh -c docker kill --signal=USR1 nginx-proxy
/usr/bin/gzip
/bin/gzip -9
""")
L("logrotate", "oneoff", """
sudo logrotate -d /etc/logrotate.d/app
sudo logrotate -f /etc/logrotate.d/nginx
sudo logrotate -v /etc/logrotate.conf
""")

# --- backup ---
L("backup", "cron", """
rsync -aHAX --delete --numeric-ids /srv/ backup@nas01.corp.internal:/volume1/backups/web01/srv/
rsync -az --delete -e ssh -i /root/.ssh/backup_ed25519 /var/lib/postgresql/backups/ backup@10.20.8.15:/backups/db01/
rsync --server -logDtprze.iLsfxCIvu --delete . /volume1/backups/web01/etc/
/usr/bin/borg create --stats --compression zstd,6 ::web01-{now:%Y-%m-%dT%H:%M} /etc /srv /home
/usr/bin/borg prune --keep-daily 7 --keep-weekly 4 --keep-monthly 6
/usr/bin/borg compact
borg serve --restrict-to-path /srv/borg/web01
/usr/bin/restic backup --tag nightly --exclude-file /etc/restic/excludes /etc /srv /home
/usr/bin/restic forget --keep-daily 7 --keep-weekly 5 --prune
/usr/bin/restic check --read-data-subset 5%
pg_dump -Fc -Z 6 -f /var/backups/pg/app-nightly.dump app
pg_dumpall --globals-only -f /var/backups/pg/globals.sql
mysqldump --single-transaction --routines --triggers --all-databases
xtrabackup --backup --target-dir=/var/backups/mysql/full
tar --listed-incremental=/var/backups/etc.snar -czf /var/backups/etc-incr.tar.gz /etc
/bin/sh -c /usr/local/bin/backup-db.sh
/bin/bash /usr/local/sbin/snapshot-volumes.sh --retain 14
rclone sync /var/backups/pg remote-s3:corp-backups/db01/pg --transfers 4
/usr/bin/duplicity incremental --full-if-older-than 1M /home sftp://backup@nas01.corp.internal//backups/home
""")
L("backup", "oneoff", """
borg list ::
borg info ::web01-2024-11-03T02:00
borg extract --dry-run ::web01-2024-11-03T02:00 etc/nginx
restic snapshots
restic restore latest --target /tmp/restore --include /etc/nginx
restic stats --mode raw-data
pg_restore -d app_staging -j 4 --no-owner /var/backups/pg/app-nightly.dump
mysql app < /tmp/app.sql
rsync -avn /srv/www/ /tmp/www-check/
tar -tzf /var/backups/etc-full.tar.gz
""")

# --- monitoring agents ---
L("monitoring-agent", "daemon", """
/usr/local/bin/node_exporter --collector.systemd --collector.textfile.directory=/var/lib/node_exporter/textfile
/usr/bin/prometheus-node-exporter
/usr/bin/telegraf -config /etc/telegraf/telegraf.conf -config-directory /etc/telegraf/telegraf.d
/usr/sbin/zabbix_agentd -c /etc/zabbix/zabbix_agentd.conf
/usr/sbin/zabbix_agent2 -c /etc/zabbix/zabbix_agent2.conf
/opt/datadog-agent/bin/agent/agent run -p /opt/datadog-agent/run/agent.pid
/opt/datadog-agent/embedded/bin/trace-agent --config /etc/datadog-agent/datadog.yaml
/opt/datadog-agent/embedded/bin/process-agent --cfgpath=/etc/datadog-agent/datadog.yaml
/usr/bin/promtail -config.file=/etc/promtail/config.yml
/opt/fluent-bit/bin/fluent-bit -c /etc/fluent-bit/fluent-bit.conf
/usr/share/filebeat/bin/filebeat --environment systemd -c /etc/filebeat/filebeat.yml --path.home /usr/share/filebeat
/usr/sbin/collectd -C /etc/collectd/collectd.conf -f
/usr/sbin/snmpd -LOw -u Debian-snmp -g Debian-snmp -I -smux mteTrigger mteTriggerConf -f -p /run/snmpd.pid
/usr/lib/nagios/plugins/check_disk -w 20% -c 10% -p /
/usr/lib/nagios/plugins/check_disk -w 15% -c 5% -p /var/lib/postgresql
/usr/lib/nagios/plugins/check_load -w 8,6,4 -c 12,10,8
/usr/lib/nagios/plugins/check_procs -w 250 -c 400
/usr/lib/nagios/plugins/check_swap -w 40% -c 20%
/usr/lib/nagios/plugins/check_http -H intranet.corp.example -S -u /health
/usr/lib/nagios/plugins/check_ntp_time -H ntp1.corp.internal
/usr/lib64/nagios/plugins/check_mysql -u nagios -H 127.0.0.1
/usr/lib/nagios/plugins/check_ssl_cert -H shop.corp.example -w 21 -c 7
/usr/lib/nagios/plugins/check_users -w 5 -c 10
/usr/sbin/nrpe -c /etc/nagios/nrpe.cfg -f
/usr/sbin/smartd -n
/usr/lib/sysstat/sadc -F -L -S DISK 1 1 /var/log/sysstat
/usr/lib/sysstat/sa2 -A
/usr/bin/python3 /usr/share/google/google_osconfig_agent
/usr/bin/amazon-ssm-agent
/usr/bin/ssm-agent-worker
/opt/microsoft/azuremonitoragent/bin/mdsd -A -c /etc/opt/microsoft/azuremonitoragent/mdsd.xml -r /run/azuremonitoragent/default
/usr/bin/chronyc -n tracking
/usr/bin/mysqladmin --defaults-file=/etc/mysql/debian.cnf ping
/usr/bin/redis-cli -h 127.0.0.1 -p 6379 info replication
/usr/bin/pg_isready -h /var/run/postgresql -p 5432
/usr/bin/curl -s -o /dev/null -w %{http_code} http://127.0.0.1:8080/healthz
/usr/bin/nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader,nounits
""")
L("monitoring-agent", "oneoff", """
sudo smartctl -a /dev/nvme0n1
sudo smartctl -H /dev/sda
iostat -xz 5 3
vmstat 2 5
mpstat -P ALL 2 3
sar -u -f /var/log/sysstat/sa03
pidstat -d 5 2
iotop -oPa
atop -r /var/log/atop/atop_20241103
""")

# --- editors ---
L("editor", "adhoc", """
vim notes.txt
vim /etc/nginx/sites-available/default
vim /etc/ssh/sshd_config
vim -d values/staging.yaml values/production.yaml
vim +120 src/scheduler/worker.py
vi /etc/fstab
vi /etc/hosts
sudo vim /etc/netplan/01-netcfg.yaml
sudoedit /etc/sudoers.d/deploy
visudo -f /etc/sudoers.d/deploy
nvim .
nvim Cargo.toml
nano README.md
nano ~/.bashrc
sudo nano /etc/default/grub
nano -w /etc/crontab
emacs -nw main.go
emacsclient -t src/lib.rs
emacs --daemon
code .
code --wait /tmp/COMMIT_EDITMSG
/usr/share/code/code --type=utility --utility-sub-type=node.mojom.NodeService --lang=en-US --service-sandbox-type=none
/usr/share/code/code --unity-launch /home/priya/src/billing
/usr/bin/vim /home/alice/src/api/.git/COMMIT_EDITMSG
/usr/bin/vim /home/bob/src/infra/.git/rebase-merge/git-rebase-todo
less /var/log/syslog
less /etc/nginx/nginx.conf
less +F /var/log/app/worker.log
""")

# --- compilers ---
L("compiler", "ci", """
gcc -Wall -Wextra -O2 -g -c src/parser.c -o build/parser.o
gcc -O2 -o build/app build/main.o build/parser.o build/util.o -lm -lpthread
cc -std=c11 -O2 -fPIC -c lib/hash.c -o lib/hash.o
cc -shared -o libhash.so lib/hash.o
g++ -std=c++17 -O2 -Wall -Iinclude -c src/engine.cpp -o obj/engine.o
g++ -std=c++20 -O3 -march=native -o bench/bench_sort bench/bench_sort.cpp
c++ -O2 -DNDEBUG -fPIC -I/usr/include/python3.12 -c src/_speedups.cpp -o build/temp.linux-x86_64-cpython-312/src/_speedups.o
x86_64-linux-gnu-gcc -Wsign-compare -DNDEBUG -g -fwrapv -O2 -Wall -fPIC -I/usr/include/python3.12 -c _cffi_backend.c -o build/_cffi_backend.o
/usr/lib/gcc/x86_64-linux-gnu/13/cc1 -quiet -imultiarch x86_64-linux-gnu src/main.c -quiet -dumpdir build/ -dumpbase main.c -dumpbase-ext .c -mtune=generic -march=x86-64 -O2 -Wall -fasynchronous-unwind-tables -o /tmp/ccQ2vZ8d.s
/usr/lib/gcc/x86_64-linux-gnu/13/cc1plus -quiet -imultiarch x86_64-linux-gnu -D_GNU_SOURCE src/engine.cpp -quiet -dumpbase engine.cpp -mtune=generic -march=x86-64 -O2 -std=c++17 -o /tmp/ccm1Kp3x.s
as --64 -o build/main.o /tmp/ccQ2vZ8d.s
/usr/bin/ld -plugin /usr/libexec/gcc/x86_64-linux-gnu/13/liblto_plugin.so --build-id --eh-frame-hdr -m elf_x86_64 -dynamic-linker /lib64/ld-linux-x86-64.so.2 -pie -o build/app
/usr/libexec/gcc/x86_64-linux-gnu/13/collect2 -plugin /usr/libexec/gcc/x86_64-linux-gnu/13/liblto_plugin.so --eh-frame-hdr -m elf_x86_64 -o build/app
clang -O2 -g -Wall -target bpf -c probes/tcp_latency.bpf.c -o probes/tcp_latency.bpf.o
clang++ -std=c++20 -stdlib=libc++ -O2 -c src/render.cpp -o build/render.o
clang-format -i src/parser.c src/parser.h
clang-tidy -p build src/engine.cpp
ar rcs build/libutil.a build/util.o build/strbuf.o
strip --strip-unneeded build/app
objdump -d -M intel build/app
javac -d out -cp lib/* src/main/java/com/example/App.java
gfortran -O3 -fopenmp -o solver solver.f90
nvcc -O3 -arch=sm_80 -o kernels/gemm kernels/gemm.cu
rustc --edition=2021 -O src/main.rs
""")

# --- make / cmake / ninja ---
L("make", "ci", """
make
make -j8
make -j16 V=1
make -j4 all
make test
make check
make install DESTDIR=/tmp/pkgroot
make clean
make lint
make docs
make release VERSION=2.4.0
make -C kernel/module M=/usr/src/wireguard modules
make -f Makefile.ci build
make menuconfig
make deps
make docker-build
sudo make install
/usr/bin/make -f debian/rules binary
dh_auto_build --buildsystem=cmake
dpkg-buildpackage -us -uc -b
""")
L("cmake", "ci", """
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON
cmake --build build -j 8
cmake --build build --target install
cmake --build build --config Release --parallel
cmake --install build --prefix /opt/engine
cmake -DCMAKE_TOOLCHAIN_FILE=/opt/vcpkg/scripts/buildsystems/vcpkg.cmake -S . -B build
cmake --preset linux-release
ctest --test-dir build --output-on-failure
ctest --test-dir build -j4 -L unit
ninja -C build
ninja -C build -t compdb
/usr/bin/cmake -E cmake_depends Unix Makefiles /src /src /src/build /src/build/CMakeFiles/engine.dir/DependInfo.cmake
/usr/bin/cmake -E cmake_link_script CMakeFiles/engine.dir/link.txt --verbose=0
/usr/bin/cmake -P /src/build/cmake_install.cmake
meson setup builddir --buildtype=release
meson compile -C builddir
ccache -s
""")

# --- ssh administration ---
L("ssh-admin", "daemon", """
sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups
/usr/sbin/sshd -D
sshd: alice [priv]
sshd: alice@pts/0
sshd: bob [priv]
sshd: bob@pts/1
sshd: deploy [priv]
sshd: deploy@notty
sshd: backup [priv]
sshd: backup@notty
sshd: ansible [priv]
sshd: ansible@pts/2
sshd: unknown [priv]
/usr/lib/openssh/sftp-server
/usr/libexec/openssh/sftp-server
sshd: priya@internal-sftp
/usr/bin/ssh-agent -D -a /run/user/1000/openssh_agent
ssh-agent -s
""")
L("ssh-admin", "adhoc", """
ssh web01.corp.internal
ssh -J bastion.corp.example alice@db01.corp.internal
ssh -i ~/.ssh/id_ed25519 deploy@10.20.4.15
ssh -p 2222 admin@192.0.2.40
ssh -L 5432:db01.corp.internal:5432 bastion.corp.example
ssh -o BatchMode=yes -o ConnectTimeout=5 ansible@app03.corp.internal
ssh -t jump01 sudo -i
scp report.pdf bob@10.20.4.23:
scp -r dist/ deploy@web02.corp.internal:/srv/www/releases/2.4.0/
scp db01.corp.internal:/var/log/postgresql/postgresql-16-main.log .
sftp backup@nas01.corp.internal
ssh-keygen -t ed25519 -C alice@workstation
ssh-keygen -R web01.corp.internal
ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub
ssh-keygen -s /etc/ssh/ca_user_key -I alice -n alice -V +52w id_ed25519.pub
ssh-keyscan -t ed25519 git.corp.example
ssh-copy-id -i ~/.ssh/id_ed25519.pub deploy@web03.corp.internal
ssh-add -l
ssh-add ~/.ssh/id_ed25519
sudo sshd -t
autossh -M 0 -N -L 6443:10.20.0.10:6443 bastion.corp.example
mosh alice@dev01.corp.internal
""")

# --- coreutils-style inspection that looks like reconnaissance but is routine ---
L("coreutils-recon", "agent", """
@2400 ps aux
ps -ef
ps -eo pid,ppid,cmd,%mem,%cpu --sort=-%mem
ps -eo pid,comm,rss --no-headers
ps -o rss= -p 1432
ps -p 2281 -o etimes=
@1800 df -h
df -P
df -Pk /var/lib/docker
df -i
df -hT -x tmpfs -x devtmpfs
du -sh /var/lib/docker
du -sh /var/log/journal /var/log/nginx /var/log/postgresql
du -xh --max-depth=1 /srv
free -m
free -h
uptime
uptime -p
cat /proc/loadavg
cat /proc/meminfo
cat /proc/cpuinfo
cat /etc/os-release
cat /sys/class/thermal/thermal_zone0/temp
uname -r
uname -a
uname -m
hostname
hostname -f
hostname -I
id -u
id
id -gn
whoami
who
w
last -n 20
lastlog -u alice
getent passwd deploy
getent group docker
groups
lsblk
lsblk -f
lscpu
lsmem
lspci -k
lsusb
lsof -i :8080
lsof +D /var/log/app
nproc
top -b -n 1
date
date -u +%Y-%m-%dT%H:%M:%SZ
env
printenv PATH
sudo -l
""")

# --- network administration ---
L("network-admin", "routine", """
ip a
ip addr show dev eth0
ip -br a
ip route
ip route get 10.20.8.15
ip -6 route show
ip link set eth1 up
ip neigh show
ss -tulpn
ss -tn state established
ss -s
netstat -tlnp
ping -c 4 10.20.0.1
ping -c 3 db01.corp.internal
ping6 -c 3 2001:db8::1
traceroute 198.51.100.10
tracepath web01.corp.internal
mtr -rw -c 20 203.0.113.5
dig +short api.corp.example
dig @10.20.0.53 corp.internal SOA
dig -x 10.20.4.15
nslookup intranet.corp.example
host mail.corp.example
resolvectl status
resolvectl flush-caches
nmcli device status
nmcli connection up corp-vpn
nmcli con show
ethtool eth0
ethtool -S ens192
iw dev wlan0 link
curl -I http://127.0.0.1:8080/health
curl -sS https://api.corp.example/v1/status
curl -o /tmp/release.tar.gz https://artifacts.corp.example/api/releases/api-2.4.0.tar.gz
wget -q https://artifacts.corp.example/tools/promtool-2.55.0.tar.gz
nc -zv db01.corp.internal 5432
openssl s_client -connect shop.corp.example:443 -servername shop.corp.example
sudo tcpdump -ni eth0 port 53 -c 50
sudo iptables -L -n -v
sudo nft list ruleset
sudo ufw status verbose
sudo ufw allow from 10.20.0.0/16 to any port 9100 proto tcp
sudo firewall-cmd --list-all
sudo firewall-cmd --permanent --add-service=https
sudo wg show
sudo netplan apply
arp -n
""")

# --- python ---
L("python", "daemon", """
/srv/app/.venv/bin/python /srv/app/.venv/bin/gunicorn app.wsgi:application --workers 4 --bind 127.0.0.1:8000
/srv/app/.venv/bin/python /srv/app/.venv/bin/celery -A app worker -l info -Q default,emails
/srv/app/.venv/bin/python /srv/app/.venv/bin/celery -A app beat -l info --schedule /var/lib/app/celerybeat-schedule
/opt/api/venv/bin/python3 /opt/api/venv/bin/uvicorn api.main:app --host 0.0.0.0 --port 8080 --proxy-headers
/usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers
/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown
/usr/bin/python3 /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf
/usr/bin/python3 -Es /usr/sbin/tuned -l -P
/usr/bin/python3 /usr/bin/fail2ban-server -xf start
/usr/libexec/platform-python -s /usr/sbin/firewalld --nofork --nopid
/usr/bin/python3 /usr/lib/command-not-found -- gti
/usr/bin/python3 -u /opt/exporters/pg_custom_exporter.py --config /etc/exporters/pg.yml
""")
L("python", "ci", """
python3 -m pytest -q
python -m pytest tests/ -x --maxfail=1 -n auto
python -m pytest --cov=src --cov-report=xml --junitxml=report.xml
pytest -q
pytest tests/integration -m not slow
python -m mypy src
python -m ruff check .
ruff format --check .
black --check .
flake8 src tests
tox -e py312
nox -s tests-3.12
python -m build
python -m twine upload --repository-url https://nexus.corp.example/repository/pypi-internal/ dist/*
python setup.py bdist_wheel
coverage report -m
python3 manage.py migrate --noinput
python3 manage.py collectstatic --noinput
alembic upgrade head
""")
L("python", "adhoc", """
python3
python3 -m venv .venv
python3 -m http.server 8000 --bind 127.0.0.1
python3 manage.py runserver
python3 manage.py shell
python3 manage.py makemigrations billing
python3 -c print(__import__('sys').version)
python3 scripts/import_customers.py --dry-run data/customers-2024-10.csv
python3 tools/rebuild_index.py --since 2024-11-01
python3 -m json.tool response.json
python3 -i analysis.py
ipython
jupyter lab --no-browser --port 8888
/home/priya/.venv/bin/python -m ipykernel_launcher -f /home/priya/.local/share/jupyter/runtime/kernel-5c1e.json
flask --app app run --debug
pyenv install 3.12.7
pyenv local 3.12.7
conda activate ml
conda env create -f environment.yml
""")

# --- java / jvm build tools ---
L("java", "daemon", """
/usr/lib/jvm/java-17-openjdk-amd64/bin/java -Djava.util.logging.config.file=/opt/tomcat/conf/logging.properties -Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager -Xms512m -Xmx2g -classpath /opt/tomcat/bin/bootstrap.jar:/opt/tomcat/bin/tomcat-juli.jar org.apache.catalina.startup.Bootstrap start
/usr/bin/java -Xms1g -Xmx1g -XX:+UseG1GC -Des.path.home=/usr/share/elasticsearch -cp /usr/share/elasticsearch/lib/* org.elasticsearch.bootstrap.Elasticsearch
java -Xmx768m -jar /opt/orders/orders-service-3.8.1.jar --spring.profiles.active=prod
/opt/kafka/bin/../jre/bin/java -Xmx1G -Xms1G -server -XX:+UseG1GC -cp /opt/kafka/libs/* kafka.Kafka /opt/kafka/config/server.properties
/usr/lib/jvm/java-21-openjdk/bin/java -jar /usr/share/java/jenkins.war --httpPort=8080 --webroot=/var/cache/jenkins/war
java -jar /home/jenkins/agent.jar -url https://jenkins.corp.example/ -name build-linux-04 -workDir /home/jenkins/agent
""")
L("java", "ci", """
mvn -B -ntp clean verify
mvn -B -DskipTests package
mvn -B deploy -DaltDeploymentRepository=internal::https://nexus.corp.example/repository/maven-releases/
mvn -q dependency:tree
mvn versions:display-dependency-updates
./mvnw spotless:check
./gradlew build --no-daemon
./gradlew test --tests com.example.billing.*
./gradlew :app:assembleRelease
./gradlew dependencies --configuration runtimeClasspath
/usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx64m -Xms64m -Dorg.gradle.appname=gradlew -classpath /builds/mobile/app/gradle/wrapper/gradle-wrapper.jar org.gradle.wrapper.GradleWrapperMain build
/usr/lib/jvm/java-17-openjdk-amd64/bin/java --add-opens=java.base/java.util=ALL-UNNAMED -Xmx2g -Dfile.encoding=UTF-8 -cp /home/ci/.gradle/wrapper/dists/gradle-8.10.2-bin/a04bxjujx95o3nb99gddekhwo/gradle-8.10.2/lib/gradle-launcher-8.10.2.jar org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.10.2
sbt -batch test
""")
L("java", "oneoff", """
java -version
jcmd 18231 GC.heap_info
jstat -gcutil 18231 1000 5
jstack 18231
keytool -list -keystore /opt/tomcat/conf/keystore.jks
sudo update-alternatives --config java
sdk install java 21.0.5-tem
""")

# --- dotnet ---
L("dotnet", "ci", """
dotnet restore --locked-mode
dotnet build -c Release --no-restore
dotnet test -c Release --no-build --logger trx --results-directory TestResults
dotnet test --collect:XPlat Code Coverage
dotnet publish src/Orders.Api -c Release -o /app/publish --no-restore
dotnet pack -c Release -o artifacts
dotnet format --verify-no-changes
dotnet tool restore
/usr/share/dotnet/dotnet /usr/share/dotnet/sdk/8.0.404/MSBuild.dll -nologo -nodemode:1 -nodeReuse:false -low:false
/usr/share/dotnet/dotnet exec /usr/share/dotnet/sdk/8.0.404/Roslyn/bincore/VBCSCompiler.dll -pipename:AuKs2pXc8d0q1lX0wJb3mQ
/usr/share/dotnet/dotnet exec --runtimeconfig /builds/shop/tests/Shop.Tests/bin/Release/net8.0/Shop.Tests.runtimeconfig.json /root/.nuget/packages/microsoft.testplatform.testhost/17.11.1/lib/net8.0/testhost.dll --port 41237
""")
L("dotnet", "daemon", """
/usr/bin/dotnet /srv/orders/Orders.Api.dll
/usr/share/dotnet/dotnet /opt/inventory/Inventory.Worker.dll --environment Production
""")
L("dotnet", "oneoff", """
dotnet run --project src/Orders.Api
dotnet watch run
dotnet new webapi -n Reports.Api
dotnet add package Npgsql --version 8.0.5
dotnet ef migrations add AddInvoiceDueDate
dotnet ef database update
dotnet --list-sdks
dotnet nuget locals all --clear
""")

# --- go / rust ---
L("go", "ci", """
go build ./...
go build -trimpath -ldflags=-s -w -X main.version=2.4.0 -o bin/agent ./cmd/agent
go test ./...
go test -race -count=1 ./internal/...
go vet ./...
go mod download
go mod tidy
go mod verify
go generate ./...
golangci-lint run --timeout 5m
gofmt -l .
/usr/local/go/pkg/tool/linux_amd64/compile -o /tmp/go-build1882/b001/_pkg_.a -trimpath /tmp/go-build1882/b001=> -p main -lang=go1.23 -complete -buildid abc/abc -goversion go1.23.3 -c=4 -nolocalimports -importcfg /tmp/go-build1882/b001/importcfg -pack ./cmd/agent/main.go
/usr/local/go/pkg/tool/linux_amd64/link -o /tmp/go-build1882/b001/exe/a.out -importcfg /tmp/go-build1882/b001/importcfg.link -buildmode=pie -extld=gcc /tmp/go-build1882/b001/_pkg_.a
/usr/local/go/pkg/tool/linux_amd64/vet /tmp/go-build3307/b062/vet.cfg
""")
L("go", "oneoff", """
go run ./cmd/server
go get github.com/jackc/pgx/v5@latest
go install golang.org/x/tools/gopls@latest
go work sync
go env GOPATH
/home/alice/go/bin/gopls -mode=stdio
dlv debug ./cmd/server
""")
L("rust", "ci", """
cargo build --release
cargo build --locked --release --target x86_64-unknown-linux-musl
cargo test --workspace
cargo test --all-features -- --nocapture
cargo clippy --all-targets -- -D warnings
cargo fmt --all -- --check
cargo doc --no-deps
cargo audit
/home/ci/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc --crate-name tokio --edition=2021 /home/ci/.cargo/registry/src/index-6f17d22bba15001f/tokio-1.41.1/src/lib.rs --crate-type lib --emit=dep-info,metadata,link -C opt-level=3
/home/ci/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/cargo metadata --format-version 1 --no-deps
""")
L("rust", "oneoff", """
cargo run -- --config dev.toml
cargo add serde --features derive
cargo update -p openssl
rustup update stable
rustup component add rust-analyzer
/home/bob/.cargo/bin/rust-analyzer
""")

# --- infrastructure as code ---
L("terraform", "ci", """
terraform init -input=false
terraform init -backend-config=backend/prod.hcl -upgrade
terraform validate
terraform fmt -check -recursive
terraform plan -input=false -out=tfplan
terraform plan -var-file=envs/staging.tfvars -lock-timeout=5m
terraform apply -input=false tfplan
terraform show -json tfplan
terraform providers lock -platform=linux_amd64 -platform=darwin_arm64
tflint --recursive
/builds/infra/live/.terraform/providers/registry.terraform.io/hashicorp/aws/5.76.0/linux_amd64/terraform-provider-aws_v5.76.0_x5
""")
L("terraform", "oneoff", """
terraform state list
terraform state show module.vpc.aws_subnet.private[0]
terraform output -json
terraform import aws_s3_bucket.logs corp-example-logs
terraform workspace select staging
terraform console
""")
L("ansible", "ci", """
ansible-playbook -i inventories/production site.yml --limit webservers
ansible-playbook -i inventories/staging deploy.yml -e version=2.4.0 --diff
ansible-playbook site.yml --check --diff
ansible-playbook -i hosts.ini patch.yml --tags security --forks 20
ansible-galaxy install -r requirements.yml
ansible-galaxy collection install -r collections/requirements.yml
ansible-lint playbooks/
/usr/bin/python3 /usr/bin/ansible-playbook -i /etc/ansible/hosts /opt/ops/nightly-patch.yml
/bin/sh -c /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-1730790201.53-8812-4019/AnsiballZ_setup.py && sleep 0
/bin/sh -c /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-1730790244.91-8812-1177/AnsiballZ_apt.py && sleep 0
/bin/sh -c /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-1730790302.17-8812-6120/AnsiballZ_systemd.py && sleep 0
/bin/sh -c /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-1730790318.44-8812-2291/AnsiballZ_copy.py && sleep 0
/bin/sh -c rm -f -r /home/ansible/.ansible/tmp/ansible-tmp-1730790201.53-8812-4019/ > /dev/null 2>&1 && sleep 0
/bin/sh -c echo ~ansible && sleep 0
""")
L("ansible", "oneoff", """
ansible all -i inventories/production -m ping
ansible webservers -m shell -a uptime
ansible-inventory -i inventories/production --graph
ansible-vault edit group_vars/all/vault.yml
ansible-doc community.general.ufw
""")
L("config-mgmt", "cron", """
/opt/puppetlabs/puppet/bin/ruby /opt/puppetlabs/puppet/bin/puppet agent --no-daemonize
/opt/puppetlabs/bin/puppet agent --onetime --no-daemonize --splay
/opt/puppetlabs/puppet/bin/facter --json
/opt/chef/embedded/bin/ruby --disable-gems /usr/bin/chef-client -d -c /etc/chef/client.rb -i 1800 -s 300
/usr/bin/salt-minion
/usr/bin/python3 /usr/bin/salt-call state.apply
/usr/bin/python3 /usr/bin/salt-call --local grains.items
""")
L("config-mgmt", "oneoff", """
sudo puppet agent -t --noop
sudo chef-client -o recipe[base::users]
sudo salt-call state.highstate test=True
""")

# --- databases ---
L("database", "daemon", """
/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main -c config_file=/etc/postgresql/16/main/postgresql.conf
postgres: 16/main: checkpointer
postgres: 16/main: background writer
postgres: 16/main: walwriter
postgres: 16/main: autovacuum launcher
postgres: 16/main: logical replication launcher
postgres: 16/main: app app 10.20.4.31(51742) idle
postgres: 16/main: autovacuum worker app
/usr/sbin/mysqld
/usr/sbin/mariadbd --basedir=/usr --datadir=/var/lib/mysql --plugin-dir=/usr/lib/mysql/plugin --user=mysql --skip-log-error --pid-file=/run/mysqld/mysqld.pid --socket=/run/mysqld/mysqld.sock
/usr/bin/redis-server 127.0.0.1:6379
/usr/bin/mongod --config /etc/mongod.conf
/usr/bin/memcached -m 256 -p 11211 -u memcache -l 127.0.0.1
""")
L("database", "adhoc", """
psql -h db01.corp.internal -U app -d app
psql -d app -c \\dt+
psql -U postgres -c SELECT pid, state, query FROM pg_stat_activity WHERE state <> 'idle'
sudo -u postgres psql
pg_ctlcluster 16 main reload
vacuumdb --all --analyze-in-stages
reindexdb -d app --concurrently
pg_basebackup -h db01.corp.internal -D /var/lib/postgresql/16/replica -U replicator -P -R
mysql -u app -p
mysql -h 10.20.5.12 -u report -p analytics
mysqlcheck --all-databases --optimize
redis-cli ping
redis-cli -n 2 --scan --pattern session:*
redis-cli info memory
mongosh mongodb://10.20.5.20:27017/inventory
sqlite3 data/app.db .tables
""")

# --- web servers and certificates ---
L("webserver", "daemon", """
nginx: master process /usr/sbin/nginx -g daemon on; master_process on;
nginx: worker process
nginx: cache manager process
/usr/sbin/apache2 -k start
/usr/sbin/httpd -DFOREGROUND
php-fpm: master process (/etc/php/8.3/fpm/php-fpm.conf)
php-fpm: pool www
/usr/bin/caddy run --environ --config /etc/caddy/Caddyfile
/usr/sbin/haproxy -Ws -f /etc/haproxy/haproxy.cfg -p /run/haproxy.pid -S /run/haproxy-master.sock
""")
L("webserver", "routine", """
sudo nginx -t
nginx -T
sudo nginx -s reload
sudo apachectl configtest
apache2ctl -S
sudo a2ensite shop.corp.example.conf
sudo a2enmod headers rewrite
sudo a2dissite 000-default
haproxy -c -f /etc/haproxy/haproxy.cfg
tail -f /var/log/nginx/access.log
tail -n 500 /var/log/nginx/error.log
tail -F /var/log/apache2/error.log
""")
L("certbot", "cron", """
/usr/bin/python3 /usr/bin/certbot -q renew --no-random-sleep-on-renew
/usr/bin/certbot renew --quiet --post-hook systemctl reload nginx
/usr/lib/python3/dist-packages/certbot/../../../bin/certbot -q renew
""")
L("certbot", "oneoff", """
sudo certbot --nginx -d shop.corp.example -d www.shop.corp.example
sudo certbot certonly --webroot -w /var/www/html -d status.corp.example
sudo certbot certificates
sudo certbot renew --dry-run
openssl x509 -in /etc/ssl/certs/shop.pem -noout -dates -subject
openssl req -new -newkey rsa:4096 -nodes -keyout intranet.key -out intranet.csr -subj /CN=intranet.corp.example
openssl verify -CAfile /etc/ssl/corp-ca.pem /etc/ssl/certs/intranet.pem
sudo update-ca-certificates
""")

# --- text tools used on logs and sources ---
L("text-tools", "adhoc", """
grep -rn TODO src
grep -i error /var/log/app/worker.log
grep -c 502 /var/log/nginx/access.log
grep -E timeout|refused /var/log/syslog
grep -v ^# /etc/ssh/sshd_config
zgrep -h Failed password /var/log/auth.log.2.gz
rg -n unwrap\\( src
rg --files -g *.tf
awk {print $9} /var/log/nginx/access.log
awk -F, {sum += $4} END {print sum} sales-2024-10.csv
sed -n 120,180p src/scheduler/worker.py
sed -i s/2.3.9/2.4.0/ chart/Chart.yaml
sort -u hosts.txt
sort -k2 -n -r durations.tsv
uniq -c
cut -d: -f1
head -n 20 data.csv
tail -n 100 /var/log/app/app.log
wc -l data.csv
jq .items[].metadata.name
jq -r .version package.json
yq -i .image.tag = "2.4.0" values/staging.yaml
diff -u old.conf new.conf
colordiff -u nginx.conf.bak nginx.conf
column -t -s,
tee /tmp/plan.txt
xargs -n 1 -P 4 gzip
find . -name *.pyc -delete
find /var/log/app -name *.log -mtime +14
find src -type f -name *.go -newer go.sum
locate nginx.conf
tree -L 2 src
cat README.md
cat /etc/nginx/conf.d/shop.conf
stat /var/lib/postgresql/16/main/PG_VERSION
file build/app
md5sum release.tar.gz
sha256sum -c SHA256SUMS
base64 -w0 kubeconfig.yaml
""")

# --- archives ---
L("archive", "adhoc", """
tar -xzf release-2.4.1.tar.gz
tar -czf logs-2024-11-03.tar.gz /var/log/app
tar -xJf node-v20.18.0-linux-x64.tar.xz -C /opt
tar --zstd -cf build-cache.tar.zst .cache
tar -tvf backup.tar
tar -xf go1.23.3.linux-amd64.tar.gz -C /usr/local
unzip assets.zip
unzip -o terraform_1.9.8_linux_amd64.zip -d /usr/local/bin
unzip -l report-bundle.zip
zip -r site.zip public/
gzip -d access.log.3.gz
gunzip -c dump.sql.gz
xz -T0 -9 disk.img
zstd -19 --rm build.tar
7z x installer.7z
""")

# --- CI runners ---
L("ci-runner", "daemon", """
/usr/bin/gitlab-runner run --working-directory /home/gitlab-runner --config /etc/gitlab-runner/config.toml --service gitlab-runner --user gitlab-runner
/usr/bin/gitlab-runner-helper gitlab-runner-helper cache-archiver --file ../../../cache/platform/api/default/cache.zip --timeout 10 --path node_modules
/home/runner/actions-runner/bin/Runner.Listener run --startuptype service
/home/runner/actions-runner/bin/Runner.Worker spawnclient 108 111
/home/runner/actions-runner/externals/node20/bin/node /home/runner/work/_actions/actions/checkout/v4/dist/index.js
/home/runner/actions-runner/externals/node20/bin/node /home/runner/work/_actions/actions/setup-node/v4/dist/setup/index.js
/home/runner/actions-runner/externals/node20/bin/node /home/runner/work/_actions/actions/cache/v4/dist/restore/index.js
/usr/bin/bash -e /home/runner/work/_temp/5b1c4a2e-9f0d-4c7a-8e3b-2d6f1a0c9e47.sh
/usr/bin/bash --noprofile --norc -e -o pipefail /home/runner/work/_temp/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b.sh
bash --login /builds/platform/api.tmp/CI_SERVER_TLS_CA_FILE
/usr/bin/drone-runner-docker
/usr/local/bin/buildkite-agent start
""")

# --- snap / flatpak ---
L("snap", "cron", """
/usr/lib/snapd/snapd
/usr/bin/snap refresh --list
/usr/lib/snapd/snap-confine --base core22 snap.lxd.daemon /snap/lxd/current/commands/daemon.start
/snap/bin/lxc list
/usr/bin/flatpak --system update --noninteractive
""")
L("snap", "oneoff", """
snap list
sudo snap refresh
sudo snap install kubectl --classic
sudo snap remove --purge chromium
flatpak list --app
flatpak update -y
""")

# --- security scanning / integrity tools ---
L("security-scan", "cron", """
/usr/bin/freshclam -d --foreground=true
/usr/sbin/clamd --foreground=true
/usr/bin/clamscan -ri --exclude-dir=^/sys --exclude-dir=^/proc /home
/usr/bin/aide --check --config /etc/aide/aide.conf
/usr/bin/rkhunter --cronjob --report-warnings-only --appendlog
/usr/bin/lynis audit system --cronjob
/usr/sbin/auditd
/sbin/auditctl -R /etc/audit/audit.rules
/usr/bin/osqueryd --flagfile /etc/osquery/osquery.flags --config_path /etc/osquery/osquery.conf
/opt/CrowdStrike/falcond
/usr/bin/trivy fs --exit-code 1 --severity HIGH,CRITICAL .
/usr/bin/trivy image --ignore-unfixed registry.corp.example/platform/api:2.4.0
""")
L("security-scan", "oneoff", """
sudo fail2ban-client status sshd
sudo ausearch -m USER_LOGIN -ts today
sudo aureport --summary
sudo debsums -s
sudo needrestart -r l
""")

# --- file administration in deployments ---
L("file-admin", "routine", """
mkdir -p build
mkdir -p /srv/www/releases/2.4.0
rm -rf build
rm -rf node_modules dist
rm -f /tmp/deploy.lock
cp config.example.yml config.yml
cp -a /etc/nginx /etc/nginx.bak-20241103
mv dist /srv/www/releases/2.4.0/public
ln -sfn /srv/www/releases/2.4.0 /srv/www/current
chmod 600 ~/.ssh/id_ed25519
chmod +x scripts/deploy.sh
chmod -R g+w /srv/shared/uploads
chown -R www-data:www-data /var/www/shop/storage
sudo chown -R postgres:postgres /var/lib/postgresql/16/replica
install -m 0755 -o root -g root bin/agent /usr/local/bin/agent
touch /var/www/shop/.maintenance
truncate -s 0 /var/log/app/debug.log
mount -a
sudo umount /mnt/usb
sudo mount -t nfs4 nas01.corp.internal:/export/media /mnt/media
setfacl -m u:deploy:rwx /srv/releases
""")

# --- maintenance units run by systemd timers ---
L("maintenance", "cron", """
/sbin/fstrim --listed-in /etc/fstab:/proc/self/mountinfo --verbose --quiet-unsupported
/usr/bin/updatedb.mlocate
/usr/bin/mandb --quiet
/usr/lib/e2fsprogs/e2scrub_all
/usr/sbin/logwatch --output mail
/usr/bin/systemd-tmpfiles --clean
/usr/bin/systemd-tmpfiles --create --remove --boot
/usr/sbin/sendmail -i -FCronDaemon -B8BITMIME -oem root
/usr/sbin/postfix start
/usr/lib/postfix/sbin/master -w
pickup -l -t unix -u -c
qmgr -l -t unix -u
/usr/sbin/chronyd -F 1
/usr/sbin/rsyslogd -n -iNONE
/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only
/sbin/agetty -o -p -- \\u --noclear tty1 linux
/usr/sbin/irqbalance --foreground
/usr/lib/udisks2/udisksd
/usr/libexec/packagekitd
/usr/sbin/ModemManager
""")

# --- interactive shells and privilege changes used by admins ---
L("shell-session", "routine", """
-bash
bash
/bin/bash -l
/bin/zsh
-zsh
sudo -i
sudo su - postgres
su - deploy
sudo -u www-data php artisan migrate --force
tmux new -s deploy
tmux attach -t main
screen -r
screen -S longjob
clear
history
man tar
man 5 crontab
watch -n 2 kubectl get pods -n payments
time make -j8
nohup ./scripts/reindex.sh
source .venv/bin/activate
direnv allow
ls
ls -la
ls -lh /var/log
ls -ltr /var/backups/pg
ll
pwd
""")

# --- cloud CLIs ---
L("cloud-cli", "ci", """
aws s3 sync ./public s3://corp-example-static/site --delete --cache-control max-age=300
aws s3 cp dist/app.zip s3://corp-example-artifacts/api/2.4.0/app.zip
aws ecr get-login-password --region eu-central-1
aws sts get-caller-identity
aws cloudformation deploy --template-file stack.yml --stack-name api-staging --capabilities CAPABILITY_IAM
aws ecs update-service --cluster prod --service api --force-new-deployment
az login --identity
az acr login --name corpexampleacr
az aks get-credentials -g rg-aks-prod -n aks-prod-weu
gcloud auth activate-service-account --key-file=/builds/gcp-sa.json
gcloud container clusters get-credentials staging --region europe-west1
gsutil -m rsync -r build gs://corp-example-docs
""")
L("cloud-cli", "oneoff", """
aws s3 ls s3://corp-example-backups/db01/
aws ec2 describe-instances --filters Name=tag:env,Values=staging --output table
aws logs tail /ecs/api --follow
az vm list -o table
az account show
gcloud compute instances list
gcloud config set project corp-example-staging
""")

# --- processes a login shell starts (/etc/profile, ~/.bashrc) and the Ubuntu login banner ---
L("shell-session", "agent", """
/usr/bin/id -u
/usr/bin/id -un
/usr/bin/groups
/usr/bin/uname -s
/usr/bin/hostname -s
/usr/bin/whoami
/bin/hostname
/usr/bin/tty -s
dircolors -b
/usr/bin/lesspipe
basename /usr/bin/lesspipe
dirname /usr/bin/lesspipe
/usr/bin/locale
""")
L("motd", "agent", """
run-parts --lsbsysinit /etc/update-motd.d
/bin/sh /etc/update-motd.d/00-header
/bin/sh /etc/update-motd.d/10-help-text
/bin/sh /etc/update-motd.d/50-landscape-sysinfo
/bin/sh /etc/update-motd.d/90-updates-available
/bin/sh /etc/update-motd.d/98-reboot-required
/usr/bin/python3 /usr/bin/landscape-sysinfo
/usr/bin/python3 /usr/bin/landscape-sysinfo --exclude-sysinfo-plugins=Temperature,LandscapeLink
uname -o
lsb_release -s -d
/usr/bin/lsb_release -cs
/usr/lib/update-notifier/apt-check --human-readable
who -q
""")
# --- CI jobs print the build host's environment before they start ---
L("ci-runner", "ci", """
lsb_release -a
nproc --all
free -g
df -h .
id -un
getconf _NPROCESSORS_ONLN
printenv CI_COMMIT_SHA
cat /proc/self/cgroup
uname -srm
ps -o pid,ppid,user,cmd -u gitlab-runner
ip -4 addr show scope global
""")
# --- metrics scripts run by the monitoring agents ---
L("monitoring-agent", "agent", """
/bin/ps -C nginx -o pid=
/usr/bin/ss -tan state time-wait
/usr/bin/netstat -s
/usr/bin/lsof -nP -u postgres
/usr/bin/uptime -s
/usr/bin/df --output=pcent,target -x tmpfs
cat /proc/net/dev
cat /proc/sys/fs/file-nr
cat /sys/fs/cgroup/memory.max
ip -s link show eth0
ps -A --no-headers
/usr/bin/users
""")
# --- troubleshooting by hand ---
L("coreutils-recon", "adhoc", """
ps auxf
ps -u www-data -f
pstree -p
pgrep -af gunicorn
id deploy
last reboot
w -h
sudo ss -tlnp sport = :5432
netstat -rn
ip -c a
cat /etc/resolv.conf
cat /etc/hosts
hostname -d
dnsdomainname
cat /proc/version
dmesg -T
sudo dmidecode -t memory
findmnt
getent hosts db01.corp.internal
""")
# --- fact gathering by configuration management ---
L("config-mgmt", "cron", """
/usr/sbin/dmidecode -s system-manufacturer
/usr/sbin/dmidecode -s system-serial-number
/usr/bin/lsblk --list --noheadings --paths --output NAME,UUID --exclude 2
/usr/bin/findmnt --list --noheadings --notruncate
""")
# ---------------------------------------------------------------------------------------------
# Windows: process command lines as Sysmon (event 1) and Security 4688 record them: the string
# the creating process passed to CreateProcess, so quoting is whatever the parent used.
# ---------------------------------------------------------------------------------------------
WINDOWS = []

W = lambda family, profile, text: WINDOWS.extend(block(family, profile, text))

PS = r'"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"'
PWSH = r'"C:\Program Files\PowerShell\7\pwsh.exe"'

# --- service host processes ---
W("svchost", "daemon", r"""
C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule
C:\Windows\system32\svchost.exe -k netsvcs -p -s BITS
C:\Windows\system32\svchost.exe -k netsvcs -p -s gpsvc
C:\Windows\system32\svchost.exe -k netsvcs -p -s wuauserv
C:\Windows\system32\svchost.exe -k netsvcs -p -s Winmgmt
C:\Windows\system32\svchost.exe -k netsvcs -p -s Themes
C:\Windows\system32\svchost.exe -k netsvcs -p -s ProfSvc
C:\Windows\system32\svchost.exe -k netsvcs -p -s UserManager
C:\Windows\system32\svchost.exe -k netsvcs -p -s iphlpsvc
C:\Windows\system32\svchost.exe -k netsvcs -p -s SENS
C:\Windows\system32\svchost.exe -k netsvcs -p -s ShellHWDetection
C:\Windows\system32\svchost.exe -k netsvcs -p -s LanmanServer
C:\Windows\system32\svchost.exe -k netsvcs -p -s Appinfo
C:\Windows\system32\svchost.exe -k netsvcs -p -s lfsvc
C:\Windows\system32\svchost.exe -k DcomLaunch -p
C:\Windows\system32\svchost.exe -k DcomLaunch -p -s LSM
C:\Windows\system32\svchost.exe -k RPCSS -p
C:\Windows\system32\svchost.exe -k LocalServiceNetworkRestricted -p -s EventLog
C:\Windows\system32\svchost.exe -k LocalServiceNetworkRestricted -p -s Dhcp
C:\Windows\system32\svchost.exe -k LocalServiceNetworkRestricted -p -s WinHttpAutoProxySvc
C:\Windows\system32\svchost.exe -k LocalServiceNetworkRestricted -p -s lmhosts
C:\Windows\system32\svchost.exe -k LocalServiceNetworkRestricted -p -s Audiosrv
C:\Windows\system32\svchost.exe -k LocalSystemNetworkRestricted -p -s SysMain
C:\Windows\system32\svchost.exe -k LocalSystemNetworkRestricted -p -s TrkWks
C:\Windows\system32\svchost.exe -k LocalSystemNetworkRestricted -p -s PcaSvc
C:\Windows\system32\svchost.exe -k LocalSystemNetworkRestricted -p -s AudioEndpointBuilder
C:\Windows\system32\svchost.exe -k LocalSystemNetworkRestricted -p -s UmRdpService
C:\Windows\system32\svchost.exe -k LocalService -p -s nsi
C:\Windows\system32\svchost.exe -k LocalService -p -s EventSystem
C:\Windows\system32\svchost.exe -k LocalService -s W32Time
C:\Windows\system32\svchost.exe -k LocalService -p -s netprofm
C:\Windows\system32\svchost.exe -k LocalServiceNoNetwork -p
C:\Windows\system32\svchost.exe -k LocalServiceNoNetworkFirewall -p
C:\Windows\system32\svchost.exe -k LocalServiceAndNoImpersonation -p -s FontCache
C:\Windows\System32\svchost.exe -k NetworkService -p -s Dnscache
C:\Windows\system32\svchost.exe -k NetworkService -p -s CryptSvc
C:\Windows\system32\svchost.exe -k NetworkService -p -s LanmanWorkstation
C:\Windows\system32\svchost.exe -k NetworkService -p -s NlaSvc
C:\Windows\system32\svchost.exe -k NetworkService -s TermService
C:\Windows\system32\svchost.exe -k termsvcs -s TermService
C:\Windows\system32\svchost.exe -k NetworkServiceNetworkRestricted -p -s PolicyAgent
C:\Windows\system32\svchost.exe -k appmodel -p -s StateRepository
C:\Windows\system32\svchost.exe -k wsappx -p -s AppXSvc
C:\Windows\system32\svchost.exe -k wsappx -p -s ClipSVC
C:\Windows\system32\svchost.exe -k wusvcs -p -s WaaSMedicSvc
C:\Windows\system32\svchost.exe -k utcsvc -p
C:\Windows\system32\svchost.exe -k UnistackSvcGroup -s CDPUserSvc
C:\Windows\system32\svchost.exe -k UnistackSvcGroup -s WpnUserService
C:\Windows\system32\svchost.exe -k UnistackSvcGroup
C:\Windows\system32\svchost.exe -k ClipboardSvcGroup -p -s cbdhsvc
C:\Windows\system32\svchost.exe -k imgsvc
C:\Windows\system32\svchost.exe -k swprv
C:\Windows\system32\svchost.exe -k defragsvc
C:\Windows\system32\svchost.exe -k smphost
C:\Windows\system32\svchost.exe -k rpcss -s RpcEptMapper
C:\Windows\system32\svchost.exe -k localService -p -s RemoteRegistry
C:\Windows\system32\svchost.exe -k NetSvcs -p -s DsmSvc
C:\Windows\system32\svchost.exe -k netsvcs
""")

# --- Windows Update / servicing ---
W("windows-update", "agent", r"""
C:\Windows\system32\usoclient.exe StartScan
C:\Windows\system32\usoclient.exe StartDownload
C:\Windows\system32\usoclient.exe StartInstall
C:\Windows\system32\usoclient.exe StartOobeAppsScanAfterUpdate
C:\Windows\System32\usoclient.exe ScanInstallWait
C:\Windows\System32\MoUsoCoreWorker.exe -Embedding
C:\Windows\UUS\amd64\MoUsoCoreWorker.exe -Embedding
C:\Windows\servicing\TrustedInstaller.exe
C:\Windows\WinSxS\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.19041.5125_none_7e6b1d1c2b5bb0c7\TiWorker.exe -Embedding
C:\Windows\WinSxS\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.22621.4455_none_4c2a9b8e3f2d1a06\TiWorker.exe -Embedding
C:\Windows\system32\wuauclt.exe /UpdateDeploymentProvider UpdateDeploymentProvider.dll /ClassId 3d1a9d83-87c3-4a2b-9d67-0e37ab0f7e54 /RunHandlerComServer
C:\Windows\System32\wuauclt.exe /RunHandlerComServer
C:\Windows\system32\MusNotification.exe
C:\Windows\System32\MusNotifyIcon.exe
C:\Windows\System32\MusNotification.exe ReadyToReboot
C:\Windows\system32\sihclient.exe  /cv 4kB0RxRmHk6hA3j8bR+V1Q.0.2
C:\Windows\System32\WaaSMedicAgent.exe 0f6b7b8c2e4d1a5f9c3e8b7a6d5c4b3a Iu3B0p5gN0Gm3kK1.0.1.2
"C:\Program Files\Microsoft Update Health Tools\uhssvc.exe"
C:\Windows\System32\mousocoreworker.exe -Embedding
C:\Windows\system32\DeviceCensus.exe SystemCxt
C:\Windows\system32\DeviceCensus.exe UserCxt
C:\Windows\system32\CompatTelRunner.exe -m:appraiser.dll -f:DoScheduledTelemetryRun
C:\Windows\system32\CompatTelRunner.exe -m:appraiser.dll -f:UpdateAvStatus -cv:Jw3oGQ7mNEKUw9Jq.2
C:\Windows\system32\compattelrunner.exe -maintenance
C:\Windows\system32\CompatTelRunner.exe -m:invagent.dll -f:RunUpdate -cv:Jw3oGQ7mNEKUw9Jq.4
C:\Windows\system32\CompatTelRunner.exe -m:generaltel.dll -f:DoCensusRun -cv:Jw3oGQ7mNEKUw9Jq.5
""")
W("windows-update", "oneoff", r"""
C:\Windows\system32\wusa.exe "C:\Users\alice.m\Downloads\windows10.0-kb5044273-x64.msu" /quiet /norestart
"C:\Windows\system32\DISM.exe" /Online /Add-Package /PackagePath:C:\Updates\windows11.0-kb5046617-x64.cab /NoRestart
C:\Windows\system32\wuauclt.exe /detectnow
C:\Windows\system32\wuauclt.exe /reportnow
""")

# --- Defender and endpoint security ---
W("defender-scan", "agent", r"""
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MsMpEng.exe"
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\NisSrv.exe"
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpDefenderCoreService.exe"
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" SignaturesUpdateService -ScheduleJob -UnmanagedUpdate
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" SignaturesUpdateService -ScheduleJob -RestrictPrivileges
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" -wdenable
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" -IdleTask -TaskName WdCacheMaintenance
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" -IdleTask -TaskName WdCleanup
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" -IdleTask -TaskName WdScheduledScan
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCmdRun.exe" -IdleTask -TaskName WdVerification
"C:\Program Files\Windows Defender\MpCmdRun.exe" -Scan -ScanType 1
"C:\Program Files\Windows Defender\MpCmdRun.exe" -SignatureUpdate -MMPC
"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MpCopyAccelerator.exe"
"C:\Windows\SoftwareDistribution\Download\Install\AM_Delta_Patch_1.421.1403.0.exe" WD /q
"C:\Windows\SoftwareDistribution\Download\Install\AM_Delta_Patch_1.421.1571.0.exe" WD /q
"C:\Windows\SoftwareDistribution\Download\Install\AM_Engine_Patch_1.1.24090.11.exe" WD /q
C:\Windows\system32\MRT.exe /Q /D:C:\Windows\system32\mrt.log
"C:\Program Files\Windows Defender Advanced Threat Protection\MsSense.exe"
"C:\Program Files\Windows Defender Advanced Threat Protection\SenseNdr.exe"
"C:\Program Files\Windows Defender Advanced Threat Protection\SenseCncProxy.exe"
"C:\Program Files\Windows Defender Advanced Threat Protection\SenseIR.exe" "OnlineSenseIR" "1" "0"
C:\Windows\system32\SecurityHealthService.exe
"C:\Windows\System32\SecurityHealthSystray.exe"
C:\Windows\System32\SecurityHealthHost.exe {08728914-3F57-4D52-9E31-49DAECA5A80A} -Embedding
"C:\Windows\System32\smartscreen.exe" -Embedding
""")
W("defender-scan", "oneoff", r"""
"C:\Program Files\Windows Defender\MpCmdRun.exe" -Scan -ScanType 3 -File "D:\Downloads\vendor-tools.zip"
"C:\Program Files\Windows Defender\MpCmdRun.exe" -GetFiles
"C:\Program Files\Windows Defender\MpCmdRun.exe" -Restore -ListAll
"C:\Program Files\Windows Defender\MpCmdRun.exe" -ValidateMapsConnection
""")

# --- scheduled tasks, maintenance and telemetry hosts ---
W("scheduled-task-host", "agent", r"""
taskhostw.exe
taskhostw.exe SYSTEM
taskhostw.exe KEYROAMING
taskhostw.exe NGCKeyPregen
taskhostw.exe -RegisterDevice -ProtectionStateChanged -FreeNetworkOnly
taskhostw.exe Install $(Arg0)
taskhostw.exe /RuntimeWide
C:\Windows\system32\taskeng.exe {6C1F8B7E-3A2D-4E5B-9C0F-1A2B3C4D5E6F} S-1-5-18:NT AUTHORITY\System:Service:
C:\Windows\system32\defrag.exe -c -h -o -$
C:\Windows\system32\cleanmgr.exe /autoclean /d C:
"C:\Windows\system32\rundll32.exe" C:\Windows\system32\Windows.StateRepositoryClient.dll,StateRepositoryDoMaintenanceTasks
C:\Windows\system32\rundll32.exe Startupscan.dll,SusRunTask
C:\Windows\system32\rundll32.exe C:\Windows\system32\Windows.Storage.ApplicationData.dll,CleanupTemporaryState
C:\Windows\System32\LocationNotificationWindows.exe
C:\Windows\system32\srtasks.exe ExecuteScheduledSPPCreation
C:\Windows\System32\DiskSnapshot.exe -z
C:\Windows\system32\dstokenclean.exe
C:\Windows\system32\wsqmcons.exe
C:\Windows\system32\sc.exe start w32time task_started
C:\Windows\system32\BackgroundTransferHost.exe -ServerName:BackgroundTransferHost.1
C:\Windows\System32\mobsync.exe -Embedding
C:\Windows\system32\sppsvc.exe
C:\Windows\system32\SppExtComObj.exe -Embedding
C:\Windows\system32\lpremove.exe
C:\Windows\system32\directxdatabaseupdater.exe
C:\Windows\System32\DFDWiz.exe
"C:\Windows\system32\MpSigStub.exe" /stub 1.1.24090.11 /payload 1.421.1403.0 /program C:\Windows\SoftwareDistribution\Download\Install\AM_Delta_Patch_1.421.1403.0.exe WD /q
C:\Windows\System32\WerFault.exe -u -p 9188 -s 2440
C:\Windows\system32\wermgr.exe -upload
C:\Windows\system32\wermgr.exe -outputQueueReport
C:\Windows\System32\sdiagnhost.exe -Embedding
""")
W("scheduled-task-host", "oneoff", r"""
schtasks /query /fo LIST /v
schtasks /query /tn "\Corp\NightlyInventory"
schtasks /run /tn "\Corp\NightlyInventory"
schtasks /change /tn "\Corp\CleanupTemp" /disable
schtasks /create /tn "Corp\RebootNotice" /tr "C:\Scripts\reboot-notice.cmd" /sc weekly /d SUN /st 02:00 /ru SYSTEM
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\taskschd.msc" /s
""")

# --- msiexec ---
W("msiexec", "routine", r"""
C:\Windows\system32\msiexec.exe /V
C:\Windows\System32\MsiExec.exe -Embedding 5A3C6A8F1B2E4D7C9A0B1C2D3E4F5A6B C
C:\Windows\System32\MsiExec.exe -Embedding 8E1F7C2A0D9B4E6F3A5C7B9D1E2F4A6C E Global\MSI0000
C:\Windows\syswow64\MsiExec.exe -Embedding 2B7E9D4C1A6F3E8B5D0C2A4F6E8B1D3C
C:\Windows\syswow64\MsiExec.exe -Embedding 7C4D2E9F1B8A6C3E5D0F2B4A6C8E1D3F E Global\MSI0000
C:\Windows\System32\MsiExec.exe -Embedding A1F3C5E7092B4D6F8A0C2E4B6D8F1A3C
C:\Windows\system32\msiexec.exe /i "\\sccm01.corp.internal\packages\7-Zip\7z2408-x64.msi" /qn /norestart
C:\Windows\system32\msiexec.exe /i "C:\Windows\ccmcache\1c\GoogleChromeStandaloneEnterprise64.msi" /qn /norestart /l*v C:\Windows\Temp\chrome-install.log
"C:\Windows\system32\msiexec.exe" /i "C:\Windows\ccmcache\2f\FirefoxSetup128.4.0esr.msi" /quiet INSTALL_MAINTENANCE_SERVICE=false
"C:\Windows\system32\msiexec.exe" /i "C:\ProgramData\Package Cache\{3C1A0F7B-2D8E-4F6A-9B5C-7E1D3A2F4B6C}v8.0.11\dotnet-runtime-8.0.11-win-x64.msi" /quiet /norestart
msiexec.exe /i "\\fs01.corp.example\deploy$\Zabbix\zabbix_agent2-7.0.5-windows-amd64-openssl.msi" /qn SERVER=zbx.corp.internal SERVERACTIVE=zbx.corp.internal HOSTNAME=WS-FIN-0142
msiexec.exe /i AcroRdrDCx642400420220_MUI.msi /qn EULA_ACCEPT=YES
msiexec /x {23170F69-40C1-2702-2301-000001000000} /qn
msiexec /x {90160000-008C-0000-1000-0000000FF1CE} /qn /norestart
msiexec.exe /fa {6B4B2A77-3C3E-4D6F-8D07-2C2E0F6B8B41} /qb
msiexec /p "\\fs01.corp.example\deploy$\SQL\sqlncli-hotfix.msp" /qn
msiexec /i node-v20.18.0-x64.msi
msiexec /i "C:\Users\bob.k\Downloads\PowerShell-7.4.6-win-x64.msi" ADD_EXPLORER_CONTEXT_MENU_OPENPOWERSHELL=1 ENABLE_PSREMOTING=0
msiexec /i "D:\Installers\Git-2.47.0-64-bit.msi" /passive
msiexec /a "D:\Installers\vcredist.msi" /qb TARGETDIR=C:\Temp\vcredist
""")

# --- Office ---
W("office", "routine", r"""
"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE"
"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE" /recycle
"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE" /select outlook:calendar
"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE" /n "C:\Users\alice.m\Documents\Q3 budget review.docx" /o ""
"C:\Program Files\Microsoft Office\Root\Office16\WINWORD.EXE" /n "\\fs01.corp.example\legal\Contracts\NDA template v4.docx"
"C:\Program Files\Microsoft Office\root\Office16\WINWORD.EXE" -Embedding
"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE" "\\fs01.corp.example\finance\Forecast FY25.xlsx"
"C:\Program Files\Microsoft Office\Root\Office16\EXCEL.EXE" "C:\Users\d.okafor\OneDrive - Corp\Reports\headcount-2024-10.xlsx"
"C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE" /dde
"C:\Program Files\Microsoft Office\root\Office16\EXCEL.EXE" -Embedding
"C:\Program Files\Microsoft Office\root\Office16\POWERPNT.EXE" /n "C:\Users\p.sharma\Documents\All hands November.pptx"
"C:\Program Files\Microsoft Office\root\Office16\ONENOTE.EXE" /hyperlink "onenote:https://corp.sharepoint.example/sites/eng/SiteAssets/Team Notebook/"
"C:\Program Files\Microsoft Office\root\Office16\ONENOTEM.EXE" /tsr
"C:\Program Files\Microsoft Office\root\Office16\MSACCESS.EXE" "\\fs01.corp.example\ops\asset-register.accdb"
"C:\Program Files\Microsoft Office\root\Office16\VISIO.EXE" /n "C:\Users\j.weber\Documents\network-floor3.vsdx"
"C:\Program Files\Microsoft Office\root\Office16\SDXHelper.exe" -Embedding
"C:\Program Files\Microsoft Office\root\Office16\msoia.exe" scan upload msoiaidle
"C:\Program Files\Microsoft Office\root\Office16\msoadfsb.exe" -Embedding
"C:\Program Files\Microsoft Office\root\Office16\OfficeScrBroker.exe" -Embedding
"C:\Program Files\Common Files\microsoft shared\ClickToRun\OfficeClickToRun.exe" /service
"C:\Program Files\Common Files\microsoft shared\ClickToRun\OfficeC2RClient.exe" /frequentupdate SCHEDULEDTASK displaylevel=False
"C:\Program Files\Common Files\Microsoft Shared\ClickToRun\OfficeClickToRun.exe" deliverymechanism=492350f6-3a01-4f97-b9c0-c7c6ddf67d60 displaylevel=false
"C:\Program Files\Common Files\Microsoft Shared\Office16\OLicenseHeartbeat.exe"
"C:\Program Files\Microsoft Office\root\Office16\OfficeC2RClient.exe" /update user updatepromptuser=false forceappshutdown=false
"C:\Program Files\Microsoft Office\root\vfs\ProgramFilesCommonX64\Microsoft Shared\Office16\ai.exe" -Embedding
"C:\Program Files\Microsoft Office\root\Office16\MSOSYNC.EXE"
""")

# --- browsers and their updaters ---
W("browser", "daemon", r"""
"C:\Program Files\Google\Chrome\Application\chrome.exe"
"C:\Program Files\Google\Chrome\Application\chrome.exe" --type=renderer --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=18 --mojo-platform-channel-handle=4312 /prefetch:1
"C:\Program Files\Google\Chrome\Application\chrome.exe" --type=gpu-process --gpu-preferences=UAAAAAAAAADgAAAEAAAAAAAAAAAAAAAAAABgAAEAAAAAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAIAAAAAAAAAAgAAAAAAAAA --mojo-platform-channel-handle=1936 --field-trial-handle=1812,i,1457284720371850231,11638312947510219347,262144 /prefetch:2
"C:\Program Files\Google\Chrome\Application\chrome.exe" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=2160 /prefetch:3
"C:\Program Files\Google\Chrome\Application\chrome.exe" --type=utility --utility-sub-type=storage.mojom.StorageService --lang=en-US --service-sandbox-type=service /prefetch:8
"C:\Program Files\Google\Chrome\Application\chrome.exe" --type=crashpad-handler "--user-data-dir=C:\Users\alice.m\AppData\Local\Google\Chrome\User Data" /prefetch:7 --monitor-self-annotation=ptype=crashpad-handler --database=C:\Users\alice.m\AppData\Local\Google\Chrome\User Data\Crashpad
"C:\Program Files\Google\Chrome\Application\chrome.exe" --profile-directory=Default
"C:\Program Files\Google\Chrome\Application\chrome.exe" --profile-directory="Profile 1"
"C:\Program Files\Google\Chrome\Application\131.0.6778.86\elevation_service.exe"
"C:\Program Files (x86)\Google\Update\GoogleUpdate.exe" /ua /installsource scheduler
"C:\Program Files (x86)\Google\Update\GoogleUpdate.exe" /c
"C:\Program Files (x86)\Google\GoogleUpdater\131.0.6769.0\updater.exe" --wake --system
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --no-startup-window --win-session-start
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --profile-directory=Default
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --type=renderer --instant-process --lang=en-US --js-flags=--ms-user-locale= --device-scale-factor=1.25 --num-raster-threads=4 --renderer-client-id=7 /prefetch:1
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none /prefetch:3
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --type=utility --utility-sub-type=asset_store.mojom.AssetStoreService --lang=en-US --service-sandbox-type=asset_store_service /prefetch:8
"C:\Program Files (x86)\Microsoft\Edge\Application\131.0.2903.70\identity_helper.exe" --type=utility --utility-sub-type=winrt_app_id.mojom.WinrtAppIdService --lang=en-US --service-sandbox-type=none
"C:\Program Files (x86)\Microsoft\EdgeUpdate\MicrosoftEdgeUpdate.exe" /c
"C:\Program Files (x86)\Microsoft\EdgeUpdate\MicrosoftEdgeUpdate.exe" /ua /installsource scheduler
"C:\Program Files (x86)\Microsoft\EdgeUpdate\MicrosoftEdgeUpdate.exe" /svc
"C:\Program Files (x86)\Microsoft\EdgeWebView\Application\131.0.2903.70\msedgewebview2.exe" --embedded-browser-webview=1 --webview-exe-name=SearchHost.exe --webview-exe-version=2124.37000.0.0 --user-data-dir="C:\Users\bob.k\AppData\Local\Packages\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\LocalState\EBWebView" --noerrdialogs --embedded-browser-webview-dpi-awareness=2
"C:\Program Files\Mozilla Firefox\firefox.exe"
"C:\Program Files\Mozilla Firefox\firefox.exe" -contentproc --channel=1944 -childID 5 -isForBrowser -prefsHandle 4312 -prefMapHandle 4308 -prefsLen 31218 -prefMapSize 244583 -jsInitHandle 1284 -parentBuildID 20241111213405 -greomni "C:\Program Files\Mozilla Firefox\omni.ja" -appDir "C:\Program Files\Mozilla Firefox\browser" 6312 tab
"C:\Program Files\Mozilla Firefox\firefox.exe" -contentproc --channel=1944 -parentBuildID 20241111213405 -prefsHandle 2312 -prefMapHandle 2308 -prefsLen 28872 -prefMapSize 244583 -appDir "C:\Program Files\Mozilla Firefox\browser" 6312 gpu
"C:\Program Files\Mozilla Firefox\default-browser-agent.exe" do-task 308046B0AF4A39CB
"C:\Program Files\Mozilla Maintenance Service\maintenanceservice.exe"
""")
W("browser", "oneoff", r"""
"C:\Program Files\Google\Chrome\Application\chrome.exe" --single-argument https://intranet.corp.example/timesheets
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --single-argument https://wiki.corp.example/display/OPS/Runbooks
"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe" --app=https://portal.corp.example/
"C:\Program Files\Mozilla Firefox\firefox.exe" -osint -url https://jira.corp.example/browse/OPS-4412
"C:\Program Files\Google\Chrome\Application\chrome.exe" "C:\Users\c.nguyen\Downloads\vendor-invoice-1182.pdf"
""")

# --- Teams and other collaboration clients ---
W("teams", "daemon", r"""
"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teams.exe" msteams:system-initiated
"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teams.exe"
"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teams_modulehost.exe"
"C:\Program Files\WindowsApps\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\ms-teamsupdate.exe" -UninstallT20
"C:\Program Files (x86)\Microsoft\EdgeWebView\Application\131.0.2903.70\msedgewebview2.exe" --embedded-browser-webview=1 --webview-exe-name=ms-teams.exe --webview-exe-version=24295.605.3225.8804 --user-data-dir="C:\Users\alice.m\AppData\Local\Packages\MSTeams_8wekyb3d8bbwe\LocalCache\Microsoft\MSTeams\EBWebView" --noerrdialogs --autoplay-policy=no-user-gesture-required --lang=en-US
"C:\Users\bob.k\AppData\Local\Microsoft\Teams\current\Teams.exe" --process-start-args "--profile=AAD"
"C:\Users\bob.k\AppData\Local\Microsoft\Teams\Update.exe" --processStart "Teams.exe" --process-start-args "--profile=AAD"
"C:\Users\bob.k\AppData\Local\Microsoft\Teams\current\Teams.exe" --type=renderer --autoplay-policy=no-user-gesture-required --disable-background-timer-throttling --lang=en-US --renderer-client-id=11 --mojo-platform-channel-handle=3544 /prefetch:1
"C:\Users\bob.k\AppData\Local\Microsoft\Teams\current\Teams.exe" --type=gpu-process --field-trial-handle=1688,17263530447014813398,5817322870458223163,131072 --mojo-platform-channel-handle=1700 /prefetch:2
"C:\Users\d.okafor\AppData\Local\slack\app-4.41.97\slack.exe" --process-start-args --startup
"C:\Users\d.okafor\AppData\Local\slack\slack.exe" --process-start-args --startup
"C:\Program Files\Zoom\bin\Zoom.exe" --action=preload
"C:\Program Files\Zoom\bin\CptHost.exe" -key 6A3D8C1F0B2E4A5D
""")

# --- Explorer, shell and COM brokers ---
W("windows-shell", "daemon", r"""
C:\Windows\Explorer.EXE
C:\Windows\explorer.exe /factory,{75dff2b7-6936-4c06-a8bb-676a7b00b24b} -Embedding
C:\Windows\explorer.exe /factory,{ceff45ee-c862-41de-aee2-a022c81eda92} -Embedding
"C:\Windows\explorer.exe" /select,"C:\Users\alice.m\Downloads\Q3 budget review.docx"
C:\Windows\system32\userinit.exe
sihost.exe
C:\Windows\System32\RuntimeBroker.exe -Embedding
C:\Windows\system32\DllHost.exe /Processid:{3EB3C877-1F16-487C-9050-104DBCD66683}
C:\Windows\system32\DllHost.exe /Processid:{AB8902B4-09CA-4BB6-B78D-A8F59079A8D5}
C:\Windows\system32\DllHost.exe /Processid:{973D20D7-562D-44B9-B70B-5A0F49CCDF3F}
C:\Windows\system32\dllhost.exe /Processid:{E10F6C3A-F1AE-4ADC-AA9D-2FE65525666E}
C:\Windows\system32\ctfmon.exe
C:\Windows\system32\conhost.exe 0xffffffff -ForceV1
\??\C:\Windows\system32\conhost.exe 0x4
"C:\Windows\SystemApps\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\SearchHost.exe" -ServerName:CortanaUI.AppX8z9r6jm96hw4bsbneegw0kyxx296wr9t.mca
"C:\Windows\SystemApps\Microsoft.Windows.StartMenuExperienceHost_cw5n1h2txyewy\StartMenuExperienceHost.exe" -ServerName:App.AppXywbrabmsek0gm3tkwpr5kwzbs55tkqay.mca
"C:\Windows\SystemApps\ShellExperienceHost_cw5n1h2txyewy\ShellExperienceHost.exe" -ServerName:App.AppXtk181tbxbce2qsex02s8tw7hfxa9xb3t.mca
"C:\Windows\SystemApps\MicrosoftWindows.Client.CBS_cw5n1h2txyewy\TextInputHost.exe" -ServerName:InputApp.AppXjd5de1g66v206tj52m9d0dtpppx4cgpn.mca
C:\Windows\system32\SearchIndexer.exe /Embedding
"C:\Windows\system32\SearchProtocolHost.exe" Global\UsGthrFltPipeMssGthrPipe5_ Global\UsGthrCtrlFltPipeMssGthrPipe5 1 -2147483646 "Software\Microsoft\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\ProgramData\Microsoft\Search\Data\Temp\usgthrsvc" "DownLevelDaemon"
"C:\Windows\system32\SearchFilterHost.exe" 0 820 824 832 8192 828 804
C:\Windows\system32\backgroundTaskHost.exe -ServerName:BackgroundTaskHost.WebAccountProvider
"C:\Windows\system32\backgroundTaskHost.exe" -ServerName:App.AppXmtcan0h2tfbfy7k9kmnbnn8d7t4wkcd7.mca
C:\Windows\System32\WUDFHost.exe -HostGUID:{193a1820-d9ac-4997-8c55-be817523f6aa} -IoEventPortName:\UMDFCommunicationPorts\WUDF\HostProcess-3c2a1e8f -SystemEventPortName:\UMDFCommunicationPorts\WUDF\HostProcess-7b9d0c4e -IoCancelEventPortName:\UMDFCommunicationPorts\WUDF\HostProcess-5e1f2a6d -NonStateChangingEventPortName:\UMDFCommunicationPorts\WUDF\HostProcess-9a8b7c6d -LifetimeId:4e2d1c0b -DeviceGroupId: -HostArg:0
C:\Windows\System32\smss.exe 00000100 00000084
%SystemRoot%\system32\csrss.exe ObjectDirectory=\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16
winlogon.exe
"fontdrvhost.exe"
"dwm.exe"
"LogonUI.exe" /flags:0x2 /state0:0xa3b9a055 /state1:0x41c64e6d
C:\Windows\system32\wininit.exe
C:\Windows\system32\services.exe
C:\Windows\system32\lsass.exe
C:\Windows\System32\spoolsv.exe
C:\Windows\system32\AUDIODG.EXE 0x4a8
C:\Windows\system32\ApplicationFrameHost.exe -Embedding
C:\Windows\System32\oobe\UserOOBEBroker.exe -Embedding
C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding
C:\Windows\system32\wbem\wmiprvse.exe -Embedding
""")
W("windows-shell", "routine", r"""
"C:\Windows\system32\NOTEPAD.EXE" C:\Users\alice.m\Desktop\todo.txt
"C:\Windows\System32\notepad.exe" "C:\Program Files\Zabbix Agent 2\zabbix_agent2.conf"
"C:\Windows\system32\notepad.exe" C:\Windows\System32\drivers\etc\hosts
"C:\Program Files\WindowsApps\Microsoft.WindowsNotepad_11.2409.9.0_x64__8wekyb3d8bbwe\Notepad\Notepad.exe" "D:\Logs\robocopy-projects.log"
"C:\Windows\system32\mspaint.exe"
"C:\Windows\System32\SnippingTool.exe"
"C:\Windows\system32\Taskmgr.exe" /4
"C:\Windows\system32\Taskmgr.exe" /7
"C:\Windows\system32\control.exe" /name Microsoft.ProgramsAndFeatures
"C:\Windows\system32\control.exe" printers
C:\Windows\system32\rundll32.exe C:\Windows\system32\shell32.dll,Control_RunDLL C:\Windows\system32\ncpa.cpl
C:\Windows\system32\rundll32.exe shell32.dll,Control_RunDLL desk.cpl,,0
"C:\Windows\system32\rundll32.exe" C:\Windows\system32\shell32.dll,OpenAs_RunDLL D:\Exports\customers.tsv
C:\Windows\system32\rundll32.exe printui.dll,PrintUIEntry /in /n\\print01.corp.example\Floor3-MFP
C:\Windows\system32\rundll32.exe C:\Windows\System32\shimgvw.dll,ImageView_Fullscreen C:\Users\p.sharma\Pictures\whiteboard.jpg
"C:\Windows\ImmersiveControlPanel\SystemSettings.exe" -ServerName:microsoft.windows.immersivecontrolpanel
C:\Windows\system32\OpenWith.exe -Embedding
"C:\Windows\system32\calc.exe"
"C:\Windows\regedit.exe"
"C:\Windows\system32\charmap.exe"
"C:\Windows\System32\msinfo32.exe"
"C:\Windows\System32\mstsc.exe" "C:\Users\j.weber\Documents\RDP\jump01.rdp"
""")

# --- MMC consoles and built-in admin tools ---
W("mmc-admin", "adhoc", r"""
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\compmgmt.msc" /s
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\eventvwr.msc" /s
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\services.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\devmgmt.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\diskmgmt.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\certlm.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\lusrmgr.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\gpmc.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\dsa.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\dnsmgmt.msc" /s
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\dhcpmgmt.msc" /s
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\perfmon.msc" /s
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\wf.msc"
C:\Windows\system32\ServerManager.exe
"C:\Windows\system32\resmon.exe"
"C:\Windows\system32\perfmon.exe" /res
"C:\Windows\system32\eventvwr.exe"
"C:\Windows\system32\dsac.exe"
"C:\Windows\system32\cleanmgr.exe" /d C:
"C:\Windows\system32\dfrgui.exe"
""")

# --- PowerShell administration ---
PS_ADMIN = [
    "Get-Service -Name Spooler | Restart-Service -Force",
    "Restart-Service -Name W32Time",
    "Get-Service | Where-Object Status -eq 'Stopped' | Where-Object StartType -eq 'Automatic'",
    "Get-WinEvent -LogName System -MaxEvents 50 | Format-Table -AutoSize",
    "Get-WinEvent -FilterHashtable @{LogName='Application'; Level=2; StartTime=(Get-Date).AddDays(-1)}",
    "Get-EventLog -LogName System -EntryType Error -Newest 20",
    "Test-NetConnection fs01.corp.example -Port 445",
    "Test-NetConnection -ComputerName sql01.corp.internal -Port 1433",
    "Get-ChildItem -Path D:\\Logs -Recurse -Filter *.log | Where-Object LastWriteTime -lt (Get-Date).AddDays(-30) | Remove-Item",
    "Get-PSDrive -PSProvider FileSystem",
    "Get-Volume | Sort-Object SizeRemaining",
    "Get-Disk | Get-Partition",
    "Install-Module -Name PSWindowsUpdate -Scope CurrentUser",
    "Install-Module Az -Scope AllUsers -Force",
    "Update-Help -UICulture en-US -ErrorAction SilentlyContinue",
    "Get-WindowsUpdate -MicrosoftUpdate -AcceptAll -Install -IgnoreReboot",
    "Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5",
    "Get-ADUser -Identity j.weber -Properties LastLogonDate,PasswordLastSet,LockedOut",
    "Unlock-ADAccount -Identity c.nguyen",
    "Get-ADComputer -Filter {OperatingSystem -like '*Server*'} -Properties OperatingSystem | Select-Object Name,OperatingSystem",
    "Get-ADGroupMember -Identity 'Helpdesk-Tier1' | Select-Object SamAccountName",
    "Add-ADGroupMember -Identity 'VPN-Users' -Members p.sharma",
    "Set-ADUser -Identity d.okafor -Office 'Berlin 3.14'",
    "Get-Mailbox -Identity alice.m | Select-Object PrimarySmtpAddress,ProhibitSendQuota",
    "Invoke-Command -ComputerName app01,app02 -ScriptBlock { Restart-Service OrdersApi }",
    "Enter-PSSession -ComputerName hv01.corp.internal",
    "Get-VM | Where-Object State -eq 'Running'",
    "Checkpoint-VM -Name build-agent-02 -SnapshotName before-patch",
    "Get-Printer -ComputerName print01.corp.example | Where-Object PrinterStatus -ne 'Normal'",
    "Get-SmbShare",
    "Get-SmbOpenFile | Where-Object Path -like 'D:\\Shares\\Finance*'",
    "Get-ScheduledTask -TaskPath '\\Corp\\' | Get-ScheduledTaskInfo",
    "Get-DnsServerZone -ComputerName dc01.corp.example",
    "Clear-DnsClientCache",
    "Register-DnsClient",
    "Get-NetAdapter | Where-Object Status -eq 'Up'",
    "Compress-Archive -Path D:\\Exports\\2024-10 -DestinationPath D:\\Archive\\exports-2024-10.zip",
    "Get-FileHash -Algorithm SHA256 D:\\Installers\\Git-2.47.0-64-bit.exe",
    "Get-AppxPackage -AllUsers *Xbox* | Remove-AppxPackage -AllUsers",
    "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser",
    "Get-Content C:\\ProgramData\\chocolatey\\logs\\chocolatey.log -Tail 100 -Wait",
    "Select-String -Path C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex241103.log -Pattern ' 500 '",
    "Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object LastBootUpTime",
    "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object DeviceID,FreeSpace",
    "Get-Counter '\\Processor(_Total)\\% Processor Time' -SampleInterval 2 -MaxSamples 5",
    "Get-BitLockerVolume -MountPoint C:",
    "Get-WindowsFeature | Where-Object Installed",
    "Install-WindowsFeature -Name RSAT-AD-PowerShell",
    "Add-WindowsCapability -Online -Name Rsat.ActiveDirectory.DS-LDS.Tools~~~~0.0.1.0",
]
WINDOWS.extend(("powershell-admin", "oneoff", f'{PS} -NoProfile -Command "{c}"') for c in PS_ADMIN[:12])
WINDOWS.extend(("powershell-admin", "oneoff", f'{PS} -Command "{c}"') for c in PS_ADMIN[12:24])
WINDOWS.extend(("powershell-admin", "oneoff", f'{PWSH} -NoLogo -Command "{c}"') for c in PS_ADMIN[24:])
W("powershell-admin", "adhoc", r"""
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoExit -Command "Import-Module ActiveDirectory"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell_ise.exe"
"C:\Program Files\PowerShell\7\pwsh.exe"
"C:\Program Files\PowerShell\7\pwsh.exe" -WorkingDirectory ~
"C:\Program Files\PowerShell\7\pwsh.exe" -NoProfile -File D:\Ops\Scripts\Rotate-IisLogs.ps1 -Days 30
"C:\Program Files\PowerShell\7\pwsh.exe" -File C:\Ops\Get-CertificateExpiry.ps1 -Store LocalMachine\My -Days 30
powershell.exe -ExecutionPolicy Bypass -File \\corp.example\NETLOGON\Set-DefaultPrinter.ps1
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "C:\Ops\Scripts\Cleanup-UserTemp.ps1"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -File "C:\Program Files\Corp\Inventory\Collect-Inventory.ps1" -Upload https://inventory.corp.example/api/v1/hosts
"C:\Windows\system32\wsmprovhost.exe" -Embedding
C:\Windows\system32\wsmprovhost.exe -Embedding
""")

# --- Configuration Manager (SCCM / MECM) ---
W("sccm", "agent", r"""
C:\Windows\CCM\CcmExec.exe
C:\Windows\CCM\CcmEval.exe
C:\Windows\CCM\SCNotification.exe
"C:\Windows\CCM\SCClient.exe"
C:\Windows\CCM\CmRcService.exe
C:\Windows\CCM\RemCtrl\CmRcService.exe
"C:\Windows\CCM\CcmRestart.exe"
C:\Windows\CCM\CMHttpsReadiness.exe
C:\Windows\ccmsetup\ccmsetup.exe /service /remediate:client
"C:\Windows\ccmsetup\ccmsetup.exe" /runfrom:\\sccm01.corp.internal\SMS_P01\Client /source:\\sccm01.corp.internal\SMS_P01\Client SMSSITECODE=P01
"C:\Windows\sysnative\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -Noninteractive -NoProfile -ExecutionPolicy Bypass "& 'C:\WINDOWS\CCM\SystemTemp\5b2d1f0e-7a3c-4e9b-8d6f-1c0a2e4b6d8f.ps1'"
"C:\Windows\sysnative\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -Noninteractive -NoProfile -ExecutionPolicy Bypass "& 'C:\WINDOWS\CCM\SystemTemp\c3e5a7f9-1b2d-4c6e-8a0f-3d5b7c9e1a2f.ps1'" True
"C:\Windows\sysnative\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -Noninteractive -NoProfile -ExecutionPolicy Bypass "& 'C:\WINDOWS\ccmcache\4b\Detect-7Zip.ps1'"
C:\Windows\system32\cmd.exe /c "C:\Windows\ccmcache\3a\install.cmd"
"C:\Windows\ccmcache\5e\Deploy-Application.exe" -DeploymentType Install -DeployMode Silent
"C:\Windows\ccmcache\2d\setup.exe" /configure configuration-Office365-x64.xml
C:\Windows\CCM\CcmExec.exe /Embedding
"C:\Windows\CCM\SensorLogonTask.exe"
C:\Windows\CCM\CcmRepair.exe
C:\Windows\CCM\CMPivot\CMPivot.exe
C:\Windows\CCM\ccmexec.exe
""")

# --- backup ---
W("backup", "cron", r"""
"C:\Windows\system32\wbadmin.exe" start backup -backupTarget:\\nas01.corp.internal\backups\fs01 -include:C:,D: -allCritical -vssFull -quiet
C:\Windows\system32\wbengine.exe
C:\Windows\system32\vssvc.exe
C:\Windows\system32\wbadmin.exe get versions -backupTarget:\\nas01.corp.internal\backups\fs01
"C:\Windows\system32\Robocopy.exe" D:\Projects \\nas01.corp.internal\projects /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy-projects.log
robocopy "D:\Shares\Finance" "\\nas01.corp.internal\archive\finance" /E /COPY:DAT /DCOPY:T /XO /R:1 /W:1 /MT:16 /NFL /NDL
robocopy C:\Users\alice.m\Documents \\fs01.corp.example\home$\alice.m\Documents /E /XA:SH /XD AppData /R:0 /W:0
"C:\Program Files\Veeam\Endpoint Backup\Veeam.EndPoint.Service.exe"
"C:\Program Files\Veeam\Endpoint Backup\Veeam.EndPoint.Manager.exe" /backup /schedule
"C:\Program Files\Veeam\Backup and Replication\Backup\Veeam.Backup.Service.exe"
"C:\Program Files\Veeam\Backup and Replication\Backup\Veeam.Backup.Manager.exe" "startbackupjob" "owner=[vbsvc]" "sessionid=[6e4b2c1a-0d9f-4a8e-b7c6-5d3e2f1a0b9c]"
"C:\Program Files (x86)\Veeam\Backup Transport\VeeamTransportSvc.exe"
"C:\Program Files\Microsoft SQL Server\Client SDK\ODBC\170\Tools\Binn\SQLCMD.EXE" -S SQL01\PROD -E -Q "BACKUP DATABASE [Payroll] TO DISK=N'E:\Backup\Payroll_FULL.bak' WITH COMPRESSION, CHECKSUM"
sqlcmd -S sql01.corp.internal -E -i "C:\Ops\SQL\MaintenanceSolution\DatabaseBackup.sql"
"C:\Program Files\Microsoft Azure Recovery Services Agent\bin\cbengine.exe"
"C:\Program Files\Microsoft Azure Recovery Services Agent\bin\OBRecoveryServicesManagementAgent.exe"
"C:\Program Files\Microsoft Azure Recovery Services Agent\bin\TriggerBackup.exe" 5a8d0c3e-1f2b-4e6a-9c7d-8b0a1e3f5d2c
"C:\Program Files\Macrium\Reflect\Reflect.exe" -e -w "C:\Users\Public\Documents\Reflect\nightly-image.xml"
"C:\Program Files\Restic\restic.exe" backup --repo \\nas01.corp.internal\restic\ws-dev-07 --password-file C:\ProgramData\restic\pw.txt C:\Users\svc_build\source
""")
W("backup", "oneoff", r"""
vssadmin list shadows
vssadmin list writers
vssadmin list shadowstorage
wbadmin get status
diskshadow /s C:\Ops\snapshot-d.dsh
""")

# --- git (Git for Windows) ---
W("git", "ci", r"""
"C:\Program Files\Git\cmd\git.exe" fetch --prune
"C:\Program Files\Git\cmd\git.exe" fetch --no-tags --prune --progress --no-recurse-submodules --depth=1 origin +refs/heads/main:refs/remotes/origin/main
"C:\Program Files\Git\cmd\git.exe" checkout --progress --force refs/remotes/origin/main
"C:\Program Files\Git\cmd\git.exe" clean -ffdx
"C:\Program Files\Git\cmd\git.exe" submodule update --init --force --depth=1 --recursive
"C:\Program Files\Git\cmd\git.exe" version
"C:\Program Files\Git\cmd\git.exe" config --local --get remote.origin.url
"C:\Program Files\Git\cmd\git.exe" lfs fetch origin refs/remotes/origin/main
"C:\Program Files\Git\mingw64\bin\git.exe" status --porcelain=v2 --branch
"C:\Program Files\Git\mingw64\bin\git.exe" rev-parse --show-toplevel
"C:\Program Files\Git\mingw64\bin\git.exe" -c core.longpaths=true rev-parse --git-dir --git-common-dir
"C:\Program Files\Git\mingw64\bin\git.exe" for-each-ref --sort -committerdate --format %(refname) %(objectname) %(*objectname)
"C:\Program Files\Git\mingw64\bin\git.exe" -c core.quotepath=false -c color.ui=false log --format=%H%n%aN%n%aE%n%at%n%ct%n%P%n%D%n%B -z --shortstat --diff-merges=first -n50 --skip=0 --topo-order --decorate=full --stdin
"C:\Program Files\Git\mingw64\bin\git.exe" -c core.quotepath=false -c color.ui=false show --textconv :src/Orders.Api/Program.cs
"C:\Program Files\Git\mingw64\bin\git.exe" check-ignore -v -z --stdin
"C:\Program Files\Git\mingw64\bin\git.exe" ls-files --stage -- C:\Users\alice.m\source\repos\orders\src\Orders.Api\appsettings.json
"C:\Program Files\Git\mingw64\bin\git.exe" cat-file -s 7c3a9e1f0b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f
"C:\Program Files\Git\mingw64\libexec\git-core\git-remote-https.exe" origin https://git.corp.example/platform/orders.git
"C:\Program Files\Git\mingw64\libexec\git-core\git-credential-manager.exe" get
"C:\Program Files\Git\mingw64\bin\git-credential-manager.exe" store
"C:\Program Files\Git\usr\bin\ssh.exe" -o SendEnv=GIT_PROTOCOL git@git.corp.example "git-upload-pack 'platform/orders.git'"
"C:\Program Files\Git\mingw64\libexec\git-core\git.exe" index-pack --stdin --fix-thin --keep=fetch-pack 11808 on WS-DEV-07
"C:\Program Files\Git\mingw64\libexec\git-core\git.exe" maintenance run --auto --no-quiet
""")
W("git", "oneoff", r"""
"C:\Program Files\Git\git-bash.exe" --cd-to-home
"C:\Program Files\Git\usr\bin\bash.exe" --login -i
"C:\Program Files\Git\cmd\git-gui.exe"
"C:\Program Files\Git\cmd\gitk.exe" --all
"C:\Program Files\Git\cmd\git.exe" clone https://git.corp.example/platform/orders.git
"C:\Program Files\Git\cmd\git.exe" pull --rebase
"C:\Program Files\Git\cmd\git.exe" push origin feature/invoice-export
"C:\Program Files\Git\cmd\git.exe" commit -m "Add due date to invoice export"
"C:\Program Files\Git\cmd\git.exe" stash push -m "wip before rebase"
"C:\Program Files\Git\cmd\git.exe" log --oneline --graph -20
"C:\Users\c.nguyen\AppData\Local\GitHubDesktop\app-3.4.9\GitHubDesktop.exe"
"C:\Program Files\TortoiseGit\bin\TortoiseGitProc.exe" /command:log /path:"D:\src\legacy-erp"
""")

# --- Visual Studio Code ---
W("vscode", "routine", r"""
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe"
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" --type=utility --utility-sub-type=node.mojom.NodeService --lang=en-US --service-sandbox-type=none --dns-result-order=ipv4first --inspect-port=0 --field-trial-handle=1976,i,10455629126580138524,1379912870346548152,262144 --disable-features=CalculateNativeWinOcclusion,SpareRendererForSitePerProcess --mojo-platform-channel-handle=4444 /prefetch:8
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" --type=renderer --user-data-dir="C:\Users\alice.m\AppData\Roaming\Code" --standard-schemes=vscode-webview,vscode-file --enable-sandbox --secure-schemes=vscode-webview,vscode-file --lang=en-US --device-scale-factor=1.5 --renderer-client-id=5 /prefetch:1
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" --type=gpu-process --user-data-dir="C:\Users\alice.m\AppData\Roaming\Code" --gpu-preferences=UAAAAAAAAADgAAAEAAAAAAAAAAAAAAAAAABgAAEAAAAAAAAAAAAAAAAAAAACAAAAAAAAAAAAAAAAAAAA /prefetch:2
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" "c:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\resources\app\extensions\json-language-features\server\dist\node\jsonServerMain" --node-ipc --clientProcessId=10984
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" "c:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\resources\app\extensions\markdown-language-features\dist\serverWorkerMain" --node-ipc --clientProcessId=10984
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\Code.exe" c:\Users\alice.m\.vscode\extensions\ms-python.vscode-pylance-2024.11.2\dist\server.bundle.js --cancellationReceive=file:5c7e0a1f3b2d --node-ipc --clientProcessId=10984
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\resources\app\node_modules\@vscode\ripgrep\bin\rg.exe" --files --hidden --case-sensitive --no-require-git -g !**/.git -g !**/node_modules --no-ignore-parent --follow --no-config --no-ignore-global
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\resources\app\node_modules\@vscode\ripgrep\bin\rg.exe" --hidden --ignore-case --no-require-git -g !**/.git --max-columns=1000 --json -- InvoiceDueDate .
"c:\Users\alice.m\.vscode\extensions\ms-dotnettools.csharp-2.55.29-win32-x64\.roslyn\Microsoft.CodeAnalysis.LanguageServer.exe" --logLevel Information --razorSourceGenerator c:\Users\alice.m\.vscode\extensions\ms-dotnettools.csharp-2.55.29-win32-x64\.razor\Microsoft.CodeAnalysis.Razor.Compiler.dll --extensionLogDirectory c:\Users\alice.m\AppData\Roaming\Code\logs\20241104T091203\window1\exthost\ms-dotnettools.csharp
"c:\Users\alice.m\.vscode\extensions\ms-dotnettools.csharp-2.55.29-win32-x64\.debugger\x86_64\vsdbg.exe" --interpreter=vscode --connection=3f1d
"c:\Users\bob.k\.vscode\extensions\golang.go-0.42.1\bin\gopls.exe" -mode=stdio
"C:\Users\bob.k\AppData\Local\Programs\Microsoft VS Code\bin\code.cmd" --install-extension ms-python.python
"C:\Users\bob.k\AppData\Local\Programs\Microsoft VS Code\Code.exe" --wait "D:\src\infra\.git\COMMIT_EDITMSG"
"C:\Users\bob.k\AppData\Local\Programs\Microsoft VS Code\Code.exe" "D:\src\infra"
"C:\Users\bob.k\AppData\Local\Programs\Microsoft VS Code\Code.exe" --diff "D:\src\infra\values\staging.yaml" "D:\src\infra\values\production.yaml"
"C:\Users\bob.k\AppData\Local\Programs\Microsoft VS Code\Code.exe" --status
"C:\Program Files\Microsoft VS Code\Code.exe" --update
"C:\Users\alice.m\AppData\Local\Programs\Microsoft VS Code\unins000.exe" /update="C:\Users\alice.m\AppData\Local\Temp\vscode-stable-user-x64\CodeSetup-stable-f1a4fb101478ce6ec82fe9627c43efbf9e98c813.exe" /verysilent /log
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -ExecutionPolicy Bypass -Command "Import-Module 'c:\Users\alice.m\.vscode\extensions\ms-vscode.powershell-2024.4.0\modules\PowerShellEditorServices\PowerShellEditorServices.psd1'; Start-EditorServices -HostName 'Visual Studio Code Host' -BundledModulesPath 'c:\Users\alice.m\.vscode\extensions\ms-vscode.powershell-2024.4.0\modules' -EnableConsoleRepl -StartupBanner ''"
""")

# --- Visual Studio / MSBuild ---
W("msbuild", "ci", r"""
"C:\Program Files\Microsoft Visual Studio\2022\Enterprise\MSBuild\Current\Bin\amd64\MSBuild.exe" Contoso.Orders.sln /t:Rebuild /p:Configuration=Release /m /nr:false
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\MSBuild\Current\Bin\amd64\MSBuild.exe" /nologo /nodemode:1 /nodeReuse:false /low:false
"C:\Program Files\Microsoft Visual Studio\2022\Professional\MSBuild\Current\Bin\amd64\MSBuild.exe" /nologo /nodemode:1 /nodeReuse:true /low:false
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\MSBuild\Current\Bin\amd64\MSBuild.exe" LegacyErp.sln /p:Configuration=Release /p:Platform="Any CPU" /v:minimal /bl:msbuild.binlog
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\MSBuild\Current\Bin\MSBuild.exe" Installer\Setup.wixproj /p:Configuration=Release /p:ProductVersion=4.2.0
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\MSBuild\Current\Bin\Roslyn\csc.exe" /noconfig @C:\agent\_work\_temp\tmp6a1f2c.rsp
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\MSBuild\Current\Bin\Roslyn\VBCSCompiler.exe" "-pipename:Nv8kqR1pXb0cDzq3Lr5w2tYfHs9o"
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\VC\Tools\MSVC\14.41.34120\bin\HostX64\x64\CL.exe" /c /Zi /nologo /W4 /WX- /diagnostics:column /O2 /Oi /GL /D NDEBUG /D _CONSOLE /EHsc /MD /GS /Gy /permissive- /Fo"x64\Release\\" /Fd"x64\Release\vc143.pdb" /external:W4 /Gd /TP src\engine.cpp
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\VC\Tools\MSVC\14.41.34120\bin\HostX64\x64\link.exe" /ERRORREPORT:QUEUE /OUT:"x64\Release\engine.exe" /NOLOGO /LTCG /MACHINE:X64 @C:\agent\_work\_temp\link.rsp
"C:\Program Files\Microsoft Visual Studio\2022\BuildTools\VC\Tools\MSVC\14.41.34120\bin\HostX64\x64\mspdbsrv.exe" -start -spawn
"C:\Program Files\Microsoft Visual Studio\2022\Enterprise\Common7\IDE\Extensions\TestPlatform\vstest.console.exe" Orders.Tests\bin\Release\net48\Orders.Tests.dll /Logger:trx /Parallel
"C:\Program Files\Microsoft Visual Studio\2022\Enterprise\Common7\IDE\Extensions\TestPlatform\testhost.net48.exe" --port 51833 --endpoint 127.0.0.1:051833 --role client --parentprocessid 8840
"C:\Program Files (x86)\Windows Kits\10\bin\10.0.22621.0\x64\signtool.exe" sign /fd SHA256 /tr http://timestamp.corp.example/tsa /td SHA256 /sha1 3A7F0C1E9B2D4F6A8C0E1B3D5F7A9C2E4B6D8F0A bin\Release\LegacyErp.exe
"C:\Program Files (x86)\Windows Kits\10\bin\10.0.22621.0\x64\rc.exe" /nologo /fo x64\Release\engine.res engine.rc
"C:\Program Files (x86)\WiX Toolset v3.14\bin\light.exe" -out bin\Release\Setup.msi obj\Release\Product.wixobj -ext WixUIExtension
"C:\Program Files (x86)\Microsoft Visual Studio\Installer\vswhere.exe" -latest -products * -requires Microsoft.Component.MSBuild -property installationPath
""")
W("msbuild", "routine", r"""
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\devenv.exe" "D:\src\LegacyErp\LegacyErp.sln"
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\devenv.exe"
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\ServiceHub\Hosts\ServiceHub.Host.dotnet.x64\ServiceHub.Host.dotnet.x64.exe" dotnet.x64$4e2c5b1a-3d7f-4e9a-8c0b-6f1d2a3e4b5c net.pipe://4e2c5b1a-3d7f-4e9a-8c0b-6f1d2a3e4b5c /TelemetrySession:
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\ServiceHub\controller\Microsoft.ServiceHub.Controller.exe" 7b3d4fc0-2a1e-4c9f-9d8e-1f0a2b3c4d5e /ControllerCooldownTimeout:30000
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\PerfWatson2.exe" -sqmsessionguid 2c1a0f9e-8d7c-4b6a-95e4-3d2c1b0a9f8e -devenvpid 9912
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\Microsoft.VisualStudio.Web.Host.exe" -ServiceHost
"C:\Program Files (x86)\Microsoft Visual Studio\Installer\setup.exe" update --installPath "C:\Program Files\Microsoft Visual Studio\2022\Professional" --quiet --norestart
"C:\Program Files\Microsoft Visual Studio\2022\Professional\Common7\IDE\CommonExtensions\Microsoft\TeamFoundation\Team Explorer\Git\cmd\git.exe" status --porcelain=v2 --untracked-files=all
""")

# --- .NET CLI ---
W("dotnet", "ci", r"""
"C:\Program Files\dotnet\dotnet.exe" restore --locked-mode
"C:\Program Files\dotnet\dotnet.exe" build -c Release --no-restore
"C:\Program Files\dotnet\dotnet.exe" test -c Release --no-build --logger trx --results-directory C:\agent\_work\_temp\TestResults
"C:\Program Files\dotnet\dotnet.exe" publish src\Orders.Api\Orders.Api.csproj -c Release -r win-x64 --self-contained false -o C:\agent\_work\1\a\orders
"C:\Program Files\dotnet\dotnet.exe" pack -c Release -o artifacts /p:Version=4.2.0
"C:\Program Files\dotnet\dotnet.exe" nuget push artifacts\*.nupkg --source internal --api-key AzureDevOps
"C:\Program Files\dotnet\dotnet.exe" tool restore
"C:\Program Files\dotnet\dotnet.exe" format --verify-no-changes --severity warn
"C:\Program Files\dotnet\dotnet.exe" "C:\Program Files\dotnet\sdk\8.0.404\MSBuild.dll" -nologo -nodemode:1 -nodeReuse:false -low:false
"C:\Program Files\dotnet\dotnet.exe" "C:\Program Files\dotnet\sdk\9.0.100\MSBuild.dll" -maxcpucount -verbosity:m -restore -consoleloggerparameters:Summary
"C:\Program Files\dotnet\dotnet.exe" exec "C:\Program Files\dotnet\sdk\8.0.404\Roslyn\bincore\VBCSCompiler.dll" "-pipename:nWvHfk8uq0E9hM4V_3Yf6Txz6Hwz"
"C:\Program Files\dotnet\dotnet.exe" exec --runtimeconfig C:\agent\_work\1\s\tests\Orders.Tests\bin\Release\net8.0\Orders.Tests.runtimeconfig.json --depsfile C:\agent\_work\1\s\tests\Orders.Tests\bin\Release\net8.0\Orders.Tests.deps.json C:\Users\svc_build\.nuget\packages\microsoft.testplatform.testhost\17.11.1\build\netcoreapp3.1\x64\testhost.dll --port 50412 --endpoint 127.0.0.1:050412 --role client --parentprocessid 7304
"C:\Program Files\dotnet\dotnet.exe" "C:\Program Files\dotnet\sdk\8.0.404\dotnet.dll" build-server shutdown
""")
W("dotnet", "daemon", r"""
"C:\Program Files\dotnet\dotnet.exe" C:\inetpub\apps\orders\Orders.Api.dll
"C:\Program Files\dotnet\dotnet.exe" D:\Services\Inventory.Worker\Inventory.Worker.dll --environment Production
"D:\Services\Reports.Scheduler\Reports.Scheduler.exe"
""")
W("dotnet", "oneoff", r"""
"C:\Program Files\dotnet\dotnet.exe" run --project src\Orders.Api
"C:\Program Files\dotnet\dotnet.exe" watch run --project src\Portal.Web
"C:\Program Files\dotnet\dotnet.exe" ef database update --project src\Orders.Data
"C:\Program Files\dotnet\dotnet.exe" add package Serilog.Sinks.File
"C:\Program Files\dotnet\dotnet.exe" --info
"C:\Program Files\dotnet\dotnet.exe" dev-certs https --trust
"C:\Program Files\dotnet\dotnet.exe" user-secrets set ConnectionStrings:Orders "Server=sql01.corp.internal;Database=Orders;Integrated Security=true"
""")

# --- node / npm on Windows ---
W("npm", "ci", r"""
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" ci
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" run build
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" test -- --watch=false
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" install
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npx-cli.js" playwright test
C:\Windows\system32\cmd.exe /d /s /c "webpack --mode production"
C:\Windows\system32\cmd.exe /d /s /c "vite build"
C:\Windows\system32\cmd.exe /d /s /c "eslint src --ext .ts,.tsx"
C:\Windows\system32\cmd.exe /d /s /c "jest --ci --reporters=default --reporters=jest-junit"
C:\Windows\system32\cmd.exe /d /s /c "tsc -p tsconfig.json --noEmit"
C:\Windows\system32\cmd.exe /d /s /c "node scripts/postinstall.js"
"C:\Program Files\nodejs\node.exe" D:\src\portal\node_modules\jest-worker\build\workers\processChild.js
"C:\Program Files\nodejs\node.exe" D:\src\portal\node_modules\.bin\..\typescript\bin\tsc --watch
"C:\Program Files\nodejs\node.exe" D:\src\portal\node_modules\@esbuild\win32-x64\esbuild.exe --service=0.21.5 --ping
"D:\src\portal\node_modules\@esbuild\win32-x64\esbuild.exe" --service=0.21.5 --ping
"C:\Program Files\nodejs\node.exe" C:\Users\bob.k\AppData\Roaming\npm\node_modules\yarn\bin\yarn.js install --frozen-lockfile
"C:\Program Files\nodejs\node.exe" C:\Users\bob.k\AppData\Roaming\npm\node_modules\pnpm\bin\pnpm.cjs install
""")
W("npm", "oneoff", r"""
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" outdated
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" audit --omit=dev
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" install --save-dev @playwright/test
"C:\Program Files\nodejs\node.exe" "C:\Program Files\nodejs\node_modules\npm\bin\npm-cli.js" run dev
"C:\Program Files\nodejs\node.exe" server.js
"C:\Program Files\nodejs\node.exe" --version
C:\Windows\system32\cmd.exe /c "npm.cmd install -g npm@10.9.1"
""")

# --- Docker Desktop / WSL ---
W("docker-desktop", "daemon", r"""
"C:\Program Files\Docker\Docker\Docker Desktop.exe"
"C:\Program Files\Docker\Docker\Docker Desktop.exe" --type=renderer --user-data-dir="C:\Users\bob.k\AppData\Roaming\Docker Desktop" --app-path="C:\Program Files\Docker\Docker\frontend\resources\app.asar" --enable-sandbox --lang=en-US --renderer-client-id=4 /prefetch:1
"C:\Program Files\Docker\Docker\resources\com.docker.backend.exe"
"C:\Program Files\Docker\Docker\resources\com.docker.backend.exe" run
"C:\Program Files\Docker\Docker\resources\com.docker.build.exe"
"C:\Program Files\Docker\Docker\resources\com.docker.service"
"C:\Program Files\Docker\Docker\resources\bin\docker-credential-desktop.exe" get
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" version --format {{json .}}
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" context ls --format {{json .}}
"C:\Program Files\Docker\cli-plugins\docker-compose.exe" compose ls --all --format json
C:\Windows\system32\wsl.exe --distribution docker-desktop --exec /bin/sh -c "cat /etc/wsl.conf"
C:\Windows\System32\wsl.exe -d docker-desktop -e /usr/bin/wsl-bootstrap run --base-image /c/Program Files/Docker/Docker/resources/docker-desktop.iso --cli-iso /c/Program Files/Docker/Docker/resources/wsl/docker-wsl-cli.iso
"C:\Program Files\WSL\wslservice.exe"
"C:\Program Files\WSL\wslhost.exe" --vm-id {4c2e1a0f-9b8d-4e7c-a6f5-3d2c1b0a9e8f} --handle 2384
"C:\Program Files\WSL\wslrelay.exe" --mode 1 --vm-id {4c2e1a0f-9b8d-4e7c-a6f5-3d2c1b0a9e8f} --handle 2416
C:\Windows\System32\vmcompute.exe
"C:\Windows\System32\vmwp.exe" 4C2E1A0F-9B8D-4E7C-A6F5-3D2C1B0A9E8F 0x2f8 0x300
""")
W("docker-desktop", "adhoc", r"""
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" compose up -d
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" compose -f docker-compose.dev.yml logs -f api
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" build -t registry.corp.example/portal/web:dev .
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" ps -a
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" exec -it sqlserver /opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -C
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" run --rm -p 5432:5432 -e POSTGRES_PASSWORD=devonly postgres:16
"C:\Program Files\Docker\Docker\resources\bin\docker.exe" system prune -f
C:\Windows\system32\wsl.exe -d Ubuntu-22.04
C:\Windows\system32\wsl.exe --shutdown
C:\Windows\system32\wsl.exe --update
C:\Windows\system32\wsl.exe -l -v
""")

# --- package managers for Windows ---
W("chocolatey", "cron", r"""
"C:\ProgramData\chocolatey\choco.exe" upgrade all -y --no-progress --limit-output
"C:\ProgramData\chocolatey\choco.exe" outdated --limit-output
"C:\ProgramData\chocolatey\bin\choco.exe" upgrade all -y --except="'googlechrome,firefox'"
"C:\ProgramData\chocolatey\choco.exe" list --limit-output
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NoLogo -ExecutionPolicy Bypass -Command "[System.Threading.Thread]::CurrentThread.CurrentCulture = '';[System.Threading.Thread]::CurrentThread.CurrentUICulture = '';& import-module -name 'C:\ProgramData\chocolatey\helpers\chocolateyInstaller.psm1'; & 'C:\ProgramData\chocolatey\helpers\chocolateyScriptRunner.ps1' -packageScript 'C:\ProgramData\chocolatey\lib\git.install\tools\chocolateyInstall.ps1' -installArguments '' -packageParameters ''"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NoLogo -ExecutionPolicy Bypass -Command "[System.Threading.Thread]::CurrentThread.CurrentCulture = '';[System.Threading.Thread]::CurrentThread.CurrentUICulture = '';& import-module -name 'C:\ProgramData\chocolatey\helpers\chocolateyInstaller.psm1'; & 'C:\ProgramData\chocolatey\helpers\chocolateyScriptRunner.ps1' -packageScript 'C:\ProgramData\chocolatey\lib\7zip.install\tools\chocolateyInstall.ps1' -installArguments '' -packageParameters ''"
"C:\ProgramData\chocolatey\lib\git.install\tools\Git-2.47.0-64-bit.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /NOCANCEL /SP- /LOG /COMPONENTS="icons,assoc,assoc_sh,gitlfs"
"C:\ProgramData\chocolatey\lib\7zip.install\tools\7z2408-x64.exe" /S
""")
W("chocolatey", "oneoff", r"""
choco install git -y
choco install vscode -y --params "/NoDesktopIcon"
choco install nodejs-lts --version 20.18.0 -y
choco install sysinternals -y
choco uninstall adobereader -y
choco pin add -n=googlechrome
choco source list
choco feature enable -n allowGlobalConfirmation
choco info terraform
""")
W("winget", "routine", r"""
"C:\Users\alice.m\AppData\Local\Microsoft\WindowsApps\winget.exe" upgrade --all --silent --accept-source-agreements --accept-package-agreements
"C:\Program Files\WindowsApps\Microsoft.DesktopAppInstaller_1.24.25200.0_x64__8wekyb3d8bbwe\winget.exe" upgrade --all --silent --accept-source-agreements --accept-package-agreements --disable-interactivity
"C:\Program Files\WindowsApps\Microsoft.DesktopAppInstaller_1.24.25200.0_x64__8wekyb3d8bbwe\WindowsPackageManagerServer.exe" -Embedding
"C:\Program Files\WindowsApps\Microsoft.DesktopAppInstaller_1.24.25200.0_x64__8wekyb3d8bbwe\AppInstallerCLI.exe" source update
winget install --id Git.Git -e --source winget
winget install --id Microsoft.PowerShell --source winget --silent
winget install Microsoft.VisualStudioCode --scope user
winget install -e --id Python.Python.3.12
winget upgrade
winget upgrade --id Mozilla.Firefox
winget list
winget list --upgrade-available
winget search "sql server management studio"
winget show Microsoft.DotNet.SDK.8
winget export -o C:\Temp\apps.json --include-versions
winget import -i \\fs01.corp.example\deploy$\winget\dev-baseline.json --accept-package-agreements
winget source list
winget uninstall --id Zoom.Zoom
""")

# --- Group Policy ---
W("gpupdate", "routine", r"""
gpupdate /force
gpupdate /target:computer /force
gpupdate /target:user /force /wait:0
C:\Windows\system32\gpupdate.exe /force /boot
"C:\Windows\system32\gpupdate.exe" /target:user /wait:0
C:\Windows\system32\gpscript.exe /Logon
C:\Windows\system32\gpscript.exe /Startup
C:\Windows\system32\gpscript.exe /RefreshSystemParam
gpresult /r
gpresult /scope user /v
gpresult /scope computer /z
gpresult /h C:\Temp\gpresult.html /f
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\rsop.msc"
"C:\Windows\system32\mmc.exe" "C:\Windows\system32\gpedit.msc"
""")

# --- logon scripts: drive mappings and environment checks ---
W("login-script", "cron", r"""
C:\Windows\system32\cmd.exe /c ""\\corp.example\NETLOGON\logon.bat" "
C:\Windows\system32\cmd.exe /c "\\corp.example\SYSVOL\corp.example\scripts\map-drives.cmd"
C:\Windows\system32\cscript.exe //nologo \\corp.example\NETLOGON\printers.vbs
C:\Windows\System32\WScript.exe "\\corp.example\NETLOGON\welcome.vbs"
net use H: \\fs01.corp.example\home$\alice.m /persistent:no
net use S: \\fs01.corp.example\shared /persistent:yes
net use P: \\fs02.corp.example\projects
net use * /delete /y
net use
net use G: /delete
net time \\dc01.corp.example /set /y
whoami /groups
whoami /upn
whoami /fqdn
whoami
hostname
ipconfig /all
ipconfig
C:\Windows\system32\net1  use H: \\fs01.corp.example\home$\bob.k /persistent:no
C:\Windows\system32\reg.exe add "HKCU\Software\Corp\Logon" /v LastRun /t REG_SZ /d 2024-11-04 /f
C:\Windows\system32\reg.exe query "HKLM\SOFTWARE\Corp\Build" /v Ring
C:\Windows\system32\cmd.exe /c ver
powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File \\corp.example\NETLOGON\Set-Wallpaper.ps1
""")

# --- helpdesk diagnostics and inventory collection: look like discovery, are routine ---
W("helpdesk-diagnostics", "routine", r"""
systeminfo
systeminfo /fo csv /nh
systeminfo /s ws-fin-0142.corp.example
tasklist
tasklist /svc
tasklist /v /fi "IMAGENAME eq outlook.exe"
tasklist /m msvcr120.dll
taskkill /IM OUTLOOK.EXE /F
taskkill /PID 8812 /T
ipconfig /flushdns
ipconfig /release
ipconfig /renew
ipconfig /registerdns
ipconfig /displaydns
ping -n 4 fs01.corp.example
ping 10.20.0.1 -t
ping -4 print01.corp.example
tracert 198.51.100.10
tracert -d sql01.corp.internal
pathping -n fs01.corp.example
nslookup intranet.corp.example
nslookup -type=srv _ldap._tcp.dc._msdcs.corp.example
route print
route print -4
arp -a
netstat -ano
C:\Windows\system32\cmd.exe /c "netstat -ano | findstr :443"
findstr /i /c:"ERROR 5" C:\Logs\robocopy-projects.log
netstat -rn
netsh winhttp show proxy
netsh wlan show interfaces
netsh interface ip show config
netsh advfirewall show allprofiles state
getmac /v
quser
query user /server:rds01.corp.example
qwinsta /server:rds02.corp.example
klist
klist purge
nltest /sc_verify:corp.example
nltest /dsgetdc:corp.example
w32tm /query /status
w32tm /resync
sc query wuauserv
sc queryex spooler
sc qc Sysmon64
driverquery /v
wmic bios get serialnumber
wmic computersystem get model,manufacturer
wmic qfe list brief
msinfo32 /report C:\Temp\msinfo.txt
manage-bde -status C:
bcdedit /enum
powercfg /batteryreport /output C:\Temp\battery.html
powercfg /energy
powercfg /requests
chkdsk C: /scan
sfc /scannow
DISM.exe /Online /Cleanup-Image /RestoreHealth
DISM.exe /Online /Cleanup-Image /StartComponentCleanup
dism /online /get-features /format:table
C:\Windows\system32\DismHost.exe {2F3C7B9A-1D4E-4A6B-8C0F-5E7D9A1B3C2E}
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -Command "Get-ComputerInfo | Select-Object WindowsProductName,OsBuildNumber,CsModel"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -Command "Get-NetIPConfiguration"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -Command "Get-Process | Sort-Object WorkingSet -Descending | Select-Object -First 10"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -Command "Get-LocalGroupMember -Group Administrators"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -Command "Get-NetTCPConnection -State Listen | Sort-Object LocalPort"
""")

# --- monitoring and logging agents ---
W("monitoring-agent", "daemon", r"""
"C:\Program Files\Zabbix Agent 2\zabbix_agent2.exe" -c "C:\Program Files\Zabbix Agent 2\zabbix_agent2.conf"
"C:\Program Files\Zabbix Agent\zabbix_agentd.exe" --config "C:\Program Files\Zabbix Agent\zabbix_agentd.conf"
"C:\Program Files\Datadog\Datadog Agent\bin\agent.exe" run
"C:\Program Files\Datadog\Datadog Agent\bin\agent\trace-agent.exe" --config="C:\ProgramData\Datadog\datadog.yaml"
"C:\Program Files\Datadog\Datadog Agent\bin\agent\process-agent.exe" --cfgpath="C:\ProgramData\Datadog\datadog.yaml"
"C:\Program Files\Microsoft Monitoring Agent\Agent\HealthService.exe"
"C:\Program Files\Microsoft Monitoring Agent\Agent\MonitoringHost.exe" -Embedding
"C:\Program Files\Microsoft Monitoring Agent\Agent\MOMPerfSnapshotHelper.exe" -Embedding
"C:\Program Files\SplunkUniversalForwarder\bin\splunkd.exe" service
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-winevtlog.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-perfmon.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-powershell.exe" --ps2
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-MonitorNoHandle.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-admon.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-regmon.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\splunk-winprintmon.exe"
"C:\Program Files\SplunkUniversalForwarder\bin\btool.exe" inputs list --debug
C:\Windows\Sysmon64.exe
C:\Windows\Sysmon64.exe -c C:\ProgramData\Sysmon\sysmonconfig.xml
"C:\Program Files\windows_exporter\windows_exporter.exe" --config.file="C:\Program Files\windows_exporter\config.yml"
"C:\Program Files\Nagios\NCPA\ncpa.exe"
"C:\Program Files\NSClient++\nscp.exe" service --run --name nscp
"C:\Program Files\Elastic\Agent\elastic-agent.exe" run
"C:\Program Files\Elastic\Agent\data\elastic-agent-8.15.3-0a6b1d\components\filebeat.exe" -E setup.ilm.enabled=false -E management.enabled=true -E logging.level=info
"C:\Program Files\Elastic\Agent\data\elastic-agent-8.15.3-0a6b1d\components\metricbeat.exe" -E management.enabled=true
"C:\Program Files\Elastic\Agent\data\elastic-agent-8.15.3-0a6b1d\components\winlogbeat.exe" -E management.enabled=true
"C:\Program Files\AzureConnectedMachineAgent\himds.exe"
"C:\Program Files\AzureConnectedMachineAgent\GCArcService\GC\gc_arc_service.exe"
"C:\Program Files\Amazon\SSM\amazon-ssm-agent.exe"
"C:\Program Files\Amazon\SSM\ssm-agent-worker.exe"
C:\Windows\system32\typeperf.exe "\Processor(_Total)\% Processor Time" "\Memory\Available MBytes" -sc 1
C:\Windows\system32\logman.exe start "Corp-Perf-Baseline"
C:\Windows\system32\logman.exe query -ets
"C:\Program Files\CrowdStrike\CSFalconService.exe"
"C:\Program Files\Qualys\QualysAgent\QualysAgent.exe"
""")

# --- VMware / Hyper-V guest tools ---
W("vm-tools", "daemon", r"""
"C:\Program Files\VMware\VMware Tools\vmtoolsd.exe"
"C:\Program Files\VMware\VMware Tools\vmtoolsd.exe" -n vmusr
"C:\Program Files\VMware\VMware Tools\VMware VGAuth\VGAuthService.exe"
"C:\Program Files\VMware\VMware Tools\VMware CAF\pme\bin\CommAmqpListener.exe"
"C:\Program Files\VMware\VMware Tools\VMware CAF\pme\bin\ManagementAgentHost.exe"
C:\Windows\system32\vm3dservice.exe
"C:\Program Files\VMware\VMware Tools\rpctool.exe" "info-get guestinfo.appInfo"
"C:\Windows\System32\vmicsvc.exe" -feature Heartbeat
"C:\Windows\System32\vmicsvc.exe" -feature TimeSync
"C:\Program Files\Citrix\XenTools\XenGuestAgent.exe"
"C:\Program Files\Qemu-ga\qemu-ga.exe" -d --retry-path
""")

# --- SQL Server ---
W("sql-server", "daemon", r"""
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlservr.exe" -sMSSQLSERVER
"C:\Program Files\Microsoft SQL Server\MSSQL16.PROD\MSSQL\Binn\sqlservr.exe" -sPROD
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\SQLAGENT.EXE" -i MSSQLSERVER
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\fdlauncher.exe" -s MSSQL16.MSSQLSERVER
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\fdhost.exe" -s MSSQL16.MSSQLSERVER -id 1
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\sqlceip.exe" -Service MSSQLSERVER
"C:\Program Files\Microsoft SQL Server\90\Shared\sqlwriter.exe"
"C:\Program Files (x86)\Microsoft SQL Server\90\Shared\sqlbrowser.exe"
"C:\Program Files\Microsoft SQL Server\160\DTS\Binn\DTExec.exe" /ISSERVER "\"\SSISDB\ETL\Nightly\LoadSales.dtsx\"" /SERVER sql01 /Par "\"$ServerOption::SYNCHRONIZED(Boolean)\"";True
"C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Binn\SQLAGENT.EXE" -i MSSQLSERVER -e "C:\Program Files\Microsoft SQL Server\MSSQL16.MSSQLSERVER\MSSQL\Log\SQLAGENT.OUT"
""")
W("sql-server", "oneoff", r"""
sqlcmd -S sql01.corp.internal -E -Q "EXEC sp_who2"
sqlcmd -S localhost -d Inventory -E -i C:\Deploy\migrations\0042_add_index.sql
sqlcmd -S sql02.corp.internal\REPORTING -E -Q "SELECT name, state_desc FROM sys.databases"
"C:\Program Files (x86)\Microsoft SQL Server Management Studio 20\Common7\IDE\Ssms.exe"
"C:\Program Files (x86)\Microsoft SQL Server Management Studio 20\Common7\IDE\Ssms.exe" "D:\Queries\month-end-close.sql"
"C:\Program Files\Azure Data Studio\azuredatastudio.exe"
"C:\Program Files\Microsoft SQL Server\160\Tools\Binn\SqlPackage.exe" /Action:Publish /SourceFile:Orders.dacpac /TargetServerName:sql01.corp.internal /TargetDatabaseName:Orders
""")

# --- IIS ---
W("iis", "daemon", r"""
c:\windows\system32\inetsrv\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\.\pipe\iisipm4f2e1c7a-9b3d-4a8e-b6c1-0d2f4a6e8c0b -h "C:\inetpub\temp\apppools\DefaultAppPool\DefaultAppPool.config" -w "" -m 0 -t 20 -ta 0
c:\windows\system32\inetsrv\w3wp.exe -ap "OrdersApi" -v "v4.0" -l "webengine4.dll" -a \\.\pipe\iisipm7c1d0e3b-2f4a-4b6c-8d9e-1a3c5e7f9b0d -h "C:\inetpub\temp\apppools\OrdersApi\OrdersApi.config" -w "" -m 0 -t 20 -ta 0
c:\windows\system32\inetsrv\w3wp.exe -ap "Intranet" -v "v4.0" -l "webengine4.dll" -a \\.\pipe\iisipm2b4d6f8a-0c1e-4a3b-9d5f-7e9a1b3c5d7e -h "C:\inetpub\temp\apppools\Intranet\Intranet.config" -w "" -m 0 -t 20 -ta 0
C:\Windows\system32\inetsrv\inetinfo.exe
C:\Windows\system32\inetsrv\InetMgr.exe
C:\Windows\System32\inetsrv\iisrstas.exe -Embedding
""")
W("iis", "oneoff", r"""
C:\Windows\system32\inetsrv\appcmd.exe list sites
C:\Windows\system32\inetsrv\appcmd.exe list apppool /state:Stopped
C:\Windows\system32\inetsrv\appcmd.exe recycle apppool /apppool.name:OrdersApi
C:\Windows\system32\inetsrv\appcmd.exe stop site /site.name:"Intranet"
C:\Windows\system32\inetsrv\appcmd.exe set config "Default Web Site" /section:httpLogging /dontLog:False
iisreset /restart
iisreset /status
iisreset /noforce
""")

# --- OneDrive / SharePoint sync ---
W("onedrive", "daemon", r"""
"C:\Program Files\Microsoft OneDrive\OneDrive.exe" /background
"C:\Users\alice.m\AppData\Local\Microsoft\OneDrive\OneDrive.exe" /background
"C:\Users\alice.m\AppData\Local\Microsoft\OneDrive\OneDrive.exe" /updateInstalled /background
"C:\Users\alice.m\AppData\Local\Microsoft\OneDrive\OneDriveStandaloneUpdater.exe" /reporting
"C:\Program Files\Microsoft OneDrive\OneDriveStandaloneUpdater.exe" /reporting
"C:\Program Files\Microsoft OneDrive\24.211.1020.0001\FileCoAuth.exe" -Embedding
"C:\Program Files\Microsoft OneDrive\24.211.1020.0001\Microsoft.SharePoint.exe"
"C:\Program Files\Microsoft OneDrive\24.211.1020.0001\OneDrive.Sync.Service.exe"
"C:\Users\bob.k\AppData\Local\Microsoft\OneDrive\OneDrive.exe" /url:odopen://sync/?siteId=%7B4a1c%7D&webId=%7B9e2b%7D&listId=%7B7f3d%7D&webUrl=https%3A%2F%2Fcorp.sharepoint.example%2Fsites%2Ffinance
""")

# --- python / java on Windows ---
W("python", "ci", r"""
"C:\Users\p.sharma\AppData\Local\Programs\Python\Python312\python.exe" -m pip install --upgrade pip
"C:\Users\p.sharma\AppData\Local\Programs\Python\Python312\python.exe" -m venv .venv
D:\src\etl\.venv\Scripts\python.exe -m pip install -r requirements.txt
D:\src\etl\.venv\Scripts\python.exe -m pytest tests -q
D:\src\etl\.venv\Scripts\python.exe manage.py runserver 127.0.0.1:8000
"C:\Program Files\Python312\python.exe" C:\Ops\Scripts\export_tickets.py --since 2024-11-01 --out D:\Exports\tickets.csv
C:\Windows\py.exe -3.11 -m venv C:\agent\_work\_tool\venv
C:\Windows\py.exe -0p
"C:\Users\p.sharma\AppData\Local\Programs\Python\Python312\Scripts\jupyter-lab.exe"
"C:\Users\p.sharma\anaconda3\python.exe" -m ipykernel_launcher -f C:\Users\p.sharma\AppData\Roaming\jupyter\runtime\kernel-7a2b3c4d.json
"C:\Users\p.sharma\anaconda3\pythonw.exe" "C:\Users\p.sharma\anaconda3\cwp.py" "C:\Users\p.sharma\anaconda3" "C:\Users\p.sharma\anaconda3\pythonw.exe" "C:\Users\p.sharma\anaconda3\Scripts\anaconda-navigator-script.py"
"C:\Program Files\Python312\python.exe" "C:\Program Files\Python312\Scripts\ansible-lint.exe"
""")
W("java", "daemon", r"""
"C:\Program Files\Eclipse Adoptium\jdk-17.0.13.11-hotspot\bin\java.exe" -Xmx1024m -jar D:\Services\label-printer\label-printer-2.3.0.jar --spring.profiles.active=prod
"C:\Program Files\Eclipse Adoptium\jdk-21.0.5.11-hotspot\bin\java.exe" -Xmx4g -Dfile.encoding=UTF-8 -cp C:\Users\bob.k\.gradle\wrapper\dists\gradle-8.10.2-bin\a04bxjujx95o3nb99gddekhwo\gradle-8.10.2\lib\gradle-launcher-8.10.2.jar org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.10.2
"C:\Program Files\Eclipse Adoptium\jdk-17.0.13.11-hotspot\bin\java.exe" -classpath D:\src\mobile\gradle\wrapper\gradle-wrapper.jar org.gradle.wrapper.GradleWrapperMain assembleDebug
"C:\Program Files\Apache Software Foundation\Tomcat 10.1\bin\Tomcat10.exe" //RS//Tomcat10
"C:\Program Files\JetBrains\IntelliJ IDEA 2024.3\bin\idea64.exe"
"C:\Program Files\JetBrains\IntelliJ IDEA 2024.3\jbr\bin\java.exe" -cp "C:\Program Files\JetBrains\IntelliJ IDEA 2024.3\plugins\maven\lib\maven3-server.jar" org.jetbrains.idea.maven.server.RemoteMavenServer36
"C:\Program Files\JetBrains\JetBrains Rider 2024.3\bin\rider64.exe"
"C:\Program Files\JetBrains\JetBrains Rider 2024.3\lib\ReSharperHost\windows-x64\Rider.Backend.exe" --parent-pid 13492
""")
W("java", "ci", r"""
C:\Windows\system32\cmd.exe /c mvn.cmd -B -ntp clean verify
D:\src\label-printer\gradlew.bat build --no-daemon
"C:\Program Files\Eclipse Adoptium\jdk-17.0.13.11-hotspot\bin\java.exe" -jar C:\Tools\openapi-generator-cli-7.9.0.jar generate -i api\orders.yaml -g csharp -o gen\orders-client
""")

# --- remote administration ---
W("remote-admin", "adhoc", r"""
"C:\Windows\system32\mstsc.exe" /v:jump01.corp.example
"C:\Windows\system32\mstsc.exe" /v:10.20.4.50 /admin
"C:\Windows\system32\mstsc.exe" /v:rds01.corp.example /multimon
C:\Windows\System32\rdpclip.exe
"C:\Windows\system32\rdpinit.exe"
C:\Windows\system32\RdpSa.exe
"C:\Windows\System32\OpenSSH\ssh.exe" deploy@build01.corp.internal
"C:\Windows\System32\OpenSSH\ssh.exe" -i C:\Users\j.weber\.ssh\id_ed25519 admin@10.20.4.15
C:\Windows\System32\OpenSSH\sshd.exe
"C:\Windows\System32\OpenSSH\scp.exe" D:\Releases\orders-4.2.0.zip deploy@app01.corp.internal:/srv/releases/
"C:\Windows\System32\OpenSSH\ssh-keygen.exe" -t ed25519 -C j.weber@ws-ops-03
"C:\Windows\System32\OpenSSH\ssh-agent.exe"
"C:\Program Files\PuTTY\putty.exe" -ssh admin@10.20.8.2
"C:\Program Files\PuTTY\putty.exe" -load "core-switch-01"
"C:\Program Files\PuTTY\pscp.exe" -r admin@10.20.8.3:/var/log/messages D:\Logs\
"C:\Program Files\WinSCP\WinSCP.exe" sftp://deploy@web02.corp.internal/
"C:\Program Files\mRemoteNG\mRemoteNG.exe"
"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" -NoExit -Command "Enter-PSSession -ComputerName fs01.corp.example"
winrs -r:app02.corp.internal ipconfig
""")

# --- archives ---
W("archive", "adhoc", r"""
"C:\Program Files\7-Zip\7z.exe" x release-4.2.0.zip -oC:\build\release -y
"C:\Program Files\7-Zip\7z.exe" a -tzip D:\Archive\logs-2024-10.zip D:\Logs\2024-10\*
"C:\Program Files\7-Zip\7z.exe" l D:\Installers\vendor-drivers.7z
"C:\Program Files\7-Zip\7zFM.exe" "C:\Users\c.nguyen\Downloads\scans-week44.zip"
"C:\Program Files\7-Zip\7zG.exe" x -o"C:\Users\c.nguyen\Downloads\scans-week44\" -spe -an -ai#7zMap31822:64:7zEvent2104
C:\Windows\system32\tar.exe -xf node-v20.18.0-win-x64.zip -C C:\Tools
C:\Windows\system32\tar.exe -czf D:\Backups\iis-config.tgz C:\Windows\System32\inetsrv\config
"C:\Program Files\WinRAR\WinRAR.exe" x -ibck "D:\Downloads\fonts-pack.rar" "D:\Design\Fonts\"
C:\Windows\system32\expand.exe -F:* D:\Drivers\sp143210.cab D:\Drivers\sp143210
C:\Windows\system32\compact.exe /c /s:D:\Archive\2019 /i /q
""")

# --- print ---
W("print", "routine", r"""
C:\Windows\system32\PrintIsolationHost.exe -Embedding
C:\Windows\system32\spool\drivers\x64\3\hpbmiapi.exe -Embedding
"C:\Windows\system32\printfilterpipelinesvc.exe" -Embedding
C:\Windows\System32\rundll32.exe C:\Windows\System32\printui.dll,PrintUIEntry /y /n "\\print01.corp.example\Floor2-Color"
C:\Windows\System32\rundll32.exe printui.dll,PrintUIEntry /ga /n\\print01.corp.example\Reception
C:\Windows\system32\cscript.exe C:\Windows\System32\Printing_Admin_Scripts\en-US\prnmngr.vbs -l
C:\Windows\system32\cscript.exe C:\Windows\System32\Printing_Admin_Scripts\en-US\prnqctl.vbs -x -p "Floor3-MFP"
C:\Windows\system32\PrintBrmUi.exe
""")

# --- network services on servers ---
W("network-services", "daemon", r"""
C:\Windows\system32\dns.exe
C:\Windows\system32\dfsrs.exe
C:\Windows\system32\ismserv.exe
C:\Windows\System32\dfssvc.exe
C:\Windows\system32\certsrv.exe
C:\Windows\system32\tcpsvcs.exe
C:\Windows\System32\svchost.exe -k DHCPServer -p
C:\Windows\system32\Microsoft.ActiveDirectory.WebServices.exe
C:\Windows\system32\ntfrs.exe
""")
W("network-services", "oneoff", r"""
repadmin /replsummary
repadmin /showrepl dc02.corp.example
dcdiag /s:dc01.corp.example /q
dfsrdiag pollad
dnscmd dc01.corp.example /zoneprint corp.example
netdom query fsmo
certutil -verify -urlfetch C:\Temp\intranet.cer
certutil -hashfile D:\Installers\Git-2.47.0-64-bit.exe SHA256
certutil -CRL
certutil -store My
""")

# --- hardware/software inventory collected by management agents (run as SYSTEM) ---
W("inventory-agent", "agent", r"""
C:\Windows\system32\systeminfo.exe /fo csv
"C:\Windows\system32\whoami.exe" /user
C:\Windows\system32\HOSTNAME.EXE
C:\Windows\system32\ipconfig.exe /all
C:\Windows\system32\NETSTAT.EXE -an
C:\Windows\system32\tasklist.exe /fo csv /nh
C:\Windows\system32\query.exe session
C:\Windows\system32\wbem\WMIC.exe os get Caption,Version,BuildNumber /format:list
C:\Windows\system32\wbem\WMIC.exe logicaldisk get size,freespace,caption
C:\Windows\system32\wbem\WMIC.exe product get name,version
C:\Windows\system32\net.exe localgroup Administrators
C:\Windows\system32\net1 localgroup Administrators
"C:\Program Files\Corp\Inventory\InvCollector.exe" --scan full --upload https://inventory.corp.example/api/v1/hosts
"C:\Program Files (x86)\Lansweeper\LsAgent\LsAgentService.exe"
"C:\Program Files\GLPI-Agent\perl\bin\glpi-agent.exe" --service --no-fork
""")
# --- helpdesk account and domain checks ---
W("helpdesk-diagnostics", "oneoff", r"""
net user j.weber /domain
net user svc_backup /domain
net localgroup "Remote Desktop Users"
net group "Helpdesk-Tier1" /domain
net accounts
net share
net view \\fs01.corp.example
net session
nltest /domain_trusts
whoami /priv
whoami /all
""")

# What each `family` value stands for (printed with --table; every family used must be described).
LINUX_FAMILIES = {
    "apt": "apt, apt-get, dpkg, unattended-upgrades and apt's daily timer",
    "coreutils-recon": "inspection commands typed by admins: ps, df, free, uname, id, who, lsblk, ...",
    "git": "git and its helper processes (CI checkouts, git-upload-pack, maintenance)",
    "monitoring-agent": "node_exporter, Telegraf, Zabbix, Datadog, Nagios/NRPE checks, sysstat, metrics scripts",
    "npm": "npm, npx, yarn, pnpm, node and JS build tools (jest, eslint, tsc, vite)",
    "docker": "dockerd, containerd shims, docker/podman CLI, compose, buildx",
    "python": "Python services (gunicorn, celery, uvicorn), pytest and linters in CI, scripts, venvs",
    "network-admin": "ip, ss, ping, dig, traceroute, nmcli, curl health checks, firewall listings",
    "dnf": "dnf, yum, rpm, dnf-automatic, subscription-manager",
    "kubectl": "kubectl, kubelet, kube-proxy, kubeadm",
    "systemctl": "systemctl, systemd's helper processes, hostnamectl, timedatectl",
    "shell-session": "login shells, sudo/su, tmux/screen, ls, and what /etc/profile and ~/.bashrc start",
    "ssh-admin": "sshd process titles, sftp-server, ssh/scp/sftp clients, key management",
    "text-tools": "grep, sed, awk, jq, sort, find, diff on logs and sources",
    "pip": "pip, pipx, poetry, uv",
    "cron": "cron daemons, run-parts, `/bin/sh -c` lines of crontabs, crontab",
    "backup": "rsync, borg, restic, pg_dump, mysqldump, duplicity, rclone",
    "database": "PostgreSQL, MariaDB, Redis, MongoDB, memcached servers and their clients",
    "editor": "vim, nano, emacs, VS Code, less",
    "java": "JVM services (Tomcat, Kafka, Jenkins), Maven, Gradle, JDK tools",
    "compiler": "gcc, g++, clang and their cc1/as/ld children, binutils, javac, nvcc, rustc",
    "ci-runner": "GitLab and GitHub Actions runners, Buildkite/Drone agents, job-start environment dumps",
    "dotnet": "dotnet CLI, MSBuild and VBCSCompiler servers, ASP.NET services",
    "file-admin": "mkdir, cp, mv, ln, chmod, chown, mount during deployments",
    "go": "go toolchain (build, test, vet and their compile/link children), golangci-lint, gopls",
    "webserver": "nginx, Apache, php-fpm, Caddy, HAProxy and their config checks",
    "maintenance": "timer-driven maintenance (fstrim, updatedb, mandb, tmpfiles) and base daemons",
    "make": "make, Debian package builds",
    "ansible": "ansible-playbook, ansible-galaxy, and AnsiballZ module runs on managed hosts",
    "cloud-cli": "aws, az, gcloud, gsutil",
    "journalctl": "journalctl queries, log shippers following the journal",
    "cmake": "cmake, ctest, ninja, meson, ccache",
    "security-scan": "ClamAV, AIDE, rkhunter, Lynis, auditd, osquery, trivy, fail2ban",
    "terraform": "terraform, tflint, provider plugins",
    "helm": "helm",
    "rust": "cargo, rustc, rustup, rust-analyzer",
    "archive": "tar, zip/unzip, gzip, xz, zstd, 7z",
    "config-mgmt": "Puppet, Chef and Salt agents and their fact gathering",
    "logrotate": "logrotate and its postrotate hooks",
    "motd": "Ubuntu login banner scripts (update-motd.d, landscape-sysinfo, lsb_release)",
    "certbot": "certbot renewals, openssl certificate checks",
    "snap": "snapd, snap, flatpak",
}
WINDOWS_FAMILIES = {
    "helpdesk-diagnostics": "systeminfo, tasklist, ipconfig, ping, netstat, nltest, klist, net, sfc, DISM, ... by helpdesk staff",
    "powershell-admin": "PowerShell 5.1/7 admin one-liners and scripts (services, event logs, AD, Hyper-V, WinRM)",
    "windows-shell": "Explorer, shell hosts, COM surrogates, session processes, built-in desktop tools",
    "svchost": "service host instances (`svchost.exe -k <group> -p -s <service>`)",
    "scheduled-task-host": "taskhostw and the maintenance/telemetry tasks Windows schedules, schtasks",
    "git": "Git for Windows and its helpers (IDE status polling, credential manager, CI checkouts)",
    "monitoring-agent": "Zabbix, Datadog, SCOM, Splunk UF, Sysmon, Elastic Agent, exporters, EDR services",
    "browser": "Chrome, Edge, Firefox processes and their updaters",
    "windows-update": "Update Orchestrator, TiWorker, wuauclt, compatibility telemetry",
    "defender-scan": "Microsoft Defender, Defender for Endpoint sensor, MRT, Security Health",
    "docker-desktop": "Docker Desktop backend, docker CLI, WSL and Hyper-V worker processes",
    "office": "Microsoft 365 apps and Click-to-Run",
    "backup": "Windows Server Backup, robocopy, Veeam, Azure Backup agent, SQL backups, VSS listings",
    "msbuild": "Visual Studio, MSBuild, cl/link, vstest, signtool, WiX",
    "npm": "node, npm/yarn/pnpm and the `cmd.exe /d /s /c` steps npm runs",
    "dotnet": "dotnet CLI and .NET services",
    "login-script": "NETLOGON logon scripts, drive mappings, identity checks at logon",
    "sccm": "Configuration Manager client, its detection scripts and application installs",
    "mmc-admin": "MMC consoles and built-in admin tools",
    "msiexec": "Windows Installer installs, repairs, uninstalls and its service processes",
    "vscode": "VS Code and its language servers, ripgrep, debugger",
    "network-services": "domain controller, DNS, DFS and AD CS services and their admin checks",
    "remote-admin": "RDP, OpenSSH, PuTTY, WinSCP, WinRM",
    "winget": "winget and App Installer",
    "chocolatey": "choco and the installers it runs",
    "sql-server": "SQL Server services, SSIS, sqlcmd, SSMS",
    "inventory-agent": "hardware/software inventory run as SYSTEM (systeminfo, WMIC, net localgroup, ...)",
    "gpupdate": "gpupdate, gpresult, gpscript",
    "iis": "IIS worker processes, appcmd, iisreset",
    "teams": "Teams (new and classic), Slack, Zoom",
    "python": "Python interpreters, venvs, pytest, Jupyter",
    "vm-tools": "VMware Tools, Hyper-V integration services, Xen and QEMU guest agents",
    "archive": "7-Zip, tar, WinRAR, expand, compact",
    "java": "JVM services, Gradle daemon, IntelliJ/Rider, Maven",
    "onedrive": "OneDrive sync client",
    "print": "print spooler helpers and printer mapping",
}

# ---------------------------------------------------------------------------------------------
# Counts, checks and output
# ---------------------------------------------------------------------------------------------
EXPLICIT = re.compile(r"^@(\d+) (.+)$")


def draw_count(rng, profile):
    lo, hi = PROFILES[profile]
    if profile == "oneoff":
        return rng.choice(ONEOFF_WEIGHTS)
    return int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


def build(entries, seed):
    """(family, profile, line) -> rows [proctitle, 'Normal', 'Normal', count, family]."""
    rng = random.Random(seed)
    rows = []
    for family, profile, line in entries:
        count = draw_count(rng, profile)   # drawn for every line, so overrides do not shift later draws
        m = EXPLICIT.match(line)
        if m:
            count, line = int(m.group(1)), m.group(2)
        rows.append([line, "Normal", "Normal", count, family])
    return rows


# Programs whose plain use looks like discovery (ATT&CK T1082, T1033, T1016, T1049, T1057, T1087, ...).
RECON_LINUX = {
    "ps", "df", "du", "free", "uptime", "uname", "hostname", "hostnamectl", "id", "whoami", "who", "w",
    "last", "lastlog", "getent", "groups", "lsblk", "lscpu", "lsmem", "lspci", "lsusb", "lsof", "nproc",
    "top", "date", "env", "printenv", "ip", "ifconfig", "ss", "netstat", "arp", "route", "ping", "ping6",
    "traceroute", "tracepath", "mtr", "dig", "nslookup", "host", "resolvectl", "nmcli", "ethtool",
}
RECON_LINUX |= {"pgrep", "pstree", "dmesg", "lsb_release", "dmidecode", "getconf", "findmnt", "dnsdomainname", "users"}
RECON_LINUX_ARGS = re.compile(r"^(crontab -l|sudo -l|cat /(proc|sys)/|cat /etc/(os-release|hosts|resolv.conf|passwd|group)$"
                              r"|sudo iptables -L|sudo nft list|sudo ufw status|sudo firewall-cmd --list|systemctl list-"
                              r"|loginctl list|rpm -qa|dpkg -l|apt list)")
RECON_WINDOWS = {
    "whoami", "hostname", "ipconfig", "systeminfo", "tasklist", "net", "net1", "nltest", "quser", "query",
    "qwinsta", "route", "arp", "netstat", "nslookup", "wmic", "gpresult", "klist", "getmac", "driverquery",
    "ping", "tracert", "pathping",
}
RECON_WINDOWS_ARGS = re.compile(
    r"(?i)^(sc (query|queryex|qc)|w32tm /query|netsh .* show|schtasks /query|vssadmin list|reg(\.exe)? query|bcdedit /enum"
    r"|manage-bde -status|repadmin|dcdiag|cmd(\.exe)? /c ver$|cmd(\.exe)? /c \"netstat)")
RECON_CMDLETS = re.compile(r"(?i)Get-(ComputerInfo|NetIPConfiguration|Process|LocalGroupMember|NetTCPConnection|ADUser"
                           r"|ADComputer|ADGroupMember|HotFix|Service|SmbShare|SmbOpenFile|CimInstance|NetAdapter)\b")


def first_program(line):
    """Basename of the executable a command line starts with, lower case, without `.exe`, after `sudo`."""
    s = line[1:].split('"', 1)[0] if line.startswith('"') else line.split(" ", 1)[0]
    name = re.split(r"[\\/]", s)[-1].lower()
    name = name[:-4] if name.endswith(".exe") else name
    if name == "sudo" and " " in line:
        return first_program(line.split(" ", 1)[1])
    return name


def strip_path(line):
    """The command line with the executable's directory removed: `C:\\Windows\\system32\\sc.exe q` -> `sc.exe q`."""
    if line.startswith('"'):
        exe, _, rest = line[1:].partition('"')
        rest = rest.lstrip()
    else:
        exe, _, rest = line.partition(" ")
    exe = re.split(r"[\\/]", exe)[-1]
    return f"{exe} {rest}".strip()


# Uses of those programs that change state rather than look around.
NOT_RECON = re.compile(r"(?i)( set | up |flush|/release|/renew|/registerdns| purge$|/delete)")


def looks_like_recon(line, windows):
    if NOT_RECON.search(line):
        return False
    prog = first_program(line)
    if windows:
        if prog in RECON_WINDOWS:
            return True
        if prog in ("powershell", "pwsh"):
            return bool(RECON_CMDLETS.search(line))
        return bool(RECON_WINDOWS_ARGS.match(strip_path(line)))
    return prog in RECON_LINUX or bool(RECON_LINUX_ARGS.match(line))


def number_twins(rows):
    """Rows whose command line equals another row's once every run of digits is replaced by `0`."""
    groups = {}
    for r in rows:
        groups.setdefault(re.sub(r"\d+", "0", r[0]), []).append(r[0])
    return [g for g in groups.values() if len(g) > 1]


def validate(name, rows, described):
    errors = []
    seen = set()
    for i, (line, tech, grouped, count, family) in enumerate(rows, start=2):
        where = f"{name} record {i}"
        if not line or line != line.strip():
            errors.append(f"{where}: empty or padded proctitle {line!r}")
        if re.search(r"[\x00-\x1f\x7f]", line):
            errors.append(f"{where}: control character (line break, tab, ...) in proctitle {line!r}")
        if line in seen:
            errors.append(f"{where}: duplicate proctitle {line!r}")
        seen.add(line)
        if tech != "Normal" or grouped != "Normal":
            errors.append(f"{where}: label is not Normal")
        if not isinstance(count, int) or count < 1:
            errors.append(f"{where}: count {count!r} is not an integer >= 1")
        if not re.fullmatch(r"[a-z0-9-]+", family):
            errors.append(f"{where}: family {family!r} is not a lower-case word")
        if family not in described:
            errors.append(f"{where}: family {family!r} has no description")
    families = {r[4] for r in rows}
    if len(rows) < MIN_ROWS:
        errors.append(f"{name}: {len(rows)} rows, fewer than {MIN_ROWS}")
    if len(families) < MIN_FAMILIES:
        errors.append(f"{name}: {len(families)} families, fewer than {MIN_FAMILIES}")
    twins = sum(len(g) - 1 for g in number_twins(rows))
    if twins > 0.05 * len(rows):
        errors.append(f"{name}: {twins} rows differ from another only by a number (more than 5 %)")
    return errors


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["proctitle", "technique", "technique_grouped", "count", "family"])
        w.writerows(rows)


def reread(path):
    """Parses a written file back with the csv module and returns its rows (checks the round trip)."""
    with open(path, encoding="utf-8", newline="") as f:
        data = f.read()
    assert not data.startswith("\ufeff") and "\r" not in data, f"{path}: BOM or CR"
    return list(csv.reader(data.splitlines(keepends=True)))[1:]


def table(name, rows, windows, described, here):
    per = {}
    for line, _, _, count, family in rows:
        r, o = per.get(family, (0, 0))
        per[family] = (r + 1, o + count)
    recon = [r for r in rows if looks_like_recon(r[0], windows)]
    total = sum(r[3] for r in rows)
    print(f"\n### {name}\n")
    print("| family | what | rows | occurrences |")
    print("|---|---|---:|---:|")
    for family, (r, o) in sorted(per.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print(f"| `{family}` | {described[family]} | {r} | {o:,} |")
    print(f"| **total** | **{len(per)} families** | **{len(rows):,}** | **{total:,}** |")
    print(f"\nrecon-looking rows: {len(recon)} of {len(rows)} ({100 * len(recon) / len(rows):.1f} %), "
          f"{sum(r[3] for r in recon):,} occurrences ({100 * sum(r[3] for r in recon) / total:.1f} %)")
    twins = number_twins(rows)
    print(f"rows differing from another row only by a number: {sum(len(g) - 1 for g in twins)} "
          f"({len(twins)} groups)")
    counts = sorted(r[3] for r in rows)
    print(f"count: min {counts[0]}, median {counts[len(counts) // 2]}, max {counts[-1]}; "
          f"rows with count <= 3: {sum(c <= 3 for c in counts)}; rows with count >= 50: {sum(c >= 50 for c in counts)}")
    # Lines this corpus shares with the labelled files beside it (a command that is benign here and
    # an attack step there): expected for short generic commands, listed so that they are visible.
    mine = {r[0] for r in rows}
    for other in sorted(os.listdir(here)):
        if other.endswith(".csv") and not other.startswith("benign-"):
            with open(os.path.join(here, other), encoding="utf-8", newline="") as f:
                shared = sorted({r["proctitle"] for r in csv.DictReader(f)
                                 if r["proctitle"] in mine and r.get("technique_grouped") != "Normal"})
            if shared:
                print(f"shared with attack rows of {other} ({len(shared)}): " + ", ".join(f"`{s}`" for s in shared))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    failed = False
    for name, entries, seed, windows, described in (
            ("benign-linux.csv", LINUX, SEED, False, LINUX_FAMILIES),
            ("benign-windows.csv", WINDOWS, SEED + 1, True, WINDOWS_FAMILIES)):
        rows = build(entries, seed)
        errors = validate(name, rows, described)
        if errors:
            print("\n".join(errors), file=sys.stderr)
            failed = True
            continue
        path = os.path.join(here, name)
        write(path, rows)
        back = reread(path)
        assert back == [[r[0], r[1], r[2], str(r[3]), r[4]] for r in rows], f"{name}: csv round trip differs"
        if "--table" in sys.argv:
            table(name, rows, windows, described, here)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
