#!/usr/bin/env python3
"""Fixture lab: runs each look-alike scenario with real Linux TCP and ARP in network namespaces, records
the phone-side and CUCM-side captures and the CUCM syslog, writes the devices' configs, and measures
from the captures what happened, for the ground-truth manifest. Run through run-lab.sh (as root)."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import configs
import measure

HERE = Path(__file__).resolve().parent
PY = sys.executable
PHONE_IP, PHONE_MAC, PHONE_NAME = "192.0.2.45", "0a:1a:b0:00:00:45", "SEP0A1AB0000045"
FW_IN_IP, FW_IN_MAC, FW_OUT_IP, FW_OUT_MAC = "192.0.2.1", "0a:1a:b0:00:00:01", "198.51.100.1", "0a:1a:b0:00:01:01"
CUCM_IP, CUCM_MAC = "198.51.100.10", "0a:1a:b0:00:02:10"
CUCM_FLAT_IP = "192.0.2.202"  # proxy-arp: the CUCM on the phone's subnet, as in the source's case 1.2
PC_MAC = "0a:1a:b0:00:00:99"
HOST_IP, HOST_MAC, ATT_IP, ATT_MAC = "192.0.2.60", "0a:1a:b0:00:00:60", "192.0.2.66", "0a:1a:b0:00:00:66"
CAPTURE_FILTER = "arp or tcp port 5060 or tcp port 5061 or tcp port 2000 or icmp"
TIME_SCALE = 1  # lab seconds per real second; see README: the rules compare config timers with capture intervals
EXPIRES, DELTA, GRACE, TIMER_F = 120, 5, 10, 32

# name -> how the lab sets it up. t is seconds after the phone started.
SCENARIOS = {
    "port-security-aging": dict(truth="port-security-aging", topo="routed", duration=245,
                                psec_aging=60, switch="psec-1-inactivity", asa="default"),
    "firewall-idle-timeout": dict(truth="idle-connection-teardown", topo="routed", duration=175,
                                  fw_idle=90, switch="plain", asa="timeout-90s"),
    "proxy-arp": dict(truth="proxy-arp", topo="flat", duration=215, proxy_at=30, arp_flush=100,
                      switch="plain", asa="proxy-arp-on"),
    "duplicate-ip": dict(truth="arp-conflict", topo="routed", duration=245, pc_at=60,
                         switch="plain", asa="default"),
    "cucm-hung": dict(truth="cucm-not-responding", topo="routed", duration=215, hang_at=60,
                      switch="plain", asa="default"),
    "random-loss": dict(truth="no-fault-found", topo="routed", duration=360, loss_pct=15,
                        switch="plain", asa="default"),
    "healthy-long-aging": dict(truth="no-fault-found", topo="routed", duration=245,
                               psec_aging=300, switch="psec-5-inactivity", asa="default"),
    "healthy-clock-skew": dict(truth="no-fault-found", topo="routed", duration=245, skew=4.2,
                               switch="plain", asa="default"),
    "arp-poisoning": dict(truth="arp-poisoning", topo="arp", duration=40),
    # Look-alikes no rule was written from (the outsider's probe):
    # an SCCP phone (TCP 2000, keepalive every 60 s) behind a firewall that forgets a connection idle for 45 s
    "sccp-firewall-idle": dict(truth="idle-connection-teardown", topo="routed", duration=200, proto="sccp",
                               keepalive=60, fw_idle=45, switch="plain", asa="timeout-45s"),
    # SIP over TLS (TCP 5061): no SIP readable, only TCP and TLS records; the switch ages the phone's MAC
    "tls-port-security-aging": dict(truth="port-security-aging", topo="routed", duration=245, tls=True,
                                    psec_aging=60, switch="psec-1-inactivity", asa="default"),
    # from 60 s on the CUCM sends toward the phone through a second router on its segment that does not
    # forward them: requests arrive and are answered, the answers (and TCP ACKs) never reach the phone
    "asymmetric-return": dict(truth="keepalive-lost-in-network", topo="routed", duration=200, return_via_at=60,
                              switch="plain", asa="default"),
    # the switch port forced to 100 Mb/s full duplex, the phone left on auto: the phone falls back to half
    # duplex. Every 4th frame each way on the phone's port is lost (the switch counts the phone's aborted
    # frames as runts and CRC errors; the phone drops the switch's frames after a late collision), and CDP
    # reports the mismatch in the switch's log every minute
    "duplex-mismatch": dict(truth="duplex-mismatch", topo="routed", duration=245, duplex_drop=4,
                            switch="duplex-forced", asa="default"),
    # the CUCM's CallManager service stops at 60 s (its connections reset, its port closed: the kernel
    # refuses the phone's SYNs with a reset) and starts again at 110 s; the phone registers again
    "cucm-service-restart": dict(truth="cucm-service-restarted", topo="routed", duration=245, stop_at=60,
                                 start_at=110, switch="plain", asa="default"),
    # from 60 s the CUCM answers a REGISTER with 100 Trying at once and the 200 OK only 40 s later, after
    # the phone's Timer F (32 s) has made it give up and reset the connection
    "cucm-slow-answer": dict(truth="cucm-not-responding", topo="routed", duration=230, slow_from=60,
                             answer_delay=40, switch="plain", asa="default"),
    # the same slow CUCM with the 200 OK 25 s after the 100 Trying: inside the phone's Timer F, so the phone
    # stays registered as far as it knows, but after the CUCM's own deadline (130 s after the last 200 OK),
    # so the CUCM unregisters the phone (Reason=13) and registers it again when it answers
    "cucm-late-answer": dict(truth="cucm-not-responding", topo="routed", duration=300, slow_from=60,
                             answer_delay=25, switch="plain", asa="default"),
    # the phone's own refresh timer runs late: Timer Register Delta -20, so each refresh leaves the phone
    # 140 s after the 200 OK that granted 120 s, at its first transmission, past the CUCM's deadline of
    # 130 s; the CUCM unregisters the phone (Reason=13) and registers it again when the refresh arrives
    "phone-late-refresh": dict(truth="phone-refresh-late", topo="routed", duration=300, delta=-20,
                               switch="plain", asa="default"),
}
RT2_IP, RT2_MAC = "198.51.100.3", "0a:1a:b0:00:03:03"


def sh(*cmd, check=True, **kw):
    return subprocess.run(list(cmd), check=check, capture_output=True, text=True, **kw)


def nsx(ns, *cmd, check=True):
    return sh("ip", "netns", "exec", ns, *cmd, check=check)


class Lab:
    """One scenario's namespaces and processes; close() removes all of them."""

    def __init__(self, prefix, work):
        self.prefix, self.work = prefix, work
        self.namespaces, self.procs, self.captures = [], [], []

    def ns(self, role):
        name = f"{self.prefix}-{role}"
        sh("ip", "netns", "add", name)
        self.namespaces.append(name)
        nsx(name, "ip", "link", "set", "lo", "up")
        for key in ("net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"):
            nsx(name, "sysctl", "-qw", key)
        return name

    def link(self, ns_a, if_a, ns_b, if_b, mac_a=None):
        sh("ip", "link", "add", "name", if_a, "netns", ns_a, "type", "veth", "peer", "name", if_b, "netns", ns_b)
        if mac_a:
            nsx(ns_a, "ip", "link", "set", if_a, "address", mac_a)
        for ns, iface in ((ns_a, if_a), (ns_b, if_b)):
            nsx(ns, "sysctl", "-qw", f"net.ipv6.conf.{iface}.disable_ipv6=1", check=False)

    def up(self, ns, iface, addr=None):
        if addr:
            nsx(ns, "ip", "addr", "add", addr, "dev", iface)
        nsx(ns, "ip", "link", "set", iface, "up")

    def start(self, ns, *cmd, log):
        f = open(self.work / log, "w")
        p = subprocess.Popen(["ip", "netns", "exec", ns, *cmd], stdout=f, stderr=subprocess.STDOUT)
        self.procs.append(p)
        return p

    def capture(self, ns, iface, path, flt=CAPTURE_FILTER):
        p = self.start(ns, "tcpdump", "-i", iface, "-s", "0", "-U", "-Z", "root", "-w", str(path), flt,
                       log=f"tcpdump-{path.stem}.log")
        self.captures.append(p)
        return p

    def stop(self, procs):
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def close(self):
        self.stop(self.captures)
        self.stop(self.procs)
        for name in self.namespaces:
            for pid in sh("ip", "netns", "pids", name, check=False).stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            sh("ip", "netns", "del", name, check=False)


