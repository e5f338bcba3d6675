#!/usr/bin/env bash
# Runs the W3C Trace Context test harness against a test service that uses only the starter:
# the acceptance application with its `w3c` profile (W3CTestService).
#
#   acceptance-tests/w3c/run-harness.sh HARNESS_TEST_DIR [boot-managed|otel-latest] [servlet|reactive]
#
# HARNESS_TEST_DIR is the test/ folder of a checkout of github.com/w3c/trace-context. The harness
# needs Python 3 with aiohttp (Debian: apt-get install python3-aiohttp). boot-managed runs on the
# OpenTelemetry version Spring Boot manages, otel-latest on the newest. Environment: STRICT_LEVEL
# (default 2) and SPEC_LEVEL (default 1) are passed to the harness; SERVICE_PORT (default 5000);
# HARNESS_PORT (default 7777); PYTHON, a Python with aiohttp. Not part of CI, which cannot reach the harness's repository.
# Exit status: the harness's (the number of failed tests).
set -euo pipefail

harness=$(cd "${1:?usage: $0 HARNESS_TEST_DIR [boot-managed|otel-latest] [servlet|reactive]}" && pwd)
module=${2:-boot-managed}
stack=${3:-servlet}
port=${SERVICE_PORT:-5000}
[[ -f "$harness/test.py" ]] || { echo "no test.py in $harness" >&2; exit 2; }
# Debian's python3-aiohttp is for the system Python, which may not be the first python3 on the path.
python=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$candidate" -c 'import aiohttp' 2>/dev/null; then
		python=$candidate
		break
	fi
done
[[ -n "$python" ]] || { echo "the harness needs Python 3 with aiohttp (apt-get install python3-aiohttp)" >&2; exit 2; }

cd "$(dirname "$0")/../.."
# In one reactor, so that the starter comes from this checkout, not from a local repository.
./mvnw -B -q -pl "acceptance-tests/$module" -am package dependency:build-classpath -DskipTests \
	-Dmdep.outputFile=target/w3c-classpath.txt -Dmdep.includeScope=runtime
classpath="acceptance-tests/$module/target/classes:$(cat "acceptance-tests/$module/target/w3c-classpath.txt")"

log=$(mktemp)
java -cp "$classpath" io.github.oteltracing.acceptance.ShopApplication --spring.profiles.active=w3c \
	--server.address=127.0.0.1 --server.port="$port" --spring.main.web-application-type="$stack" >"$log" 2>&1 &
service=$!
trap 'status=$?; kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -f "$log"; exit "$status"' EXIT
for _ in $(seq 1 120); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		break
	fi
	if ! kill -0 "$service" 2>/dev/null; then
		cat "$log" >&2
		exit 2
	fi
	sleep 0.5
done

echo "test service: $module ($stack), $(grep -o 'opentelemetry-sdk-[0-9.]*jar' "acceptance-tests/$module/target/w3c-classpath.txt" | head -1)"
cd "$harness"
STRICT_LEVEL=${STRICT_LEVEL:-2} SPEC_LEVEL=${SPEC_LEVEL:-1} HARNESS_PORT=${HARNESS_PORT:-7777} \
	"$python" test.py "http://127.0.0.1:$port/test"
