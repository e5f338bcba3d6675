#!/usr/bin/env bash
# The demo: three sample services exporting to a local trace sink, traces printed as waterfalls.
set -euo pipefail
echo "The demo arrives with the sample services (order, inventory, payment)."
echo "Until then, './mvnw -B verify' runs the tests, which export real spans to a local OTLP receiver."