def build_switch(lab, hub=False):
    sw = lab.ns("sw")
    nsx(sw, "ip", "link", "add", "br0", "type", "bridge", "ageing_time", "0" if hub else "30000")
    nsx(sw, "ip", "link", "set", "br0", "up")
    return sw


def attach(lab, sw, port, ns, mac):
    lab.link(ns, "eth0", sw, port, mac_a=mac)
    nsx(sw, "ip", "link", "set", port, "master", "br0")
    lab.up(sw, port)


def wait_listening(ns, ip, port=5060, timeout=20.0):
    """The phone starts only once the registrar listens, or its first SYNs would meet resets."""
    end = time.time() + timeout
    while time.time() < end:
        if f"{ip}:{port}" in nsx(ns, "ss", "-ltnH").stdout:
            return
        time.sleep(0.1)
    raise RuntimeError(f"the registrar in {ns} did not listen on {ip}:{port}")


def tls_files(work):
    """A self-signed certificate for the CUCM's TLS listener (the phone does not verify it here)."""
    key, cert = work / "cucm.key", work / "cucm.crt"
    sh("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=cucm-pub.example.com",
       "-keyout", str(key), "-out", str(cert))
    return key, cert


def at(t0, delay, fn):
    def run():
        time.sleep(max(0.0, t0 + delay - time.time()))
        fn()
    th = threading.Thread(target=run, daemon=True)
    th.start()
    return th


