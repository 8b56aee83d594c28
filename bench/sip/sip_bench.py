"""The platform's CallControl against Kamailio 5.6 (the anchor configuration: in-memory usrloc,
htable passwords, stateful proxy), same machine, same sipp flows, in one run:

  1. REGISTER with digest authentication: highest sustained rate, CPU per registration;
  2. call setup and tear-down (INVITE -> 180 -> 200 -> ACK, 1 s, BYE -> 200) through the
     server to a sipp UAS registered as the callee: highest sustained rate, CPU per call;
  3. INVITE -> 180 latency (p50/p99) at a fixed 200 calls/s, from sipp's message trace
     (microsecond timestamps; sipp's own response-time clock counts whole milliseconds).

Rates are ladders of fixed-rate sipp steps (the pass rule is at ladder()); the figure is the
highest passing rate. CPU is the
server's utime+stime (all its processes) over the step divided by the successful operations.

Calls enter the platform the way a carrier's calls do: from a trunk source address (no digest,
like Kamailio's proxy) to the public numbers of the demo lines, registered at the sipp UAS by
the warm-up. Kamailio routes its calls to 100 users registered the same way.

Usage: bench/sip/run.sh   (builds the Release embedded host, then runs this)"""
import csv, glob, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
REGISTER_RATES = [1000, 2000, 4000, 6000, 8000, 10000, 12000, 14000, 16000, 20000, 24000, 28000]
CALL_RATES = [200, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 7000, 8000]
STEP_SECONDS = 5
LATENCY_RATE, LATENCY_CALLS = 200, 3000
# The anchor's call: 1 s between ACK and BYE. A 180 relayed after the 200 (UDP reorders, and
# Kamailio's workers relay both in parallel) is legal: ignored, not a failed call.
CALL = ("-d", "1000", "-default_behaviors", "all,-abortunexp")
# sipp's own socket buffer (default 64 KB) drops answers that arrive faster than sipp reads
# them, which sipp then counts as retransmissions of the server: every sipp gets 4 MB, for both
# servers alike (the kernel's net.core.rmem_max caps it).
SIPP_BUFFER = ("-buff_size", str(4 * 1024 * 1024))
UAS_PORT = 5090  # the Contact every bench registration points at (as in the anchor's scenarios)
KAMAILIO_PORT = 5060
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


def scenario(name):
    return os.path.join(HERE, name)


