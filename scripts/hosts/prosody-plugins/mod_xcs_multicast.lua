-- mod_xcs_multicast: an XEP-0033 (Extended Stanza Addressing) multicast service for the components of this
-- Prosody server, so that xcs-muc and xcs-pubsub can hand Prosody a room's message once for all its occupants, as
-- Prosody's own MUC does, instead of one stanza per occupant that Prosody parses one by one. ejabberd ships the
-- same service as mod_multicast; Prosody 0.12 has none. See docs/hosts.md of the XMPP Component Suite.
--
-- Install: copy this file into a directory listed in plugin_paths, then declare the service as a component:
--     Component "multicast.example.org" "xcs_multicast"
-- The components find it by service discovery of example.org (XEP-0033 §2.2) after every connect.
--
-- Who may use it: only components of this server (a stanza whose sender's domain is a Component here); every
-- other sender gets <forbidden/>. Where it delivers: only to this server's own domains (its users, its
-- components); it never relays to other servers. Only 'bcc' addresses are taken (XEP-0033 §4.6.3): each recipient
-- gets the stanza as if sent to it alone, without the address list.
--
-- Beside XEP-0033's list the service takes the same bcc list as lines of text, a form of our own that our components
-- send when disco#info names its feature: <bcc xmlns='urn:xcs:multicast:lines:0'>, one JID per line.
-- Prosody parses a text node far faster than one element per address: under Prosody's own garbage-collector
-- setting, 141-159 us against 412-428 us for 20 addresses (Lua 5.4 microbenchmark, BENCHMARKS.md). A JID never
-- holds a line feed (RFC 7622: no control characters), so the split is exact.

local st = require "util.stanza";
local jid_split = require "util.jid".split;
local jid_prepped_split = require "util.jid".prepped_split;
local jid_join = require "util.jid".join;
local dataform = require "util.dataforms".new;

local xmlns_address = "http://jabber.org/protocol/address";
local xmlns_lines = "urn:xcs:multicast:lines:0";
local limit = module:get_option_number("xcs_multicast_limit", 100);
-- How many prepped addresses the service remembers (see prep below).
local jid_cache_size = module:get_option_number("xcs_multicast_jid_cache", 10000);

module:depends("disco");
module:add_identity("service", "multicast", module:get_option_string("name", "Multicast"));
module:add_feature(xmlns_address);
module:add_feature(xmlns_lines);
-- The limits, as ejabberd's mod_multicast names them: addresses per message and per presence.
module:add_extension(dataform {
	{ name = "FORM_TYPE", type = "hidden", value = xmlns_address },
	{ name = "message", type = "text-single" },
	{ name = "presence", type = "text-single" },
}:form({ message = tostring(limit), presence = tostring(limit) }, "result"));

-- XEP-0033 §8: the stanza goes back whole, its addresses included (RFC 6120 §8.3.1 allows the original content),
-- so that the sender can deliver it one by one.
local function refuse(stanza, type, condition, text)
	if stanza.attr.type == "error" then
		-- RFC 6120 §8.3.1: an error is never answered with an error.
		module:log("warn", "Dropped an error stanza from %s: %s", stanza.attr.from, text);
		return true;
	end
	local reply = st.clone(stanza);
	reply.attr.from, reply.attr.to = stanza.attr.to, stanza.attr.from;
	reply.attr.type = "error";
	reply:reset():tag("error", { type = type })
		:tag(condition, { xmlns = "urn:ietf:params:xml:ns:xmpp-stanzas" }):up()
		:tag("text", { xmlns = "urn:ietf:params:xml:ns:xmpp-stanzas" }):text(text):up()
		:up();
	module:send(reply);
	return true;
end

