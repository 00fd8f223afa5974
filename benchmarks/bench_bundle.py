"""Benchmark: the Linux app bundle's size and start-up time against the virtualenv.

    .venv/bin/python -m benchmarks.bench_bundle [--build] [--repeat 5] [--command=--self-check]

Builds dist/op25b-wizard with packaging/build-linux.sh when it is missing (or with --build),
then prints: the bundle's size on disk, its size as a .tar.xz and as a .zip release archive,
and the start-up time of ``dist/op25b-wizard/op25b-wizard COMMAND`` against
``.venv/bin/python -m op25b_wizard COMMAND``, each run in a plain user's environment (offscreen
Qt, no virtualenv on PATH). Cold runs drop the kernel's page cache first (needs root: as
another user only warm runs are measured). Goals from the issue: at most 140 MB on disk, at
most 45 MB compressed, cold start no slower than from the virtualenv.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "op25b-wizard"
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes in files, bytes allocated on disk) under *folder*, symlinks not followed."""
    size = blocks = 0
    for path in folder.rglob("*"):
        st = path.lstat()
        if path.is_file() and not path.is_symlink():
            size += st.st_size
            blocks += st.st_blocks * 512
    return size, blocks


def archive_sizes(folder: Path, workdir: Path) -> dict[str, tuple[int, float]]:
    """Size and seconds to make a .tar.xz and a .zip (-9) of *folder*, the .tar.xz as
    packaging/build-linux.sh --archive makes it (48 MiB blocks: xz works on them in parallel)."""
    out: dict[str, tuple[int, float]] = {}
    txz = workdir / "bundle.tar.xz"
    t0 = time.perf_counter()
    subprocess.run(f"tar -C '{folder.parent}' -cf - '{folder.name}' | xz -T0 -9 --block-size=48MiB > '{txz}'",
                   shell=True, check=True)
    out["tar.xz"] = (txz.stat().st_size, time.perf_counter() - t0)
    if shutil.which("zip"):
        zipped = workdir / "bundle.zip"
        t0 = time.perf_counter()
        subprocess.run(["zip", "-q", "-r", "-9", "-y", str(zipped), folder.name],
                       cwd=folder.parent, check=True)
        out["zip"] = (zipped.stat().st_size, time.perf_counter() - t0)
    return out


def can_drop_caches() -> bool:
    return os.geteuid() == 0 and os.access(DROP_CACHES, os.W_OK)


def drop_caches() -> None:
    os.sync()
    DROP_CACHES.write_text("3\n")


def user_env(home: str) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    for keep in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"):
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


def timed(cmd: list[str], env: dict[str, str], cold: bool) -> float:
    if cold:
        drop_caches()
    t0 = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=env["HOME"], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", action="store_true", help="rebuild the bundle first")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--command", default="--self-check",
                    help="what both programs run (default --self-check)")
    args = ap.parse_args()

    if args.build or not (BUNDLE / "op25b-wizard").exists():
        t0 = time.perf_counter()
        subprocess.run(["bash", str(ROOT / "packaging" / "build-linux.sh")], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"build (packaging/build-linux.sh): {time.perf_counter() - t0:.1f} s")

    size, allocated = disk_usage(BUNDLE)
    print(f"bundle on disk: {size / 1e6:.1f} MB in files, {allocated / 1e6:.1f} MB allocated "
          f"(goal <= 140 MB)")
    with tempfile.TemporaryDirectory() as work:
        for kind, (nbytes, seconds) in archive_sizes(BUNDLE, Path(work)).items():
            print(f"release archive .{kind}: {nbytes / 1e6:.1f} MB "
                  f"(made in {seconds:.0f} s; goal <= 45 MB)")

    bundle_cmd = [str(BUNDLE / "op25b-wizard"), args.command]
    venv_cmd = [str(ROOT / ".venv" / "bin" / "python"), "-m", "op25b_wizard", args.command]
    modes = ["cold", "warm"] if can_drop_caches() else ["warm"]
    if "cold" not in modes:
        print("not root: cold runs (page cache dropped) are skipped", file=sys.stderr)
    with tempfile.TemporaryDirectory() as home:
        env = user_env(home)
        timed(bundle_cmd, env, cold=False)  # first run: both programs work at all
        timed(venv_cmd, env, cold=False)
        print(f"start-up of '{args.command}', median (min) of {args.repeat} runs:")
        print(f"{'':6} {'bundle (s)':>16} {'virtualenv (s)':>16} {'bundle/venv':>12}")
        for mode in modes:
            b, v = [], []
            for _ in range(args.repeat):
                b.append(timed(bundle_cmd, env, cold=mode == "cold"))
                v.append(timed(venv_cmd, env, cold=mode == "cold"))
            mb, mv = statistics.median(b), statistics.median(v)
            print(f"{mode:6} {mb:9.3f} ({min(b):.3f}) {mv:9.3f} ({min(v):.3f}) {mb / mv:12.2f}")


if __name__ == "__main__":
    main()
