#!/usr/bin/env python3
"""Runs `bot/regdoc analyze` on each lab scenario's input subsets and prints, as a Markdown table, today's
top finding (code, confidence) against the manifest's ground truth. Not run as root; needs the jar."""
import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LAB = ROOT / "src" / "test" / "resources" / "fixtures" / "lab"
SUBSETS = [
    ("all files", ["phone.pcap", "cucm.pcap", "cucm-syslog.log", "switch-config.txt", "asa-config.txt", "arp.pcap"]),
    ("both captures + configs", ["phone.pcap", "cucm.pcap", "switch-config.txt", "asa-config.txt", "arp.pcap"]),
    ("phone capture + configs", ["phone.pcap", "switch-config.txt", "asa-config.txt", "arp.pcap"]),
    ("phone capture only", ["phone.pcap", "arp.pcap"]),
]


def top(files):
    out = subprocess.run([str(ROOT / "bot" / "regdoc"), "analyze", *map(str, files), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    try:
        findings = json.loads(out.stdout)["findings"]
    except (json.JSONDecodeError, KeyError):
        return "error: " + (out.stderr.strip().splitlines() or ["?"])[-1]
    if not findings:
        return "(none)"
    f = findings[0]
    roots = [x for x in findings if x.get("tier") == "root-cause"]
    text = f"{f['code']} {f['confidence']:.2f}"
    if roots and roots[0] is not f:
        text += f" (root: {roots[0]['code']} {roots[0]['confidence']:.2f})"
    return text


def main():
    with open(LAB / "manifest.tsv") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    wanted = set(sys.argv[1:])
    print("| scenario | ground truth | " + " | ".join(n for n, _ in SUBSETS) + " |")
    print("|---|---|" + "---|" * len(SUBSETS))
    for r in rows:
        if wanted and r["scenario"] not in wanted:
            continue
        d = LAB / r["scenario"]
        cells = []
        seen = set()
        for _, names in SUBSETS:
            files = [d / n for n in names if (d / n).exists()]
            key = tuple(files)
            cells.append("same" if key in seen else top(files))
            seen.add(key)
        print(f"| {r['scenario']} | {r['truth']} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
