package org.chatline.group.users;

import org.chatline.common.projection.KnownUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/**
 * Which users exist: common-lib's known-user projection (its merge rule, user-service asked on a
 * miss, the caller's row lock of {@link #lockIfExists} and {@link #confirmCaller}), with this
 * service's user-service client.
 */
@Component
public class UserDirectory extends KnownUsers {

	UserDirectory(JdbcClient jdbc, RestClient userServiceClient, PlatformTransactionManager transactionManager) {
		super(jdbc, userServiceClient, transactionManager);
	}
}
