#!/usr/bin/env bash
# Re-creates the fuzz tests' seed inputs (src/test/resources/dev/regdoc/fuzz/*Inputs/*/seed-*) from the
# fixtures: captures cut to a few frames (pcap, pcapng via editcap/mergecap), single frames, SIP and SCCP
# payloads and streams, syslog and config files, and gzip/zip bundles for the ingest harness. Crash inputs
# (crash-*, timeout-*, oom-*) in the same folders are kept. Needs editcap, mergecap, python3, gzip, zip.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
fx=src/test/resources/fixtures
out=src/test/resources/dev/regdoc/fuzz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in CaptureFilesFuzzTestInputs/pcap CaptureFilesFuzzTestInputs/pcapng FramesFuzzTestInputs/frame \
    FramesFuzzTestInputs/sipHead FramesFuzzTestInputs/sipStream FramesFuzzTestInputs/sccpStream \
    FramesFuzzTestInputs/tcpReassembly TextFuzzTestInputs/syslog TextFuzzTestInputs/iosConfig \
    TextFuzzTestInputs/asaConfig TextFuzzTestInputs/ccmTrace IngestFuzzTestInputs/upload; do
  mkdir -p "$out/$d"
  rm -f "$out/$d"/seed-*
done

cap=$out/CaptureFilesFuzzTestInputs
editcap -r "$fx/healthy-sip/phone.pcap" "$cap/pcap/seed-sip-tcp.pcap" 1-6
editcap -r "$fx/healthy-sccp/phone.pcap" "$cap/pcap/seed-sccp.pcap" 1-8
editcap -r "$fx/arp-conflict/arp.pcap" "$cap/pcap/seed-arp.pcap" 1-6
editcap -r "$fx/encrypted-signaling/phone.pcap" "$cap/pcap/seed-tls.pcap" 1-5
editcap -r "$fx/registration-challenge-ok/phone.pcap" "$cap/pcap/seed-sip-udp.pcap" 1-2
editcap -F nsecpcap -r "$fx/registration-rejected/phone.pcap" "$cap/pcap/seed-nanosecond.pcap" 1-2
editcap -T linux-sll -r "$fx/phone-reports-restart/phone.pcap" "$cap/pcap/seed-linktype-sll.pcap" 1-3
editcap -F pcapng -r "$fx/healthy-sip/phone.pcap" "$cap/pcapng/seed-sip-tcp.pcapng" 1-6
editcap -F pcapng -r "$fx/healthy-sccp/phone.pcap" "$cap/pcapng/seed-sccp.pcapng" 1-8
editcap -F pcapng --inject-secrets tls,/dev/null -r "$fx/arp-conflict/arp.pcap" "$cap/pcapng/seed-arp.pcapng" 1-4 2>/dev/null \
  || editcap -F pcapng -r "$fx/arp-conflict/arp.pcap" "$cap/pcapng/seed-arp.pcapng" 1-4
editcap -F pcapng -r "$fx/registration-challenge-ok/phone.pcap" "$tmp/a.pcapng" 1-2
editcap -F pcapng -T linux-sll -r "$fx/registration-rejected/phone.pcap" "$tmp/b.pcapng" 1-2
mergecap -F pcapng -w "$cap/pcapng/seed-two-interfaces.pcapng" "$tmp/a.pcapng" "$tmp/b.pcapng"
cat "$tmp/a.pcapng" "$tmp/a.pcapng" > "$cap/pcapng/seed-two-sections.pcapng"

