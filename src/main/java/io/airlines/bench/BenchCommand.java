package io.airlines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ./airlines bench [name ...] [--quick] [--option value ...]}: runs the benchmarks found on
 * the class path (every {@link Benchmark}), prints one table and writes {@code report.json} and
 * {@code report.md}. The options are those the benchmarks declare, so the help lists them and a
 * mistyped one is refused (exit 2) instead of silently running with a default;
 * {@code --store.<setting> value} passes a store setting to the sink under test.
 */
final class BenchCommand {

    private static final String STORE_OPTION = "--store.";

    private BenchCommand() {
    }

    /** What the command line asked for, once parsed. */
    record Request(List<String> names, boolean quick, boolean help, Path out, Map<String, String> values) {
    }

    public static int run(String[] args) {
        List<Benchmark> known = discover();
        CommandLine cli = new CommandLine(spec(known));
        Request request;
        try {
            request = parse(cli, known, args);
        } catch (ParameterException e) {
            System.err.println("airlines bench: " + e.getMessage());
            cli.usage(System.err);
            return 2;
        }
        if (request.help()) {
            cli.usage(System.out);
            return 0;
        }
        List<Benchmark> selected = known.stream()
                .filter(b -> request.names().isEmpty() || request.names().contains(b.name()))
                .toList();
        BenchOptions options = new BenchOptions(request.quick(), request.out(), request.values());
        BenchReport report = new BenchReport();
        int failures = 0;
        for (Benchmark benchmark : selected) {
            System.out.println("== " + benchmark.name() + (request.quick() ? " (quick)" : ""));
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
        Path written = report.write(request.out());
        System.out.println("Report written to " + written.resolve("report.json") + " and report.md");
        return failures == 0 ? 0 : 1;
    }

    /**
     * Parses {@code args}: refuses an unknown benchmark, an unknown option, a value of the wrong
     * type, and an option that none of the chosen benchmarks reads.
     */
    static Request parse(CommandLine cli, List<Benchmark> known, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith(STORE_OPTION)) {
                rest.add(a);
            } else if (a.contains("=")) {
                values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (i + 1 < args.length) {
                values.put(a.substring(2), args[++i]);
            } else {
                throw new ParameterException(cli, "missing a value for " + a);
            }
        }
        CommandLine.ParseResult parsed = cli.parseArgs(rest.toArray(String[]::new));
        List<String> names = parsed.matchedPositionalValue(0, List.of());
        List<String> unknown = names.stream().filter(n -> known.stream().noneMatch(b -> b.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            throw new ParameterException(cli, "unknown benchmark(s) " + unknown + "; known: " + names(known));
        }
        List<Benchmark> selected = known.stream().filter(b -> names.isEmpty() || names.contains(b.name())).toList();
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName().substring(2);
            if (ownOptions().contains(option.longestName())) {
                continue;
            }
            if (selected.stream().noneMatch(b -> reads(b, name))) {
                throw new ParameterException(cli, option.longestName() + " is not an option of " + names(selected));
            }
            values.put(name, String.valueOf((Object) option.getValue()));
        }
        return new Request(names, parsed.hasMatchedOption("--quick"), parsed.isUsageHelpRequested(),
                parsed.matchedOptionValue("--out", Path.of("target", "bench")), values);
    }

    private static List<String> ownOptions() {
        return List.of("--quick", "--out", "--help");
    }

    private static boolean reads(Benchmark benchmark, String option) {
        return benchmark.options().stream().anyMatch(o -> o.name().equals(option));
    }

    /** The command line of {@code bench}: its own options, then every benchmark's, described once. */
    static CommandSpec spec(List<Benchmark> known) {
        CommandSpec spec = CommandSpec.create().name("airlines bench");
        spec.usageMessage().description("Run benchmarks side by side; print a table and write report.json and "
                + "report.md. Options not given take each benchmark's default (its quick one with --quick).",
                "--store.<setting> VALUE passes a store setting (see the README) to the sink under test.");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("BENCHMARK")
                .type(List.class).auxiliaryTypes(String.class)
                .description("benchmarks to run (default: all): " + String.join(", ", names(known))).build());
        spec.addOption(OptionSpec.builder("--quick").arity("0").type(boolean.class)
                .description("small sizes, to finish in well under a minute each").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class)
                .description("where report.json and report.md go (default: target/bench)").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        Map<String, List<Map.Entry<Benchmark, BenchOption>>> byName = new TreeMap<>();
        for (Benchmark b : known) {
            for (BenchOption o : b.options()) {
                byName.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(Map.entry(b, o));
            }
        }
        byName.forEach((name, declared) -> spec.addOption(OptionSpec.builder("--" + name)
                .type(declared.get(0).getValue().type()).paramLabel(declared.get(0).getValue().type() == Integer.class ? "N" : "VALUE")
                .description(declared.stream().map(BenchCommand::describe).collect(Collectors.joining("; "))).build()));
        return spec;
    }

    private static String describe(Map.Entry<Benchmark, BenchOption> declared) {
        BenchOption o = declared.getValue();
        String defaults = o.normal().equals(o.quick()) ? o.normal() : o.normal() + ", quick " + o.quick();
        return declared.getKey().name() + ": " + o.description() + " (default " + defaults + ")";
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
}
