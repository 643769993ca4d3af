#!/usr/bin/env bash
# Records, once, what tshark says about the real public captures in ../shared/data/pcap, so that
# RealCaptureAgreementTest can compare regdoc's facts with it without running tshark in every build.
#
#   src/test/scripts/record-tshark-counts.sh            (from the project root; needs tshark and jq)
#
# Writes src/test/resources/real-captures/tshark-counts.json. Re-run it after changing the file list
# or the KNOWN_DIFFERENCES below, and commit the result together with the tshark version it records.
#
# Every count is taken on the ports regdoc reads for that file (SIP 5060 plus the file's extra SIP ports,
# SCCP 2000, TLS 5061/2443), so the comparison is like for like. tshark also decodes SIP heuristically on
# other ports; those frames are counted separately as sipFramesOnOtherPorts, never silently dropped.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
DATA=../shared/data/pcap
OUT=src/test/resources/real-captures/tshark-counts.json
command -v tshark >/dev/null && command -v jq >/dev/null || { echo "needs tshark and jq" >&2; exit 2; }
[ -d "$DATA" ] || { echo "$DATA is missing" >&2; exit 2; }

# file (relative to $DATA) and extra SIP ports (comma separated, "-" for none)
FILES=(
  "russo-collab/sccp_phone_register.pcapng -"
  "russo-collab/sccp_cme_init.pcapng -"
  "russo-collab/sccp_fxs_register.pcapng -"
  "russo-collab/sccp_hw_xcode_register.pcapng -"
  "russo-collab/sccp_hw_mtp_register.pcapng -"
  "russo-collab/sccp_inbound_call.pcapng -"
  "russo-collab/sccp_outbound_call.pcapng -"
  "russo-collab/sip_register.pcapng -"
  "russo-collab/rtp_sip_isac.pcapng -"
  "russo-collab/rtp_sip_opus.pcapng -"
  "russo-collab/sip_options_oob.pcapng -"
  "russo-collab/sip_refer_transfer.pcapng -"
  "russo-collab/sip_mcast_paging.pcapng -"
  "pyskinny/cm_cap.pcapng -"
  "pyskinny/vphone_hold_unhold.pcap -"
  "ndpi/sip_hello.pcapng -"
  "ndpi/skinny.pcap -"
  "suricata-verify/sip-tcp.pcap -"
  "suricata-verify/sip-tcp-pattern-matching/sip.pcap 5062"
  "suricata-verify/public-cloudshark-sip-s0.pcap -"
  "suricata-verify/arp.pcap -"
  "zeek/sip-junk-before-request.pcap -"
  "zeek/invalid-content-length.pcap -"
  "zeek/snap-arp.pcapng -"
  "zeek/linuxsll-arp.pcap -"
  "zeek/arp-who-has.pcap -"
  "chrissanders/arp_gratuitous.pcapng -"
  "chrissanders/arp_resolution.pcapng -"
  "chrissanders/tcp_retransmissions.pcapng 1043"
  "tcpdump/arp-oobr.pcap -"
)

# Where regdoc and tshark legitimately differ: file|field|regdoc value|reason. The test uses the regdoc
# value instead of tshark's for that field and checks that tshark's recorded value still differs.
KNOWN_DIFFERENCES=(
  "tcpdump/arp-oobr.pcap|arpRequests|1923|fuzzed capture: tshark counts every frame with ARP opcode 1; regdoc reads only IPv4 ARP with 6-byte MACs (hardware type 1 or 6) and reports the other ARP frames (hardware types like 9472, protocol sizes like 36, opcodes like 43690) as anomaly arp-not-ipv4; tshark's count of those is arpNotEthernetIpv4"
  "tcpdump/arp-oobr.pcap|arpReplies|26|fuzzed capture: 2 of tshark's 28 ARP replies have a hardware type or address size that is not Ethernet/IPv4; regdoc reports them as anomaly arp-not-ipv4"
)

# What regdoc reads as ARP: IPv4 over 6-byte MACs (Ethernet, or IEEE 802 in SNAP framing), request or reply
ARP_IPV4="arp.hw.size == 6 && arp.proto.size == 4 && arp.proto.type == 0x0800 && (arp.hw.type == 1 || arp.hw.type == 6) && (arp.opcode == 1 || arp.opcode == 2)"

fields() { # file filter field...: one line per frame, multiple occurrences comma separated
  local f=$1 filter=$2; shift 2
  local args=()
  for e in "$@"; do args+=(-e "$e"); done
  local err
  err=$(mktemp)
  if ! tshark -n -r "$f" -Y "$filter" -T fields -E occurrence=a -E separator=/t -E aggregator=, "${args[@]}" 2>"$err"; then
    echo "tshark failed on $f with filter: $filter" >&2; grep -v 'Running as user' "$err" >&2; rm -f "$err"; exit 1
  fi
  rm -f "$err"
}
count_values() { # stdin: comma separated values per line -> {"value": count}
  tr ',' '\n' | sed '/^$/d' | sort | uniq -c | awk '{printf "%s\t%s\n", $2, $1}' \
    | jq -R -s 'split("\n") | map(select(length>0) | split("\t")) | map({(.[0]): (.[1]|tonumber)}) | add // {}'
}
frames() { jq -R -s 'split("\n") | map(select(length>0) | tonumber)'; }

