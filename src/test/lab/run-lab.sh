#!/usr/bin/env bash
# Makes the lab fixtures under src/test/resources/fixtures/lab/ with real Linux TCP and ARP in network
# namespaces. Run as root, not in CI: run-lab.sh [scenario...] (default: all, in parallel).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ $(id -u) -ne 0 ]]; then echo "run-lab.sh needs root (network namespaces, nftables)" >&2; exit 2; fi
for tool in ip nft tcpdump tshark editcap python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y --no-install-recommends iproute2 nftables tcpdump tshark" >&2; exit 2; }
done
cleanup() {
  # Only the namespaces this lab names (rlabN-role) and the processes still inside them.
  for ns in $(ip netns list | awk '{print $1}' | grep -E '^rlab[0-9]+-' || true); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM
cleanup
PYTHONDONTWRITEBYTECODE=1 python3 "$here/lab.py" "$@"
