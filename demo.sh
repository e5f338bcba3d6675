#!/usr/bin/env bash
# The demo without Docker: the three sample services export to a local trace sink, a few
# orders go through them, and each order's trace is printed as a waterfall. Needs only
# Java 17 or newer; everything listens on 127.0.0.1. Everything it starts is stopped
# however it ends: at the end, on Ctrl-C, TERM or HUP, when its output is closed
# (./demo.sh | head), and, by a watchdog, even when it is killed with KILL.
#
#   ORDER_PORT, INVENTORY_PORT, PAYMENT_PORT, SINK_PORT   ports (8080, 8081, 8082, 4318)
#   DEMO_SKIP_BUILD=1        reuse the jars of an earlier run instead of building
#   DEMO_STARTUP_TIMEOUT     seconds to wait for the services to start (180)
#   DEMO_JAVA_OPTS           JVM options of the services
set -euo pipefail
cd "$(dirname "$0")"

ORDER_PORT=${ORDER_PORT:-8080}
INVENTORY_PORT=${INVENTORY_PORT:-8081}
PAYMENT_PORT=${PAYMENT_PORT:-8082}
SINK_PORT=${SINK_PORT:-4318}
STARTUP_TIMEOUT=${DEMO_STARTUP_TIMEOUT:-180}
# Quick start-up over peak performance: the services only serve a handful of requests.
JAVA_OPTS=${DEMO_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m}

fail() {
	echo "demo: $*" >&2
	exit 1
}

