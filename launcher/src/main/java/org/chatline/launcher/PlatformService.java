package org.chatline.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every service the platform runs, with its ports and start wave. The one place that
 * lists them: the launcher, the port check and the end-to-end tests all read it.
 */
public enum PlatformService {

	DISCOVERY("discovery-service", Wave.REGISTRY, 8761),
	AUTH("auth-service", Wave.DOMAIN, 8081),
	USER("user-service", Wave.DOMAIN, 8082),
	MESSAGE("message-service", Wave.DOMAIN, 8083),
	GROUP("group-service", Wave.DOMAIN, 8084),
	CALL("call-service", Wave.DOMAIN, 8085),
	ATTACHMENT("attachment-service", Wave.DOMAIN, 8088),
	/** HTTP/actuator on 8086, the Socket.IO server on 8096. */
	REALTIME("realtime-service", Wave.DOMAIN, 8086, 8096),
	/** Public API on 3000; its actuator (readiness) on the loopback management port 3001, never the public one. */
	GATEWAY("gateway-service", Wave.EDGE, 3000, 3001);

	/** Services start wave by wave; the services of one wave start in parallel. */
	public enum Wave {
		/** Eureka first: every other service registers with it. */
		REGISTRY,
		DOMAIN,
		/** The gateway last, so its first routes find every service registered. */
		EDGE
	}

	private final String module;

	private final Wave wave;

	private final int httpPort;

	private final int[] otherPorts;

	PlatformService(String module, Wave wave, int httpPort, int... otherPorts) {
		this.module = module;
		this.wave = wave;
		this.httpPort = httpPort;
		this.otherPorts = otherPorts;
	}

	/** Maven module and Spring application name, e.g. {@code auth-service}. */
	public String module() {
		return this.module;
	}

	public Wave wave() {
		return this.wave;
	}

	/** The port serving HTTP and {@code /actuator/health/readiness}. */
	public int httpPort() {
		return this.httpPort;
	}

	/**
	 * The port answering {@code /actuator/health/readiness}: the gateway's management port, since
	 * its actuator is never served on the public port; the HTTP port of every other service.
	 */
	public int readinessPort() {
		return (this == GATEWAY) ? this.otherPorts[0] : this.httpPort;
	}

	/** Every port the service binds. */
	public List<Integer> ports() {
		return IntStream.concat(IntStream.of(this.httpPort), Arrays.stream(this.otherPorts)).boxed().toList();
	}

	public static List<PlatformService> inWave(Wave wave) {
		return Arrays.stream(values()).filter(s -> s.wave == wave).toList();
	}

}
