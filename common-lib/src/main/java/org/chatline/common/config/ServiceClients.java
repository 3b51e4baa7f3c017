package org.chatline.common.config;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.chatline.common.security.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of every call to another service, from {@code chat.clients.<name>.*}
 * ({@link ServiceClientProperties}): its own pool of keep-alive connections (Apache HttpClient,
 * blocking I/O on the calling thread, no hand-off between threads per request), its timeouts, the
 * load balancer when the URL names a service id, and this service's token on every
 * {@code /internal/**} call ({@link ServiceTokenInterceptor}).
 */
public class ServiceClients {

	static final String PREFIX = "chat.clients";

	private final Binder binder;

	private final ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer;

	private final ObjectProvider<ServiceTokens> tokens;

	public ServiceClients(Binder binder, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer,
			ObjectProvider<ServiceTokens> tokens) {
		this.binder = binder;
		this.loadBalancer = loadBalancer;
		this.tokens = tokens;
	}

	/** The names under {@code chat.clients}, each bound (so a malformed entry fails the start). */
	static Set<String> declared(Binder binder) {
		return binder.bind(PREFIX, Bindable.mapOf(String.class, ServiceClientProperties.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	/** {@code user-service} gives {@code userServiceClient}: the name of the client's bean. */
	static String beanName(String name) {
		StringBuilder bean = new StringBuilder();
		for (String part : name.split("-")) {
			bean.append(bean.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return bean.append("Client").toString();
	}

	/** The client {@code chat.clients.<name>} describes; an undeclared name gets the defaults. */
	public RestClient create(String name) {
		ServiceClientProperties client = this.binder.bindOrCreate(PREFIX + "." + name, ServiceClientProperties.class);
		URI url = (client.url() != null) ? client.url() : URI.create("http://" + name);
		// Looked up per call: the token source itself calls auth-service through such a client.
		RestClient.Builder builder = RestClient.builder()
			.requestFactory(pooled(client))
			.baseUrl(url.toString())
			.requestInterceptor(new ServiceTokenInterceptor(this.tokens::getObject));
		if (client.loadBalanced()) {
			DeferringLoadBalancerInterceptor balancer = this.loadBalancer.getIfAvailable();
			if (balancer == null) {
				throw new IllegalStateException(PREFIX + "." + name + " resolves " + url.getHost()
						+ " through discovery, but there is no load balancer; set its load-balanced to false");
			}
			builder.requestInterceptor(balancer);
		}
		return builder.build();
	}

	private static HttpComponentsClientHttpRequestFactory pooled(ServiceClientProperties client) {
		var connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(client.connectTimeout()))
				.setSocketTimeout(Timeout.of(client.readTimeout()))
				// A pooled connection idle this long is checked before reuse (the peer may be gone).
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.setMaxConnTotal(256)
			.setMaxConnPerRoute(64)
			.build();
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(
				HttpClients.custom().setConnectionManager(connections).evictIdleConnections(TimeValue.ofSeconds(30)).build());
		requests.setReadTimeout(client.readTimeout());
		requests.setConnectionRequestTimeout(client.connectTimeout());
		return requests;
	}
}
