"""A description of the machine and the software versions, for BENCHMARKS.md."""
import ctypes
import datetime
import os
import platform
import subprocess


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def _run(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model():
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def memory_gb():
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def os_name():
    for line in _read("/etc/os-release").splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"') + f" (Linux {platform.release()})"
    return platform.platform()


def glpk_version():
    try:
        lib = ctypes.CDLL("libglpk.so")
        lib.glp_version.restype = ctypes.c_char_p
        return lib.glp_version().decode()
    except OSError:
        return None


def highs_version():
    try:
        import highspy
        return highspy.Highs().version()
    except Exception:  # noqa: BLE001 – the description must not fail the benchmark
        return None


def describe():
    swift = _run(["swift", "--version"]).splitlines()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": memory_gb(),
        "os": os_name(),
        "swift": swift[0] if swift else None,
        "glpk": glpk_version(),
        "highs": highs_version(),
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_at_start": [round(x, 2) for x in load] if load else None,
        "commit": _run(["git", "rev-parse", "--short", "HEAD"]) or None,
    }
