package org.preventhub.reporting.edition;

import java.math.BigDecimal;
import java.text.NumberFormat;
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
 * Live figure references in an edition's Markdown, {@code {{indicator}}} or {@code {{indicator by=dim key=value}}},
 * resolved through the indicator engine, so a reference shows what the reader may see of that figure.
 */
@ApplicationScoped
public class FigureReferences {

    static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{\\s*([a-z0-9.-]{1,80})(?:\\s+by=([a-z_]{1,60})\\s+key=([^\\s{}]{1,100}))?\\s*\\}\\}");

    /** A reference, by its normal form (the key frozen figures are kept under). */
    public record Reference(String indicator, String by, String key) {
        public String id() {
            return by == null ? indicator : indicator + " by=" + by + " key=" + key;
        }
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
                found.add(new Reference(m.group(1), m.group(2), m.group(3)));
            }
        }
        return found;
    }

    /** 400 naming {@code field} for a reference to no indicator, or to a breakdown the indicator has not. */
    void validate(String field, String markdown) {
        for (Reference r : in(markdown)) {
            IndicatorDefinition d = indicators.find(r.indicator()).orElseThrow(() -> ProblemException.invalidField(field,
                    "{{" + r.id() + "}} names no indicator"));
            if (r.by() != null && (r.by().contains(",") || !d.breakdowns().contains(r.by()))) {
                throw ProblemException.invalidField(field, "{{" + r.id() + "}}: " + d.id() + " breaks down by "
                        + String.join(", ", d.breakdowns().stream().filter(b -> !b.contains(",")).toList()));
            }
        }
    }

    /** The figure as the caller sees it now: the lead every figure, any other reader what disclosure control allows. */
    String live(Reference r, ReportingPeriod period) {
        return indicators.find(r.indicator()).map(d -> {
            IndicatorValues v = engine.answerable(d, period, r.by()) ? engine.values(d, period, r.by()) : engine.withheld(d, period);
            return display(v, r);
        }).orElse("–");
    }

    /** The figure as every reader but the lead sees it, whoever asks: frozen at publication for those readers. */
    String forReaders(Reference r, ReportingPeriod period) {
        return indicators.find(r.indicator()).map(d -> display(engine.readerValues(d, period, r.by()), r)).orElse("–");
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
