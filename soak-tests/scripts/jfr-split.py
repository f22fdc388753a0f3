#!/usr/bin/env python3
"""CPU split of one service's JFR recording (soak-tests README, "Benchmark": --jfr).

Reads `jfr print --json` of jdk.ExecutionSample, jdk.ThreadCPULoad, jdk.GarbageCollection and
jdk.ObjectAllocationSample and prints:
  - execution samples by owner of the first non-JDK frame from the top (kafka client / ours / framework / jdk-only);
  - per-thread CPU (mean of jdk.ThreadCPULoad user+system, share of the machine) with GC threads summed;
  - the top frames (by top frame and by first frame of ours) and allocation weight by owner.
Usage: jfr-split.py RECORDING.jfr [JFR_BINARY]   (JFR_BINARY default: Temurin 25's jfr, which reads 17's files)
"""
import collections
import json
import subprocess
import sys

JFR = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr"
OURS = ("io.steadystate.",)
KAFKA = ("org.apache.kafka.",)
FRAMEWORK = ("io.micrometer.", "io.prometheus.", "io.quarkus.", "io.vertx.", "io.netty.", "io.smallrye.",
             "org.jboss.")
STORES = ("com.github.benmanes.",)


def events(path, names, depth=24):
    out = subprocess.run([JFR, "print", "--json", "--stack-depth", str(depth), "--events", ",".join(names), path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(ev):
    st = ev["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in st.get("frames", [])]


def seconds(iso):
    """JFR's JSON durations look like PT0.016542303S (or PT1M2.5S)."""
    text = iso[2:-1] if iso.startswith("PT") else iso
    minutes = 0.0
    if "M" in text:
        m, text = text.split("M", 1)
        minutes = float(m)
    return minutes * 60 + float(text or 0)


def owner(fs):
    """The first frame from the top that is not the JDK decides (a JDK call made by our codec is ours)."""
    for f in fs:
        if f.startswith(KAFKA):
            return "kafka client"
        if f.startswith("io.steadystate.core.serde."):
            return "ours: decode/encode (trading-core serde)"
        if f.startswith("io.steadystate.kit."):
            return "ours: delivery loop plumbing (service-kit)"
        if f.startswith(OURS):
            return "ours: business logic (strategy/order, stores)"
        if f.startswith(STORES):
            return "ours: stores (Caffeine under BoundedStore)"
        if f.startswith(FRAMEWORK):
            return "framework: metrics scrape, HTTP, Quarkus"
    return "jdk only"


def main(path):
    samples = events(path, ["jdk.ExecutionSample"])
    by_owner = collections.Counter()
    by_thread = collections.Counter()
    top = collections.Counter()
    ours_entry = collections.Counter()
    for ev in samples:
        fs = frames(ev)
        thread = (ev["values"].get("sampledThread") or {}).get("javaName") or "?"
        by_owner[owner(fs)] += 1
        by_thread[thread] += 1
        if fs:
            top[fs[0]] += 1
        mine = next((f for f in fs if f.startswith(OURS)), None)
        if mine:
            ours_entry[mine] += 1
    n = max(1, len(samples))
    print(f"== {path}: {len(samples)} execution samples")
    for k, v in by_owner.most_common():
        print(f"  {v:6d} {100.0 * v / n:5.1f} %  {k}")
    print("-- samples by thread")
    for k, v in by_thread.most_common(8):
        print(f"  {v:6d} {100.0 * v / n:5.1f} %  {k}")
    print("-- top frames")
    for k, v in top.most_common(15):
        print(f"  {v:6d} {100.0 * v / n:5.1f} %  {k}")
    print("-- first frame of ours (inclusive)")
    for k, v in ours_entry.most_common(10):
        print(f"  {v:6d} {100.0 * v / n:5.1f} %  {k}")

    load = collections.defaultdict(list)
    for ev in events(path, ["jdk.ThreadCPULoad"], 1):
        t = (ev["values"].get("eventThread") or {}).get("javaName") or (ev["values"].get("eventThread") or {}).get("osName") or "?"
        load[t].append(ev["values"]["user"] + ev["values"]["system"])
    if load:
        print("-- thread CPU (mean of jdk.ThreadCPULoad, share of all cores)")
        rows = sorted(((sum(v) / len(v), k) for k, v in load.items()), reverse=True)
        for share, name in rows[:10]:
            print(f"  {100.0 * share:5.1f} %  {name}")
    blocked = collections.Counter()
    waits = collections.Counter()
    for ev in events(path, ["jdk.ThreadPark", "jdk.JavaMonitorWait"], 16):
        thread = (ev["values"].get("eventThread") or {}).get("javaName") or "?"
        if not thread.startswith("delivery-"):
            continue
        call = next((f for f in frames(ev) if f.startswith(KAFKA + OURS) and ".internals." not in f), "?")
        blocked[(thread, call)] += seconds(ev["values"]["duration"])
        waits[(thread, call)] += 1
    print("-- delivery threads blocked (parks/waits >= the recording's threshold, 10-20 ms in settings=profile)")
    for (thread, call), sec in blocked.most_common(8):
        n = waits[(thread, call)]
        print(f"  {sec:7.2f} s in {n:4d} waits (mean {1000 * sec / n:6.1f} ms)  {thread}  {call}")
    allocated = collections.defaultdict(list)
    for ev in events(path, ["jdk.ThreadAllocationStatistics"], 1):
        thread = (ev["values"].get("thread") or {}).get("javaName") or "?"
        allocated[thread].append((ev["values"]["startTime"], ev["values"]["allocated"]))
    print("-- bytes allocated by the delivery threads over the recording (jdk.ThreadAllocationStatistics, exact;"
          " divide by the records the loop handled meanwhile for bytes per record)")
    for thread, points in sorted(allocated.items()):
        if thread.startswith("delivery-") and len(points) > 1:
            points.sort()
            print(f"  {(points[-1][1] - points[0][1]) / 1e6:8.1f} MB between {points[0][0][11:23]} and "
                  f"{points[-1][0][11:23]}  {thread}")
    gcs = events(path, ["jdk.GarbageCollection"], 1)
    pause = sum(seconds(e["values"]["sumOfPauses"]) for e in gcs)
    print(f"-- GC: {len(gcs)} collections, sum of pauses {pause:.3f} s")
    alloc = collections.Counter()
    for ev in events(path, ["jdk.ObjectAllocationSample"]):
        alloc[owner(frames(ev))] += ev["values"]["weight"]
    total = max(1, sum(alloc.values()))
    print(f"-- allocation (ObjectAllocationSample weight) {total / 1e6:.1f} MB")
    for k, v in alloc.most_common():
        print(f"  {v / 1e6:8.1f} MB {100.0 * v / total:5.1f} %  {k}")


if __name__ == "__main__":
    main(sys.argv[1])
