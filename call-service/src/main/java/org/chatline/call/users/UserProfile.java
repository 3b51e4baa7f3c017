package org.chatline.call.users;

import java.util.UUID;

/** What a Jitsi token says about a user. Email and avatar may be unknown (null). */
public record UserProfile(UUID id, String username, String email, String avatar) {
}
