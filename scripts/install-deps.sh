#!/usr/bin/env bash
# Installs what is missing, and nothing else: `npm ci` when node_modules does not match package-lock.json, and (for
# the gate's Apex checks, with --java) a Java 17 runtime from apt when no `java` is on the PATH, and (for the
# gate's real-browser preview check, with --chromium) Debian's chromium and fonts when they are missing.
# Used by `npm test` (the gate) and `npm run org:setup`, so both work on a fresh clone.
set -uo pipefail
cd "$(dirname "$0")/.."
lock_hash=$(sha1sum package-lock.json | cut -c1-40)
if [ ! -f node_modules/.installed-lock-hash ] || [ "$(cat node_modules/.installed-lock-hash)" != "$lock_hash" ]; then
    echo "installing npm dependencies (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error || exit 1
    echo "$lock_hash" >node_modules/.installed-lock-hash
else
    echo "node_modules matches package-lock.json"
fi
want() {
    local flag=$1
    shift
    case " $* " in *" $flag "*) return 0 ;; esac
    return 1
}
if want --java "$@" && ! command -v java >/dev/null; then
    echo "java not found: installing openjdk-17-jre-headless (needed by apex-ls and PMD)"
    if [ "$(id -u)" -ne 0 ]; then
        echo "not root: install a JDK 17+ yourself (for example: sudo apt-get install openjdk-17-jre-headless)"
        exit 1
    fi
    { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } || {
        echo "could not install Java 17; install a JDK 17+ and re-run"
        exit 1
    }
fi
# preview:check drives Debian's chromium through puppeteer-core (no browser download); Liberation fonts give the
# Arial/Helvetica metrics SLDS falls back to when its Salesforce Sans web font is not served.
if want --chromium "$@" && { [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Liberation Sans'; }; then
    echo "chromium or fonts-liberation missing: installing them from apt (needed by preview:check)"
    if [ "$(id -u)" -ne 0 ]; then
        echo "not root: install them yourself (sudo apt-get install chromium fonts-liberation)"
        exit 1
    fi
    { apt-get update -qq && apt-get install -y -qq chromium fonts-liberation >/dev/null; } || {
        echo "could not install chromium and fonts-liberation; install them and re-run"
        exit 1
    }
fi
