#!/usr/bin/env python3
"""A CUCM's SIP registrar for the fixture lab: answers REGISTER over TCP with 100 Trying and 200 OK
(Expires = SIP Station KeepAlive Interval, 120 s), and writes CiscoSyslog alarm lines with its own clock:
EndPointRegistered when a device registers, EndPointUnregistered Reason=13 (SIPStationDPrimaryLineTimeout)
when no refresh arrived within Expires + grace after the last 200 OK.

--hang-at N: N seconds after start the CallManager process hangs: it stops reading, answering, accepting
and timing registrations out; the kernel still completes handshakes and acknowledges what arrives.

--stop-at N --start-at M: the CallManager service stops N seconds after start: it closes every connection
with a reset and its listening socket, so the kernel refuses new connections (a SYN answered by RST), and
forgets its registrations; at M it listens again and answers as before.

--slow-from N --answer-delay D: from N seconds after start the CallManager answers a REGISTER with 100
Trying at once and sends the 200 OK only D seconds later (longer than the phone's Timer F); a 200 OK for
a connection the phone has reset by then cannot be sent.
"""
import argparse
import json
import re
import socket
import ssl
import struct
import threading
import time
from datetime import datetime, timezone
from email.utils import formatdate

LOCK = threading.Lock()


class Syslog:
    def __init__(self, path, node):
        self.f = open(path, "a", buffering=1)
        self.node = node
        self.seq = 41670

    def alarm(self, severity, alarm, fields, text):
        now = datetime.now(timezone.utc)
        kv = "".join(f"[{k}={v}]" for k, v in fields)
        self.f.write(f"{now:%b %d %H:%M:%S} {self.node} local7 {severity} : {self.seq}: {self.node}.example.com "
                     f"{now:%b %d %Y %H:%M:%S}.{now.microsecond // 1000:03d} UTC :  %UC_CALLMANAGER-{severity}-{alarm}: %{kv}: {text}\n")
        self.seq += 1


