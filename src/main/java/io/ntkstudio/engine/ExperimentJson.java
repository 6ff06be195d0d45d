package io.ntkstudio.engine;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.ntkstudio.data.ClassChoice;
import io.ntkstudio.data.DataSource;
import io.ntkstudio.data.DataSources;
import io.ntkstudio.data.DataSpec;
import io.ntkstudio.input.InvalidInputException;
import io.ntkstudio.input.Range;
import io.ntkstudio.network.Activation;
import io.ntkstudio.network.Architecture;
import io.ntkstudio.network.Layers;
import io.ntkstudio.network.Readout;
import io.ntkstudio.network.Loss;
import io.ntkstudio.network.NetworkConfig;
import io.ntkstudio.network.TrainingRule;
import io.ntkstudio.network.Parameterization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes experiment files:
 * {@code {"network": {...}, "data": {...}, "training": {...}}}. Every field is optional and takes
 * its default; an unknown field or a value of the wrong type is an error that names it.
 */
public final class ExperimentJson {
    private static final Set<String> TOP = Set.of("network", "data", "training");
    private static final Set<String> NETWORK = Set.of("width", "depth", "activation", "parameterization", "sigmaW", "sigmaB", "seed",
            "outputScale", "architecture", "readout");
    private static final Set<String> DATA = Set.of("source", "n", "testN", "target", "frequency", "noise", "seed", "train", "test",
            "classes", "digits");
    private static final Set<String> TRAINING = Set.of("learningRate", "steps", "kernelEvery", "members", "loss", "momentum", "batchSize");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ExperimentJson() {
    }

    public static ExperimentSpec read(Path file) {
        return parse(StrictJson.readFile(file), file.toString());
    }

    public static ExperimentSpec parse(String text, String origin) {
        return parse(StrictJson.parse(text, origin), origin);
    }