def port_security(sw, aging):
    # IOS port security with inactivity aging: a MAC not heard from for `aging` seconds is forgotten, and
    # the frame that brings it back is used to learn it again and not forwarded (see the README).
    rules = f"""
table bridge psec {{
  set secure {{ type ether_addr; flags dynamic,timeout; timeout {aging}s; }}
  chain forward_filter {{
    type filter hook forward priority 0; policy accept;
    iifname "sw-phone" ether saddr @secure update @secure {{ ether saddr }} accept
    iifname "sw-phone" add @secure {{ ether saddr }} counter drop
  }}
}}
"""
    subprocess.run(["ip", "netns", "exec", sw, "nft", "-f", "-"], input=rules, text=True, check=True)
    nsx(sw, "nft", "add", "element", "bridge", "psec", "secure", "{ " + PHONE_MAC + " }")


def firewall(fw, idle=None, loss=None):
    lines = ["table inet asa {", "  chain forward_filter {", "    type filter hook forward priority 0; policy accept;"]
    if idle:
        nsx(fw, "sysctl", "-qw", f"net.netfilter.nf_conntrack_tcp_timeout_established={idle}")
        nsx(fw, "sysctl", "-qw", "net.netfilter.nf_conntrack_tcp_loose=0")
        lines += ["    ct state invalid counter drop comment \"no connection\"",
                  "    ct state new tcp flags & (syn|ack) != syn counter drop comment \"first packet not a SYN\""]
    if loss:
        lines += [f"    tcp {d} 5060 numgen random mod 100 < {loss} counter drop comment \"random loss\"" for d in ("dport", "sport")]
    lines += ["  }", "}"]
    subprocess.run(["ip", "netns", "exec", fw, "nft", "-f", "-"], input="\n".join(lines) + "\n", text=True, check=True)


def duplex_mismatch(sw, every):
    # A half-duplex phone on a full-duplex switch port: the switch sends whenever it likes, so its frames
    # collide with the phone's. Each way, every `every`-th IPv4 frame on the phone's port is lost (the count
    # is deterministic so that a run loses frames in both directions; ARP is left alone to keep the run
    # about TCP). The counters are what the switch's show interfaces reports.
    rules = f"""
table bridge duplex {{
  chain forward_filter {{
    type filter hook forward priority 0; policy accept;
    iifname "sw-phone" ether type ip numgen inc mod {every} 0 counter drop comment "runt or CRC error from the phone"
    oifname "sw-phone" ether type ip numgen inc mod {every} 0 counter drop comment "late collision at the phone"
  }}
}}
"""
    subprocess.run(["ip", "netns", "exec", sw, "nft", "-f", "-"], input=rules, text=True, check=True)


