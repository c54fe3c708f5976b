package dev.logsentry.ui.common;

import javafx.scene.image.Image;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icon factory: Material Design icons from Ikonli, and the application icon in every size. */
public final class Icons {
    private static final int[] APP_ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private Icons() {}

    /** A Material Design icon by its Ikonli literal, e.g. {@code mdi2f-folder-open}. */
    public static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("ls-icon");
        return icon;
    }

    /** The application icon in all bundled sizes, for window decorations and task bars. */
    public static Image[] appIcons() {
        Image[] images = new Image[APP_ICON_SIZES.length];
        for (int i = 0; i < APP_ICON_SIZES.length; i++) {
            images[i] = appIcon(APP_ICON_SIZES[i]);
        }
        return images;
    }

    public static Image appIcon(int size) {
        String path = "/dev/logsentry/icons/logsentry-" + size + ".png";
        var url = Icons.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing bundled icon " + path);
        }
        return new Image(url.toExternalForm());
    }
}
