package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Group conversations, edits, deletes, receipts, reactions, search and sync, each with its refusals. */
class MessageFeaturesIT extends MessageIntegrationTest {

	@Test
	void groupMembersSendAndReadWhileOthersAreRefused() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID member = UUID.randomUUID();
		UUID outsider = UUID.randomUUID();
		UUID groupId = groupCreatedEvent(owner, List.of(owner, member));

		String id = sendToGroup(member, groupId, "hello team");
		Reply history = call("GET", "/api/v1/messages/group/" + groupId, owner, null);
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.data().get(0).get("id").asString()).isEqualTo(id);
		assertThat(history.data().get(0).get("groupId").asString()).isEqualTo(groupId.toString());

		Reply refusedSend = call("POST", "/api/v1/messages", outsider,
				"{\"content\":\"let me in\",\"groupId\":\"" + groupId + "\"}");
		assertThat(refusedSend.status()).isEqualTo(403);
		assertThat(refusedSend.code()).isEqualTo("FORBIDDEN");
		assertThat(call("GET", "/api/v1/messages/group/" + groupId, outsider, null).status()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/messages/" + id, outsider, null).status()).isEqualTo(404);
	}

	@Test
	void aRemovedMemberIsRefusedAtOnce() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID leaver = UUID.randomUUID();
		UUID groupId = groupCreatedEvent(owner, List.of(owner, leaver));
		String before = sendToGroup(owner, groupId, "before");

		memberRemovedEvent(groupId, leaver);

		assertThat(call("POST", "/api/v1/messages", leaver, "{\"content\":\"x\",\"groupId\":\"" + groupId + "\"}").status())
			.isEqualTo(403);
		assertThat(call("GET", "/api/v1/messages/" + before, leaver, null).status()).isEqualTo(404);
		assertThat(call("GET", "/api/v1/messages/search?query=before", leaver, null).data()).isEmpty();
	}

	@Test
	void aMemberAddedAMomentAgoIsNotRefused() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID newcomer = UUID.randomUUID();
		UUID groupId = OwnersStub.INSTANCE.addGroup(List.of(owner, newcomer));

		sendToGroup(newcomer, groupId, "first!");

		assertThat(jdbc.sql("select count(*) from message_receipt r join message m on m.id = r.message_id "
				+ "where m.group_id = ? and r.user_id = ?").params(groupId, owner).query(Long.class).single())
			.isEqualTo(1);
	}

	/** Reading is read-only: learning the membership from the owner must not write inside that transaction. */
	@Test
	void aMemberAddedAMomentAgoReadsTheGroupHistoryAtOnce() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID newcomer = UUID.randomUUID();
		UUID groupId = OwnersStub.INSTANCE.addGroup(List.of(owner, newcomer));

		Reply history = call("GET", "/api/v1/messages/group/" + groupId, newcomer, null);

		assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
		assertThat(history.data()).isEmpty();
		assertThat(jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
			.params(groupId, newcomer).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aMemberAddedAMomentAgoReadsAGroupMessageAtOnce() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID newcomer = UUID.randomUUID();
		UUID groupId = OwnersStub.INSTANCE.addGroup(List.of(owner));
		String id = sendToGroup(owner, groupId, "welcome aboard");
		OwnersStub.INSTANCE.addMember(groupId, newcomer);

		Reply message = call("GET", "/api/v1/messages/" + id, newcomer, null);

		assertThat(message.status()).as(message.body().toString()).isEqualTo(200);
		assertThat(message.data().get("content").asString()).isEqualTo("welcome aboard");
	}

	@Test
	void aStaleYesFromGroupServiceNeverBringsBackAMemberWhoseRemovalArrived() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID leaver = UUID.randomUUID();
		UUID groupId = OwnersStub.INSTANCE.addGroup(List.of(owner, leaver));
		String id = sendToGroup(owner, groupId, "before the removal");
		assertThat(call("GET", "/api/v1/messages/" + id, leaver, null).status()).isEqualTo(200);

		// The removal event arrives while group-service's answer still says "member" (a reply
		// that crossed the event): the owner's word is taken for that one request, but it is not
		// written back over the event.
		memberRemovedEvent(groupId, leaver);
		assertThat(call("GET", "/api/v1/messages/" + id, leaver, null).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
			.params(groupId, leaver).query(Long.class).single()).isZero();

		// Once group-service agrees, the removed member is refused; the copy never kept them.
		OwnersStub.INSTANCE.removeMember(groupId, leaver);
		assertThat(call("GET", "/api/v1/messages/group/" + groupId, leaver, null).status()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/messages/" + id, leaver, null).status()).isEqualTo(404);
	}

	@Test
	void onlyTheAuthorEditsAndDeletesAndDeletionLeavesATombstone() throws Exception {
		UUID author = UUID.randomUUID();
		UUID reader = MessageFixtures.knownUser(jdbc);
		String id = sendDirect(author, reader, "first draft");

		assertThat(call("PATCH", "/api/v1/messages/" + id, reader, "{\"content\":\"hacked\"}").status()).isEqualTo(403);
		assertThat(call("PATCH", "/api/v1/messages/" + id, UUID.randomUUID(), "{\"content\":\"x\"}").status())
			.isEqualTo(404);
		assertThat(call("PATCH", "/api/v1/messages/" + id, author, "{\"content\":\"\"}").status()).isEqualTo(400);

		Reply edited = call("PATCH", "/api/v1/messages/" + id, author, "{\"content\":\"final text\"}");
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.body().get("message").asString()).isEqualTo("Message edited successfully");
		assertThat(edited.data().get("content").asString()).isEqualTo("final text");
		assertThat(edited.data().get("edited").asBoolean()).isTrue();
		assertThat(edited.data().get("updatedAt").asString()).isNotEqualTo(edited.data().get("createdAt").asString());

		assertThat(call("DELETE", "/api/v1/messages/" + id, reader, null).status()).isEqualTo(403);
		Reply deleted = call("DELETE", "/api/v1/messages/" + id, author, null);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().get("message").asString()).isEqualTo("Message deleted successfully");
		assertThat(deleted.data().isNull()).isTrue();

		JsonNode tombstone = call("GET", "/api/v1/messages/" + id, reader, null).data();
		assertThat(tombstone.get("deleted").asBoolean()).isTrue();
		assertThat(tombstone.get("content").isNull()).isTrue();
		assertThat(jdbc.sql("select content from message where id = ?").param(UUID.fromString(id))
			.query(String.class).optional()).isEmpty();
		assertThat(call("PATCH", "/api/v1/messages/" + id, author, "{\"content\":\"undead\"}").status()).isEqualTo(409);
	}

	@Test
	void onlyRecipientsMarkAndMarkingNeverGoesBackwards() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String id = sendDirect(sender, receiver, "did you get this?");

		assertThat(call("POST", "/api/v1/messages/" + id + "/delivered", sender, null).status()).isEqualTo(403);
		assertThat(call("POST", "/api/v1/messages/" + id + "/seen", UUID.randomUUID(), null).status()).isEqualTo(404);

		Reply delivered = call("POST", "/api/v1/messages/" + id + "/delivered", receiver, null);
		assertThat(delivered.status()).isEqualTo(200);
		assertThat(delivered.data().get("id").asString()).isEqualTo(id);
		assertThat(delivered.data().get("status").asString()).isEqualTo("DELIVERED");
		assertThat(call("GET", "/api/v1/messages/" + id, sender, null).data().get("status").asString())
			.isEqualTo("DELIVERED");

		assertThat(call("POST", "/api/v1/messages/" + id + "/seen", receiver, null).data().get("status").asString())
			.isEqualTo("SEEN");
		assertThat(call("POST", "/api/v1/messages/" + id + "/delivered", receiver, null).data().get("status").asString())
			.isEqualTo("SEEN");
		assertThat(call("GET", "/api/v1/messages/" + id, sender, null).data().get("status").asString()).isEqualTo("SEEN");
	}

	@Test
	void aGroupMessageIsSeenOnlyWhenEveryRecipientHasSeenIt() throws Exception {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		UUID groupId = groupCreatedEvent(a, List.of(a, b, c));
		String id = sendToGroup(a, groupId, "read me");

		call("POST", "/api/v1/messages/" + id + "/seen", b, null);
		assertThat(call("GET", "/api/v1/messages/" + id, a, null).data().get("status").asString()).isEqualTo("DELIVERED");
		call("POST", "/api/v1/messages/" + id + "/seen", c, null);
		assertThat(call("GET", "/api/v1/messages/" + id, a, null).data().get("status").asString()).isEqualTo("SEEN");
	}

	@Test
	void reactionsAreOnePerUserAndEmojiAndValidated() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String id = sendDirect(sender, receiver, "react to me");
		String thumbs = "{\"emoji\":\"\uD83D\uDC4D\"}";

		Reply added = call("POST", "/api/v1/messages/" + id + "/react", receiver, thumbs);
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.body().get("message").asString()).isEqualTo("Reaction added");
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", receiver, thumbs).status()).isEqualTo(200);
		assertThat(reactionCount(id)).isEqualTo(1);
		// A family (ZWJ sequence) and a skin-toned thumb are single emoji too.
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender,
				"{\"emoji\":\"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"}").status()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender, "{\"emoji\":\"\uD83D\uDC4D\uD83C\uDFFD\"}")
			.status()).isEqualTo(200);

		for (String bad : new String[] { "{\"emoji\":\"abc\"}", "{\"emoji\":\"\"}", "{}",
				"{\"emoji\":\"" + "\uD83D\uDC4D".repeat(40) + "\"}", "{\"emoji\":\"1\"}" }) {
			Reply refused = call("POST", "/api/v1/messages/" + id + "/react", receiver, bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", UUID.randomUUID(), thumbs).status()).isEqualTo(404);

		Reply removed = call("DELETE", "/api/v1/messages/" + id + "/react", receiver, thumbs);
		assertThat(removed.body().get("message").asString()).isEqualTo("Reaction removed");
		assertThat(reactionCount(id)).isEqualTo(2);
	}

	@Test
	void searchFindsWordsAndPartialWordsOnlyInTheCallersConversations() throws Exception {
		String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
		UUID me = MessageFixtures.knownUser(jdbc);
		UUID friend = MessageFixtures.knownUser(jdbc);
		UUID stranger = UUID.randomUUID();
		UUID strangersFriend = MessageFixtures.knownUser(jdbc);
		String mine = sendDirect(me, friend, "meeting about " + marker + "project tomorrow");
		sendDirect(stranger, strangersFriend, "secret " + marker + "project plans");
		String cyrillic = sendDirect(friend, me, "привет " + marker);

		Reply byPartialWord = call("GET", "/api/v1/messages/search?query=" + marker + "proj", me, null);
		assertThat(byPartialWord.status()).isEqualTo(200);
		assertThat(ids(byPartialWord)).containsExactly(mine);
		assertThat(byPartialWord.body().get("pagination").get("total").asLong()).isEqualTo(1);

		Reply byWord = call("GET", "/api/v1/messages/search?query=" + marker, me, null);
		assertThat(ids(byWord)).containsExactlyInAnyOrder(mine, cyrillic);
		Reply nonLatin = call("GET", "/api/v1/messages/search?query=%D0%BF%D1%80%D0%B8%D0%B2", me, null);
		assertThat(ids(nonLatin)).contains(cyrillic);

		assertThat(call("GET", "/api/v1/messages/search", me, null).status()).isEqualTo(400);
		assertThat(call("GET", "/api/v1/messages/search?query=", me, null).status()).isEqualTo(400);
		assertThat(call("GET", "/api/v1/messages/search?query=x&limit=0", me, null).status()).isEqualTo(400);
	}

	@Test
	void syncReturnsEveryChangeSinceACursorExactlyOnce() throws Exception {
		UUID me = MessageFixtures.knownUser(jdbc);
		UUID friend = MessageFixtures.knownUser(jdbc);
		// A first exchange, then the cursor the client keeps.
		sendDirect(me, friend, "hi");
		String cursor = syncAll(me, null).get(syncAll(me, null).size() - 1).get("cursor").asString();

		// While offline: a new message, an edit, a reaction, a receipt and a deletion.
		String incoming = sendDirect(friend, me, "are you there?");
		String other = sendDirect(friend, me, "typo mesage");
		call("PATCH", "/api/v1/messages/" + other, friend, "{\"content\":\"typo message\"}");
		call("POST", "/api/v1/messages/" + incoming + "/react", friend, "{\"emoji\":\"\uD83D\uDC4D\"}");
		call("POST", "/api/v1/messages/" + incoming + "/seen", me, null);
		call("DELETE", "/api/v1/messages/" + other, friend, null);

		List<JsonNode> changes = syncAll(me, cursor);
		assertThat(changes).extracting(c -> c.get("kind").asString())
			.containsExactly("CREATED", "CREATED", "EDITED", "REACTION_ADDED", "SEEN", "DELETED");
		assertThat(changes.get(0).get("message").get("id").asString()).isEqualTo(incoming);
		assertThat(changes.get(3).get("emoji").asString()).isEqualTo("\uD83D\uDC4D");
		assertThat(changes.get(5).get("message").get("deleted").asBoolean()).isTrue();

		String last = changes.get(changes.size() - 1).get("cursor").asString();
		assertThat(syncAll(me, last)).isEmpty();
		assertThat(syncAll(UUID.randomUUID(), cursor)).isEmpty();
		assertThat(call("GET", "/api/v1/messages/sync?since=garbage", me, null).status()).isEqualTo(400);
	}

	@Test
	void historyCursorsPageThroughAConversationInSequence() throws Exception {
		UUID me = UUID.randomUUID();
		UUID friend = MessageFixtures.knownUser(jdbc);
		for (int i = 1; i <= 5; i++) {
			sendDirect(me, friend, "m" + i);
		}
		Reply newest = call("GET", "/api/v1/messages/direct/" + friend + "?limit=2", me, null);
		assertThat(contents(newest)).containsExactly("m5", "m4");
		long oldestSeen = newest.data().get(1).get("seq").asLong();

		Reply older = call("GET", "/api/v1/messages/direct/" + friend + "?limit=2&before=" + oldestSeen, me, null);
		assertThat(contents(older)).containsExactly("m3", "m2");
		Reply newer = call("GET", "/api/v1/messages/direct/" + friend + "?limit=10&after=" + oldestSeen, me, null);
		assertThat(contents(newer)).containsExactly("m5");
		assertThat(call("GET", "/api/v1/messages/direct/" + me + "?limit=10", friend, null).data().size()).isEqualTo(5);
		assertThat(call("GET", "/api/v1/messages/direct/" + friend + "?before=1&after=2", me, null).status()).isEqualTo(400);
	}

	@Test
	void aReplyMustStayInItsParentsConversation() throws Exception {
		UUID me = UUID.randomUUID();
		UUID friend = MessageFixtures.knownUser(jdbc);
		UUID other = MessageFixtures.knownUser(jdbc);
		String parent = sendDirect(UUID.randomUUID(), other, "someone else's thread");
		String own = sendDirect(me, friend, "root");

		Reply leak = call("POST", "/api/v1/messages", me, "{\"content\":\"reply\",\"receiverId\":\"" + friend
				+ "\",\"parentId\":\"" + parent + "\"}");
		assertThat(leak.status()).isEqualTo(404);
		Reply reply = call("POST", "/api/v1/messages", me,
				"{\"content\":\"reply\",\"receiverId\":\"" + friend + "\",\"parentId\":\"" + own + "\"}");
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.data().get("parentId").asString()).isEqualTo(own);
	}

	private long reactionCount(String messageId) {
		return jdbc.sql("select count(*) from reaction where message_id = ?").param(UUID.fromString(messageId))
			.query(Long.class).single();
	}

	private List<JsonNode> syncAll(UUID user, String since) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String cursor = since;
		while (true) {
			Reply page = call("GET", "/api/v1/messages/sync?limit=2" + (cursor == null ? "" : "&since=" + cursor), user, null);
			assertThat(page.status()).isEqualTo(200);
			page.data().get("changes").forEach(all::add);
			cursor = page.data().get("nextCursor").asString();
			if (!page.data().get("hasMore").asBoolean()) {
				return all;
			}
		}
	}

	private static List<String> ids(Reply reply) {
		List<String> ids = new ArrayList<>();
		reply.data().forEach(m -> ids.add(m.get("id").asString()));
		return ids;
	}

	private static List<String> contents(Reply reply) {
		List<String> contents = new ArrayList<>();
		reply.data().forEach(m -> contents.add(m.get("content").asString()));
		return contents;
	}
}
