"""The emulated devices' configurations, written as the real devices would show them: the access switch
(IOS) and the firewall (ASA). The lab's nftables/sysctl settings implement what these lines say."""

SWITCH_HEAD = """!
version 15.2
hostname access-sw-lab
!
"""

PORT_SECURITY = {
    "plain": "",
    "psec-1-inactivity": """ switchport port-security maximum 2
 switchport port-security violation restrict
 switchport port-security aging time 1
 switchport port-security aging type inactivity
 switchport port-security
""",
    # the phone's port forced to 100 Mb/s full duplex: the phone, left on auto, falls back to half duplex
    "duplex-forced": """ speed 100
 duplex full
""",
    "psec-5-inactivity": """ switchport port-security maximum 2
 switchport port-security violation restrict
 switchport port-security aging time 5
 switchport port-security aging type inactivity
 switchport port-security
""",
}


def show_interface(runts, crc):
    """What "show interfaces Gi1/0/12" prints on the full-duplex side of a duplex mismatch: the phone's
    frames cut short by its collision handling arrive as runts and CRC errors (late collisions count on the
    phone's half-duplex side, not here)."""
    return f"""access-sw-lab#show interfaces GigabitEthernet1/0/12
GigabitEthernet1/0/12 is up, line protocol is up (connected)
  Hardware is Gigabit Ethernet, address is 0a1a.b000.0c0c (bia 0a1a.b000.0c0c)
  Description: IP phone SEP0A1AB0000045
  MTU 1500 bytes, BW 100000 Kbit/sec, DLY 100 usec,
     reliability 243/255, txload 1/255, rxload 1/255
  Encapsulation ARPA, loopback not set
  Keepalive set (10 sec)
  Full-duplex, 100Mb/s, media type is 10/100/1000BaseTX
  input flow-control is off, output flow-control is unsupported
  Last input 00:00:01, output 00:00:00, output hang never
  Last clearing of "show interface" counters 00:04:05
  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0
  Queueing strategy: fifo
  Output queue: 0/40 (size/max)
  5 minute input rate 0 bits/sec, 0 packets/sec
  5 minute output rate 0 bits/sec, 0 packets/sec
     412 packets input, 61140 bytes, 0 no buffer
     Received 18 broadcasts (0 multicasts)
     {runts} runts, 0 giants, 0 throttles
     {runts + crc} input errors, {crc} CRC, 0 frame, 0 overrun, 0 ignored
     0 watchdog, 0 multicast, 0 pause input
     0 input packets with dribble condition detected
     398 packets output, 60232 bytes, 0 underruns
     0 output errors, 0 collisions, 0 interface resets
     0 unknown protocol drops
     0 babbles, 0 late collision, 0 deferred
     0 lost carrier, 0 no carrier, 0 pause output
     0 output buffer failures, 0 output buffers swapped out
"""


def switch(variant, counters=None):
    return (SWITCH_HEAD + """interface GigabitEthernet1/0/12
 description IP phone SEP0A1AB0000045
 switchport access vlan 10
 switchport mode access
 switchport voice vlan 110
""" + PORT_SECURITY[variant] + """ spanning-tree portfast
!
interface GigabitEthernet1/0/13
 description PC
 switchport access vlan 10
 switchport mode access
!
interface GigabitEthernet1/0/48
 description uplink to voice-fw inside
 switchport mode trunk
!
end
""" + (show_interface(*counters) if counters else ""))


def asa(variant):
    timeout = {"timeout-90s": "0:01:30", "timeout-45s": "0:00:45"}.get(variant, "1:00:00")
    outside = ("ip address 203.0.113.2 255.255.255.248" if variant == "proxy-arp-on"
               else "ip address 198.51.100.1 255.255.255.0")
    noproxy = "sysopt noproxyarp outside\n" if variant == "proxy-arp-on" else "sysopt noproxyarp inside\nsysopt noproxyarp outside\n"
    # a static NAT whose mapped address on the inside is the CUCM's: the ASA answers ARP for it there
    nat = ("object network REMOTE-SRV\n host 203.0.113.5\n nat (outside,inside) static 192.0.2.202\n!\n"
           if variant == "proxy-arp-on" else "")
    # the SCCP phone's port (the lab's other scenarios keep their recorded configuration unchanged)
    acl = ("access-list inside_in extended permit tcp 192.0.2.0 255.255.255.0 any eq 2000\n"
           if variant == "timeout-45s" else "")
    return f""": Saved
:
ASA Version 9.8(4)
!
hostname voice-fw
!
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 {outside}
!
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 192.0.2.1 255.255.255.0
!
{nat}access-list inside_in extended permit tcp 192.0.2.0 255.255.255.0 any eq sip
{acl}access-group inside_in in interface inside
!
timeout conn {timeout} half-closed 0:10:00 udp 0:02:00
{noproxy}!
policy-map global_policy
 class inspection_default
  no inspect sip
!
: end
"""
