#!/usr/bin/env bash
# install-haproxy.sh installs Debian's HAProxy for the several-servers
# test (tools/cluster): three `kapgraph serve` processes over one Neo4j
# behind a real load balancer. The test runs the binary itself with a
# configuration of its own; nothing is enabled as a system service.
# Idempotent: does nothing when haproxy is already installed.
set -euo pipefail

if command -v haproxy >/dev/null 2>&1; then
	haproxy -v 2>/dev/null | head -1 || true
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# --no-install-recommends: the daemon only, no extra tooling.
$SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null
# The package may start a system service with its default configuration
# where an init system runs; the test never uses it, so stop it if so.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet haproxy 2>/dev/null; then
	$SUDO systemctl stop haproxy || true
fi
haproxy -v | head -1
