#!/usr/bin/env bash
# Every Huifang service as a container image tar, without Docker or a registry (issue 8):
#   deploy/images/build-images.sh            -> <service>/target/jib-image.tar for all six services
#   deploy/images/build-images.sh gateway    -> only the gateway's
# 1. deploy/images/build-runtime.sh: the base layer (jlink'ed Java 17 runtime + its libraries + user 65532)
# 2. ./mvnw -Pimages package: Jib FROM scratch + that layer + the service's dependencies/resources/classes
# Load one where a container engine exists: docker load -i gateway/target/jib-image.tar (or podman/skopeo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SERVICES=(gateway customer-service schedule-service survey-service feedback-service reporting-service)
if [[ $# -gt 0 ]]; then SERVICES=("$@"); fi
started=$SECONDS
deploy/images/build-runtime.sh
runtime_done=$SECONDS
modules="$(IFS=,; echo "${SERVICES[*]}")"
./mvnw -q -B ${MAVEN_OFFLINE:+-o} -Pimages -DskipTests -Dmaven.test.skip=true -pl "$modules" -am package
echo
printf '%-18s %10s %12s\n' image "tar size" "unpacked"
for s in "${SERVICES[@]}"; do
  tar="$s/target/jib-image.tar"
  [[ -f "$tar" ]] || { echo "build-images: $tar missing" >&2; exit 1; }
  unpacked="$(python3 - "$tar" <<'PY'
import json, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    manifest = json.load(t.extractfile("manifest.json"))[0]
    total = 0
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=t.extractfile(layer), mode="r:*") as l:
            total += sum(m.size for m in l.getmembers() if m.isfile())
print(f"{total / 1048576:.0f} MiB")
PY
)"
  printf '%-18s %10s %12s\n' "$s" "$(du -h "$tar" | cut -f1)" "$unpacked"
done
echo "build-images: base layer $((runtime_done - started)) s, images $((SECONDS - runtime_done)) s, total $((SECONDS - started)) s"
