#!/usr/bin/env bash
# Installs the test hosts from Debian's packages when missing: Prosody 0.12 + prosody-modules and ejabberd 23.01.
#   scripts/install-hosts.sh            both hosts
#   scripts/install-hosts.sh prosody    Prosody only (what scripts/demo.sh needs)
#   scripts/install-hosts.sh ejabberd   ejabberd only
#   scripts/install-hosts.sh relay      coturn's test clients and Chromium (the relay's interoperability tests)
# Installing does not start anything: the tests and the demo run private instances on loopback.
set -euo pipefail
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(prosody ejabberd relay)
need=()
for host in "${want[@]}"; do
  case "$host" in
    prosody)
      command -v prosody >/dev/null 2>&1 || need+=(prosody)
      [ -f /usr/lib/prosody/modules/mod_privilege/mod_privilege.lua ] || need+=(prosody-modules)
      ;;
    ejabberd)
      # ejabberdctl lives in /usr/sbin, which a non-root PATH may lack.
      command -v ejabberdctl >/dev/null 2>&1 || [ -x /usr/sbin/ejabberdctl ] || need+=(ejabberd)
      ;;
    relay)
      command -v turnutils_uclient >/dev/null 2>&1 || need+=(coturn)
      command -v chromium >/dev/null 2>&1 || need+=(chromium)
      ;;
    *) echo "install-hosts.sh: unknown host '$host' (prosody|ejabberd|relay)" >&2; exit 2 ;;
  esac
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-hosts.sh: need root (or sudo) to install: ${need[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  echo "install-hosts.sh: installing ${need[*]}"
  $SUDO apt-get update -qq
  # The Debian packages try to start their service; without an init system (containers, CI) that is harmless.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
