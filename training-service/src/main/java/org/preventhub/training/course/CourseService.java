package org.preventhub.training.course;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.training.CourseSnapshot;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.web.Versions;

@ApplicationScoped
public class CourseService {

    private final EntityManager em;
    private final Outbox outbox;

    public CourseService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional
    public CourseResponse register(CourseRequest request) {
        Course course = new Course();
        course.id = UUID.randomUUID();
        course.createdAt = Instant.now();
        apply(course, request);
        em.persist(course);
        outbox.record(TrainingEventTypes.AGGREGATE_COURSE, course.id, TrainingEventTypes.COURSE_REGISTERED,
                snapshot(course));
        return CourseResponse.of(course);
    }

    @Transactional
    public Optional<CourseResponse> update(UUID id, CourseRequest request, Long expectedVersion) {
        return find(id).map(course -> {
            Versions.check(expectedVersion, course.version);
            apply(course, request);
            em.flush(); // bump the version now, so the event and the answer carry it
            outbox.record(TrainingEventTypes.AGGREGATE_COURSE, course.id, TrainingEventTypes.COURSE_UPDATED,
                    snapshot(course));
            return CourseResponse.of(course);
        });
    }

    @Transactional
    public Optional<CourseResponse> get(UUID id) {
        return find(id).map(CourseResponse::of);
    }

    @Transactional
    public List<CourseResponse> list(Boolean active) {
        String query = active == null ? "from Course c order by c.code"
                : "from Course c where c.active = :active order by c.code";
        var typed = em.createQuery(query, Course.class);
        if (active != null) {
            typed.setParameter("active", active);
        }
        return typed.getResultList().stream().map(CourseResponse::of).toList();
    }

    /** For other features of this service: the course entity, or 400 on the field that named it. */
    public Course require(String field, UUID id) {
        if (id == null) {
            throw ProblemException.invalidField(field, "must not be null");
        }
        return find(id).orElseThrow(() -> ProblemException.invalidField(field, "no such course"));
    }

    private Optional<Course> find(UUID id) {
        return Optional.ofNullable(em.find(Course.class, id));
    }

    private static void apply(Course course, CourseRequest request) {
        course.code = request.code();
        course.title = request.title().strip();
        course.description = request.description();
        course.priority = request.priority();
        course.audience = request.audience().strip();
        course.durationMinutes = request.durationMinutes();
        course.modes = EnumSet.copyOf(request.modes());
        course.active = request.active() == null || request.active();
        course.updatedAt = Instant.now();
    }

    public static CourseSnapshot snapshot(Course course) {
        return new CourseSnapshot(course.id, course.code, course.title, course.priority, course.audience,
                course.durationMinutes, course.modes.stream().sorted().toList(), course.active);
    }
}
