"""The setup program compiled for real by Inno Setup around a stand-in program, then (under
wine, in a throwaway Windows of its own) installed, uninstalled and signed.

Slow: about 60 s, a third of it wine making a fresh Windows prefix. Skipped when the
compiler or wine is missing; to get them (Debian):

    dpkg --add-architecture i386 && apt-get update
    apt-get install wine wine32:i386 xvfb osslsigncode locales
    uv run python installer/compile_setup.py --install-compiler

Installing runs only under wine, never on a real Windows. It installs for all users
(/ALLUSERS): wine 8 cannot give a program the per-user programs folder (its shell32 leaves
FOLDERID_UserProgramFiles unimplemented, so setup stops with 'Failed to expand shell folder
constant "autopf"'); on Windows the default per-user install goes to
%LOCALAPPDATA%\\Programs\\reopen-desktop, beside, not inside, the data folder.
"""

import datetime
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "installer"))

import compile_setup  # noqa: E402
import recipe  # noqa: E402
import stand_in  # noqa: E402

pytestmark = pytest.mark.slow
INSTALLED = r"C:\Program Files\reopen-desktop"
START_MENU = r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs\复学防控桌面"
SETTINGS_KEY = r"HKCU\Software\reopen-desktop"


@pytest.fixture(scope="module")
def iscc() -> Path:
    found = compile_setup.find_compiler()
    if found is None:
        pytest.skip("no Inno Setup compiler (installer/compile_setup.py --install-compiler)")
    if sys.platform != "win32" and shutil.which("wine") is None:
        pytest.skip("wine is needed to run Inno Setup off Windows")
    return found


@pytest.fixture(scope="module")
def compiled(iscc, tmp_path_factory) -> compile_setup.Compiled:
    folder = tmp_path_factory.mktemp("setup")
    program = stand_in.make_stand_in(folder / "program" / recipe.APP_NAME)
    return compile_setup.compile_setup(iscc, build_dir=program, output_dir=folder / "out")


def test_the_script_compiles_without_warnings_around_a_program_carrying_the_version(compiled):
    assert compiled.compiler_version >= compile_setup.OLDEST
    assert compiled.warnings == []
    assert compiled.setup.name == f"reopen-desktop-setup-{recipe.project_version()}.exe"
    assert compiled.setup.read_bytes()[:2] == b"MZ"


def test_a_version_given_on_the_command_line_names_the_setup(iscc, tmp_path):
    program = stand_in.make_stand_in(tmp_path / recipe.APP_NAME)
    made = compile_setup.compile_setup(iscc, build_dir=program, output_dir=tmp_path / "out",
                                       defines={"AppVersion": "9.8.7"})
    assert made.setup.name == "reopen-desktop-setup-9.8.7.exe"


def test_a_compiler_without_chinese_messages_is_refused_unless_ours_match_it(iscc, monkeypatch):
    compile_setup.check_compiler(iscc, (6, 4, 1))
    monkeypatch.setattr(compile_setup, "OUR_CHINESE", ROOT / "no-such.isl")
    with pytest.raises(compile_setup.Refused, match="no Chinese messages"):
        compile_setup.check_compiler(iscc, (6, 4, 1))
    compile_setup.check_compiler(iscc, (6, 5, 0))
    with pytest.raises(compile_setup.Refused, match="too old"):
        compile_setup.check_compiler(iscc, (6, 2, 2))


# --- under wine -----------------------------------------------------------------------------

