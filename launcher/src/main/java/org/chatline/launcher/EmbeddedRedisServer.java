package org.chatline.launcher;

import java.io.IOException;

import redis.embedded.RedisServer;

/**
 * Redis from the binary that embedded-redis ships. It holds only rate-limit counters,
 * presence and short-lived realtime state, so it keeps nothing on disk.
 */
final class EmbeddedRedisServer implements AutoCloseable {

	private final RedisServer redis;

	private EmbeddedRedisServer(RedisServer redis) {
		this.redis = redis;
	}

	static EmbeddedRedisServer start(int port) throws IOException {
		RedisServer redis = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.setting("maxmemory 128mb")
			.setting("maxmemory-policy allkeys-lru")
			.build();
		redis.start();
		return new EmbeddedRedisServer(redis);
	}

	@Override
	public void close() throws IOException {
		this.redis.stop();
	}

}
