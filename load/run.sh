#!/usr/bin/env bash
# Load runs on 127.0.0.1 of one of two flows, in several modes side by side:
#   orders (the default): the sample order flow (order -> inventory, payment), modes tracing
#     off; on with every trace sampled and the collector up; on with the collector down; on
#     with the collector hanging; rate-limited sampling.
#   pair: a front -> back pair of Spring MVC services over a RestTemplate (benchmarks/load,
#     three spans per request), modes off, on, sampled-off, down, hang.
# Each mode has its own services, all running at once; after a warm-up the modes take turns
# in short rounds, so that whatever else the machine does falls on all of them alike, and
# each mode is compared with tracing off in the same round. Prints throughput and p50/p99
# latency as ratios to tracing off, CPU per request, failed requests, spans created vs
# received, and the heap after the run. See docs/reliability.md and docs/benchmarks.md.
#
#   load/run.sh                       builds what it needs, then 10 to 20 minutes of runs
#   LOAD_FLOW=pair                    the two-service pair instead of the order flow
#   LOAD_SKIP_BUILD=1                 reuse the jars of an earlier build
#   LOAD_MAVEN_ARGS                   more arguments for the build, e.g. -o or
#                                     -Dmaven.repo.local=... (it installs the starter)
#   LOAD_MODES="off on down hang rate-limited"
#                                     also: no-export (exporter none), sampled-off (always-off),
#                                     mdc-off, client-off, server-off, big-batch (exports of
#                                     2048 spans), no-gzip, big-batch-no-gzip: where the cost
#                                     comes from;
#                                     a mode again with 2 appended (off2, on2) is a second set
#                                     of services in the same mode: how far two JVMs differ
#   LOAD_ROUNDS=4 LOAD_ROUND=10       rounds, and seconds each mode runs per round
#   LOAD_WARMUP=60 LOAD_WARMUP_MAX=300 LOAD_JIT_SETTLED=3
#                                     warm-up per mode, the modes taking turns: at least
#                                     60 s, then until the JIT compilers use at most 3% of
#                                     every mode's CPU (at most 300 s)
#   LOAD_CONNECTIONS=32 LOAD_THREADS=2
#   LOAD_RATE=1000                    offer about this many requests a second instead of as
#                                     many as the services serve (each connection pauses
#                                     LOAD_CONNECTIONS/LOAD_RATE s between requests): CPU
#                                     per request below saturation, where more threads
#                                     contending for the cores do not inflate it
#   LOAD_JAVA_OPTS                    JVM options of the services (-Xms256m -Xmx256m)
#   LOAD_PROFILE=cpu                  profile every service with async-profiler during the
#                                     rounds (cpu, alloc, or any async-profiler event) and
#                                     print where each mode's time or bytes per request go
#                                     (load/profile.py); fetches tools.profiler:async-profiler
set -euo pipefail
cd "$(dirname "$0")/.."

FLOW=${LOAD_FLOW:-orders}
case "$FLOW" in
	orders)
		DEFAULT_MODES="off on down hang rate-limited"
		# The services in the order they start; the last one is the one wrk calls.
		SERVICES=(inventory payment order)
		BASE_PORT=18000 SINK_PORT=14318 HANG_PORT=14319 DOWN_PORT=14320
		;;
	pair)
		DEFAULT_MODES="off on sampled-off down hang"
		SERVICES=(back front)
		BASE_PORT=19000 SINK_PORT=19900 HANG_PORT=19901 DOWN_PORT=19902
		;;
	*)
		echo "load: unknown LOAD_FLOW $FLOW (orders or pair)" >&2
		exit 1
		;;
