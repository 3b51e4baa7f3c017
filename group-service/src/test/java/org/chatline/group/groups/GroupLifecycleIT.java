package org.chatline.group.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatline.group.groups.GroupFixtures.createBody;

/** Creating, reading, listing, updating and deleting groups: fields, validation, visibility, roles. */
class GroupLifecycleIT extends GroupServiceTestSupport {

	@Test
	void createsGroupWithContractFieldsAndMakesTheCreatorItsOwner() {
		UUID owner = UUID.randomUUID();
		GroupApi.Reply created = api.post("/api/v1/groups", owner,
				createBody("Project Team", "Discussion group for our project", "https://example.com/cover.jpg", "PRIVATE"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("success").asBoolean()).isTrue();
		assertThat(created.message()).isEqualTo("Group created successfully");
		JsonNode data = created.data();
		assertThat(data.get("title").asString()).isEqualTo("Project Team");
		assertThat(data.get("description").asString()).isEqualTo("Discussion group for our project");
		assertThat(data.get("cover").asString()).isEqualTo("https://example.com/cover.jpg");
		assertThat(data.get("type").asString()).isEqualTo("PRIVATE");
		assertThat(data.get("createdAt").asString()).endsWith("Z");
		assertThat(data.get("memberCount").asLong()).isEqualTo(1);
		String id = data.get("id").asString();

		GroupApi.Reply read = api.get("/api/v1/groups/" + id, owner);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data().get("id").asString()).isEqualTo(id);
		assertThat(read.data().get("createdAt").asString()).isEqualTo(data.get("createdAt").asString());
		JsonNode members = read.data().get("members");
		assertThat(members).hasSize(1);
		assertThat(members.get(0).get("userId").asString()).isEqualTo(owner.toString());
		assertThat(members.get(0).get("role").asString()).isEqualTo("OWNER");
		assertThat(members.get(0).get("joinedAt").asString()).endsWith("Z");
	}

	@Test
	void acceptsTheLongestTitleAndDescriptionAndOmittedOptionalFields() {
		GroupApi.Reply longest = api.post("/api/v1/groups", UUID.randomUUID(),
				createBody("t".repeat(100), "d".repeat(500), null, "SECRET"));
		assertThat(longest.status()).isEqualTo(201);
		assertThat(longest.data().get("title").asString()).hasSize(100);

		GroupApi.Reply minimal = api.post("/api/v1/groups", UUID.randomUUID(), "{\"title\":\"x\",\"type\":\"PUBLIC\"}");
		assertThat(minimal.status()).isEqualTo(201);
		assertThat(minimal.data().get("description").isNull()).isTrue();
		assertThat(minimal.data().get("cover").isNull()).isTrue();
	}

	/** Not an absolute https:// URL with a host (plain http:// only with PROFILE_URLS_ALLOW_HTTP, off here). */
	private static final String[] UNSAFE_COVERS = { "javascript:alert(1)", "JavaScript:alert(1)",
			"data:image/png;base64,AA==", "/covers/c.jpg", "//evil.example/c.jpg", "http://example.com/c.jpg",
			"https://", "https:///c.jpg", "https://u:p@example.com/c.jpg", "https://\"><script>alert(1)</script>",
			"https://example.com/c.jpg\\x", "file:///etc/passwd" };

