package org.preventhub.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which callers get CSV from an operation that answers JSON or CSV. */
class CsvNegotiationTest {

    @Test
    void aGeneratedClientNamingEveryDeclaredTypeGetsJsonAndOnlyACallerPreferringCsvGetsCsv() {
        // openapi-generator's clients send every type the operation declares, JSON first.
        assertThat(CsvExport.preferred("application/json, text/csv, application/problem+json")).isFalse();
        assertThat(CsvExport.preferred(null)).isFalse();
        assertThat(CsvExport.preferred("*/*")).isFalse();
        assertThat(CsvExport.preferred("application/json")).isFalse();
        assertThat(CsvExport.preferred("text/csv")).isTrue();
        assertThat(CsvExport.preferred("text/csv, application/json")).isTrue();
        assertThat(CsvExport.preferred("application/json;q=0.5, text/csv")).isTrue();
        assertThat(CsvExport.preferred("text/csv;q=0.2, */*")).isFalse();
        assertThat(CsvExport.preferred("text/csv;q=0")).isFalse();
    }
}
