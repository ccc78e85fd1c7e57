-- XMPP Component Suite on Prosody 0.12: declare the three external components (XEP-0114).
-- Merge into /etc/prosody/prosody.cfg.lua, replace example.org and the secrets, then restart Prosody.
-- Details: docs/hosts.md.

---------- Global section (before any VirtualHost / Component line) ----------
-- Where the components connect. Keep it on loopback when they run on the same machine: the handshake is a
-- SHA-1 of a shared secret over plain TCP.
component_ports = { 5347 }
component_interfaces = { "127.0.0.1" }
-- Recommended: Prosody 0.12 keeps Nagle's algorithm on for every connection (ejabberd turns it off). A stanza it
-- writes to a client or a component while its previous one on that connection is unacknowledged then waits for the
-- peer's delayed ACK, 40 ms on Linux. Applies to all of Prosody's connections. Details: docs/hosts.md.
network_settings = { nagle = false }
-- Recommended: our XEP-0033 multicast service (next section). Copy scripts/hosts/prosody-plugins/
-- mod_xcs_multicast.lua into this directory (or list the one you copied it to):
plugin_paths = { "/usr/lib/prosody/modules"; "/usr/local/lib/xcs/prosody-plugins" }

---------- After your VirtualHost "example.org" section ----------
-- One Component section per component. The secret must be the one the component is given
-- (--secret-file FILE or the XCS_SECRET environment variable). Prosody routes each connection by the domain it
-- authenticates as, so all three share the one port above.
Component "muc.example.org"
    component_secret = "CHANGE-ME-muc-secret"

Component "pubsub.example.org"
    component_secret = "CHANGE-ME-pubsub-secret"

Component "relay.example.org"
    component_secret = "CHANGE-ME-relay-secret"

-- Recommended: the multicast service (XEP-0033) the components find by themselves after every connect. A room's
-- message to its 20 occupants then reaches Prosody as one stanza that it copies, as its own MUC does, instead of
-- 20 stanzas it parses one by one. Only this server's components may use it; it never relays to other servers.
Component "multicast.example.org" "xcs_multicast"
