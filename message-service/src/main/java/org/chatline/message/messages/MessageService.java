package org.chatline.message.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.api.DomainException;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.message.groups.GroupMembership;
import org.chatline.message.users.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending, reading, editing and deleting messages. Whatever may ask another service (does the
 * receiver exist, may the caller see this group) is settled before a transaction opens.
 */
@Service
class MessageService implements MessageWriter.BatchStore<MessageService.NewMessage, MessageService.Sent>, SmartLifecycle {

	static final int MAX_METADATA_BYTES = 4096;

	private final MessageRepository messages;

	private final UserDirectory users;

	private final GroupMembership groups;

	private final ConversationAccess access;

	private final MessageEvents events;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final TransactionTemplate readOnlyTx;

	private final Counter directSent;

	private final Counter groupSent;

	private final MessageWriter<NewMessage, Sent> writer;

	MessageService(MessageRepository messages, UserDirectory users, GroupMembership groups, ConversationAccess access,
			MessageEvents events, JsonMapper json, MeterRegistry meters, PlatformTransactionManager transactionManager,
			@Value("${chat.messages.write-batch-size:64}") int writeBatchSize,
			@Value("${chat.messages.write-queue:1024}") int writeQueue,
			@Value("${chat.messages.write-queue-timeout:500ms}") Duration writeQueueTimeout,
			@Value("${chat.messages.write-timeout:5s}") Duration writeTimeout) {
		this.messages = messages;
		this.users = users;
		this.groups = groups;
		this.access = access;
		this.events = events;
		this.json = json;
		this.tx = new TransactionTemplate(transactionManager);
		this.readOnlyTx = new TransactionTemplate(transactionManager);
		this.readOnlyTx.setReadOnly(true);
		this.directSent = Counter.builder("chat.messages.sent").tag("conversation", "direct").register(meters);
		this.groupSent = Counter.builder("chat.messages.sent").tag("conversation", "group").register(meters);
		this.writer = new MessageWriter<>(this, writeBatchSize, writeQueue, writeQueueTimeout.toMillis(),
				writeTimeout.toMillis(), meters);
	}

	/** A send whose remote facts are settled (the receiver exists, the members are known), to be stored. */
	record NewMessage(AuthenticatedUser caller, SendMessageRequest request, String clientId, String conversationId,
			List<UUID> recipients, boolean receiverChecked) {

		NewMessage receiverConfirmed() {
			return new NewMessage(caller, request, clientId, conversationId, recipients, true);
		}
	}

	/** The stored message, and whether this call created it (false: an idempotent retry). */
	record Sent(MessageResponse message, boolean created) {
	}

	/**
	 * Remote facts first (does the receiver exist, is the caller a member, who are the members),
	 * then one short transaction: no database connection is held while another service answers.
	 */
	public Sent send(AuthenticatedUser caller, SendMessageRequest request, String idempotencyKey) {
		Queued queued = submit(caller, request, idempotencyKey);
		return await(queued, writer.deadline());
	}

	/** When sends submitted now must have been answered ({@link System#nanoTime()}). */
	long deadline() {
		return writer.deadline();
	}

	/**
	 * A checked send waiting for the writer's next batch, or already answered (a retry of a stored
	 * {@code clientMessageId}: {@code message} is null then).
	 */
	record Queued(NewMessage message, CompletableFuture<Sent> result) {
	}

