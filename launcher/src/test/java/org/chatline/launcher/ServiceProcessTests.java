package org.chatline.launcher;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTests {

	@Test
	void summarizesSpringBootsFailureReport() {
		List<String> log = List.of("INFO starting", "", "***************************", "APPLICATION FAILED TO START",
				"***************************", "", "Description:", "", "Web server failed to start. Port 8081 was already in use.",
				"", "Action:", "", "Identify and stop the process that's listening on port 8081.");

		String summary = ServiceProcess.failureSummary(log);

		assertThat(summary).contains("APPLICATION FAILED TO START", "Port 8081 was already in use", "Action:")
			.doesNotContain("INFO starting", "*****");
	}

	@Test
	void summarizesAnExceptionByItsErrorLineAndRootCausesWithoutStackFrames() {
		List<String> log = List.of("2026 INFO fine", "2026 ERROR 478 --- [main] o.s.boot.SpringApplication : Application run failed",
				"org.springframework.beans.factory.UnsatisfiedDependencyException: outer",
				"\tat org.springframework.beans.factory.support.ConstructorResolver.createArgumentArray(X.java:1)",
				"Caused by: java.lang.IllegalStateException: middle", "\tat a.b.C(D.java:2)",
				"Caused by: java.lang.NoSuchMethodException: org.chatline.auth.token.TokenIssuer.<init>()");

		String summary = ServiceProcess.failureSummary(log);

		assertThat(summary).contains("Application run failed", "Caused by: java.lang.IllegalStateException: middle",
				"TokenIssuer.<init>()")
			.doesNotContain("\tat ", "INFO fine");
	}

	@Test
	void fallsBackToTheLastLinesWithoutStackFrames() {
		List<String> log = List.of("one", "\tat x.Y(Z.java:1)", "two");

		assertThat(ServiceProcess.failureSummary(log)).isEqualTo("  | one" + System.lineSeparator() + "  | two");
	}

}
