package org.chatline.common.security;

import java.util.UUID;

/** The caller, as proven by a verified access token. */
public record AuthenticatedUser(UUID id, String username, String role, UUID sessionId, String token) {
}
