#!/usr/bin/env bash
# Checks that ./demo.sh leaves nothing running, whatever ends it: its output closed early
# (./demo.sh | head -n 3), TERM, INT, HUP, the runner failing, and KILL, which the script
# cannot trap (its watchdog stops the services then). After each, no demo process is left
# and the ports are free again, so the next ./demo.sh can start.
#
#   demo/test-cleanup.sh    after one ./demo.sh (or a build), which made the runnable jars
#
# Uses ports of its own (18080-18082, 14318; the same variables as demo.sh), so it can run
# beside a demo. Takes about a minute and a half; not part of the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

export ORDER_PORT=${ORDER_PORT:-18080} INVENTORY_PORT=${INVENTORY_PORT:-18081}
export PAYMENT_PORT=${PAYMENT_PORT:-18082} SINK_PORT=${SINK_PORT:-14318}
export DEMO_SKIP_BUILD=1
# Job control: the script under test gets its own process group and, unlike a background
# job of a non-interactive shell, does not ignore INT.
set -m

OUT=$(mktemp -d "${TMPDIR:-/tmp}/demo-cleanup-test.XXXXXX")
failures=0

# The processes demo.sh started for these ports: the runner and the three services.
demo_pids() {
	pgrep -f -- "--sink-port $SINK_PORT |--server.port=($ORDER_PORT|$INVENTORY_PORT|$PAYMENT_PORT)( |$)" || true
}

# Kills what a failed check left, and waits until it is gone.
leftovers_killed() {
	local pids i
	pids=$(demo_pids)
	if [[ -n "$pids" ]]; then
		# shellcheck disable=SC2086
		kill -KILL $pids 2>/dev/null || true
		for ((i = 0; i < 50; i++)); do
			[[ -z "$(demo_pids)" ]] && break
			sleep 0.2
		done
	fi
}
trap leftovers_killed EXIT

port_taken() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Passes if, within the given seconds, no demo process runs and no port is taken.
expect_nothing_left() {
	local name=$1 seconds=$2 i port busy
	for ((i = 0; i < seconds * 5; i++)); do
		busy=$(demo_pids)
		for port in "$ORDER_PORT" "$INVENTORY_PORT" "$PAYMENT_PORT" "$SINK_PORT"; do
			if port_taken "$port"; then busy="$busy port:$port"; fi
		done
		if [[ -z "$busy" ]]; then
			echo "ok: $name left nothing running"
			return 0
		fi
		sleep 0.2
	done
	echo "FAILED: $name left running after ${seconds}s: $busy" >&2
	failures=$((failures + 1))
	leftovers_killed
}

expect_status() {
	local name=$1 expected=$2 actual=$3
	if [[ "$actual" != "$expected" ]]; then
		echo "FAILED: $name ended with status $actual, not $expected" >&2
		failures=$((failures + 1))
	fi
}

# Waits until demo.sh has started the runner and the three services.
await_started() {
	local i
	for ((i = 0; i < 300; i++)); do
		(($(demo_pids | wc -l) >= 4)) && return 0
		sleep 0.2
	done
	echo "FAILED: the demo did not start its processes (see $OUT)" >&2
	return 1
}

for jar in demo sample-order-service sample-inventory-service sample-payment-service; do
	compgen -G "$jar/target/*-exec.jar" >/dev/null || {
		echo "No runnable jar in $jar/target: run ./demo.sh (or ./mvnw -DskipTests install) first." >&2
		exit 2
	}
done
leftovers_killed
expect_nothing_left "an earlier run" 1 || exit 2

# Nobody reads after three lines: the runner's next line fails, and everything stops.
set +e
./demo.sh 2>"$OUT/head.err" | head -n 3 >"$OUT/head.out"
status=${PIPESTATUS[0]}
set -e
expect_status "./demo.sh | head -n 3" 141 "$status"
expect_nothing_left "./demo.sh | head -n 3" 5

for signal in TERM INT HUP KILL; do
	./demo.sh >"$OUT/$signal.out" 2>&1 &
	script=$!
	if ! await_started; then
		failures=$((failures + 1))
		kill -KILL "$script" 2>/dev/null || true
		wait "$script" || true
		leftovers_killed
		continue
	fi
	# Time for the script to hand the last id to its watchdog.
	sleep 1
	kill -"$signal" "$script"
	status=0
	wait "$script" || status=$?
	case $signal in
		TERM) expect_status "TERM" 143 "$status" ;;
		INT) expect_status "INT" 130 "$status" ;;
		HUP) expect_status "HUP" 129 "$status" ;;
	esac
	# After KILL nothing ran in the script: the watchdog gives the services 20 s to stop.
	expect_nothing_left "$signal" 30
done

# The runner gives up waiting for the services.
status=0
DEMO_STARTUP_TIMEOUT=1 ./demo.sh >"$OUT/runner-failed.out" 2>&1 || status=$?
expect_status "a failing runner" 1 "$status"
expect_nothing_left "a failing runner" 5

echo "Outputs in $OUT"
if ((failures > 0)); then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "All demo clean-up checks passed"
