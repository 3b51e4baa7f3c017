package org.chatline.group.groups;

import java.util.UUID;

import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal group API tells members of SECRET groups to other services only: no credential or a
 * user's access token gets the 401 envelope, whoever the user is.
 */
class InternalApiSecurityIT extends GroupServiceTestSupport {

	@Test
	void refusesTheSecretGroupsMembersWithoutACredential() {
		var group = fixtures.groupWithMembers("SECRET", 0, 1);

		for (String path : internalPaths(group.id(), group.members().get(0))) {
			GroupApi.Reply reply = api.internal(path, null);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
			assertThat(reply.body().has("data")).isFalse();
		}
	}

	@Test
	void refusesAUsersAccessTokenEvenTheOwners() {
		var group = fixtures.groupWithMembers("SECRET", 0, 1);

		for (String path : internalPaths(group.id(), group.members().get(0))) {
			assertThat(api.internal(path, TestTokens.bearer(group.owner())).status()).as(path).isIn(401, 403);
			assertThat(api.internal(path, TestTokens.bearer(UUID.randomUUID())).status()).as(path).isIn(401, 403);
		}
	}

	@Test
	void answersAServiceToken() {
		var group = fixtures.groupWithMembers("SECRET", 0, 1);

		GroupApi.Reply members = api.internal("/internal/groups/" + group.id() + "/members",
				TestTokens.serviceBearer("call-service"));

		assertThat(members.status()).isEqualTo(200);
		assertThat(members.data().get("memberIds")).hasSize(2);
	}

	private static String[] internalPaths(UUID groupId, UUID member) {
		return new String[] { "/internal/groups/" + groupId + "/members",
				"/internal/groups/" + groupId + "/members/" + member, "/internal/users/" + member + "/groups" };
	}

	@Test
	void answersOnlyTheServicesThatAskAboutMemberships() {
		var group = fixtures.groupWithMembers("SECRET", 0, 1);

		for (String path : internalPaths(group.id(), group.members().get(0))) {
			GroupApi.Reply reply = api.internal(path, TestTokens.serviceBearer("user-service"));
			assertThat(reply.status()).as(path).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("FORBIDDEN");
			for (String caller : new String[] { "message-service", "call-service", "realtime-service" }) {
				assertThat(api.internal(path, TestTokens.serviceBearer(caller)).status()).as(caller + " " + path)
					.isEqualTo(200);
			}
		}
	}
}
