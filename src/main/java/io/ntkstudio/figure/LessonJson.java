package io.ntkstudio.figure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.engine.StrictJson;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes lesson files ({@code .ntk}, JSON), and tells them from plain experiment files:
 * <pre>
 * {"ntkLesson": 1, "title": "…", "note": "…", "experiment": {network, data, training},
 *  "compare": {"network": {"width": 2048}}, "speed": 5, "maximise": "spectrum",
 *  "heatmap": "change", "panels": ["spectrum"], "overlay": false, "next": "part-2.ntk"}</pre>
 * {@code compare} holds what B changes from A (network without its seed, training): B always
 * trains on A's data from A's seed. Every key is checked: an unknown one, a value of the wrong
 * type or range, or a newer format is refused in one line that names it, so no field is ever
 * dropped unseen.
 */
public final class LessonJson {
    private static final Set<String> KEYS = Set.of("ntkLesson", "title", "note", "experiment", "compare", "speed", "maximise",
            "heatmap", "panels", "overlay", "next");
    private static final List<String> COMPARE = List.of("network", "training");
    static final int MAX_TITLE = 120;
    static final int MAX_NOTE = 2000;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private LessonJson() {
    }

    /** A lesson file, or a plain experiment file as {@link Lesson#plain}. */
    public static Lesson read(Path file) {
        return parse(StrictJson.readFile(file), file.toString());
    }

    /** The experiment to train from a file that holds an experiment or a lesson (a lesson's A). */
    public static ExperimentSpec experiment(Path file) {
        return read(file).experiment();
    }

    /** A lesson, or a plain experiment as {@link Lesson#plain}, from JSON text. */
    public static Lesson parse(String text, String origin) {
        JsonElement root = StrictJson.parse(text, origin);
        if (!root.isJsonObject() || !isLesson(root.getAsJsonObject())) {
            return Lesson.plain(ExperimentJson.parse(root, origin));
        }
        JsonObject top = root.getAsJsonObject();
        for (String key : top.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(origin + ": unknown field " + StrictJson.quote(key) + " in a lesson; allowed: "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        checkFormat(origin, top.get("ntkLesson"));
        String title = text(origin, top, "title", MAX_TITLE, true);
        String note = text(origin, top, "note", MAX_NOTE, true);
        if (title.contains("\n")) {
            throw new InvalidInputException(origin + ": title must be one line");
        }
        JsonElement exp = top.get("experiment");
        if (exp == null || !exp.isJsonObject()) {
            throw new InvalidInputException(origin + ": experiment must be a JSON object with network, data and training");
        }
        ExperimentSpec a = ExperimentJson.parse(exp, origin + ", experiment");
        ExperimentSpec b = top.has("compare") ? compared(origin, a, top.get("compare")) : null;
        double speed = top.has("speed") ? number(origin, top, "speed") : 0;
        if (!Staging.SPEED.contains(speed)) {
            throw new InvalidInputException(origin + ": speed must be a number of steps per second from 0 (as fast as possible) to "
                    + Range.plain(Staging.SPEED.max()) + ", got " + Range.plain(speed));
        }
        ViewKind maximise = top.has("maximise") ? view(origin, "maximise", text(origin, top, "maximise", 40, false), Views.ALL) : null;
        HeatmapMode mode = null;
        if (top.has("heatmap")) {
            String id = text(origin, top, "heatmap", 40, false);
            mode = HeatmapMode.byId(id);
            if (mode == null) {
                throw new InvalidInputException(origin + ": heatmap must be one of " + HeatmapMode.ids() + ", got "
                        + StrictJson.quote(id));
            }
        }
        List<ViewKind> panels = new ArrayList<>();
        if (top.has("panels")) {
            JsonElement p = top.get("panels");
            if (!p.isJsonArray()) {
                throw new InvalidInputException(origin + ": panels must be a list of views, e.g. [\"spectrum\"]");
            }
            for (JsonElement e : p.getAsJsonArray()) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw new InvalidInputException(origin + ": panels must list views by name, got " + StrictJson.quote(e));
                }
                panels.add(view(origin, "panels", e.getAsString(), Views.TWO_PANELS));
            }
        }
        boolean overlay = false;
        if (top.has("overlay")) {
            JsonElement o = top.get("overlay");
            if (!o.isJsonPrimitive() || !o.getAsJsonPrimitive().isBoolean()) {
                throw new InvalidInputException(origin + ": overlay must be true or false, got " + StrictJson.quote(o));
            }
            overlay = o.getAsBoolean();
            if (overlay && b == null) {
                throw new InvalidInputException(origin + ": overlay needs two runs; add compare (what B changes), or remove overlay");
            }
        }
        String next = top.has("next") ? text(origin, top, "next", 200, false) : null;
        if (next != null && (!next.endsWith(".ntk") || Path.of(next).isAbsolute() || next.contains("\\"))) {
            throw new InvalidInputException(origin + ": next must name a .ntk file beside this one (e.g. \"part-2.ntk\"), got "
                    + StrictJson.quote(next));
        }
        return new Lesson(title, note, a, b, new Staging(speed, maximise, mode, panels, overlay), next);
    }

