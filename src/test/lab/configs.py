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
    "psec-5-inactivity": """ switchport port-security maximum 2
 switchport port-security violation restrict
 switchport port-security aging time 5
 switchport port-security aging type inactivity
 switchport port-security
""",
}


def switch(variant):
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
""")


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
