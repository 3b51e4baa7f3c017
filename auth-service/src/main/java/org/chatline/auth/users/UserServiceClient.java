package org.chatline.auth.users;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * user-service's internal API, over the {@code chat.clients.user-service} client. Any failure to get
 * an answer (refused, timed out, no instance, 5xx) becomes 503 SERVICE_UNAVAILABLE for our caller;
 * user-service's own refusals pass through.
 */
@Component("userService")
public class UserServiceClient {

	static final String UNAVAILABLE = "User service is unavailable, please try again later";

	private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);

	private static final ParameterizedTypeReference<Envelope<UserAccount>> USER = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	public UserServiceClient(RestClient userServiceClient) {
		this.http = userServiceClient;
	}

	/** Creates the user; 409 (username or email taken) and 400 come back as the same errors. */
	public UserAccount create(UUID id, String username, String email) {
		return call(() -> http.post()
			.uri("/internal/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("id", id, "username", username, "email", email))
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				Envelope<UserAccount> body = response.bodyTo(USER);
				if (status.value() == 201 || status.value() == 200) {
					return body.data();
				}
				String message = body == null ? null : body.message();
				if (status.value() == 409) {
					throw ApiException.conflict(message == null ? "User already exists" : message);
				}
				if (status.value() == 400) {
					throw ApiException.validation(message == null ? "Validation failed" : message);
				}
				throw unavailable("create user", status);
			}));
	}

	public Optional<UserAccount> find(UUID id) {
		return call(() -> http.get().uri("/internal/users/{id}", id).exchange((request, response) -> {
			HttpStatusCode status = response.getStatusCode();
			if (status.value() == 404) {
				return Optional.<UserAccount>empty();
			}
			if (status.value() == 200) {
				return Optional.of(response.bodyTo(USER).data());
			}
			throw unavailable("get user", status);
		}));
	}

	/** Undoes a creation; true when the user is gone (deleted now or never there). */
	public boolean delete(UUID id) {
		try {
			return call(() -> http.delete().uri("/internal/users/{id}", id).exchange((request, response) -> {
				int status = response.getStatusCode().value();
				return status == 200 || status == 204 || status == 404;
			}));
		}
		catch (ApiException ex) {
			return false;
		}
	}

	private static ApiException unavailable(String what, HttpStatusCode status) {
		log.warn("user-service answered {} to {}", status.value(), what);
		return ApiException.unavailable(UNAVAILABLE);
	}

	private static <T> T call(java.util.function.Supplier<T> exchange) {
		try {
			return exchange.get();
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (RestClientException | IllegalStateException ex) {
			// IllegalStateException: the load balancer found no instance of user-service.
			log.warn("user-service unreachable: {}", ex.toString());
			throw ApiException.unavailable(UNAVAILABLE);
		}
	}

	/** user-service's success and error envelopes, read leniently. */
	record Envelope<T>(boolean success, String message, String code, T data) {
	}
}
