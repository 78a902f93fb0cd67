package org.preventhub.training.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.feed.CheckedRecord;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRecord.Delivery;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.FeedWriter;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.reference.Sectors;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code completions} feed: councils' learning systems report who attended or completed which course
 * (in person, online or e-learning). Codes for courses, areas and sectors may be the council's own, mapped by the
 * Prevent team ({@code course}, {@code area}, {@code sector} mappings); the service's own codes are taken as they
 * are. Written by {@link CompletionWriter} while later lines are still being checked; the records a file created or
 * changed go out in {@code training.completions.recorded.v1} events of up to 500 each (no name or email in them).
 */
@ApplicationScoped
public class CompletionFeedHandler implements FeedHandler<Completion> {

    static final String NAME = "completions";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AgroalDataSource dataSource;
    private final Areas areas;
    private final Outbox outbox;
    private final Sectors sectors;

    public CompletionFeedHandler(AgroalDataSource dataSource, Areas areas, Outbox outbox, Sectors sectors) {
        this.sectors = sectors;
        this.dataSource = dataSource;
        this.areas = areas;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Attendance and e-learning completions from a council's learning system. recordId identifies the "
                + "record in that system: sending it again updates it.";
    }

    @Override
    public List<FeedField> fields() {
        return List.of(
                FeedField.required("recordId", "The council's id for this record.", "LMS-2020-000123"),
                FeedField.required("person", "Attendee's name (kept in the training service only).", "Sam Taylor"),
                FeedField.optional("email", "Attendee's email.", "sam.taylor@example.org"),
                FeedField.optional("organisation", "Where the attendee works.", "Warwick District Council"),
                FeedField.required("sector", "A sector of the deployment (EDUCATION, PRISONS, PROBATION, ...) or the council's "
                        + "mapped code.", "LOCAL_AUTHORITY"),
                FeedField.required("courseCode", "The course, in the council's code (mapped) or ours.", "PREVENT-UPDATE"),
                FeedField.required("date", "Date attended or completed, YYYY-MM-DD.", "2020-05-14"),
                FeedField.required("mode", "in-person, online or e-learning (also: face-to-face, classroom, virtual, webinar, elearning).", "e-learning"),
                FeedField.optional("area", "The district or borough, in the council's code (mapped) or ours.", "warwick"),
                FeedField.required("completed", "yes or no.", "yes"));
    }

    @Override
    public CheckedRecord<Completion> check(FeedRecord record, FeedContext context) throws FeedRejection {
        String recordId = record.required("recordId", 200);
        String person = record.required("person", 200);
        String email = record.text("email", 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new FeedRejection("email is not an email address");
        }
        String organisation = record.text("organisation", 200);
        String courseCode = context.code("course", "courseCode", record.required("courseCode"), courses(context).keySet());
        LocalDate date = record.pastDate("date");
        Delivery delivery = record.delivery("mode");
        if (delivery == null) {
            throw new FeedRejection("mode is required");
        }
        String area = record.text("area");
        if (area != null) {
            area = context.code("area", "area", area, areas.all().keySet());
        }
        String sector = context.code("sector", "sector", record.required("sector"), sectors.all().keySet());
        Boolean completed = record.yesNo("completed");
        if (completed == null) {
            throw new FeedRejection("completed is required");
        }
        DeliveryMode mode = delivery.online() ? DeliveryMode.ONLINE : DeliveryMode.IN_PERSON;
        return new CheckedRecord<>(record.line(), recordId, new Completion(recordId, person, email, organisation, sector,
                courses(context).get(courseCode), courseCode, date, mode, delivery == Delivery.E_LEARNING, area,
                completed));
    }

    private Map<String, UUID> courses(FeedContext context) {
        return context.attribute("courses", () -> {
            Map<String, UUID> byCode = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("SELECT code, id FROM course");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the course catalogue", e);
            }
            return byCode;
        });
    }

    @Override
    public FeedWriter<Completion> writer(FeedBatch batch) {
        return new CompletionWriter(batch, outbox);
    }
}
