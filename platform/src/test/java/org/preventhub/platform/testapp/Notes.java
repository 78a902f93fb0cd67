package org.preventhub.platform.testapp;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.outbox.Outbox;

/** Writes notes and their events in one transaction, as a service's own service class does. */
@ApplicationScoped
public class Notes {

    public record NoteView(UUID id, String text, long version) {
    }

    private final EntityManager em;
    private final Outbox outbox;

    Notes(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional
    public NoteView write(String text) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = text;
        em.persist(note);
        em.flush();
        return publish(note, NoteEvents.WRITTEN);
    }

    @Transactional
    public Optional<NoteView> change(UUID id, String text) {
        return Optional.ofNullable(em.find(Note.class, id)).map(note -> {
            note.text = text;
            em.flush();
            return publish(note, NoteEvents.CHANGED);
        });
    }

    @Transactional
    public boolean remove(UUID id) {
        Note note = em.find(Note.class, id);
        if (note == null) {
            return false;
        }
        publish(note, NoteEvents.REMOVED);
        em.remove(note);
        return true;
    }

    private NoteView publish(Note note, String type) {
        outbox.record(NoteEvents.AGGREGATE, note.id, type, new NoteEvents.NoteChanged(note.id, note.text, note.version));
        return new NoteView(note.id, note.text, note.version);
    }
}
