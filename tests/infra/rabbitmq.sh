#!/usr/bin/env bash
# A throwaway RabbitMQ node on loopback for the test suite, run without systemd.
#   rabbitmq.sh start DIR AMQP_PORT  -> writes DIR/env.sh (source it to use rabbitmqctl), broker ready
#   rabbitmq.sh stop DIR
# Vhost "telephony", user tele/tele. The Erlang distribution port is AMQP_PORT+10001 and
# epmd gets its own port (AMQP_PORT+2), so two runs side by side do not meet.
set -euo pipefail
cmd=$1; dir=$2
RMQ=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin | sort -V | tail -n 1)  # not /usr/sbin: those wrappers su to user rabbitmq

case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
    cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$port
log.console = false
log.file.level = warning
default_vhost = telephony
default_user = tele
default_pass = tele
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
CONF
    echo '[].' > "$dir/enabled_plugins"
    cat > "$dir/env.sh" <<ENV
export HOME=$dir/home RABBITMQ_NODENAME=test$port@localhost
export RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
export RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_PID_FILE=$dir/rabbit.pid
export RABBITMQ_DIST_PORT=$((port + 10001)) ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$((port + 2))
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export PATH=$RMQ:\$PATH
ENV
    # shellcheck disable=SC1091
    . "$dir/env.sh"
    nohup "$RMQ/rabbitmq-server" > "$dir/log/console.out" 2>&1 &
    echo $! > "$dir/server.sh.pid"
    rabbitmqctl -q wait --timeout 90 "$RABBITMQ_PID_FILE"
    ;;
  stop)
    if [ -f "$dir/env.sh" ]; then
      # shellcheck disable=SC1091
      . "$dir/env.sh"
      rabbitmqctl -q shutdown >/dev/null 2>&1 || true
      [ -f "$dir/server.sh.pid" ] && kill "$(cat "$dir/server.sh.pid")" 2>/dev/null || true
      # The epmd on this run's own port (it refuses while a node is still registered).
      epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
