#!/usr/bin/env bash
# Builds the two benchmark jars, runs them one after the other and prints one table of
# ns/op, B/op and ratios to the raw SDK span measured in the same JVM. See docs/benchmarks.md.
#
# Defaults: 1 fork, 5 warm-up iterations of 2 s (the @WithSpan path needs about that long
# to be compiled on a busy 2-core machine) and 10 measured iterations of 1 s per
# variant (many short iterations give a median that a few disturbed ones do not move),
# so about 5 minutes of measuring for the 12 variants. Override with JMH_ARGS, for example
#   JMH_ARGS="-f 2 -wi 5 -w 2s -i 10 -r 2s" benchmarks/run.sh
# SKIP_BUILD=1 reuses the jars of the last build.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

jmh_args=${JMH_ARGS:-"-f 1 -wi 5 -w 2s -i 10 -r 1s"}
results="benchmarks/target/results"
starter_jar="benchmarks/target/otel-tracing-benchmarks.jar"
peer_jar="benchmarks/otel-starter-peer/target/otel-tracing-benchmarks-otel-starter-peer.jar"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
	# -am also builds the starter, so the benchmark measures the code in this work tree.
	./mvnw -B -q -Pbench -pl benchmarks,benchmarks/otel-starter-peer -am package -DskipTests
fi
mkdir -p "$results"

run() {
	local jar="$1" result="$2"
	# The load average shows how much else ran on the machine at the time.
	echo "== $(basename "$jar"): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	# shellcheck disable=SC2086 # jmh_args is a list of options
	# gc: bytes allocated per call; ThreadCpuTimeProfiler: CPU time per call, which time spent
	# waiting for a core does not inflate.
	# The HTTP and OTLP encoding and export benchmarks have their own baselines and are run on their own.
	java -jar "$jar" $jmh_args -prof gc -prof io.github.oteltracing.benchmarks.shared.ThreadCpuTimeProfiler \
		-e 'HttpBenchmark|OtlpEncodingBenchmark|OtlpExportBenchmark' -rf json -rff "$result"
	echo "== done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# One JVM per classpath: the OpenTelemetry starter needs a newer OpenTelemetry than this one.
run "$starter_jar" "$results/starter.json"
run "$peer_jar" "$results/otel-starter.json"

echo
python3 benchmarks/report.py "$results/starter.json" "$starter_jar" "$results/otel-starter.json" "$peer_jar" \
	| tee "$results/table.md"
