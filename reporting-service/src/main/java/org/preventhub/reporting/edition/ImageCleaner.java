package org.preventhub.reporting.edition;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.preventhub.platform.problem.ProblemException;

/**
 * A photo as the report may keep it: PNG or JPEG by its bytes (not by what the sender says), its pixel size read
 * from the header and bounded before anything is decoded (a small file can declare a huge image), decoded whole
 * (a truncated file is refused, not shown half grey), turned upright by its EXIF orientation, and re-encoded from
 * its pixels alone. Re-encoding is what strips the metadata: EXIF (GPS position, camera, time), XMP, IPTC, PNG text
 * chunks and embedded thumbnails never reach the new file, whatever segment they hid in.
 */
final class ImageCleaner {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    /** What is kept: the clean bytes, their type and size in pixels. */
    record Clean(byte[] bytes, String mediaType, int width, int height) {
    }

    private ImageCleaner() {
    }

    /** The media type the bytes are, or null when they are neither PNG nor JPEG. */
    static String sniff(byte[] bytes) {
        if (bytes.length >= PNG_MAGIC.length && java.util.Arrays.equals(bytes, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
            return PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        return null;
    }

    /**
     * @param declared the request's Content-Type, which must agree with the bytes
     * @param maxPixels the most pixels (width × height) an image may declare
     */
    static Clean clean(byte[] bytes, String declared, long maxPixels, int maxSide) {
        String type = sniff(bytes);
        if (type == null) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The file is not a PNG or JPEG image (its first bytes are neither).", List.of(), Map.of());
        }
        if (!type.equals(declared)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The file is a " + type + " image but was sent as " + declared + ".", List.of(), Map.of());
        }
        BufferedImage image = decode(bytes, type, maxPixels, maxSide);
        if (JPEG.equals(type)) {
            image = upright(image, ExifOrientation.of(bytes));
        }
        return new Clean(encode(image, type), type, image.getWidth(), image.getHeight());
    }

    private static BufferedImage decode(byte[] bytes, String type, long maxPixels, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: never parsed, never kept
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
                    throw new ProblemException(413, "image-too-large", "Image too large", "The image is " + width + " × "
                            + height + " pixels; at most " + maxSide + " pixels a side and " + maxPixels
                            + " pixels in all are accepted.", List.of(), Map.of());
                }
                // The JPEG reader answers a truncated file with a grey-filled image and a warning: refuse it instead.
                reader.addIIOReadWarningListener((source, warning) -> {
                    throw new TruncatedImage(warning);
                });
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("The image could not be read whole: it is truncated or damaged.",
                    new org.preventhub.platform.problem.Violation("body", "a complete PNG or JPEG image"));
        }
    }

    /** The pixels as the camera meant them to be seen (the orientation tag goes with the rest of the EXIF data). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, String type) {
        BufferedImage pixels = image;
        if (JPEG.equals(type) && (image.getColorModel().hasAlpha() || image.getType() == BufferedImage.TYPE_CUSTOM)) {
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = pixels.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(type).next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (JPEG.equals(type)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
            }
            writer.write(null, new IIOImage(pixels, null, null), param); // no metadata but the format's own minimum
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The image could not be re-encoded", e);
        } finally {
            writer.dispose();
        }
    }

    private static final class TruncatedImage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TruncatedImage(String warning) {
            super(warning, null, false, false);
        }
    }
}
