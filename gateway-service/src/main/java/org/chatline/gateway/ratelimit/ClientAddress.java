package org.chatline.gateway.ratelimit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The client's IP: the connection's address, unless the connection comes from a trusted proxy,
 * in which case the right-most address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A forged header from anyone else changes nothing. Trusted proxies are addresses or CIDR
 * ranges ({@code 10.0.0.0/8}, {@code fd00::/8}).
 */
final class ClientAddress {

	private final List<Range> trustedProxies;

	ClientAddress(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(Range::parse).toList();
	}

	String resolve(InetSocketAddress remote, String forwardedFor) {
		String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		if (forwardedFor == null || !isTrusted(peer)) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrusted(String address) {
		byte[] bytes = literal(address);
		return bytes != null && trustedProxies.stream().anyMatch(range -> range.contains(bytes));
	}

	/** Parses an IP literal only (never a DNS lookup); null for anything else. */
	private static byte[] literal(String address) {
		if (address.isEmpty() || !(address.indexOf(':') >= 0 || Character.digit(address.charAt(0), 16) >= 0)
				|| address.chars().anyMatch(c -> !(Character.digit(c, 16) >= 0 || c == '.' || c == ':'))) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String cidr) {
			String[] parts = cidr.trim().split("/");
			byte[] network = literal(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
			}
			int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
			return new Range(network, prefix);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			int bits = network.length * 8;
			BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
			return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
		}
	}
}
