#!/usr/bin/env python3
"""Provisioning benchmark (not a test): authenticated configuration requests per second with wrk,
against nginx serving the very same file statically, same machine, one run.

The platform is the Provisioning service in Release (ProvisioningBench: one Yealink T46U with
keys); nginx serves the bytes the platform rendered, as a static file, without authentication.
Both listen on loopback over HTTP (lab mode), wrk runs beside them with the same threads,
connections and duration."""
import base64, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
THREADS, CONNECTIONS, DURATION = 2, 64, "10s"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url, headers):
    args = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rate, p99, int(non2xx.group(1)) if non2xx else 0


def main():
    port, nginx_port = free_port(), free_port()
    dll = os.path.join(ROOT, "bench/provisioning/ProvisioningBench/bin/Release/net10.0/ProvisioningBench.dll")
    platform = subprocess.Popen(["dotnet", dll, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    work = tempfile.mkdtemp(prefix="prov-bench-")
    os.chmod(work, 0o755)  # nginx's workers run as another user when started by root
    nginx = None
    try:
        info = json.loads(platform.stdout.readline())
        auth = "Basic " + base64.b64encode(f"{info['user']}:{info['password']}".encode()).decode()
        headers = {"User-Agent": info["userAgent"], "Authorization": auth}
        request = urllib.request.Request(f"http://127.0.0.1:{port}{info['path']}", headers=headers)
        body = urllib.request.urlopen(request).read()
        os.makedirs(os.path.join(work, "html"), mode=0o755)
        with open(os.path.join(work, "html", os.path.basename(info["path"])), "wb") as f:
            f.write(body)
        with open(os.path.join(work, "nginx.conf"), "w") as f:
            f.write(f"""daemon off; worker_processes auto; pid {work}/nginx.pid; error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{ access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types {{ text/plain cfg; }}
  server {{ listen 127.0.0.1:{nginx_port}; root {work}/html; }} }}
""")
        nginx = subprocess.Popen(["nginx", "-c", os.path.join(work, "nginx.conf"), "-p", work])
        for attempt in range(50):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{nginx_port}{info['path']}").read() == body:
                    break
            except OSError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

        # Warm-up: the JIT, the rendered-file cache, connection pools.
        wrk(f"http://127.0.0.1:{port}{info['path']}", headers)
        results = [
            ("nginx, static file, no auth", *wrk(f"http://127.0.0.1:{nginx_port}{info['path']}", {"User-Agent": info["userAgent"]})),
            ("platform, Basic credentials", *wrk(f"http://127.0.0.1:{port}{info['path']}", headers)),
            ("platform, secret device URL", *wrk(f"http://127.0.0.1:{port}{info['tokenPath']}", {"User-Agent": info["userAgent"]})),
        ]
        reference = results[0][1]
        print(f"Authenticated configuration requests ({len(body)}-byte Yealink file; wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}, {os.cpu_count()} cores, all on this machine)")
        print(f"{'server':<32}{'requests/s':>12}{'p99':>10}{'non-2xx':>9}{'vs nginx':>10}")
        for name, rate, p99, errors in results:
            print(f"{name:<32}{rate:>12,.0f}{p99:>10}{errors:>9}{rate / reference:>10.0%}")
        worst = min(r[1] for r in results[1:])
        print(f"target: at least 50% of nginx -> {'met' if worst >= reference / 2 else 'NOT met'} ({worst / reference:.0%})")
        if any(r[3] for r in results):
            sys.exit("some requests were not answered 200")
    finally:
        if nginx:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait()
        platform.stdin.close()
        platform.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
