"""What goes into the installed program, and what stays out (read by reopen-desktop.spec).

Kept apart from the spec so a test can check the rules without running PyInstaller. Every
rule here answers one of three questions: does the program need this at run time (a module
imported late by name, a data file a library opens), can it go to keep the install small, or
must it travel with the program (the licence texts of what the program carries)?
"""

from __future__ import annotations

import platform
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "reopen-desktop"
CLI_NAME = "reopen-desktop-cli"  # Windows only: the console twin for headless commands
DISPLAY_NAME = "复学防控桌面"  # i18n: the product's name, as in the version info and setup
ICON = ROOT / "resources" / "icon" / "reopen-desktop.ico"

# Imported by name at run time, which PyInstaller cannot see: the window's tabs
# ("ui.tabs.x.Class" in MainWindow.tab_classes); reportlab and pypinyin are loaded late
# to start quickly. Collecting the core whole costs nothing and misses nothing.
PACKAGES_IMPORTED_BY_NAME = ("ui", "reopen_desktop")
LIBRARY_DATA = ("reportlab", "pypinyin")

# Our own read-only files: compiled translations, the roster template, the icon, the disease
# catalogue (diseases.catalogue reads it at run time; catalogue.json, the same parsed, first),
# the norms (the immunisation schedule, the TB norm, the reporters' duty). The .ts sources,
# SOURCES.md and the scripts that make these stay behind.
RESOURCE_PATTERNS = ("i18n/*.qm", "templates/*.xlsx", "icon/*.png", "icon/*.ico",
                     "diseases/*.toml", "diseases/*.json", "norms/*.toml")

# Python modules nothing in the program imports; listing them keeps their Qt libraries,
# plugins and translations out as well.
UNUSED_QT = ("Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
             "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
             "QtDesigner", "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
             "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
             "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
             "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets",
             "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
             "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
             "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
             "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtXml")
PIL_UNUSED = ("_avif", "AvifImagePlugin", "_webp", "WebPImagePlugin", "_imagingcms", "ImageCms",
              "_imagingft", "ImageFont", "_imagingtk", "ImageTk", "ImageQt", "ImageShow",
              "ImageGrab", "_imagingmath", "ImageMath", "_imagingmorph", "ImageMorph")
EXCLUDED_MODULES = (*(f"PySide6.{m}" for m in UNUSED_QT),
                    "tkinter", "_tkinter", "unittest", "pydoc", "pydoc_data", "lib2to3",
                    "idlelib", "ensurepip", "venv", "distutils", "setuptools", "pip",
                    "pytest", "_pytest", "hypothesis", "IPython", "numpy",
                    # reportlab imports PIL.Image, but the program prints no pictures:
                    # the codecs and bindings with big libraries of their own stay out.
                    *(f"PIL.{m}" for m in PIL_UNUSED))

# Qt's own translations: only the Chinese one the window loads (qtbase_zh_CN, for the
# buttons of Qt's dialogs); English is Qt's source language and needs no file.
QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm",)
# Qt plugins, by folder: a folder not listed goes whole; a listed one keeps the files
# whose name matches its pattern (Windows: qwindows.dll; Linux: libqxcb.so).
QT_PLUGINS_KEPT = {
    "platforms": r"(lib)?q(windows|xcb|wayland-generic|wayland-egl|offscreen|minimal)\.",
    # Chinese input methods on Linux; not the on-screen keyboard, which needs QtQuick.
    "platforminputcontexts": r"(lib)?(ibus|fcitx|compose)",
    # Native file dialogs on Linux desktops through the portal; not the GTK theme, which
    # drags GTK's libraries along.
    "platformthemes": r"(lib)?qxdgdesktopportal",
    "styles": r".",  # Windows 10/11 look
    "imageformats": r"(lib)?q(ico|jpeg|gif)\.",
    "xcbglintegrations": r".",  # Linux (X11, and Wayland through XWayland)
}
# Qt libraries that a kept module links to but the program never reaches (PySide6 links
# every extension module to them on Linux; the plugins that wanted them are gone).
QT_LIBRARIES_DROPPED = re.compile(
    r"Qt6(Qml|Quick|Pdf|Svg|VirtualKeyboard|Network|OpenGL|EglFS|Lottie|Labs|ShaderTools"
    r"|Wayland|WlShell)"
    # Windows: the 20 MB software OpenGL the program, drawing no OpenGL, never loads.
    r"|^opengl32sw\.dll$",
    re.IGNORECASE)


