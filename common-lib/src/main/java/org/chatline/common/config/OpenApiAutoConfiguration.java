package org.chatline.common.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document: the bearer scheme, a relative server URL so that "Try it out" in
 * the gateway's Swagger UI goes through the gateway rather than to the service directly, and the
 * contract's error responses on every operation.
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAPI.class, SpringDocUtils.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

	private static final String ERROR_SCHEMA = "ErrorResponse";

	static {
		// The caller comes from the bearer token, not from a request parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI chatlineOpenApi(@Value("${spring.application.name:chatline}") String name) {
		return new OpenAPI().info(new Info().title(name).version("v1").description("chatline " + name + " API"))
			.addServersItem(new Server().url("/"))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * The errors every operation can answer with, in the contract's envelope: 400 for a malformed or
	 * invalid request, 401 without a valid token (or, on login, wrong credentials), 429 from the
	 * gateway's rate limits; 403 and 404 where the path names an object. Operations keep what they
	 * document themselves.
	 */
	@Bean
	OpenApiCustomizer chatlineErrorResponses() {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				addError(operation, ErrorCode.VALIDATION_ERROR, "Invalid request: body, parameter or JSON syntax");
				addError(operation, ErrorCode.UNAUTHORIZED, "Missing, malformed, expired or revoked access token");
				if (path.contains("{")) {
					addError(operation, ErrorCode.FORBIDDEN, "The caller may not do this to this object");
					addError(operation, ErrorCode.NOT_FOUND, "No such object (or not visible to the caller)");
				}
				addError(operation, ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests, please try again later.");
			}));
		};
	}

	private static Schema<?> errorSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("success", new BooleanSchema().example(false));
		properties.put("message", new StringSchema().example("Validation failed"));
		properties.put("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList()));
		return new ObjectSchema().description("The contract's error envelope").properties(properties);
	}

	private static void addError(Operation operation, ErrorCode code, String description) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		String status = Integer.toString(code.status());
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("success", false);
		example.put("message", description);
		example.put("code", code.name());
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
							.example(example))));
	}
}
