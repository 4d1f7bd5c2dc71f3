package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.airlines.web.ApiKeyFilter;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * A timing measurement over HTTP would be too noisy to fail reliably, so this reads the filter's
 * bytecode: the key must be compared with the JDK's constant-time {@code MessageDigest.isEqual},
 * never with {@code equals} or {@code Arrays.equals}, which stop at the first differing byte.
 */
class ApiKeyComparisonTest {

    @Test
    void the_api_key_is_compared_in_constant_time() throws IOException {
        List<String> calls = calls(ApiKeyFilter.class);
        assertThat(calls).contains("java/security/MessageDigest.isEqual");
        assertThat(calls).doesNotContain("java/lang/String.equals", "java/util/Arrays.equals",
                "java/lang/String.contentEquals", "java/util/Objects.equals");
    }

    private static List<String> calls(Class<?> type) throws IOException {
        List<String> calls = new ArrayList<>();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                            calls.add(owner + "." + method);
                        }
                    };
                }
            }, 0);
        }
        return calls;
    }
}
