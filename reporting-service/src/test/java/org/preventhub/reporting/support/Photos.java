package org.preventhub.reporting.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Photos as cameras and phones write them, for the report's image tests: a JPEG with an EXIF block (camera make and
 * model, orientation, GPS position) and an XMP packet, a PNG with text chunks naming a place, and helpers that list
 * what segments or chunks a file carries.
 */
public final class Photos {

    public static final String CAMERA = "HubTestCam";
    public static final String PLACE = "Riversley Park, Nuneaton";

    private Photos() {
    }

    /** A width × height JPEG as a phone writes it: EXIF with camera, orientation and GPS (52.52 N, 1.47 W), and XMP. */
    public static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height), "jpg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(orientation)));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:Description "
                + "photoshop:City=\"" + PLACE + "\" exif:GPSLatitude=\"52,31.2N\"/></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with tEXt and iTXt chunks naming where it was taken. */
    public static byte[] pngWithText(int width, int height) {
        byte[] plain = encode(picture(width, height), "png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ihdrEnd = 8 + 8 + 13 + 4;
        out.write(plain, 0, ihdrEnd);
        chunk(out, "tEXt", ("Location\0" + PLACE).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("Camera\0\0\0\0\0" + CAMERA).getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, ihdrEnd, plain.length - ihdrEnd);
        return out.toByteArray();
    }

    /** A tiny PNG whose header declares a width × height image (a decompression bomb's first bytes). */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The markers of a JPEG's segments before its image data (0xE0 is JFIF, 0xE1 EXIF or XMP, ...). */
    public static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    /** The chunk types of a PNG, in order. */
    public static List<String> pngChunks(byte[] png) {
        List<String> chunks = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            chunks.add(new String(type, StandardCharsets.ISO_8859_1));
            b.position(b.position() + length + 4);
        }
        return chunks;
    }

    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2b6cb0));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height / 2); // a corner to tell which way up it is
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A big-endian TIFF block: IFD0 with Make, Model, Orientation and a GPS pointer; a GPS IFD with latitude. */
    private static byte[] tiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] model = "Model 7 Pro\0".getBytes(StandardCharsets.ISO_8859_1);
        int ifd0 = 8;
        int entries = 4;
        int gpsIfd = ifd0 + 2 + entries * 12 + 4;
        int gpsEntries = 2;
        int data = gpsIfd + 2 + gpsEntries * 12 + 4;
        b.putShort((short) entries);
        entry(b, 0x010F, 2, make.length, data);
        entry(b, 0x0110, 2, model.length, data + make.length);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        b.putShort((short) gpsEntries);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(b, 2, 5, 3, data + make.length + model.length);
        b.putInt(0);
        b.put(make).put(model);
        b.putInt(52).putInt(1).putInt(31).putInt(1).putInt(1234).putInt(100);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int offset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
