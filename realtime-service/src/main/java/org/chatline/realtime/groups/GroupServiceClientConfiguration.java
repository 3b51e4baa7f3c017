package org.chatline.realtime.groups;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** {@link GroupServiceClient} over the {@code chat.clients.group-service} client (common-lib). */
@Configuration(proxyBeanMethods = false)
class GroupServiceClientConfiguration {

	@Bean
	GroupServiceClient groupService(RestClient groupServiceClient) {
		return new GroupServiceClient(groupServiceClient);
	}
}
