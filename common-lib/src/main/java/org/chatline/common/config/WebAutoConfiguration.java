package org.chatline.common.config;

import java.util.ArrayList;
import java.util.List;

import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.SecurityProperties;
import org.chatline.common.security.ServiceTokenVerifier;
import org.chatline.common.web.ApiExceptionHandler;
import org.chatline.common.web.AuthenticationFilter;
import org.chatline.common.web.CorrelationIdFilter;
import org.chatline.common.web.CurrentUserArgumentResolver;
import org.chatline.common.web.EnvelopeErrorController;
import org.chatline.common.web.ServiceCallerArgumentResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The servlet side of the contract: error envelope, correlation id, bearer-token authentication. */
@AutoConfiguration(before = org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
		after = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ApiExceptionHandler.class, EnvelopeErrorController.class })
public class WebAutoConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AuthenticationFilter> authenticationFilter(JwtVerifier verifier,
			ServiceTokenVerifier serviceVerifier, SecurityProperties properties) {
		List<String> publicPaths = new ArrayList<>(properties.publicPaths());
		publicPaths.addAll(properties.extraPublicPaths());
		FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(
				new AuthenticationFilter(verifier, serviceVerifier, publicPaths, properties.internalPaths()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	WebMvcConfigurer currentUserResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
				resolvers.add(new ServiceCallerArgumentResolver());
			}
		};
	}
}
