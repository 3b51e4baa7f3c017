package org.chatline.realtime.socket;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;

/**
 * netty-socketio's server with {@link ConnectPacketNormalizer} at the head of every connection's
 * pipeline. The transports fire each decoded {@code PacketsMessage} from the pipeline head, so the
 * normalizer sees them before the packet handler, without depending on netty-socketio's handler
 * names or replacing its channel initializer. It also remembers the listening channel, so that a
 * shutdown can stop accepting connections before it closes the sessions.
 */
final class ChatSocketServer extends SocketIOServer {

	private final ConnectPacketNormalizer normalizer = new ConnectPacketNormalizer();

	private volatile Channel listening;

	ChatSocketServer(Configuration configuration) {
		super(configuration);
	}

	@Override
	protected void applyConnectionOptions(ServerBootstrap bootstrap) {
		super.applyConnectionOptions(bootstrap);
		ChannelHandler socketIo = bootstrap.config().childHandler();
		bootstrap.childHandler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel channel) {
				channel.pipeline().addLast(ConnectPacketNormalizer.NAME, normalizer).addLast(socketIo);
			}
		});
		bootstrap.handler(new ChannelInboundHandlerAdapter() {
			@Override
			public void handlerAdded(ChannelHandlerContext ctx) {
				listening = ctx.channel();
			}
		});
	}

	/** Closes the listening socket: no new connections; open sessions carry on until closed. */
	void stopAccepting() {
		Channel channel = listening;
		if (channel != null) {
			channel.close().awaitUninterruptibly(1000);
		}
	}
}
