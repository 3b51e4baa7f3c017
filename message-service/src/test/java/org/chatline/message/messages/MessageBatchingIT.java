package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent sends are stored in batches, one transaction each ({@link MessageWriter}): every send is
 * answered with its own message, sequence numbers stay gapless per conversation, and one bad send
 * in a batch fails alone.
 */
class MessageBatchingIT extends MessageIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void concurrentSendsShareTransactionsAndKeepEveryConversationGapless() throws Exception {
		UUID sender = UUID.randomUUID();
		List<UUID> receivers = List.of(MessageFixtures.knownUser(jdbc), MessageFixtures.knownUser(jdbc),
				MessageFixtures.knownUser(jdbc));
		UUID member = UUID.randomUUID();
		UUID groupId = groupCreatedEvent(sender, List.of(sender, member));
		long batchesBefore = batches().count();
		double largestBefore = batches().max();

		List<Callable<Reply>> sends = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			String content = "burst " + i;
			String body = i % 4 == 3 ? "{\"content\":\"" + content + "\",\"groupId\":\"" + groupId + "\"}"
					: MessageFixtures.directMessage(receivers.get(i % 4), content);
			sends.add(() -> call("POST", "/api/v1/messages", sender, body));
		}
		List<Reply> replies = all(sends);

		assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201));
		assertThat(replies.stream().map(reply -> reply.data().get("id").asString()).distinct()).hasSize(120);
		List<String> conversations = jdbc
			.sql("select distinct conversation_id from message where sender_id = ?")
			.param(sender)
			.query(String.class)
			.list();
		assertThat(conversations).hasSize(4);
		for (String conversation : conversations) {
			List<Long> seqs = jdbc.sql("select seq from message where conversation_id = ? order by seq")
				.param(conversation)
				.query(Long.class)
				.list();
			assertThat(seqs).as(conversation).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
			List<Long> changeOrder = jdbc.sql("""
					select m.seq from message_change c join message m on m.id = c.message_id
					where c.conversation_id = ? and c.kind = 'CREATED' order by c.tx_id, c.id""")
				.param(conversation)
				.query(Long.class)
				.list();
			assertThat(changeOrder).as("change log of " + conversation).isEqualTo(seqs);
			assertThat(jdbc.sql("select last_seq from conversation where id = ?").param(conversation)
				.query(Long.class).single()).isEqualTo(30);
		}
		assertThat(jdbc.sql("select count(*) from message_receipt r join message m on m.id = r.message_id "
				+ "where m.sender_id = ?").param(sender).query(Long.class).single()).isEqualTo(120);
		assertThat(jdbc.sql("select count(*) from dm_participant where user_id = ?").param(sender)
			.query(Long.class).single()).isEqualTo(3);
		// The sends really were written together: some transaction stored more than one of them.
		assertThat(batches().count()).isGreaterThan(batchesBefore);
		assertThat(Math.max(batches().max(), largestBefore)).isGreaterThan(1);
	}

	@Test
	void aBadSendFailsAloneAndARetriedClientIdIsStoredOnce() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String retried = "retry-" + UUID.randomUUID();
		List<Callable<Reply>> sends = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String body = switch (i % 6) {
				case 1 -> "{\"content\":\"orphan\",\"receiverId\":\"" + receiver + "\",\"parentId\":\"" + UUID.randomUUID()
						+ "\"}";
				case 2 -> "{\"content\":\"once\",\"receiverId\":\"" + receiver + "\",\"clientMessageId\":\"" + retried
						+ "\"}";
				default -> MessageFixtures.directMessage(receiver, "fine " + i);
			};
			sends.add(() -> call("POST", "/api/v1/messages", sender, body));
		}
		List<Reply> replies = all(sends);

		for (int i = 0; i < replies.size(); i++) {
			Reply reply = replies.get(i);
			switch (i % 6) {
				case 1 -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(404);
				case 2 -> assertThat(reply.status()).as(reply.body().toString()).isIn(200, 201);
				default -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
			}
		}
		List<String> retriedIds = new ArrayList<>();
		for (int i = 2; i < replies.size(); i += 6) {
			retriedIds.add(replies.get(i).data().get("id").asString());
		}
		assertThat(retriedIds).hasSize(10).containsOnly(retriedIds.get(0));
		assertThat(jdbc.sql("select count(*) from message where sender_id = ? and client_message_id = ?")
			.params(sender, retried).query(Long.class).single()).isEqualTo(1);
		List<Long> seqs = jdbc.sql("select seq from message where sender_id = ? order by seq")
			.param(sender)
			.query(Long.class)
			.list();
		assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 41).boxed().toList());
	}

	/**
	 * Receivers are checked in the batch's transaction against this service's projection; one it
	 * does not know is asked of user-service by that send alone, and a deleted one is refused.
	 */
	@Test
	void receiversUnknownHereOrDeletedAreSettledPerSend() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID known = MessageFixtures.knownUser(jdbc);
		UUID onlyAtOwner = OwnersStub.INSTANCE.addUser();
		UUID deleted = MessageFixtures.knownUser(jdbc);
		jdbc.sql("update known_user set deleted = true where id = ?").param(deleted).update();
		UUID nobody = UUID.randomUUID();
		List<UUID> targets = List.of(known, onlyAtOwner, deleted, nobody);
		List<Callable<Reply>> sends = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String body = MessageFixtures.directMessage(targets.get(i % 4), "to " + i);
			sends.add(() -> call("POST", "/api/v1/messages", sender, body));
		}
		List<Reply> replies = all(sends);

		for (int i = 0; i < replies.size(); i++) {
			Reply reply = replies.get(i);
			assertThat(reply.status()).as(i + ": " + reply.body()).isEqualTo(i % 4 < 2 ? 201 : 404);
			if (i % 4 >= 2) {
				assertThat(reply.code()).isEqualTo("NOT_FOUND");
			}
		}
		assertThat(jdbc.sql("select count(*) from message where sender_id = ? and receiver_id = ?")
			.params(sender, onlyAtOwner).query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("select count(*) from message where sender_id = ? and receiver_id in (?, ?)")
			.params(sender, deleted, nobody).query(Long.class).single()).isZero();
	}

	private DistributionSummary batches() {
		return meters.get("chat.messages.write.batch").summary();
	}

	private static List<Reply> all(List<Callable<Reply>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			List<Reply> replies = new ArrayList<>();
			for (Future<Reply> future : pool.invokeAll(calls)) {
				replies.add(future.get());
			}
			return replies;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
