package org.chatline.realtime.groups;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;
import org.chatline.realtime.socket.SocketSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's sockets in the {@code group:{id}} rooms of their user's groups.
 * <p>
 * At authentication the socket asks group-service for the user's groups, off the Socket.IO event
 * loop (a blocking HTTP call there would stall every socket of that loop), and joins their rooms;
 * if group-service is down it stays with its user room only. Membership events then move the
 * user's live sockets in and out of rooms at once. A removal that arrives while a socket's lookup is
 * still in flight wins over the lookup's (older) answer, so a removed member is never put back.
 */
@Component
class GroupRooms implements SocketSessionListener {

	private static final Logger log = LoggerFactory.getLogger(GroupRooms.class);

	/** How long a removal is remembered to veto a lookup answer that started before it. */
	private static final Duration REMOVAL_MEMORY = Duration.ofMinutes(1);

	private final GroupServiceClient groups;

	private final UserGroupsCache cache;

	private final SocketEmitter sockets;

	private final TaskExecutor executor;

	private final ApplicationEventPublisher events;

	/** "userId:groupId" → System.nanoTime() of the removal. */
	private final Map<String, Long> recentRemovals = new ConcurrentHashMap<>();

	GroupRooms(GroupServiceClient groups, UserGroupsCache cache, SocketEmitter sockets,
			TaskExecutor forwardingExecutor, ApplicationEventPublisher events) {
		this.groups = groups;
		this.cache = cache;
		this.sockets = sockets;
		this.executor = forwardingExecutor;
		this.events = events;
	}

	@Override
	public void authenticated(SocketIOClient client, AuthenticatedUser user) {
		try {
			executor.execute(() -> joinGroupsOf(client, user));
		}
		catch (TaskRejectedException ex) {
			log.warn("Busy: socket {} of user {} gets only its user room", client.getSessionId(), user.id());
			events.publishEvent(new UserRoomsReady(client, user));
		}
	}

	@Override
	public void closed(SocketIOClient client, AuthenticatedUser user) {
		// netty-socketio empties the rooms of a closed session itself; this covers a live socket
		// re-authenticating as another user.
		Set.copyOf(client.getAllRooms()).stream().filter(room -> room.startsWith("group:")).forEach(client::leaveRoom);
	}

	void joinGroupsOf(SocketIOClient client, AuthenticatedUser user) {
		long started = System.nanoTime();
		Optional<List<UUID>> groupIds = groups.groupsOf(user.id());
		if (groupIds.isPresent() && sockets.isConnected(client)) {
			cache.replace(user.id(), groupIds.get());
			for (UUID groupId : groupIds.get()) {
				if (!removedSince(user.id(), groupId, started)) {
					client.joinRoom(Rooms.group(groupId));
				}
			}
		}
		if (sockets.isConnected(client)) {
			events.publishEvent(new UserRoomsReady(client, user));
		}
	}

	/**
	 * Asks group-service whether the user is a member of the group now; a member's socket joins the
	 * room. A removal that arrived during the question wins, as for {@link #joinGroupsOf}.
	 */
	GroupMembers.Answer confirm(SocketIOClient client, UUID userId, UUID groupId) {
		long started = System.nanoTime();
		Optional<List<UUID>> groupIds = groups.groupsOf(userId);
		if (groupIds.isEmpty()) {
			return GroupMembers.Answer.UNKNOWN;
		}
		if (!groupIds.get().contains(groupId) || removedSince(userId, groupId, started)) {
			return GroupMembers.Answer.NOT_MEMBER;
		}
		if (sockets.isConnected(client)) {
			client.joinRoom(Rooms.group(groupId));
		}
		return GroupMembers.Answer.MEMBER;
	}

	/** The user's sockets on this instance join the group's room. */
	void memberAdded(UUID userId, UUID groupId) {
		recentRemovals.remove(key(userId, groupId));
		var local = sockets.socketsOf(userId);
		if (!local.isEmpty()) {
			local.forEach(client -> client.joinRoom(Rooms.group(groupId)));
			cache.add(userId, groupId);
		}
	}

	/** The user's sockets on this instance leave the group's room: nothing more reaches them from it. */
	void memberRemoved(UUID userId, UUID groupId) {
		long now = System.nanoTime();
		recentRemovals.put(key(userId, groupId), now);
		recentRemovals.values().removeIf(at -> now - at > REMOVAL_MEMORY.toNanos());
		var local = sockets.socketsOf(userId);
		if (!local.isEmpty()) {
			local.forEach(client -> client.leaveRoom(Rooms.group(groupId)));
			cache.remove(userId, groupId);
		}
	}

	/** Every socket leaves the deleted group's room. */
	void groupDeleted(UUID groupId, List<UUID> memberIds) {
		if (memberIds != null) {
			memberIds.forEach(member -> memberRemoved(member, groupId));
		}
		String room = Rooms.group(groupId);
		List.copyOf(sockets.socketsIn(room)).forEach(client -> client.leaveRoom(room));
	}

	private boolean removedSince(UUID userId, UUID groupId, long started) {
		Long removedAt = recentRemovals.get(key(userId, groupId));
		return removedAt != null && removedAt - started >= 0;
	}

	private static String key(UUID userId, UUID groupId) {
		return userId + ":" + groupId;
	}
}
