#!/bin/sh
# Installs the Debian 12 packages yusuan builds and tests with (DESIGN.md,
# "Dependencies"). Idempotent: packages already present are not fetched
# again, and apt-get runs only when something is missing. Needs root (or
# sudo) only when it has to install.
set -eu

BUILD="build-essential pkg-config time libyaml-dev libcsv-dev libjansson-dev \
libxlsxwriter-dev libzip-dev libexpat1-dev libpango1.0-dev libcairo2-dev \
fonts-noto-cjk libsqlite3-dev libpq-dev poppler-utils"
TEST="libcmocka-dev libreoffice-writer-nogui \
libreoffice-calc-nogui unzip libxml2-utils clang libclang-rt-14-dev sqlite3 postgresql"

want="$BUILD"
[ "${1:-}" = "--test" ] && want="$BUILD $TEST"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "yusuan: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
