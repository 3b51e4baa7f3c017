package org.chatline.realtime.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.batch.BatchQueue;
import org.chatline.message.api.SendBatch;
import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.forwarding.ServiceReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Forwards {@code message:send} emits to message-service in batches: the sends waiting when a
 * sender thread is free go together in one {@code POST /internal/messages/send-batch}
 * ({@link SendBatch}), each with its own user's access token, and each is answered with exactly
 * what {@code POST /api/v1/messages} would have answered it. One request (and, in message-service,
 * one transaction) serves many sends, and no thread waits per send. A message-service that does
 * not know the batch endpoint yet (an older version during a rolling upgrade) gets the sends one by
 * one on its public API, as before.
 * <p>
 * Bounded: a full queue answers "busy" at once, and a send that waited longer than
 * {@code forward-queue-timeout} for a sender thread is answered "busy" instead of being sent late.
 */
@Component
class SendBatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendBatcher.class);

	private static final ParameterizedTypeReference<BatchAnswer> ANSWER = new ParameterizedTypeReference<>() {
	};

	/** The batch endpoint's envelope: one result per send, in order. */
	record BatchAnswer(List<SendBatch.Result> data) {
	}

	private final RestClient rest;

	private final MessageServiceClient messages;

	private final BatchQueue<SendBatch.Send, ServiceReply> queue;

	private final DistributionSummary batchSizes;

	SendBatcher(RestClient messageServiceClient, MessageServiceClient messages, RealtimeProperties properties,
			MeterRegistry meters) {
		this.rest = messageServiceClient;
		this.messages = messages;
		this.queue = new BatchQueue<>("realtime-send", properties.sendBatchThreads(), properties.sendBatchQueue(),
				Math.min(properties.sendBatchSize(), SendBatch.MAX_SENDS), properties.forwardQueueTimeout().toMillis(),
				this::forward, (reply, why) -> reply.complete(ServiceReply.unavailable(switch (why) {
					case FULL, STALE -> "Server busy, try again";
					case STOPPED -> "Server is shutting down";
					case UNANSWERED -> "Message service unavailable";
				})));
		this.batchSizes = DistributionSummary.builder("chat.realtime.send.batch")
			.description("message:send emits forwarded per request to message-service")
			.register(meters);
	}

	/** The send's answer, once its batch was answered. */
	CompletionStage<ServiceReply> send(String token, Map<String, Object> message) {
		return queue.submit(new SendBatch.Send(token, message));
	}

	@Override
	public void start() {
		queue.start();
	}

	@Override
	public void stop() {
		queue.stop();
	}

	@Override
	public boolean isRunning() {
		return queue.isRunning();
	}

	/** Answers the batch's sends; those left unanswered (a failed call) are answered "unavailable". */
	private void forward(List<BatchQueue.Item<SendBatch.Send, ServiceReply>> batch) {
		batchSizes.record(batch.size());
		List<SendBatch.Result> results;
		try {
			ResponseEntity<BatchAnswer> response = rest.post()
				.uri(SendBatch.PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(new SendBatch(batch.stream().map(BatchQueue.Item::value).toList()))
				.retrieve()
				.toEntity(ANSWER);
			results = response.getBody() == null ? null : response.getBody().data();
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().value() == 404) {
				// A message-service without the batch endpoint: its public API, one send at a time.
				batch.forEach(item -> item.result().complete(messages.send(item.value().token(), item.value().message())));
				return;
			}
			log.warn("message-service refused a batch of {} sends: {}", batch.size(), ex.getStatusCode());
			return;
		}
		catch (RestClientException ex) {
			log.warn("message-service call failed: {}", ex.getMessage());
			return;
		}
		if (results == null || results.size() != batch.size()) {
			log.warn("message-service answered a batch of {} sends with {} results", batch.size(),
					results == null ? "no" : results.size());
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			SendBatch.Result result = results.get(i);
			batch.get(i).result().complete(new ServiceReply(result.status(), result.body()));
		}
	}
}
