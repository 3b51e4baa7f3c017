package org.chatline.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathFilterTests {

	@Test
	void passesCanonicalPaths() {
		for (String path : new String[] { "/", "/api/v1/auth/login", "/socket.io/", "/api/v1/users/a%20b",
				"/api/v1/users/%C3%A9", "/api/v1/users/a%3Fb", "/api/v1/messages/..a", "/api/v1/messages/a.b" }) {
			assertThat(CanonicalPathFilter.problem(path)).as(path).isNull();
		}
	}

	@Test
	void refusesEveryOtherReadingOfAPath() {
		for (String path : new String[] { "", "api/v1", "/api/v1/auth/login;x=1", "/api/v1/auth/login;",
				"/api/v1/auth/%6cogin", "/api/v1/auth/%4Cogin", "/api/v1/auth/login%2E", "/a%2d", "/a%5F", "/a%7e",
				"/a%39", "/a%2F", "/a%5c", "/a%00", "/a/../b", "/a/./b", "/a/..", "/a/.", "/..", "//a", "/a//b",
				"/a%", "/a%2", "/a%zz", "/a\\b" }) {
			assertThat(CanonicalPathFilter.problem(path)).as(path).isNotNull();
		}
	}
}
