package org.chatline.realtime.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chatline.common.events.Event;
import org.chatline.presence.api.PresenceEvent;
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
class PresenceFanOut implements DomainEventHandler<PresenceEvent> {

	static final String ONLINE = "user:online";

	static final String OFFLINE = "user:offline";

	private final UserGroupsCache groups;

	private final DmPartners partners;

	private final SocketEmitter emitter;

	PresenceFanOut(UserGroupsCache groups, DmPartners partners, SocketEmitter emitter) {
		this.groups = groups;
		this.partners = partners;
		this.emitter = emitter;
	}

	@Override
	public Class<PresenceEvent> payloadType() {
		return PresenceEvent.class;
	}

	@Override
	public void handle(Event<PresenceEvent> event) {
		PresenceEvent presence = event.payload();
		List<String> rooms = new ArrayList<>();
		groups.groupsOf(presence.userId()).forEach(group -> rooms.add(Rooms.group(group)));
		partners.partnersOf(presence.userId()).forEach(partner -> rooms.add(Rooms.user(partner)));
		String socketEvent = presence.online() ? ONLINE : OFFLINE;
		emitter.toRoomsExcept(rooms, socketEvent, Map.of("userId", presence.userId().toString()), presence.userId());
	}
}
