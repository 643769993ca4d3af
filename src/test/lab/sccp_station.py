#!/usr/bin/env python3
"""An SCCP phone and the CUCM's station side over TCP port 2000, for the fixture lab.

phone: registers (RegisterReq with its device name and IP), sends KeepAliveReq every keepalive interval the
RegisterAck gave, and when a KeepAliveReq is still unacknowledged at the next interval it aborts the
connection with a reset and registers again from a new port. cucm: answers RegisterReq with RegisterAck
(--keepalive seconds) and KeepAliveReq with KeepAliveAck, and writes EndPointUnregistered Reason=13 when a
station was silent for keepalive + grace seconds. Everything below TCP is the kernel's. Each step is
written as a JSON line to --events for the manifest.
"""
import argparse
import json
import socket
import struct
import sys
import threading
import time
from datetime import datetime, timezone

KEEPALIVE_REQ, REGISTER_REQ, REGISTER_ACK, KEEPALIVE_ACK = 0x0000, 0x0001, 0x0081, 0x0100
LOCK = threading.Lock()


def pdu(msg_id, data=b""):
    return struct.pack("<III", 4 + len(data), 0, msg_id) + data


def read_pdu(sock, buf, deadline):
    """(msg_id, data, rest) of the next PDU, or None at the deadline."""
    while True:
        if len(buf) >= 12:
            length, _, msg_id = struct.unpack("<III", buf[:12])
            if len(buf) >= length + 8:
                return msg_id, buf[12:length + 8], buf[length + 8:]
        left = deadline - time.time()
        if left <= 0:
            return None
        sock.settimeout(left)
        try:
            data = sock.recv(65536)
        except socket.timeout:
            return None
        if not data:
            raise ConnectionError("closed by peer")
        buf += data


class Events:
    def __init__(self, path, who):
        self.f, self.who = open(path, "a", buffering=1), who

    def __call__(self, event, **details):
        self.f.write(json.dumps({"t": round(time.time(), 6), "who": self.who, "event": event, **details}) + "\n")


def phone(a):
    ev = Events(a.events, "phone")
    end = time.time() + a.duration
    while time.time() < end:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            ev("connect", server=a.cucm)
            sock.settimeout(10)
            sock.connect((a.cucm, 2000))
        except OSError as e:
            ev("connect-failed", error=str(e))
            sock.close()
            time.sleep(2)
            continue
        port = sock.getsockname()[1]
        ev("connected", port=port)
        name = a.name.encode().ljust(16, b"\0")
        ip = socket.inet_aton(a.ip)
        sock.sendall(pdu(REGISTER_REQ, name + struct.pack("<II", 0, 1) + ip + struct.pack("<II", 36670, 5)))
        ev("register-sent", port=port)
        buf = b""
        try:
            r = read_pdu(sock, buf, time.time() + 10)
            if r is None or r[0] != REGISTER_ACK:
                raise ConnectionError("no RegisterAck")
            interval = struct.unpack("<I", r[1][:4])[0]
            buf = r[2]
            ev("registered", port=port, keepalive=interval)
            while time.time() < end:
                time.sleep(max(0.0, min(end, time.time() + interval) - time.time()))
                if time.time() >= end:
                    break
                sock.sendall(pdu(KEEPALIVE_REQ))
                ev("keepalive-sent", port=port)
                r = read_pdu(sock, buf, time.time() + interval)
                if r is None:
                    ev("gave-up", port=port, after=interval)
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    sock.close()
                    sock = None
                    break
                buf = r[2]
                ev("keepalive-ack", port=port)
        except (ConnectionError, OSError) as e:
            ev("connection-lost", port=port, error=str(e))
        if sock is not None:
            sock.close()
    ev("stopped")


def syslog_line(node, seq, severity, alarm, fields, text):
    now = datetime.now(timezone.utc)
    kv = "".join(f"[{k}={v}]" for k, v in fields)
    return (f"{now:%b %d %H:%M:%S} {node} local7 {severity} : {seq}: {node}.example.com "
            f"{now:%b %d %Y %H:%M:%S}.{now.microsecond // 1000:03d} UTC :  %UC_CALLMANAGER-{severity}-{alarm}: "
            f"%{kv}: {text}\n")


def cucm(a):
    ev = Events(a.events, "cucm")
    log = open(a.syslog, "a", buffering=1)
    seq = [41670]
    stations = {}  # name -> {"ip", "heard", "registered"}

    def alarm(severity, name, what, text, reason=None):
        f = [("DeviceName", name), ("IPAddress", stations[name]["ip"]), ("Protocol", "SCCP"),
             ("DeviceType", "36670"), ("Description", "Lab phone")]
        if reason is not None:
            f.append(("Reason", str(reason)))
        f += [("IPAddrAttributes", "0"), ("AppID", "Cisco CallManager"), ("ClusterID", "StandAloneCluster"),
              ("NodeID", a.node)]
        log.write(syslog_line(a.node, seq[0], severity, what, f, text))
        seq[0] += 1

    def serve(conn, peer):
        buf, name = b"", None
        try:
            while True:
                r = read_pdu(conn, buf, time.time() + 3600)
                if r is None:
                    return
                msg_id, data, buf = r
                with LOCK:
                    if msg_id == REGISTER_REQ:
                        name = data[:16].rstrip(b"\0").decode()
                        stations[name] = dict(ip=peer[0], heard=time.time(), registered=True)
                        conn.sendall(pdu(REGISTER_ACK, struct.pack("<I", a.keepalive) + b"M/D/YA\0\0"
                                         + struct.pack("<II", a.keepalive * 2, 20)))
                        ev("registered", device=name, peer=f"{peer[0]}:{peer[1]}")
                        alarm(6, name, "EndPointRegistered", "Endpoint registered")
                    elif msg_id == KEEPALIVE_REQ and name:
                        stations[name]["heard"] = time.time()
                        conn.sendall(pdu(KEEPALIVE_ACK))
                        ev("keepalive-answered", device=name)
        except (ConnectionError, OSError) as e:
            ev("connection-error", peer=f"{peer[0]}:{peer[1]}", error=str(e))

    def expiry():
        while True:
            time.sleep(0.1)
            with LOCK:
                for name, s in stations.items():
                    if s["registered"] and time.time() > s["heard"] + a.keepalive + a.grace:
                        s["registered"] = False
                        alarm(3, name, "EndPointUnregistered", "An endpoint has unregistered", 13)
                        ev("alarm-unregistered", device=name, reason=13)

    lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lst.bind((a.ip, 2000))
    lst.listen(16)
    lst.settimeout(0.2)
    threading.Thread(target=expiry, daemon=True).start()
    end = time.time() + a.duration
    while time.time() < end:
        try:
            conn, peer = lst.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(conn, peer), daemon=True).start()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("role", choices=["phone", "cucm"])
    p.add_argument("--cucm")
    p.add_argument("--ip", required=True)
    p.add_argument("--name", default="SEP0A1AB0000045")
    p.add_argument("--node", default="cucm-pub")
    p.add_argument("--keepalive", type=int, default=60, help="Station KeepAlive Interval (cucm)")
    p.add_argument("--grace", type=float, default=10.0)
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--syslog")
    p.add_argument("--events", required=True)
    a = p.parse_args()
    phone(a) if a.role == "phone" else cucm(a)


if __name__ == "__main__":
    sys.exit(main())
