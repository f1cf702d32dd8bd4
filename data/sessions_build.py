"""Session assembly for make_sessions.py: per-session variables, how many sessions each family yields, mixing benign
and attacker sessions, and the atomic chains. Standard library only."""
import base64
import string

from sessions_core import (Corpus, Template, held_out, session_rng, timestamps, with_noise)

# How many sessions each kind of family yields (per platform). Chosen so that the Linux corpus lands near 5,000
# sessions and the Windows one near 500; families are the unit of the held-out split, sessions only repeat them.
PER_FAMILY = {
    "linux": {"handwritten": 12, "benign": 20, "mixed": 4, "atomic": 14},
    "windows": {"handwritten": 5, "benign": 5, "mixed": 2, "atomic": 5},
}

DOC_NETS = ["192.0.2", "198.51.100", "203.0.113"]   # RFC 5737 documentation ranges: no real host is named


def ext_ip(rng):
    return f"{rng.choice(DOC_NETS)}.{rng.randrange(2, 254)}"


def rand_word(rng, n, alphabet=string.ascii_lowercase + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


LINUX_HOSTS = ["web", "www", "app", "api", "db", "mysql", "pg", "redis", "cache", "mail", "ns", "vpn", "jump",
               "bastion", "build", "ci", "jenkins", "gitlab", "k8s-node", "worker", "monitor", "grafana", "backup",
               "nas", "dev", "staging", "prod-app", "edge", "proxy", "lb", "files", "srv", "node", "pi", "cam",
               "router", "iot-gw", "elastic", "kafka", "mongo"]
LINUX_ADMINS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
                "oscar", "peggy", "trent", "victor", "walter", "sam", "lena", "omar", "yuki", "raj", "ana"]
SERVICE_USERS = ["www-data", "nginx", "apache", "tomcat", "jenkins", "git", "postgres", "mysql", "redis",
                 "elastic", "nobody", "minecraft", "steam", "ftp", "node"]
BOT_USERS = ["root", "root", "root", "admin", "ubuntu", "pi", "test", "user", "oracle", "postgres", "support",
             "guest", "ftpuser", "deploy", "hadoop", "centos", "debian", "git", "ec2-user", "vagrant"]
BIN_NAMES = ["x", ".x", "a", "bot", "sshd", "kworker", "kthreadd", "dbus", ".ssh", "xmrig", "kdevtmpfsi",
             "kinsing", "systemd-net", ".ICE", "httpd", "cron.d", "apache2", "php-fpm", "xm", "tsm", "lib.so",
             "ld-linux", "mcp", "jk", "redtail", "b", "update", ".update", "nginx", "x86", "i686", "netd"]
ARCHES = ["x86_64", "x86", "i686", "arm", "arm5", "arm6", "arm7", "aarch64", "mips", "mipsel", "ppc", "sh4", "m68k"]
STAGE_DIRS = ["/tmp", "/dev/shm", "/var/tmp", "/tmp/.X11-unix", "/run/shm", "/var/run", "/tmp/.font-unix",
              "/dev/shm/.x", "/var/tmp/.cache", "/tmp/.ICE-unix", "/usr/local/share/.s", "/opt/.t"]
HIDDEN = [".cache", ".config", ".local", "...", ".x", ".ssh-agent", ".fonts", ".dbus", ".systemd", ".bash"]
PORTS = ["4444", "443", "8080", "1337", "9001", "8443", "53", "6667", "31337", "2222", "80", "5555", "7777", "9999"]
POOL_PORTS = ["3333", "4444", "5555", "14444", "443", "8080", "10128", "7777", "80"]
DOMAINS = ["cdn-update", "pkg-mirror", "static-cache", "img-host", "dl-files", "upd-srv", "sys-metrics",
           "api-telemetry", "cloud-sync", "secure-login", "os-patches", "node-stats", "fastdl", "pastebin-like",
           "xmr-pool", "minepool", "support-desk", "windowsupdate-cdn", "office-docs"]
PASSWORDS = ["P@ssw0rd", "Summer2026!", "admin123", "qwerty123", "Welcome1", "changeme", "toor", "1qaz2wsx",
             "Passw0rd!", "letmein", "Zxcvbnm1", "Root@123", "S3rv1ce!", "hunter2"]
