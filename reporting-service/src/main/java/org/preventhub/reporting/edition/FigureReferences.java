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
 * ({@code by=course key=WRAP}, or a key with spaces in quotes: {@code key="Prevent awareness"}) and a period other
 * than the edition's ({@code from=2019-04-01 to=2020-03-31}), resolved through the indicator engine, so a reference
 * shows what the reader may see of that figure. Any other text between {@code {{ }}} is refused when a draft is
 * saved, so a mistyped reference never reaches a reader as raw braces.
 */
@ApplicationScoped
public class FigureReferences {

    static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{\\s*([a-z0-9.-]{1,80})"
                    + "(?:\\s+by=([a-z_]{1,60})\\s+key=(?:\"([^\"{}]{1,100})\"|([^\\s{}\"]{1,100})))?"
                    + "(?:\\s+from=(\\d{4}-\\d{2}-\\d{2})\\s+to=(\\d{4}-\\d{2}-\\d{2}))?\\s*\\}\\}");
    /** Anything that looks like a reference: what is neither a figure's nor an image's is refused. */
    private static final Pattern BRACES = Pattern.compile("\\{\\{[^{}]{0,300}\\}\\}");

    /**
     * A reference, by its normal form (the key frozen figures are kept under): references without a quoted key or a
     * period keep the form they had before either existed, so editions published then still find their figures.
     */
    public record Reference(String indicator, String by, String key, String from, String to) {
        public Reference(String indicator, String by, String key) {
            this(indicator, by, key, null, null);
        }

        public String id() {
            String id = by == null ? indicator
                    : indicator + " by=" + by + " key=" + (key.matches("[^\\s{}\"]+") ? key : "\"" + key + "\"");
            return from == null ? id : id + " from=" + from + " to=" + to;
        }

        /** The period the figure is of: its own, or the edition's. */
        ReportingPeriod period(ReportingPeriod edition) {
            return from == null ? edition : ReportingPeriod.between(LocalDate.parse(from), LocalDate.parse(to));
        }
    }

    /** The reference a match of {@link #REFERENCE} stands for. */
    static Reference of(Matcher m) {
        return new Reference(m.group(1), m.group(2), m.group(3) != null ? m.group(3) : m.group(4), m.group(5), m.group(6));
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

    /** 400 naming {@code field} for a reference to no indicator, or to a breakdown the indicator has not. */
    void validate(String field, String markdown) {
        if (markdown != null) {
            Matcher any = BRACES.matcher(markdown);
            while (any.find()) {
                String text = any.group();
                if (!REFERENCE.matcher(text).matches() && !EditionImages.REFERENCE.matcher(text).matches()) {
                    throw ProblemException.invalidField(field, (text.length() > 60 ? text.substring(0, 57) + "...}}" : text)
                            + " is not a figure reference: {{indicator}}, optionally by=<breakdown> key=<key or \"quoted key\"> "
                            + "and from=YYYY-MM-DD to=YYYY-MM-DD, or an image's {{image:<id>}}");
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
            if (r.by() != null && (r.by().contains(",") || !d.breakdowns().contains(r.by()))) {
                throw ProblemException.invalidField(field, "{{" + r.id() + "}}: " + d.id() + " breaks down by "
                        + String.join(", ", d.breakdowns().stream().filter(b -> !b.contains(",")).toList()));
            }
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
                figure = v.breakdown().cells().stream().filter(c -> c.key().equals(r.key())).map(Figures.Cell::figure)
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
