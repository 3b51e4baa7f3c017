package org.chatline.attachment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AttachmentProperties.class)
public class AttachmentApplication {

	public static void main(String[] args) {
		SpringApplication.run(AttachmentApplication.class, args);
	}
}
