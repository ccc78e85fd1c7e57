-- PEP (XEP-0163) for the users of example.org served by xcs-pubsub (pubsub.example.org) on Prosody 0.12, through
-- XEP-0355 namespace delegation and XEP-0356 privileged entity. Needs prosody-modules (mod_privilege,
-- mod_delegation; Debian: apt-get install prosody-modules). Merge into prosody.cfg.lua, replace the secret, restart
-- Prosody. Print it for your domains with: scripts/xcs-pep-config --server prosody --host-domain HOST [--domain COMPONENT]
-- Details and pitfalls: docs/hosts.md, section "PEP".

---------- Global section (before any VirtualHost / Component line) ----------
component_ports = { 5347 }
component_interfaces = { "127.0.0.1" }
-- Only when prosody-modules is not where Prosody looks by default (Debian installs it there):
-- plugin_paths = { "/usr/lib/prosody/modules" }

---------- Your VirtualHost section ----------
VirtualHost "example.org"
    -- Added to the global modules_enabled for this host.
    modules_enabled = { "privilege"; "delegation" }
    -- Prosody's own PEP off, so the component is the ONE PEP service of this host. If mod_pep stays loaded,
    -- delegation still hands the pubsub IQs to the component, but mod_pep keeps answering disco#info on the
    -- users' JIDs and sending its own (stale) last items on presence.
    modules_disabled = { "pep" }
    -- XEP-0356: read the users' rosters (access models presence/roster), send notifications on their behalf,
    -- see the presence of the users and their contacts (+notify from XEP-0115 caps, last item on coming online).
    privileged_entities = {
        ["pubsub.example.org"] = { roster = "get"; message = "outgoing"; presence = "roster" };
    }
    -- XEP-0355: the pubsub IQs users send to their own (and other users') bare JIDs go to the component.
    delegations = {
        ["http://jabber.org/protocol/pubsub"] = { jid = "pubsub.example.org" };
        ["http://jabber.org/protocol/pubsub#owner"] = { jid = "pubsub.example.org" };
    }

---------- The component ----------
Component "pubsub.example.org"
    component_secret = "CHANGE-ME-pubsub-secret"
    -- Both modules on the component too: that is where they notice it connect and send it its grants.
    modules_enabled = { "privilege"; "delegation" }
