#!/usr/bin/env bash
# Load runs of the sample order flow (order -> inventory, payment) on 127.0.0.1 in five
# modes: tracing off; on with every trace sampled and the collector up; on with the
# collector down; on with the collector hanging; rate-limited sampling. Each mode has its
# own three services, all running at once; after a warm-up the modes take turns in short
# rounds, so that whatever else the machine does falls on all of them alike, and each
# mode is compared with tracing off in the same round. Prints throughput and p50/p99
# latency as ratios to tracing off, failed requests, spans created vs received, and the
# heap after the run. See docs/reliability.md.
#
#   load/run.sh                       builds what it needs, then about 8 minutes of runs
#   LOAD_SKIP_BUILD=1                 reuse the jars of an earlier build
#   LOAD_MODES="off on down hang rate-limited"
#                                     also: no-export (exporter none), sampled-off (always-off),
#                                     mdc-off, client-off, server-off: where the cost comes from
#   LOAD_ROUNDS=4 LOAD_ROUND=10       rounds, and seconds each mode runs per round
#   LOAD_WARMUP=60                    seconds of warm-up per mode (the JIT needs them)
#   LOAD_CONNECTIONS=32 LOAD_THREADS=2
#   LOAD_JAVA_OPTS                    JVM options of the services (-Xms256m -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a MODES <<<"${LOAD_MODES:-off on down hang rate-limited}"
ROUNDS=${LOAD_ROUNDS:-4}
ROUND=${LOAD_ROUND:-10}
WARMUP=${LOAD_WARMUP:-60}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
THREADS=${LOAD_THREADS:-2}
JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms256m -Xmx256m}
SINK_PORT=14318 HANG_PORT=14319 DOWN_PORT=14320
# Mode i listens on 18i00 (order), 18i01 (inventory), 18i02 (payment).
order_port() { echo $((18000 + $1 * 100)); }
inventory_port() { echo $((18001 + $1 * 100)); }
payment_port() { echo $((18002 + $1 * 100)); }

RESULTS="load/target/$(date +%Y%m%d-%H%M%S)"
declare -A MODE_PIDS
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

for i in "${!MODES[@]}"; do
	for port in $(order_port "$i") $(inventory_port "$i") $(payment_port "$i"); do
		port_open "$port" && fail "port $port on 127.0.0.1 is in use; stop what uses it first."
	done
done
for port in $SINK_PORT $HANG_PORT $DOWN_PORT; do
	port_open "$port" && fail "port $port on 127.0.0.1 is in use; stop what uses it first."
done

if ! command -v wrk >/dev/null; then
	echo "Installing wrk (Debian package)..."
	if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || fail "curl is needed."
command -v python3 >/dev/null || fail "python3 is needed for the report."

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
PROBE_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*[0-9].jar")
SINK_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*-sink.jar")

wait_for() {
	local url=$1 what=$2
	for _ in $(seq 1 300); do
		curl -sf "$url" >/dev/null 2>&1 && return 0
		sleep 1
	done
	fail "$what did not start; see $RESULTS."
}

# The collector: counts spans per service on SINK_PORT, hangs on HANG_PORT; nothing listens on DOWN_PORT.
java -Xmx256m -jar "$SINK_JAR" --port "$SINK_PORT" --hang-port "$HANG_PORT" >"$RESULTS/sink.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$SINK_PORT/count" "the sink"

mode_args() {
	case "$1" in
		off) echo "--tracing.enabled=false" ;;
		on) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT" ;;
		down) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$DOWN_PORT" ;;
		hang) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$HANG_PORT" ;;
		rate-limited) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.sampling.strategy=rate-limited" ;;
		no-export) echo "--tracing.exporter.type=none" ;;
		sampled-off) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.sampling.strategy=always-off" ;;
		mdc-off) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.logging.mdc=false" ;;
		client-off) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.http.client.enabled=false" ;;
		server-off) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT --tracing.http.server.enabled=false" ;;
		*) fail "unknown mode $1" ;;
	esac
}

