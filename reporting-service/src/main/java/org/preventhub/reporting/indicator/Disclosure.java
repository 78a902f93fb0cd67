package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.preventhub.reporting.indicator.Figures.Cell;
import org.preventhub.reporting.indicator.Figures.Figure;

/**
 * Small-number suppression for figures about people referred, as official statistics do it. Primary: a count
 * from 1 to below the threshold is hidden (zero is not). Secondary: if a breakdown hides exactly one cell, the
 * total minus the others would reveal it, so the smallest other non-zero cell is hidden too; if there is none, the
 * total is hidden. A total below the threshold is hidden as well.
 */
public final class Disclosure {

    private Disclosure() {
    }

    static boolean small(Figure figure, int threshold) {
        return figure.value() != null && figure.value().signum() > 0
                && figure.value().compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    public static Figure figure(Figure figure, int threshold) {
        return small(figure, threshold) ? figure.suppress() : figure;
    }

    /** @return the cells and the total, suppressed where needed */
    public static Figures.Breakdown breakdown(String by, List<Cell> cells, Figure total, int threshold) {
        List<Cell> out = new ArrayList<>(cells);
        int hidden = 0;
        for (int i = 0; i < out.size(); i++) {
            if (small(out.get(i).figure(), threshold)) {
                out.set(i, new Cell(out.get(i).key(), out.get(i).figure().suppress()));
                hidden++;
            }
        }
        Figure shownTotal = figure(total, threshold);
        if (hidden == 1 && !shownTotal.suppressed()) {
            int secondary = -1;
            for (int i = 0; i < out.size(); i++) {
                Figure f = out.get(i).figure();
                if (!f.suppressed() && f.value() != null && f.value().signum() > 0
                        && (secondary < 0 || f.value().compareTo(out.get(secondary).figure().value()) < 0)) {
                    secondary = i;
                }
            }
            if (secondary >= 0) {
                out.set(secondary, new Cell(out.get(secondary).key(), out.get(secondary).figure().suppress()));
            } else {
                shownTotal = shownTotal.suppress();
            }
        }
        out.sort(Comparator.comparing(Cell::key));
        return new Figures.Breakdown(by, out, shownTotal);
    }
}
