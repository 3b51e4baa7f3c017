package org.chatline.gateway;

import java.util.List;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's HTTP routing, with one change: a route whose metadata says {@code keep-alive: false}
 * gets a fresh upstream connection per request instead of a pooled one.
 *
 * <p>The Socket.IO server (netty-socketio) closes the connection after every polling response
 * without saying {@code Connection: close}. A pooled connection to it is therefore always about to
 * die, and reusing one in the instant before its FIN arrives fails the next poll or handshake with
 * a 502 ("xhr poll error" on the client). Replaces the stock routing filter, which is switched off
 * with {@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled=false}.
 */
class UpstreamRoutingFilter extends NettyRoutingFilter {

	static final String KEEP_ALIVE = "keep-alive";

	/**
	 * Reactor Netty decides reuse from the response's headers, so asking for {@code keepAlive(false)}
	 * is not enough; this client has no pool at all. The response timeout is applied by the filter.
	 */
	private final HttpClient unpooled;

	UpstreamRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties) {
		super(httpClient, headersFilters, properties);
		HttpClient client = HttpClient.newConnection();
		if (properties.getConnectTimeout() != null) {
			client = client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, properties.getConnectTimeout());
		}
		this.unpooled = client;
	}

	@Override
	protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
		Object keepAlive = route.getMetadata().get(KEEP_ALIVE);
		if (keepAlive != null && !Boolean.parseBoolean(keepAlive.toString())) {
			return this.unpooled;
		}
		return super.getHttpClient(route, exchange);
	}
}
