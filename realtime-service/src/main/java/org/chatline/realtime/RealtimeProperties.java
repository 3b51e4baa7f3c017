package org.chatline.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chat.realtime.*}: the Socket.IO server, the Kafka consumer group, and how client emits are
 * forwarded (the services they go to are {@code chat.clients.*}, as in every service).
 *
 * @param socketPort Socket.IO port; 0 picks a free one (tests)
 * @param bindHost address the Socket.IO server binds to
 * @param pingInterval Engine.IO ping interval
 * @param pingTimeout Engine.IO ping timeout
 * @param authTimeout how long a session may stay open without authenticating before it is closed
 * @param consumerGroup Kafka consumer group; blank gives each instance a group of its own
 * @param dedupCapacity how many recent event ids are remembered to drop redeliveries
 * @param forwardThreads threads forwarding client emits to the owning services (blocking HTTP calls)
 * @param drainTimeout on shutdown, how long closed sockets get to receive their close packet
 * @param typingMaxAge typing signals older than this when they arrive are dropped (consumer lag)
 * @param websocketCompression whether to offer permessage-deflate on websocket connections: each
 * compressed connection holds its own zlib state (native memory, about 100 KiB per connection measured), so
 * it is off by default, as in the reference Socket.IO server
 * @param forwardsPerUser most forwarded emits of one user running at once on this instance, so one
 * slow or greedy client cannot take the forwarding threads from everyone else; the user's further
 * emits wait in the user's own queue, in order
 * @param forwardsQueuedPerUser most emits of one user waiting in that queue; beyond it an emit is
 * refused at once
 * @param sessionSweep how often the sockets are checked for an expired token or a revoked session
 * (a revocation normally arrives at once by Redis pub/sub; this catches a missed message)
 * @param sessionEndGrace how long an ended socket gets to close itself after its {@code error} event
 * before its session is dropped
 * @param typingInterval at most one {@code typing:start} and one {@code typing:stop} per conversation
 * and user within this interval; repeats are dropped silently
 * @param typingBurst at most this many typing signals per user within {@code typingInterval}, over
 * all conversations; the rest are dropped silently
 * @param forwardQueueTimeout an emit that waited longer than this for a forwarding thread (in its
 * user's queue and the pool's) is refused with "Server busy" instead of being forwarded late: past
 * capacity, clients hear so early rather than after a long queue
 * @param sendBatchSize most {@code message:send} emits forwarded to message-service in one request
 * (the sends waiting when a sender thread is free go together)
 * @param sendBatchThreads threads forwarding those batches, each with one request in flight
 * @param sendBatchQueue most sends waiting for a sender thread; beyond it a send is refused at once
 */
@ConfigurationProperties("chat.realtime")
public record RealtimeProperties(@DefaultValue("8096") int socketPort, @DefaultValue("0.0.0.0") String bindHost,
		@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
		@DefaultValue("10s") Duration authTimeout, String consumerGroup, @DefaultValue("10000") int dedupCapacity,
		@DefaultValue("8") int forwardThreads,
		@DefaultValue("1s") Duration drainTimeout, @DefaultValue("10s") Duration typingMaxAge,
		@DefaultValue("false") boolean websocketCompression, @DefaultValue("4") int forwardsPerUser,
		@DefaultValue("64") int forwardsQueuedPerUser, @DefaultValue("2s") Duration sessionSweep, @DefaultValue("1s") Duration sessionEndGrace,
		@DefaultValue("2s") Duration typingInterval, @DefaultValue("10") int typingBurst,
		@DefaultValue("500ms") Duration forwardQueueTimeout, @DefaultValue("64") int sendBatchSize,
		@DefaultValue("4") int sendBatchThreads, @DefaultValue("4096") int sendBatchQueue) {
}