python3 - "$fx" "$out" <<'PY'
import struct, sys, pathlib
fx, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def frames(path):
    b = path.read_bytes()
    e = '<' if b[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    p = 24
    while p + 16 <= len(b):
        caplen = struct.unpack(e + 'I', b[p + 8:p + 12])[0]
        yield b[p + 16:p + 16 + caplen]
        p += 16 + caplen

def payload(f):
    """(protocol, src port, dst port, payload) of an Ethernet/IPv4 TCP or UDP frame, else None."""
    ip = 18 if f[12:14] == b'\x81\x00' else 14  # one 802.1Q tag (the voice VLAN)
    if len(f) < ip + 20 or f[ip - 2:ip] != b'\x08\x00':
        return None
    ihl = (f[ip] & 15) * 4
    total = struct.unpack('>H', f[ip + 2:ip + 4])[0]
    l4, end, proto = ip + ihl, ip + total, f[ip + 9]
    sp, dp = struct.unpack('>HH', f[l4:l4 + 4])
    if proto == 6:
        return 'tcp', sp, dp, f[l4 + (f[l4 + 12] >> 4) * 4:end]
    if proto == 17:
        return 'udp', sp, dp, f[l4 + 8:end]
    return None

def write(d, name, data):
    (out / d / ('seed-' + name)).write_bytes(data)

# single frames: first byte 1 selects Ethernet (LinkType.values()[1])
picked = {}
for pc in sorted(fx.glob('*/*.pcap')):
    for f in frames(pc):
        p = payload(f)
        kind = ('vlan-' if f[12:14] == b'\x81\x00' else '') + (('arp' if f[12:14] == b'\x08\x06' else 'other') if p is None else p[0] + ('-data' if p[3] else '-empty'))
        picked.setdefault(kind, f)
for kind, f in picked.items():
    write('FramesFuzzTestInputs/frame', kind, bytes([1]) + f)

# SIP heads (each message of the healthy and rejected registrations) and one direction's streams
heads = 0
for pc in ['healthy-sip/phone.pcap', 'registration-rejected/phone.pcap', 'registration-challenge-ok/phone.pcap']:
    for f in frames(fx / pc):
        p = payload(f)
        if p and p[3] and (p[1] == 5060 or p[2] == 5060) and heads < 10:
            write('FramesFuzzTestInputs/sipHead', f'{heads}', p[3])
            heads += 1

def stream(pc, port, limit):
    by_dir = {}
    for f in frames(fx / pc):
        p = payload(f)
        if p and p[0] == 'tcp' and p[3] and port in (p[1], p[2]):
            by_dir.setdefault((p[1], p[2]), bytearray()).extend(p[3])
    return [bytes(s[:limit]) for s in by_dir.values()]

for i, s in enumerate(stream('healthy-sip/phone.pcap', 5060, 3000)):
    write('FramesFuzzTestInputs/sipStream', f'healthy-{i}', s)
    write('FramesFuzzTestInputs/tcpReassembly', f'sip-{i}', s[:1500])
for i, s in enumerate(stream('healthy-sccp/phone.pcap', 2000, 2000)):
    write('FramesFuzzTestInputs/sccpStream', f'healthy-{i}', s)
    write('FramesFuzzTestInputs/tcpReassembly', f'sccp-{i}', s[:1500])
for i, s in enumerate(stream('sccp-register-reject/phone.pcap', 2000, 2000)):
    write('FramesFuzzTestInputs/sccpStream', f'reject-{i}', s)
PY

text=$out/TextFuzzTestInputs
for f in alarm-only/cucm-syslog.log asa-idle-teardown/asa.log case-study-1-2/cucm-syslog.log case-study-2-recovered/cucm-syslog.log; do
  head -c 3000 "$fx/$f" > "$text/syslog/seed-$(echo "$f" | tr / -)"
done
for f in case-study-2/switch-config.txt case-study-2-recovered/switch-config.txt; do
  cp "$fx/$f" "$text/iosConfig/seed-$(echo "$f" | tr / -)"
done
cp "$fx/case-study-1-2/asa-config.txt" "$text/asaConfig/seed-case-study-1-2-asa-config.txt"
python3 - "$fx" "$text/ccmTrace" <<'PY'
import gzip, sys, zipfile
fx, out = sys.argv[1], sys.argv[2]
def files(z):
    with zipfile.ZipFile(f'{fx}/{z}') as zf:
        return {n: gzip.decompress(zf.read(n)) for n in zf.namelist()}
cs2 = files('case-study-2-traces/rtmt-traces.zip')
cs12 = files('case-study-1-2-traces/rtmt-traces.zip')
pub = 'cucm-pub/cm/trace/ccm/sdl/'
def write(name, data):
    with open(f'{out}/seed-{name}.txt', 'wb') as f:
        f.write(data)
write('cut-end', cs2[pub + 'SDL001_100_000001.txt.gz'][-6000:])  # ends inside a REGISTER
write('rotated-top', cs2[pub + 'SDL001_100_000002.txt.gz'][:6000])  # starts with its rest
sccp = cs12[pub + 'SDL001_100_000001.txt.gz'].splitlines(keepends=True)
write('sccp-sdl', b''.join(l for l in sccp if b'DbObjectCacheTimer' not in l)[:6000])
write('sdi', b'16:02:57.000 CCM|StationInit - New connection accepted. DeviceName=, TCPHandle=0x4fbbc30,'
      b' Socket=0x5a4, IPAddr=192.0.2.231, Port=52095, StationD=[0,0,0]\n'
      b'16:03:06.703 CCM|StationD - stationOutputKeepAliveAck tcpHandle=0x4fbbc30\n')
PY

up=$out/IngestFuzzTestInputs/upload
cp "$cap/pcap/seed-sip-udp.pcap" "$up/seed-capture.pcap"
head -c 1000 "$fx/case-study-1-2/cucm-syslog.log" > "$up/seed-syslog.log"
cp "$fx/case-study-2/switch-config.txt" "$up/seed-ios-config.txt"
cp "$fx/case-study-1-2/asa-config.txt" "$up/seed-asa-config.txt"
gzip -9 -n -c "$up/seed-syslog.log" > "$up/seed-syslog.log.gz"
(cd "$up" && TZ=UTC zip -q -X -D "$tmp/bundle.zip" seed-syslog.log seed-asa-config.txt && touch -d @0 . ) || true
cp "$tmp/bundle.zip" "$up/seed-bundle.zip"
ls -la "$out"/*/* | awk '{s+=$5} END {print "seed bytes:", s}'
