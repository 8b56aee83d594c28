#!/usr/bin/env bash
# SIP benchmark (not a test): REGISTER with digest auth, call setups and INVITE->180 latency,
# the platform against Kamailio, same machine, same sipp flows, one run.
# Usage: bench/sip/run.sh [platform|kamailio]   (default: both) Needs sipp and kamailio (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v kamailio >/dev/null || { echo "apt-get install kamailio"; exit 1; }
command -v sipp >/dev/null || { echo "apt-get install sip-tester"; exit 1; }
rmem=$(cat /proc/sys/net/core/rmem_max)
[ "$rmem" -ge 4194304 ] || echo "note: net.core.rmem_max is $rmem; sipp and the server ask for 4 MB socket buffers (sysctl -w net.core.rmem_max=4194304 net.core.wmem_max=4194304)"
dotnet build src/Embedded/Telephony.Embedded/Telephony.Embedded.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec /usr/bin/python3 bench/sip/sip_bench.py "$@"
