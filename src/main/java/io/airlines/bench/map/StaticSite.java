package io.airlines.bench.map;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The jar's static pages, WebJars and the renderer benchmark's page ({@code /bench/}) over plain HTTP
 * on a loopback port, without the application: what the benchmark needs to load the live map's
 * scripts and basemap.
 */
final class StaticSite implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript", "css", "text/css", "json", "application/json", "svg", "image/svg+xml");

    private final HttpServer server;
    private final String olVersion;

    StaticSite() throws IOException {
        olVersion = webJarVersion("ol");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String resource = resource(path);
        try (exchange; InputStream in = path.contains("..") ? null
                : StaticSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = in.readAllBytes();
            String ext = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The benchmark's own page and script live outside {@code static/}, so the product site never serves them. */
    private String resource(String path) {
        if (path.startsWith("/webjars/ol/")) {
            return "META-INF/resources/webjars/ol/" + olVersion + "/" + path.substring("/webjars/ol/".length());
        }
        return path.startsWith("/bench/") ? "bench/map/" + path.substring("/bench/".length()) : "static" + path;
    }

    private static String webJarVersion(String name) throws IOException {
        try (InputStream in = StaticSite.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            if (in == null) {
                throw new IOException("WebJar " + name + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
