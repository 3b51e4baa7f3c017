package org.chatline.gateway;

import java.time.Duration;
import java.util.List;

import org.chatline.gateway.edge.CorsProperties;
import org.chatline.gateway.edge.GatewayProperties;
import org.chatline.gateway.ratelimit.RateLimitProperties;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayProperties.class, RateLimitProperties.class, CorsProperties.class })
@LoadBalancerClient(name = "realtime-service", configuration = RealtimeLoadBalancing.class)
class GatewayConfiguration {

	@Bean
	SocketInstanceFilter socketInstanceFilter(
			@Value("${spring.cloud.loadbalancer.sticky-session.instance-id-cookie-name:sc-lb-instance-id}") String cookie) {
		return new SocketInstanceFilter(cookie);
	}

	@Bean
	@LoadBalanced
	WebClient.Builder loadBalancedWebClientBuilder() {
		return WebClient.builder();
	}

	@Bean
	UpstreamRoutingFilter upstreamRoutingFilter(HttpClient httpClient,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties) {
		return new UpstreamRoutingFilter(httpClient, headersFilters, properties);
	}

	/** Switched off with the stock routing filter; the proxied response is written by it. */
	@Bean
	NettyWriteResponseFilter nettyWriteResponseFilter(
			org.springframework.cloud.gateway.config.GatewayProperties gatewayProperties,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
		return new NettyWriteResponseFilter(gatewayProperties.getStreamingMediaTypes(), headersFilters);
	}

	/** CORS for the API and for Socket.IO polling from a browser, answered at the edge. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	CorsWebFilter corsWebFilter(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(properties.allowedOrigins());
		cors.setAllowCredentials(properties.allowCredentials());
		cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("*"));
		cors.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
				"X-RateLimit-Reset", "Retry-After"));
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return new CorsWebFilter(source);
	}
}
