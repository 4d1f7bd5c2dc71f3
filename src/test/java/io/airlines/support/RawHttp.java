package io.airlines.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send: raw request
 * targets ({@code /../}), CR/LF inside headers, bodies streamed from a generator and never held
 * in memory. Loopback only.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Status, raw head and body (bounded) of one exchange; status -1 when the server closed without answering. */
    public record Response(int status, String head, String body, long bytesSent) {

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and an optional body. */
    public static Response exchange(int port, String head, byte[] body) {
        return exchange(port, head, body == null ? 0 : body.length, out -> {
            if (body != null) {
                out.write(body);
            }
        });
    }

    /**
     * Sends a body of {@code length} zero-filled bytes in 64 KiB writes from another thread while
     * reading the answer, the way an upload is cut short by an early 413.
     */
    public static Response streamBody(int port, String head, long length) {
        byte[] chunk = new byte[64 * 1024];
        return exchange(port, head + "\r\nContent-Length: " + length, 0, out -> {
            for (long sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
            }
        });
    }

    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Response exchange(int port, String head, long declaredLength, BodyWriter body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream raw = socket.getOutputStream();
            AtomicLong sent = new AtomicLong();
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    raw.write(b);
                    sent.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    sent.addAndGet(len);
                }
            };
            String fullHead = head;
            if (declaredLength > 0 && !head.toLowerCase().contains("content-length:")) {
                fullHead += "\r\nContent-Length: " + declaredLength;
            }
            if (!head.toLowerCase().contains("\r\nhost:")) {
                fullHead += "\r\nHost: 127.0.0.1:" + port;
            }
            raw.write((fullHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    body.write(counting);
                    counting.flush();
                } catch (IOException closedByServer) {
                    // expected when the server answers early and closes
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            byte[] answer = readAll(socket.getInputStream(), 256 * 1024, head.startsWith("HEAD "));
            writer.join(5000);
            writer.interrupt();
            return parse(new String(answer, StandardCharsets.UTF_8), sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until the server closes, or the first bytes of an event stream (which never closes by itself),
     * or the head of an event stream's answer to HEAD, which has no body to wait for.
     */
    private static byte[] readAll(InputStream in, int max, boolean headRequest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; out.size() < max && (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                String soFar = out.toString(StandardCharsets.ISO_8859_1);
                int headEnd = soFar.indexOf("\r\n\r\n");
                if (headEnd > 0 && soFar.substring(0, headEnd).toLowerCase().contains("text/event-stream")
                        && (headRequest || soFar.length() > headEnd + 4)) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // a reset after the answer arrived still leaves the answer readable below
        }
        return out.toByteArray();
    }

    private static Response parse(String text, long sent) {
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Response(-1, "", text, sent);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Response(Integer.parseInt(text.substring(9, 12)), head, body, sent);
    }
}