# A sample service with the probe that counts the spans it creates (benchmarks/load), its
# service name suffixed with the mode so that the sink tells the modes apart.
start_service() {
	local name=$1 jar=$2 port=$3 i=$4 mode=${MODES[$4]}
	# shellcheck disable=SC2086,SC2046 # lists of options
	java $JAVA_OPTS -Dloader.path="$PROBE_JAR" -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
		--server.port="$port" --server.address=127.0.0.1 --logging.level.root=warn \
		--tracing.service-name="$name-$mode" --tracing.http.server.exclude-paths=/load/** \
		--services.inventory.url="http://127.0.0.1:$(inventory_port "$i")" \
		--services.payment.url="http://127.0.0.1:$(payment_port "$i")" \
		--tracing.exporter.batch.schedule-delay=5s $(mode_args "$mode") >"$RESULTS/$mode-$name.log" 2>&1 &
	PIDS+=($!)
	MODE_PIDS[$i]="${MODE_PIDS[$i]:-} $!"
}

# CPU time used so far by mode i's three services, in clock ticks: on a shared machine
# the CPU spent per request is steadier than what throughput the machine leaves them.
cpu_ticks() {
	local total=0 pid fields
	for pid in ${MODE_PIDS[$1]}; do
		read -r -a fields <"/proc/$pid/stat"
		# utime and stime, fields 14 and 15 (the command name has no spaces here).
		total=$((total + fields[13] + fields[14]))
	done
	echo "$total"
}

# Sums one value of the probes of mode i's services.
probe_sum() {
	local i=$1 path=$2 key=$3 total=0 value port
	for port in $(order_port "$i") $(inventory_port "$i") $(payment_port "$i"); do
		value=$(curl -sf "http://127.0.0.1:$port/load/$path" | awk -v k="$key" '$1 == k {print $2}' || true)
		total=$((total + ${value:-0}))
	done
	echo "$total"
}

received() {
	curl -sf "http://127.0.0.1:$SINK_PORT/count" | awk -v m="-$1" 'substr($1, length($1) - length(m) + 1) == m {s += $2} END {print s + 0}' || echo 0
}

# Waits until mode i has exported everything it created, or for at most $2 seconds.
drain() {
	local i=$1 mode=${MODES[$1]}
	case "$mode" in off | down | hang | no-export) return 0 ;; esac
	for _ in $(seq 1 "$2"); do
		[[ $(probe_sum "$i" spans queued) == 0 && $(received "$mode") -ge $(probe_sum "$i" spans created) ]] && return 0
		sleep 1
	done
}

echo "Starting ${#MODES[@]} x 3 services ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))..."
for i in "${!MODES[@]}"; do
	start_service inventory "$INVENTORY_JAR" "$(inventory_port "$i")" "$i"
	start_service payment "$PAYMENT_JAR" "$(payment_port "$i")" "$i"
	start_service order "$ORDER_JAR" "$(order_port "$i")" "$i"
	for port in $(inventory_port "$i") $(payment_port "$i") $(order_port "$i"); do
		wait_for "http://127.0.0.1:$port/load/spans" "the ${MODES[$i]} service on port $port"
	done
done

load() {
	local i=$1 seconds=$2 out=$3
	# A generous timeout: a slow answer is latency, not a failed request.
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s load/orders.lua \
		"http://127.0.0.1:$(order_port "$i")/orders" >"$out"
}

for i in "${!MODES[@]}"; do
	echo "Warming up ${MODES[$i]} for ${WARMUP}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	load "$i" "$WARMUP" "$RESULTS/$i-${MODES[$i]}-warmup.txt"
done
for i in "${!MODES[@]}"; do
	drain "$i" 20
done
curl -sf -X POST "http://127.0.0.1:$SINK_PORT/reset" >/dev/null
declare -A DROPPED_BEFORE FAILURES_BEFORE
for i in "${!MODES[@]}"; do
	for port in $(order_port "$i") $(inventory_port "$i") $(payment_port "$i"); do
		curl -sf -X POST "http://127.0.0.1:$port/load/reset" >/dev/null
	done
	DROPPED_BEFORE[$i]=$(probe_sum "$i" spans dropped)
	FAILURES_BEFORE[$i]=$(probe_sum "$i" spans failures)
done

for round in $(seq 1 "$ROUNDS"); do
	echo "Round $round of $ROUNDS: ${#MODES[@]} x ${ROUND}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	# Each round starts with another mode, so that none always follows the same one.
	for step in "${!MODES[@]}"; do
		i=$(((step + round - 1) % ${#MODES[@]}))
		before=$(cpu_ticks "$i")
		load "$i" "$ROUND" "$RESULTS/$i-${MODES[$i]}-round-$round.txt"
		echo "cpuTicks $(($(cpu_ticks "$i") - before)) $(getconf CLK_TCK)" >>"$RESULTS/$i-${MODES[$i]}-round-$round.txt"
	done
done

echo "Collecting span counts and heaps..."
for i in "${!MODES[@]}"; do
	drain "$i" 20
done
for i in "${!MODES[@]}"; do
	mode=${MODES[$i]}
	{
		echo "created $(probe_sum "$i" spans created)"
		if [[ "$mode" != off ]]; then
			echo "received $(received "$mode")"
			echo "dropped $(($(probe_sum "$i" spans dropped) - DROPPED_BEFORE[$i]))"
			echo "failures $(($(probe_sum "$i" spans failures) - FAILURES_BEFORE[$i]))"
		fi
		echo "heapUsedMb $(probe_sum "$i" heap heapUsedMb)"
	} >"$RESULTS/$i-$mode-spans.txt"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$RESULTS/loadavg.txt"

echo
python3 load/report.py "$RESULTS" | tee "$RESULTS/table.md"
