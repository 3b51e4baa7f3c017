package org.chatline.common.security;

import java.security.PublicKey;
import java.util.Optional;

/** Where a verifier finds the public key for a token's {@code kid}. */
public interface PublicKeySource {

	Optional<PublicKey> find(String kid);
}
