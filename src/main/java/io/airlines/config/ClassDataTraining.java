package io.airlines.config;

/**
 * The training run of the launcher's class data archive: the server's start path up to a refreshed
 * context, then a halt (Spring's {@code spring.context.exit=onRefresh}), so that the JVM records
 * every class a start loads. The embedded broker and store start for real, which is what loads
 * their classes, but on spare loopback ports and in the throwaway data directory given, whatever
 * the environment says: training never touches the user's data directory, ports, Kafka cluster or
 * MongoDB server.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** The server's arguments for a training run in {@code args[0]}, a directory to throw away after. */
    public static String[] serverArguments(String[] args) {
        if (args.length != 1) {
            throw new StartupException("usage: class-data-training <throwaway data directory>");
        }
        System.setProperty("spring.context.exit", "onRefresh");
        int[] ports = LocalPorts.free(4);
        return new String[] {
                "--airlines.data-dir=" + args[0],
                "--airlines.kafka.bootstrap-servers=",
                "--airlines.mongo.uri=",
                "--airlines.kafka.port=" + ports[0],
                "--airlines.kafka.controller-port=" + ports[1],
                "--airlines.mongo.port=" + ports[2],
                "--server.port=" + ports[3]};
    }
}
