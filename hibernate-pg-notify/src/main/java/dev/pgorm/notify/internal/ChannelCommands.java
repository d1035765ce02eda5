package dev.pgorm.notify.internal;

import dev.pgorm.core.internal.PgIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The LISTEN and UNLISTEN commands asked for while a listener runs, each with a future that is done
 * once the command ran on the connection, or once a new connection covers it by listening to the
 * handler map.
 */
final class ChannelCommands {

    private record Command(String verb, String channel, CompletableFuture<Void> done) {}

    private final ConcurrentLinkedQueue<Command> queue = new ConcurrentLinkedQueue<>();

    /** Queues a command; the future is done once it ran or is covered. */
    CompletableFuture<Void> add(String verb, String channel) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Command(verb, channel, done));
        return done;
    }

    /**
     * Takes every queued command for a connection that listens to the handler map instead; call
     * {@link #complete} on the result once it does.
     */
    List<CompletableFuture<Void>> takeAll() {
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        Command command;
        while ((command = queue.poll()) != null) {
            taken.add(command.done());
        }
        return taken;
    }

    /** Marks taken commands done. */
    static void complete(List<CompletableFuture<Void>> taken) {
        taken.forEach(done -> done.complete(null));
    }

    /** Runs the queued commands on the connection, in order; a failed one stays queued. */
    void apply(Connection c) throws SQLException {
        Command command;
        while ((command = queue.peek()) != null) {
            try (Statement st = c.createStatement()) {
                st.execute(command.verb() + " " + PgIdentifiers.quote(command.channel()));
            }
            queue.remove(command);
            command.done().complete(null);
        }
    }
}
