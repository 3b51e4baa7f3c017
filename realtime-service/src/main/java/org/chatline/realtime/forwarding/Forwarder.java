package org.chatline.realtime.forwarding;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.socket.SocketReplies;
import org.chatline.realtime.socket.SocketSessions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Runs a client emit's call to the owning service off the Socket.IO event loop and answers the
 * client: the service's envelope on the ack, plus {@code error {message}} when it refused.
 * <p>
 * Before the call, in this order: at most {@code forwards-per-user} emits of one user are in flight
 * at once (beyond that the emit is refused at once, so a slow or greedy client cannot take the
 * pool from everyone else); the pool itself is bounded ("Server busy" under true overload); the
 * write is counted in the gateway's rate-limit bucket of its REST twin ({@link WriteLimiter}) and
 * refused when over it; and a socket whose session ended meanwhile is not forwarded.
 */
@Component
public class Forwarder {

	static final String BUSY = "Server busy, try again";

	private final TaskExecutor executor;

	private final WriteLimiter limiter;

	private final int perUser;

	private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();

	@Autowired
	Forwarder(TaskExecutor forwardingExecutor, WriteLimiter limiter, RealtimeProperties properties) {
		this(forwardingExecutor, limiter, properties.forwardsPerUser());
	}

	public Forwarder(TaskExecutor forwardingExecutor, WriteLimiter limiter, int forwardsPerUser) {
		this.executor = forwardingExecutor;
		this.limiter = limiter;
		this.perUser = forwardsPerUser;
	}

	public void forward(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<ServiceReply> call) {
		forward(client, user, ack, limit, call, reply -> {
		});
	}

	/** As above; {@code onSuccess} runs before the ack (e.g. to emit the reply as an event too). */
	public void forward(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<ServiceReply> call, Consumer<ServiceReply> onSuccess) {
		if (!acquire(user.id())) {
			SocketReplies.fail(client, ack, ErrorCode.RATE_LIMIT_EXCEEDED,
					"Too many requests in progress: at most " + perUser + " at a time, wait for their answers");
			return;
		}
		try {
			executor.execute(() -> {
				try {
					run(client, user, ack, limit, call, onSuccess);
				}
				finally {
					release(user.id());
				}
			});
		}
		catch (TaskRejectedException ex) {
			release(user.id());
			SocketReplies.fail(client, ack, ErrorCode.SERVICE_UNAVAILABLE, BUSY);
		}
	}

	private void run(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<ServiceReply> call, Consumer<ServiceReply> onSuccess) {
		Optional<String> ended = SocketSessions.refusal(client);
		if (ended.isPresent()) {
			SocketReplies.fail(client, ack, ErrorCode.UNAUTHORIZED, ended.get());
			return;
		}
		Optional<String> overLimit = limiter.refusal(limit, user, client);
		if (overLimit.isPresent()) {
			SocketReplies.fail(client, ack, ErrorCode.RATE_LIMIT_EXCEEDED, overLimit.get());
			return;
		}
		ServiceReply reply = call.get();
		if (reply.successful()) {
			onSuccess.accept(reply);
			SocketReplies.acknowledge(ack, reply.envelope());
		}
		else {
			SocketReplies.fail(client, ack, reply.message(), reply.envelope());
		}
	}

	private boolean acquire(UUID user) {
		boolean[] acquired = { false };
		inFlight.compute(user, (id, count) -> {
			int current = count == null ? 0 : count;
			if (current >= perUser) {
				return count;
			}
			acquired[0] = true;
			return current + 1;
		});
		return acquired[0];
	}

	private void release(UUID user) {
		inFlight.computeIfPresent(user, (id, count) -> count <= 1 ? null : count - 1);
	}
}