BACKDOOR_USERS = ["sysadm", "support", "backup1", "admin2", "mysqld", "syslogd", "sshd2", "ftpd", "daemon1",
                  "oracle2", "test1", "nagios", "zabbix2", "ansible1", "www"]
SCRIPTS = ["x.sh", "i.sh", "init.sh", "setup.sh", "run.sh", "up.sh", "ldr.sh", "bins.sh", "update.sh", "s.sh",
           "install.sh", "c.sh", "mi.sh", "get.sh", "load.sh"]
DOCS = ["backup", "dump", "db", "users", "export", "site", "www", "data", "customers", "secrets", "conf", "home"]
DBS = ["wordpress", "shop", "crm", "app_prod", "billing", "users", "magento", "nextcloud", "gitea", "erp"]
PROJECTS = ["webapp", "api", "billing-service", "frontend", "infra", "scripts", "analytics", "auth", "shop",
            "docs", "mobile-backend", "etl", "platform", "payments", "search"]
WIN_HOSTS = ["WS", "DESKTOP", "LAPTOP", "SRV", "DC", "FS", "SQL", "EXCH", "RDS", "WEB", "APP", "HV", "BKP", "PRINT"]
WIN_USERS = ["jsmith", "mlopez", "akhan", "tnguyen", "rpatel", "lchen", "dmuller", "sjohnson", "kwilliams",
             "bgarcia", "admin", "Administrator", "svc_backup", "svc_sql", "helpdesk", "it.admin"]
WIN_DOMAINS = ["CORP", "ACME", "CONTOSO", "FABRIKAM", "EXAMPLE", "NORTHWIND", "LAB"]


def ssh_key(rng):
    blob = bytes(rng.randrange(256) for _ in range(48))
    return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + base64.b64encode(blob).decode() + " " + rng.choice(
        ["root@kali", "x@x", "user@localhost", "admin@vps", "key", "deploy@build"])


def wallet(rng):
    return "4" + rand_word(rng, 94, string.ascii_letters + string.digits)