def project_version() -> str:
    """The package version from pyproject.toml: the exe's version info and the setup's,
    read by the program's own reader (the About box and the bundle's manifest use it)."""
    sys.path.insert(0, str(ROOT))
    from reopen_desktop.datafile.paths import program_version

    return program_version()


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" (or "1.2.3rc1") as the four numbers a Windows version resource holds."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in version.split(".")[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


# The version resource's language: Chinese (PRC) strings in Unicode (code page 1200).
VERSION_LANGUAGE, VERSION_CODEPAGE = 0x0804, 1200


def version_strings(version: str) -> dict[str, str]:
    """What Windows shows in the program's file properties (and Inno Setup reads)."""
    return {"CompanyName": DISPLAY_NAME, "FileDescription": DISPLAY_NAME,
            "FileVersion": version, "InternalName": APP_NAME,
            "LegalCopyright": f"{DISPLAY_NAME} contributors",
            "OriginalFilename": f"{APP_NAME}.exe", "ProductName": DISPLAY_NAME,
            "ProductVersion": version}


def version_info_text(version: str) -> str:
    """A PyInstaller version file: Chinese (PRC, 0x0804) strings in Unicode (1200)."""
    numbers = version_numbers(version)
    strings = version_strings(version)
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('{VERSION_LANGUAGE:04X}{VERSION_CODEPAGE:04X}', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [{VERSION_LANGUAGE:#06x}, {VERSION_CODEPAGE}])])
  ]
)
"""


def resource_datas() -> list[tuple[str, str]]:
    """(file, folder in the bundle) for each of our resources: under ``resources/`` there,
    where ``paths.resource_dir()`` looks when the program is installed; and pyproject.toml
    at the top, where ``paths.program_version()`` reads the one version."""
    base = ROOT / "resources"
    return sorted([(str(ROOT / "pyproject.toml"), "."),
                   *((str(found), str(Path("resources") / found.parent.relative_to(base)))
                     for pattern in RESOURCE_PATTERNS for found in base.glob(pattern))])


# Licence texts travel with the program, in _internal/licenses/ (THIRD_PARTY_NOTICES.md says
# what each covers). A distribution's own texts come from its installed metadata.
LICENSES_FOLDER = "licenses"
NOTICES = ROOT / "installer" / "notices"
LICENSE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# sqlite-utils names pip as a dependency, but nothing imports it and EXCLUDED_MODULES keeps
# it out, so its licence has nothing to cover.
NOT_CARRIED = ("pip",)
# The PySide6 wheels carry no licence text; LGPL-3.0 asks that the LGPL and the GPL it
# builds on go with the program (from Debian's base-files, the FSF's texts unchanged).
QT_DISTRIBUTIONS = ("PySide6_Essentials", "shiboken6")
QT_LICENSE_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")


def runtime_distributions() -> list[metadata.Distribution]:
    """The installed distributions the program carries: pyproject's dependencies and theirs
    (markers read for this platform, extras left out), less NOT_CARRIED; sorted by name."""
    from packaging.requirements import Requirement

    with (ROOT / "pyproject.toml").open("rb") as file:
        todo = list(tomllib.load(file)["project"]["dependencies"])
    found: dict[str, metadata.Distribution] = {}
    while todo:
        requirement = Requirement(todo.pop())
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = _normalized(requirement.name)
        if key in found or key in NOT_CARRIED:
            continue
        found[key] = metadata.distribution(requirement.name)
        todo += found[key].requires or []
    return [found[key] for key in sorted(found)]


def license_datas() -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every licence text the program must carry: ours and
    the notices, each distribution's (``licenses/<name>-<version>/``), Qt's LGPL and GPL,
    Python's licence, and PyInstaller's (its bootloader starts the program)."""
    found = [(ROOT / name, LICENSES_FOLDER) for name in ("LICENSE", "THIRD_PARTY_NOTICES.md")]
    for distribution in runtime_distributions() + [metadata.distribution("pyinstaller")]:
        folder = Path(LICENSES_FOLDER, f"{distribution.name}-{distribution.version}")
        for file in _license_files(distribution):
            below = file.relative_to(_license_root(file)).parent
            found.append((file, folder / below))
        if distribution.name in QT_DISTRIBUTIONS:
            found += [(NOTICES / text, folder) for text in QT_LICENSE_TEXTS]
    found.append((python_license(), f"{LICENSES_FOLDER}/Python-{platform.python_version()}"))
    return sorted((str(file), str(Path(folder))) for file, folder in found)


def python_license() -> Path:
    """The licence of the Python that runs the build (on Windows it also covers the libraries
    its installer brings: OpenSSL, libffi, SQLite, ...)."""
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "LICENSE.txt", base / "lib" / version / "LICENSE.txt",
                      base / "share" / "doc" / version / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no LICENSE.txt for the Python in {base}")


def _license_files(distribution: metadata.Distribution) -> list[Path]:
    """The licence texts in a distribution's metadata folder (``licenses/`` or beside
    METADATA)."""
    files = []
    for entry in distribution.files or []:
        parts = Path(str(entry)).parts
        if not parts[0].endswith(".dist-info") or Path(str(entry)).name == "RECORD":
            continue
        if "licenses" in parts[1:-1] or LICENSE_FILE.match(parts[-1]):
            files.append(Path(str(distribution.locate_file(entry))).resolve())
    return files


def _license_root(file: Path) -> Path:
    """Where a licence file's own folder structure starts: the ``licenses`` folder of the
    metadata if it is in one, else the metadata folder."""
    for parent in file.parents:
        if parent.name == "licenses" and parent.parent.name.endswith(".dist-info"):
            return parent
        if parent.name.endswith(".dist-info"):
            return parent
    return file.parent


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def keep(destination: str) -> bool:
    """Whether a file PyInstaller collected stays in the bundle (by its path there)."""
    parts = Path(_posix(destination)).parts
    if "PySide6" not in parts:
        return True
    name = parts[-1]
    if "translations" in parts[:-1]:
        return name in QT_TRANSLATIONS_KEPT
    if "plugins" in parts[:-2]:
        folder = parts[parts.index("plugins") + 1]
        pattern = QT_PLUGINS_KEPT.get(folder)
        return pattern is not None and re.match(pattern, name) is not None
    return not QT_LIBRARIES_DROPPED.search(name)


Entry = tuple[str, str, str]  # (path in the bundle, source, kind) as PyInstaller lists them


def prune(binaries: list[Entry], datas: list[Entry], needs=None,
          drop_orphans: bool = False) -> tuple[list[Entry], ...]:
    """The collected binaries and data less what ``keep`` drops, less the links whose
    target went. ``needs(source)`` names the libraries a file links to; given it, a Qt
    library ``keep`` dropped comes back when something kept still links to it (a safety
    net for the Windows build, which cannot be tried here), and with ``drop_orphans``
    (Linux) the libraries nothing kept links to go.

    PyInstaller collects a plugin's libraries before ``keep`` drops the plugin (the GTK
    theme's cairo and pango, the EGL plugins' Qt libraries), and lists a top-level link to
    each library in a package folder among the data.
    """
    files = [b for b in binaries if b[2] != "SYMLINK" and keep(b[0])]
    if needs is not None:
        files += _still_needed(binaries, files, needs)
        if drop_orphans:
            orphans = unreachable_libraries({dest: src for dest, src, _kind in files}, needs)
            files = [b for b in files if b[0] not in orphans]
    data = [d for d in datas if d[2] != "SYMLINK" and keep(d[0])]
    kept = {_posix(dest) for dest, _src, _kind in files + data}

    def links(entries: list[Entry]) -> list[Entry]:
        return [e for e in entries if e[2] == "SYMLINK"
                and _posix(str(Path(e[0]).parent / e[1])) in kept]

    return files + links(binaries), data + links(datas)


def _still_needed(binaries: list[Entry], files: list[Entry], needs) -> list[Entry]:
    """Libraries dropped by name (not plugins or translations) that a kept file links to."""
    dropped = [b for b in binaries if b[2] != "SYMLINK" and b not in files
               and not {"plugins", "translations"} & set(Path(_posix(b[0])).parts)]
    back: list[Entry] = []
    todo = list(files)
    while todo:
        wanted = {name.lower() for _dest, src, _kind in todo for name in needs(src)}
        todo = [b for b in dropped if Path(_posix(b[0])).name.lower() in wanted
                and b not in back]
        back += todo
    return back


def unreachable_libraries(sources: dict[str, str], needs) -> set[str]:
    """Destinations no kept module reaches: start from the interpreter, the Python extension
    modules and the Qt plugins, and follow the library names each one links to."""
    by_name: dict[str, list[str]] = {}
    for destination in sources:
        by_name.setdefault(Path(destination).name, []).append(destination)
    todo = [d for d in sources if _is_root(d)]
    reached: set[str] = set()
    while todo:
        destination = todo.pop()
        if destination not in reached:
            reached.add(destination)
            todo += [d for name in needs(sources[destination]) for d in by_name.get(name, ())]
    return set(sources) - reached


def _is_root(destination: str) -> bool:
    parts = Path(_posix(destination)).parts
    return (not parts[-1].startswith("lib") or "plugins" in parts
            or parts[-1].startswith("libpython"))


def _posix(path: str) -> str:
    return Path(path.replace("\\", "/")).as_posix()
