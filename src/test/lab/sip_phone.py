#!/usr/bin/env python3
"""A Cisco SIP phone's registration behaviour over TCP, for the fixture lab.

Registers with the CUCM (asking Expires 3600), refreshes Expires - delta seconds after each 200 OK on the
same connection, and when a REGISTER gets no final answer within Timer F (64 * T1 = 32 s) it aborts the
connection with a reset and registers again from a new port, as a phone does. Everything below TCP is
the kernel's. With --watch it also notices at once, between refreshes, a connection the CUCM closed or
reset, and registers again on a new one (a phone reads its signaling connection all the time; without
--watch the emulator only notices at the next refresh). Each step is written as a JSON line to --events (time, event, details) for the manifest.
"""
import argparse
import json
import os
import random
import select
import socket
import ssl
import struct
import subprocess
import sys
import time
from email.utils import formatdate


class Events:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)

    def __call__(self, event, **details):
        self.f.write(json.dumps({"t": round(time.time(), 6), "who": "phone", "event": event, **details}) + "\n")


def register(args, local_port, cseq, call_id, tag, expires):
    mac = args.mac.replace(":", "").lower()
    uuid = "00000000-0000-0000-0000-" + mac
    contact_user = "9e9e1ffb-0206-4ea1-6d77-" + mac
    return (
        f"REGISTER sip:{args.cucm} SIP/2.0\r\n"
        f"Via: SIP/2.0/{'TLS' if args.tls else 'TCP'} {args.ip}:{local_port};branch=z9hG4bK{random.getrandbits(32):08x}\r\n"
        f"From: <sip:{args.line}@{args.cucm}>;tag={mac}{random.getrandbits(16):04x}-{tag}\r\n"
        f"To: <sip:{args.line}@{args.cucm}>\r\n"
        f"Call-ID: {call_id}\r\n"
        f"Max-Forwards: 70\r\n"
        f"Date: {formatdate(usegmt=True)}\r\n"
        f"CSeq: {cseq} REGISTER\r\n"
        f"User-Agent: Cisco-CP8811/12.8.1\r\n"
        f"Contact: <sip:{contact_user}@{args.ip}:{local_port};transport={'tls' if args.tls else 'tcp'}>;+sip.instance=\"<urn:uuid:{uuid}>\";"
        f"+u.sip!devicename.ccm.cisco.com=\"{args.name}\";+u.sip!model.ccm.cisco.com=\"36670\"\r\n"
        f"Supported: replaces,join,sdp-anat,norefersub,resource-priority,extended-refer,X-cisco-callinfo,"
        f"X-cisco-serviceuri,X-cisco-escapecodes,X-cisco-service-control,X-cisco-srtp-fallback,X-cisco-monrec,"
        f"X-cisco-config,X-cisco-sis-7.0.0,X-cisco-xsi-8.5.1\r\n"
        f"Content-Length: 0\r\n"
        f"Expires: {expires}\r\n\r\n"
    ).encode()


def read_response(sock, buf, deadline):
    """Returns (status, headers, rest of buffer) of the next SIP message, or None at the deadline."""
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            head = buf[:end].decode(errors="replace").split("\r\n")
            headers = {}
            for line in head[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            length = int(headers.get("content-length", "0"))
            if len(buf) >= end + 4 + length:
                status = int(head[0].split()[1]) if head[0].startswith("SIP/2.0") else 0
                return status, headers, buf[end + 4 + length:]
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


def abort(sock):
    # SO_LINGER 0: close() sends a reset at once instead of queuing a FIN behind unacknowledged data.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cucm", required=True)
    p.add_argument("--ip", required=True)
    p.add_argument("--mac", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--line", default="1045")
    p.add_argument("--delta", type=float, default=5.0, help="SIP profile Timer Register Delta")
    p.add_argument("--timer-f", type=float, default=32.0, help="give up on a REGISTER after this long")
    p.add_argument("--duration", type=float, required=True)
    p.add_argument("--arp-flush", type=float, default=0, help="forget the CUCM's ARP entry every N s")
    p.add_argument("--events", required=True)
    p.add_argument("--watch", action="store_true", help="notice a close or reset between refreshes")
    p.add_argument("--tls", action="store_true", help="SIP over TLS to port 5061 (the certificate is not checked)")
    args = p.parse_args()
    tls = None
    if args.tls:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        tls.check_hostname, tls.verify_mode = False, ssl.CERT_NONE
    ev = Events(args.events)
    end = time.time() + args.duration
    cseq = 101
    tag = f"{random.getrandbits(32):08x}"
    call_id = f"{args.mac.replace(':', '')[:8]}-{random.getrandbits(32):08x}-{random.getrandbits(32):08x}@{args.ip}"
    next_arp_flush = time.time() + args.arp_flush if args.arp_flush else None

    def sleep_until(t, sock=None):
        nonlocal next_arp_flush
        while time.time() < min(t, end):
            if next_arp_flush and time.time() >= next_arp_flush:
                subprocess.run(["ip", "neigh", "del", args.cucm, "dev", "eth0"], stderr=subprocess.DEVNULL)
                ev("arp-cache-flushed", ip=args.cucm)
                next_arp_flush += args.arp_flush
            wait = min(0.05, max(0.0, min(t, end) - time.time()))
            if args.watch and sock is not None and not tls:
                if select.select([sock], [], [], wait)[0] and not sock.recv(1, socket.MSG_PEEK):
                    raise ConnectionError("closed by peer")  # a reset raises ConnectionResetError itself
            else:
                time.sleep(wait)

    while time.time() < end:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(args.timer_f)
        try:
            ev("connect", server=args.cucm)
            sock.connect((args.cucm, 5061 if tls else 5060))
            if tls:
                sock = tls.wrap_socket(sock)
        except OSError as e:
            ev("connect-failed", error=str(e))
            sock.close()
            time.sleep(2)  # a phone waits before it tries again
            continue
        port = sock.getsockname()[1]
        ev("connected", port=port)
        expires_asked = 3600
        buf = b""
        try:
            while time.time() < end:
                ev("register-sent", port=port, cseq=cseq, expires=expires_asked)
                sock.sendall(register(args, port, cseq, call_id, tag, expires_asked))
                sent = time.time()
                granted = None
                while granted is None:
                    r = read_response(sock, buf, sent + args.timer_f)
                    if r is None:
                        break
                    status, headers, buf = r
                    ev("response", port=port, cseq=cseq, status=status)
                    if status == 200:
                        granted = int(headers.get("expires", "120"))
                    elif status >= 300:
                        raise ConnectionError(f"rejected {status}")
                cseq += 1
                if granted is None:
                    ev("gave-up", port=port, after=round(time.time() - sent, 3))
                    abort(sock)
                    sock = None
                    break
                refresh_at = time.time() + granted - args.delta
                ev("registered", port=port, expires=granted, refresh_at=round(refresh_at, 6))
                sleep_until(refresh_at, sock)
        except (ConnectionError, OSError) as e:
            ev("connection-lost", port=port, error=str(e))
        if sock is not None:
            sock.close()
    ev("stopped")


if __name__ == "__main__":
    sys.exit(main())
