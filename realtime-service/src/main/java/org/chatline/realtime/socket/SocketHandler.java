package org.chatline.realtime.socket;

import com.corundumstudio.socketio.SocketIOServer;

/** A feature's client-event listeners; registered once, before the server starts. */
public interface SocketHandler {

	void register(SocketIOServer server);
}
