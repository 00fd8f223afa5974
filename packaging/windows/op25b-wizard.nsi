; Windows installer for op25b-wizard (NSIS 3; `makensis` on Windows or Linux).
;
;   makensis -DVERSION=0.1.0 packaging/windows/op25b-wizard.nsi
;
; Packs dist/op25b-wizard/ (built by packaging/op25b-wizard.spec) into
; dist/op25b-wizard-setup.exe, a 64-bit installer in English and Japanese (chosen by the user's
; Windows language). It installs for the current user, without administrator rights, into
; %LOCALAPPDATA%\Programs\op25b-wizard, adds a Start menu entry and an uninstaller (Settings >
; Apps). Options: -DDIST=folder and -DOUTFILE=file at build time; -DPRESET=file builds a company
; preset in.
;
; Silent roll-out:  op25b-wizard-setup.exe /S [/D=C:\path\to\folder]   (/D must come last)
; Silent removal:   "%LOCALAPPDATA%\Programs\op25b-wizard\uninstall.exe" /S
; Company preset:   put op25b-preset.xml in the same folder as the setup .exe; it is installed
;                   beside op25b-wizard.exe and used without asking.
; The uninstaller removes only what the installer put there: the backups of mail-client
; settings and the passwords in Windows Credential Manager belong to the user and stay.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=X.Y.Z op25b-wizard.nsi"
!endif
!define NAME "op25b-wizard"
; makensis works in this file's folder
!define ROOT "../.."
!ifndef DIST
  !define DIST "${ROOT}/dist/${NAME}"
!endif
!ifndef OUTFILE
  !define OUTFILE "${ROOT}/dist/${NAME}-setup.exe"
!endif
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${NAME}"

Name "${NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${NAME} setup"
VIAddVersionKey /LANG=0 "CompanyName" "op25b-wizard developers"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License, op25b-wizard developers"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ROOT}/resources/icons/app/${NAME}.ico"
!define MUI_UNICON "${ROOT}/resources/icons/app/${NAME}.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${NAME}.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; Japanese Windows gets Japanese.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"

Section "Install"
  SetOutPath "$INSTDIR"
  ; files of an older version must not mix with the new ones
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}/*"
!ifdef PRESET
  File "/oname=op25b-preset.xml" "${PRESET}"
!else
  IfFileExists "$EXEDIR\op25b-preset.xml" 0 +2
    CopyFiles /SILENT "$EXEDIR\op25b-preset.xml" "$INSTDIR\op25b-preset.xml"
!endif
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${NAME}.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "op25b-wizard developers"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${NAME}.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${NAME}.exe"
  Delete "$INSTDIR\${NAME}-cli.exe"
  Delete "$INSTDIR\op25b-preset.xml"
  Delete "$INSTDIR\uninstall.exe"
  ; the folder goes only when nothing else is left in it
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
