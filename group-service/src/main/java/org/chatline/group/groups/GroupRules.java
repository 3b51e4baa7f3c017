package org.chatline.group.groups;

/** Validation patterns shared by the request records. */
final class GroupRules {

	static final String NOT_BLANK = "(?s).*\\S.*";

	static final String URL_OR_EMPTY = "|https?://\\S+";

	static final String TYPES = "PRIVATE|PUBLIC|SECRET";

	/** OWNER is never assigned: it is held by the creator and passes on only when the owner leaves. */
	static final String ASSIGNABLE_ROLES = "MEMBER|ADMIN";

	private GroupRules() {
	}

	/** An empty optional text means "none". */
	static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
