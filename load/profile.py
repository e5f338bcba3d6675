"""Prints where each mode of a profiled load run (LOAD_PROFILE=cpu or alloc, load/run.sh)
spends its CPU time or allocates, per request, in buckets that say what tracing is made of.

Each stack of async-profiler's collapsed output (one line per stack, threads first) goes to
one bucket: the first frame from the leaf up that belongs to a known part decides, JDK and
native frames being skipped (a HashMap lookup or a system call belongs to whoever made it).
Threads of their own (JIT compilers, GC, the span exporter) are buckets of their own. The
samples of a mode are then scaled to what it used per request: CPU time per request from
the rounds (the services' CPU over requests served), allocation as counted by the profiler."""
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import read_wrk  # noqa: E402

# (bucket, frame prefixes), tried in this order on each frame.
PARTS = [
    ("propagation (W3C headers)", ("io/opentelemetry/api/trace/propagation", "io/opentelemetry/context/propagation",
                                   "io/opentelemetry/extension/trace/propagation")),
    ("OTel context, scopes", ("io/opentelemetry/context",)),
    ("span export: serialization", ("io/opentelemetry/exporter/internal/marshal", "io/opentelemetry/exporter/internal/otlp",
                                    "io/opentelemetry/exporter/internal/grpc", "io/opentelemetry/exporter/otlp/internal")),
    ("span export: compression", ("java/util/zip",)),
    ("span export: HTTP sending", ("io/opentelemetry/exporter", "okhttp3", "okio")),
    ("batch span processor", ("io/opentelemetry/sdk/trace/export",)),
    ("OTel SDK: spans, attributes, ids", ("io/opentelemetry/sdk", "io/opentelemetry/api")),
    ("load probe (harness)", ("io/github/oteltracing/load/probe",)),
    (None, ("io/github/oteltracing/load/pair", "io/github/oteltracing/sample")),
    ("starter code", ("io/github/oteltracing/",)),
    ("context-propagation, Reactor hooks", ("io/micrometer/context", "reactor/core/publisher/ContextPropagation",
                                            "reactor/core/publisher/Hooks")),
    ("Micrometer observations, metrics", ("io/micrometer/", "org/springframework/http/server/observation",
                                          "org/springframework/http/client/observation",
                                          "org/springframework/web/filter/ServerHttpObservationFilter")),
    ("MDC, log correlation", ("org/slf4j/MDC", "ch/qos/logback/classic/util/LogbackMDCAdapter",
                              "org/apache/logging/log4j/ThreadContext")),
    ("Spring AOP proxies", ("org/springframework/aop", "$$SpringCGLIB$$")),
]
# Application, web server, HTTP client, JSON, database, ...: what tracing wraps.
APPLICATION = "application, Tomcat, Spring MVC, HTTP client, JSON, JDBC"
THREADS = [
    ("JIT compilers", re.compile(r"C\d CompilerThre|Compiler")),
    ("GC, VM threads", re.compile(r"GC|G1|VM Thread|VM Periodic|Service Thread|Sweeper|Reference Handler|Finalizer")),
]
EXPORT_THREAD = re.compile(r"BatchSpanProcessor|OkHttp|otel|Okio", re.IGNORECASE)
NEUTRAL = re.compile(r"^(java/|javax/|jdk/|sun/|com/sun/|kotlin/)")


def bucket(thread, frames):
    for name, pattern in THREADS:
        if pattern.search(thread):
            return name
    for frame in reversed(frames):
        # Native frames come as symbols or, without one, as the library's path (libz's
        # deflate is /usr/lib/.../libz.so): both belong to the Java frame that called them.
        if "/" not in frame or frame.startswith("/") or NEUTRAL.match(frame) and not frame.startswith("java/util/zip"):
            continue
        for name, prefixes in PARTS:
            if any(frame.startswith(prefix) or (prefix.startswith("$") and prefix in frame) for prefix in prefixes):
                if name == "starter code":
                    # By package: http, traced, logging, baggage, ... (internal/http as http).
                    packages = frame.split("/")[3:]
                    return "starter: " + (packages[1] if packages[0] == "internal" and len(packages) > 2 else packages[0])
                return name or APPLICATION
        return APPLICATION
    return "span export: other" if EXPORT_THREAD.search(thread) else "JDK threads (HTTP client, NIO), kernel, JVM"


def read_profile(path):
    buckets = {}
    total = 0
    with open(path) as profile:
        for line in profile:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            thread = frames[0] if frames and frames[0].startswith("[") else ""
            name = bucket(thread, frames[1:] if thread else frames)
            if EXPORT_THREAD.search(thread) and not name.startswith("span export"):
                name = "span export: " + name
            buckets[name] = buckets.get(name, 0) + int(count)
            total += int(count)
    return buckets, total


def main(results):
    with open(os.path.join(results, "profile-event.txt")) as event_file:
        alloc = event_file.read().strip() == "alloc"
    modes = {}
    for path in glob.glob(os.path.join(results, "*.collapsed")):
        match = re.fullmatch(r"(\d+)-(.+)-([a-z]+)\.collapsed", os.path.basename(path))
        modes.setdefault((int(match.group(1)), match.group(2)), []).append(path)
    if not modes:
        sys.exit("no profiles in " + results)
    per_request = {}
    for (index, mode), paths in sorted(modes.items()):
        requests = 0
        cpu = 0.0
        for path in glob.glob(os.path.join(results, "%d-%s-round-*.txt" % (index, mode))):
            run = read_wrk(path)
            requests += run["requests"]
            cpu += run.get("cpu", 0.0) * run["requests"]
        buckets = {}
        total = 0
        for path in paths:
            service_buckets, service_total = read_profile(path)
            total += service_total
            for name, value in service_buckets.items():
                buckets[name] = buckets.get(name, 0) + value
        if not requests or not total:
            continue
        # CPU: samples are shares of the CPU time measured per request (us); allocation: shares of
        # the allocation samples, in per cent (the profiler samples allocations, it does not count bytes).
        scale = (100.0 / total) if alloc else (cpu * 1000.0 / requests / total)
        per_request[mode] = ({name: value * scale for name, value in buckets.items()}, total * scale)
    unit = "% of allocation samples" if alloc else "CPU us"
    names = sorted({name for values, _ in per_request.values() for name in values},
                   key=lambda name: -max(values.get(name, 0) for values, _ in per_request.values()))
    mode_names = list(per_request)
    print("| %s | %s |" % (unit if alloc else "per request (%s)" % unit, " | ".join(mode_names)))
    print("|---|%s" % ("---|" * len(mode_names)))
    for name in names:
        print("| %s | %s |" % (name, " | ".join(("%.1f" if alloc else "%.0f") % per_request[mode][0].get(name, 0) for mode in mode_names)))
    print("| **total** | %s |" % " | ".join("**%.0f**" % per_request[mode][1] for mode in mode_names))
    print()
    print("All services of a mode, over the requests of its rounds; " + (
        "shares of the allocation samples." if alloc else "CPU scaled to the CPU time measured per request."))


if __name__ == "__main__":
    main(sys.argv[1])
