package io.airlines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * {@code ./airlines bench [name ...] [--quick] [--key value ...]}: runs the benchmarks found on the
 * class path (every {@link Benchmark}), prints one table and writes {@code target/bench/report.json}
 * and {@code report.md}.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(String[] args) {
        Parsed parsed = parse(args);
        if (parsed.help()) {
            System.out.println("usage: ./airlines bench [" + String.join("|", names(discover())) + " ...] [--quick] [--out DIR] [--key value ...]");
            return 0;
        }
        List<Benchmark> selected = discover().stream()
                .filter(b -> parsed.names().isEmpty() || parsed.names().contains(b.name()))
                .toList();
        List<String> unknown = parsed.names().stream().filter(n -> selected.stream().noneMatch(b -> b.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            System.err.println("airlines bench: unknown benchmark(s) " + unknown + "; known: " + names(discover()));
            return 2;
        }
        BenchOptions options = new BenchOptions(parsed.quick(), parsed.out(), parsed.values());
        BenchReport report = new BenchReport();
        int failures = 0;
        for (Benchmark benchmark : selected) {
            System.out.println("== " + benchmark.name() + (parsed.quick() ? " (quick)" : ""));
            long started = System.nanoTime();
            try {
                List<Measurement> figures = benchmark.run(options);
                figures.forEach(m -> System.out.println("   " + BenchReport.line(m)));
                report.add(figures);
            } catch (Exception e) {
                failures++;
                System.err.println("   failed: " + e);
                report.failed(benchmark.name(), e.toString());
            }
            report.elapsed(benchmark.name(), (System.nanoTime() - started) / 1e9);
        }
        System.out.println();
        System.out.println(report.table());
        Path written = report.write(parsed.out());
        System.out.println("Report written to " + written.resolve("report.json") + " and report.md");
        return failures == 0 ? 0 : 1;
    }

    /** Every concrete {@link Benchmark} under {@code io.airlines}, by name. */
    static List<Benchmark> discover() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Benchmark.class));
        List<Benchmark> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.airlines")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), BenchCommand.class.getClassLoader());
            found.add((Benchmark) BeanUtils.instantiateClass(type));
        }
        found.sort(Comparator.comparing(Benchmark::name));
        return found;
    }

    private static List<String> names(List<Benchmark> benchmarks) {
        return benchmarks.stream().map(Benchmark::name).toList();
    }

    record Parsed(List<String> names, boolean quick, boolean help, Path out, Map<String, String> values) {
    }

    static Parsed parse(String[] args) {
        List<String> names = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean quick = false;
        boolean help = false;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> quick = true;
                case "--help", "-h" -> help = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    if (a.startsWith("--")) {
                        String key = a.substring(2);
                        int eq = key.indexOf('=');
                        if (eq >= 0) {
                            values.put(key.substring(0, eq), key.substring(eq + 1));
                        } else {
                            values.put(key, i + 1 < args.length ? args[++i] : "true");
                        }
                    } else {
                        names.add(a);
                    }
                }
            }
        }
        return new Parsed(names, quick, help, out, values);
    }
}
