package org.chatline.realtime.socket;

import java.nio.charset.StandardCharsets;

import com.corundumstudio.socketio.messages.PacketsMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Turns a CONNECT to the default namespace without payload ({@code 40}) into one with an empty
 * payload ({@code 40{}}). netty-socketio calls the auth-token listeners only when the CONNECT
 * carries a payload, so without this a client that sends its token in the handshake header, or no
 * token at all, would be answered "connected" with no check. Installed by {@link ChatSocketServer}.
 */
@Sharable
final class ConnectPacketNormalizer extends ChannelInboundHandlerAdapter {

	static final String NAME = "chatConnectNormalizer";

	private static final byte SEPARATOR = 0x1e;

	private static final byte[] EMPTY_AUTH_CONNECT = "40{}".getBytes(StandardCharsets.US_ASCII);

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof PacketsMessage packets) {
			ByteBuf normalized = normalize(packets.getContent());
			if (normalized != null) {
				msg = new PacketsMessage(packets.getClient(), normalized, packets.getTransport());
			}
		}
		super.channelRead(ctx, msg);
	}

	/**
	 * The payload with every bare {@code 40} packet (packets are separated by 0x1e in a polling
	 * body) given an empty auth object, or null when there is none, so the common case allocates
	 * nothing. The original buffer stays with its owner, which releases it.
	 */
	static ByteBuf normalize(ByteBuf content) {
		int start = content.readerIndex();
		int end = content.writerIndex();
		if (!containsBareConnect(content, start, end)) {
			return null;
		}
		ByteBuf out = Unpooled.buffer(end - start + 8);
		int segment = start;
		for (int i = start; i <= end; i++) {
			if (i == end || content.getByte(i) == SEPARATOR) {
				if (isBareConnect(content, segment, i)) {
					out.writeBytes(EMPTY_AUTH_CONNECT);
				}
				else {
					out.writeBytes(content, segment, i - segment);
				}
				if (i < end) {
					out.writeByte(SEPARATOR);
				}
				segment = i + 1;
			}
		}
		return out;
	}

	private static boolean containsBareConnect(ByteBuf content, int start, int end) {
		int segment = start;
		for (int i = start; i <= end; i++) {
			if (i == end || content.getByte(i) == SEPARATOR) {
				if (isBareConnect(content, segment, i)) {
					return true;
				}
				segment = i + 1;
			}
		}
		return false;
	}

	private static boolean isBareConnect(ByteBuf content, int from, int to) {
		return to - from == 2 && content.getByte(from) == '4' && content.getByte(from + 1) == '0';
	}
}
