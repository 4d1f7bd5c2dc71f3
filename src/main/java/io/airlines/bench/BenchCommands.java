package io.airlines.bench;

import java.util.Map;
import java.util.function.ToIntFunction;

import io.airlines.Commands;

/** {@code ./airlines bench} and the sink contender child process that the sink benchmark starts. */
public final class BenchCommands implements Commands {

    @Override
    public Map<String, ToIntFunction<String[]>> byName() {
        return Map.of("bench", BenchCommand::run, SinkContenderRun.COMMAND, SinkContenderRun::child);
    }
}