	@Test
	void refusesInvalidGroupsWithTheValidationEnvelope() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("missing title", "{\"type\":\"PRIVATE\"}");
		cases.put("empty title", createBody("", null, null, "PRIVATE"));
		cases.put("blank title", createBody("   ", null, null, "PRIVATE"));
		cases.put("title of 101", createBody("t".repeat(101), null, null, "PRIVATE"));
		cases.put("description of 501", createBody("ok", "d".repeat(501), null, "PRIVATE"));
		cases.put("missing type", createBody("ok", null, null, null));
		cases.put("unknown type", createBody("ok", null, null, "CLOSED"));
		cases.put("lower-case type", createBody("ok", null, null, "private"));
		cases.put("cover not a URL", createBody("ok", null, "cover.jpg", "PRIVATE"));
		for (String cover : UNSAFE_COVERS) {
			cases.put("cover " + cover, createBody("ok", null, cover, "PRIVATE"));
		}
		cases.put("title not a string", "{\"title\":{},\"type\":\"PRIVATE\"}");
		cases.put("malformed JSON", "{\"title\":");
		cases.put("no body", null);
		UUID caller = UUID.randomUUID();
		for (var c : cases.entrySet()) {
			GroupApi.Reply reply = api.post("/api/v1/groups", caller, c.getValue());
			assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
			assertThat(reply.body().get("success").asBoolean()).as(c.getKey()).isFalse();
			assertThat(reply.code()).as(c.getKey()).isEqualTo("VALIDATION_ERROR");
			assertThat(reply.message()).as(c.getKey()).isNotBlank();
		}
		assertThat(api.post("/api/v1/groups", caller, createBody("t".repeat(101), null, null, "PRIVATE")).message())
			.contains("title");
		assertThat(jdbc.sql("select count(*) from group_member where user_id = ?").param(caller).query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesCallsWithoutAToken() {
		UUID id = fixtures.group(UUID.randomUUID(), "PUBLIC");
		String group = "/api/v1/groups/" + id;
		String[][] calls = { { "POST", "/api/v1/groups" }, { "GET", "/api/v1/groups" }, { "GET", group },
				{ "PATCH", group }, { "DELETE", group }, { "POST", group + "/members" },
				{ "DELETE", group + "/members/" + UUID.randomUUID() }, { "POST", group + "/leave" },
				{ "POST", group + "/join" } };
		for (String[] call : calls) {
			GroupApi.Reply reply = api.call(call[0], call[1], null, "{}");
			assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(401);
			assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void privateGroupsAreReadByMembersOnlyAndOutsidersAreRefused() {
		var group = fixtures.groupWithMembers("PRIVATE", 1, 1);
		for (UUID member : List.of(group.owner(), group.admins().get(0), group.members().get(0))) {
			GroupApi.Reply reply = api.get(group.path(), member);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.data().get("members")).hasSize(3);
		}
		GroupApi.Reply outsider = api.get(group.path(), UUID.randomUUID());
		assertThat(outsider.status()).isEqualTo(403);
		assertThat(outsider.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void secretGroupsAreInvisibleToOutsiders() {
		var group = fixtures.groupWithMembers("SECRET", 0, 1);
		assertThat(api.get(group.path(), group.members().get(0)).status()).isEqualTo(200);
		GroupApi.Reply outsider = api.get(group.path(), UUID.randomUUID());
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.code()).isEqualTo("NOT_FOUND");
		assertThat(outsider.message()).isEqualTo("Group not found");
	}

	@Test
	void publicGroupsAreReadByAnyAuthenticatedUser() {
		var group = fixtures.groupWithMembers("PUBLIC", 0, 1);
		GroupApi.Reply outsider = api.get(group.path(), UUID.randomUUID());
		assertThat(outsider.status()).isEqualTo(200);
		assertThat(outsider.data().get("type").asString()).isEqualTo("PUBLIC");
		assertThat(outsider.data().get("members")).hasSize(2);
	}

	@Test
	void unknownAndMalformedGroupIdsAreRefused() {
		GroupApi.Reply unknown = api.get("/api/v1/groups/" + UUID.randomUUID(), UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");
		GroupApi.Reply malformed = api.get("/api/v1/groups/not-a-uuid", UUID.randomUUID());
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("VALIDATION_ERROR");
		for (String method : List.of("PATCH", "DELETE")) {
			assertThat(api.call(method, "/api/v1/groups/" + UUID.randomUUID(), UUID.randomUUID(), "{\"title\":\"x\"}")
				.status()).as(method).isEqualTo(404);
		}
	}

	@Test
	void ownerAndAdminsUpdateTheGroup() {
		var group = fixtures.groupWithMembers("PRIVATE", 1, 0);
		GroupApi.Reply byOwner = api.patch(group.path(), group.owner(),
				"{\"title\":\"Updated Group Name\",\"description\":\"Updated description\",\"cover\":\"https://example.com/new-cover.jpg\",\"type\":\"PUBLIC\"}");
		assertThat(byOwner.status()).isEqualTo(200);
		assertThat(byOwner.message()).isEqualTo("Group updated successfully");
		assertThat(byOwner.data().get("id").asString()).isEqualTo(group.id().toString());
		assertThat(byOwner.data().get("title").asString()).isEqualTo("Updated Group Name");
		assertThat(byOwner.data().get("description").asString()).isEqualTo("Updated description");
		assertThat(byOwner.data().get("cover").asString()).isEqualTo("https://example.com/new-cover.jpg");
		assertThat(byOwner.data().get("type").asString()).isEqualTo("PUBLIC");

		// Only what is sent changes; an empty description removes it.
		GroupApi.Reply byAdmin = api.patch(group.path(), group.admins().get(0), "{\"description\":\"\"}");
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.data().get("title").asString()).isEqualTo("Updated Group Name");
		assertThat(byAdmin.data().get("description").isNull()).isTrue();
		assertThat(byAdmin.data().get("type").asString()).isEqualTo("PUBLIC");
		assertThat(api.get(group.path(), group.owner()).data().get("description").isNull()).isTrue();
	}

	@Test
	void membersAndOutsidersCannotUpdateTheGroup() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		String body = "{\"title\":\"hijacked\"}";
		GroupApi.Reply member = api.patch(group.path(), group.members().get(0), body);
		assertThat(member.status()).isEqualTo(403);
		assertThat(member.code()).isEqualTo("FORBIDDEN");
		assertThat(api.patch(group.path(), UUID.randomUUID(), body).status()).isEqualTo(403);

		var secret = fixtures.groupWithMembers("SECRET", 0, 0);
		assertThat(api.patch(secret.path(), UUID.randomUUID(), body).status()).isEqualTo(404);
		var open = fixtures.groupWithMembers("PUBLIC", 0, 0);
		assertThat(api.patch(open.path(), UUID.randomUUID(), body).status()).isEqualTo(403);

		assertThat(api.get(group.path(), group.owner()).data().get("title").asString()).isNotEqualTo("hijacked");
	}

	@Test
	void refusesInvalidUpdates() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 0);
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("empty title", "{\"title\":\"\"}");
		cases.put("blank title", "{\"title\":\"  \"}");
		cases.put("title of 101", "{\"title\":\"" + "t".repeat(101) + "\"}");
		cases.put("description of 501", "{\"description\":\"" + "d".repeat(501) + "\"}");
		cases.put("unknown type", "{\"type\":\"OPEN\"}");
		cases.put("cover not a URL", "{\"cover\":\"ftp:/x\"}");
		for (String cover : UNSAFE_COVERS) {
			cases.put("cover " + cover, "{\"cover\":" + GroupFixtures.quote(cover) + "}");
		}
		cases.put("nothing to change", "{}");
		cases.put("malformed JSON", "{\"title\"");
		for (var c : cases.entrySet()) {
			GroupApi.Reply reply = api.patch(group.path(), group.owner(), c.getValue());
			assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
			assertThat(reply.code()).as(c.getKey()).isEqualTo("VALIDATION_ERROR");
		}
	}

