package org.gdcert.dsl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gdcert.core.run.ResultWriter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * gdcert's chart style and the writing of charts as SVG and PNG. Every chart is white with light
 * grid lines, the legend below the plot (labels can be long: they name the checker, the tag and
 * the formula), and a fixed palette so that a series has the same colour in every plot. Drawing is
 * headless: {@code java.awt.headless} is set before the first chart is made.
 */
public final class Charts {
    /** Width of a plot in pixels. */
    public static final int WIDTH = 860;
    /** Height of a plot in pixels. */
    public static final int HEIGHT = 560;
    /** The colour of measured data (the loss, a monitor). */
    public static final Color DATA = new Color(31, 119, 180);
    /** Colours of overlaid series (bounds, requirements), in order. */
    public static final Color[] PALETTE = {new Color(214, 39, 40), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};
    /** Heat-map colours of a value, low to high: light yellow to mid blue (black text stays legible). */
    public static final Color[] VALUE_COLOURS = {new Color(255, 255, 217), new Color(199, 233, 180),
        new Color(127, 205, 187), new Color(65, 182, 196), new Color(90, 150, 210)};
    /** Heat-map colours of a fraction (0 = never, 1 = always): red, yellow, green. */
    public static final Color[] FRACTION_COLOURS = {new Color(244, 109, 67), new Color(254, 224, 139),
        new Color(166, 217, 106), new Color(60, 170, 90)};
    /** Dashed stroke for theoretical curves. */
    public static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 5f}, 0f);
    /** Solid stroke for data. */
    public static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d+\\.\\d\\d)\\d+");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern SVG_OPEN = Pattern.compile("<svg\\b[^>]*>");

    static {
        headless();
    }

    private Charts() {
    }

    /** Makes AWT headless (no display is needed to draw) unless the JVM already decided. */
    public static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A line chart in gdcert's style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setMarkerSize(7);
        return c;
    }

    /** A heat map in gdcert's style. */
    public static HeatMapChart heatMap(String title, String xTitle, String yTitle) {
        HeatMapChart c = new HeatMapChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle(yTitle);
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setShowValue(true);
        c.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setRangeColors(VALUE_COLOURS);
        c.getStyler().setValueFontColor(Color.BLACK);
        c.getStyler().setDrawBorder(true);
        return c;
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(150, 150, 150));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        // solid grid lines: dashed ones become one outline per dash in the SVG
        s.setPlotGridLinesStroke(new BasicStroke(0.8f));
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(new Color(40, 40, 40));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(12);
        s.setPlotMargin(4);
        s.setLocale(Locale.ROOT);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
    }

    /**
     * The decimal pattern of a linear axis whose values reach {@code maxAbs} in magnitude: plain
     * digits without grouping ({@code 1080}, {@code 0.025}) from 0.01 to 99999, else scientific.
     * (XChart's formatting functions would also move the ticks onto the data's x values.)
     */
    public static String pattern(double maxAbs) {
        return maxAbs == 0 || (maxAbs >= 1e-2 && maxAbs < 1e5) ? "0.###" : "0.##E0";
    }

    /** Sets the tick patterns of the linear axes from the data; call when every series is added. */
    public static void tickPatterns(XYChart c) {
        double x = 0;
        double y = 0;
        for (XYSeries s : c.getSeriesMap().values()) {
            for (double v : s.getXData()) {
                x = Double.isFinite(v) ? Math.max(x, Math.abs(v)) : x;
            }
            for (double v : s.getYData()) {
                y = Double.isFinite(v) ? Math.max(y, Math.abs(v)) : y;
            }
        }
        if (!c.getStyler().isXAxisLogarithmic()) {
            c.getStyler().setXAxisDecimalPattern(pattern(x));
        }
        if (!c.getStyler().isYAxisLogarithmic()) {
            c.getStyler().setYAxisDecimalPattern(pattern(y));
        }
    }

    /** Legend labels longer than this are cut (the full text is in the plot's description). */
    public static final int MAX_LABEL = 96;

    /** {@code label}, cut to {@link #MAX_LABEL} characters with an ellipsis so the legend fits the plot. */
    public static String legend(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1).stripTrailing() + "…";
    }

    /** Sets the y axis to a log scale or not (XChart's own decade labels on a log scale). */
    public static void logY(XYChart c, boolean log) {
        c.getStyler().setYAxisLogarithmic(log);
    }

    /** Sets the x axis to a log scale or not. */
    public static void logX(XYChart c, boolean log) {
        c.getStyler().setXAxisLogarithmic(log);
    }

    /** Styles a measured series: solid, no markers. */
    public static XYSeries data(XYSeries s, Color color) {
        s.setLineColor(color);
        s.setLineStyle(SOLID);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Styles a measured series, with circles at the points when {@code markers}. */
    public static XYSeries dataWithMarkers(XYSeries s, Color color, boolean markers) {
        data(s, color);
        if (markers) {
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
        }
        return s;
    }

    /** Styles a theoretical series: dashed, no markers. */
    public static XYSeries theory(XYSeries s, Color color) {
        s.setLineColor(color);
        s.setLineStyle(DASHED);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** The i-th overlay colour (cycling). */
    public static Color overlay(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * Writes {@code chart} as {@code name.svg} and {@code name.png} in {@code dir}, each atomically.
     * The SVG carries the chart's title and {@code description} as {@code <title>} and
     * {@code <desc>}: XChart draws text as outlines, so these are what a reader (or a screen
     * reader, or a search) finds as text.
     */
    public static Plot write(Chart<?, ?> chart, Path dir, String name, String description) {
        if (chart instanceof XYChart xy) {
            tickPatterns(xy);
        }
        String svg;
        byte[] png;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            svg = annotate(out.toString(StandardCharsets.UTF_8), chart.getTitle(), description);
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot draw " + name + ": " + e.getMessage(), e);
        }
        Path svgFile = dir.resolve(name + ".svg");
        Path pngFile = dir.resolve(name + ".png");
        byte[] svgBytes = svg.getBytes(StandardCharsets.UTF_8);
        ResultWriter.writeAtomically(svgFile, o -> o.write(svgBytes));
        ResultWriter.writeAtomically(pngFile, o -> o.write(png));
        return new Plot(name, chart.getTitle(), description, svgFile, pngFile);
    }

    /**
     * Shortens coordinates to two decimals, drops the doctype (it names a DTD on the network that
     * strict XML tools would fetch; SVG needs none) and adds {@code <title>} and {@code <desc>}.
     */
    static String annotate(String svg, String title, String description) {
        Matcher m = LONG_DECIMAL.matcher(DOCTYPE.matcher(svg).replaceFirst(""));
        String shortened = m.replaceAll("$1");
        Matcher open = SVG_OPEN.matcher(shortened);
        if (!open.find()) {
            return shortened;
        }
        String meta = "\n  <title>" + Html.escape(title) + "</title>\n  <desc>" + Html.escape(description) + "</desc>";
        return shortened.substring(0, open.end()) + meta + shortened.substring(open.end());
    }
}
