#!/usr/bin/env bash
# Installs the test hosts (Prosody 0.12 + prosody-modules, ejabberd 23.01) from Debian's packages when missing.
set -euo pipefail
need=()
command -v prosody >/dev/null 2>&1 || need+=(prosody)
[ -e /usr/lib/prosody/modules/mod_privilege ] || need+=(prosody-modules)
command -v ejabberdctl >/dev/null 2>&1 || need+=(ejabberd)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
