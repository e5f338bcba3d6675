#!/usr/bin/env bash
# Load runs of the sample order flow (order -> inventory, payment) on 127.0.0.1, one mode
# after the other in the same run so that their ratios hold: tracing off; on with every
# trace sampled and the collector up; on with the collector down; on with the collector
# hanging; rate-limited sampling; tracing off again (to see how much the machine drifted).
# Prints throughput and p50/p99 latency as ratios to tracing off, failed requests, spans
# created vs received, and the heap after each mode. See docs/reliability.md.
#
#   load/run.sh                      builds what it needs, then about 8 minutes of runs
#   LOAD_SKIP_BUILD=1                reuse the jars of an earlier build
#   LOAD_MODES="off on down hang rate-limited off"
#   LOAD_DURATION=20 LOAD_WARMUP=25  seconds measured / warmed up per mode (the JIT needs the warm-up)
#   LOAD_CONNECTIONS=32 LOAD_THREADS=2
#   LOAD_JAVA_OPTS                   JVM options of the services (-Xms256m -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

MODES=${LOAD_MODES:-"off on down hang rate-limited off"}
DURATION=${LOAD_DURATION:-20}
WARMUP=${LOAD_WARMUP:-25}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
THREADS=${LOAD_THREADS:-2}
JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms256m -Xmx256m}
ORDER_PORT=18080 INVENTORY_PORT=18081 PAYMENT_PORT=18082
SINK_PORT=14318 HANG_PORT=14319 DOWN_PORT=14320

RESULTS="load/target/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"
PIDS=()

fail() {
	echo "load: $*" >&2
	exit 1
}

cleanup() {
	trap - EXIT INT TERM
	if ((${#PIDS[@]} > 0)); then
		kill -KILL "${PIDS[@]}" 2>/dev/null || true
	fi
}
trap cleanup EXIT INT TERM

port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for port in $ORDER_PORT $INVENTORY_PORT $PAYMENT_PORT $SINK_PORT $HANG_PORT $DOWN_PORT; do
	port_open "$port" && fail "port $port on 127.0.0.1 is in use; stop what uses it first."
done

if ! command -v wrk >/dev/null; then
	echo "Installing wrk (Debian package)..."
	if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || fail "curl is needed."

if [[ "${LOAD_SKIP_BUILD:-}" != 1 ]]; then
	echo "Building the starter, the three sample services and the load tools..."
	./mvnw -B -q -DskipTests install -pl sample-order-service,sample-inventory-service,sample-payment-service -am
	./mvnw -B -q -f benchmarks/load/pom.xml package
fi
find_jar() {
	local jars=($1)
	[[ -f "${jars[0]}" ]] || fail "no $1: run load/run.sh without LOAD_SKIP_BUILD."
	echo "${jars[0]}"
}
ORDER_JAR=$(find_jar "sample-order-service/target/*-exec.jar")
INVENTORY_JAR=$(find_jar "sample-inventory-service/target/*-exec.jar")
PAYMENT_JAR=$(find_jar "sample-payment-service/target/*-exec.jar")
PROBE_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*-SNAPSHOT.jar")
SINK_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*-sink.jar")

# The collector: counts spans on SINK_PORT, hangs on HANG_PORT; nothing listens on DOWN_PORT.
java -Xmx256m -jar "$SINK_JAR" --port "$SINK_PORT" --hang-port "$HANG_PORT" >"$RESULTS/sink.log" 2>&1 &
PIDS+=($!)

wait_for() {
	local url=$1 what=$2
	for _ in $(seq 1 180); do
		curl -sf "$url" >/dev/null 2>&1 && return 0
		sleep 1
	done
	fail "$what did not start; see $RESULTS."
}
wait_for "http://127.0.0.1:$SINK_PORT/count" "the sink"

mode_args() {
	case "$1" in
		off) echo "--tracing.enabled=false" ;;
		on) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT" ;;
		down) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$DOWN_PORT" ;;
		hang) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$HANG_PORT" ;;
		rate-limited) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.sampling.strategy=rate-limited" ;;
		*) fail "unknown mode $1" ;;
	esac
}

