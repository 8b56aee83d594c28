#!/usr/bin/env bash
# Provisioning benchmark (not a test): authenticated configuration requests per second with wrk,
# side by side with nginx serving the same file statically, one run.
# Usage: bench/provisioning/run.sh   Needs wrk and nginx (Debian packages wrk, nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "apt-get install wrk"; exit 1; }
command -v nginx >/dev/null || { echo "apt-get install nginx-light"; exit 1; }
dotnet build bench/provisioning/ProvisioningBench/ProvisioningBench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec /usr/bin/python3 bench/provisioning/prov_bench.py "$@"
