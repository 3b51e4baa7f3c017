package org.chatline.common.projection;

import java.util.Arrays;
import java.util.Optional;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The read-through half of every projection: asks the owner of the facts on its internal API, the
 * same way for every owner and every service.
 * <ul>
 * <li>Never inside a database transaction: the caller's transaction would hold a pooled connection,
 * and its locks, for as long as the owner takes. Ask first, then write in a short transaction.</li>
 * <li>One timeout policy: that of the service's pooled internal client, which fails fast (short
 * connect and read timeouts); no retry here. An owner that cannot answer in time is a 503 "please
 * retry" for the caller, never a guess.</li>
 * <li>404 means "no such thing", an answer like any other.</li>
 * <li>The answer is read tolerantly (see {@link #READER}).</li>
 * </ul>
 */
public final class OwnerClient {

	private static final Logger log = LoggerFactory.getLogger(OwnerClient.class);

	/**
	 * A tolerant reader: an owner may add fields, or leave out one of its record's that this service
	 * does not read, without breaking its consumers.
	 */
	private static final JsonMapper READER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final RestClient owner;

	private final String unavailable;

	/** @param directory what callers are told is unavailable, e.g. "User directory" */
	public OwnerClient(RestClient owner, String directory) {
		this.owner = owner;
		this.unavailable = directory + " is unavailable, please retry";
	}

	/**
	 * The {@code data} of the owner's {@code {success, data}} answer; empty when the owner answers
	 * 404 or without data.
	 * @throws ApiException 503 when the owner cannot be asked
	 * @throws IllegalStateException when called inside a transaction
	 */
	public <T> Optional<T> get(ParameterizedTypeReference<ApiResponse<T>> type, String uri, Object... variables) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Ask the owner before opening a transaction, not inside one");
		}
		try {
			byte[] body = owner.get().uri(uri, variables).retrieve().body(byte[].class);
			ApiResponse<T> reply = body == null || body.length == 0 ? null
					: READER.readValue(body, READER.getTypeFactory().constructType(type.getType()));
			return Optional.ofNullable(reply == null ? null : reply.data());
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (RestClientException | JacksonException | IllegalStateException ex) {
			log.warn("No answer to {} {}: {}", uri, Arrays.toString(variables), ex.toString());
			throw ApiException.unavailable(unavailable);
		}
	}
}