esac
read -r -a MODES <<<"${LOAD_MODES:-$DEFAULT_MODES}"
ROUNDS=${LOAD_ROUNDS:-4}
ROUND=${LOAD_ROUND:-10}
WARMUP=${LOAD_WARMUP:-60}
WARMUP_MAX=${LOAD_WARMUP_MAX:-300}
JIT_SETTLED=${LOAD_JIT_SETTLED:-3}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
THREADS=${LOAD_THREADS:-2}
JAVA_OPTS=${LOAD_JAVA_OPTS:--Xms256m -Xmx256m}
PROFILE=${LOAD_PROFILE:-}
read -r -a MAVEN_ARGS <<<"${LOAD_MAVEN_ARGS:-}"
PROFILER_VERSION=4.2
# Mode i's service k listens on BASE_PORT + 100 i + k.
port() { echo $((BASE_PORT + $1 * 100 + $2)); }
ports() {
	local k
	for k in "${!SERVICES[@]}"; do port "$1" "$k"; done
}
entry_port() { port "$1" $((${#SERVICES[@]} - 1)); }

RESULTS="load/target/$(date +%Y%m%d-%H%M%S)"
declare -A MODE_PIDS
mkdir -p "$RESULTS"
PIDS=()

fail() {
	echo "load: $*" >&2
	exit 1
}

RATE=${LOAD_RATE:-}
# wrk's scripts read it (load/pace.lua); 0 sends the next request at once.
export LOAD_PAUSE_MS=0
if [[ -n "$RATE" ]]; then
	[[ "$RATE" =~ ^[1-9][0-9]*$ ]] || fail "LOAD_RATE must be a whole number of requests a second, not $RATE."
	LOAD_PAUSE_MS=$((CONNECTIONS * 1000 / RATE))
	((LOAD_PAUSE_MS > 0)) || fail "LOAD_RATE=$RATE is more than $CONNECTIONS connections can be paced to in whole milliseconds."
fi

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
	for port in $(ports "$i"); do
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
	./mvnw -B -q "${MAVEN_ARGS[@]}" -DskipTests install \
		-pl sample-order-service,sample-inventory-service,sample-payment-service -am
	./mvnw -B -q "${MAVEN_ARGS[@]}" -f benchmarks/load/pom.xml package
fi
# The newest match: target/ may still hold the jars of an earlier version.
find_jar() {
	local jar
	# shellcheck disable=SC2086 # a glob
	jar=$(ls -t $1 2>/dev/null | head -n 1)
	[[ -n "$jar" && -f "$jar" ]] || fail "no $1: run load/run.sh without LOAD_SKIP_BUILD."
	echo "$jar"
}
ORDER_JAR=$(find_jar "sample-order-service/target/*-exec.jar")
INVENTORY_JAR=$(find_jar "sample-inventory-service/target/*-exec.jar")
PAYMENT_JAR=$(find_jar "sample-payment-service/target/*-exec.jar")
PROBE_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*[0-9].jar")
SINK_JAR=$(find_jar "benchmarks/load/target/otel-tracing-load-*-sink.jar")
LOADER_PATH=$PROBE_JAR
PROFILER_OPTS=
if [[ -n "$PROFILE" ]]; then
	PROFILER_DIR=load/target/async-profiler-$PROFILER_VERSION
	if [[ ! -f "$PROFILER_DIR/linux-x64/libasyncProfiler.so" ]]; then
		echo "Fetching async-profiler $PROFILER_VERSION..."
		./mvnw -B -q "${MAVEN_ARGS[@]}" dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" \
			-DoutputDirectory="$PROFILER_DIR"
		(cd "$PROFILER_DIR" && unzip -q -o "async-profiler-$PROFILER_VERSION.jar" 'linux-x64/*')
	fi
	# The probe starts and stops the profiler through its Java API (/load/profile).
	LOADER_PATH="$PROBE_JAR,$PROFILER_DIR/async-profiler-$PROFILER_VERSION.jar"
	PROFILER_OPTS="-Dload.profiler=$PWD/$PROFILER_DIR/linux-x64/libasyncProfiler.so"
fi

# Waits until the URL answers; gives up at once when the processes given have died.
wait_for() {
	local url=$1 what=$2 pid
	shift 2
	for _ in $(seq 1 300); do
		curl -sf "$url" >/dev/null 2>&1 && return 0
		for pid in "$@"; do
			kill -0 "$pid" 2>/dev/null || fail "$what exited before it started; see $RESULTS."
		done
		sleep 1
	done
	fail "$what did not start; see $RESULTS."
}

# The collector: counts spans per service on SINK_PORT, hangs on HANG_PORT; nothing listens on DOWN_PORT.
java -Xmx256m -jar "$SINK_JAR" --port "$SINK_PORT" --hang-port "$HANG_PORT" >"$RESULTS/sink.log" 2>&1 &
SINK_PID=$!
PIDS+=("$SINK_PID")
wait_for "http://127.0.0.1:$SINK_PORT/count" "the sink" "$SINK_PID"

# A mode again with 2 appended (off2) runs as the mode itself, in services of its own.
base_mode() { echo "${1%2}"; }

mode_args() {
	# Every traced mode but down, hang and no-export exports to the sink.
	local sink="--tracing.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT"
	local big_batch="--tracing.exporter.batch.max-export-batch-size=2048 --tracing.exporter.batch.max-queue-size=8192"
	local no_gzip="--tracing.exporter.otlp.compression=none"
	case "$(base_mode "$1")" in
		off) echo "--tracing.enabled=false" ;;
		on) echo "$sink" ;;
		down) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$DOWN_PORT" ;;
		hang) echo "--tracing.exporter.otlp.endpoint=http://127.0.0.1:$HANG_PORT" ;;
		rate-limited) echo "$sink --tracing.sampling.strategy=rate-limited" ;;
		no-export) echo "--tracing.exporter.type=none" ;;
		sampled-off) echo "$sink --tracing.sampling.strategy=always-off" ;;
		mdc-off) echo "$sink --tracing.logging.mdc=false" ;;
		client-off) echo "$sink --tracing.http.client.enabled=false" ;;
		server-off) echo "$sink --tracing.http.server.enabled=false" ;;
		big-batch) echo "$sink $big_batch" ;;
		no-gzip) echo "$sink $no_gzip" ;;
		big-batch-no-gzip) echo "$sink $big_batch $no_gzip" ;;
		*) fail "unknown mode $1" ;;
	esac
}