entries=()
for line in "${FILES[@]}"; do
  rel=${line% *}; extra=${line#* }
  f="$DATA/$rel"
  sipports="5060"; [ "$extra" != "-" ] && sipports="5060,$extra"
  allports="$sipports,5061,2000,2443"
  onsip="(udp.port in {$sipports} || tcp.port in {$sipports})"
  notrx="!tcp.analysis.retransmission"
  reg_frames=$(fields "$f" "sip.Method == \"REGISTER\" && $notrx && $onsip" frame.number | frames)
  methods=$(fields "$f" "sip.Method && $notrx && $onsip" sip.Method | count_values)
  status=$(fields "$f" "sip.Status-Code && $notrx && $onsip" sip.Status-Code | count_values)
  other=$(fields "$f" "sip && !$onsip" frame.number | wc -l)
  sccp=$(fields "$f" "skinny && $notrx && tcp.port == 2000" skinny.messageId \
    | tr ',' '\n' | sed '/^$/d' | while read -r id; do printf '0x%04X\n' "$id"; done | count_values)
  rtx=$(fields "$f" "tcp.analysis.retransmission && tcp.port in {$allports}" frame.number | frames)
  arpreq=$(fields "$f" "arp.opcode == 1" frame.number | wc -l)
  arprep=$(fields "$f" "arp.opcode == 2" frame.number | wc -l)
  arpother=$(fields "$f" "(arp || eth.type == 0x0806) && !($ARP_IPV4)" frame.number | wc -l)
  bindings=$(fields "$f" "$ARP_IPV4 && arp.src.proto_ipv4 != 0.0.0.0" arp.src.proto_ipv4 arp.src.hw_mac \
    | awk -F'\t' 'NF==2 && $1!="" {print $1" "$2}' | sort -u | jq -R -s 'split("\n") | map(select(length>0))')
  diffs=$(for d in "${KNOWN_DIFFERENCES[@]}"; do
      IFS='|' read -r df dfield dval dreason <<<"$d"
      if [ "$df" = "$rel" ]; then
        jq -n --arg field "$dfield" --argjson regdoc "$dval" --arg reason "$dreason" '{field: $field, regdoc: $regdoc, reason: $reason}'
      fi
    done | jq -s '.')
  entries+=("$(jq -n --arg file "$rel" --arg extra "$extra" \
    --argjson reg "$reg_frames" --argjson methods "$methods" --argjson status "$status" --argjson other "$other" \
    --argjson sccp "$sccp" --argjson rtx "$rtx" --argjson arpreq "$arpreq" --argjson arprep "$arprep" --argjson arpother "$arpother" \
    --argjson bindings "$bindings" --argjson diffs "$diffs" \
    '{file: $file, extraSipPorts: ($extra | if . == "-" then [] else split(",") | map(tonumber) end),
      sipRegisterFrames: $reg, sipRequests: $methods, sipStatus: $status,
      sipFramesOnOtherPorts: $other, sccpMessages: $sccp, tcpRetransmissionFrames: $rtx,
      arpRequests: $arpreq, arpReplies: $arprep, arpNotEthernetIpv4: $arpother, arpBindings: $bindings, differences: $diffs}')")
  echo "recorded $rel" >&2
done

printf '%s\n' "${entries[@]}" | jq -s --arg v "$(tshark --version | head -1)" --arg arp "$ARP_IPV4" '{
  tshark: $v,
  note: "Written by src/test/scripts/record-tshark-counts.sh; do not edit by hand.",
  filters: {
    sipRegisterFrames: "sip.Method == \"REGISTER\" && !tcp.analysis.retransmission && (udp.port in {SIP} || tcp.port in {SIP})",
    sipRequests: "sip.Method && !tcp.analysis.retransmission && SIP ports, every occurrence of sip.Method",
    sipStatus: "sip.Status-Code && !tcp.analysis.retransmission && SIP ports, every occurrence",
    sipFramesOnOtherPorts: "sip && !(SIP ports): tshark decodes these heuristically; regdoc reads SIP only on its SIP ports",
    sccpMessages: "skinny && !tcp.analysis.retransmission && tcp.port == 2000, every occurrence of skinny.messageId",
    tcpRetransmissionFrames: "tcp.analysis.retransmission && tcp.port in {SIP 5061 2000 2443}",
    arpRequests: "arp.opcode == 1", arpReplies: "arp.opcode == 2",
    arpNotEthernetIpv4: ("(arp || eth.type == 0x0806) && !(" + $arp + "): the second term catches ARP frames tshark fails to dissect (e.g. ATM ARP)"),
    arpBindings: ("distinct arp.src.proto_ipv4 + arp.src.hw_mac where " + $arp + " && arp.src.proto_ipv4 != 0.0.0.0")
  },
  files: .}' > "$OUT"
echo "wrote $OUT" >&2