command -v java >/dev/null || fail "Java 17 or newer is needed, and no 'java' is on the PATH."
JAVA_VERSION=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
JAVA_VERSION=${JAVA_VERSION#1.}
[[ "$JAVA_VERSION" =~ ^[0-9]+$ ]] && ((JAVA_VERSION >= 17)) ||
	fail "Java 17 or newer is needed; the 'java' on the PATH is version ${JAVA_VERSION:-unknown}."

# name=port pairs; plain arrays and no associative ones, for the bash 3 of macOS.
PORTS=("ORDER_PORT=$ORDER_PORT" "INVENTORY_PORT=$INVENTORY_PORT" "PAYMENT_PORT=$PAYMENT_PORT" "SINK_PORT=$SINK_PORT")
for pair in "${PORTS[@]}"; do
	port=${pair#*=}
	[[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || fail "$pair is not a port number."
done
if (($(printf '%s\n' "${PORTS[@]#*=}" | sort -u | wc -l) != ${#PORTS[@]})); then
	fail "ORDER_PORT, INVENTORY_PORT, PAYMENT_PORT and SINK_PORT must differ (now ${PORTS[*]})."
fi

# A port is taken if something already accepts connections on it.
port_taken() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_ports() {
	for pair in "${PORTS[@]}"; do
		if port_taken "${pair#*=}"; then
			fail "port ${pair#*=} on 127.0.0.1 is already in use. Stop what uses it, or choose another: ${pair%%=*}=<port> ./demo.sh"
		fi
	done
}

check_ports
if [[ "${DEMO_SKIP_BUILD:-}" != 1 ]]; then
	echo "Building the starter, the three sample services and the demo runner (the first build downloads dependencies)..."
	./mvnw -B -q -DskipTests install \
		-pl sample-order-service,sample-inventory-service,sample-payment-service,demo -am
	# The build took a while: make sure nothing took a port meanwhile.
	check_ports
fi

executable_jar() {
	local jars=("$1"/target/*-exec.jar)
	[[ -f "${jars[0]}" ]] || fail "no runnable jar in $1/target: run ./demo.sh without DEMO_SKIP_BUILD."
	echo "${jars[0]}"
}
DEMO_JAR=$(executable_jar demo)
ORDER_JAR=$(executable_jar sample-order-service)
INVENTORY_JAR=$(executable_jar sample-inventory-service)
PAYMENT_JAR=$(executable_jar sample-payment-service)

LOG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/otel-tracing-demo.XXXXXX")
PIDS=()

# Asks the processes to stop (the services flush their spans and shut down gracefully),
# and kills whatever still runs 20 seconds later.
stop_processes() {
	local i pid left
	(($# > 0)) || return 0
	kill -TERM "$@" 2>/dev/null || true
	for ((i = 0; i < 100; i++)); do
		left=()
		for pid in "$@"; do
			if kill -0 "$pid" 2>/dev/null; then left+=("$pid"); fi
		done
		((${#left[@]} > 0)) || return 0
		sleep 0.2
	done
	kill -KILL "${left[@]}" 2>/dev/null || true
}

# The watchdog outlives this script, however it ends (even by KILL, which no trap sees): it
# reads the ids of the processes the script starts from a pipe whose only writer is the
# script, and stops them itself when the pipe closes before the script said "stopped".
# It ignores the signals a terminal sends the whole group, and writes nowhere.
watchdog() {
	trap '' INT TERM HUP PIPE
	local line pids=()
	while IFS= read -r line; do
		[[ "$line" == stopped ]] && return 0
		pids+=("$line")
	done
	stop_processes ${pids[@]+"${pids[@]}"}
}
exec 9> >(watchdog >/dev/null 2>&1)

# Stops everything this script started, whatever ended it: first the processes, then the
# messages, which go nowhere if nobody reads any more (./demo.sh | head).
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	trap '' PIPE
	# ${a[@]+"${a[@]}"}: an empty array, even under set -u in the bash 3 of macOS.
	stop_processes ${PIDS[@]+"${PIDS[@]}"}
	wait ${PIDS[@]+"${PIDS[@]}"} 2>/dev/null || true
	{ echo stopped >&9 && exec 9>&-; } 2>/dev/null || true
	if ((${#PIDS[@]} > 0)); then
		echo "Stopped the demo processes. Logs of this run: $LOG_DIR" 2>/dev/null || true
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

# Starts a Java process in the background, known to cleanup and to the watchdog; it does
# not inherit the watchdog's pipe, which must close when this script is gone.
start_java() {
	local log=$1
	shift
	if [[ -n "$log" ]]; then
		# shellcheck disable=SC2086
		java $JAVA_OPTS "$@" >"$log" 2>&1 9>&- &
	else
		java "$@" 9>&- &
	fi
	PIDS+=($!)
	echo "$!" >&9
}

SINK="http://127.0.0.1:$SINK_PORT"
start_service() {
	local name=$1 jar=$2 port=$3
	shift 3
	start_java "$LOG_DIR/$name.log" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
		--tracing.exporter.otlp.endpoint="$SINK" "$@"
	SERVICE_NAMES+=("$name")
	SERVICE_PIDS+=($!)
}

echo "Starting a trace sink on 127.0.0.1:$SINK_PORT and the sample services (logs in $LOG_DIR)"
start_java "" -jar "$DEMO_JAR" --sink-port "$SINK_PORT" --order-url "http://127.0.0.1:$ORDER_PORT" \
	--wait-for "order-service=127.0.0.1:$ORDER_PORT" \
	--wait-for "inventory-service=127.0.0.1:$INVENTORY_PORT" \
	--wait-for "payment-service=127.0.0.1:$PAYMENT_PORT" \
	--startup-timeout "$STARTUP_TIMEOUT"
RUNNER_PID=$!

SERVICE_NAMES=()
SERVICE_PIDS=()
start_service inventory-service "$INVENTORY_JAR" "$INVENTORY_PORT"
start_service payment-service "$PAYMENT_JAR" "$PAYMENT_PORT"
start_service order-service "$ORDER_JAR" "$ORDER_PORT" \
	--services.inventory.url="http://127.0.0.1:$INVENTORY_PORT" \
	--services.payment.url="http://127.0.0.1:$PAYMENT_PORT"

# The runner waits for the services, sends the orders and prints the traces; meanwhile a
# service that dies ends the demo at once instead of at the runner's timeout.
while kill -0 "$RUNNER_PID" 2>/dev/null; do
	for ((i = 0; i < ${#SERVICE_PIDS[@]}; i++)); do
		if ! kill -0 "${SERVICE_PIDS[$i]}" 2>/dev/null; then
			echo "demo: ${SERVICE_NAMES[$i]} stopped unexpectedly. The end of its log:" >&2
			tail -n 40 "$LOG_DIR/${SERVICE_NAMES[$i]}.log" >&2 || true
			exit 1
		fi
	done
	sleep 0.5
done
status=0
wait "$RUNNER_PID" || status=$?
exit "$status"