# A service with the probe that counts the spans it creates (benchmarks/load), its service
# name suffixed with the mode so that the sink tells the modes apart. The pair runs from the
# inventory service's jar (Spring MVC on Tomcat and the starter), its classes on the loader path.
start_service() {
	local i=$1 k=$2 mode=${MODES[$1]} name=${SERVICES[$2]} jar main=() args=()
	case "$name" in
		order) jar=$ORDER_JAR args=(--services.inventory.url="http://127.0.0.1:$(port "$i" 0)"
			--services.payment.url="http://127.0.0.1:$(port "$i" 1)") ;;
		inventory) jar=$INVENTORY_JAR ;;
		payment) jar=$PAYMENT_JAR ;;
		front | back) jar=$INVENTORY_JAR main=(-Dloader.main=io.github.oteltracing.load.pair.PairApplication)
			args=(--pair.role="$name" --pair.back-url="http://127.0.0.1:$(port "$i" 0)") ;;
	esac
	# shellcheck disable=SC2086,SC2046 # lists of options
	java $JAVA_OPTS $PROFILER_OPTS -Dloader.path="$LOADER_PATH" "${main[@]}" -cp "$jar" \
		org.springframework.boot.loader.launch.PropertiesLauncher \
		--server.port="$(port "$i" "$k")" --server.address=127.0.0.1 --logging.level.root=warn \
		--tracing.service-name="$name-$mode" --tracing.http.server.exclude-paths=/load/** "${args[@]}" \
		--tracing.exporter.batch.schedule-delay=5s $(mode_args "$mode") >"$RESULTS/$mode-$name.log" 2>&1 &
	PIDS+=($!)
	MODE_PIDS[$i]="${MODE_PIDS[$i]:-} $!"
}

# CPU time used so far by a process, in clock ticks.
process_ticks() {
	local fields
	read -r -a fields <"/proc/$1/stat"
	# utime and stime, fields 14 and 15 (the command name has no spaces here).
	echo $((fields[13] + fields[14]))
}

# CPU time used so far by mode i's services, in clock ticks: on a shared machine
# the CPU spent per request is steadier than what throughput the machine leaves them.
# The receiver's is counted apart: on these cores it competes with the services, as a
# collector on the same host would.
cpu_ticks() {
	local total=0 pid
	for pid in ${MODE_PIDS[$1]}; do
		total=$((total + $(process_ticks "$pid")))
	done
	echo "$total"
}

# CPU time so far of the JIT compiler threads of mode i's services, in clock ticks: with
# tracing there is more code to compile, and on a busy machine the compilers are still at
# it long after the warm-up; their time is the JVM's, not the requests'.
jit_ticks() {
	local total=0 pid stat line rest fields
	for pid in ${MODE_PIDS[$1]}; do
		for stat in /proc/"$pid"/task/*/stat; do
			# Threads come and go between the listing and the read.
			{ read -r line <"$stat"; } 2>/dev/null || continue
			[[ "$line" == *"(C1 CompilerThre)"* || "$line" == *"(C2 CompilerThre)"* ]] || continue
			rest=${line##*) }
			read -r -a fields <<<"$rest"
			# utime and stime, fields 14 and 15 of the line, 12 and 13 after the name.
			total=$((total + fields[11] + fields[12]))
		done
	done
	echo "$total"
}