def run_scenario(name, spec, idx, out, events_dir, keep_work):
    work = Path(tempfile.mkdtemp(prefix=f"regdoc-lab-{name}-"))
    lab = Lab(f"rlab{idx}", work)
    events = work / "events.jsonl"
    truth = {"scenario": name, "truth": spec["truth"], "time_scale": TIME_SCALE, "kernel": os.uname().release}
    try:
        if spec["topo"] == "arp":
            return run_arp_poisoning(lab, spec, work, out, truth, events_dir)
        sw = build_switch(lab)
        fw, ph, cm = lab.ns("fw"), lab.ns("ph"), lab.ns("cm")
        cucm_ip = CUCM_FLAT_IP if spec["topo"] == "flat" else CUCM_IP
        attach(lab, sw, "sw-phone", ph, PHONE_MAC)
        lab.up(ph, "eth0", f"{PHONE_IP}/24")
        nsx(ph, "ip", "route", "add", "default", "via", FW_IN_IP)
        nsx(fw, "sysctl", "-qw", "net.ipv4.ip_forward=1")
        if spec["topo"] == "flat":
            attach(lab, sw, "sw-cucm", cm, CUCM_MAC)
        # Linux adds bridge ports at the head of the port list and floods in list order: the port added last
        # gets a broadcast first, so the firewall answers an ARP request before the CUCM does.
        attach(lab, sw, "sw-fw", fw, FW_IN_MAC)
        lab.up(fw, "eth0", f"{FW_IN_IP}/24")
        if spec["topo"] == "flat":
            lab.up(cm, "eth0", f"{CUCM_FLAT_IP}/24")
            nsx(cm, "ip", "route", "add", "default", "via", FW_IN_IP)
            # The firewall's outside: a host 203.0.113.5 that silently discards what is routed to it.
            ext = lab.ns("ext")
            lab.link(fw, "outside", ext, "eth0")
            lab.up(fw, "outside", "203.0.113.2/29")
            lab.up(ext, "eth0", "203.0.113.5/29")
            nsx(fw, "sysctl", "-qw", "net.ipv4.conf.eth0.proxy_arp=1")
            nsx(fw, "sysctl", "-qw", "net.ipv4.neigh.eth0.proxy_delay=0")
        elif spec.get("return_via_at"):
            # the CUCM's segment is a second bridge on the switch, with a second router (rt2) on it
            nsx(sw, "ip", "link", "add", "br1", "type", "bridge")
            nsx(sw, "ip", "link", "set", "br1", "up")
            for ns, port, mac in ((fw, "sw-fwo", FW_OUT_MAC), (cm, "sw-cucm", CUCM_MAC)):
                iface = "eth1" if ns == fw else "eth0"
                lab.link(ns, iface, sw, port, mac_a=mac)
                nsx(sw, "ip", "link", "set", port, "master", "br1")
                lab.up(sw, port)
            rt2 = lab.ns("rt2")
            lab.link(rt2, "eth0", sw, "sw-rt2", mac_a=RT2_MAC)
            nsx(sw, "ip", "link", "set", "sw-rt2", "master", "br1")
            lab.up(sw, "sw-rt2")
            lab.up(rt2, "eth0", f"{RT2_IP}/24")  # ip_forward stays 0: what is routed through it is dropped
            lab.up(fw, "eth1", f"{FW_OUT_IP}/24")
            lab.up(cm, "eth0", f"{CUCM_IP}/24")
            nsx(cm, "ip", "route", "add", "default", "via", FW_OUT_IP)
        else:
            lab.link(fw, "eth1", cm, "eth0", mac_a=FW_OUT_MAC)
            nsx(cm, "ip", "link", "set", "eth0", "address", CUCM_MAC)
            lab.up(fw, "eth1", f"{FW_OUT_IP}/24")
            lab.up(cm, "eth0", f"{CUCM_IP}/24")
            nsx(cm, "ip", "route", "add", "default", "via", FW_OUT_IP)
        if spec.get("psec_aging"):
            port_security(sw, spec["psec_aging"])
        if spec.get("duplex_drop"):
            duplex_mismatch(sw, spec["duplex_drop"])
        if spec.get("fw_idle") or spec.get("loss_pct"):
            firewall(fw, spec.get("fw_idle"), spec.get("loss_pct"))
        if spec.get("pc_at"):
            pc = lab.ns("pc")
            attach(lab, sw, "sw-pc", pc, PC_MAC)
            nsx(pc, "sysctl", "-qw", "net.ipv4.conf.eth0.arp_notify=1")

        lab.capture(ph, "eth0", work / "phone.pcap")
        lab.capture(cm, "eth0", work / "cucm.pcap")
        time.sleep(1.5)
        dur = spec["duration"]
        if spec.get("proto") == "sccp":
            lab.start(cm, PY, str(HERE / "sccp_station.py"), "cucm", "--ip", cucm_ip,
                      "--keepalive", str(spec["keepalive"]), "--grace", str(GRACE), "--duration", str(dur + 60),
                      "--syslog", str(work / "cucm-syslog.log"), "--events", str(events), log="cucm.log")
            wait_listening(cm, cucm_ip, 2000)
            t0 = time.time()
            truth["t0"] = t0
            lab.start(ph, PY, str(HERE / "sccp_station.py"), "phone", "--cucm", cucm_ip, "--ip", PHONE_IP,
                      "--name", PHONE_NAME, "--duration", str(dur + 60), "--events", str(events), log="phone.log")
        else:
            tls = []
            if spec.get("tls"):
                key, cert = tls_files(work)
                tls = ["--tls-key", str(key), "--tls-cert", str(cert)]
            lab.start(cm, PY, str(HERE / "cucm_registrar.py"), "--ip", cucm_ip, "--expires", str(EXPIRES),
                      "--grace", str(GRACE), "--hang-at", str(spec.get("hang_at", 0)),
                      "--stop-at", str(spec.get("stop_at", 0)), "--start-at", str(spec.get("start_at", 0)),
                      "--slow-from", str(spec.get("slow_from", 0)), "--answer-delay", str(spec.get("answer_delay", 0)),
                      "--duration", str(dur + 60), "--syslog", str(work / "cucm-syslog.log"), "--events", str(events),
                      *tls, log="cucm.log")
            wait_listening(cm, cucm_ip, 5061 if tls else 5060)
            t0 = time.time()
            truth["t0"] = t0
            lab.start(ph, PY, str(HERE / "sip_phone.py"), "--cucm", cucm_ip, "--ip", PHONE_IP, "--mac", PHONE_MAC,
                      "--name", PHONE_NAME, "--delta", str(spec.get("delta", DELTA)), "--timer-f", str(TIMER_F),
                      "--duration", str(dur + 60), "--arp-flush", str(spec.get("arp_flush", 0)),
                      "--events", str(events), *(["--tls"] if tls else []),
                      *(["--watch"] if spec.get("stop_at") or spec.get("slow_from") else []), log="phone.log")
        actions = []
        if spec.get("return_via_at"):
            def return_via_rt2():
                nsx(cm, "ip", "route", "add", "192.0.2.0/24", "via", RT2_IP)
                log_event(events, "cucm-host", "return-route-via-rt2", via=RT2_IP, mac=RT2_MAC)
            actions.append(at(t0, spec["return_via_at"], return_via_rt2))
        if spec.get("proxy_at"):
            def proxy_on():
                nsx(fw, "ip", "route", "add", f"{CUCM_FLAT_IP}/32", "via", "203.0.113.5", "dev", "outside")
                log_event(events, "firewall", "proxy-arp-starts", ip=CUCM_FLAT_IP, mac=FW_IN_MAC)
            actions.append(at(t0, spec["proxy_at"], proxy_on))
        if spec.get("pc_at"):
            def pc_up():
                lab.up(pc, "eth0", f"{PHONE_IP}/24")  # arp_notify: the kernel announces it with gratuitous ARP
                nsx(pc, "ip", "route", "add", "default", "via", FW_IN_IP)
                log_event(events, "pc", "pc-up", ip=PHONE_IP, mac=PC_MAC)
                lab.start(pc, "ping", "-q", "-i", "15", FW_IN_IP, log="pc-ping.log")
            actions.append(at(t0, spec["pc_at"], pc_up))
        time.sleep(max(0.0, t0 + dur - time.time()))
        lab.stop(lab.captures)
        for ns in (sw, fw):  # the counters of what the emulated devices dropped
            truth.setdefault("counters", {})[ns.split("-")[-1]] = nsx(ns, "nft", "list", "ruleset", check=False).stdout
        log_event(events, "lab", "stopped")
    finally:
        lab.close()
    return finish(name, spec, work, out, truth, events, events_dir, keep_work)


