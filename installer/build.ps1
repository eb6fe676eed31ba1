<#
.SYNOPSIS
  Build ATR Desktop on Windows: the one-folder bundle, the portable zip and the per-user
  installer. The Windows twin of installer/build.sh; both use installer\atr-desktop.spec.

.DESCRIPTION
  Needs Python 3.11 (python.org, per-user install is fine) and, for the installer,
  Inno Setup 6.3 or later (ISCC.exe). Run from any folder:
      powershell -ExecutionPolicy Bypass -File installer\build.ps1
  Writes:
      dist\atr-desktop\atr-desktop.exe       the app (windowed)
      dist\atr-desktop\atr-desktop-cli.exe   the command line (console)
      dist\atr-desktop-<version>-windows-portable.zip
      dist\atr-desktop-<version>-setup.exe
  With -CertThumbprint, signtool signs both programs, the setup and its uninstaller.

.PARAMETER CertThumbprint
  SHA-1 thumbprint of the code-signing certificate in the current user's store.
.PARAMETER TimestampUrl
  RFC 3161 timestamp server of the certificate's issuer (needs network at build time only).
.PARAMETER NoInstaller
  Build the bundle and the portable zip only (no Inno Setup needed).
#>
param(
    [string]$CertThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# 1. The build venv, with the exact versions in constraints.txt (PyInstaller included).
$Py = Join-Path $Root ".venv\Scripts\python.exe"
if (-not (Test-Path $Py)) {
    if (Get-Command py -ErrorAction SilentlyContinue) { Invoke-Checked "py" @("-3.11", "-m", "venv", ".venv") }
    else { Invoke-Checked "python" @("-m", "venv", ".venv") }
}
Invoke-Checked $Py @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "-q", "--disable-pip-version-check", "-c", "constraints.txt", "-e", ".[build]")
$Version = (& $Py -c "import atr_desktop; print(atr_desktop.__version__)").Trim()

# 2. The bundle, from the same spec as the Linux build.
$Timer = [Diagnostics.Stopwatch]::StartNew()
if (Test-Path "dist\atr-desktop") { Remove-Item -Recurse -Force "dist\atr-desktop" }
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\atr-desktop.spec")
$Timer.Stop()
$Bytes = (Get-ChildItem -Recurse -File "dist\atr-desktop" | Measure-Object -Sum Length).Sum
"Built dist\atr-desktop in {0:N0}s; the folder holds {1:N0} MB." -f $Timer.Elapsed.TotalSeconds, ($Bytes / 1MB)

# 3. A first look: the console twin prints the version, using no Python from this machine.
$Cli = "dist\atr-desktop\atr-desktop-cli.exe"
$Said = (& $Cli --version).Trim()
if ($Said -ne "ATR Desktop $Version") { throw "The bundle says '$Said', expected 'ATR Desktop $Version'" }

# 4. Sign the programs before they are zipped and packed (optional).
function Invoke-Sign([string[]]$Files) {
    $SignTool = (Get-Command signtool.exe -ErrorAction Stop).Source
    Invoke-Checked $SignTool (@("sign", "/sha1", $CertThumbprint, "/fd", "SHA256",
        "/tr", $TimestampUrl, "/td", "SHA256") + $Files)
}
if ($CertThumbprint) {
    Invoke-Sign @("dist\atr-desktop\atr-desktop.exe", $Cli)
}

# 5. The portable zip: the bundle plus installer\portable.txt beside the program.
Invoke-Checked $Py @("tools\make_portable.py", "dist\atr-desktop", "--platform", "windows")

# 6. The per-user installer.
if (-not $NoInstaller) {
    $Iscc = @(
        (Get-Command ISCC.exe -ErrorAction SilentlyContinue | ForEach-Object Source),
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it, or run with -NoInstaller." }
    $IsccArgs = @("/Q", "/DAppVersion=$Version")
    if ($CertThumbprint) {
        $SignTool = (Get-Command signtool.exe -ErrorAction Stop).Source
        $IsccArgs += @("/DSign",
            "/Satrsign=`"$SignTool`" sign /sha1 $CertThumbprint /fd SHA256 /tr $TimestampUrl /td SHA256 `$f")
    }
    Invoke-Checked $Iscc ($IsccArgs + @("installer\atr-desktop.iss"))
    "Wrote dist\atr-desktop-$Version-setup.exe"
}