def linux_vars(rng, kind):
    """The per-session values a Linux template's {placeholders} take."""
    v = {}
    if kind == "bot":
        v["user"] = rng.choice(BOT_USERS)
    elif kind in ("admin", "dev", "human"):
        v["user"] = rng.choice(LINUX_ADMINS + ["root", "ubuntu", "ec2-user"])
    elif kind == "ci":
        v["user"] = rng.choice(["jenkins", "gitlab-runner", "runner", "ci", "buildbot", "github"])
    else:   # web: a shell under the account of the service that was broken into
        v["user"] = rng.choice(SERVICE_USERS)
    v["home"] = "/root" if v["user"] == "root" else f"/home/{v['user']}"
    v["host"] = f"{rng.choice(LINUX_HOSTS)}{rng.choice(['', '-01', '-02', '-1', '-prod', '-3', '01', '-eu1', '-dev'])}"
    if rng.random() < 0.15:
        v["host"] = f"ip-10-{rng.randrange(0, 255)}-{rng.randrange(0, 255)}-{rng.randrange(2, 255)}"
    v["svcuser"] = rng.choice(SERVICE_USERS)
    v["c2"], v["c2b"], v["c2c"] = ext_ip(rng), ext_ip(rng), ext_ip(rng)
    v["port"], v["port2"] = rng.choice(PORTS), rng.choice(PORTS)
    v["poolport"] = rng.choice(POOL_PORTS)
    v["dom"] = f"{rng.choice(DOMAINS)}.example"
    v["dom2"] = f"{rng.choice(DOMAINS)}{rng.randrange(1, 99)}.example"
    v["bin"] = rng.choice(BIN_NAMES)
    v["bin2"] = rng.choice(BIN_NAMES)
    v["arch"] = rng.choice(ARCHES)
    v["dir"] = rng.choice(STAGE_DIRS)
    v["hid"] = rng.choice(HIDDEN)
    v["newuser"] = rng.choice(BACKDOOR_USERS)
    v["pw"] = rng.choice(PASSWORDS)
    v["pw2"] = rng.choice(PASSWORDS)
    v["key"] = ssh_key(rng)
    a, b = rng.randrange(0, 255), rng.randrange(0, 255)
    net = rng.choice([f"10.{a}.{b}", f"172.{rng.randrange(16, 32)}.{b}", f"192.168.{b}"])
    v["net"] = f"{net}.0/24"
    v["lan"], v["lan2"], v["lan3"] = (f"{net}.{rng.randrange(2, 254)}" for _ in range(3))
    v["gw"] = f"{net}.1"
    v["sub"] = net
    v["wallet"] = wallet(rng)
    v["pool"] = f"{rng.choice(['pool', 'xmr', 'mine', 'stratum', 'p2'])}.{rng.choice(DOMAINS)}.example"
    v["script"] = rng.choice(SCRIPTS)
    v["doc"] = rng.choice(DOCS)
    v["db"] = rng.choice(DBS)
    v["dbuser"] = rng.choice(["root", "admin", "app", "wp", "dbadmin", "shop"])
    v["web"] = rng.choice(["/var/www/html", "/var/www", "/srv/www", "/usr/share/nginx/html", "/opt/app/public"])
    v["r"] = rand_word(rng, 6)
    v["r2"] = rand_word(rng, 8)
    v["n"] = str(rng.randrange(2, 64))
    v["pid"] = str(rng.randrange(300, 65000))
    v["project"] = rng.choice(PROJECTS)
    v["ver"] = f"{rng.randrange(1, 5)}.{rng.randrange(0, 30)}.{rng.randrange(0, 12)}"
    v["date"] = f"2026{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    v["svc"] = rng.choice(["nginx", "apache2", "mysql", "postgresql", "redis-server", "docker", "sshd", "php8.2-fpm",
                           "cron", "rsyslog", "haproxy", "tomcat9", "elasticsearch", "grafana-server"])
    v["iface"] = rng.choice(["eth0", "ens3", "ens5", "enp0s3", "eth1", "wlan0"])
    v["branch"] = rng.choice(["main", "master", "develop", "release/" + v["ver"], "feature/login", "fix/timeout"])
    return v


def windows_vars(rng, kind):
    v = {}
    v["dom"] = rng.choice(WIN_DOMAINS)
    v["user"] = "DefaultAppPool" if kind == "web" else rng.choice(WIN_USERS)
    v["host"] = f"{rng.choice(WIN_HOSTS)}-{rand_word(rng, 5, string.ascii_uppercase + string.digits)}"
    v["dc"] = f"DC{rng.randrange(1, 4):02d}"
    v["target"] = f"{rng.choice(WIN_HOSTS)}-{rand_word(rng, 4, string.ascii_uppercase + string.digits)}"
    v["c2"], v["c2b"] = ext_ip(rng), ext_ip(rng)
    v["port"] = rng.choice(PORTS)
    v["domain"] = f"{rng.choice(DOMAINS)}.example"
    v["ad"] = v["dom"].lower() + ".local"
    v["lan"], v["lan2"] = f"10.{rng.randrange(0, 255)}.{rng.randrange(0, 255)}.{rng.randrange(2, 254)}", \
        f"10.{rng.randrange(0, 255)}.{rng.randrange(0, 255)}.{rng.randrange(2, 254)}"
    v["exe"] = rng.choice(["svchost.exe", "update.exe", "rundll.exe", "msupd.exe", "a.exe", "tool.exe", "agent.exe",
                           "OneDriveUpdate.exe", "chrome_update.exe", "winlogin.exe"])
    v["dll"] = rng.choice(["payload.dll", "msvcp.dll", "update.dll", "x.dll", "version.dll"])
    v["ps1"] = rng.choice(["a.ps1", "inv.ps1", "run.ps1", "update.ps1", "s.ps1", "p.ps1"])
    v["stage"] = rng.choice([r"C:\Users\Public", r"C:\ProgramData", r"C:\Windows\Temp", r"C:\PerfLogs",
                             r"C:\Users\Public\Music", r"C:\ProgramData\Microsoft\Crypto"])
    v["newuser"] = rng.choice(["support", "helpdesk2", "svc_update", "backup_admin", "sqlsvc", "itadmin"])
    v["pw"] = rng.choice(PASSWORDS)
    v["share"] = rng.choice(["Finance", "HR", "Projects", "Shared", "Public", "Scans", "Backup"])
    v["task"] = rng.choice(["GoogleUpdateTaskMachine", "OneDrive Sync", "MicrosoftEdgeUpdate", "SystemCheck",
                            "WinDefendUpdate", "AdobeUpdater"])
    v["svc"] = rng.choice(["WinDefendSvc", "UpdateOrchestrator2", "MSUpdate", "SysHelper", "PrintSvc2"])
    v["r"] = rand_word(rng, 6)
    v["n"] = str(rng.randrange(2, 64))
    v["project"] = rng.choice(PROJECTS)
    v["ver"] = f"{rng.randrange(1, 5)}.{rng.randrange(0, 30)}.{rng.randrange(0, 12)}"
    return v


