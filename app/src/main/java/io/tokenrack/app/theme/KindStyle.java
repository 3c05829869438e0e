package io.tokenrack.app.theme;

import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * How each kind of rack item looks everywhere (palette, rack, legend): a group title, an icon and
 * a style class whose colour the stylesheet sets from the theme's chart tokens.
 */
public enum KindStyle {
    COMPUTE("Servers and trays", MaterialDesignS.SERVER, "tr-kind-compute"),
    NETWORK("Network", MaterialDesignL.LAN, "tr-kind-network"),
    COOLING("Cooling", MaterialDesignS.SNOWFLAKE, "tr-kind-cooling"),
    POWER("Power", MaterialDesignF.FLASH, "tr-kind-power"),
    RACK("Racks", MaterialDesignW.WARDROBE_OUTLINE, "tr-kind-rack"),
    OTHER("Other", MaterialDesignC.CHIP, "tr-kind-other");

    private final String title;
    private final Ikon icon;
    private final String styleClass;

    KindStyle(String title, Ikon icon, String styleClass) {
        this.title = title;
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    public FontIcon newIcon() {
        FontIcon i = new FontIcon(icon);
        i.getStyleClass().add(styleClass + "-icon");
        return i;
    }

    public static KindStyle of(CatalogItem item) {
        return switch (item) {
            case ServerSpec s when s.role() == ServerSpec.Role.SWITCH_TRAY -> NETWORK;
            case ServerSpec s -> COMPUTE;
            case NetworkSpec n -> NETWORK;
            case CoolingSpec c -> COOLING;
            case PowerSpec p -> POWER;
            case RackSpec r -> RACK;
            default -> OTHER;
        };
    }
}