    /** The text of a lesson file; {@code compare} holds only what B changes from A. */
    public static String format(Lesson lesson) {
        if (lesson.isPlain()) {
            return ExperimentJson.format(lesson.experiment());
        }
        JsonObject top = new JsonObject();
        top.addProperty("ntkLesson", Lesson.FORMAT);
        top.addProperty("title", lesson.title());
        top.addProperty("note", lesson.note());
        JsonObject a = ExperimentJson.tree(lesson.experiment());
        top.add("experiment", a);
        if (lesson.compares()) {
            top.add("compare", difference(a, ExperimentJson.tree(lesson.compare())));
        }
        Staging s = lesson.staging();
        top.addProperty("speed", s.stepsPerSecond());
        if (s.maximise() != null) {
            top.addProperty("maximise", s.maximise().id());
        }
        if (s.heatmapMode() != null) {
            top.addProperty("heatmap", s.heatmapMode().id());
        }
        if (!s.bothPanels().isEmpty()) {
            JsonArray panels = new JsonArray();
            s.bothPanels().forEach(v -> panels.add(v.id()));
            top.add("panels", panels);
        }
        if (s.overlay()) {
            top.addProperty("overlay", true);
        }
        if (lesson.next() != null) {
            top.addProperty("next", lesson.next());
        }
        return GSON.toJson(top) + "\n";
    }

    /** Whether a file's top-level object is a lesson rather than an experiment (it has a lesson's own keys). */
    static boolean isLesson(JsonObject top) {
        for (String key : top.keySet()) {
            if (KEYS.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static void checkFormat(String origin, JsonElement format) {
        if (format == null) {
            throw new InvalidInputException(origin + ": a lesson file starts with \"ntkLesson\": " + Lesson.FORMAT
                    + "; add it (an experiment file holds only network, data and training)");
        }
        if (!format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber()
                || format.getAsDouble() != Math.rint(format.getAsDouble()) || format.getAsDouble() < 1) {
            throw new InvalidInputException(origin + ": ntkLesson must be the lesson format, " + Lesson.FORMAT + ", got "
                    + StrictJson.quote(format));
        }
        if (format.getAsDouble() > Lesson.FORMAT) {
            throw new InvalidInputException(origin + ": written by a newer NTK Studio (lesson format " + format.getAsLong()
                    + "; this version reads format " + Lesson.FORMAT + "); update NTK Studio to open it");
        }
    }

    /** B: A's experiment with what {@code compare} changes (network without its seed, and training). */
    private static ExperimentSpec compared(String origin, ExperimentSpec a, JsonElement compare) {
        if (!compare.isJsonObject()) {
            throw new InvalidInputException(origin + ": compare must be a JSON object of what B changes, e.g. {\"network\": {\"width\": 2048}}");
        }
        JsonObject changes = compare.getAsJsonObject();
        for (String key : changes.keySet()) {
            if (key.equals("data")) {
                throw new InvalidInputException(origin + ": compare.data: B always trains on A's data; remove it");
            }
            if (!COMPARE.contains(key)) {
                throw new InvalidInputException(origin + ": unknown field " + StrictJson.quote("compare." + key) + "; allowed: network, training");
            }
            if (!changes.get(key).isJsonObject()) {
                throw new InvalidInputException(origin + ": compare." + key + " must be a JSON object");
            }
        }
        if (changes.has("network") && changes.getAsJsonObject("network").has("seed")) {
            throw new InvalidInputException(origin + ": compare.network.seed: B always starts from A's seed; remove it");
        }
        JsonObject b = ExperimentJson.tree(a);
        for (Map.Entry<String, JsonElement> section : changes.entrySet()) {
            for (Map.Entry<String, JsonElement> field : section.getValue().getAsJsonObject().entrySet()) {
                b.getAsJsonObject(section.getKey()).add(field.getKey(), field.getValue());
            }
        }
        return ExperimentJson.parse(b, origin + ", compare");
    }

    /** The fields of B's tree that differ from A's, section by section (network and training only). */
    private static JsonObject difference(JsonObject a, JsonObject b) {
        JsonObject out = new JsonObject();
        for (String section : COMPARE) {
            JsonObject sa = a.getAsJsonObject(section);
            JsonObject sb = b.getAsJsonObject(section);
            JsonObject changed = new JsonObject();
            for (Map.Entry<String, JsonElement> field : sb.entrySet()) {
                if (!field.getValue().equals(sa.get(field.getKey()))) {
                    changed.add(field.getKey(), field.getValue());
                }
            }
            // the two fields a tree leaves out at their default: A writes one, B is back at the default
            for (String key : List.of("outputScale", "members")) {
                if (sa.has(key) && !sb.has(key)) {
                    changed.add(key, new JsonPrimitive(1));
                }
            }
            if (!changed.isEmpty()) {
                out.add(section, changed);
            }
        }
        return out;
    }

    private static ViewKind view(String origin, String key, String id, List<ViewKind> allowed) {
        for (ViewKind v : allowed) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new InvalidInputException(origin + ": " + key + " must name one of the views " + String.join(", ",
                allowed.stream().map(ViewKind::id).toList()) + ", got " + StrictJson.quote(id));
    }

    private static String text(String origin, JsonObject top, String key, int max, boolean required) {
        JsonElement e = top.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw new InvalidInputException(origin + ": a lesson needs a " + key);
            }
            throw new InvalidInputException(origin + ": " + key + " must be a string, got null");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(origin + ": " + key + " must be a string, got " + StrictJson.quote(e));
        }
        String s = e.getAsString();
        if (s.isBlank()) {
            throw new InvalidInputException(origin + ": " + key + " is empty");
        }
        if (s.length() > max) {
            throw new InvalidInputException(origin + ": " + key + " is " + s.length() + " characters long; at most " + max);
        }
        return s;
    }

    private static double number(String origin, JsonObject top, String key) {
        JsonElement e = top.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidInputException(origin + ": " + key + " must be a number, got " + StrictJson.quote(e));
        }
        return e.getAsDouble();
    }
}
