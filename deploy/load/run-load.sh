#!/usr/bin/env bash
# The full load run (issue 9): against the stack ./run-local.sh started, in another shell.
#   deploy/load/run-load.sh                         rising rates 25…1600 events/s, 20 s each
#   deploy/load/run-load.sh --rates 50,100 --step-seconds 10
# Needs nginx for the proxy comparison (Debian: apt-get install nginx-light); without it that part is skipped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/deploy/load/target/runtime-classpath.txt"
if [[ ! -f "$CP_FILE" || ! -d "$ROOT/deploy/load/target/classes/com/huifang/load" ]]; then
  ./mvnw -q -Dmaven.test.skip=true -pl deploy/load -am package >&2
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx512m -Dlogback.configurationFile=huifang-local-logback.xml -cp "$ROOT/deploy/load/target/classes:$(cat "$CP_FILE")" com.huifang.load.LoadHarness "$@"
