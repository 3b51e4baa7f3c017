package org.chatline.message.messages;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.chatline.common.api.DomainException;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipts (delivered, seen) and reactions: what recipients and participants do to a message.
 * Whether the caller may see the message (which may ask group-service) is settled before the
 * transaction opens; a message's conversation never changes, so the answer holds inside it.
 */
@Service
class InteractionService {

	/** The different reactions one user may leave on one message. */
	static final int MAX_REACTIONS_PER_USER = 20;

	private final MessageRepository messages;

	private final ConversationAccess access;

	private final MessageEvents events;

	private final TransactionTemplate tx;

	InteractionService(MessageRepository messages, ConversationAccess access, MessageEvents events,
			PlatformTransactionManager transactionManager) {
		this.messages = messages;
		this.access = access;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
	}

	record ReceiptStatus(UUID id, String status) {
	}

	/**
	 * Marks the message delivered to (or seen by) the caller. Idempotent and never backwards: marking
	 * a seen message delivered changes nothing. Returns the caller's own receipt state.
	 */
	public ReceiptStatus mark(AuthenticatedUser caller, UUID id, boolean seen) {
		access.visible(messages.findById(id), caller.id());
		return tx.execute(status -> markVisible(caller, id, seen));
	}

	private ReceiptStatus markVisible(AuthenticatedUser caller, UUID id, boolean seen) {
		Message message = locked(id);
		MessageRepository.Receipt receipt = messages.receipt(id, caller.id())
			.orElseThrow(() -> DomainException.forbidden("Only a recipient can mark a message"));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (messages.mark(id, caller.id(), seen, now)) {
			String status = messages.aggregateStatus(id);
			if (!status.equals(message.status())) {
				messages.updateStatus(id, status);
			}
			events.receipt(message, caller.id(), seen, status, now);
			receipt = new MessageRepository.Receipt(true, seen || receipt.seen());
		}
		return new ReceiptStatus(id, receipt.seen() ? "SEEN" : "DELIVERED");
	}

	public void react(AuthenticatedUser caller, UUID id, String emoji, boolean add) {
		if (!Emoji.isValid(emoji)) {
			throw DomainException.invalid("emoji: must be a single emoji");
		}
		Message visible = access.visible(messages.findById(id), caller.id());
		tx.executeWithoutResult(status -> reactVisible(caller, add ? locked(id) : visible, emoji, add));
	}

	/** Locked when adding, so concurrent adds of one user cannot pass the limit together. */
	private void reactVisible(AuthenticatedUser caller, Message message, String emoji, boolean add) {
		UUID id = message.id();
		if (message.deleted()) {
			throw DomainException.conflict("The message was deleted");
		}
		if (add && messages.reactionsOf(id, caller.id()) >= MAX_REACTIONS_PER_USER
				&& !messages.hasReaction(id, caller.id(), emoji)) {
			throw DomainException.invalid(
					"emoji: at most " + MAX_REACTIONS_PER_USER + " different reactions per user on one message");
		}
		boolean changed = add ? messages.addReaction(id, caller.id(), emoji) : messages.removeReaction(id, caller.id(), emoji);
		if (changed) {
			events.reaction(message, caller.id(), add, emoji, Instant.now().truncatedTo(ChronoUnit.MICROS));
		}
	}

	private Message locked(UUID id) {
		return messages.lockById(id).orElseThrow(() -> DomainException.notFound("Message not found"));
	}
}
