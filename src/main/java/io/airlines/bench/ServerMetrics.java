package io.airlines.bench;

import java.util.OptionalDouble;

/**
 * One reading of a server's {@code /actuator/prometheus}: a sample that needs several metrics reads
 * them from one answer, all of the same moment. Empty when the server did not answer.
 */
record ServerMetrics(String text) {

    static final ServerMetrics NONE = new ServerMetrics("");

    /** A gauge's or counter's value, when the server exposes one of that name without labels. */
    OptionalDouble value(String name) {
        String prefix = name + " ";
        return text.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> OptionalDouble.of(Double.parseDouble(line.substring(prefix.length()).trim())))
                .orElse(OptionalDouble.empty());
    }

    /** The sum of a metric over all its labels (e.g. GC pauses of every cause); empty without an answer. */
    OptionalDouble sum(String name) {
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(text.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim()))
                .sum());
    }
}
