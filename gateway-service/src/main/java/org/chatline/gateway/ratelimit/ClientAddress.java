package org.chatline.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

/**
 * The client's IP: the connection's address, unless the connection comes from a trusted proxy,
 * in which case the right-most address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A forged header from anyone else changes nothing.
 */
final class ClientAddress {

	private final Set<String> trustedProxies;

	ClientAddress(List<String> trustedProxies) {
		this.trustedProxies = Set.copyOf(trustedProxies);
	}

	String resolve(InetSocketAddress remote, String forwardedFor) {
		String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		if (forwardedFor == null || !trustedProxies.contains(peer)) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return peer;
	}
}
