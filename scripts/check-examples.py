#!/usr/bin/env python3
"""check-examples.py -- every command the README and the --help texts show works as written.

Collects the commands of README.md's ```sh blocks and the example lines of every
`onestop help COMMAND` (lines that begin with `onestop `, joined over trailing `\\`), scales
them down (2 replications, a six-week horizon through --set end=..., few parameter sets) and
runs each with the built binary in a scratch directory that sees the repository's
scenarios/, scripts/ and a copy of results/ (so `check --update` writes nothing here). Fails on
a non-zero exit. Commands that install, build, benchmark or need a cluster are listed as
skipped, with the reason.

Usage: scripts/check-examples.py [--binary PATH] [--only readme|help] [--list]
       (default binary: $ONESTOP, else .build/release/onestop, else .build/debug/onestop)
"""
import concurrent.futures
import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Commands not run, by their first words, and why.
SKIP = [
    ("apt-get", "installs system packages"),
    ("curl", "downloads the Swift toolchain"),
    ("tar", "unpacks the Swift toolchain"),
    ("./swiftly", "installs the Swift toolchain"),
    (".", "sources the Swift toolchain's environment"),
    ("swift", "builds or prints the toolchain"),
    ("scripts/test.sh", "the test suite itself"),
    ("scripts/bench", "benchmarks (minutes, on purpose)"),
    ("scripts/slurm/", "needs a Slurm cluster (sbatch)"),
    ("export", "sets the PATH (the check runs the binary by path)"),
]
# Exit statuses that are a verdict, not a failure: `check` 1 (a KPI moved), `calibrate` 1
# (a figure outside its tolerance on the held-out seeds, as a shortened run may well be).
VERDICTS = {"check": {0, 1}, "calibrate": {0, 1}}
# Commands with a `--set` option, which get a shorter horizon.
SETTABLE = {"run", "compare", "staff", "sensitivity", "validate"}


