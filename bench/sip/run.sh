#!/usr/bin/env bash
# SIP benchmark (not a test): REGISTER with digest auth, the platform against Kamailio,
# same machine, same sipp flow, one run. Needs sipp and kamailio (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v kamailio >/dev/null || { echo "apt-get install kamailio"; exit 1; }
command -v sipp >/dev/null || { echo "apt-get install sip-tester"; exit 1; }
dotnet build src/Embedded/Telephony.Embedded/Telephony.Embedded.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec /usr/bin/python3 bench/sip/register_bench.py