	@Test
	void onlyTheOwnerDeletesTheGroup() {
		var group = fixtures.groupWithMembers("PRIVATE", 1, 1);
		for (UUID refused : List.of(group.admins().get(0), group.members().get(0), UUID.randomUUID())) {
			GroupApi.Reply reply = api.delete(group.path(), refused);
			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("FORBIDDEN");
		}
		var secret = fixtures.groupWithMembers("SECRET", 0, 0);
		assertThat(api.delete(secret.path(), UUID.randomUUID()).status()).isEqualTo(404);

		GroupApi.Reply deleted = api.delete(group.path(), group.owner());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.message()).isEqualTo("Group deleted successfully");
		assertThat(deleted.body().has("data")).isTrue();
		assertThat(deleted.data().isNull()).isTrue();
		assertThat(api.get(group.path(), group.owner()).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from group_member where group_id = ?").param(group.id()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void listsTheCallersGroupsNewestMembershipFirstWithPagination() {
		UUID me = fixtures.knownUser();
		List<UUID> joined = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			UUID other = UUID.randomUUID();
			UUID id = fixtures.group(other, i % 2 == 0 ? "PRIVATE" : "SECRET");
			api.post("/api/v1/groups/" + id + "/members", other, GroupFixtures.memberBody(me, "MEMBER"));
			joined.add(0, id);
		}
		fixtures.group(UUID.randomUUID(), "PUBLIC"); // not mine

