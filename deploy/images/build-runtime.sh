#!/usr/bin/env bash
# The base layer of every Huifang image, built WITHOUT a registry or a Docker engine: a jlink'ed Java 17
# runtime made from the local JDK, the few shared libraries it loads (found with ldd), and the files a
# non-root JVM expects (/etc/passwd with user 65532 "nonroot", /etc/group, /etc/nsswitch.conf, /tmp).
# Jib builds each service image FROM scratch and adds this directory as a layer (the -Pimages profile of
# the root pom). Output: deploy/images/target/rootfs (reused when up to date; --force rebuilds).
#   deploy/images/build-runtime.sh [--force]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/target/rootfs"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JLINK="$JAVA_HOME/bin/jlink"
[[ -x "$JLINK" ]] || { echo "build-runtime: no jlink in $JAVA_HOME (set JAVA_HOME to a JDK 17)" >&2; exit 1; }
version="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"
[[ "$version" == 17 ]] || { echo "build-runtime: $JAVA_HOME is Java $version, the services target 17" >&2; exit 1; }

if [[ "${1:-}" != --force && -f "$OUT/opt/java/release" && "$OUT/opt/java/release" -nt "$HERE/build-runtime.sh" ]]; then
  echo "build-runtime: $OUT is up to date (--force rebuilds)"
  exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT"
started=$SECONDS

# What Spring Boot, Netty, Kafka, the MongoDB driver, Lettuce, Jackson and the services use. java.desktop
# for java.beans (Spring's property binding), jdk.localedata for zh/en formats, jdk.charsets for GBK
# customer files, jdk.crypto.* for TLS, jdk.management* for the actuator's JVM metrics.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,\
jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
"$JLINK" --add-modules "$MODULES" --include-locales=en,zh --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$OUT/opt/java"

# Debian's JDK links some configuration into /etc (cacerts, java.security, …): copy the targets in
while IFS= read -r link; do
  target="$(readlink -f "$link" || true)"
  rm "$link"
  if [[ -n "$target" && -f "$target" ]]; then cp "$target" "$link"; fi
done < <(find "$OUT/opt/java" -type l)
[[ -s "$OUT/opt/java/lib/security/cacerts" ]] || echo "build-runtime: WARNING no CA certificates (apt-get install ca-certificates-java)" >&2

# headless servers never load the X11, sound and splash-screen libraries (their dependencies are not copied)
rm -f "$OUT"/opt/java/lib/{libawt_xawt,libjsound,libsplashscreen}.so

# the shared libraries the runtime loads, at the paths the dynamic loader looks for them
libs="$( { ldd "$OUT/opt/java/bin/java"; find "$OUT/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | awk '/=> \//{print $3} /^\s*\/lib/{print $1}' | sort -u)"
for lib in $libs; do
  case "$lib" in "$OUT"/*) continue ;; esac
  mkdir -p "$OUT$(dirname "$lib")"
  cp -L "$lib" "$OUT$lib"
done
# the loader itself (ldd prints it by its /lib64 path) and glibc's name services (hosts, users)
for extra in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
             /lib/x86_64-linux-gnu/libresolv.so.2; do
  [[ -e "$extra" ]] || continue
  mkdir -p "$OUT$(dirname "$extra")"
  cp -L "$extra" "$OUT$extra"
done

mkdir -p "$OUT/etc" "$OUT/tmp" "$OUT/home/nonroot"
cat > "$OUT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$OUT/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "hosts: files dns" > "$OUT/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$OUT/etc/hosts"
chmod 1777 "$OUT/tmp"

# the runtime must start on its own libraries only. As root: inside the directory, as user 65532, with
# /proc mounted as a container runtime does (the launcher finds its libjli.so through /proc/self/exe)
mkdir -p "$OUT/proc" "$OUT/dev"
if [[ "$(id -u)" == 0 ]] && command -v unshare >/dev/null && command -v chroot >/dev/null; then
  unshare --mount --fork sh -c "mount -t proc proc '$OUT/proc' && chroot --userspec=65532:65532 '$OUT' /opt/java/bin/java -version" \
    >/dev/null 2>&1 || { echo "build-runtime: the runtime does not start inside $OUT" >&2; exit 1; }
else
  "$OUT/opt/java/bin/java" -version >/dev/null 2>&1 || { echo "build-runtime: the runtime does not start" >&2; exit 1; }
fi
echo "build-runtime: $OUT ($(du -sh "$OUT" | cut -f1), $(echo "$libs" | wc -w) shared libraries) in $((SECONDS - started)) s"
