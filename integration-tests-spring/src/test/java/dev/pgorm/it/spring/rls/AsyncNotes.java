package dev.pgorm.it.spring.rls;

import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;

/** Counts notes on a thread of Spring's task executor. */
class AsyncNotes {
    private final NoteRepository notes;

    AsyncNotes(NoteRepository notes) {
        this.notes = notes;
    }

    @Async
    public CompletableFuture<Long> count() {
        return CompletableFuture.completedFuture(notes.count());
    }
}
