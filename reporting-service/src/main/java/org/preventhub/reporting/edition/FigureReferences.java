package org.preventhub.reporting.edition;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.reporting.indicator.Figures;
import org.preventhub.reporting.indicator.Figures.IndicatorValues;
import org.preventhub.reporting.indicator.IndicatorDefinition;
import org.preventhub.reporting.indicator.IndicatorEngine;
import org.preventhub.reporting.indicator.IndicatorRepository;
import org.preventhub.reporting.indicator.ReportingPeriod;

/**
 * Live figure references in an edition's Markdown: {@code {{indicator}}}, with optionally a cell of one breakdown
 * ({@code by=course key=WRAP}, or a key with spaces in quotes: {@code key="Prevent awareness"}) or of a
 * cross-tabulation the indicator lists ({@code by=concern_type,age_band key=ISLAMIST,15-17}), and a period other
 * than the edition's ({@code from=2019-04-01 to=2020-03-31}), resolved through the indicator engine, so a reference
 * shows what the reader may see of that figure. Any other text between {@code {{ }}} is refused when a draft is
 * saved, so a mistyped reference never reaches a reader as raw braces.
 *
 * <p>A cross-tabulation's key has one part per dimension, in the order of {@code by}, separated by commas; a part
 * with a space or a comma goes in quotes ({@code by=course,area key=WRAP,"Nuneaton and Bedworth"}). Its figure is
 * the engine's cell of the whole table, so a cell the table hides (a small number, or one hidden with it so that the
 * table's totals give nothing away) is hidden in the reference too. A one-dimension breakdown's key is taken whole,
 * as before cross-tabulations could be referenced (a comma in it is part of the key), so published editions keep
 * finding their figures.
 */
@ApplicationScoped
public class FigureReferences {

    /** A part of a cross-tabulation's key: quoted, or plain (no space, quote, brace or comma). */
    private static final String PART = "(?:\"[^\"{}]{1,100}\"|[^\\s{}\",]{1,100})";
    static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{\\s*([a-z0-9.-]{1,80})"
                    + "(?:\\s+by=([a-z_]{1,60}(?:,[a-z_]{1,60}){0,3})\\s+key=(?:\"([^\"{}]{1,100})\"|([^\\s{}\"]{1,100})"
                    + "|(" + PART + "(?:," + PART + "){1,3})))?"
                    + "(?:\\s+from=(\\d{4}-\\d{2}-\\d{2})\\s+to=(\\d{4}-\\d{2}-\\d{2}))?\\s*\\}\\}");
    /** Anything that looks like a reference: what is neither a figure's nor an image's is refused. */
    private static final Pattern BRACES = Pattern.compile("\\{\\{[^{}]{0,300}\\}\\}");

    /**
     * A reference, by its normal form (the key frozen figures are kept under): references without a quoted key or a
     * period keep the form they had before either existed, so editions published then still find their figures.
     *
     * @param keys the cell's key, one part per dimension of {@code by} (as written: saving checks the count); null
     *            without {@code by}
     */
    public record Reference(String indicator, String by, List<String> keys, String from, String to) {
        public Reference {
            keys = keys == null ? null : List.copyOf(keys);
        }

        /** A cell of a one-dimension breakdown. */
        public Reference(String indicator, String by, String key, String from, String to) {
            this(indicator, by, key == null ? null : List.of(key), from, to);
        }

        public Reference(String indicator, String by, String key) {
            this(indicator, by, key, null, null);
        }

        public String id() {
            String id = by == null ? indicator : indicator + " by=" + by + " key=" + keyText();
            return from == null ? id : id + " from=" + from + " to=" + to;
        }

        /** A one-dimension breakdown's key as it always was written; a cross-tabulation's part by part. */
        private String keyText() {
            if (keys.size() == 1 && !by.contains(",")) {
                String key = keys.get(0);
                return key.matches("[^\\s{}\"]+") ? key : "\"" + key + "\"";
            }
            return String.join(",", keys.stream().map(k -> k.matches("[^\\s{}\",]*") ? k : "\"" + k + "\"").toList());
        }

        /** The period the figure is of: its own, or the edition's. */
        ReportingPeriod period(ReportingPeriod edition) {
            return from == null ? edition : ReportingPeriod.between(LocalDate.parse(from), LocalDate.parse(to));
        }
    }

    /** The reference a match of {@link #REFERENCE} stands for. */
    static Reference of(Matcher m) {
        String by = m.group(2);
        List<String> keys = null;
        if (m.group(3) != null) {
            keys = List.of(m.group(3));
        } else if (m.group(4) != null) {
            keys = by.contains(",") ? parts(m.group(4)) : List.of(m.group(4));
        } else if (m.group(5) != null) {
            keys = parts(m.group(5));
        }
        return new Reference(m.group(1), by, keys, m.group(6), m.group(7));
    }

    /** A key's parts: split at the commas outside quotes, each unquoted. */
    private static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : key.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private final IndicatorRepository indicators;
    private final IndicatorEngine engine;

    public FigureReferences(IndicatorRepository indicators, IndicatorEngine engine) {
        this.indicators = indicators;
        this.engine = engine;
    }

    static List<Reference> in(String markdown) {
        List<Reference> found = new ArrayList<>();
        if (markdown != null) {
            Matcher m = REFERENCE.matcher(markdown);
            while (m.find()) {
                found.add(of(m));
            }
        }
        return found;
    }

