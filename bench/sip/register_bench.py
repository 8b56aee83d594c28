"""REGISTER with digest authentication: the platform's CallControl against Kamailio 5.6 (the
anchor configuration, in-memory usrloc, htable passwords), same machine, same sipp flow, in
one run. For each server: a ladder of fixed-rate sipp steps; a step passes with < 1 % failed
registrations and >= 97 % of the target rate; the figure is the highest passing rate, with
the server's CPU time per registration at that step (utime+stime of its processes).

Usage: bench/sip/run.sh   (builds the Release embedded host, then runs this)"""
import csv, glob, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
RATES = [1000, 2000, 4000, 6000, 8000, 10000, 12000, 16000, 20000, 24000, 28000]
STEP_SECONDS = 5
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except FileNotFoundError:
            pass
    return total / TICKS


def sipp_step(scenario, target, injection, rate, work):
    stat = os.path.join(work, f"stat-{rate}.csv")
    for f in glob.glob(os.path.join(work, "*.csv")):
        if f.endswith(f"stat-{rate}.csv"):
            os.remove(f)
    count = rate * STEP_SECONDS
    started = time.monotonic()
    subprocess.run(["sipp", "-sf", scenario, "-inf", injection, "-i", "127.0.0.1", "-p", str(free_port()),
                    "-r", str(rate), "-rp", "1000", "-m", str(count), "-l", str(max(rate, 1000)),
                    "-nostdin", "-timeout", str(STEP_SECONDS * 4) + "s", "-recv_timeout", "5s",
                    "-trace_stat", "-stf", stat, "-fd", "1", target],
                   cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    rows = list(csv.reader(open(stat), delimiter=";")) if os.path.exists(stat) else []
    if len(rows) < 2:
        return 0, count, elapsed
    header, last = rows[0], rows[-1]
    ok = int(last[header.index("SuccessfulCall(C)")])
    failed = int(last[header.index("FailedCall(C)")])
    return ok, failed, elapsed


def ladder(name, scenario, target, injection, pids, work):
    best = None
    for rate in RATES:
        before = cpu_seconds(pids)
        ok, failed, elapsed = sipp_step(scenario, target, injection, rate, work)
        used = cpu_seconds(pids) - before
        achieved = ok / elapsed if elapsed > 0 else 0
        passed = ok > 0 and failed <= 0.01 * (ok + failed) and achieved >= 0.97 * rate * STEP_SECONDS / max(elapsed, STEP_SECONDS)
        per_op = used / ok * 1e6 if ok else float("nan")
        print(f"  {name:11s} {rate:6d}/s  ok={ok:7d} failed={failed:6d}  cpu/op={per_op:7.1f} us  {'pass' if passed else 'FAIL'}", flush=True)
        if not passed:
            break
        best = (rate, per_op)
    return best


def start_platform(work):
    ports = {k: free_port() for k in ("portal", "prov", "cc", "ms", "sip")}
    env = dict(os.environ, Database__DataFolder=os.path.join(work, "data"), Sip__Port=str(ports["sip"]),
               Embedded__PortalPort=str(ports["portal"]), Embedded__ProvisioningPort=str(ports["prov"]),
               Embedded__CallControlPort=str(ports["cc"]), Embedded__MediaServerPort=str(ports["ms"]),
               Logging__LogLevel__Default="Warning", Logging__LogLevel__Telephony="Warning")
    dll = os.path.join(ROOT, "src/Embedded/Telephony.Embedded/bin/Release/net10.0/Telephony.Embedded.dll")
    log = open(os.path.join(work, "platform.log"), "w")
    proc = subprocess.Popen(["dotnet", dll], env=env, stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    accounts = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.match(r"SIP account: user=(\S+) password=(\S+) domain=(\S+)", line)
        if m:
            accounts.append(m.groups())
        if line.startswith("Press Ctrl-C"):
            break
    time.sleep(2)  # the routing snapshots reach CallControl just after seeding
    return proc, ports["sip"], accounts


def start_kamailio(work):
    run = os.path.join(work, "kamailio")
    os.makedirs(run)
    cfg = os.path.join(HERE, "kamailio-anchor.cfg")
    subprocess.run(["kamailio", "-f", cfg, "-m", "1024", "-M", "16", "-n", "4", "-E", "-P", os.path.join(run, "kamailio.pid"),
                    "-Y", run, "-A", f'CTL_SOCK="unix:{run}/kamailio_ctl"', "-A", "WITH_AUTH"],
                   stdout=subprocess.DEVNULL, stderr=open(os.path.join(run, "kamailio.log"), "w"), check=True)
    time.sleep(1.5)
    master = int(open(os.path.join(run, "kamailio.pid")).read())
    pids = [int(p) for p in subprocess.run(["pgrep", "-f", cfg], capture_output=True, text=True).stdout.split()]
    return master, pids


def main():
    for tool in ("sipp", "kamailio", "dotnet"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is required (apt-get install sip-tester kamailio)")
    work = tempfile.mkdtemp(prefix="sip-bench-")
    results = {}
    print("Platform (embedded host, Release, SQLite store):", flush=True)
    proc, sip_port, accounts = start_platform(work)
    try:
        injection = os.path.join(work, "ours.csv")
        with open(injection, "w") as f:
            f.write("SEQUENTIAL\n")
            for user, password, domain in accounts:
                f.write(f"{user};{domain};[authentication username={user} password={password}]\n")
        results["ours"] = ladder("platform", os.path.join(HERE, "uac-register-digest.xml"), f"127.0.0.1:{sip_port}", injection, [proc.pid], work)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)

    print("Kamailio 5.6 (anchor configuration, WITH_AUTH):", flush=True)
    master, pids = start_kamailio(work)
    try:
        injection = os.path.join(work, "kamailio.csv")
        with open(injection, "w") as f:
            f.write("SEQUENTIAL\n")
            for user in range(100000, 100100):
                f.write(f"{user};pw{user};[authentication username={user} password=pw{user}]\n")
        results["kamailio"] = ladder("kamailio", os.path.join(HERE, "kamailio-reg-auth.xml"), "127.0.0.1:5060", injection, pids, work)
    finally:
        os.kill(master, signal.SIGTERM)
        time.sleep(1)

    print()
    print("| REGISTER with digest auth | platform | Kamailio 5.6 | ratio |")
    print("|---|---|---|---|")
    ours, kam = results.get("ours"), results.get("kamailio")
    if ours and kam:
        print(f"| max sustained rate (<1 % failures) | {ours[0]}/s | {kam[0]}/s | {ours[0] / kam[0]:.2f} |")
        print(f"| server CPU per registration at that rate | {ours[1]:.0f} us | {kam[1]:.0f} us | {ours[1] / kam[1]:.2f} |")
    else:
        print(f"| max sustained rate | {ours} | {kam} | - |")
    json.dump(results, open(os.path.join(work, "results.json"), "w"))
    print(f"\n(step details and logs in {work})")


if __name__ == "__main__":
    main()