def sipp(scenario_file, target, injection, rate, count, work, tag, extra=()):
    """Runs one fixed-rate sipp client; returns its final statistics (successful, failed,
    retransmissions, and the whole second by which every call was created)."""
    stat = os.path.join(work, f"stat-{tag}.csv")
    for f in glob.glob(os.path.join(work, f"*stat-{tag}.csv")):
        os.remove(f)
    subprocess.run(["sipp", "-sf", scenario_file, "-inf", injection, "-i", "127.0.0.1", "-p", str(free_port()),
                    "-r", str(rate), "-rp", "1000", "-m", str(count), "-l", str(max(rate * 3, 1000)),
                    "-nostdin", "-timeout", str(STEP_SECONDS * 4 + 10) + "s", "-recv_timeout", "5s",
                    "-trace_stat", "-stf", stat, "-fd", "1", *SIPP_BUFFER, *extra, target],
                   cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = list(csv.reader(open(stat), delimiter=";")) if os.path.exists(stat) else []
    if len(rows) < 2:
        return {"ok": 0, "failed": count, "retransmissions": 0, "created_by": None}
    header, last = rows[0], rows[-1]
    column = lambda row, name: row[header.index(name)]
    seconds = lambda row: sum(int(x) * f for x, f in zip(column(row, "ElapsedTime(C)").split(":"), (3600, 60, 1)))
    created = [seconds(row) for row in rows[1:] if int(column(row, "TotalCallCreated")) >= count]
    return {"ok": int(column(last, "SuccessfulCall(C)")), "failed": int(column(last, "FailedCall(C)")),
            "retransmissions": int(column(last, "Retransmissions(C)")), "created_by": created[0] if created else None}


def ladder(name, rates, scenario_file, target, injection, pids, work, extra=()):
    """Fixed-rate steps until one fails; returns {rate: cpu µs per operation} of the passing steps.
    A step passes when every operation was created on time (within a second of the step's
    length), under 1 % failed, and under 1 % needed a retransmission (on loopback, a request is
    retransmitted only when its answer took over 500 ms: the server is falling behind)."""
    passed_steps = {}
    for rate in rates:
        before = cpu_seconds(pids)
        count = rate * STEP_SECONDS
        step = sipp(scenario_file, target, injection, rate, count, work, f"{name}-{rate}", extra)
        used = cpu_seconds(pids) - before
        ok, failed, retransmissions, created_by = step["ok"], step["failed"], step["retransmissions"], step["created_by"]
        passed = (ok > 0 and failed <= 0.01 * count and retransmissions <= 0.01 * count
                  and created_by is not None and created_by <= STEP_SECONDS + 1)
        per_op = used / ok * 1e6 if ok else float("nan")
        print(f"  {name:18s} {rate:6d}/s  ok={ok:7d} failed={failed:6d} retransmitted={retransmissions:6d}  cpu/op={per_op:7.1f} us  {'pass' if passed else 'FAIL'}", flush=True)
        if not passed:
            break
        passed_steps[rate] = per_op
        time.sleep(1)
    return passed_steps


TRACE_HEADER = re.compile(r"^-{20,} \S+ (\d+):(\d+):(\d+\.\d+)$")


def invite_to_ringing(trace_file):
    """Per call, the time from its first INVITE sent to its first 180 received, in ms."""
    sent, rang = {}, {}
    stamp, direction, first_line = None, None, None
    for line in open(trace_file, errors="replace"):
        line = line.rstrip("\r\n")
        m = TRACE_HEADER.match(line)
        if m:
            stamp = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
            direction, first_line = None, None
        elif direction is None and stamp is not None and ("message sent" in line or "message received" in line):
            direction = "sent" if "sent" in line else "received"
        elif direction is not None and first_line is None and line:
            first_line = line
        elif first_line is not None and line.lower().startswith("call-id:"):
            call_id = line.split(":", 1)[1].strip()
            if direction == "sent" and first_line.startswith("INVITE "):
                sent.setdefault(call_id, stamp)
            elif direction == "received" and first_line.startswith("SIP/2.0 180"):
                rang.setdefault(call_id, stamp)
            first_line = ""  # one Call-ID per message
    return sorted((rang[c] - sent[c]) * 1000 for c in rang if c in sent)


def latency(name, target, injection, pids, work):
    """INVITE -> 180 at a fixed moderate rate: p50/p99 in ms, and CPU per call at that rate."""
    before = cpu_seconds(pids)
    tag = f"{name}-latency"
    step = sipp(scenario("uac-call.xml"), target, injection, LATENCY_RATE, LATENCY_CALLS, work, tag,
                extra=(*CALL, "-trace_msg", "-message_file", os.path.join(work, f"{tag}-messages.log")))
    ok, failed = step["ok"], step["failed"]
    used = cpu_seconds(pids) - before
    times = invite_to_ringing(os.path.join(work, f"{tag}-messages.log"))
    if len(times) < 100:
        print(f"  {name:18s} latency: only {len(times)} calls rang (ok={ok} failed={failed})")
        return None
    p50 = statistics.median(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    per_call = used / ok * 1e6 if ok else float("nan")
    print(f"  {name:18s} {LATENCY_RATE}/s x {LATENCY_CALLS}: INVITE->180 p50={p50:.2f} ms p99={p99:.2f} ms  ok={ok} failed={failed}  cpu/call={per_call:.0f} us", flush=True)
    return p50, p99, per_call


def warm_up(name, register, registrations, call, calls, target, work):
    """Registers until the server accepts, then runs both flows for a few seconds unmeasured
    (the platform's JIT and Kamailio's caches start warm). Returns once calls can be made."""
    deadline = time.monotonic() + 60
    while sipp(register, target, registrations, 10, 1, work, f"{name}-probe")["ok"] == 0:
        if time.monotonic() > deadline:
            sys.exit(f"{name} never accepted a REGISTER")
        time.sleep(1)
    sipp(register, target, registrations, 1000, 3000, work, f"{name}-warm-register")
    uas = start_uas(work)
    time.sleep(1)
    sipp(call, target, calls, 500, 2000, work, f"{name}-warm-call", CALL)
    return uas


def start_uas(work):
    """The callee of every bench call: answers each INVITE with 180 and 200 at once."""
    return subprocess.Popen(["sipp", "-sf", scenario("uas-answer.xml"), "-i", "127.0.0.1", "-p", str(UAS_PORT), "-nostdin",
                             "-l", "100000", "-fd", "1", *SIPP_BUFFER],
                            cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process):
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def start_platform(work):
    ports = {k: free_port() for k in ("portal", "prov", "cc", "ms", "sip")}
    env = dict(os.environ, Database__DataFolder=os.path.join(work, "data"), Sip__Port=str(ports["sip"]),
               Embedded__PortalPort=str(ports["portal"]), Embedded__ProvisioningPort=str(ports["prov"]),
               Embedded__CallControlPort=str(ports["cc"]), Embedded__MediaServerPort=str(ports["ms"]),
               Trunk__AllowedSources="127.0.0.1",
               Logging__LogLevel__Default="Warning", Logging__LogLevel__Telephony="Warning")
    dll = os.path.join(ROOT, "src/Embedded/Telephony.Embedded/bin/Release/net10.0/Telephony.Embedded.dll")
    log = open(os.path.join(work, "platform.log"), "w")
    proc = subprocess.Popen(["dotnet", dll], env=env, stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    accounts = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.match(r"SIP account: user=(\S+) password=(\S+) domain=(\S+) number=(\S+)", line)
        if m:
            accounts.append(m.groups())
        if line.startswith("Press Ctrl-C"):
            break
    return proc, ports["sip"], accounts


def start_kamailio(work, *defines):
    run = os.path.join(work, "kamailio")
    os.makedirs(run)
    cfg = os.path.join(HERE, "kamailio-anchor.cfg")
    args = [a for d in defines for a in ("-A", d)]
    subprocess.run(["kamailio", "-f", cfg, "-m", "1024", "-M", "16", "-n", "4", "-E", "-P", os.path.join(run, "kamailio.pid"),
                    "-Y", run, "-A", f'CTL_SOCK="unix:{run}/kamailio_ctl"', *args],
                   stdout=subprocess.DEVNULL, stderr=open(os.path.join(run, "kamailio.log"), "w"), check=True)
    time.sleep(1.5)
    master = int(open(os.path.join(run, "kamailio.pid")).read())
    pids = [int(p) for p in subprocess.run(["pgrep", "-f", cfg], capture_output=True, text=True).stdout.split()]
    return master, pids


def stop_kamailio(master):
    os.kill(master, signal.SIGTERM)
    time.sleep(1.5)


def write(path, lines):
    with open(path, "w") as f:
        f.write("SEQUENTIAL\n")
        f.writelines(line + "\n" for line in lines)
    return path


def bench(name, target, pids, register, registrations, calls, work):
    uas = warm_up(name, register, registrations, scenario("uac-call.xml"), calls, target, work)
    try:
        result = {"register": ladder(f"{name} REGISTER", REGISTER_RATES, register, target, registrations, pids, work)}
        result["latency"] = latency(f"{name} call", target, calls, pids, work)
        result["calls"] = ladder(f"{name} call", CALL_RATES, scenario("uac-call.xml"), target, calls, pids, work, extra=CALL)
        return result
    finally:
        stop(uas)


def bench_platform(work):
    print("Platform (embedded host, Release, SQLite store; calls enter from the trunk):", flush=True)
    proc, sip_port, accounts = start_platform(work)
    try:
        registrations = write(os.path.join(work, "ours-register.csv"),
                              [f"{user};{domain};[authentication username={user} password={password}]" for user, password, domain, _ in accounts])
        calls = write(os.path.join(work, "ours-calls.csv"), [number for *_, number in accounts])
        return bench("platform", f"127.0.0.1:{sip_port}", [proc.pid], scenario("uac-register.xml"), registrations, calls, work)
    finally:
        stop(proc)


def bench_kamailio(work):
    print("Kamailio 5.6 (anchor configuration, WITH_AUTH: digest registrar and stateful proxy):", flush=True)
    master, pids = start_kamailio(work, "WITH_AUTH")
    try:
        users = range(100000, 100100)
        registrations = write(os.path.join(work, "kamailio-register.csv"),
                              [f"{u};pw{u};[authentication username={u} password=pw{u}]" for u in users])
        calls = write(os.path.join(work, "kamailio-calls.csv"), [str(u) for u in users])
        return bench("kamailio", f"127.0.0.1:{KAMAILIO_PORT}", pids, scenario("kamailio-reg-auth.xml"), registrations, calls, work)
    finally:
        stop_kamailio(master)


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def at_equal_rate(ours, kam):
    """The highest rate both passed, with each one's CPU µs per operation there."""
    shared = sorted(set(ours) & set(kam))
    return (shared[-1], ours[shared[-1]], kam[shared[-1]]) if shared else None


def report(ours, kam):
    print()
    print("| SIP, 2 cores, sipp on the same machine | platform | Kamailio 5.6 | platform / Kamailio |")
    print("|---|---|---|---|")
    for key, what, unit in (("register", "REGISTER with digest auth", "/s"), ("calls", "call setups (INVITE-180-200-ACK, BYE)", " calls/s")):
        best_ours = max(ours[key], default=0)
        best_kam = max(kam[key], default=0)
        print(f"| {what}: max sustained rate (< 1 % failed or retransmitted) | {best_ours:,}{unit} | {best_kam:,}{unit} | {ratio(best_ours, best_kam)} |")
        equal = at_equal_rate(ours[key], kam[key])
        if equal:
            rate, cpu_ours, cpu_kam = equal
            print(f"| {what}: server CPU per operation at {rate:,}{unit} | {cpu_ours:.0f} us | {cpu_kam:.0f} us | {ratio(cpu_ours, cpu_kam)} |")
    if ours.get("latency") and kam.get("latency"):
        (p50o, p99o, cpuo), (p50k, p99k, cpuk) = ours["latency"], kam["latency"]
        print(f"| INVITE->180 p50 at {LATENCY_RATE} calls/s | {p50o:.2f} ms | {p50k:.2f} ms | {ratio(p50o, p50k)} |")
        print(f"| INVITE->180 p99 at {LATENCY_RATE} calls/s | {p99o:.2f} ms | {p99k:.2f} ms | {ratio(p99o, p99k)} |")
        print(f"| server CPU per call at {LATENCY_RATE} calls/s | {cpuo:.0f} us | {cpuk:.0f} us | {ratio(cpuo, cpuk)} |")


def main():
    for tool in ("sipp", "kamailio", "dotnet"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is required (apt-get install sip-tester kamailio)")
    work = tempfile.mkdtemp(prefix="sip-bench-")
    only = sys.argv[1] if len(sys.argv) > 1 else None
    ours = bench_platform(work) if only in (None, "platform") else {"register": {}, "calls": {}}
    kam = bench_kamailio(work) if only in (None, "kamailio") else {"register": {}, "calls": {}}
    report(ours, kam)
    print(f"\n(step details and logs in {work})")


if __name__ == "__main__":
    main()
