package org.chatline.realtime.typing;

import java.util.Map;
import java.util.UUID;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.events.EventCodec;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.presence.api.SignalEvent;
import org.chatline.presence.api.SignalEvent.TypingStarted;
import org.chatline.presence.api.SignalEvent.TypingStopped;
import org.chatline.realtime.groups.GroupMembers;
import org.chatline.realtime.socket.AuthenticatedListener;
import org.chatline.realtime.socket.SocketHandler;
import org.chatline.realtime.socket.SocketPayloads;
import org.chatline.realtime.socket.SocketReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code typing:start} / {@code typing:stop} from clients, published as a {@link SignalEvent} on
 * {@code chat.signals.v1} so that every instance delivers it to its own sockets
 * ({@link TypingSignalPusher}). Group typing is accepted only from members ({@link GroupMembers}:
 * the socket is in the group's room, else group-service is asked); direct typing only to a user id
 * other than the sender's own. A refused target gets {@code error {message}} and publishes nothing.
 * Whether the receiver exists is not checked (realtime has no user directory): a signal to nobody
 * reaches nobody, and {@link TypingThrottle} bounds what one user can publish. Repeats within the
 * throttle's interval are dropped silently (acknowledged as accepted): clients emit typing on every
 * keystroke, and the receiver still shows the signal already sent.
 */
@Component
class TypingHandler implements SocketHandler {

	static final String START = "typing:start";

	static final String STOP = "typing:stop";

	private static final Logger log = LoggerFactory.getLogger(TypingHandler.class);

	private final KafkaTemplate<String, String> kafka;

	private final EventCodec codec;

	private final TypingThrottle throttle;

	private final GroupMembers members;

	TypingHandler(KafkaTemplate<String, String> kafka, EventCodec codec, TypingThrottle throttle,
			GroupMembers members) {
		this.kafka = kafka;
		this.codec = codec;
		this.throttle = throttle;
		this.members = members;
	}

	@Override
	public void register(SocketIOServer server) {
		server.addEventListener(START, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> relay(START, client, user, data, ack)));
		server.addEventListener(STOP, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> relay(STOP, client, user, data, ack)));
	}

	void relay(String event, SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		UUID receiverId;
		UUID groupId;
		try {
			Map<String, Object> payload = SocketPayloads.object(data);
			receiverId = SocketPayloads.uuid(payload, "receiverId");
			groupId = SocketPayloads.uuid(payload, "groupId");
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		if (groupId == null && receiverId == null) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, "receiverId or groupId is required");
			return;
		}
		if (groupId == null && receiverId.equals(user.id())) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, "Cannot signal typing to yourself");
			return;
		}
		UUID conversation = groupId != null ? groupId : receiverId;
		// Before any membership question: the throttle also bounds what one user can make us ask.
		if (!throttle.allow(user.id(), event, conversation)) {
			SocketReplies.acknowledge(ack, SocketReplies.okEnvelope());
			return;
		}
		if (groupId == null) {
			publish(event, user, receiverId, null, ack);
			return;
		}
		// Only members may signal a group.
		members.check(client, user.id(), groupId, answer -> {
			switch (answer) {
				case MEMBER -> publish(event, user, null, groupId, ack);
				case NOT_MEMBER -> SocketReplies.fail(client, ack, ErrorCode.FORBIDDEN, "Not a member of this group");
				case UNKNOWN -> SocketReplies.fail(client, ack, ErrorCode.SERVICE_UNAVAILABLE,
						"Group directory is unavailable, please retry");
			}
		});
	}

	/** Keyed by the target (group or receiver), so one conversation's signals stay in order. */
	private void publish(String event, AuthenticatedUser user, UUID receiverId, UUID groupId, AckRequest ack) {
		SignalEvent signal = START.equals(event) ? new TypingStarted(user.id(), receiverId, groupId)
				: new TypingStopped(user.id(), receiverId, groupId);
		String key = (groupId != null ? groupId : receiverId).toString();
		kafka.send(SignalEvent.TOPIC, key, codec.encode(codec.event(user.id(), signal)))
			.whenComplete((result, failure) -> {
				if (failure != null) {
					log.debug("Typing signal of {} lost: {}", user.id(), failure.getMessage());
				}
			});
		SocketReplies.acknowledge(ack, SocketReplies.okEnvelope());
	}
}
