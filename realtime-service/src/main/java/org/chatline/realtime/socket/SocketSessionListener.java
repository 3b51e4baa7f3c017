package org.chatline.realtime.socket;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;

/** Told when a socket session becomes a user's (authenticated) and when that session closes. */
public interface SocketSessionListener {

	void authenticated(SocketIOClient client, AuthenticatedUser user);

	void closed(SocketIOClient client, AuthenticatedUser user);
}
