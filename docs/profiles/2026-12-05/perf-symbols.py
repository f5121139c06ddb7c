#!/usr/bin/env python3
"""Per PostgreSQL process, its top functions, from `perf script -F comm,pid,ip,sym,dso` on stdin.

  perf script -i RUN.perf.data -F comm,pid,ip,sym,dso | perf-symbols.py BACKENDS.txt [TOP]

BACKENDS.txt (ps --ppid POSTMASTER -o pid=,args=) names the processes still alive at the end; the others are
listed by pid. Percentages are of the process's own samples; seconds assume perf record -F 499.
"""
import collections
import sys

roles = {}
for line in open(sys.argv[1]):
    pid, _, title = line.strip().partition(" ")
    roles[pid] = " ".join(title.split()[:2])
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
by_pid = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 4 or parts[0] != "postgres":
        continue
    pid, sym = parts[1], parts[3]
    by_pid[pid][sym] += 1
for pid, syms in sorted(by_pid.items(), key=lambda e: -sum(e[1].values()))[:4]:
    n = sum(syms.values())
    print(f"pid {pid} ({roles.get(pid, 'gone by the end')}): {n} samples = {n / 499:.1f} CPU s")
    for sym, c in syms.most_common(top):
        print(f"  {100 * c / n:5.1f} %  {sym}")
