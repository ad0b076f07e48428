#!/usr/bin/env python3
"""A long fuzz run: the checks of tests/fuzz (only Tcl errors, no hang, the
interpreter usable afterwards) over many seeded random and mutated scripts,
under a memory cap.  Prints each finding with its seed and script.

    python scripts/fuzz_long.py [--seeds 0-99] [--count 500] [--memory-gb 4]
"""

import argparse
import os
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests", "fuzz"))

import tclfuzz  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="0-49", help="a range FIRST-LAST of seeds")
    ap.add_argument("--count", type=int, default=500, help="scripts per seed")
    ap.add_argument("--memory-gb", type=float, default=4.0, help="address-space cap")
    args = ap.parse_args()
    cap = int(args.memory_gb * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    first, _, last = args.seeds.partition("-")
    seeds = range(int(first), int(last or first) + 1)
    start = time.time()
    total = 0
    for seed in seeds:
        for script, problem in tclfuzz.run(seed, args.count):
            total += 1
            print("seed %d: %s\n    %r" % (seed, problem, script))
    print("%d scripts, %d findings, %.0f s" % (len(seeds) * args.count, total,
                                               time.time() - start))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
