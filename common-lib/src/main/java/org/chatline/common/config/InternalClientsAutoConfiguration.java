package org.chatline.common.config;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.chatline.common.security.ClientCredentialsServiceTokens;
import org.chatline.common.security.ServiceAuthProperties;
import org.chatline.common.security.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for service-to-service calls. Two builders, because the Eureka client takes the
 * primary {@link RestClient.Builder} for its own registry calls: a plain one (primary) for it, and
 * a {@link LoadBalanced @LoadBalanced} one that services inject, with that qualifier, to reach
 * {@code http://<service-id>}. Short timeouts, so that a slow owner becomes a quick 503. The
 * load-balanced one carries this service's token to every {@code /internal/**} it calls (see
 * {@link ServiceTokenInterceptor}), so no client has to think about service credentials.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ RestClient.class, LoadBalanced.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ InternalClientsAutoConfiguration.InternalClientProperties.class,
		ServiceAuthProperties.class })
public class InternalClientsAutoConfiguration {

	/** {@code chat.internal-clients.*}: timeouts of calls between services. */
	@ConfigurationProperties("chat.internal-clients")
	public record InternalClientProperties(@DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("3s") Duration readTimeout) {
	}

	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder() {
		return RestClient.builder();
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(InternalClientProperties properties,
			ObjectProvider<ServiceTokens> serviceTokens) {
		// Blocking I/O on the calling thread over pooled keep-alive connections: no hand-offs between
		// threads per request, which made the JDK client the largest cost of forwarding socket emits.
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(Timeout.of(properties.readTimeout()))
				// A pooled connection idle this long is checked before reuse (the peer may be gone).
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.setMaxConnTotal(256)
			.setMaxConnPerRoute(64)
			.build();
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(
				HttpClients.custom().setConnectionManager(connections).evictIdleConnections(TimeValue.ofSeconds(30)).build());
		requests.setReadTimeout(properties.readTimeout());
		requests.setConnectionRequestTimeout(properties.connectTimeout());
		// Looked up per call: the token source itself calls auth-service through this builder.
		return RestClient.builder()
			.requestFactory(requests)
			.requestInterceptor(new ServiceTokenInterceptor(serviceTokens::getObject));
	}

	/**
	 * Tokens from auth-service's client-credentials endpoint; auth-service mints its own instead, and
	 * tests sign theirs with a test key (each declares its own {@link ServiceTokens}).
	 */
	@Bean
	@ConditionalOnMissingBean(ServiceTokens.class)
	ServiceTokens serviceTokens(@LoadBalanced RestClient.Builder loadBalanced, ServiceAuthProperties properties) {
		return new ClientCredentialsServiceTokens(loadBalanced.clone().build(), properties);
	}
}
