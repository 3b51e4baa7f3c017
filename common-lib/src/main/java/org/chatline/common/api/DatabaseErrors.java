package org.chatline.common.api;

import java.sql.SQLException;

/** What a database failure says about the request that caused it. */
public final class DatabaseErrors {

	private DatabaseErrors() {
	}

	/**
	 * Whether PostgreSQL refused text it cannot store: a NUL character (SQLState 22021) or bytes
	 * that are not valid in the database encoding (22P05). That is bad input (400), not a conflict.
	 */
	public static boolean invalidText(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					if ("22021".equals(next.getSQLState()) || "22P05".equals(next.getSQLState())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The 400 answer for {@link #invalidText}. */
	public static DomainException invalidTextError() {
		return DomainException.invalid("Text must not contain NUL characters");
	}

}
