package org.chatline.call.jitsi;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.chatline.call.CallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Jitsi rooms and the tokens that admit participants to them, in the shape Prosody's token
 * authentication checks (shared-secret HS256): {@code iss} = app id, {@code aud}, {@code sub},
 * {@code room}, {@code nbf}/{@code exp}, and {@code context.user} for the display name and avatar.
 */
@Component
public class JitsiRooms {

	/** The only profile in which the built-in development secret is accepted. */
	public static final String DEV_PROFILE = "dev";

	private static final Logger log = LoggerFactory.getLogger(JitsiRooms.class);

	/** 128 random bits: a room name nobody can guess or enumerate. */
	private static final int ROOM_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	private final CallProperties.Jitsi jitsi;

	private final SecretKey key;

	/**
	 * Refuses to start with the built-in development secret outside the {@value #DEV_PROFILE}
	 * profile: anyone who read this source could sign room tokens for a Jitsi that trusts it.
	 */
	public JitsiRooms(CallProperties properties, Environment environment) {
		this.jitsi = properties.jitsi();
		this.key = Keys.hmacShaKeyFor(jitsi.appSecret().getBytes(StandardCharsets.UTF_8));
		if (jitsi.usesDevSecret()) {
			if (!environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
				throw new IllegalStateException("chat.calls.jitsi.app-secret (JWT_APP_SECRET) is not set: set it to your "
						+ "Jitsi's JWT_APP_SECRET (at least 32 bytes, e.g. `openssl rand -hex 32`). The built-in "
						+ "development secret is used only with the Spring profile '" + DEV_PROFILE + "' "
						+ "(SPRING_PROFILES_ACTIVE=" + DEV_PROFILE + ").");
			}
			log.warn("chat.calls.jitsi.app-secret (JWT_APP_SECRET) is not set: Jitsi room tokens are signed with the "
					+ "built-in development secret. Set it to your Jitsi's JWT_APP_SECRET before deploying.");
		}
	}

	public String newRoom() {
		byte[] bytes = new byte[ROOM_BYTES];
		random.nextBytes(bytes);
		// Lowercase hex: Jitsi lowercases room names, and hex needs no URL escaping.
		return HexFormat.of().formatHex(bytes);
	}

	public String roomUrl(String room) {
		return "https://" + jitsi.domain() + "/" + room;
	}

	/** A token admitting {@code user} to {@code room} for the configured lifetime. */
	public String token(String room, JitsiUser user, boolean moderator) {
		Instant now = Instant.now();
		// A LinkedHashMap, not Map.of: avatar and email may be null and Jitsi accepts null there.
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", user.id().toString());
		context.put("name", user.name());
		context.put("avatar", user.avatar());
		context.put("email", user.email());
		// Deployments read moderation from different places: JaaS from context.user.moderator, the
		// token_affiliation module from context.user.affiliation, token_moderation from the top-level claim.
		context.put("moderator", moderator);
		context.put("affiliation", moderator ? "owner" : "member");
		return Jwts.builder()
			.header()
			.type("JWT")
			.and()
			.issuer(jitsi.appId())
			.audience()
			.single(jitsi.audience())
			.subject(jitsi.subject())
			.claim("room", room)
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(jitsi.tokenTtl())))
			.claim("context", Map.of("user", context))
			.claim("moderator", moderator)
			.signWith(key, Jwts.SIG.HS256)
			.compact();
	}
}
