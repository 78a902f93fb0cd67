package org.preventhub.reporting.edition;

/**
 * The one EXIF value worth keeping from a photo, read before the rest is thrown away: its orientation (phones store
 * a portrait photo sideways and say so in this tag). Reads only JPEG segment headers and the first TIFF directory,
 * bounds-checked throughout; anything unexpected means "upright".
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** 1 (upright) to 8, as EXIF numbers them. */
    static int of(byte[] jpeg) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = u16(jpeg, at + 2, true);
                if (marker == 0xDA || length < 2) {
                    return 1; // image data starts: no EXIF before it
                }
                if (marker == 0xE1 && length >= 16 && ascii(jpeg, at + 4, "Exif\0\0")) {
                    return fromTiff(jpeg, at + 10, at + 2 + length);
                }
                at += 2 + length;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean bigEndian = b[tiff] == 'M';
        int ifd = tiff + (int) u32(b, tiff + 4, bigEndian);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, bigEndian);
        for (int i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= end; i++) {
            int entry = ifd + 2 + 12 * i;
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static boolean ascii(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (b[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[bigEndian ? at : at + 1] & 0xFF;
        int lo = b[bigEndian ? at + 1 : at] & 0xFF;
        return hi << 8 | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (long) u16(b, at, true) << 16 | u16(b, at + 2, true)
                : (long) u16(b, at + 2, false) << 16 | u16(b, at, false);
    }
}