-- An address, prepped as util.jid.prep does it (split once, stringprep'd, joined), with its host and whether it
-- has a resource; nil if it is no valid JID. Prepping takes 1.2-1.4 us of Prosody's CPU (three stringprep calls),
-- and a room's occupants or a node's subscribers recur in every stanza, so the result is remembered: 0.03 us when
-- found (Lua 5.4 microbenchmark of Prosody 0.12's util.jid). When full, the table is dropped whole rather than kept
-- in LRU order (util.cache): its bookkeeping costs 3.7 us a miss when more addresses than it holds come round in
-- turn. The host is looked up again on every use (hosts come and go); only the stringprep result is kept.
local prepped, prepped_count = {}, 0;
local function prep(address)
	local known = prepped[address];
	if known then
		return known;
	end
	local node, host, resource = jid_prepped_split(address);
	if not host then
		return nil;
	end
	known = { jid = jid_join(node, host, resource), host = host, full = resource ~= nil };
	if prepped_count >= jid_cache_size then
		prepped, prepped_count = {}, 0;
	end
	prepped[address], prepped_count = known, prepped_count + 1;
	return known;
end

-- Appends one address of the list to recipients (prepped) and full (whether it has a resource); true once it has
-- refused the stanza. A function of the module rather than a closure per stanza, on the path of every fan-out.
local function add(stanza, recipients, full, jid)
	if #recipients == limit then -- refused before any more is prepped
		return refuse(stanza, "modify", "not-acceptable", "Between 1 and " .. limit .. " addresses are taken");
	end
	local recipient = prep(jid);
	if not recipient then
		return refuse(stanza, "modify", "jid-malformed", "An address has no valid 'jid'");
	end
	if not prosody.hosts[recipient.host] then
		return refuse(stanza, "cancel", "forbidden", "This service does not relay to other servers");
	end
	recipients[#recipients + 1] = recipient.jid;
	full[#recipients] = recipient.full;
end

local function handle(event)
	local stanza = event.stanza; -- an error stanza too: a room refuses a join with a presence of type error
	local _, from_host = jid_split(stanza.attr.from);
	local sender = from_host and prosody.hosts[from_host];
	if not sender or sender.type ~= "component" or from_host == module.host then
		return refuse(stanza, "auth", "forbidden", "Only this server's components may use this service");
	end
	local addresses = stanza:get_child("addresses", xmlns_address);
	local lines = stanza:get_child("bcc", xmlns_lines);
	if not addresses and not lines then
		return refuse(stanza, "modify", "bad-request", "No addresses element (XEP-0033 §3)");
	end
	if addresses and lines then
		return refuse(stanza, "modify", "bad-request", "Either an addresses element or a bcc list, not both");
	end
	local recipients, full = {}, {};
	if lines then
		if #lines.tags > 0 then
			return refuse(stanza, "modify", "bad-request", "A bcc list holds text only");
		end
		for jid in (lines:get_text() or ""):gmatch("[^\n]+") do
			if add(stanza, recipients, full, jid) then
				return true;
			end
		end
	else
		for address in addresses:childtags("address", xmlns_address) do
			if address.attr.type ~= "bcc" or address.attr.delivered == "true" then
				return refuse(stanza, "modify", "bad-request", "Only bcc addresses are taken");
			end
			if add(stanza, recipients, full, address.attr.jid) then
				return true;
			end
		end
	end
	if #recipients == 0 then
		return refuse(stanza, "modify", "not-acceptable", "Between 1 and " .. limit .. " addresses are taken");
	end
	if lines then
		stanza:remove_children("bcc", xmlns_lines);
	else
		stanza:remove_children("addresses", xmlns_address);
	end
	-- A presence, a groupchat message or a headline to a full JID is written out at once or dropped (bounced with
	-- a new error stanza), never kept: Prosody 0.12's mod_message never stores a headline offline, mod_mam and
	-- mod_carbons skip it, and mod_smacks queues its own copy. So one object serves every recipient, as in
	-- Prosody's own MUC (PubSub notifications are headlines: no copy per subscriber). Anything else (chat, normal)
	-- may be kept (offline storage, archives) and gets its own copy.
	local stanza_type = stanza.attr.type;
	local shared = stanza.name == "presence" or stanza_type == "groupchat" or stanza_type == "headline";
	for i, jid in ipairs(recipients) do
		local copy = (shared and full[i]) and stanza or st.clone(stanza);
		copy.attr.to = jid;
		module:send(copy);
	end
	return true;
end

module:hook("message/host", handle);
module:hook("presence/host", handle);