# Sums one value of the probes of mode i's services.
probe_sum() {
	local i=$1 path=$2 key=$3 total=0 value port
	for port in $(ports "$i"); do
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
	case "$(base_mode "$mode")" in off | down | hang | no-export) return 0 ;; esac
	for _ in $(seq 1 "$2"); do
		[[ $(probe_sum "$i" spans queued) == 0 && $(received "$mode") -ge $(probe_sum "$i" spans created) ]] && return 0
		sleep 1
	done
}

echo "Starting ${#MODES[@]} x ${#SERVICES[@]} services of the $FLOW flow ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))..."
for i in "${!MODES[@]}"; do
	for k in "${!SERVICES[@]}"; do
		start_service "$i" "$k"
	done
	for port in $(ports "$i"); do
		# shellcheck disable=SC2086 # the mode's process ids
		wait_for "http://127.0.0.1:$port/load/spans" "the ${MODES[$i]} service on port $port" ${MODE_PIDS[$i]}
	done
done

load() {
	local i=$1 seconds=$2 out=$3
	# A generous timeout: a slow answer is latency, not a failed request.
	local target=(-s load/orders.lua "http://127.0.0.1:$(entry_port "$i")/orders")
	[[ "$FLOW" == pair ]] && target=(-s load/pace.lua "http://127.0.0.1:$(entry_port "$i")/front")
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency "${target[@]}" >"$out"
}

# Runs load on mode i and appends to its wrk output the CPU time its services, their JIT
# compilers and the receiver used meanwhile, in clock ticks (load/report.py reads them).
measured_load() {
	local i=$1 seconds=$2 out=$3 cpu jit receiver
	cpu=$(cpu_ticks "$i") jit=$(jit_ticks "$i") receiver=$(process_ticks "$SINK_PID")
	load "$i" "$seconds" "$out"
	{
		echo "cpuTicks $(($(cpu_ticks "$i") - cpu)) $(getconf CLK_TCK)"
		echo "jitTicks $(($(jit_ticks "$i") - jit))"
		echo "receiverTicks $(($(process_ticks "$SINK_PID") - receiver))"
	} >>"$out"
}

