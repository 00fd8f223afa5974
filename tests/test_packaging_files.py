"""The packaging files checked with the tools their platforms use: desktop-file-validate,
appstreamcli, the GitHub workflow schema and shellcheck; plus the facts they must agree on."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from op25b_wizard import __version__
from op25b_wizard.core.lookup import PRESET_FILENAME
from tests.support.platform import WINDOWS, installed_script, not_on_windows

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.op25b_wizard.Op25bWizard"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
WORKFLOW = PACKAGING / "github-release.yml"
INSTALLED_WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SHELL_SCRIPTS = [PACKAGING / "build-linux.sh", PACKAGING / "linux" / "install.sh"]


def tool(name: str) -> str:
    if WINDOWS:
        pytest.skip(f"not on Windows: the test runs Debian's {name}, a Linux program")
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (bash .ci/setup installs it)")
    return path


def run(*cmd: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=60)


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the Linux desktop entry and AppStream metainfo ------------------------------------------

def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate"), str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_validator_is_not_lenient(tmp_path: Path) -> None:
    """The check above would catch a broken entry: the same file without Type= fails."""
    broken = tmp_path / f"{APP_ID}.desktop"
    broken.write_text(DESKTOP.read_text("utf-8").replace("Type=Application\n", ""), "utf-8")
    assert run(tool("desktop-file-validate"), str(broken)).returncode != 0


def test_desktop_entry_names_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Exec"].split()[0] == "op25b-wizard"
    assert d["Icon"] == APP_ID
    assert d["Terminal"] == "false"
    assert "Email" in d["Categories"].split(";")
    assert d["GenericName[ja]"] and d["Comment[ja]"]


def test_metainfo_validates() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]: ", result.stdout, re.M), result.stdout


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "op25b-wizard"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, \
        "add a <release> for the version in op25b_wizard/__init__.py"


def test_app_id_and_names_agree_across_files() -> None:
    spec = (PACKAGING / "op25b-wizard.spec").read_text("utf-8")
    build = (PACKAGING / "build-linux.sh").read_text("utf-8")
    nsi = (PACKAGING / "windows" / "op25b-wizard.nsi").read_text("utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec
    assert f"app_id={APP_ID}" in build
    assert 'NAME = "op25b-wizard"' in spec and '!define NAME "op25b-wizard"' in nsi


# --- the release workflow --------------------------------------------------------------------

def test_installed_workflow_is_the_packaging_copy() -> None:
    assert INSTALLED_WORKFLOW.read_bytes() == WORKFLOW.read_bytes(), \
        "cp packaging/github-release.yml .github/workflows/release.yml"


def test_workflow_matches_github_schema() -> None:
    checker = installed_script("check-jsonschema")
    if not checker.exists():
        pytest.skip("check-jsonschema is not installed (bash .ci/setup installs it)")
    result = run(str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def workflow() -> dict:
    from ruamel.yaml import YAML  # installed with check-jsonschema

    return YAML(typ="safe").load(WORKFLOW.read_text("utf-8"))


def bash_steps() -> list[tuple[str, str]]:
    """(job/step, script) for every ``run:`` that GitHub runs with bash."""
    steps = []
    for job_name, job in workflow()["jobs"].items():
        default = job.get("defaults", {}).get("run", {}).get("shell")
        for n, step in enumerate(job["steps"]):
            shell = step.get("shell", default)
            if "run" in step and shell in (None, "bash"):
                steps.append((f"{job_name}/{step.get('name', n)}", step["run"]))
    return steps


def test_workflow_scripts_pass_shellcheck() -> None:
    shellcheck = tool("shellcheck")
    steps = bash_steps()
    assert len(steps) >= 10
    for where, script in steps:
        # ${{ expr }} is replaced by the runner before bash sees the script
        text = re.sub(r"\$\{\{[^}]*\}\}", "GITHUB_EXPRESSION", script)
        result = run(shellcheck, "--shell=bash", "--severity=info", "-", stdin=text)
        assert result.returncode == 0, f"{where}:\n{result.stdout}"


def test_workflow_builds_smoke_tests_and_releases_every_platform() -> None:
    jobs = workflow()["jobs"]
    assert jobs["linux"]["runs-on"] == "ubuntu-22.04"
    assert jobs["windows"]["runs-on"].startswith("windows")
    runners = {m["runner"]: m["arch"] for m in jobs["macos"]["strategy"]["matrix"]["include"]}
    assert runners == {"macos-15": "arm64", "macos-15-intel": "x86_64"}
    for name in ("linux", "windows", "macos"):
        scripts = "\n".join(s.get("run", "") for s in jobs[name]["steps"])
        assert "--self-check" in scripts and "--version" in scripts, name
        assert "packaging/op25b-wizard.spec" in scripts or "build-linux.sh" in scripts, name
    assert "op25b-wizard.nsi" in "\n".join(s.get("run", "") for s in jobs["windows"]["steps"])
    assert set(jobs["release"]["needs"]) == {"linux", "windows", "macos"}
    assert jobs["release"]["permissions"] == {"contents": "write"}
    assert workflow()["permissions"] == {"contents": "read"}


# --- shell scripts, the Windows installer and version information ----------------------------

@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_shell_scripts_pass_shellcheck(script: Path) -> None:
    result = run(tool("shellcheck"), "--severity=info", str(script))
    assert result.returncode == 0, result.stdout


@not_on_windows("build-linux.sh is the Linux build script (bash)")
def test_build_script_refuses_unknown_options() -> None:
    result = run("bash", str(PACKAGING / "build-linux.sh"), "--no-such-option")
    assert result.returncode == 2 and "unknown option" in result.stderr


def test_nsis_script() -> None:
    nsi = (PACKAGING / "windows" / "op25b-wizard.nsi").read_text("utf-8")
    lines = {line.strip() for line in nsi.splitlines()}
    # a 32-bit installer does not even start where Windows has no 32-bit layer
    assert {"Unicode true", "Target amd64-unicode", "RequestExecutionLevel user"} <= lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${NAME}"' in lines
    assert '!insertmacro MUI_LANGUAGE "Japanese"' in lines
    icon = re.search(r'!define MUI_ICON "\$\{ROOT\}/(.+)"', nsi).group(1).replace("${NAME}", "op25b-wizard")
    assert (ROOT / icon).is_file()
    assert f'IfFileExists "$EXEDIR\\{PRESET_FILENAME}"' in nsi  # a preset beside setup.exe
    # what the installer creates, the uninstaller removes
    for made, removed in (('CreateShortcut "$SMPROGRAMS\\${NAME}.lnk"', 'Delete "$SMPROGRAMS\\${NAME}.lnk"'),
                          ('WriteRegStr HKCU "${UNINST_KEY}"', 'DeleteRegKey HKCU "${UNINST_KEY}"'),
                          ("WriteUninstaller", 'Delete "$INSTDIR\\uninstall.exe"')):
        assert made in nsi and removed in nsi


def test_nsis_script_compiles(tmp_path: Path) -> None:
    """makensis builds the installer from a stand-in program folder (the real one is built and
    installed under Wine by .ci/windows/installer)."""
    makensis = tool("makensis")
    dist = tmp_path / "op25b-wizard"
    (dist / "_internal").mkdir(parents=True)
    for name in ("op25b-wizard.exe", "op25b-wizard-cli.exe", "_internal/base_library.zip"):
        (dist / name).write_bytes(b"stand-in")
    out = tmp_path / "setup.exe"
    result = run(makensis, "-V2", f"-DVERSION={__version__}", f"-DDIST={dist}", f"-DOUTFILE={out}",
                 str(PACKAGING / "windows" / "op25b-wizard.nsi"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    # a 64-bit (PE32+) installer
    pe = int.from_bytes(out.read_bytes()[0x3C:0x40], "little")
    assert out.read_bytes()[pe + 24:pe + 26] == b"\x0b\x02"


def test_windows_version_numbers() -> None:
    vi = load_module(PACKAGING / "windows" / "version_info.py")
    assert vi.version_tuple(__version__) == tuple(
        (list(map(int, __version__.split("."))) + [0, 0, 0])[:4])
    assert vi.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert vi.version_tuple("2.0.0.dev3") == (2, 0, 0, 0)
    assert vi.version_tuple("1.2.3.4") == (1, 2, 3, 4)
    for bad in ("1.2.3.4.5", "70000.1", "x1", ""):
        with pytest.raises(ValueError):
            vi.version_tuple(bad)



def test_runtime_hook_gives_a_windowed_program_null_streams() -> None:
    hook = PACKAGING / "hooks" / "rthook_null_streams.py"
    spec = (PACKAGING / "op25b-wizard.spec").read_text("utf-8")
    assert '"hooks" / "rthook_null_streams.py"' in spec
    code = ("import runpy, sys; sys.stdout = sys.stderr = None; "
            f"runpy.run_path({str(hook)!r}); "
            "print('lost'); sys.stderr.write('lost'); sys.stdout.buffer.write(b'lost'); "
            "sys.exit(3 if not sys.stdout.isatty() else 4)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (3, b"", b"")
