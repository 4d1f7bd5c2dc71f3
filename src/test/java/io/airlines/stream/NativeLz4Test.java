package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NativeLz4Test {

    /**
     * The packaged jar loads lz4-java through Spring Boot's class loader, not the system one: there
     * lz4-java's fastest instance is the pure-Java one unless the native library was loaded first.
     */
    @Test
    void outside_the_system_class_loader_kafka_gets_the_native_compressor_once_preferred() throws Exception {
        assertThat(fastestInAnotherLoader(false)).as("lz4-java's own choice there").doesNotContain("JNI");
        assertThat(fastestInAnotherLoader(true)).contains("JNI");
    }

    private static String fastestInAnotherLoader(boolean prefer) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> nativeLz4 = loader.loadClass(NativeLz4.class.getName());
            if (prefer) {
                nativeLz4.getMethod("prefer").invoke(null);
            }
            return (String) nativeLz4.getMethod("inUse").invoke(null);
        }
    }
}
