; 复学防控桌面: the Windows setup program (Inno Setup 6.3 or later).
;
; First build the program on Windows:   uv run python installer\build.py
; then compile this script:             iscc installer\reopen-desktop.iss
;                                 or:   uv run python installer\compile_setup.py
; The setup lands in dist\reopen-desktop-setup-<version>.exe. See installer\README.md.
; compile_setup.py also compiles it under wine (Linux), with Inno Setup 6.4.1 from npm.
;
; Choices, and why:
; - Per-user install (PrivilegesRequired=lowest): a school office PC is often run from an
;   account without administrator rights and no IT person at hand. Nothing here needs
;   admin rights: the program goes to %LOCALAPPDATA%\Programs\reopen-desktop, the
;   shortcuts to the user's Start menu and desktop. The data lives in the same user's data
;   folder (%LOCALAPPDATA%\reopen-desktop, see reopen_desktop/datafile/paths.py), so program and
;   data belong to the same person. An IT person may still install for all users with
;   /ALLUSERS on the command line (each user then keeps their own data folder).
; - The uninstaller removes only what setup installed. The data folder (the school's data
;   file and its automatic backups) is never touched, and the uninstall question says so.
; - 64-bit only (x64compatible): the PyInstaller build is 64-bit Python and Qt 6.
; - Chinese first: a Chinese Windows gets Chinese pages, others English, without a
;   language question (ShowLanguageDialog=auto).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible, UTF-8 script without BOM).
#endif

#define AppName "复学防控桌面"
#define AppExeName "reopen-desktop.exe"
#define CliExeName "reopen-desktop-cli.exe"
; The program folder PyInstaller made; /DBuildDir=... compiles another one (compile_setup.py
; --stand-in passes a stand-in's).
#ifndef BuildDir
  #define BuildDir AddBackslash(SourcePath) + "..\dist\reopen-desktop"
#endif
#define AppExe BuildDir + "\" + AppExeName

#ifnexist AppExe
  #error The program is not built yet: run "uv run python installer\build.py" first.
#endif

; The version comes from the package (pyproject.toml), through the version resource that
; build.py writes into reopen-desktop.exe; /DAppVersion=... on the command line overrides.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error reopen-desktop.exe carries no version: build it with build.py, or pass /DAppVersion=...
#endif
#define NumericVersion GetVersionNumbersString(AppExe)

; The Chinese Simplified messages. Inno Setup 6.5 and later install the translators'
; ChineseSimplified.isl in Languages\. Before 6.5 it was an unofficial translation that did
; not come with the compiler, so with a 6.3 or 6.4 compiler setup uses our own translation
; of that version's messages, languages\ChineseSimplified-6.4.isl (see installer\README.md).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif VER < EncodeVer(6, 5, 0)
  #define ChineseMessages AddBackslash(SourcePath) + "languages\ChineseSimplified-6.4.isl"
#else
  #error Languages\ChineseSimplified.isl is missing from this Inno Setup: reinstall it.
#endif

; Signing is optional: /DSignTool=<name> names a sign tool given with /S<name>=<command>
; (see installer\README.md); setup, uninstaller and the two programs are then signed.
; Without it the setup is built unsigned.
#ifdef SignTool
  #define SignFlag "signonce"
#else
  #define SignFlag ""
#endif

[Setup]
AppId={{5C9FD00E-7FA7-48B4-BB41-42E4FB6F5A42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
DefaultDirName={autopf}\reopen-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=reopen-desktop-setup-{#AppVersion}
SetupIconFile=..\resources\icon\reopen-desktop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
chinesesimplified.ConfirmUninstall=确定要卸载 %1 吗?%n%n学校的数据文件和自动备份不会被删除:它们保存在您的用户数据文件夹(AppData\Local\reopen-desktop)中,重新安装后可以继续使用。
english.ConfirmUninstall=Are you sure you want to remove %1?%n%nThe school's data file and its automatic backups are kept: they stay in your user data folder (AppData\Local\reopen-desktop) and are used again after a reinstall.
chinesesimplified.UninstalledAll=%1 已从您的计算机中移除。%n%n学校的数据仍保存在 AppData\Local\reopen-desktop 文件夹中。
english.UninstalledAll=%1 was removed from your computer.%n%nThe school's data is still in the folder AppData\Local\reopen-desktop.

[CustomMessages]
chinesesimplified.DemoShortcut=%1(示例学校)
english.DemoShortcut=%1 (demo school)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole bundle, so no library of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; Excludes: "\{#AppExeName},\{#CliExeName}"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The two programs on their own lines, so a signed build signs them (the console twin exists
; only in a Windows build).
Source: "{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "{#BuildDir}\{#CliExeName}"; DestDir: "{app}"; Flags: ignoreversion skipifsourcedoesntexist {#SignFlag}
; Our licence and the third-party notices beside the program; the full licence texts are in
; _internal\licenses (installer/recipe.py puts them in the bundle).
Source: "..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\THIRD_PARTY_NOTICES.md"; DestDir: "{app}"; DestName: "THIRD_PARTY_NOTICES.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{group}\{cm:DemoShortcut,{#AppName}}"; Filename: "{app}\{#AppExeName}"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: the user's data folder must survive an uninstall.
