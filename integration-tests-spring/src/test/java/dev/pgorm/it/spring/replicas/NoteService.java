package dev.pgorm.it.spring.replicas;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.transaction.annotation.Transactional;

/** An application service: which server each kind of transaction runs on, and what it sees. */
public class NoteService {

    /** What a read saw: whether it ran on a replica, and whether the row was there. */
    public record Sighting(boolean onReplica, boolean found) {}

    @PersistenceContext EntityManager em;

    // tag::read-only[]
    @Transactional(readOnly = true)
    public boolean readOnlyRunsOnReplica() {
        return inRecovery(); // select pg_is_in_recovery(): true on a replica
    }

    // end::read-only[]

    @Transactional
    public boolean readWriteRunsOnReplica() {
        return inRecovery();
    }

    /** A read-only method called from a read-write transaction joins it, on the primary. */
    @Transactional
    public boolean nestedReadOnlyRunsOnReplica(NoteService self) {
        return self.readOnlyRunsOnReplica();
    }

    @Transactional
    public void write(long id, String text) {
        em.persist(new Note(id, text));
    }

    @Transactional(readOnly = true)
    public void writeInReadOnlyTransaction(long id) {
        em.persist(new Note(id, "must not be written"));
    }

    @Transactional(readOnly = true)
    public Sighting find(long id) {
        return new Sighting(inRecovery(), em.find(Note.class, id) != null);
    }

    @Transactional
    public Sighting findInReadWriteTransaction(long id) {
        return new Sighting(inRecovery(), em.find(Note.class, id) != null);
    }

    @Transactional
    public void writeTenantNote(long id, String tenant) {
        em.persist(new TenantNote(id, tenant));
    }

    /** The tenant notes a read-only transaction sees, and whether it ran on a replica. */
    public record TenantSighting(boolean onReplica, long count) {}

    @Transactional(readOnly = true)
    public TenantSighting countTenantNotes() {
        long count =
                em.createQuery("select count(*) from TenantNote", Long.class).getSingleResult();
        return new TenantSighting(inRecovery(), count);
    }

    private boolean inRecovery() {
        return (Boolean) em.createNativeQuery("select pg_is_in_recovery()").getSingleResult();
    }
}