		GroupApi.Reply first = api.get("/api/v1/groups?page=1&limit=2", me);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("success").asBoolean()).isTrue();
		assertThat(ids(first)).containsExactly(joined.get(0), joined.get(1));
		JsonNode pagination = first.body().get("pagination");
		assertThat(pagination.get("page").asInt()).isEqualTo(1);
		assertThat(pagination.get("limit").asInt()).isEqualTo(2);
		assertThat(pagination.get("total").asLong()).isEqualTo(5);
		assertThat(pagination.get("totalPages").asLong()).isEqualTo(3);
		JsonNode item = first.body().get("data").get(0);
		assertThat(item.get("title").asString()).isNotBlank();
		assertThat(item.get("type").asString()).isIn("PRIVATE", "SECRET");
		assertThat(item.get("role").asString()).isEqualTo("MEMBER");
		assertThat(item.get("memberCount").asLong()).isEqualTo(2);

		assertThat(ids(api.get("/api/v1/groups?page=2&limit=2", me))).containsExactly(joined.get(2), joined.get(3));
		assertThat(ids(api.get("/api/v1/groups?page=3&limit=2", me))).containsExactly(joined.get(4));
		GroupApi.Reply beyond = api.get("/api/v1/groups?page=4&limit=2", me);
		assertThat(beyond.status()).isEqualTo(200);
		assertThat(beyond.body().get("data")).isEmpty();
		assertThat(beyond.body().get("pagination").get("total").asLong()).isEqualTo(5);

		GroupApi.Reply defaults = api.get("/api/v1/groups", me);
		assertThat(ids(defaults)).isEqualTo(joined);
		assertThat(defaults.body().get("pagination").get("page").asInt()).isEqualTo(1);
		assertThat(defaults.body().get("pagination").get("limit").asInt()).isEqualTo(20);
		assertThat(defaults.body().get("pagination").get("totalPages").asLong()).isEqualTo(1);
		assertThat(api.get("/api/v1/groups?limit=100", me).status()).isEqualTo(200);

		GroupApi.Reply none = api.get("/api/v1/groups", UUID.randomUUID());
		assertThat(none.body().get("data")).isEmpty();
		assertThat(none.body().get("pagination").get("total").asLong()).isZero();
		assertThat(none.body().get("pagination").get("totalPages").asLong()).isZero();
	}

	@Test
	void refusesInvalidPaging() {
		for (String query : List.of("limit=101", "limit=0", "page=0", "page=-1", "page=abc", "limit=ten")) {
			GroupApi.Reply reply = api.get("/api/v1/groups?" + query, UUID.randomUUID());
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.code()).as(query).isEqualTo("VALIDATION_ERROR");
		}
	}

	private static List<UUID> ids(GroupApi.Reply page) {
		List<UUID> ids = new ArrayList<>();
		page.body().get("data").forEach(g -> ids.add(UUID.fromString(g.get("id").asString())));
		return ids;
	}
}
