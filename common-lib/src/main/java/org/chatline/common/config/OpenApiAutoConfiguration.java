package org.chatline.common.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.chatline.common.security.AuthenticatedUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document: the bearer scheme, and a relative server URL so that "Try it
 * out" in the gateway's Swagger UI goes through the gateway rather than to the service directly.
 */
@AutoConfiguration
@ConditionalOnClass({ OpenAPI.class, SpringDocUtils.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

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
}
