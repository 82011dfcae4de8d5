package com.miniamazon.it.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Files a seller might upload: a real PNG, and text pretending to be one. */
public final class Pictures {

    private Pictures() {}

    /** A small PNG drawn here: an orange lantern on a dark sky. */
    public static Path realPng() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f2933));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0xff9900));
        g.fillRoundRect(130, 70, 60, 100, 20, 20);
        g.setColor(new Color(0xfde68a));
        g.fillOval(145, 95, 30, 40);
        g.dispose();
        try {
            Path file = Files.createTempFile("lantern-", ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file named .png: the browser's type check passes it, the shop's content check must not. */
    public static Path textPretendingToBePng() {
        try {
            Path file = Files.createTempFile("not-a-picture-", ".png");
            Files.writeString(file, "<svg onload=alert(1)>this is not a picture</svg>", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
