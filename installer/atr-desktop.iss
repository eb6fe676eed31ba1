; Inno Setup 6 script for ATR Desktop: a per-user install that needs no admin rights.
;
; Built by installer\build.ps1 after the PyInstaller bundle (installer\atr-desktop.spec):
;   ISCC.exe /DAppVersion=<atr_desktop.__version__> installer\atr-desktop.iss
; What it does, for an IT team reading it:
;   - installs into the user's own programs folder, %LOCALAPPDATA%\Programs\ATR Desktop
;     ({userpf}), and adds a Start-menu shortcut for that user only;
;   - writes only its uninstall entry, in the user's own hive (HKCU); no services, no
;     drivers, no PATH changes, no file associations, no network;
;   - upgrades in place (same AppId) and keeps the user's data, which the app keeps in
;     %LOCALAPPDATA%\ATR Desktop, outside the program folder; the uninstaller removes the
;     program and leaves that data alone.
; tests/test_installer.py keeps this file in step with the spec and build.ps1.

#ifndef AppVersion
  #error Pass /DAppVersion=x.y.z: installer\build.ps1 reads it from atr_desktop\__init__.py
#endif
#define AppName "ATR Desktop"
#define AppExeName "atr-desktop.exe"
#define BundleDir "..\dist\atr-desktop"
#define DataDir "{localappdata}\ATR Desktop"

[Setup]
; The AppId never changes: it is how an upgrade finds the installed copy.
AppId={{7D01030B-D1DF-461A-BDFB-BF84D6C24068}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=West Yorkshire ATR Programme
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user, no elevation prompt, and no dialog offering an all-users install.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DisableDirPage=auto
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=atr-desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\atr-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; An upgrade asks a running ATR Desktop to close first (Restart Manager).
CloseApplications=yes
RestartApplications=no
ChangesAssociations=no
ChangesEnvironment=no
#ifdef Sign
; build.ps1 -CertThumbprint passes /DSign and /Satrsign=... so setup and uninstaller are signed.
SignTool=atrsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Put a shortcut on my desktop"; GroupDescription: "Shortcuts:"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous version's program files (never the data in {#DataDir}).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole bundle. An installed copy is never portable, so the marker (and any data a
; portable copy made in the build folder) stay out.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\data"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "Governance administration for the ATR Programme"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "Open {#AppName} now"; Flags: nowait postinstall skipifsilent

[Code]
// Say plainly, after uninstalling, that the user's data is still there and where.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) then
    MsgBox('ATR Desktop has been removed. Your database, backups and logs are kept in '
      + ExpandConstant('{#DataDir}') + '. Delete that folder yourself only if you are '
      + 'sure you no longer need them.', mbInformation, MB_OK);
end;