    /** The experiment in a JSON tree already read (a lesson holds one or two); messages start with {@code origin}. */
    public static ExperimentSpec parse(JsonElement root, String origin) {
        if (!root.isJsonObject()) {
            throw new InvalidInputException(origin + ": expected a JSON object with network, data and training");
        }
        JsonObject top = root.getAsJsonObject();
        checkKeys(origin, "", top, TOP);
        JsonObject net = section(origin, top, "network", NETWORK);
        JsonObject data = section(origin, top, "data", DATA);
        JsonObject tr = section(origin, top, "training", TRAINING);
        try {
            NetworkConfig d = NetworkConfig.defaults();
            NetworkConfig network = new NetworkConfig(
                    (int) integer(origin, net, "network.width", d.width()),
                    (int) integer(origin, net, "network.depth", d.depth()),
                    Activation.parse(string(origin, net, "network.activation", d.activation().id())),
                    Parameterization.parse(string(origin, net, "network.parameterization", d.parameterization().id())),
                    number(origin, net, "network.sigmaW", d.sigmaW()),
                    number(origin, net, "network.sigmaB", d.sigmaB()),
                    integer(origin, net, "network.seed", d.seed()),
                    number(origin, net, "network.outputScale", d.outputScale()),
                    layers(origin, net));
            String source = string(origin, data, "data.source", DataSources.CIRCLE.id());
            DataSource kind = DataSources.of(source);
            DataSpec base = kind.defaults();
            DataSpec dataSpec = new DataSpec(base.source(),
                    (int) integer(origin, data, "data.n", base.n()),
                    (int) integer(origin, data, "data.testN", base.testN()),
                    string(origin, data, "data.target", base.target()),
                    number(origin, data, "data.frequency", base.frequency()),
                    number(origin, data, "data.noise", base.noise()),
                    integer(origin, data, "data.seed", base.seed()),
                    string(origin, data, "data.train", kind.readsFiles() ? null : base.train()),
                    string(origin, data, "data.test", base.test()),
                    new ClassChoice((int) integer(origin, data, "data.classes", 0), digits(origin, data)));
            TrainingSpec t = TrainingSpec.defaults();
            TrainingRule rule = new TrainingRule(
                    Loss.parse(string(origin, tr, "training.loss", t.rule().loss().id())),
                    number(origin, tr, "training.momentum", t.rule().momentum()),
                    (int) integer(origin, tr, "training.batchSize", t.rule().batchSize()));
            if (tr != null && tr.has("batchSize")) {
                // written out, 0 is not "full batch": that is the key left out
                TrainingRule.BATCH_SIZE.check(rule.batchSize());
            }
            TrainingSpec training = new TrainingSpec(
                    number(origin, tr, "training.learningRate", t.learningRate()),
                    (int) integer(origin, tr, "training.steps", t.steps()),
                    (int) integer(origin, tr, "training.kernelEvery", t.kernelEvery()),
                    (int) integer(origin, tr, "training.members", t.members()), rule);
            return new ExperimentSpec(network, dataSpec, training);
        } catch (InvalidInputException e) {
            // the records' own validation does not know the file; the readers above name it already
            throw e.getMessage().startsWith(origin + ": ") ? e : new InvalidInputException(origin + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(origin + ": " + e.getMessage());
        }
    }

    /** network.architecture, dense when left out, and a conv network's network.readout, global average pooling when left out. */
    private static Layers layers(String origin, JsonObject net) {
        String id = string(origin, net, "network.architecture", Architecture.DENSE.id());
        Architecture a = Architecture.byId(id);
        if (a == null) {
            throw new InvalidInputException(origin + ": network.architecture \"" + id + "\" is not one of " + Architecture.ids());
        }
        String r = string(origin, net, "network.readout", null);
        if (r == null || a != Architecture.CONV) {
            return a == Architecture.CONV ? Layers.of(a) : new Layers(a, r == null ? null : Readout.GAP);
        }
        Readout readout = Readout.byId(r);
        if (readout == null) {
            throw new InvalidInputException(origin + ": network.readout \"" + r + "\" is not one of " + Readout.ids());
        }
        return Layers.conv(readout);
    }

    /** The JSON text of an experiment, with every field written out. */
    public static String format(ExperimentSpec spec) {
        return GSON.toJson(tree(spec)) + "\n";
    }

    /** The experiment as a JSON tree, with every field written out (a lesson embeds it). */
    public static JsonObject tree(ExperimentSpec spec) {
        JsonObject top = new JsonObject();
        JsonObject net = new JsonObject();
        NetworkConfig n = spec.network();
        net.addProperty("width", n.width());
        net.addProperty("depth", n.depth());
        net.addProperty("activation", n.activation().id());
        net.addProperty("parameterization", n.parameterization().id());
        net.addProperty("sigmaW", n.sigmaW());
        net.addProperty("sigmaB", n.sigmaB());
        net.addProperty("seed", n.seed());
        if (n.outputScale() != 1.0) {
            net.addProperty("outputScale", n.outputScale());
        }
        if (n.architecture() != Architecture.DENSE) {
            net.addProperty("architecture", n.architecture().id());
        }
        if (n.readout() != null) {
            net.addProperty("readout", n.readout().id());
        }
        JsonObject data = new JsonObject();
        DataSpec d = spec.data();
        data.addProperty("source", d.source());
        if (d.readsFiles()) {
            data.addProperty("train", d.train());
            if (d.test() != null) {
                data.addProperty("test", d.test());
            }
            if (d.classes().count() > 0) {
                data.addProperty("classes", d.classes().count());
            }
        } else {
            data.addProperty("n", d.n());
            data.addProperty("testN", d.testN());
            if (!DataSpec.targetsOf(d.source()).isEmpty()) {
                data.addProperty("target", d.target());
                data.addProperty("frequency", d.frequency());
            }
            data.addProperty("noise", d.noise());
            data.addProperty("seed", d.seed());
            if (!d.classes().digits().isEmpty()) {
                JsonArray digits = new JsonArray();
                d.classes().digits().forEach(digits::add);
                data.add("digits", digits);
            }
        }
        JsonObject tr = new JsonObject();
        tr.addProperty("learningRate", spec.training().learningRate());
        tr.addProperty("steps", spec.training().steps());
        tr.addProperty("kernelEvery", spec.training().kernelEvery());
        if (spec.training().members() != 1) {
            tr.addProperty("members", spec.training().members());
        }
        TrainingRule rule = spec.training().rule();
        if (rule.loss() != Loss.MSE) {
            tr.addProperty("loss", rule.loss().id());
        }
        if (rule.momentum() != 0) {
            tr.addProperty("momentum", rule.momentum());
        }
        if (!rule.fullBatch()) {
            tr.addProperty("batchSize", rule.batchSize());
        }
        top.add("network", net);
        top.add("data", data);
        top.add("training", tr);
        return top;
    }

    private static JsonObject section(String origin, JsonObject top, String name, Set<String> allowed) {
        JsonElement e = top.get(name);
        if (e == null) {
            return new JsonObject();
        }
        if (e.isJsonNull()) {
            throw new InvalidInputException(origin + ": " + name + " is null; give an object, or leave it out for the defaults");
        }
        if (!e.isJsonObject()) {
            throw new InvalidInputException(origin + ": " + name + " must be a JSON object");
        }
        checkKeys(origin, name + ".", e.getAsJsonObject(), allowed);
        return e.getAsJsonObject();
    }

    private static void checkKeys(String origin, String prefix, JsonObject o, Set<String> allowed) {
        for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new InvalidInputException(origin + ": unknown field " + StrictJson.quote(prefix + entry.getKey()) + "; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static JsonPrimitive primitive(String origin, JsonObject o, String path) {
        JsonElement e = o.get(path.substring(path.indexOf('.') + 1));
        if (e == null) {
            return null;
        }
        if (e.isJsonNull()) {
            throw new InvalidInputException(origin + ": " + path + " is null; give a value, or leave the field out for its default");
        }
        if (!e.isJsonPrimitive()) {
            throw new InvalidInputException(origin + ": " + path + " must be a single value, got " + StrictJson.quote(e));
        }
        return e.getAsJsonPrimitive();
    }

    private static double number(String origin, JsonObject o, String path, double fallback) {
        JsonPrimitive p = primitive(origin, o, path);
        if (p == null) {
            return fallback;
        }
        if (!p.isNumber()) {
            throw new InvalidInputException(origin + ": " + path + " must be a number, got " + StrictJson.quote(p));
        }
        return p.getAsDouble();
    }

    /** The whole-number fields' ranges, checked here where the digits as written are at hand. */
    private static final Map<String, Range> INTEGERS = Map.ofEntries(
            Map.entry(NetworkConfig.WIDTH.key(), NetworkConfig.WIDTH), Map.entry(NetworkConfig.DEPTH.key(), NetworkConfig.DEPTH),
            Map.entry(NetworkConfig.SEED.key(), NetworkConfig.SEED), Map.entry("data.seed", NetworkConfig.SEED.as("data.seed")),
            Map.entry(DataSpec.N.key(), DataSpec.N), Map.entry(DataSpec.TEST_N.key(), DataSpec.TEST_N),
            Map.entry(DataSpec.CLASSES.key(), DataSpec.CLASSES),
            Map.entry(TrainingSpec.STEPS.key(), TrainingSpec.STEPS), Map.entry(TrainingSpec.KERNEL_EVERY.key(), TrainingSpec.KERNEL_EVERY),
            Map.entry(TrainingSpec.MEMBERS.key(), TrainingSpec.MEMBERS), Map.entry(TrainingRule.BATCH_SIZE.key(), TrainingRule.BATCH_SIZE));

    private static long integer(String origin, JsonObject o, String path, long fallback) {
        JsonPrimitive p = primitive(origin, o, path);
        if (p == null) {
            return fallback;
        }
        double v = p.isNumber() ? p.getAsDouble() : Double.NaN;
        if (v != Math.rint(v)) {
            throw new InvalidInputException(origin + ": " + path + " must be a whole number, got " + StrictJson.quote(p));
        }
        Range range = INTEGERS.get(path);
        if (Math.abs(v) > 9.0e15 || range != null && !range.contains(v)) {
            // whole but too large to carry: refused with the field's range and the digits as written
            throw new InvalidInputException(origin + ": " + (range == null ? path + " must be a whole number below 9e15"
                    : range.key() + " must be an integer from " + Range.plain(range.min()) + " to " + Range.plain(range.max()))
                    + ", got " + StrictJson.quote(p));
        }
        return (long) v;
    }

    /** {@code data.digits}: a list of whole numbers, or empty when left out. */
    private static List<Integer> digits(String origin, JsonObject o) {
        JsonElement e = o.get("digits");
        if (e == null) {
            return List.of();
        }
        String how = "; give a list of digits 0 to 9, e.g. [3, 8]";
        if (!e.isJsonArray()) {
            throw new InvalidInputException(origin + ": data.digits must be a list, got " + StrictJson.quote(e) + how);
        }
        List<Integer> out = new ArrayList<>();
        for (JsonElement d : e.getAsJsonArray()) {
            double v = d.isJsonPrimitive() && d.getAsJsonPrimitive().isNumber() ? d.getAsDouble() : Double.NaN;
            if (v != Math.rint(v) || Math.abs(v) > 1e9) {
                throw new InvalidInputException(origin + ": data.digits holds " + StrictJson.quote(d) + how);
            }
            out.add((int) v);
        }
        return out;
    }

    private static String string(String origin, JsonObject o, String path, String fallback) {
        JsonPrimitive p = primitive(origin, o, path);
        if (p == null) {
            return fallback;
        }
        if (!p.isString()) {
            throw new InvalidInputException(origin + ": " + path + " must be a string, got " + StrictJson.quote(p));
        }
        return p.getAsString();
    }
}
