package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * mongo-java-server's {@code MongoServer} with the store's own wire decoder ({@link WireDecoder}),
 * which that class has no way to take: the same Netty pipeline otherwise, the same thread names.
 * Closing it stops the connections, then closes the backend, as {@code MongoServer} does.
 */
public final class WireServer implements AutoCloseable {

    private final EventLoopGroup boss = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
    private final EventLoopGroup workers = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
    private final ChannelGroup clients = new DefaultChannelGroup("mongodb-channels", workers.next());
    private final MongoBackend backend;
    private final Channel channel;

    public WireServer(MongoBackend backend, InetSocketAddress address) {
        this.backend = backend;
        try {
            channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .localAddress(address)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        public void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                    new WireDecoder(), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownThreads();
            throw e;
        }
    }

    /** The port it listens on: the one asked for, or the one the system chose for port 0. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        shutDownThreads();
        backend.close();
    }

    private void shutDownThreads() {
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
