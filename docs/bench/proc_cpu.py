#!/usr/bin/env python3
"""Runs a command and prints the CPU seconds each of the stack's processes took meanwhile (from /proc/<pid>/stat,
user + system), so that a benchmark's figures say where the machine's cores went, and how much of it the JVMs' JIT
compiler threads took (C1 and C2; a stack's first loads pay for compiling its code). Processes that exit during the
command (the command itself, e.g. the ./pixeldb bench JVM) are not counted.

usage: proc_cpu.py OUTPUT_FILE COMMAND [ARGS...]   (the command's output goes to OUTPUT_FILE)
"""
import os
import subprocess
import sys
import time

# Stack processes by a marker in their command line, first match wins (the broker's classpath names s3proxy too).
NAMES = [('server.properties', 'kafka-broker'), ('s3proxy.properties', 's3proxy'), ('PixelDbCommand', 'pixeldb-cli'),
         ('fits-splitter', 'fits-splitter'), ('ramp-writer', 'ramp-writer'), ('corrected-writer', 'corrected-writer'),
         ('query-api', 'query-api'), ('exporter', 'exporter')]
TICKS = os.sysconf('SC_CLK_TCK')


def cpu_seconds(stat):
    """User + system CPU seconds from the text of a /proc/.../stat file (after the command name, which may hold
    spaces)."""
    fields = stat[stat.rfind(')') + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def snapshot():
    seen = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            stat = open(f'/proc/{pid}/stat').read()
            cmdline = open(f'/proc/{pid}/cmdline').read().replace('\0', ' ')
        except OSError:
            continue
        name = 'postgres' if cmdline.startswith('postgres') else next(
            (label for marker, label in NAMES if marker in cmdline), 'other')
        seen[pid] = (name, cpu_seconds(stat))
    return seen


def jit_seconds(pids):
    """CPU seconds of the JIT compiler threads of each of the given processes (HotSpot's C1 and C2 threads)."""
    seconds = {}
    for pid in pids:
        total = 0
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tasks:
            try:
                if not open(f'/proc/{pid}/task/{tid}/comm').read().startswith(('C1 CompilerThre', 'C2 CompilerThre')):
                    continue
                total += cpu_seconds(open(f'/proc/{pid}/task/{tid}/stat').read())
            except OSError:
                continue
        seconds[pid] = total
    return seconds


def java_pids(seen):
    return [pid for pid, (name, _) in seen.items() if name not in ('postgres', 'other')]


before = snapshot()
jit_before = jit_seconds(java_pids(before))
start = time.time()
with open(sys.argv[1], 'w') as output:
    code = subprocess.run(sys.argv[2:], stdout=output, stderr=subprocess.STDOUT).returncode
elapsed = time.time() - start
totals = {}
after = snapshot()
jit_after = jit_seconds(java_pids(after))
jit = sum(seconds - jit_before.get(pid, 0) for pid, seconds in jit_after.items())
for pid, (name, seconds) in after.items():
    totals[name] = totals.get(name, 0) + seconds - before.get(pid, (name, 0))[1]
print(f'cpu over {elapsed:.1f} s: ' + ', '.join(f'{name} {seconds:.2f} s' for name, seconds in
                                             sorted(totals.items(), key=lambda item: -item[1]) if seconds >= 0.05)
      + f'; JIT compiler threads of the stack\'s JVMs {jit:.2f} s')
sys.exit(code)
