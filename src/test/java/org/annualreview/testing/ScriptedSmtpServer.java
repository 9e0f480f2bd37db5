package org.annualreview.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on a loopback port, for the answers GreenMail will not give: a refusal (5xx) of a recipient or
 * of DATA, or the final 250 after a message given only after a wait (longer than the client's timeout, say). A message
 * is stored once its terminating dot arrives, before the wait, as a real server that is slow to answer has stored it.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A message as stored: its recipients (RCPT TO) and its text. */
    public record Stored(List<String> recipients, String text) {
    }

    public volatile String recipientAnswer = "250 2.1.5 OK";
    public volatile String dataAnswer = "354 End data with <CR><LF>.<CR><LF>";
    public volatile String endAnswer = "250 2.0.0 OK: queued";
    /** How long the server waits, once a message is stored, before it answers. */
    public volatile Duration endDelay = Duration.ZERO;
    /** How long the server waits before it answers DATA (the wait in force when the command arrives). */
    public volatile Duration dataDelay = Duration.ZERO;

    private final ServerSocket server;
    private final List<Stored> stored = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger dataCommands = new AtomicInteger();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "scripted-smtp");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Stored> stored() {
        synchronized (stored) {
            return List.copyOf(stored);
        }
    }

    /** How many messages list the address among their recipients. */
    public long receivedBy(String address) {
        return stored().stream().filter(m -> m.recipients().contains(address)).count();
    }

    /** How many DATA commands arrived: each is one attempt that got as far as the message. */
    public int dataCommands() {
        return dataCommands.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread talking = new Thread(() -> talk(socket), "scripted-smtp-session");
                talking.setDaemon(true);
                talking.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void talk(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            answer(out, "220 scripted.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> answer(out, "250 scripted.test");
                    case "MAIL" -> {
                        recipients.clear();
                        answer(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String answer = recipientAnswer;
                        if (answer.startsWith("2")) {
                            recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
                        }
                        answer(out, answer);
                    }
                    case "DATA" -> {
                        Duration wait = dataDelay;
                        dataCommands.incrementAndGet();
                        Thread.sleep(wait.toMillis());
                        String answer = dataAnswer;
                        answer(out, answer);
                        if (answer.startsWith("354")) {
                            StringBuilder text = new StringBuilder();
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                text.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                            }
                            if (line == null) {
                                return;
                            }
                            stored.add(new Stored(List.copyOf(recipients), text.toString()));
                            Thread.sleep(endDelay.toMillis());
                            answer(out, endAnswer);
                        }
                    }
                    case "RSET", "NOOP" -> answer(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        answer(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> answer(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away (a timeout on its side), or the server is stopping
        }
    }

    private static void answer(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