def run_arp_poisoning(lab, spec, work, out, truth, events_dir):
    events = work / "events.jsonl"
    try:
        sw = build_switch(lab, hub=True)  # ageing 0: the bridge floods every frame, like a VLAN span
        fw, host, att = lab.ns("fw"), lab.ns("host"), lab.ns("att")
        attach(lab, sw, "sw-fw", fw, FW_IN_MAC)
        attach(lab, sw, "sw-host", host, HOST_MAC)
        attach(lab, sw, "sw-att", att, ATT_MAC)
        lab.up(fw, "eth0", f"{FW_IN_IP}/24")
        lab.up(host, "eth0", f"{HOST_IP}/24")
        lab.up(att, "eth0", f"{ATT_IP}/24")
        nsx(host, "ip", "route", "add", "default", "via", FW_IN_IP)
        nsx(att, "sysctl", "-qw", "net.ipv4.ip_forward=1")
        lab.capture(sw, "br0", work / "arp.pcap", flt="arp")
        time.sleep(1.5)
        t0 = time.time()
        truth["t0"] = t0
        lab.start(host, "ping", "-q", "-i", "2", FW_IN_IP, log="host-ping.log")
        log_event(events, "host", "ping-gateway-every-2s")

        def poison():
            log_event(events, "attacker", "poisoning-starts", mac=ATT_MAC, claims=[FW_IN_IP, HOST_IP])
            lab.start(att, PY, str(HERE / "arp_send.py"), "--claim", f"{FW_IN_IP}={HOST_IP}@{HOST_MAC}",
                      "--claim", f"{HOST_IP}={FW_IN_IP}@{FW_IN_MAC}", "--every", "5", "--duration", "60", log="att.log")
        at(t0, 10, poison)
        time.sleep(max(0.0, t0 + spec["duration"] - time.time()))
        lab.stop(lab.captures)
    finally:
        lab.close()
    return finish(truth["scenario"], spec, work, out, truth, events, events_dir, False)


def log_event(path, who, event, **details):
    with open(path, "a") as f:
        f.write(json.dumps({"t": round(time.time(), 6), "who": who, "event": event, **details}) + "\n")


def duplex_counters(ruleset):
    """(runts, CRC) for show interfaces: the frames from the phone the switch dropped, about half of them
    cut short enough to count as runts."""
    import re
    m = re.search(r'iifname "sw-phone".*?counter packets (\d+)', ruleset)
    dropped = int(m.group(1)) if m else 0
    return dropped // 2, dropped - dropped // 2


def cdp_duplex_log(t0, duration):
    """The switch's own log: CDP reports the mismatch each time the phone's CDP announcement (every 60 s)
    arrives."""
    lines = []
    for t in range(20, int(duration), 60):
        g = time.gmtime(t0 + t)
        stamp = f"{time.strftime('%b', g)} {g.tm_mday:2d} {time.strftime('%H:%M:%S', g)}"
        lines.append(f"*{stamp}.{int((t0 % 1) * 1000):03d}: %CDP-4-DUPLEX_MISMATCH: duplex mismatch discovered on "
                     "GigabitEthernet1/0/12 (not half duplex), with SEP0A1AB0000045 Port 1 (half duplex).")
    return "\n".join(lines) + "\n"


def finish(name, spec, work, out, truth, events, events_dir, keep_work):
    dest = out / name
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for f in ("phone.pcap", "cucm.pcap", "cucm-syslog.log", "arp.pcap"):
        if (work / f).exists() and (work / f).stat().st_size > 0:
            shutil.copy(work / f, dest / f)
    if spec.get("skew"):
        measure.shift_cucm_clock(dest, spec["skew"])
    counters = None
    if spec.get("duplex_drop"):
        counters = duplex_counters(truth.get("counters", {}).get("sw", ""))
        (dest / "switch-syslog.log").write_text(cdp_duplex_log(truth["t0"], spec["duration"]))
    if spec.get("switch"):
        (dest / "switch-config.txt").write_text(configs.switch(spec["switch"], counters))
    if spec.get("asa"):
        (dest / "asa-config.txt").write_text(configs.asa(spec["asa"]))
    evs = [json.loads(l) for l in open(events)] if events.exists() else []
    evs.sort(key=lambda e: e["t"])
    events_dir.mkdir(parents=True, exist_ok=True)
    with open(events_dir / f"{name}.jsonl", "w") as f:
        f.write(json.dumps({"t": 0.0, "who": "lab", "event": "start", "epoch": round(truth["t0"], 6),
                            "kernel": truth["kernel"], "time_scale": TIME_SCALE}) + "\n")
        for e in evs:
            e = dict(e, t=round(e["t"] - truth["t0"], 3))  # seconds after the phone (or host) started
            f.write(json.dumps(e) + "\n")
    result = measure.scenario(name, spec, dest, evs, truth)
    if not keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return result


