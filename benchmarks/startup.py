"""Start-up benchmark: `plancli deadlines` on an example plan vs importing typer and rich.

The budget (issue: the main job) is 1.5x the median time of
`python -c "import typer, rich.console, rich.table"`, for the English interface; the same
command in Spanish (PLANCLI_LANG=es) may cost at most 15% more than in English (SPEC §9).
Runs alternate between the commands so that machine load affects all alike. A benchmark, not a
test:

    python benchmarks/startup.py [--runs 21] [--plan examples/maya-iep.yaml]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], language: str = "en") -> float:
    env = {**os.environ, "PLANCLI_LANG": language}
    start = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--plan", default=str(ROOT / "examples" / "maya-iep.yaml"))
    args = parser.parse_args()
    baseline = [sys.executable, "-c", "import typer, rich.console, rich.table"]
    plancli = [
        sys.executable,
        "-m",
        "plancli",
        "deadlines",
        "--plan",
        args.plan,
        "--today",
        "2026-11-23",
    ]
    # pip byte-compiles typer and rich when it installs them, but not an editable plancli, and
    # PYTHONDONTWRITEBYTECODE may stop Python from caching it: compile it, like for like.
    compileall.compile_dir(str(ROOT / "src" / "plancli"), quiet=1)
    timed(baseline), timed(plancli), timed(plancli, "es")  # warm the file cache
    base_times, plan_times, spanish_times = [], [], []
    for _ in range(args.runs):
        base_times.append(timed(baseline))
        plan_times.append(timed(plancli))
        spanish_times.append(timed(plancli, "es"))
    base, plan = statistics.median(base_times), statistics.median(plan_times)
    spanish = statistics.median(spanish_times)
    ratio, spanish_ratio = plan / base, spanish / plan
    print(f"import typer, rich.console, rich.table: median {base * 1000:.0f} ms")
    print(f"plancli deadlines ({Path(args.plan).name}): median {plan * 1000:.0f} ms")
    print(f"ratio {ratio:.2f} (budget 1.50) over {args.runs} alternating runs")
    print(f"the same in Spanish (PLANCLI_LANG=es): median {spanish * 1000:.0f} ms")
    print(f"Spanish / English {spanish_ratio:.2f} (budget 1.15)")
    return 0 if ratio <= 1.5 and spanish_ratio <= 1.15 else 1


if __name__ == "__main__":
    raise SystemExit(main())
