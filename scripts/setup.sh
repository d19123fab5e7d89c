#!/usr/bin/env bash
# Installs what wsplan needs beyond Swift: GLPK's library and header (Debian's libglpk-dev).
# Does nothing when they are already there. Safe to run again.
set -euo pipefail
if [ -f /usr/include/glpk.h ] && ldconfig -p 2>/dev/null | grep -q 'libglpk\.so'; then
  exit 0
fi
echo "wsplan: installing libglpk-dev (GLPK) with apt-get" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libglpk-dev >/dev/null
