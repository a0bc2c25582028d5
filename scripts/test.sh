#!/usr/bin/env bash
# `npm test` — the whole suite: typecheck, lint, unit + integration tests (Vitest, real embedded
# PostgreSQL) and end-to-end tests (Playwright driving Chromium against the app as `npm start` runs it).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 LOG_SILENT=${LOG_SILENT:-0}

failed=()
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "── $name"
  if "$@"; then echo "── $name: ok ($((SECONDS - t0)) s)"; else echo "── $name: FAILED ($((SECONDS - t0)) s)"; failed+=("$name"); fi
}

step typecheck npx tsc --noEmit
step lint npx eslint . --max-warnings 50
step "unit+integration" npx vitest run
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || [ -x /usr/bin/chromium-browser ]; then
  step e2e npx playwright test
else
  echo "── e2e: FAILED — no Chromium at /usr/bin/chromium (install it: apt-get install -y chromium, or set CHROMIUM_PATH)"
  failed+=("e2e (no browser)")
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "npm test: ${#failed[@]} step(s) failed: ${failed[*]}"
  exit 1
fi
echo "npm test: all steps passed"
