package io.airlines.bench;

/**
 * An option of one benchmark, {@code --name}: its value in a full run and in a {@code --quick}
 * one, declared once here so the help text and the run agree. {@code type} is what picocli checks
 * the given value against ({@code Integer} or {@code String}).
 */
public record BenchOption(String name, Class<?> type, String normal, String quick, String description) {

    public static BenchOption count(String name, int normal, int quick, String description) {
        return new BenchOption(name, Integer.class, Integer.toString(normal), Integer.toString(quick), description);
    }

    public static BenchOption text(String name, String normal, String quick, String description) {
        return new BenchOption(name, String.class, normal, quick, description);
    }
}
