package io.tokenrack.app.canvas;

import io.tokenrack.app.theme.Styles;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The token flow beside the racks: dots leave the rack's side at the modelled output rate (one dot
 * per {@link TokenFlow#tokensPerDot()} tokens, said by the legend and its tooltip) and drift away,
 * fading. One canvas and one {@link AnimationTimer}; the timer runs only while the flow is on and
 * the strip is in a showing window, so off (the default) it costs nothing, and on it draws at most
 * a few hundred small dots a frame.
 */
public final class TokenFlowView extends VBox {
    /** Width of the strip the dots cross. */
    static final double WIDTH = 64;
    /** Seconds a dot takes to cross the strip. */
    static final double CROSSING_SECONDS = 1.6;
    /** At most this many dots at once (the oldest go first). */
    static final int MAX_DOTS = 400;

    private final Canvas canvas = new Canvas(WIDTH, 10);
    private final Pane holder = new Pane(canvas);
    private final Label legend = new Label();
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final double[] x = new double[MAX_DOTS];
    private final double[] y = new double[MAX_DOTS];
    private final java.util.Random random = new java.util.Random(13);
    private int first;
    private int count;
    private long frames;
    private TokenFlow flow = new TokenFlow(0);
    private Color colour = Color.web("#0969da");
    private long last;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            double dt = last == 0 ? 0 : Math.min(0.1, (now - last) / 1e9);
            last = now;
            step(dt);
            draw();
            frames++;
        }
    };

    public TokenFlowView() {
        setId("token-flow");
        getStyleClass().add("tr-token-flow");
        setAccessibleText("Token flow: dots leave the rack at the modelled output rate");
        holder.setMinWidth(WIDTH);
        holder.setPrefWidth(WIDTH);
        holder.setMaxWidth(WIDTH);
        holder.setMouseTransparent(true);
        canvas.heightProperty().bind(holder.heightProperty());
        legend.setId("token-flow-legend");
        legend.getStyleClass().add(Styles.MUTED);
        legend.setWrapText(true);
        legend.setMaxWidth(WIDTH + 8);
        legend.setAlignment(Pos.CENTER);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        legend.setTooltip(tip);
        setAlignment(Pos.TOP_CENTER);
        setPadding(new Insets(8, 0, 16, 0));
        setSpacing(4);
        getChildren().setAll(holder, legend);
        VBox.setVgrow(holder, javafx.scene.layout.Priority.ALWAYS);
        setMinWidth(WIDTH + 8);
        setMaxWidth(WIDTH + 8);
        visibleProperty().bind(on);
        managedProperty().bind(on);
        show(flow);
        on.addListener((o, was, now) -> follow());
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.windowProperty().addListener((o2, w0, w1) -> watch(w1));
                watch(now.getWindow());
            }
            follow();
        });
    }

    private void watch(javafx.stage.Window w) {
        if (w != null) {
            w.showingProperty().addListener((o, was, now) -> follow());
        }
        follow();
    }

    /** Whether the flow is on (View ▸ Token flow). */
    public BooleanProperty onProperty() {
        return on;
    }

    /** Whether the animation timer runs now (on, and in a showing window). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Frames drawn so far (for tests: the animation advances). */
    public long frames() {
        return frames;
    }

    /** Dots on the strip now. */
    public int dots() {
        return count;
    }

    /** The modelled output rate to animate, and the scale it is shown at. */
    public void show(TokenFlow next) {
        this.flow = next;
        legend.setText(next.tokensPerSecond() == 0 ? "" : next.legend());
        legend.getTooltip().setText(next.explanation());
    }

    public TokenFlow flow() {
        return flow;
    }

    /** The dots' colour (the theme's accent). */
    public void setColour(Color c) {
        this.colour = c;
    }

    private void follow() {
        boolean showing = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
        boolean run = on.get() && showing;
        if (run && !running.get()) {
            last = 0;
            timer.start();
        } else if (!run && running.get()) {
            timer.stop();
            count = 0;
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        running.set(run);
    }

    private void step(double dt) {
        double h = canvas.getHeight();
        double speed = WIDTH / CROSSING_SECONDS;
        // advance, dropping the dots that have crossed (they are the oldest, at the front)
        for (int i = 0; i < count; i++) {
            x[(first + i) % MAX_DOTS] += speed * dt;
        }
        while (count > 0 && x[first] > WIDTH) {
            first = (first + 1) % MAX_DOTS;
            count--;
        }
        int born = flow.dotsIn(dt);
        for (int i = 0; i < born; i++) {
            if (count == MAX_DOTS) {
                first = (first + 1) % MAX_DOTS;
                count--;
            }
            int slot = (first + count) % MAX_DOTS;
            // spread over the strip's time step so a burst does not start in one column
            x[slot] = random.nextDouble() * speed * dt;
            y[slot] = 6 + random.nextDouble() * Math.max(0, h - 12);
            count++;
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int i = 0; i < count; i++) {
            int k = (first + i) % MAX_DOTS;
            double fade = 1 - x[k] / WIDTH;
            g.setGlobalAlpha(0.15 + 0.75 * fade);
            g.setFill(colour);
            g.fillOval(x[k] - 2, y[k] - 2, 4, 4);
        }
        g.setGlobalAlpha(1);
    }
}
