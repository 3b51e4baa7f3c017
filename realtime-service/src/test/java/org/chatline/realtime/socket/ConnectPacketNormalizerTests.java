package org.chatline.realtime.socket;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectPacketNormalizerTests {

	@Test
	void givesABareConnectAnEmptyAuthPayload() {
		assertThat(normalize("40")).isEqualTo("40{}");
	}

	@Test
	void rewritesOnlyTheBareConnectInAPollingBatch() {
		assertThat(normalize("3\u001e40\u001e42[\"typing:start\",{}]")).isEqualTo("3\u001e40{}\u001e42[\"typing:start\",{}]");
	}

	@Test
	void leavesEverythingElseAlone() {
		assertThat(ConnectPacketNormalizer.normalize(buffer("40{\"token\":\"abc\"}"))).isNull();
		assertThat(ConnectPacketNormalizer.normalize(buffer("42[\"x\",40]"))).isNull();
		assertThat(ConnectPacketNormalizer.normalize(buffer("401"))).isNull();
		assertThat(ConnectPacketNormalizer.normalize(buffer("40/admin,"))).isNull();
		assertThat(ConnectPacketNormalizer.normalize(Unpooled.wrappedBuffer(new byte[] { 4, 1, 2, 3 }))).isNull();
	}

	@Test
	void readsFromTheBuffersReaderIndexWithoutConsumingIt() {
		ByteBuf content = buffer("xx40");
		content.skipBytes(2);

		assertThat(ConnectPacketNormalizer.normalize(content).toString(StandardCharsets.UTF_8)).isEqualTo("40{}");
		assertThat(content.readerIndex()).isEqualTo(2);
	}

	private static String normalize(String payload) {
		return ConnectPacketNormalizer.normalize(buffer(payload)).toString(StandardCharsets.UTF_8);
	}

	private static ByteBuf buffer(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}
}
