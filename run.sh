#!/usr/bin/env bash
# Starts the whole platform in one process (embedded mode): Portal, Provisioning, CallControl
# and MediaServer on ports 8080-8083, SQLite files and audio in ./data, the in-memory bus, and
# a demo tenant ready for a softphone. Only the .NET SDK is needed. Ctrl-C stops it; running
# it again reuses ./data. Extra arguments are passed on as configuration, for example
#   ./run.sh --Embedded:BindAddress=0.0.0.0 --Portal:SipServer=192.0.2.10:5060
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null; then
  echo "The .NET 10 SDK is required: https://dot.net" >&2
  exit 1
fi

echo "Building (the first time takes a minute)..."
dotnet build src/Embedded/Telephony.Embedded/Telephony.Embedded.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

exec dotnet src/Embedded/Telephony.Embedded/bin/Release/net10.0/Telephony.Embedded.dll \
  --contentRoot "$PWD" --Database:DataFolder="$PWD/data" "$@"
