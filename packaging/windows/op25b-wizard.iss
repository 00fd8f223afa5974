; Windows installer for op25b-wizard (Inno Setup 6.3 or newer).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\op25b-wizard.iss
;
; Packs dist\op25b-wizard\ (built by packaging\op25b-wizard.spec) into
; dist\op25b-wizard-<version>-windows-x64-setup.exe. Installs for the current user without
; administrator rights, or for everyone (/ALLUSERS, or the choice in the first dialog).
;
; Silent roll-out:  op25b-wizard-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS
; Company preset:   put op25b-preset.xml in the same folder as the setup .exe; it is installed
;                   beside op25b-wizard.exe and used without asking. To build it into the
;                   installer instead: iscc /DAppVersion=... /DPreset=C:\path\op25b-preset.xml ...

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z op25b-wizard.iss
#endif
#define AppName "op25b-wizard"
; the repository root, whatever folder iscc is started from
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{07233419-F323-4B79-A812-D98BBD616E66}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=op25b-wizard developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\app\op25b-wizard.ico
UninstallDisplayIcon={app}\{#AppName}.exe
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; files of an older version must not mix with the new ones
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\{#AppName}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef Preset
Source: "{#Preset}"; DestDir: "{app}"; DestName: "op25b-preset.xml"; Flags: ignoreversion
#else
Source: "{src}\op25b-preset.xml"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion
#endif

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
