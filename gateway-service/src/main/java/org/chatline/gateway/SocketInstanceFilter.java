package org.chatline.gateway;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Socket.IO through the load balancer, to several realtime-service instances.
 *
 * <p>An instance registers its HTTP port in Eureka and its Socket.IO port as metadata; for a route
 * whose metadata names that key ({@code upstream-port-metadata: socket-port}), this filter moves the
 * load-balanced request to the chosen instance's Socket.IO port. It also answers with the instance id
 * in a cookie, which the load balancer's request-based sticky session reads: every polling request
 * and the websocket upgrade of one Engine.IO session reach the instance that holds the session (a
 * browser and {@code socket.io-client} with {@code withCredentials} send it back). When that instance
 * is gone, the health-checked instance list no longer has it and the client lands on another.
 */
class SocketInstanceFilter implements GlobalFilter, Ordered {

	static final String PORT_METADATA = "upstream-port-metadata";

	private static final Logger log = LoggerFactory.getLogger(SocketInstanceFilter.class);

	private final String cookieName;

	SocketInstanceFilter(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		Object portKey = (route != null) ? route.getMetadata().get(PORT_METADATA) : null;
		if (portKey == null || chosen == null || !chosen.hasServer()) {
			return chain.filter(exchange);
		}
		ServiceInstance instance = chosen.getServer();
		String port = instance.getMetadata().get(portKey.toString());
		if (port == null) {
			log.warn("Instance {} of {} has no '{}' metadata; routing to its HTTP port", instance.getInstanceId(),
					instance.getServiceId(), portKey);
			return chain.filter(exchange);
		}
		URI url = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		URI socketUrl = UriComponentsBuilder.fromUri(url).port(Integer.parseInt(port)).build(true).toUri();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, socketUrl);
		HttpCookie sent = exchange.getRequest().getCookies().getFirst(this.cookieName);
		if (sent == null || !instance.getInstanceId().equals(sent.getValue())) {
			exchange.getResponse()
				.addCookie(ResponseCookie.from(this.cookieName, instance.getInstanceId())
					.path("/socket.io")
					.httpOnly(true)
					.sameSite("Lax")
					.build());
		}
		return chain.filter(exchange);
	}

	/** After the load balancer chose an instance, before the request is sent. */
	@Override
	public int getOrder() {
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 2;
	}
}
