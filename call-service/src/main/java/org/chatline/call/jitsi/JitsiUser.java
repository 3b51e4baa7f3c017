package org.chatline.call.jitsi;

import java.util.UUID;

/** Who a room token is for: its {@code context.user} claim. Avatar and email may be null. */
public record JitsiUser(UUID id, String name, String avatar, String email) {
}
