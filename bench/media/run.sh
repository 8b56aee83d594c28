#!/usr/bin/env bash
# Media benchmark (not a test): N concurrent G.711 announcement streams paced by the media
# server's clock, pacing error (p50/p99 of each stream's inter-packet interval minus 20 ms) and
# sender CPU per stream, measured by a receiver process on the same machine, in one run.
# Usage: bench/media/run.sh [streams=1000] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
rmem=$(cat /proc/sys/net/core/rmem_max)
[ "$rmem" -ge 33554432 ] || echo "note: net.core.rmem_max is $rmem; the receiver asks for 32 MB (sysctl -w net.core.rmem_max=33554432)"
command -v gcc >/dev/null || { echo "apt-get install gcc"; exit 1; }
dotnet build bench/media/MediaBench/MediaBench.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
gcc -O2 -Wall -o bench/media/MediaBench/bin/Release/net10.0/rtp_receiver bench/media/rtp_receiver.c
exec dotnet bench/media/MediaBench/bin/Release/net10.0/MediaBench.dll "$@"
