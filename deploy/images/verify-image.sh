#!/usr/bin/env bash
# Proves an image tar from build-images.sh really runs, without Docker: unpacks its layers into a
# directory, then starts the image's own entrypoint, environment and user (65532) in it with chroot, in a
# private mount namespace with /proc, /dev and a /tmp tmpfs (what a container runtime provides), and waits
# for /actuator/health/liveness to answer UP. The image has no shell and no env binary: the environment
# is set outside, then chroot runs the entrypoint's "java" through the image's own PATH. Needs root (chroot, unshare, mount), as on this machine.
#   deploy/images/verify-image.sh                     the gateway (needs no broker or store)
#   deploy/images/verify-image.sh customer-service    a data service: export MONGODB_URI and
#                                                     KAFKA_BOOTSTRAP_SERVERS first (./run-local.sh prints them)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICE="${1:-gateway}"
TAR="${2:-$ROOT/$SERVICE/target/jib-image.tar}"
TIMEOUT="${VERIFY_TIMEOUT_SECONDS:-180}"
[[ -f "$TAR" ]] || { echo "verify-image: no $TAR (deploy/images/build-images.sh $SERVICE)" >&2; exit 1; }
if [[ "$(id -u)" != 0 ]] || ! command -v unshare >/dev/null || ! command -v chroot >/dev/null; then
  echo "verify-image: SKIPPED: needs root with unshare and chroot to run an image without a container engine" >&2
  exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/huifang-image-XXXXXX")"
ROOTFS="$WORK/rootfs"
child=""
cleanup() {
  # the JVM is unshare's only child (sh exec'd env, env exec'd chroot, chroot exec'd java): stop it
  # gracefully, as a container runtime would with SIGTERM, then unshare ends with it
  if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
    local jvm
    jvm="$(pgrep -P "$child" | head -1 || true)"
    kill -TERM "${jvm:-$child}" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$child" 2>/dev/null || break; sleep 1; done
    kill -KILL "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# unpack the layers in order, read the image's entrypoint, environment and user
python3 - "$TAR" "$ROOTFS" "$WORK/image.env" <<'PY'
import json, os, shlex, sys, tarfile
tar, rootfs, out = sys.argv[1:4]
os.makedirs(rootfs)
with tarfile.open(tar) as t:
    manifest = json.load(t.extractfile("manifest.json"))[0]
    config = json.load(t.extractfile(manifest["Config"]))["config"]
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=t.extractfile(layer), mode="r:*") as l:
            l.extractall(rootfs, numeric_owner=True)
command = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
with open(out, "w") as f:
    f.write("IMAGE_USER=%s\n" % shlex.quote(config.get("User") or "0:0"))
    f.write("IMAGE_ENV=(%s)\n" % " ".join(shlex.quote(e) for e in config.get("Env") or []))
    f.write("IMAGE_COMMAND=(%s)\n" % " ".join(shlex.quote(c) for c in command))
    f.write("IMAGE_LAYERS=%d\n" % len(manifest["Layers"]))
PY
# shellcheck disable=SC1091
source "$WORK/image.env"
mkdir -p "$ROOTFS/proc" "$ROOTFS/dev" "$ROOTFS/tmp"
echo "verify-image: $SERVICE: $IMAGE_LAYERS layers, user $IMAGE_USER, $(du -sh "$ROOTFS" | cut -f1) unpacked"
echo "  entrypoint: ${IMAGE_COMMAND[*]}"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
RUN_ENV=("${IMAGE_ENV[@]}" "PORT=$PORT" "SERVER_ADDRESS=127.0.0.1"
         "HUIFANG_JWT_SECRET=verify-image-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
         "JAVA_TOOL_OPTIONS=-Xss512k -Xmx384m")
if [[ "$SERVICE" != gateway ]]; then
  [[ -n "${MONGODB_URI:-}" && -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]] || {
    echo "verify-image: $SERVICE needs MONGODB_URI and KAFKA_BOOTSTRAP_SERVERS (e.g. the ./run-local.sh stack's)" >&2; exit 1; }
  RUN_ENV+=("MONGODB_URI=$MONGODB_URI" "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS")
fi
env_args=""
for e in "${RUN_ENV[@]}"; do env_args+=" $(printf '%q' "$e")"; done
cmd_args=""
for c in "${IMAGE_COMMAND[@]}"; do cmd_args+=" $(printf '%q' "$c")"; done

started=$(date +%s%N)
unshare --mount --fork --kill-child sh -c "
  mount -t proc proc '$ROOTFS/proc' && mount --rbind /dev '$ROOTFS/dev' && mount -t tmpfs -o size=64m tmpfs '$ROOTFS/tmp' \
  && chmod 1777 '$ROOTFS/tmp' \
  && exec env -i $env_args $(command -v chroot) --userspec='$IMAGE_USER' '$ROOTFS' $cmd_args" >"$WORK/service.log" 2>&1 &
child=$!

answer=""
for _ in $(seq 1 "$TIMEOUT"); do
  if ! kill -0 "$child" 2>/dev/null; then
    echo "verify-image: FAILED: $SERVICE exited; its log:" >&2; tail -40 "$WORK/service.log" >&2; exit 1
  fi
  answer="$(python3 - "$PORT" <<'PY' 2>/dev/null || true
import sys, urllib.request
print(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/actuator/health/liveness", timeout=2).read().decode())
PY
)"
  [[ "$answer" == *'"UP"'* ]] && break
  sleep 1
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
if [[ "$answer" != *'"UP"'* ]]; then
  echo "verify-image: FAILED: no UP liveness within ${TIMEOUT} s; log:" >&2; tail -40 "$WORK/service.log" >&2; exit 1
fi
java_pid="$(pgrep -P "$child" | head -1 || true)"
uid="$( [[ -n "$java_pid" ]] && awk '/^Uid:/{print $2}' "/proc/$java_pid/status" || echo "?")"
rss="$( [[ -n "$java_pid" ]] && awk '/^VmRSS:/{printf "%.0f MiB", $2/1024}' "/proc/$java_pid/status" || echo "?")"
echo "verify-image: OK: $SERVICE from $(basename "$TAR") answered $answer on /actuator/health/liveness"
echo "  after $((elapsed_ms / 1000)).$(( (elapsed_ms % 1000) / 100 )) s, process uid $uid, resident $rss"
