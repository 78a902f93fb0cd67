package org.preventhub.training.attendance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, UUID> {

    public Optional<Attendance> findByBooking(UUID bookingId) {
        return find("booking.id", bookingId).firstResultOptional();
    }

    /** Whether the attendance has its evaluation (evaluation is another feature's table: asked in SQL). */
    public boolean isEvaluated(UUID attendanceId) {
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM evaluation WHERE attendance_id = ?1)")
                .setParameter(1, attendanceId).getSingleResult();
    }

    public List<Attendance> forSession(UUID sessionId) {
        return list("session.id = ?1 order by walkIn, recordedAt, id", sessionId);
    }
}
