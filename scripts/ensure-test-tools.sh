#!/usr/bin/env bash
# Installs what the browser and document tests need from Debian when it is missing: Chromium for
# Playwright (never Playwright's own browser download), poppler (pdftoppm), zbar (zbarimg), and
# libfaketime (scripts/test.sh runs suites again with the system clock moved), and pg_dump/pg_restore
# 15 for the shore-restore test (the embedded PostgreSQL 15 ships none).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
command -v faketime >/dev/null 2>&1 || need+=(faketime)
command -v pg_dump >/dev/null 2>&1 || need+=(postgresql-client-15)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing from Debian: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
