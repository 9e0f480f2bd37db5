package org.annualreview.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A mail relay that lets each connection through to the real server only after a wait, so that sending is slow: a
 * sender's message is claimed, then waits at the relay before the server greets it (the same as SendingTakeoverIT's).
 */
public final class SlowRelay implements AutoCloseable {

    private final ServerSocket server;

    public SlowRelay(int target, long waitMillis) throws IOException {
        server = new ServerSocket(0);
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    new Thread(() -> relay(client, target, waitMillis), "slow-relay").start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "slow-relay-accepting");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private static void relay(Socket client, int target, long waitMillis) {
        try (client; Socket upstream = new Socket("127.0.0.1", target)) {
            Thread.sleep(waitMillis);
            Thread back = new Thread(() -> copy(upstream, client));
            back.setDaemon(true);
            back.start();
            copy(client, upstream);
            back.join(10_000);
        } catch (Exception ended) {
            // the sender died, or the server closed: nothing to relay
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
