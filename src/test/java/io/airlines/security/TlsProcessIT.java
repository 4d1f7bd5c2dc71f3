package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.airlines.bench.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS as the README documents it: a provided keystore in SERVER_SSL_KEY_STORE, and the server speaks HTTPS only. */
class TlsProcessIT {

    private static final String PASSWORD = "test-only-store-password";

    @TempDir
    Path temp;

    @Test
    void with_a_keystore_the_server_answers_https_and_refuses_plain_http() throws Exception {
        Path keystore = temp.resolve("airlines.p12");
        keytool("-genkeypair", "-alias", "airlines", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD);
        try (ServerProcess app = ServerProcess.builder(temp.resolve("data"))
                .log(Path.of("target", "server-logs", "tls.log").toAbsolutePath())
                .env("SERVER_SSL_KEY_STORE", keystore.toString())
                .env("SERVER_SSL_KEY_STORE_PASSWORD", PASSWORD)
                .env("SERVER_SSL_KEY_STORE_TYPE", "PKCS12")
                .start()) {
            await().atMost(Duration.ofSeconds(120)).until(() -> app.output().contains("Airlines is running at https://"));
            String health = "https://localhost:" + app.httpPort() + "/actuator/health";
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"UP\"");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(health)).build(),
                    HttpResponse.BodyHandlers.ofString())).as("a client that does not trust the certificate")
                    .isInstanceOf(IOException.class);
            HttpResponse<String> plain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
            assertThat(app.output()).doesNotContain("without TLS").doesNotContain(PASSWORD);
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
