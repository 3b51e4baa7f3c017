package org.chatline.realtime.typing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.presence.api.SignalEvent;
import org.chatline.presence.api.SignalEvent.TypingStarted;
import org.chatline.presence.api.SignalEvent.TypingStopped;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.groups.GroupMembers;
import org.chatline.realtime.socket.SocketEmitter;
import org.chatline.realtime.socket.SocketReplies;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Typing from the socket to {@code chat.signals.v1} and from there to the rooms. */
class TypingTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	@SuppressWarnings("unchecked")
	private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);

	private final long[] now = { 1_000_000 };

	private final GroupMembers members = mock(GroupMembers.class);

	private final TypingHandler handler = new TypingHandler(kafka, codec, new TypingThrottle(2000, 3, () -> now[0]),
			members);

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:10Z"), ZoneOffset.UTC);

	private final TypingSignalPusher pusher = new TypingSignalPusher(emitter, Duration.ofSeconds(10), clock);

	private final AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "t");

	private final SocketIOClient client = SocketTestClients.client();

	private final AckRequest ack = mock(AckRequest.class);

	{
		when(kafka.send(anyString(), anyString(), anyString())).thenReturn(new CompletableFuture<>());
		when(ack.isAckRequested()).thenReturn(true);
	}

	@Test
	void publishesADirectTypingSignalKeyedByTheReceiver() {
		UUID receiver = UUID.randomUUID();

		handler.relay(TypingHandler.START, client, user, Map.of("receiverId", receiver.toString()), ack);

		ArgumentCaptor<String> value = ArgumentCaptor.forClass(String.class);
		verify(kafka).send(eq(SignalEvent.TOPIC), eq(receiver.toString()), value.capture());
		Event<?> event = codec.decode(value.getValue(), List.of(SignalEvent.class)).orElseThrow();
		assertThat(event.type()).isEqualTo("TypingStarted");
		assertThat(event.payload()).isEqualTo(new TypingStarted(user.id(), receiver, null));
	}

	@Test
	void refusesGroupTypingFromANonMember() {
		UUID group = UUID.randomUUID();
		answer(group, GroupMembers.Answer.NOT_MEMBER);

		handler.relay(TypingHandler.START, client, user, Map.of("groupId", group.toString()), ack);

		verifyNoInteractions(kafka);
		verify(ack).sendAckData(Map.of("success", false, "message", "Not a member of this group", "code", "FORBIDDEN"));
		verify(client).sendEvent("error", Map.of("message", "Not a member of this group"));
	}

	@Test
	void publishesAGroupSignalOfAMemberKeyedByTheGroup() {
		UUID group = UUID.randomUUID();
		answer(group, GroupMembers.Answer.MEMBER);

		handler.relay(TypingHandler.START, client, user, Map.of("groupId", group.toString()), ack);

		verify(kafka).send(eq(SignalEvent.TOPIC), eq(group.toString()), anyString());
		verify(ack).sendAckData(SocketReplies.okEnvelope());
	}

	@Test
	void answersUnavailableWhenMembershipCannotBeKnown() {
		UUID group = UUID.randomUUID();
		answer(group, GroupMembers.Answer.UNKNOWN);

		handler.relay(TypingHandler.START, client, user, Map.of("groupId", group.toString()), ack);

		verifyNoInteractions(kafka);
		verify(ack).sendAckData(Map.of("success", false, "message", "Group directory is unavailable, please retry",
				"code", "SERVICE_UNAVAILABLE"));
	}

	private void answer(UUID group, GroupMembers.Answer answer) {
		doAnswer(call -> {
			call.<Consumer<GroupMembers.Answer>>getArgument(3).accept(answer);
			return null;
		}).when(members).check(eq(client), eq(user.id()), eq(group), any());
	}

	@Test
	void refusesTypingToOneselfWithAnErrorEvent() {
		handler.relay(TypingHandler.START, client, user, Map.of("receiverId", user.id().toString()), ack);

		verifyNoInteractions(kafka);
		verify(client).sendEvent("error", Map.of("message", "Cannot signal typing to yourself"));
	}

	@Test
	void publishesOneStartAndOneStopPerConversationWithinTheInterval() {
		UUID receiver = UUID.randomUUID();
		Map<String, Object> to = Map.of("receiverId", receiver.toString());

		handler.relay(TypingHandler.START, client, user, to, ack);
		handler.relay(TypingHandler.START, client, user, to, ack);
		handler.relay(TypingHandler.STOP, client, user, to, ack);
		handler.relay(TypingHandler.STOP, client, user, to, ack);
		now[0] += 2000;
		handler.relay(TypingHandler.START, client, user, to, ack);

		verify(kafka, times(3)).send(eq(SignalEvent.TOPIC), eq(receiver.toString()), anyString());
		verify(client, never()).sendEvent(eq("error"), any());
	}

	@Test
	void passesEveryChangeBetweenTypingAndNotTypingEvenWithinTheInterval() {
		UUID receiver = UUID.randomUUID();
		Map<String, Object> to = Map.of("receiverId", receiver.toString());

		handler.relay(TypingHandler.START, client, user, to, ack);
		handler.relay(TypingHandler.STOP, client, user, to, ack);
		handler.relay(TypingHandler.START, client, user, to, ack);

		// start, stop, start: what the receiver shows changes each time, so none may be lost.
		verify(kafka, times(3)).send(eq(SignalEvent.TOPIC), eq(receiver.toString()), anyString());
	}

	@Test
	void capsTheSignalsOfOneUserOverAllConversations() {
		for (int i = 0; i < 5; i++) {
			handler.relay(TypingHandler.START, client, user, Map.of("receiverId", UUID.randomUUID().toString()), ack);
		}

		verify(kafka, times(3)).send(eq(SignalEvent.TOPIC), anyString(), anyString());
	}

	@Test
	void deliversAGroupSignalToTheRoomButNotToTheTypist() {
		UUID group = UUID.randomUUID();

		pusher.handle(event(new TypingStopped(user.id(), null, group), clock.instant()));

		verify(emitter).toRoomExcept("group:" + group, "typing:stop",
				Map.of("userId", user.id().toString(), "groupId", group.toString()), user.id());
	}

	@Test
	void dropsASignalThatArrivesTooLate() {
		pusher.handle(event(new TypingStarted(user.id(), UUID.randomUUID(), null),
				clock.instant().minusSeconds(11)));

		verifyNoInteractions(emitter);
	}

	private static Event<SignalEvent> event(SignalEvent signal, Instant at) {
		return new Event<>(UUID.randomUUID(), "Typing", at, signal.userId(), signal);
	}
}
