package io.ntkstudio.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.ntkstudio.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON as RFC 8259 defines it, and nothing more: no comments, single quotes, unquoted names or
 * values, ';' or '=' separators (Gson's lenient defaults accept all of these), and no duplicate
 * names (where Gson keeps the last, so {"width":8,"width":16} would train at 16). Files are read
 * only if they are regular and at most {@link #MAX_BYTES}. Every message is one line and quotes
 * at most 80 characters of what the user wrote.
 */
public final class StrictJson {
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private StrictJson() {
    }

    /** The text of a JSON file, refused before reading if it is not a regular file or is too large. */
    public static String readFile(Path file) {
        try {
            if (!Files.exists(file)) {
                throw new InvalidInputException(file + ": no such file");
            }
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file + ": is a folder; give an experiment file (JSON)");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": is not a regular file (a device or a pipe); give an experiment file (JSON)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new InvalidInputException(file + ": is larger than 1 MB; an experiment file is a few hundred bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException | InvalidPathException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses one JSON value; {@code origin} prefixes every message. */
    public static JsonElement parse(String text, String origin) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement root = value(reader, origin, "");
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(origin + ": not valid JSON: more text after the end" + where(reader.toString()));
            }
            return root;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new InvalidInputException(origin + ": not valid JSON" + where(String.valueOf(e.getMessage()))
                    + " (names and strings need double quotes, members are separated by commas, and comments are not allowed)");
        } catch (StackOverflowError e) {
            throw new InvalidInputException(origin + ": not valid JSON: nested too deeply");
        }
    }

    private static JsonElement value(JsonReader r, String origin, String path) throws IOException {
        switch (r.peek()) {
            case BEGIN_OBJECT: {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new InvalidInputException(origin + ": " + quote(at) + " is given twice; keep one");
                    }
                    o.add(name, value(r, origin, at));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY: {
                JsonArray a = new JsonArray();
                r.beginArray();
                while (r.hasNext()) {
                    a.add(value(r, origin, path + "[]"));
                }
                r.endArray();
                return a;
            }
            case STRING:
                return new JsonPrimitive(r.nextString());
            case NUMBER:
                return new JsonPrimitive(new BigDecimal(r.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(r.nextBoolean());
            case NULL:
                r.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + r.peek() + " " + r);
        }
    }

    private static String where(String message) {
        Matcher m = WHERE.matcher(message);
        return m.find() ? " at line " + m.group(1) + " column " + m.group(2) : "";
    }

    /** At most 80 characters of a user's text, on one line. */
    public static String quote(String s) {
        return InvalidInputException.quote(s);
    }

    /** As {@link #quote(String)} for a JSON value, as it was written. */
    public static String quote(JsonElement e) {
        return quote(String.valueOf(e));
    }
}