# A sample service with the probe that counts the spans it creates (benchmarks/load).
start_service() {
	local name=$1 jar=$2 port=$3 dir=$4
	shift 4
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
	java $JAVA_OPTS -Dloader.path="$PROBE_JAR" -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
		--server.port="$port" --server.address=127.0.0.1 --logging.level.root=warn \
		--tracing.http.server.exclude-paths=/load/** --tracing.exporter.batch.schedule-delay=5s \
		--services.inventory.url="http://127.0.0.1:$INVENTORY_PORT" --services.payment.url="http://127.0.0.1:$PAYMENT_PORT" \
		"$@" >"$dir/$name.log" 2>&1 &
	SERVICE_PIDS+=($!)
	PIDS+=($!)
}

probe() {
	curl -sf "http://127.0.0.1:$1/load/$2" || true
}

sum_probe() {
	local key=$1 total=0 value
	for port in $ORDER_PORT $INVENTORY_PORT $PAYMENT_PORT; do
		value=$(probe "$port" spans | awk -v k="$key" '$1 == k {print $2}')
		total=$((total + ${value:-0}))
	done
	echo "$total"
}

sink_total() {
	local total
	total=$(curl -sf "http://127.0.0.1:$SINK_PORT/count" | awk '$1 == "total" {print $2}' || true)
	echo "${total:-0}"
}

# Waits until every span created has been exported and received, or for at most $1 seconds.
drain() {
	local created received
	for _ in $(seq 1 "$1"); do
		created=$(sum_probe created)
		received=$(sink_total)
		[[ $(sum_probe queued) == 0 && "$received" -ge "$created" ]] && return 0
		sleep 1
	done
	return 0
}

index=0
for mode in $MODES; do
	index=$((index + 1))
	dir="$RESULTS/$index-$mode"
	mkdir -p "$dir"
	echo "== $index. $mode: starting the services ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
	SERVICE_PIDS=()
	# shellcheck disable=SC2046 # mode_args is a list of options
	start_service inventory "$INVENTORY_JAR" "$INVENTORY_PORT" "$dir" $(mode_args "$mode")
	# shellcheck disable=SC2046
	start_service payment "$PAYMENT_JAR" "$PAYMENT_PORT" "$dir" $(mode_args "$mode")
	# shellcheck disable=SC2046
	start_service order "$ORDER_JAR" "$ORDER_PORT" "$dir" $(mode_args "$mode")
	for port in $INVENTORY_PORT $PAYMENT_PORT $ORDER_PORT; do
		wait_for "http://127.0.0.1:$port/load/spans" "the service on port $port"
	done

	echo "   warming up for ${WARMUP}s"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s load/orders.lua "http://127.0.0.1:$ORDER_PORT/orders" >"$dir/warmup.txt"
	[[ "$mode" == on || "$mode" == rate-limited ]] && drain 15
	curl -sf -X POST "http://127.0.0.1:$SINK_PORT/reset" >/dev/null
	for port in $ORDER_PORT $INVENTORY_PORT $PAYMENT_PORT; do
		curl -sf -X POST "http://127.0.0.1:$port/load/reset" >/dev/null
	done

	dropped_before=$(sum_probe dropped)
	failures_before=$(sum_probe failures)
	echo "   measuring for ${DURATION}s"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s load/orders.lua \
		"http://127.0.0.1:$ORDER_PORT/orders" >"$dir/wrk.txt"
	[[ "$mode" == on || "$mode" == rate-limited ]] && drain 20
	{
		echo "created $(sum_probe created)"
		echo "received $(sink_total)"
		echo "dropped $(($(sum_probe dropped) - dropped_before))"
		echo "failures $(($(sum_probe failures) - failures_before))"
	} >"$dir/spans.txt"
	heap=0
	for port in $ORDER_PORT $INVENTORY_PORT $PAYMENT_PORT; do
		value=$(probe "$port" heap | awk '$1 == "heapUsedMb" {print $2}')
		heap=$((heap + ${value:-0}))
	done
	echo "heapUsedMb $heap" >>"$dir/spans.txt"
	grep -E "Requests/sec|Non-2xx|Socket errors" "$dir/wrk.txt" | sed 's/^/   /' || true

	kill -TERM "${SERVICE_PIDS[@]}" 2>/dev/null || true
	# Stopping flushes what is queued, for at most the export timeout: no need to wait for that here.
	for _ in $(seq 1 10); do
		kill -0 "${SERVICE_PIDS[@]}" 2>/dev/null || break
		sleep 1
	done
	kill -KILL "${SERVICE_PIDS[@]}" 2>/dev/null || true
	wait "${SERVICE_PIDS[@]}" 2>/dev/null || true
done

echo
python3 load/report.py "$RESULTS" | tee "$RESULTS/table.md"
