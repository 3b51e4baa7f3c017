package org.chatline.realtime.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.PresenceChangedEvent;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.groups.UserGroupsCache;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.stereotype.Component;

/**
 * {@code user:online} / {@code user:offline {userId}} from {@code chat.presence.v1}, to the people
 * who share a conversation with the user: the rooms of the user's groups and the user rooms of
 * their direct-message partners; each socket once, never the user's own. Every instance consumes
 * every presence event and serves its own sockets, whichever instance decided the transition.
 */
@Component
class PresenceFanOut implements DomainEventHandler {

	static final String ONLINE = "user:online";

	static final String OFFLINE = "user:offline";

	private final EventCodec codec;

	private final UserGroupsCache groups;

	private final DmPartners partners;

	private final SocketEmitter emitter;

	PresenceFanOut(EventCodec codec, UserGroupsCache groups, DmPartners partners, SocketEmitter emitter) {
		this.codec = codec;
		this.groups = groups;
		this.partners = partners;
		this.emitter = emitter;
	}

	@Override
	public Set<String> types() {
		return Set.of(EventTypes.USER_ONLINE, EventTypes.USER_OFFLINE);
	}

	@Override
	public void handle(EventEnvelope event) {
		PresenceChangedEvent presence = codec.payload(event, PresenceChangedEvent.class);
		List<String> rooms = new ArrayList<>();
		groups.groupsOf(presence.userId()).forEach(group -> rooms.add(Rooms.group(group)));
		partners.partnersOf(presence.userId()).forEach(partner -> rooms.add(Rooms.user(partner)));
		String socketEvent = EventTypes.USER_ONLINE.equals(event.type()) ? ONLINE : OFFLINE;
		emitter.toRoomsExcept(rooms, socketEvent, Map.of("userId", presence.userId().toString()), presence.userId());
	}
}
