package org.chatline.common.security;

/** Claim names and values shared by the token issuer (auth-service) and every verifier. */
public final class TokenTypes {

	public static final String CLAIM_TYPE = "token_type";

	public static final String CLAIM_USERNAME = "username";

	public static final String CLAIM_ROLE = "role";

	public static final String CLAIM_SESSION = "sid";

	public static final String ACCESS = "access";

	public static final String REFRESH = "refresh";

	/** A service's credential for {@code /internal/**}: subject = the calling service's name. */
	public static final String SERVICE = "service";

	private TokenTypes() {
	}
}
