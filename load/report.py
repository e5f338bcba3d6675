"""Prints the table of a load run (load/run.sh). Each mode is compared with tracing off in
the same round; the ratios shown are the medians over the rounds."""
import glob
import os
import random
import re
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def read_wrk(path):
    with open(path) as wrk:
        text = wrk.read()
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
              "requests": int(re.search(r"(\d+) requests in", text).group(1)), "failed": 0}
    for percentile in ("50", "99"):
        result["p" + percentile] = millis(re.search(r"^\s+%s%%\s+(\S+)" % percentile, text, re.MULTILINE).group(1))
    # CPU time in clock ticks, as load/run.sh appends it, per request in milliseconds.
    ticks = re.search(r"^cpuTicks (\d+) (\d+)", text, re.MULTILINE)
    if ticks and result["requests"]:
        per_tick = 1000.0 / int(ticks.group(2)) / result["requests"]
        for key, name in (("cpu", "cpuTicks"), ("jit", "jitTicks"), ("receiver", "receiverTicks")):
            found = re.search(r"^%s (\d+)" % name, text, re.MULTILINE)
            if found:
                result[key] = int(found.group(1)) * per_tick
        if "jit" in result:
            result["cpuNoJit"] = result["cpu"] - result["jit"]
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if match:
        result["failed"] += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        result["failed"] += sum(int(value) for value in match.groups())
    return result


def read_pairs(path):
    values = {}
    if os.path.exists(path):
        with open(path) as pairs:
            for line in pairs:
                parts = line.split()
                if len(parts) == 2:
                    values[parts[0]] = int(parts[1])
    return values


def main(results):
    modes = {}
    for path in glob.glob(os.path.join(results, "*-round-*.txt")):
        match = re.fullmatch(r"(\d+)-(.+)-round-(\d+)\.txt", os.path.basename(path))
        index, mode, round_number = int(match.group(1)), match.group(2), int(match.group(3))
        modes.setdefault((index, mode), {})[round_number] = read_wrk(path)
    off = next((rounds for (index, mode), rounds in modes.items() if mode == "off"), None)
    if off is None:
        sys.exit("no run with tracing off to compare with")

    def ratios(rounds, key):
        return [rounds[r][key] / off[r][key] for r in rounds if r in off and off[r][key]]

    def median_ratio(rounds, key):
        values = ratios(rounds, key)
        return statistics.median(values) if values else None

    def interval(rounds, key):
        """The median ratio with a 95% bootstrap interval over the rounds: whether a run
        can tell a difference of a few percent from the round-to-round spread."""
        values = ratios(rounds, key)
        if len(values) < 5:
            return fmt(statistics.median(values) if values else None)
        pick, samples = random.Random(1), 2000
        medians = sorted(statistics.median(pick.choices(values, k=len(values))) for _ in range(samples))
        low, high = medians[int(samples * 0.025)], medians[int(samples * 0.975) - 1]
        return "%.2fx (%.2f-%.2f)" % (statistics.median(values), low, high)

    def fmt(value, pattern="%.2fx"):
        return pattern % value if value is not None else "-"

    print("| mode | req/s | throughput | p50 | p99 | p50 ratio | p99 ratio | CPU per request | CPU ratio | of it JIT | CPU ratio without JIT | receiver CPU per request | failed requests | spans created | received | dropped | heap after (all services) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (index, mode), rounds in sorted(modes.items()):
        spans = read_pairs(os.path.join(results, "%d-%s-spans.txt" % (index, mode)))
        runs = list(rounds.values())
        # A mode with 2 appended is a second set of services in that mode (load/run.sh).
        traced = re.sub(r"2$", "", mode) != "off"
        cpu = [run["cpu"] for run in runs if "cpu" in run]
        jit = [run["jit"] / run["cpu"] for run in runs if run.get("cpu")  and "jit" in run]
        receiver = [run["receiver"] for run in runs if "receiver" in run]
        no_jit = all("cpuNoJit" in run for run in runs) and all("cpuNoJit" in off[r] for r in rounds if r in off)
        print("| %s | %.0f | %s | %.0f ms | %.0f ms | %s | %s | %s | %s | %s | %s | %s | %d of %d | %s | %s | %s | %s MB |" % (
            mode, statistics.median(run["rps"] for run in runs), interval(rounds, "rps"),
            statistics.median(run["p50"] for run in runs), statistics.median(run["p99"] for run in runs),
            fmt(median_ratio(rounds, "p50")), interval(rounds, "p99"),
            fmt(statistics.median(cpu) if cpu else None, "%.1f ms"),
            interval(rounds, "cpu") if cpu else "-",
            fmt(100 * statistics.median(jit) if jit else None, "%.0f%%"),
            fmt(median_ratio(rounds, "cpuNoJit") if no_jit else None),
            fmt(1000 * statistics.median(receiver) if receiver else None, "%.0f us"),
            sum(run["failed"] for run in runs), sum(run["requests"] for run in runs),
            spans.get("created", "-") if traced else "-", spans.get("received", "-") if traced else "-",
            spans.get("dropped", "-") if traced else "-", spans.get("heapUsedMb", "-")))
    print()
    print("req/s, p50, p99, CPU per request (the services' CPU time over requests served): medians over"
          " %d rounds of each mode; ratios: medians of the ratio to tracing off in the same round. JIT: the part"
          " of the CPU time that the JIT compiler threads used; without JIT: the ratio of the rest. Receiver: the CPU time"
          " of the process that receives the spans, on the same cores. In brackets (five rounds or more): the 95%%"
          " bootstrap interval of the median ratio over the rounds." % len(off))


if __name__ == "__main__":
    main(sys.argv[1])
