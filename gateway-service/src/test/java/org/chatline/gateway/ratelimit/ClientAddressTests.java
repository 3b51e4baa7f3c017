package org.chatline.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.5"));

	@Test
	void ignoresForwardedForFromAnUntrustedPeer() {
		assertThat(behindProxy.resolve(new InetSocketAddress("192.0.2.9", 5000), "1.2.3.4")).isEqualTo("192.0.2.9");
	}

	@Test
	void believesATrustedProxyAndTakesTheRightmostUntrustedHop() {
		assertThat(behindProxy.resolve(new InetSocketAddress("10.0.0.5", 5000), "1.2.3.4, 198.51.100.2"))
			.isEqualTo("198.51.100.2");
		assertThat(behindProxy.resolve(new InetSocketAddress("10.0.0.5", 5000), "198.51.100.2, 10.0.0.5"))
			.isEqualTo("198.51.100.2");
	}

	@Test
	void fallsBackToThePeerWithoutAHeader() {
		assertThat(behindProxy.resolve(new InetSocketAddress("10.0.0.5", 5000), null)).isEqualTo("10.0.0.5");
	}

	@Test
	void acceptsCidrRangesOfProxies() {
		ClientAddress ranges = new ClientAddress(List.of("10.42.0.0/16", "fd00::/8"));
		assertThat(ranges.resolve(new InetSocketAddress("10.42.7.9", 5000), "198.51.100.2")).isEqualTo("198.51.100.2");
		assertThat(ranges.resolve(new InetSocketAddress("10.43.0.1", 5000), "198.51.100.2")).isEqualTo("10.43.0.1");
		assertThat(ranges.resolve(new InetSocketAddress("fd12::1", 5000), "198.51.100.3")).isEqualTo("198.51.100.3");
		assertThat(ranges.resolve(new InetSocketAddress("10.42.0.1", 5000), "evil.example, 10.42.0.2"))
			.isEqualTo("evil.example");
	}
}
