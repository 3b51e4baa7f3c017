package org.chatline.common.readiness;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while a service this one calls cannot be resolved, so that "ready" means every path through
 * this service can work: a service registered in Eureka is not yet in the callers' discovery caches,
 * and a request in that window answers 503. Asked the way a call asks, through the load balancer.
 * <p>
 * A start-up condition: once every required service was resolvable, the indicator stays UP. A
 * later outage of a called service is answered per request (a quick 503); taking this service out
 * of rotation for it would spread the outage to the paths that do not need that service.
 */
public class RequiredServicesHealthIndicator implements HealthIndicator {

	private final List<String> required;

	private final Predicate<String> resolvable;

	private volatile boolean resolvedOnce;

	/**
	 * @param required the service ids this service calls ({@code chat.readiness.requires})
	 * @param resolvable whether the load balancer has an instance of a service id now
	 */
	public RequiredServicesHealthIndicator(List<String> required, Predicate<String> resolvable) {
		this.required = List.copyOf(required);
		this.resolvable = resolvable;
	}

	@Override
	public Health health() {
		if (resolvedOnce) {
			return Health.up().withDetail("requires", required).build();
		}
		List<String> missing = required.stream().filter(resolvable.negate()).toList();
		resolvedOnce = missing.isEmpty();
		return (missing.isEmpty() ? Health.up() : Health.down().withDetail("unresolvable", missing))
			.withDetail("requires", required)
			.build();
	}
}
