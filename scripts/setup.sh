#!/usr/bin/env bash
# Install what doisoat needs to build and test from Debian's packages. Safe to run twice:
# only missing packages are installed. Without root it prints the exact command instead.
#   scripts/setup.sh          build dependencies
#   scripts/setup.sh --test   also what the test suite uses (python3-jsonschema, chromium, clang-14 for fuzzing, postgresql, pdftotext)
set -euo pipefail

packages=(build-essential cmake pkg-config libicu-dev libeigen3-dev nlohmann-json3-dev libcli11-dev
          libgtest-dev libgmock-dev libsqlite3-dev
          libzip-dev libpugixml-dev libpoppler-cpp-dev)
packages+=(libssl-dev)  # SHA-256 of the inputs from libcrypto (src/text/sha256.cpp)
packages+=(libxlsxwriter-dev)  # --format xlsx (src/report/xlsx.cpp)
packages+=(libpqxx-dev)  # the PostgreSQL facts store (--db postgresql://...), issue 17
if [[ "${1:-}" == "--test" ]]; then
  packages+=(python3 python3-jsonschema chromium)
  packages+=(clang-14 libclang-rt-14-dev)  # libFuzzer targets (fuzz preset, scripts/fuzz.sh; issue 14)
  packages+=(libcairo2-dev fonts-dejavu-core)  # tests write the PDF of their .docx with cairo (issue 13)
  packages+=(poppler-utils)  # pdftotext -layout: tests read the plain text a converter makes of that PDF (issue 13)
  packages+=(postgresql)  # initdb + pg_ctl: the store tests' throwaway server (scripts/pg_test_cluster.sh)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all packages present"
  exit 0
fi
cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing packages; run as root:" >&2
  echo "  apt-get update && $cmd" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd
