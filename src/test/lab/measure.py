"""Reads back each scenario's captures with tshark and the emulators' event log, checks that the run
really produced its ground truth, and writes manifest.tsv."""
import csv
import re
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

FIELDS = ["frame.number", "frame.time_epoch", "eth.src", "eth.dst", "ip.src", "ip.dst", "tcp.srcport",
          "tcp.dstport", "tcp.seq_raw", "tcp.len", "tcp.flags.syn", "tcp.flags.reset", "tcp.flags.fin",
          "tcp.analysis.retransmission", "sip.Method", "sip.Status-Code", "arp.opcode", "arp.src.hw_mac",
          "arp.src.proto_ipv4", "arp.dst.proto_ipv4"]
PHONE_IP, FW_MAC, PC_MAC, ATT_MAC = "192.0.2.45", "0a:1a:b0:00:00:01", "0a:1a:b0:00:00:99", "0a:1a:b0:00:00:66"
EXPIRES = 120  # the Expires the lab's CUCM grants (lab.py)


def frames(path):
    if not Path(path).exists():
        return []
    cmd = ["tshark", "-r", str(path), "-T", "fields", "-E", "separator=\t", "-E", "occurrence=f"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        r = dict(zip(FIELDS, line.split("\t")))
        r["n"], r["t"] = int(r["frame.number"]), float(r["frame.time_epoch"])
        r["len"] = int(r["tcp.len"] or 0)
        rows.append(r)
    return rows


def key(r):
    return (r["ip.src"], r["tcp.srcport"], r["ip.dst"], r["tcp.dstport"], r["tcp.seq_raw"], r["len"])


def phone_segments(rows):
    """Phone-sent TCP segments that carry data or SYN, with every copy (frame, time)."""
    seg = {}
    for r in rows:
        if r["ip.src"] == PHONE_IP and r["tcp.srcport"] and (r["len"] > 0 or r["tcp.flags.syn"] in ("1", "True")):
            seg.setdefault(key(r), []).append(r)
    return seg


def shift_cucm_clock(dest, skew):
    """The CUCM host's clock runs `skew` seconds ahead: its capture and its syslog both carry it."""
    pcap = dest / "cucm.pcap"
    tmp = dest / "cucm.shifted.pcap"
    subprocess.run(["editcap", "-t", str(skew), str(pcap), str(tmp)], check=True)
    tmp.replace(pcap)
    log = dest / "cucm-syslog.log"
    out = []
    for line in log.read_text().splitlines():
        m = re.match(r"(\w{3} \d\d \d\d:\d\d:\d\d)( .* )(\w{3} \d\d \d{4} \d\d:\d\d:\d\d\.\d{3})( UTC.*)", line)
        body = datetime.strptime(m.group(3), "%b %d %Y %H:%M:%S.%f") + timedelta(seconds=skew)
        out.append(f"{body:%b %d %H:%M:%S}{m.group(2)}{body:%b %d %Y %H:%M:%S}.{body.microsecond // 1000:03d}{m.group(4)}")
    log.write_text("\n".join(out) + "\n")


def rel(t, t0):
    return f"{t - t0:.3f}"


def scenario(name, spec, dest, evs, truth):
    t0 = truth["t0"]
    ph, cm = frames(dest / "phone.pcap"), frames(dest / "cucm.pcap")
    cm_keys = {key(r) for r in cm}
    segs = phone_segments(ph)
    ev = lambda who, what: [e for e in evs if e["who"] == who and e["event"] == what]
    gave_up = ev("phone", "gave-up")
    unreg = ev("cucm", "alarm-unregistered")
    sent = ev("phone", "register-sent")
    res = {"ok": True, "why": "", "timings": [], "evidence": []}

    def fail(why):
        res["ok"], res["why"] = False, why

    def reg_copies():
        """Each REGISTER the phone sent: its copies in phone.pcap and whether any reached cucm.pcap."""
        out = []
        for k, copies in segs.items():
            if copies[0]["sip.Method"] == "REGISTER":
                out.append((copies, k in cm_keys, [c for c in copies if key(c) in cm_keys]))
        return sorted(out, key=lambda x: x[0][0]["t"])

    regs = reg_copies() if ph else []
    retrans = [c for copies in segs.values() for c in copies[1:]]
    if ph:
        res["timings"].append(f"REGISTERs sent={len(regs)}")
    if name in ("port-security-aging",):
        refreshes = regs[1:]
        dropped = [c for c in refreshes if len(c[0]) >= 2 and key(c[0][0]) in cm_keys]
        # the first copy never reaches the CUCM: cucm.pcap has the same bytes only once (the retransmission)
        counts = [(copies, sum(1 for r in cm if key(r) == key(copies[0]))) for copies, _, _ in refreshes]
        for copies, n_cm in counts:
            res["timings"].append(f"refresh@{rel(copies[0]['t'], t0)}s first copy phone#{copies[0]['n']} lost, "
                                  f"retransmitted after {copies[1]['t'] - copies[0]['t']:.3f}s (phone#{copies[1]['n']})"
                                  if len(copies) >= 2 else f"refresh@{rel(copies[0]['t'], t0)}s not retransmitted")
        if not refreshes or any(len(c) != 2 or n != 1 for c, n in counts) or gave_up:
            fail("not every refresh lost exactly its first copy")
        res["evidence"] = ["phone.pcap: each refresh REGISTER then one [TCP Retransmission]; cucm.pcap: only the retransmission",
                           "switch-config.txt: aging time 1, aging type inactivity"]
    elif name == "firewall-idle-timeout":
        lost = [c for c, seen, _ in regs if not seen]
        if not lost or not gave_up or not unreg:
            fail("no refresh lost entirely / phone did not give up / CUCM did not unregister")
        else:
            first = lost[0]
            prev_ok = max(e["t"] for e in ev("phone", "response") if e["t"] < first[0]["t"] and e["status"] == 200)
            res["timings"] += [f"idle before refresh {first[0]['t'] - prev_ok:.3f}s (conntrack timeout {spec['fw_idle']}s)",
                               f"refresh@{rel(first[0]['t'], t0)}s phone#{first[0]['n']} + {len(first) - 1} retransmissions, none in cucm.pcap",
                               f"CUCM Reason=13 at {rel(unreg[0]['t'], t0)}s", f"phone gave up at {rel(gave_up[0]['t'], t0)}s"]
            syn = [c[0] for k, c in segs.items() if c[0]["tcp.flags.syn"] in ("1", "True") and c[0]["t"] > first[0]["t"]]
            if syn:
                res["timings"].append(f"new connection SYN phone#{syn[0]['n']} at {rel(syn[0]['t'], t0)}s from port {syn[0]['tcp.srcport']}")
            later = [c for c, seen, _ in regs if seen and c[0]["t"] > first[0]["t"]]
            if not later or len(later[0]) != 1:
                fail("the new connection's REGISTER did not pass at once")
        res["evidence"] = ["phone.pcap: refresh + retransmissions, then RST, SYN from a new port, REGISTER, 200 OK",
                           "cucm.pcap: no trace of the lost refresh; new connection", "cucm-syslog.log: Reason=13 then EndPointRegistered",
                           "asa-config.txt: timeout conn 0:01:30"]
    elif name == "proxy-arp":
        arp = [r for r in ph if r["arp.opcode"] == "2" and r["arp.src.proto_ipv4"] == "192.0.2.202"]
        fw_first = [r for r in arp if r["arp.src.hw_mac"] == FW_MAC]
        lost = [c for c, seen, _ in regs if not seen]
        to_fw = [c for c, _, _ in regs if c[0]["eth.dst"] == FW_MAC]
        if not fw_first or not lost or not to_fw:
            fail("the firewall's ARP answer did not win")
        else:
            req = [r for r in ph if r["arp.opcode"] == "1" and r["arp.dst.proto_ipv4"] == "192.0.2.202" and r["t"] < fw_first[0]["t"]][-1]
            cucm_reply = [r for r in arp if r["arp.src.hw_mac"] != FW_MAC and r["t"] >= req["t"]]
            res["timings"] += [f"proxy ARP on at {spec['proxy_at']}s", f"ARP request phone#{req['n']} at {rel(req['t'], t0)}s",
                               f"firewall reply phone#{fw_first[0]['n']} (+{(fw_first[0]['t'] - req['t']) * 1000:.3f}ms)"]
            if cucm_reply:
                res["timings"].append(f"CUCM reply phone#{cucm_reply[0]['n']} (+{(cucm_reply[0]['t'] - req['t']) * 1000:.3f}ms)")
                if cucm_reply[0]["t"] < fw_first[0]["t"]:
                    fail("the CUCM answered first")
            res["timings"].append(f"first REGISTER to the firewall's MAC phone#{to_fw[0][0]['n']} at {rel(to_fw[0][0]['t'], t0)}s")
            if unreg:
                res["timings"].append(f"CUCM Reason=13 at {rel(unreg[0]['t'], t0)}s")
        res["evidence"] = ["phone.pcap: two ARP replies for 192.0.2.202, the firewall's first; later frames to its MAC",
                           "cucm.pcap: the refreshes never arrive", "asa-config.txt: no sysopt noproxyarp inside"]
    elif name == "duplicate-ip":
        garp = [r for r in ph if r["arp.src.hw_mac"] == PC_MAC and r["arp.src.proto_ipv4"] == PHONE_IP]
        ph_keys = {key(r) for r in ph}
        # what the CUCM host sent to the phone's address and the phone never received: it went to the PC
        diverted = [r for r in cm if r["ip.dst"] == PHONE_IP and r["tcp.srcport"] and key(r) not in ph_keys]
        forged = [r for r in cm if r["ip.src"] == PHONE_IP and r["tcp.flags.reset"] in ("1", "True") and key(r) not in ph_keys]
        if not garp or not diverted or not forged:
            fail("no ARP from the PC on the phone's port, or nothing the CUCM sent went to the PC")
        else:
            sip = [r for r in diverted if r["sip.Status-Code"]]
            res["timings"] += [f"PC up at {spec['pc_at']}s, its ARP for {PHONE_IP} phone#{garp[0]['n']} at {rel(garp[0]['t'], t0)}s",
                               f"sent by the CUCM host, never at the phone: cucm#{','.join(str(r['n']) for r in diverted[:6])}"
                               + (f" (SIP {'/'.join(r['sip.Status-Code'] for r in sip)})" if sip else " (TCP only: the PC's reset came before the SIP answer)"),
                               f"resets from 192.0.2.45 the phone never sent (the PC's stack): cucm#{','.join(str(r['n']) for r in forged[:6])}"]
            if gave_up:
                res["timings"].append(f"phone gave up at {rel(gave_up[0]['t'], t0)}s")
            lost = ev("phone", "connection-lost")
            if lost:
                res["timings"].append(f"phone's connection reset by the CUCM at {rel(lost[0]['t'], t0)}s, re-registered from a new port")
        res["evidence"] = ["phone.pcap: the PC's ARP claiming 192.0.2.45; REGISTER retransmissions with no answer",
                           "cucm.pcap: the CUCM host answers (ACK, maybe 100/200) and gets resets from 192.0.2.45 (the PC's stack)"]
    elif name == "cucm-hung":
        hung = ev("cucm", "process-hung")
        both_unanswered = [c for c, seen, _ in regs if seen and c[0]["t"] > hung[0]["t"]] if hung else []
        if not both_unanswered or not gave_up:
            fail("no REGISTER reached the hung CUCM")
        else:
            res["timings"] += [f"CUCM process hung at {rel(hung[0]['t'], t0)}s",
                               f"REGISTER in both captures, unanswered: phone#{','.join(str(c[0]['n']) for c in both_unanswered)}",
                               f"phone gave up at {','.join(rel(g['t'], t0) for g in gave_up)}s"]
        res["evidence"] = ["phone.pcap and cucm.pcap: REGISTER, TCP ACK from the CUCM host, no SIP answer",
                           "cucm-syslog.log: nothing after the hang"]
    elif name in ("random-loss", "healthy-long-aging", "healthy-clock-skew"):
        per_seg = [len(c) - 1 for c in segs.values()]
        cm_retrans = [r for r in cm if r["tcp.analysis.retransmission"]]
        res["timings"] += [f"phone-side retransmitted segments={sum(1 for n in per_seg if n)} (max copies-1={max(per_seg, default=0)})",
                           f"CUCM-side retransmissions={len(cm_retrans)}", f"phone gave up={len(gave_up)}",
                           f"CUCM Reason=13 alarms={len(unreg)}"]
        lost_first = [c for c, _, _ in regs[1:] if len(c) > 1]
        if name == "random-loss":
            # CUCM-sent segments counted where they were sent; a retransmission is a second copy of one segment
            cm_sent = {}
            for r in cm:
                if r["ip.dst"] == PHONE_IP and r["len"] > 0:
                    cm_sent.setdefault(key(r), []).append(r)
            cm_per_seg = [len(c) - 1 for c in cm_sent.values()]
            losses = sum(1 for n in per_seg + cm_per_seg if n)
            worst = max(per_seg + cm_per_seg, default=0)
            if losses < 2 or worst > 1 or len(lost_first) > 1 or gave_up or unreg:
                fail(f"losses={losses}, worst={worst}, refreshes losing their first copy={len(lost_first)}, "
                     f"gave up={len(gave_up)}: not scattered single losses")
            res["timings"] += [f"segments retransmitted once: phone-sent {sum(1 for n in per_seg if n)}, CUCM-sent {sum(1 for n in cm_per_seg if n)}",
                               f"refreshes whose first copy was lost={len(lost_first)} of {len(regs) - 1}",
                               "retransmitted phone-sent: " + ",".join(f"phone#{c[1]['n']}" for c in segs.values() if len(c) > 1),
                               "retransmitted CUCM-sent: " + ",".join(f"cucm#{c[1]['n']}" for c in cm_sent.values() if len(c) > 1)]
            res["evidence"] = ["phone.pcap/cucm.pcap: scattered single retransmissions in both directions, all answered"]
        else:
            if any(per_seg) or cm_retrans or gave_up or unreg:
                fail("a healthy run had losses")
            if name == "healthy-clock-skew":
                res["timings"].append(f"cucm.pcap and cucm-syslog.log shifted +{spec['skew']}s (editcap -t)")
            res["evidence"] = ["every refresh answered at the first copy"]
    elif name == "sccp-firewall-idle":
        ph_keys = {key(r) for r in ph}
        data = {k: c for k, c in segs.items() if c[0]["tcp.dstport"] == "2000" and c[0]["len"] > 0}
        lost = sorted((c for k, c in data.items() if k not in cm_keys), key=lambda c: c[0]["t"])
        if not lost or not gave_up or not unreg:
            fail("no SCCP keepalive lost entirely / phone did not give up / CUCM did not unregister")
        else:
            res["timings"] += [f"KeepAliveReq phone#{c[0]['n']} at {rel(c[0]['t'], t0)}s + {len(c) - 1} retransmissions, none in cucm.pcap"
                               for c in lost[:3]]
            res["timings"] += [f"CUCM Reason=13 at {rel(unreg[0]['t'], t0)}s",
                               f"phone gave up at {','.join(rel(g['t'], t0) for g in gave_up)}s"]
        res["evidence"] = ["phone.pcap: KeepAliveReq + retransmissions after 60 s idle, then RST, SYN from a new port, RegisterReq, RegisterAck",
                           "cucm.pcap: no copy of the lost keepalives", "asa-config.txt: timeout conn 0:00:45"]
    elif name == "tls-port-security-aging":
        data = sorted((c for c in segs.values() if c[0]["tcp.dstport"] == "5061" and c[0]["len"] > 0), key=lambda c: c[0]["t"])
        twice = [c for c in data if len(c) == 2]
        cm_count = {key(r): 0 for r in cm}
        for r in cm:
            cm_count[key(r)] += 1
        if not twice or any(cm_count.get(key(c[0]), 0) != 1 for c in twice) or any(len(c) > 2 for c in data) or gave_up:
            fail("not every lost TLS record lost exactly its first copy")
        res["timings"] += [f"TLS record phone#{c[0]['n']} at {rel(c[0]['t'], t0)}s first copy lost, retransmitted after "
                           f"{c[1]['t'] - c[0]['t']:.3f}s (phone#{c[1]['n']})" for c in twice]
        res["evidence"] = ["phone.pcap: each refresh's TLS record then one [TCP Retransmission]; cucm.pcap: only the retransmission",
                           "switch-config.txt: aging time 1, aging type inactivity"]
    elif name == "asymmetric-return":
        ph_keys = {key(r) for r in ph}
        moved = ev("cucm-host", "return-route-via-rt2")
        sent = [r for r in cm if r["ip.dst"] == PHONE_IP and r["tcp.srcport"] and key(r) not in ph_keys]
        answers = [r for r in sent if r["sip.Status-Code"]]
        if not moved or not answers or not gave_up:
            fail("no SIP answer sent by the CUCM went missing / the phone did not give up")
        else:
            res["timings"] += [f"return route via 198.51.100.3 at {rel(moved[0]['t'], t0)}s",
                               f"sent by the CUCM, never at the phone: cucm#{','.join(str(r['n']) for r in answers[:6])} "
                               f"(SIP {'/'.join(r['sip.Status-Code'] for r in answers[:6])})",
                               f"phone gave up at {','.join(rel(g['t'], t0) for g in gave_up)}s"]
            if unreg:
                res["timings"].append(f"CUCM Reason=13 at {rel(unreg[0]['t'], t0)}s")
        res["evidence"] = ["phone.pcap: the refresh retransmitted with no TCP ACK, new connections' SYNs unanswered",
                           "cucm.pcap: the refresh arrives, the CUCM ACKs and answers 100/200 to the second router's MAC"]
    elif name == "duplex-mismatch":
        # a copy lost on the way: more copies of a segment where it was sent than where it was going
        count = lambda rows: {k: sum(1 for r in rows if key(r) == k) for k in {key(r) for r in rows}}
        n_ph, n_cm = count(ph), count(cm)
        up = [c for c in segs.values() if c[0]["len"] > 0 and len(c) > n_cm.get(key(c[0]), 0)]
        down = [r for r in cm if r["ip.dst"] == PHONE_IP and r["len"] > 0
                and n_cm[key(r)] > n_ph.get(key(r), 0) and r["tcp.analysis.retransmission"] == ""]
        sip_up = [c for c in up if c[0]["sip.Method"]]
        sip_down = [r for r in down if r["sip.Status-Code"]]
        if not sip_up or not sip_down:
            fail("no SIP message lost in both directions on the phone's port")
        res["timings"] += [f"SIP sent by the phone, never at the CUCM: phone#{','.join(str(c[0]['n']) for c in sip_up[:6])}",
                           f"SIP sent by the CUCM, never at the phone: cucm#{','.join(str(r['n']) for r in sip_down[:6])}",
                           f"phone gave up={len(gave_up)}", f"CUCM Reason=13 alarms={len(unreg)}"]
        res["evidence"] = ["phone.pcap/cucm.pcap: segments lost both ways between the captures, each recovered by TCP",
                           "switch-config.txt: speed 100, duplex full on Gi1/0/12; show interfaces: runts and CRC errors",
                           "switch-syslog.log: %CDP-4-DUPLEX_MISMATCH on Gi1/0/12 with SEP0A1AB0000045 (half duplex)"]
    elif name == "cucm-service-restart":
        stopped, started = ev("cucm", "service-stopped"), ev("cucm", "service-started")
        flag = lambda r, f: r[f] in ("1", "True")
        resets = [r for r in ph if r["ip.src"] != PHONE_IP and flag(r, "tcp.flags.reset")]
        syns = {r["tcp.srcport"]: r for r in ph if r["ip.src"] == PHONE_IP and flag(r, "tcp.flags.syn")}
        refused = [r for r in resets if r["tcp.dstport"] in syns and not any(
            x["ip.src"] != PHONE_IP and flag(x, "tcp.flags.syn") and x["tcp.dstport"] == r["tcp.dstport"] for x in ph)]
        dropped = [r for r in resets if r not in refused]
        back = [e for e in ev("phone", "response") if started and e["status"] == 200 and e["t"] > started[0]["t"]]
        if not stopped or not started or not dropped or not refused or not back:
            fail("no reset of the registered connection / no refused SYN / the phone did not register again")
        else:
            res["timings"] += [f"service stopped at {rel(stopped[0]['t'], t0)}s, started at {rel(started[0]['t'], t0)}s",
                               f"connection reset by the CUCM phone#{dropped[0]['n']} at {rel(dropped[0]['t'], t0)}s",
                               f"SYNs refused with RST: {len(refused)}, phone#{refused[0]['n']} at {rel(refused[0]['t'], t0)}s "
                               f"to phone#{refused[-1]['n']} at {rel(refused[-1]['t'], t0)}s",
                               f"registered again (200 OK) at {rel(back[0]['t'], t0)}s",
                               f"CUCM Reason=13 alarms={len(unreg)}"]
        res["evidence"] = ["phone.pcap/cucm.pcap: the CUCM resets the registered connection, then answers each new SYN with RST (TTL of its other packets), then accepts and answers 200 OK",
                           "cucm-syslog.log: EndPointRegistered again after the restart, no unregistration alarm"]
    elif name == "cucm-slow-answer":
        slow = ev("cucm", "answer-delayed")
        failed = ev("cucm", "late-answer-failed")
        late = [c for c, seen, _ in regs if seen and slow and c[0]["t"] >= slow[0]["t"] - 1]
        trying = [r for r in ph if r["sip.Status-Code"] == "100" and slow and r["t"] >= slow[0]["t"] - 1]
        ok200 = [r for r in ph if r["sip.Status-Code"] == "200" and slow and r["t"] >= slow[0]["t"] - 1]
        if not late or not trying or ok200 or not gave_up:
            fail("no REGISTER answered only by 100 Trying / a 200 OK reached the phone / the phone did not give up")
        else:
            res["timings"] += [f"first delayed answer at {rel(slow[0]['t'], t0)}s (200 OK due {spec['answer_delay']}s later)",
                               f"REGISTER in both captures, answered only by 100 Trying: phone#{','.join(str(c[0]['n']) for c in late)}",
                               f"100 Trying phone#{','.join(str(r['n']) for r in trying)}",
                               f"phone gave up (Timer F {32}s) at {','.join(rel(g['t'], t0) for g in gave_up)}s",
                               f"late 200 OKs not sendable (connection reset by the phone)={len(failed)}",
                               f"CUCM Reason=13 at {rel(unreg[0]['t'], t0) if unreg else '-'}s"]
        res["evidence"] = ["phone.pcap and cucm.pcap: REGISTER, 100 Trying at once, no 200 OK within 32 s, the phone's RST",
                           "cucm-syslog.log: Reason=13 130 s after the last 200 OK"]
    elif name == "cucm-late-answer":
        slow = ev("cucm", "answer-delayed")
        trying = [r for r in ph if r["sip.Status-Code"] == "100" and slow and r["t"] >= slow[0]["t"] - 1]
        ok200 = [r for r in ph if r["sip.Status-Code"] == "200" and slow and r["t"] >= slow[0]["t"] - 1]
        again = ev("cucm", "alarm-registered")[1:]
        if not trying or not ok200 or gave_up or not unreg or not again:
            fail("no 200 OK after the CUCM's deadline / the phone gave up / the CUCM did not unregister and register again")
        else:
            res["timings"] += [f"first delayed answer at {rel(slow[0]['t'], t0)}s (200 OK due {spec['answer_delay']}s later)",
                               f"100 Trying phone#{','.join(str(r['n']) for r in trying)}",
                               f"200 OK phone#{','.join(str(r['n']) for r in ok200)} at {','.join(rel(r['t'], t0) for r in ok200)}s",
                               f"CUCM Reason=13 at {','.join(rel(u['t'], t0) for u in unreg)}s, EndPointRegistered again at "
                               f"{','.join(rel(a['t'], t0) for a in again)}s", "phone gave up=0"]
        res["evidence"] = ["phone.pcap and cucm.pcap: REGISTER, 100 Trying at once, 200 OK 25 s later, no retransmission",
                           "cucm-syslog.log: Reason=13 130 s after the last 200 OK, EndPointRegistered when the late 200 OK goes out"]
    elif name == "phone-late-refresh":
        refreshes = regs[1:]
        oks = [r for r in ph if r["sip.Status-Code"] == "200"]
        cm_retrans = [r for r in cm if r["tcp.analysis.retransmission"]]
        again = ev("cucm", "alarm-registered")[1:]
        late = []
        for copies, seen, _ in refreshes:
            first = copies[0]
            prev = [r for r in oks if r["t"] < first["t"]]
            answer = [r for r in oks if r["t"] >= first["t"]]
            since = first["t"] - prev[-1]["t"] if prev else 0.0
            waited = answer[0]["t"] - first["t"] if answer else -1.0
            res["timings"].append(f"refresh phone#{first['n']} at {rel(first['t'], t0)}s, {since:.3f}s after the 200 OK "
                                  f"phone#{prev[-1]['n'] if prev else '-'} (granted {EXPIRES}s), copies={len(copies)}, "
                                  f"in cucm.pcap={'yes' if seen else 'no'}, 200 OK phone#{answer[0]['n'] if answer else '-'} "
                                  f"after {waited:.3f}s")
            if len(copies) == 1 and seen and since > EXPIRES + 10 and 0 <= waited < 1:
                late.append(first)
        res["timings"] += [f"phone-sent retransmissions={len(retrans)}, CUCM-side retransmissions={len(cm_retrans)}",
                           f"CUCM Reason=13 at {','.join(rel(u['t'], t0) for u in unreg)}s, EndPointRegistered again at "
                           f"{','.join(rel(a['t'], t0) for a in again)}s", f"phone gave up={len(gave_up)}"]
        if not refreshes or len(late) != len(refreshes) or retrans or cm_retrans or gave_up \
                or len(unreg) != len(refreshes) or len(again) != len(refreshes):
            fail("not every refresh left the phone once, after the CUCM's deadline, answered at once, "
                 "with one Reason=13 before each")
        res["evidence"] = ["phone.pcap: each refresh REGISTER 140 s after the 200 OK that granted Expires 120, one copy, "
                           "200 OK at once", "cucm.pcap: the same REGISTER, arriving 140 s after the 200 OK, answered at once",
                           "cucm-syslog.log: Reason=13 130 s after each 200 OK, EndPointRegistered when the refresh arrives"]
    elif name == "arp-poisoning":
        rows = frames(dest / "arp.pcap")
        claims = {r["arp.src.proto_ipv4"] for r in rows if r["arp.src.hw_mac"] == ATT_MAC and r["arp.opcode"] == "2"}
        if not {"192.0.2.1", "192.0.2.60"} <= claims:
            fail("the attacker's claims are missing")
        first = next((r for r in rows if r["arp.src.hw_mac"] == ATT_MAC and r["arp.src.proto_ipv4"] == "192.0.2.1"), None)
        res["timings"] += [f"{ATT_MAC} claims {sorted(claims)} every 5s from 10s",
                           f"first forged reply arp#{first['n'] if first else '-'}"]
        res["evidence"] = ["arp.pcap: one MAC claims the gateway 192.0.2.1 and the host 192.0.2.60, the real owners answer too"]
    return res


DECIDE = {
    "port-security-aging": ("decides: lost first copies are absent on the CUCM side, the config has inactivity aging 1 min < 115 s",
                            "decides with the config: first-copy losses after each idle period + aging 1 min",
                            "suggests only: first copy after idle lost every time (needs the switch config)"),
    "firewall-idle-timeout": ("decides: every copy of the refresh missing on the CUCM side, the new connection passes at once, timeout conn 0:01:30 < 115 s",
                              "decides with the ASA config: all copies unanswered after > 90 s idle, reconnect answered at once",
                              "suggests: unanswered after idle, new connection answered; cannot tell a firewall from a CUCM that lost the connection"),
    "proxy-arp": ("decides: the firewall's MAC answers for the CUCM's IP first; the CUCM never sees the later frames",
                  "decides with the ASA config (no sysopt noproxyarp inside): two ARP answers, frames go to the firewall's MAC",
                  "decides from ARP alone that two MACs answer for the CUCM and which one the phone used"),
    "duplicate-ip": ("decides: the CUCM answered (200 OK, then resets from the phone's IP) while the phone saw nothing",
                     "suggests: another MAC claims the phone's IP in ARP; the answers' fate is only on the CUCM side",
                     "suggests: another MAC claims the phone's IP; without the CUCM side it looks like 'CUCM did not answer'"),
    "cucm-hung": ("decides: the REGISTER is in both captures and TCP-acknowledged by the CUCM host, no SIP answer",
                  "cannot tell a hung CUCM from a lossy path back: no CUCM-side capture",
                  "cannot tell: ACKed but unanswered REGISTERs (the ACK proves the host got it)"),
    "random-loss": ("decides: losses in both directions, single retransmissions, not tied to idle periods; healthy",
                    "decides healthy: scattered single retransmissions, registration kept",
                    "decides healthy: scattered single retransmissions, registration kept"),
    "healthy-long-aging": ("decides healthy: no loss; aging 5 min > 115 s refresh",
                           "decides healthy: no loss; aging 5 min > 115 s refresh",
                           "decides healthy: no loss"),
    "healthy-clock-skew": ("decides healthy once the captures are aligned by TCP sequence numbers (CUCM clock +4.2 s)",
                           "decides healthy", "decides healthy"),
    "arp-poisoning": ("n/a (no phone, no CUCM)", "n/a", "arp.pcap alone decides: one MAC claims two addresses"),
    "sccp-firewall-idle": ("decides: no copy of the keepalive after 60 s idle reaches the CUCM, the new connection passes at once, timeout conn 0:00:45 < 60 s",
                           "decides with the ASA config: every copy unanswered after > 45 s idle, reconnect answered at once",
                           "suggests: unanswered after idle, new connection answered; cannot tell a firewall from a CUCM that lost the connection"),
    "tls-port-security-aging": ("decides: the first copy of the TLS record after each idle period is absent on the CUCM side, aging 1 min < 115 s",
                                "decides with the config: first-copy losses after each idle period + aging 1 min",
                                "suggests only: first copy after idle lost every time (needs the switch config)"),
    "duplex-mismatch": ("decides with the switch's counters or log: runts and CRC errors on the phone's full-duplex port, CDP reports the phone half duplex",
                        "decides with the switch's counters: runts and CRC errors on the phone's port forced to full duplex",
                        "cannot tell: losses both ways could be any link on the path; the switch port's counters decide"),
    "cucm-service-restart": ("decides: the CUCM host itself resets the connection and refuses new SYNs (RST, its own TTL), then accepts and answers again",
                             "decides: SYNs refused by the CUCM host's own RST, then registered again",
                             "decides: SYNs refused by the CUCM host's own RST, then registered again"),
    "cucm-slow-answer": ("decides: the REGISTER reached the CUCM and got 100 Trying at once, no 200 OK left the CUCM within Timer F",
                         "suggests: 100 Trying came back at once, then nothing; a lost 200 OK would need every later CUCM segment lost on a path that just carried the 100",
                         "suggests: 100 Trying came back at once, then nothing; a lost 200 OK would need every later CUCM segment lost on a path that just carried the 100"),
    "cucm-late-answer": ("decides: the REGISTER reached the CUCM and got 100 Trying at once, the 200 OK left the CUCM 25 s later, after its own deadline (Reason=13 in its syslog)",
                         "suggests: 100 Trying at once, the 200 OK 25 s later with no retransmission: the CUCM was slow",
                         "suggests: 100 Trying at once, the 200 OK 25 s later with no retransmission: the CUCM was slow"),
    "phone-late-refresh": ("decides: each refresh left the phone 140 s after the 200 OK that granted 120 s, at its first transmission, reached the CUCM at once and was answered at once; the CUCM had unregistered the phone at 130 s (Reason=13)",
                           "decides: the refresh left the phone after the granted Expires ran out, its first transmission, no REGISTER before it unseen, answered at once: the phone's own timer",
                           "decides: the refresh left the phone after the granted Expires ran out, its first transmission, no REGISTER before it unseen, answered at once: the phone's own timer"),
    "asymmetric-return": ("decides: the CUCM received the refresh and sent its answers (to another router's MAC); none reached the phone",
                          "cannot tell a CUCM that does not answer from answers lost on the way back",
                          "cannot tell: every copy unanswered, even the new connection's SYN"),
}


def write_manifest(out, results, scenarios):
    path = out / "manifest.tsv"
    rows = {}
    if path.exists():
        with open(path) as f:
            for r in csv.DictReader(f, delimiter="\t"):
                rows[r["scenario"]] = r
    for name, r in results.items():
        d = DECIDE[name]
        rows[name] = {"scenario": name, "truth": scenarios[name]["truth"], "time_scale": "1",
                      "ok": "yes" if r["ok"] else "no: " + r["why"], "key_timings": "; ".join(r["timings"]),
                      "evidence": "; ".join(r["evidence"]), "both_captures_and_configs": d[0],
                      "phone_capture_and_configs": d[1], "phone_capture_only": d[2]}
    cols = ["scenario", "truth", "time_scale", "ok", "key_timings", "evidence", "both_captures_and_configs",
            "phone_capture_and_configs", "phone_capture_only"]
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for name in scenarios:
            if name in rows:
                w.writerow(rows[name])
