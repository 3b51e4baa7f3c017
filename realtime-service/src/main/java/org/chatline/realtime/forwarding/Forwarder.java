package org.chatline.realtime.forwarding;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * Each user has a lane: at most {@code forwards-per-user} of the user's emits run at once, the
 * next ones wait in the user's own queue in the order they came (so a slow or greedy client cannot
 * take the pool from everyone else, and a burst is not refused), and beyond
 * {@code forwards-queued-per-user} waiting an emit is refused at once. The pool itself is bounded
 * ("Server busy" under true overload). When an emit runs: a socket whose session ended meanwhile is
 * not forwarded, and the write is counted in the gateway's rate-limit bucket of its REST twin
 * ({@link WriteLimiter}) and refused when over it. An emit that waited longer than
 * {@code forward-queue-timeout} for its turn is refused ("Server busy") instead of being forwarded
 * late, so past capacity clients hear so at once and the backlog cannot grow into seconds.
 */
@Component
public class Forwarder {

	static final String BUSY = "Server busy, try again";

	private final TaskExecutor executor;

	private final WriteLimiter limiter;

	private final int perUser;

	private final int queuedPerUser;

	/** Guarded by itself. */
	private final Map<UUID, Lane> lanes = new HashMap<>();

	private static final class Lane {

		private int running;

		private final Deque<Job> waiting = new ArrayDeque<>();
	}

	/**
	 * An emit to forward (done when the stage completes: the user's lane keeps its place until then),
	 * how to refuse it when the pool is full, and when it came (nanoTime).
	 */
	private record Job(Supplier<CompletionStage<?>> forward, Runnable busy, long arrived) {
	}

	private static final CompletionStage<?> DONE = CompletableFuture.completedFuture(null);

	/** Longest an emit may wait for a thread before it is refused instead (nanoseconds). */
	private final long maxWaitNanos;

	@Autowired
	Forwarder(TaskExecutor forwardingExecutor, WriteLimiter limiter, RealtimeProperties properties) {
		this(forwardingExecutor, limiter, properties.forwardsPerUser(), properties.forwardsQueuedPerUser(),
				properties.forwardQueueTimeout());
	}

	public Forwarder(TaskExecutor forwardingExecutor, WriteLimiter limiter, int forwardsPerUser,
			int forwardsQueuedPerUser) {
		this(forwardingExecutor, limiter, forwardsPerUser, forwardsQueuedPerUser, Duration.ofMillis(500));
	}

	public Forwarder(TaskExecutor forwardingExecutor, WriteLimiter limiter, int forwardsPerUser,
			int forwardsQueuedPerUser, Duration forwardQueueTimeout) {
		this.executor = forwardingExecutor;
		this.limiter = limiter;
		this.perUser = forwardsPerUser;
		this.queuedPerUser = forwardsQueuedPerUser;
		this.maxWaitNanos = forwardQueueTimeout.toNanos();
	}

	public void forward(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<ServiceReply> call) {
		forward(client, user, ack, limit, call, reply -> {
		});
	}

	/** As above; {@code onSuccess} runs before the ack (e.g. to emit the reply as an event too). */
	public void forward(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<ServiceReply> call, Consumer<ServiceReply> onSuccess) {
		forwardAsync(client, user, ack, limit, () -> CompletableFuture.completedFuture(call.get()), onSuccess);
	}

	/**
	 * As above, for a call that answers later (a send that waits for its batch): the forwarding
	 * thread is free at once, and the emit holds its place in the user's lane until the answer.
	 */
	public void forwardAsync(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<CompletionStage<ServiceReply>> call) {
		forwardAsync(client, user, ack, limit, call, reply -> {
		});
	}

	private void forwardAsync(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<CompletionStage<ServiceReply>> call, Consumer<ServiceReply> onSuccess) {
		Job job = new Job(() -> run(client, user, ack, limit, call, onSuccess),
				() -> SocketReplies.fail(client, ack, ErrorCode.SERVICE_UNAVAILABLE, BUSY), System.nanoTime());
		boolean runNow;
		synchronized (lanes) {
			Lane lane = lanes.computeIfAbsent(user.id(), id -> new Lane());
			if (lane.running < perUser) {
				lane.running++;
				runNow = true;
			}
			else if (lane.waiting.size() < queuedPerUser) {
				lane.waiting.addLast(job);
				return;
			}
			else {
				runNow = false;
			}
		}
		if (!runNow) {
			SocketReplies.fail(client, ack, ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests in progress: at most "
					+ (perUser + queuedPerUser) + " at a time, wait for their answers");
			return;
		}
		submit(user.id(), job);
	}

	/**
	 * Runs the job on the pool, then the user's next waiting one, if any. A full pool refuses the job
	 * ("Server busy") and the lane moves on, so its running count always comes back down.
	 */
	private void submit(UUID userId, Job job) {
		Job current = job;
		while (current != null) {
			Job running = current;
			try {
				executor.execute(() -> {
					CompletionStage<?> done = DONE;
					try {
						if (System.nanoTime() - running.arrived() > maxWaitNanos) {
							running.busy().run();
						}
						else {
							done = running.forward().get();
						}
					}
					finally {
						done.whenComplete((result, failure) -> next(userId)
							.ifPresent(following -> submit(userId, following)));
					}
				});
				return;
			}
			catch (TaskRejectedException ex) {
				running.busy().run();
				current = next(userId).orElse(null);
			}
		}
	}

	private Optional<Job> next(UUID userId) {
		synchronized (lanes) {
			Lane lane = lanes.get(userId);
			Job following = lane.waiting.pollFirst();
			if (following == null && --lane.running == 0) {
				lanes.remove(userId);
			}
			return Optional.ofNullable(following);
		}
	}

	private CompletionStage<?> run(SocketIOClient client, AuthenticatedUser user, AckRequest ack, WriteLimit limit,
			Supplier<CompletionStage<ServiceReply>> call, Consumer<ServiceReply> onSuccess) {
		Optional<String> ended = SocketSessions.refusal(client);
		if (ended.isPresent()) {
			SocketReplies.fail(client, ack, ErrorCode.UNAUTHORIZED, ended.get());
			return DONE;
		}
		Optional<String> overLimit = limiter.refusal(limit, user, client);
		if (overLimit.isPresent()) {
			SocketReplies.fail(client, ack, ErrorCode.RATE_LIMIT_EXCEEDED, overLimit.get());
			return DONE;
		}
		return call.get().whenComplete((reply, failure) -> {
			if (failure != null) {
				SocketReplies.fail(client, ack, ErrorCode.SERVICE_UNAVAILABLE, BUSY);
			}
			else if (reply.successful()) {
				onSuccess.accept(reply);
				SocketReplies.acknowledge(ack, reply.envelope());
			}
			else {
				SocketReplies.fail(client, ack, reply.message(), reply.envelope());
			}
		});
	}
}
