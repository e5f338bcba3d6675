"""Prints the table of a load run (load/run.sh): one row per mode, ratios to the first
run with tracing off."""
import os
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def read_wrk(path):
    result = {"rps": 0.0, "p50": None, "p99": None, "requests": 0, "failed": 0}
    with open(path) as wrk:
        text = wrk.read()
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if match:
        result["rps"] = float(match.group(1))
    for percentile in ("50", "99"):
        match = re.search(r"^\s+%s%%\s+(\S+)" % percentile, text, re.MULTILINE)
        if match:
            result["p" + percentile] = millis(match.group(1))
    match = re.search(r"(\d+) requests in", text)
    if match:
        result["requests"] = int(match.group(1))
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if match:
        result["failed"] += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        result["failed"] += sum(int(value) for value in match.groups())
    return result


def read_pairs(path):
    values = {}
    with open(path) as pairs:
        for line in pairs:
            parts = line.split()
            if len(parts) == 2:
                values[parts[0]] = int(parts[1])
    return values


def main(results):
    runs = []
    for name in sorted(os.listdir(results), key=lambda n: int(n.split("-")[0]) if n[0].isdigit() else 0):
        path = os.path.join(results, name)
        if not (os.path.isdir(path) and name[0].isdigit()):
            continue
        mode = name.split("-", 1)[1]
        run = read_wrk(os.path.join(path, "wrk.txt"))
        run.update(read_pairs(os.path.join(path, "spans.txt")))
        run["mode"] = mode
        runs.append(run)
    base = next((run for run in runs if run["mode"] == "off"), None)
    if base is None or not base["rps"]:
        sys.exit("no run with tracing off to compare with")

    def ratio(run, key):
        return "%.2fx" % (run[key] / base[key]) if run.get(key) and base.get(key) else "-"

    print("| mode | req/s | throughput | p50 | p99 | p50 ratio | p99 ratio | failed | spans created | received | dropped | heap after (MB, 3 services) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for run in runs:
        traced = run["mode"] != "off"
        print("| %s | %.0f | %s | %.1f ms | %.1f ms | %s | %s | %d of %d | %s | %s | %s | %s |" % (
            run["mode"], run["rps"], ratio(run, "rps"), run["p50"] or 0, run["p99"] or 0,
            ratio(run, "p50"), ratio(run, "p99"), run["failed"], run["requests"],
            run.get("created", "-") if traced else "-", run.get("received", "-") if traced else "-",
            run.get("dropped", "-") if traced else "-", run.get("heapUsedMb", "-")))


if __name__ == "__main__":
    main(sys.argv[1])
