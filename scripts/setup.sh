#!/usr/bin/env bash
# Sets up a fresh machine and builds the handbook: system packages for browser tests and PDFs
# (Debian's chromium and poppler-utils, when run as root and missing), the pinned npm
# dependencies (including Node 22 in node_modules/.bin), then ingest + astro build.
set -euo pipefail
cd "$(dirname "$0")/.."

usage='Usage: npm run setup

Installs chromium and poppler-utils (apt-get, when root and missing), runs npm ci, then
ingests and builds the site into dist/.'
case "${1-}" in
  -h | --help)
    echo "$usage"
    exit 0
    ;;
  '') ;;
  -*)
    printf "error: unknown option '%s'\n%s\n" "$1" "$usage" >&2
    exit 2
    ;;
  *)
    printf 'error: unexpected argument "%s"\n%s\n' "$1" "$usage" >&2
    exit 2
    ;;
esac

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: warning: ${need[*]} missing; browser and PDF tests need them (Debian: sudo apt-get install -y ${need[*]})" >&2
  fi
fi

npm ci
npm run build
