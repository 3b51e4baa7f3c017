package org.chatline.common.readiness;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredServicesHealthIndicatorTests {

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final RequiredServicesHealthIndicator indicator = new RequiredServicesHealthIndicator(
			List.of("user-service", "group-service"), known::contains);

	@Test
	void isDownNamingEachServiceThatCannotBeResolvedYet() {
		known.add("user-service");

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().getDetails()).containsEntry("unresolvable", List.of("group-service"));
	}

	@Test
	void isUpOnceEveryRequiredServiceResolvesAndStaysUpThroughALaterOutage() {
		known.addAll(List.of("user-service", "group-service"));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		known.clear();

		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void isUpWhenNothingIsRequired() {
		assertThat(new RequiredServicesHealthIndicator(List.of(), id -> false).health().getStatus())
			.isEqualTo(Status.UP);
	}
}
