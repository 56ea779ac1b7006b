#!/usr/bin/env bash
# Huifang on one machine, one command:
#   ./run-local.sh                 build, start Kafka (KRaft) + the embedded MongoDB-wire store + the six
#                                  services, load demo data, print URLs and dev tokens; Ctrl-C stops it all
#   ./run-local.sh token agent     print a dev token (agent, supervisor, handler, admin, auditor, leadership)
#   ./run-local.sh status          health of each component
#   ./run-local.sh stop            stop a stack started from another shell
# Options: --data DIR (default .huifang/), --no-demo; token: --user U --tenant T --ttl HOURS.
# KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI use those instead of the embedded broker / store.
# HUIFANG_SKIP_BUILD=1 starts from the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

command="up"
for arg in "$@"; do
  case "$arg" in
    --data|--user|--tenant|--ttl) skip_next=1; continue ;;
  esac
  if [[ "${skip_next:-0}" == 1 ]]; then skip_next=0; continue; fi
  if [[ "$arg" != -* ]]; then command="$arg"; break; fi
done

LAUNCHER_CLASSES="$ROOT/deploy/local/target/classes"
CLASSPATH_FILE="$ROOT/deploy/local/target/runtime-classpath.txt"
built() { [[ -f "$LAUNCHER_CLASSES/com/huifang/local/Launcher.class" && -f "$CLASSPATH_FILE" ]]; }

if [[ ( "$command" == up || "$command" == start ) && "${HUIFANG_SKIP_BUILD:-0}" != 1 ]] || ! built; then
  echo "Building (./mvnw -q -Dmaven.test.skip=true -pl '!e2e-tests' package)…" >&2
  started=$SECONDS
  ./mvnw -q -Dmaven.test.skip=true -pl '!e2e-tests' package >&2
  echo "Built in $((SECONDS - started)) s." >&2
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dhuifang.home="$ROOT" -Dlogback.configurationFile=huifang-local-logback.xml \
  -cp "$LAUNCHER_CLASSES:$(cat "$CLASSPATH_FILE")" com.huifang.local.Launcher "$@"
