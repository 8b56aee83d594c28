#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what is missing with apt-get,
# starts PostgreSQL and RabbitMQ on loopback in a temporary folder on free ports, runs every
# test project against them, stops them again (even when tests fail), and ends with one line:
# "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

log() { printf '==> %s\n' "$*"; }

install_missing() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin >/dev/null 2>&1 || missing+=(rabbitmq-server)
  command -v sipp >/dev/null || missing+=(sip-tester)
  command -v baresip >/dev/null || missing+=(baresip)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  command -v sox >/dev/null || missing+=(sox)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
}

WORK=$(mktemp -d /tmp/telephony-test.XXXXXX)
chmod 755 "$WORK"   # postgres must traverse it
cleanup() {
  [ -d "$WORK" ] || return 0
  log "stopping test services"
  tests/infra/rabbitmq.sh stop "$WORK/rabbitmq" || true
  tests/infra/postgres.sh stop "$WORK/postgres" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing
read -r PG_PORT RMQ_PORT <<<"$(/usr/bin/python3 tests/infra/free-port.py 2)"

log "starting PostgreSQL on 127.0.0.1:$PG_PORT and RabbitMQ on 127.0.0.1:$RMQ_PORT"
tests/infra/postgres.sh start "$WORK/postgres" "$PG_PORT" &
pg_pid=$!
tests/infra/rabbitmq.sh start "$WORK/rabbitmq" "$RMQ_PORT" &
rmq_pid=$!

log "building"
dotnet build Telephony.sln -c Debug -nologo -clp:ErrorsOnly -warnaserror || { cleanup; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
wait "$pg_pid" || { echo "PostgreSQL did not start" >&2; exit 1; }
wait "$rmq_pid" || { echo "RabbitMQ did not start" >&2; cat "$WORK/rabbitmq/log/"* >&2 2>/dev/null; exit 1; }

export TELEPHONY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=telephony;Username=telephony;Password=telephony"
export TELEPHONY_TEST_RABBITMQ_URI="amqp://tele:tele@127.0.0.1:$RMQ_PORT/telephony"
export TELEPHONY_TEST_RABBITMQ_ENV="$WORK/rabbitmq/env.sh"
export TELEPHONY_TEST_ARTIFACTS="$ROOT/TestResults/artifacts"

log "testing"
rm -rf TestResults
dotnet test Telephony.sln --no-build -c Debug -nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$ROOT/TestResults" \
  2>&1 | grep -v -E '^\s*$' 
test_status=${PIPESTATUS[0]}

summary=$(/usr/bin/python3 tests/infra/summarize-trx.py "$ROOT/TestResults")
summary_status=$?
cleanup
# The last line, read by CI.
echo "$summary"
if [ "$test_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then
  exit 1
fi
case "$summary" in
  *" 0 failed,"*) exit 0 ;;
  *) exit 1 ;;
esac
