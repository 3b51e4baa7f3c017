package org.chatline.group.users;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The shared pooled client of every service (common-lib): short timeouts, so a slow user-service is
 * a quick 503, and this service's token on every {@code /internal/**} call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserServiceProperties.class)
class UserServiceClientConfiguration {

	@Bean
	RestClient userServiceClient(@LoadBalanced RestClient.Builder loadBalanced, UserServiceProperties properties) {
		return loadBalanced.clone().baseUrl(properties.url()).build();
	}
}
