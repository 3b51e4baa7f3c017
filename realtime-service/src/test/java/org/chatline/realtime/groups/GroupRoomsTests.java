package org.chatline.realtime.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.socket.SocketEmitter;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class GroupRoomsTests {

	private final GroupServiceClient groupService = mock(GroupServiceClient.class);

	private final UserGroupsCache cache = mock(UserGroupsCache.class);

	private final SocketEmitter sockets = mock(SocketEmitter.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final GroupRooms rooms = new GroupRooms(groupService, cache, sockets, new SyncTaskExecutor(), events);

	private final AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "t");

	private final SocketIOClient client = SocketTestClients.client();

	private final UUID groupA = UUID.randomUUID();

	private final UUID groupB = UUID.randomUUID();

	{
		when(sockets.isConnected(any(SocketIOClient.class))).thenReturn(true);
		when(sockets.socketsOf(user.id())).thenReturn(List.of(client));
	}

	@Test
	void joinsTheRoomsOfTheUsersGroupsThenReportsReady() {
		when(groupService.groupsOf(user.id())).thenReturn(Optional.of(List.of(groupA, groupB)));

		rooms.authenticated(client, user);

		assertThat(client.getAllRooms()).containsExactlyInAnyOrder("group:" + groupA, "group:" + groupB);
		verify(cache).replace(user.id(), List.of(groupA, groupB));
		verify(events).publishEvent(new UserRoomsReady(client, user));
	}

	@Test
	void keepsOnlyTheUserRoomWhenGroupServiceIsDown() {
		when(groupService.groupsOf(user.id())).thenReturn(Optional.empty());

		rooms.authenticated(client, user);

		assertThat(client.getAllRooms()).isEmpty();
		verify(cache, never()).replace(any(), any());
		verify(events).publishEvent(new UserRoomsReady(client, user));
	}

	@Test
	void aRemovalDuringTheLookupWinsOverItsAnswer() {
		when(groupService.groupsOf(user.id())).thenAnswer(call -> {
			rooms.memberRemoved(user.id(), groupA);
			return Optional.of(List.of(groupA, groupB));
		});

		rooms.authenticated(client, user);

		assertThat(client.getAllRooms()).containsExactly("group:" + groupB);
	}

	@Test
	void movesLiveSocketsInAndOutOfGroupRooms() {
		rooms.memberAdded(user.id(), groupA);
		assertThat(client.getAllRooms()).containsExactly("group:" + groupA);
		verify(cache).add(user.id(), groupA);

		rooms.memberRemoved(user.id(), groupA);
		assertThat(client.getAllRooms()).isEmpty();
		verify(cache).remove(user.id(), groupA);
	}

	@Test
	void aDeletedGroupEmptiesItsRoom() {
		SocketIOClient stranger = SocketTestClients.client();
		stranger.joinRoom("group:" + groupA);
		client.joinRoom("group:" + groupA);
		when(sockets.socketsIn("group:" + groupA)).thenReturn(List.of(stranger));

		rooms.groupDeleted(groupA, List.of(user.id()));

		assertThat(client.getAllRooms()).isEmpty();
		assertThat(stranger.getAllRooms()).isEmpty();
	}

	@Test
	void aSocketReauthenticatingAsAnotherUserLeavesItsGroupRooms() {
		client.joinRoom("group:" + groupA);
		client.joinRoom("user:" + user.id());

		rooms.closed(client, user);

		assertThat(client.getAllRooms()).containsExactly("user:" + user.id());
	}
}