@dataclass
class Windows:
    """A throwaway wine prefix, with a virtual screen for setup's (hidden) windows. Wine takes
    the Windows language from the locale and its file names' encoding too: English in
    C.UTF-8 unless ``locale`` says otherwise."""
    prefix: Path
    chinese: dict[str, str]

    def run(self, *command: str, locale: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
        """Runs a Windows command and waits for every program it started (the uninstaller
        copies itself to a temporary folder and goes on from there)."""
        env = {**compile_setup.windows_environment(self.prefix), "WINEPREFIX": str(self.prefix),
               **(locale or {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})}
        script = 'wine "$@"; status=$?; wineserver -w; exit $status'
        screen = ["xvfb-run", "-a"] if shutil.which("xvfb-run") else []
        return subprocess.run([*screen, "sh", "-c", script, "sh", *command], env=env,
                              capture_output=True, text=True, timeout=300)

    def unix(self, windows_path: str) -> Path:
        drive, rest = windows_path.split(":", 1)
        assert drive.upper() == "C"
        return self.prefix / "drive_c" / rest.strip("\\").replace("\\", "/")

    def local_app_data(self) -> Path:
        shown = self.run("cmd", "/c", "echo %LOCALAPPDATA%").stdout.strip().splitlines()[-1]
        return self.unix(shown)


def chinese_locale(folder: Path) -> dict[str, str]:
    """A Chinese (PRC) UTF-8 locale for wine. Without one in the C library wine still shows
    Chinese but cannot name files in Chinese (the shortcuts silently go missing), so one is
    built into ``folder`` when the system has none (Debian's locales package has the source)."""
    locale = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    have = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    if "zh_CN.utf8" in have:
        return locale
    if not shutil.which("localedef") or not Path("/usr/share/i18n/locales/zh_CN").is_file():
        pytest.skip("no zh_CN.UTF-8 locale, and no localedef to make one (apt-get install locales)")
    subprocess.run(["localedef", "-i", "zh_CN", "-f", "UTF-8", str(folder / "zh_CN.UTF-8")],
                   check=True, capture_output=True)
    return {**locale, "LOCPATH": str(folder)}


@pytest.fixture(scope="module")
def windows(iscc, tmp_path_factory) -> Windows:
    if sys.platform == "win32":
        pytest.skip("installs only into a throwaway wine prefix, never into this Windows")
    if not shutil.which("wine") or not (shutil.which("xvfb-run") or os.environ.get("DISPLAY")):
        pytest.skip("wine and a screen (xvfb-run) are needed to run setup here")
    folder = tmp_path_factory.mktemp("wine")
    machine = Windows(folder / "prefix", chinese_locale(folder))
    # Made in a UTF-8 locale: a prefix made in the plain C locale fails the first Chinese run
    # of setup ("Error reading FPreparingMemo.Lines.Strings"), whatever the script says.
    assert machine.run("wineboot", "-i").returncode == 0
    machine.run("winecfg", "-v", "win10")  # wine 8 says Windows 7; setup needs 10 (MinVersion)
    yield machine
    subprocess.run(["wineserver", "-k"], env={**os.environ, "WINEPREFIX": str(machine.prefix)},
                   capture_output=True)
    shutil.rmtree(machine.prefix, ignore_errors=True)  # a prefix takes over 1 GB


@dataclass
class Installed:
    folder: Path
    files: set[str]
    shortcuts: set[str]
    log: str
    data: Path


@pytest.fixture(scope="module")
def installed(windows, compiled, tmp_path_factory) -> Installed:
    """Setup run silently on a Chinese Windows, then the school's data file and settings
    written where the program keeps them."""
    log = tmp_path_factory.mktemp("logs") / "setup.log"
    done = windows.run(compile_setup.windows_path(compiled.setup), "/VERYSILENT",
                       "/SUPPRESSMSGBOXES", "/ALLUSERS", f"/LOG={compile_setup.windows_path(log)}",
                       locale=windows.chinese)
    text = log.read_text(encoding="utf-8-sig", errors="replace")
    assert done.returncode == 0, text[-3000:]
    folder = windows.unix(INSTALLED)
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    shortcuts = {p.name for p in windows.unix(START_MENU).glob("*.lnk")}
    data = windows.local_app_data() / "reopen-desktop"
    (data / "backups").mkdir(parents=True)
    (data / "school.db").write_bytes(b"SQLite format 3\0 the school's data")
    (data / "backups" / "school-2026-09-01.db").write_bytes(b"SQLite format 3\0 a backup")
    assert windows.run("reg", "add", SETTINGS_KEY, "/v", "language", "/d", "zh_CN",
                       "/f").returncode == 0
    return Installed(folder, files, shortcuts, text, data)


@pytest.fixture(scope="module")
def uninstalled(windows, installed) -> subprocess.CompletedProcess:
    done = windows.run(INSTALLED + r"\unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES")
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_setup_installs_the_program_its_licence_and_notices_and_an_uninstaller(installed):
    assert {"reopen-desktop.exe", "_internal/stand-in.txt", "LICENSE.txt",
            "THIRD_PARTY_NOTICES.txt", "unins000.exe", "unins000.dat"} <= installed.files
    assert "Installation process succeeded." in installed.log


def test_setup_on_a_chinese_windows_names_the_start_menu_shortcuts_in_chinese(installed):
    # 卸载 %1 comes from our messages file, 示例学校 from the script's own Chinese messages.
    assert installed.shortcuts == {"复学防控桌面.lnk", "复学防控桌面(示例学校).lnk",
                                   "卸载 复学防控桌面.lnk"}


def test_uninstalling_removes_the_program_but_keeps_the_schools_data_and_settings(
        windows, installed, uninstalled):
    assert not installed.folder.exists()
    assert not windows.unix(START_MENU).exists()
    assert (installed.data / "school.db").read_bytes().endswith(b"the school's data")
    assert (installed.data / "backups" / "school-2026-09-01.db").is_file()
    settings = windows.run("reg", "query", SETTINGS_KEY, "/v", "language")
    assert settings.returncode == 0 and "zh_CN" in settings.stdout


# --- signing --------------------------------------------------------------------------------

def is_signed(program: Path) -> bool:
    """Whether a Windows program carries an Authenticode signature (its security directory)."""
    data = program.read_bytes()
    header = struct.unpack_from("<I", data, 0x3C)[0]
    magic = struct.unpack_from("<H", data, header + 24)[0]
    directories = header + 24 + (112 if magic == 0x20B else 96)
    offset, size = struct.unpack_from("<II", data, directories + 4 * 8)
    return offset > 0 and size > 0


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed code-signing certificate and its key (PEM), standing in for a school
    board's."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = tmp_path_factory.mktemp("certificate")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "某县教育局 (test)")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=2))
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]),
                                  critical=False)
                   .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


def test_a_signed_build_signs_the_setup_the_program_and_the_installed_uninstaller(
        iscc, windows, certificate, tmp_path):
    if sys.platform == "win32" or shutil.which("osslsigncode") is None:
        pytest.skip("signs with osslsigncode under wine")
    program = stand_in.make_stand_in(tmp_path / recipe.APP_NAME)
    cert, key = (compile_setup.windows_path(p) for p in certificate)
    helper = compile_setup.windows_path(ROOT / "installer" / "sign-under-wine.cmd")
    made = compile_setup.compile_setup(
        iscc, build_dir=program, output_dir=tmp_path / "out", defines={"SignTool": "ossl"},
        sign_tools={"ossl": f"cmd /c {helper} {cert} {key} $f"})
    assert is_signed(made.setup)
    assert is_signed(program / "reopen-desktop.exe")  # signed in place before it is packed
    done = windows.run(compile_setup.windows_path(made.setup), "/VERYSILENT",
                       "/SUPPRESSMSGBOXES", "/ALLUSERS")
    assert done.returncode == 0
    assert is_signed(windows.unix(INSTALLED + r"\unins000.exe"))
    assert windows.run(INSTALLED + r"\unins000.exe", "/VERYSILENT").returncode == 0
