#!/usr/bin/env python3
"""Prints the results of benchmarks/run.sh as one Markdown table, with each variant's
ratio to the raw SDK span measured in the same JVM and on the same classpath, and
whether the starter's targets held.

Times are per call: JMH's wall-clock score (mean and its 99.9% error), the median of the
iterations, and the median CPU time of the benchmark thread (ThreadCpuTimeProfiler), which
leaves out the time the thread waited for a core on a busy machine. Ratios use medians.

Usage: report.py RESULT.json JAR [RESULT.json JAR ...]
(JMH's -rf json output, and the jar it came from, to name the OpenTelemetry version).
"""

import json
import statistics
import sys
import zipfile

# Table order; variants not listed here follow in the order JMH wrote them.
ORDER = ["plain", "rawSdkSpan", "traced", "rawSdkSpanSampledOff", "tracedSampledOff",
         "newSpan", "observed", "withSpan"]

CLASSPATHS = {
    "TracingOverheadBenchmark": "this starter",
    "OtelStarterPeerBenchmark": "OTel starter",
}

BASELINE = "rawSdkSpan"


def sdk_version(jar):
    try:
        with zipfile.ZipFile(jar) as archive:
            text = archive.read("io/opentelemetry/sdk/version.properties").decode()
    except (OSError, KeyError, zipfile.BadZipFile):
        return "?"
    for line in text.splitlines():
        if line.startswith("sdk.version="):
            return line.split("=", 1)[1].strip()
    return "?"


def rows_of(result_file, jar):
    with open(result_file) as f:
        results = json.load(f)
    version = sdk_version(jar)
    rows = []
    for result in results:
        benchmark_class, variant = result["benchmark"].rsplit(".", 1)
        simple_class = benchmark_class.rsplit(".", 1)[-1]
        primary = result["primaryMetric"]
        iterations = [value for fork in primary.get("rawData", []) for value in fork]
        secondary = result.get("secondaryMetrics", {})
        alloc = secondary.get("gc.alloc.rate.norm")
        cpu = secondary.get("cpu.time.norm")
        cpu_iterations = [value for fork in cpu.get("rawData", []) for value in fork] if cpu else []
        rows.append({
            "classpath": "%s (OTel %s)" % (CLASSPATHS.get(simple_class, simple_class), version),
            "variant": variant,
            "ns": float(primary["score"]),
            "error": float(primary["scoreError"]),
            "median": statistics.median(iterations) if iterations else float("nan"),
            "cpu": statistics.median(cpu_iterations) if cpu_iterations else float("nan"),
            "bytes": float(alloc["score"]) if alloc else float("nan"),
            "unit": primary["scoreUnit"],
        })
    rank = {name: i for i, name in enumerate(ORDER)}
    rows.sort(key=lambda row: rank.get(row["variant"], len(ORDER)))
    baseline = next((row for row in rows if row["variant"] == BASELINE), None)
    for row in rows:
        for key in ("median", "cpu", "bytes"):
            row[key + "_ratio"] = ratio(row[key], baseline[key]) if baseline else float("nan")
    return rows


def ratio(value, baseline):
    return value / baseline if baseline else float("nan")


def number(value, digits=0):
    value = float(value)  # JMH writes "NaN" as a string
    if value != value:  # NaN: not measured
        return "n/a"
    return "{:,.{}f}".format(value, digits)


def print_table(rows):
    print("| classpath | variant | ns/op (mean ± 99.9%) | ns/op (median) | CPU ns/op (median) | B/op "
          "| ns/op vs rawSdkSpan | CPU ns/op vs rawSdkSpan | B/op vs rawSdkSpan |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| %s | `%s` | %s ± %s | %s | %s | %s | %sx | %sx | %sx |" % (
            row["classpath"], row["variant"], number(row["ns"]), number(row["error"]),
            number(row["median"]), number(row["cpu"]), number(row["bytes"]),
            number(row["median_ratio"], 2), number(row["cpu_ratio"], 2), number(row["bytes_ratio"], 2)))


def print_targets(rows):
    by_variant = {row["variant"]: row for row in rows if row["classpath"].startswith("this starter")}
    needed = ["traced", "rawSdkSpan", "tracedSampledOff", "rawSdkSpanSampledOff"]
    if not all(name in by_variant for name in needed):
        return
    traced, raw = by_variant["traced"], by_variant["rawSdkSpan"]
    off, raw_off = by_variant["tracedSampledOff"], by_variant["rawSdkSpanSampledOff"]

    def time_target(name, candidate, baseline, factor):
        # Judged on CPU time and on wall-clock time (medians): they differ when the machine was busy.
        verdicts = []
        for key, label in (("cpu", "CPU time"), ("median", "wall clock")):
            value = ratio(candidate[key], baseline[key])
            verdicts.append("%s %.2fx %s" % (label, value, "held" if value <= factor else "NOT held"))
        return "- %s: %s" % (name, ", ".join(verdicts))

    print()
    print("Targets:")
    print(time_target("traced ns/op <= 0.9x rawSdkSpan", traced, raw, 0.9))
    print("- traced B/op <= rawSdkSpan: %s vs %s B/op, %s" % (
        number(traced["bytes"]), number(raw["bytes"]),
        "held" if traced["bytes"] <= raw["bytes"] else "NOT held"))
    print(time_target("tracedSampledOff ns/op <= rawSdkSpanSampledOff", off, raw_off, 1.0))


def main(args):
    if not args or len(args) % 2:
        sys.exit(__doc__)
    rows = []
    for result_file, jar in zip(args[0::2], args[1::2]):
        rows.extend(rows_of(result_file, jar))
    print_table(rows)
    print_targets(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
