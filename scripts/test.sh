#!/usr/bin/env bash
# Runs every test: unit tests, transcripts and the integration tests against real Prosody and ejabberd.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-hosts.sh
mvn -B -ntp verify "$@"