    /**
     * 400 naming {@code field} for a reference to no indicator, to a breakdown or cross-tabulation the indicator has
     * not, or with a key of the wrong number of parts.
     */
    void validate(String field, String markdown) {
        if (markdown != null) {
            Matcher any = BRACES.matcher(markdown);
            while (any.find()) {
                String text = any.group();
                if (!REFERENCE.matcher(text).matches() && !EditionImages.REFERENCE.matcher(text).matches()) {
                    throw ProblemException.invalidField(field, (text.length() > 60 ? text.substring(0, 57) + "...}}" : text)
                            + " is not a figure reference: {{indicator}}, optionally by=<breakdown> key=<key or \"quoted key\"> "
                            + "(by=<a>,<b> key=<a's>,<b's> for a cross-tabulation) and from=YYYY-MM-DD to=YYYY-MM-DD, "
                            + "or an image's {{image:<id>}}");
                }
            }
        }
        for (Reference r : in(markdown)) {
            if (r.from() != null) {
                try {
                    r.period(null);
                } catch (java.time.DateTimeException e) {
                    throw ProblemException.invalidField(field, "{{" + r.id() + "}}: from and to must be dates (YYYY-MM-DD)");
                } catch (ProblemException e) {
                    throw ProblemException.invalidField(field, "{{" + r.id() + "}}: to must not be before from");
                }
            }
            IndicatorDefinition d = indicators.find(r.indicator()).orElseThrow(() -> ProblemException.invalidField(field,
                    "{{" + r.id() + "}} names no indicator"));
            if (r.by() != null) {
                validateCell(field, r, d);
            }
        }
    }

    /** 400 naming {@code field} and the reference for a breakdown the indicator has not, or a key not of its cells. */
    private static void validateCell(String field, Reference r, IndicatorDefinition d) {
        String named = "{{" + r.id() + "}}: ";
        List<String> singles = d.breakdowns().stream().filter(b -> !b.contains(",")).toList();
        if (!r.by().contains(",")) {
            if (!singles.contains(r.by())) {
                throw ProblemException.invalidField(field, named + d.id() + " breaks down by " + String.join(", ", singles));
            }
            if (r.keys().size() != 1) {
                throw ProblemException.invalidField(field, named + "by=" + r.by() + " is one dimension: its key is one "
                        + "value (in quotes if it has a space or a comma)");
            }
            return;
        }
        List<String> crossings = d.breakdowns().stream().filter(b -> b.contains(",")).toList();
        String offered = crossings.isEmpty() ? d.id() + " has no cross-tabulation"
                : d.id() + " cross-tabulates by " + String.join("; ", crossings);
        List<String> dimensions = List.of(r.by().split(","));
        for (String dimension : dimensions) {
            if (d.breakdowns().stream().noneMatch(b -> List.of(b.split(",")).contains(dimension))) {
                throw ProblemException.invalidField(field, named + dimension + " is not a dimension of " + d.id()
                        + " (it breaks down by " + String.join(", ", singles) + "); " + offered);
            }
        }
        if (!crossings.contains(r.by())) {
            throw ProblemException.invalidField(field, named + (dimensions.size() > 2
                    ? "a cross-tabulation is of two dimensions; " : d.id() + " is not cross-tabulated by " + r.by() + "; ")
                    + offered);
        }
        if (r.keys().size() != dimensions.size() || r.keys().contains("")) {
            throw ProblemException.invalidField(field, named + "by=" + r.by() + " takes a key of " + dimensions.size()
                    + " parts, one per dimension in that order, separated by a comma (a part with a space or a comma in "
                    + "quotes, e.g. key=WRAP,\"Nuneaton and Bedworth\"); this key has " + r.keys().size()
                    + (r.keys().contains("") ? ", one of them empty" : ""));
        }
    }

    /** The figure as the caller sees it now: the lead every figure, any other reader what disclosure control allows. */
    String live(Reference r, ReportingPeriod edition) {
        ReportingPeriod period = r.period(edition);
        return indicators.find(r.indicator()).map(d -> {
            IndicatorValues v = engine.answerable(d, period, r.by()) ? engine.values(d, period, r.by()) : engine.withheld(d, period);
            return display(v, r);
        }).orElse("–");
    }

    /** The figure as every reader but the lead sees it, whoever asks: frozen at publication for those readers. */
    String forReaders(Reference r, ReportingPeriod edition) {
        return indicators.find(r.indicator()).map(d -> display(engine.readerValues(d, r.period(edition), r.by()), r))
                .orElse("–");
    }

    boolean seesSmallNumbers() {
        return engine.seesSmallNumbers();
    }

    private static String display(IndicatorValues v, Reference r) {
        Figures.Figure figure = v.figure();
        if (r.by() != null) {
            if (v.breakdown() == null) {
                figure = figure.suppressed() ? figure : Figures.Figure.of(null, null, null).suppress();
            } else {
                // The engine's cell of the whole table, hidden where the table hides it; matched part by part, as a
                // part may hold a comma. A cell nobody is in is not in the table: 0.
                figure = v.breakdown().cells().stream().filter(c -> c.keys().equals(r.keys())).map(Figures.Cell::figure)
                        .findFirst().orElse(Figures.Figure.of(BigDecimal.ZERO, 0L, null));
            }
        }
        if (figure.suppressed()) {
            return Figures.SUPPRESSED_MARK;
        }
        if (figure.value() == null) {
            return "–";
        }
        return NumberFormat.getNumberInstance(Locale.UK).format(figure.value())
                + ("percent".equals(v.indicator().unit()) ? "%" : "");
    }
}
