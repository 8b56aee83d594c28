"""Prints N loopback TCP ports that are free now, together with port+2 and port+10001
(RabbitMQ's epmd and distribution ports), chosen away from the ranges the platform uses."""
import random
import socket
import sys


def free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
chosen = []
while len(chosen) < count:
    port = random.randint(40000, 49000)
    if all(free(p) for p in (port, port + 2, port + 10001)) and port not in chosen:
        chosen.append(port)
print(" ".join(str(p) for p in chosen))
