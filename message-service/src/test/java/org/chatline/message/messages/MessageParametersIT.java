package org.chatline.message.messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed cursor, id or paging parameter is a 400 with the envelope: never a 500, never a
 * silent empty page. And the reactions one user may leave on one message are real emoji, at most
 * {@link InteractionService#MAX_REACTIONS_PER_USER} different ones.
 */
class MessageParametersIT extends MessageIntegrationTest {

	@Test
	void refusesMalformedSyncCursorsAndLimits() throws Exception {
		UUID me = UUID.randomUUID();
		for (String since : new String[] { "99999999999999999999-0", "9999999999999999999-0", "0-9999999999999999999",
				"18446744073709551615-0", "-1-0", "0--1", "1-", "-1", "1-2-3", "garbage", "1e3-0", " 1-1", "1-1 ",
				"\u0661-0", "0x1-0" }) {
			assertRefused(call("GET", "/api/v1/messages/sync?since=" + encode(since), me, null), since);
		}
		for (String limit : new String[] { "0", "-1", "101", "2147483648", "99999999999999999999", "abc", "1.5" }) {
			assertRefused(call("GET", "/api/v1/messages/sync?limit=" + limit, me, null), limit);
		}
		// The largest cursor a client can hold is still a cursor.
		assertThat(call("GET", "/api/v1/messages/sync?since=9223372036854775807-9223372036854775807", me, null).status())
			.isEqualTo(200);
	}

	@Test
	void refusesMalformedHistoryCursorsPagesAndIds() throws Exception {
		UUID me = UUID.randomUUID();
		UUID friend = MessageFixtures.knownUser(jdbc);
		sendDirect(me, friend, "hello");
		String direct = "/api/v1/messages/direct/" + friend;
		String group = "/api/v1/messages/group/" + UUID.randomUUID();
		for (String query : new String[] { "before=-1", "after=-5", "before=99999999999999999999", "after=abc",
				"before=1.5", "page=0", "page=-1", "page=1000001", "page=99999999999", "limit=0", "limit=101",
				"limit=-2147483649", "page=x" }) {
			assertRefused(call("GET", direct + "?" + query, me, null), query);
			assertRefused(call("GET", group + "?" + query, me, null), "group " + query);
		}
		for (String path : new String[] { "/api/v1/messages/direct/not-a-uuid", "/api/v1/messages/group/1",
				"/api/v1/messages/123", "/api/v1/messages/" + UUID.randomUUID() + "x" }) {
			assertRefused(call("GET", path, me, null), path);
		}
		assertThat(call("GET", direct + "?before=0", me, null).status()).isEqualTo(200);
		assertThat(call("GET", direct + "?after=0", me, null).status()).isEqualTo(200);
	}

	@Test
	void refusesMalformedSearchParameters() throws Exception {
		UUID me = UUID.randomUUID();
		for (String query : new String[] { "", "query=", "query=%20%20", "query=" + "a".repeat(201), "query=a&page=0",
				"query=a&limit=1000", "query=a&page=99999999999", "query=a&limit=x" }) {
			assertRefused(call("GET", "/api/v1/messages/search?" + query, me, null), query);
		}
	}

	@Test
	void acceptsRealEmojiOnlyWithoutInvisibleCharacters() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String id = sendDirect(sender, receiver, "react to me");
		for (String emoji : new String[] { "\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDC4D\uD83C\uDFFD",
				"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "1\uFE0F\u20E3",
				"#\u20E3", "\uD83C\uDDEB\uD83C\uDDF7",
				// Scotland: a black flag with tag characters g b s c t and the cancel tag.
				"\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
				"\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83D\uDCBB" }) {
			assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender, reaction(emoji)).status()).as(emoji)
				.isEqualTo(200);
		}
		String tagA = "\uDB40\uDC41";
		for (String emoji : new String[] { "\uD83D\uDC4D" + tagA + tagA, tagA + "\uD83D\uDC4D",
				"\uD83D\uDC4D\uDB40\uDC7F", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62", "\uD83D\uDC4D\u200D",
				"\u200D\uD83D\uDC4D", "\uD83D\uDC4D\u200D\u200D\uD83D\uDC4D", "\uD83D\uDC4D\u200B", "\uD83D\uDC4D\u2060",
				"\uD83D\uDC4D\u00AD", "\uD83D\uDC4D\uFE0E", "\uD83D\uDC4D\u200E", "\uD83D\uDC4D\u202E", "\uD83D\uDC4D\n",
				"\uD83D\uDC4D\u0000", "\uD83D\uDC4D\uFE0F\uFE0F", "\uD83C\uDFFD\uD83C\uDFFD", "\u20E3", "\uD83D\uDC4D\u20E3",
				"\uD83C\uDDEB", "\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDEB", "\uD83D\uDC4D\uD83D\uDC4D", "\uFE0F" }) {
			Reply refused = call("POST", "/api/v1/messages/" + id + "/react", sender, reaction(emoji));
			assertRefused(refused, emoji.codePoints().mapToObj(Integer::toHexString).toList().toString());
		}
	}

	@Test
	void limitsTheDifferentReactionsOfOneUserOnOneMessage() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String id = sendDirect(sender, receiver, "react to me");
		int max = InteractionService.MAX_REACTIONS_PER_USER;
		for (int i = 0; i < max; i++) {
			String emoji = new String(Character.toChars(0x1F600 + i));
			assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender, reaction(emoji)).status()).isEqualTo(200);
		}
		Reply refused = call("POST", "/api/v1/messages/" + id + "/react", sender,
				reaction(new String(Character.toChars(0x1F600 + max))));
		assertRefused(refused, "reaction " + (max + 1));
		assertThat(refused.body().get("message").asString()).contains(Integer.toString(max));
		// Repeating one already there changes nothing and is not refused; another user has their own allowance.
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender, reaction("\uD83D\uDE00")).status())
			.isEqualTo(200);
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", receiver,
				reaction(new String(Character.toChars(0x1F600 + max)))).status()).isEqualTo(200);
		// Removing one makes room for another.
		assertThat(call("DELETE", "/api/v1/messages/" + id + "/react", sender, reaction("\uD83D\uDE00")).status())
			.isEqualTo(200);
		assertThat(call("POST", "/api/v1/messages/" + id + "/react", sender,
				reaction(new String(Character.toChars(0x1F600 + max)))).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from reaction where message_id = ? and user_id = ?")
			.params(UUID.fromString(id), sender).query(Long.class).single()).isEqualTo(max);
	}

	private static String reaction(String emoji) {
		StringBuilder escaped = new StringBuilder();
		emoji.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
		return "{\"emoji\":\"" + escaped + "\"}";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void assertRefused(Reply reply, String what) {
		assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(400);
		assertThat(reply.body().get("success").asBoolean()).isFalse();
		assertThat(reply.code()).as(what).isEqualTo("VALIDATION_ERROR");
	}
}