class Registrar:
    def __init__(self, args):
        self.args = args
        self.syslog = Syslog(args.syslog, args.node)
        self.events = open(args.events, "a", buffering=1)
        self.devices = {}  # name -> {"ip", "last_ok", "registered"}
        self.hung = threading.Event()
        self.stopped = threading.Event()  # the CallManager service is not running
        self.started = time.time()

    def event(self, event, **details):
        self.events.write(json.dumps({"t": round(time.time(), 6), "who": "cucm", "event": event, **details}) + "\n")

    def fields(self, name, ip, reason=None):
        f = [("DeviceName", name), ("IPAddress", ip), ("Protocol", "SIP"), ("DeviceType", "36670"),
             ("Description", "Lab phone")]
        if reason is not None:
            f.append(("Reason", str(reason)))
        f.append(("IPAddrAttributes", "0"))
        if reason == 13:
            f.append(("LastSignalReceived", "SIPStationDPrimaryLineTimeout"))
        f += [("AppID", "Cisco CallManager"), ("ClusterID", "StandAloneCluster"), ("NodeID", self.args.node)]
        return f

    def answer(self, conn, peer, head, headers):
        name = re.search(r'devicename\.ccm\.cisco\.com="([^"]+)"', headers.get("contact", ""))
        name = name.group(1) if name else "unknown"
        common = (f"Via: {headers.get('via', '')}\r\nFrom: {headers.get('from', '')}\r\n"
                  f"To: {headers.get('to', '')};tag=lab{abs(hash(headers.get('call-id', ''))) % 10**8:08d}\r\n"
                  f"Call-ID: {headers.get('call-id', '')}\r\nCSeq: {headers.get('cseq', '')}\r\n")
        conn.sendall(f"SIP/2.0 100 Trying\r\n{common}Content-Length: 0\r\n\r\n".encode())
        if self.args.slow_from and time.time() >= self.started + self.args.slow_from:
            self.event("answer-delayed", peer=f"{peer[0]}:{peer[1]}", cseq=headers.get("cseq"), delay=self.args.answer_delay)

            def late():
                time.sleep(self.args.answer_delay)
                try:
                    self.final(conn, peer, name, common, headers)
                except OSError as e:  # the phone reset the connection before the answer was ready
                    self.event("late-answer-failed", peer=f"{peer[0]}:{peer[1]}", cseq=headers.get("cseq"), error=str(e))
            threading.Thread(target=late, daemon=True).start()
            return
        self.final(conn, peer, name, common, headers)

    def final(self, conn, peer, name, common, headers):
        expires = self.args.expires
        conn.sendall((f"SIP/2.0 200 OK\r\n{common}Date: {formatdate(usegmt=True)}\r\nServer: Cisco-CUCM14.0\r\n"
                      f"Contact: {headers.get('contact', '')};expires={expires}\r\nExpires: {expires}\r\n"
                      f"Supported: X-cisco-srtp-fallback,X-cisco-sis-9.2.0\r\nContent-Length: 0\r\n\r\n").encode())
        with LOCK:
            d = self.devices.setdefault(name, {"registered": False})
            d.update(ip=peer[0], last_ok=time.time())
            self.event("answered", device=name, peer=f"{peer[0]}:{peer[1]}", cseq=headers.get("cseq"))
            if not d["registered"]:
                d["registered"] = True
                self.syslog.alarm(6, "EndPointRegistered", self.fields(name, peer[0]), "Endpoint registered")
                self.event("alarm-registered", device=name)

    def serve_connection(self, conn, peer):
        buf = b""
        self.event("accepted", peer=f"{peer[0]}:{peer[1]}")
        if self.args.stop_at:
            conn.settimeout(0.2)  # to notice the service stopping
        try:
            if self.args.tls_cert:
                tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                tls.load_cert_chain(self.args.tls_cert, self.args.tls_key)
                conn = tls.wrap_socket(conn, server_side=True)
            while True:
                try:
                    data = conn.recv(65536)
                except socket.timeout:
                    if self.stopped.is_set():
                        # the service stops: its connections are closed with a reset
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        conn.close()
                        self.event("connection-reset-by-stop", peer=f"{peer[0]}:{peer[1]}")
                        return
                    continue
                if not data:
                    self.event("peer-closed", peer=f"{peer[0]}:{peer[1]}")
                    return
                if self.hung.is_set():
                    self.event("read-while-hung", peer=f"{peer[0]}:{peer[1]}", bytes=len(data))
                    threading.Event().wait()  # the hung process never comes back to this socket
                buf += data
                while (end := buf.find(b"\r\n\r\n")) >= 0:
                    lines = buf[:end].decode(errors="replace").split("\r\n")
                    headers = {}
                    for line in lines[1:]:
                        k, _, v = line.partition(":")
                        headers[k.strip().lower()] = v.strip()
                    length = int(headers.get("content-length", "0"))
                    if len(buf) < end + 4 + length:
                        break
                    buf = buf[end + 4 + length:]
                    self.event("received", peer=f"{peer[0]}:{peer[1]}", request=lines[0], cseq=headers.get("cseq"))
                    if lines[0].startswith("REGISTER"):
                        self.answer(conn, peer, lines[0], headers)
        except OSError as e:
            self.event("connection-error", peer=f"{peer[0]}:{peer[1]}", error=str(e))

    def expiry_loop(self):
        while not self.hung.is_set():
            time.sleep(0.1)
            with LOCK:
                for name, d in self.devices.items():
                    if d["registered"] and not self.hung.is_set() and time.time() > d["last_ok"] + self.args.expires + self.args.grace:
                        d["registered"] = False
                        self.syslog.alarm(3, "EndPointUnregistered", self.fields(name, d["ip"], 13), "An endpoint has unregistered")
                        self.event("alarm-unregistered", device=name, reason=13)

    def listen(self):
        lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        lst.bind((self.args.ip, 5061 if self.args.tls_cert else 5060))
        lst.listen(16)
        lst.settimeout(0.2)
        return lst

    def run(self):
        lst = self.listen()
        start = self.started
        restarted = False
        threading.Thread(target=self.expiry_loop, daemon=True).start()
        if self.args.hang_at:
            def hang():
                time.sleep(self.args.hang_at)
                self.hung.set()
                self.event("process-hung")
            threading.Thread(target=hang, daemon=True).start()
        while time.time() < start + self.args.duration:
            if self.args.stop_at and lst and not restarted and time.time() >= start + self.args.stop_at:
                self.stopped.set()
                lst.close()  # nothing listens: the kernel answers a SYN with a reset
                lst = None
                with LOCK:
                    self.devices.clear()  # a restarted service has no registrations
                self.event("service-stopped")
            if self.stopped.is_set():
                if time.time() >= start + self.args.start_at:
                    lst = self.listen()
                    restarted = True  # stops once
                    self.stopped.clear()
                    self.event("service-started")
                else:
                    time.sleep(0.05)
                    continue
            if self.hung.is_set():
                time.sleep(0.2)  # no accept(): the kernel still completes handshakes into the backlog
                continue
            try:
                conn, peer = lst.accept()
            except socket.timeout:
                continue
            conn.settimeout(None)
            threading.Thread(target=self.serve_connection, args=(conn, peer), daemon=True).start()
        self.event("stopped")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ip", required=True)
    p.add_argument("--node", default="cucm-pub")
    p.add_argument("--expires", type=int, default=120, help="SIP Station KeepAlive Interval")
    p.add_argument("--grace", type=float, default=10.0, help="wait after Expires before unregistering")
    p.add_argument("--hang-at", type=float, default=0)
    p.add_argument("--stop-at", type=float, default=0, help="the CallManager service stops")
    p.add_argument("--start-at", type=float, default=0, help="and starts again")
    p.add_argument("--slow-from", type=float, default=0, help="the 200 OK comes late from then on")
    p.add_argument("--answer-delay", type=float, default=0)
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--syslog", required=True)
    p.add_argument("--events", required=True)
    p.add_argument("--tls-cert", help="listen for SIP over TLS on 5061 with this certificate")
    p.add_argument("--tls-key")
    Registrar(p.parse_args()).run()


if __name__ == "__main__":
    main()
