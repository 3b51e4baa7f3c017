package org.chatline.gateway.health;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatline.common.api.ApiResponse;
import org.chatline.gateway.edge.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/** The contract's health, readiness and metrics endpoints, answered by the gateway itself. */
@RestController
@RequestMapping("/api/v1")
class HealthController {

	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

	/** Services whose readiness includes their database. */
	private static final List<String> DATABASE_OWNERS = List.of("auth-service", "user-service", "message-service",
			"group-service", "call-service", "attachment-service");

	private final ReactiveRedisConnectionFactory redis;

	private final WebClient services;

	private final List<String> readyServices;

	HealthController(ReactiveRedisConnectionFactory redis, WebClient.Builder loadBalancedWebClientBuilder,
			GatewayProperties properties) {
		this.redis = redis;
		this.services = loadBalancedWebClientBuilder.build();
		this.readyServices = properties.readyServices();
	}

	@GetMapping("/health")
	ApiResponse<Map<String, Object>> health() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("status", "healthy");
		data.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS));
		data.put("uptime", uptimeSeconds());
		return ApiResponse.ok("Service is healthy", data);
	}

	@GetMapping("/health/ready")
	Mono<ResponseEntity<ApiResponse<Map<String, Object>>>> ready() {
		Mono<Boolean> redisUp = Mono.usingWhen(Mono.fromSupplier(redis::getReactiveConnection),
				connection -> connection.ping().map("PONG"::equalsIgnoreCase), connection -> connection.closeLater())
			.timeout(CHECK_TIMEOUT)
			.onErrorReturn(false);
		Mono<Map<String, Boolean>> servicesUp = Flux.fromIterable(readyServices)
			.flatMap(service -> services.get()
				.uri("http://" + service + "/actuator/health/readiness")
				.retrieve()
				.toBodilessEntity()
				.map(r -> r.getStatusCode().is2xxSuccessful())
				.timeout(CHECK_TIMEOUT)
				.onErrorReturn(false)
				.map(up -> Map.entry(service, up)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(redisUp, servicesUp).map(results -> {
			boolean redisOk = results.getT1();
			Map<String, Boolean> up = results.getT2();
			boolean databaseOk = DATABASE_OWNERS.stream()
				.filter(readyServices::contains)
				.allMatch(s -> up.getOrDefault(s, false));
			boolean allOk = redisOk && up.values().stream().allMatch(Boolean::booleanValue);
			Map<String, Object> checks = new LinkedHashMap<>();
			checks.put("database", databaseOk ? "connected" : "disconnected");
			checks.put("redis", redisOk ? "connected" : "disconnected");
			Map<String, String> serviceChecks = new LinkedHashMap<>();
			readyServices.forEach(s -> serviceChecks.put(s, up.getOrDefault(s, false) ? "ready" : "unavailable"));
			checks.put("services", serviceChecks);
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("status", allOk ? "ready" : "not ready");
			data.put("checks", checks);
			return ResponseEntity.status(allOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
				.body(new ApiResponse<>(allOk, allOk ? "Service is ready" : "Service is not ready", data));
		});
	}

	@GetMapping("/metrics")
	ApiResponse<Map<String, Object>> metrics() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ProcessStats stats = ProcessStats.read();
		Map<String, Object> mem = new LinkedHashMap<>();
		mem.put("rss", stats.rssBytes());
		mem.put("heapTotal", memory.getHeapMemoryUsage().getCommitted());
		mem.put("heapUsed", memory.getHeapMemoryUsage().getUsed());
		mem.put("external", memory.getNonHeapMemoryUsage().getUsed());
		Map<String, Object> process = new LinkedHashMap<>();
		process.put("uptime", uptimeSeconds());
		process.put("memory", mem);
		process.put("cpu", Map.of("user", stats.userMicros(), "system", stats.systemMicros()));
		Map<String, Object> runtime = new LinkedHashMap<>();
		runtime.put("name", System.getProperty("java.vm.name"));
		runtime.put("version", System.getProperty("java.version"));
		runtime.put("platform", System.getProperty("os.name").toLowerCase());
		runtime.put("arch", System.getProperty("os.arch"));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("process", process);
		data.put("runtime", runtime);
		return ApiResponse.ok("Metrics retrieved", data);
	}

	private static long uptimeSeconds() {
		return ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
	}
}
