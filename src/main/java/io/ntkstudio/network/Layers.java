package io.ntkstudio.network;

import io.ntkstudio.input.InvalidInputException;

/** What a network's layers are: the architecture and, for a conv network only, its readout. */
public record Layers(Architecture architecture, Readout readout) {
    public static final Layers DENSE = new Layers(Architecture.DENSE, null);
    public static final Layers RESIDUAL = new Layers(Architecture.RESIDUAL, null);

    public Layers {
        if (architecture == null) {
            throw new InvalidInputException("network.architecture is required: one of " + Architecture.ids());
        }
        if ((architecture == Architecture.CONV) != (readout != null)) {
            throw new InvalidInputException(readout == null
                    ? "network.architecture conv needs network.readout: one of " + Readout.ids()
                    : "network.readout applies to network.architecture conv, which pools or flattens its feature maps; leave it out for "
                    + architecture.id());
        }
    }

    /** A conv network with that readout. */
    public static Layers conv(Readout readout) {
        return new Layers(Architecture.CONV, readout);
    }

    /** The architecture with its default readout where it has one (global average pooling). */
    public static Layers of(Architecture a) {
        return switch (a) {
            case DENSE -> DENSE;
            case RESIDUAL -> RESIDUAL;
            case CONV -> conv(Readout.GAP);
        };
    }
}
