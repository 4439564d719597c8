package org.totaldiff.experiments.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Line charts stacked top to bottom in one figure, sharing one x axis (drawn under the bottom
 * panel), e.g. entropy and saturation of each layer against iteration. Of each panel, its y
 * axis title and scale, its series and its markers are drawn, with its own legend; its width
 * and height are not used (the panels share the figure's height equally). A marker of any
 * panel is drawn across all panels and labelled once, above the top one.
 *
 * @param title  figure title (may be empty)
 * @param panels the panels, top to bottom: same x axis title and scale, empty titles
 * @param width  PNG width in pixels
 * @param height PNG height in pixels
 */
public record StackedLineChart(String title, List<LineChart> panels, int width, int height) {

    /** Checks that the panels agree on their x axis. */
    public StackedLineChart {
        Objects.requireNonNull(title, "title");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("stacked chart '" + title + "': no panel to draw");
        }
        if (width < 200 || height < 150 * panels.size()) {
            throw new IllegalArgumentException("stacked chart '" + title + "': " + width + "x" + height
                    + " pixels is too small for " + panels.size() + " panels (need >= 200x" + 150 * panels.size()
                    + ")");
        }
        LineChart bottom = panels.get(panels.size() - 1);
        for (int k = 0; k < panels.size(); k++) {
            LineChart p = panels.get(k);
            if (!p.title().isEmpty()) {
                throw new IllegalArgumentException("stacked chart '" + title + "': panel " + k + " has the title '"
                        + p.title() + "'; panels are named by their y axis titles, so give it an empty title");
            }
            if (!p.xLabel().equals(bottom.xLabel()) || p.logX() != bottom.logX()) {
                throw new IllegalArgumentException("stacked chart '" + title + "': panels share the x axis, but panel "
                        + k + " has x axis '" + p.xLabel() + "' (log " + p.logX() + ") and the bottom panel '"
                        + bottom.xLabel() + "' (log " + bottom.logX() + ")");
            }
        }
    }

    /** The markers of all panels, each once, in order of first appearance. */
    public List<Marker> markers() {
        List<Marker> all = new ArrayList<>();
        for (LineChart p : panels) {
            for (Marker m : p.markers()) {
                if (!all.contains(m)) {
                    all.add(m);
                }
            }
        }
        return all;
    }
}