def build(platform):
    import sessions_atomic
    import sessions_benign
    if platform == "linux":
        import sessions_linux as attacks
        make_vars = linux_vars
    else:
        import sessions_windows as attacks
        make_vars = windows_vars
    per = PER_FAMILY[platform]
    attack_templates = [Template(f, "handwritten", kind, text, platform) for f, kind, text in attacks.FAMILIES]
    benign_templates = [Template(f, "benign", kind, text, platform)
                        for f, kind, text in sessions_benign.FAMILIES[platform]]
    check_unique([t.family for t in attack_templates + benign_templates])
    atomic_names = sessions_atomic.family_names(platform)
    # Held out per source: attacker templates (their mixed sessions follow them), benign templates, atomic chains.
    split = {**held_out(t.family for t in attack_templates), **held_out(t.family for t in benign_templates),
             **held_out(atomic_names)}
    corpus = Corpus("lin" if platform == "linux" else "win")

    def emit(template, number):
        rng = session_rng(platform, template.family, number)
        v = make_vars(rng, template.kind)
        commands = with_noise(rng, template.expand(rng, v), template.kind, v["user"])
        corpus.add(template.family, template.source, v["host"], v["user"], commands,
                   timestamps(rng, len(commands), template.kind), split[template.family])

    for template in attack_templates:
        for number in range(per["handwritten"]):
            emit(template, number)
    for template in benign_templates:
        for number in range(per["benign"]):
            emit(template, number)
    # Mixed: the attacker template's family and split; the benign host activity comes from a benign family of the
    # same split, so no template crosses the split.
    benign_by_split = {side: [t for t in benign_templates if split[t.family] == side] for side in ("train", "test")}
    for template in attack_templates:
        pool = benign_by_split[split[template.family]] or benign_templates
        for number in range(per["mixed"]):
            rng = session_rng(platform, "mixed", template.family, number)
            host_template = rng.choice(pool)
            v = make_vars(rng, host_template.kind)
            attack_vars = make_vars(rng, template.kind)
            for keep in ("host", "user", "home", "dom", "ad"):
                if keep in v:
                    attack_vars[keep] = v[keep]
            benign = with_noise(rng, host_template.expand(rng, v), host_template.kind, v["user"])
            attack = with_noise(rng, template.expand(rng, attack_vars), "human", v["user"])
            at = rng.randrange(1, len(benign) + 1) if benign else 0
            tail = rng.randrange(0, 3)   # the account's owner sometimes keeps working after the intrusion
            commands = benign[:at] + attack + benign[at:at + tail]
            times = timestamps(rng, len(commands), "human")
            corpus.add(template.family, "mixed", v["host"], v["user"], commands, times, split[template.family],
                       host_template.family)
    for family, kind, chain in sessions_atomic.families(platform, split):
        for number in range(per["atomic"]):
            rng = session_rng(platform, family, number)
            v = make_vars(rng, kind)
            commands = chain(rng, v)
            corpus.add(family, "atomic", v["host"], v["user"], commands, timestamps(rng, len(commands), kind),
                       split[family])
    return corpus


def check_unique(names):
    seen = set()
    for n in names:
        if n in seen:
            raise ValueError(f"family {n} is defined twice")
        seen.add(n)
