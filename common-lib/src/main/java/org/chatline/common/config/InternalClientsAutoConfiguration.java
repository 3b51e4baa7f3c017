package org.chatline.common.config;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for service-to-service calls. Two builders, because the Eureka client takes the
 * primary {@link RestClient.Builder} for its own registry calls: a plain one (primary) for it, and
 * a {@link LoadBalanced @LoadBalanced} one that services inject, with that qualifier, to reach
 * {@code http://<service-id>}. Short timeouts, so that a slow owner becomes a quick 503.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ RestClient.class, LoadBalanced.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(InternalClientsAutoConfiguration.InternalClientProperties.class)
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
	RestClient.Builder loadBalancedRestClientBuilder(InternalClientProperties properties) {
		// HTTP/1.1: the JDK client's default h2c upgrade attempt is refused by some servers.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build());
		requests.setReadTimeout(properties.readTimeout());
		return RestClient.builder().requestFactory(requests);
	}
}
