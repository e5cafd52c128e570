#!/usr/bin/env bash
# Installs what adgen needs to build and test, on Debian bookworm (as root, or
# with sudo). Does nothing when everything is already there.
set -eu
pkgs="llvm-19-dev libclang-19-dev clang-19 llvm-19-tools cmake ninja-build g++ \
python3 libgtest-dev ccache libadolc-dev graphviz libomp-19-dev"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "adgen: installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
