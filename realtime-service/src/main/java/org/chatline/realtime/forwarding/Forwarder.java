package org.chatline.realtime.forwarding;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.api.ErrorCode;
import org.chatline.realtime.socket.SocketReplies;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Runs a client emit's call to the owning service off the Socket.IO event loop and answers the
 * client: the service's envelope on the ack, plus {@code error {message}} when it refused.
 */
@Component
public class Forwarder {

	private final TaskExecutor executor;

	public Forwarder(TaskExecutor forwardingExecutor) {
		this.executor = forwardingExecutor;
	}

	public void forward(SocketIOClient client, AckRequest ack, Supplier<ServiceReply> call) {
		forward(client, ack, call, reply -> {
		});
	}

	/** As above; {@code onSuccess} runs before the ack (e.g. to emit the reply as an event too). */
	public void forward(SocketIOClient client, AckRequest ack, Supplier<ServiceReply> call,
			Consumer<ServiceReply> onSuccess) {
		try {
			executor.execute(() -> {
				ServiceReply reply = call.get();
				if (reply.successful()) {
					onSuccess.accept(reply);
					SocketReplies.acknowledge(ack, reply.envelope());
				}
				else {
					SocketReplies.fail(client, ack, reply.message(), reply.envelope());
				}
			});
		}
		catch (TaskRejectedException ex) {
			SocketReplies.fail(client, ack, ErrorCode.SERVICE_UNAVAILABLE, "Server busy, try again");
		}
	}
}
