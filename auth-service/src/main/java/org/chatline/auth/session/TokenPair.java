package org.chatline.auth.session;

/** What a login or a refresh hands out. */
public record TokenPair(String accessToken, String refreshToken) {
}
