package org.preventhub.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.platform.feed.FeedRecord.Delivery;

/** The rules of a record that every feed shares, written once in FeedRecord and FeedContext. */
class FeedRulesTest {

    private static FeedRecord record(String field, String value) {
        return new FeedRecord(7, value == null ? Map.of() : Map.of(field, value));
    }

    private static final FeedContext COUNCIL = new FeedContext(UUID.randomUUID(), "council", false,
            Map.of("area", Map.of("WDC", "warwick", "OLD", "abolished")));

    @Test
    void classroomAndEveryOtherWordForAModeIsReadOneWayWhateverItsCaseOrSpacing() throws FeedRejection {
        assertThat(record("mode", "classroom").delivery("mode")).isEqualTo(Delivery.IN_PERSON);
        assertThat(record("mode", "Classroom").delivery("mode")).isEqualTo(Delivery.IN_PERSON);
        assertThat(record("mode", "face to face").delivery("mode")).isEqualTo(Delivery.IN_PERSON);
        assertThat(record("mode", "In_Person").delivery("mode")).isEqualTo(Delivery.IN_PERSON);
        assertThat(record("mode", "webinar").delivery("mode")).isEqualTo(Delivery.ONLINE);
        assertThat(record("mode", "virtual").delivery("mode")).isEqualTo(Delivery.ONLINE);
        assertThat(record("mode", "E-Learning").delivery("mode")).isEqualTo(Delivery.E_LEARNING);
        assertThat(record("mode", "elearning").delivery("mode")).isEqualTo(Delivery.E_LEARNING);
        assertThat(Delivery.E_LEARNING.online()).isTrue();
        assertThat(Delivery.IN_PERSON.online()).isFalse();
        assertThat(record("mode", null).delivery("mode")).isNull();
        assertThatThrownBy(() -> record("mode", "by carrier pigeon").delivery("mode"))
                .isInstanceOf(FeedRejection.class).hasMessageContaining("mode must be one of").hasMessageContaining("classroom");
    }

    @Test
    void aDateMustHaveAlreadyComeWithADaysGraceAndBeNoEarlierThan2000() throws FeedRejection {
        assertThat(record("date", LocalDate.now().plusDays(1).toString()).pastDate("date")).isEqualTo(LocalDate.now().plusDays(1));
        assertThat(record("date", "2000-01-01").pastDate("date")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThatThrownBy(() -> record("date", LocalDate.now().plusDays(2).toString()).pastDate("date"))
                .hasMessage("date is in the future: the feed reports what already took place");
        assertThatThrownBy(() -> record("date", "1999-12-31").pastDate("date"))
                .hasMessage("date is before 2000, not a plausible date");
        assertThatThrownBy(() -> record("date", "12/11/2019").pastDate("date"))
                .hasMessage("date must be a date written as YYYY-MM-DD");
    }

    @Test
    void aTextLongerThanItsColumnIsRejectedNamingTheField() throws FeedRejection {
        assertThat(record("title", "x".repeat(300)).required("title", 300)).hasSize(300);
        assertThatThrownBy(() -> record("title", "x".repeat(301)).required("title", 300))
                .hasMessage("title is longer than 300 characters");
        assertThat(record("venue", null).text("venue", 10)).isNull();
        assertThatThrownBy(() -> record("venue", null).required("venue", 10)).hasMessage("venue is required");
    }

    @Test
    void ourCodeIsTakenAsItIsTheSendersIsMappedAndNeitherIsGuessed() throws FeedRejection {
        List<String> ours = List.of("warwick", "rugby");
        assertThat(COUNCIL.code("area", "area", "rugby", ours)).isEqualTo("rugby");
        assertThat(COUNCIL.code("area", "area", "WDC", ours)).isEqualTo("warwick");
        assertThatThrownBy(() -> COUNCIL.code("area", "area", "Warwick", ours))
                .hasMessage("area has no mapping for source 'council' (kind 'area'); ask the Prevent team to map the code "
                        + "this line gives");
        assertThatThrownBy(() -> COUNCIL.code("area", "area", "OLD", ours))
                .hasMessageContaining("mapped to a code this service does not know");
    }
}