# Sends an async-profiler command to every service of every mode.
profiler() {
	local i k port
	for i in "${!MODES[@]}"; do
		for k in "${!SERVICES[@]}"; do
			port=$(port "$i" "$k")
			curl -sf -X POST -G --data-urlencode "command=${1//@FILE@/$PWD/$RESULTS/$i-${MODES[$i]}-${SERVICES[$k]}.collapsed}" \
				"http://127.0.0.1:$port/load/profile" >/dev/null || fail "the profiler of port $port did not answer"
		done
	done
}

# Warm-up: the modes take turns in slices as long as a round's (a service left idle for
# minutes after its warm-up starts the rounds compiling again and slower), for at least
# WARMUP seconds each, then until every mode's last slice spent at most JIT_SETTLED percent
# of its CPU in the JIT compilers (a Spring service under load takes one to two minutes to
# get there on 2 cores, and its throughput doubles meanwhile), or WARMUP_MAX seconds.
declare -A JIT_SHARE
warmed=0 settled=0
echo "Warming up until the JIT compilers settle (load average $(cut -d' ' -f1-3 /proc/loadavg))"
while ((warmed < WARMUP || (settled == 0 && warmed < WARMUP_MAX))); do
	settled=1
	for i in "${!MODES[@]}"; do
		slice="$RESULTS/$i-${MODES[$i]}-warmup.txt"
		measured_load "$i" "$ROUND" "$slice"
		JIT_SHARE[$i]=$(awk '$1 == "cpuTicks" {cpu = $2} $1 == "jitTicks" {jit = $2}
			END {print (cpu > 0) ? int(100 * jit / cpu) : 100}' "$slice")
		((JIT_SHARE[$i] <= JIT_SETTLED)) || settled=0
	done
	warmed=$((warmed + ROUND))
done
for i in "${!MODES[@]}"; do
	echo "  ${MODES[$i]}: the JIT at ${JIT_SHARE[$i]}% of the CPU in its last ${ROUND} s of ${warmed} s"
done
((settled == 1)) || echo "  (not all settled after LOAD_WARMUP_MAX=${WARMUP_MAX}s: their ratios include compiling)"
for i in "${!MODES[@]}"; do
	drain "$i" 20
done
curl -sf -X POST "http://127.0.0.1:$SINK_PORT/reset" >/dev/null
declare -A DROPPED_BEFORE FAILURES_BEFORE
for i in "${!MODES[@]}"; do
	for port in $(ports "$i"); do
		curl -sf -X POST "http://127.0.0.1:$port/load/reset" >/dev/null
	done
	DROPPED_BEFORE[$i]=$(probe_sum "$i" spans dropped)
	FAILURES_BEFORE[$i]=$(probe_sum "$i" spans failures)
done

if [[ -n "$PROFILE" ]]; then
	# Only the rounds: total counts nanoseconds (cpu, wall) or bytes (alloc) rather than samples.
	echo "$PROFILE" >"$RESULTS/profile-event.txt"
	profiler "start,event=$PROFILE,interval=$([[ $PROFILE == alloc ]] && echo 64k || echo 1ms),total,threads"
fi
for round in $(seq 1 "$ROUNDS"); do
	echo "Round $round of $ROUNDS: ${#MODES[@]} x ${ROUND}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	# Each round starts with another mode, so that none always follows the same one.
	for step in "${!MODES[@]}"; do
		i=$(((step + round - 1) % ${#MODES[@]}))
		measured_load "$i" "$ROUND" "$RESULTS/$i-${MODES[$i]}-round-$round.txt"
	done
done

if [[ -n "$PROFILE" ]]; then
	profiler "stop,file=@FILE@,collapsed"
fi
echo "Collecting span counts and heaps..."
for i in "${!MODES[@]}"; do
	drain "$i" 20
done
for i in "${!MODES[@]}"; do
	mode=${MODES[$i]}
	{
		echo "created $(probe_sum "$i" spans created)"
		if [[ "$(base_mode "$mode")" != off ]]; then
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
if [[ -n "$PROFILE" ]]; then
	echo
	python3 load/profile.py "$RESULTS" | tee "$RESULTS/profile.md"
fi
