package org.chatline.attachment.attachments;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the clients of user-service and group-service at {@link DirectoryStub} and the local store
 * at a temporary folder. Every integration test class of one storage mode imports it, so they share
 * one Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
class AttachmentTestConfiguration {

	@Bean
	DynamicPropertyRegistrar directoryStubRegistrar() {
		return registry -> {
			registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", DirectoryStub.INSTANCE::url);
			registry.add("spring.cloud.discovery.client.simple.instances.group-service[0].uri", DirectoryStub.INSTANCE::url);
			registry.add("chat.attachments.storage.directory", () -> temporaryFolder());
		};
	}

	private static String temporaryFolder() {
		try {
			return Files.createTempDirectory("attachments-it").toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
