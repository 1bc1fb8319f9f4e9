#!/usr/bin/env bash
# The offline quality gate (`npm test`): installs what is missing, then runs every check that needs no Salesforce
# org. It stops at the first failing check, names it, and always ends with the line `N passed, M failed`
# (N = checks passed + Jest tests passed + script tests passed).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# Keep the Salesforce CLI off the network: no telemetry, no update or version checks.
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true \
    SF_HIDE_RELEASE_NOTES=true SF_DISABLE_AUTOUPDATE=true SF_USE_GENERIC_UNIX_KEYCHAIN=true \
    NODE_OPTIONS="${NODE_OPTIONS:-} --no-deprecation" FORCE_COLOR=0
mkdir -p .cache
passed=0
tests_passed=0
bin="$root/node_modules/.bin"

finish() {
    local failed=$1
    echo "$((passed + tests_passed)) passed, $failed failed"
    exit "$failed"
}

step() {
    local name=$1
    shift
    local t0
    t0=$(date +%s%N)
    echo "▶ $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "✔ $name ($((($(date +%s%N) - t0) / 1000000)) ms)"
    else
        if [ "$(type -t "$1")" = function ]; then
            echo "✘ $name failed — see the messages above (re-run with: npm test)"
        else
            echo "✘ $name failed — see the messages above (re-run alone with: ${*//$root\//})"
        fi
        finish 1
    fi
}

bundles_have_js() {
    node scripts/gate/check-lwc-bundles.mjs
}

convert_source() {
    # A per-run folder (not under a dot-directory: sf silently drops files there) so parallel runs do not collide.
    mkdir -p build
    local out rc
    out=$(mktemp -d build/mdapi-XXXXXX)
    "$bin/sf" project convert source --source-dir force-app --output-dir "$out" >/dev/null &&
        node scripts/gate/check-lwc-bundles.mjs --converted "$out"
    rc=$?
    rm -rf "$out"
    return $rc
}

jest_tests() {
    local report=".cache/jest-$$.json"
    "$bin/jest" --config jest.coverage.config.js --ci --silent --json --outputFile="$report" || return 1
    node scripts/gate/check-coverage-measured.mjs || return 1
    tests_passed=$((tests_passed + $(node -p "require('./$report').numPassedTests")))
    rm -f "$report"
}

script_tests() {
    local files
    mapfile -t files < <(find scripts -name '*.test.ts' -not -path '*/node_modules/*' | sort)
    [ ${#files[@]} -gt 0 ] || { echo "no script tests found"; return 1; }
    node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination=".cache/node-tests-$$.tap" "${files[@]}" || return 1
    tests_passed=$((tests_passed + $(awk '/^# pass/ {print $3}' ".cache/node-tests-$$.tap")))
    rm -f ".cache/node-tests-$$.tap"
}

# Code Analyzer (scripts/gate/scan.mjs, ~1 min cold because of Graph Engine) runs in the background from the moment
# the LWC .js exists, next to the steps that follow; its step waits for it and prints its report.
scan_log=".cache/scan-$$.log"
scan_pid=""
scan_start() {
    # Its own process group, so a failing gate also stops the Java engines it started.
    setsid -w node scripts/gate/scan.mjs >"$scan_log" 2>&1 &
    scan_pid=$!
}
scan_wait() {
    local rc=0
    wait "$scan_pid" || rc=$?
    cat "$scan_log"
    rm -f "$scan_log"
    return $rc
}
trap '[ -n "$scan_pid" ] && kill -- "-$scan_pid" 2>/dev/null' EXIT

t_start=$(date +%s)
step "install (npm ci when package-lock.json changed; Java; chromium + fonts)" bash scripts/install-deps.sh --java --chromium
step "c/* paths of every LWC bundle in the tsconfigs" node scripts/gate/lwc-paths.mjs --check
step "typecheck LWC + jest tests (tsc --strict)" "$bin/tsc" -p tsconfig.json --incremental \
    --tsBuildInfoFile .cache/tsc-lwc.tsbuildinfo
step "typecheck scripts (tsc --strict)" "$bin/tsc" -p scripts/tsconfig.json --incremental \
    --tsBuildInfoFile .cache/tsc-scripts.tsbuildinfo
step "typed Apex imports and DTOs match the Apex controllers" node scripts/gate/check-apex-contract.mjs
step "Zuora fixtures match Zuora's published OpenAPI spec, every one used" node scripts/gate/validate-zuora-fixtures.mjs
step "eslint (Salesforce LWC rules)" "$bin/eslint" --max-warnings 0 --cache --cache-location .cache/eslint/ force-app
step "prettier --check (Apex, TS, HTML, JSON, XML)" "$bin/prettier" --check --log-level warn --no-error-on-unmatched-pattern \
    --cache --cache-location .cache/prettier-cache \
    "force-app/**/*.{cls,trigger,ts,html,json,xml}" "zuora360/**/*.{cls,xml}" "sample-data/**/*.xml" "stubs/**/*.{cls,xml}" \
    "scripts/**/*.{ts,mjs}" "types/**/*.ts" "config/*.json" "*.{json,js}"
step "metadata text on one line (descriptions, help texts, labels)" node scripts/gate/check-metadata-text.mjs
step "docs match the code (class inventory current, named classes and paths exist)" node scripts/gate/check-architecture-doc.mjs
step "apex-ls semantic check (force-app, zuora360 vs Zuora stubs)" bash scripts/gate/apex-ls-check.sh
step "custom fields and relationships inside SOQL" node scripts/gate/check-soql-fields.mjs force-app zuora360
step "compile LWC TypeScript → .js" "$bin/tsc" -p force-app/main/default/lwc/tsconfig.json
scan_start
step "every LWC bundle has its compiled .js" bundles_have_js
step "sf project convert source (no .ts deployed)" convert_source
step "LWC jest on the compiled .js, coverage ≥ 90% lines" jest_tests
step "script tests (node:test against local fakes)" script_tests
step "preview:check (every state in headless chromium: errors, lightning-* attributes, axe, keyboard)" \
    node scripts/preview/check.mjs --no-compile
step "Code Analyzer: pmd, cpd, regex, eslint, retire-js, flow, sfge (AppExchange + Security selectors)" scan_wait
echo "gate finished in $(($(date +%s) - t_start)) s"
finish 0