def readme_commands():
    out, block, joined = [], False, ""
    for line in open(os.path.join(ROOT, "README.md"), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("```"):
            block = line.startswith("```sh")
            continue
        if not block:
            continue
        text = re.sub(r"\s+#.*$", "", line).strip() if not line.lstrip().startswith("#") else ""
        if not text and not joined:
            continue
        if text.endswith("\\"):
            joined += text[:-1] + " "
            continue
        out.append(("README.md", (joined + text).strip()))
        joined = ""
    return [c for c in out if c[1]]


def help_commands(binary):
    top = subprocess.run([binary, "--help"], capture_output=True, text=True, env=wide_env()).stdout
    subs = re.findall(r"^  ([a-z]+)\s", top.split("SUBCOMMANDS:")[1], re.M)
    names = []
    for s in subs:
        names.append([s])
        text = subprocess.run([binary, "help", s], capture_output=True, text=True, env=wide_env()).stdout
        if "SUBCOMMANDS:" in text:
            names += [[s, n] for n in re.findall(r"^  ([a-z]+)\s", text.split("SUBCOMMANDS:")[1], re.M)]
    out = []
    for n in names:
        text = subprocess.run([binary, "help", *n], capture_output=True, text=True, env=wide_env()).stdout
        joined = None
        for line in text.splitlines():
            s = line.strip()
            if joined is None and not s.startswith("onestop "):
                continue
            joined = (joined or "") + (s[:-1] + " " if s.endswith("\\") else s)
            if not s.endswith("\\"):
                out.append(("onestop help " + " ".join(n), re.sub(r"\s+#.*$", "", joined).strip()))
                joined = None
    return out


def wide_env():
    env = dict(os.environ)
    env["COLUMNS"] = "200"
    return env


def scenario_start(path):
    """The scenario's start date, following `extends`."""
    seen = 0
    while path and seen < 5:
        text = open(path, encoding="utf-8").read()
        m = re.search(r"^start:\s*(\d{4}-\d{2}-\d{2})", text, re.M)
        if m:
            return datetime.date.fromisoformat(m.group(1))
        m = re.search(r"^extends:\s*(\S+)", text, re.M)
        path = os.path.join(os.path.dirname(path), m.group(1).strip("'\"")) if m else None
        seen += 1
    return None


def scale(words):
    """The command scaled down: 2 replications, a six-week horizon, few parameter sets."""
    if not words or words[0] != "onestop" or len(words) < 2:
        return words
    cmd = words[1]
    out, i = [], 0
    small = {"--replications": "2", "--uncertainty": "2", "--trajectories": "2", "--sobol": "8",
             "--check-seeds": "1", "--max-replications": "4", "--budget": "2"}
    while i < len(words):
        w = words[i]
        if w in small and i + 1 < len(words):
            # `--replications auto` stays auto, stopped early.
            auto = w == "--replications" and words[i + 1] == "auto"
            out += [w, "auto", "--max-replications", "4"] if auto else [w, small[w]]
            i += 2
            continue
        out.append(w)
        i += 1
    if cmd == "national" and len(out) > 2 and out[2] == "plan" and not any(w.startswith("end=") for w in out):
        out += ["--set", "end=2025-07-15"]  # the generated provinces start on 1 July 2025: two weeks
    if cmd in ("run", "compare", "staff", "check") and "--replications" not in out:
        out += ["--replications", "2"]
    if cmd in SETTABLE and not any(w.startswith("end=") for w in out):
        yamls = [w for w in out[2:] if w.endswith(".yaml") and os.path.exists(os.path.join(ROOT, w))]
        start = scenario_start(os.path.join(ROOT, yamls[0])) if yamls else None
        if start and "scenarios/sweeps/" not in yamls[0] and "scenarios/targets/" not in yamls[0]:
            # Six weeks, or six weeks after a --warmup date.
            if "--warmup" in out and re.match(r"\d{4}-\d{2}-\d{2}$", out[out.index("--warmup") + 1]):
                start = datetime.date.fromisoformat(out[out.index("--warmup") + 1])
            out += ["--set", "end=" + (start + datetime.timedelta(days=42)).isoformat()]
    return out


def scratch_dir():
    """A directory that sees scenarios/ (sweep and target files pointing at shortened copies
    of their scenarios), scripts/, a copy of results/ and `onestop` on the PATH."""
    scratch = tempfile.mkdtemp(prefix="onestop-examples-")
    shutil.copytree(os.path.join(ROOT, "scenarios"), os.path.join(scratch, "scenarios"), symlinks=True)
    os.symlink(os.path.join(ROOT, "scripts"), os.path.join(scratch, "scripts"))
    shutil.copytree(os.path.join(ROOT, "results"), os.path.join(scratch, "results"))
    for sub, key in (("sweeps", "base"), ("targets", "scenario")):
        d = os.path.join(scratch, "scenarios", sub)
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if not name.endswith(".yaml") or not os.path.isfile(path):
                continue  # e.g. targets/national/: a study's targets, not a scenario's
            text = open(path, encoding="utf-8").read()
            m = re.search(rf"^{key}:\s*\.\./(\S+)\.yaml", text, re.M)
            start = m and scenario_start(os.path.join(scratch, "scenarios", m.group(1) + ".yaml"))
            if not start:
                continue
            short = f"{m.group(1)}.short.yaml"
            end = (start + datetime.timedelta(days=42)).isoformat()
            with open(os.path.join(scratch, "scenarios", short), "w", encoding="utf-8") as f:
                f.write(f"extends: {m.group(1)}.yaml\nend: {end}\nreplications: 2\n")
            text = text.replace(m.group(0), f"{key}: ../{short}")
            text = re.sub(r"^replications:\s*\d+", "replications: 2", text, flags=re.M)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return scratch


def main():
    args = sys.argv[1:]
    binary = os.environ.get("ONESTOP")
    if "--binary" in args:
        binary = args[args.index("--binary") + 1]
    for candidate in [binary, ".build/release/onestop", ".build/debug/onestop"]:
        if candidate and os.access(os.path.join(ROOT, candidate), os.X_OK):
            binary = os.path.join(ROOT, candidate)
            break
    else:
        sys.exit("check-examples: onestop is not built (swift build), or set ONESTOP=")
    only = args[args.index("--only") + 1] if "--only" in args else None
    commands = ([] if only == "help" else readme_commands()) + ([] if only == "readme" else help_commands(binary))
    started = time.time()
    pages = {}
    for origin, command in commands:
        pages.setdefault(origin, []).append(command)
    # Pages run side by side (each in order, in its own directory).
    with concurrent.futures.ThreadPoolExecutor(max_workers=int(os.environ.get("JOBS", "2"))) as pool:
        results = list(pool.map(lambda o: run_page(o, pages[o], binary, "--list" in args), pages))
    failed = [f for page in results for f in page[1]]
    ran = sum(page[0] for page in results)
    for page in results:
        print(page[2], end="")
    print(f"check-examples: {ran} commands run in {time.time() - started:.0f} s, {len(failed)} failed")
    sys.exit(1 if failed else 0)


def run_page(origin, commands, binary, listing):
    """Runs one page's commands in order in a scratch directory: (run, failed, log)."""
    log, failed, ran, scratch = "", [], 0, None
    for command in commands:
        reason = next((why for first, why in SKIP if command.startswith(first)), None)
        if reason is None and ("/etc/" in command or "${fpath" in command or "~/" in command):
            reason = "writes into the user's shell configuration"
        if reason is None and command.startswith("scripts/parallel/") and not shutil.which("parallel"):
            reason = "needs GNU parallel"
        if reason:
            log += f"skip  {command}  [{origin}: {reason}]\n"
            continue
        parts = [scale(shlex.split(c)) for c in re.split(r"\s*&&\s*", command)]
        text = " && ".join(shlex.join(p) for p in parts)
        if listing:
            log += f"would run  {text}  [{origin}]\n"
            continue
        if scratch is None:
            scratch = scratch_dir()
            os.mkdir(os.path.join(scratch, "bin"))
            os.symlink(binary, os.path.join(scratch, "bin", "onestop"))
        env = dict(os.environ)
        env["PATH"] = os.path.join(scratch, "bin") + os.pathsep + env["PATH"]
        t = time.time()
        r = subprocess.run(["bash", "-c", text], cwd=scratch, env=env, capture_output=True, text=True)
        ran += 1
        allowed = VERDICTS.get(parts[-1][1] if len(parts[-1]) > 1 else "", {0})
        status = "ok  " if r.returncode in allowed else "FAIL"
        log += f"{status}  {time.time() - t:5.1f} s  {text}  [{origin}]\n"
        if r.returncode not in allowed:
            failed.append(text)
            log += "      " + "\n      ".join((r.stderr or r.stdout).strip().splitlines()[-5:]) + "\n"
    if scratch:
        shutil.rmtree(scratch, ignore_errors=True)
    return ran, failed, log


if __name__ == "__main__":
    main()