# Variants made from a recorded scenario by changing one configuration file: the same traffic, another
# configuration given. name -> (recorded scenario, file, text replaced, replacement).
VARIANTS = {
    # the firewall of the recording forgot the connection after 90 s; this configuration says 2 hours,
    # so the given firewall is ruled out and only the pattern (or the CUCM) remains
    "firewall-timeout-longer": ("firewall-idle-timeout", "asa-config.txt",
                                "timeout conn 0:01:30", "timeout conn 2:00:00"),
    # two ports on the switch: port security with 1 min inactivity aging on the PC's port only, not on the
    # phone's; the recording is the firewall's, so port security must not be named
    "psec-on-other-port": ("firewall-idle-timeout", "switch-config.txt",
                           " description PC\n switchport access vlan 10\n switchport mode access\n",
                           " description PC\n switchport access vlan 10\n switchport mode access\n"
                           " switchport port-security maximum 2\n switchport port-security aging time 1\n"
                           " switchport port-security aging type inactivity\n switchport port-security\n"),
}


# Variants that add the firewall's own log to a recording: name -> (recorded scenario, files kept). The
# log is what an ASA that forgot the connection writes for each phone segment it drops (106015), made from
# the recording's own segments with tshark: the phone's data segments on the connection whose refresh was
# retransmitted, from the first copy of that refresh on.
LOGGED_VARIANTS = {
    "firewall-deny-logged": ("firewall-idle-timeout", ["phone.pcap"]),
}


# Variants that edit a recording the way real captures come: cut (a capture started after the failure, a
# CUCM-side capture stopped before it), shifted (a CUCM clock an hour off), or only some of the files (the
# CUCM syslog alone). name -> (recorded scenario, {file: (editcap options, packet ranges)}, files kept). editcap is all
# they need, no namespaces.
EDITED_VARIANTS = {
    "capture-starts-late": ("firewall-idle-timeout", {"phone.pcap": (["-r"], ["16-9999"])},
                            ["phone.pcap", "asa-config.txt", "switch-config.txt"]),
    "cucm-capture-stopped-early": ("asymmetric-return", {"cucm.pcap": (["-r"], ["1-13"])},
                                   ["phone.pcap", "cucm.pcap", "asa-config.txt", "switch-config.txt"]),
    "cucm-clock-hour-ahead": ("port-security-aging", {"cucm.pcap": (["-t", "3600"], [])},
                              ["phone.pcap", "cucm.pcap", "switch-config.txt"]),
    "syslog-only": ("firewall-idle-timeout", {}, ["cucm-syslog.log"]),
}


def asa_deny_log(pcap):
    fields = ["frame.time_epoch", "ip.src", "tcp.srcport", "ip.dst", "tcp.dstport", "tcp.len",
              "tcp.analysis.retransmission"]
    rows = subprocess.run(
        ["tshark", "-r", str(pcap), "-Y", "tcp.dstport == 5060 && tcp.len > 0", "-T", "fields"]
        + [x for f in fields for x in ("-e", f)],
        check=True, capture_output=True, text=True).stdout.splitlines()
    segs = [r.split("\t") for r in rows]
    retrans = [r for r in segs if r[6]]
    if not retrans:
        return ""
    port = retrans[0][2]
    start = float(retrans[0][0]) - 1.0
    lines = []
    for r in segs:
        if r[2] == port and float(r[0]) >= start:
            t = time.strftime("%b %d %Y %H:%M:%S", time.gmtime(float(r[0])))
            lines.append(f"{t} voice-fw : %ASA-6-106015: Deny TCP (no connection) from {r[1]}/{r[2]} "
                         f"to {r[3]}/{r[4]} flags PSH ACK  on interface inside")
    return "\n".join(lines) + "\n"


