#!/usr/bin/env python3
"""Per-process CPU and PostgreSQL WAL of the local stack during a benchmark, sampled from /proc.

  cpu-sample.py record OUT.csv PSQL_URL   every second until killed: each stack process's cumulative CPU
                                          (utime + stime) and pg_current_wal_lsn()
  cpu-sample.py report OUT.csv FROM TO    each process's CPU and share of a core from FROM to TO (epoch ms:
                                          the load window, from the splitter receiving the first file to the
                                          last LOADED, from table ingest_status), and the WAL written

Run from the checkout's root: only its stack's processes are counted, named by their command lines (a
service by its quarkus-run.jar, kafka.Kafka, S3Proxy, the pixeldb commands, PostgreSQL's processes by
their user or role: "postgres: pixeldb_loader" is a writer's backend, "postgres: walwriter" a server's).
"""
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return " ".join(a.decode(errors="replace") for a in f.read().split(b"\0") if a)
    except OSError:
        return ""


def parent(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[1]
    except OSError:
        return "0"


def label(pid, root):
    """The stack process's name, or None for a process of no stack or of another checkout's stack."""
    cmd = cmdline(pid)
    if cmd.startswith("postgres:"):
        # A backend or background process: "postgres: pixeldb_loader pixeldb 127.0.0.1(5432) COPY" -> its user.
        if root not in cmdline(parent(pid)):
            return None
        words = cmd.split()
        return "postgres: " + (words[1] if len(words) > 1 else "?")
    if root not in cmd:
        return None
    m = re.search(r"/([a-z-]+)/target/quarkus-app/quarkus-run\.jar", cmd)
    if m:
        return m.group(1)
    if " kafka.Kafka " in cmd + " ":
        return "kafka"
    if "org.gaul.s3proxy.Main" in cmd:
        return "s3proxy"
    if "PixelDbCommand" in cmd:
        rest = cmd.split("PixelDbCommand", 1)[1].split()
        return "pixeldb " + rest[0] if rest else "pixeldb"
    if re.search(r"/bin/postgres$", cmd.split(" ")[0]):
        return "postgres: postmaster"
    return None


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)


WAL_QUERY = ("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, wal_records, wal_fpi, wal_bytes"
             " from pg_stat_wal")


def wal(psql):
    """[position in bytes, records, full-page images, bytes] of pg_stat_wal (its counters lag up to a second)."""
    try:
        out = subprocess.run(["psql", psql, "-Atc", WAL_QUERY], capture_output=True, text=True,
                             timeout=5).stdout.strip()
        return [int(v) for v in out.split("|")]
    except Exception:
        return [-1, -1, -1, -1]


def record(out, psql):
    root = os.getcwd()  # the checkout whose stack is sampled: run from its root
    with open(out, "a") as f:
        while True:
            now = int(time.time() * 1000)
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    name = label(pid, root)
                    if name:
                        try:
                            f.write(f"{now},{pid},{name},{ticks(pid)}\n")
                        except OSError:
                            pass
            for name, value in zip(("wal", "wal_records", "wal_fpi", "wal_bytes"), wal(psql)):
                f.write(f"{now},0,{name},{value}\n")
            f.flush()
            time.sleep(max(0.0, 1.0 - (time.time() * 1000 - now) / 1000))


def load(path):
    samples = {}  # time -> {(pid, name): value}
    for line in open(path):
        t, pid, name, v = line.rstrip("\n").split(",", 3)
        samples.setdefault(int(t), {})[(int(pid), name)] = int(v)
    return samples


def report(path, start, end):
    """From the last sample at or before start to the first at or after end: the window and up to a second more."""
    samples = load(path)
    times = sorted(samples)
    t0 = max([t for t in times if t <= start], default=times[0])
    t1 = min([t for t in times if t >= end], default=times[-1])
    a, b = samples[t0], samples[t1]
    seconds = (t1 - t0) / 1000
    per_name = {}
    for k, v in b.items():
        if not k[1].startswith("wal"):
            per_name[k[1]] = per_name.get(k[1], 0) + (v - a.get(k, 0)) / TICK
    # A process born in the window counts from zero; one that died in it is lost (PostgreSQL's short backends).
    print(f"load window {time.strftime('%H:%M:%S', time.localtime(t0 / 1000))} - "
          f"{time.strftime('%H:%M:%S', time.localtime(t1 / 1000))}: {seconds:.1f} s (from {t0} to {t1} ms)")
    total = sum(per_name.values())
    print(f"{'process':28s} {'CPU s':>7s} {'% of a core':>12s} {'% of all':>9s}")
    for name, cpu in sorted(per_name.items(), key=lambda e: -e[1]):
        if cpu >= 0.05:
            print(f"{name:28s} {cpu:7.1f} {100 * cpu / seconds:11.0f} % {100 * cpu / total:8.1f} %")
    print(f"{'all':28s} {total:7.1f} {100 * total / seconds:11.0f} %   (of 200 % on 2 cores)")
    w = {n: b.get((0, n), -1) - a.get((0, n), -1) for n in ("wal", "wal_records", "wal_fpi", "wal_bytes")}
    if a.get((0, "wal"), -1) >= 0 and b.get((0, "wal"), -1) >= 0:
        print(f"WAL written in the window: {w['wal'] / 1e6:.1f} MB (pg_current_wal_lsn); pg_stat_wal: "
              f"{w['wal_records']:,} records, {w['wal_fpi']:,} full-page images, {w['wal_bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3])
    else:
        report(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
