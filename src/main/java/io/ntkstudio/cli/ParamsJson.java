package io.ntkstudio.cli;

import com.google.gson.stream.JsonWriter;
import io.ntkstudio.files.AtomicFiles;
import io.ntkstudio.network.Network;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the stored trainable parameters as
 * {@code {"parameterization": P, "layers": [{"W": [[...]], "b": [...]}, ...]}}, W as
 * fan_out rows × fan_in columns, input layer first, numbers round-trip exact; "architecture" (and a
 * conv network's "readout") for the others than dense, whose convolutions' W are C_out rows of
 * 3 × 3 × C_in columns, offset-major. Streams, so a wide network never needs a JSON tree in memory.
 */
final class ParamsJson {
    private ParamsJson() {
    }

    static void write(Path file, Network net) throws IOException {
        AtomicFiles.write(file, w -> {
            JsonWriter json = new JsonWriter(w);
            json.beginObject();
            json.name("parameterization").value(net.config().parameterization().id());
            if (net.config().architecture() != io.ntkstudio.network.Architecture.DENSE) {
                json.name("architecture").value(net.config().architecture().id());
            }
            if (net.config().readout() != null) {
                json.name("readout").value(net.config().readout().id());
            }
            json.name("layers").beginArray();
            for (int l = 0; l < net.layerCount(); l++) {
                int in = net.fanIn(l);
                double[] weights = net.weightStorage(l).read();
                json.beginObject().name("W").beginArray();
                for (int o = 0; o < net.fanOut(l); o++) {
                    json.beginArray();
                    for (int i = 0; i < in; i++) {
                        json.value(weights[o * in + i]);
                    }
                    json.endArray();
                }
                json.endArray().name("b").beginArray();
                for (double b : net.biases(l)) {
                    json.value(b);
                }
                json.endArray().endObject();
            }
            json.endArray();
            json.endObject();
            json.flush();
        });
    }
}
