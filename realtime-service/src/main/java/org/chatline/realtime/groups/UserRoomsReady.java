package org.chatline.realtime.groups;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;

/**
 * Published (as a Spring application event) once an authenticated socket has joined its group
 * rooms, or found out that it cannot (group-service down): from then on the user's groups are
 * addressable, so presence may announce the user.
 */
public record UserRoomsReady(SocketIOClient client, AuthenticatedUser user) {
}
