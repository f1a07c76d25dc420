#!/bin/sh
# Installs the Debian `prometheus` package (server + promtool) when either binary is missing.
# Idempotent: does nothing when both are already on PATH. Needs root (or sudo) for apt-get.
set -eu
if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "prometheus.sh: need root or sudo to install the Debian prometheus package" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# --no-install-recommends: the server and promtool are all the tests need (no node exporter etc.).
$SUDO apt-get install -y --no-install-recommends prometheus
# The package starts a system service where an init system runs; tests start their own server.
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1
