package org.totaldiff.experiments.plot;

/**
 * Perceptually uniform colour maps (matplotlib's viridis and inferno, sampled at 11 points
 * and interpolated linearly), and a diverging blue-white-red map for signed fields.
 */
public enum ColorMap {
    /** Dark blue to yellow: for fields. */
    VIRIDIS(0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151,
            0xbddf26, 0xfde725),
    /** Black to pale yellow: for errors and magnitudes. */
    INFERNO(0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
            0xf6d746, 0xfcffa4),
    /** Blue, white, red (ColorBrewer RdBu reversed): for signed fields symmetric about 0. */
    BLUE_RED(0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d,
            0xb2182b, 0x67001f);

    private final int[] stops;

    ColorMap(int... stops) {
        this.stops = stops;
    }

    /** RGB colour (0xRRGGBB) of the fraction {@code f} in [0, 1] along the map (clamped). */
    public int rgb(double f) {
        if (Double.isNaN(f)) {
            return 0x999999;
        }
        double p = Math.max(0.0, Math.min(1.0, f)) * (stops.length - 1);
        int k = Math.min((int) p, stops.length - 2);
        double w = p - k;
        int a = stops[k];
        int b = stops[k + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - w) + ((b >> 16) & 0xff) * w);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - w) + ((b >> 8) & 0xff) * w);
        int bl = (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
        return (r << 16) | (g << 8) | bl;
    }
}
