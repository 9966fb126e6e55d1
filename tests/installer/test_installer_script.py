"""The Inno Setup script and the bundle's recipe, read as text and rules (no build, no Windows)."""

import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import recipe  # noqa: E402

ISS = ROOT / "installer" / "reopen-desktop.iss"


def sections() -> dict[str, list[str]]:
    """Each [Section] of the script with its lines (comments, blanks and preprocessor lines
    left out)."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            found.setdefault(current, [])
        elif current:
            found[current].append(line)
    return found


def setup_keys() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def test_the_setup_script_has_every_section_a_windows_install_needs():
    assert {"Setup", "Languages", "Messages", "CustomMessages", "Tasks", "InstallDelete",
            "Files", "Icons", "Run"} <= set(sections())


def test_setup_installs_the_64_bit_program_for_the_current_user_without_admin_rights():
    keys = setup_keys()
    assert keys["PrivilegesRequired"] == "lowest"
    assert keys["ArchitecturesAllowed"] == "x64compatible"
    assert keys["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert keys["DefaultDirName"].startswith("{autopf}")
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", keys["AppId"])
    for key in ("AppName", "AppVersion", "SetupIconFile", "UninstallDisplayIcon",
                "OutputBaseFilename", "VersionInfoVersion", "MinVersion"):
        assert keys[key], key


def test_the_version_comes_from_the_built_program_which_carries_the_package_version():
    text = ISS.read_text(encoding="utf-8-sig")
    assert 'GetStringFileInfo(AppExe, "ProductVersion")' in text
    assert setup_keys()["AppVersion"] == "{#AppVersion}"
    version = recipe.project_version()
    info = recipe.version_info_text(version)
    assert f"StringStruct('ProductVersion', '{version}')" in info
    assert f"filevers={recipe.version_numbers(version)}" in info


def test_setup_speaks_chinese_first_and_english_and_finds_the_chinese_messages_file():
    languages = sections()["Languages"]
    assert languages[0].startswith('Name: "chinesesimplified"')
    assert any('"english"' in line and "compiler:Default.isl" in line for line in languages)
    text = ISS.read_text(encoding="utf-8-sig")
    assert "ChineseSimplified.isl" in text and "#error" in text


def test_start_menu_and_desktop_shortcuts_start_the_program_and_the_demo_school():
    icons = sections()["Icons"]
    assert any(line.startswith('Name: "{group}\\{#AppName}"') for line in icons)
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    assert any('Parameters: "--demo"' in line for line in icons)
    assert any("{uninstallexe}" in line for line in icons)
    assert any(line.startswith('Name: "desktopicon"') for line in sections()["Tasks"])


def test_uninstalling_keeps_the_users_data_folder_and_says_so_in_both_languages():
    assert "UninstallDelete" not in sections()
    messages = "\n".join(sections()["Messages"])
    for language in ("chinesesimplified", "english"):
        confirm = re.search(rf"^{language}\.ConfirmUninstall=(.*)$", messages, re.MULTILINE)
        assert confirm and r"AppData\Local\reopen-desktop" in confirm.group(1)
    assert "不会被删除" in messages
    # Setup's own folder and the data folder are different places.
    assert setup_keys()["DefaultDirName"] == "{autopf}\\reopen-desktop"


def test_the_bundle_keeps_chinese_qt_messages_and_drops_other_languages_and_unused_qt():
    assert recipe.keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not recipe.keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not recipe.keep("PySide6/translations/qtwebengine_zh_CN.qm")
    assert recipe.keep("PySide6/plugins/platforms/qwindows.dll")
    assert recipe.keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert recipe.keep("PySide6/plugins/styles/qmodernwindowsstyle.dll")
    assert not recipe.keep("PySide6/plugins/imageformats/qsvg.dll")
    assert not recipe.keep("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll")
    assert not recipe.keep("PySide6/Qt6Quick.dll")
    assert not recipe.keep("PySide6/Qt/lib/libQt6Network.so.6")
    assert recipe.keep("PySide6/Qt6Widgets.dll")
    assert not recipe.keep("PySide6/opengl32sw.dll")
    assert recipe.keep("cryptography/hazmat/bindings/_rust.pyd")
    assert "PySide6.QtWebEngineCore" in recipe.EXCLUDED_MODULES


def test_libraries_only_a_dropped_plugin_wanted_go_and_their_links_with_them():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
             ("resources/i18n/reopen_desktop_en.qm", "/src/en.qm", "DATA")]
    links = {"/src/QtGui.abi3.so": {"libQt6Gui.so.6"}, "/src/libqgtk3.so": {"libgtk-3.so.0"}}
    kept_binaries, kept_datas = recipe.prune(binaries, datas, lambda src: links.get(src, set()),
                                             drop_orphans=True)
    names = [dest for dest, _src, _kind in kept_binaries + kept_datas]
    assert "libgtk-3.so.0" not in names
    assert "libQt6Svg.so.6" not in names
    assert {"PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6", "libpython3.11.so.1.0",
            "resources/i18n/reopen_desktop_en.qm"} <= set(names)


def test_the_bundle_carries_our_translations_template_and_icon_but_not_their_sources():
    bundled = {Path(src).name: dest for src, dest in recipe.resource_datas()}
    assert bundled["roster_template.xlsx"] == str(Path("resources/templates"))
    assert bundled["reopen-desktop.png"] == str(Path("resources/icon"))
    assert bundled["catalogue.toml"] == str(Path("resources/diseases"))  # read at run time
    assert bundled["catalogue.json"] == str(Path("resources/diseases"))  # read first, quicker
    assert "SOURCES.md" not in bundled and "unconfirmed_report.py" not in bundled
    assert any(name.endswith(".qm") for name in bundled)
    assert not any(name.endswith((".ts", ".py")) for name in bundled)


def test_a_qt_library_dropped_by_name_comes_back_when_a_kept_module_links_to_it():
    binaries = [("PySide6/QtGui.pyd", "/src/QtGui.pyd", "EXTENSION"),
                ("PySide6/Qt6Network.dll", "/src/Qt6Network.dll", "BINARY"),
                ("PySide6/Qt6Quick.dll", "/src/Qt6Quick.dll", "BINARY")]
    links = {"/src/QtGui.pyd": {"QT6NETWORK.dll"}}
    kept, _datas = recipe.prune(binaries, [], lambda src: links.get(src, set()))
    names = [dest for dest, _src, _kind in kept]
    assert "PySide6/Qt6Network.dll" in names
    assert "PySide6/Qt6Quick.dll" not in names


def test_the_icon_holds_every_size_windows_asks_for_from_16_to_256_pixels():
    data = (ROOT / "resources" / "icon" / "reopen-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_setup_and_uninstaller_are_signed_only_when_a_sign_tool_is_named():
    text = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r"^#ifdef SignTool\nSignTool=\{#SignTool\}\nSignedUninstaller=yes\n#endif$",
                     text, re.MULTILINE)
    assert re.search(r'#ifdef SignTool\n\s+#define SignFlag "signonce"\n#else\n'
                     r'\s+#define SignFlag ""\n#endif', text)
    programs = [line for line in sections()["Files"] if "{#SignFlag}" in line]
    assert {'"{#AppExe}"', '"{#BuildDir}\\{#CliExeName}"'} == {
        line.split(";")[0].removeprefix("Source: ") for line in programs}
