package org.chatline.common.config;

import org.chatline.call.api.CallEvent;
import org.chatline.group.api.GroupEvent;
import org.chatline.message.api.MessageEvent;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.presence.api.SignalEvent;
import org.chatline.user.api.UserEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsAutoConfigurationTests {

	@Test
	void createsExactlyTheTopicsTheContractsOwn() {
		assertThat(EventsAutoConfiguration.TOPICS).containsExactlyInAnyOrder(UserEvent.TOPIC, GroupEvent.TOPIC,
				MessageEvent.TOPIC, CallEvent.TOPIC, PresenceEvent.TOPIC, SignalEvent.TOPIC);
	}
}