def derive_variants(out):
    """Writes each variant whose recorded scenario is in out; no namespaces needed."""
    for name, (base, changed, old, new) in VARIANTS.items():
        src = out / base
        if not (src / changed).exists():
            continue
        dst = out / name
        dst.mkdir(exist_ok=True)
        for f in sorted(src.iterdir()):
            if f.is_file():
                data = f.read_bytes()
                if f.name == changed:
                    text = data.decode()
                    if old not in text:
                        sys.exit(f"variant {name}: '{old}' not in {f}")
                    data = text.replace(old, new).encode()
                (dst / f.name).write_bytes(data)
    for name, (base, kept) in LOGGED_VARIANTS.items():
        src = out / base
        if not (src / "phone.pcap").exists():
            continue
        dst = out / name
        dst.mkdir(exist_ok=True)
        for f in kept:
            (dst / f).write_bytes((src / f).read_bytes())
        (dst / "asa-syslog.log").write_text(asa_deny_log(src / "phone.pcap"))
    for name, (base, edits, kept) in EDITED_VARIANTS.items():
        src = out / base
        if not all((src / f).exists() for f in kept):
            continue
        dst = out / name
        dst.mkdir(exist_ok=True)
        for f in kept:
            if f in edits:
                options, ranges = edits[f]
                sh("editcap", "-F", "pcap", *options, str(src / f), str(dst / f), *ranges)
            else:
                (dst / f).write_bytes((src / f).read_bytes())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenarios", nargs="*", help="default: all")
    p.add_argument("--out", default=str(HERE.parent / "resources" / "fixtures" / "lab"))
    p.add_argument("--keep-work", action="store_true")
    p.add_argument("--retries", type=int, default=2, help="reruns when a run missed its ground truth")
    p.add_argument("--duration", type=float, help="override every scenario's length (smoke tests only)")
    p.add_argument("--variants-only", action="store_true", help="only rewrite the configuration variants")
    a = p.parse_args()
    if a.variants_only:
        derive_variants(Path(a.out))
        return
    if a.duration:
        for s in SCENARIOS.values():
            s["duration"] = a.duration
    names = a.scenarios or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(SCENARIOS)}")
    out = Path(a.out)
    results = {}

    lock = threading.Lock()

    def one(i, n):
        # random loss has to land as single scattered losses, which takes more draws than the others
        for attempt in range(a.retries + 1 + (2 if n == "random-loss" else 0)):
            try:
                r = run_scenario(n, SCENARIOS[n], i, out, out / "events", a.keep_work)
            except Exception as e:  # the namespaces are gone already (finally in run_scenario)
                r = {"ok": False, "why": f"{type(e).__name__}: {e}", "timings": [], "evidence": []}
            r["attempts"] = attempt + 1
            results[n] = r
            print(f"[{n}] attempt {attempt + 1}: {'ok' if r['ok'] else 'MISSED: ' + r['why']}", flush=True)
            with lock:  # the manifest follows every finished scenario, even if the run is cut short later
                measure.write_manifest(out, {n: r}, SCENARIOS)
            if r["ok"]:
                return
    # daemon threads: on Ctrl-C the process ends at once and run-lab.sh's trap removes the namespaces
    threads = [threading.Thread(target=one, args=(i, n), daemon=True) for i, n in enumerate(names)]
    for t in threads:
        t.start()
    try:
        for t in threads:
            while t.is_alive():
                t.join(0.5)
    except KeyboardInterrupt:
        sys.exit(130)
    measure.write_manifest(out, results, SCENARIOS)
    derive_variants(out)
    bad = [n for n in names if not results.get(n, {}).get("ok")]
    if bad:
        print("ground truth not reached in: " + ", ".join(bad), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
