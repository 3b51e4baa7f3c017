package org.chatline.realtime.groups;

import java.util.UUID;
import java.util.function.Consumer;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.realtime.socket.Rooms;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Whether a socket's user is a member of a group, for what a socket may address (typing). At once
 * when the socket is in the group's room. Otherwise group-service is asked, off the Socket.IO event
 * loop: rooms are joined asynchronously (at connect, and as membership events arrive), so a member
 * who just connected or was just added is not in the room yet, and must not be refused for that. A
 * confirmed member's socket joins the room.
 */
@Component
public class GroupMembers {

	public enum Answer {
		MEMBER, NOT_MEMBER, UNKNOWN
	}

	private final GroupRooms rooms;

	private final TaskExecutor executor;

	GroupMembers(GroupRooms rooms, TaskExecutor forwardingExecutor) {
		this.rooms = rooms;
		this.executor = forwardingExecutor;
	}

	/** Calls {@code then} with the answer: on the calling thread when known, else on a forwarding thread. */
	public void check(SocketIOClient client, UUID userId, UUID groupId, Consumer<Answer> then) {
		if (client.getAllRooms().contains(Rooms.group(groupId))) {
			then.accept(Answer.MEMBER);
			return;
		}
		try {
			executor.execute(() -> then.accept(rooms.confirm(client, userId, groupId)));
		}
		catch (TaskRejectedException ex) {
			then.accept(Answer.UNKNOWN);
		}
	}
}