	/**
	 * Checks a send as {@link #send} does and queues it without waiting, so that the sends of a
	 * batch forwarded by realtime-service share the writer's transactions: submit them all, then
	 * {@link #await} each.
	 * @throws org.chatline.common.api.ApiException when the send is refused before it is queued
	 */
	Queued submit(AuthenticatedUser caller, SendMessageRequest request, String idempotencyKey) {
		String clientId = request.clientMessageId() != null ? request.clientMessageId() : idempotencyKey;
		if (clientId != null) {
			if (clientId.isBlank() || clientId.length() > 100) {
				throw DomainException.invalid("clientMessageId: must be 1-100 characters");
			}
			var existing = messages.findByClientId(caller.id(), clientId);
			if (existing.isPresent()) {
				return new Queued(null, CompletableFuture.completedFuture(
						new Sent(MessageResponse.of(existing.get()), false)));
			}
		}
		if ((request.receiverId() == null) == (request.groupId() == null)) {
			throw DomainException.invalid("Exactly one of receiverId or groupId is required");
		}
		if (request.content().isBlank()) {
			throw DomainException.invalid("content: must not be blank");
		}
		if (request.metadata() != null && json.writeValueAsBytes(request.metadata()).length > MAX_METADATA_BYTES) {
			throw DomainException.invalid("metadata: must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
		}
		String conversationId;
		List<UUID> recipients;
		if (request.receiverId() != null) {
			UUID receiverId = request.receiverId();
			if (receiverId.equals(caller.id())) {
				throw DomainException.invalid("receiverId: must be another user");
			}
			conversationId = Message.directConversation(caller.id(), receiverId);
			recipients = List.of(receiverId);
		}
		else {
			access.requireGroupMember(request.groupId(), caller.id());
			conversationId = Message.groupConversation(request.groupId());
			recipients = groups.members(request.groupId()).stream().filter(id -> !id.equals(caller.id())).toList();
		}
		// A direct message's receiver is checked with the batch, in the writer's transaction; only a
		// receiver this service does not know as existing comes back here, to be asked of user-service.
		NewMessage message = new NewMessage(caller, request, clientId, conversationId, recipients,
				request.receiverId() == null);
		return new Queued(message, writer.submit(message));
	}

	/**
	 * The answer of a queued send once its batch committed. A receiver the batch did not know as
	 * existing is asked of user-service here, on the caller's thread (never the writer's).
	 */
	Sent await(Queued queued, long deadlineNanos) {
		try {
			return writer.await(queued.result(), deadlineNanos);
		}
		catch (ReceiverUnconfirmed ex) {
			NewMessage message = queued.message();
			if (!users.exists(message.request().receiverId())) {
				throw DomainException.notFound("Receiver not found");
			}
			return writer.write(message.receiverConfirmed());
		}
	}

	/** The receiver of a direct message is not known here as existing: the caller must ask. */
	static final class ReceiverUnconfirmed extends RuntimeException {

		ReceiverUnconfirmed() {
			super("receiver unconfirmed", null, false, false);
		}
	}

	/**
	 * Stores a batch of sends in one transaction (see {@link MessageWriter}). Anything but the plain
	 * case (a reply, a client message id already used, or used twice in the batch) makes the writer
	 * store each send on its own, with the checks of {@link #store}.
	 */
	@Override
	public List<Sent> storeAll(List<NewMessage> sends) {
		return tx.execute(status -> {
			List<UUID> senders = new ArrayList<>();
			List<String> clientIds = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			Map<String, Integer> counts = new HashMap<>();
			for (NewMessage send : sends) {
				if (send.request().parentId() != null) {
					throw new MessageWriter.StoreSeparately();
				}
				if (send.clientId() != null) {
					if (!seen.add(send.caller().id() + " " + send.clientId())) {
						throw new MessageWriter.StoreSeparately();
					}
					senders.add(send.caller().id());
					clientIds.add(send.clientId());
				}
				counts.merge(send.conversationId(), 1, Integer::sum);
			}
			if (!clientIds.isEmpty() && messages.anyClientIdTaken(senders, clientIds)) {
				throw new MessageWriter.StoreSeparately();
			}
			Set<UUID> receivers = sends.stream()
				.filter(send -> !send.receiverChecked())
				.map(send -> send.request().receiverId())
				.collect(Collectors.toSet());
			if (!receivers.isEmpty() && !users.knownAlive(receivers).containsAll(receivers)) {
				throw new MessageWriter.StoreSeparately();
			}
			Map<String, Long> next = new HashMap<>();
			messages.takeSeqs(counts).forEach((id, last) -> next.put(id, last - counts.get(id) + 1));
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			List<Message> batch = new ArrayList<>(sends.size());
			for (NewMessage send : sends) {
				SendMessageRequest request = send.request();
				long seq = next.merge(send.conversationId(), 1L, Long::sum) - 1;
				if (seq == 1 && request.receiverId() != null) {
					messages.addDirectParticipants(send.conversationId(), send.caller().id(), request.receiverId());
				}
				batch.add(new Message(UUID.randomUUID(), send.conversationId(), seq, send.caller().id(),
						request.receiverId(), request.groupId(), null, request.content(), request.typeOrDefault(),
						"SENT", request.metadata(), send.clientId(), false, false, now, now));
			}
			messages.insertAll(batch, sends.stream().map(NewMessage::recipients).toList());
			events.createdAll(batch);
			List<Sent> sent = new ArrayList<>(batch.size());
			for (Message message : batch) {
				(message.isDirect() ? directSent : groupSent).increment();
				sent.add(new Sent(MessageResponse.of(message), true));
			}
			return sent;
		});
	}

	@Override
	public Sent storeOne(NewMessage send) {
		if (!send.receiverChecked() && users.knownAlive(List.of(send.request().receiverId())).isEmpty()) {
			throw new ReceiverUnconfirmed();
		}
		return tx.execute(status -> store(send.caller(), send.request(), send.clientId(), send.conversationId(),
				send.recipients()));
	}

	@Override
	public void start() {
		writer.start();
	}

	@Override
	public void stop() {
		writer.stop();
	}

	@Override
	public boolean isRunning() {
		return writer.isRunning();
	}

	@Override
	public int getPhase() {
		return writer.getPhase();
	}

	private Sent store(AuthenticatedUser caller, SendMessageRequest request, String clientId, String conversationId,
			List<UUID> recipients) {
		if (clientId != null) {
			// A retry may have stored it while the owners were being asked.
			var existing = messages.findByClientId(caller.id(), clientId);
			if (existing.isPresent()) {
				return new Sent(MessageResponse.of(existing.get()), false);
			}
		}
		if (request.parentId() != null) {
			messages.findById(request.parentId())
				.filter(parent -> parent.conversationId().equals(conversationId))
				.orElseThrow(() -> DomainException.notFound("Parent message not found"));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long seq = messages.nextSeq(conversationId);
		if (seq == 1 && request.receiverId() != null) {
			messages.addDirectParticipants(conversationId, caller.id(), request.receiverId());
		}
		Message message = new Message(UUID.randomUUID(), conversationId, seq, caller.id(), request.receiverId(),
				request.groupId(), request.parentId(), request.content(), request.typeOrDefault(), "SENT",
				request.metadata(), clientId, false, false, now, now);
		messages.insertNew(message, recipients);
		events.created(message);
		(message.isDirect() ? directSent : groupSent).increment();
		return new Sent(MessageResponse.of(message), true);
	}

	/** Not in a transaction: seeing a group message may ask group-service. */
	public MessageResponse get(AuthenticatedUser caller, UUID id) {
		return MessageResponse.of(access.visible(messages.findById(id), caller.id()));
	}

	@Transactional(readOnly = true)
	public PageResponse<MessageResponse> direct(AuthenticatedUser caller, UUID otherUserId, Paging paging, Long before,
			Long after) {
		return history(Message.directConversation(caller.id(), otherUserId), paging, before, after);
	}

	/** Membership first (it may ask group-service), then the page in a short read-only transaction. */
	public PageResponse<MessageResponse> group(AuthenticatedUser caller, UUID groupId, Paging paging, Long before,
			Long after) {
		access.requireGroupMember(groupId, caller.id());
		return readOnlyTx.execute(status -> history(Message.groupConversation(groupId), paging, before, after));
	}

	private PageResponse<MessageResponse> history(String conversationId, Paging paging, Long before, Long after) {
		if (before != null && after != null) {
			throw DomainException.invalid("Use either before or after, not both");
		}
		List<MessageResponse> page = messages.history(conversationId, before, after, paging.limit(), paging.offset())
			.stream()
			.map(MessageResponse::of)
			.toList();
		return PageResponse.of(page, paging, messages.count(conversationId, before, after));
	}

	public MessageResponse edit(AuthenticatedUser caller, UUID id, String content) {
		access.visible(messages.findById(id), caller.id());
		return tx.execute(status -> {
			Message message = authored(caller, id);
			if (content == null || content.isBlank() || content.length() > 5000) {
				throw DomainException.invalid("content: must be 1-5000 characters");
			}
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			messages.updateContent(id, content, now);
			events.edited(message, caller.id(), content, now);
			return MessageResponse.of(messages.findById(id).orElseThrow());
		});
	}

	public void delete(AuthenticatedUser caller, UUID id) {
		access.visible(messages.findById(id), caller.id());
		tx.executeWithoutResult(status -> {
			Message message = locked(id);
			if (!message.senderId().equals(caller.id())) {
				throw DomainException.forbidden("You can only delete your own messages");
			}
			if (message.deleted()) {
				return;
			}
			Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
			messages.tombstone(id, now);
			events.deleted(message, caller.id(), now);
		});
	}

	/** Locks a message whose visibility was checked before the transaction. */
	private Message authored(AuthenticatedUser caller, UUID id) {
		Message message = locked(id);
		if (!message.senderId().equals(caller.id())) {
			throw DomainException.forbidden("You can only edit your own messages");
		}
		if (message.deleted()) {
			throw DomainException.conflict("The message was deleted");
		}
		return message;
	}

	private Message locked(UUID id) {
		return messages.lockById(id).orElseThrow(() -> DomainException.notFound("Message not found"));
	}
}
